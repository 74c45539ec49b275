import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';
import { queryAllPages, type Page } from '../helpers/connections.js';
import { createFixture, type Fixture } from '../helpers/fhir-fixtures.js';

let app: RunningApp;
let fixture: Fixture;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '1' });
  fixture = await createFixture(app, 'graph-test');
}, 120_000);
afterAll(() => app.close());

describe('patients in the graph', () => {
  it('pages through all patients with first: 7 and finds the same set as a REST listing', async () => {
    const listing = await rest(app, 'GET', `${fixture.store}/fhir/Patient?_count=1000`);
    const expected = listing.body.entry.map((entry: { resource: { id: string } }) => entry.resource.id).sort();

    const pages = await queryAllPages(app, `query($store: String!, $after: String) { fhirStore(name: $store) {
        patients(first: 7, after: $after) { nodes { resourceId } totalCount pageInfo { hasNextPage endCursor } } } }`, { store: fixture.store },
    (data): Page<{ resourceId: string }> => data.fhirStore.patients, 20);
    for (const page of pages) expect(page.nodes.length).toBeLessThanOrEqual(7);
    expect(pages.flatMap((page) => page.nodes.map((node) => node.resourceId)).sort()).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 7));
  });

  it('filters patients by name, gender, identifier and birth date', async () => {
    const result = await graphql(app, `query($store: String!) { fhirStore(name: $store) {
      simpsons: patients(filter: { family: "simp", gender: "female" }, first: 100) { nodes { resourceId gender } }
      byMrn: patients(filter: { identifier: "MRN1003" }) { nodes { resourceId mrn } }
      born: patients(filter: { birthDateFrom: "1960-01-01", birthDateTo: "1961-12-31" }, first: 100) { nodes { birthDate } } } }`, { store: fixture.store });
    expect(result.errors).toBeUndefined();
    const { simpsons, byMrn, born } = result.data.fhirStore;
    expect(simpsons.nodes.length).toBe(12);
    expect(simpsons.nodes.every((node: { gender: string }) => node.gender === 'female')).toBe(true);
    expect(byMrn.nodes).toEqual([{ resourceId: 'p-003', mrn: 'MRN1003' }]);
    expect(born.nodes.map((node: { birthDate: string }) => node.birthDate.slice(0, 4)).sort()).toEqual(['1960', '1961']);
  });

  it('shows a patient\'s chart in one request', async () => {
    const result = await graphql(app, `query($store: String!) { fhirStore(name: $store) { patient(id: "p-002") {
      id resourceId mrn displayName gender birthDate names { family given }
      generalPractitioners { displayName } managingOrganization { name }
      observations(first: 3) { totalCount nodes { code { code display } valueQuantity { value unit } valueDisplay effectiveDateTime encounter { resourceId } } }
      conditions { nodes { code { display } clinicalStatus onsetDateTime } }
      encounters(first: 5) { nodes { status class { code } start serviceProvider { name } practitioners { displayName } } } } } }`, { store: fixture.store });
    expect(result.errors).toBeUndefined();
    const patient = result.data.fhirStore.patient;
    expect(patient).toMatchObject({
      resourceId: 'p-002', mrn: 'MRN1002', displayName: 'Given2 Simpson', gender: 'female',
      generalPractitioners: [{ displayName: 'Dr. Julius Hibbert' }], managingOrganization: { name: 'Springfield General Hospital' },
      conditions: { nodes: [{ code: { display: 'Diabetes mellitus type 2' }, clinicalStatus: 'active', onsetDateTime: '2020-05-01' }] },
      encounters: { nodes: [{ status: 'finished', class: { code: 'AMB' }, start: '2024-03-01T09:00:00Z', serviceProvider: { name: 'Springfield General Hospital' }, practitioners: [{ displayName: 'Dr. Julius Hibbert' }] }] },
    });
    expect(patient.observations.totalCount).toBe(6);
    // Newest first.
    expect(patient.observations.nodes.map((node: { effectiveDateTime: string }) => node.effectiveDateTime.slice(0, 10))).toEqual(['2024-01-06', '2024-01-05', '2024-01-04']);
    expect(patient.observations.nodes[0]).toMatchObject({ code: { code: '8867-4', display: 'Heart rate' }, valueQuantity: { unit: '/min' }, encounter: { resourceId: 'enc-p-002' } });

    const again = await graphql(app, 'query($id: ID!) { node(id: $id) { ... on Patient { resourceId } } }', { id: patient.id });
    expect(again.data).toEqual({ node: { resourceId: 'p-002' } });
  });

  it('pages $everything through a patient with 150+ resources', async () => {
    const pages = await queryAllPages(app, `query($store: String!, $after: String) { fhirStore(name: $store) { patient(id: "${fixture.heavyPatientId}") {
        everything(first: 50, after: $after) { totalCount nodes { resourceType resourceId } pageInfo { hasNextPage endCursor } } } } }`, { store: fixture.store },
    (data): Page<{ resourceType: string; resourceId: string }> & { totalCount: number | null } => data.fhirStore.patient.everything, 20);
    const seen = new Set(pages.flatMap((page) => page.nodes.map((node) => `${node.resourceType}/${node.resourceId}`)));
    const total = pages.at(-1)!.totalCount;
    expect(seen.size).toBeGreaterThanOrEqual(163); // the patient, 160 observations, a condition, an encounter
    expect(seen).toContain(`Patient/${fixture.heavyPatientId}`);
    expect(seen).toContain('Observation/obs-p-001-160');
    expect(total === null || total >= 163).toBe(true);
  });

  it('reads any resource and searches any type', async () => {
    const result = await graphql(app, `query($store: String!) { fhirStore(name: $store) {
      resource(type: "Organization", id: "org-2")
      search(resourceType: "Observation", params: [{ name: "subject", value: "Patient/p-003" }, { name: "_sort", value: "date" }], first: 2) { nodes { resourceType resourceId versionId } } } }`, { store: fixture.store });
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.resource).toMatchObject({ resourceType: 'Organization', id: 'org-2', name: 'Shelbyville Clinic' });
    expect(result.data.fhirStore.search.nodes.map((node: { resourceId: string }) => node.resourceId)).toEqual(['obs-p-003-1', 'obs-p-003-2']);
  });
});

