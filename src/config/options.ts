/**
 * Every environment variable the graph reads, in one table: its name, default, bounds or allowed
 * values, parser and documentation. `loadConfig` reads each variable through its entry, and the
 * tables of docs/configuration.md are generated from these entries (`npm run docs:tables`; a test
 * fails when the committed page falls behind), so a default or a bound is written once.
 *
 * An entry whose default depends on other variables (`AUTH_MODE`, `GRAPHIQL`, ...) takes that
 * default from `loadConfig` and says in `defaultDoc` what it is.
 */
import { parseFaultRules, parseLatency } from '../emulator/faults.js';
import { loadPrincipalsFile } from '../emulator/iam/index.js';
import { DEFAULT_LIMITS } from '../graphql/limits/index.js';
import { loadSafelist } from '../graphql/safelist.js';
import { isValidLocationId, isValidProjectId, isValidResourceId } from '../healthcare/names.js';
import { boolean, fail, integer, list, oneOf, parsedWith, read, type Env } from './parse.js';
import { parseAccessMap, parseIssuer, otlpTracesUrl } from './trust.js';
import { parseApiUrl, parsePublicUrl, parseRedisUrl, parseSecret } from './values.js';
import { parseCorsOrigins, parseViewerUrlTemplate } from './viewer.js';

/** What a replica id may be: it goes into Pub/Sub subscription ids. */
const LIVE_REPLICA_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** What docs/configuration.md says about one variable. */
export interface OptionDoc {
  /** The environment variable. */
  env: string;
  /** What it does (Markdown, one table cell). */
  doc: string;
  /** A few words for the README's table of the main variables; only the main variables have one. */
  summary?: string;
  /** The values it accepts (Markdown). */
  values: string;
  /** The default (Markdown): what applies when it is unset or blank. */
  defaultDoc: string;
}

/** One variable: its documentation, and how `loadConfig` reads it. */
export interface Option<Value> extends OptionDoc {
  /** Its value in `env`, or the default when it is unset or blank; throws a `ConfigError` naming the variable when it is bad. */
  read: (env: Env) => Value;
}

/** A variable whose default depends on other variables: `loadConfig` passes it as `fallback`. */
export interface OptionWithComputedDefault<Value> extends OptionDoc {
  read: (env: Env, fallback: Value) => Value;
}

/** What every entry states: the variable, its documentation and, for the main ones, a summary. */
interface Described {
  env: string;
  doc: string;
  summary?: string;
}

const described = ({ env, doc, summary }: Described): Described => ({ env, doc, summary });
const code = (value: string | number): string => `\`${value}\``;
const thousands = (value: number): string => value.toLocaleString('en-US');

/** An integer from `min` to `max`. */
function integerOption(spec: Described & { default: number; min: number; max: number; defaultDoc?: string }): Option<number> {
  return {
    ...described(spec),
    values: `integer, ${thousands(spec.min)}–${thousands(spec.max)}`,
    defaultDoc: spec.defaultDoc ?? code(spec.default),
    read: (env) => integer(env, spec.env, spec.default, spec.min, spec.max),
  };
}

/** One of a fixed list; the default is `default`, or the computed one `loadConfig` passes. */
function choiceOption<T extends string>(spec: Described & { allowed: readonly T[]; default: T }): Option<T>;
function choiceOption<T extends string>(spec: Described & { allowed: readonly T[]; defaultDoc: string }): OptionWithComputedDefault<T>;
function choiceOption<T extends string>(spec: Described & { allowed: readonly T[]; default?: T; defaultDoc?: string }): OptionDoc & { read: (env: Env, fallback?: T) => T } {
  return {
    ...described(spec),
    values: spec.allowed.map(code).join(', '),
    defaultDoc: spec.defaultDoc ?? code(spec.default!),
    read: (env, fallback) => oneOf(env, spec.env, spec.allowed, fallback ?? spec.default!),
  };
}

/** A switch; its default is computed by `loadConfig`. */
function booleanOption(spec: Described & { defaultDoc: string }): OptionWithComputedDefault<boolean> {
  return {
    ...described(spec),
    values: '`true`/`false` (or `1`/`0`, `yes`/`no`, `on`/`off`)',
    defaultDoc: spec.defaultDoc,
    read: (env, fallback) => boolean(env, spec.env, fallback),
  };
}

/**
 * Free text, checked by `valid` when given (the message then says it expected `expected`);
 * `undefined` when unset, unless there is a default.
 */
