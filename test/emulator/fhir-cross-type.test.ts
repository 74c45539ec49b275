/**
 * Searches across resource types, in every form Google's store serves: `GET fhir?_type=…` (and
 * without `_type`, every type), `POST fhir/_search` and `POST fhir/{type}/_search` with the
 * parameters in the query string and an empty body (the toolbox), a `{"resourceType": …}` JSON
 * body (Google's generated clients) or a `resourceType` query parameter; form bodies are refused.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { createStore, startFhir, type FhirApi, type FhirResponse } from './fhir-helpers.js';

const VIP = { system: 'urn:demo:tag', code: 'vip' };

/** Written in this order (so newest first is the reverse); every expectation below follows from it. */
const fixture: Record<string, Record<string, unknown>> = {
  org: { resourceType: 'Organization', name: 'Acme Health' },
  p1: { resourceType: 'Patient', meta: { tag: [VIP] }, name: [{ family: 'One' }] },
  p2: { resourceType: 'Patient', name: [{ family: 'Two' }], managingOrganization: { reference: 'urn:uuid:org' } },
  o1: { resourceType: 'Observation', status: 'final', code: { text: 'a' }, subject: { reference: 'urn:uuid:p1' } },
  o2: { resourceType: 'Observation', status: 'final', meta: { tag: [VIP] }, code: { text: 'b' }, subject: { reference: 'urn:uuid:p2' } },
  c1: { resourceType: 'Condition', meta: { security: [{ system: 'urn:demo:sec', code: 'R' }] }, code: { text: 'c' }, subject: { reference: 'urn:uuid:p1' } },
  o3: { resourceType: 'Observation', status: 'final', code: { text: 'c' }, subject: { reference: 'urn:uuid:p1' } },
};
const NEWEST_FIRST = Object.keys(fixture).reverse();

let emulator: RunningEmulator;
let api: FhirApi;
/** fixture name → `Type/id`, and back. */
const key: Record<string, string> = {};
const nameOf = new Map<string, string>();

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
  // One create per resource, so that each has a write of its own (the default order is by write).
  for (const [name, resource] of Object.entries(fixture)) {
    const refs = JSON.parse(JSON.stringify(resource).replace(/urn:uuid:(\w+)/g, (_, n: string) => key[n] as string));
    const stored = await api.create(refs);
    key[name] = `${stored.resourceType}/${stored.id}`;
    nameOf.set(key[name], name);
    // Search reads lastUpdated to the millisecond: let each write have one of its own.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
});

afterAll(async () => emulator.close());

const idOf = (name: string): string => (key[name] as string).split('/')[1] as string;
const only = (...names: string[]): string[] => NEWEST_FIRST.filter((n) => names.includes(n));

function ok(res: FhirResponse): any {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
  expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return res.body;
}

/** The fixture names of a Bundle's entries of `mode`, in order. */
function entryNames(bundle: any, mode = 'match'): string[] {
  return (bundle.entry ?? []).filter((e: any) => e.search.mode === mode).map((e: any) => nameOf.get(`${e.resource.resourceType}/${e.resource.id}`));
}

const link = (bundle: any, relation: string): string | undefined => bundle.link.find((l: any) => l.relation === relation)?.url;

function expectOutcome(res: FhirResponse, code: string, details: string): string {
  expect({ status: res.status, code: res.body?.issue?.[0]?.code, details: res.body?.issue?.[0]?.details?.text }).toEqual({ status: 400, code, details });
  return res.body.issue[0].diagnostics;
}

