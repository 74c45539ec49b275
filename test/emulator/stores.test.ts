import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DicomStoreCounts, FhirResourceMetric, StoreHandle } from '../../src/emulator/dataplanes.js';
import type { EmulatorModule, RunningEmulator } from '../../src/emulator/server.js';
import { Client, expectEnvelope, LOC, obj, start } from './helpers.js';

/** Data the fake data planes report, keyed by store name; destroyed store names are recorded. */
const fhirMetrics = new Map<string, FhirResourceMetric[]>();
const dicomCounts = new Map<string, DicomStoreCounts>();
const destroyed: string[] = [];
const handles = new Map<string, StoreHandle>();

const fakePlanes: EmulatorModule = {
  name: 'fake-planes',
  routes: () => [],
  fhirDataPlane: (store) => {
    handles.set(store.name, store);
    return { metrics: () => fhirMetrics.get(store.name) ?? [], destroy: () => void destroyed.push(store.name) };
  },
  dicomDataPlane: (store) => ({
    metrics: () =>
      dicomCounts.get(store.name) ?? {
        studyCount: 0,
        seriesCount: 0,
        instanceCount: 0,
        structuredStorageSizeBytes: 0,
        blobStorageSizeBytes: 0,
      },
    destroy: () => void destroyed.push(store.name),
  }),
};

let emulator: RunningEmulator;
let plain: RunningEmulator;
let api: Client;
const DS = `${LOC}/datasets/stores`;

beforeAll(async () => {
  emulator = await start({ modules: [fakePlanes] });
  plain = await start();
  api = new Client(emulator);
  await api.call('POST', `${LOC}/datasets?datasetId=stores`);
});

afterAll(async () => {
  await emulator.close();
  await plain.close();
});

