import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Apollo refuses two persisted-query mistakes, a hash that is not the SHA-256 of the document sent
 * with it and an unknown protocol version, with HTTP 400 errors that carry no code; they would reach
 * the client as INTERNAL_SERVER_ERROR and be logged as server faults. The contract calls a caller's
 * mistake BAD_USER_INPUT. Runs before Apollo formats the errors.
 */
export function persistedQueryErrorsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const http = error.extensions.http as { status?: number } | undefined;
            if (error.extensions.code === undefined && http?.status === 400) error.extensions.code = 'BAD_USER_INPUT';
          }
        },
      };
    },
  };
}
