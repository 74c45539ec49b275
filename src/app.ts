import pLimit from 'p-limit';
import { AccessPolicy } from './access/policy.js';
import type { Config } from './config/index.js';
import { CursorCodec } from './connections/cursor.js';
import type { CohortLoadResult } from './demo/load.js';
import type { DemoTarget } from './demo/seed.js';
import type { RunningEmulator } from './emulator/server.js';
import { createGraphQLServer } from './graphql/server.js';
import type { SharedCache } from './graphql/shared-cache.js';
import { serverCredentials } from './healthcare/auth.js';
import { HealthcareClient, type UpstreamSettings } from './healthcare/client.js';
import { ExternalDicomStores } from './healthcare/external-dicomweb.js';
import { checkExternalDicomStores } from './healthcare/external-dicomweb-check.js';
import { checkConfiguredResources } from './access/startup-check.js';
import { DEFAULT_RETRY_POLICY } from './healthcare/retry.js';
import { checkReadiness, type ReadinessResult } from './http/readiness.js';
import { startGraphServer, type RunningGraphServer } from './http/server.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { StoreListCache } from './loaders/store-list-cache.js';

/** Time the start-up checks of external DICOMweb servers may take, retries included. */
const EXTERNAL_CHECK_MS = 5000;

export interface RunningApp {
  graph: RunningGraphServer;
  /** The embedded emulator, when the configuration asked for it. */
  emulator?: RunningEmulator;
  /** The API root the graph talks to. */
  apiUrl: string;
  /**
   * Loading of the demo cohort into the embedded emulator. It runs in the background (the images
   * take seconds to generate); `/readyz` answers 503 until it is done.
   */
  demo?: Promise<CohortLoadResult>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** False only for the benchmark's naive baseline. */
  batching?: boolean;
}

/**
 * Loads the demo cohort without holding up the server: the images take seconds to generate. Until it
 * is done, `unready()` gives readiness its answer; `stop()` ends it at the next upload.
 */
async function loadInBackground(target: DemoTarget, patients: number, logger: Logger) {
  const { loadDemoCohort } = await import('./demo/load.js');
  const abort = new AbortController();
  let state: ReadinessResult | undefined = { ready: false, detail: 'loading demo data' };
  const done = loadDemoCohort({ ...target, signal: abort.signal }, patients);
  const settled = done.then(
    () => { state = undefined; },
    (error: unknown) => {
      state = { ready: false, detail: 'loading demo data failed' };
      if (!abort.signal.aborted) logger.error({ err: error }, 'loading demo data failed');
    },
  );
  return {
    done,
    unready: () => state,
    async stop() {
      abort.abort();
      await settled;
    },
  };
}

/**
 * Starts everything a configuration describes: the embedded emulator with the demo dataset when no
 * Google project is configured, then the graph's HTTP server pointed at the API root.
 */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const credentials = serverCredentials(config.authMode);
  const access = new AccessPolicy(config);

  let emulator: RunningEmulator | undefined;
  let apiUrl = config.apiUrl;
  if (config.emulator.enabled) {
    // The emulator and the demo cohort (with its image writer) load only when used: a server pointed
    // at Google never holds their code (about 60 MB).
    const { startEmulator } = await import('./emulator/server.js');
    emulator = await startEmulator({
      port: config.emulator.port,
      host: config.host,
      dataDir: config.emulator.dataDir,
      latency: config.emulator.latency,
      faults: config.emulator.faults,
      principals: config.emulator.principals,
    });
    apiUrl = `${emulator.url}/v1`;
  }
  const settings: UpstreamSettings = {
    apiUrl,
    timeoutMs: config.upstreamTimeoutMs,
    concurrency: config.upstreamConcurrency,
    processLimit: pLimit(config.upstreamProcessConcurrency),
    retry: { ...DEFAULT_RETRY_POLICY, retries: config.upstreamRetries },
    metrics,
    externalDicom: config.dicomWebServers.length > 0 ? new ExternalDicomStores(config.dicomWebServers, config) : undefined,
  };

  let sharedCache: SharedCache | undefined;
  try {
    if (config.redisUrl) sharedCache = await (await import('./graphql/shared-cache.js')).connectSharedCache(config.redisUrl, logger);
    if (config.safelist) logger.info({ operations: config.safelist.size }, 'persisted queries: safelist mode, registered operations only');
    const seed = emulator && await import('./demo/seed.js');
    const demoTarget = seed && { apiUrl, project: config.project, location: config.location, token: seed.adminToken(config.emulator.principals) };
    if (demoTarget) await seed.seedDemoDataset(demoTarget);
    if (config.authMode !== 'passthrough') await checkConfiguredResources(new HealthcareClient(settings, credentials), config, logger);
    if (settings.externalDicom) {
      // A server that is down or unreachable is only a warning, so it may not hold up the start for long.
      const client = new HealthcareClient(settings, credentials, { deadline: Date.now() + EXTERNAL_CHECK_MS });
      await checkExternalDicomStores(client, settings.externalDicom.all(), access, config.authMode !== 'passthrough', logger);
    }
    const demo = demoTarget && await loadInBackground(demoTarget, config.demoPatients, logger);
    const graph = await startGraphServer({
      port: config.port,
      host: config.host,
      apollo: createGraphQLServer({
        logger,
        metrics,
        production: config.production,
        introspection: config.introspection,
        limits: config.limits,
        cache: sharedCache?.cache,
        safelist: config.safelist,
      }),
      context: {
        settings,
        authMode: config.authMode,
        serverCredentials: credentials,
        access,
        cursors: new CursorCodec(config.cursorSecret),
        logger,
        batching: options.batching ?? true,
        requestDeadlineMs: config.requestDeadlineMs,
        storeLists: new StoreListCache(options.batching === false ? 0 : config.storeListTtlMs),
        maxUpstreamCalls: config.limits.maxUpstreamCalls,
      },
      metrics,
      logger,
      graphiql: config.graphiql,
      publicUrl: config.publicUrl,
      readiness: async () => demo?.unready() ?? checkReadiness(settings, credentials, config.authMode, access),
    });
    return {
      graph,
      emulator,
      apiUrl,
      demo: demo?.done,
      async close() {
        await graph.close();
        await demo?.stop();
        await sharedCache?.close();
        await emulator?.close();
      },
    };
  } catch (error) {
    await sharedCache?.close();
    await emulator?.close();
    throw error;
  }
}
