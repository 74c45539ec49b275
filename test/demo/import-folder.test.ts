/**
 * `npm run seed -- --dicom <folder> --fhir <folder>`: a local folder is copied into the emulator's
 * Cloud Storage folder and imported into the demo stores with `dicomStores.import` and
 * `fhirStores.import`; a folder already inside it is imported where it is.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sampleStudyPlan, writeStudyInstances } from '../../src/demo/dicom/index.js';
import { importFolder } from '../../src/demo/import-folder.js';
import { seedDemoDataset, type DemoTarget } from '../../src/demo/seed.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

let emulator: RunningEmulator;
let scratch: string;
let gcsDir: string;
let target: DemoTarget;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'seed-import-'));
  gcsDir = path.join(scratch, 'gcs');
  emulator = await startEmulator({ port: 0, gcsDir, logger: { warn: () => {}, error: () => {} } });
  target = { apiUrl: `${emulator.url}/v1`, project: 'demo', location: 'us-central1' };
  await seedDemoDataset(target);
});

afterAll(async () => {
  await emulator.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('importing a folder', () => {
  it('copies a folder of DICOM files in and imports every instance', async () => {
    const folder = path.join(scratch, 'my study');
    await mkdir(path.join(folder, 'series'), { recursive: true });
    const instances = writeStudyInstances(sampleStudyPlan({ seed: 'seed-import' }));
    for (const [i, instance] of instances.entries()) await writeFile(path.join(folder, 'series', `IM${i}`), instance.bytes);
    const result = await importFolder(target, { kind: 'dicom', folder, gcsDir });
    expect(result).toEqual({ uri: 'gs://seed/my study/**', success: instances.length, failure: 0 });
    const metrics = await (await fetch(`${target.apiUrl}/projects/demo/locations/us-central1/datasets/demo/dicomStores/dicom:getDICOMStoreMetrics`)).json();
    expect(metrics.instanceCount).toBe(String(instances.length));
  });

  it('imports FHIR NDJSON from a folder already inside the emulated storage', async () => {
    const folder = path.join(gcsDir, 'bucket', 'bulk');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'Patient.ndjson'), ['a', 'b'].map((id) => JSON.stringify({ resourceType: 'Patient', id: `seed-${id}` })).join('\n'));
    const result = await importFolder(target, { kind: 'fhir', folder, gcsDir });
    expect(result).toEqual({ uri: 'gs://bucket/bulk/**.ndjson', success: 2, failure: 0 });
    const read = await fetch(`${target.apiUrl}/projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Patient/seed-b`);
    expect(read.status).toBe(200);
  });
});
