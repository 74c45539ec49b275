import { PubSub } from '@google-cloud/pubsub';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import { metricTotal } from '../helpers/app.js';

export const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
export const topicName = (id: string) => `projects/demo/topics/${id}`;

/** The graph's WebSocket endpoint. */
export const wsUrl = (graphUrl: string) => `${graphUrl.replace(/^http/, 'ws')}/graphql`;

/** A graphql-ws client of the graph, as a browser app would make one (no retries: tests see every close). */
export function liveClient(graphUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url: wsUrl(graphUrl), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
}

/** One subscription's results as they arrive, and how it ended. */
export interface Received {
  results: FormattedExecutionResult<any, unknown>[];
  /** Resolves with the error (a close event or GraphQL errors) it ended with, or undefined when completed. */
  ended: Promise<unknown>;
  /** Waits until `count` results have arrived and returns them. */
  next(count?: number, timeoutMs?: number): Promise<FormattedExecutionResult<any, unknown>[]>;
  /** What it failed with (GraphQL errors, or the socket's close event), once it has. */
  failure?: unknown;
  stop(): void;
}

const open = new Set<Received>();

/** Stops every subscription a test left open. */
export function stopAll(): void {
  for (const received of open) received.stop();
  open.clear();
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Received {
  const results: FormattedExecutionResult<any, unknown>[] = [];
  let end!: (value: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (end = resolve));
  const stop = client.subscribe({ query, variables }, {
    next: (result) => results.push(result),
    error: (error) => {
      received.failure = error;
      end(error);
    },
    complete: () => end(undefined),
  });
  const received: Received = {
    results,
    ended,
    stop,
    async next(count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      return results.slice(0, count);
    },
  };
  open.add(received);
  return received;
}

/** Waits until the graph at `graphUrl` listens for exactly `count` subscriptions in all (its gauge). */
export async function listening(graphUrl: string, count: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A subscription refused before it listens has ended: say why instead of waiting for nothing.
    const failed = [...open].find((received) => received.failure !== undefined);
    if (failed) throw new Error(`a subscription failed: ${JSON.stringify(failed.failure)}`);
    const now = await metricTotal({ graph: { url: graphUrl } } as RunningApp, 'graphql_live_subscriptions');
    if (now === count) return;
    if (Date.now() > deadline) throw new Error(`${now} subscriptions listening, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates Pub/Sub topics on the emulator's Pub/Sub endpoint (a store's config names one; someone must create it). */
export async function createTopics(pubsubHost: string, ids: string[]): Promise<void> {
  const pubsub = new PubSub({ projectId: 'demo', apiEndpoint: pubsubHost, emulatorMode: true });
  try {
    await Promise.all(ids.map((id) => pubsub.createTopic(id)));
  } finally {
    await pubsub.close();
  }
}

/** The live stores the tests use, in the demo dataset: each kind publishing to its own topic, and one FHIR store that does not. */
export const STORES = {
  fhir: `${DATASET}/fhirStores/live`,
  quiet: `${DATASET}/fhirStores/quiet`,
  hl7v2: `${DATASET}/hl7V2Stores/live`,
  dicom: `${DATASET}/dicomStores/live`,
};

/** Creates {@link STORES} (and their topics) through the emulator's REST API, as an operator would (with `token` when IAM is enforced). */
export async function createLiveStores(apiUrl: string, pubsubHost: string, token?: string): Promise<void> {
  await createTopics(pubsubHost, ['live-fhir', 'live-hl7', 'live-dicom']);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${apiUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`creating a store failed: ${response.status} ${await response.text()}`);
  };
  await Promise.all([
    post(`${DATASET}/fhirStores?fhirStoreId=live`, { version: 'R4', enableUpdateCreate: true, notificationConfigs: [{ pubsubTopic: topicName('live-fhir') }] }),
    post(`${DATASET}/fhirStores?fhirStoreId=quiet`, { version: 'R4' }),
    post(`${DATASET}/hl7V2Stores?hl7V2StoreId=live`, { notificationConfigs: [{ pubsubTopic: topicName('live-hl7') }] }),
    post(`${DATASET}/dicomStores?dicomStoreId=live`, { notificationConfigs: [{ pubsubTopic: topicName('live-dicom') }] }),
  ]);
}
