import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { LOC } from './helpers.js';
import { createStore, startFhir, type FhirApi, type FhirResponse } from './fhir-helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LAST_UPDATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

let emulator: RunningEmulator;
let api: FhirApi;

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
});

afterAll(async () => emulator.close());

function expectOutcome(res: FhirResponse, status: number, code: string, details: string): string {
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
    status,
    type: 'application/fhir+json; charset=utf-8',
  });
  expect(res.body.resourceType).toBe('OperationOutcome');
  expect(res.body.issue[0]).toMatchObject({ severity: 'error', code, details: { text: details } });
  return res.body.issue[0].diagnostics;
}

describe('create and read', () => {
  it('creates with a server-assigned UUID, Google-style meta and the body as sent', async () => {
    const body = { resourceType: 'Patient', id: 'ignored', meta: { tag: [{ code: 't' }] }, gender: 'other', extra: { kept: true } };
    const res = await api.request('POST', 'Patient', body);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    const created = res.body;
    expect(created.id).toMatch(UUID);
    expect(created.meta.lastUpdated).toMatch(LAST_UPDATED);
    // versionId: base64 of the nanosecond timestamp, as in Google's samples.
    const nanos = Buffer.from(created.meta.versionId, 'base64').toString('utf8');
    expect(nanos).toMatch(/^\d{19}$/);
    expect(Number(nanos.slice(0, 13))).toBe(Date.parse(created.meta.lastUpdated));
    expect(created).toEqual({
      resourceType: 'Patient',
      id: created.id,
      meta: { tag: [{ code: 't' }], versionId: created.meta.versionId, lastUpdated: created.meta.lastUpdated },
      gender: 'other',
      extra: { kept: true },
    });
    expect(res.headers.get('location')).toBe(`${api.base}/Patient/${created.id}/_history/${created.meta.versionId}`);
    expect(res.headers.get('etag')).toBe(`W/"${created.meta.versionId}"`);

    const read = await api.get(`Patient/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
    expect(read.headers.get('etag')).toBe(`W/"${created.meta.versionId}"`);
  });

  it('answers errors with OperationOutcomes carrying Google-style codes', async () => {
    expect(expectOutcome(await api.get('Patient/nope'), 404, 'not-found', 'resource_not_found')).toContain('Patient/nope');
    expectOutcome(await api.get('Unicorn/1'), 400, 'not-supported', 'bad_resource_type');
    expectOutcome(await api.request('POST', 'Unicorn', { resourceType: 'Unicorn' }), 400, 'not-supported', 'bad_resource_type');
    expectOutcome(await api.request('POST', 'Patient', '{"resourceType": "Pat'), 400, 'structure', 'invalid_json');
    expectOutcome(await api.request('POST', 'Patient', '[1]'), 400, 'value', 'invalid_resource');
    expect(expectOutcome(await api.request('POST', 'Patient', { resourceType: 'Observation' }), 400, 'value', 'invalid_resource')).toContain(
      'Observation',
    );
  });

  it('searches across all types by GET at the base and POST _search (fhir-cross-type.test.ts has the details)', async () => {
    const p = await api.create({ resourceType: 'Patient' });
    for (const res of [await api.get(`?_id=${p.id}`), await api.request('POST', `_search?_id=${p.id}`)]) {
      expect({ status: res.status, type: res.body.type, ids: res.body.entry.map((e: any) => `${e.resource.resourceType}/${e.resource.id}`) }).toEqual({
        status: 200,
        type: 'searchset',
        ids: [`Patient/${p.id}`],
      });
    }
  });

  it('leaves unmapped paths and missing stores to Google\'s generic errors', async () => {
    const html = await api.get('Patient/1/_history/2/extra');
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toContain('text/html');
    const res = await fetch(`${emulator.url}/v1/${LOC}/datasets/d/fhirStores/missing/fhir/Patient/1`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.status).toBe('NOT_FOUND');
  });
});

describe('update, versions and history', () => {
  it('creates a new version on PUT and keeps the old one readable', async () => {
    const v1 = await api.create({ resourceType: 'Patient', gender: 'female' });
    const put = await api.request('PUT', `Patient/${v1.id}`, { resourceType: 'Patient', id: v1.id, gender: 'male' });
    expect(put.status).toBe(200);
    const v2 = put.body;
    expect(v2.meta.versionId).not.toBe(v1.meta.versionId);
    expect(v2.meta.lastUpdated > v1.meta.lastUpdated).toBe(true);
    expect((await api.get(`Patient/${v1.id}`)).body.gender).toBe('male');
    expect((await api.get(`Patient/${v1.id}/_history/${v1.meta.versionId}`)).body).toEqual(v1);
    expect((await api.get(`Patient/${v1.id}/_history/${v2.meta.versionId}`)).body).toEqual(v2);
    expectOutcome(await api.get(`Patient/${v1.id}/_history/nope`), 404, 'not-found', 'resource_not_found');

    const history = (await api.get(`Patient/${v1.id}/_history`)).body;
    expect(history).toMatchObject({ resourceType: 'Bundle', type: 'history', total: 2 });
    expect(history.entry.map((e: any) => e.resource.meta.versionId)).toEqual([v2.meta.versionId, v1.meta.versionId]);
    expect(history.entry.map((e: any) => e.request.method)).toEqual(['PUT', 'POST']);
  });

  it('checks the body against the URL', async () => {
    const p = await api.create({ resourceType: 'Patient' });
    expectOutcome(await api.request('PUT', `Patient/${p.id}`, { resourceType: 'Patient', id: 'other' }), 400, 'value', 'invalid_resource');
    expectOutcome(await api.request('PUT', `Patient/${p.id}`, { resourceType: 'Patient' }), 400, 'value', 'invalid_resource');
    expectOutcome(await api.request('PUT', `Patient/${p.id}`, { resourceType: 'Observation', id: p.id }), 400, 'value', 'invalid_resource');
  });

  it('creates on update only when the store enables update-create', async () => {
    expectOutcome(await api.request('PUT', 'Patient/client-id', { resourceType: 'Patient', id: 'client-id' }), 404, 'not-found', 'resource_not_found');
    const open = await createStore(emulator, 'updatecreate', { enableUpdateCreate: true });
    const res = await open.request('PUT', 'Patient/client-id', { resourceType: 'Patient', id: 'client-id' });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('client-id');
    expect((await open.request('PUT', 'Patient/client-id', { resourceType: 'Patient', id: 'client-id', active: true })).status).toBe(200);
    expectOutcome(await open.request('PUT', 'Patient/bad_id!', { resourceType: 'Patient', id: 'bad_id!' }), 400, 'value', 'invalid_resource');
  });

  it('honours If-Match with a 409 on a stale version', async () => {
    const v1 = await api.create({ resourceType: 'Patient' });
    const v2 = (await api.request('PUT', `Patient/${v1.id}`, { resourceType: 'Patient', id: v1.id, active: true })).body;
    const stale = await api.request('PUT', `Patient/${v1.id}`, { resourceType: 'Patient', id: v1.id }, { 'if-match': `W/"${v1.meta.versionId}"` });
    expect(expectOutcome(stale, 409, 'conflict', 'version_conflict')).toContain(v2.meta.versionId);
    const fresh = await api.request('PUT', `Patient/${v1.id}`, { resourceType: 'Patient', id: v1.id }, { 'if-match': `W/"${v2.meta.versionId}"` });
    expect(fresh.status).toBe(200);
  });

  it('pages through history newest first', async () => {
    const p = await api.create({ resourceType: 'Patient', birthDate: '2000-01-01' });
    for (let i = 2; i <= 5; i++) {
      await api.request('PUT', `Patient/${p.id}`, { resourceType: 'Patient', id: p.id, birthDate: `2000-01-0${i}` });
    }
    const pages = await api.pages(`Patient/${p.id}/_history?_count=2`);
    expect(pages.map((b) => b.entry.length)).toEqual([2, 2, 1]);
    const dates = pages.flatMap((b) => b.entry.map((e: any) => e.resource.birthDate));
    expect(dates).toEqual(['2000-01-05', '2000-01-04', '2000-01-03', '2000-01-02', '2000-01-01']);
    expect(pages[0].total).toBe(5);
    // Index entries of replaced versions no longer match.
    expect(await api.ids('Patient?birthdate=2000-01-01')).not.toContain(p.id);
    expect(await api.ids('Patient?birthdate=2000-01-05')).toContain(p.id);
    const since = pages[0].entry[1].resource.meta.lastUpdated.replace(/\.\d+/, '');
    const recent = (await api.get(`Patient/${p.id}/_history?_since=${encodeURIComponent(since)}`)).body;
    expect(recent.entry.length).toBeGreaterThanOrEqual(1);
    expect(recent.entry.every((e: any) => e.resource.meta.lastUpdated >= since)).toBe(true);
    expectOutcome(await api.get(`Patient/${p.id}/_history?_since=2020-01-01`), 400, 'value', 'invalid_query');
  });

  it('keeps no history when the store disables versioning', async () => {
    const flat = await createStore(emulator, 'flat', { disableResourceVersioning: true });
    const v1 = await flat.create({ resourceType: 'Patient' });
    const v2 = (await flat.request('PUT', `Patient/${v1.id}`, { resourceType: 'Patient', id: v1.id, active: true })).body;
    expectOutcome(await flat.get(`Patient/${v1.id}/_history`), 400, 'not-supported', 'not_supported');
    expect((await flat.get(`Patient/${v1.id}/_history/${v1.meta.versionId}`)).status).toBe(404);
    expect((await flat.get(`Patient/${v1.id}/_history/${v2.meta.versionId}`)).status).toBe(200);
  });
});

describe('patch', () => {
  it('applies a JSON Patch as a new version', async () => {
    const p = await api.create({ resourceType: 'Patient', name: [{ family: 'Old' }] });
    const ops = [
      { op: 'replace', path: '/name/0/family', value: 'New' },
      { op: 'add', path: '/active', value: true },
    ];
    const res = await api.request('PATCH', `Patient/${p.id}`, JSON.stringify(ops), { 'content-type': 'application/json-patch+json' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: [{ family: 'New' }], active: true });
    expect(res.body.meta.versionId).not.toBe(p.meta.versionId);
    expect((await api.ids('Patient?family=new')).includes(p.id)).toBe(true);
    expect((await api.ids('Patient?family=old')).includes(p.id)).toBe(false);
  });

  it('rejects other patch formats, failing patches and id changes', async () => {
    const p = await api.create({ resourceType: 'Patient' });
    const json = { 'content-type': 'application/json-patch+json' };
    expectOutcome(await api.request('PATCH', `Patient/${p.id}`, '[]', { 'content-type': 'application/fhir+json' }), 400, 'not-supported', 'not_supported');
    expectOutcome(await api.request('PATCH', `Patient/${p.id}`, '[{"op":"test","path":"/active","value":true}]', json), 400, 'invalid', 'invalid_patch');
    expectOutcome(await api.request('PATCH', `Patient/${p.id}`, '{"op":"add"}', json), 400, 'invalid', 'invalid_patch');
    expectOutcome(await api.request('PATCH', `Patient/${p.id}`, '[{"op":"replace","path":"/id","value":"x"}]', json), 400, 'value', 'invalid_resource');
    expectOutcome(await api.request('PATCH', 'Patient/missing', '[]', json), 404, 'not-found', 'resource_not_found');
  });
});

describe('delete', () => {
  it('answers 200 {} whether or not the resource exists, and keeps its history', async () => {
    const p = await api.create({ resourceType: 'Patient' });
    const res = await api.request('DELETE', `Patient/${p.id}`);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: {} });
    expect((await api.get(`Patient/${p.id}`)).status).toBe(404);
    expect((await api.request('DELETE', `Patient/${p.id}`)).body).toEqual({});
    expect((await api.request('DELETE', 'Patient/never-existed')).status).toBe(200);
    expect((await api.get(`Patient/${p.id}/_history/${p.meta.versionId}`)).body).toEqual(p);
    const history = (await api.get(`Patient/${p.id}/_history`)).body;
    expect(history.entry.map((e: any) => e.request.method)).toEqual(['DELETE', 'POST']);
    expect(await api.ids(`Patient?_id=${p.id}`)).toEqual([]);
  });
});

describe('conditional interactions', () => {
  const ident = (value: string): Record<string, unknown> => ({ resourceType: 'Patient', identifier: [{ system: 'urn:cond', value }] });

  it('If-None-Exist creates on no match, returns the match on one, 412 on several', async () => {
    const first = await api.request('POST', 'Patient', ident('A'), { 'if-none-exist': 'identifier=urn:cond|A' });
    expect(first.status).toBe(201);
    const again = await api.request('POST', 'Patient', ident('A'), { 'if-none-exist': 'identifier=urn:cond|A' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    await api.create(ident('B'));
    await api.create(ident('B'));
    const ambiguous = await api.request('POST', 'Patient', ident('B'), { 'if-none-exist': 'identifier=urn:cond|B' });
    expectOutcome(ambiguous, 412, 'conflict', 'precondition_failed');
    expect(await api.ids('Patient?identifier=urn:cond|B')).toHaveLength(2);
    // An unknown parameter would match everything: conditions are parsed strictly.
    expectOutcome(await api.request('POST', 'Patient', ident('C'), { 'if-none-exist': 'bogus=1' }), 400, 'not-supported', 'invalid_query');
  });

  it('updates, patches and deletes by search criteria', async () => {
    const created = await api.create(ident('U'));
    const put = await api.request('PUT', 'Patient?identifier=urn:cond|U', { ...ident('U'), active: true });
    expect(put.status).toBe(200);
    expect(put.body.id).toBe(created.id);
    const fresh = await api.request('PUT', 'Patient?identifier=urn:cond|NEW', ident('NEW'));
    expect(fresh.status).toBe(201);
    const patched = await api.request('PATCH', 'Patient?identifier=urn:cond|U', '[{"op":"add","path":"/gender","value":"male"}]', {
      'content-type': 'application/json-patch+json',
    });
    expect(patched.body).toMatchObject({ id: created.id, gender: 'male', active: true });
    expectOutcome(await api.request('DELETE', 'Patient?identifier=urn:cond|B'), 412, 'conflict', 'precondition_failed');
    expect((await api.request('DELETE', 'Patient?identifier=urn:cond|U')).status).toBe(200);
    expect((await api.get(`Patient/${created.id}`)).status).toBe(404);
  });
});

describe('referential integrity', () => {
  it('refuses references to missing resources and deletes of referenced ones', async () => {
    const missing = await api.request('POST', 'Observation', { resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/ghost' } });
    expect(expectOutcome(missing, 400, 'no-store', 'storage_error')).toBe('resource not found: Patient/ghost');
    const p = await api.create({ resourceType: 'Patient' });
    const obs = await api.create({ resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${p.id}` } });
    expect(expectOutcome(await api.request('DELETE', `Patient/${p.id}`), 409, 'conflict', 'storage_error')).toContain(`Observation/${obs.id}`);
    const versioned = { resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${p.id}/_history/nope` } };
    expectOutcome(await api.request('POST', 'Observation', versioned), 400, 'no-store', 'storage_error');
    const pinned = { ...versioned, subject: { reference: `Patient/${p.id}/_history/${p.meta.versionId}` } };
    expect((await api.request('POST', 'Observation', pinned)).status).toBe(201);
    // External, contained and logical references are not checked.
    const loose = {
      resourceType: 'Observation',
      status: 'final',
      subject: { reference: 'https://elsewhere.example/fhir/Patient/1' },
      performer: [{ reference: '#c1' }, { identifier: { value: 'x' } }, { display: 'Dr. No' }],
      contained: [{ resourceType: 'Practitioner', id: 'c1', managingOrganization: { reference: 'Organization/ghost' } }],
    };
    expect((await api.request('POST', 'Observation', loose)).status).toBe(201);
  });

  it('is not enforced when the store disables it', async () => {
    const lax = await createStore(emulator, 'lax', { disableReferentialIntegrity: true });
    const obs = await lax.request('POST', 'Observation', { resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/ghost' } });
    expect(obs.status).toBe(201);
    const p = await lax.create({ resourceType: 'Patient' });
    await lax.create({ resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${p.id}` } });
    expect((await lax.request('DELETE', `Patient/${p.id}`)).status).toBe(200);
  });
});