describe('fhirStores', () => {
  it('creates a store echoing the body plus Google\'s defaults, omitting false and empty fields', async () => {
    const res = await api.call('POST', `${DS}/fhirStores?fhirStoreId=f1`, {
      version: 'R4',
      enableUpdateCreate: true,
      disableReferentialIntegrity: false,
      labels: { env: 'dev' },
      notificationConfigs: [{ pubsubTopic: 'projects/p/topics/t', sendFullResource: true, sendPreviousResourceOnDelete: false }],
      validationConfig: {},
      streamConfigs: [],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      name: `${DS}/fhirStores/f1`,
      version: 'R4',
      enableUpdateCreate: true,
      complexDataTypeReferenceParsing: 'DISABLED',
      labels: { env: 'dev' },
      notificationConfigs: [{ pubsubTopic: 'projects/p/topics/t', sendFullResource: true }],
      validationConfig: {},
    });
    expect((await api.get(`${DS}/fhirStores/f1`)).json).toEqual(res.json);
  });

  it('requires a supported version and defaults R5 reference parsing to ENABLED', async () => {
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=nov`, {}), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=nov`, { version: 'VERSION_UNSPECIFIED' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=nov`, { version: 'R6' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=r5`, { version: 'R5', complexDataTypeReferenceParsing: 'DISABLED' }), 400, 'INVALID_ARGUMENT');
    for (const version of ['DSTU2', 'STU3', 'R5']) {
      const res = await api.call('POST', `${DS}/fhirStores?fhirStoreId=v-${version}`, { version });
      expect(obj(res.json)['version']).toBe(version);
      expect(obj(res.json)['complexDataTypeReferenceParsing']).toBe(version === 'R5' ? 'ENABLED' : 'DISABLED');
    }
  });

  it('validates ids, body fields, types and labels', async () => {
    for (const bad of ['', 'a%2Fb', '..', 'a%3Ab']) {
      expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=${bad}`, { version: 'R4' }), 400, 'INVALID_ARGUMENT');
    }
    const unknown = await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', versoin: 'R4' });
    expect(expectEnvelope(unknown, 400, 'INVALID_ARGUMENT')).toBe(
      `Invalid JSON payload received. Unknown name "versoin" at 'fhir_store': Cannot find field.`,
    );
    const wrongType = await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', enableUpdateCreate: 'yes' });
    expect(expectEnvelope(wrongType, 400, 'INVALID_ARGUMENT')).toBe(
      `Invalid value at 'fhir_store.enable_update_create' (TYPE_BOOL), "yes"`,
    );
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', labels: { Env: 'x' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', labels: { env: 'UPPER' } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', labels: { env: 1 } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=x`, { version: 'R4', streamConfigs: {} }), 400, 'INVALID_ARGUMENT');
    expect((await api.get(`${DS}/fhirStores/x`)).status).toBe(404);
  });

  it('answers 409 for an existing store and 404 for a missing dataset or store', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=dup`, { version: 'R4' });
    expectEnvelope(await api.call('POST', `${DS}/fhirStores?fhirStoreId=dup`, { version: 'R4' }), 409, 'ALREADY_EXISTS');
    const noDataset = await api.call('POST', `${LOC}/datasets/nope/fhirStores?fhirStoreId=s`, { version: 'R4' });
    expect(expectEnvelope(noDataset, 404, 'NOT_FOUND')).toContain(`${LOC}/datasets/nope`);
    const noStore = await api.get(`${DS}/fhirStores/ghost`);
    expect(expectEnvelope(noStore, 404, 'NOT_FOUND')).toContain(`${DS}/fhirStores/ghost`);
  });

  it('filters the list on labels', async () => {
    const ds = `${LOC}/datasets/labelled`;
    await api.call('POST', `${LOC}/datasets?datasetId=labelled`);
    await api.call('POST', `${ds}/fhirStores?fhirStoreId=a`, { version: 'R4', labels: { env: 'prod', team: 'x' } });
    await api.call('POST', `${ds}/fhirStores?fhirStoreId=b`, { version: 'R4', labels: { env: 'dev' } });
    await api.call('POST', `${ds}/fhirStores?fhirStoreId=c`, { version: 'R4' });
    const ids = async (filter: string): Promise<string[]> => {
      const res = await api.get(`${ds}/fhirStores?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(200);
      const list = obj(res.json)['fhirStores'];
      return Array.isArray(list) ? list.map((s) => String(String(obj(s)['name']).split('/').at(-1))) : [];
    };
    expect(await ids('labels.env=prod')).toEqual(['a']);
    expect(await ids('labels.env = "dev"')).toEqual(['b']);
    expect(await ids('labels.env:*')).toEqual(['a', 'b']);
    expect(await ids('labels.env:* AND labels.team=x')).toEqual(['a']);
    expect(await ids('labels.env=staging')).toEqual([]);
    expect(await ids('')).toEqual(['a', 'b', 'c']);
    expectEnvelope(await api.get(`${ds}/fhirStores?filter=${encodeURIComponent('version=R4')}`), 400, 'INVALID_ARGUMENT');
  });

  it('patches mutable fields and clears masked fields missing from the body', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=pt`, { version: 'R4', labels: { a: '1' }, enableUpdateCreate: true });
    const res = await api.call('PATCH', `${DS}/fhirStores/pt?updateMask=labels,defaultSearchHandlingStrict,enableUpdateCreate`, {
      labels: { b: '2' },
      defaultSearchHandlingStrict: true,
      version: 'STU3', // not in the mask: ignored
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      name: `${DS}/fhirStores/pt`,
      version: 'R4',
      labels: { b: '2' },
      defaultSearchHandlingStrict: true,
      complexDataTypeReferenceParsing: 'DISABLED',
    });
    expect((await api.get(`${DS}/fhirStores/pt`)).json).toEqual(res.json);
  });

  it('rejects patches of immutable or unknown fields and patches without a mask', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=imm`, { version: 'R4' });
    for (const mask of ['version', 'disableReferentialIntegrity', 'disableResourceVersioning', 'name', 'nope', 'labels.env', '']) {
      const res = await api.call('PATCH', `${DS}/fhirStores/imm?updateMask=${mask}`, { version: 'R5', labels: { env: 'x' } });
      expect([mask, res.status]).toEqual([mask, 400]);
      expectEnvelope(res, 400, 'INVALID_ARGUMENT');
    }
    expect(obj((await api.get(`${DS}/fhirStores/imm`)).json)['version']).toBe('R4');
  });

  it('deletes a store and its data plane', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=gone`, { version: 'R4' });
    const res = await api.call('DELETE', `${DS}/fhirStores/gone`);
    expect(res.json).toEqual({});
    expect(destroyed).toContain(`${DS}/fhirStores/gone`);
    expectEnvelope(await api.get(`${DS}/fhirStores/gone`), 404, 'NOT_FOUND');
    expectEnvelope(await api.call('DELETE', `${DS}/fhirStores/gone`), 404, 'NOT_FOUND');
  });

  it('gives the data plane the live store configuration', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=live`, { version: 'R4' });
    await api.call('PATCH', `${DS}/fhirStores/live?updateMask=enableUpdateCreate`, { enableUpdateCreate: true });
    expect(handles.get(`${DS}/fhirStores/live`)?.config()).toMatchObject({ version: 'R4', enableUpdateCreate: true });
  });
});

