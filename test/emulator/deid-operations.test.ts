/**
 * De-identification as a long-running operation: progress counters while it runs, `operations.cancel`
 * really stopping it, `operations.list`, and the IAM permissions on source and destination.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { counterOf, waitDone } from './deid-helpers.js';
import { FhirApi } from './fhir-helpers.js';
import { Client, expectEnvelope, LOC, obj, start, suiteFixture } from './helpers.js';
import { DATASET, expectStatus, grant, S1, S2, startIamFixture } from './iam-helpers.js';

const DS = `${LOC}/datasets/ds`;
const SOURCE = `${DS}/fhirStores/src`;
const RESOURCES = 1000;

let emulator: RunningEmulator;
let client: Client;

async function createStore(id: string): Promise<void> {
  expect((await client.call('POST', `${DS}/fhirStores?fhirStoreId=${id}`, { version: 'R4' })).status).toBe(200);
}

async function storeCount(id: string): Promise<number> {
  const metrics = obj((await client.get(`${DS}/fhirStores/${id}:getFHIRStoreMetrics`)).json);
  return ((metrics['metrics'] ?? []) as { count: string }[]).reduce((n, m) => n + Number(m.count), 0);
}

async function startCopy(destination: string): Promise<string> {
  await createStore(destination);
  const res = await client.call('POST', `${SOURCE}:deidentify`, { destinationStore: `${DS}/fhirStores/${destination}` });
  expect(res.status).toBe(200);
  return String(obj(res.json)['name']);
}

beforeAll(async () => {
  emulator = await start();
  client = new Client(emulator);
  await client.call('POST', `${LOC}/datasets?datasetId=ds`, {});
  await createStore('src');
  const entry = Array.from({ length: RESOURCES }, (_, i) => ({
    resource: { resourceType: 'Patient', name: [{ family: `Family${i}` }], birthDate: '1970-01-01' },
    request: { method: 'POST', url: 'Patient' },
  }));
  const res = await new FhirApi(`${emulator.url}/v1/${SOURCE}/fhir`).bundle('batch', entry);
  expect(res.status).toBe(200);
  // Each chunk of the copy waits the injected latency: long enough to watch it and to cancel it.
  emulator.latency = { minMs: 30, maxMs: 30 };
}, 60_000);

afterAll(async () => {
  await emulator.close();
});

describe('a de-identification operation', () => {
  it('shows progress counters that add up while it runs, then finishes', async () => {
    const name = await startCopy('progress');
    const seen: { success: number; failure: number; pending: number }[] = [];
    for (;;) {
      const op = obj((await client.get(name)).json);
      seen.push(counterOf(op));
      if (op['done'] === true) break;
    }
    for (const counter of seen) expect(counter.success + counter.failure + counter.pending).toBe(RESOURCES);
    expect(seen.some((c) => c.success > 0 && c.pending > 0)).toBe(true);
    expect(seen.at(-1)).toEqual({ success: RESOURCES, failure: 0, pending: 0 });
    expect(await storeCount('progress')).toBe(RESOURCES);
  });

  it('stops when cancelled: done with CANCELLED, nothing more written', async () => {
    const name = await startCopy('cancelled');
    expect((await client.call('POST', `${name}:cancel`, {})).json).toEqual({});
    const op = await waitDone(client, name);
    expect(op['error']).toEqual({ code: 1, message: 'Operation was cancelled.' });
    expect(op['response']).toBeUndefined();
    expect(obj(op['metadata'])['cancelRequested']).toBe(true);
    const written = await storeCount('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await storeCount('cancelled')).toBe(written);
    expect(written).toBeLessThan(RESOURCES);
    const after = counterOf(obj((await client.get(name)).json));
    expect(after.pending).toBeGreaterThan(0);
    expect(after.success).toBe(written);
  });

  it('is listed by operations.list of the source dataset', async () => {
    const listed = obj((await client.get(`${DS}/operations?pageSize=100`)).json)['operations'] as { metadata: { apiMethodName: string } }[];
    expect(listed.filter((op) => op.metadata.apiMethodName.endsWith('DeidentifyFhirStore'))).toHaveLength(2);
  });
});

describe('a de-identification interrupted by the emulator stopping', () => {
  it('stops with the emulator and reads back ABORTED after a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'deid-restart-'));
    try {
      const first = await start({ dataDir });
      const api = new Client(first);
      await api.call('POST', `${LOC}/datasets?datasetId=ds`, {});
      for (const id of ['src', 'dst']) await api.call('POST', `${DS}/fhirStores?fhirStoreId=${id}`, { version: 'R4' });
      const entry = Array.from({ length: 500 }, () => ({ resource: { resourceType: 'Patient', gender: 'other' }, request: { method: 'POST', url: 'Patient' } }));
      await new FhirApi(`${first.url}/v1/${SOURCE}/fhir`).bundle('batch', entry);
      first.latency = { minMs: 50, maxMs: 50 };
      const started = await api.call('POST', `${SOURCE}:deidentify`, { destinationStore: `${DS}/fhirStores/dst` });
      const name = String(obj(started.json)['name']);
      await first.close();

      const second = await start({ dataDir });
      try {
        const op = obj((await new Client(second).get(name)).json);
        expect(op['done']).toBe(true);
        expect(obj(op['error'])['code']).toBe(10);
        expect(counterOf(op).success).toBeLessThan(500);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('de-identification permissions', () => {
  const iam = suiteFixture(startIamFixture);

  it('needs …deidentify on the source and write access to the destination', async () => {
    const body = { destinationStore: S2 };
    expectEnvelope(await iam.alice.call('POST', `${S1}:deidentify`, body), 403, 'PERMISSION_DENIED');
    await grant(iam.admin, S1, 'roles/healthcare.fhirStoreAdmin', 'user:alice@example.com');
    const message = expectEnvelope(await iam.alice.call('POST', `${S1}:deidentify`, body), 403, 'PERMISSION_DENIED');
    expect(message).toContain(`healthcare.fhirResources.update denied on resource ${S2}`);
    await grant(iam.admin, S2, 'roles/healthcare.fhirResourceEditor', 'user:alice@example.com');
    const op = expectStatus(await iam.alice.call('POST', `${S1}:deidentify`, body), 200);
    expect(String(op['name'])).toMatch(new RegExp(`^${DATASET}/operations/`));
  });

  it('needs healthcare.datasets.create for a dataset copy', async () => {
    await grant(iam.admin, DATASET, 'roles/healthcare.datasetAdmin', 'user:bob@example.com');
    const message = expectEnvelope(await iam.bob.call('POST', `${DATASET}:deidentify`, { destinationDataset: `${LOC}/datasets/copy` }), 403, 'PERMISSION_DENIED');
    expect(message).toContain('healthcare.datasets.create');
    expectStatus(await iam.admin.call('POST', `${DATASET}:deidentify`, { destinationDataset: `${LOC}/datasets/copy` }), 200);
  });
});
