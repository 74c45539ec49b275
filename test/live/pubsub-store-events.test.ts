/**
 * The replica's feed of store events end to end: our Healthcare emulator publishes its stores'
 * notifications to our Pub/Sub emulator, and `PubSubStoreEvents` (the real `@google-cloud/pubsub`
 * client) turns them into events, one subscription per replica per topic.
 */

import { PubSub } from '@google-cloud/pubsub';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { notificationTopics } from '../../src/live/notification-topics.js';
import { PubSubStoreEvents, pubSubClient, replicaSubscriptionName } from '../../src/live/pubsub-store-events.js';
import type { FhirStoreEvent, StoreEvent } from '../../src/live/store-events.js';
import { StoreEventsError } from '../../src/live/store-events-error.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { Client, LOC, start } from '../emulator/helpers.js';
import { ADT_A01, base64 } from '../emulator/hl7v2-helpers.js';
import { sampleInstances, stow } from '../emulator/dicom-helpers.js';

const PROJECT = 'demo';
const topicName = (id: string): string => `projects/${PROJECT}/topics/${id}`;
const DATASET = `${LOC}/datasets/live`;

/** Polls until `check` passes (the publish and the pull are asynchronous), then once more fails loudly. */
async function eventually(check: () => unknown): Promise<void> {
  for (let i = 0; i < 250; i++) {
    try {
      await check();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await check();
}

async function metric(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const values = (await metrics.registry.getSingleMetric(name)!.get()).values;
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((sum, v) => sum + v.value, 0);
}

describe('PubSubStoreEvents against the Healthcare and Pub/Sub emulators', () => {
  let pubsubEmulator: RunningPubSubEmulator;
  let emulator: RunningEmulator;
  let client: Client;
  let admin: PubSub;
  const sources: PubSubStoreEvents[] = [];

  function replica(replicaId: string, idleGraceMs = 0): { source: PubSubStoreEvents; metrics: Metrics } {
    const metrics = createMetrics();
    const source = new PubSubStoreEvents({
      pubsub: pubSubClient({ emulatorHost: pubsubEmulator.host, projectId: PROJECT }),
      replicaId,
      logger: createLogger('silent'),
      metrics,
      idleGraceMs,
    });
    sources.push(source);
    return { source, metrics };
  }

  /** Creates the topics and a store with the given config; returns the store's name and its topics as the graph reads them. */
  async function store(kind: 'fhirStores' | 'dicomStores' | 'hl7V2Stores', id: string, config: Record<string, unknown>, topics: string[]): Promise<{ name: string; topics: string[] }> {
    await Promise.all(topics.map((topic) => admin.createTopic(topicName(topic))));
    const created = await client.call('POST', `${DATASET}/${kind}?${kind.replace(/s$/, 'Id').replace(/^./, (c) => c.toLowerCase())}=${id}`, config);
    expect(created.status).toBe(200);
    const name = `${DATASET}/${kind}/${id}`;
    return { name, topics: notificationTopics(kind, (await client.get(name)).json) };
  }

  const collect = (into: StoreEvent[]) => (event: StoreEvent) => into.push(event);

  beforeAll(async () => {
    pubsubEmulator = await startPubSubEmulator();
    admin = new PubSub({ projectId: PROJECT, apiEndpoint: pubsubEmulator.host, emulatorMode: true });
    emulator = await start({ pubsubEndpoint: pubsubEmulator.host });
    client = new Client(emulator);
    expect((await client.call('POST', `${LOC}/datasets?datasetId=live`, {})).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all(sources.map((source) => source.close()));
    await emulator.close();
    await admin.close();
    await pubsubEmulator.close();
  });

  it('hands each FHIR change to each replica once, across the store\'s topics, with its version and time', async () => {
    const fhir = await store('fhirStores', 'f', {
      version: 'R4',
      enableUpdateCreate: true,
      notificationConfigs: [{ pubsubTopic: topicName('fhir-full'), sendFullResource: true }, { pubsubTopic: topicName('fhir-names') }],
    }, ['fhir-full', 'fhir-names']);
    expect(fhir.topics).toEqual([topicName('fhir-full'), topicName('fhir-names')]);
    const a = replica('a');
    const b = replica('b');
    const eventsA: StoreEvent[] = [];
    const eventsB: StoreEvent[] = [];
    const eventsA2: StoreEvent[] = [];
    await a.source.listen(fhir.name, fhir.topics, collect(eventsA));
    await a.source.listen(fhir.name, fhir.topics, collect(eventsA2));
    await b.source.listen(fhir.name, fhir.topics, collect(eventsB));

    const created = (await client.call('POST', `${fhir.name}/fhir/Patient`, { resourceType: 'Patient', gender: 'female' })).json as any;
    const updated = (await client.call('PUT', `${fhir.name}/fhir/Patient/${created.id}`, { ...created, gender: 'other' })).json as any;
    const marker = (await client.call('POST', `${fhir.name}/fhir/Observation`, { resourceType: 'Observation', status: 'final', code: { text: 'x' } })).json as any;
    await eventually(() => {
      for (const events of [eventsA, eventsB]) expect(events.some((e) => e.kind === 'fhir' && e.resourceId === marker.id)).toBe(true);
    });

    const patientEvents = (events: StoreEvent[]) => events.filter((e): e is FhirStoreEvent => e.kind === 'fhir' && e.resourceType === 'Patient');
    const expected = [
      { kind: 'fhir', store: fhir.name, name: `${fhir.name}/fhir/Patient/${created.id}`, action: 'CREATE', resourceType: 'Patient', resourceId: created.id, versionId: created.meta.versionId },
      { kind: 'fhir', store: fhir.name, name: `${fhir.name}/fhir/Patient/${created.id}`, action: 'UPDATE', resourceType: 'Patient', resourceId: created.id, versionId: updated.meta.versionId },
    ];
    for (const events of [eventsA, eventsB]) {
      expect(patientEvents(events).map(({ lastUpdated: _time, ...rest }) => rest).sort((x, y) => x.action.localeCompare(y.action))).toEqual(expected);
      expect(events).toHaveLength(3);
    }
    // RFC 1123's whole seconds, as RFC 3339.
    expect((eventsA[0] as any).lastUpdated).toBe(new Date(created.meta.lastUpdated).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    // Two listeners of one store on one replica get the very same objects.
    expect(eventsA2).toHaveLength(3);
    eventsA2.forEach((event, i) => expect(event).toBe(eventsA[i]));
    // Each replica read both topics' copies and dropped one of each pair.
    expect(await metric(a.metrics, 'live_notifications_received_total', { kind: 'fhir' })).toBe(6);
    expect(await metric(a.metrics, 'live_notifications_dropped_total', { reason: 'duplicate' })).toBe(3);
    expect(await metric(a.metrics, 'live_replica_subscriptions')).toBe(2);
  });

  it('reads DICOM stores and deletes, and HL7v2 messages', async () => {
    const dicom = await store('dicomStores', 'd', { notificationConfigs: [{ pubsubTopic: topicName('dicom') }] }, ['dicom']);
    const hl7v2 = await store('hl7V2Stores', 'h', { notificationConfigs: [{ pubsubTopic: topicName('hl7') }] }, ['hl7']);
    const { source } = replica('c');
    const dicomEvents: StoreEvent[] = [];
    const hl7Events: StoreEvent[] = [];
    await source.listen(dicom.name, dicom.topics, collect(dicomEvents));
    await source.listen(hl7v2.name, hl7v2.topics, collect(hl7Events));

    const { plan, files } = sampleInstances({ modality: 'CT', series: [{ description: 'Ax', instances: 2 }] });
    expect((await stow(`${emulator.url}/v1/${dicom.name}/dicomWeb`, files)).status).toBe(200);
    const message = (await client.call('POST', `${hl7v2.name}/messages`, { message: { data: base64(ADT_A01) } })).json as any;
    await eventually(() => expect(dicomEvents).toHaveLength(2));
    for (const event of dicomEvents) {
      expect(event).toMatchObject({ kind: 'dicom', store: dicom.name, action: 'STORE', studyInstanceUid: plan.studyInstanceUid });
      if (event.kind !== 'dicom') throw new Error('not DICOM');
      expect(event.name).toBe(`${dicom.name}/dicomWeb/studies/${event.studyInstanceUid}/series/${event.seriesInstanceUid}/instances/${event.sopInstanceUid}`);
      expect(event.versionId).toMatch(/^\d+$/);
    }
    await eventually(() => expect(hl7Events).toEqual([{ kind: 'hl7v2', store: hl7v2.name, name: message.name, messageType: 'ADT' }]));

    await fetch(`${emulator.url}/v1/${dicom.name}/dicomWeb/studies/${plan.studyInstanceUid}`, { method: 'DELETE' });
    await eventually(() => expect(dicomEvents.filter((e) => e.kind === 'dicom' && e.action === 'DELETE')).toHaveLength(2));
  });

  it('drops a message published twice, and acks and counts one that is no notification', async () => {
    const fhir = await store('fhirStores', 'dup', { version: 'R4', notificationConfigs: [{ pubsubTopic: topicName('dup') }] }, ['dup']);
    const { source, metrics } = replica('dup');
    const events: StoreEvent[] = [];
    await source.listen(fhir.name, fhir.topics, collect(events));
    const message = {
      data: Buffer.from(`${fhir.name}/fhir/Patient/p1`),
      attributes: { action: 'CreateResource', resourceType: 'Patient', payloadType: 'NameOnly', storeName: fhir.name, versionId: 'MTY4', lastUpdatedTime: 'Mon, 01 Jan 2024 00:00:00 UTC' },
    };
    const topic = admin.topic(topicName('dup'));
    await topic.publishMessage(message);
    await topic.publishMessage(message);
    await topic.publishMessage({ data: Buffer.from('not a notification'), attributes: {} });
    await topic.publishMessage({ ...message, attributes: { ...message.attributes, versionId: 'MTY5', lastUpdatedTime: 'Mon, 01 Jan 2024 00:00:05 UTC' } });
    await eventually(() => expect(events.map((e) => (e as any).versionId)).toEqual(['MTY4', 'MTY5']));
    expect(await metric(metrics, 'live_notifications_dropped_total', { reason: 'duplicate' })).toBe(1);
    await eventually(async () => expect(await metric(metrics, 'live_notifications_unparseable_total', { reason: 'malformed' })).toBe(1));
    // Everything was acked: nothing is left on the replica's subscription.
    const queue = pubsubEmulator.state.queue(replicaSubscriptionName(topicName('dup'), 'dup'));
    await eventually(() => expect(queue.size).toBe(0));
  });

  it('deletes the replica\'s subscription once the last listener of its topic is gone, and on close', async () => {
    const fhir = await store('fhirStores', 'gone', { version: 'R4', notificationConfigs: [{ pubsubTopic: topicName('gone') }] }, ['gone']);
    const { source, metrics } = replica('gone');
    const subscription = admin.subscription(replicaSubscriptionName(topicName('gone'), 'gone'));
    const stopFirst = await source.listen(fhir.name, fhir.topics, () => undefined);
    const stopSecond = await source.listen(fhir.name, fhir.topics, () => undefined);
    const [metadata] = await subscription.getMetadata();
    expect(metadata).toMatchObject({ topic: topicName('gone'), ackDeadlineSeconds: 10, expirationPolicy: { ttl: { seconds: '86400' } }, messageRetentionDuration: { seconds: '600' } });
    stopFirst();
    stopFirst();
    expect((await subscription.exists())[0]).toBe(true);
    stopSecond();
    await eventually(async () => expect((await subscription.exists())[0]).toBe(false));
    expect(await metric(metrics, 'live_replica_subscriptions')).toBe(0);

    // A new listener creates it again; close() deletes it.
    await source.listen(fhir.name, fhir.topics, () => undefined);
    expect((await subscription.exists())[0]).toBe(true);
    await source.close();
    expect((await subscription.exists())[0]).toBe(false);
    await expect(source.listen(fhir.name, fhir.topics, () => undefined)).rejects.toThrow(StoreEventsError);
  });

  it('opens its subscription again when it is deleted under it, and goes on delivering', async () => {
    const fhir = await store('fhirStores', 'again', { version: 'R4', notificationConfigs: [{ pubsubTopic: topicName('again') }] }, ['again']);
    const { source } = replica('again');
    const events: StoreEvent[] = [];
    await source.listen(fhir.name, fhir.topics, collect(events));
    const subscription = admin.subscription(replicaSubscriptionName(topicName('again'), 'again'));
    await subscription.delete();
    // The stream ends with NOT_FOUND, which the client does not retry: the replica creates it again.
    await eventually(async () => expect((await subscription.exists())[0]).toBe(true));
    const patient = (await client.call('POST', `${fhir.name}/fhir/Patient`, { resourceType: 'Patient' })).json as any;
    await eventually(() => expect(events).toMatchObject([{ resourceId: patient.id }]));
  });

  it('rejects listen() on a missing topic, a bad topic name or no topic, clearly', async () => {
    const { source, metrics } = replica('missing');
    const store = `${DATASET}/fhirStores/f`;
    await expect(source.listen(store, [topicName('no-such-topic')], () => undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `The Pub/Sub topic ${topicName('no-such-topic')} named in the store's notificationConfigs does not exist`,
    });
    await expect(source.listen(store, ['topics/x'], () => undefined)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(source.listen(store, [], () => undefined)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    // A topic that exists beside one that does not: nothing is left behind.
    await admin.createTopic(topicName('exists'));
    await expect(source.listen(store, [topicName('exists'), topicName('no-such-topic')], () => undefined)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const leftover = admin.subscription(replicaSubscriptionName(topicName('exists'), 'missing'));
    await eventually(async () => expect((await leftover.exists())[0]).toBe(false));
    expect(await metric(metrics, 'live_replica_subscriptions')).toBe(0);
  });
});
