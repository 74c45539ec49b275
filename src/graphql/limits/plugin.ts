import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { QueryLimits } from './query-limits.js';
import { sourceSizeViolation } from './source-size.js';
import { operationViolations } from './validation-rules.js';

/**
 * Enforces every {@link QueryLimits} but `maxUpstreamCalls` in Apollo Server, before execution, with
 * QUERY_TOO_COMPLEX and HTTP 400.
 *
 * - Size (`maxCharacters`, `maxTokens`) is measured in `didResolveSource`, the first hook that sees
 *   the text of an APQ hash-only request, and before parsing. That hook cannot reject (a throw there
 *   becomes a 500), so the error is sent from `didResolveOperation` or, when parsing or validation
 *   failed first, put in place of their errors in `willSendResponse`. Pair this with Apollo's
 *   `parseOptions: { maxTokens }` so an oversized document is never fully parsed.
 * - Shape (`maxFirst`, `maxDepth`, `maxAliases`, `maxCost`) is checked in `didResolveOperation` with
 *   the request's variables (as `limitValidationRules` does), on the operation that will run. It runs
 *   on every request, also when Apollo reuses an already validated document from its cache, where
 *   `operationViolations` finds the operation's measure kept from before.
 *
 * List this plugin before any plugin that reads errors in `willSendResponse`.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      let oversized: GraphQLError | undefined;
      let refused = false;
      return {
        async didResolveSource({ source }) {
          oversized = sourceSizeViolation(source, limits);
        },
        async didResolveOperation({ schema, document, operation, request }) {
          let violation = oversized;
          if (violation === undefined && operation !== undefined) {
            violation = operationViolations(schema, document, operation, request.variables ?? {}, limits)[0];
          }
          if (violation === undefined) return;
          refused = true;
          throw withStatus400(violation);
        },
        async willSendResponse({ response }) {
          if (oversized === undefined || refused) return;
          // Parsing or validation stopped first, but the size is what the client has to change.
          response.body = { kind: 'single', singleResult: { errors: [{ message: oversized.message, extensions: { ...oversized.extensions } }] } };
          response.http.status = 400;
        },
      };
    },
  };
}

/** Apollo takes the response status from `extensions.http` and strips that from the error it sends. */
function withStatus400(error: GraphQLError): GraphQLError {
  error.extensions.http = { status: 400 };
  return error;
}
