import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, upstreamCode } from '../errors.js';
import { UpstreamError } from '../healthcare/errors.js';
import { InvalidNameError } from '../healthcare/names.js';
import type { Logger } from '../observability/logger.js';

/** Codes that pass through unchanged: the contract's, and Apollo's for documents and persisted queries. */
const KEPT_CODES = new Set<string>(ERROR_CODES.map(({ code }) => code));

/** Apollo's request-shape codes are the caller's mistakes: the contract calls those BAD_USER_INPUT. */
const CALLER_CODES = new Set(['BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo's `formatError`: gives every error a contract code, turns upstream failures into messages a
 * UI can show, and hides unexpected errors' messages in production (they are logged instead).
 */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof UpstreamError) {
      const code = upstreamCode(original);
      const status = original.status === 0 ? (original.failure ?? 'no response') : `HTTP ${original.status}`;
      return {
        ...formatted,
        message: `${original.server ?? 'Cloud Healthcare API'} (${original.kind}) failed: ${status}: ${original.message}`,
        extensions: {
          code,
          upstreamStatus: original.status || undefined,
          ...(original.retryAfterSeconds === undefined ? {} : { retryAfter: original.retryAfterSeconds }),
        },
      };
    }
    if (original instanceof InvalidNameError) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (CALLER_CODES.has(code)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    if (KEPT_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') return formatted;

    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      ...formatted,
      message: production ? 'Internal server error' : formatted.message,
      extensions: { ...(production ? {} : formatted.extensions), code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
