import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createStore, startFhir, type FhirApi } from './fhir-helpers.js';

let emulator: RunningEmulator;
let api: FhirApi;
let patient: any;
let other: any;
let practitioner: any;
let organization: any;
/** Resource ids in patient's compartment, by type. */
const compartment: Record<string, string[]> = { Observation: [], Encounter: [], Condition: [] };
const OBSERVATIONS = 260;

function nextUrl(bundle: any): string | undefined {
  return bundle.link.find((l: any) => l.relation === 'next')?.url;
}

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('_page_token') ?? '';
}

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
  [practitioner, organization] = await api.load([
    { resource: { resourceType: 'Practitioner', name: [{ family: 'House' }] } },
    { resource: { resourceType: 'Organization', name: 'Plainsboro' } },
  ]);
  [patient, other] = await api.load([
    {
      resource: {
        resourceType: 'Patient',
        generalPractitioner: [{ reference: `Practitioner/${practitioner.id}` }],
        managingOrganization: { reference: `Organization/${organization.id}` },
      },
    },
    { resource: { resourceType: 'Patient' } },
  ]);
  const subject = { reference: `Patient/${patient.id}` };
  const entries = [];
  for (let i = 0; i < OBSERVATIONS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    entries.push({
      resource: { resourceType: 'Observation', status: 'final', code: { text: `obs ${i}` }, subject, effectiveDateTime: `2021-${String((i % 12) + 1).padStart(2, '0')}-${day}` },
    });
  }
  for (let i = 0; i < 10; i++) {
    entries.push({ resource: { resourceType: 'Encounter', status: 'finished', subject, period: { start: `2019-0${(i % 9) + 1}-01`, end: `2019-0${(i % 9) + 1}-02` } } });
    entries.push({ resource: { resourceType: 'Condition', subject, onsetDateTime: `2018-0${(i % 9) + 1}-01` } });
  }
  // Not in the compartment: another patient's data, and a reference outside compartment elements.
  entries.push({ resource: { resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${other.id}` } } });
  entries.push({ resource: { resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${other.id}` }, focus: [subject] } });
  for (const resource of await api.load(entries)) {
    if (resource.subject.reference === subject.reference) compartment[resource.resourceType]?.push(resource.id);
  }
});

afterAll(async () => emulator.close());

