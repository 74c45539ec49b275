import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createStore, startFhir, type FhirApi } from './fhir-helpers.js';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

/** The fixture: names → resources; every expectation below was worked out by hand from it. */
const fixture: Record<string, Record<string, unknown>> = {
  pr1: { resourceType: 'Practitioner', name: [{ family: 'Who', given: ['Doctor'] }] },
  org1: { resourceType: 'Organization', name: 'Acme Health', alias: ['ACME'] },
  p1: {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:mrn', value: 'MRN1' }],
    active: true,
    name: [{ use: 'official', family: 'Müller', given: ['Anna'] }],
    gender: 'female',
    birthDate: '1980-05-01',
    address: [{ line: ['Unter den Linden 1'], city: 'Berlin', state: 'BE', postalCode: '10115', country: 'DE' }],
    telecom: [
      { system: 'phone', value: '555-0100' },
      { system: 'email', value: 'anna@example.org' },
    ],
    generalPractitioner: [{ reference: 'urn:uuid:pr1' }],
    managingOrganization: { reference: 'urn:uuid:org1' },
  },
  p2: {
    resourceType: 'Patient',
    identifier: [
      { system: 'urn:mrn', value: 'MRN2' },
      { system: 'urn:other', value: 'X,Y' },
    ],
    active: false,
    name: [{ family: 'Mullins', given: ['Bob'] }],
    gender: 'male',
    birthDate: '1980-11-20',
    address: [{ city: 'Boston', country: 'US' }],
    telecom: [{ system: 'phone', value: '555-0200' }],
    deceasedDateTime: '2020-02-02',
  },
  p3: {
    resourceType: 'Patient',
    identifier: [{ value: 'NOSYS' }],
    name: [{ family: 'Smith', given: ['Ängela'] }],
    gender: 'female',
    birthDate: '1975-03-10',
    address: [{ city: 'BERLIN' }],
    deceasedBoolean: false,
  },
  p4: { resourceType: 'Patient', name: [{ family: 'García', given: ['José'] }], gender: 'male', birthDate: '1990' },
  e1: {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: 'urn:uuid:p1' },
    period: { start: '2021-03-05T09:00:00Z', end: '2021-03-05T11:00:00Z' },
    participant: [{ individual: { reference: 'urn:uuid:pr1' } }],
    serviceProvider: { reference: 'urn:uuid:org1' },
  },
  o1: {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: 'urn:uuid:p1' },
    encounter: { reference: 'urn:uuid:e1' },
    effectiveDateTime: '2021-03-05T10:00:00Z',
    valueQuantity: { value: 72, unit: 'beats/min', system: UCUM, code: '/min' },
  },
  o2: {
    resourceType: 'Observation',
    status: 'preliminary',
    code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }], text: 'Weight' },
    subject: { reference: 'urn:uuid:p1' },
    effectiveDateTime: '2021-04-01',
    valueQuantity: { value: 5.4, unit: 'kg', system: UCUM, code: 'kg' },
  },
  o3: {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: 'urn:uuid:p2' },
    effectivePeriod: { start: '2021-03-01', end: '2021-03-31' },
    valueQuantity: { value: 90, unit: 'beats/min', system: UCUM, code: '/min' },
  },
  o4: {
    resourceType: 'Observation',
    status: 'amended',
    code: { coding: [{ system: 'http://snomed.info/sct', code: '8867-4' }] },
    subject: { reference: 'urn:uuid:p3' },
    effectiveDateTime: '2022',
    valueQuantity: { value: 100, unit: 'kg', system: UCUM, code: 'kg' },
  },
  c1: {
    resourceType: 'Condition',
    subject: { reference: 'urn:uuid:p1' },
    code: { text: 'Hypertension' },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    onsetDateTime: '2019-06-01',
  },
};

let emulator: RunningEmulator;
let api: FhirApi;
/** fixture name → server id, and back. */
const id: Record<string, string> = {};
const nameOf = new Map<string, string>();

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
  const names = Object.keys(fixture);
  const stored = await api.load(names.map((name) => ({ fullUrl: `urn:uuid:${name}`, resource: fixture[name] as Record<string, unknown> })));
  stored.forEach((resource, i) => {
    id[names[i] as string] = resource.id;
    nameOf.set(resource.id, names[i] as string);
  });
});

