/**
 * The newcomer's path, end to end over the wire: the graph with the embedded demo (its live feed
 * on, fast), a graphql-ws client subscribed to a patient's changes, the GraphQL mutation that
 * records an observation, and the event that arrives with the resource as stored. And the live
 * feed's admissions reach an `hl7V2MessageReceived` subscriber.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { graphql, startTestApp } from '../helpers/app.js';
import { subscribe, type LiveSubscription } from '../helpers/live-client.js';

const STORE = 'projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir';
const HL7V2_STORE = 'projects/demo/locations/us-central1/datasets/demo/hl7V2Stores/hl7v2';
const RECORD = EXAMPLE_OPERATIONS.find((example) => example.name === 'RecordVitalSign')!;

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3', DEMO_LIVE: 'on', DEMO_LIVE_INTERVAL_MS: '1000' });
}, 120_000);
afterAll(() => app?.close());

/** Reads events until one passes `test`: the live feed writes for the same patients meanwhile. */
async function until(live: LiveSubscription, test: (data: any) => boolean, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await live.next(Math.max(1, deadline - Date.now()));
    expect(result.errors).toBeUndefined();
    if (test(result.data)) return result.data;
  }
}

describe('the live demo over graphql-ws', () => {
  it('delivers the observation the GraphiQL mutation records to a patientChanged subscriber, with the resource', async () => {
    const live = await subscribe(app, `subscription ($store: String!, $id: String!) {
      patientChanged(store: $store, patientId: $id) {
        action resourceType resourceId versionId lastUpdated
        resource { resourceId versionId resource }
      }
    }`, { store: STORE, id: 'pat-000002' });
    try {
      const recorded = new Map<string, number>();
      let event: any;
      // Recorded until the subscription hears one: it starts listening upstream a moment after it opens.
      for (let attempt = 0; event === undefined; attempt++) {
        const bpm = 60 + attempt;
        const result = await graphql(app, RECORD.query, { ...RECORD.variables, patient: 'Patient/pat-000002', bpm, when: new Date().toISOString() });
        expect(result.errors).toBeUndefined();
        recorded.set(result.data.createFhirResource.resource.resourceId, bpm);
        event = await until(live, (data) => recorded.has(data.patientChanged.resourceId), 2_000).catch((error: unknown) => {
          if (attempt >= 10) throw error;
          return undefined;
        });
      }
      const change = event.patientChanged;
      expect(change).toMatchObject({ action: 'CREATE', resourceType: 'Observation', versionId: expect.any(String), lastUpdated: expect.any(String) });
      expect(change.resource).toMatchObject({ resourceId: change.resourceId, versionId: change.versionId });
      expect(change.resource.resource).toMatchObject({
        resourceType: 'Observation',
        subject: { reference: 'Patient/pat-000002' },
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        valueQuantity: { value: recorded.get(change.resourceId), code: '/min' },
      });
    } finally {
      await live.close();
    }
  }, 60_000);

  it('delivers the live feed\'s admissions to an hl7V2MessageReceived subscriber', async () => {
    const live = await subscribe(app, `subscription ($store: String!) {
      hl7V2MessageReceived(store: $store, filter: "message_type = \\"ADT\\"") { messageType event controlId patientIds { value type } }
    }`, { store: HL7V2_STORE });
    try {
      const { hl7V2MessageReceived: message } = await until(live, () => true);
      expect(message).toMatchObject({ messageType: 'ADT', event: 'A01', controlId: expect.stringMatching(/^LIVE-/) });
      expect(message.patientIds).toContainEqual({ value: expect.stringMatching(/^MRN000000[1-3]$/), type: 'MRN' });
    } finally {
      await live.close();
    }
  }, 60_000);
});
