import { describe, expect, it } from '@jest/globals';
import type { LiveResult } from '../../bench/src/live-phase.js';
import { Arrivals } from '../../bench/src/live-subscribers.js';
import { OptionsError, parseOptions } from '../../bench/src/options.js';
import { liveSection } from '../../bench/src/report.js';
import type { BenchReport } from '../../bench/src/results.js';
import { evaluateTargets } from '../../bench/src/targets.js';

const point = (subscribers: number, p99Ms: number, missing = 0) => ({
  subscribers, writes: 20, count: subscribers * 20 - missing, minMs: 30, meanMs: 50, p50Ms: 45, p95Ms: p99Ms - 1, p99Ms, maxMs: p99Ms + 5,
  missing, rssBeforeMb: 90, rssAfterMb: 90 + subscribers * 0.02, heapBeforeMb: 40, heapAfterMb: 40 + subscribers * 0.01, graphCpuMsPerMessage: 0.05,
});

const result = (overrides: Partial<LiveResult> = {}): LiveResult => ({
  latencyMs: 20,
  connectionsPerSubscriber: 1,
  latency: [point(1, 60), point(100, 180), point(1000, 900)],
  rates: [
    { subscribers: 100, offeredPerS: 10, writesPerS: 10, writes: 30, failedWrites: 0, eventsPerS: 9.8, messagesPerS: 980, missing: 0, p50Ms: 70, p99Ms: 200, lagMs: 80 },
    { subscribers: 100, offeredPerS: 20, writesPerS: 19.9, writes: 60, failedWrites: 0, eventsPerS: 12, messagesPerS: 1200, missing: 40, p50Ms: 900, p99Ms: 4000, lagMs: 3000 },
  ],
  sustainedEventsPerS: 10,
  sustainedP99Ms: 1000,
  idle: { subscriptions: 1000, rssBeforeMb: 90, rssAfterMb: 110, mbPer1000: 20, heapMbPer1000: 10 },
  duplicates: 0,
  withoutResource: 0,
  loadAverage: { start: [1, 1, 1], end: [2, 1, 1] },
  errors: [],
  ...overrides,
});

const liveTargets = (live: LiveResult | null) =>
  evaluateTargets({ queries: {}, servers: {}, emulator: { cohort: undefined as never, scale: null }, config: { latencyMs: 20 }, live }).filter((target) => target.kind === 'live');

describe("the bench's live-delivery options", () => {
  it('runs the phase by default, small in --quick, and skips it with --no-live', () => {
    expect(parseOptions([])).toMatchObject({ live: true, liveSubscribers: [1, 100, 1000], liveRates: [10, 20, 50, 100, 200], liveRateSubscribers: 100 });
    expect(parseOptions(['--quick'])).toMatchObject({ live: true, liveSubscribers: [1, 5], liveWrites: 3, liveRateDurationMs: 500 });
    expect(parseOptions(['--no-live']).live).toBe(false);
  });

  it('parses the lists, with 0 as no sustained steps', () => {
    expect(parseOptions(['--live-subscribers', '100,1,100']).liveSubscribers).toEqual([1, 100]);
    expect(parseOptions(['--live-rates=0']).liveRates).toEqual([]);
    expect(() => parseOptions(['--live-subscribers', '0'])).toThrow(OptionsError);
    expect(() => parseOptions(['--live-writes', 'many'])).toThrow(OptionsError);
  });
});

describe('arrivals of a change', () => {
  it('resolves once enough subscribers received it, with their times', async () => {
    const arrivals = new Arrivals();
    arrivals.record('a', 5);
    const waiting = arrivals.wait('a', 2, 10_000);
    arrivals.record('b', 6);
    arrivals.record('a', 7);
    expect(await waiting).toEqual([5, 7]);
  });

  it('gives what arrived when the wait runs out', async () => {
    const arrivals = new Arrivals();
    arrivals.record('a', 5);
    expect(await arrivals.wait('a', 3, 1)).toEqual([5]);
    arrivals.clear();
    expect(arrivals.of('a')).toEqual([]);
  });
});

describe('the live-delivery report', () => {
  it('renders the latency, sustained and idle figures', () => {
    const markdown = liveSection({ live: result(), config: { liveRateDurationS: 3 } } as unknown as BenchReport).join('\n');
    expect(markdown).toContain('## Live updates: store write → subscriber message (20 ms upstream latency, one graph process)');
    expect(markdown).toContain('| 1,000 | 20 | 20,000 | 45 | 900 | 905 | 0 | 0.05 | 90 → 110 |');
    expect(markdown).toContain('**Sustained: 10 events/s**');
    expect(markdown).toContain('| 20 | 19.9 | 12 | 1,200 | 900 | 4,000 | 3,000 | 40 | 0 |');
    expect(markdown).toContain('**20 MB per 1,000**, of which V8 heap 10 MB');
    expect(liveSection({ live: null } as unknown as BenchReport)).toEqual([]);
  });

  it('checks the targets at 100 subscribers and per 1,000 idle, without gating', () => {
    expect(liveTargets(result()).map((target) => [target.pass, target.gating])).toEqual([[true, false], [true, false]]);
    const slow = result({ latency: [point(100, 300)], idle: { subscriptions: 1000, rssBeforeMb: 90, rssAfterMb: 160, mbPer1000: 70, heapMbPer1000: 30 } });
    expect(liveTargets(slow).map((target) => target.pass)).toEqual([false, false]);
    expect(liveTargets(result({ latency: [point(100, 100, 3)] }))[0]!.pass).toBe(false);
    expect(liveTargets(result({ latencyMs: 0 }))[0]).toMatchObject({ pass: null, actual: 'not measured (run at 0 ms)' });
    expect(liveTargets(null).map((target) => target.actual)).toEqual(['not measured', 'not measured']);
    expect(liveTargets(result({ idle: { subscriptions: 5, rssBeforeMb: 90, rssAfterMb: 91, mbPer1000: 200, heapMbPer1000: null } }))[1]!.pass).toBeNull();
  });
});
