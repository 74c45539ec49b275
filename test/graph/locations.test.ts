/** Query.locations and Location.datasets: the project → location → dataset picker, inside the access policy. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';

const PICKER = `{ locations { nodes { name locationId projectId configured datasets { nodes { name } } } } datasets { nodes { name } } }`;
const datasetIn = (location: string, dataset: string) => `projects/demo/locations/${location}/datasets/${dataset}`;

async function withApp(env: Record<string, string>, run: (app: RunningApp) => Promise<void>) {
  const app = await startTestApp(env);
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

describe('by default', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp();
    await rest(app, 'POST', 'projects/demo/locations/europe-west4/datasets?datasetId=eu', {});
  }, 60_000);
  afterAll(() => app.close());

  it('shows the configured location only, without asking the API for the list', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, '{ locations { nodes { name locationId projectId configured } pageInfo { hasNextPage } } }'));
    expect(result.data.locations).toEqual({
      nodes: [{ name: 'projects/demo/locations/us-central1', locationId: 'us-central1', projectId: 'demo', configured: true }],
      pageInfo: { hasNextPage: false },
    });
    expect(calls).toBe(0);
  });

  it('lists the configured location\'s datasets under it, as Query.datasets does', async () => {
    const result = await graphql(app, PICKER);
    expect(result.errors).toBeUndefined();
    expect(result.data.locations.nodes[0].datasets.nodes).toEqual(result.data.datasets.nodes);
    expect(result.data.datasets.nodes).toEqual([{ name: datasetIn('us-central1', 'demo') }]);
  });

  it('refuses another location\'s dataset with FORBIDDEN before any call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dataset(id: "${datasetIn('europe-west4', 'eu')}") { name } }`));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(calls).toBe(0);
  });
});

describe('with ALLOWED_LOCATIONS', () => {
  it('shows the listed locations in order, each with its datasets; Query.datasets keeps meaning the configured one', () =>
    withApp({ ALLOWED_LOCATIONS: 'europe-west4' }, async (app) => {
      await rest(app, 'POST', 'projects/demo/locations/europe-west4/datasets?datasetId=eu', {});
      await rest(app, 'POST', 'projects/demo/locations/asia-east1/datasets?datasetId=asia', {});
      const result = await graphql(app, PICKER);
      expect(result.errors).toBeUndefined();
      expect(result.data.locations.nodes.map((location: any) => [location.locationId, location.configured, location.datasets.nodes])).toEqual([
        ['europe-west4', false, [{ name: datasetIn('europe-west4', 'eu') }]],
        ['us-central1', true, [{ name: datasetIn('us-central1', 'demo') }]],
      ]);
      expect(result.data.datasets.nodes).toEqual([{ name: datasetIn('us-central1', 'demo') }]);
      const eu = await graphql(app, `{ dataset(id: "${datasetIn('europe-west4', 'eu')}") { datasetId location } }`);
      expect(eu.data.dataset).toEqual({ datasetId: 'eu', location: 'europe-west4' });
      const { result: asia, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dataset(id: "${datasetIn('asia-east1', 'asia')}") { name } }`));
      expect(asia.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('europe-west4, us-central1') });
      expect(calls).toBe(0);
    }));

  it('with *, lists the locations the API serves, and pages through them', () =>
    withApp({ ALLOWED_LOCATIONS: '*' }, async (app) => {
      for (const location of ['asia-east1', 'europe-west4']) await rest(app, 'POST', `projects/demo/locations/${location}/datasets?datasetId=d`, {});
      const upstream = (await rest(app, 'GET', 'projects/demo/locations?pageSize=100')).body.locations.map((location: any) => location.locationId);
      expect(upstream).toEqual(expect.arrayContaining(['asia-east1', 'europe-west4', 'us-central1']));
      const first = await graphql(app, '{ locations(first: 2) { nodes { locationId } pageInfo { hasNextPage endCursor } } }');
      const rest2 = await graphql(app, `{ locations(first: 2, after: "${first.data.locations.pageInfo.endCursor}") { nodes { locationId } pageInfo { hasNextPage } } }`);
      expect([...first.data.locations.nodes, ...rest2.data.locations.nodes].map((location: any) => location.locationId)).toEqual(upstream);
      expect(rest2.data.locations.pageInfo.hasNextPage).toBe(false);
      const asia = await graphql(app, `{ dataset(id: "${datasetIn('asia-east1', 'd')}") { location } }`);
      expect(asia.data.dataset).toEqual({ location: 'asia-east1' });
    }));

  it('keeps a pinned dataset\'s location as the only one', () =>
    withApp({ ALLOWED_LOCATIONS: '*', HEALTHCARE_DATASET: 'demo' }, async (app) => {
      await rest(app, 'POST', 'projects/demo/locations/europe-west4/datasets?datasetId=demo', {});
      const result = await graphql(app, PICKER);
      expect(result.data.locations.nodes.map((location: any) => location.locationId)).toEqual(['us-central1']);
      const other = await graphql(app, `{ dataset(id: "${datasetIn('europe-west4', 'demo')}") { name } }`);
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }));

  it.each(['Europe', ',', 'a b', '**'])('refuses ALLOWED_LOCATIONS=%j at start, naming the variable', (value) => {
    expect(() => loadConfig({ ALLOWED_LOCATIONS: value })).toThrow('ALLOWED_LOCATIONS');
  });
});
