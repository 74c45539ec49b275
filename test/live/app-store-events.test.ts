/**
 * `npm start`'s wiring of live updates: the graph's store-event source reads the embedded
 * emulator's Pub/Sub, reports on /metrics, and takes its subscription down when the listener goes.
 */

import { PubSub } from '@google-cloud/pubsub';
import type { RunningApp } from '../../src/app.js';
import { notificationTopics } from '../../src/live/notification-topics.js';
import type { StoreEvent } from '../../src/live/store-events.js';
import { metricTotal, rest, startTestApp } from '../helpers/app.js';

const TOPIC = 'projects/demo/topics/app-live';

describe('the graph\'s store events with the embedded emulator', () => {
  let app: RunningApp;
  let admin: PubSub;
  beforeAll(async () => {
    app = await startTestApp({ LIVE_REPLICA_ID: 'app-test', LIVE_IDLE_GRACE_MS: '0' });
    admin = new PubSub({ projectId: 'demo', apiEndpoint: app.emulator!.pubsubHost, emulatorMode: true });
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await app?.close();
  });

  it('delivers a FHIR write to a listener, counts it, and deletes its subscription after it', async () => {
    await admin.createTopic(TOPIC);
    const dataset = 'projects/demo/locations/us-central1/datasets/live-app';
    expect((await rest(app, 'POST', 'projects/demo/locations/us-central1/datasets?datasetId=live-app', {})).status).toBe(200);
    expect((await rest(app, 'POST', `${dataset}/fhirStores?fhirStoreId=f`, { version: 'R4', notificationConfigs: [{ pubsubTopic: TOPIC }] })).status).toBe(200);
    const store = `${dataset}/fhirStores/f`;
    const topics = notificationTopics('fhirStores', (await rest(app, 'GET', store)).body);
    const events: StoreEvent[] = [];
    const stop = await app.storeEvents!.listen(store, topics, (event) => events.push(event));
    expect(await metricTotal(app, 'live_replica_subscriptions')).toBe(1);

    const patient = (await rest(app, 'POST', `${store}/fhir/Patient`, { resourceType: 'Patient' })).body;
    for (let i = 0; i < 250 && events.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toMatchObject([{ kind: 'fhir', action: 'CREATE', resourceType: 'Patient', resourceId: patient.id, versionId: patient.meta.versionId }]);
    expect(await metricTotal(app, 'live_notifications_received_total', { kind: 'fhir' })).toBe(1);

    stop();
    const subscription = admin.subscription('projects/demo/subscriptions/hcgraph-live-app-test-app-live');
    for (let i = 0; i < 250 && (await subscription.exists())[0]; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await subscription.exists())[0]).toBe(false);
    expect(await metricTotal(app, 'live_replica_subscriptions')).toBe(0);
  });
});
