/** What the graph's thread and the embedded emulator's worker thread tell each other. */
import type { EmulatorOptions, FaultRule, LatencyRange } from '../emulator/server.js';

/** The emulator's options that cross into the worker (structured clone: no functions). */
export type WorkerEmulatorOptions = Pick<EmulatorOptions, 'port' | 'host' | 'dataDir' | 'latency' | 'faults' | 'principals' | 'pubsubEndpoint' | 'gcsDir'>;

/** Graph → worker: one request, answered by a {@link Reply} with the same id. */
export type Command =
  | { id: number; command: 'faults'; rules: FaultRule[] }
  | { id: number; command: 'latency'; range: LatencyRange | undefined }
  | { id: number; command: 'close' };

/** Worker → graph. */
export type WorkerMessage =
  | { type: 'ready'; url: string; port: number; pubsubHost: string }
  | { type: 'failed'; message: string }
  | { type: 'log'; level: 'warn' | 'error'; message: string }
  | { type: 'reply'; id: number; error?: string };
