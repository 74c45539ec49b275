import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { graphql, upstreamCalls, type GraphQLResponse } from '../helpers/app.js';
import { DEMO_DATASET, DEMO_DICOM_STORE, DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { setFaults, setLatency } from './emulator-control.js';
import { seededRandom } from './seeded-random.js';
import { startStack, type Stack } from './stack.js';

/**
 * The graph against an emulator that fails on purpose, with faults set at run time through the
 * emulator's control endpoint. (test/graph/resilience.test.ts covers single retries, resets,
 * truncation, giving up on 429 and the deadline against Retry-After.)
 */

const PATIENT_LIST = EXAMPLE_OPERATIONS.find((operation) => operation.name === 'PatientList')!;

describe('a patient list with practitioners under read faults', () => {
  let stack: Stack;
  let baseline: GraphQLResponse<any>;
  beforeAll(async () => {
    // Seeded draws: the same requests fail on every run (a call gives up only after 11 failures).
    stack = await startStack({ patients: 3, emulator: { random: seededRandom(7) }, env: { UPSTREAM_RETRIES: '10' } });
    baseline = await graphql(stack.app, PATIENT_LIST.query, PATIENT_LIST.variables);
  }, 120_000);
  afterAll(() => stack?.close());

  it('has practitioners to load, without faults', () => {
    expect(baseline.errors).toBeUndefined();
    const nodes = baseline.data!.fhirStore.patients.nodes as { generalPractitioners: unknown[] }[];
    expect(nodes).toHaveLength(3);
    expect(nodes.every((node) => node.generalPractitioners.length > 0)).toBe(true);
  });

  it('completes exactly as without faults when 30% of FHIR reads answer 503', async () => {
    await setFaults(stack.emulator.url, [{ path: '/fhirStores/fhir/fhir/', method: 'GET', rate: 0.3, status: 503 }]);
    const failedBefore = await upstreamCalls(stack.app, { status: '503' });
    try {
      for (let run = 0; run < 3; run += 1) {
        expect(await graphql(stack.app, PATIENT_LIST.query, PATIENT_LIST.variables)).toEqual(baseline);
      }
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    expect(await upstreamCalls(stack.app, { status: '503' })).toBeGreaterThan(failedBefore);
  }, 60_000);

  it('waits out a burst of 429s as long as each Retry-After says, then completes', async () => {
    await setFaults(stack.emulator.url, [{ path: '/fhir/Patient$', method: 'GET', rate: 1, status: 429, retryAfter: 1, times: 2 }]);
    const limitedBefore = await upstreamCalls(stack.app, { status: '429' });
    const started = Date.now();
    expect(await graphql(stack.app, PATIENT_LIST.query, PATIENT_LIST.variables)).toEqual(baseline);
    // A lower bound only: two waits of one second each, none cut short.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(await upstreamCalls(stack.app, { status: '429' })).toBe(limitedBefore + 2);
  }, 30_000);
});

describe('one failing store among working ones', () => {
  const OTHER_STORE = `${DEMO_DATASET}/fhirStores/other`;
  let stack: Stack;
  let otherPatient: string;
  beforeAll(async () => {
    stack = await startStack({ patients: 0, env: { UPSTREAM_RETRIES: '1', REQUEST_DEADLINE_MS: '1000' } });
    const api = `${stack.emulator.url}/v1`;
    await fetch(`${api}/${DEMO_DATASET}/fhirStores?fhirStoreId=other`, { method: 'POST', body: JSON.stringify({ version: 'R4' }) });
    const created = await fetch(`${api}/${OTHER_STORE}/fhir/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', name: [{ family: 'Other' }] }),
    });
    otherPatient = ((await created.json()) as { id: string }).id;
  }, 60_000);
  afterAll(() => stack?.close());

  it('fails only the field of a store that always answers 500, with UPSTREAM_ERROR', async () => {
    await setFaults(stack.emulator.url, [{ path: '/fhirStores/fhir(/|:|$)', rate: 1, status: 500 }]);
    const failedBefore = await upstreamCalls(stack.app, { status: '500' });
    try {
      const result = await graphql(stack.app, `query($broken: String!, $working: String!, $images: String!) {
        broken: fhirStore(name: $broken) { patients { nodes { resourceId } } }
        working: fhirStore(name: $working) { patients { nodes { resourceId } } }
        images: dicomStore(name: $images) { studies { nodes { studyInstanceUid } } }
      }`, { broken: DEMO_FHIR_STORE, working: OTHER_STORE, images: DEMO_DICOM_STORE });
      expect(result.data).toEqual({ broken: null, working: { patients: { nodes: [{ resourceId: otherPatient }] } }, images: { studies: { nodes: [] } } });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ path: ['broken', 'patients'], extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: 500 } });
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    // Tried once more (UPSTREAM_RETRIES=1), then given up.
    expect(await upstreamCalls(stack.app, { status: '500' })).toBe(failedBefore + 2);
  });

  it('cuts a call that would outlive the request deadline', async () => {
    await setLatency(stack.emulator.url, 4000);
    try {
      const started = Date.now();
      const result = await graphql(stack.app, 'query($store: String!) { fhirStore(name: $store) { patients { nodes { resourceId } } } }', { store: DEMO_FHIR_STORE });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      // REQUEST_DEADLINE_MS is 1000 and the upstream takes 4000; the bound leaves a wide margin between.
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await setLatency(stack.emulator.url, undefined);
    }
  });
});
