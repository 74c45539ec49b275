/**
 * Every Patient search parameter the toolbox's `fhir-patient-search` (and the graph's
 * PatientFilter) sends, against the demo cohort's patients: each search's matches are compared
 * with a reference computed here from the stored resources by FHIR R4's rules (string:
 * case- and accent-insensitive prefix of any part; token: exact; date: ranges by prefix).
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateCohort, toBundles } from '../../src/demo/cohort/index.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startFhir, type FhirApi } from './fhir-helpers.js';

const cohort = generateCohort({ patients: 100 });
const stored = cohort.resources.filter((r) => ['Organization', 'Practitioner', 'Patient'].includes(r.resourceType));
const patients = stored.filter((r) => r.resourceType === 'Patient') as any[];

let emulator: RunningEmulator;
let api: FhirApi;

beforeAll(async () => {
  ({ emulator, api } = await startFhir({ enableUpdateCreate: true }));
  for (const bundle of toBundles(stored)) {
    const res = await api.request('POST', '', bundle);
    if (res.status !== 200) throw new Error(`load failed: ${res.status} ${res.text.slice(0, 300)}`);
  }
});

afterAll(async () => emulator.close());

// The reference: FHIR R4 search semantics written out over the patients' JSON.
type Test = (patient: any) => boolean;

const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const startsWith = (values: readonly unknown[], query: string): boolean =>
  values.some((value) => typeof value === 'string' && folded(value).startsWith(folded(query)));
const addresses = (p: any): any[] => p.address ?? [];
const addressParts = (a: any): unknown[] => [...(a.line ?? []), a.city, a.district, a.state, a.postalCode, a.country, a.text];
const contactValues = (p: any, system: string): string[] => (p.telecom ?? []).filter((t: any) => t.system === system).map((t: any) => t.value);
const languageCodes = (p: any): string[] => (p.communication ?? []).flatMap((c: any) => (c.language?.coding ?? []).map((coding: any) => coding.code));
const isDeceased = (p: any): boolean => p.deceasedBoolean === true || typeof p.deceasedDateTime === 'string';
/** A date compared by day (both search values and the cohort's dates are exact to the day or finer). */
const day = (date: string | undefined): string | undefined => date?.slice(0, 10);

const string = (field?: string) => (query: string): Test => (p) =>
  addresses(p).some((a) => startsWith(field === undefined ? addressParts(a) : [a[field]], query));
const filters: Record<string, (value: string) => Test> = {
  address: string(),
  'address-city': string('city'),
  'address-state': string('state'),
  'address-postalcode': string('postalCode'),
  'address-country': string('country'),
  'address-use': (use) => (p) => addresses(p).some((a) => a.use === use),
  email: (value) => (p) => contactValues(p, 'email').includes(value),
  phone: (value) => (p) => contactValues(p, 'phone').includes(value),
  language: (value) => (p) => languageCodes(p).includes(value.replace(/^urn:ietf:bcp:47\|/, '')),
  active: (value) => (p) => String(p.active) === value,
  deceased: (value) => (p) => String(isDeceased(p)) === value,
  gender: (value) => (p) => p.gender === value,
  'death-date': (value) => dateTest(value, (p) => day(p.deceasedDateTime)),
  birthdate: (value) => dateTest(value, (p) => p.birthDate),
};

function dateTest(value: string, dateOf: (p: any) => string | undefined): Test {
  const [, prefix = 'eq', date = ''] = /^(ge|le)?(.*)$/.exec(value) ?? [];
  return (p) => {
    const own = dateOf(p);
    if (own === undefined) return false;
    if (prefix === 'ge') return own >= date;
    if (prefix === 'le') return own <= date;
    return own.startsWith(date);
  };
}

/** The reference matches of a query (repeated and different parameters AND), as sorted ids. */
function reference(query: [string, string][]): string[] {
  const tests = query.map(([name, value]) => (filters[name] as (value: string) => Test)(value));
  return patients.filter((p) => tests.every((test) => test(p))).map((p) => p.id).sort();
}

/** What the emulator matches, across every page, as sorted ids. */
async function searched(query: [string, string][], method: 'GET' | 'POST' = 'GET'): Promise<string[]> {
  const qs = new URLSearchParams([...query, ['_count', '40']]).toString();
  const first = method === 'GET' ? await api.get(`Patient?${qs}`) : await api.request('POST', `Patient/_search?${qs}`, { resourceType: 'Patient' });
  if (first.status !== 200) throw new Error(`${qs}: ${first.status} ${first.text}`);
  const next = first.body.link.find((l: any) => l.relation === 'next')?.url;
  const pages = [first.body, ...(next === undefined ? [] : await api.pages(next))];
  return pages.flatMap((page) => (page.entry ?? []).map((e: any) => e.resource.id)).sort();
}

/** Asserts the emulator agrees with the reference; answers how many matched. */
async function agrees(query: [string, string][], method?: 'GET' | 'POST'): Promise<number> {
  const expected = reference(query);
  expect({ query, ids: await searched(query, method) }).toEqual({ query, ids: expected });
  return expected.length;
}

