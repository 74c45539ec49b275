import { describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { parseFaultRules } from '../../src/emulator/faults.js';
import { graphql, metricTotal, startTestApp, upstreamCalls } from '../helpers/app.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';

/** Starts the graph, then adds fault rules to its emulator (after the demo data loaded), runs `run`, and always stops it. */
async function withFaults(faults: object[], env: Record<string, string>, run: (app: RunningApp) => Promise<void>) {
  const app = await startTestApp(env);
  await app.emulator!.setFaults(parseFaultRules(JSON.stringify(faults)));
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

describe('upstream resilience', () => {
  it('retries reads that fail twice with 503 and completes the query', async () => {
    await withFaults([{ path: '/fhirStores$', method: 'GET', rate: 1, status: 503, times: 2 }], {}, async (app) => {
      const result = await graphql(app, '{ dataset(id: "demo") { fhirStores { nodes { storeId } } } }');
      expect(result.errors).toBeUndefined();
      expect(result.data.dataset.fhirStores.nodes).toEqual([{ storeId: 'fhir' }]);
      expect(await metricTotal(app, 'healthcare_upstream_retries_total')).toBe(2);
      expect(await upstreamCalls(app, { status: '503' })).toBe(2);
    });
  });

  it('retries a dropped connection and a truncated body', async () => {
    await withFaults([
      { path: '/dicomStores$', method: 'GET', rate: 1, status: 'reset', times: 1 },
      { path: '/fhirStores$', method: 'GET', rate: 1, status: 'truncate', times: 1 },
    ], {}, async (app) => {
      const result = await graphql(app, '{ dataset(id: "demo") { fhirStores { nodes { storeId } } dicomStores { nodes { storeId } } } }');
      expect(result.errors).toBeUndefined();
      expect(await metricTotal(app, 'healthcare_upstream_retries_total')).toBe(2);
    });
  });

  it('waits as long as Retry-After says before trying a 429 again', async () => {
    await withFaults([{ path: '/fhirStores$', method: 'GET', rate: 1, status: 429, retryAfter: 1, times: 1 }], {}, async (app) => {
      const started = Date.now();
      const result = await graphql(app, '{ dataset(id: "demo") { fhirStores { nodes { storeId } } } }');
      expect(result.errors).toBeUndefined();
      // A lower bound only: the retry must not come before the server allowed it.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    });
  });

  it('gives up after the configured retries with RATE_LIMITED, keeping the fields that worked', async () => {
    await withFaults([{ path: '/dicomStores$', method: 'GET', rate: 1, status: 429 }], { UPSTREAM_RETRIES: '2' }, async (app) => {
      const result = await graphql(app, `{ a: dataset(id: "demo") { fhirStores { nodes { storeId } } } b: dataset(id: "demo") { dicomStores { nodes { storeId } } } }`);
      expect(result.data).toEqual({ a: { fhirStores: { nodes: [{ storeId: 'fhir' }] } }, b: null });
      expect(result.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(await upstreamCalls(app, { status: '429' })).toBe(3);
    });
  });

  it('never retries a plain create, so a failed write is not duplicated', async () => {
    await withFaults([{ path: '/fhir/Organization$', method: 'POST', rate: 1, status: 503 }], {}, async (app) => {
      const result = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created } }', {
        input: { store: `${DATASET}/fhirStores/fhir`, resource: { resourceType: 'Organization', name: 'Once' } },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(await upstreamCalls(app, { method: 'POST', status: '503' })).toBe(1);
    });
  });

  it('retries a conditional create, which cannot create twice', async () => {
    await withFaults([{ path: '/fhir/Organization$', method: 'POST', rate: 1, status: 503, times: 1 }], {}, async (app) => {
      const input = { store: `${DATASET}/fhirStores/fhir`, resource: { resourceType: 'Organization', name: 'Twice', identifier: [{ system: 'urn:t', value: '1' }] }, ifNoneExist: 'identifier=urn:t|1' };
      const result = await graphql(app, 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created } }', { input });
      expect(result.data?.createFhirResource).toEqual({ created: true });
      const search = await fetch(`${app.apiUrl}/${DATASET}/fhirStores/fhir/fhir/Organization?identifier=urn:t|1`);
      expect(((await search.json()) as { total: number }).total).toBe(1);
    });
  });

  it('stops retrying at the request deadline', async () => {
    await withFaults([{ path: '/fhirStores$', method: 'GET', rate: 1, status: 503, retryAfter: 5 }], { REQUEST_DEADLINE_MS: '1000' }, async (app) => {
      const started = Date.now();
      const result = await graphql(app, '{ dataset(id: "demo") { fhirStores { nodes { storeId } } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
