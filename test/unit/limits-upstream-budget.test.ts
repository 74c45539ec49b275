import { describe, expect, it } from '@jest/globals';
import { UpstreamBudget, UpstreamBudgetExceededError } from '../../src/graphql/limits/index.js';

describe('UpstreamBudget', () => {
  it('allows the budgeted calls, then refuses every further one with QUERY_TOO_COMPLEX', () => {
    const budget = new UpstreamBudget(3);
    for (let call = 0; call < 3; call += 1) budget.take();
    expect(budget.used).toBe(3);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      let thrown: unknown;
      try {
        budget.take();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UpstreamBudgetExceededError);
      expect((thrown as UpstreamBudgetExceededError).message).toBe('Upstream calls for this request exceed the limit of 3');
      expect((thrown as UpstreamBudgetExceededError).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'upstreamCalls', found: 4, allowed: 3 });
    }
    expect(budget.used).toBe(3);
  });

  it('refuses the first call of a zero budget', () => {
    expect(() => new UpstreamBudget(0).take()).toThrow(UpstreamBudgetExceededError);
  });
});
