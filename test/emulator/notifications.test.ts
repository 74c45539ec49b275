/**
 * Store notifications: the emulator publishes Cloud Healthcare's messages for FHIR, HL7v2 and
 * DICOM changes to the stores' `notificationConfigs` topics on a Pub/Sub emulator, and a real
 * `@google-cloud/pubsub` subscriber reads them (data and attributes as pubsub.md §1.2–1.4 lists).
 */

import { PubSub, type Message, type Subscription } from '@google-cloud/pubsub';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { Client, LOC, start } from './helpers.js';
import { ADT_A01, ORU_R01, base64 } from './hl7v2-helpers.js';
import { sampleInstances, stow } from './dicom-helpers.js';

const TOPIC = (id: string): string => `projects/demo/topics/${id}`;
const DATASET = `${LOC}/datasets/n`;
const FHIR = `${DATASET}/fhirStores/f`;

describe('store notifications to Pub/Sub', () => {
  let pubsubEmulator: RunningPubSubEmulator;
  let emulator: RunningEmulator;
  let client: Client;
  let pubsub: PubSub;
  const inbox = new Map<string, Message[]>();
  const subscriptions: Subscription[] = [];

  async function subscribe(topicId: string): Promise<Subscription> {
    const [topic] = await pubsub.createTopic(topicId);
    const [subscription] = await topic.createSubscription(`${topicId}-sub`);
    inbox.set(topicId, []);
    subscriptions.push(subscription);
    subscription.on('message', (message: Message) => {
      message.ack();
      inbox.get(topicId)?.push(message);
    });
    return subscription;
  }

  /** Waits for `count` messages on a topic (the subscriber is live; the publish is asynchronous). */
  async function received(topicId: string, count: number): Promise<Message[]> {
    for (let i = 0; i < 300 && (inbox.get(topicId)?.length ?? 0) < count; i++) await new Promise((r) => setTimeout(r, 20));
    const messages = inbox.get(topicId)?.splice(0) ?? [];
    expect(messages).toHaveLength(count);
    return messages;
  }

  beforeAll(async () => {
    pubsubEmulator = await startPubSubEmulator();
    pubsub = new PubSub({ projectId: 'demo', apiEndpoint: pubsubEmulator.host, emulatorMode: true });
    await Promise.all(['fhir-full', 'fhir-names', 'fhir-legacy', 'hl7-adt', 'hl7-all', 'dicom'].map(subscribe));
    emulator = await start({ pubsubEndpoint: pubsubEmulator.host });
    client = new Client(emulator);
    await client.call('POST', `${LOC}/datasets?datasetId=n`, {});
  });
  afterAll(async () => {
    await emulator.close();
    await Promise.all(subscriptions.map((s) => s.close()));
    await pubsub.close();
    await pubsubEmulator.close();
  });

  it('publishes FHIR creates, updates, patches and deletes per config: full resource, name only, previous resource, legacy', async () => {
    await client.call('POST', `${DATASET}/fhirStores?fhirStoreId=f`, {
      version: 'R4',
      enableUpdateCreate: true,
      notificationConfig: { pubsubTopic: TOPIC('fhir-legacy') },
      notificationConfigs: [
        { pubsubTopic: TOPIC('fhir-full'), sendFullResource: true },
        { pubsubTopic: TOPIC('fhir-names'), sendPreviousResourceOnDelete: true },
      ],
    });
    const created = (await client.call('POST', `${FHIR}/fhir/Patient`, { resourceType: 'Patient', name: [{ family: 'Notified' }] })).json as any;
    const name = `${FHIR}/fhir/Patient/${created.id}`;

    const [full] = await received('fhir-full', 1);
    expect(JSON.parse(full!.data.toString())).toEqual(created);
    expect(full!.attributes).toEqual({
      action: 'CreateResource',
      resourceType: 'Patient',
      payloadType: 'FullResource',
      storeName: FHIR,
      versionId: created.meta.versionId,
      lastUpdatedTime: new Date(created.meta.lastUpdated).toUTCString().replace('GMT', 'UTC'),
    });
    expect(full!.attributes['lastUpdatedTime']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} UTC$/);
    const [nameOnly] = await received('fhir-names', 1);
    expect(nameOnly!.data.toString()).toBe(name);
    expect(nameOnly!.attributes['payloadType']).toBe('NameOnly');
    const [legacy] = await received('fhir-legacy', 1);
    expect(legacy!.data.toString()).toBe(name);
    expect(legacy!.attributes).toEqual({ action: 'CreateResource', resourceType: 'Patient' });

    await client.call('PUT', `${FHIR}/fhir/Patient/${created.id}`, { ...created, gender: 'female' });
    const patch = await fetch(`${emulator.url}/v1/${FHIR}/fhir/Patient/${created.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/gender', value: 'other' }]),
    });
    expect(patch.status).toBe(200);
    const changes = await received('fhir-names', 2);
    expect(changes.map((m) => m.attributes['action']).sort()).toEqual(['PatchResource', 'UpdateResource']);
    const fullChanges = await received('fhir-full', 2);
    const patched = fullChanges.find((m) => m.attributes['action'] === 'PatchResource');
    expect(JSON.parse(patched!.data.toString()).gender).toBe('other');
    await received('fhir-legacy', 2);

    await client.call('DELETE', `${FHIR}/fhir/Patient/${created.id}`);
    const [deletedFull] = await received('fhir-full', 1);
    // sendFullResource does not apply to deletes: without sendPreviousResourceOnDelete, the name.
    expect(deletedFull!.attributes['payloadType']).toBe('NameOnly');
    expect(deletedFull!.data.toString()).toBe(name);
    const [deletedPrevious] = await received('fhir-names', 1);
    expect(deletedPrevious!.attributes['action']).toBe('DeleteResource');
    expect(deletedPrevious!.attributes['payloadType']).toBe('FullResource');
    expect(JSON.parse(deletedPrevious!.data.toString()).gender).toBe('other');
    await received('fhir-legacy', 1);
  });

  it('publishes HL7v2 creates and ingests that pass each config filter, with msgType and the message name', async () => {
    await client.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=h`, {
      notificationConfigs: [{ pubsubTopic: TOPIC('hl7-adt'), filter: 'message_type = "ADT"' }, { pubsubTopic: TOPIC('hl7-all') }],
    });
    const adt = (await client.call('POST', `${DATASET}/hl7V2Stores/h/messages`, { message: { data: base64(ADT_A01) } })).json as any;
    const ingested = (await client.call('POST', `${DATASET}/hl7V2Stores/h/messages:ingest`, { message: { data: base64(ORU_R01) } })).json as any;
    const [onlyAdt] = await received('hl7-adt', 1);
    expect(onlyAdt!.data.toString()).toBe(adt.name);
    expect(onlyAdt!.attributes).toEqual({ msgType: 'ADT' });
    const all = await received('hl7-all', 2);
    expect(all.map((m) => m.data.toString()).sort()).toEqual([adt.name, ingested.message.name].sort());
    // A label patch is not a new message: nothing is published.
    await client.call('PATCH', `${adt.name}?updateMask=labels`, { labels: { seen: 'yes' } });
    await client.call('POST', `${DATASET}/hl7V2Stores/h/messages`, { message: { data: base64(ADT_A01) } });
    await received('hl7-all', 1);
  });

  it('publishes one DICOM message per stored and deleted instance, with the UIDs and modality', async () => {
    await client.call('POST', `${DATASET}/dicomStores?dicomStoreId=d`, { notificationConfigs: [{ pubsubTopic: TOPIC('dicom') }] });
    const { plan, files } = sampleInstances({ modality: 'MR', series: [{ description: 'Ax', instances: 2 }] });
    const web = `${emulator.url}/v1/${DATASET}/dicomStores/d/dicomWeb`;
    expect((await stow(web, files)).status).toBe(200);
    const stored = await received('dicom', 2);
    const study = plan.studyInstanceUid;
    for (const message of stored) {
      const a = message.attributes;
      expect(a).toMatchObject({ action: 'StoreInstances', storeName: `${DATASET}/dicomStores/d`, studyInstanceUID: study, storageClass: 'STANDARD' });
      expect(a['modality']).toBe('MR');
      expect(message.data.toString()).toBe(`${DATASET}/dicomStores/d/dicomWeb/studies/${study}/series/${a['seriesInstanceUID']}/instances/${a['sopInstanceUID']}`);
    }
    await fetch(`${web}/studies/${study}`, { method: 'DELETE' });
    const deleted = await received('dicom', 2);
    expect(deleted.map((m) => m.attributes['action'])).toEqual(['DeleteInstances', 'DeleteInstances']);
  });
});
