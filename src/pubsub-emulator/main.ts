/** `npm run pubsub-emulator`: the Pub/Sub emulator alone on `PUBSUB_EMULATOR_PORT` (default 8085). */

import { startPubSubEmulator } from './server.js';

const port = Number(process.env['PUBSUB_EMULATOR_PORT'] ?? 8085);
const emulator = await startPubSubEmulator({ port, host: process.env['HOST'] ?? '127.0.0.1' });
process.stdout.write(`Pub/Sub emulator listening; export PUBSUB_EMULATOR_HOST=${emulator.host}\n`);
const stop = (): void => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