interface TextSpec extends Described {
  /** Accepted values (Markdown); `expected` when left out. */
  values?: string;
  valid?: (value: string) => boolean;
  expected?: string;
}
function textOption(spec: TextSpec & { defaultDoc: string }): Option<string | undefined>;
function textOption(spec: TextSpec & { default: string; defaultDoc?: string }): Option<string>;
function textOption(spec: TextSpec & { default?: string; defaultDoc?: string }): Option<string | undefined> {
  return {
    ...described(spec),
    values: spec.values ?? spec.expected!,
    defaultDoc: spec.defaultDoc ?? code(spec.default!),
    read: (env) => {
      const value = read(env, spec.env);
      if (value !== undefined && spec.valid !== undefined && !spec.valid(value)) fail(spec.env, value, spec.expected!);
      return value ?? spec.default;
    },
  };
}

/** A value checked (and possibly transformed) by `parse`, which throws plain errors; `undefined` when unset. */
function parsedOption<T>(spec: Described & { parse: (value: string) => T; values: string; defaultDoc: string }): Option<T | undefined> {
  return { ...described(spec), values: spec.values, defaultDoc: spec.defaultDoc, read: (env) => parsedWith(env, spec.env, spec.parse) };
}

/** A comma-separated list of store ids; `undefined` (all stores) when unset. */
function storeListOption(spec: Described): Option<string[] | undefined> {
  return {
    ...described(spec),
    values: 'comma-separated store ids (letters, digits, `_ - .`)',
    defaultDoc: 'all stores',
    read: (env) => list(env, spec.env, isValidResourceId, 'store ids (letters, digits, _ - .)'),
  };
}

/** A variable that another module reads and checks (with others it depends on); documented here. */
function describedOption(spec: Described & { values: string; defaultDoc: string }): OptionDoc {
  return { ...described(spec), values: spec.values, defaultDoc: spec.defaultDoc };
}

/** Which API the graph calls, and what it shows of it. */
export const UPSTREAM_OPTIONS = {
  project: textOption({
    env: 'HEALTHCARE_PROJECT',
    summary: 'the Google Cloud project; set, the graph uses Google instead of the embedded emulator',
    valid: isValidProjectId,
    expected: 'a Google Cloud project id',
    default: 'demo',
    defaultDoc: '`demo`; required against Google (`EMULATOR=off` and no `HEALTHCARE_API_URL`)',
    doc: 'the project whose datasets the graph shows; setting it points the graph at Google instead of the embedded emulator',
  }),
  location: textOption({
    env: 'HEALTHCARE_LOCATION',
    summary: 'the location of its datasets',
    valid: isValidLocationId,
    expected: 'a location such as us-central1',
    values: 'a location such as `us-central1`',
    default: 'us-central1',
    doc: 'the location whose datasets the graph shows',
  }),
  dataset: textOption({
    env: 'HEALTHCARE_DATASET',
    summary: 'pin the graph to one dataset',
    valid: isValidResourceId,
    expected: 'a dataset id (letters, digits, _ - .)',
    values: 'a dataset id (letters, digits, `_ - .`)',
    defaultDoc: 'all datasets of the location',
    doc: 'pins the graph to one dataset: others do not appear in lists and are refused with `FORBIDDEN` before any upstream call ([access control](access-control.md))',
  }),
  apiUrl: parsedOption({
    env: 'HEALTHCARE_API_URL',
    summary: 'API root incl. version, e.g. a separately started emulator `http://127.0.0.1:8089/v1`',
    parse: parseApiUrl,
    values: 'a plain http(s) URL ending in `/v1`, without query, fragment or credentials',
    defaultDoc: 'Google\'s (`https://healthcare.googleapis.com/v1`), or the embedded emulator\'s',
    doc: 'API root including the version, e.g. a separately started emulator `http://127.0.0.1:8089/v1`',
  }),
  emulator: choiceOption({
    env: 'EMULATOR',
    allowed: ['auto', 'on', 'off'] as const,
    default: 'auto',
    doc: 'start the embedded emulator and point the graph at it: `auto` does when neither `HEALTHCARE_PROJECT` nor `HEALTHCARE_API_URL` is set; `on` together with `HEALTHCARE_API_URL` is refused',
  }),
  authMode: choiceOption({
    env: 'AUTH_MODE',
    summary: "`adc` (the server's identity), `passthrough` (the caller's Bearer token), `oidc` (callers' JWTs checked here, the server's identity upstream) or `none`",
    allowed: ['adc', 'passthrough', 'none', 'oidc'] as const,
    defaultDoc: '`adc` against Google\'s API, `none` otherwise',
    doc: 'how the graph authenticates upstream: `adc` (Application Default Credentials), `passthrough` (the caller\'s `Authorization: Bearer` token), `oidc` (every caller sends a JWT of `OIDC_ISSUER`, checked here; upstream calls use `OIDC_UPSTREAM_AUTH`), `none`; tokens are only ever sent over https or to loopback, so `adc` and `passthrough` are refused with a plain-http `HEALTHCARE_API_URL` to another host ([access control](access-control.md))',
  }),
};

