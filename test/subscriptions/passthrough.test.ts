/**
 * Subscriptions in passthrough mode against the emulator enforcing Cloud IAM: the connection's token
 * (`connectionParams.authorization`) reads every event upstream, and once the upstream refuses it
 * (expired, revoked: 401) the subscription ends with UNAUTHENTICATED so the client reconnects.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { graphql, startTestApp, upstreamCalls } from '../helpers/app.js';
import { createLiveStores, DATASET, listening, liveClient, STORES, stopAll, subscribe } from './helpers.js';

const TOKENS = { root: 'ya29.root-live-0001', alice: 'ya29.alice-live-0002' };
const bearer = (token: string) => `Bearer ${token}`;
const CHANGES = `subscription($store: String!) { fhirResourceChanged(store: $store) { action resourceId resource { resourceId } } }`;

let app: RunningApp;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-iam-'));
  const principals = join(dir, 'principals.json');
  writeFileSync(principals, JSON.stringify({
    tokens: { [TOKENS.root]: 'user:root@example.com', [TOKENS.alice]: 'user:alice@example.com' },
    admins: ['user:root@example.com'],
  }));
  app = await startTestApp({ AUTH_MODE: 'passthrough', EMULATOR_PRINCIPALS: principals });
  await createLiveStores(app.apiUrl, app.emulator!.pubsubHost, TOKENS.root);
  const grant = async (resource: string, bindings: object[]) => {
    const result = await graphql(app, 'mutation($input: SetIamPolicyInput!) { setIamPolicy(input: $input) { etag } }', { input: { resource, bindings } }, { authorization: bearer(TOKENS.root) });
    expect(result.errors).toBeUndefined();
  };
  await grant(DATASET, [{ role: 'roles/healthcare.datasetViewer', members: ['user:alice@example.com'] }]);
  await grant(STORES.fhir, [{ role: 'roles/healthcare.fhirResourceReader', members: ['user:alice@example.com'] }]);
}, 120_000);
afterEach(async () => {
  stopAll();
  await listening(app.graph.url, 0);
});
afterAll(() => app?.close());

const createPatient = async () => {
  const result = await graphql(app, `mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { resource { resourceId } } }`, { input: { store: STORES.fhir, resource: { resourceType: 'Patient' } } }, { authorization: bearer(TOKENS.root) });
  expect(result.errors).toBeUndefined();
  return result.data.createFhirResource.resource.resourceId as string;
};

describe('subscriptions in passthrough mode', () => {
  it('closes a connection without a token with 4401 before anything is asked upstream', async () => {
    const before = await upstreamCalls(app);
    const client = liveClient(app.graph.url);
    try {
      const failure = await subscribe(client, CHANGES, { store: STORES.fhir }).ended as { code: number; reason: string };
      expect([failure.code, failure.reason]).toEqual([4401, expect.stringMatching(/^UNAUTHENTICATED: /)]);
      expect(await upstreamCalls(app)).toBe(before);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a subscription whose token the upstream does not accept with UNAUTHENTICATED', async () => {
    const client = liveClient(app.graph.url, { authorization: bearer('ya29.revoked-0009') });
    try {
      const live = subscribe(client, CHANGES, { store: STORES.fhir });
      await live.ended;
      expect(live.results[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await listening(app.graph.url, 0)).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('reads each event with the subscriber\'s token, and ends with UNAUTHENTICATED once the upstream refuses it', async () => {
    const client = liveClient(app.graph.url, { authorization: bearer(TOKENS.alice) });
    try {
      const live = subscribe(client, CHANGES, { store: STORES.fhir });
      await listening(app.graph.url, 1);
      const first = await createPatient();
      const [change] = await live.next();
      expect(change?.data?.fhirResourceChanged).toEqual({ action: 'CREATE', resourceId: first, resource: { resourceId: first } });

      // The token expires: the next read of the subscriber's is refused with 401.
      const faults = await fetch(`${app.emulator!.url}/emulator/faults`, {
        method: 'PUT',
        headers: { authorization: bearer(TOKENS.root), 'content-type': 'application/json' },
        body: JSON.stringify([{ path: '/fhirStores/live/fhir/Patient/[^/]+$', method: 'GET', rate: 1, status: 401, times: 1 }]),
      });
      expect(faults.status).toBe(200);
      await createPatient();
      expect(await live.ended).toBeUndefined();
      expect(live.results).toHaveLength(2);
      expect(live.results[1]?.data ?? null).toBeNull();
      expect(live.results[1]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });
});
