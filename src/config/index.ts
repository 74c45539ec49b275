import { parseFaultRules, parseLatency, type FaultRule } from '../emulator/faults.js';
import { loadPrincipalsFile, type Principals } from '../emulator/iam/index.js';
import { DEFAULT_LIMITS, type QueryLimits } from '../graphql/limits/index.js';
import { loadSafelist, type Safelist } from '../graphql/safelist.js';
import { isValidLocationId, isValidProjectId, isValidResourceId } from '../healthcare/names.js';
import { isSafeForCredentials, loadDicomWebServers, type DicomWebServerConfig } from './dicomweb-servers.js';
import { boolean, ConfigError, fail, integer, list, oneOf, parsedWith, read, type Env } from './parse.js';

export { ConfigError } from './parse.js';

/** Google's production API root. */
export const GOOGLE_API_URL = 'https://healthcare.googleapis.com/v1';

export type AuthMode = 'adc' | 'passthrough' | 'none';

/** The server's whole configuration, read once at start from the environment. */
export interface Config {
  port: number;
  host: string;
  /** API root including the version, without a trailing slash. Empty while the embedded emulator is not started yet. */
  apiUrl: string;
  project: string;
  location: string;
  /** Pins the graph to one dataset (short id). */
  dataset?: string;
  allowedFhirStores?: string[];
  allowedDicomStores?: string[];
  /** `ALLOWED_HL7V2_STORES`: the HL7v2 stores the graph may use (all when unset). */
  allowedHl7V2Stores?: string[];
  /** External DICOMweb servers shown as DICOM stores (`DICOMWEB_SERVERS` / `DICOMWEB_SERVERS_FILE`). */
  dicomWebServers: DicomWebServerConfig[];
  authMode: AuthMode;
  emulator: EmulatorConfig;
  demoPatients: number;
  /** Apollo's cache (automatic persisted queries) in this Redis, shared by replicas; in-process when unset. */
  redisUrl?: string;
  /** `PERSISTED_QUERIES=safelist`: only the operations of `SAFELIST_FILE` run. */
  safelist?: Safelist;
  logLevel: string;
  production: boolean;
  introspection: boolean;
  graphiql: boolean;
  /** Per-call upstream timeout. */
  upstreamTimeoutMs: number;
  /** Upstream calls one GraphQL request may have in flight at once. */
  upstreamConcurrency: number;
  /** Upstream calls the whole process may have in flight at once. */
  upstreamProcessConcurrency: number;
  /** Further attempts of an idempotent upstream call after a 429, 5xx or connection failure. */
  upstreamRetries: number;
  /** Time one GraphQL request may spend on upstream calls, retries included. */
  requestDeadlineMs: number;
  /** How long a dataset's list of stores is reused across requests; 0 = list on every request. */
  storeListTtlMs: number;
  /** Size, shape, cost and upstream-call limits of one GraphQL request (QUERY_TOO_COMPLEX beyond them). */
  limits: QueryLimits;
  /** Key that signs cursors; random per process when unset (cursors then do not survive restarts). */
  cursorSecret?: string;
  /** Base URL clients reach the graph at, when a proxy sits in front (for image URLs). */
  publicUrl?: string;
}

export interface EmulatorConfig {
  /** Start the embedded emulator and point the graph at it. */
  enabled: boolean;
  port: number;
  dataDir?: string;
  /** Tokens and admins when the emulator enforces Cloud IAM (`EMULATOR_PRINCIPALS`). */
  principals?: Principals;
  latency?: { minMs: number; maxMs: number };
  faults?: FaultRule[];
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates every variable of the public contract; throws {@link ConfigError} on the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const project = read(env, 'HEALTHCARE_PROJECT');
  const explicitApiUrl = parsedWith(env, 'HEALTHCARE_API_URL', parseApiUrl);
  const emulatorSwitch = oneOf(env, 'EMULATOR', ['auto', 'on', 'off'] as const, 'auto');
  // A configured project or API root means "use that"; otherwise the embedded emulator is the default.
  const emulatorEnabled = emulatorSwitch === 'on' || (emulatorSwitch === 'auto' && project === undefined && explicitApiUrl === undefined);
  if (emulatorEnabled && explicitApiUrl !== undefined) {
    throw new ConfigError('Invalid EMULATOR=on together with HEALTHCARE_API_URL: the embedded emulator sets the API root itself; unset one of them.');
  }
  const pointsAtGoogle = !emulatorEnabled && (explicitApiUrl ?? GOOGLE_API_URL) === GOOGLE_API_URL;
  if (pointsAtGoogle && project === undefined) {
    throw new ConfigError('Missing HEALTHCARE_PROJECT: required when the graph uses Google (EMULATOR=off and no HEALTHCARE_API_URL).');
  }
  if (project !== undefined && !isValidProjectId(project)) fail('HEALTHCARE_PROJECT', project, 'a Google Cloud project id');

  const location = read(env, 'HEALTHCARE_LOCATION') ?? 'us-central1';
  if (!isValidLocationId(location)) fail('HEALTHCARE_LOCATION', location, 'a location such as us-central1');
  const dataset = read(env, 'HEALTHCARE_DATASET');
  if (dataset !== undefined && !isValidResourceId(dataset)) fail('HEALTHCARE_DATASET', dataset, 'a dataset id (letters, digits, _ - .)');

