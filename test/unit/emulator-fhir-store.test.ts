/**
 * The write path of the emulator's FHIR store (`src/emulator/fhir/store.ts`): change sets staged
 * with `Changes` and applied by `commit`, the versions and history they leave, the indexes and
 * referrers they update, and the sharing the store documents (one `LocalRef` for a reference that
 * recurs at the same element; stored resources never changed by later writes).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoreHandle } from '../../src/emulator/dataplanes.js';
import { Changes } from '../../src/emulator/fhir/changes.js';
import { FhirError } from '../../src/emulator/fhir/outcome.js';
import { FhirStore, keyOf, type ResourceRecord } from '../../src/emulator/fhir/store.js';
import type { JsonObject } from '../../src/emulator/json.js';

const STORE = 'projects/p/locations/l/datasets/d/fhirStores/s';

function handle(config: JsonObject = {}, dataDir?: string, name = STORE): StoreHandle {
  return { kind: 'fhir', name, config: () => config, dataDir };
}

async function write(store: FhirStore, stage: (changes: Changes) => void): Promise<void> {
  const changes = new Changes(store);
  stage(changes);
  await store.commit(changes);
}

const patient = (id: string, family = 'Doe'): JsonObject => ({ resourceType: 'Patient', id, name: [{ family }] });

function observation(id: string, subject: string, code = '8480-6'): JsonObject {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: subject },
  };
}

/** Ids the store's index finds for one search value. */
function found(store: FhirStore, type: string, param: string, value: string): string[] {
  const index = store.table(type).indexes.byName.get(param);
  return [...(index?.matcher(undefined, value).ids() ?? [])].sort();
}

function referrerKeys(store: FhirStore, key: string): string[] {
  return [...store.referrersOf(key)].map((r) => keyOf(r.type, r.id)).sort();
}

async function failure(run: () => Promise<unknown>): Promise<FhirError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof FhirError) return error;
    throw error;
  }
  throw new Error('expected a FhirError');
}

