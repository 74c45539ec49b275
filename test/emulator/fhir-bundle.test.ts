import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { LOC } from './helpers.js';
import { startFhir, type FhirApi } from './fhir-helpers.js';

let emulator: RunningEmulator;
let api: FhirApi;

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
});

afterAll(async () => emulator.close());

function post(resource: Record<string, unknown>, fullUrl?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(fullUrl ? { fullUrl } : {}), resource, request: { method: 'POST', url: resource['resourceType'], ...extra } };
}

async function counts(): Promise<Record<string, string>> {
  const res = await fetch(`${emulator.url}/v1/${LOC}/datasets/d/fhirStores/s:getFHIRStoreMetrics`);
  const metrics = (((await res.json()) as any).metrics ?? []) as { resourceType: string; count: string }[];
  return Object.fromEntries(metrics.map((m) => [m.resourceType, m.count]));
}

describe('transaction', () => {
  it('creates everything, rewriting urn:uuid references, whatever the entry order', async () => {
    const res = await api.bundle('transaction', [
      post({ resourceType: 'Observation', status: 'final', subject: { reference: 'urn:uuid:pat' }, encounter: { reference: 'urn:uuid:enc' } }),
      post({ resourceType: 'Encounter', status: 'finished', subject: { reference: 'urn:uuid:pat' } }, 'urn:uuid:enc'),
      post({ resourceType: 'Patient', name: [{ family: 'Tx' }] }, 'urn:uuid:pat'),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
    const [obs, enc, pat] = res.body.entry;
    for (const entry of res.body.entry) {
      expect(entry.response.status).toBe('201 Created');
      expect(entry.response.location).toBe(`${entry.resource.resourceType}/${entry.resource.id}/_history/${entry.resource.meta.versionId}`);
      expect(entry.response.etag).toBe(`W/"${entry.resource.meta.versionId}"`);
    }
    expect(obs.resource.subject.reference).toBe(`Patient/${pat.resource.id}`);
    expect(obs.resource.encounter.reference).toBe(`Encounter/${enc.resource.id}`);
    expect((await api.get(`Observation/${obs.resource.id}`)).body).toEqual(obs.resource);
    expect(await api.ids(`Observation?subject=Patient/${pat.resource.id}`)).toEqual([obs.resource.id]);
  });

  it('rolls back every entry when one fails', async () => {
    const existing = await api.create({ resourceType: 'Patient', gender: 'female' });
    const doomed = await api.create({ resourceType: 'Patient' });
    const before = await counts();
    const res = await api.bundle('transaction', [
      post({ resourceType: 'Patient', name: [{ family: 'Rollback' }] }, 'urn:uuid:a'),
      post({ resourceType: 'Observation', status: 'final', subject: { reference: 'urn:uuid:a' } }),
      { resource: { resourceType: 'Patient', id: existing.id, gender: 'male' }, request: { method: 'PUT', url: `Patient/${existing.id}` } },
      { request: { method: 'DELETE', url: `Patient/${doomed.id}` } },
      { resource: { resourceType: 'Patient', id: 'ghost' }, request: { method: 'PUT', url: 'Patient/ghost' } },
    ]);
    expect(res.status).toBe(404);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].diagnostics).toContain('Bundle.entry[4]');
    expect(await api.ids('Patient?family=rollback')).toEqual([]);
    expect((await api.get(`Patient/${existing.id}`)).body).toEqual(existing);
    expect((await api.get(`Patient/${doomed.id}`)).body).toEqual(doomed);
    expect((await api.get(`Patient/${existing.id}/_history`)).body.total).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('fails as a whole on a broken reference, whatever entry holds it', async () => {
    const before = await counts();
    const res = await api.bundle('transaction', [
      post({ resourceType: 'Patient' }, 'urn:uuid:b'),
      post({ resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/ghost' } }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.issue[0].details.text).toBe('storage_error');
    expect(await counts()).toEqual(before);
  });

  it('runs deletes, conditional creates, patches and reads in FHIR order', async () => {
    const target = await api.create({ resourceType: 'Patient', identifier: [{ system: 'urn:tx', value: 'T' }] });
    const doomed = await api.create({ resourceType: 'Patient' });
    const patchOps = Buffer.from(JSON.stringify([{ op: 'add', path: '/active', value: true }])).toString('base64');
    const res = await api.bundle('transaction', [
      { request: { method: 'GET', url: `Patient/${target.id}` } },
      { resource: { resourceType: 'Binary', contentType: 'application/json-patch+json', data: patchOps }, request: { method: 'PATCH', url: `Patient/${target.id}` } },
      post({ resourceType: 'Patient' }, 'urn:uuid:t', { ifNoneExist: 'identifier=urn:tx|T' }),
      post({ resourceType: 'Observation', status: 'final', subject: { reference: 'urn:uuid:t' } }),
      { request: { method: 'DELETE', url: `${api.base}/Patient/${doomed.id}` } },
    ]);
    expect(res.status).toBe(200);
    const [read, patched, conditional, observation, deleted] = res.body.entry;
    expect(read.resource.active).toBe(true);
    expect(patched.response.status).toBe('200 OK');
    expect(conditional.response.status).toBe('200 OK');
    expect(conditional.resource.id).toBe(target.id);
    expect(observation.resource.subject.reference).toBe(`Patient/${target.id}`);
    expect(deleted.response).toEqual({ status: '200 OK' });
    expect((await api.get(`Patient/${doomed.id}`)).status).toBe(404);
  });

  it('reads its own deletions: a GET after a DELETE of the same resource fails the transaction', async () => {
    const p = await api.create({ resourceType: 'Patient' });
    const res = await api.bundle('transaction', [
      { request: { method: 'GET', url: `Patient/${p.id}` } },
      { request: { method: 'DELETE', url: `Patient/${p.id}` } },
    ]);
    expect(res.status).toBe(404);
    expect((await api.get(`Patient/${p.id}`)).body).toEqual(p);
  });

  it('omits resources from the response with Prefer: return=minimal', async () => {
    const res = await api.bundle('transaction', [post({ resourceType: 'Patient' })], { prefer: 'return=minimal' });
    expect(res.body.entry[0].resource).toBeUndefined();
    expect(res.body.entry[0].response.status).toBe('201 Created');
  });

  it('rejects what is not a batch or transaction Bundle, and search entries', async () => {
    expect((await api.request('POST', '', { resourceType: 'Bundle', type: 'collection' })).body.issue[0].details.text).toBe('invalid_resource');
    expect((await api.request('POST', '', { resourceType: 'Patient' })).status).toBe(400);
    const search = await api.bundle('transaction', [{ request: { method: 'GET', url: 'Patient?gender=male' } }]);
    expect(search.body.issue[0].code).toBe('not-supported');
    const p = await api.create({ resourceType: 'Patient' });
    const put = { resource: { resourceType: 'Patient', id: p.id }, request: { method: 'PUT', url: `Patient/${p.id}` } };
    const twice = await api.bundle('transaction', [put, put]);
    expect(twice.status).toBe(400);
    expect(twice.body.issue[0].diagnostics).toContain('more than once');
  });
});

describe('batch', () => {
  it('runs each entry on its own and reports per-entry statuses', async () => {
    const existing = await api.create({ resourceType: 'Patient' });
    const res = await api.bundle('batch', [
      post({ resourceType: 'Patient', name: [{ family: 'Batched' }] }),
      post({ resourceType: 'Observation', status: 'final', subject: { reference: 'Patient/ghost' } }),
      { request: { method: 'GET', url: `Patient/${existing.id}` } },
      { request: { method: 'GET', url: 'Patient/missing' } },
      { request: { method: 'PUT', url: 'Unicorn/1' }, resource: { resourceType: 'Unicorn' } },
      { request: { url: 'Patient' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('batch-response');
    const statuses = res.body.entry.map((e: any) => e.response.status);
    expect(statuses).toEqual(['201 Created', '400 Bad Request', '200 OK', '404 Not Found', '400 Bad Request', '400 Bad Request']);
    expect(res.body.entry[1].response.outcome.issue[0].details.text).toBe('storage_error');
    expect(res.body.entry[2].resource).toEqual(existing);
    expect(await api.ids('Patient?family=batched')).toEqual([res.body.entry[0].resource.id]);
  });
});