  const storeIds = 'store ids (letters, digits, _ - .)';
  const apiUrl = emulatorEnabled ? '' : (explicitApiUrl ?? GOOGLE_API_URL);
  const authMode = oneOf(env, 'AUTH_MODE', ['adc', 'passthrough', 'none'] as const, pointsAtGoogle ? 'adc' : 'none');
  if (authMode !== 'none' && apiUrl !== '' && !isSafeForCredentials(apiUrl)) {
    fail('AUTH_MODE', authMode, `none, because HEALTHCARE_API_URL ${apiUrl} is plain http to a non-loopback host and would expose tokens`);
  }
  const production = read(env, 'NODE_ENV') === 'production';
  const allowedDicomStores = list(env, 'ALLOWED_DICOM_STORES', isValidResourceId, storeIds);

  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    apiUrl,
    project: project ?? 'demo',
    location,
    dataset,
    allowedFhirStores: list(env, 'ALLOWED_FHIR_STORES', isValidResourceId, storeIds),
    allowedDicomStores,
    allowedHl7V2Stores: list(env, 'ALLOWED_HL7V2_STORES', isValidResourceId, storeIds),
    dicomWebServers: loadDicomWebServers(env, { pinnedDataset: dataset, allowedDicomStores }),
    authMode,
    emulator: {
      enabled: emulatorEnabled,
      port: integer(env, 'EMULATOR_PORT', 8089, 0, 65535),
      dataDir: read(env, 'EMULATOR_DATA_DIR'),
      principals: parsedWith(env, 'EMULATOR_PRINCIPALS', loadPrincipalsFile),
      latency: parsedWith(env, 'EMULATOR_LATENCY_MS', parseLatency),
      faults: parsedWith(env, 'EMULATOR_FAULTS', parseFaultRules),
    },
    demoPatients: integer(env, 'DEMO_PATIENTS', 100, 1, 100_000),
    redisUrl: parsedWith(env, 'REDIS_URL', parseRedisUrl),
    safelist: readSafelist(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    production,
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', !production),
    graphiql: boolean(env, 'GRAPHIQL', !production),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 60_000, 100, 3_600_000),
    upstreamConcurrency: integer(env, 'UPSTREAM_CONCURRENCY', 32, 1, 256),
    upstreamProcessConcurrency: integer(env, 'UPSTREAM_PROCESS_CONCURRENCY', 256, 1, 10_000),
    upstreamRetries: integer(env, 'UPSTREAM_RETRIES', 3, 0, 10),
    requestDeadlineMs: integer(env, 'REQUEST_DEADLINE_MS', 30_000, 100, 3_600_000),
    storeListTtlMs: integer(env, 'STORE_LIST_TTL_MS', 60_000, 0, 86_400_000),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 1000),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', DEFAULT_LIMITS.maxTokens, 200, 1_000_000),
      maxCharacters: integer(env, 'MAX_QUERY_CHARACTERS', DEFAULT_LIMITS.maxCharacters, 2500, 1_048_576),
      maxCost: integer(env, 'MAX_QUERY_COST', DEFAULT_LIMITS.maxCost, 1, 1_000_000_000),
      maxFirst: DEFAULT_LIMITS.maxFirst,
      maxUpstreamCalls: integer(env, 'MAX_UPSTREAM_CALLS_PER_REQUEST', DEFAULT_LIMITS.maxUpstreamCalls, 1, 100_000),
    },
    cursorSecret: parsedWith(env, 'CURSOR_SECRET', parseSecret),
    publicUrl: parsedWith(env, 'PUBLIC_URL', parsePublicUrl),
  };
}

function parseApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${JSON.stringify(value)} is not a URL; expected e.g. ${GOOGLE_API_URL}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(`${JSON.stringify(value)} must be a plain http(s) URL without query, fragment or credentials`);
  }
  const root = url.href.replace(/\/+$/, '');
  if (!root.endsWith('/v1')) throw new Error(`${JSON.stringify(value)} must end with the API version, /v1`);
  return root;
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${JSON.stringify(value)} is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') throw new Error('expected an http(s) URL without query or fragment');
  return url.href.replace(/\/+$/, '');
}

/** Both variables or neither: a manifest that is silently ignored would look like protection. */
function readSafelist(env: Env): Safelist | undefined {
  const mode = oneOf(env, 'PERSISTED_QUERIES', ['apq', 'safelist'] as const, 'apq');
  const file = read(env, 'SAFELIST_FILE');
  if (mode === 'safelist' && file === undefined) {
    throw new ConfigError('Missing SAFELIST_FILE: PERSISTED_QUERIES=safelist runs the operations of a persisted query manifest file only.');
  }
  if (mode === 'apq' && file !== undefined) {
    throw new ConfigError('Invalid SAFELIST_FILE without PERSISTED_QUERIES=safelist: set PERSISTED_QUERIES=safelist to enforce it, or unset SAFELIST_FILE.');
  }
  return parsedWith(env, 'SAFELIST_FILE', loadSafelist);
}

function parseRedisUrl(value: string): string {
  if (!/^rediss?:\/\/[^\s]+$/.test(value)) throw new Error('expected a redis:// or rediss:// URL');
  return value;
}

function parseSecret(value: string): string {
  // The value itself is never echoed: it is a secret.
  if (value.length < 32) throw new Error(`expected at least 32 characters, got ${value.length}`);
  return value;
}
