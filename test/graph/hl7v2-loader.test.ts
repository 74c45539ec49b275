/**
 * The patient-messages loader against the emulator: patients of one store share one list call, and
 * when that shared list has more than one page each patient is asked for alone, so no patient's
 * messages are lost to the page limit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pLimit from 'p-limit';
import type { Credentials } from '../../src/healthcare/auth.js';
import { HealthcareClient } from '../../src/healthcare/client.js';
import { AccessPolicy } from '../../src/access/policy.js';
import { parseStoreName } from '../../src/healthcare/names.js';
import { createHl7V2Loaders } from '../../src/loaders/hl7v2.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

const DATASET = 'projects/p/locations/us-central1/datasets/d';
const STORE_NAME = `${DATASET}/hl7V2Stores/h`;
const STORE = new AccessPolicy({ project: 'p', location: 'us-central1' }).checkStore(parseStoreName(STORE_NAME, 'hl7V2Stores'));
const NONE: Credentials = { headers: async () => ({}) };

let emulator: RunningEmulator;
let newClient: () => HealthcareClient;

const message = (mrn: string, n: number) =>
  `MSH|^~\\&|A|FAC|B|C|2024${String(1 + (n % 12)).padStart(2, '0')}01${String(n % 24).padStart(2, '0')}0000+0000||ORU^R01|${mrn}-${n}|P|2.5\rPID|1||${mrn}^^^^MR\r`;

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, logger: { warn: () => {}, error: () => {} } });
  await post('projects/p/locations/us-central1/datasets?datasetId=d', {});
  await post(`${DATASET}/hl7V2Stores?hl7V2StoreId=h`, {});
  const limit = pLimit(8);
  // BUSY has more messages than one list page holds; QUIET's two are the oldest of all.
  const sends = Array.from({ length: 1000 }, (_, n) => limit(() => post(`${STORE_NAME}/messages`, { message: { data: Buffer.from(message('BUSY', n)).toString('base64') } })));
  await Promise.all(sends);
  for (const n of [0, 1]) {
    const text = `MSH|^~\\&|A|FAC|B|C|2001010${n + 1}000000+0000||ADT^A01|Q-${n}|P|2.5\rPID|1||QUIET^^^^MRN\r`;
    await post(`${STORE_NAME}/messages`, { message: { data: Buffer.from(text).toString('base64') } });
  }
  const metrics = createMetrics();
  newClient = () => new HealthcareClient({ apiUrl: `${emulator.url}/v1`, timeoutMs: 10_000, metrics, concurrency: 4, processLimit: pLimit(4), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }, NONE);
}, 120_000);
afterAll(() => emulator.close());

/** Fresh loaders over a client of their own, as one request gets them: `load` asks for a patient's newest `limit` messages. */
function newRequest(batching = true) {
  const client = newClient();
  const loaders = createHl7V2Loaders(client, { batching });
  return { client, load: (mrn: string, limit: number) => loaders.patientMessages.load({ store: STORE, mrn, limit }) };
}

describe('patient messages loader', () => {
  it('shares one call between patients when it holds them all', async () => {
    const { client, load } = newRequest();
    const [quiet, none] = await Promise.all([load('QUIET', 5), load('NOBODY', 5)]);
    expect(client.calls).toBe(1);
    expect(quiet.map((m) => m.sendTime)).toEqual(['2001-01-02T00:00:00Z', '2001-01-01T00:00:00Z']);
    expect(none).toEqual([]);
  });

  it('asks each patient alone when the shared list spills over one page', async () => {
    const { client, load } = newRequest();
    const [busy, quiet] = await Promise.all([load('BUSY', 3), load('QUIET', 3)]);
    expect(client.calls).toBe(3);
    expect(busy).toHaveLength(3);
    for (const m of busy) expect(m.patientIds).toContainEqual({ value: 'BUSY', type: 'MR' });
    expect(busy[0]!.sendTime! >= busy[1]!.sendTime!).toBe(true);
    expect(quiet.map((m) => m.patientIds)).toEqual([[{ value: 'QUIET', type: 'MRN' }], [{ value: 'QUIET', type: 'MRN' }]]);
  });

  it('without batching makes one call per patient', async () => {
    const { client, load } = newRequest(false);
    await Promise.all(['BUSY', 'QUIET'].map((mrn) => load(mrn, 2)));
    expect(client.calls).toBe(2);
  });
});
