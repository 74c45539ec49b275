/**
 * The bulk methods and Resource-purge through Google's Node client (`@googleapis/healthcare`, v1)
 * against the emulator, with Cloud Storage emulated by a folder (`gcsDir`): Google's request
 * shapes, operation metadata and counters, output object names, wildcards, and the refusals.
 */

import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthcare, type healthcare_v1 } from '@googleapis/healthcare';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { sampleInstances } from './dicom-helpers.js';
import { createStore, type FhirApi } from './fhir-helpers.js';
import { LOC, start } from './helpers.js';
import { ADT_A01, ORU_R01, base64 } from './hl7v2-helpers.js';

const DATASET = `${LOC}/datasets/d`;
const FHIR_STORE = `${DATASET}/fhirStores/s`;
const DICOM_STORE = `${DATASET}/dicomStores/dicom`;
const HL7_STORE = `${DATASET}/hl7V2Stores/h`;

let emulator: RunningEmulator;
let gcsDir: string;
let fhirApi: FhirApi;
let api: healthcare_v1.Healthcare;
let datasets: healthcare_v1.Resource$Projects$Locations$Datasets;

beforeAll(async () => {
  gcsDir = await mkdtemp(path.join(tmpdir(), 'bulk-gcs-'));
  emulator = await start({ gcsDir });
  fhirApi = await createStore(emulator, 's');
  api = healthcare({ version: 'v1', rootUrl: `${emulator.url}/` });
  datasets = api.projects.locations.datasets;
  await datasets.dicomStores.create({ parent: DATASET, dicomStoreId: 'dicom', requestBody: {} });
  await datasets.hl7V2Stores.create({ parent: DATASET, hl7V2StoreId: 'h', requestBody: {} });
});

afterAll(async () => {
  await emulator.close();
  await rm(gcsDir, { recursive: true, force: true });
});

