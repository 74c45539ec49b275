import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { graphql, rest, startTestApp, upstreamCalls } from '../helpers/app.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const FHIR = `${DATASET}/fhirStores/fhir`;
const DICOM = `${DATASET}/dicomStores/dicom`;

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('datasets and stores in the graph', () => {
  it('shows the demo dataset, both stores and their metrics', async () => {
    const result = await graphql(app, `{
      datasets { nodes { name datasetId projectId location timeZone
        fhirStores { nodes { name storeId version enableUpdateCreate labels { key value } metrics { resourceType count } } }
        dicomStores { nodes { name storeId metrics { studyCount seriesCount instanceCount structuredStorageSizeBytes blobStorageSizeBytes } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const demo = result.data.datasets.nodes.find((dataset: { name: string }) => dataset.name === DATASET);
    expect(demo).toMatchObject({ datasetId: 'demo', projectId: 'demo', location: 'us-central1', timeZone: 'UTC' });
    expect(demo.fhirStores.nodes).toContainEqual(expect.objectContaining({
      name: FHIR, storeId: 'fhir', version: 'R4', enableUpdateCreate: true, labels: [{ key: 'source', value: 'demo' }], metrics: expect.any(Array),
    }));
    expect(demo.dicomStores.nodes).toContainEqual({
      name: DICOM, storeId: 'dicom',
      metrics: { studyCount: expect.any(Number), seriesCount: expect.any(Number), instanceCount: expect.any(Number), structuredStorageSizeBytes: expect.any(Number), blobStorageSizeBytes: expect.any(Number) },
    });
  });

  it('pages a dataset\'s FHIR stores with first: 1 exactly as the REST listing orders them', async () => {
    for (const id of ['page-a', 'page-b', 'page-c', 'page-d']) {
      expect((await rest(app, 'POST', `${DATASET}/fhirStores?fhirStoreId=${id}`, { version: 'R4' })).status).toBe(200);
    }
    const listing = await rest(app, 'GET', `${DATASET}/fhirStores?pageSize=1000`);
    const expected = listing.body.fhirStores.map((store: { name: string }) => store.name);
    expect(expected.length).toBeGreaterThanOrEqual(5);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result: any = await graphql(app, `query($after: String) { dataset(id: "demo") { fhirStores(first: 1, after: $after) {
        edges { cursor node { name } } nodes { name } totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`, { after });
      expect(result.errors).toBeUndefined();
      const connection = result.data.dataset.fhirStores;
      expect(connection.nodes).toHaveLength(1);
      expect(connection.edges[0].node).toEqual(connection.nodes[0]);
      expect(connection.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: connection.edges[0].cursor, endCursor: connection.edges[0].cursor });
      expect(connection.totalCount).toBeNull();
      seen.push(connection.nodes[0].name);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('continues from a middle edge\'s cursor without skipping or repeating', async () => {
    const all = await graphql(app, '{ dataset(id: "demo") { fhirStores(first: 100) { edges { cursor node { name } } } } }');
    const edges = all.data.dataset.fhirStores.edges;
    const rest2 = await graphql(app, 'query($after: String) { dataset(id: "demo") { fhirStores(first: 100, after: $after) { nodes { name } } } }', { after: edges[1].cursor });
    expect(rest2.data.dataset.fhirStores.nodes).toEqual(edges.slice(2).map((edge: { node: unknown }) => edge.node));
  });

  it('pages datasets across several pages', async () => {
    for (const id of ['ds-1', 'ds-2', 'ds-3']) {
      expect((await rest(app, 'POST', `projects/demo/locations/us-central1/datasets?datasetId=${id}`, {})).status).toBe(200);
    }
    const expected = (await rest(app, 'GET', 'projects/demo/locations/us-central1/datasets')).body.datasets.map((d: { name: string }) => d.name);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const result: any = await graphql(app, 'query($after: String) { datasets(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }', { after });
      seen.push(...result.data.datasets.nodes.map((d: { name: string }) => d.name));
      after = result.data.datasets.pageInfo.hasNextPage ? result.data.datasets.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(expected);
  });

  it('resolves every object again from its global id with node(id:)', async () => {
    const result = await graphql(app, `{ dataset(id: "${DATASET}") { id fhirStore(id: "fhir") { id } dicomStore(id: "dicom") { id } } }`);
    const { id, fhirStore, dicomStore } = result.data.dataset;
    const nodes = await graphql(app, `query($a: ID!, $b: ID!, $c: ID!) {
      a: node(id: $a) { __typename id ... on Dataset { name } }
      b: node(id: $b) { __typename id ... on FhirStore { name } }
      c: node(id: $c) { __typename id ... on DicomStore { name } } }`, { a: id, b: fhirStore.id, c: dicomStore.id });
    expect(nodes.data).toEqual({
      a: { __typename: 'Dataset', id, name: DATASET },
      b: { __typename: 'FhirStore', id: fhirStore.id, name: FHIR },
      c: { __typename: 'DicomStore', id: dicomStore.id, name: DICOM },
    });
  });

  it('answers a missing dataset with null and NOT_FOUND, and still returns its siblings', async () => {
    const result = await graphql(app, '{ missing: dataset(id: "no-such-dataset") { name } demo: dataset(id: "demo") { name } }');
    expect(result.data).toEqual({ missing: null, demo: { name: DATASET } });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['missing'], extensions: expect.objectContaining({ code: 'NOT_FOUND', upstreamStatus: 404 }) })]);
  });

  it('reads a store by name only when its configuration is asked for, once per request', async () => {
    const before = await upstreamCalls(app);
    const byName = await graphql(app, `{ a: fhirStore(name: "${FHIR}") { name } b: fhirStore(name: "${FHIR}") { storeId } }`);
    expect(byName.data).toEqual({ a: { name: FHIR }, b: { storeId: 'fhir' } });
    expect(await upstreamCalls(app)).toBe(before);
    const config = await graphql(app, `{ a: fhirStore(name: "${FHIR}") { version } b: fhirStore(name: "${FHIR}") { labels { key } } }`);
    expect(config.data).toEqual({ a: { version: 'R4' }, b: { labels: [{ key: 'source' }] } });
    expect(await upstreamCalls(app)).toBe(before + 1);
  });

  it('reports NOT_FOUND on the configuration of a store that does not exist', async () => {
    const result = await graphql(app, `{ fhirStore(name: "${DATASET}/fhirStores/missing") { name version } }`);
    expect(result.errors?.[0]).toMatchObject({ path: ['fhirStore', 'version'], extensions: { code: 'NOT_FOUND' } });
  });

  it('answers a list\'s stores from the list call, with no call per store', async () => {
    const before = await upstreamCalls(app);
    await graphql(app, '{ dataset(id: "demo") { fhirStores(first: 100) { nodes { name version labels { key } } } } }');
    expect(await upstreamCalls(app)).toBe(before + 2); // the dataset, then its store list
  });
});

describe('bad input is refused before any upstream call', () => {
  it.each([
    ['a store name with ..', `{ fhirStore(name: "${DATASET}/fhirStores/..") { name } }`],
    ['a store name of the other kind', `{ fhirStore(name: "${DICOM}") { name } }`],
    ['a URL as a name', '{ dicomStore(name: "https://evil.example/v1/projects/x/locations/y/datasets/z/dicomStores/s") { name } }'],
    ['a short id with a slash', '{ dataset(id: "demo/../../x") { name } }'],
    ['a short id with a query', '{ dataset(id: "demo?x=1") { name } }'],
    ['first: 0', '{ datasets(first: 0) { nodes { name } } }'],
    ['a forged cursor', '{ datasets(after: "eyJsaXN0IjoiZGF0YXNldHMifQ.AAAAAAAAAAAAAAAAAAAAAA") { nodes { name } } }'],
    ['a global id of an unknown type', '{ node(id: "Rm9vOmJhcg") { id } }'],
    ['a global id that is not base64', '{ node(id: "!!!") { id } }'],
  ])('%s', async (_what, query) => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, query);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await upstreamCalls(app)).toBe(before);
  });

  it('refuses a cursor from another list', async () => {
    const stores = await graphql(app, '{ dataset(id: "demo") { fhirStores(first: 1) { pageInfo { endCursor } } } }');
    const cursor = stores.data.dataset.fhirStores.pageInfo.endCursor;
    const result = await graphql(app, 'query($after: String) { datasets(after: $after) { nodes { name } } }', { after: cursor });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a name outside the configured project with FORBIDDEN', async () => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, '{ dataset(id: "projects/other-project/locations/us-central1/datasets/demo") { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await upstreamCalls(app)).toBe(before);
  });
});

describe('HTTP endpoints', () => {
  it('serves liveness, readiness and Prometheus metrics', async () => {
    const health = await fetch(`${app.graph.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect((await fetch(`${app.graph.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${app.graph.url}/metrics`)).text();
    expect(metrics).toMatch(/^healthcare_upstream_requests_total\{kind="admin",method="GET",status="200"\} \d+$/m);
    expect(metrics).toMatch(/^graphql_operations_total\{type="query",outcome="ok"\} \d+$/m);
  });

  it('blocks a simple cross-site POST (CSRF prevention)', async () => {
    const response = await fetch(`${app.graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ datasets { nodes { name } } }"}' });
    expect(response.status).toBe(400);
  });

  it('answers GET /graphql?query= for cacheable queries', async () => {
    const response = await fetch(`${app.graph.url}/graphql?query=${encodeURIComponent('{ dataset(id: "demo") { datasetId } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(await response.json()).toEqual({ data: { dataset: { datasetId: 'demo' } } });
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await fetch(`${app.graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ datasets { nodes { name } } } #${'x'.repeat(1_100_000)}` }) });
    expect(response.status).toBe(413);
  });
});
