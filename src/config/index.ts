import type { FaultRule } from '../emulator/faults.js';
import type { Principals } from '../emulator/iam/index.js';
import { DEFAULT_LIMITS, type QueryLimits } from '../graphql/limits/index.js';
import type { Safelist } from '../graphql/safelist.js';
import { isSafeForCredentials, loadDicomWebServers, type DicomWebServerConfig } from './dicomweb-servers.js';
import { OPTIONS } from './options.js';
import { ConfigError, fail, read, type Env } from './parse.js';
import { parseAuditDestination, type AuditDestination } from './trust.js';
import type { AccessGrant } from '../access/policy.js';
import { GOOGLE_API_URL } from './values.js';

export { ConfigError } from './parse.js';
export { GOOGLE_API_URL } from './values.js';

export type AuthMode = 'adc' | 'passthrough' | 'none' | 'oidc';

/**
 * The server's whole configuration, read once at start from the environment. Each field names its
 * variable; the variables, their bounds and defaults are the table in `options.ts`
 * (docs/configuration.md).
 */
export interface Config {
  /** `PORT`: the GraphQL HTTP port; 0 = any free port. Defaults to 4000. */
  port: number;
  /** `HOST`: bind address of the graph and the embedded emulator. Defaults to 127.0.0.1. */
  host: string;
  /**
   * `HEALTHCARE_API_URL`: API root including the version, without a trailing slash. Defaults to
   * Google's ({@link GOOGLE_API_URL}); empty while the embedded emulator is not started yet.
   */
  apiUrl: string;
  /** `HEALTHCARE_PROJECT`: the project whose datasets the graph shows. Defaults to `demo`. */
  project: string;
  /** `HEALTHCARE_LOCATION`: the location whose datasets the graph shows. Defaults to `us-central1`. */
  location: string;
  /** `HEALTHCARE_DATASET`: pins the graph to one dataset (short id). Defaults to none: all datasets. */
  dataset?: string;
  /** `ALLOWED_LOCATIONS`: further locations of the project the graph may show, or `*` for all. Defaults to none: only `location`. */
  allowedLocations?: string[] | '*';
  /** `ALLOWED_FHIR_STORES`: the FHIR stores the graph may use. Defaults to all. */
  allowedFhirStores?: string[];
  /** `ALLOWED_DICOM_STORES`: the DICOM stores the graph may use. Defaults to all. */
  allowedDicomStores?: string[];
  /** `ALLOWED_HL7V2_STORES`: the HL7v2 stores the graph may use. Defaults to all. */
  allowedHl7V2Stores?: string[];
  /** `DICOMWEB_SERVERS` / `DICOMWEB_SERVERS_FILE`: external DICOMweb servers shown as DICOM stores. Defaults to none. */
  dicomWebServers: DicomWebServerConfig[];
  /** `AUTH_MODE`: how upstream calls are authenticated. Defaults to `adc` against Google's API, `none` otherwise. */
  authMode: AuthMode;
  /** The embedded emulator (`EMULATOR`, `EMULATOR_*`). */
  emulator: EmulatorConfig;
  /** `DEMO_PATIENTS`: size of the demo cohort loaded into the embedded emulator. Defaults to 100. */
  demoPatients: number;
  /** `DEMO_LIVE`, `DEMO_LIVE_INTERVAL_MS`: the embedded demo's live feed of vitals and admissions. Defaults to on, every minute. */
  demoLive: { enabled: boolean; intervalMs: number };
  /** `REDIS_URL`: Apollo's cache (automatic persisted queries) in this Redis, shared by replicas. Defaults to none: in-process. */
  redisUrl?: string;
  /** `PERSISTED_QUERIES=safelist` with `SAFELIST_FILE`: only these operations run. Defaults to none (`apq`: any document runs). */
  safelist?: Safelist;
  /** `LOG_LEVEL`: the pino level. Defaults to `info`. */
  logLevel: string;
  /** `NODE_ENV=production`: GraphiQL, introspection and stack traces off. Defaults to false. */
  production: boolean;
  /** `GRAPHQL_INTROSPECTION`: schema introspection. Defaults to on, off in production. */
  introspection: boolean;
  /** `GRAPHIQL`: GraphiQL at `GET /graphql` from a browser. Defaults to on, off in production. */
  graphiql: boolean;
  /** `UPSTREAM_TIMEOUT_MS`: per-call upstream timeout. Defaults to 60,000. */
  upstreamTimeoutMs: number;
  /** `UPSTREAM_CONCURRENCY`: upstream calls one GraphQL request may have in flight at once. Defaults to 32. */
  upstreamConcurrency: number;
  /** `UPSTREAM_PROCESS_CONCURRENCY`: upstream calls the whole process may have in flight at once. Defaults to 256. */
  upstreamProcessConcurrency: number;
  /** `UPSTREAM_RETRIES`: further attempts of an idempotent upstream call after a 429, 5xx or connection failure. Defaults to 3. */
  upstreamRetries: number;
  /** `REQUEST_DEADLINE_MS`: time one GraphQL request may spend on upstream calls, retries included. Defaults to 30,000. */
  requestDeadlineMs: number;
  /** `STORE_LIST_TTL_MS`: how long a dataset's list of stores is reused across requests; 0 = list on every request. Defaults to 60,000. */
  storeListTtlMs: number;
  /** `GRAPHQL_MAX_IN_FLIGHT`: GraphQL requests worked on at once; more are refused with 503 OVERLOADED. Defaults to 128. */
  maxInFlight: number;
  /**
   * `MAX_QUERY_*`, `MAX_UPSTREAM_CALLS_PER_REQUEST`: size, shape, cost and upstream-call limits of one
   * GraphQL request (QUERY_TOO_COMPLEX beyond them). Defaults to {@link DEFAULT_LIMITS}.
   */
  limits: QueryLimits;
  /** `CURSOR_SECRET`: key that signs cursors. Defaults to none: a random key per process, so cursors do not survive restarts. */
  cursorSecret?: string;
  /** `PUBLIC_URL`: base URL clients reach the graph at, when a proxy sits in front (for image URLs). Defaults to none: each request's `Host`. */
  publicUrl?: string;
  /** `DICOMWEB_PROXY_WRITE`: STOW-RS through the graph's DICOMweb endpoint. Defaults to off (read-only). */
  dicomWebProxyWrite: boolean;
  /** `DICOMWEB_CORS_ORIGINS`: browser origins that may call the DICOMweb endpoint. Defaults to none. */
  dicomWebCorsOrigins: readonly string[] | '*';
  /**
   * `VIEWER_URL_TEMPLATE`: what `Study.viewerUrl` and `Series.viewerUrl` link to; `null` for none
   * (`off`); undefined: the built-in viewer's when it is prepared, else none.
   */
  viewerUrlTemplate?: string | null;
  /** `VIEWER_DIR`: where OHIF's published build is prepared and served from. Defaults to `vendor/ohif`. */
  viewerDir: string;
  /** `OIDC_*`: the issuer whose tokens callers bring; set exactly when `authMode` is `oidc`. */
  oidc?: OidcConfig;
  /** `AUDIT_LOG`, `AUDIT_FHIR_STORE`: where audit events go. Defaults to nowhere. */
  audit: AuditConfig;
  /** `OTEL_*`, `TRACE_RESOLVERS`: OpenTelemetry tracing. Defaults to off. */
  tracing: TracingConfig;
  /** `RATE_LIMIT_*`: per-caller limits per minute; 0 = none. Defaults to none. */
  rateLimits: RateLimitConfig;
  /** `LIVE_*`: subscriptions fed by the stores' Pub/Sub notifications. */
  live: LiveConfig;
  /** GraphQL subscriptions over WebSocket: limits and keep-alive. */
  subscriptions: SubscriptionConfig;
}

