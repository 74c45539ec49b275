/**
 * A small closed-loop load generator: N workers each run the task back to back. Every run is
 * bounded in time and in count, whatever the task does.
 */
import { summarizeLatencies, type LatencySummary } from './stats.js';

export interface LoadOptions {
  /** Workers running the task back to back (concurrent clients). */
  concurrency: number;
  /** Keep starting tasks until this much time has passed (and `minRequests` are done). */
  durationMs: number;
  /** Stop starting tasks after this many, even before `durationMs`. */
  maxRequests: number;
  /** Keep going past `durationMs` until this many tasks completed, within `maxDurationMs`. */
  minRequests?: number;
  /** Never start a task after this much time, whatever `minRequests` says. Default 4 × duration + 5 s. */
  maxDurationMs?: number;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
}

export interface LoadResult {
  concurrency: number;
  /** Tasks that finished without throwing. */
  completed: number;
  /** Tasks that threw. */
  errors: number;
  /** From the first start until the last task finished. */
  elapsedMs: number;
  /** Completed tasks per second over `elapsedMs`. */
  rps: number;
  /** Latency of the completed tasks. */
  latency: LatencySummary;
  /** The first error's message, when there was one. */
  firstError?: string;
}

export async function runLoad(task: () => Promise<unknown>, options: LoadOptions): Promise<LoadResult> {
  const now = options.now ?? (() => performance.now());
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const minRequests = options.minRequests ?? 0;
  const maxDurationMs = options.maxDurationMs ?? options.durationMs * 4 + 5000;
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const begin = now();

  const mayStart = (): boolean => {
    if (started >= options.maxRequests) return false;
    const elapsed = now() - begin;
    if (elapsed >= maxDurationMs) return false;
    return elapsed < options.durationMs || latencies.length + errors < minRequests;
  };

  const worker = async (): Promise<void> => {
    while (mayStart()) {
      started += 1;
      const t0 = now();
      try {
        await task();
        latencies.push(now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = Math.max(now() - begin, 1e-6);
  return {
    concurrency,
    completed: latencies.length,
    errors,
    elapsedMs: Number(elapsedMs.toFixed(1)),
    rps: Number(((latencies.length * 1000) / elapsedMs).toFixed(2)),
    latency: summarizeLatencies(latencies),
    ...(firstError === undefined ? {} : { firstError }),
  };
}