describe('search paging', () => {
  it('follows next links through every match exactly once', async () => {
    const pages = await api.pages(`Observation?patient=${patient.id}&_count=100`);
    expect(pages.map((b) => b.entry.length)).toEqual([100, 100, 60]);
    expect(pages.every((b) => b.total === OBSERVATIONS)).toBe(true);
    const ids = pages.flatMap((b) => b.entry.map((e: any) => e.resource.id));
    expect(new Set(ids).size).toBe(OBSERVATIONS);
    expect([...ids].sort()).toEqual([...(compartment['Observation'] ?? [])].sort());
    const next = nextUrl(pages[0]) ?? '';
    expect(next.startsWith(`${api.base}/Observation/?`)).toBe(true);
    // The query travels in the link; the position is only in the opaque token.
    expect([...new URL(next).searchParams.keys()]).toEqual(['patient', '_count', '_page_token']);
    expect(nextUrl(pages[2])).toBeUndefined();
  });

  it('defaults to 100 per page and caps _count at 1000', async () => {
    expect((await api.get('Observation')).body.entry).toHaveLength(100);
    const all = (await api.get('Observation?_count=5000')).body;
    expect(all.entry).toHaveLength(all.total);
    expect(nextUrl(all)).toBeUndefined();
    const none = (await api.get('Observation?_count=0')).body;
    expect(none.entry).toBeUndefined();
    expect(none.total).toBe(OBSERVATIONS + 2);
  });

  it('orders a few matches among many newest first, and pages them', async () => {
    const picked = (compartment['Observation'] ?? []).slice(0, 5);
    const pages = await api.pages(`Observation?_id=${picked.join(',')}&_count=2`);
    expect(pages.flatMap((b) => b.entry.map((e: any) => e.resource.id))).toEqual([...picked].reverse());
  });

  it('keeps a sorted order across pages', async () => {
    const pages = await api.pages(`Observation?patient=${patient.id}&_sort=-date&_count=37`);
    const dates = pages.flatMap((b) => b.entry.map((e: any) => e.resource.effectiveDateTime));
    expect(dates).toHaveLength(OBSERVATIONS);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('neither skips nor repeats resources when others are written between pages', async () => {
    const first = (await api.get(`Observation?patient=${patient.id}&_count=100`)).body;
    const extra = await api.create({ resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${patient.id}` } });
    const rest = await api.pages(nextUrl(first) ?? '');
    const ids = [first, ...rest].flatMap((b) => b.entry.map((e: any) => e.resource.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...(compartment['Observation'] ?? [])].sort());
    await api.request('DELETE', `Observation/${extra.id}`);
  });

  it('rejects tampered, foreign and other-query page tokens with 400', async () => {
    const first = (await api.get(`Observation?patient=${patient.id}&_count=10`)).body;
    const token = tokenOf(nextUrl(first) ?? '');
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const attempts = [
      `Observation?patient=${patient.id}&_count=10&_page_token=${flipped}`,
      `Observation?patient=${patient.id}&_count=10&_page_token=garbage`,
      `Observation?patient=${other.id}&_count=10&_page_token=${token}`,
      `Observation?patient=${patient.id}&_count=11&_page_token=${token}`,
      `Patient?_count=10&_page_token=${token}`,
      `Patient/${patient.id}/$everything?_count=10&_page_token=${token}`,
    ];
    for (const attempt of attempts) {
      const res = await api.get(attempt);
      expect({ attempt, status: res.status, details: res.body.issue?.[0]?.details?.text }).toEqual({
        attempt,
        status: 400,
        details: 'invalid_query',
      });
    }
    const foreign = await createStore(emulator, 'foreign');
    expect((await foreign.get(`Observation?patient=${patient.id}&_count=10&_page_token=${token}`)).status).toBe(400);
    expect((await api.get(`Observation?patient=${patient.id}&_count=10&_page_token=${token}`)).status).toBe(200);
  });
});

describe('default order under churn', () => {
  it('lists resources newest first after many updates and deletions', async () => {
    const store = await createStore(emulator, 'churn');
    const created = await store.load(Array.from({ length: 1100 }, (_, i) => ({ resource: { resourceType: 'Device', serialNumber: `${i}` } })));
    const put = (resources: any[]) => store.bundle('transaction', resources.map((r) => ({ resource: r, request: { method: 'PUT', url: `Device/${r.id}` } })));
    // Two rounds of updates leave more superseded versions than current ones behind.
    await put(created.map((r) => ({ ...r, status: 'active' })));
    const shuffled = created.filter((_, i) => i % 3 !== 0).reverse();
    await put(shuffled.map((r) => ({ ...r, status: 'inactive' })));
    const deleted = created.filter((_, i) => i % 3 === 0).slice(0, 10);
    for (const r of deleted) await store.request('DELETE', `Device/${r.id}`);

    const pages = await store.pages('Device?_count=200');
    const ids = pages.flatMap((b) => b.entry.map((e: any) => e.resource.id));
    expect(pages[0].total).toBe(1090);
    expect(ids).toHaveLength(1090);
    const untouched = created.filter((_, i) => i % 3 === 0).slice(10).map((r) => r.id);
    expect(ids).toEqual([...shuffled.map((r) => r.id).reverse(), ...untouched.reverse()]);
  });
});

describe('Patient/$everything', () => {
  const everything = (query = ''): string => `Patient/${patient.id}/$everything${query}`;

  it('pages through the patient, its compartment and what it references', async () => {
    const pages = await api.pages(everything('?_count=50'));
    const entries = pages.flatMap((b) => b.entry);
    const expected = [
      `Patient/${patient.id}`,
      `Practitioner/${practitioner.id}`,
      `Organization/${organization.id}`,
      ...Object.entries(compartment).flatMap(([type, ids]) => ids.map((id) => `${type}/${id}`)),
    ];
    expect(expected.length).toBeGreaterThan(150);
    expect(pages).toHaveLength(Math.ceil(expected.length / 50));
    expect(pages[0].total).toBe(expected.length);
    const keys = entries.map((e: any) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(keys[0]).toBe(`Patient/${patient.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(nextUrl(pages[0])?.startsWith(`${api.base}/Patient/${patient.id}/$everything?_count=50&_page_token=`)).toBe(true);
  });

  it('filters by _type, start/end care dates and _since', async () => {
    const conditions = (await api.get(everything('?_type=Condition,Encounter&_count=1000'))).body;
    expect(conditions.total).toBe(20);
    const in2019 = (await api.get(everything('?_type=Encounter,Condition&start=2019-01-01&end=2019-12-31'))).body;
    expect(in2019.entry.map((e: any) => e.resource.resourceType)).toEqual(Array(10).fill('Encounter'));
    const jan = (await api.get(everything('?_type=Observation&start=2021-01-01&end=2021-01-31&_count=1000'))).body;
    expect(jan.total).toBe(Math.ceil(OBSERVATIONS / 12));
    // Resources without a care date (Patient, Practitioner, Organization) stay in a date-filtered result.
    const dated = (await api.get(everything('?start=2030-01-01'))).body;
    expect(dated.entry.map((e: any) => e.resource.resourceType).sort()).toEqual(['Organization', 'Patient', 'Practitioner']);
    const since = (await api.get(everything('?_since=2999-01-01T00:00:00Z'))).body;
    expect(since.total).toBe(0);
    expect((await api.get(everything('?_since=2020-01-01'))).status).toBe(400);
    expect((await api.get(everything('?_type=Unicorn'))).body.issue[0].details.text).toBe('bad_resource_type');
    expect((await api.get('Patient/nobody/$everything')).status).toBe(404);
  });
});
