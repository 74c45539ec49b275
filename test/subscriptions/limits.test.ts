/**
 * The limits of subscriptions: per connection, per process, the query limits on subscription
 * documents, and a slow consumer closed with 4413 instead of buffered without bound.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, metricTotal, rest, startTestApp } from '../helpers/app.js';
import { createLiveStores, listening, liveClient, STORES, stopAll, subscribe, wsUrl } from './helpers.js';

let app: RunningApp;

beforeAll(async () => {
  app = await startTestApp({ LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2', LIVE_MAX_SUBSCRIPTIONS: '3', MAX_QUERY_DEPTH: '3', LIVE_MAX_BUFFERED_BYTES: String(64 * 1024) });
  await createLiveStores(app.apiUrl, app.emulator!.pubsubHost);
}, 120_000);
afterEach(async () => {
  stopAll();
  await listening(app.graph.url, 0);
});
afterAll(() => app?.close());

const CHANGES = `subscription($store: String!) { fhirResourceChanged(store: $store) { action resourceId } }`;

describe('subscription limits', () => {
  it('refuses a third subscription on a connection with RATE_LIMITED, and a fourth in the process with OVERLOADED', async () => {
    const one = liveClient(app.graph.url);
    const two = liveClient(app.graph.url);
    try {
      subscribe(one, CHANGES, { store: STORES.fhir });
      subscribe(one, CHANGES, { store: STORES.fhir });
      await listening(app.graph.url, 2);
      const { result: third, calls } = await countUpstreamCalls(app, async () => {
        const live = subscribe(one, CHANGES, { store: STORES.fhir });
        await live.ended;
        return live.results[0];
      });
      expect(third?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subscriptionsPerConnection', allowed: 2 });
      expect(calls).toBe(0);

      subscribe(two, CHANGES, { store: STORES.fhir });
      await listening(app.graph.url, 3);
      const fourth = subscribe(two, CHANGES, { store: STORES.fhir });
      await fourth.ended;
      expect(fourth.results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'OVERLOADED', limit: 'subscriptions', allowed: 3 });
    } finally {
      stopAll();
      await Promise.all([one.dispose(), two.dispose()]);
    }
  });

  it('applies the query limits to subscription documents', async () => {
    const client = liveClient(app.graph.url);
    try {
      const deep = subscribe(client, `subscription { dicomInstanceStored(store: "${STORES.dicom}") { series { study { studyInstanceUid } } } }`);
      const failure = await deep.ended as readonly { extensions?: Record<string, unknown> }[];
      expect(failure[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    } finally {
      await client.dispose();
    }
  });

  it('closes a client that does not read what it is sent with 4413 and a reason', async () => {
    // A raw graphql-transport-ws client, so that it can stop reading its socket.
    const socket = new WebSocket(wsUrl(app.graph.url), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription($store: String!) { fhirResourceChanged(store: $store) { resource { resource } } }`, variables: { store: STORES.fhir } } }));
    await listening(app.graph.url, 1);
    const socketStream = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socketStream.pause();

    // Large resources first, so the kernel's socket buffers fill and sends stop completing; then many
    // small ones, which wait in the subscription until there are more than it may hold.
    const create = (resource: object) => rest(app, 'POST', `${STORES.fhir}/fhir/Patient`, resource);
    const slowDrops = () => metricTotal(app, 'graphql_live_connections_closed_total', { reason: 'slow_consumer' });
    for (let i = 0; i < 30 && await slowDrops() === 0; i++) {
      expect((await create({ resourceType: 'Patient', name: [{ family: 'Large', given: ['x'.repeat(400_000)] }] })).status).toBe(201);
    }
    for (let batch = 0; batch < 8 && await slowDrops() === 0; batch++) {
      await Promise.all(Array.from({ length: 25 }, () => create({ resourceType: 'Patient' })));
    }
    for (let i = 0; i < 100 && await slowDrops() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await slowDrops()).toBe(1);
    socketStream.resume();
    expect(await closed).toEqual({ code: 4413, reason: expect.stringMatching(/^Slow consumer/) });
  }, 120_000);
});

it('counts open WebSocket connections', async () => {
  const before = await metricTotal(app, 'graphql_live_connections');
  const client = liveClient(app.graph.url);
  const live = subscribe(client, CHANGES, { store: STORES.fhir });
  await listening(app.graph.url, 1);
  expect(await metricTotal(app, 'graphql_live_connections')).toBe(before + 1);
  live.stop();
  await client.dispose();
  for (let i = 0; i < 100 && await metricTotal(app, 'graphql_live_connections') !== before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await metricTotal(app, 'graphql_live_connections')).toBe(before);
});
