/** `npm run emulator`: the Cloud Healthcare API emulator alone, configured by environment. */

import { emulatorOptionsFromEnv } from './env.js';
import { startEmulator } from './server.js';

async function main(): Promise<void> {
  let options;
  try {
    options = emulatorOptionsFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const emulator = await startEmulator(options);
  // Print the address clients should use, with the bind host (not 127.0.0.1 when bound elsewhere).
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  process.stdout.write(`Cloud Healthcare API emulator listening on http://${host}:${emulator.port}/v1\n`);

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
