/**
 * `DICOMWEB_SERVERS` / `DICOMWEB_SERVERS_FILE`: external DICOMweb servers (Orthanc, dcm4chee, ...)
 * that the graph shows as DICOM stores of a dataset, each with its own Authorization header.
 *
 * ```json
 * [{ "id": "orthanc", "url": "http://127.0.0.1:8042/dicom-web", "dataset": "demo",
 *    "authHeaderEnv": "ORTHANC_AUTH", "quirks": "orthanc" }]
 * ```
 *
 * Every problem is one line naming the variable and the server; header values are secrets and are
 * never echoed.
 */
import { readFileSync } from 'node:fs';
import { isValidResourceId } from '../healthcare/names.js';
import { ConfigError, read, type Env } from './parse.js';

/**
 * How a server deviates from PS3.18 in ways the graph must work around:
 * - `standard`: query values percent-encoded (dcm4chee, Google, most servers);
 * - `orthanc`: Orthanc does not percent-decode query values, so they go unencoded where that is
 *   possible and as wildcards where it is not (see `external-dicomweb-query.ts`).
 */
export const DICOMWEB_QUIRKS = ['standard', 'orthanc'] as const;
export type DicomWebQuirks = (typeof DICOMWEB_QUIRKS)[number];

/** One external DICOMweb server, validated. */
export interface DicomWebServerConfig {
  /** Store id it appears under (`.../dicomStores/{id}`). */
  id: string;
  /** DICOMweb base URL (the one `/studies` is appended to), without a trailing slash. */
  url: string;
  /** Short id of the dataset it appears in. */
  dataset: string;
  /** Value of the Authorization header sent to this server only; none when unset. */
  authorization?: string;
  quirks: DicomWebQuirks;
}

