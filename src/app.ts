import pLimit from 'p-limit';
import { AccessPolicy } from './access/policy.js';
import type { Config } from './config/index.js';
import { CursorCodec } from './connections/cursor.js';
import type { CohortLoadResult } from './demo/load.js';
import type { DemoTarget } from './demo/seed.js';
import { Disposers } from './disposers.js';
import type { EmbeddedEmulator } from './embedded-emulator/thread.js';
import { createGraphQLServer } from './graphql/server.js';
import { buildSchema } from './graphql/schema.js';
import type { SharedCache } from './graphql/shared-cache.js';
import { serverCredentials, type Credentials } from './healthcare/auth.js';
import { HealthcareClient, type UpstreamSettings } from './healthcare/client.js';
import { ExternalDicomStores } from './healthcare/external-dicomweb.js';
import { checkExternalDicomStores } from './healthcare/external-dicomweb-check.js';
import { checkConfiguredResources } from './access/startup-check.js';
import type { TrustServices } from './access/request-scope.js';
import { startTrustServices } from './access/trust-services.js';
import { DEFAULT_RETRY_POLICY } from './healthcare/retry.js';
import { checkReadiness, type ReadinessResult } from './http/readiness.js';
import { startGraphServer, type RunningGraphServer } from './http/server.js';
import { lazyPubSubStoreEvents } from './live/lazy-store-events.js';
import type { StoreEventSource } from './live/store-events.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { StoreListCache } from './loaders/store-list-cache.js';
import { viewerSetup } from './viewer/setup.js';

/** Time the start-up checks of external DICOMweb servers may take, retries included. */
const EXTERNAL_CHECK_MS = 5000;

export interface RunningApp {
  graph: RunningGraphServer;
  /** The embedded emulator (in its own worker thread), when the configuration asked for it. */
  emulator?: EmbeddedEmulator;
  /** The API root the graph talks to. */
  apiUrl: string;
  /**
   * Loading of the demo cohort into the embedded emulator. It runs in the background (the images
   * take seconds to generate); `/readyz` answers 503 until it is done.
   */
  demo?: Promise<CohortLoadResult>;
  /** The stores' notifications the graph's subscriptions listen to; undefined with `LIVE_UPDATES=off`. */
  storeEvents?: StoreEventSource;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** False only for the benchmark's naive baseline. */
  batching?: boolean;
}

/** What every start-up step works with: the configuration, the logger, and where it registers clean-up. */
interface StartUp {
  config: Config;
  logger: Logger;
  disposers: Disposers;
}

/** The API the graph calls: the embedded emulator when configured, else Google. */
interface Upstream {
  settings: UpstreamSettings;
  /** The server's own credentials (ADC or none). */
  credentials: Credentials;
  /** What may be asked upstream at all: the configured location, dataset pin and allow-lists. */
  access: AccessPolicy;
  emulator?: EmbeddedEmulator;
}

/** What runs beside the graph: the shared cache, the demo load and the stores' notifications, when configured; what requests go through. */
interface Services {
  sharedCache?: SharedCache;
  demo?: BackgroundLoad;
  trust: TrustServices;
  storeEvents?: StoreEventSource;
}

/**
 * Starts everything a configuration describes: the embedded emulator with the demo dataset when no
 * Google project is configured, then the graph's HTTP server pointed at the API root. Each step
 * registers the clean-up of what it started; `close()` and a failed start both run that list, so
 * they stop the same things in reverse start order.
 */
export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const start: StartUp = { config, logger, disposers: new Disposers() };
  try {
    const upstream = await startUpstream(start);
    const services = await prepareServices(start, upstream);
    const graph = await startGraph(start, upstream, services, options.batching ?? true);
    return {
      graph,
      emulator: upstream.emulator,
      apiUrl: upstream.settings.apiUrl,
      demo: services.demo?.done,
      storeEvents: services.storeEvents,
      close: () => start.disposers.dispose(),
    };
  } catch (error) {
    // The start's own error is what the caller needs; a clean-up failure on top of it is only logged.
    await start.disposers.dispose().catch((cleanupError: unknown) => logger.error({ err: cleanupError }, 'clean-up after a failed start failed'));
    throw error;
  }
}

/** Starts the embedded emulator when the configuration asks for it, and settles how upstream calls are made. */
async function startUpstream({ config, logger, disposers }: StartUp): Promise<Upstream> {
  const emulator = config.emulator.enabled ? await startEmbeddedEmulator(config, logger) : undefined;
  if (emulator) disposers.push(() => emulator.close());
  const settings: UpstreamSettings = {
    apiUrl: emulator ? `${emulator.url}/v1` : config.apiUrl,
    timeoutMs: config.upstreamTimeoutMs,
    concurrency: config.upstreamConcurrency,
    processLimit: pLimit(config.upstreamProcessConcurrency),
    retry: { ...DEFAULT_RETRY_POLICY, retries: config.upstreamRetries },
    metrics: createMetrics(),
    externalDicom: config.dicomWebServers.length > 0 ? new ExternalDicomStores(config.dicomWebServers, config) : undefined,
  };
  return { settings, credentials: serverCredentials(config.oidc?.upstreamAuth ?? config.authMode), access: new AccessPolicy(config), emulator };
}

async function startEmbeddedEmulator(config: Config, logger: Logger): Promise<EmbeddedEmulator> {
  // The emulator runs in a worker thread, off the graph's event loop; its code (about 60 MB) loads
  // there, so a server pointed at Google never holds it.
  const { startEmulatorThread } = await import('./embedded-emulator/thread.js');
  return startEmulatorThread({
    pubsubEndpoint: config.emulator.pubsubHost,
    port: config.emulator.port,
    host: config.host,
    dataDir: config.emulator.dataDir,
    gcsDir: config.emulator.gcsDir,
    latency: config.emulator.latency,
    faults: config.emulator.faults,
    principals: config.emulator.principals,
  }, { warn: (message) => logger.warn(message), error: (message) => logger.error(message) });
}

