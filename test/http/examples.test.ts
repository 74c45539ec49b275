import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS, isSubscription } from '../../src/http/examples.js';
import { graphql, startTestApp } from '../helpers/app.js';
import { subscribe } from '../helpers/live-client.js';

const tab = (name: string) => EXAMPLE_OPERATIONS.find((candidate) => candidate.name === name)!;

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3' });
}, 60_000);
afterAll(() => app.close());

describe('the example operations of GraphiQL (docs/examples.md shows them)', () => {
  it.each(EXAMPLE_OPERATIONS.filter((example) => !isSubscription(example)).map((example) => [example.name, example] as const))('%s runs on the demo data without errors', async (_name, example) => {
    const result = await graphql(app, example.query, example.variables);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toMatch(/^\{"[^"]+":null\}$/);
  });

  it('WatchPatient (over WebSocket) receives what RecordVitalSign records', async () => {
    const watch = await subscribe(app, tab('WatchPatient').query, tab('WatchPatient').variables);
    try {
      // The subscription starts listening upstream a moment after the socket opens: record until it hears.
      for (let attempt = 0; ; attempt++) {
        const recorded = await graphql(app, tab('RecordVitalSign').query, tab('RecordVitalSign').variables);
        expect(recorded.errors).toBeUndefined();
        const event = await watch.next(2_000).catch((error: unknown) => {
          if (attempt >= 10) throw error;
          return undefined;
        });
        if (event === undefined) continue;
        expect(event.errors).toBeUndefined();
        expect(event.data.patientChanged).toMatchObject({ action: 'CREATE', resourceType: 'Observation', resource: { resource: { subject: { reference: 'Patient/pat-000001' } } } });
        break;
      }
    } finally {
      await watch.close();
    }
  }, 60_000);

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
