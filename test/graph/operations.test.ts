/**
 * De-identification through the graph: mutations that start operations, polling by global id,
 * `Query.operation`, `Dataset.operations`, `cancelOperation`, input validation without upstream
 * calls, and the access policy on sources and destinations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { RunningApp } from '../../src/app.js';
import { graphql, rest, startTestApp, upstreamCalls } from '../helpers/app.js';

const LOCATION = 'projects/demo/locations/us-central1';
const DATASET = `${LOCATION}/datasets/demo`;
const FHIR = `${DATASET}/fhirStores/fhir`;
const DICOM = `${DATASET}/dicomStores/dicom`;

const OPERATION_FIELDS = `id name operationId kind apiMethodName done createTime endTime cancelRequested
  progress { success failure pending percent } error { code status message }
  dataset { name }
  result { __typename ... on Dataset { name } ... on FhirStore { name } ... on DicomStore { name } }`;

/** Polls `node(id)` until the operation is done. */
async function pollDone(app: RunningApp, id: string): Promise<any> {
  for (let i = 0; i < 500; i++) {
    const result = await graphql(app, `query($id: ID!) { node(id: $id) { ... on Operation { ${OPERATION_FIELDS} } } }`, { id });
    expect(result.errors).toBeUndefined();
    if (result.data.node.done) return result.data.node;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('operation did not finish');
}

describe('de-identification in the graph', () => {
  let app: RunningApp;
  let sourcePatient: any;

  beforeAll(async () => {
    app = await startTestApp({ DEMO_PATIENTS: '2' });
    const search = await rest(app, 'GET', `${FHIR}/fhir/Patient?_count=1`);
    sourcePatient = search.body.entry[0].resource;
  }, 60_000);
  afterAll(() => app.close());

  it('copies the dataset de-identified and links the finished operation to the new dataset', async () => {
    const key = randomBytes(32).toString('base64');
    const started = await graphql(app, `mutation($config: DeidentifyConfigInput) {
      deidentifyDataset(source: "${DATASET}", destinationDatasetId: "deid", config: $config) { ${OPERATION_FIELDS} } }`, {
      config: { dateShiftKey: key, cryptoHashKey: key, dicom: { profile: 'ATTRIBUTE_CONFIDENTIALITY_BASIC' }, freeText: 'REDACT' },
    });
    expect(started.errors).toBeUndefined();
    const op = started.data.deidentifyDataset;
    expect(op).toMatchObject({
      kind: 'DEIDENTIFY_DATASET',
      apiMethodName: 'google.cloud.healthcare.v1.dataset.DatasetService.DeidentifyDataset',
      dataset: { name: DATASET },
      result: { __typename: 'Dataset', name: `${LOCATION}/datasets/deid` },
      error: null,
    });
    expect(op.name).toMatch(new RegExp(`^${DATASET}/operations/\\d+$`));

    const done = await pollDone(app, op.id);
    expect(done.error).toBeNull();
    expect(done.endTime).toEqual(expect.any(String));
    expect(done.result).toEqual({ __typename: 'Dataset', name: `${LOCATION}/datasets/deid` });
    const metrics = await rest(app, 'GET', `${FHIR}:getFHIRStoreMetrics`);
    const dicom = await rest(app, 'GET', `${DICOM}:getDICOMStoreMetrics`);
    const total = metrics.body.metrics.reduce((n: number, m: { count: string }) => n + Number(m.count), 0) + Number(dicom.body.instanceCount);
    expect(done.progress).toEqual({ success: total, failure: 0, pending: 0, percent: 100 });

    // The copy is there, through the graph, and holds no patient's name or MRN.
    const copy = await graphql(app, `{ dataset(id: "deid") { fhirStores { nodes { name } } dicomStores { nodes { name } } } }`);
    expect(copy.data.dataset).toEqual({
      fhirStores: { nodes: [{ name: `${LOCATION}/datasets/deid/fhirStores/fhir` }] },
      dicomStores: { nodes: [{ name: `${LOCATION}/datasets/deid/dicomStores/dicom` }] },
    });
    const patients = await rest(app, 'GET', `${LOCATION}/datasets/deid/fhirStores/fhir/fhir/Patient`);
    const text = JSON.stringify(patients.body);
    expect(patients.body.entry).toHaveLength(2);
    expect(text).not.toContain(sourcePatient.name[0].family);
    expect(text).not.toContain(sourcePatient.identifier[0].value);
    expect(text).not.toContain(sourcePatient.birthDate);
  });

  it('without a config still removes DICOM names and ids, which the API itself would keep', async () => {
    const qido = async (dataset: string) => (await fetch(`${app.apiUrl}/${LOCATION}/datasets/${dataset}/dicomStores/dicom/dicomWeb/studies?includefield=00100020`)).json() as Promise<Record<string, { Value?: unknown[] }>[]>;
    const source = await qido('demo');
    expect(source.length).toBeGreaterThan(0);
    const started = await graphql(app, `mutation { deidentifyDataset(source: "${DATASET}", destinationDatasetId: "deid-defaults") { id } }`);
    expect(started.errors).toBeUndefined();
    expect((await pollDone(app, started.data.deidentifyDataset.id)).error).toBeNull();
    const copy = JSON.stringify(await qido('deid-defaults'));
    for (const study of source) {
      expect(copy).not.toContain(JSON.stringify(study['00100010']?.Value?.[0]));
      expect(copy).not.toContain(JSON.stringify(study['00100020']?.Value?.[0]));
    }
  });

  it('reads an operation by name (without a result: the API does not say where it wrote)', async () => {
    const list = await rest(app, 'GET', `${DATASET}/operations`);
    const name = list.body.operations.at(-1).name;
    const result = await graphql(app, `query($name: String!) { operation(name: $name) { ${OPERATION_FIELDS} } }`, { name });
    expect(result.errors).toBeUndefined();
    expect(result.data.operation).toMatchObject({ name, done: true, kind: 'DEIDENTIFY_DATASET', result: null });
    const missing = await graphql(app, `{ operation(name: "${DATASET}/operations/123") { name } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages Dataset.operations with first: 1 in the order the API lists them', async () => {
    const listing = await rest(app, 'GET', `${DATASET}/operations?pageSize=1000`);
    const expected = listing.body.operations.map((op: { name: string }) => op.name);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: any = await graphql(app, `query($after: String) { dataset(id: "demo") { operations(first: 1, after: $after) {
        nodes { name kind } pageInfo { hasNextPage endCursor } totalCount } } }`, { after });
      expect(result.errors).toBeUndefined();
      const connection = result.data.dataset.operations;
      seen.push(connection.nodes[0].name);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const forged = await graphql(app, '{ dataset(id: "demo") { operations(after: "not-a-cursor") { nodes { name } } } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('de-identifies one FHIR store into another, narrowed to some resources', async () => {
    expect((await rest(app, 'POST', `${DATASET}/fhirStores?fhirStoreId=copy`, { version: 'R4' })).status).toBe(200);
    const started = await graphql(app, `mutation { deidentifyFhirStore(source: "${FHIR}", destinationStore: "${DATASET}/fhirStores/copy",
      resources: ["Patient/${sourcePatient.id}"], config: { fhir: { fields: [{ paths: ["Patient.name"], action: TRANSFORM }] } }) { id kind } }`);
    expect(started.errors).toBeUndefined();
    expect(started.data.deidentifyFhirStore.kind).toBe('DEIDENTIFY_FHIR_STORE');
    const done = await pollDone(app, started.data.deidentifyFhirStore.id);
    expect(done.progress).toMatchObject({ success: 1, pending: 0 });
    expect(done.result).toEqual({ __typename: 'FhirStore', name: `${DATASET}/fhirStores/copy` });
    const copied = (await rest(app, 'GET', `${DATASET}/fhirStores/copy/fhir/Patient`)).body.entry[0].resource;
    expect(copied.name[0].family).toBe('[PERSON_NAME]');
    // Only the listed path is transformed: the birth date passes through.
    expect(copied.birthDate).toBe(sourcePatient.birthDate);
  });

  it('de-identifies a DICOM store into a new one, and cancels a running operation', async () => {
    const started = await graphql(app, `mutation { deidentifyDicomStore(source: "${DICOM}", destinationStore: "${DATASET}/dicomStores/copy",
      config: { dicom: { keepTags: ["StudyDescription", "00080060"] } }) { id result { __typename ... on DicomStore { name } } } }`);
    expect(started.errors).toBeUndefined();
    expect(started.data.deidentifyDicomStore.result).toEqual({ __typename: 'DicomStore', name: `${DATASET}/dicomStores/copy` });
    expect((await pollDone(app, started.data.deidentifyDicomStore.id)).error).toBeNull();

    // Slow the copy down (each chunk waits the emulator's latency) so the cancellation lands mid-run.
    await app.emulator!.setLatency({ minMs: 40, maxMs: 40 });
    try {
      const slow = await graphql(app, `mutation { deidentifyDataset(source: "${DATASET}", destinationDatasetId: "cancelled") { id name done } }`);
      expect(slow.errors).toBeUndefined();
      expect(slow.data.deidentifyDataset.done).toBe(false);
      const cancelled = await graphql(app, `mutation($name: String!) { cancelOperation(name: $name) { done cancelRequested error { code status } } }`, {
        name: slow.data.deidentifyDataset.name,
      });
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data.cancelOperation).toEqual({ done: true, cancelRequested: true, error: { code: 1, status: 'CANCELLED' } });
      const final = await pollDone(app, slow.data.deidentifyDataset.id);
      expect(final.progress.pending).toBeGreaterThan(0);
    } finally {
      await app.emulator!.setLatency(undefined);
    }
  });

  it('refuses an existing destination with BAD_USER_INPUT', async () => {
    const result = await graphql(app, `mutation { deidentifyDataset(source: "${DATASET}", destinationDatasetId: "deid") { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('already exists');
  });

  it.each([
    ['a key that is not base64', `deidentifyDataset(source: "${DATASET}", destinationDatasetId: "x", config: { dateShiftKey: "not a key!" })`],
    ['a key of the wrong length', `deidentifyDataset(source: "${DATASET}", destinationDatasetId: "x", config: { cryptoHashKey: "c2hvcnQ=" })`],
    ['an unknown DICOM keyword', `deidentifyDicomStore(source: "${DICOM}", destinationStore: "${DATASET}/dicomStores/x", config: { dicom: { removeTags: ["NoSuchTag"] } })`],
    ['a profile and a keep list', `deidentifyDicomStore(source: "${DICOM}", destinationStore: "${DATASET}/dicomStores/x", config: { dicom: { profile: KEEP_ALL, keepTags: ["PatientID"] } })`],
    ['a bad FHIR path', `deidentifyFhirStore(source: "${FHIR}", destinationStore: "${DATASET}/fhirStores/copy", config: { fhir: { fields: [{ paths: ["Patient..name"], action: TRANSFORM }] } })`],
    ['no FHIR paths', `deidentifyFhirStore(source: "${FHIR}", destinationStore: "${DATASET}/fhirStores/copy", config: { fhir: { fields: [{ paths: [], action: TRANSFORM }] } })`],
    ['a bad resource key', `deidentifyFhirStore(source: "${FHIR}", destinationStore: "${DATASET}/fhirStores/copy", resources: ["patient 1"])`],
    ['the source as destination', `deidentifyFhirStore(source: "${FHIR}", destinationStore: "${FHIR}")`],
    ['a bad dataset id', `deidentifyDataset(source: "${DATASET}", destinationDatasetId: "../x")`],
    ['a store name of the wrong kind', `deidentifyFhirStore(source: "${DICOM}", destinationStore: "${FHIR}")`],
    ['a bad operation name', 'cancelOperation(name: "projects/demo/locations/us-central1/datasets/demo/operations/../x")'],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, mutation) => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, `mutation { ${mutation} { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await upstreamCalls(app)).toBe(before);
  });
});

describe('de-identification under the access policy', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ HEALTHCARE_DATASET: 'demo', ALLOWED_FHIR_STORES: 'fhir', ALLOWED_DICOM_STORES: 'dicom' });
  }, 60_000);
  afterAll(() => app.close());

  it.each([
    ['a dataset copy (it would leave the pinned dataset)', `deidentifyDataset(source: "${DATASET}", destinationDatasetId: "elsewhere")`],
    ['a FHIR copy into a store off the allow-list', `deidentifyFhirStore(source: "${FHIR}", destinationStore: "${DATASET}/fhirStores/other")`],
    ['a DICOM copy into another dataset', `deidentifyDicomStore(source: "${DICOM}", destinationStore: "${LOCATION}/datasets/other/dicomStores/dicom")`],
    ['a cancel in another dataset', `cancelOperation(name: "${LOCATION}/datasets/other/operations/1")`],
  ])('refuses %s with FORBIDDEN before any upstream call', async (_what, mutation) => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, `mutation { ${mutation} { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await upstreamCalls(app)).toBe(before);
  });

  it('refuses an operation id whose destination lies outside the policy, before any upstream call', async () => {
    const id = Buffer.from(`Operation:${DATASET}/operations/1|${LOCATION}/datasets/other`).toString('base64url');
    const before = await upstreamCalls(app);
    const result = await graphql(app, `{ node(id: "${id}") { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await upstreamCalls(app)).toBe(before);
  });

  it('refuses to read the operations of another dataset', async () => {
    const result = await graphql(app, `{ operation(name: "${LOCATION}/datasets/other/operations/1") { name } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