describe('FhirStore.commit', () => {
  it('stores a created resource with its id and a version stamp, as its only version', async () => {
    const store = await FhirStore.open(handle());
    await write(store, (c) => c.create('Patient', { resourceType: 'Patient', meta: { tag: [{ code: 't' }] } }, 'p1'));
    const record = store.current('Patient', 'p1') as ResourceRecord;
    const meta = record.resource['meta'] as JsonObject;
    expect(record.resource['id']).toBe('p1');
    expect(meta['versionId']).toBe(record.versionId);
    expect(meta['lastUpdated']).toBe(record.lastUpdated);
    expect(meta['tag']).toEqual([{ code: 't' }]);
    expect(store.versions('Patient', 'p1')).toEqual([record]);
    expect(store.versions('Patient', 'p1')[0]).toBe(record);
    expect(store.table('Patient').past.has('p1')).toBe(false);
    expect(store.byKey('Patient/p1')).toBe(record);
  });

  it('keeps every version oldest first, with increasing stamps, and the deletion last', async () => {
    const store = await FhirStore.open(handle());
    await write(store, (c) => c.create('Patient', patient('p1', 'One'), 'p1'));
    await write(store, (c) => c.update('Patient', 'p1', patient('p1', 'Two')));
    await write(store, (c) => c.delete('Patient', 'p1'));
    const versions = store.versions('Patient', 'p1');
    expect(versions.map((v) => (v.resource?.['name'] as JsonObject[] | undefined)?.[0]?.['family'])).toEqual([
      'One',
      'Two',
      undefined,
    ]);
    expect(new Set(versions.map((v) => v.versionId)).size).toBe(3);
    const stamps = versions.map((v) => v.lastUpdated);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
    expect(store.current('Patient', 'p1')).toBeUndefined();
  });

  it('keeps only the current version when the store disables versioning', async () => {
    const store = await FhirStore.open(handle({ disableResourceVersioning: true }));
    await write(store, (c) => c.create('Patient', patient('p1', 'One'), 'p1'));
    await write(store, (c) => c.update('Patient', 'p1', patient('p1', 'Two')));
    expect(store.versions('Patient', 'p1')).toEqual([store.current('Patient', 'p1')]);
    await write(store, (c) => c.delete('Patient', 'p1'));
    expect(store.versions('Patient', 'p1')).toEqual([]);
  });

  it('updates the indexes of the type on create, update and delete', async () => {
    const store = await FhirStore.open(handle());
    await write(store, (c) => {
      c.create('Patient', patient('p1', 'Müller'), 'p1');
      c.create('Patient', patient('p2', 'Muller'), 'p2');
    });
    expect(found(store, 'Patient', 'family', 'mul')).toEqual(['p1', 'p2']);
    await write(store, (c) => c.update('Patient', 'p1', patient('p1', 'Smith')));
    expect(found(store, 'Patient', 'family', 'mul')).toEqual(['p2']);
    expect(found(store, 'Patient', 'family', 'smi')).toEqual(['p1']);
    await write(store, (c) => c.delete('Patient', 'p2'));
    expect(found(store, 'Patient', 'family', 'mul')).toEqual([]);
    expect(found(store, 'Patient', '_id', 'p2')).toEqual([]);
    expect(found(store, 'Patient', '_id', 'p1')).toEqual(['p1']);
  });

  it('records who references whom, and follows updates and deletions', async () => {
    const store = await FhirStore.open(handle());
    await write(store, (c) => {
      c.create('Patient', patient('p1'), 'p1');
      c.create('Patient', patient('p2'), 'p2');
    });
    await write(store, (c) => {
      c.create('Observation', observation('o1', 'Patient/p1'), 'o1');
      c.create('Observation', observation('o2', 'Patient/p1'), 'o2');
    });
    expect(referrerKeys(store, 'Patient/p1')).toEqual(['Observation/o1', 'Observation/o2']);
    await write(store, (c) => c.update('Observation', 'o1', observation('o1', 'Patient/p2')));
    expect(referrerKeys(store, 'Patient/p1')).toEqual(['Observation/o2']);
    expect(referrerKeys(store, 'Patient/p2')).toEqual(['Observation/o1']);
    expect([...store.referrersOf('Patient/p2')][0]).toBe(store.current('Observation', 'o1'));
    await write(store, (c) => c.delete('Observation', 'o2'));
    expect(referrerKeys(store, 'Patient/p1')).toEqual([]);
    expect(found(store, 'Observation', 'subject', 'Patient/p1')).toEqual([]);
  });

  it('refuses references to missing resources and deleting referenced ones while integrity is on', async () => {
    const store = await FhirStore.open(handle());
    const missing = await failure(() => write(store, (c) => c.create('Observation', observation('o1', 'Patient/p1'), 'o1')));
    expect([missing.httpStatus, missing.detailsCode]).toEqual([400, 'storage_error']);
    expect(store.current('Observation', 'o1')).toBeUndefined();
    // Entries of one change set may reference each other in any order.
    await write(store, (c) => {
      c.create('Observation', observation('o1', 'Patient/p1'), 'o1');
      c.create('Patient', patient('p1'), 'p1');
    });
    const referenced = await failure(() => write(store, (c) => c.delete('Patient', 'p1')));
    expect([referenced.httpStatus, referenced.message]).toEqual([409, 'cannot delete Patient/p1: referenced by Observation/o1']);
    expect(store.current('Patient', 'p1')).toBeDefined();
    await write(store, (c) => {
      c.delete('Observation', 'o1');
      c.delete('Patient', 'p1');
    });
    expect(store.metrics()).toEqual([]);
  });

  it('skips the integrity check when the store disables it or the caller asks', async () => {
    const lax = await FhirStore.open(handle({ disableReferentialIntegrity: true }));
    await write(lax, (c) => c.create('Observation', observation('o1', 'Patient/p1'), 'o1'));
    expect(referrerKeys(lax, 'Patient/p1')).toEqual(['Observation/o1']);
    const strict = await FhirStore.open(handle());
    const changes = new Changes(strict);
    changes.create('Observation', observation('o1', 'Patient/p1'), 'o1');
    await strict.commit(changes, { checkIntegrity: false });
    expect(strict.current('Observation', 'o1')).toBeDefined();
  });

  it('reports per type the count and the exact JSON size of the current resources', async () => {
    const store = await FhirStore.open(handle());
    await write(store, (c) => {
      c.create('Patient', patient('p1', 'Müller'), 'p1');
      c.create('Patient', patient('p2'), 'p2');
    });
    await write(store, (c) => c.update('Patient', 'p2', patient('p2', 'A much longer family name')));
    const bytes = (id: string) => Buffer.byteLength(JSON.stringify(store.current('Patient', id)?.resource));
    expect(store.metrics()).toEqual([
      { resourceType: 'Patient', count: 2, structuredStorageSizeBytes: bytes('p1') + bytes('p2') },
    ]);
    await write(store, (c) => c.delete('Patient', 'p1'));
    expect(store.metrics()).toEqual([{ resourceType: 'Patient', count: 1, structuredStorageSizeBytes: bytes('p2') }]);
  });

  it('replays its journal when it persists, history included', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fhir-store-'));
    try {
      const first = await FhirStore.open(handle({}, dataDir));
      await write(first, (c) => c.create('Patient', patient('p1', 'One'), 'p1'));
      await write(first, (c) => c.update('Patient', 'p1', patient('p1', 'Two')));
      await write(first, (c) => c.create('Observation', observation('o1', 'Patient/p1'), 'o1'));
      await first.close();
      const again = await FhirStore.open(handle({}, dataDir));
      expect(again.versions('Patient', 'p1')).toEqual(first.versions('Patient', 'p1'));
      expect(found(again, 'Patient', 'family', 'two')).toEqual(['p1']);
      expect(referrerKeys(again, 'Patient/p1')).toEqual(['Observation/o1']);
      await write(again, (c) => c.update('Patient', 'p1', patient('p1', 'Three')));
      const stamps = again.versions('Patient', 'p1').map((v) => v.lastUpdated);
      expect(stamps[2]! > stamps[1]!).toBe(true);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('TypeTable.newestFirst', () => {
  it('walks current resources newest write first, from below a write number when given', async () => {
    const store = await FhirStore.open(handle());
    for (const id of ['a', 'b', 'c', 'd']) await write(store, (c) => c.create('Patient', patient(id), id));
    await write(store, (c) => c.update('Patient', 'b', patient('b', 'again')));
    await write(store, (c) => c.delete('Patient', 'c'));
    const table = store.table('Patient');
    expect([...table.newestFirst()].map((r) => r.id)).toEqual(['b', 'd', 'a']);
    const d = store.current('Patient', 'd') as ResourceRecord;
    expect([...table.newestFirst(d.gen)].map((r) => r.id)).toEqual(['a']);
    expect([...table.newestFirst(d.gen + 1)].map((r) => r.id)).toEqual(['d', 'a']);
  });

  it('still lists each current resource once after many rewrites compact the log', async () => {
    const store = await FhirStore.open(handle({ disableResourceVersioning: true }));
    await write(store, (c) => c.create('Patient', patient('old'), 'old'));
    for (let i = 0; i < 2100; i++) {
      const id = `p${i % 3}`;
      await write(store, (c) => (i < 3 ? c.create('Patient', patient(id), id) : c.update('Patient', id, patient(id, `v${i}`))));
    }
    expect([...store.table('Patient').newestFirst()].map((r) => r.id)).toEqual(['p2', 'p1', 'p0', 'old']);
  });
});

describe('FhirStore.prepare', () => {
  it('shares one LocalRef between resources that reference the same target from the same element', async () => {
    const store = await FhirStore.open(handle({ disableReferentialIntegrity: true }));
    await write(store, (c) => {
      c.create('Observation', observation('o1', 'Patient/p1'), 'o1');
      c.create('Observation', observation('o2', 'Patient/p1'), 'o2');
      c.create('Observation', observation('o3', 'Patient/p1/_history/1'), 'o3');
      c.create('Encounter', { resourceType: 'Encounter', id: 'e1', subject: { reference: 'Patient/p1' } }, 'e1');
    });
    const refs = (type: string, id: string) => store.current(type, id)?.refs ?? [];
    expect(refs('Observation', 'o1')).toEqual([{ path: 'subject', target: 'Patient/p1', version: undefined }]);
    expect(refs('Observation', 'o2')[0]).toBe(refs('Observation', 'o1')[0]);
    expect(refs('Encounter', 'e1')[0]).toBe(refs('Observation', 'o1')[0]);
    expect(refs('Observation', 'o3')).toEqual([{ path: 'subject', target: 'Patient/p1', version: '1' }]);
    expect(store.prepare(patient('p9')).refs).toEqual([]);
  });

  it('keeps the shared references of each store to itself', async () => {
    const one = await FhirStore.open(handle({ disableReferentialIntegrity: true }));
    const other = await FhirStore.open(handle({ disableReferentialIntegrity: true }, undefined, `${STORE}-copy`));
    const [a] = one.prepare(observation('o1', 'Patient/p1')).refs;
    const [b] = other.prepare(observation('o1', 'Patient/p1')).refs;
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(one.prepare(observation('o2', 'Patient/p1')).refs[0]).toBe(a);
  });

  it('finds references into the store only, absolute ones included, and extensions only when parsing them', async () => {
    const parse = await FhirStore.open(handle({ complexDataTypeReferenceParsing: 'ENABLED' }));
    const plain = await FhirStore.open(handle());
    const resource = (): JsonObject => ({
      resourceType: 'Observation',
      subject: { reference: `https://healthcare.googleapis.com/v1/${STORE}/fhir/Patient/p1` },
      performer: [{ reference: 'https://elsewhere.example/fhir/Practitioner/x' }, { reference: '#contained' }],
      extension: [{ url: 'http://x', valueReference: { reference: 'Organization/o1' } }],
    });
    expect(plain.prepare(resource()).refs.map((r) => `${r.path}→${r.target}`)).toEqual(['subject→Patient/p1']);
    expect(parse.prepare(resource()).refs.map((r) => `${r.path}→${r.target}`)).toEqual([
      'subject→Patient/p1',
      'extension.valueReference→Organization/o1',
    ]);
  });
});

describe('stored resources', () => {
  let store: FhirStore;
  beforeAll(async () => {
    store = await FhirStore.open(handle({ disableReferentialIntegrity: true }));
  });
  afterAll(async () => {
    await store.close();
  });

  it('are kept as text, read parsed (the same object while cached) and not changed by later writes', async () => {
    await write(store, (c) => {
      c.create('Observation', observation('o1', 'Patient/p1'), 'o1');
      c.create('Observation', observation('o2', 'Patient/p1'), 'o2');
    });
    const o1 = store.current('Observation', 'o1');
    expect(o1?.resource).toBe(o1?.resource);
    const before = JSON.stringify(o1?.resource);
    const firstOfO2 = JSON.stringify(store.current('Observation', 'o2')?.resource);
    await write(store, (c) => c.update('Observation', 'o2', { ...observation('o2', 'Patient/p2', 'changed'), status: 'amended' }));
    await write(store, (c) => c.delete('Observation', 'o2'));
    expect(store.current('Observation', 'o1')).toBe(o1);
    expect(JSON.stringify(store.current('Observation', 'o1')?.resource)).toBe(before);
    const versions = store.versions('Observation', 'o2');
    expect(versions.map((v) => v.resource?.['status'])).toEqual(['final', 'amended', undefined]);
    expect(JSON.stringify(versions[0]?.resource)).toBe(firstOfO2);
  });

});
