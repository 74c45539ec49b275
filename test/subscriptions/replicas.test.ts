/**
 * Two graph processes (`src/main.ts`, as `npm start` runs it) against one shared Healthcare emulator
 * and one Pub/Sub emulator, both started here: each replica holds its own Pub/Sub subscription, so
 * a subscriber on either gets every event, exactly once.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { startMainProcess, type MainProcess } from '../helpers/main-process.js';
import { createLiveStores, DATASET, listening, liveClient, STORES, subscribe } from './helpers.js';

let pubsub: RunningPubSubEmulator;
let emulator: RunningEmulator;
const replicas: MainProcess[] = [];
const graphs: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  pubsub = await startPubSubEmulator();
  emulator = await startEmulator({ port: 0, pubsubEndpoint: pubsub.host, logger: { warn: () => {}, error: () => {} } });
  const api = `${emulator.url}/v1`;
  expect((await fetch(`${api}/${DATASET.replace(/\/datasets\/demo$/, '/datasets?datasetId=demo')}`, { method: 'POST', body: '{}' })).status).toBe(200);
  await createLiveStores(api, pubsub.host);
  for (let i = 0; i < 2; i++) {
    replicas.push(startMainProcess({ NODE_ENV: undefined, EMULATOR: 'off', HEALTHCARE_API_URL: api, HEALTHCARE_PROJECT: 'demo', PUBSUB_EMULATOR_HOST: pubsub.host }, 110_000));
  }
  for (const replica of replicas) graphs.push((await replica.waitForOutput(/Healthcare Graph: (http:\/\/\S+)\/graphql/))[1]!);
}, 110_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  for (const replica of replicas) replica.child.kill('SIGTERM');
  await Promise.all(replicas.map((replica) => replica.exited));
  await emulator?.close();
  await pubsub?.close();
});

it('gives a subscriber on each replica every event exactly once', async () => {
  const received = graphs.map((graph) => {
    const client = liveClient(graph);
    clients.push(client);
    return subscribe(client, `subscription($store: String!) { fhirResourceChanged(store: $store) { action resourceId resource { resourceId } } }`, { store: STORES.fhir });
  });
  await Promise.all(graphs.map((graph) => listening(graph, 1)));

  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    // Writes go to alternate replicas; the store publishes each once, whoever wrote it.
    const response = await fetch(`${graphs[i % 2]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { resource { resourceId } } }`, variables: { input: { store: STORES.fhir, resource: { resourceType: 'Patient' } } } }),
    });
    ids.push(((await response.json()) as any).data.createFhirResource.resource.resourceId);
  }
  for (const live of received) await live.next(3);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const live of received) {
    expect(live.results.map((result) => result.data?.fhirResourceChanged.resourceId).sort()).toEqual([...ids].sort());
    expect(live.results.every((result) => result.data?.fhirResourceChanged.resource?.resourceId === result.data?.fhirResourceChanged.resourceId)).toBe(true);
  }
}, 60_000);
