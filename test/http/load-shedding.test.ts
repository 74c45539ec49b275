import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { getFaults, setFaults } from '../hardening/emulator-control.js';
import { graphql, metricTotal, startTestApp, upstreamCalls } from '../helpers/app.js';

const DATASET_NAME = '{ dataset(id: "demo") { name } }';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_IN_FLIGHT: '1' });
});
afterAll(() => app.close());

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('load shedding (GRAPHQL_MAX_IN_FLIGHT)', () => {
  it('answers a request past the limit at once with 503 OVERLOADED and Retry-After, without an upstream call, and serves again once a place is free', async () => {
    // The one place is held by a request whose upstream read the emulator holds back.
    await setFaults(app.emulator!.url, [{ path: '/datasets/demo$', method: 'GET', rate: 1, status: 'delay', delayMs: 3000, times: 1 }]);
    const holding = graphql(app, DATASET_NAME);
    await eventually(async () => (await getFaults(app.emulator!.url))[0]?.times === 0, 'the held request to reach the emulator');

    const before = await upstreamCalls(app);
    const refused = await fetch(`${app.graph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DATASET_NAME }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions.code).toBe('OVERLOADED');
    expect(await upstreamCalls(app)).toBe(before);

    const held = await holding;
    expect(held.errors).toBeUndefined();
    expect(held.data).toEqual({ dataset: { name: 'projects/demo/locations/us-central1/datasets/demo' } });
    await setFaults(app.emulator!.url, []);
    const after = await graphql(app, DATASET_NAME);
    expect(after.status).toBe(200);
    expect(after.errors).toBeUndefined();
    expect(await metricTotal(app, 'graphql_requests_shed_total')).toBe(1);
  }, 30_000);

  it('frees the place of a request that failed', async () => {
    const failed = await graphql(app, '{ dataset(id: "no such/dataset") { name } }');
    expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const next = await graphql(app, DATASET_NAME);
    expect(next.errors).toBeUndefined();
  });
});

describe('/metrics', () => {
  it('exports the event-loop delay (prom-client default metrics)', async () => {
    const text = await (await fetch(`${app.graph.url}/metrics`)).text();
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p50_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_max_seconds']) {
      expect(text).toMatch(new RegExp(`^${name} \\d`, 'm'));
    }
  });
});