describe('getFHIRStoreMetrics', () => {
  it('answers {name} only for an empty store (proto3 omits the empty list)', async () => {
    const client = new Client(plain);
    await client.call('POST', `${LOC}/datasets?datasetId=m`);
    await client.call('POST', `${LOC}/datasets/m/fhirStores?fhirStoreId=f`, { version: 'R4' });
    const res = await client.get(`${LOC}/datasets/m/fhirStores/f:getFHIRStoreMetrics`);
    expect(res.json).toEqual({ name: `${LOC}/datasets/m/fhirStores/f` });
  });

  it('renders the data plane\'s counts as int64 strings, sorted by resource type', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=counted`, { version: 'R4' });
    fhirMetrics.set(`${DS}/fhirStores/counted`, [
      { resourceType: 'Patient', count: 42, structuredStorageSizeBytes: 81234 },
      { resourceType: 'Encounter', count: 3, structuredStorageSizeBytes: 0 },
      { resourceType: 'Observation', count: 0, structuredStorageSizeBytes: 0 },
    ]);
    const res = await api.get(`${DS}/fhirStores/counted:getFHIRStoreMetrics`);
    expect(res.json).toEqual({
      name: `${DS}/fhirStores/counted`,
      metrics: [
        { resourceType: 'Encounter', count: '3' },
        { resourceType: 'Patient', count: '42', structuredStorageSizeBytes: '81234' },
      ],
    });
  });

  it('answers 404 for a missing store', async () => {
    expectEnvelope(await api.get(`${DS}/fhirStores/ghost:getFHIRStoreMetrics`), 404, 'NOT_FOUND');
  });
});

describe('dicomStores', () => {
  it('creates, gets, lists, patches and deletes', async () => {
    const created = await api.call('POST', `${DS}/dicomStores?dicomStoreId=d1`, {
      labels: { modality: 'ct' },
      notificationConfigs: [{ pubsubTopic: 'projects/p/topics/dicom' }],
    });
    expect(created.json).toEqual({
      name: `${DS}/dicomStores/d1`,
      labels: { modality: 'ct' },
      notificationConfigs: [{ pubsubTopic: 'projects/p/topics/dicom' }],
    });
    expect((await api.get(`${DS}/dicomStores/d1`)).json).toEqual(created.json);
    const list = obj((await api.get(`${DS}/dicomStores?filter=labels.modality%3Dct`)).json);
    expect(list['dicomStores']).toEqual([created.json]);

    const patched = await api.call('PATCH', `${DS}/dicomStores/d1?updateMask=notificationConfigs`, {});
    expect(patched.json).toEqual({ name: `${DS}/dicomStores/d1`, labels: { modality: 'ct' } });
    expectEnvelope(await api.call('PATCH', `${DS}/dicomStores/d1?updateMask=version`, {}), 400, 'INVALID_ARGUMENT');

    expect((await api.call('DELETE', `${DS}/dicomStores/d1`)).json).toEqual({});
    expectEnvelope(await api.get(`${DS}/dicomStores/d1`), 404, 'NOT_FOUND');
  });

  it('accepts any id up to 256 characters except "/", ".", ".." and empty', async () => {
    const id = 'Any id: with spaces & ümlauts';
    const res = await api.call('POST', `${DS}/dicomStores?dicomStoreId=${encodeURIComponent(id)}`, {});
    expect(obj(res.json)['name']).toBe(`${DS}/dicomStores/${id}`);
    // Reachable with the colon percent-encoded, as with Google.
    expect((await api.get(`${DS}/dicomStores/${encodeURIComponent(id)}`)).status).toBe(200);
    for (const bad of ['', '.', '..', 'a%2Fb', 'x'.repeat(257)]) {
      expectEnvelope(await api.call('POST', `${DS}/dicomStores?dicomStoreId=${bad}`, {}), 400, 'INVALID_ARGUMENT');
    }
    expect((await api.call('POST', `${DS}/dicomStores?dicomStoreId=${'y'.repeat(256)}`, {})).status).toBe(200);
  });

  it('requires pubsubTopic in notificationConfigs and rejects FHIR-only fields', async () => {
    expectEnvelope(await api.call('POST', `${DS}/dicomStores?dicomStoreId=n`, { notificationConfigs: [{}] }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${DS}/dicomStores?dicomStoreId=n`, { version: 'R4' }), 400, 'INVALID_ARGUMENT');
  });

  it('keeps DICOM and FHIR store ids apart', async () => {
    await api.call('POST', `${DS}/fhirStores?fhirStoreId=same`, { version: 'R4' });
    expect((await api.call('POST', `${DS}/dicomStores?dicomStoreId=same`, {})).status).toBe(200);
  });
});

