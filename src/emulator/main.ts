/** `npm run emulator`: the Cloud Healthcare API emulator alone, configured by environment. */

import { integer } from '../config/parse.js';
import { loadDemoCohort } from '../demo/load.js';
import { adminToken, seedDemoDataset } from '../demo/seed.js';
import { emulatorOptionsFromEnv } from './env.js';
import { startEmulator } from './server.js';

async function main(): Promise<void> {
  let options;
  let demoPatients;
  try {
    options = emulatorOptionsFromEnv(process.env);
    demoPatients = integer(process.env, 'DEMO_PATIENTS', 100, 1, 100_000);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const emulator = await startEmulator(options);
  let demo = 'demo dataset projects/demo/locations/us-central1/datasets/demo';
  const token = adminToken(options.principals);
  if (options.principals === undefined || token !== undefined) {
    // The demo data makes the emulator useful on its own (curl, OHIF, a separately started graph).
    const target = { apiUrl: `${emulator.url}/v1`, project: 'demo', location: 'us-central1', token, pubsubHost: options.pubsubEndpoint };
    await seedDemoDataset(target);
    await loadDemoCohort(target, demoPatients);
  } else {
    demo = 'IAM enforced and no admin token in EMULATOR_PRINCIPALS; demo data not loaded';
  }
  // Print the address clients should use, with the bind host (not 127.0.0.1 when bound elsewhere).
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  process.stdout.write(`Cloud Healthcare API emulator listening on http://${host}:${emulator.port}/v1 (${demo})\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
