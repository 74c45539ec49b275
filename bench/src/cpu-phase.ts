/**
 * CPU per request: a query at 0 ms upstream latency with a few closed-loop clients, and the CPU
 * time each process spent per completed request — the server under test (`process.cpuUsage` in
 * its child), the emulator with the recording proxy, and the load generator (this process). With
 * `profile`, a second run of the graph under V8's sampling profiler gives its busy time by package.
 */
import type { RpcChild } from './ipc.js';
import { runLoad } from './load.js';
import type { CategoryShare } from './profile-summary.js';
import type { Runner } from './runners.js';
import type { UpstreamStats } from './upstream-child.js';

export interface CpuResult {
  requests: number;
  errors: number;
  rps: number;
  /** CPU milliseconds per completed request: the server, the emulator and proxy, and the load generator. */
  serverMsPerRequest: number | null;
  upstreamMsPerRequest: number;
  loadGeneratorMsPerRequest: number;
}

export interface CpuPhaseOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

const perRequest = (ms: number, requests: number) => Number((ms / Math.max(requests, 1)).toFixed(3));
const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** One measured run of `runner` (after a warm-up), with each process's CPU per request. */
export async function measureCpu(runner: Runner, upstream: RpcChild, options: CpuPhaseOptions): Promise<CpuResult> {
  const load = (durationMs: number) => runLoad(() => runner.task(), { concurrency: options.concurrency, durationMs, maxRequests: 1_000_000 });
  if (options.warmupMs > 0) await load(options.warmupMs);
  const serverBefore = await runner.server?.call<number>('cpu');
  const upstreamBefore = (await upstream.call<UpstreamStats>('stats')).cpuMs;
  const ownBefore = ownCpuMs();
  const result = await load(options.durationMs);
  const ownAfter = ownCpuMs();
  const upstreamAfter = (await upstream.call<UpstreamStats>('stats')).cpuMs;
  const serverAfter = await runner.server?.call<number>('cpu');
  return {
    requests: result.completed,
    errors: result.errors,
    rps: result.rps,
    serverMsPerRequest: serverBefore === undefined || serverAfter === undefined ? null : perRequest(serverAfter - serverBefore, result.completed),
    upstreamMsPerRequest: perRequest(upstreamAfter - upstreamBefore, result.completed),
    loadGeneratorMsPerRequest: perRequest(ownAfter - ownBefore, result.completed),
  };
}

/** A category's busy time in the server, per completed request of the profiled run. */
export type CategoryCost = CategoryShare & { msPerRequest: number };

/** The server's busy time by package while `runner` runs for `durationMs`. */
export async function profileServer(runner: Runner, options: CpuPhaseOptions): Promise<CategoryCost[]> {
  if (!runner.server) throw new Error(`${runner.system} has no server to profile`);
  await runner.server.call('profileStart');
  const load = await runLoad(() => runner.task(), { concurrency: options.concurrency, durationMs: options.durationMs, maxRequests: 1_000_000 });
  const shares = await runner.server.call<CategoryShare[]>('profileStop');
  return shares.map((share) => ({ ...share, msPerRequest: perRequest(share.selfMs, load.completed) }));
}