/** `*`, or comma-separated location ids. */
function locationListOption(spec: Described): Option<string[] | '*' | undefined> {
  return {
    ...described(spec),
    values: '`*`, or comma-separated locations such as `us-central1,europe-west4`',
    defaultDoc: 'only `HEALTHCARE_LOCATION`',
    read: (env) => (read(env, spec.env) === '*' ? '*' : list(env, spec.env, isValidLocationId, 'locations such as us-central1, or *')),
  };
}

/** What the graph lets through. */
export const ACCESS_OPTIONS = {
  allowedLocations: locationListOption({
    env: 'ALLOWED_LOCATIONS',
    doc: 'further locations of the project whose datasets the graph may show (`Query.locations`, `Location.datasets`); `*` for every location. `Query.datasets` and short dataset ids keep meaning `HEALTHCARE_LOCATION`; a pinned dataset allows its location only ([access control](access-control.md))',
  }),
  allowedFhirStores: storeListOption({ env: 'ALLOWED_FHIR_STORES', summary: 'comma-separated FHIR store ids; others are refused before any upstream call', doc: 'the FHIR stores the graph may use; others are refused before any upstream call' }),
  allowedDicomStores: storeListOption({ env: 'ALLOWED_DICOM_STORES', summary: 'the same for DICOM stores', doc: 'the DICOM stores (external DICOMweb servers included) the graph may use; others are refused before any upstream call' }),
  allowedHl7V2Stores: storeListOption({ env: 'ALLOWED_HL7V2_STORES', doc: 'the HL7v2 stores the graph may use; others are refused before any upstream call' }),
  // Read by loadDicomWebServers (dicomweb-servers.ts), which needs both and the allow-lists to check them.
  dicomWebServers: describedOption({
    env: 'DICOMWEB_SERVERS',
    values: 'a JSON array of `{"id", "url", "dataset", "authHeader" or "authHeaderEnv", "quirks": "standard" or "orthanc"}`',
    defaultDoc: 'none',
    doc: 'external DICOMweb servers (Orthanc, dcm4chee, ...) shown as DICOM stores; `authHeaderEnv` names a further variable that holds a server\'s `Authorization` value ([external DICOMweb servers](external-dicomweb.md))',
  }),
  dicomWebServersFile: describedOption({
    env: 'DICOMWEB_SERVERS_FILE',
    values: 'a path to a file with the same JSON',
    defaultDoc: 'unset',
    doc: 'the same, from a file; set one of the two',
  }),
};

/** How the graph calls the API: timeouts, concurrency, retries, reuse. */
export const UPSTREAM_CALL_OPTIONS = {
  upstreamTimeoutMs: integerOption({ env: 'UPSTREAM_TIMEOUT_MS', default: 60_000, min: 100, max: 3_600_000, doc: 'timeout of one upstream call, in milliseconds' }),
  upstreamConcurrency: integerOption({ env: 'UPSTREAM_CONCURRENCY', default: 32, min: 1, max: 256, doc: 'upstream calls one GraphQL request may have in flight at once' }),
  upstreamProcessConcurrency: integerOption({ env: 'UPSTREAM_PROCESS_CONCURRENCY', default: 256, min: 1, max: 10_000, doc: 'upstream calls the whole server may have in flight at once' }),
  upstreamRetries: integerOption({
    env: 'UPSTREAM_RETRIES',
    default: 3,
    min: 0,
    max: 10,
    doc: 'further attempts of an idempotent call (reads, PUT, DELETE, conditional create) after 408/429/5xx, a dropped connection or a timeout; exponential backoff with full jitter (100 ms base, 5 s cap), or the `Retry-After` the API sent. A plain create is never retried',
  }),
  requestDeadlineMs: integerOption({
    env: 'REQUEST_DEADLINE_MS',
    default: 30_000,
    min: 100,
    max: 3_600_000,
    doc: 'time one GraphQL request may spend on upstream calls, retries included, in milliseconds; past it, the fields still waiting fail with `UPSTREAM_UNAVAILABLE`',
  }),
  storeListTtlMs: integerOption({
    env: 'STORE_LIST_TTL_MS',
    default: 60_000,
    min: 0,
    max: 86_400_000,
    doc: 'how long a dataset\'s store list (what a patient\'s studies or a study\'s patient are searched in) is reused across requests, per caller identity, in milliseconds; `0` lists on every request',
  }),
  maxInFlight: integerOption({
    env: 'GRAPHQL_MAX_IN_FLIGHT',
    default: 128,
    min: 1,
    max: 100_000,
    doc: 'GraphQL requests the server works on at once; one more is answered at once with HTTP 503, `OVERLOADED` and `Retry-After: 1` instead of queueing behind the others (see [load shedding](operations.md#load-shedding))',
  }),
};