describe('getDICOMStoreMetrics', () => {
  it('renders counts as int64 strings and leaves zero counts out', async () => {
    await api.call('POST', `${DS}/dicomStores?dicomStoreId=counted`, {});
    const name = `${DS}/dicomStores/counted`;
    expect((await api.get(`${name}:getDICOMStoreMetrics`)).json).toEqual({ name });
    dicomCounts.set(name, {
      studyCount: 3,
      seriesCount: 7,
      instanceCount: 512,
      structuredStorageSizeBytes: 1048576,
      blobStorageSizeBytes: 268435456,
    });
    expect((await api.get(`${name}:getDICOMStoreMetrics`)).json).toEqual({
      name,
      studyCount: '3',
      seriesCount: '7',
      instanceCount: '512',
      structuredStorageSizeBytes: '1048576',
      blobStorageSizeBytes: '268435456',
    });
    expect((await api.get(`${name}:getFHIRStoreMetrics`)).status).toBe(404);
  });
});

describe('dataset deletion', () => {
  it('destroys the data planes of every store in it', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=doomed`);
    const ds = `${LOC}/datasets/doomed`;
    await api.call('POST', `${ds}/fhirStores?fhirStoreId=f`, { version: 'R4' });
    await api.call('POST', `${ds}/dicomStores?dicomStoreId=d`, {});
    await api.call('DELETE', ds);
    expect(destroyed).toEqual(expect.arrayContaining([`${ds}/fhirStores/f`, `${ds}/dicomStores/d`]));
    expectEnvelope(await api.get(`${ds}/fhirStores/f`), 404, 'NOT_FOUND');
  });
});
