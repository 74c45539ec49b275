import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { createFixture, type Fixture } from '../helpers/fhir-fixtures.js';

// p-001 has more observations than one merged search returns (1,000), the others 6 each.
let app: RunningApp;
let fixture: Fixture;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '1' });
  fixture = await createFixture(app, 'merged-searches', 25, 1100);
}, 180_000);
afterAll(() => app.close());

/** Runs a query that must succeed; returns its data and how many upstream calls it made. */
async function measured<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T; calls: number }> {
  const { result, calls } = await countUpstreamCalls(app, () => graphql<T>(app, query, variables));
  expect(result.errors).toBeUndefined();
  return { data: result.data as T, calls };
}

/** What the store itself answers for one patient's newest observations. */
async function ownSearch(patient: string, count: number): Promise<string[]> {
  const response = await fetch(`${app.apiUrl}/${fixture.store}/fhir/Observation?subject=Patient/${patient}&_sort=-date&_count=${count}`);
  const bundle = await response.json() as { entry?: { resource: { id: string } }[] };
  return (bundle.entry ?? []).map((entry) => entry.resource.id);
}

const LISTS = `query($store: String!, $filter: PatientFilter, $first: Int) { fhirStore(name: $store) {
  patients(first: 20, filter: $filter) { nodes { resourceId observations(first: $first) { nodes { resourceId } pageInfo { hasNextPage endCursor } totalCount } } } } }`;

const NEXT = `query($store: String!, $id: String!, $after: String) { fhirStore(name: $store) {
  patient(id: $id) { observations(first: 5, after: $after) { nodes { resourceId } pageInfo { hasNextPage } } } } }`;

type Lists = { fhirStore: { patients: { nodes: { resourceId: string; observations: { nodes: { resourceId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number | null } }[] } } };

describe('per-patient lists of many patients in one search', () => {
  it('gives every patient the page its own search gives, from one merged search', async () => {
    const { data, calls: count } = await measured(LISTS, { store: fixture.store, filter: { family: 'Simpson' }, first: 5 });
    const nodes = (data as Lists).fhirStore.patients.nodes;
    expect(nodes).toHaveLength(12); // the even patients: p-001 (the heavy one) is not among them
    expect(count).toBe(1 + 1);
    for (const node of nodes) {
      expect(node.observations.nodes.map((observation) => observation.resourceId)).toEqual(await ownSearch(node.resourceId, 5));
      expect(node.observations.pageInfo.hasNextPage).toBe(true);
      expect(node.observations.totalCount).toBe(6);
    }
  });

  it('continues a patient\'s list from a merged page where its own search would', async () => {
    const { data } = await measured(LISTS, { store: fixture.store, filter: { family: 'Simpson' }, first: 5 });
    const [first] = (data as Lists).fhirStore.patients.nodes;
    const next = await measured(NEXT, { store: fixture.store, id: first!.resourceId, after: first!.observations.pageInfo.endCursor });
    const page = (next.data as { fhirStore: { patient: { observations: { nodes: { resourceId: string }[]; pageInfo: { hasNextPage: boolean } } } } }).fhirStore.patient.observations;
    expect(page.nodes.map((node) => node.resourceId)).toEqual((await ownSearch(first!.resourceId, 6)).slice(5));
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(next.calls).toBe(1 + 1 + 1); // the patient, its own first page (the cursor points past it), then the next link
  });

  it('falls back to their own search for patients a cut-off merged search may have missed', async () => {
    // Sorted newest first, the 1,000 matches of the merged search are all p-001's (its observations
    // run into 2027): p-001's page is exact, the other 12 patients are searched one by one.
    const { data, calls: count } = await measured(LISTS, { store: fixture.store, filter: { family: 'Flanders' }, first: 5 });
    const nodes = (data as Lists).fhirStore.patients.nodes;
    expect(nodes.map((node) => node.resourceId)).toContain('p-001');
    expect(nodes).toHaveLength(13);
    expect(count).toBe(1 + 1 + 12);
    for (const node of nodes) {
      expect(node.observations.nodes.map((observation) => observation.resourceId)).toEqual(await ownSearch(node.resourceId, 5));
    }
  });

  it('keeps searches that differ in more than the patient apart', async () => {
    const query = `query($store: String!) { fhirStore(name: $store) {
      a: patient(id: "p-002") { observations(first: 2) { nodes { resourceId } } }
      b: patient(id: "p-004") { observations(first: 3) { nodes { resourceId } } } } }`;
    const { data, calls: count } = await measured(query, { store: fixture.store });
    expect(count).toBe(1 + 2); // both patients in one read, then two searches with different _count
    const result = data as { fhirStore: { a: { observations: { nodes: unknown[] } }; b: { observations: { nodes: unknown[] } } } };
    expect(result.fhirStore.a.observations.nodes).toHaveLength(2);
    expect(result.fhirStore.b.observations.nodes).toHaveLength(3);
  });
});
