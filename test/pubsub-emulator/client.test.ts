/**
 * Our Pub/Sub emulator driven by the real `@google-cloud/pubsub` client: the conformance script
 * (whose results the e2e suite also checks against Google's emulator) and what it cannot cover
 * without a clock (deadline expiry, subscription expiry, stream-borne acks, keep-alives).
 */

import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { createRequire } from 'node:module';
import { runConformanceScript } from './conformance-script.js';

/** What Google's emulator answered to the script (recorded; test/e2e/pubsub-conformance.test.ts re-checks it live). */
const EXPECTED = createRequire(import.meta.url)('./google-observations.json') as Record<string, unknown>;

describe('Pub/Sub emulator with @google-cloud/pubsub', () => {
  let emulator: RunningPubSubEmulator;
  beforeAll(async () => {
    emulator = await startPubSubEmulator();
  });
  afterAll(() => emulator.close());

  it('answers the conformance script as Google Pub/Sub does', async () => {
    const log = Object.fromEntries(await runConformanceScript(emulator.host, 'conformance'));
    expect(log).toEqual(EXPECTED);
  });
});
