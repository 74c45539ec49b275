/** The `LIVE_*` variables, and the replica's subscription names they make. */

import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/config/parse.js';
import { randomReplicaId, replicaSubscriptionName } from '../../src/live/pubsub-store-events.js';
import { StoreEventsError } from '../../src/live/store-events-error.js';

describe('LIVE_* configuration', () => {
  it('is on by default, with a random replica id and a 30 s grace', () => {
    expect(loadConfig({}).live).toEqual({ enabled: true, replicaId: undefined, idleGraceMs: 30_000 });
  });

  it('reads LIVE_UPDATES, LIVE_REPLICA_ID and LIVE_IDLE_GRACE_MS', () => {
    expect(loadConfig({ LIVE_UPDATES: 'off', LIVE_REPLICA_ID: 'pod-7_a', LIVE_IDLE_GRACE_MS: '0' }).live).toEqual({ enabled: false, replicaId: 'pod-7_a', idleGraceMs: 0 });
  });

  it.each([
    ['LIVE_UPDATES', 'maybe'],
    ['LIVE_REPLICA_ID', 'has space'],
    ['LIVE_REPLICA_ID', 'a'.repeat(41)],
    ['LIVE_IDLE_GRACE_MS', '-1'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('replicaSubscriptionName', () => {
  it('puts the subscription in the topic\'s project, named for the replica and the topic', () => {
    expect(replicaSubscriptionName('projects/other/topics/fhir-changes', 'r1')).toBe('projects/other/subscriptions/hcgraph-live-r1-fhir-changes');
  });

  it('uses a digest of a topic id too long to fit, still distinct per topic', () => {
    const long = (c: string) => `projects/p/topics/t${c.repeat(250)}`;
    const name = replicaSubscriptionName(long('a'), 'replica');
    expect(name).toMatch(/^projects\/p\/subscriptions\/hcgraph-live-replica-[0-9a-f]{32}$/);
    expect(replicaSubscriptionName(long('b'), 'replica')).not.toBe(name);
  });

  it('refuses what is not a topic name', () => {
    expect(() => replicaSubscriptionName('topics/x', 'r')).toThrow(StoreEventsError);
  });

  it('makes random replica ids that are valid LIVE_REPLICA_IDs', () => {
    const id = randomReplicaId();
    expect(loadConfig({ LIVE_REPLICA_ID: id }).live.replicaId).toBe(id);
    expect(randomReplicaId()).not.toBe(id);
  });
});
