import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { startBff } from '../../bench/src/bff.js';
import { QUERIES, QUERY_NAMES } from '../../bench/src/queries.js';
import { startTestApp } from '../helpers/app.js';

let app: RunningApp;
let bff: Awaited<ReturnType<typeof startBff>>;
beforeAll(async () => {
  // Three patients: the chart's patient (pat-000001) has imaging, the lists have several rows.
  app = await startTestApp({ DEMO_PATIENTS: '3' });
  bff = await startBff(app.apiUrl);
}, 120_000);
afterAll(async () => {
  await bff?.close();
  await app?.close();
});

describe("the bench's bff system", () => {
  it.each(QUERY_NAMES)('answers %s with the JSON the graph answers', async (name) => {
    const query = QUERIES[name];
    const graph = await (await fetch(`${app.graph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(query.graphql),
    })).json() as { data?: unknown; errors?: unknown };
    expect(graph.errors).toBeUndefined();
    const response = await fetch(`${bff.url}/bff/${name}`);
    expect(response.status).toBe(200);
    // Image URLs point at whichever server answered.
    const answered = (await response.text()).replaceAll(bff.url, app.graph.url);
    expect(JSON.parse(answered)).toEqual({ data: graph.data });
    expect(JSON.stringify(graph.data)).not.toMatch(/"nodes":\[\]/);
  });

  it('answers 404 for an endpoint it does not have', async () => {
    expect((await fetch(`${bff.url}/bff/no-such-query`)).status).toBe(404);
  });
});
