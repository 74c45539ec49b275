import { GraphQLError } from 'graphql';
import type { UpstreamError } from './healthcare/errors.js';

/** One `extensions.code` a client may see. */
export interface ErrorCodeEntry {
  readonly code: string;
  /** The status of an answer that fails as a whole with this code; GraphQL field errors arrive with 200. */
  readonly httpStatus: number;
  readonly description: string;
  /**
   * Who mints it: this server (the contract's own codes), Apollo for a document that does not parse
   * or validate (the contract names those too), or Apollo's automatic persisted-query protocol.
   */
  readonly source: 'contract' | 'graphql' | 'persisted-queries';
}

/**
 * Every error code a client may see, in the contract's order: the one list that the `ErrorCode` type,
 * the GraphQL error formatter's pass-through set and the status of plain HTTP error answers derive
 * from. A test checks the README's Errors section against it.
 */
export const ERROR_CODES = [
  { code: 'BAD_USER_INPUT', httpStatus: 400, source: 'contract', description: 'A bad id, name, cursor, page size or argument, refused before any upstream call.' },
  { code: 'UNAUTHENTICATED', httpStatus: 401, source: 'contract', description: 'No usable credentials: a missing bearer token in passthrough mode, or one the upstream refused; in oidc mode a missing, forged, expired or foreign token.' },
  { code: 'FORBIDDEN', httpStatus: 403, source: 'contract', description: 'Outside the configured project, location, dataset or allow-lists, or refused by Cloud IAM.' },
  { code: 'NOT_FOUND', httpStatus: 404, source: 'contract', description: 'The resource, or the endpoint, does not exist.' },
  { code: 'QUERY_TOO_COMPLEX', httpStatus: 400, source: 'contract', description: 'The operation exceeds a depth, alias, size, page-size, cost or upstream-call limit.' },
  { code: 'RATE_LIMITED', httpStatus: 429, source: 'contract', description: 'The upstream asked to slow down, or this caller spent its rate limit (`retryAfter` in seconds, and `Retry-After`).' },
  { code: 'UPSTREAM_ERROR', httpStatus: 502, source: 'contract', description: 'The upstream refused or failed a call in a way the caller cannot fix.' },
  { code: 'UPSTREAM_UNAVAILABLE', httpStatus: 503, source: 'contract', description: 'The upstream did not answer in time, could not be reached, or is overloaded.' },
  { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, source: 'contract', description: 'A fault of this server: logged, and its message hidden in production.' },
  { code: 'OVERLOADED', httpStatus: 503, source: 'contract', description: 'This server already had its limit of GraphQL requests in flight (`GRAPHQL_MAX_IN_FLIGHT`) and refused this one at once, before any upstream call: try again after `Retry-After` seconds.' },
  { code: 'CONFLICT', httpStatus: 409, source: 'contract', description: 'The write lost a race or is ambiguous: a stale `ifMatch` version, a `condition` matching more than one resource, a duplicate.' },
  { code: 'GRAPHQL_PARSE_FAILED', httpStatus: 400, source: 'graphql', description: 'The document is not GraphQL.' },
  { code: 'GRAPHQL_VALIDATION_FAILED', httpStatus: 400, source: 'graphql', description: 'The document does not validate against the schema.' },
  { code: 'PERSISTED_QUERY_NOT_FOUND', httpStatus: 200, source: 'persisted-queries', description: 'An unknown document hash: the client sends the document with it once.' },
  { code: 'PERSISTED_QUERY_NOT_SUPPORTED', httpStatus: 200, source: 'persisted-queries', description: 'Persisted queries are off for this request.' },
] as const satisfies readonly ErrorCodeEntry[];

/** The `extensions.code` values of the public contract: the codes this server itself gives errors. */
export type ErrorCode = Extract<(typeof ERROR_CODES)[number], { source: 'contract' }>['code'];

const HTTP_STATUS = Object.fromEntries(
  ERROR_CODES.filter(({ source }) => source === 'contract').map(({ code, httpStatus }) => [code, httpStatus]),
) as Readonly<Record<ErrorCode, number>>;

/** Whether a value is one of the contract's codes. */
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(HTTP_STATUS, value);

/** The HTTP status of an answer that fails as a whole with `code`. */
export const httpStatusOf = (code: ErrorCode): number => HTTP_STATUS[code];

/** A GraphQL error with a contract code; further extensions (e.g. `retryAfter`) are added beside it. */
export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badUserInput = (message: string) => graphQLError('BAD_USER_INPUT', message);
export const forbidden = (message: string) => graphQLError('FORBIDDEN', message);

/** The contract code for an upstream failure. */
export function upstreamCode(error: UpstreamError): ErrorCode {
  if (error.failure === 'credentials') return 'INTERNAL_SERVER_ERROR';
  if (error.failure !== undefined) return 'UPSTREAM_UNAVAILABLE';
  switch (error.status) {
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: case 410: return 'NOT_FOUND';
    case 409: case 412: return 'CONFLICT';
    case 429: return 'RATE_LIMITED';
    case 502: case 503: case 504: return 'UPSTREAM_UNAVAILABLE';
    default: return 'UPSTREAM_ERROR';
  }
}
