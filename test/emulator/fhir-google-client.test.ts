/**
 * Google's generated Node client (`@googleapis/healthcare`, v1) against the emulator: its
 * `fhir.search` POSTs `fhir/_search` with a `SearchResourcesRequest` body (`{"resourceType": …}`)
 * and `fhir.searchType` POSTs `fhir/{type}/_search`; every other parameter goes to the query
 * string, `_page_token` included.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthcare, type healthcare_v1 } from '@googleapis/healthcare';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { LOC } from './helpers.js';
import { startFhir, type FhirApi } from './fhir-helpers.js';

const PARENT = `${LOC}/datasets/d/fhirStores/s`;

let emulator: RunningEmulator;
let api: FhirApi;
let fhir: healthcare_v1.Resource$Projects$Locations$Datasets$Fhirstores$Fhir;
/** `Type/id` of what the fixture wrote, oldest first. */
const written: string[] = [];

beforeAll(async () => {
  ({ emulator, api } = await startFhir());
  fhir = healthcare({ version: 'v1', rootUrl: `${emulator.url}/` }).projects.locations.datasets.fhirStores.fhir;
  const patient = await api.create({ resourceType: 'Patient', name: [{ family: 'Client' }], meta: { tag: [{ code: 'demo' }] } });
  written.push(`Patient/${patient.id}`);
  for (let i = 0; i < 5; i++) {
    const observation = await api.create({ resourceType: 'Observation', status: 'final', code: { text: `o${i}` }, subject: { reference: `Patient/${patient.id}` } });
    written.push(`Observation/${observation.id}`);
  }
  const condition = await api.create({ resourceType: 'Condition', code: { text: 'c' }, subject: { reference: `Patient/${patient.id}` } });
  written.push(`Condition/${condition.id}`);
});

afterAll(async () => emulator.close());

/** The `Type/id` of a searchset's match entries. */
function matches(bundle: any): string[] {
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return (bundle.entry ?? []).filter((e: any) => e.search.mode === 'match').map((e: any) => `${e.resource.resourceType}/${e.resource.id}`);
}

/** The `_page_token` of a Bundle's next link, if any. */
function nextToken(bundle: any): string | undefined {
  const next = bundle.link.find((l: any) => l.relation === 'next')?.url;
  return next === undefined ? undefined : (new URL(next).searchParams.get('_page_token') ?? undefined);
}

// Answers are `application/fhir+json`, which the client leaves unparsed unless asked (with Google as here).
const AS_JSON = { responseType: 'json' } as const;

/** `params` plus search parameters the generated types do not name: the client sends them in the query string. */
function withQuery<P extends object>(params: P, query: Record<string, string | number>): P {
  return Object.assign({}, params, query);
}

const newestFirst = (type?: string): string[] => [...written].reverse().filter((k) => type === undefined || k.startsWith(`${type}/`));

describe('@googleapis/healthcare v1 against the emulator', () => {
  it('fhir.search with a {resourceType} body searches that type', async () => {
    const res = await fhir.search({ parent: PARENT, requestBody: { resourceType: 'Patient' } }, AS_JSON);
    expect(res.status).toBe(200);
    expect(matches(res.data)).toEqual(newestFirst('Patient'));
  });

  it('fhir.search with an empty body and _type searches across types, paging by _page_token', async () => {
    const params = withQuery({ parent: PARENT, requestBody: {} }, { _type: 'Observation,Condition', _count: 2 });
    const seen: string[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const res = await fhir.search(token === undefined ? params : withQuery(params, { _page_token: token }), AS_JSON);
      seen.push(...matches(res.data));
      token = nextToken(res.data);
      pages++;
    } while (token !== undefined);
    expect({ pages, seen }).toEqual({ pages: 3, seen: newestFirst().filter((k) => !k.startsWith('Patient/')) });
  });

  it('fhir.search with a body type and filters in the query string', async () => {
    const params = withQuery({ parent: PARENT, requestBody: { resourceType: 'Observation' } }, { 'code:text': 'o3' });
    expect(matches((await fhir.search(params, AS_JSON)).data)).toEqual([written[4]]);
  });

  it('fhir.searchType sends the type in the path, with or without a body', async () => {
    const params = withQuery({ parent: PARENT, resourceType: 'Observation' }, { _count: 3, _sort: '_lastUpdated' });
    expect(matches((await fhir.searchType(params, AS_JSON)).data)).toEqual(written.slice(1, 4));
    const withBody = await fhir.searchType({ ...params, requestBody: { resourceType: 'Observation' } }, AS_JSON);
    expect(matches(withBody.data)).toEqual(written.slice(1, 4));
  });

  it('gets FHIR errors as rejections carrying the OperationOutcome', async () => {
    const bad = fhir.search({ parent: PARENT, requestBody: { resourceType: 'Unicorn' } }, AS_JSON);
    await expect(bad).rejects.toMatchObject({ status: 400, response: { data: { resourceType: 'OperationOutcome', issue: [{ details: { text: 'bad_resource_type' } }] } } });
    const mismatch = fhir.searchType({ parent: PARENT, resourceType: 'Patient', requestBody: { resourceType: 'Condition' } }, AS_JSON);
    await expect(mismatch).rejects.toMatchObject({ status: 400 });
  });
});
