import { GraphQLError } from 'graphql';

/** The `extensions.code` values of the public contract. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** A GraphQL error with a contract code; further extensions (e.g. `retryAfter`) are added beside it. */
export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badUserInput = (message: string) => graphQLError('BAD_USER_INPUT', message);
export const forbidden = (message: string) => graphQLError('FORBIDDEN', message);
