import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEMO_DATASET, DEMO_DICOM_STORE, DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { hostileString, wellFormed } from './hostile-strings.js';
import { startStack, type Stack } from './stack.js';

/**
 * Random and hostile strings in every argument that reaches a URL, sent as GraphQL variables to a
 * graph whose upstream is a recording proxy in front of the emulator. What is checked is what the
 * upstream actually received, not what the graph meant to send.
 */

const RUNS = 100;
const LOCATION_SEGMENTS = ['v1', 'projects', 'demo', 'locations', 'us-central1', 'datasets'];
const FHIR_SEGMENTS = [...LOCATION_SEGMENTS, 'demo', 'fhirStores', 'fhir', 'fhir'];
const STUDIES_SEGMENTS = [...LOCATION_SEGMENTS, 'demo', 'dicomStores', 'dicom', 'dicomWeb', 'studies'];
/** Every contract code except INTERNAL_SERVER_ERROR, which would mean an input crashed a resolver. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED',
  'UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
]);

interface Answer {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** One request as the upstream got it: decoded path segments (a `:verb` split off) and parameters. */
interface Received {
  method: string;
  segments: string[];
  verb?: string;
  params: URLSearchParams;
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ record: true });
}, 120_000);
afterAll(() => stack?.close());

/** Runs an operation, checks the answer is a contract answer, and returns it with what reached upstream. */
async function ask(query: string, variables: Record<string, unknown>): Promise<{ answer: Answer; received: Received[] }> {
  const recorded = stack.proxy!.requests;
  recorded.length = 0;
  const response = await fetch(`${stack.app.graph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBeLessThan(500);
  const answer = (await response.json()) as Answer;
  expect(answer.data !== undefined || answer.errors !== undefined).toBe(true);
  for (const error of answer.errors ?? []) expect(EXPECTED_CODES).toContain(error.extensions?.code);
  // The emulator must cope with whatever the graph lets through, too.
  for (const request of recorded) expect(request.status).toBeLessThan(500);
  return { answer, received: recorded.map((request) => parseTarget(request.method, request.target)) };
}

/** Splits a raw request target, asserting it can neither leave its path nor hide one segment in another. */
function parseTarget(method: string, target: string): Received {
  const [path = '', search = ''] = target.split(/\?(.*)/s);
  expect(target).not.toContain('#');
  const raw = path.split('/').slice(1);
  const last = raw.at(-1) ?? '';
  const colon = last.indexOf(':');
  const verb = colon < 0 ? undefined : last.slice(colon + 1);
  if (verb !== undefined) raw[raw.length - 1] = last.slice(0, colon);
  const segments = raw.map((segment) => decodeURIComponent(segment));
  for (const segment of segments) {
    expect(['', '.', '..']).not.toContain(segment);
    expect(segment).not.toContain('/');
  }
  expect(segments.slice(0, LOCATION_SEGMENTS.length)).toEqual(LOCATION_SEGMENTS);
  return { method, segments, verb, params: new URLSearchParams(search) };
}

const errorCodes = (answer: Answer, field: string) =>
  (answer.errors ?? []).filter((error) => error.path?.includes(field)).map((error) => error.extensions?.code);

/**
 * The one request a field sent upstream, or undefined when the field was refused with
 * BAD_USER_INPUT, in which case it must have sent none.
 */
function onlyRequestUnlessRefused(answer: Answer, field: string, requests: Received[]): Received | undefined {
  if (errorCodes(answer, field).length > 0) {
    expect(errorCodes(answer, field)).toEqual(['BAD_USER_INPUT']);
    expect(requests).toEqual([]);
    return undefined;
  }
  expect(requests).toHaveLength(1);
  return requests[0];
}

/** Arbitrary strings, plus ones shaped like real ids so some of them get through to the upstream. */
const idLike = fc.oneof(hostileString, fc.stringMatching(/^[A-Za-z0-9.-]{1,64}$/));

describe('hostile strings in GraphQL variables', () => {
  it('keep dataset and store ids inside their one path segment', async () => {
    await fc.assert(fc.asyncProperty(idLike, async (id) => {
      const { received } = await ask(`query($id: String!, $fhir: String!, $dicom: String!) {
        dataset(id: $id) { name }
        fhirStore(name: $fhir) { storeId metrics { resourceType } }
        dicomStore(name: $dicom) { storeId metrics { studyCount } }
        whole: fhirStore(name: $id) { metrics { resourceType } }
      }`, { id, fhir: `${DEMO_DATASET}/fhirStores/${id}`, dicom: `${DEMO_DATASET}/dicomStores/${id}` });
      for (const request of received) {
        expect([[id], ['demo', 'fhirStores', id], ['demo', 'dicomStores', id]]).toContainEqual(request.segments.slice(LOCATION_SEGMENTS.length));
        expect([undefined, 'getFHIRStoreMetrics', 'getDICOMStoreMetrics']).toContain(request.verb);
        expect([...request.params.keys()]).toEqual([]);
      }
    }), { numRuns: RUNS, seed: 101 });
  }, 60_000);

  it('keep FHIR types and ids inside their path segments, for reads and deletes', async () => {
    const type = fc.oneof(hostileString, fc.constantFrom('Patient', 'Basic', 'Observation'));
    await fc.assert(fc.asyncProperty(type, idLike, async (resourceType, id) => {
      const read = await ask(`query($store: String!, $type: String!, $id: String!) {
        fhirStore(name: $store) { patient(id: $id) { resourceId } resource(type: $type, id: $id) }
      }`, { store: DEMO_FHIR_STORE, type: resourceType, id });
      for (const request of read.received) {
        expect([[...FHIR_SEGMENTS, 'Patient', id], [...FHIR_SEGMENTS, resourceType, id]]).toContainEqual(request.segments);
        expect(request.method).toBe('GET');
      }
      // Basic: the demo cohort has none, so a generated id cannot delete the data other runs read.
      const deleted = await ask(`mutation($store: String!, $id: String!) {
        deleteFhirResource(input: { store: $store, resourceType: "Basic", id: $id }) { deletedId }
      }`, { store: DEMO_FHIR_STORE, id });
      for (const request of deleted.received) {
        expect(request).toMatchObject({ method: 'DELETE', segments: [...FHIR_SEGMENTS, 'Basic', id] });
        expect([...request.params.keys()]).toEqual([]);
      }
    }), { numRuns: RUNS, seed: 202 });
  }, 60_000);

  it('send FHIR search values and patient filters as single parameter values', async () => {
    const paramName = fc.oneof(fc.constantFrom('code', 'name', '_id', 'subject:Patient'), hostileString);
    await fc.assert(fc.asyncProperty(hostileString, paramName, async (value, name) => {
      const { answer, received } = await ask(`query($store: String!, $value: String!, $name: String!) {
        a: fhirStore(name: $store) { patients(filter: { name: $value, family: $value, given: $value, identifier: $value }, first: 5) { nodes { resourceId } } }
        b: fhirStore(name: $store) { search(resourceType: "Observation", params: [{ name: $name, value: $value }], first: 5) { nodes { resourceId } } }
      }`, { store: DEMO_FHIR_STORE, value, name });
      const sent = wellFormed(value);
      const patientSearch = onlyRequestUnlessRefused(answer, 'patients', received.filter((request) => request.segments.at(-1) === 'Patient'));
      if (patientSearch !== undefined) {
        const { segments, params } = patientSearch;
        expect(segments).toEqual([...FHIR_SEGMENTS, 'Patient']);
        const words = sent.trim().split(/\s+/).filter(Boolean);
        const expected = sent === '' ? [] : [...words.map((word) => ['name', word]), ['family', sent], ['given', sent], ['identifier', sent]];
        expect([...params]).toEqual([...expected, ['_count', '5']]);
      }
      const observationSearch = onlyRequestUnlessRefused(answer, 'search', received.filter((request) => request.segments.at(-1) === 'Observation'));
      if (observationSearch !== undefined) {
        expect(observationSearch.segments).toEqual([...FHIR_SEGMENTS, 'Observation']);
        expect([...observationSearch.params]).toEqual([[name, sent], ['_count', '5']]);
      }
    }), { numRuns: RUNS, seed: 303 });
  }, 60_000);

  it('send study filters and DICOM UIDs as single QIDO match values', async () => {
    const uid = fc.oneof(hostileString, fc.stringMatching(/^[0-9.]{1,70}$/));
    await fc.assert(fc.asyncProperty(hostileString, uid, async (value, studyUid) => {
      const { answer, received } = await ask(`query($store: String!, $value: String!, $uid: String!) {
        a: dicomStore(name: $store) { studies(filter: { patientName: $value, patientId: $value, accessionNumber: $value, referringPhysicianName: $value }, first: 5) { nodes { studyInstanceUid } } }
        b: dicomStore(name: $store) { study(uid: $uid) { studyInstanceUid } }
      }`, { store: DEMO_DICOM_STORE, value, uid: studyUid });
      const sent = wellFormed(value);
      for (const request of received) {
        expect(request.segments).toEqual(STUDIES_SEGMENTS);
        const keys = new Set(request.params.keys());
        keys.delete('includefield');
        if (request.params.has('StudyInstanceUID')) {
          expect([...keys]).toEqual(['StudyInstanceUID']);
          expect(request.params.getAll('StudyInstanceUID')).toEqual([studyUid]);
        } else {
          const matchKeys = ['PatientName', 'PatientID', 'AccessionNumber', 'ReferringPhysicianName'];
          expect([...keys]).toEqual([...(sent === '' ? [] : matchKeys), 'limit']);
          for (const key of matchKeys) expect(request.params.getAll(key)).toEqual(sent === '' ? [] : [sent]);
        }
      }
      const byName = received.filter((request) => request.params.has('limit'));
      expect(byName).toHaveLength(errorCodes(answer, 'studies').length > 0 ? 0 : 1);
    }), { numRuns: RUNS, seed: 404 });
  }, 60_000);

  it('refuse made-up cursors before any upstream call', async () => {
    const cursor = fc.oneof(hostileString, fc.stringMatching(/^[A-Za-z0-9_-]{1,60}\.[A-Za-z0-9_-]{22}$/)).filter((after) => after !== '');
    await fc.assert(fc.asyncProperty(cursor, async (after) => {
      const stores = await ask(`query($fhir: String!, $dicom: String!, $after: String!) {
        a: fhirStore(name: $fhir) { patients(after: $after) { nodes { resourceId } } }
        b: fhirStore(name: $fhir) { search(resourceType: "Observation", after: $after) { nodes { resourceId } } }
        c: dicomStore(name: $dicom) { studies(after: $after) { nodes { studyInstanceUid } } }
      }`, { fhir: DEMO_FHIR_STORE, dicom: DEMO_DICOM_STORE, after });
      // datasets is non-null at the root: its error nulls the whole answer, so it goes alone.
      const datasets = await ask('query($after: String!) { datasets(after: $after) { nodes { name } } }', { after });
      for (const { answer, received } of [stores, datasets]) {
        expect(received).toEqual([]);
        expect(answer.errors?.length).toBeGreaterThan(0);
        for (const error of answer.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect(stores.answer.errors?.map((error) => error.path?.at(-1)).sort()).toEqual(['patients', 'search', 'studies']);
    }), { numRuns: RUNS, seed: 505 });
  }, 60_000);

  it('treat an edited real cursor as invalid, or exactly as the original', async () => {
    const query = `query($store: String!, $after: String) {
      fhirStore(name: $store) { search(resourceType: "Practitioner", first: 2, after: $after) { nodes { resourceId } pageInfo { endCursor } } }
    }`;
    const first = await ask(query, { store: DEMO_FHIR_STORE, after: null });
    const cursor: string = first.answer.data.fhirStore.search.pageInfo.endCursor;
    const original = await ask(query, { store: DEMO_FHIR_STORE, after: cursor });
    expect(original.answer.errors).toBeUndefined();
    expect(original.received).toHaveLength(1);

    const edit = fc.record({
      at: fc.nat({ max: cursor.length }),
      cut: fc.nat({ max: 3 }),
      insert: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('.', '=', '%2E', 'A', '_')),
    }).map(({ at, cut, insert }) => cursor.slice(0, at) + insert + cursor.slice(at + cut)).filter((edited) => edited !== cursor);
    await fc.assert(fc.asyncProperty(edit, async (after) => {
      const { answer, received } = await ask(query, { store: DEMO_FHIR_STORE, after });
      if (answer.errors === undefined) {
        expect(answer).toEqual(original.answer);
        expect(received).toEqual(original.received);
      } else {
        expect(answer.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(received).toEqual([]);
      }
    }), { numRuns: RUNS, seed: 606 });
  }, 60_000);
});
