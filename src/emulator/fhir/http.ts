/** FHIR REST plumbing: the FHIR JSON content type, OperationOutcome replies, bodies and base URLs. */

import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { etag } from './bundles.js';
import { invalidJson, type FhirError } from './outcome.js';
import type { JsonObject, JsonValue } from '../json.js';

/** The content type of every FHIR answer. */
export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';

/** A FHIR JSON answer. */
export function fhirReply(json: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': FHIR_CONTENT_TYPE, ...headers }, json };
}

/** The OperationOutcome answer for an error. */
export function outcomeReply(error: FhirError): Reply {
  return fhirReply(error.toOutcome(), error.httpStatus);
}

/** A resource answer with its version's ETag (and Location when it was just written). */
export function resourceReply(resource: JsonObject, status = 200, location?: string): Reply {
  const meta = resource['meta'] as JsonObject | undefined;
  const headers: Record<string, string> = {};
  if (typeof meta?.['versionId'] === 'string') headers['etag'] = etag(meta['versionId']);
  if (typeof meta?.['lastUpdated'] === 'string') headers['last-modified'] = new Date(meta['lastUpdated']).toUTCString();
  if (location !== undefined) headers['location'] = location;
  return fhirReply(resource, status, headers);
}

/** The store's FHIR base URL as this request reached it: `{origin}/v1/{store}/fhir`. */
export function fhirBase(ctx: EmulatorRequest, storeName: string): string {
  return `${ctx.url.origin}/v1/${storeName}/fhir`;
}

/** Reads a JSON body; malformed JSON is a FHIR 400. */
export async function readJson(ctx: EmulatorRequest): Promise<JsonValue> {
  const text = (await ctx.body()).toString('utf8');
  if (text.trim() === '') throw invalidJson('the request body is empty');
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw invalidJson(`invalid JSON in the request body: ${(error as Error).message}`);
  }
}

/** The first value of a request header. */
export function header(ctx: EmulatorRequest, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
