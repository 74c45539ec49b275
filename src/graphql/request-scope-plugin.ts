import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import type { TrustServices } from '../access/request-scope.js';
import type { RequestContext } from './context.js';

/**
 * Ends each operation's request scope (`beginRequest` in the context): the audit event with the
 * operation's name, error codes and upstream calls, the span named after the operation (never its
 * variables or document). While the audit log is on, every resolved patient and study is recorded;
 * with `TRACE_RESOLVERS`, each field with a resolver of its own gets a span. Neither hook is installed
 * when off, so fields resolve with no per-field cost.
 */
export function requestScopePlugin(trust: TrustServices): ApolloServerPlugin<RequestContext> {
  const watchFields = trust.audit.enabled || trust.tracing.resolverSpans;
  return {
    async requestDidStart() {
      const listener: GraphQLRequestListener<RequestContext> = {
        async willSendResponse({ operation, operationName, response, contextValue }) {
          const type = operation?.operation ?? 'unknown';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          contextValue.scope?.finish({
            operation: operationName ?? null,
            mutation: type === 'mutation',
            errorCodes: errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
            upstreamCalls: contextValue.client.calls,
            spanName: `${type} ${operationName ?? '(anonymous)'}`,
            spanAttributes: { 'graphql.operation.type': type, ...(operationName ? { 'graphql.operation.name': operationName } : {}) },
          });
        },
      };
      if (watchFields) {
        listener.executionDidStart = async ({ operation }) => {
          const written = operation.operation === 'mutation';
          return { willResolveField: ({ info, contextValue }) => watchField(info, contextValue, written, trust.tracing.resolverSpans) };
        };
      }
      return listener;
    },
  };
}

function watchField(info: GraphQLResolveInfo, context: RequestContext, written: boolean, resolverSpans: boolean) {
  const { audit, span } = context.scope;
  const resolver = resolverSpans && span && info.parentType.getFields()[info.fieldName]?.resolve
    ? span.child(`resolve ${info.parentType.name}.${info.fieldName}`, { 'graphql.field.name': info.fieldName, 'graphql.field.type': getNamedType(info.returnType).name })
    : undefined;
  if (!audit && !resolver) return undefined;
  return (error: Error | null, result: unknown) => {
    if (audit && error === null) audit.addResult(result, written);
    resolver?.end();
  };
}
