/**
 * GraphQL subscriptions end to end, with the real graphql-ws client: the embedded emulator publishes
 * each write to the embedded Pub/Sub emulator, the graph's store-event source receives it, and each
 * subscriber gets the change read again with its own credentials.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PubSub, type Message } from '@google-cloud/pubsub';
import type { Client } from 'graphql-ws';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { sampleInstances, stow } from '../emulator/dicom-helpers.js';
import { ADT_A01, ORU_R01 } from '../emulator/hl7v2-helpers.js';
import { createLiveStores, listening, liveClient, STORES, stopAll, subscribe, topicName } from './helpers.js';

let app: RunningApp;
let client: Client;

beforeAll(async () => {
  app = await startTestApp();
  await createLiveStores(app.apiUrl, app.emulator!.pubsubHost);
  client = liveClient(app.graph.url);
}, 120_000);
afterEach(async () => {
  stopAll();
  await listening(app.graph.url, 0);
});
afterAll(async () => {
  await client?.dispose();
  await app?.close();
});

const CREATE = `mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { resource { resourceId } } }`;
async function create(resource: Record<string, unknown>): Promise<string> {
  const result = await graphql(app, CREATE, { input: { store: STORES.fhir, resource } });
  expect(result.errors).toBeUndefined();
  return result.data.createFhirResource.resource.resourceId;
}
const observation = (patient: string, value: number) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
  subject: { reference: `Patient/${patient}` },
  valueQuantity: { value, unit: '/min' },
});

const CHANGES = `subscription($store: String!, $types: [String!]) {
  fhirResourceChanged(store: $store, types: $types) {
    action resourceType resourceId versionId lastUpdated
    resource { resourceId resource }
  }
}`;
const PATIENT_CHANGES = `subscription($store: String!, $patientId: String!) {
  patientChanged(store: $store, patientId: $patientId) { action resourceType resourceId resource { resourceId } }
}`;

/** Waits long enough for an event that should not come to have arrived if it were sent. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('fhirResourceChanged', () => {
  it('sends a change made by a GraphQL mutation with the resource read again, and only the subscribed types', async () => {
    const all = subscribe(client, CHANGES, { store: STORES.fhir });
    const observations = subscribe(client, CHANGES, { store: STORES.fhir, types: ['Observation'] });
    await listening(app.graph.url, 2);

    const patient = await create({ resourceType: 'Patient', name: [{ family: 'Live' }] });
    const obs = await create(observation(patient, 72));

    const [first, second] = await all.next(2);
    expect(first?.data?.fhirResourceChanged).toMatchObject({ action: 'CREATE', resourceType: 'Patient', resourceId: patient, versionId: expect.any(String), resource: { resourceId: patient, resource: expect.objectContaining({ resourceType: 'Patient', id: patient }) } });
    expect(second?.data?.fhirResourceChanged).toMatchObject({ action: 'CREATE', resourceType: 'Observation', resourceId: obs, resource: { resourceId: obs, resource: expect.objectContaining({ valueQuantity: { value: 72, unit: '/min' } }) } });
    expect(second?.data?.fhirResourceChanged.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT/);
    await settle();
    expect(observations.results.map((result) => result.data?.fhirResourceChanged.resourceId)).toEqual([obs]);
    all.stop();
    observations.stop();
  });

  it('reads each event once for all subscribers with the same credentials', async () => {
    const subscribers = [1, 2, 3].map(() => subscribe(client, CHANGES, { store: STORES.fhir, types: ['Patient'] }));
    await listening(app.graph.url, 3);
    const { calls } = await countUpstreamCalls(app, async () => {
      await create({ resourceType: 'Patient' });
      for (const live of subscribers) await live.next();
    }, { kind: 'fhir', method: 'GET' });
    expect(subscribers.map((live) => live.results.length)).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('sends a delete with resource null', async () => {
    const patient = await create({ resourceType: 'Patient' });
    const live = subscribe(client, CHANGES, { store: STORES.fhir, types: ['Patient'] });
    await listening(app.graph.url, 1);
    const deleted = await graphql(app, `mutation($input: DeleteFhirResourceInput!) { deleteFhirResource(input: $input) { __typename } }`, { input: { store: STORES.fhir, resourceType: 'Patient', id: patient } });
    expect(deleted.errors).toBeUndefined();
    const [change] = await live.next();
    expect(change?.data?.fhirResourceChanged).toMatchObject({ action: 'DELETE', resourceType: 'Patient', resourceId: patient, resource: null });
    live.stop();
  });

  it('sends one message for a notification delivered twice', async () => {
    // A second Pub/Sub subscription on the store's topic captures the emulator's message, to publish it again.
    const pubsub = new PubSub({ projectId: 'demo', apiEndpoint: app.emulator!.pubsubHost, emulatorMode: true });
    const [tap] = await pubsub.topic(topicName('live-fhir')).createSubscription('duplicate-tap');
    const captured = new Promise<Message>((resolve) => tap.once('message', (message: Message) => {
      message.ack();
      resolve(message);
    }));
    try {
      const live = subscribe(client, CHANGES, { store: STORES.fhir, types: ['Patient'] });
      await listening(app.graph.url, 1);
      const patient = await create({ resourceType: 'Patient', name: [{ family: 'Twice' }] });
      const original = await captured;
      await pubsub.topic(topicName('live-fhir')).publishMessage({ data: original.data, attributes: original.attributes });
      await live.next(1);
      await settle();
      expect(live.results.map((result) => result.data?.fhirResourceChanged.resourceId)).toEqual([patient]);
      live.stop();
    } finally {
      await tap.delete();
      await pubsub.close();
    }
  });
});

describe('patientChanged', () => {
  it('sends the patient\'s own changes and their compartment\'s, not another patient\'s', async () => {
    const mine = await create({ resourceType: 'Patient', name: [{ family: 'Mine' }] });
    const other = await create({ resourceType: 'Patient', name: [{ family: 'Other' }] });
    const live = subscribe(client, PATIENT_CHANGES, { store: STORES.fhir, patientId: mine });
    await listening(app.graph.url, 1);

    await create(observation(other, 90));
    const obs = await create(observation(mine, 61));
    const [change] = await live.next();
    expect(change?.data?.patientChanged).toMatchObject({ action: 'CREATE', resourceType: 'Observation', resourceId: obs, resource: { resourceId: obs } });

    const deleted = await graphql(app, `mutation($input: DeleteFhirResourceInput!) { deleteFhirResource(input: $input) { __typename } }`, { input: { store: STORES.fhir, resourceType: 'Observation', id: obs } });
    expect(deleted.errors).toBeUndefined();
    const [, removal] = await live.next(2);
    expect(removal?.data?.patientChanged).toMatchObject({ action: 'DELETE', resourceType: 'Observation', resourceId: obs, resource: null });
    await settle();
    expect(live.results).toHaveLength(2);
    live.stop();
  });
});

describe('dicomInstanceStored', () => {
  it('sends the instances of the subscribed study as Instance objects', async () => {
    const wanted = sampleInstances({ seed: 'live-wanted', modality: 'CR' });
    const other = sampleInstances({ seed: 'live-other', modality: 'CR' });
    const live = subscribe(client, `subscription($store: String!, $study: String) {
      dicomInstanceStored(store: $store, studyInstanceUid: $study) { sopInstanceUid rows columns }
    }`, { store: STORES.dicom, study: wanted.plan.studyInstanceUid });
    await listening(app.graph.url, 1);

    const web = `${app.apiUrl}/${STORES.dicom}/dicomWeb`;
    expect((await stow(web, other.files)).status).toBe(200);
    expect((await stow(web, wanted.files)).status).toBe(200);
    const results = await live.next(wanted.files.length);
    await settle();
    expect(live.results).toHaveLength(wanted.files.length);
    const uids = wanted.plan.series.flatMap((series) => series.instances.map((instance) => instance.sopInstanceUid)).sort();
    expect(results.map((result) => result.data?.dicomInstanceStored.sopInstanceUid).sort()).toEqual(uids);
    expect(results[0]?.data?.dicomInstanceStored.rows).toBeGreaterThan(0);
    live.stop();
  });
});

describe('hl7V2MessageReceived', () => {
  it('sends the messages that pass the filter, evaluated on each message', async () => {
    const live = subscribe(client, `subscription($store: String!, $filter: String) {
      hl7V2MessageReceived(store: $store, filter: $filter) { messageType }
    }`, { store: STORES.hl7v2, filter: 'message_type = "ORU"' });
    await listening(app.graph.url, 1);
    const ingest = `mutation($store: String!, $message: String!) { ingestHl7V2Message(store: $store, message: $message) { ackCode } }`;
    expect((await graphql(app, ingest, { store: STORES.hl7v2, message: ADT_A01 })).errors).toBeUndefined();
    expect((await graphql(app, ingest, { store: STORES.hl7v2, message: ORU_R01 })).errors).toBeUndefined();
    const [message] = await live.next();
    expect(message?.data?.hl7V2MessageReceived).toEqual({ messageType: 'ORU' });
    await settle();
    expect(live.results).toHaveLength(1);
    live.stop();
  });

  it('refuses a malformed filter with BAD_USER_INPUT and makes no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, async () => {
      const live = subscribe(client, `subscription { hl7V2MessageReceived(store: "${STORES.hl7v2}", filter: "message_type != \\"ADT\\"") { name } }`);
      await live.ended;
      return live.results;
    });
    expect(result[0]?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result[0]?.errors?.[0]?.message).toMatch(/no != operator/);
    expect(calls).toBe(0);
  });
});

describe('refusals at subscribe time', () => {
  const ended = async (query: string) => {
    const live = subscribe(client, query);
    const error = await live.ended;
    return { error, results: live.results };
  };

  it('refuses a store outside the configured project with FORBIDDEN and no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => ended(`subscription { fhirResourceChanged(store: "projects/elsewhere/locations/us-central1/datasets/demo/fhirStores/live") { action } }`));
    expect(result.results[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(calls).toBe(0);
  });

  it('refuses a malformed store name with BAD_USER_INPUT and no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => ended(`subscription { dicomInstanceStored(store: "not-a-store") { sopInstanceUid } }`));
    expect(result.results[0]?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });

  it('says so when the store publishes no notifications', async () => {
    const { results } = await ended(`subscription { fhirResourceChanged(store: "${STORES.quiet}") { action } }`);
    expect(results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_NOTIFICATION_CONFIG' });
  });

  it('serves only subscriptions over the socket', async () => {
    const { error } = await ended('{ datasets(first: 1) { nodes { name } } }');
    expect(error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('answers a subscription sent over HTTP with an error', async () => {
    const result = await graphql(app, `subscription { fhirResourceChanged(store: "${STORES.fhir}") { action } }`);
    expect(result.errors?.[0]?.extensions?.code).toBeDefined();
    expect(result.data ?? null).toBeNull();
  });
});