describe('upstream calls', () => {
  it('20 patients with practitioner and organization: one search that _includes both', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($store: String!) { fhirStore(name: $store) {
      patients(first: 20) { nodes { displayName generalPractitioners { displayName } managingOrganization { name } } } } }`, { store: fixture.store }));
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patients.nodes).toHaveLength(20);
    expect(result.data.fhirStore.patients.nodes.every((node: any) => node.generalPractitioners.length === 1 && node.managingOrganization)).toBe(true);
    expect(calls).toBe(1); // the patient search, with _include for both references (the store itself is not read)
  });

  it('20 patients × 5 latest observations: one search for all 20 patients', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($store: String!) { fhirStore(name: $store) {
      patients(first: 20) { nodes { observations(first: 5) { nodes { valueQuantity { value } } } } } } }`, { store: fixture.store }));
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patients.nodes.every((node: any) => node.observations.nodes.length === 5)).toBe(true);
    expect(calls).toBe(1 + 1); // the patients, then Observation?subject=Patient/a,…,Patient/t split per patient
  });

  it('reads referenced resources not included in a search in one batched read per type', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($store: String!) { fhirStore(name: $store) {
      patients(first: 20) { nodes { encounters(first: 1) { nodes { serviceProvider { name } practitioners { displayName } } } } } } }`, { store: fixture.store }));
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1 + 1); // patients, then one encounter search for all of them that _includes both reference types
  });

  it('fetches a reference repeated across the response once', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($store: String!) { fhirStore(name: $store) {
      a: patient(id: "p-002") { managingOrganization { name } }
      b: patient(id: "p-004") { managingOrganization { name } }
      c: resource(type: "Organization", id: "org-1") } }`, { store: fixture.store }));
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1 + 1); // both patients in one _id read, org-1 once
  });
});

