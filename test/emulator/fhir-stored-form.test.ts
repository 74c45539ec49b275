/**
 * What the store keeps of a resource (`FhirStore.prepare`): its JSON text, whose size must be
 * exactly `Buffer.byteLength(JSON.stringify(resource))` (the metrics report it), and its references
 * into the store, as `findReferences` finds them. Stored resources must never change with another
 * resource's write.
 */

import { describe, expect, it } from '@jest/globals';
import type { StoreHandle } from '../../src/emulator/dataplanes.js';
import { findReferences, localTarget } from '../../src/emulator/fhir/references.js';
import { FhirStore } from '../../src/emulator/fhir/store.js';
import type { JsonObject } from '../../src/emulator/json.js';
import { startFhir } from './fhir-helpers.js';
import { suiteFixture } from './helpers.js';

const ODD_STRINGS = ['', '"', '\\', '\n\t\b\f\r', '\u0000\u001f\u007f\u0080', 'Müller', '\u2028\u2029', '😀', '\ud800', 'a\udc00b', 'x\ud83d\ude00y', '\uffff'];
const ODD_NUMBERS = [0, -0, 1, -1, 9, 10, 99, 100, 1e20, 1e21, 1.5, -0.001, 1e-7, 2 ** 53, -(2 ** 60), 3.14159];
const STORE_NAME = 'projects/p/locations/l/datasets/d/fhirStores/s';

function resource(): JsonObject {
  return {
    resourceType: 'Observation',
    id: 'o1',
    meta: { versionId: 'v1', lastUpdated: '2024-01-01T00:00:00.000001+00:00', tag: [{ code: 'é"' }] },
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic\tblood pressure' }], text: '' },
    subject: { reference: 'Patient/p1', display: 'Anna 😀' },
    performer: [{ reference: 'Practitioner/pr1' }, { reference: 'urn:uuid:x' }],
    extension: [{ url: 'http://x', valueReference: { reference: 'Organization/o1' } }],
    contained: [{ resourceType: 'Patient', id: 'c', link: [{ other: { reference: 'Patient/p2' } }] }],
    component: [{ valueQuantity: { value: 1.25, unit: 'mm[Hg]' } }, { valueBoolean: false }, { valueString: null }],
    note: [{ text: 'x'.repeat(300) }],
    alike: [{ a: '1', b: '2' }, { a: '1"b1"2' }, { a: 1 }, { a: '1' }, { a: null }, { a: false }, { a: 'z' }, { a: 0 }, { b: '1', a: '2' }],
    odd: { strings: ODD_STRINGS, numbers: ODD_NUMBERS, empty: [], nothing: {}, nested: [[1, 'a'], []], missing: undefined },
  } as unknown as JsonObject;
}

async function openStore(config: JsonObject): Promise<FhirStore> {
  const handle: StoreHandle = { kind: 'fhir', name: STORE_NAME, dataDir: undefined, config: () => config };
  return FhirStore.open(handle);
}

describe('FhirStore.prepare', () => {
  it('keeps the JSON text and measures it exactly', async () => {
    const store = await openStore({});
    const prepared = store.prepare(resource());
    expect(prepared.text).toBe(JSON.stringify(resource()));
    expect(prepared.size).toBe(Buffer.byteLength(JSON.stringify(resource())));
  });

  it('finds the references findReferences finds, with and without extensions', async () => {
    for (const parsing of ['DISABLED', 'ENABLED']) {
      const store = await openStore({ complexDataTypeReferenceParsing: parsing });
      const expected = findReferences(resource(), parsing === 'ENABLED').flatMap((found) => {
        const target = localTarget(found.reference, STORE_NAME);
        return target === undefined ? [] : [`${found.path}→${target.key}`];
      });
      expect(store.prepare(resource()).refs.map((r) => `${r.path}→${r.target}`)).toEqual(expected);
    }
    const store = await openStore({ complexDataTypeReferenceParsing: 'ENABLED' });
    expect(store.prepare(resource()).refs.map((r) => r.path)).toEqual(['subject', 'performer', 'extension.valueReference']);
  });
});

describe('shared elements in the store', () => {
  const fhir = suiteFixture(startFhir);

  it('keeps a resource unchanged when another one sharing its elements is patched or updated', async () => {
    const { api } = fhir;
    const observation = (display: string) => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display }] },
      valueQuantity: { value: 120, unit: 'mm[Hg]' },
    });
    const a = await api.create(observation('Systolic'));
    const b = await api.create(observation('Systolic'));
    const ops = [
      { op: 'replace', path: '/code/coding/0/display', value: 'Changed' },
      { op: 'replace', path: '/valueQuantity/value', value: 1 },
    ];
    const patched = await api.request('PATCH', `Observation/${b.id}`, JSON.stringify(ops), { 'content-type': 'application/json-patch+json' });
    expect(patched.status).toBe(200);
    expect((await api.get(`Observation/${b.id}`)).body.code.coding[0].display).toBe('Changed');
    expect((await api.get(`Observation/${a.id}`)).body).toEqual(a);
    expect((await api.request('PUT', `Observation/${b.id}`, { ...observation('Other'), id: b.id })).status).toBe(200);
    expect((await api.get(`Observation/${a.id}`)).body).toEqual(a);
    expect((await api.get(`Observation/${b.id}/_history/${String(b.meta.versionId)}`)).body).toEqual(b);
  });
});