const first = patients[0];
const someone = (test: Test): any => {
  const found = patients.find(test);
  if (found === undefined) throw new Error('the cohort lacks a patient the test needs');
  return found;
};
const canadian = someone((p) => addresses(p)[0].country === 'CA' && /[éè]/.test(addresses(p)[0].city));
const worker = someone((p) => p.telecom.some((t: any) => t.use === 'work' && t.system === 'email'));
const withContact = someone((p) => p.contact?.[0]?.telecom?.[0]?.value !== undefined && !contactValues(p, 'phone').includes(p.contact[0].telecom[0].value));

describe('Patient string parameters over addresses', () => {
  it.each([
    ['address-city', ['Boston', 'boston', 'BOS', 'Salem', folded(canadian.address[0].city), canadian.address[0].city.toUpperCase(), 'Nowhere']],
    ['address-state', ['NH', 'nh', 'M', 'QC', 'Texas']],
    ['address-postalcode', ['021', first.address[0].postalCode, canadian.address[0].postalCode.slice(0, 1), '99999']],
    ['address-country', ['US', 'ca', 'C', 'DE']],
    ['address', [first.address[0].line[0].slice(0, 8).toLowerCase(), 'PO Box', '01', folded(canadian.address[0].city), 'boston', 'ON', 'zzz']],
  ])('%s matches the reference for each value', async (name, values) => {
    const counts = [];
    for (const value of values) counts.push(await agrees([[name, value]]));
    // The values were chosen to match something, except the last.
    expect(counts.slice(0, -1).every((count) => count > 0)).toBe(true);
    expect(counts.at(-1)).toBe(0);
  });
});

describe('Patient token parameters', () => {
  it.each([
    ['address-use', ['home', 'work', 'temp', 'old', 'billing']],
    ['email', [contactValues(first, 'email')[0] ?? contactValues(worker, 'email')[0], contactValues(worker, 'email').at(-1), 'nobody@example.org']],
    ['phone', [first.telecom[0].value, withContact.contact[0].telecom[0].value, '(000) 000-0000']],
    ['language', ['en-US', 'es', 'fr-CA', 'urn:ietf:bcp:47|pt-BR', 'en']],
    ['active', ['true', 'false']],
    ['deceased', ['true', 'false']],
  ])('%s matches the reference for each value', async (name, values) => {
    const counts = [];
    for (const value of values) counts.push(await agrees([[name, value as string]]));
    expect(counts.some((count) => count > 0 && count < patients.length)).toBe(true);
  });

  it('reads phone and email from the patient’s own telecom, not its contacts’', async () => {
    expect(await agrees([['phone', withContact.contact[0].telecom[0].value]])).toBe(0);
  });
});

describe('Patient date parameters', () => {
  it('death-date takes ge / le bounds, alone or repeated as a range (the toolbox’s deathDateRange)', async () => {
    const deaths = patients.map((p) => day(p.deceasedDateTime)).filter((d): d is string => d !== undefined).sort();
    const middle = deaths[Math.floor(deaths.length / 2)] as string;
    expect(await agrees([['death-date', `ge${middle}`]])).toBeGreaterThan(0);
    expect(await agrees([['death-date', `le${middle}`]])).toBeGreaterThan(0);
    expect(await agrees([['death-date', `ge${deaths[0]}`], ['death-date', `le${middle}`]])).toBeGreaterThan(0);
    expect(await agrees([['death-date', `le${deaths[0]}`], ['death-date', `ge${deaths[0]}`]])).toBeGreaterThan(0);
  });

  it('birthdate takes ge / le ranges and a year', async () => {
    expect(await agrees([['birthdate', 'ge1950-01-01'], ['birthdate', 'le1969-12-31']])).toBeGreaterThan(0);
    expect(await agrees([['birthdate', first.birthDate.slice(0, 4)]])).toBeGreaterThan(0);
  });
});

describe('Patient filters combined, as a patient search sends them', () => {
  it('ANDs different parameters, by GET and by the toolbox’s POST Patient/_search', async () => {
    const combos: [string, string][][] = [
      [['address-city', 'boston'], ['deceased', 'false'], ['language', 'en-US']],
      [['address-state', 'MA'], ['active', 'true'], ['address-use', 'work']],
      [['address-country', 'US'], ['gender', 'female'], ['birthdate', 'ge1960-01-01'], ['birthdate', 'le1990-12-31']],
      [['deceased', 'true'], ['death-date', 'ge2023-01-01'], ['address', 'MA']],
    ];
    for (const combo of combos) {
      const count = await agrees(combo);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(patients.length);
      expect(await agrees(combo, 'POST')).toBe(count);
    }
  });

  it('serves the toolbox’s request exactly: POST with {"resourceType":"Patient"} and _summary=text', async () => {
    const res = await api.request('POST', 'Patient/_search?address-city=Boston&deceased=false&_summary=text', { resourceType: 'Patient' });
    expect(res.status).toBe(200);
    const ids = res.body.entry.map((e: any) => e.resource.id).sort();
    expect(ids).toEqual(reference([['address-city', 'Boston'], ['deceased', 'false']]));
    expect(res.body.entry[0].resource.meta.tag).toContainEqual(expect.objectContaining({ code: 'SUBSETTED' }));
  });
});
