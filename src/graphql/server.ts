import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RequestContext } from './context.js';
import { createErrorFormatter } from './errors.js';
import { queryLimitsPlugin, type QueryLimits } from './limits/index.js';
import { persistedQueryErrorsPlugin } from './persisted-queries.js';
import { observabilityPlugin } from './plugins.js';
import { requestScopePlugin } from './request-scope-plugin.js';
import type { TrustServices } from '../access/request-scope.js';
import { safelistCache, safelistPlugin, type Safelist } from './safelist.js';
import { buildSchema } from './schema.js';

/**
 * How long a document registered by automatic persisted queries stays: a day keeps deployed clients'
 * documents warm, while one-off documents (anyone may register any) expire from a shared Redis.
 */
export const APQ_TTL_SECONDS = 24 * 60 * 60;

export interface GraphQLServerOptions {
  logger: Logger;
  metrics: Metrics;
  production: boolean;
  introspection: boolean;
  limits: QueryLimits;
  /** Apollo's cache, shared by replicas (Redis); in-process when unset. */
  cache?: KeyValueCache<string>;
  /** When set, only these operations run; otherwise any, with automatic persisted queries. */
  safelist?: Safelist;
  /** Audit and tracing of each operation (the request scope opened by the context). */
  trust?: TrustServices;
  /** The executable schema, when it is shared with another transport (subscriptions); else built here. */
  schema?: GraphQLSchema;
}

/**
 * The Apollo Server behind `/graphql`. CSRF prevention stays on (Apollo's default); its CDN landing
 * page is off, because GraphiQL is served from our own bundle (see `http/graphiql.ts`).
 */
export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<RequestContext> {
  const { safelist } = options;
  return new ApolloServer<RequestContext>({
    schema: options.schema ?? buildSchema(),
    logger: options.logger,
    cache: options.cache ?? 'bounded',
    persistedQueries: safelist ? { cache: safelistCache(safelist) } : { ttl: APQ_TTL_SECONDS },
    introspection: options.introspection,
    // main.ts stops the HTTP server, the demo load and the emulator in order on SIGINT/SIGTERM.
    // Apollo's own signal handler would race it, and Apollo 5.5 never settles a stop() called during
    // another one, so the process hung on Ctrl-C and `docker stop`.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !options.production,
    // In production, "Did you mean …?" would describe a schema whose introspection is off.
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: createErrorFormatter(options.logger, options.production),
    parseOptions: { maxTokens: options.limits.maxTokens },
    // Apollo indents every response by default; compact JSON is smaller and cheaper to produce
    // (bench/REPORT.md: the pretty printer was a measurable share of a small request's CPU).
    stringifyResult: (result) => JSON.stringify(result),
    // Limits first, so observability logs the code it rewrites for documents refused by size; the
    // safelist after them, so an unregistered document is refused as such whatever its size.
    plugins: [
      queryLimitsPlugin(options.limits),
      ...(safelist ? [safelistPlugin(safelist)] : []),
      persistedQueryErrorsPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints, and the built-in cache-control plugin would wrap every
      // field's resolver to collect them: measurable on lists of hundreds of objects.
      ApolloServerPluginCacheControlDisabled(),
      observabilityPlugin(options.metrics),
      ...(options.trust ? [requestScopePlugin(options.trust)] : []),
    ],
  });
}