export interface SubscriptionConfig {
  /** `LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION`. */
  maxPerConnection: number;
  /** `LIVE_MAX_SUBSCRIPTIONS`: over all connections of the process. */
  maxTotal: number;
  /** `LIVE_KEEPALIVE_MS`: WebSocket ping interval; 0 = none. */
  keepAliveMs: number;
  /** `LIVE_MAX_BUFFERED_BYTES`: a client with more unsent is closed as a slow consumer. */
  maxBufferedBytes: number;
}

/** `AUTH_MODE=oidc`'s part of {@link Config}. */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the issuer, as tokens' `iss` names it. */
  issuer: string;
  /** `OIDC_AUDIENCE`: the `aud` tokens must carry. */
  audience: string;
  /** `OIDC_UPSTREAM_AUTH`: the server's credentials upstream. Defaults to `adc` against Google's API, `none` otherwise. */
  upstreamAuth: 'adc' | 'none';
  /** `OIDC_ACCESS_CLAIM` with `OIDC_ACCESS_MAP`: per-caller narrowing of the allow-lists. Defaults to none. */
  access?: { claim: string; grants: ReadonlyMap<string, AccessGrant> };
  /** `OIDC_JWKS_COOLDOWN_MS`: least time between key fetches caused by unknown key ids. Defaults to 30,000. */
  jwksCooldownMs: number;
}

