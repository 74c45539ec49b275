import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { startTestApp, type GraphQLResponse } from '../helpers/app.js';
import { startTestIssuer, type TestIssuer } from '../helpers/oidc-issuer.js';
import { freePort, startRedis, type RedisServer } from '../ops/redis-server.js';

const AUDIENCE = 'rate-limit-test';
const QUERY = '{ datasets { nodes { datasetId } } }';

/**
 * Per-caller rate limits shared through Redis: two graph instances with the same REDIS_URL, as two
 * replicas behind a load balancer, enforce one limit per caller. A bucket of 4 requests refills one
 * every 15 s, far slower than the test's requests follow each other.
 */
describe('rate limits shared by two replicas through Redis', () => {
  let redis: RedisServer;
  let issuer: TestIssuer;
  let a: RunningApp;
  let b: RunningApp;
  beforeAll(async () => {
    redis = await startRedis(await freePort());
    issuer = await startTestIssuer(AUDIENCE);
    const env = { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, REDIS_URL: redis.url, RATE_LIMIT_REQUESTS_PER_MINUTE: '4', RATE_LIMIT_UPSTREAM_CALLS_PER_MINUTE: '1000' };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await issuer?.close();
    await redis?.stop();
  });

  async function ask(app: RunningApp, token: string): Promise<{ response: GraphQLResponse; retryAfter: string | null }> {
    const response = await fetch(`${app.graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY }) });
    return { response: { status: response.status, ...(await response.json()) }, retryAfter: response.headers.get('retry-after') };
  }

  it('counts one caller\'s requests on both replicas against one bucket, and other callers apart', async () => {
    const alice = await issuer.token({ sub: 'alice' });
    const bob = await issuer.token({ sub: 'bob' });
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await ask(app, alice)).response.status);
    expect(statuses).toEqual([200, 200, 200, 200]);

    for (const app of [a, b]) {
      const { response, retryAfter } = await ask(app, alice);
      expect(response.status).toBe(429);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(15);
    }
    expect((await ask(b, bob)).response.status).toBe(200);
  });

  it('keeps the buckets in Redis, keyed by a digest of the caller', async () => {
    const { createClient } = await import('redis');
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys('healthcare-graph:rate:*');
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(keys.join(' ')).not.toMatch(/alice|bob/);
    } finally {
      client.destroy();
    }
  });

  it('lets requests through while Redis is down', async () => {
    await redis.stop();
    const carol = await issuer.token({ sub: 'carol' });
    expect((await ask(a, carol)).response.status).toBe(200);
  });
});