afterAll(async () => emulator.close());

/** The fixture names a search matches, in result order. */
async function names(query: string, headers?: Record<string, string>): Promise<string[]> {
  const res = await api.get(query, headers);
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`);
  return (res.body.entry ?? []).filter((e: any) => e.search.mode === 'match').map((e: any) => nameOf.get(e.resource.id));
}

/** The fixture names a search matches, as a sorted set. */
async function matches(query: string): Promise<string[]> {
  return (await names(query)).sort();
}

describe('string parameters', () => {
  it('match case- and accent-insensitively by prefix', async () => {
    expect(await matches('Patient?name=mul')).toEqual(['p1', 'p2']);
    expect(await matches('Patient?family=MÜLLER')).toEqual(['p1']);
    expect(await matches('Patient?family=muller')).toEqual(['p1']);
    expect(await matches('Patient?given=ange')).toEqual(['p3']);
    expect(await matches('Patient?name=jose')).toEqual(['p4']);
    expect(await matches('Patient?family=ller')).toEqual([]);
  });

  it('support :exact and :contains', async () => {
    expect(await matches('Patient?family:exact=Müller')).toEqual(['p1']);
    expect(await matches('Patient?family:exact=müller')).toEqual([]);
    expect(await matches('Patient?family:contains=LL')).toEqual(['p1', 'p2']);
    expect(await matches('Patient?name:contains=gel')).toEqual(['p3']);
  });

  it('search addresses by part and as a whole', async () => {
    expect(await matches('Patient?address-city=berlin')).toEqual(['p1', 'p3']);
    expect(await matches('Patient?address-state=be')).toEqual(['p1']);
    expect(await matches('Patient?address-postalcode=101')).toEqual(['p1']);
    expect(await matches('Patient?address-country=us')).toEqual(['p2']);
    expect(await matches('Patient?address=unter')).toEqual(['p1']);
    expect(await matches('Patient?address=boston')).toEqual(['p2']);
  });

  it('cover Practitioner and Organization names (with alias)', async () => {
    expect(await matches('Practitioner?name=doc')).toEqual(['pr1']);
    expect(await matches('Organization?name=acme')).toEqual(['org1']);
    expect(await matches('Organization?name:exact=ACME')).toEqual(['org1']);
  });
});

describe('token parameters', () => {
  it('match code, system|code, |code and system|', async () => {
    expect(await matches('Patient?gender=female')).toEqual(['p1', 'p3']);
    expect(await matches('Patient?identifier=urn:mrn|MRN1')).toEqual(['p1']);
    expect(await matches('Patient?identifier=MRN2')).toEqual(['p2']);
    expect(await matches('Patient?identifier=urn:mrn|')).toEqual(['p1', 'p2']);
    expect(await matches('Patient?identifier=|NOSYS')).toEqual(['p3']);
    expect(await matches('Patient?identifier=|MRN1')).toEqual([]);
    expect(await matches(`Observation?code=${LOINC}|8867-4`)).toEqual(['o1', 'o3']);
    expect(await matches('Observation?code=8867-4')).toEqual(['o1', 'o3', 'o4']);
  });

  it('read escaped commas and pipes as literal characters', async () => {
    expect(await matches('Patient?identifier=urn:other|X\\,Y')).toEqual(['p2']);
    expect(await matches('Patient?identifier=X\\,Y')).toEqual(['p2']);
  });

  it('support :not (including resources without a value) and :text', async () => {
    expect(await matches('Patient?gender:not=female')).toEqual(['p2', 'p4']);
    expect(await matches('Patient?active:not=true')).toEqual(['p2', 'p3', 'p4']);
    expect(await matches('Observation?code:text=heart')).toEqual(['o1', 'o3']);
    expect(await matches('Observation?code:text=WEIGHT')).toEqual(['o2']);
    expect(await matches('Condition?code:text=hyper')).toEqual(['c1']);
  });

  it('index booleans, telecom and computed values', async () => {
    expect(await matches('Patient?active=true')).toEqual(['p1']);
    expect(await matches('Patient?active=false')).toEqual(['p2']);
    expect(await matches('Patient?phone=555-0100')).toEqual(['p1']);
    expect(await matches('Patient?email=anna@example.org')).toEqual(['p1']);
    expect(await matches('Patient?email=555-0100')).toEqual([]);
    expect(await matches('Patient?telecom=555-0200')).toEqual(['p2']);
    expect(await matches('Patient?deceased=true')).toEqual(['p2']);
    expect(await matches('Patient?deceased=false')).toEqual(['p1', 'p3', 'p4']);
    expect(await matches('Encounter?class=AMB')).toEqual(['e1']);
    expect(await matches('Observation?category=vital-signs')).toEqual(['o1']);
    expect(await matches('Condition?clinical-status=active')).toEqual(['c1']);
  });

  it('find resources by _id, one or several', async () => {
    expect(await matches(`Patient?_id=${id['p1']}`)).toEqual(['p1']);
    expect(await matches(`Patient?_id=${id['p1']},${id['p3']},nope`)).toEqual(['p1', 'p3']);
    expect(await matches(`Patient?_id=${id['o1']}`)).toEqual([]);
  });
});

describe('date parameters', () => {
  it('treat a value as the range of its precision', async () => {
    expect(await matches('Patient?birthdate=1980')).toEqual(['p1', 'p2']);
    expect(await matches('Patient?birthdate=1980-05')).toEqual(['p1']);
    expect(await matches('Patient?birthdate=1980-05-01')).toEqual(['p1']);
    // p4 was born "1990": that year is not contained in June 1990.
    expect(await matches('Patient?birthdate=1990-06')).toEqual([]);
    expect(await matches('Patient?birthdate=1990')).toEqual(['p4']);
  });

  it('apply every prefix to ranges', async () => {
    expect(await matches('Patient?birthdate=eq1980')).toEqual(['p1', 'p2']);
    expect(await matches('Patient?birthdate=ne1980')).toEqual(['p3', 'p4']);
    expect(await matches('Patient?birthdate=gt1980-12-31')).toEqual(['p4']);
    expect(await matches('Patient?birthdate=ge1980-06-01')).toEqual(['p2', 'p4']);
    expect(await matches('Patient?birthdate=lt1980')).toEqual(['p3']);
    expect(await matches('Patient?birthdate=le1980-05-01')).toEqual(['p1', 'p3']);
    expect(await matches('Patient?birthdate=sa1980')).toEqual(['p4']);
    expect(await matches('Patient?birthdate=eb1980')).toEqual(['p3']);
    // The 1990 range reaches beyond the end of June 1990.
    expect(await matches('Patient?birthdate=ge1990-06')).toEqual(['p4']);
  });

  it('compare Periods, dateTimes and instants', async () => {
    expect(await matches('Observation?date=2021-03')).toEqual(['o1', 'o3']);
    expect(await matches('Observation?date=2021-03-15')).toEqual([]);
    expect(await matches('Observation?date=ge2021-03-15')).toEqual(['o2', 'o3', 'o4']);
    expect(await matches('Observation?date=lt2021-03-02')).toEqual(['o3']);
    expect(await matches('Observation?date=2021-03-05T10:00')).toEqual(['o1']);
    expect(await matches('Observation?date=2021-03-05T12:00:00%2B02:00')).toEqual(['o1']);
    expect(await matches('Encounter?date=2021-03-05')).toEqual(['e1']);
    expect(await matches('Condition?onset-date=le2019-12-31')).toEqual(['c1']);
    expect(await matches('Patient?death-date=2020')).toEqual(['p2']);
    expect(await matches('Patient?_lastUpdated=gt2000-01-01')).toHaveLength(4);
    expect(await matches('Patient?_lastUpdated=lt2000-01-01')).toEqual([]);
  });

  it('rejects malformed dates and unsupported prefixes with 400', async () => {
    for (const query of ['Patient?birthdate=1980-13', 'Patient?birthdate=ap1980', 'Patient?birthdate=yesterday']) {
      const res = await api.get(query);
      expect(res.status).toBe(400);
      expect(res.body.issue[0].details.text).toBe('invalid_query');
    }
  });
});

describe('quantity parameters', () => {
  it('compare values with prefixes and implicit precision', async () => {
    expect(await matches('Observation?value-quantity=72')).toEqual(['o1']);
    expect(await matches('Observation?value-quantity=5.4')).toEqual(['o2']);
    // 5 means [4.5, 5.5); 5.0 means [4.95, 5.05).
    expect(await matches('Observation?value-quantity=5')).toEqual(['o2']);
    expect(await matches('Observation?value-quantity=5.0')).toEqual([]);
    expect(await matches('Observation?value-quantity=gt80')).toEqual(['o3', 'o4']);
    expect(await matches('Observation?value-quantity=ge90')).toEqual(['o3', 'o4']);
    expect(await matches('Observation?value-quantity=le72')).toEqual(['o1', 'o2']);
    expect(await matches('Observation?value-quantity=lt72')).toEqual(['o2']);
    expect(await matches('Observation?value-quantity=ne72')).toEqual(['o2', 'o3', 'o4']);
  });

  it('filter by system and code', async () => {
    expect(await matches(`Observation?value-quantity=5.4|${UCUM}|kg`)).toEqual(['o2']);
    expect(await matches('Observation?value-quantity=ge5||kg')).toEqual(['o2', 'o4']);
    expect(await matches(`Observation?value-quantity=gt0|${UCUM}|/min`)).toEqual(['o1', 'o3']);
    expect(await matches('Observation?value-quantity=5.4||g')).toEqual([]);
  });

  it('rejects a malformed number', async () => {
    expect((await api.get('Observation?value-quantity=heavy')).status).toBe(400);
  });
});

describe('reference parameters', () => {
  it('accept Type/id, a bare id, a full URL and a type modifier', async () => {
    expect(await matches(`Observation?subject=Patient/${id['p1']}`)).toEqual(['o1', 'o2']);
    expect(await matches(`Observation?subject=${id['p1']}`)).toEqual(['o1', 'o2']);
    expect(await matches(`Observation?patient=${id['p1']}`)).toEqual(['o1', 'o2']);
    expect(await matches(`Observation?subject:Patient=${id['p1']}`)).toEqual(['o1', 'o2']);
    expect(await matches(`Observation?subject=${encodeURIComponent(`${api.base}/Patient/${id['p1']}`)}`)).toEqual(['o1', 'o2']);
    expect(await matches(`Observation?subject=Group/${id['p1']}`)).toEqual([]);
  });

  it('OR comma-separated references across types', async () => {
    expect(await matches(`Observation?subject=Patient/${id['p1']},Patient/${id['p2']}`)).toEqual(['o1', 'o2', 'o3']);
    expect(await matches(`Encounter?participant=Practitioner/${id['pr1']},Organization/${id['org1']}`)).toEqual(['e1']);
  });

  it('cover the other reference parameters', async () => {
    expect(await matches(`Observation?encounter=${id['e1']}`)).toEqual(['o1']);
    expect(await matches(`Patient?general-practitioner=Practitioner/${id['pr1']}`)).toEqual(['p1']);
    expect(await matches(`Patient?organization=${id['org1']}`)).toEqual(['p1']);
    expect(await matches(`Encounter?service-provider=${id['org1']}`)).toEqual(['e1']);
    expect(await matches(`Condition?patient=${id['p1']}`)).toEqual(['c1']);
  });
});

describe('combining parameters', () => {
  it('ANDs different and repeated parameters, ORs commas', async () => {
    expect(await matches('Observation?code=8867-4&status=final')).toEqual(['o1', 'o3']);
    expect(await matches('Observation?date=ge2021-03-01&date=lt2021-04-01')).toEqual(['o1', 'o3']);
    expect(await matches('Patient?gender=male,female')).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(await matches('Patient?gender=female&address-city=berlin&birthdate=lt1980')).toEqual(['p3']);
    expect(await matches('Patient?gender=female&gender=male')).toEqual([]);
  });

  it(':missing finds resources with and without a value', async () => {
    expect(await matches('Patient?address-city:missing=true')).toEqual(['p4']);
    expect(await matches('Patient?address-city:missing=false')).toEqual(['p1', 'p2', 'p3']);
    expect(await matches('Patient?telecom:missing=true')).toEqual(['p3', 'p4']);
    expect(await matches('Patient?birthdate:missing=true')).toEqual([]);
    expect(await matches('Observation?value-quantity:missing=false&subject:missing=false')).toHaveLength(4);
    expect((await api.get('Patient?gender:missing=maybe')).status).toBe(400);
  });
});

describe('result parameters', () => {
  it('orders newest first by default', async () => {
    expect(await names('Patient')).toEqual(['p4', 'p3', 'p2', 'p1']);
  });

  it('sorts by one or more keys, descending with "-"', async () => {
    expect(await names('Patient?_sort=birthdate')).toEqual(['p3', 'p1', 'p2', 'p4']);
    expect(await names('Patient?_sort=-birthdate')).toEqual(['p4', 'p2', 'p1', 'p3']);
    expect(await names('Patient?_sort=gender,-birthdate')).toEqual(['p1', 'p3', 'p4', 'p2']);
    expect(await names('Patient?_sort=family')).toEqual(['p4', 'p1', 'p2', 'p3']);
    expect(await names('Observation?_sort=-value-quantity')).toEqual(['o4', 'o3', 'o1', 'o2']);
    expect(await names('Observation?_sort=status,date')).toEqual(['o4', 'o3', 'o1', 'o2']);
    expect(await names(`Patient?_sort=_id&_id=${id['p1']},${id['p2']}`)).toEqual(
      [id['p1'] as string, id['p2'] as string].sort().map((v) => nameOf.get(v)),
    );
  });

  it('_elements keeps the named elements plus id and meta, tagged SUBSETTED', async () => {
    const res = await api.get(`Patient?_id=${id['p1']}&_elements=gender,birthDate`);
    const resource = res.body.entry[0].resource;
    expect(Object.keys(resource).sort()).toEqual(['birthDate', 'gender', 'id', 'meta', 'resourceType']);
    expect(resource.meta.tag).toContainEqual(expect.objectContaining({ code: 'SUBSETTED' }));
    expect(resource.meta.versionId).toEqual(expect.any(String));
  });

  it('_summary=count returns the total only; text and data trim the resource', async () => {
    const count = await api.get('Patient?gender=female&_summary=count');
    expect(count.body.total).toBe(2);
    expect(count.body.entry).toBeUndefined();
    const withText = { ...fixture['p4'], text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">G</div>' } };
    await api.request('PUT', `Patient/${id['p4']}`, { ...withText, id: id['p4'] });
    const text = (await api.get(`Patient?_id=${id['p4']}&_summary=text`)).body.entry[0].resource;
    expect(Object.keys(text).sort()).toEqual(['id', 'meta', 'resourceType', 'text']);
    const data = (await api.get(`Patient?_id=${id['p4']}&_summary=data`)).body.entry[0].resource;
    expect(data.text).toBeUndefined();
    expect(data.name).toEqual(fixture['p4']?.['name']);
    expect((await api.get('Patient?_summary=true')).status).toBe(400);
  });

  it('_include adds the referenced resources once, in include mode', async () => {
    const res = await api.get(`Observation?_id=${id['o1']},${id['o2']}&_include=Observation:subject`);
    const entries = res.body.entry.map((e: any) => [nameOf.get(e.resource.id), e.search.mode]);
    expect(entries).toEqual([
      ['o2', 'match'],
      ['o1', 'match'],
      ['p1', 'include'],
    ]);
    expect(res.body.total).toBe(2);
    const encounter = await api.get(`Observation?_id=${id['o1']}&_include=Observation:encounter`);
    expect(encounter.body.entry.map((e: any) => nameOf.get(e.resource.id))).toEqual(['o1', 'e1']);
    const all = await api.get(`Encounter?_id=${id['e1']}&_include=*`);
    expect(all.body.entry.map((e: any) => nameOf.get(e.resource.id)).sort()).toEqual(['e1', 'org1', 'p1', 'pr1']);
    const typed = await api.get(`Encounter?_id=${id['e1']}&_include=Encounter:participant:Organization`);
    expect(typed.body.entry.map((e: any) => nameOf.get(e.resource.id))).toEqual(['e1']);
  });

  it('_revinclude adds the resources that reference the matches', async () => {
    const res = await api.get(`Patient?_id=${id['p1']}&_revinclude=Observation:subject&_revinclude=Condition:patient`);
    const included = res.body.entry.filter((e: any) => e.search.mode === 'include').map((e: any) => nameOf.get(e.resource.id));
    expect(included.sort()).toEqual(['c1', 'o1', 'o2']);
    expect(res.body.entry[0].search.mode).toBe('match');
  });

  it('builds entries and links like Google', async () => {
    const res = await api.get('Patient?gender=female&_count=1');
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    const relations = res.body.link.map((l: any) => l.relation);
    expect(relations).toEqual(['search', 'self', 'next']);
    expect(res.body.link[0].url).toBe(`${api.base}/Patient/?gender=female&_count=1`);
    const entry = res.body.entry[0];
    expect(entry.fullUrl).toBe(`${api.base}/Patient/${entry.resource.id}`);
  });
});

describe('handling of unknown parameters', () => {
  it('ignores them by default and leaves them out of the self link', async () => {
    const res = await api.get('Patient?foo=bar&gender=female');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.link.find((l: any) => l.relation === 'self').url).toBe(`${api.base}/Patient/?gender=female`);
    expect(await matches('Patient?gender:exact=female')).toHaveLength(4);
  });

  it('rejects them with Prefer: handling=strict, naming the parameter', async () => {
    const cases: [string, string][] = [
      ['Patient?foo=bar', 'foo'],
      ['Patient?gender:exact=female', 'gender:exact'],
      ['Patient?_sort=nonsense', 'nonsense'],
      ['Patient?_include=Patient:name', 'Patient:name'],
    ];
    for (const [query, named] of cases) {
      const res = await api.get(query, { prefer: 'handling=strict' });
      expect(res.status).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue[0].code).toBe('not-supported');
      expect(res.body.issue[0].diagnostics).toContain(named);
    }
    expect((await api.get('Patient?gender=female', { prefer: 'handling=strict' })).body.total).toBe(2);
  });

  it('follows the store default, which the Prefer header overrides', async () => {
    const strict = await createStore(emulator, 'strict', { defaultSearchHandlingStrict: true });
    const res = await strict.get('Patient?foo=bar');
    expect(res.status).toBe(400);
    expect(res.body.issue[0].diagnostics).toContain('foo');
    expect((await strict.get('Patient?foo=bar', { prefer: 'handling=lenient' })).status).toBe(200);
  });
});

describe('search requests', () => {
  it('accept POST _search with the parameters in the query string', async () => {
    const res = await api.request('POST', 'Patient/_search?_sort=birthdate&gender=female&address-city=berlin');
    expect(res.status).toBe(200);
    expect(res.body.entry.map((e: any) => nameOf.get(e.resource.id))).toEqual(['p3', 'p1']);
  });

  it('refuse POST _search with a form-encoded body, as Google does', async () => {
    const res = await api.request('POST', 'Patient/_search?_sort=birthdate', 'gender=female&address-city=berlin', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(400);
    expect(res.body.issue[0]).toMatchObject({ code: 'not-supported', details: { text: 'not_supported' } });
    expect(res.body.issue[0].diagnostics).toContain('query string');
  });

  it('reject unknown resource types and bad _count values', async () => {
    const res = await api.get('Patiens?name=x');
    expect(res.status).toBe(400);
    expect(res.body.issue[0]).toMatchObject({ code: 'not-supported', details: { text: 'bad_resource_type' } });
    expect((await api.get('Patient?_count=-1')).status).toBe(400);
    expect((await api.get('Patient?_count=ten')).status).toBe(400);
  });
});
