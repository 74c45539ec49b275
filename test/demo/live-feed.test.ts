/**
 * The embedded demo's notifications and live feed: the demo stores notify the demo topics on the
 * embedded Pub/Sub emulator, the feed (`DEMO_LIVE`, fast here) writes vitals and admissions that a
 * Pub/Sub subscriber then sees, `DEMO_LIVE=off` writes nothing, and a stopped feed writes no more.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PubSub, type Message, type Subscription } from '@google-cloud/pubsub';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { startLiveFeed } from '../../src/demo/live-feed.js';
import { demoTopicNames } from '../../src/demo/notifications.js';
import { demoNames, seedDemoDataset, type DemoTarget } from '../../src/demo/seed.js';
import { createLogger } from '../../src/observability/logger.js';
import { rest, startTestApp } from '../helpers/app.js';

const PATIENTS = 3;
const VITAL_CODES = ['8867-4', '85354-9', '2708-6'];

/** The messages a subscription has received so far; `until` waits for one that passes a test. */
function collect(subscription: Subscription) {
  const received: Message[] = [];
  subscription.on('message', (message: Message) => {
    message.ack();
    received.push(message);
  });
  subscription.on('error', () => undefined);
  return {
    received,
    async until(test: (message: Message) => boolean, timeoutMs = 30_000): Promise<Message> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such message among ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** The store's resource count of a type, from its metrics. */
async function count(app: RunningApp, resourceType: string): Promise<number> {
  const { body } = await rest(app, 'GET', `${demoNames(targetOf(app)).fhirStore}:getFHIRStoreMetrics`);
  return Number((body.metrics as { resourceType: string; count: string }[]).find((m) => m.resourceType === resourceType)?.count ?? 0);
}

const targetOf = (app: RunningApp): DemoTarget => ({ apiUrl: app.apiUrl, project: 'demo', location: 'us-central1', pubsubHost: app.emulator!.pubsubHost });

describe('the demo with its live feed', () => {
  let app: RunningApp;
  let pubsub: PubSub;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_PATIENTS: String(PATIENTS), DEMO_LIVE: 'on', DEMO_LIVE_INTERVAL_MS: '200' });
    pubsub = new PubSub({ projectId: 'demo', apiEndpoint: app.emulator!.pubsubHost, emulatorMode: true });
  }, 120_000);
  afterAll(async () => {
    await pubsub?.close();
    await app?.close();
  });

  it('has the demo stores notify the demo topics, which exist on the embedded Pub/Sub', async () => {
    const names = demoNames(targetOf(app));
    const topics = demoTopicNames({ project: 'demo' });
    const configs = await Promise.all([names.fhirStore, names.dicomStore, names.hl7V2Store].map(async (store) => (await rest(app, 'GET', store)).body.notificationConfigs));
    // Read back as Google answers: fields at their default (false, '') are left out.
    expect(configs).toEqual([[{ pubsubTopic: topics.fhir }], [{ pubsubTopic: topics.dicom }], [{ pubsubTopic: topics.hl7v2 }]]);
    const exists = await Promise.all(Object.values(topics).map(async (topic) => (await pubsub.topic(topic).exists())[0]));
    expect(exists).toEqual([true, true, true]);
  });

  it('seeds again without complaint and keeps the same configuration', async () => {
    const before = (await rest(app, 'GET', demoNames(targetOf(app)).fhirStore)).body.notificationConfigs;
    await seedDemoDataset(targetOf(app));
    expect((await rest(app, 'GET', demoNames(targetOf(app)).fhirStore)).body.notificationConfigs).toEqual(before);
  });

  it('writes vitals of a demo patient and an admission, which the stores publish to the topics', async () => {
    const topics = demoTopicNames({ project: 'demo' });
    const [fhirSubscription] = await pubsub.topic(topics.fhir).createSubscription('live-feed-test-fhir');
    const [hl7Subscription] = await pubsub.topic(topics.hl7v2).createSubscription('live-feed-test-hl7v2');
    const fhir = collect(fhirSubscription);
    const hl7 = collect(hl7Subscription);
    try {
      const observation = await fhir.until((m) => m.attributes.resourceType === 'Observation');
      expect(observation.attributes).toMatchObject({ action: 'CreateResource', payloadType: 'NameOnly', storeName: demoNames(targetOf(app)).fhirStore });
      const name = observation.data.toString();
      expect(name).toMatch(/\/fhirStores\/fhir\/fhir\/Observation\/[^/]+$/);
      const stored = (await rest(app, 'GET', name)).body;
      expect(stored).toMatchObject({ status: 'final', category: [{ coding: [{ code: 'vital-signs' }] }] });
      expect(VITAL_CODES).toContain(stored.code.coding[0].code);
      expect(stored.subject.reference).toMatch(/^Patient\/pat-00000[1-3]$/);
      expect(Math.abs(Date.parse(stored.effectiveDateTime) - Date.now())).toBeLessThan(5 * 60_000);

      const admission = await hl7.until((m) => m.attributes.msgType === 'ADT');
      const message = (await rest(app, 'GET', admission.data.toString())).body;
      const text = Buffer.from(message.data, 'base64').toString('utf8');
      expect(text).toMatch(/^MSH\|\^~\\&\|ADT\|[^|]*\|HL7HUB\|HEALTHCARE-GRAPH\|\d{14}\+0000\|\|ADT\^A01\^ADT_A01\|LIVE-/);
      // PID-3 holds the patient's MRN, as in the demo's loaded messages: the graph finds the patient by it.
      const mrn = /\rPID\|1\|\|(MRN\d{7})\^\^\^DEMO\^MRN/.exec(text)?.[1];
      const patient = (await rest(app, 'GET', `${demoNames(targetOf(app)).fhirStore}/fhir/Patient?identifier=${mrn}`)).body;
      expect(patient.total ?? patient.entry?.length).toBe(1);
      expect(patient.entry[0].resource.deceasedDateTime).toBeUndefined();
    } finally {
      await Promise.all([fhirSubscription.delete(), hl7Subscription.delete()]);
    }
  }, 60_000);

  it('stops with the app: no round runs (and fails) after close', async () => {
    const lines: string[] = [];
    const logged = await startApp(loadConfig({ PORT: '0', EMULATOR_PORT: '0', DEMO_PATIENTS: '1', DEMO_LIVE: 'on', DEMO_LIVE_INTERVAL_MS: '100' }), {
      logger: createLogger('debug', { write: (line: string) => void lines.push(line) }),
    });
    await logged.demo;
    const rounds = () => lines.filter((line) => line.includes('demo live feed: round written')).length;
    while (rounds() < 1) await sleep(50);
    await logged.close();
    const after = rounds();
    await sleep(500);
    expect(rounds()).toBe(after);
    expect(lines.filter((line) => line.includes('demo live feed: a round failed'))).toEqual([]);
  }, 60_000);
});

describe('the demo with DEMO_LIVE=off', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO_PATIENTS: String(PATIENTS), DEMO_LIVE: 'off', DEMO_LIVE_INTERVAL_MS: '100' });
  }, 120_000);
  afterAll(() => app?.close());

  it('writes nothing', async () => {
    const before = await count(app, 'Observation');
    await sleep(1000);
    expect(await count(app, 'Observation')).toBe(before);
  });

  it('a feed started by hand writes rounds, and none once stopped', async () => {
    const before = await count(app, 'Observation');
    const feed = startLiveFeed(targetOf(app), { intervalMs: 100, patients: PATIENTS, logger: createLogger('silent') });
    while (feed.rounds < 2) await sleep(50);
    await feed.stop();
    const written = await count(app, 'Observation');
    expect(written).toBeGreaterThan(before);
    const rounds = feed.rounds;
    await sleep(500);
    expect([feed.rounds, await count(app, 'Observation')]).toEqual([rounds, written]);
  }, 60_000);
});