/** How big one GraphQL request may be ([limits](operations.md#limits)); beyond them, `QUERY_TOO_COMPLEX`. */
export const LIMIT_OPTIONS = {
  maxDepth: integerOption({ env: 'MAX_QUERY_DEPTH', default: DEFAULT_LIMITS.maxDepth, min: 1, max: 1000, doc: 'deepest field nesting an operation may have (fragments expanded; introspection exempt)' }),
  maxAliases: integerOption({ env: 'MAX_QUERY_ALIASES', default: DEFAULT_LIMITS.maxAliases, min: 0, max: 10_000, doc: 'aliased fields per operation (`__typename` exempt)' }),
  maxTokens: integerOption({ env: 'MAX_QUERY_TOKENS', default: DEFAULT_LIMITS.maxTokens, min: 200, max: 1_000_000, doc: 'lexical tokens of a GraphQL document (comments excluded)' }),
  maxCharacters: integerOption({ env: 'MAX_QUERY_CHARACTERS', default: DEFAULT_LIMITS.maxCharacters, min: 2500, max: 1_048_576, doc: 'characters of a GraphQL document' }),
  maxCost: integerOption({
    env: 'MAX_QUERY_COST',
    default: DEFAULT_LIMITS.maxCost,
    min: 1,
    max: 1_000_000_000,
    doc: 'cost budget: every connection multiplies its subtree by its `first` (default 20), objects cost 1 (20 patients × 5 observations = 120)',
  }),
  maxUpstreamCalls: integerOption({
    env: 'MAX_UPSTREAM_CALLS_PER_REQUEST',
    default: DEFAULT_LIMITS.maxUpstreamCalls,
    min: 1,
    max: 100_000,
    doc: 'upstream calls one request may make, retries included; beyond it the remaining fields fail with `QUERY_TOO_COMPLEX`',
  }),
};

/** The graph's own HTTP server, logs and development conveniences. */
export const SERVER_OPTIONS = {
  port: integerOption({ env: 'PORT', summary: 'GraphQL HTTP port (`0` = any free port)', default: 4000, min: 0, max: 65535, doc: 'GraphQL HTTP port (`0` = any free port; the chosen port is printed)' }),
  host: textOption({
    env: 'HOST',
    values: 'an address or host name',
    default: '127.0.0.1',
    defaultDoc: '`127.0.0.1` (`0.0.0.0` in the Docker image)',
    doc: 'bind address of the graph and of the embedded emulator',
  }),
  publicUrl: parsedOption({
    env: 'PUBLIC_URL',
    parse: parsePublicUrl,
    values: 'an http(s) URL without query or fragment',
    defaultDoc: 'from each request\'s `Host`',
    doc: 'base URL clients reach the graph at, when a proxy sits in front (used in `renderedUrl`)',
  }),
  cursorSecret: parsedOption({
    env: 'CURSOR_SECRET',
    parse: parseSecret,
    values: 'at least 32 characters',
    defaultDoc: 'random per process',
    doc: 'key that signs cursors; set the same value on every replica so cursors survive restarts and load balancing',
  }),
  logLevel: choiceOption({
    env: 'LOG_LEVEL',
    summary: '`fatal` … `trace`, `silent`',
    allowed: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    default: 'info',
    doc: 'pino log level ([logs](operations.md#logs))',
  }),
  nodeEnv: textOption({
    env: 'NODE_ENV',
    summary: '`production` turns GraphiQL, introspection and stack traces off',
    values: '`production`, or anything else',
    defaultDoc: 'unset',
    doc: '`production` turns GraphiQL, introspection and stack traces off',
  }),
  graphiql: booleanOption({ env: 'GRAPHIQL', defaultDoc: 'on, off in production', doc: 'GraphiQL at `GET /graphql` from a browser' }),
  introspection: booleanOption({ env: 'GRAPHQL_INTROSPECTION', defaultDoc: 'on, off in production', doc: 'schema introspection (GraphiQL\'s Docs panel needs it)' }),
  demoPatients: integerOption({
    env: 'DEMO_PATIENTS',
    summary: 'size of the generated demo cohort',
    default: 100,
    min: 1,
    max: 100_000,
    doc: 'size of the generated demo cohort that the embedded emulator (and `npm run emulator`, `npm run seed`) loads; deterministic for a size; 1,000 patients ≈ 118,000 FHIR resources',
  }),
  demoLive: booleanOption({
    env: 'DEMO_LIVE',
    summary: '`off` stops the demo\'s live feed of vitals and admissions',
    defaultDoc: 'on',
    doc: 'the embedded demo\'s live feed: once the demo data is loaded, vital signs of a random living patient and an HL7v2 ADT^A01 admission of another every `DEMO_LIVE_INTERVAL_MS`, so that subscriptions and the demo app have something to show ([live updates](live-updates.md#the-demos-live-feed))',
  }),
  demoLiveIntervalMs: integerOption({
    env: 'DEMO_LIVE_INTERVAL_MS',
    default: 60_000,
    min: 100,
    max: 86_400_000,
    doc: 'milliseconds between two rounds of the demo\'s live feed (`DEMO_LIVE`)',
  }),
};

