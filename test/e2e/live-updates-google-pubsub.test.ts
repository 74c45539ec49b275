/**
 * Live updates end to end against Google's Pub/Sub emulator: the Healthcare emulator publishes a
 * FHIR store's notifications to Google's emulator, the graph (pointed at the Healthcare emulator as
 * at Google, with `PUBSUB_EMULATOR_HOST` set) consumes them from there, and a graphql-ws client
 * subscribed to `fhirResourceChanged` receives the change with the resource read again for it.
 */

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PubSub } from '@google-cloud/pubsub';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { rest } from '../helpers/app.js';
import { startGooglePubSubEmulator, type GooglePubSubEmulator } from './google-pubsub-emulator.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const STORE = `${DATASET}/fhirStores/live-e2e`;
const TOPIC = 'projects/demo/topics/live-e2e-changes';

interface ChangeMessage {
  data?: { fhirResourceChanged: { action: string; resourceType: string; resourceId: string; versionId: string | null; resource: { resourceId: string; resource: { resourceType: string; id: string; status?: string } } | null } };
  errors?: unknown[];
}

describe("live updates through Google's Pub/Sub emulator", () => {
  let google: GooglePubSubEmulator | undefined;
  let healthcare: RunningEmulator | undefined;
  let app: RunningApp | undefined;
  let client: Client | undefined;

  beforeAll(async () => {
    google = await startGooglePubSubEmulator('demo');
    // Google's emulator has no topics of its own: create the one the store publishes to, as on Google.
    const pubsub = new PubSub({ projectId: 'demo', apiEndpoint: google.host, emulatorMode: true });
    try {
      await pubsub.createTopic(TOPIC);
    } finally {
      await pubsub.close();
    }
    healthcare = await startEmulator({ pubsubEndpoint: google.host, logger: { warn: () => undefined, error: () => undefined } });
    const created = await fetch(`${healthcare.url}/v1/projects/demo/locations/us-central1/datasets?datasetId=demo`, { method: 'POST', body: '{}' });
    expect(created.status).toBe(200);
    app = await startApp(loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      EMULATOR: 'off',
      HEALTHCARE_API_URL: `${healthcare.url}/v1`,
      HEALTHCARE_PROJECT: 'demo',
      AUTH_MODE: 'none',
      PUBSUB_EMULATOR_HOST: google.host,
    }));
  });
  afterAll(async () => {
    await client?.dispose();
    await app?.close();
    await healthcare?.close();
    google?.stop();
  });

  it('delivers a FHIR create to a fhirResourceChanged subscriber, with the resource', async () => {
    const created = await rest(app!, 'POST', `${DATASET}/fhirStores?fhirStoreId=live-e2e`, {
      version: 'R4',
      notificationConfigs: [{ pubsubTopic: TOPIC, sendFullResource: false }],
    });
    expect(created.status).toBe(200);

    client = createClient({ url: `${app!.graph.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: {}, retryAttempts: 0 });
    const messages: ChangeMessage[] = [];
    const failures: unknown[] = [];
    client.subscribe<ChangeMessage['data']>({
      query: `subscription($store: String!) {
        fhirResourceChanged(store: $store, types: ["Observation"]) {
          action resourceType resourceId versionId resource { resourceId resource }
        }
      }`,
      variables: { store: STORE },
    }, { next: (message) => void messages.push(message as ChangeMessage), error: (error) => void failures.push(error), complete: () => undefined });

    // The subscription is live once the graph's Pub/Sub subscription on Google's emulator exists,
    // which the protocol does not acknowledge: write until a change arrives, then check the last write.
    const ids: string[] = [];
    for (let attempt = 0; attempt < 40 && messages.length === 0 && failures.length === 0; attempt += 1) {
      const written = await rest(app!, 'POST', `${STORE}/fhir/Observation`, { resourceType: 'Observation', status: 'final', code: { text: 'e2e' } });
      expect(written.status).toBe(201);
      ids.push(written.body.id as string);
      for (let wait = 0; wait < 10 && messages.length === 0 && failures.length === 0; wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(failures).toEqual([]);
    const change = messages[0]?.data?.fhirResourceChanged;
    expect(messages[0]?.errors).toBeUndefined();
    expect(ids).toContain(change?.resourceId);
    expect(change).toMatchObject({ action: 'CREATE', resourceType: 'Observation', resource: { resourceId: change?.resourceId, resource: { resourceType: 'Observation', id: change?.resourceId, status: 'final' } } });
    expect(change?.versionId).toEqual(expect.any(String));

    // The graph consumed from Google's emulator: its replica's subscription is on the topic there.
    const pubsub = new PubSub({ projectId: 'demo', apiEndpoint: google!.host, emulatorMode: true });
    try {
      const [subscriptions] = await pubsub.topic(TOPIC).getSubscriptions();
      expect(subscriptions.map((subscription) => subscription.name)).toEqual([expect.stringMatching(/^projects\/demo\/subscriptions\//)]);
    } finally {
      await pubsub.close();
    }
  });
});