export interface AuditConfig {
  /** `AUDIT_LOG`. */
  destination: AuditDestination;
  /** `AUDIT_FHIR_STORE`: full name of a FHIR store that also receives every event as an `AuditEvent`. */
  fhirStore?: string;
}

export interface TracingConfig {
  /** The OTLP/HTTP traces URL; undefined = tracing off. */
  exportUrl?: string;
  /** `OTEL_SERVICE_NAME`. */
  serviceName: string;
  /** `TRACE_RESOLVERS`: spans per resolver too. */
  resolverSpans: boolean;
}

export interface RateLimitConfig {
  /** `RATE_LIMIT_REQUESTS_PER_MINUTE`. */
  requestsPerMinute: number;
  /** `RATE_LIMIT_UPSTREAM_CALLS_PER_MINUTE`. */
  upstreamCallsPerMinute: number;
}

/** The embedded emulator's part of {@link Config}. */
export interface EmulatorConfig {
  /** `EMULATOR`: start the embedded emulator and point the graph at it. Defaults to on when neither a project nor an API root is set. */
  enabled: boolean;
  /** `EMULATOR_PORT`: its port; 0 = any free port. Defaults to 8089. */
  port: number;
  /** `EMULATOR_DATA_DIR`: where it keeps its data across restarts. Defaults to none: memory only. */
  dataDir?: string;
  /** `EMULATOR_GCS_DIR`: the folder standing in for Cloud Storage. Defaults to `{dataDir}/gcs`, or a temporary folder. */
  gcsDir?: string;
  /** `EMULATOR_PRINCIPALS`: tokens and admins when the emulator enforces Cloud IAM. Defaults to none: everything allowed. */
  principals?: Principals;
  /** `EMULATOR_LATENCY_MS`: latency added to every response. Defaults to none. */
  latency?: { minMs: number; maxMs: number };
  /** `EMULATOR_FAULTS`: faults injected into responses. Defaults to none. */
  faults?: FaultRule[];
  /** `PUBSUB_EMULATOR_HOST`: where store notifications are published. Defaults to none: an embedded Pub/Sub emulator. */
  pubsubHost?: string;
}

/** Live updates (the `LIVE_*` variables). */
export interface LiveConfig {
  /** `LIVE_UPDATES`: subscriptions fed by the stores' Pub/Sub notifications. Defaults to on. */
  enabled: boolean;
  /** `LIVE_REPLICA_ID`: names this replica's Pub/Sub subscriptions. Defaults to none: random per process. */
  replicaId?: string;
  /** `LIVE_IDLE_GRACE_MS`: how long an unused subscription is kept. Defaults to 30,000. */
  idleGraceMs: number;
}

