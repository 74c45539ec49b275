import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RequestContext } from './context.js';
import { createErrorFormatter } from './errors.js';
import { queryLimitsPlugin, type QueryLimits } from './limits/index.js';
import { observabilityPlugin } from './plugins.js';
import { buildSchema } from './schema.js';

export interface GraphQLServerOptions {
  logger: Logger;
  metrics: Metrics;
  production: boolean;
  introspection: boolean;
  limits: QueryLimits;
}

/**
 * The Apollo Server behind `/graphql`. CSRF prevention stays on (Apollo's default); its CDN landing
 * page is off, because GraphiQL is served from our own bundle (see `http/graphiql.ts`).
 */
export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: buildSchema(),
    introspection: options.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !options.production,
    // In production, "Did you mean …?" would describe a schema whose introspection is off.
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: createErrorFormatter(options.logger, options.production),
    parseOptions: { maxTokens: options.limits.maxTokens },
    // First, so observability logs the code it rewrites for documents refused by size.
    plugins: [queryLimitsPlugin(options.limits), ApolloServerPluginLandingPageDisabled(), observabilityPlugin(options.metrics)],
  });
}
