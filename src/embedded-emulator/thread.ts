/**
 * The embedded emulator in a worker thread, started and stopped with the graph (`app.ts`): the
 * emulator's work runs on the worker's event loop, so a long emulator task no longer stalls every
 * graph request (bench/REPORT.md, tail latency). The graph reaches it over HTTP as before; this
 * handle only starts it, changes its injected faults and latency, and stops it.
 */
import { Worker } from 'node:worker_threads';
import type { FaultRule, LatencyRange } from '../emulator/server.js';
import type { Command, WorkerEmulatorOptions, WorkerMessage } from './messages.js';

export type { WorkerEmulatorOptions } from './messages.js';

/** A command before it gets its id (`Omit` on each member of the union). */
type CommandBody = Command extends infer Each ? (Each extends Command ? Omit<Each, 'id'> : never) : never;

/** Where the worker's problems are reported. */
export interface EmulatorThreadLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** The running embedded emulator. */
export interface EmbeddedEmulator {
  /** e.g. `http://127.0.0.1:8089` (no `/v1`). */
  url: string;
  port: number;
  /**
   * The Pub/Sub endpoint (`host:port`) the emulator publishes store notifications to: the embedded
   * Pub/Sub emulator in the same thread, or `PUBSUB_EMULATOR_HOST` when set.
   */
  pubsubHost: string;
  /** Replaces the injected fault rules; applies to the requests the emulator reads after it settles. */
  setFaults(rules: FaultRule[]): Promise<void>;
  /** Replaces the injected latency; `undefined` = none. */
  setLatency(range: LatencyRange | undefined): Promise<void>;
  /** Stops the emulator (flushing persisted state) and ends its thread. */
  close(): Promise<void>;
}

/**
 * The worker next to this module. Compiled JavaScript (production) runs as is. TypeScript (`npm
 * start` under tsx, the tests) needs tsx's loader in the thread, and Node 20 does not apply an
 * `--import tsx` of a worker's `execArgv` to its entry module, so a two-line bootstrap registers tsx
 * first (resolved from the working directory: the repository, where tsx is a dev dependency).
 */
function newWorker(workerData: WorkerEmulatorOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Starts the emulator in a worker thread; rejects when it cannot start (a taken port, corrupt persisted state). */
export async function startEmulatorThread(options: WorkerEmulatorOptions, logger: EmulatorThreadLogger): Promise<EmbeddedEmulator> {
  const worker = newWorker(options);
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited = false;

  const started = new Promise<{ url: string; port: number; pubsubHost: string }>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready': return resolve(message);
        case 'failed': return reject(new Error(message.message));
        case 'log': return logger[message.level](message.message);
        case 'reply': {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (message.error === undefined) waiting?.resolve();
          else waiting?.reject(new Error(`embedded emulator: ${message.error}`));
        }
      }
    });
    worker.on('error', (error) => {
      logger.error(`embedded emulator: ${error.stack ?? error.message}`);
      reject(error);
    });
    worker.on('exit', (code) => {
      exited = true;
      reject(new Error(`the embedded emulator's thread exited (${code}) before it started`));
      for (const waiting of pending.values()) waiting.reject(new Error(`the embedded emulator's thread exited (${code})`));
      pending.clear();
    });
  });

  const send = (command: CommandBody): Promise<void> => {
    if (exited) return Promise.reject(new Error('the embedded emulator is not running'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...command, id } as Command);
    });
  };

  let address: { url: string; port: number; pubsubHost: string };
  try {
    address = await started;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: address.url,
    port: address.port,
    pubsubHost: address.pubsubHost,
    setFaults: (rules) => send({ command: 'faults', rules }),
    setLatency: (range) => send({ command: 'latency', range }),
    close() {
      closing ??= (async () => {
        if (exited) return;
        const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        try {
          await send({ command: 'close' });
        } finally {
          // A thread that closed its port ends by itself; one that hangs is ended here.
          const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
          await ended;
          clearTimeout(timer);
        }
      })();
      return closing;
    },
  };
}

/** Time the emulator gets to flush its persisted state before its thread is ended anyway. */
const CLOSE_GRACE_MS = 10_000;
