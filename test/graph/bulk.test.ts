/**
 * The bulk mutations against the embedded emulator, whose Cloud Storage is the `EMULATOR_GCS_DIR`
 * folder: export and poll the operation, import NDJSON and DICOM, export HL7v2; and the URIs and
 * arguments refused before any upstream call.
 */
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { sampleStudyPlan, writeStudyInstances } from '../../src/demo/dicom/index.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';
import { DEMO_DICOM_STORE, DEMO_FHIR_STORE, DEMO_HL7V2_STORE } from '../helpers/demo-names.js';

let app: RunningApp;
let gcsDir: string;
beforeAll(async () => {
  gcsDir = await mkdtemp(path.join(tmpdir(), 'graph-gcs-'));
  app = await startTestApp({ DEMO_PATIENTS: '1', EMULATOR_GCS_DIR: gcsDir });
}, 60_000);
afterAll(async () => {
  await app.close();
  await rm(gcsDir, { recursive: true, force: true });
});

const OPERATION = 'id name operationId kind done progress { success failure pending percent } error { code status message } result { __typename ... on FhirStore { name } ... on DicomStore { name } }';
const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.map((e) => e.extensions?.code);

/** Polls `node(id:)` until the operation is done. */
async function done(id: string): Promise<any> {
  for (;;) {
    const result = await graphql(app, `query($id: ID!) { node(id: $id) { ... on Operation { ${OPERATION} } } }`, { id });
    expect(result.errors).toBeUndefined();
    if (result.data.node.done) return result.data.node;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('exportFhirResources', () => {
  it('starts an export whose operation reports progress and ends with one object per type', async () => {
    const result = await graphql(app, `mutation($store: String!) { exportFhirResources(store: $store, gcsUriPrefix: "gs://exports/fhir", types: ["Patient", "Observation"]) { ${OPERATION} } }`, { store: DEMO_FHIR_STORE });
    expect(result.errors).toBeUndefined();
    expect(result.data.exportFhirResources.kind).toBe('EXPORT_FHIR_RESOURCES');
    const finished = await done(result.data.exportFhirResources.id);
    expect(finished.error).toBeNull();
    const files = await readdir(path.join(gcsDir, 'exports', 'fhir'));
    const id = finished.operationId;
    expect(files.sort()).toEqual([`${id}_Observation`, `${id}_Patient`]);
    const patients = (await rest(app, 'GET', `${DEMO_FHIR_STORE}/fhir/Patient?_summary=count`)).body.total;
    const observations = (await rest(app, 'GET', `${DEMO_FHIR_STORE}/fhir/Observation?_summary=count`)).body.total;
    expect(finished.progress).toMatchObject({ success: patients + observations, failure: 0, pending: 0, percent: 100 });
  });
});

describe('importFhirResources', () => {
  it('imports NDJSON resources; the operation names the store as its result', async () => {
    const lines = ['imp-1', 'imp-2'].map((id) => JSON.stringify({ resourceType: 'Patient', id, name: [{ family: id }] }));
    await mkdir(path.join(gcsDir, 'imports', 'fhir'), { recursive: true });
    await writeFile(path.join(gcsDir, 'imports', 'fhir', 'patients.ndjson'), `${lines.join('\n')}\n`);
    const result = await graphql(app, `mutation($store: String!) { importFhirResources(store: $store, gcsUri: "gs://imports/fhir/*.ndjson", contentStructure: RESOURCE) { ${OPERATION} } }`, { store: DEMO_FHIR_STORE });
    expect(result.errors).toBeUndefined();
    const finished = await done(result.data.importFhirResources.id);
    expect(finished).toMatchObject({ kind: 'IMPORT_FHIR_RESOURCES', error: null, progress: { success: 2, failure: 0 }, result: { __typename: 'FhirStore', name: DEMO_FHIR_STORE } });
    expect((await rest(app, 'GET', `${DEMO_FHIR_STORE}/fhir/Patient/imp-2`)).body.name).toEqual([{ family: 'imp-2' }]);
  });
});

describe('DICOM and HL7v2', () => {
  it('imports a folder of DICOM files and exports the store', async () => {
    const instances = writeStudyInstances(sampleStudyPlan({ seed: 'bulk-graph' }));
    await mkdir(path.join(gcsDir, 'dicom', 'in'), { recursive: true });
    for (const [i, instance] of instances.entries()) await writeFile(path.join(gcsDir, 'dicom', 'in', `${i}.dcm`), instance.bytes);
    const imported = await graphql(app, `mutation($store: String!) { importDicomInstances(store: $store, gcsUri: "gs://dicom/in/**.dcm") { ${OPERATION} } }`, { store: DEMO_DICOM_STORE });
    expect(imported.errors).toBeUndefined();
    expect(await done(imported.data.importDicomInstances.id)).toMatchObject({ kind: 'IMPORT_DICOM_INSTANCES', error: null, progress: { success: instances.length } });
    const exported = await graphql(app, `mutation($store: String!) { exportDicomInstances(store: $store, gcsUriPrefix: "gs://dicom/out") { ${OPERATION} } }`, { store: DEMO_DICOM_STORE });
    expect(await done(exported.data.exportDicomInstances.id)).toMatchObject({ kind: 'EXPORT_DICOM_INSTANCES', error: null });
    expect((await readdir(path.join(gcsDir, 'dicom', 'out'))).length).toBeGreaterThan(0);
  });

  it('exports HL7v2 messages', async () => {
    const exported = await graphql(app, `mutation($store: String!) { exportHl7V2Messages(store: $store, gcsUriPrefix: "gs://hl7/out", startTime: "2000-01-01T00:00:00Z") { ${OPERATION} } }`, { store: DEMO_HL7V2_STORE });
    expect(exported.errors).toBeUndefined();
    expect(await done(exported.data.exportHl7V2Messages.id)).toMatchObject({ kind: 'EXPORT_HL7V2_MESSAGES', error: null });
  });
});

describe('bad input', () => {
  const importFhir = (gcsUri: string, structure = 'RESOURCE') => `mutation { importFhirResources(store: "${DEMO_FHIR_STORE}", gcsUri: ${JSON.stringify(gcsUri)}, contentStructure: ${structure}) { id } }`;
  it.each([
    ['a URI with ..', importFhir('gs://imports/../../etc/passwd')],
    ['a URI that is not gs://', importFhir('file:///etc/passwd')],
    ['a bad bucket', importFhir('gs://UP/x')],
    ['** before another wildcard', importFhir('gs://imports/**/*.ndjson')],
    ['a prefix with a wildcard', `mutation { exportFhirResources(store: "${DEMO_FHIR_STORE}", gcsUriPrefix: "gs://exports/*") { id } }`],
    ['an unknown type', `mutation { exportFhirResources(store: "${DEMO_FHIR_STORE}", gcsUriPrefix: "gs://exports/x", types: ["Pokemon"]) { id } }`],
    ['a FHIR store name for DICOM', `mutation { importDicomInstances(store: "${DEMO_FHIR_STORE}", gcsUri: "gs://dicom/in/*.dcm") { id } }`],
    ['an export window that ends before it starts', `mutation { exportHl7V2Messages(store: "${DEMO_HL7V2_STORE}", gcsUriPrefix: "gs://hl7/x", startTime: "2024-02-01T00:00:00Z", endTime: "2024-01-01T00:00:00Z") { id } }`],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, mutation) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, mutation));
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(calls).toBe(0);
  });

  it('refuses an unknown content structure as a validation error, with no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, importFhir('gs://imports/x.ndjson', 'CSV')));
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(calls).toBe(0);
    const asVariable = `mutation($structure: FhirContentStructure) { importFhirResources(store: "${DEMO_FHIR_STORE}", gcsUri: "gs://imports/x.ndjson", contentStructure: $structure) { id } }`;
    const { result: variable, calls: variableCalls } = await countUpstreamCalls(app, () => graphql(app, asVariable, { structure: 'CSV' }));
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(variableCalls).toBe(0);
  });
});
