import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { graphql, rest, startTestApp, upstreamCalls } from '../helpers/app.js';
import { memoryLogger, startLoggedApp } from '../ops/helpers.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';

describe('a server pinned to one dataset with store allow-lists', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ HEALTHCARE_DATASET: 'demo', ALLOWED_FHIR_STORES: 'fhir,not-created-yet', ALLOWED_DICOM_STORES: 'dicom' });
    await rest(app, 'POST', 'projects/demo/locations/us-central1/datasets?datasetId=other', {});
    await rest(app, 'POST', `${DATASET}/fhirStores?fhirStoreId=hidden`, { version: 'R4' });
  });
  afterAll(() => app.close());

  it('lists only the pinned dataset and the allowed stores that exist', async () => {
    const result = await graphql(app, '{ datasets { nodes { datasetId fhirStores { nodes { storeId } } dicomStores { nodes { storeId } } } } }');
    expect(result.data).toEqual({ datasets: { nodes: [{ datasetId: 'demo', fhirStores: { nodes: [{ storeId: 'fhir' }] }, dicomStores: { nodes: [{ storeId: 'dicom' }] } }] } });
  });

  it.each([
    ['another dataset', '{ dataset(id: "other") { name } }', 0],
    ['a store off the allow-list by name', `{ fhirStore(name: "${DATASET}/fhirStores/hidden") { name } }`, 0],
    // The allowed dataset is read (one call); the store is refused without one.
    ['a store off the allow-list by id', '{ dataset(id: "demo") { fhirStore(id: "hidden") { name } } }', 1],
    ['a store off the allow-list by global id', `{ node(id: "${Buffer.from(`FhirStore:${DATASET}/fhirStores/hidden`).toString('base64url')}") { id } }`, 0],
  ])('refuses %s with FORBIDDEN before calling for it', async (_what, query, calls) => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, query);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await upstreamCalls(app)).toBe(before + calls);
  });
});

describe('the default store rule', () => {
  it('writes to the one allowed FHIR store of the pinned dataset when a mutation names none', async () => {
    const app = await startTestApp({ HEALTHCARE_DATASET: 'demo', ALLOWED_FHIR_STORES: 'fhir' });
    try {
      const result = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created resource { id } } }', {
        input: { resource: { resourceType: 'Organization', name: 'Default Store Clinic' } },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.createFhirResource.created).toBe(true);
      const found = await graphql(app, 'query($id: ID!) { node(id: $id) { ... on Organization { name } } }', { id: result.data.createFhirResource.resource.id });
      expect(found.data).toEqual({ node: { name: 'Default Store Clinic' } });
      const byShortId = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created } }', {
        input: { store: 'fhir', resource: { resourceType: 'Organization', name: 'Short Id Clinic' } },
      });
      expect(byShortId.data?.createFhirResource).toEqual({ created: true });
    } finally {
      await app.close();
    }
  });
});

describe('passthrough of the caller\'s token', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ AUTH_MODE: 'passthrough' });
  });
  afterAll(() => app.close());

  it.each([
    ['no Authorization header', {}],
    ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a Bearer with spaces', { authorization: 'Bearer a b' }],
  ])('answers %s with HTTP 401 UNAUTHENTICATED before any upstream call', async (_what, headers) => {
    const before = await upstreamCalls(app);
    const result = await graphql(app, '{ datasets { nodes { name } } }', {}, headers as Record<string, string>);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await upstreamCalls(app)).toBe(before);
  });

  it('serves a request that carries a bearer token', async () => {
    const result = await graphql(app, '{ dataset(id: "demo") { datasetId } }', {}, { authorization: 'Bearer ya29.a-token_value' });
    expect(result).toMatchObject({ status: 200, data: { dataset: { datasetId: 'demo' } } });
  });
});

describe('upstream failures', () => {
  it('maps an unavailable upstream to UPSTREAM_UNAVAILABLE on the failing field, keeping the others', async () => {
    const app = await startTestApp({
      EMULATOR_FAULTS: JSON.stringify([{ path: '/dicomStores$', method: 'GET', rate: 1, status: 503, retryAfter: 2 }]),
    });
    try {
      // Connections are non-null in the schema, so the failure nulls the nearest nullable parent.
      const result = await graphql(app, '{ fhir: dataset(id: "demo") { fhirStores { nodes { storeId } } } dicom: dataset(id: "demo") { dicomStores { nodes { storeId } } } }');
      expect(result.data).toEqual({ fhir: { fhirStores: { nodes: [{ storeId: 'fhir' }] } }, dicom: null });
      expect(result.errors).toEqual([expect.objectContaining({ path: ['dicom', 'dicomStores'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503, retryAfter: 2 }) })]);
    } finally {
      await app.close();
    }
  });

  it('reports not ready, and UPSTREAM_UNAVAILABLE, when the upstream cannot be reached', async () => {
    const app = await startTestApp({ HEALTHCARE_API_URL: 'http://127.0.0.1:9/v1' });
    try {
      const ready = await fetch(`${app.graph.url}/readyz`);
      expect(ready.status).toBe(503);
      const result = await graphql(app, '{ datasets { nodes { name } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(await upstreamCalls(app, { status: 'network' })).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

describe('checks at start', () => {
  it('warns about allow-listed stores that do not exist, of every kind', async () => {
    const log = memoryLogger('warn');
    const app = await startLoggedApp(log.logger, {
      HEALTHCARE_DATASET: 'demo', ALLOWED_FHIR_STORES: 'fhir,no-fhir', ALLOWED_DICOM_STORES: 'no-dicom', ALLOWED_HL7V2_STORES: 'hl7v2,no-hl7v2',
    });
    await app.close();
    const warnings = log.records().map((record) => record.msg as string).filter((message) => message.includes('does not exist (yet)'));
    expect(warnings.sort()).toEqual([
      'ALLOWED_DICOM_STORES: DICOM store no-dicom in dataset demo does not exist (yet): it is left out of lists until it does',
      'ALLOWED_FHIR_STORES: FHIR store no-fhir in dataset demo does not exist (yet): it is left out of lists until it does',
      'ALLOWED_HL7V2_STORES: HL7v2 store no-hl7v2 in dataset demo does not exist (yet): it is left out of lists until it does',
    ]);
  });

  it('refuses to start when the pinned dataset does not exist, naming it', async () => {
    await expect(startTestApp({ HEALTHCARE_DATASET: 'no-such-dataset' })).rejects.toThrow(
      'HEALTHCARE_DATASET=no-such-dataset: dataset projects/demo/locations/us-central1/datasets/no-such-dataset does not exist.',
    );
  });
});