/** Persisted queries and the cache they live in ([persisted queries](operations.md#persisted-queries)). */
export const PERSISTED_QUERY_OPTIONS = {
  redisUrl: parsedOption({
    env: 'REDIS_URL',
    parse: parseRedisUrl,
    values: 'a `redis://` or `rediss://` URL',
    defaultDoc: 'in-process',
    doc: 'Apollo\'s cache (automatic persisted queries) lives in this Redis, shared by every replica',
  }),
  persistedQueries: choiceOption({
    env: 'PERSISTED_QUERIES',
    allowed: ['apq', 'safelist'] as const,
    default: 'apq',
    doc: '`apq` (automatic persisted queries: any document runs, and may be registered and then sent by hash) or `safelist` (only the operations of `SAFELIST_FILE` run)',
  }),
  safelistFile: parsedOption({
    env: 'SAFELIST_FILE',
    parse: loadSafelist,
    values: 'a path to an Apollo persisted query manifest',
    defaultDoc: 'unset',
    doc: 'the operations allowed with `PERSISTED_QUERIES=safelist` (required then, refused otherwise); read and checked at start',
  }),
};

/** The embedded emulator (and `npm run emulator`, which reads the same variables). */
export const EMULATOR_OPTIONS = {
  emulatorPort: integerOption({ env: 'EMULATOR_PORT', summary: 'port of the embedded emulator', default: 8089, min: 0, max: 65535, doc: 'port of the embedded or standalone emulator' }),
  emulatorDataDir: textOption({
    env: 'EMULATOR_DATA_DIR',
    values: 'a folder',
    defaultDoc: 'memory only',
    doc: 'where the emulator keeps datasets, stores, FHIR resources and DICOM files across restarts; the demo cohort is then loaded only once',
  }),
  emulatorPrincipals: parsedOption({
    env: 'EMULATOR_PRINCIPALS',
    parse: loadPrincipalsFile,
    values: 'a path to a JSON file `{"tokens": {"<token>": "user:a@example.com"}, "admins": ["user:root@example.com"]}`',
    defaultDoc: 'unset = allow all',
    doc: 'the emulator then authenticates bearer tokens and enforces Cloud IAM ([access control](access-control.md#worked-example-on-the-emulator))',
  }),
  emulatorLatency: parsedOption({
    env: 'EMULATOR_LATENCY_MS',
    parse: parseLatency,
    values: 'milliseconds: `20`, or `10-40` for a uniform range',
    defaultDoc: '`0`',
    doc: 'latency added to every emulator response',
  }),
  emulatorFaults: parsedOption({
    env: 'EMULATOR_FAULTS',
    parse: parseFaultRules,
    values: 'a JSON array of fault rules, e.g. `[{"path":"/fhirStores$","method":"GET","rate":0.3,"status":503,"retryAfter":1}]`',
    defaultDoc: 'none',
    doc: 'faults the emulator injects: `status` is 401 (a refused token), 429, 500, 503, `"reset"` (drop the connection), `"truncate"` (cut the body) or `"delay"` (answer `"delayMs": N` late); `"times": N` makes a rule fire N times only; `"after": true` serves the request first and then answers the error (a write whose answer is lost); changeable at run time ([hardening](hardening.md#changing-faults-at-run-time))',
  }),
  emulatorGcsDir: textOption({
    env: 'EMULATOR_GCS_DIR',
    values: 'a folder',
    defaultDoc: '`{EMULATOR_DATA_DIR}/gcs`, else a temporary folder',
    doc: 'the folder that stands in for Cloud Storage in imports and exports: `gs://bucket/path` is `{folder}/bucket/path` ([bulk data](writes.md#bulk-import-and-export))',
  }),
  pubsubEmulatorHost: textOption({
    env: 'PUBSUB_EMULATOR_HOST',
    values: '`host:port` of a Pub/Sub emulator (Google\'s, or `npm run pubsub-emulator`)',
    defaultDoc: 'an embedded Pub/Sub emulator',
    doc: 'where the embedded emulator publishes its stores\' `notificationConfigs` notifications (Cloud Healthcare\'s messages, [live updates](live-updates.md))',
  }),
};

