/**
 * Runs a de-identification as a long-running operation: the work is a list of chunks, run one
 * after the other in the background, with `metadata.counter` updated after each chunk and the
 * operation's abort signal checked before each, so `operations.cancel` stops the copy where it is
 * (what was written stays written, as with Google).
 */

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonObject } from '../json.js';
import type { OperationCounter, PendingOperation } from '../operations.js';

/** The response of every deidentify method. */
export const DEIDENTIFY_SUMMARY: JsonObject = {
  '@type': 'type.googleapis.com/google.cloud.healthcare.v1.deidentify.DeidentifySummary',
};

/** One chunk of work: how many items it covers and how many of them failed once run. */
export interface Chunk {
  readonly size: number;
  /** Runs the chunk; resolves to the number of failed items (a throw fails the whole chunk). */
  run(): Promise<number>;
}

/** What the runner needs besides the chunks. */
export interface JobEnvironment {
  /** Persists the emulator state (the operation's counters) after each chunk. */
  commit(): Promise<void>;
  /** Milliseconds to wait between chunks: the emulator's injected latency, so tests can watch progress. */
  pauseMs(): number;
  /** Reports an unexpected error without patient data (the emulator's log). */
  onError(error: unknown): void;
  /**
   * How the operation ends once every chunk ran: its response, or an error status (an import with
   * failed items). Default: success with `DeidentifySummary`.
   */
  outcome?(counter: OperationCounter): JobOutcome;
}

/** How a job's operation ends. */
export type JobOutcome = { response: JsonObject } | { error: { code: number; message: string } };

/**
 * Starts the chunks in the background and returns at once. The operation ends with
 * `env.outcome`, by default `DeidentifySummary` (item failures only show in the counter, as Google
 * documents for DICOM), or with INTERNAL when the runner itself breaks; a cancelled run just stops.
 */
export function runInBackground(op: PendingOperation, chunks: readonly Chunk[], env: JobEnvironment): void {
  const counter: OperationCounter = { success: 0, failure: 0, pending: chunks.reduce((n, c) => n + c.size, 0) };
  op.progress(counter);
  const run = async (): Promise<void> => {
    for (const chunk of chunks) {
      const pause = env.pauseMs();
      await (pause > 0 ? sleep(pause) : yieldToEventLoop());
      if (op.signal.aborted) return;
      let failed: number;
      try {
        failed = await chunk.run();
      } catch (error) {
        env.onError(error);
        failed = chunk.size;
      }
      counter.pending -= chunk.size;
      counter.failure += failed;
      counter.success += chunk.size - failed;
      op.progress(counter);
      // Cancelled or the emulator is closing: what was written stays, nothing more is persisted.
      if (op.signal.aborted) return;
      await env.commit();
    }
    if (op.signal.aborted) return;
    const outcome = env.outcome?.(counter) ?? { response: DEIDENTIFY_SUMMARY };
    await ('response' in outcome ? op.succeed(outcome.response) : op.fail(outcome.error));
  };
  run().catch(async (error: unknown) => {
    env.onError(error);
    await op.fail({ code: 13, message: 'Internal error encountered.' }).catch(() => undefined);
  });
}

/** Splits items into chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
