/**
 * `executeBundle` (POST `…/fhir` with a Bundle): a `batch` runs each entry on its own and reports
 * per-entry statuses; a `transaction` stages every entry into one change set — POST entries get
 * their ids first so `urn:uuid:` references between entries can be rewritten, entries run in FHIR's
 * order (DELETE, POST, PUT, PATCH, GET), referential integrity is checked over the final state
 * (so the bundle's own order does not matter) — and commits all of it or nothing.
 */

import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { bundle, etag } from './bundles.js';
import { Changes } from './changes.js';
import {
  conditionalMatches,
  conditionalPatch,
  conditionalRemove,
  conditionalUpdate,
  create,
  patch,
  remove,
  update,
  vread,
  type WriteResult,
} from './interactions.js';
import { badResourceType, FhirError, invalidResource, notSupported, resourceNotFound } from './outcome.js';
import { rewriteReferences } from './references.js';
import { isResourceType } from '../../fhir/resource-types.js';
import type { FhirStore } from './store.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// FHIR transaction processing order.
const ORDER: readonly Method[] = ['DELETE', 'POST', 'PUT', 'PATCH', 'GET'];

/** One bundle entry's request, resolved against the store. */
interface EntryRequest {
  readonly index: number;
  readonly method: Method;
  readonly type: string;
  /** Path segments after the type: `[id]`, `[id, '_history', vid]` or none. */
  readonly rest: string[];
  readonly criteria: URLSearchParams;
  readonly resource: JsonObject | undefined;
  readonly fullUrl: string | undefined;
  readonly ifNoneExist: string | undefined;
  readonly ifMatch: string | undefined;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
};

function statusLine(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
}

