/** The per-request view handlers get: bound path and query parameters, and a lazily read body. */

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { invalidArgument, unknownQueryParameter } from './errors.js';
import { isJsonObject, type JsonObject } from './json.js';

/** Google's default request size limit for everything but DICOM STOW and FHIR bundles. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Google's standard system parameters: accepted on every method and, by the emulator, ignored
 * (except `prettyPrint`, which the server honours).
 */
export const SYSTEM_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  '$.xgafv',
  'access_token',
  'alt',
  'callback',
  'fields',
  'key',
  'oauth_token',
  'prettyPrint',
  'quotaUser',
  'uploadType',
  'upload_protocol',
]);

/** What a handler sees of a request. */
export interface EmulatorRequest {
  readonly method: string;
  /** The full request URL (origin is the emulator's own). */
  readonly url: URL;
  /** Path parameters from the route pattern, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /**
   * Query parameters bound to the method, keyed by their camelCase name (Google binds `page_size`
   * and `pageSize` alike). First value wins. Routes declared with `query: 'any'` get every
   * parameter under its raw name.
   */
  readonly query: ReadonlyMap<string, string>;
  readonly headers: IncomingHttpHeaders;
  /** Reads the whole body; rejects with 400 when it exceeds the route's limit. */
  body(): Promise<Buffer>;
  /** Reads the body as a JSON object; an empty body is `{}`. Malformed JSON → 400. */
  jsonBody(): Promise<JsonObject>;
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Binds query parameters to a method's declared fields. Unknown names get the exact 400 Google's
 * ESF returns, so clients that send typos fail here as they would against Google.
 */
export function bindQuery(
  search: URLSearchParams,
  allowed: readonly string[] | 'any',
): Map<string, string> {
  const bound = new Map<string, string>();
  for (const [name, value] of search) {
    if (allowed === 'any') {
      if (!bound.has(name)) bound.set(name, value);
      continue;
    }
    if (SYSTEM_QUERY_PARAMETERS.has(name)) continue;
    const canonical = snakeToCamel(name);
    if (!allowed.includes(canonical)) throw unknownQueryParameter(name);
    if (!bound.has(canonical)) bound.set(canonical, value);
  }
  return bound;
}

/** Thrown by body reading when the request is larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request payload size exceeds the limit: ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body up to `limit` bytes. Uses events rather than async iteration because
 * leaving a `for await` early destroys the socket, and the 400 still has to be sent.
 */
export function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Parses a JSON request body the way Google's ESF does: an object, or 400. */
export function parseJsonObject(bytes: Buffer): JsonObject {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
  if (!isJsonObject(value)) {
    throw invalidArgument(
      'Invalid JSON payload received. Expected an object at the top level of the request body.',
    );
  }
  return value;
}
