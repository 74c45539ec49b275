/**
 * The emulator's write-time FHIR search indexes (`src/emulator/fhir/indexes.ts`), driven through a
 * hand-written `IndexContext`: writes remove the old version's entries and add the new one's, as
 * `FhirStore` does, and every search value is answered both from the index (`ids`) and resource by
 * resource (`test`), which must agree.
 */

import { describe, expect, it } from '@jest/globals';
import { isReferenceIndex, TypeIndexes, type IndexContext, type ParamIndex } from '../../src/emulator/fhir/indexes.js';
import { FhirError } from '../../src/emulator/fhir/outcome.js';
import type { JsonObject } from '../../src/emulator/json.js';

const STORE = 'projects/p/locations/l/datasets/d/fhirStores/s';

/** The resources of one type, indexed the way the store indexes them. */
class Resources implements IndexContext {
  readonly storeName = STORE;
  readonly indexes: TypeIndexes;
  private readonly current = new Map<string, { slot: number; resource: JsonObject }>();
  /** The id each slot was given to, while that version is current. */
  private readonly slots: (string | undefined)[] = [];

  constructor(readonly type: string) {
    this.indexes = new TypeIndexes(type, this);
  }

  slotOf(id: string): number | undefined {
    return this.current.get(id)?.slot;
  }

  idAt(slot: number): string | undefined {
    return this.slots[slot];
  }

  ids(): Iterable<string> {
    return this.current.keys();
  }

  /** Creates or replaces a resource (the id is the resource's own). */
  put(resource: JsonObject): this {
    const id = resource['id'] as string;
    this.delete(id);
    const slot = this.slots.length;
    this.slots.push(id);
    this.current.set(id, { slot, resource });
    this.indexes.add(slot, resource);
    return this;
  }

  delete(id: string): this {
    const old = this.current.get(id);
    if (old !== undefined) {
      this.indexes.remove(old.slot, old.resource);
      this.current.delete(id);
      this.slots[old.slot] = undefined;
    }
    return this;
  }

  index(param: string): ParamIndex {
    const index = this.indexes.byName.get(param);
    if (index === undefined) throw new Error(`no index ${this.type}.${param}`);
    return index;
  }

  /** Ids matching one search value, read from the index; checked against resource-by-resource tests. */
  search(param: string, value: string, modifier?: string): string[] {
    const matcher = this.index(param).matcher(modifier, value);
    const fromIndex = [...matcher.ids()].sort();
    const tested = [...this.current].filter(([, r]) => matcher.test(r.resource)).map(([id]) => id).sort();
    expect(tested).toEqual(fromIndex);
    return fromIndex;
  }

  present(param: string): string[] {
    return [...this.index(param).present()].sort();
  }
}

function patients(): Resources {
  return new Resources('Patient')
    .put({
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'urn:mrn', value: 'MRN-1', type: { text: 'Medical record number' } }],
      name: [{ use: 'official', family: 'Müller', given: ['Anna', 'Maria'] }],
      gender: 'female',
      birthDate: '1980-03-05',
      address: [{ use: 'home', city: 'Boston', line: ['1 Main St'] }],
      telecom: [{ system: 'phone', value: '555-0100' }, { system: 'email', value: 'anna@example.org' }],
      active: true,
      generalPractitioner: [{ reference: 'Practitioner/dr1' }, { reference: 'Patient/p9' }],
      managingOrganization: { reference: `https://healthcare.googleapis.com/v1/${STORE}/fhir/Organization/org1` },
    })
    .put({
      resourceType: 'Patient',
      id: 'p2',
      identifier: [{ value: 'MRN-1' }, { system: 'urn:other', value: 'X,1' }],
      name: [{ family: 'Muller', given: ['Bob'] }],
      gender: 'male',
      birthDate: '1980',
      active: false,
      managingOrganization: { reference: 'Organization/org2' },
    })
    .put({
      resourceType: 'Patient',
      id: 'p3',
      name: [{ family: 'Smith, Jr.', given: ['Carol'] }],
      birthDate: '1991-07-14',
      generalPractitioner: [{ reference: 'PractitionerRole/dr1' }],
    });
}