describe('metadata and metrics', () => {
  it('lists the types, interactions and search parameters the store supports', async () => {
    const res = await api.get('metadata');
    expect(res.status).toBe(200);
    const cs = res.body;
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance', format: ['json'] });
    const rest = cs.rest[0];
    expect(rest.interaction.map((i: any) => i.code)).toEqual(['transaction', 'batch', 'search-system']);
    expect(rest.searchParam.map((p: any) => p.name)).toEqual(expect.arrayContaining(['_type', '_id', '_lastUpdated', '_tag', '_security']));
    const patient = rest.resource.find((r: any) => r.type === 'Patient');
    expect(patient.interaction.map((i: any) => i.code)).toEqual(
      expect.arrayContaining(['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type']),
    );
    expect(patient.searchParam.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['_id', '_lastUpdated', 'identifier', 'name', 'birthdate', 'general-practitioner', 'deceased']),
    );
    expect(patient.operation).toEqual([expect.objectContaining({ name: 'everything' })]);
    expect(patient.searchRevInclude).toContain('Observation:subject');
    const observation = rest.resource.find((r: any) => r.type === 'Observation');
    expect(observation.searchParam).toContainEqual({ name: 'value-quantity', type: 'quantity', documentation: 'valueQuantity' });
    expect(rest.resource.some((r: any) => r.type === 'OperationOutcome')).toBe(false);
  });

  it('reports per-type counts and JSON sizes through getFHIRStoreMetrics', async () => {
    const store = await createStore(emulator, 'metrics');
    const a = await store.create({ resourceType: 'Organization', name: 'A' });
    const b = await store.create({ resourceType: 'Organization', name: 'Bee' });
    await store.create({ resourceType: 'Patient' });
    await store.request('DELETE', `Organization/${a.id}`);
    const res = await fetch(`${emulator.url}/v1/${LOC}/datasets/d/fhirStores/metrics:getFHIRStoreMetrics`);
    const metrics = ((await res.json()) as any).metrics;
    expect(metrics[0]).toEqual({
      resourceType: 'Organization',
      count: '1',
      structuredStorageSizeBytes: String(Buffer.byteLength(JSON.stringify(b))),
    });
    expect(metrics[1]).toMatchObject({ resourceType: 'Patient', count: '1' });
  });
});