/**
 * Connects the shared cache, seeds the embedded emulator's demo dataset, runs the start-up checks of
 * the configured resources, starts the demo load and, after it, the demo's live feed, and prepares
 * the stores' notifications.
 */
async function prepareServices({ config, logger, disposers }: StartUp, { settings, credentials, access, emulator }: Upstream): Promise<Services> {
  const services: Services = { trust: await startTrustServices({ config, logger, disposers, settings, credentials, access }) };
  if (config.redisUrl) {
    const { connectSharedCache } = await import('./graphql/shared-cache.js');
    const sharedCache = await connectSharedCache(config.redisUrl, logger);
    disposers.push(() => sharedCache.close());
    services.sharedCache = sharedCache;
  }
  if (config.safelist) logger.info({ operations: config.safelist.size }, 'persisted queries: safelist mode, registered operations only');

  let demoTarget: DemoTarget | undefined;
  if (emulator) {
    const seed = await import('./demo/seed.js');
    demoTarget = { apiUrl: settings.apiUrl, project: config.project, location: config.location, token: seed.adminToken(config.emulator.principals), pubsubHost: emulator.pubsubHost };
    await seed.seedDemoDataset(demoTarget);
  }
  if (config.authMode !== 'passthrough') await checkConfiguredResources(new HealthcareClient(settings, credentials), access, logger);
  if (settings.externalDicom) {
    // A server that is down or unreachable is only a warning, so it may not hold up the start for long.
    const client = new HealthcareClient(settings, credentials, { deadline: Date.now() + EXTERNAL_CHECK_MS });
    await checkExternalDicomStores(client, settings.externalDicom.all(), access, config.authMode !== 'passthrough', logger);
  }
  if (demoTarget) {
    const demo = await loadInBackground(demoTarget, config.demoPatients, logger);
    disposers.push(() => demo.stop());
    services.demo = demo;
    if (config.demoLive.enabled) {
      const { startLiveFeed } = await import('./demo/live-feed.js');
      const feed = startLiveFeed(demoTarget, { intervalMs: config.demoLive.intervalMs, patients: config.demoPatients, logger }, demo.done);
      disposers.push(() => feed.stop());
    }
  }
  services.storeEvents = startStoreEvents({ config, logger, disposers }, settings, emulator);
  return services;
}

/**
 * The stores' notifications for subscriptions (`LIVE_UPDATES`), from the embedded emulator's
 * Pub/Sub, else `PUBSUB_EMULATOR_HOST`, else Google with the server's ADC. Its subscriptions are
 * deleted before the emulator stops (disposers run newest first).
 */
function startStoreEvents({ config, logger, disposers }: StartUp, settings: UpstreamSettings, emulator: EmbeddedEmulator | undefined): StoreEventSource | undefined {
  if (!config.live.enabled) return undefined;
  const storeEvents = lazyPubSubStoreEvents({
    emulatorHost: emulator?.pubsubHost ?? config.emulator.pubsubHost,
    projectId: config.project,
    replicaId: config.live.replicaId,
    idleGraceMs: config.live.idleGraceMs,
    logger,
    metrics: settings.metrics,
  });
  disposers.push(() => storeEvents.close());
  return storeEvents;
}

/** Starts the graph's HTTP server. */
async function startGraph({ config, logger, disposers }: StartUp, upstream: Upstream, services: Services, batching: boolean): Promise<RunningGraphServer> {
  const { settings, credentials, access } = upstream;
  const { viewer, viewerUrlTemplate } = viewerSetup(config);
  // One executable schema for both transports: Apollo over HTTP, graphql-ws over WebSocket.
  const schema = buildSchema();
  const graph = await startGraphServer({
    port: config.port,
    host: config.host,
    apollo: createGraphQLServer({
      logger,
      metrics: settings.metrics,
      production: config.production,
      introspection: config.introspection,
      limits: config.limits,
      cache: services.sharedCache?.cache,
      safelist: config.safelist,
      trust: services.trust,
      schema,
    }),
    context: {
      settings,
      authMode: config.authMode,
      trust: services.trust,
      access,
      cursors: new CursorCodec(config.cursorSecret),
      logger,
      batching,
      requestDeadlineMs: config.requestDeadlineMs,
      storeLists: new StoreListCache(batching ? config.storeListTtlMs : 0),
      maxUpstreamCalls: config.limits.maxUpstreamCalls,
      viewerUrlTemplate,
      storeEvents: services.storeEvents,
    },
    metrics: settings.metrics,
    logger,
    graphiql: config.graphiql,
    publicUrl: config.publicUrl,
    dicomWeb: { write: config.dicomWebProxyWrite, corsOrigins: config.dicomWebCorsOrigins },
    viewer,
    maxInFlight: config.maxInFlight,
    subscriptions: { schema, limits: config.limits, safelist: config.safelist, subscriptions: config.subscriptions, production: config.production },
    readiness: async () => services.demo?.unready() ?? checkReadiness(settings, credentials, config.authMode, access),
  });
  disposers.push(() => graph.close());
  return graph;
}

/**
 * The demo cohort loading without holding up the server: the images take seconds to generate. Until
 * it is done, `unready()` gives readiness its answer; `stop()` ends it at the next upload.
 */
interface BackgroundLoad {
  done: Promise<CohortLoadResult>;
  unready(): ReadinessResult | undefined;
  stop(): Promise<void>;
}

async function loadInBackground(target: DemoTarget, patients: number, logger: Logger): Promise<BackgroundLoad> {
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
