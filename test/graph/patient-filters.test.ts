/**
 * Every PatientFilter field against the emulator, compared with a reference computed here from the
 * patients the test stored (FHIR semantics: strings match a prefix of any part, case and accents
 * ignored; tokens match exactly; dates by range), never from the emulator's own search.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const STORE = `${DATASET}/fhirStores/filters`;

interface Person {
  id: string;
  family: string;
  given: string;
  gender: string;
  birthDate: string;
  active?: boolean;
  deathDate?: string;
  address: { use: string; line: string; city: string; state: string; postalCode: string; country: string };
  email: string;
  phone: string;
  language: string;
}

const PEOPLE: Person[] = [
  { id: 'p1', family: 'Smith', given: 'Ann', gender: 'female', birthDate: '1950-02-03', active: true, address: { use: 'home', line: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' }, email: 'ann@example.org', phone: '+1-217-555-0101', language: 'en' },
  { id: 'p2', family: 'Smithers', given: 'Bob', gender: 'male', birthDate: '1962-07-11', active: false, deathDate: '2020-05-01', address: { use: 'work', line: '9 Elm Rd', city: 'Springfield', state: 'MA', postalCode: '01101', country: 'US' }, email: 'bob@example.org', phone: '+1-413-555-0102', language: 'es' },
  { id: 'p3', family: 'García', given: 'José', gender: 'male', birthDate: '1975-12-30', active: true, address: { use: 'home', line: '3 Calle Mayor', city: 'Málaga', state: 'AN', postalCode: '29001', country: 'ES' }, email: 'jose@example.es', phone: '+34-952-000-003', language: 'es' },
  { id: 'p4', family: 'Nguyen', given: 'Linh', gender: 'female', birthDate: '1988-04-19', address: { use: 'temp', line: '77 Lotus Ave', city: 'Houston', state: 'TX', postalCode: '77001', country: 'US' }, email: 'linh@example.com', phone: '+1-713-555-0104', language: 'vi' },
  { id: 'p5', family: 'Müller', given: 'Jörg', gender: 'male', birthDate: '1940-09-09', active: true, deathDate: '2023-11-20', address: { use: 'old', line: 'Hauptstr. 5', city: 'München', state: 'BY', postalCode: '80331', country: 'DE' }, email: 'joerg@example.de', phone: '+49-89-000005', language: 'de' },
  { id: 'p6', family: 'Okafor', given: 'Chidi', gender: 'other', birthDate: '2001-01-01', active: true, address: { use: 'billing', line: '12 Marina', city: 'Lagos', state: 'LA', postalCode: '101001', country: 'NG' }, email: 'chidi@example.ng', phone: '+234-1-000-006', language: 'en' },
  { id: 'p7', family: 'Silva', given: 'Ana', gender: 'female', birthDate: '1995-06-15', active: true, address: { use: 'home', line: '8 Rua Augusta', city: 'São Paulo', state: 'SP', postalCode: '01305', country: 'BR' }, email: 'ana@example.br', phone: '+55-11-0000-0007', language: 'pt-BR' },
];

const toResource = (person: Person) => ({
  resourceType: 'Patient',
  id: person.id,
  name: [{ family: person.family, given: [person.given] }],
  gender: person.gender,
  birthDate: person.birthDate,
  ...(person.active === undefined ? {} : { active: person.active }),
  ...(person.deathDate === undefined ? {} : { deceasedDateTime: person.deathDate }),
  address: [{ use: person.address.use, line: [person.address.line], city: person.address.city, state: person.address.state, postalCode: person.address.postalCode, country: person.address.country }],
  telecom: [{ system: 'email', value: person.email }, { system: 'phone', value: person.phone }],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: person.language }] } }],
});

/** FHIR string matching: case- and accent-insensitive prefix. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const startsWith = (value: string, prefix: string) => fold(value).startsWith(fold(prefix));
const addressParts = (person: Person) => [person.address.line, person.address.city, person.address.state, person.address.postalCode, person.address.country];

/** Each filter with the patients it must find, computed from PEOPLE. */
const CASES: [string, Record<string, unknown>, (person: Person) => boolean][] = [
  ['active: true', { active: true }, (p) => p.active === true],
  ['active: false', { active: false }, (p) => p.active === false],
  ['deceased: true', { deceased: true }, (p) => p.deathDate !== undefined],
  ['deceased: false', { deceased: false }, (p) => p.deathDate === undefined],
  ['a death date range', { deathDateFrom: '2021-01-01', deathDateTo: '2024-01-01' }, (p) => p.deathDate !== undefined && p.deathDate >= '2021-01-01' && p.deathDate <= '2024-01-01'],
  ['a city prefix, case ignored', { city: 'spring' }, (p) => startsWith(p.address.city, 'spring')],
  ['a city with accents left out', { city: 'Malaga' }, (p) => startsWith(p.address.city, 'Malaga')],
  ['a city typed with accents another way', { city: 'munchen' }, (p) => startsWith(p.address.city, 'munchen')],
  ['a state', { state: 'IL' }, (p) => startsWith(p.address.state, 'IL')],
  ['a postal code prefix', { postalCode: '011' }, (p) => startsWith(p.address.postalCode, '011')],
  ['a country', { country: 'us' }, (p) => startsWith(p.address.country, 'us')],
  ['any address part', { address: 'sao' }, (p) => addressParts(p).some((part) => startsWith(part, 'sao'))],
  ['an address use', { addressUse: 'home' }, (p) => p.address.use === 'home'],
  ['an e-mail address', { email: 'linh@example.com' }, (p) => p.email === 'linh@example.com'],
  ['a phone number', { phone: '+49-89-000005' }, (p) => p.phone === '+49-89-000005'],
  ['a language', { language: 'es' }, (p) => p.language === 'es'],
  ['a language with a region', { language: 'pt-BR' }, (p) => p.language === 'pt-BR'],
  ['old and new filters together', { family: 'smith', city: 'Springfield', deceased: false }, (p) => startsWith(p.family, 'smith') && p.deathDate === undefined],
  ['a gender and a birth date range', { gender: 'female', birthDateFrom: '1980-01-01' }, (p) => p.gender === 'female' && p.birthDate >= '1980-01-01'],
];

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
  const created = await rest(app, 'POST', `${DATASET}/fhirStores?fhirStoreId=filters`, { version: 'R4', enableUpdateCreate: true });
  expect(created.status).toBe(200);
  for (const person of PEOPLE) {
    const stored = await rest(app, 'PUT', `${STORE}/fhir/Patient/${person.id}`, toResource(person));
    expect([200, 201]).toContain(stored.status);
  }
}, 60_000);
afterAll(() => app.close());

const QUERY = `query($filter: PatientFilter) { fhirStore(name: "${STORE}") { patients(filter: $filter, first: 100) { nodes { resourceId } } } }`;

describe('PatientFilter', () => {
  it.each(CASES)('finds exactly the patients the reference does for %s, in one call', async (_what, filter, expected) => {
    const want = PEOPLE.filter(expected).map((person) => person.id).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(PEOPLE.length);
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, QUERY, { filter }));
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patients.nodes.map((node: any) => node.resourceId).sort()).toEqual(want);
    expect(calls).toBe(1);
  });

  it('sends search values as values: a filter that looks like query syntax finds nothing and changes nothing', async () => {
    const result = await graphql(app, QUERY, { filter: { city: 'Springfield&_id=p3', email: 'x,ann@example.org' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patients.nodes).toEqual([]);
  });
});
