/**
 * Parsers for the variables of caller identity, audit, tracing and rate limits (`AUTH_MODE=oidc`,
 * `OIDC_*`, `AUDIT_*`, `OTEL_*`, `RATE_LIMIT_*`). Each throws a plain `Error`; `parsedWith` names the variable.
 */
import type { AccessGrant } from '../access/policy.js';
import { isValidResourceId } from '../healthcare/names.js';
import { isSafeForCredentials } from './dicomweb-servers.js';

/** `OIDC_ISSUER`: the issuer URL exactly as its tokens' `iss` claim says it; https, or http on loopback. */
export function parseIssuer(value: string): string {
  const url = httpUrl(value);
  if (url.search !== '' || url.hash !== '' || url.username !== '') throw new Error('expected an http(s) URL without query, fragment or credentials');
  if (!isSafeForCredentials(url.href)) throw new Error('expected https (plain http only on loopback): the keys that decide who may read patient data are fetched from it');
  return value;
}

const GRANT_KEYS = ['datasets', 'fhirStores', 'dicomStores', 'hl7V2Stores'] as const;

/**
 * `OIDC_ACCESS_MAP`: `{"<claim value>": {"datasets": [...], "fhirStores": [...], ...}}`, the datasets
 * and store ids that callers with that claim value are granted.
 */
export function parseAccessMap(value: string): ReadonlyMap<string, AccessGrant> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('expected a JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object of claim values');
  const map = new Map<string, AccessGrant>();
  for (const [claimValue, entry] of Object.entries(parsed)) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`entry ${JSON.stringify(claimValue)} must be an object`);
    const grant: Record<string, string[]> = {};
    for (const [key, ids] of Object.entries(entry as Record<string, unknown>)) {
      if (!(GRANT_KEYS as readonly string[]).includes(key)) throw new Error(`entry ${JSON.stringify(claimValue)}: unknown key ${JSON.stringify(key)}; expected ${GRANT_KEYS.join(', ')}`);
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && isValidResourceId(id))) {
        throw new Error(`entry ${JSON.stringify(claimValue)}: ${key} must be an array of ids (letters, digits, _ - .)`);
      }
      grant[key] = ids as string[];
    }
    map.set(claimValue, grant);
  }
  return map;
}

/** `AUDIT_LOG`: `stdout`, `off`, or a file path lines are appended to. */
export type AuditDestination = { kind: 'off' } | { kind: 'stdout' } | { kind: 'file'; path: string };

export function parseAuditDestination(value: string | undefined): AuditDestination {
  if (value === undefined || value === 'off') return { kind: 'off' };
  if (value === 'stdout') return { kind: 'stdout' };
  return { kind: 'file', path: value };
}

/**
 * The OTLP/HTTP traces endpoint from the standard variables: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as
 * given, or `OTEL_EXPORTER_OTLP_ENDPOINT` with `/v1/traces` appended (the OpenTelemetry specification's rule).
 */
export function otlpTracesUrl(tracesEndpoint: string | undefined, endpoint: string | undefined): string | undefined {
  if (tracesEndpoint !== undefined) return checkedUrl(tracesEndpoint);
  return endpoint === undefined ? undefined : `${checkedUrl(endpoint).replace(/\/+$/, '')}/v1/traces`;
}

function checkedUrl(value: string): string {
  httpUrl(value);
  return value;
}

function httpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${JSON.stringify(value)} is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error('expected an http(s) URL');
  return url;
}