/** Reads and validates every variable of the public contract; throws {@link ConfigError} on the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const projectSet = read(env, OPTIONS.project.env) !== undefined;
  const explicitApiUrl = OPTIONS.apiUrl.read(env);
  const emulatorSwitch = OPTIONS.emulator.read(env);
  // A configured project or API root means "use that"; otherwise the embedded emulator is the default.
  const emulatorEnabled = emulatorSwitch === 'on' || (emulatorSwitch === 'auto' && !projectSet && explicitApiUrl === undefined);
  if (emulatorEnabled && explicitApiUrl !== undefined) {
    throw new ConfigError('Invalid EMULATOR=on together with HEALTHCARE_API_URL: the embedded emulator sets the API root itself; unset one of them.');
  }
  const pointsAtGoogle = !emulatorEnabled && (explicitApiUrl ?? GOOGLE_API_URL) === GOOGLE_API_URL;
  if (pointsAtGoogle && !projectSet) {
    throw new ConfigError('Missing HEALTHCARE_PROJECT: required when the graph uses Google (EMULATOR=off and no HEALTHCARE_API_URL).');
  }
  const project = OPTIONS.project.read(env);
  const location = OPTIONS.location.read(env);
  const dataset = OPTIONS.dataset.read(env);

  const apiUrl = emulatorEnabled ? '' : (explicitApiUrl ?? GOOGLE_API_URL);
  const authMode = OPTIONS.authMode.read(env, pointsAtGoogle ? 'adc' : 'none');
  const oidc = readOidc(env, authMode, pointsAtGoogle);
  const sendsTokens = authMode === 'adc' || authMode === 'passthrough' || oidc?.upstreamAuth === 'adc';
  if (sendsTokens && apiUrl !== '' && !isSafeForCredentials(apiUrl)) {
    fail('AUTH_MODE', authMode, `none, because HEALTHCARE_API_URL ${apiUrl} is plain http to a non-loopback host and would expose tokens`);
  }
  const production = OPTIONS.nodeEnv.read(env) === 'production';
  const allowedDicomStores = OPTIONS.allowedDicomStores.read(env);

  return {
    port: OPTIONS.port.read(env),
    host: OPTIONS.host.read(env),
    apiUrl,
    project,
    location,
    dataset,
    allowedLocations: OPTIONS.allowedLocations.read(env),
    allowedFhirStores: OPTIONS.allowedFhirStores.read(env),
    allowedDicomStores,
    allowedHl7V2Stores: OPTIONS.allowedHl7V2Stores.read(env),
    dicomWebServers: loadDicomWebServers(env, { pinnedDataset: dataset, allowedDicomStores }),
    authMode,
    emulator: {
      enabled: emulatorEnabled,
      port: OPTIONS.emulatorPort.read(env),
      dataDir: OPTIONS.emulatorDataDir.read(env),
      gcsDir: OPTIONS.emulatorGcsDir.read(env),
      principals: OPTIONS.emulatorPrincipals.read(env),
      latency: OPTIONS.emulatorLatency.read(env),
      faults: OPTIONS.emulatorFaults.read(env),
      pubsubHost: OPTIONS.pubsubEmulatorHost.read(env),
    },
    demoPatients: OPTIONS.demoPatients.read(env),
    demoLive: { enabled: OPTIONS.demoLive.read(env, true), intervalMs: OPTIONS.demoLiveIntervalMs.read(env) },
    redisUrl: OPTIONS.redisUrl.read(env),
    safelist: readSafelist(env),
    logLevel: OPTIONS.logLevel.read(env),
    production,
    introspection: OPTIONS.introspection.read(env, !production),
    graphiql: OPTIONS.graphiql.read(env, !production),
    upstreamTimeoutMs: OPTIONS.upstreamTimeoutMs.read(env),
    upstreamConcurrency: OPTIONS.upstreamConcurrency.read(env),
    upstreamProcessConcurrency: OPTIONS.upstreamProcessConcurrency.read(env),
    upstreamRetries: OPTIONS.upstreamRetries.read(env),
    requestDeadlineMs: OPTIONS.requestDeadlineMs.read(env),
    storeListTtlMs: OPTIONS.storeListTtlMs.read(env),
    maxInFlight: OPTIONS.maxInFlight.read(env),
    limits: {
      maxDepth: OPTIONS.maxDepth.read(env),
      maxAliases: OPTIONS.maxAliases.read(env),
      maxTokens: OPTIONS.maxTokens.read(env),
      maxCharacters: OPTIONS.maxCharacters.read(env),
      maxCost: OPTIONS.maxCost.read(env),
      // Not configurable: the contract fixes 100 as the largest page.
      maxFirst: DEFAULT_LIMITS.maxFirst,
      maxUpstreamCalls: OPTIONS.maxUpstreamCalls.read(env),
    },
    cursorSecret: OPTIONS.cursorSecret.read(env),
    publicUrl: OPTIONS.publicUrl.read(env),
    dicomWebProxyWrite: OPTIONS.dicomWebProxyWrite.read(env, false),
    dicomWebCorsOrigins: OPTIONS.dicomWebCorsOrigins.read(env) ?? [],
    viewerUrlTemplate: OPTIONS.viewerUrlTemplate.read(env),
    viewerDir: OPTIONS.viewerDir.read(env),
    oidc,
    audit: { destination: parseAuditDestination(OPTIONS.auditLog.read(env)), fhirStore: OPTIONS.auditFhirStore.read(env) },
    tracing: readTracing(env),
    rateLimits: { requestsPerMinute: OPTIONS.rateLimitRequests.read(env), upstreamCallsPerMinute: OPTIONS.rateLimitUpstreamCalls.read(env) },
    live: { enabled: OPTIONS.liveUpdates.read(env, true), replicaId: OPTIONS.liveReplicaId.read(env), idleGraceMs: OPTIONS.liveIdleGraceMs.read(env) },
    subscriptions: {
      maxPerConnection: OPTIONS.liveMaxSubscriptionsPerConnection.read(env),
      maxTotal: OPTIONS.liveMaxSubscriptions.read(env),
      keepAliveMs: OPTIONS.liveKeepAliveMs.read(env),
      maxBufferedBytes: OPTIONS.liveMaxBufferedBytes.read(env),
    },
  };
}

/** The `OIDC_*` variables: required with `AUTH_MODE=oidc`, refused without it (they would look like protection). */
function readOidc(env: Env, authMode: AuthMode, pointsAtGoogle: boolean): OidcConfig | undefined {
  // Every variable is read (and checked) in every mode, so that a bad value is never silently ignored.
  const issuer = OPTIONS.oidcIssuer.read(env);
  const audience = OPTIONS.oidcAudience.read(env);
  const claim = OPTIONS.oidcAccessClaim.read(env);
  const grants = OPTIONS.oidcAccessMap.read(env);
  const upstreamAuth = OPTIONS.oidcUpstreamAuth.read(env, pointsAtGoogle ? 'adc' : 'none');
  const jwksCooldownMs = OPTIONS.oidcJwksCooldownMs.read(env);
  if (authMode !== 'oidc') {
    if (issuer !== undefined) throw new ConfigError(`Invalid OIDC_ISSUER without AUTH_MODE=oidc: set AUTH_MODE=oidc to check callers' tokens, or unset OIDC_ISSUER.`);
    return undefined;
  }
  if (issuer === undefined || audience === undefined) throw new ConfigError('Missing OIDC_ISSUER or OIDC_AUDIENCE: AUTH_MODE=oidc accepts tokens of one issuer for one audience.');
  if ((claim === undefined) !== (grants === undefined)) throw new ConfigError('Invalid OIDC_ACCESS_CLAIM / OIDC_ACCESS_MAP: set both (the claim, and what each of its values grants) or neither.');
  return { issuer, audience, upstreamAuth, access: claim !== undefined && grants !== undefined ? { claim, grants } : undefined, jwksCooldownMs };
}