const KEYS = new Set(['id', 'url', 'dataset', 'authHeader', 'authHeaderEnv', 'quirks']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Printable ASCII only: a CR or LF would let the value add headers of its own. */
const HEADER_VALUE = /^[\x20-\x7e]+$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Credentials may travel over https, or over plain http only to this machine. */
export function isSafeForCredentials(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || LOOPBACK_HOSTS.includes(hostname);
}

export interface DicomWebServerContext {
  /** `HEALTHCARE_DATASET`: servers must then sit in that dataset. */
  pinnedDataset?: string;
  /** `ALLOWED_DICOM_STORES`: servers must then be on it, or they could never be used. */
  allowedDicomStores?: string[];
}

/** Reads and validates the external DICOMweb servers; an empty list when neither variable is set. */
export function loadDicomWebServers(env: Env, context: DicomWebServerContext = {}): DicomWebServerConfig[] {
  const inline = read(env, 'DICOMWEB_SERVERS');
  const file = read(env, 'DICOMWEB_SERVERS_FILE');
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError('Invalid DICOMWEB_SERVERS together with DICOMWEB_SERVERS_FILE: set one of them.');
  }
  if (inline === undefined && file === undefined) return [];
  const variable = inline === undefined ? 'DICOMWEB_SERVERS_FILE' : 'DICOMWEB_SERVERS';
  let text = inline;
  if (text === undefined) {
    try {
      text = readFileSync(file!, 'utf8');
    } catch (error) {
      throw new ConfigError(`Invalid DICOMWEB_SERVERS_FILE=${JSON.stringify(file)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`Invalid ${variable}: not JSON; expected an array of {"id", "url", "dataset", "authHeader" or "authHeaderEnv", "quirks"}.`);
  }
  if (!Array.isArray(json)) throw new ConfigError(`Invalid ${variable}: expected a JSON array of servers.`);

  const servers = json.map((entry, index) => parseServer(entry, index, env, (message) => new ConfigError(`Invalid ${variable}: ${message}.`)));
  const seen = new Set<string>();
  for (const server of servers) {
    const fail = (message: string) => new ConfigError(`Invalid ${variable}: server ${JSON.stringify(server.id)} ${message}.`);
    if (seen.has(server.id)) throw fail('is listed twice; ids must be unique');
    seen.add(server.id);
    if (context.pinnedDataset !== undefined && server.dataset !== context.pinnedDataset) {
      throw fail(`is in dataset ${JSON.stringify(server.dataset)}, but HEALTHCARE_DATASET pins the graph to ${JSON.stringify(context.pinnedDataset)}`);
    }
    if (context.allowedDicomStores !== undefined && !context.allowedDicomStores.includes(server.id)) {
      throw fail('is not on ALLOWED_DICOM_STORES, so it could never be used; add it there or remove it');
    }
  }
  return servers;
}

function parseServer(entry: unknown, index: number, env: Env, error: (message: string) => ConfigError): DicomWebServerConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw error(`entry ${index} is not an object`);
  const fields = entry as Record<string, unknown>;
  const rawId = fields.id;
  if (typeof rawId !== 'string' || !isValidResourceId(rawId)) throw error(`entry ${index} needs an "id" that is a store id (letters, digits, _ - .)`);
  const fail = (message: string) => error(`server ${JSON.stringify(rawId)} ${message}`);
  const unknown = Object.keys(fields).find((key) => !KEYS.has(key));
  if (unknown !== undefined) throw fail(`has an unknown key ${JSON.stringify(unknown)}; allowed: ${[...KEYS].join(', ')}`);
  for (const key of ['url', 'dataset', 'authHeader', 'authHeaderEnv', 'quirks']) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') throw fail(`needs a string "${key}"`);
  }
  const { url, dataset, authHeader, authHeaderEnv, quirks = 'standard' } = fields as Record<string, string | undefined>;

  if (dataset === undefined || !isValidResourceId(dataset)) throw fail('needs a "dataset" that is a dataset id (letters, digits, _ - .)');
  if (!(DICOMWEB_QUIRKS as readonly string[]).includes(quirks)) throw fail(`has "quirks": ${JSON.stringify(quirks)}; expected one of ${DICOMWEB_QUIRKS.join(', ')}`);
  const base = parseBaseUrl(url, fail);

  if (authHeader !== undefined && authHeaderEnv !== undefined) throw fail('has both "authHeader" and "authHeaderEnv"; set one');
  let authorization = authHeader;
  if (authHeaderEnv !== undefined) {
    if (!ENV_NAME.test(authHeaderEnv)) throw fail(`has "authHeaderEnv": ${JSON.stringify(authHeaderEnv)}, which is not an environment variable name`);
    authorization = read(env, authHeaderEnv);
    if (authorization === undefined) throw fail(`takes its Authorization header from ${authHeaderEnv}, which is not set`);
  }
  if (authorization !== undefined) {
    // The value is a secret: the messages say what is wrong with it, never what it is.
    if (!HEADER_VALUE.test(authorization)) throw fail('has an Authorization header value with characters other than printable ASCII');
    if (!isSafeForCredentials(base)) throw fail(`would send its Authorization header over plain http to ${new URL(base).host}; use https, or loopback`);
  }
  return { id: rawId, url: base, dataset, authorization, quirks: quirks as DicomWebQuirks };
}

function parseBaseUrl(value: string | undefined, fail: (message: string) => ConfigError): string {
  if (value === undefined) throw fail('needs a "url", the DICOMweb base URL (e.g. http://127.0.0.1:8042/dicom-web)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail(`has "url": ${JSON.stringify(value)}, which is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw fail(`has "url": ${JSON.stringify(value)}; expected a plain http(s) URL without query or fragment`);
  }
  // Credentials in the URL would be logged with it; they belong in the Authorization header.
  if (url.username !== '' || url.password !== '') throw fail('has credentials in its "url"; put them in "authHeader" or "authHeaderEnv"');
  return url.href.replace(/\/+$/, '');
}
