import { GraphQLError, type ASTNode } from 'graphql';
import type { ErrorCode } from '../../errors.js';

/** Which of the {@link QueryLimits} a request broke; sent as `extensions.limit`. */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'characters' | 'cost' | 'first' | 'upstreamCalls';

const CODE: ErrorCode = 'QUERY_TOO_COMPLEX';

/**
 * The error for a broken limit. Besides the contract code it carries `limit`, `found` and `allowed`,
 * so a client can shrink its request without parsing the message.
 */
export function queryTooComplex(
  limit: LimitName,
  message: string,
  found: number,
  allowed: number,
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: CODE, limit, found, allowed } });
}
