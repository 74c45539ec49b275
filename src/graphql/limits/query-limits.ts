import { MAX_PAGE_SIZE } from '../../connections/connection.js';

/**
 * How big one GraphQL request may be. Everything except `maxUpstreamCalls` is checked before
 * execution, so a rejected request never reaches the Cloud Healthcare API.
 */
export interface QueryLimits {
  /** Fields on the longest path from the root to a leaf, fragments expanded; introspection is not counted. */
  maxDepth: number;
  /** Aliased fields in one operation, fragments expanded per spread; `__typename` is free. */
  maxAliases: number;
  /** Lexical tokens of the document (comments excluded), as graphql-js's parser counts them. */
  maxTokens: number;
  /** Length of the document text. */
  maxCharacters: number;
  /** Estimated objects returned: see `measureOperation` for the model. */
  maxCost: number;
  /** Largest `first` of any connection, from a literal or a variable. */
  maxFirst: number;
  /** Upstream HTTP calls one request may make, retries included; enforced by `UpstreamBudget`. */
  maxUpstreamCalls: number;
}

/**
 * Defaults with room above what real clients send: the GraphiQL example operations reach depth 9,
 * 171 tokens and a cost near 430, GraphiQL's full introspection query ~2,100 characters and ~190
 * tokens. A page of 100 patients with four per-patient lists costs ~8,100 and makes ~400 upstream
 * calls; three nested connections of 100 (1,000,000) are refused.
 */
export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxCharacters: 20_000,
  maxCost: 50_000,
  maxFirst: MAX_PAGE_SIZE,
  maxUpstreamCalls: 500,
});
