import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOC, start } from './helpers.js';
import { createStore, fhirModules, startFhir, storeApi } from './fhir-helpers.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emulator-fhir-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The journal files under the data dir (one per store that wrote). */
async function journals(): Promise<string[]> {
  const stores = path.join(dir, 'stores');
  const dirs = await readdir(stores).catch(() => [] as string[]);
  const files = await Promise.all(dirs.map(async (d) => (await readdir(path.join(stores, d))).map((f) => path.join(stores, d, f))));
  return files.flat();
}

describe('persistence with dataDir', () => {
  it('keeps a Resource-purge across a restart: the history stays purged, the current version stays', async () => {
    const first = await startFhir({}, { dataDir: dir });
    const patient = await first.api.create({ resourceType: 'Patient', name: [{ family: 'Purged' }] });
    const current = (await first.api.request('PUT', `Patient/${patient.id}`, { ...patient, gender: 'male' })).body;
    expect((await first.api.request('DELETE', `Patient/${patient.id}/$purge`)).status).toBe(200);
    await first.emulator.close();

    const emulator = await start({ dataDir: dir, modules: fhirModules() });
    try {
      const again = storeApi(emulator);
      expect((await again.get(`Patient/${patient.id}/_history`)).body.total).toBe(1);
      expect((await again.get(`Patient/${patient.id}`)).body).toEqual(current);
      expect((await again.get(`Patient/${patient.id}/_history/${patient.meta.versionId}`)).status).toBe(404);
    } finally {
      await emulator.close();
    }
  });

  it('keeps resources, versions, deletions and indexes across a restart', async () => {
    const first = await startFhir({}, { dataDir: dir });
    const api = first.api;
    const [patient] = await api.load([{ resource: { resourceType: 'Patient', name: [{ family: 'Durable' }], birthDate: '1970-01-01' } }]);
    const obs = await api.create({ resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${patient.id}` } });
    const v2 = (await api.request('PUT', `Patient/${patient.id}`, { ...patient, gender: 'female' })).body;
    const gone = await api.create({ resourceType: 'Organization', name: 'Gone' });
    await api.request('DELETE', `Organization/${gone.id}`);
    const metricsUrl = `${first.emulator.url}/v1/${LOC}/datasets/d/fhirStores/s:getFHIRStoreMetrics`;
    const metrics = await (await fetch(metricsUrl)).json();
    await first.emulator.close();

    const emulator = await start({ dataDir: dir, modules: fhirModules() });
    try {
      const again = storeApi(emulator);
      expect((await again.get(`Patient/${patient.id}`)).body).toEqual(v2);
      expect((await again.get(`Patient/${patient.id}/_history/${patient.meta.versionId}`)).body).toEqual(patient);
      expect((await again.get(`Patient/${patient.id}/_history`)).body.total).toBe(2);
      expect((await again.get(`Organization/${gone.id}`)).status).toBe(404);
      expect((await again.get(`Organization/${gone.id}/_history`)).body.entry[0].request.method).toBe('DELETE');
      expect(await again.ids('Patient?family=durable&gender=female')).toEqual([patient.id]);
      expect(await again.ids(`Observation?patient=${patient.id}`)).toEqual([obs.id]);
      // Referential integrity sees the restored references.
      expect((await again.request('DELETE', `Patient/${patient.id}`)).status).toBe(409);
      expect(await (await fetch(metricsUrl.replace(/^http:\/\/[^/]+/, emulator.url))).json()).toEqual(metrics);
      // New versions keep sorting after the restored ones.
      const v3 = (await again.request('PUT', `Patient/${patient.id}`, { ...v2, gender: 'male' })).body;
      expect(v3.meta.lastUpdated > v2.meta.lastUpdated).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  it('drops a torn last line and refuses a corrupt journal', async () => {
    const first = await startFhir({}, { dataDir: dir });
    const kept = await first.api.create({ resourceType: 'Patient' });
    await first.emulator.close();
    const [journal] = await journals();
    if (journal === undefined) throw new Error('no journal written');
    const intact = await readFile(journal, 'utf8');
    await appendFile(journal, '[{"type":"Patient","id":"torn"');

    const second = await start({ dataDir: dir, modules: fhirModules() });
    const api = storeApi(second);
    expect((await api.get(`Patient/${kept.id}`)).status).toBe(200);
    expect(await readFile(journal, 'utf8')).toBe(intact);
    await api.create({ resourceType: 'Patient' });
    await second.close();

    await appendFile(journal, 'not json\n');
    await expect(start({ dataDir: dir, modules: fhirModules() })).rejects.toThrow(/journal .* corrupt at line 3/);
  });

  it('forgets a store\'s resources when the store is deleted', async () => {
    const { emulator, api } = await startFhir({}, { dataDir: dir });
    try {
      await api.create({ resourceType: 'Patient' });
      expect(await journals()).toHaveLength(1);
      await fetch(`${emulator.url}/v1/${LOC}/datasets/d/fhirStores/s`, { method: 'DELETE' });
      expect(await journals()).toHaveLength(0);
      const fresh = await createStore(emulator, 's');
      expect((await fresh.get('Patient')).body.total).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});