/** The DICOMweb endpoint for viewers, and the viewer links ([viewer](viewer.md)). */
export const VIEWER_OPTIONS = {
  dicomWebProxyWrite: booleanOption({
    env: 'DICOMWEB_PROXY_WRITE',
    defaultDoc: 'off',
    doc: 'lets `POST …/dicomWeb/studies` (STOW-RS) through the graph\'s DICOMweb endpoint; off, the endpoint is read-only',
  }),
  dicomWebCorsOrigins: parsedOption({
    env: 'DICOMWEB_CORS_ORIGINS',
    parse: parseCorsOrigins,
    values: '`*`, or comma-separated origins such as `https://viewer.example.com`',
    defaultDoc: 'none (same origin only)',
    doc: 'browser origins (a viewer on another host) that may call the graph\'s DICOMweb endpoint `/dicomweb/v1/…`',
  }),
  viewerUrlTemplate: parsedOption({
    env: 'VIEWER_URL_TEMPLATE',
    parse: parseViewerUrlTemplate,
    values: 'a URL or a path starting with `/`, with `{study}` and optionally `{series}`, `{dicomStore}`, `{dicomWebRoot}`; or `off`',
    defaultDoc: 'the built-in OHIF viewer\'s `/viewer/viewer?StudyInstanceUIDs={study}&store={dicomStore}` when it is prepared (`npm run viewer:prepare`), else none',
    doc: 'what `Study.viewerUrl` and `Series.viewerUrl` link to; a path is taken relative to the graph\'s public URL; none or `off`: they are null',
  }),
  viewerDir: textOption({
    env: 'VIEWER_DIR',
    values: 'a folder',
    default: 'vendor/ohif',
    doc: 'where `npm run viewer:prepare` puts OHIF\'s published build, and where the graph serves `/viewer` from when it is there',
  }),
};