/** Tracing is on with an OTLP endpoint, unless `OTEL_TRACES_EXPORTER=none` or `OTEL_SDK_DISABLED`. */
function readTracing(env: Env): TracingConfig {
  const url = OPTIONS.otelTracesEndpoint.read(env) ?? OPTIONS.otelEndpoint.read(env);
  const exporter = OPTIONS.otelTracesExporter.read(env, url === undefined ? 'none' : 'otlp');
  if (exporter === 'otlp' && url === undefined) throw new ConfigError('Missing OTEL_EXPORTER_OTLP_ENDPOINT: OTEL_TRACES_EXPORTER=otlp sends spans to an OTLP/HTTP collector.');
  const disabled = OPTIONS.otelSdkDisabled.read(env, false);
  const on = exporter === 'otlp' && !disabled;
  return { exportUrl: on ? url : undefined, serviceName: OPTIONS.otelServiceName.read(env), resolverSpans: OPTIONS.traceResolvers.read(env, false) };
}

/** Both variables or neither: a manifest that is silently ignored would look like protection. */
function readSafelist(env: Env): Safelist | undefined {
  const mode = OPTIONS.persistedQueries.read(env);
  const file = read(env, OPTIONS.safelistFile.env);
  if (mode === 'safelist' && file === undefined) {
    throw new ConfigError('Missing SAFELIST_FILE: PERSISTED_QUERIES=safelist runs the operations of a persisted query manifest file only.');
  }
  if (mode === 'apq' && file !== undefined) {
    throw new ConfigError('Invalid SAFELIST_FILE without PERSISTED_QUERIES=safelist: set PERSISTED_QUERIES=safelist to enforce it, or unset SAFELIST_FILE.');
  }
  return OPTIONS.safelistFile.read(env);
}
