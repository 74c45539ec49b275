import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EmulatorModule } from '../../src/emulator/server.js';
import { StateFile } from '../../src/emulator/persistence.js';
import { Client, LOC, obj, start } from './helpers.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emulator-state-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('persistence with dataDir', () => {
  it('keeps datasets, stores and operations across a restart', async () => {
    const first = await start({ dataDir: dir });
    const api = new Client(first);
    const op = obj((await api.call('POST', `${LOC}/datasets?datasetId=kept`, { timeZone: 'Europe/Berlin' })).json);
    await api.call('POST', `${LOC}/datasets/kept/fhirStores?fhirStoreId=f`, { version: 'R4', labels: { env: 'dev' } });
    await api.call('POST', `${LOC}/datasets/kept/dicomStores?dicomStoreId=d`, {});
    await api.call('PATCH', `${LOC}/datasets/kept/fhirStores/f?updateMask=enableUpdateCreate`, { enableUpdateCreate: true });
    await api.call('POST', `${LOC}/datasets?datasetId=dropped`);
    await api.call('DELETE', `${LOC}/datasets/dropped`);
    const before = {
      datasets: (await api.get(`${LOC}/datasets`)).json,
      fhir: (await api.get(`${LOC}/datasets/kept/fhirStores/f`)).json,
      dicom: (await api.get(`${LOC}/datasets/kept/dicomStores`)).json,
      op: (await api.get(String(op['name']))).json,
    };
    await first.close();

    const second = await start({ dataDir: dir });
    try {
      const again = new Client(second);
      expect({
        datasets: (await again.get(`${LOC}/datasets`)).json,
        fhir: (await again.get(`${LOC}/datasets/kept/fhirStores/f`)).json,
        dicom: (await again.get(`${LOC}/datasets/kept/dicomStores`)).json,
        op: (await again.get(String(op['name']))).json,
      }).toEqual(before);
      expect(obj(before.fhir)['enableUpdateCreate']).toBe(true);
      expect((await again.get(`${LOC}/datasets/dropped`)).status).toBe(404);
      // New operation ids keep increasing after a restart.
      const next = obj((await again.call('POST', `${LOC}/datasets?datasetId=later`)).json);
      const idOf = (o: Record<string, unknown>): bigint => BigInt(String(o['name']).replace(/.*\//, ''));
      expect(idOf(next)).toBeGreaterThan(idOf(op));
    } finally {
      await second.close();
    }
  });

  it('writes state.json on each mutation, leaving no temp files behind', async () => {
    const emulator = await start({ dataDir: dir });
    try {
      const api = new Client(emulator);
      await api.call('POST', `${LOC}/datasets?datasetId=w1`);
      // Already on disk when the response arrives, before close() flushes anything.
      const text = await readFile(path.join(dir, 'state.json'), 'utf8');
      expect(JSON.parse(text).datasets.map((d: { id: string }) => d.id)).toEqual(['w1']);
      await Promise.all(['w2', 'w3', 'w4'].map((id) => api.call('POST', `${LOC}/datasets?datasetId=${id}`)));
      const after = JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8'));
      expect(after.datasets.map((d: { id: string }) => d.id).sort()).toEqual(['w1', 'w2', 'w3', 'w4']);
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('warns and starts empty when there is no state file yet', async () => {
    const warnings: string[] = [];
    const fresh = path.join(dir, 'not-yet');
    const emulator = await start({ dataDir: fresh, logger: { warn: (m) => warnings.push(m), error: () => {} } });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(path.join(fresh, 'state.json'));
      expect((await new Client(emulator).get(`${LOC}/datasets`)).json).toEqual({});
    } finally {
      await emulator.close();
    }
  });

  it('refuses to start on a corrupt state file, naming it', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, '{"format": "cloud-healthcare-emulator-state/1", "datasets": [', 'utf8');
    await expect(start({ dataDir: dir })).rejects.toThrow(`Emulator state file ${file} is corrupt`);
    await writeFile(file, JSON.stringify({ format: 'cloud-healthcare-emulator-state/1', datasets: [{ id: 'x' }] }), 'utf8');
    await expect(start({ dataDir: dir })).rejects.toThrow(/datasets\[0\]\.project/);
    await writeFile(file, JSON.stringify({ something: 'else' }), 'utf8');
    await expect(start({ dataDir: dir })).rejects.toThrow(/format/);
  });

  it('gives each store a data directory and removes it with the store', async () => {
    const dirs = new Map<string, string | undefined>();
    const planes: EmulatorModule = {
      name: 'dir-planes',
      routes: () => [],
      fhirDataPlane: (store) => {
        dirs.set(store.name, store.dataDir);
        return { metrics: () => [] };
      },
    };
    const emulator = await start({ dataDir: dir, modules: [planes] });
    try {
      const api = new Client(emulator);
      await api.call('POST', `${LOC}/datasets?datasetId=dd`);
      await api.call('POST', `${LOC}/datasets/dd/fhirStores?fhirStoreId=f`, { version: 'R4' });
      const storeDir = dirs.get(`${LOC}/datasets/dd/fhirStores/f`);
      expect(storeDir?.startsWith(path.join(dir, 'stores'))).toBe(true);
      await mkdir(storeDir as string, { recursive: true });
      await writeFile(path.join(storeDir as string, 'data.ndjson'), '{}\n');
      await api.call('DELETE', `${LOC}/datasets/dd/fhirStores/f`);
      await expect(readdir(storeDir as string)).rejects.toThrow(/ENOENT/);
    } finally {
      await emulator.close();
    }
  });

  it('gives data planes no directory in memory-only mode', async () => {
    let seen: string | undefined = 'unset';
    const emulator = await start({
      modules: [{ name: 'p', routes: () => [], fhirDataPlane: (s) => ((seen = s.dataDir), { metrics: () => [] }) }],
    });
    try {
      const api = new Client(emulator);
      await api.call('POST', `${LOC}/datasets?datasetId=mem`);
      await api.call('POST', `${LOC}/datasets/mem/fhirStores?fhirStoreId=f`, { version: 'R4' });
      expect(seen).toBeUndefined();
    } finally {
      await emulator.close();
    }
  });
});

describe('StateFile', () => {
  it('serializes writes so the last state always wins', async () => {
    const file = new StateFile(path.join(dir, 'nested', 'state.json'));
    let value = 0;
    const writes = [];
    for (let i = 1; i <= 20; i += 1) {
      value = i;
      writes.push(file.save(() => String(value)));
    }
    await Promise.all(writes);
    expect(await file.read()).toBe('20');
  });

  it('reads undefined for a missing file', async () => {
    expect(await new StateFile(path.join(dir, 'none.json')).read()).toBeUndefined();
  });
});
