import { describe, expect, it } from '@jest/globals';
import { cohortChunks, planPatientNumber, writeLiteStudyInstances } from '../../bench/src/cohort.js';
import { runLoad } from '../../bench/src/load.js';
import { OptionsError, parseOptions } from '../../bench/src/options.js';
import { bucketOf, categoryOf } from '../../bench/src/profile-summary.js';
import { firstDifference, QUERIES, QUERY_NAMES } from '../../bench/src/queries.js';
import type { BenchReport, SystemResult } from '../../bench/src/results.js';
import { renderMarkdown } from '../../bench/src/report.js';
import { median, percentile, summarizeLatencies } from '../../bench/src/stats.js';
import { evaluateTargets, failedGates } from '../../bench/src/targets.js';
import { generateCohort } from '../../src/demo/cohort/index.js';

describe('latency statistics', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('uses nearest-rank percentiles', () => {
    expect([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 99), percentile(hundred, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(hundred, 0)).toThrow(RangeError);
  });

  it('summarizes unsorted samples', () => {
    expect(summarizeLatencies([30, 10, 20])).toEqual({ count: 3, minMs: 10, meanMs: 20, p50Ms: 20, p95Ms: 30, p99Ms: 30, maxMs: 30 });
    expect(summarizeLatencies([]).p50Ms).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('the load loop', () => {
  it('stops at maxRequests and runs `concurrency` tasks at once', async () => {
    let running = 0;
    let most = 0;
    const result = await runLoad(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    }, { concurrency: 4, durationMs: 60_000, maxRequests: 20 });
    expect(result.completed).toBe(20);
    expect(most).toBe(4);
    expect(result.latency.count).toBe(20);
  });

  it('stops starting tasks when the duration is over, and counts failures apart', async () => {
    let clock = 0;
    let calls = 0;
    const result = await runLoad(async () => {
      calls += 1;
      clock += 10;
      if (calls % 2 === 0) throw new Error('boom');
    }, { concurrency: 1, durationMs: 100, maxRequests: 1000, now: () => clock });
    expect(calls).toBe(10);
    expect(result).toMatchObject({ completed: 5, errors: 5, firstError: 'boom', elapsedMs: 100, rps: 50 });
  });

  it('keeps going for minRequests, but never past maxDurationMs', async () => {
    let clock = 0;
    const slow = await runLoad(async () => {
      clock += 50;
    }, { concurrency: 1, durationMs: 10, maxRequests: 1000, minRequests: 4, maxDurationMs: 1000, now: () => clock });
    expect(slow.completed).toBe(4);
    clock = 0;
    const capped = await runLoad(async () => {
      clock += 400;
    }, { concurrency: 1, durationMs: 10, maxRequests: 1000, minRequests: 100, maxDurationMs: 1000, now: () => clock });
    expect(capped.completed).toBe(3);
  });
});

describe('options', () => {
  it('has full-run defaults and a quick mode', () => {
    expect(parseOptions([])).toMatchObject({ quick: false, patients: 1000, latencyMs: 20, durationMs: 5000, concurrency: [1, 10, 50], scalePatients: 10_000, json: false });
    expect(parseOptions(['--quick'])).toMatchObject({ quick: true, patients: 40, durationMs: 300, scalePatients: 500, maxRequestsPerClient: 2, build: false });
  });

  it('reads values, lists and flags', () => {
    const options = parseOptions(['--patients', '200', '--latency=0', '--duration', '2', '--concurrency', '50,1', '--queries', 'trivial', '--systems', 'bare-http', '--json', '--no-overhead']);
    expect(options).toMatchObject({ patients: 200, latencyMs: 0, durationMs: 2000, concurrency: [1, 50], queries: ['trivial'], json: true, overhead: false });
    expect(options.systems).toEqual(['graph', 'bare-http']);
    expect(options.realImagePatients).toBe(100);
  });

  it('refuses unknown options and bad values', () => {
    expect(() => parseOptions(['--fast'])).toThrow(OptionsError);
    expect(() => parseOptions(['--latency', '-1'])).toThrow(OptionsError);
    expect(() => parseOptions(['--queries', 'everything'])).toThrow(OptionsError);
    expect(() => parseOptions(['--patients'])).toThrow(OptionsError);
  });
});

describe('the cohort in chunks', () => {
  it('is the same cohort as generateCohort', () => {
    const whole = generateCohort({ patients: 30 });
    const chunks = [...cohortChunks(30, 7)];
    expect(chunks.map((chunk) => [chunk.firstPatient, chunk.lastPatient])).toEqual([[0, 0], [1, 7], [8, 14], [15, 21], [22, 28], [29, 30]]);
    const key = (resource: { resourceType: string; id: string }) => `${resource.resourceType}/${resource.id}`;
    const chunked = new Map(chunks.flatMap((chunk) => chunk.resources).map((resource) => [key(resource), resource]));
    expect(chunked.size).toBe(whole.resources.length);
    for (const resource of whole.resources) expect(chunked.get(key(resource))).toEqual(resource);
    expect(chunks.flatMap((chunk) => chunk.imaging)).toEqual(whole.imaging);
  });

  it('keeps references pointing backwards within the load order', () => {
    const seen = new Set<string>();
    for (const chunk of cohortChunks(12, 5)) {
      for (const resource of chunk.resources) {
        const references = JSON.stringify(resource).match(/"reference":"([A-Za-z]+\/[^"]+)"/g) ?? [];
        for (const reference of references) expect(seen.has(reference.slice(13, -1)) || reference.slice(13, -1) === `${resource.resourceType}/${resource.id}`).toBe(true);
        seen.add(`${resource.resourceType}/${resource.id}`);
      }
    }
  });

  it('writes lite instances with the plan\'s UIDs', () => {
    const plan = generateCohort({ patients: 3 }).imaging[0]!;
    expect(planPatientNumber(plan)).toBe(1);
    const instances = writeLiteStudyInstances(plan);
    expect(instances.map((instance) => instance.sopInstanceUid)).toEqual(plan.series.flatMap((series) => series.instances.map((instance) => instance.sopInstanceUid)));
    expect(Buffer.from(instances[0]!.bytes.subarray(128, 132)).toString()).toBe('DICM');
    expect(instances[0]!.bytes.length).toBeLessThan(8000);
  });
});

function result(partial: Partial<SystemResult>): SystemResult {
  return {
    upstreamCalls: null, waves: null, roundTrips: null, p50Ms: null, p95Ms: null, p99Ms: null, rps: {}, peakRssMb: null, maxInFlight: null,
    callsByKind: {}, callsPerWave: [], countRuns: [], sameDataAsGraph: true, callList: [], latencyByConcurrency: {}, cpuMsPerRequest: {}, errors: [], ...partial,
  };
}

describe('targets', () => {
  const report = (graphCalls: number, naiveCalls: number): Pick<BenchReport, 'queries' | 'overhead' | 'servers' | 'emulator' | 'config' | 'cpu' | 'rtt'> => ({
    config: { latencyMs: 20 },
    queries: {
      'patient-list': {
        graph: result({ upstreamCalls: graphCalls, waves: 2, p50Ms: 48, rps: { '50': 95 } }),
        bff: result({ upstreamCalls: 3, waves: 2, rps: { '50': 100 } }),
        naive: result({ upstreamCalls: naiveCalls, waves: 3 }),
        'rest-optimal': result({ upstreamCalls: 3, waves: 2, p50Ms: 45 }),
      },
    },
    overhead: {
      latencyMs: 0,
      queries: {
        trivial: {
          graph: result({ rps: { '50': 900 }, latencyByConcurrency: { '50': { count: 1, minMs: 1, meanMs: 1, p50Ms: 1, p95Ms: 1, p99Ms: 49, maxMs: 49, rps: 900, errors: 0, elapsedMs: 1 } } }),
          'bare-http': result({ rps: { '50': 1000 } }),
        },
      },
    },
    servers: { graph: { maxRssMb: 150 } },
    cpu: { 'patient-list': { graph: { requests: 100, errors: 0, rps: 100, serverMsPerRequest: 1.5, upstreamMsPerRequest: 1, loadGeneratorMsPerRequest: 1 } } },
    rtt: { 'patient-chart': [{ rttMs: 150, system: 'graph', samples: 3, p50Ms: 200, p99Ms: 210, errors: 0 }, { rttMs: 150, system: 'rest-optimal', samples: 3, p50Ms: 340, p99Ms: 350, errors: 0 }] },
    emulator: { cohort: {} as BenchReport['emulator']['cohort'], scale: null },
  });

  it('passes when the graph makes no more calls than rest-optimal and 5× fewer than naive', () => {
    const targets = evaluateTargets(report(3, 15));
    expect(failedGates(targets)).toEqual([]);
    const byId = Object.fromEntries(targets.map((target) => [target.id, target.pass]));
    expect(byId).toMatchObject({
      'calls/patient-list/graph<=rest-optimal': true,
      'calls/patient-list/naive>=5x-graph': true,
      'waves/patient-list/graph=rest-optimal': true,
      'latency/patient-list/graph-p50<=1.08x-rest-optimal': true,
      'throughput/patient-list/graph>=0.9x-bff': true,
      'cpu/patient-list/graph<=half-of-first': true,
      'rtt/patient-chart/rest>=1.5x-graph@150ms': true,
      'throughput/trivial/graph>=85%-bare-http': true,
      'latency/trivial/graph-p99<50ms': true,
      'memory/graph-peak-rss<200MB': true,
      'emulator/load-10k<30s': null,
    });
  });

  it('fails the timing targets the run missed, without gating on them', () => {
    const slow = report(3, 15);
    slow.queries['patient-list']!.graph!.rps = { '50': 80 };
    slow.cpu!['patient-list']!.graph!.serverMsPerRequest = 3;
    slow.rtt!['patient-chart']![1]!.p50Ms = 250;
    const byId = Object.fromEntries(evaluateTargets(slow).map((target) => [target.id, target.pass]));
    expect(byId).toMatchObject({ 'throughput/patient-list/graph>=0.9x-bff': false, 'cpu/patient-list/graph<=half-of-first': false, 'rtt/patient-chart/rest>=1.5x-graph@150ms': false });
    expect(failedGates(evaluateTargets(slow))).toEqual([]);
  });

  it('gates only on call counts', () => {
    const failing = report(4, 16);
    failing.servers.graph = { maxRssMb: 900 };
    const failed = failedGates(evaluateTargets(failing)).map((target) => target.id);
    expect(failed).toEqual(['calls/patient-list/graph<=rest-optimal', 'calls/patient-list/naive>=5x-graph']);
  });

  it('does not judge the p50 target at another latency', () => {
    const other = report(3, 15);
    other.config = { latencyMs: 0 };
    expect(evaluateTargets(other).find((target) => target.id.startsWith('latency/patient-list'))?.pass).toBeNull();
  });

  it('renders a Markdown report with every target', () => {
    const full: BenchReport = {
      ...report(3, 15),
      machine: { cpuModel: 'test cpu', cpus: 2, node: '20' },
      emulator: { cohort: { patients: 1, fhirResources: 1, fhirBundles: 1, fhirMs: 1, studies: 0, dicomInstances: 0, realImageInstances: 0, liteInstances: 0, dicomMs: 0, memory: { rssMb: 1, heapUsedMb: 1 } }, scale: null },
      targets: evaluateTargets(report(3, 15)),
      startedAt: '2026-01-01T00:00:00.000Z',
      durationS: 1,
      problems: [],
    };
    const markdown = renderMarkdown(full);
    expect(markdown).toContain('| patient-list: graph upstream calls ≤ rest-optimal | 3 vs 3 | pass |');
    expect(markdown).toContain('### patient-list');
    expect(markdown).toMatch(/\| graph \| 3 \| 2 \|/);
  });
});

describe('queries', () => {
  it('has a GraphQL operation, a REST plan and systems for every query', () => {
    for (const name of QUERY_NAMES) {
      const query = QUERIES[name];
      expect(query.graphql.query).toMatch(/\{/);
      expect(query.restPlan.length).toBeGreaterThan(0);
      expect(query.systems).toEqual(expect.arrayContaining(['graph', 'naive', 'rest-optimal', 'rest-sequential']));
    }
    expect(QUERIES.trivial.systems).toContain('bare-http');
  });

  it('finds where canonical data differs', () => {
    expect(firstDifference({ a: [1, 2] }, { a: [1, 2] })).toBeUndefined();
    expect(firstDifference({ a: [1, 2] }, { a: [1, 3] })).toBe('$.a[1]: 2 ≠ 3');
    expect(firstDifference([1], [1, 2])).toBe('$: 1 items ≠ 2 items');
  });

  it('reads canonical data from a GraphQL answer', () => {
    const data = { fhirStore: { patients: { nodes: [{ resourceId: 'p1', mrn: 'M1', generalPractitioners: [{ resourceId: 'd1' }], managingOrganization: null }] } } };
    expect(QUERIES['patient-list'].fromGraph(data)).toEqual([{ id: 'p1', mrn: 'M1', practitioners: ['d1'], organization: null }]);
  });
});

describe('profile summary', () => {
  it('buckets frames by package and source folder', () => {
    expect(bucketOf('file:///repo/node_modules/@apollo/server/dist/x.js', 'f')).toBe('@apollo/server');
    expect(bucketOf('file:///repo/bench/results/build/src/loaders/fhir.js', 'f')).toBe('src/loaders');
    expect(bucketOf('node:internal/deps/undici/undici', 'f')).toBe('node:internal/deps');
    expect(bucketOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('sorts frames into the report\'s categories', () => {
    expect(categoryOf('file:///repo/node_modules/graphql/execution/execute.js', 'f')).toBe('graphql-js');
    expect(categoryOf('file:///repo/node_modules/@apollo/server/dist/x.js', 'f')).toBe('Apollo');
    expect(categoryOf('file:///repo/bench/results/build/src/loaders/fhir.js', 'f')).toBe('ours');
    expect(categoryOf('node:internal/deps/undici/undici', 'f')).toBe('undici (fetch)');
    expect(categoryOf('node:_http_server', 'f')).toBe('node http, streams');
    expect(categoryOf('', 'JSON.parse')).toBe('builtins (JSON, RegExp, …)');
    expect(categoryOf('', '(garbage collector)')).toBe('GC');
    expect(categoryOf('', '(idle)')).toBeNull();
  });
});