function observations(): Resources {
  const quantity = (value: number, code: string) => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });
  return new Resources('Observation')
    .put({
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      code: {
        coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
        text: 'Blood pressure',
      },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2020-01-01T10:00:00Z',
      valueQuantity: quantity(5.4, 'mg'),
    })
    .put({
      resourceType: 'Observation',
      id: 'o2',
      status: 'preliminary',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '8480-6' }] },
      subject: { reference: 'Patient/p1/_history/3' },
      effectivePeriod: { start: '2020-01-01', end: '2020-01-31' },
      valueQuantity: { value: 5.46, unit: 'mg' },
    })
    .put({
      resourceType: 'Observation',
      id: 'o3',
      code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
      subject: { reference: 'https://other.example/fhir/Patient/x' },
      effectivePeriod: { start: '2021-06-01' },
      valueQuantity: quantity(120, 'mm[Hg]'),
    });
}

function expectInvalidQuery(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FhirError);
  expect((thrown as FhirError).httpStatus).toBe(400);
  expect((thrown as FhirError).detailsCode).toBe('invalid_query');
}

describe('TypeIndexes', () => {
  it('has one index per search parameter of the type, common parameters included', () => {
    const names = [...new Resources('Observation').indexes.byName.keys()];
    expect(names.slice(0, 5)).toEqual(['_id', '_lastUpdated', '_tag', '_security', 'identifier']);
    expect(names).toEqual(expect.arrayContaining(['subject', 'patient', 'code', 'date', 'value-quantity']));
    expect([...new Resources('Basic').indexes.byName.keys()]).toEqual(['_id', '_lastUpdated', '_tag', '_security', 'identifier']);
  });
});

