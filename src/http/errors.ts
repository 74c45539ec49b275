import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { httpStatusOf, isErrorCode, upstreamCode, type ErrorCode } from '../errors.js';
import { UpstreamError } from '../healthcare/errors.js';
import { InvalidNameError } from '../healthcare/names.js';
import { sendJson } from './json.js';

export interface HttpErrorOptions {
  /** A more precise status than the code's (413 for a body that is too large). */
  status?: number;
  /** Fields beside the code, e.g. the 404's `endpoints`. */
  extensions?: Record<string, unknown>;
  /** Response headers, e.g. `Retry-After` (see {@link errorHeaders}). */
  headers?: OutgoingHttpHeaders;
}

/**
 * Answers a request that is not a GraphQL operation with an error, in the shape GraphQL clients already
 * parse: `{"errors":[{"message":…,"extensions":{"code":…}}]}`, with the code's HTTP status. A 401
 * carries the Bearer challenge, as the graph's does.
 */
export function sendError(response: ServerResponse, code: ErrorCode, message: string, options: HttpErrorOptions = {}): void {
  const status = options.status ?? httpStatusOf(code);
  sendJson(response, status, { errors: [{ message, extensions: { code, ...options.extensions } }] }, { ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}), ...options.headers });
}

/**
 * The headers a shared check asked for (`extensions.http.headers` of its GraphQL error: the 401's
 * challenge, the 429's `Retry-After`), and its `retryAfter`, for a plain HTTP answer.
 */
export function errorHeaders(error: unknown): Record<string, string> {
  const headers = error instanceof GraphQLError ? (error.extensions.http as { headers?: Iterable<[string, string]> } | undefined)?.headers : undefined;
  return headers ? Object.fromEntries(headers) : {};
}

/**
 * The contract code of an error thrown while serving a plain HTTP request: the checks it shares with
 * the graph throw GraphQL errors, names and upstream failures their own classes. Anything else is
 * INTERNAL_SERVER_ERROR.
 */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof UpstreamError) return upstreamCode(error);
  if (error instanceof InvalidNameError) return 'BAD_USER_INPUT';
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
}
