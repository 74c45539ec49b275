/** What a handler answers, before latency, faults and serialization are applied. */

import { type ApiError, notFoundHtml } from './errors.js';

/**
 * A response. `json` is serialized by the server (pretty-printed like Google's default, compact with
 * `prettyPrint=false`); otherwise `body` is sent as is.
 */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: Buffer | string;
}

/** Google's content type for every JSON answer of the admin surface. */
export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** A 200 (or `status`) JSON answer. */
export function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE }, json: value };
}

/** The Google error envelope for `error`. */
export function errorReply(error: ApiError): Reply {
  return jsonReply(error.toEnvelope(), error.httpStatus);
}

/** Google's front-end HTML 404 for a URL that maps to no method. */
export function htmlNotFoundReply(pathname: string): Reply {
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: notFoundHtml(pathname),
  };
}

/** Serializes a reply's body to bytes. */
export function replyBytes(reply: Reply, pretty: boolean): Buffer {
  if (reply.json !== undefined) {
    const text = pretty ? `${JSON.stringify(reply.json, null, 2)}\n` : JSON.stringify(reply.json);
    return Buffer.from(text, 'utf8');
  }
  if (reply.body === undefined) return Buffer.alloc(0);
  return typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
}