/** Who the callers are, what they did, where the time went, and how much each may ask ([operations](operations.md#audit-log)). */
export const TRUST_OPTIONS = {
  oidcIssuer: parsedOption({
    env: 'OIDC_ISSUER',
    parse: parseIssuer,
    values: 'the issuer URL as its tokens\' `iss` says it (https, or http on loopback)',
    defaultDoc: 'unset; required with `AUTH_MODE=oidc`',
    doc: 'the OpenID Connect issuer whose JWTs `AUTH_MODE=oidc` accepts; its discovery document and keys (JWKS) are fetched, cached and refreshed when a token names an unknown key ([access control](access-control.md#oidc))',
  }),
  oidcAudience: textOption({
    env: 'OIDC_AUDIENCE',
    values: 'the `aud` value tokens must carry',
    defaultDoc: 'unset; required with `AUTH_MODE=oidc`',
    doc: 'the audience tokens must be issued for; others are refused with `UNAUTHENTICATED`',
  }),
  oidcUpstreamAuth: choiceOption({
    env: 'OIDC_UPSTREAM_AUTH',
    allowed: ['adc', 'none'] as const,
    defaultDoc: '`adc` against Google\'s API, `none` otherwise',
    doc: 'how upstream calls are authenticated in `AUTH_MODE=oidc`: the server\'s Application Default Credentials, or none (an emulator)',
  }),
  oidcAccessClaim: textOption({
    env: 'OIDC_ACCESS_CLAIM',
    values: 'a claim name, e.g. `groups`',
    defaultDoc: 'unset = no narrowing',
    doc: 'the token claim (a string or a list of strings) whose values `OIDC_ACCESS_MAP` looks up',
  }),
  oidcAccessMap: parsedOption({
    env: 'OIDC_ACCESS_MAP',
    parse: parseAccessMap,
    values: 'JSON `{"<claim value>": {"datasets": [...], "fhirStores": [...], "dicomStores": [...], "hl7V2Stores": [...]}}`',
    defaultDoc: 'unset = no narrowing',
    doc: 'what callers with each claim value may use, within the allow-lists; a caller gets the union of its values\' entries (a list left out grants that kind whole), and one with no matching value gets nothing',
  }),
  oidcJwksCooldownMs: integerOption({
    env: 'OIDC_JWKS_COOLDOWN_MS',
    default: 30_000,
    min: 0,
    max: 3_600_000,
    doc: 'least time between two fetches of the issuer\'s keys caused by tokens naming an unknown key (rotation); the keys are fetched again after 10 minutes anyway',
  }),
  auditLog: textOption({
    env: 'AUDIT_LOG',
    values: '`stdout`, `off`, or a file path',
    default: 'off',
    doc: 'where audit events go, one JSON line per GraphQL operation or image request: who, which patients, studies and stores, outcome; never names, birth dates, MRNs or tokens ([audit log](operations.md#audit-log))',
  }),
  auditFhirStore: textOption({
    env: 'AUDIT_FHIR_STORE',
    values: 'a FHIR store resource name',
    defaultDoc: 'unset',
    doc: 'also write every audit event as a FHIR `AuditEvent` resource into this store (checked against the allow-lists at start; written with the server\'s credentials)',
  }),
  otelTracesExporter: choiceOption({
    env: 'OTEL_TRACES_EXPORTER',
    allowed: ['otlp', 'none'] as const,
    defaultDoc: '`otlp` when an OTLP endpoint is set, else `none`',
    doc: 'OpenTelemetry tracing: `otlp` exports spans over OTLP/HTTP (JSON); `none` turns tracing off at almost no cost ([tracing](operations.md#tracing))',
  }),
  otelEndpoint: parsedOption({
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    parse: (value) => otlpTracesUrl(undefined, value)!,
    values: 'an http(s) URL; `/v1/traces` is appended',
    defaultDoc: 'unset',
    doc: 'the OTLP/HTTP collector; setting it turns tracing on. `OTEL_EXPORTER_OTLP_HEADERS` and the other standard exporter variables apply too',
  }),
  otelTracesEndpoint: parsedOption({
    env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    parse: (value) => otlpTracesUrl(value, undefined)!,
    values: 'an http(s) URL, used as is',
    defaultDoc: 'unset',
    doc: 'the traces endpoint itself, instead of `OTEL_EXPORTER_OTLP_ENDPOINT`',
  }),
  otelServiceName: textOption({ env: 'OTEL_SERVICE_NAME', values: 'a name', default: 'healthcare-graph', doc: 'the `service.name` of exported spans' }),
  otelSdkDisabled: booleanOption({ env: 'OTEL_SDK_DISABLED', defaultDoc: '`false`', doc: '`true` turns tracing off whatever else is set' }),
  traceResolvers: booleanOption({ env: 'TRACE_RESOLVERS', defaultDoc: '`false`', doc: 'a span for each resolver that has code of its own, beside the operation\'s and the upstream calls\' (more spans, more cost)' }),
  rateLimitRequests: integerOption({
    env: 'RATE_LIMIT_REQUESTS_PER_MINUTE',
    default: 0,
    min: 0,
    max: 1_000_000,
    defaultDoc: '`0` = no limit',
    doc: 'requests (GraphQL operations, images) one caller may make per minute, with bursts of as many; beyond it `RATE_LIMITED` with `Retry-After`. A caller is its OIDC subject or passthrough token; in `adc` and `none` mode all callers are one. Shared by replicas through `REDIS_URL`',
  }),
  rateLimitUpstreamCalls: integerOption({
    env: 'RATE_LIMIT_UPSTREAM_CALLS_PER_MINUTE',
    default: 0,
    min: 0,
    max: 10_000_000,
    defaultDoc: '`0` = no limit',
    doc: 'upstream calls one caller\'s requests may make per minute; a request is charged its calls when it ends, and refused while the caller\'s balance is spent',
  }),
};

