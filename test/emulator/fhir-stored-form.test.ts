/**
 * What the store derives from a resource in one walk when it stores it (`storedForm`): the JSON
 * size must be exactly `Buffer.byteLength(JSON.stringify(resource))` (the metrics report it), the
 * references must be `findReferences`' own, and shared strings must leave the resource equal.
 * Elements shared between stored resources must never change with another resource's write.
 */

import { describe, expect, it } from '@jest/globals';
import { jsonByteLength } from '../../src/emulator/fhir/json-size.js';
import { findReferences, storedForm } from '../../src/emulator/fhir/references.js';
import type { JsonObject, JsonValue } from '../../src/emulator/json.js';
import { startFhir } from './fhir-helpers.js';
import { suiteFixture } from './helpers.js';

const ODD_STRINGS = ['', '"', '\\', '\n\t\b\f\r', '\u0000\u001f\u007f\u0080', 'Müller', '\u2028\u2029', '😀', '\ud800', 'a\udc00b', 'x\ud83d\ude00y', '\uffff'];
const ODD_NUMBERS = [0, -0, 1, -1, 9, 10, 99, 100, 1e20, 1e21, 1.5, -0.001, 1e-7, 2 ** 53, -(2 ** 60), 3.14159];

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
    // Elements that must stay apart although their members look alike.
    alike: [{ a: '1', b: '2' }, { a: '1"b1"2' }, { a: 1 }, { a: '1' }, { a: null }, { a: false }, { a: 'z' }, { a: 0 }, { b: '1', a: '2' }],
    odd: { strings: ODD_STRINGS, numbers: ODD_NUMBERS, empty: [], nothing: {}, nested: [[1, 'a'], []] },
  } as unknown as JsonObject;
}

describe('storedForm', () => {
  it('measures the JSON text exactly', () => {
    const r = resource();
    expect(storedForm(r, false).bytes).toBe(Buffer.byteLength(JSON.stringify(r)));
    for (const value of [...ODD_STRINGS, ...ODD_NUMBERS, ODD_STRINGS, ODD_NUMBERS, null, true, [], {}, { a: undefined, b: 1 }, [undefined]]) {
      expect(jsonByteLength(value as JsonValue)).toBe(Buffer.byteLength(JSON.stringify(value)));
    }
  });

  it('finds the references findReferences finds, with and without extensions', () => {
    for (const withExtensions of [false, true]) {
      expect(storedForm(resource(), withExtensions).references).toEqual(findReferences(resource(), withExtensions));
    }
    expect(storedForm(resource(), true).references.map((r) => r.path)).toEqual(['subject', 'performer', 'performer', 'extension.valueReference']);
  });

  it('leaves the resource equal while two resources come to share their repeated values', () => {
    const copy = (): JsonObject => JSON.parse(JSON.stringify(resource())) as JsonObject;
    const a = copy();
    const b = copy();
    storedForm(a, false);
    storedForm(b, false);
    expect(a).toEqual(copy());
    expect(b).toEqual(copy());
  });
});

describe('storedForm element sharing', () => {
  const make = (): JsonObject => ({
    resourceType: 'Observation',
    subject: { reference: 'Patient/shared-1' },
    code: { coding: [{ system: 'urn:test', code: 'shared-c' }, { system: 'urn:test', code: 'shared-c' }] },
  });
  const codings = (r: JsonObject): unknown[] => (r['code'] as { coding: unknown[] }).coding;

  it('shares equal elements between resources but never holds one element twice in a resource', () => {
    const a = make();
    const b = make();
    storedForm(a, false);
    storedForm(b, false);
    expect(b['subject']).toBe(a['subject']);
    expect(codings(b)[0]).toBe(codings(a)[0]);
    expect(codings(a)[1]).not.toBe(codings(a)[0]);
    expect(codings(b)[1]).not.toBe(codings(b)[0]);
    expect(b).toEqual(make());
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