describe('bad input and cursor attacks', () => {
  it.each([
    ['a resource type that is not FHIR R4', '{ fhirStore(name: "$store") { resource(type: "Patient/../../x", id: "1") } }'],
    ['an id with a slash', '{ fhirStore(name: "$store") { patient(id: "a/b") { resourceId } } }'],
    ['an id that is too long', `{ fhirStore(name: "$store") { patient(id: "${'a'.repeat(65)}") { resourceId } } }`],
    ['a reserved search parameter', '{ fhirStore(name: "$store") { search(resourceType: "Patient", params: [{ name: "_count", value: "1000" }]) { nodes { id } } } }'],
    ['an access_token parameter', '{ fhirStore(name: "$store") { search(resourceType: "Patient", params: [{ name: "access_token", value: "x" }]) { nodes { id } } } }'],
    ['a parameter name with URL syntax', '{ fhirStore(name: "$store") { search(resourceType: "Patient", params: [{ name: "a&b", value: "x" }]) { nodes { id } } } }'],
    ['an unknown gender', '{ fhirStore(name: "$store") { patients(filter: { gender: "x" }) { nodes { id } } } }'],
  ])('refuses %s with BAD_USER_INPUT and no FHIR call', async (_what, template) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, template.replace('$store', fixture.store)), { kind: 'fhir' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });

  it('passes search values with URL syntax as values', async () => {
    const result = await graphql(app, `{ fhirStore(name: "${fixture.store}") { patients(filter: { family: "Simpson&gender=male#x/../%2F" }) { nodes { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patients.nodes).toEqual([]);
  });

  it('refuses tampered, truncated and foreign cursors without a FHIR call', async () => {
    const first = await graphql(app, `{ fhirStore(name: "${fixture.store}") { patients(first: 2) { pageInfo { endCursor } } } }`);
    const cursor: string = first.data.fhirStore.patients.pageInfo.endCursor;
    const [body, signature] = cursor.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...payload, search: '?_page_token=x&_count=1000' })).toString('base64url')}.${signature}`;
    await rest(app, 'PUT', 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Patient/other-store', { resourceType: 'Patient', id: 'other-store' });
    const otherStoreCursor = (await graphql(app, '{ fhirStore(name: "projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir") { patients(first: 1) { pageInfo { endCursor } } } }'))
      .data.fhirStore.patients.pageInfo.endCursor;
    for (const after of [tampered, cursor.slice(0, -3), `${cursor}x`, otherStoreCursor, 'x'.repeat(5000)]) {
      const { result, calls } = await countUpstreamCalls(app, () => graphql(app, 'query($store: String!, $after: String) { fhirStore(name: $store) { patients(after: $after) { nodes { id } } } }', { store: fixture.store, after }), { kind: 'fhir' });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(calls).toBe(0);
    }
  });
});

describe('mutations', () => {
  const identifier = { system: 'urn:demo:claims', value: 'CLM-1' };

  it('creates, gets-or-creates, updates and deletes a resource', async () => {
    const create = `mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created resource { id resourceType resourceId versionId resource } } }`;
    const input = { store: fixture.store, resource: { resourceType: 'Organization', name: 'Ogdenville Clinic', identifier: [identifier] }, ifNoneExist: `identifier=${identifier.system}|${identifier.value}` };
    const first = await graphql(app, create, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.createFhirResource).toMatchObject({ created: true, resource: { resourceType: 'Organization', resource: { name: 'Ogdenville Clinic' } } });
    const id = first.data.createFhirResource.resource.resourceId;

    const second = await graphql(app, create, { input });
    expect(second.data.createFhirResource).toMatchObject({ created: false, resource: { resourceId: id } });

    const update = await graphql(app, 'mutation($input: UpdateFhirResourceInput!) { updateFhirResource(input: $input) { resource { resource versionId } } }', {
      input: { store: fixture.store, resource: { resourceType: 'Organization', id, name: 'Ogdenville Health' } },
    });
    expect(update.errors).toBeUndefined();
    expect(update.data.updateFhirResource.resource.resource.name).toBe('Ogdenville Health');
    expect(update.data.updateFhirResource.resource.versionId).not.toBe(first.data.createFhirResource.resource.versionId);

    const removed = await graphql(app, 'mutation($input: DeleteFhirResourceInput!) { deleteFhirResource(input: $input) { deletedId } }', {
      input: { store: fixture.store, resourceType: 'Organization', id },
    });
    expect(removed.data.deleteFhirResource.deletedId).toBe(first.data.createFhirResource.resource.id);
    const gone = await graphql(app, `{ fhirStore(name: "${fixture.store}") { resource(type: "Organization", id: "${id}") } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['not a resource', { store: 'S', resource: [1, 2] }],
    ['an unknown resource type', { store: 'S', resource: { resourceType: 'Pokemon' } }],
    ['no store and no default store', { resource: { resourceType: 'Patient' } }],
  ])('answers %s with BAD_USER_INPUT', async (_what, input) => {
    const result = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created } }', {
      input: { ...input, ...('store' in input ? { store: fixture.store } : {}) },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a get-or-create whose search matches several with CONFLICT (the contract code for an ambiguous condition)', async () => {
    const result = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created } }', {
      input: { store: fixture.store, resource: { resourceType: 'Patient' }, ifNoneExist: 'gender=female' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
