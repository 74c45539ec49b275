/** A resource's versions, typed resources' version fields, latest observations per code, and cross-type search arguments. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, rest, startTestApp } from '../helpers/app.js';
import { queryAllPages } from '../helpers/connections.js';

const STORE = 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir';
const VITALS = ['http://loinc.org|8867-4', 'http://loinc.org|9279-1', 'http://loinc.org|85354-9', 'http://loinc.org|8310-5', 'http://loinc.org|29463-7'];

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '20' });
}, 120_000);
afterAll(() => app.close());

/** Every resource a REST search returns, following next links. */
async function restSearchAll(query: string): Promise<any[]> {
  const resources: any[] = [];
  let path: string | undefined = `${STORE}/fhir/${query}`;
  while (path !== undefined) {
    const { body } = await rest(app, 'GET', path);
    resources.push(...(body.entry ?? []).map((entry: any) => entry.resource));
    const next: string | undefined = body.link?.find((link: any) => link.relation === 'next')?.url;
    path = next === undefined ? undefined : next.slice(app.apiUrl.length + 1);
  }
  return resources;
}

const effective = (observation: any) => String(observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? '');

/** $lastn computed here from a patient's observations: per requested code, its `max` newest. */
function lastN(observations: any[], codes: string[], max: number): string[] {
  const sorted = [...observations].sort((a, b) => effective(b).localeCompare(effective(a)));
  return codes.flatMap((token) => {
    const [system, code] = token.split('|');
    return sorted.filter((o) => (o.code?.coding ?? []).some((c: any) => c.system === system && c.code === code)).slice(0, max).map((o) => o.id);
  });
}

describe('resource versions', () => {
  it('lists a resource\'s versions newest first, page by page, and reads each one again', async () => {
    const created = await rest(app, 'POST', `${STORE}/fhir/Patient`, { resourceType: 'Patient', name: [{ family: 'Version', given: ['One'] }] });
    const id = created.body.id as string;
    for (const given of ['Two', 'Three']) {
      await rest(app, 'PUT', `${STORE}/fhir/Patient/${id}`, { resourceType: 'Patient', id, name: [{ family: 'Version', given: [given] }] });
    }
    const query = `query($id: String!, $after: String) { fhirStore(name: "${STORE}") {
      patient(id: $id) { versionId lastUpdated displayName }
      history(type: "Patient", id: $id, first: 1, after: $after) { nodes { versionId lastUpdated resource } pageInfo { hasNextPage endCursor } } } }`;
    const pages = await queryAllPages(app, query, { id }, (data) => data.fhirStore.history);
    const versions = pages.flatMap((page: any) => page.nodes);
    expect(versions.map((version: any) => version.resource.name[0].given[0])).toEqual(['Three', 'Two', 'One']);
    expect(new Set(versions.map((version: any) => version.versionId)).size).toBe(3);

    const current = await graphql(app, query, { id });
    expect(current.data.fhirStore.patient).toMatchObject({ versionId: versions[0].versionId, lastUpdated: versions[0].lastUpdated, displayName: 'Three Version' });

    const oldest = versions[2];
    const read = await graphql(app, `{ fhirStore(name: "${STORE}") { resourceVersion(type: "Patient", id: "${id}", versionId: "${oldest.versionId}") } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.fhirStore.resourceVersion).toEqual(oldest.resource);
  });

  it('answers an unknown version with NOT_FOUND on that field', async () => {
    const [patient] = await restSearchAll('Patient?_count=1');
    const result = await graphql(app, `{ fhirStore(name: "${STORE}") { resourceVersion(type: "Patient", id: "${patient.id}", versionId: "nope") } }`);
    expect(result.data.fhirStore.resourceVersion).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Patient.latestObservations', () => {
  const page = `query($codes: [String!], $category: String, $max: Int) { fhirStore(name: "${STORE}") { patients(first: 20) { nodes {
    resourceId latestObservations(codes: $codes, category: $category, max: $max) { resourceId code { codings { system code } } effectiveDateTime } } } } }`;

  it.each([1, 2])('gives each of 20 patients the %i newest observations of each vital sign, as $lastn defines them', async (max) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, page, { codes: VITALS, max }));
    expect(result.errors).toBeUndefined();
    const patients = result.data.fhirStore.patients.nodes;
    expect(patients).toHaveLength(20);
    // The demo records every vital sign at each visit: most patients have all of them.
    expect(patients.filter((patient: any) => patient.latestObservations.length === VITALS.length * max).length).toBeGreaterThan(10);
    for (const patient of patients) {
      const observations = await restSearchAll(`Observation?subject=Patient/${patient.resourceId}&_count=1000`);
      expect(patient.latestObservations.map((o: any) => o.resourceId)).toEqual(lastN(observations, VITALS, max));
    }
    const { calls: listCalls } = await countUpstreamCalls(app, () => graphql(app, `{ fhirStore(name: "${STORE}") { patients(first: 20) { nodes {
      observations(first: 3, category: "vital-signs") { nodes { id } } } } } }`));
    // Stated: the patient search and one merged Observation search, as for `observations`.
    expect(calls).toBeLessThanOrEqual(listCalls);
    expect(calls).toBe(2);
    // What an app would write without it: one `observations(code:, first: max)` per vital sign.
    const perCode = VITALS.map((code, index) => `v${index}: observations(code: "${code}", first: ${max}) { nodes { id } }`).join(' ');
    const { calls: perCodeCalls } = await countUpstreamCalls(app, () => graphql(app, `{ fhirStore(name: "${STORE}") { patients(first: 20) { nodes { ${perCode} } } } }`));
    expect(perCodeCalls).toBe(1 + VITALS.length);
  });

  it('for a patient who lacks most codes, asks for the missing ones once and gives what there is', async () => {
    const patient = await rest(app, 'POST', `${STORE}/fhir/Patient`, { resourceType: 'Patient', name: [{ family: 'Sparse' }] });
    // More heart rates than the first search asks for (2 per code × 5 codes), and nothing else.
    const dates = Array.from({ length: 12 }, (_, month) => `2024-${String(month + 1).padStart(2, '0')}-01`);
    const heartRates = dates.map((date) => rest(app, 'POST', `${STORE}/fhir/Observation`, {
      resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${patient.body.id}` }, effectiveDateTime: `${date}T10:00:00Z`,
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] }, valueQuantity: { value: 70, unit: '/min' },
    }));
    const ids = (await Promise.all(heartRates)).map((created) => created.body.id);
    const query = `query($codes: [String!]) { fhirStore(name: "${STORE}") { patient(id: "${patient.body.id}") { latestObservations(codes: $codes, max: 2) { resourceId } } } }`;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query, { codes: VITALS }));
    expect(result.errors).toBeUndefined();
    expect(result.data.fhirStore.patient.latestObservations.map((o: any) => o.resourceId)).toEqual([ids[11], ids[10]]);
    // The patient read, the first search, and one search for the codes it left short: no reading on.
    expect(calls).toBe(3);
  });

  it('with a category alone, gives every code of the category once per patient', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, page, { category: 'vital-signs' }));
    expect(result.errors).toBeUndefined();
    // Without codes only the end of a patient's category settles it: each patient reads on (24 calls measured).
    expect(calls).toBeLessThanOrEqual(2 + 20 * 2);
    for (const patient of result.data.fhirStore.patients.nodes) {
      const observations = await restSearchAll(`Observation?subject=Patient/${patient.resourceId}&category=vital-signs&_count=1000`);
      const codes = [...new Set(observations.map((o) => `${o.code.coding[0].system}|${o.code.coding[0].code}`))];
      const got = patient.latestObservations.map((o: any) => `${o.code.codings[0].system}|${o.code.codings[0].code}`);
      expect([...got].sort()).toEqual([...codes].sort());
      expect(patient.latestObservations.map((o: any) => o.resourceId).sort()).toEqual(lastN(observations, codes, 1).sort());
    }
  });
});