describe('GET fhir?… (search across types)', () => {
  it('searches the _type list, newest first, with an exact total', async () => {
    const bundle = ok(await api.get('?_type=Patient,Observation'));
    expect(entryNames(bundle)).toEqual(only('p1', 'p2', 'o1', 'o2', 'o3'));
    expect(bundle.total).toBe(5);
    expect(bundle.entry[0].fullUrl).toBe(`${api.base}/${key['o3']}`);
    expect(link(bundle, 'self')).toBe(`${api.base}/?_type=Patient%2CObservation`);
  });

  it('searches every type without _type', async () => {
    expect(entryNames(ok(await api.get('')))).toEqual(NEWEST_FIRST);
    expect(entryNames(ok(await api.get(`?_id=${idOf('c1')}`)))).toEqual(['c1']);
    expect(entryNames(ok(await api.get(`?_id=${idOf('p1')},${idOf('o1')}`)))).toEqual(only('p1', 'o1'));
  });

  it('filters by the Resource parameters: _id, _lastUpdated, _tag, _security', async () => {
    expect(entryNames(ok(await api.get(`?_tag=${VIP.system}|${VIP.code}`)))).toEqual(only('p1', 'o2'));
    expect(entryNames(ok(await api.get(`?_type=Observation&_tag=${VIP.code}`)))).toEqual(['o2']);
    expect(entryNames(ok(await api.get('?_tag:not=vip&_type=Patient,Observation')))).toEqual(only('p2', 'o1', 'o3'));
    expect(entryNames(ok(await api.get('?_security=urn:demo:sec|R')))).toEqual(['c1']);
    const c1 = encodeURIComponent((await api.get(key['c1'] as string)).body.meta.lastUpdated);
    expect(entryNames(ok(await api.get(`?_lastUpdated=ge${c1}`)))).toEqual(only('c1', 'o3'));
    expect(entryNames(ok(await api.get(`?_lastUpdated=lt${c1}&_type=Condition,Patient`)))).toEqual(only('p1', 'p2'));
  });

  it('sorts by _id and _lastUpdated across types', async () => {
    const byId = entryNames(ok(await api.get('?_type=Patient,Condition&_sort=_id')));
    expect(byId).toEqual(['p1', 'p2', 'c1'].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1)));
    expect(entryNames(ok(await api.get('?_sort=_lastUpdated')))).toEqual([...NEWEST_FIRST].reverse());
  });

  it('drops type parameters under lenient handling and names them under strict handling', async () => {
    const bundle = ok(await api.get('?_type=Patient,Observation&status=final&_sort=status'));
    expect(entryNames(bundle)).toEqual(only('p1', 'p2', 'o1', 'o2', 'o3'));
    expect(link(bundle, 'self')).toBe(`${api.base}/?_type=Patient%2CObservation`);
    const strict = await api.get('?_type=Observation&status=final', { prefer: 'handling=strict' });
    expect(expectOutcome(strict, 'not-supported', 'invalid_query')).toContain('"status" is not supported for a search across resource types');
  });

  it('takes the result parameters: _count, _elements, _summary, _include, _revinclude', async () => {
    const counted = ok(await api.get('?_type=Observation,Condition&_summary=count'));
    expect({ total: counted.total, entry: counted.entry }).toEqual({ total: 4, entry: undefined });
    const trimmed = ok(await api.get('?_type=Observation&_elements=status&_count=1'));
    expect(Object.keys(trimmed.entry[0].resource).sort()).toEqual(['id', 'meta', 'resourceType', 'status']);
    const included = ok(await api.get('?_type=Observation,Condition&_include=Observation:subject&_tag=vip'));
    expect({ match: entryNames(included), include: entryNames(included, 'include') }).toEqual({ match: ['o2'], include: ['p2'] });
    const revincluded = ok(await api.get(`?_type=Patient,Organization&_revinclude=Patient:organization&_id=${idOf('org')}`));
    expect({ match: entryNames(revincluded), include: entryNames(revincluded, 'include') }).toEqual({ match: ['org'], include: ['p2'] });
  });

  it('pages with _page_token next links that reach every match once, in order', async () => {
    const pages = await api.pages('?_type=Patient,Observation,Condition&_count=2');
    expect(pages.map((page) => entryNames(page))).toEqual([only('o3', 'c1'), only('o2', 'o1'), only('p2', 'p1')]);
    const next = link(pages[0], 'next') as string;
    expect(next).toMatch(new RegExp(`^${api.base}/\\?_type=Patient%2CObservation%2CCondition&_count=2&_page_token=[\\w-]+$`));
    const token = new URL(next).searchParams.get('_page_token') as string;
    // A token belongs to its query: another type list, or the same list searched as one type, is refused.
    expectOutcome(await api.get(`?_type=Patient,Observation&_count=2&_page_token=${token}`), 'value', 'invalid_query');
    expectOutcome(await api.get(`Patient?_count=2&_page_token=${token}`), 'value', 'invalid_query');
    const sorted = await api.pages('?_count=3&_sort=-_lastUpdated');
    expect(sorted.flatMap((page) => entryNames(page))).toEqual(NEWEST_FIRST);
  });

  it('refuses types that are not FHIR R4 resource types, and a repeated _type', async () => {
    expect(expectOutcome(await api.get('?_type=Patient,Unicorn'), 'not-supported', 'bad_resource_type')).toContain('Unicorn');
    expect(expectOutcome(await api.get('?_type=Patient&_type=Observation'), 'value', 'invalid_query')).toContain('comma-separated');
  });

  it('answers an empty store with an empty searchset, still checking the parameters', async () => {
    const empty = await createStore(emulator, 'empty');
    expect(ok(await empty.get('?_id=x'))).toMatchObject({ total: 0 });
    expect(ok(await empty.get('?_type=Patient'))).toMatchObject({ total: 0 });
    expectOutcome(await empty.get('?_lastUpdated=soon'), 'value', 'invalid_query');
    expectOutcome(await empty.get('?family=x', { prefer: 'handling=strict' }), 'not-supported', 'invalid_query');
  });
});