/** Writes `gs://{bucket}/{name}` into the emulated Cloud Storage. */
async function putObject(name: string, bytes: string | Uint8Array): Promise<void> {
  const file = path.join(gcsDir, ...name.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/** Polls an operation until done. */
async function finished(name: string): Promise<healthcare_v1.Schema$Operation> {
  for (;;) {
    const { data } = await datasets.operations.get({ name });
    if (data.done) return data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The status of a call the client rejects. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status?: number; response?: { status: number; data: { error?: { message: string } } } };
    return { status: e.response?.status ?? e.status ?? 0, message: e.response?.data.error?.message ?? '' };
  }
  throw new Error('the call succeeded');
}

const patient = (id: string, family: string) => ({ resourceType: 'Patient', id, name: [{ family }] });

describe('fhirStores.import', () => {
  it('imports NDJSON resources matched by a wildcard, with Google metadata and counters', async () => {
    await putObject('bucket/fhir/a.ndjson', `${JSON.stringify(patient('p1', 'One'))}\n${JSON.stringify(patient('p2', 'Two'))}\n`);
    await putObject('bucket/fhir/b.ndjson', `${JSON.stringify({ resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p1' } })}\n`);
    await putObject('bucket/fhir/skip.json', '{}');
    const { data: started } = await datasets.fhirStores.import({
      name: FHIR_STORE,
      requestBody: { contentStructure: 'RESOURCE', gcsSource: { uri: 'gs://bucket/fhir/*.ndjson' } },
    });
    expect(started.name).toMatch(new RegExp(`^${DATASET}/operations/\\d+$`));
    const op = await finished(started.name!);
    expect(op.error).toBeUndefined();
    expect(op.metadata).toMatchObject({
      '@type': 'type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata',
      apiMethodName: 'google.cloud.healthcare.v1.fhir.FhirService.ImportResources',
      counter: { success: '3' },
    });
    expect(op.response).toMatchObject({ '@type': 'type.googleapis.com/google.cloud.healthcare.v1.fhir.rest.ImportResourcesResponse' });
    expect((await fhirApi.get('Patient/p2')).body).toMatchObject({ name: [{ family: 'Two' }] });
  });

  it('is idempotent: importing the same file again writes no new version', async () => {
    const before = (await fhirApi.get('Patient/p1/_history')).body.total;
    const { data } = await datasets.fhirStores.import({ name: FHIR_STORE, requestBody: { contentStructure: 'RESOURCE', gcsSource: { uri: 'gs://bucket/fhir/a.ndjson' } } });
    expect((await finished(data.name!)).metadata?.counter).toEqual({ success: '2' });
    expect((await fhirApi.get('Patient/p1/_history')).body.total).toBe(before);
  });

  it('replaces a changed resource without adding a version to its history', async () => {
    await putObject('bucket/changed/a.ndjson', `${JSON.stringify(patient('p1', 'Renamed'))}\n`);
    const { data } = await datasets.fhirStores.import({ name: FHIR_STORE, requestBody: { contentStructure: 'RESOURCE', gcsSource: { uri: 'gs://bucket/changed/a.ndjson' } } });
    expect((await finished(data.name!)).error).toBeUndefined();
    expect((await fhirApi.get('Patient/p1')).body.name).toEqual([{ family: 'Renamed' }]);
    expect((await fhirApi.get('Patient/p1/_history')).body.total).toBe(1);
  });

  it('reads bundles (one per line, or one pretty file) and fails the resources without an id', async () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient('p3', 'Three') }, { resource: { resourceType: 'Patient' } }] };
    await putObject('bucket/bundles/one.ndjson', `${JSON.stringify(bundle)}\n`);
    await putObject('bucket/pretty/deep/b.json', JSON.stringify({ ...bundle, entry: [{ resource: patient('p4', 'Four') }] }, null, 2));
    const ndjson = await finished((await datasets.fhirStores.import({ name: FHIR_STORE, requestBody: { gcsSource: { uri: 'gs://bucket/bundles/one.ndjson' } } })).data.name!);
    expect(ndjson.metadata?.counter).toEqual({ success: '1', failure: '1' });
    expect(ndjson.error).toMatchObject({ code: 3 });
    const pretty = await finished((await datasets.fhirStores.import({ name: FHIR_STORE, requestBody: { contentStructure: 'BUNDLE_PRETTY', gcsSource: { uri: 'gs://bucket/pretty/**.json' } } })).data.name!);
    expect(pretty.metadata?.counter).toEqual({ success: '1' });
    expect((await fhirApi.get('Patient/p4')).status).toBe(200);
  });

  it('refuses bad sources and fields with 400 before starting anything', async () => {
    const bad = [
      { gcsSource: { uri: 'gs://bucket/../etc/passwd' } },
      { gcsSource: { uri: 'http://bucket/x' } },
      { gcsSource: { uri: 'gs://bucket/a/**/b*.ndjson' } },
      { gcsSource: { uri: 'gs://bucket/fhir/a.ndjson' }, contentStructure: 'CSV' },
      { gcsSource: { uri: 'gs://bucket/fhir/a.ndjson' }, errorGcsDestination: {} },
    ];
    const operations = async () => (await datasets.operations.list({ name: DATASET })).data.operations?.length ?? 0;
    const before = await operations();
    for (const requestBody of bad) {
      expect((await refusal(datasets.fhirStores.import({ name: FHIR_STORE, requestBody: requestBody as never }))).status).toBe(400);
    }
    expect(await operations()).toBe(before);
  });

  it('ends with NOT_FOUND when the source matches no object', async () => {
    const { data } = await datasets.fhirStores.import({ name: FHIR_STORE, requestBody: { gcsSource: { uri: 'gs://bucket/none/*.ndjson' } } });
    expect((await finished(data.name!)).error).toMatchObject({ code: 5, message: expect.stringMatching(/matches no objects/) });
  });
});

