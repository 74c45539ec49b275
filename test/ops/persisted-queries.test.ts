import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { startTestApp, upstreamCalls } from '../helpers/app.js';
import { codes, DEMO_FHIR, persisted, post } from './helpers.js';

/** The automatic persisted query protocol as Apollo Client's persisted-query link speaks it, in memory. */

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(() => app.close());

const patients = `query Patients($store: String!) { fhirStore(name: $store) { patients(first: 5) { nodes { resourceId } } } }`;

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, registers it with its document, then runs it by hash alone', async () => {
    const variables = { store: DEMO_FHIR };
    const miss = await post(app, { variables, extensions: persisted(patients) });
    expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(miss.data).toBeUndefined();

    const registered = await post(app, { query: patients, variables, extensions: persisted(patients) });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.fhirStore.patients.nodes).toEqual([{ resourceId: 'pat-000001' }]);

    const hit = await post(app, { variables, extensions: persisted(patients) });
    expect(hit).toEqual(registered);
  });

  it('runs a registered hash over GET, as the link does for queries with useGETForHashedQueries', async () => {
    const query = '{ datasets { nodes { datasetId } } }';
    await post(app, { query, extensions: persisted(query) });
    const url = new URL(`${app.graph.url}/graphql`);
    url.searchParams.set('extensions', JSON.stringify(persisted(query)));
    const answer = await (await fetch(url, { headers: { 'apollo-require-preflight': 'true' } })).json();
    expect(answer).toEqual({ data: { datasets: { nodes: [{ datasetId: 'demo' }] } } });
  });

  it('refuses a document sent with another document\'s hash, and registers nothing', async () => {
    const other = '{ datasets { nodes { name } } }';
    const answer = await post(app, { query: other, extensions: persisted(patients.replace('first: 5', 'first: 6')) });
    expect([answer.status, codes(answer)]).toEqual([400, ['BAD_USER_INPUT']]);
    expect(codes(await post(app, { extensions: persisted(patients.replace('first: 5', 'first: 6')) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('runs by hash without any upstream call to resolve the document', async () => {
    const query = '{ __typename }';
    await post(app, { query, extensions: persisted(query) });
    const before = await upstreamCalls(app);
    expect((await post(app, { extensions: persisted(query) })).data).toEqual({ __typename: 'Query' });
    expect(await upstreamCalls(app)).toBe(before);
  });
});
