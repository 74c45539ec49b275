import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../../errors.js';

/** What the upstream client asks before each HTTP call it is about to make. */
export interface UpstreamCallBudget {
  /** Counts one call, or throws {@link UpstreamBudgetExceededError} when none is left. */
  take(): void;
}

const CODE: ErrorCode = 'QUERY_TOO_COMPLEX';

/**
 * Thrown instead of an upstream call once the request has used its budget. It has no HTTP status:
 * it fails only the fields still waiting for data, and the rest of the response is kept.
 */
export class UpstreamBudgetExceededError extends GraphQLError {
  constructor(readonly allowed: number) {
    super(`Upstream calls for this request exceed the limit of ${allowed}`, {
      extensions: { code: CODE, limit: 'upstreamCalls', found: allowed + 1, allowed },
    });
    this.name = 'UpstreamBudgetExceededError';
  }
}

/**
 * A per-request allowance of upstream calls (Medplum's `graphqlMaxSearches` idea): the cost check
 * estimates before execution, this bounds what resolvers actually do, retries included. Create one
 * per GraphQL request.
 */
export class UpstreamBudget implements UpstreamCallBudget {
  private taken = 0;

  constructor(readonly allowed: number) {}

  /** Calls counted so far, the refused ones excluded. */
  get used(): number {
    return this.taken;
  }

  take(): void {
    if (this.taken >= this.allowed) throw new UpstreamBudgetExceededError(this.allowed);
    this.taken += 1;
  }
}
