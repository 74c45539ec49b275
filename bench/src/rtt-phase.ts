/**
 * The mobile round trip: client-perceived latency when the client sits `rtt` ms away. One client
 * sends requests back to back and waits the RTT before each HTTP request it makes: the graph and the
 * bff pay it once per request, the REST client run from the device once per wave of calls.
 */
import { runLoad } from './load.js';
import type { BenchQuery, SystemName } from './queries.js';
import type { RttPoint } from './results.js';
import { makeRunner, type RunningServer } from './runners.js';

/** The systems compared: one round trip (graph, bff) against the REST plan from the device. */
export const RTT_SYSTEMS: readonly SystemName[] = ['graph', 'bff', 'rest-optimal'];

export async function measureRtt(
  query: BenchQuery,
  systems: readonly SystemName[],
  servers: ReadonlyMap<SystemName, RunningServer>,
  apiUrl: string,
  options: { rttMs: readonly number[]; samples: number },
): Promise<RttPoint[]> {
  const points: RttPoint[] = [];
  for (const rttMs of options.rttMs) {
    for (const system of RTT_SYSTEMS.filter((name) => systems.includes(name))) {
      const runner = makeRunner(query, system, servers, apiUrl, rttMs);
      const load = await runLoad(() => runner.task(), { concurrency: 1, durationMs: 0, minRequests: options.samples, maxRequests: options.samples, maxDurationMs: 300_000 });
      points.push({ rttMs, system, samples: load.completed, p50Ms: load.latency.p50Ms, p99Ms: load.latency.p99Ms, errors: load.errors });
    }
  }
  return points;
}
