import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp, type GraphQLResponse } from '../helpers/app.js';

const DEMO_FHIR = 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir';

const loop = (rounds: number) => `{ fhirStore(name: "${DEMO_FHIR}") { ${'patient(id: "p") { store { '.repeat(rounds)}id${' } }'.repeat(rounds)} } }`;
const pageOf = `query($n: Int) { fhirStore(name: "${DEMO_FHIR}") { patients(first: $n) { nodes { id } } } }`;

/** Sends a request with a raw body (for APQ) and returns the answer like `graphql()` does. */
async function post(app: RunningApp, body: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(`${app.graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...(await response.json()) };
}

describe('query limits of the running app', () => {
  let app: RunningApp;
  let strict: RunningApp;
  beforeAll(async () => {
    [app, strict] = await Promise.all([
      startTestApp(),
      startTestApp({ NODE_ENV: 'production', MAX_QUERY_DEPTH: '4', MAX_UPSTREAM_CALLS_PER_REQUEST: '2' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([app?.close(), strict?.close()]);
  });

  it('counts the upstream calls of an accepted query (so the zeros below mean something)', async () => {
    const { result: answer, calls } = await countUpstreamCalls(app, () => graphql(app, pageOf, { n: 5 }));
    expect(answer.errors).toBeUndefined();
    expect(calls).toBeGreaterThan(0);
  });

  it.each([
    ['depth', loop(6), {}, 'Query depth 14 exceeds the limit of 10'],
    ['aliases', `{ ${Array.from({ length: 31 }, (_, index) => `a${index}: dataset(id: "demo") { id }`).join(' ')} }`, {}, 'Query alias count 31 exceeds the limit of 30'],
    ['a literal first', `{ fhirStore(name: "${DEMO_FHIR}") { patients(first: 100000) { nodes { id } } } }`, {}, `Argument first 100000 of FhirStore.patients exceeds the limit of 100`],
    ['a first from variables', pageOf, { n: 100000 }, 'Argument first 100000 of FhirStore.patients exceeds the limit of 100'],
    ['cost', 'query($n: Int) { datasets(first: $n) { nodes { fhirStores(first: $n) { nodes { patients(first: $n) { nodes { id } } } } } } }', { n: 40 }, 'Query cost 65640 exceeds the limit of 50000'],
    ['characters', `# ${'x'.repeat(20_000)}\n{ datasets { nodes { id } } }`, {}, 'Query length 20032 characters exceeds the limit of 20000'],
    ['tokens', `{ ${'datasets { nodes { id } } '.repeat(300)}}`, {}, 'Query token count 2102 exceeds the limit of 2000'],
  ])('refuses %s with QUERY_TOO_COMPLEX, HTTP 400 and no upstream call', async (_case, query, variables, message) => {
    const { result: answer, calls } = await countUpstreamCalls(app, () => graphql(app, query, variables));
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([[message, 'QUERY_TOO_COMPLEX']]);
    expect(calls).toBe(0);
  });

  it('checks a persisted query resolved from its hash against the request\'s variables', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(pageOf).digest('hex') } };
    const registered = await post(app, { query: pageOf, variables: { n: 1 }, extensions });
    expect(registered.errors).toBeUndefined();

    const { result: answer, calls } = await countUpstreamCalls(app, () => post(app, { variables: { n: 100000 }, extensions }));
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(calls).toBe(0);
  });

  it('lets GraphiQL introspect the schema', async () => {
    const answer = await graphql(app, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.__schema).toBeDefined();
  });

  it('reads the limits from the environment', async () => {
    const { result: answer, calls } = await countUpstreamCalls(strict, () => graphql(strict, `{ fhirStore(name: "${DEMO_FHIR}") { patients { nodes { store { id } } } } }`));
    expect(answer.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Query depth 5 exceeds the limit of 4', 'QUERY_TOO_COMPLEX']]);
    expect(calls).toBe(0);
  });

  it('fails the fields beyond the upstream-call budget and keeps the rest of the answer', async () => {
    // One dataset lookup (shared by the three fields) and two store lists: the third call is refused.
    const query = '{ a: dataset(id: "demo") { fhirStores { nodes { storeId } } } b: dataset(id: "demo") { dicomStores { nodes { storeId } } } c: dataset(id: "demo") { datasetId } }';
    const { result: answer, calls } = await countUpstreamCalls(strict, () => graphql(strict, query));
    expect(calls).toBe(2);
    expect(answer.status).toBe(200);
    expect(answer.data?.c).toEqual({ datasetId: 'demo' });
    expect([answer.data?.a, answer.data?.b].filter((field) => field === null)).toHaveLength(1);
    expect(answer.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Upstream calls for this request exceed the limit of 2', 'QUERY_TOO_COMPLEX']]);
  });

  it('drops "Did you mean" suggestions in production', async () => {
    const [development, production] = await Promise.all([graphql(app, '{ datasetz { nodes { id } } }'), graphql(strict, '{ datasetz { nodes { id } } }')]);
    expect(development.errors?.[0]?.message).toMatch(/Did you mean/);
    expect(production.errors?.[0]?.message).toBe('Cannot query field "datasetz" on type "Query".');
  });
});
