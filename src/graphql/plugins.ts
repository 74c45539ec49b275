import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../observability/metrics.js';
import type { RequestContext } from './context.js';

/**
 * Counts and times every operation, and logs one line per operation: request id (from the context's
 * child logger), name, type, outcome, HTTP status, error codes, duration, upstream calls and whether
 * a persisted query was used. Never the document, variables or results: those may hold patient data.
 */
export function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    async contextCreationDidFail() {
      metrics.graphqlOperations.inc({ type: 'unknown', outcome: 'rejected' });
    },
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ operation, operationName, response, contextValue: context, metrics: requestMetrics }) {
          const type = operation?.operation ?? 'unknown';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const outcome = !executed ? 'rejected' : errors.length > 0 ? 'error' : 'ok';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlOperations.inc({ type, outcome });
          metrics.graphqlDuration.observe({ type }, seconds);
          (context ?? contextValue).logger.info({
            operationName: operationName ?? null,
            type,
            outcome,
            status: response.http.status ?? 200,
            // A hash with its document is stored only once the operation passed every check.
            persistedQuery: requestMetrics.persistedQueryHit ? 'hit' : requestMetrics.persistedQueryRegister && executed ? 'registered' : undefined,
            errorCodes: [...new Set(errors.map((error) => String(error.extensions?.code ?? '')))],
            durationMs: Math.round(seconds * 1000 * 10) / 10,
            upstreamCalls: (context ?? contextValue).client.calls,
          }, 'graphql operation');
        },
      };
    },
  };
}