function optionalString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A request URL relative to the store's FHIR base; absolute URLs must point into the store. */
function relativeUrl(url: string, storeName: string): string | undefined {
  if (!/^https?:\/\//.test(url)) return url.replace(/^\//, '');
  const marker = `/${storeName}/fhir/`;
  const at = url.indexOf(marker);
  return at < 0 ? undefined : url.slice(at + marker.length);
}

// `Type` or `Type/id` (no dot segments, escapes or query): what a URL parser would leave as it is.
const PLAIN_PATH = /^[A-Za-z0-9\-_]+(?:\/[A-Za-z0-9\-_][A-Za-z0-9\-_.]*)*$/;
// The criteria of every plain entry: none (read only; criteria are never modified).
const NO_CRITERIA = new URLSearchParams();

/** The decoded path segments and the query of a relative request URL. */
function parseRelativeUrl(relative: string): { segments: string[]; criteria: URLSearchParams } {
  // Bulk loads send thousands of plain `Type/id` entries: no URL parsing for those. (Decoding
  // copies each segment, rather than keeping slices that would hold on to the whole URL.)
  if (PLAIN_PATH.test(relative)) return { segments: relative.split('/').map(decodeURIComponent), criteria: NO_CRITERIA };
  const parsed = new URL(relative, 'http://base/');
  return { segments: parsed.pathname.slice(1).split('/').map(decodeURIComponent), criteria: parsed.searchParams };
}

function parseEntry(store: FhirStore, raw: JsonValue, index: number): EntryRequest {
  const fail = (reason: string): FhirError => invalidResource(`Bundle.entry[${index}]: ${reason}`);
  if (!isJsonObject(raw) || !isJsonObject(raw['request'])) throw fail('every entry needs a request');
  const request = raw['request'];
  const method = request['method'];
  if (typeof method !== 'string' || !ORDER.includes(method as Method)) throw fail(`unsupported method ${String(method)}`);
  const url = optionalString(request['url']);
  if (url === undefined || url === '') throw fail('request.url is required');
  const relative = relativeUrl(url, store.name);
  if (relative === undefined) throw fail(`request.url ${url} is not in this FHIR store`);
  const { segments, criteria } = parseRelativeUrl(relative);
  const [type = '', ...rest] = segments;
  if (!isResourceType(type)) throw badResourceType(type);
  const resource = raw['resource'];
  if (resource !== undefined && !isJsonObject(resource)) throw fail('resource must be an object');
  return {
    index,
    method: method as Method,
    type,
    rest,
    criteria,
    resource,
    fullUrl: optionalString(raw['fullUrl']),
    ifNoneExist: optionalString(request['ifNoneExist']),
    ifMatch: optionalString(request['ifMatch']),
  };
}

/** PATCH entries carry the JSON Patch as a Binary resource. */
function patchOperations(entry: EntryRequest): unknown {
  const binary = entry.resource;
  if (binary?.['resourceType'] !== 'Binary' || typeof binary['data'] !== 'string') {
    throw invalidResource(`Bundle.entry[${entry.index}]: a PATCH entry needs a Binary resource holding a JSON Patch`);
  }
  try {
    return JSON.parse(Buffer.from(binary['data'], 'base64').toString('utf8'));
  } catch {
    throw invalidResource(`Bundle.entry[${entry.index}]: the Binary data is not a JSON Patch`);
  }
}

/** A GET entry: a read or vread; reads in a transaction see the transaction's own writes. */
function readEntry(store: FhirStore, changes: Changes, entry: EntryRequest): WriteResult {
  const { type, rest } = entry;
  const [id, history, versionId] = rest;
  if (id === undefined) throw notSupported('search entries are not allowed in executeBundle');
  if (history === '_history' && versionId !== undefined) return { status: 200, resource: vread(store, type, id, versionId) };
  const resource = changes.resource(type, id);
  if (resource === undefined || rest.length > 1) throw resourceNotFound(`${type}/${rest.join('/')}`);
  return { status: 200, resource };
}

function run(store: FhirStore, changes: Changes, entry: EntryRequest, assignedId: string | undefined): WriteResult {
  const { type, rest, method, criteria } = entry;
  if (method === 'GET') return readEntry(store, changes, entry);
  // POST names the type only; the others name one resource, or none with search criteria.
  const conditional = rest.length === 0;
  if (method === 'POST' ? !conditional : rest.length > 1) {
    throw invalidResource(`Bundle.entry[${entry.index}]: unsupported request.url for ${method}`);
  }
  const id = rest[0] ?? '';
  const body = entry.resource ?? null;
  switch (method) {
    case 'POST':
      return create(store, changes, type, body, entry.ifNoneExist, assignedId);
    case 'PUT':
      return conditional ? conditionalUpdate(store, changes, type, criteria, body) : update(changes, type, id, body, entry.ifMatch);
    case 'PATCH':
      return conditional
        ? conditionalPatch(store, changes, type, criteria, patchOperations(entry))
        : patch(changes, type, id, patchOperations(entry), entry.ifMatch);
    case 'DELETE':
      return conditional ? conditionalRemove(store, changes, type, criteria) : remove(changes, type, id);
  }
}

function responseEntry(result: WriteResult, withResource: boolean): JsonObject {
  const response: JsonObject = { status: statusLine(result.status) };
  const resource = result.resource;
  const meta = resource?.['meta'] as JsonObject | undefined;
  if (resource !== undefined && meta !== undefined) {
    const versionId = String(meta['versionId']);
    if (result.status === 201) response['location'] = `${String(resource['resourceType'])}/${String(resource['id'])}/_history/${versionId}`;
    response['etag'] = etag(versionId);
    response['lastModified'] = String(meta['lastUpdated']);
  }
  const out: JsonObject = {};
  if (withResource && resource !== undefined) out['resource'] = resource;
  out['response'] = response;
  return out;
}

function errorEntry(error: FhirError): JsonObject {
  return { response: { status: statusLine(error.httpStatus), outcome: error.toOutcome() } };
}

/** Names the failing entry in a transaction error. */
function inEntry(error: unknown, index: number): unknown {
  if (!(error instanceof FhirError) || error.message.startsWith('Bundle.entry[')) return error;
  return new FhirError(error.httpStatus, error.issueType, error.detailsCode, `Bundle.entry[${index}]: ${error.message}`);
}

/** The id a transaction's POST entry will have: its conditional match's, else a new one. */
function postId(store: FhirStore, entry: EntryRequest): string {
  if (entry.ifNoneExist !== undefined) {
    const matches = conditionalMatches(store, entry.type, new URLSearchParams(entry.ifNoneExist));
    // More than one match fails later, when the entry runs.
    if (matches.length === 1 && matches[0] !== undefined) return matches[0].id;
  }
  return randomUUID();
}

async function transaction(store: FhirStore, entries: EntryRequest[], withResource: boolean): Promise<JsonObject> {
  const changes = new Changes(store);
  // Ids first, so that entries can reference resources other entries create.
  const assigned = new Map<number, string>();
  const replacements = new Map<string, string>();
  for (const entry of entries) {
    const id = entry.method === 'POST' ? postId(store, entry) : entry.rest.length === 1 ? entry.rest[0] : undefined;
    if (id === undefined) continue;
    if (entry.method === 'POST') assigned.set(entry.index, id);
    if (entry.fullUrl?.startsWith('urn:') === true) replacements.set(entry.fullUrl, `${entry.type}/${id}`);
  }
  if (replacements.size > 0) {
    for (const entry of entries) if (entry.resource !== undefined) rewriteReferences(entry.resource, replacements);
  }

  const results = new Map<number, WriteResult>();
  for (const method of ORDER) {
    for (const entry of entries.filter((e) => e.method === method)) {
      try {
        results.set(entry.index, run(store, changes, entry, assigned.get(entry.index)));
      } catch (error) {
        throw inEntry(error, entry.index);
      }
    }
  }
  await store.commit(changes);
  const response = entries.map((entry) => responseEntry(results.get(entry.index) as WriteResult, withResource));
  return bundle('transaction-response', [], response);
}

/** Runs each entry in its own change set; a malformed or failing entry fails alone. */
async function batch(store: FhirStore, entries: (EntryRequest | FhirError)[], withResource: boolean): Promise<JsonObject> {
  const response: JsonObject[] = [];
  for (const entry of entries) {
    if (entry instanceof FhirError) {
      response.push(errorEntry(entry));
      continue;
    }
    const changes = new Changes(store);
    try {
      const result = run(store, changes, entry, undefined);
      await store.commit(changes);
      response.push(responseEntry(result, withResource));
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
      response.push(errorEntry(error));
    }
  }
  return bundle('batch-response', [], response);
}

/**
 * Executes a batch or transaction Bundle and returns the response Bundle. Response entries hold
 * the written resources unless the caller prefers `return=minimal`.
 */
export async function executeBundle(store: FhirStore, body: JsonValue, withResource: boolean): Promise<JsonObject> {
  if (!isJsonObject(body) || body['resourceType'] !== 'Bundle') {
    throw invalidResource('executeBundle needs a Bundle resource');
  }
  const type = body['type'];
  if (type !== 'batch' && type !== 'transaction') {
    throw invalidResource(`executeBundle needs a Bundle of type batch or transaction, got ${String(type)}`);
  }
  const rawEntries = body['entry'] ?? [];
  if (!Array.isArray(rawEntries)) throw invalidResource('Bundle.entry must be a list');
  if (type === 'batch') {
    const parsed = rawEntries.map((raw, index) => {
      try {
        return parseEntry(store, raw, index);
      } catch (error) {
        if (error instanceof FhirError) return error;
        throw error;
      }
    });
    return batch(store, parsed, withResource);
  }
  const entries = rawEntries.map((raw, index) => parseEntry(store, raw, index));
  return transaction(store, entries, withResource);
}