describe('string index', () => {
  it('matches normalized prefixes: case and accents aside', () => {
    const r = patients();
    expect(r.search('family', 'mul')).toEqual(['p1', 'p2']);
    expect(r.search('family', 'MÜLLER')).toEqual(['p1', 'p2']);
    expect(r.search('family', 'ller')).toEqual([]);
    expect(r.search('given', 'c')).toEqual(['p3']);
  });

  it('indexes the text fields of HumanName and Address but not their coded fields', () => {
    const r = patients();
    expect(r.search('name', 'maria')).toEqual(['p1']);
    expect(r.search('name', 'smith')).toEqual(['p3']);
    expect(r.search('name', 'official')).toEqual([]);
    expect(r.search('address', '1 main')).toEqual(['p1']);
    expect(r.search('address', 'home')).toEqual([]);
    expect(r.search('address-city', 'bos')).toEqual(['p1']);
  });

  it('matches :exact on the raw value only, with search escapes removed', () => {
    const r = patients();
    expect(r.search('family', 'Müller', 'exact')).toEqual(['p1']);
    expect(r.search('family', 'müller', 'exact')).toEqual([]);
    expect(r.search('family', 'Smith\\, Jr.', 'exact')).toEqual(['p3']);
    expect(r.index('family').matcher('exact', 'Müller').direct).toBe(true);
  });

  it('matches :contains anywhere in the normalized value', () => {
    const r = patients();
    expect(r.search('family', 'LL', 'contains')).toEqual(['p1', 'p2']);
    expect(r.search('family', 'jr', 'contains')).toEqual(['p3']);
    expect(r.search('family', '', 'contains')).toEqual(['p1', 'p2', 'p3']);
  });

  it('accepts :exact and :contains and no other modifier', () => {
    const index = patients().index('family');
    expect(['exact', 'contains', 'text', 'not', 'missing'].map((m) => index.accepts(m))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('forgets the old value on update and the resource on delete', () => {
    const r = patients();
    r.put({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Schmidt' }] });
    expect(r.search('family', 'mul')).toEqual(['p2']);
    expect(r.search('family', 'Müller', 'exact')).toEqual([]);
    expect(r.search('family', 'sch')).toEqual(['p1']);
    r.delete('p2');
    expect(r.search('family', 'mul')).toEqual([]);
    expect(r.search('family', 'mu', 'contains')).toEqual([]);
    r.put({ resourceType: 'Patient', id: 'p4', name: [{ family: 'Müller' }] });
    expect(r.search('family', 'mul')).toEqual(['p4']);
    expect(r.present('family')).toEqual(['p1', 'p3', 'p4']);
  });

  it('sorts by the first value, normalized', () => {
    const r = patients();
    const sortKey = r.index('family').sortKey;
    expect(sortKey?.({ resourceType: 'Patient', name: [{ family: 'Élodie' }, { family: 'Zed' }] })).toBe('elodie');
    expect(sortKey?.({ resourceType: 'Patient' })).toBeUndefined();
  });
});

describe('token index', () => {
  it('matches a code in any system, system|code, |code and system|', () => {
    const r = patients();
    expect(r.search('identifier', 'MRN-1')).toEqual(['p1', 'p2']);
    expect(r.search('identifier', 'urn:mrn|MRN-1')).toEqual(['p1']);
    expect(r.search('identifier', '|MRN-1')).toEqual(['p2']);
    expect(r.search('identifier', 'urn:mrn|')).toEqual(['p1']);
    expect(r.search('identifier', 'urn:nowhere|')).toEqual([]);
    expect(r.search('identifier', 'urn:other|X\\,1')).toEqual(['p2']);
  });

  it('answers a code from one map lookup and a whole system from its codes', () => {
    const index = patients().index('identifier');
    expect(index.matcher(undefined, 'MRN-1').direct).toBe(true);
    expect(index.matcher(undefined, 'urn:mrn|MRN-1').direct).toBe(true);
    expect(index.matcher(undefined, 'urn:mrn|').direct).toBe(false);
  });

  it('reads codes, booleans, contact points and Codings', () => {
    const r = patients();
    expect(r.search('gender', 'female')).toEqual(['p1']);
    expect(r.search('gender', '|male')).toEqual(['p2']);
    expect(r.search('active', 'false')).toEqual(['p2']);
    expect(r.search('phone', '555-0100')).toEqual(['p1']);
    expect(r.search('phone', 'anna@example.org')).toEqual([]);
    expect(r.search('telecom', 'anna@example.org')).toEqual(['p1']);
    const o = observations();
    expect(o.search('code', '8480-6')).toEqual(['o1', 'o2']);
    expect(o.search('code', 'http://loinc.org|8480-6')).toEqual(['o1']);
    expect(o.search('code', 'http://loinc.org|')).toEqual(['o1', 'o3']);
  });

  it('matches :text on displays, CodeableConcept texts and identifier type texts by prefix', () => {
    const o = observations();
    expect(o.search('code', 'blood', 'text')).toEqual(['o1']);
    expect(o.search('code', 'SYSTOLIC', 'text')).toEqual(['o1']);
    expect(o.search('code', 'pressure', 'text')).toEqual([]);
    expect(patients().search('identifier', 'medical rec', 'text')).toEqual(['p1']);
  });

  it('accepts :text and :not, and refuses an empty value', () => {
    const index = patients().index('gender');
    expect(['text', 'not', 'exact', 'contains'].map((m) => index.accepts(m))).toEqual([true, true, false, false]);
    expectInvalidQuery(() => index.matcher(undefined, ''));
    expectInvalidQuery(() => index.matcher(undefined, '|'));
  });

  it('forgets codes, systems and texts of the replaced version', () => {
    const o = observations();
    o.put({ resourceType: 'Observation', id: 'o1', code: { coding: [{ system: 'http://loinc.org', code: '1-1' }] } });
    expect(o.search('code', '8480-6')).toEqual(['o2']);
    expect(o.search('code', 'http://loinc.org|8480-6')).toEqual([]);
    expect(o.search('code', 'http://loinc.org|')).toEqual(['o1', 'o3']);
    expect(o.search('code', 'blood', 'text')).toEqual([]);
    o.delete('o3');
    expect(o.search('code', 'http://loinc.org|')).toEqual(['o1']);
    expect(o.search('status', 'final')).toEqual([]);
    expect(o.present('status')).toEqual(['o2']);
    expect(o.present('code')).toEqual(['o1', 'o2']);
  });

  it('sorts by the first code', () => {
    const sortKey = observations().index('code').sortKey;
    expect(sortKey?.({ resourceType: 'Observation', code: { text: 'x', coding: [{ code: 'b' }, { code: 'a' }] } })).toBe('b');
  });
});

describe('reference index', () => {
  it('finds a local target by Type/id, by bare id and under a type modifier', () => {
    const r = patients();
    expect(r.search('general-practitioner', 'Practitioner/dr1')).toEqual(['p1']);
    expect(r.search('general-practitioner', 'dr1')).toEqual(['p1', 'p3']);
    expect(r.search('general-practitioner', 'dr1', 'PractitionerRole')).toEqual(['p3']);
    expect(r.index('general-practitioner').matcher(undefined, 'dr1').direct).toBe(true);
  });

  it('reads a bare id as the only target type when the parameter has one', () => {
    const r = patients();
    expect(r.search('organization', 'org2')).toEqual(['p2']);
    expect(r.search('organization', 'Organization/org2')).toEqual(['p2']);
  });

  it('resolves absolute references into the store as local ones', () => {
    const r = patients();
    expect(r.search('organization', 'org1')).toEqual(['p1']);
    expect(r.search('organization', `https://healthcare.googleapis.com/v1/${STORE}/fhir/Organization/org1`)).toEqual([
      'p1',
    ]);
  });

  it('indexes only the parameter\'s target types, and external URLs only where any type may be the target', () => {
    const r = patients();
    expect(r.search('general-practitioner', 'Patient/p9')).toEqual([]);
    expect(r.present('general-practitioner')).toEqual(['p1', 'p3']);
    const o = observations();
    expect(o.search('subject', 'https://other.example/fhir/Patient/x')).toEqual(['o3']);
    expect(o.search('patient', 'x')).toEqual([]);
  });

  it('indexes a versioned reference under its resource', () => {
    const o = observations();
    expect(o.search('subject', 'Patient/p1')).toEqual(['o1', 'o2']);
    expect(o.search('patient', 'p1')).toEqual(['o1', 'o2']);
  });

  it('accepts the target types of the parameter as modifiers, and refuses an empty value', () => {
    const index = patients().index('organization');
    expect(['Organization', 'Practitioner', 'NotAType', 'exact'].map((m) => index.accepts(m))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(observations().index('subject').accepts('Group')).toBe(true);
    expectInvalidQuery(() => index.matcher(undefined, ''));
  });

  it('lists a resource\'s local targets for _include', () => {
    const o = observations();
    const index = o.index('subject');
    expect(isReferenceIndex(index)).toBe(true);
    expect(isReferenceIndex(o.index('code'))).toBe(false);
    if (!isReferenceIndex(index)) return;
    expect(index.targetsOf({ resourceType: 'Observation', subject: { reference: 'Patient/p1/_history/2' } })).toEqual([
      'Patient/p1',
    ]);
    expect(index.targetsOf({ resourceType: 'Observation', subject: { reference: 'https://x.example/Patient/1' } })).toEqual([]);
  });

  it('moves a resource to its new target on update and drops it on delete', () => {
    const o = observations();
    o.put({ resourceType: 'Observation', id: 'o1', subject: { reference: 'Patient/p2' } });
    expect(o.search('subject', 'Patient/p1')).toEqual(['o2']);
    expect(o.search('subject', 'Patient/p2')).toEqual(['o1']);
    o.delete('o2');
    expect(o.search('patient', 'p1')).toEqual([]);
    expect(o.present('subject')).toEqual(['o1', 'o3']);
  });
});

describe('date index', () => {
  it('matches each prefix as FHIR compares ranges at their precision', () => {
    const r = patients(); // born 1980-03-05, 1980 (the whole year), 1991-07-14
    expect(r.search('birthdate', '1980')).toEqual(['p1', 'p2']);
    expect(r.search('birthdate', 'eq1980-03')).toEqual(['p1']);
    expect(r.search('birthdate', 'ne1980')).toEqual(['p3']);
    expect(r.search('birthdate', 'gt1980-03-05')).toEqual(['p2', 'p3']);
    expect(r.search('birthdate', 'lt1980-03-05')).toEqual(['p2']);
    expect(r.search('birthdate', 'ge1980-03-05')).toEqual(['p1', 'p2', 'p3']);
    expect(r.search('birthdate', 'le1980-03-05')).toEqual(['p1', 'p2']);
    expect(r.search('birthdate', 'sa1980')).toEqual(['p3']);
    expect(r.search('birthdate', 'eb1991')).toEqual(['p1', 'p2']);
    expect(r.search('birthdate', 'eb1991-07-14')).toEqual(['p1', 'p2']);
  });

  it('reads dateTimes with time zones and Periods with an open end', () => {
    const o = observations(); // 2020-01-01T10:00Z, January 2020, from 2021-06-01 on
    expect(o.search('date', '2020-01-01T11:00:00+01:00')).toEqual(['o1']);
    expect(o.search('date', '2020-01')).toEqual(['o1', 'o2']);
    expect(o.search('date', 'gt2030')).toEqual(['o3']);
    expect(o.search('date', 'lt2021')).toEqual(['o1', 'o2']);
    expect(o.search('date', 'sa2020-01-31')).toEqual(['o3']);
  });

  it('refuses unknown prefixes and malformed dates', () => {
    const index = patients().index('birthdate');
    for (const value of ['ap2020', 'xx', '2020-13', '2021-02-29', '2020-01-01T24:00']) {
      expectInvalidQuery(() => index.matcher(undefined, value));
    }
    expect(index.accepts('exact')).toBe(false);
  });

  it('stops matching the old range once a resource is rewritten or deleted', () => {
    const r = patients();
    for (const year of ['2001', '2002', '2003']) r.put({ resourceType: 'Patient', id: 'p1', birthDate: year });
    expect(r.search('birthdate', '1980')).toEqual(['p2']);
    expect(r.search('birthdate', 'ge2001')).toEqual(['p1']);
    expect(r.search('birthdate', 'lt2003')).toEqual(['p2', 'p3']);
    r.delete('p2');
    expect(r.search('birthdate', 'lt1990')).toEqual([]);
    expect(r.present('birthdate')).toEqual(['p1', 'p3']);
  });

  it('keeps answering exactly across merges of many writes and rewrites', () => {
    const r = new Resources('Patient');
    const year = (i: number) => String(1900 + (i % 100));
    for (let i = 0; i < 3000; i++) r.put({ resourceType: 'Patient', id: `p${i}`, birthDate: year(i) });
    for (let i = 0; i < 3000; i += 2) r.put({ resourceType: 'Patient', id: `p${i}`, birthDate: '2050' });
    for (let i = 1; i < 3000; i += 4) r.delete(`p${i}`);
    // Left: odd ids with i % 4 === 3; ids born 1950 have i % 100 === 50, which is even.
    expect(r.search('birthdate', '1950')).toEqual([]);
    const born1903 = Array.from({ length: 30 }, (_, k) => `p${100 * k + 3}`).sort();
    expect(r.search('birthdate', '1903')).toEqual(born1903);
    expect(r.search('birthdate', '2050')).toHaveLength(1500);
    expect(r.present('birthdate')).toHaveLength(2250);
  });

  it('sorts by the start of the first range', () => {
    const sortKey = patients().index('birthdate').sortKey;
    expect(sortKey?.({ resourceType: 'Patient', birthDate: '1970-01-02' })).toBe(86_400_000);
    expect(sortKey?.({ resourceType: 'Patient' })).toBeUndefined();
  });
});

describe('quantity index', () => {
  it('matches eq and ne within the precision of the search value', () => {
    const o = observations(); // 5.4 mg, 5.46 mg (no system), 120 mm[Hg]
    expect(o.search('value-quantity', '5.4')).toEqual(['o1']);
    expect(o.search('value-quantity', 'eq5')).toEqual(['o1', 'o2']);
    expect(o.search('value-quantity', '5.46')).toEqual(['o2']);
    expect(o.search('value-quantity', 'ne5.4')).toEqual(['o2', 'o3']);
  });

  it('matches the ordering prefixes exactly', () => {
    const o = observations();
    expect(o.search('value-quantity', 'gt5.4')).toEqual(['o2', 'o3']);
    expect(o.search('value-quantity', 'sa5.4')).toEqual(['o2', 'o3']);
    expect(o.search('value-quantity', 'ge5.4')).toEqual(['o1', 'o2', 'o3']);
    expect(o.search('value-quantity', 'lt5.46')).toEqual(['o1']);
    expect(o.search('value-quantity', 'eb120')).toEqual(['o1', 'o2']);
    expect(o.search('value-quantity', 'le5.46')).toEqual(['o1', 'o2']);
  });

  it('matches system and code, or a bare code against code or unit', () => {
    const o = observations();
    expect(o.search('value-quantity', '120|http://unitsofmeasure.org|mm[Hg]')).toEqual(['o3']);
    expect(o.search('value-quantity', 'ge5|http://unitsofmeasure.org|mg')).toEqual(['o1']);
    expect(o.search('value-quantity', 'ge5||mg')).toEqual(['o1', 'o2']);
    expect(o.search('value-quantity', 'ge5||g')).toEqual([]);
  });

  it('refuses malformed values', () => {
    const index = observations().index('value-quantity');
    for (const value of ['abc', 'ap5', '5..4', '']) expectInvalidQuery(() => index.matcher(undefined, value));
  });

  it('stops matching a rewritten or deleted value', () => {
    const o = observations();
    o.put({ resourceType: 'Observation', id: 'o3', valueQuantity: { value: 1 } });
    expect(o.search('value-quantity', 'gt100')).toEqual([]);
    expect(o.search('value-quantity', 'lt2')).toEqual(['o3']);
    o.delete('o1');
    expect(o.search('value-quantity', '5')).toEqual(['o2']);
    expect(o.present('value-quantity')).toEqual(['o2', 'o3']);
    expect(o.index('value-quantity').sortKey?.({ resourceType: 'Observation', valueQuantity: { value: 7 } })).toBe(7);
  });
});

describe('_id index', () => {
  it('answers from the current resources, not from entries of its own', () => {
    const r = patients();
    expect(r.search('_id', 'p2')).toEqual(['p2']);
    expect(r.search('_id', 'nope')).toEqual([]);
    r.delete('p2');
    expect(r.search('_id', 'p2')).toEqual([]);
    expect(r.present('_id')).toEqual(['p1', 'p3']);
    expect(r.index('_id').accepts('not')).toBe(true);
    expect(r.index('_id').sortKey?.({ resourceType: 'Patient', id: 'p7' })).toBe('p7');
  });
});

describe('ParamIndex.hasValue', () => {
  it('tells whether a resource has a value for the parameter, for :missing', () => {
    const r = patients();
    const without: JsonObject = { resourceType: 'Patient', id: 'x' };
    for (const param of ['family', 'gender', 'organization', 'birthdate']) {
      expect(r.index(param).hasValue(without)).toBe(false);
    }
    expect(r.index('family').hasValue({ resourceType: 'Patient', name: [{ family: 'A' }] })).toBe(true);
    expect(r.index('_id').hasValue(without)).toBe(true);
    expect(r.present('gender')).toEqual(['p1', 'p2']);
  });
});
