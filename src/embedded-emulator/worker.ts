/**
 * The embedded emulator's worker thread: the emulator runs here, on its own event loop, so its work
 * (a large search, a transaction Bundle, a de-identification) never stalls the graph's requests.
 * Started by `thread.ts`; it ends once it has closed the emulator when asked to.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../pubsub-emulator/server.js';
import type { Command, WorkerEmulatorOptions, WorkerMessage } from './messages.js';

async function serve(port: MessagePort): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const options = workerData as WorkerEmulatorOptions;
  let emulator: RunningEmulator;
  let pubsubHost: string;
  // Store notifications need a Pub/Sub endpoint; with none configured, one runs here too, off the
  // graph's event loop like the rest of the emulator's work.
  let pubsub: RunningPubSubEmulator | undefined;
  try {
    if (options.pubsubEndpoint === undefined) {
      pubsub = await startPubSubEmulator({ host: options.host });
      pubsubHost = pubsub.host;
    } else {
      pubsubHost = options.pubsubEndpoint;
    }
    emulator = await startEmulator({
      ...options,
      pubsubEndpoint: pubsubHost,
      logger: {
        warn: (message) => post({ type: 'log', level: 'warn', message }),
        error: (message) => post({ type: 'log', level: 'error', message }),
      },
    });
  } catch (error) {
    await pubsub?.close();
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
    return;
  }
  post({ type: 'ready', url: emulator.url, port: emulator.port, pubsubHost });

  port.on('message', (command: Command) => {
    const reply = (error?: unknown) => post({ type: 'reply', id: command.id, ...(error === undefined ? {} : { error: String(error) }) });
    switch (command.command) {
      case 'faults':
        emulator.faults = command.rules;
        return reply();
      case 'latency':
        emulator.latency = command.range;
        return reply();
      case 'close':
        // The reply is the last message; closing the port then lets the thread end.
        emulator.close().then(() => pubsub?.close()).then(() => reply(), reply).finally(() => port.close());
    }
  });
}

if (parentPort === null) throw new Error('embedded-emulator/worker.ts runs as a worker thread (see thread.ts)');
await serve(parentPort);
