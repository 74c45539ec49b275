import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { MemoryBucketStore, stepBucket } from '../../src/access/rate-limit.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { DEMO_FHIR_STORE } from '../helpers/demo-names.js';

describe('token buckets', () => {
  it('refill at the per-minute rate up to a minute\'s worth, and say when the cost fits again', () => {
    let { state, answer } = stepBucket(undefined, 0, 60, 1, 'take');
    expect([state.tokens, answer.allowed]).toEqual([59, true]);
    ({ answer } = stepBucket({ tokens: 0.5, at: 0 }, 0, 60, 1, 'take'));
    expect(answer).toEqual({ allowed: false, retryAfterSeconds: 1 });
    ({ state } = stepBucket({ tokens: 10, at: 0 }, 3_600_000, 60, 0, 'peek'));
    expect(state.tokens).toBe(60);
    // A charge may overdraw (down to minus a minute's worth); until it is paid back, nothing is let through.
    ({ state, answer } = stepBucket({ tokens: 5, at: 0 }, 0, 60, 500, 'charge'));
    expect([state.tokens, answer.allowed]).toEqual([-60, true]);
    ({ answer } = stepBucket(state, 30_000, 60, 1, 'peek'));
    expect(answer).toEqual({ allowed: false, retryAfterSeconds: 31 });
  });

  it('forget callers whose bucket is full again', async () => {
    let now = 0;
    const store = new MemoryBucketStore(() => now);
    expect(await store.apply('k', 2, 1, 'take')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await store.apply('k', 2, 1, 'take')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await store.apply('k', 2, 1, 'take')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now = 30_000;
    expect((await store.apply('k', 2, 1, 'take')).allowed).toBe(true);
  });
});

describe('RATE_LIMIT_UPSTREAM_CALLS_PER_MINUTE in one process', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_UPSTREAM_CALLS_PER_MINUTE: '3' });
  });
  afterAll(() => app?.close());

  it('charges each request its upstream calls and refuses the caller once they are spent, without calling upstream', async () => {
    const query = `{ dataset(id: "demo") { name } fhirStore(name: "${DEMO_FHIR_STORE}") { patients(first: 1) { nodes { resourceId } } } }`;
    const first = await countUpstreamCalls(app, () => graphql(app, query));
    expect(first.result.errors).toBeUndefined();
    expect(first.calls).toBe(2);
    // 1 left: enough to be let in; this one overdraws.
    expect((await graphql(app, query)).errors).toBeUndefined();
    const refused = await countUpstreamCalls(app, () => graphql(app, query));
    expect([refused.result.status, refused.result.errors?.[0]?.extensions?.code, refused.calls]).toEqual([429, 'RATE_LIMITED', 0]);
  });
});
