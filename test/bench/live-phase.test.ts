import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { createLiveStore, runLivePhase, type LiveResult } from '../../bench/src/live-phase.js';
import { liveSection } from '../../bench/src/report.js';
import type { BenchReport } from '../../bench/src/results.js';
import { evaluateTargets } from '../../bench/src/targets.js';
import { startTestApp } from '../helpers/app.js';

const mb = (bytes: number) => bytes / 1024 / 1024;

let app: RunningApp;
let result: LiveResult;
beforeAll(async () => {
  // The embedded emulator publishes to the Pub/Sub emulator in its thread; the graph consumes from it.
  app = await startTestApp();
  const store = await createLiveStore({ apiUrl: app.apiUrl, pubsubHost: app.emulator!.pubsubHost, dataset: 'projects/demo/locations/us-central1/datasets/demo', storeId: 'live-bench' });
  const cpu = () => process.cpuUsage();
  result = await runLivePhase({
    graphUrl: app.graph.url,
    apiUrl: app.apiUrl,
    store,
    subscriberCounts: [3, 1],
    writes: 2,
    rates: [4],
    rateDurationMs: 500,
    rateSubscribers: 2,
    latencyMs: 0,
    // The graph runs in this process here: its RSS and CPU are this process's.
    graphMemory: async () => ({ rssMb: mb(process.memoryUsage.rss()), heapUsedMb: mb(process.memoryUsage().heapUsed) }),
    graphCpuMs: async () => (cpu().user + cpu().system) / 1000,
    log: () => undefined,
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe("the bench's live-delivery phase", () => {
  it('delivers every write to every subscriber and times each message', () => {
    expect(result.errors).toEqual([]);
    expect(result.latency.map((point) => [point.subscribers, point.writes, point.count, point.missing])).toEqual([[1, 2, 2, 0], [3, 2, 6, 0]]);
    for (const point of result.latency) {
      expect(point.p50Ms).toBeGreaterThan(0);
      expect(point.p99Ms).toBeGreaterThanOrEqual(point.p50Ms!);
      expect(point.maxMs).toBeGreaterThanOrEqual(point.p99Ms!);
      expect(point.graphCpuMsPerMessage).toBeGreaterThan(0);
    }
    expect(result.withoutResource).toBe(0);
  });

  it('reports the sustained step and the idle memory', () => {
    const [step] = result.rates;
    expect(step).toMatchObject({ subscribers: 2, offeredPerS: 4, writes: 2, failedWrites: 0, missing: 0 });
    expect(step!.messagesPerS).toBeGreaterThan(0);
    expect(step!.eventsPerS).toBeGreaterThan(0);
    expect(step!.lagMs).toEqual(expect.any(Number));
    expect(result.sustainedEventsPerS === null || result.sustainedEventsPerS === 4).toBe(true);
    expect(result.idle).toMatchObject({ subscriptions: 3 });
    expect(result.idle!.rssBeforeMb).toBeGreaterThan(0);
    expect(result.idle!.heapMbPer1000).toEqual(expect.any(Number));
    expect(Number.isFinite(result.idle!.mbPer1000)).toBe(true);
  });

  it('renders its tables and targets', () => {
    const report = { live: result, config: { liveRateDurationS: 0.5 } } as unknown as BenchReport;
    const markdown = liveSection(report).join('\n');
    expect(markdown).toContain('## Live updates');
    expect(markdown).toMatch(/\| 3 \| 2 \| 6 \|/);
    expect(markdown).toContain('per 1,000');
    const targets = evaluateTargets({ queries: {}, servers: {}, emulator: { cohort: undefined as never, scale: null }, config: { latencyMs: 0 }, live: result }).filter((target) => target.kind === 'live');
    // At 0 ms upstream latency and with 3 subscribers, neither target is judged.
    expect(targets.map((target) => target.pass)).toEqual([null, null]);
    expect(targets[1]!.actual).toContain('with 3; too few to judge');
  });
});