describe('POST fhir/_search and fhir/{type}/_search', () => {
  const post = (path: string, body?: string, contentType = 'application/json'): Promise<FhirResponse> =>
    api.request('POST', path, body, body === undefined ? {} : { 'content-type': contentType });

  it('takes the parameters from the query string with no body, an empty one or null (the toolbox)', async () => {
    for (const body of [undefined, '', 'null', '{}']) {
      expect(entryNames(ok(await post('_search?_type=Patient,Condition', body)))).toEqual(only('p1', 'p2', 'c1'));
    }
    expect(entryNames(ok(await post(`Patient/_search?_id=${idOf('p2')}`)))).toEqual(['p2']);
  });

  it('searches the type a {"resourceType": …} body or a resourceType parameter names, as a search of that type', async () => {
    for (const res of [
      await post('_search?status=final&_tag=vip', '{"resourceType": "Observation"}'),
      await post('_search?resourceType=Observation&status=final&_tag=vip'),
      await post('_search?resourceType=Observation&status=final&_tag=vip', '{"resourceType": "Observation"}'),
      await api.get('?resourceType=Observation&status=final&_tag=vip'),
    ]) {
      const bundle = ok(res);
      expect(entryNames(bundle)).toEqual(['o2']);
      expect(link(bundle, 'self')).toBe(`${api.base}/Observation/?status=final&_tag=vip`);
    }
    expect(entryNames(ok(await post('Patient/_search?family=two', '{"resourceType": "Patient"}')))).toEqual(['p2']);
  });

  it('pages a body-typed search with next links of that type', async () => {
    const first = ok(await post('_search?_count=2', '{"resourceType": "Observation"}'));
    const rest = await api.pages(link(first, 'next') as string);
    expect([entryNames(first), ...rest.map((page) => entryNames(page))]).toEqual([only('o3', 'o2'), ['o1']]);
  });

  it('refuses disagreeing or malformed type names and bodies', async () => {
    expect(expectOutcome(await post('Patient/_search', '{"resourceType": "Observation"}'), 'value', 'invalid_query')).toContain('Patient');
    expect(expectOutcome(await post('_search?resourceType=Patient', '{"resourceType": "Observation"}'), 'value', 'invalid_query')).toContain('Observation');
    expectOutcome(await post('_search?_type=Patient', '{"resourceType": "Patient"}'), 'value', 'invalid_query');
    expectOutcome(await post('_search', '{"resourceType": "Unicorn"}'), 'not-supported', 'bad_resource_type');
    expect(expectOutcome(await post('_search', '{"resourceType": "Patient", "family": "One"}'), 'value', 'invalid_query')).toContain('query string');
    expectOutcome(await post('_search', '{"resourceType": 1}'), 'value', 'invalid_query');
    expectOutcome(await post('_search', '["Patient"]'), 'value', 'invalid_query');
    expectOutcome(await post('_search', '{"resourceType": "Pat'), 'structure', 'invalid_json');
  });

  it('refuses form-encoded parameters, on the base and on a type', async () => {
    for (const path of ['_search', 'Patient/_search']) {
      const res = await post(path, 'family=One', 'application/x-www-form-urlencoded');
      expect(expectOutcome(res, 'not-supported', 'not_supported')).toContain('application/x-www-form-urlencoded');
    }
    // An empty form is no parameters at all.
    expect(entryNames(ok(await post('Patient/_search?family=one', '', 'application/x-www-form-urlencoded')))).toEqual(['p1']);
  });
});
