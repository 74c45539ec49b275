import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { graphql, startTestApp } from '../helpers/app.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3' });
}, 60_000);
afterAll(() => app.close());

describe('the example operations of GraphiQL (docs/examples.md shows them)', () => {
  it.each(EXAMPLE_OPERATIONS.map((example) => [example.name, example] as const))('%s runs on the demo data without errors', async (_name, example) => {
    const result = await graphql(app, example.query, example.variables);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toMatch(/^\{"[^"]+":null\}$/);
  });

  it('StudyBrowser returns thumbnails that load', async () => {
    const example = EXAMPLE_OPERATIONS.find((candidate) => candidate.name === 'StudyBrowser')!;
    const result = await graphql(app, example.query, example.variables);
    const thumbnail: string = result.data.dicomStore.studies.nodes[0].series.nodes[0].instances.nodes[0].thumbnail;
    const response = await fetch(thumbnail);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
  });

  it('PatientChart shows the first demo patient', async () => {
    const example = EXAMPLE_OPERATIONS.find((candidate) => candidate.name === 'PatientChart')!;
    const result = await graphql(app, example.query, example.variables);
    expect(result.data.fhirStore.patient.mrn).toMatch(/^MRN\d+$/);
    expect(result.data.fhirStore.patient.conditions.nodes.length).toBeGreaterThan(0);
  });
});
