/**
 * Loads the demo HL7v2 messages (`hl7v2.ts`) into the demo dataset's HL7v2 store (created by
 * `seedDemoDataset`) over REST, as an interface engine would (`messages.ingest`). Skips a store that
 * already holds messages, so an emulator with a data folder is loaded once.
 */
import { demoFetch, demoNames, type DemoTarget } from '../seed.js';
import { hl7v2Messages } from './hl7v2.js';
import type { FhirResource } from './types.js';

/** Requests in flight at once: enough to hide latency, few enough to leave the emulator responsive. */
const CONCURRENCY = 8;

/** Sends the messages; returns how many were sent. */
export async function loadDemoHl7v2(target: DemoTarget, resources: readonly FhirResource[]): Promise<number> {
  const store = demoNames(target).hl7V2Store;
  const metrics = (await (await demoFetch(target, 'GET', `${store}:getHL7v2StoreMetrics`)).json()) as { metrics?: unknown[] };
  if ((metrics.metrics?.length ?? 0) > 0) return 0;

  const messages = hl7v2Messages(resources);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const text = messages[next++] ?? '';
      const body = JSON.stringify({ message: { data: Buffer.from(text, 'utf8').toString('base64') } });
      await (await demoFetch(target, 'POST', `${store}/messages:ingest`, { body, contentType: 'application/json' })).body?.cancel();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return messages.length;
}