describe('fhirStores.export', () => {
  it('writes one NDJSON object per type, named {operationId}_{Type}', async () => {
    const { data } = await datasets.fhirStores.export({ name: FHIR_STORE, requestBody: { gcsDestination: { uriPrefix: 'gs://out/fhir' }, _type: 'Patient,Observation' } });
    const op = await finished(data.name!);
    const id = data.name!.split('/').at(-1);
    expect(op.metadata).toMatchObject({ apiMethodName: 'google.cloud.healthcare.v1.fhir.FhirService.ExportResources', counter: { success: '5' } });
    expect(op.response).toMatchObject({ '@type': 'type.googleapis.com/google.cloud.healthcare.v1.fhir.rest.ExportResourcesResponse', resourceCount: '5' });
    expect((await readdir(path.join(gcsDir, 'out', 'fhir'))).sort()).toEqual([`${id}_Observation`, `${id}_Patient`]);
    const patients = (await readFile(path.join(gcsDir, 'out', 'fhir', `${id}_Patient`), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(patients.map((p) => p.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('refuses BigQuery destinations with a 400 naming the limit', async () => {
    const refused = await refusal(datasets.fhirStores.export({ name: FHIR_STORE, requestBody: { bigqueryDestination: { datasetUri: 'bq://p.ds', schemaConfig: { schemaType: 'ANALYTICS' } } } }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/emulator cannot export to BigQuery/);
  });
});

describe('FHIR $export (Bulk Data)', () => {
  it('writes {exportId}_{Type}.ndjson to the store\'s bulkExportGcsDestination and reports them on the status URL', async () => {
    await datasets.fhirStores.patch({ name: FHIR_STORE, updateMask: 'bulkExportGcsDestination', requestBody: { bulkExportGcsDestination: { uriPrefix: 'gs://bulk/data' } } });
    const refused = await fetch(`${emulator.url}/v1/${FHIR_STORE}/fhir/$export`, { headers: { accept: 'application/fhir+json' } });
    expect(refused.status).toBe(400);
    const started = await fetch(`${emulator.url}/v1/${FHIR_STORE}/fhir/$export?_type=Patient`, { headers: { accept: 'application/fhir+json', prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const location = started.headers.get('content-location') ?? '';
    const name = location.slice(location.indexOf('projects/'));
    expect(name).toMatch(new RegExp(`^${FHIR_STORE}/operations/\\d+$`));
    let status: { status: number; data: any };
    do {
      status = await datasets.fhirStores.operations.getFhirOperationStatus({ name }, { responseType: 'json', validateStatus: () => true });
    } while (status.status === 202);
    expect(status.status).toBe(200);
    const id = name.split('/').at(-1);
    expect(status.data.output).toEqual([{ type: 'Patient', url: `gs://bulk/data/${id}_Patient.ndjson`, count: expect.any(Number) }]);
    expect(await readdir(path.join(gcsDir, 'bulk', 'data'))).toEqual([`${id}_Patient.ndjson`]);
    expect((await refusal(datasets.fhirStores.operations.deleteFhirOperation({ name }))).status).toBe(400);
  });
});

describe('fhir.Resource-purge', () => {
  it('removes the historical versions and keeps the current one', async () => {
    const id = String((await fhirApi.create({ resourceType: 'Patient', name: [{ family: 'Before' }] })).id);
    expect((await fhirApi.request('PUT', `Patient/${id}`, patient(id, 'After'))).status).toBe(200);
    expect((await fhirApi.get(`Patient/${id}/_history`)).body.total).toBe(2);
    const res = await datasets.fhirStores.fhir.ResourcePurge({ name: `${FHIR_STORE}/fhir/Patient/${id}` });
    expect(res.status).toBe(200);
    expect((await fhirApi.get(`Patient/${id}/_history`)).body.total).toBe(1);
    expect((await fhirApi.get(`Patient/${id}`)).body).toMatchObject({ name: [{ family: 'After' }] });
    expect((await refusal(datasets.fhirStores.fhir.ResourcePurge({ name: `${FHIR_STORE}/fhir/Patient/missing` }))).status).toBe(404);
  });
});

describe('dicomStores.import and export', () => {
  it('imports a folder of DICOM files (**.dcm), ignores duplicates, fails non-DICOM files', async () => {
    const { files } = sampleInstances();
    for (const [i, bytes] of files.entries()) await putObject(`dicom-in/study/${i}.dcm`, bytes);
    await putObject('dicom-in/study/notes.dcm', 'not dicom');
    const op = await finished((await datasets.dicomStores.import({ name: DICOM_STORE, requestBody: { gcsSource: { uri: 'gs://dicom-in/**.dcm' } } })).data.name!);
    expect(op.metadata).toMatchObject({ apiMethodName: 'google.cloud.healthcare.v1.dicom.DicomService.ImportDicomData', counter: { success: String(files.length), failure: '1' } });
    const metrics = (await datasets.dicomStores.getDICOMStoreMetrics({ name: DICOM_STORE })).data;
    expect(metrics.instanceCount).toBe(String(files.length));
    const again = await finished((await datasets.dicomStores.import({ name: DICOM_STORE, requestBody: { gcsSource: { uri: 'gs://dicom-in/study/?.dcm' } } })).data.name!);
    expect(again.error).toBeUndefined();
    expect((await datasets.dicomStores.getDICOMStoreMetrics({ name: DICOM_STORE })).data.instanceCount).toBe(String(files.length));
  });

  it('exports {study}/{series}/{instance}.dcm and refuses BigQuery and transcoding', async () => {
    const op = await finished((await datasets.dicomStores.export({ name: DICOM_STORE, requestBody: { gcsDestination: { uriPrefix: 'gs://dicom-out/copy/' } } })).data.name!);
    expect(op.metadata?.['counter']).toMatchObject({ success: expect.any(String) });
    const count = Number((op.metadata?.['counter'] as { success: string }).success);
    const studies = await readdir(path.join(gcsDir, 'dicom-out', 'copy'));
    const series = await readdir(path.join(gcsDir, 'dicom-out', 'copy', studies[0]!));
    const instances = await readdir(path.join(gcsDir, 'dicom-out', 'copy', studies[0]!, series[0]!));
    expect(instances.every((name) => name.endsWith('.dcm'))).toBe(true);
    expect(count).toBeGreaterThan(0);
    expect((await refusal(datasets.dicomStores.export({ name: DICOM_STORE, requestBody: { bigqueryDestination: { tableUri: 'bq://p.d.t' } } }))).status).toBe(400);
    expect((await refusal(datasets.dicomStores.export({ name: DICOM_STORE, requestBody: { gcsDestination: { uriPrefix: 'gs://dicom-out/x', mimeType: 'image/png' } } }))).status).toBe(400);
  });
});

describe('hl7V2Stores.export', () => {
  it('exports the messages sent in [startTime, endTime) matching the filter, one Message per line', async () => {
    for (const data of [ADT_A01, ORU_R01]) await datasets.hl7V2Stores.messages.create({ parent: HL7_STORE, requestBody: { message: { data: base64(data) } } });
    const { data } = await datasets.hl7V2Stores.export({
      name: HL7_STORE,
      requestBody: { gcsDestination: { uriPrefix: 'gs://hl7-out/all', messageView: 'BASIC' }, filter: 'message_type = "ADT"', startTime: '2000-01-01T00:00:00Z' },
    });
    const op = await finished(data.name!);
    expect(op.metadata).toMatchObject({ apiMethodName: 'google.cloud.healthcare.v1.hl7v2.Hl7V2Service.ExportMessages', counter: { success: '1' } });
    const id = data.name!.split('/').at(-1);
    const lines = (await readFile(path.join(gcsDir, 'hl7-out', 'all', `${id}_messages.ndjson`), 'utf8')).trim().split('\n');
    expect(lines.map((line) => Object.keys(JSON.parse(line)))).toEqual([['name']]);
    expect((await refusal(datasets.hl7V2Stores.export({ name: HL7_STORE, requestBody: { pubsubDestination: { pubsubTopic: 'projects/p/topics/t' } } }))).status).toBe(400);
  });
});
