/**
 * Conformance of our Pub/Sub emulator with Google's (`gcloud beta emulators pubsub start`, Java):
 * the same client script runs against both and must observe the same results; then the
 * Healthcare emulator's notifications travel through Google's emulator to a real subscriber.
 */

import { PubSub, type Message } from '@google-cloud/pubsub';
import { startPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { runConformanceScript } from '../pubsub-emulator/conformance-script.js';
import { startGooglePubSubEmulator, type GooglePubSubEmulator } from './google-pubsub-emulator.js';

describe("our Pub/Sub emulator against Google's", () => {
  let google: GooglePubSubEmulator | undefined;
  let googleHost: string;

  beforeAll(async () => {
    google = await startGooglePubSubEmulator('conformance');
    googleHost = google.host;
  });
  afterAll(() => google?.stop());

  it('the client script observes the same results on both', async () => {
    const ours = await startPubSubEmulator();
    try {
      const [oursLog, googleLog] = [await runConformanceScript(ours.host, 'ours'), await runConformanceScript(googleHost, 'google')];
      expect(oursLog).toEqual(googleLog);
    } finally {
      await ours.close();
    }
  });

  it("carries the Healthcare emulator's FHIR notifications through Google's emulator", async () => {
    const pubsub = new PubSub({ projectId: 'demo', apiEndpoint: googleHost, emulatorMode: true });
    const [topic] = await pubsub.createTopic('whole-path');
    const [subscription] = await topic.createSubscription('whole-path-sub');
    const received: Message[] = [];
    subscription.on('message', (m: Message) => {
      m.ack();
      received.push(m);
    });
    const healthcare = await startEmulator({ pubsubEndpoint: googleHost, logger: { warn: () => {}, error: () => {} } });
    try {
      const api = `${healthcare.url}/v1/projects/demo/locations/us-central1/datasets`;
      await fetch(`${api}?datasetId=live`, { method: 'POST', body: '{}' });
      await fetch(`${api}/live/fhirStores?fhirStoreId=f`, {
        method: 'POST',
        body: JSON.stringify({ version: 'R4', notificationConfigs: [{ pubsubTopic: topic.name, sendFullResource: true }] }),
      });
      const created = await (await fetch(`${api}/live/fhirStores/f/fhir/Patient`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Patient' }) })).json();
      for (let i = 0; i < 300 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!.data.toString()).id).toBe(created.id);
      expect(received[0]!.attributes).toMatchObject({ action: 'CreateResource', payloadType: 'FullResource', resourceType: 'Patient' });
    } finally {
      await healthcare.close();
      await subscription.close();
      await pubsub.close();
    }
  });
});