/** Live updates: the graph's subscriptions, fed by the stores' Pub/Sub notifications ([live updates](live-updates.md)). */
export const LIVE_OPTIONS = {
  liveUpdates: booleanOption({
    env: 'LIVE_UPDATES',
    defaultDoc: 'on',
    doc: 'GraphQL subscriptions fed by the stores\' Pub/Sub notifications; off, subscriptions are refused and the server never connects to Pub/Sub',
  }),
  liveReplicaId: textOption({
    env: 'LIVE_REPLICA_ID',
    valid: (value) => LIVE_REPLICA_ID.test(value),
    expected: 'letters, digits, `-` and `_`, 1–40 characters',
    defaultDoc: 'random per process',
    doc: 'names this replica\'s Pub/Sub subscriptions, `hcgraph-live-{id}-{topic}`: each replica needs its own; a fixed id lets a restarted replica take its subscriptions over instead of leaving them to expire',
  }),
  liveIdleGraceMs: integerOption({
    env: 'LIVE_IDLE_GRACE_MS',
    default: 30_000,
    min: 0,
    max: 3_600_000,
    doc: 'how long a replica keeps a topic\'s Pub/Sub subscription after its last listener left, so a client that reconnects does not make it delete and create one',
  }),
};

/** GraphQL subscriptions over WebSocket ([live updates](live-updates.md#subscriptions-in-the-graph)). */
export const SUBSCRIPTION_OPTIONS = {
  liveMaxSubscriptionsPerConnection: integerOption({
    env: 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION',
    default: 20,
    min: 1,
    max: 10_000,
    doc: 'subscriptions one WebSocket connection may hold at once; one more is refused with `RATE_LIMITED` before any upstream call',
  }),
  liveMaxSubscriptions: integerOption({
    env: 'LIVE_MAX_SUBSCRIPTIONS',
    default: 10_000,
    min: 1,
    max: 1_000_000,
    doc: 'subscriptions this process holds at once, over all connections; one more is refused with `OVERLOADED`',
  }),
  liveKeepAliveMs: integerOption({
    env: 'LIVE_KEEPALIVE_MS',
    default: 12_000,
    min: 0,
    max: 600_000,
    defaultDoc: '`12000`; `0` = no pings',
    doc: 'interval of the WebSocket pings the server sends; a connection that does not answer one within as long is closed (browsers answer them themselves)',
  }),
  liveMaxBufferedBytes: integerOption({
    env: 'LIVE_MAX_BUFFERED_BYTES',
    default: 4 * 1024 * 1024,
    min: 64 * 1024,
    max: 1024 * 1024 * 1024,
    doc: 'bytes waiting to be sent to one WebSocket client before it counts as a slow consumer and is closed with code `4413` and a reason, instead of being buffered without bound',
  }),
};

/** The tables of docs/configuration.md, in order. */
export const OPTION_GROUPS = [
  { title: 'Where the data is', options: UPSTREAM_OPTIONS },
  { title: 'Access', options: ACCESS_OPTIONS },
  { title: 'Upstream calls', options: UPSTREAM_CALL_OPTIONS },
  { title: 'Query limits', options: LIMIT_OPTIONS },
  { title: 'Server', options: SERVER_OPTIONS },
  { title: 'Persisted queries', options: PERSISTED_QUERY_OPTIONS },
  { title: 'Emulator', options: EMULATOR_OPTIONS },
  { title: 'DICOMweb endpoint and viewer', options: VIEWER_OPTIONS },
  { title: 'Identity, audit, tracing and rate limits', options: TRUST_OPTIONS },
  { title: 'Live updates', options: LIVE_OPTIONS },
  { title: 'Subscriptions', options: SUBSCRIPTION_OPTIONS },
] as const;

/** Every option, by key. */
export const OPTIONS = {
  ...UPSTREAM_OPTIONS,
  ...ACCESS_OPTIONS,
  ...UPSTREAM_CALL_OPTIONS,
  ...LIMIT_OPTIONS,
  ...SERVER_OPTIONS,
  ...PERSISTED_QUERY_OPTIONS,
  ...EMULATOR_OPTIONS,
  ...VIEWER_OPTIONS,
  ...TRUST_OPTIONS,
  ...LIVE_OPTIONS,
  ...SUBSCRIPTION_OPTIONS,
};
