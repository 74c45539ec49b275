import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { metricTotal, startTestApp } from '../helpers/app.js';
import { DEMO_FHIR, post } from './helpers.js';

/** `/metrics` after real operations: operation latency, upstream latency and errors, loader batches. */

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3' });
}, 120_000);
afterAll(() => app.close());

const metrics = async () => (await fetch(`${app.graph.url}/metrics`)).text();

describe('/metrics', () => {
  it('has operation and upstream latency histograms after a query', async () => {
    expect((await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patients(first: 3) { nodes { displayName } } } }` })).errors).toBeUndefined();
    const text = await metrics();
    for (const series of [
      'graphql_operation_duration_seconds_bucket{le="0.005",type="query"}',
      'graphql_operations_total{type="query",outcome="ok"}',
      'healthcare_upstream_request_duration_seconds_bucket{le="0.005",kind="fhir",method="GET"}',
      'healthcare_upstream_requests_total{kind="fhir",method="GET",status="200"}',
      'graphql_loader_batch_size_bucket{le="1",loader="fhirSearch"}',
      'process_cpu_seconds_total',
    ]) {
      expect(text).toContain(series);
    }
    expect(text).toContain('# TYPE healthcare_upstream_errors_total counter');
  });

  it('records one batch of three keys when three patients are read by id in one request', async () => {
    const count = () => metricTotal(app, 'graphql_loader_batch_size_count', { loader: 'fhirResource' });
    const sum = () => metricTotal(app, 'graphql_loader_batch_size_sum', { loader: 'fhirResource' });
    const [countBefore, sumBefore] = [await count(), await sum()];
    const answer = await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") {
      a: patient(id: "pat-000001") { id } b: patient(id: "pat-000002") { id } c: patient(id: "pat-000003") { id } } }` });
    expect(answer.errors).toBeUndefined();
    expect([(await count()) - countBefore, (await sum()) - sumBefore]).toEqual([1, 3]);
  });

  it('counts an upstream call that failed for good by kind and status', async () => {
    const notFound = () => metricTotal(app, 'healthcare_upstream_errors_total', { kind: 'fhir', code: '404' });
    const before = await notFound();
    const answer = await post(app, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patient(id: "no-such-patient") { id } } }` });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await notFound()) - before).toBe(1);
  });
});

describe('/metrics with a failing upstream', () => {
  let faulty: RunningApp;
  beforeAll(async () => {
    // Every FHIR search fails with 503: retried, then counted once as an error of the call.
    faulty = await startTestApp({
      EMULATOR_FAULTS: JSON.stringify([{ path: '/fhir/Patient$', method: 'GET', rate: 1, status: 503 }]),
      UPSTREAM_RETRIES: '1',
    });
  }, 120_000);
  afterAll(() => faulty?.close());

  it('counts retries and the final error separately', async () => {
    const answer = await post(faulty, { query: `{ fhirStore(name: "${DEMO_FHIR}") { patients(first: 1) { nodes { id } } } }` });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await metricTotal(faulty, 'healthcare_upstream_retries_total', { kind: 'fhir' })).toBe(1);
    expect(await metricTotal(faulty, 'healthcare_upstream_errors_total', { kind: 'fhir', code: '503' })).toBe(1);
  });
});
