/**
 * The FHIR write mutations beyond create/update/delete: JSON Patch, versioned (`ifMatch`) and
 * conditional (`condition`) writes, batch and transaction bundles, history purge; and the inputs
 * refused before any upstream call.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';
import { DEMO_FHIR_STORE } from '../helpers/demo-names.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '1' });
}, 60_000);
afterAll(() => app.close());

const STORE = DEMO_FHIR_STORE;
const RESOURCE = 'resource { resourceId versionId resource }';
const CREATE = `mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { ${RESOURCE} } }`;
const UPDATE = `mutation($input: UpdateFhirResourceInput!) { updateFhirResource(input: $input) { created ${RESOURCE} } }`;
const PATCH = `mutation($input: PatchFhirResourceInput!) { patchFhirResource(input: $input) { ${RESOURCE} } }`;
const DELETE = 'mutation($input: DeleteFhirResourceInput!) { deleteFhirResource(input: $input) { deletedId } }';
const BUNDLE = `mutation($input: ExecuteFhirBundleInput!) { executeFhirBundle(input: $input) {
  type entries { status statusCode location etag error { code message } resource { resourceType resourceId resource } } } }`;
const PURGE = 'mutation($input: PurgeFhirResourceHistoryInput!) { purgeFhirResourceHistory(input: $input) { purgedId } }';

const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.map((e) => e.extensions?.code);

async function createPatient(family: string, extra: Record<string, unknown> = {}) {
  const result = await graphql(app, CREATE, { input: { store: STORE, resource: { resourceType: 'Patient', name: [{ family }], ...extra } } });
  expect(result.errors).toBeUndefined();
  return result.data.createFhirResource.resource as { resourceId: string; versionId: string; resource: Record<string, any> };
}

const versions = async (type: string, id: string): Promise<number> => (await rest(app, 'GET', `${STORE}/fhir/${type}/${id}/_history`)).body.total;

describe('patchFhirResource', () => {
  it('patches a phone number, and refuses a stale ifMatch with CONFLICT', async () => {
    const patient = await createPatient('Patched', { telecom: [{ system: 'phone', value: '555-0100' }] });
    const patch = [{ op: 'replace', path: '/telecom/0/value', value: '555-0199' }];
    const patched = await graphql(app, PATCH, { input: { store: STORE, resourceType: 'Patient', id: patient.resourceId, patch, ifMatch: patient.versionId } });
    expect(patched.errors).toBeUndefined();
    expect(patched.data.patchFhirResource.resource.resource.telecom).toEqual([{ system: 'phone', value: '555-0199' }]);
    const stale = await graphql(app, PATCH, { input: { store: STORE, resourceType: 'Patient', id: patient.resourceId, patch, ifMatch: patient.versionId } });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(await versions('Patient', patient.resourceId)).toBe(2);
  });

  it('refuses a failing test operation as BAD_USER_INPUT', async () => {
    const patient = await createPatient('Tested');
    const result = await graphql(app, PATCH, { input: { store: STORE, resourceType: 'Patient', id: patient.resourceId, patch: [{ op: 'test', path: '/active', value: true }] } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateFhirResource and deleteFhirResource', () => {
  it('updates only while ifMatch is the current version', async () => {
    const patient = await createPatient('Versioned');
    const input = { store: STORE, resource: { resourceType: 'Patient', id: patient.resourceId, name: [{ family: 'Second' }] }, ifMatch: patient.versionId };
    const first = await graphql(app, UPDATE, { input });
    expect(first.errors).toBeUndefined();
    const second = await graphql(app, UPDATE, { input: { ...input, resource: { ...input.resource, name: [{ family: 'Third' }] } } });
    expect(codes(second)).toEqual(['CONFLICT']);
    expect((await rest(app, 'GET', `${STORE}/fhir/Patient/${patient.resourceId}`)).body.name).toEqual([{ family: 'Second' }]);
  });

  it('updates by condition: no match creates, one match replaces, several are a CONFLICT', async () => {
    const condition = 'identifier=urn:writes|cond-1';
    const resource = { resourceType: 'Patient', identifier: [{ system: 'urn:writes', value: 'cond-1' }], name: [{ family: 'Made' }] };
    const made = await graphql(app, UPDATE, { input: { store: STORE, resource, condition } });
    expect(made.errors).toBeUndefined();
    expect(made.data.updateFhirResource.created).toBe(true);
    const replaced = await graphql(app, UPDATE, { input: { store: STORE, resource: { ...resource, name: [{ family: 'Replaced' }] }, condition } });
    expect(replaced.data.updateFhirResource).toMatchObject({ created: false, resource: { resourceId: made.data.updateFhirResource.resource.resourceId } });
    await createPatient('Twin', { identifier: [{ system: 'urn:writes', value: 'cond-1' }] });
    expect(codes(await graphql(app, UPDATE, { input: { store: STORE, resource, condition } }))).toEqual(['CONFLICT']);
    expect(codes(await graphql(app, DELETE, { input: { store: STORE, resourceType: 'Patient', condition } }))).toEqual(['CONFLICT']);
  });

  it('deletes by condition, naming the resource it removed', async () => {
    const patient = await createPatient('Doomed', { identifier: [{ system: 'urn:writes', value: 'del-1' }] });
    const removed = await graphql(app, DELETE, { input: { store: STORE, resourceType: 'Patient', condition: 'identifier=urn:writes|del-1' } });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.deleteFhirResource.deletedId).toBeTruthy();
    expect((await rest(app, 'GET', `${STORE}/fhir/Patient/${patient.resourceId}`)).status).toBe(404);
  });

  it('answers a get-or-create whose search matches several with CONFLICT', async () => {
    await createPatient('Many', { gender: 'other' });
    await createPatient('Many', { gender: 'other' });
    const result = await graphql(app, CREATE, { input: { store: STORE, resource: { resourceType: 'Patient' }, ifNoneExist: 'gender=other' } });
    expect(codes(result)).toEqual(['CONFLICT']);
  });
});

describe('executeFhirBundle', () => {
  const encounter = (subject: string) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:0c3e1a52-1111-4d6e-9d4e-000000000001', resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: subject } }, request: { method: 'POST', url: 'Encounter' } },
      ...['8867-4', '8310-5'].map((code) => ({
        resource: { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, subject: { reference: subject }, encounter: { reference: 'urn:uuid:0c3e1a52-1111-4d6e-9d4e-000000000001' } },
        request: { method: 'POST', url: 'Observation' },
      })),
    ],
  });

  it('stores an encounter with two observations in one transaction, resolving urn:uuid references', async () => {
    const patient = await createPatient('Transacted');
    const result = await graphql(app, BUNDLE, { input: { store: STORE, bundle: encounter(`Patient/${patient.resourceId}`) } });
    expect(result.errors).toBeUndefined();
    const { type, entries } = result.data.executeFhirBundle;
    expect(type).toBe('transaction-response');
    expect(entries.map((e: { statusCode: number }) => e.statusCode)).toEqual([201, 201, 201]);
    const encounterId = entries[0].resource.resourceId;
    expect(entries[1].resource.resource.encounter.reference).toBe(`Encounter/${encounterId}`);
    expect(entries[0].location).toMatch(new RegExp(`Encounter/${encounterId}/_history/`));
  });

  it('stores nothing when one entry of a transaction fails', async () => {
    const before = (await rest(app, 'GET', `${STORE}/fhir/Encounter?_summary=count`)).body.total;
    const result = await graphql(app, BUNDLE, { input: { store: STORE, bundle: encounter('Patient/does-not-exist') } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect((await rest(app, 'GET', `${STORE}/fhir/Encounter?_summary=count`)).body.total).toBe(before);
  });

  it('runs batch entries alone and reports each one', async () => {
    const patient = await createPatient('Batched');
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: { resourceType: 'Patient', name: [{ family: 'Batch' }] }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: `Patient/${patient.resourceId}` } },
        { resource: { resourceType: 'Patient', id: patient.resourceId, name: [{ family: 'Late' }] }, request: { method: 'PUT', url: `Patient/${patient.resourceId}`, ifMatch: 'W/"stale"' } },
      ],
    };
    const result = await graphql(app, BUNDLE, { input: { store: STORE, bundle } });
    expect(result.errors).toBeUndefined();
    const [created, read, stale] = result.data.executeFhirBundle.entries;
    expect(created).toMatchObject({ statusCode: 201, error: null, resource: { resourceType: 'Patient' } });
    expect(read).toMatchObject({ statusCode: 200, resource: { resourceId: patient.resourceId } });
    expect(stale).toMatchObject({ statusCode: 409, resource: null, error: { code: 'CONFLICT' } });
  });
});

describe('purgeFhirResourceHistory', () => {
  it('keeps only the current version', async () => {
    const patient = await createPatient('Purged');
    await graphql(app, UPDATE, { input: { store: STORE, resource: { resourceType: 'Patient', id: patient.resourceId, name: [{ family: 'Now' }] } } });
    expect(await versions('Patient', patient.resourceId)).toBe(2);
    const result = await graphql(app, PURGE, { input: { store: STORE, resourceType: 'Patient', id: patient.resourceId } });
    expect(result.errors).toBeUndefined();
    expect(await versions('Patient', patient.resourceId)).toBe(1);
    expect(codes(await graphql(app, PURGE, { input: { store: STORE, resourceType: 'Patient', id: 'never-was' } }))).toEqual(['NOT_FOUND']);
  });
});

describe('bad input', () => {
  it.each([
    ['a patch that is not a list', PATCH, { resourceType: 'Patient', id: 'x', patch: { op: 'replace' } }],
    ['a patch operation without a pointer', PATCH, { resourceType: 'Patient', id: 'x', patch: [{ op: 'replace', path: 'name', value: 1 }] }],
    ['an unknown patch operation', PATCH, { resourceType: 'Patient', id: 'x', patch: [{ op: 'merge', path: '/name' }] }],
    ['a bad ifMatch', PATCH, { resourceType: 'Patient', id: 'x', patch: [{ op: 'remove', path: '/name' }], ifMatch: 'a b' }],
    ['a bundle that is not a Bundle', BUNDLE, { bundle: { resourceType: 'Patient' } }],
    ['a bundle of another type', BUNDLE, { bundle: { resourceType: 'Bundle', type: 'collection' } }],
    ['a bundle entry without a request', BUNDLE, { bundle: { resourceType: 'Bundle', type: 'batch', entry: [{ resource: { resourceType: 'Patient' } }] } }],
    ['ifMatch together with a condition', UPDATE, { resource: { resourceType: 'Patient' }, ifMatch: 'v1', condition: 'identifier=a|b' }],
    ['an update without id or condition', UPDATE, { resource: { resourceType: 'Patient' } }],
    ['a delete without id or condition', DELETE, { resourceType: 'Patient' }],
    ['a condition that is not a search', DELETE, { resourceType: 'Patient', condition: '' }],
    ['a purge of an unknown type', PURGE, { resourceType: 'Pokemon', id: 'x' }],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, mutation, input) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, mutation, { input: { store: STORE, ...input } }));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(calls).toBe(0);
  });
});