describe('FhirStore.search over several types', () => {
  it('pages through Conditions and AllergyIntolerances together, each once, as the store\'s _type search holds them', async () => {
    const query = `query($after: String) { fhirStore(name: "${STORE}") {
      search(resourceTypes: ["Condition", "AllergyIntolerance"], first: 7, after: $after) { nodes { resourceType resourceId } pageInfo { hasNextPage endCursor } } } }`;
    const pages = await queryAllPages(app, query, {}, (data) => data.fhirStore.search);
    const found = pages.flatMap((page: any) => page.nodes.map((node: any) => `${node.resourceType}/${node.resourceId}`));
    const reference = (await restSearchAll('Condition?_count=1000')).concat(await restSearchAll('AllergyIntolerance?_count=1000'))
      .map((resource) => `${resource.resourceType}/${resource.id}`);
    expect(new Set(found).size).toBe(found.length);
    expect([...found].sort()).toEqual([...reference].sort());
    expect(new Set(found.map((key) => key.split('/')[0]))).toEqual(new Set(['Condition', 'AllergyIntolerance']));
  });
});

describe('bad input, refused before any upstream call', () => {
  it.each([
    ['max below 1', 'codes: ["8867-4"], max: 0'],
    ['max above 10', 'codes: ["8867-4"], max: 11'],
    ['neither codes nor a category', 'max: 1'],
  ])('latestObservations with %s: no call beyond reading the patient', async (_what, args) => {
    const [patient] = await restSearchAll('Patient?_count=1');
    const query = `{ fhirStore(name: "${STORE}") { patient(id: "${patient.id}") { latestObservations(${args}) { id } } } }`;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(1);
  });

  const patients = `query($filter: PatientFilter) { fhirStore(name: "${STORE}") { patients(filter: $filter) { nodes { id } } } }`;
  it.each<[string, string, Record<string, unknown>]>([
    ['an unknown address use', patients, { filter: { addressUse: 'vacation' } }],
    ['a language that is not BCP-47', patients, { filter: { language: 'english!' } }],
    ['a malformed death date', patients, { filter: { deathDateFrom: '2020-13-40' } }],
    ['both resourceType and resourceTypes', `{ fhirStore(name: "${STORE}") { search(resourceType: "Patient", resourceTypes: ["Observation"]) { nodes { id } } } }`, {}],
    ['neither resourceType nor resourceTypes', `{ fhirStore(name: "${STORE}") { search { nodes { id } } } }`, {}],
    ['a type that is not FHIR', `{ fhirStore(name: "${STORE}") { search(resourceTypes: ["Patient", "Nope"]) { nodes { id } } } }`, {}],
    ['a _type parameter beside resourceTypes', `{ fhirStore(name: "${STORE}") { search(resourceTypes: ["Patient"], params: [{ name: "_type", value: "Observation" }]) { nodes { id } } } }`, {}],
    ['a version id that is not an id', `{ fhirStore(name: "${STORE}") { resourceVersion(type: "Patient", id: "a", versionId: "../x") } }`, {}],
    ['a history of a type that is not FHIR', `{ fhirStore(name: "${STORE}") { history(type: "Nope", id: "a") { nodes { id } } } }`, {}],
  ])('%s', async (_what, query, variables) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query, variables));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });
});
