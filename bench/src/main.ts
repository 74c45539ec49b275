/**
 * `npm run bench`: the benchmark of the Healthcare Graph against the emulator and the demo cohort.
 * See `bench/README.md`. Writes `<out>/latest.json` and `<out>/latest.md`; exits 1 when a
 * call-count target fails or a system did not fetch the same data as the graph, 2 on bad options.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildChildModules, sourceChildModules, type ChildModules } from './build.js';
import { loadCohort } from './cohort.js';
import { RpcChild } from './ipc.js';
import { createLiveStore, runLivePhase, type GraphMemory, type LiveResult } from './live-phase.js';
import { runLoad } from './load.js';
import { OptionsError, parseOptions, USAGE, type BenchOptions } from './options.js';
import { firstDifference, QUERIES, type QueryName, type SystemName } from './queries.js';
import { measureCpu, profileServer } from './cpu-phase.js';
import { renderMarkdown } from './report.js';
import { measureRtt } from './rtt-phase.js';
import { makeRunner, type Runner, type RunningServer } from './runners.js';
import type { BenchReport, SystemResult } from './results.js';
import { runScaleTest } from './scale.js';
import type { ServerInfo, ServerMemory } from './server-child.js';
import { median } from './stats.js';
import { evaluateTargets, failedGates } from './targets.js';
import type { UpstreamInfo, UpstreamStats } from './upstream-child.js';
import { summarizeCalls, type CallRecord } from './waves.js';
import { measureTracingCost, renderTracingCost } from './tracing-cost.js';

const T0 = performance.now();
const log = (message: string) => process.stderr.write(`[${((performance.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
const SERVER_SYSTEMS: readonly SystemName[] = ['graph', 'naive', 'bff', 'bare-http'];
const COUNT_RUNS = 3;
const REQUEST_TIMEOUT_MS = 60_000;

function emptyResult(): SystemResult {
  return {
    upstreamCalls: null, waves: null, roundTrips: null, p50Ms: null, p95Ms: null, p99Ms: null, rps: {}, peakRssMb: null,
    maxInFlight: null, callsByKind: {}, callsPerWave: [], countRuns: [], sameDataAsGraph: null, callList: [], latencyByConcurrency: {}, cpuMsPerRequest: {}, errors: [],
  };
}

/**
 * The servers' settings: production mode as in the Docker image (`NODE_ENV=production`), unless the
 * bench's own environment says otherwise, plus whatever tuning it passes on (`UPSTREAM_CONCURRENCY=64 npm run bench`).
 */
const GRAPH_ENVIRONMENT: Record<string, string> = {
  NODE_ENV: 'production',
  ...Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] =>
    /^(UPSTREAM_|REQUEST_DEADLINE_MS|STORE_LIST_TTL_MS|LOG_LEVEL|NODE_ENV)/.test(entry[0]) && entry[1] !== undefined)),
};

const shortPath = (call: CallRecord) => `${call.method} ${call.path.replace(/^\/v1\/projects\/demo\/locations\/us-central1\/datasets\/demo\//, '…/demo/').replace(/^\/v1\//, '/')}`;

/**
 * The live-delivery phase (`live-phase.ts`) on a graph process of its own that consumes the
 * emulator's Pub/Sub notifications, at the run's upstream latency; the store is created at 0 ms.
 */
async function measureLive(upstream: RpcChild, info: UpstreamInfo, modules: ChildModules, options: BenchOptions, children: RpcChild[]): Promise<LiveResult> {
  if (info.pubsubHost === undefined) throw new Error('the emulator was started without a Pub/Sub endpoint');
  await upstream.call('latency', { ms: 0 });
  const store = await createLiveStore({ apiUrl: `${info.emulatorUrl}/v1`, pubsubHost: info.pubsubHost, dataset: 'projects/demo/locations/us-central1/datasets/demo', storeId: 'live' });
  const graph = await RpcChild.start(modules.url('server-child'), {
    name: 'live graph server',
    args: ['graph'],
    env: { ...GRAPH_ENVIRONMENT, BENCH_API_URL: `${info.proxyUrl}/v1`, PUBSUB_EMULATOR_HOST: info.pubsubHost },
    // A full GC before each RSS reading, so the idle figure is what the subscriptions hold.
    nodeFlags: ['--expose-gc', ...options.serverFlags],
  });
  children.push(graph);
  try {
    const { url } = await graph.call<ServerInfo>('info');
    await upstream.call('latency', { ms: options.latencyMs });
    log(`Live delivery: ${options.liveSubscribers.join('/')} subscribers, ${options.liveWrites} writes each; ${options.liveRates.join('/')} writes/s to ${options.liveRateSubscribers} subscribers; ${options.latencyMs} ms upstream latency.`);
    return await runLivePhase({
      graphUrl: url,
      apiUrl: `${info.emulatorUrl}/v1`,
      store,
      subscriberCounts: options.liveSubscribers,
      writes: options.liveWrites,
      rates: options.liveRates,
      rateDurationMs: options.liveRateDurationMs,
      rateSubscribers: options.liveRateSubscribers,
      latencyMs: options.latencyMs,
      graphMemory: () => graph.call<GraphMemory>('gc'),
      graphCpuMs: () => graph.call<number>('cpu'),
      log,
    });
  } finally {
    await graph.stop();
    await upstream.call('latency', { ms: 0 });
  }
}

/** Warm-up, then COUNT_RUNS recorded requests: calls, waves and the canonical data. */
async function count(upstream: RpcChild, runner: Runner, result: SystemResult): Promise<unknown> {
  await runner.once();
  let canonical: unknown;
  for (let run = 0; run < COUNT_RUNS; run += 1) {
    await upstream.call('reset');
    const once = await runner.once();
    const { calls, truncated } = await upstream.call<{ calls: CallRecord[]; truncated: boolean }>('calls');
    if (truncated) result.errors.push('the proxy dropped call records (too many calls)');
    const summary = summarizeCalls(calls);
    result.countRuns.push({ upstreamCalls: summary.upstreamCalls, waves: summary.waves });
    if (summary.failedCalls > 0) result.errors.push(`${summary.failedCalls} upstream calls failed (status ≥ 400)`);
    if (run === 0 || summary.waves < (result.waves ?? Infinity)) {
      result.waves = summary.waves;
      result.callsPerWave = summary.perWave;
      result.maxInFlight = summary.maxInFlight;
    }
    if (run === 0) {
      result.callsByKind = summary.byKind;
      result.callList = [...calls].sort((a, b) => a.start - b.start).map(shortPath);
    }
    result.roundTrips = once.roundTrips;
    canonical = once.canonical;
  }
  const distinct = [...new Set(result.countRuns.map((run) => run.upstreamCalls))];
  result.upstreamCalls = median(result.countRuns.map((run) => run.upstreamCalls));
  if (distinct.length > 1) result.errors.push(`upstream calls differ between runs: ${distinct.join(', ')}`);
  return canonical;
}

/**
 * Timed points at each concurrency; latency percentiles from the lowest one. Peak RSS: the server
 * process's lifetime maximum when it was started for this query (`freshServer`), else the highest
 * RSS sampled since this query started.
 */
async function time(runner: Runner, options: BenchOptions, result: SystemResult, freshServer: boolean): Promise<void> {
  await runner.server?.call('resetPeak');
  for (const concurrency of options.concurrency) {
    const first = concurrency === options.concurrency[0];
    const perClient = options.maxRequestsPerClient > 0 ? Math.max(first ? options.minSamples : 0, options.maxRequestsPerClient * concurrency) : Infinity;
    const maxRequests = Math.min(options.maxRequests, perClient);
    if (options.warmupMs > 0 && (first || options.warmupEveryLevel)) {
      await runLoad(() => runner.task(), { concurrency, durationMs: options.warmupMs, maxRequests, maxDurationMs: options.warmupMs + REQUEST_TIMEOUT_MS });
    }
    const cpuBefore = await runner.server?.call<number>('cpu');
    const load = await runLoad(() => runner.task(), {
      concurrency,
      durationMs: options.durationMs,
      maxRequests,
      minRequests: first ? options.minSamples : 0,
    });
    const cpuAfter = await runner.server?.call<number>('cpu');
    result.cpuMsPerRequest[String(concurrency)] = cpuBefore === undefined || cpuAfter === undefined ? null : Number(((cpuAfter - cpuBefore) / Math.max(load.completed, 1)).toFixed(3));
    result.rps[String(concurrency)] = load.rps;
    result.latencyByConcurrency[String(concurrency)] = { ...load.latency, rps: load.rps, errors: load.errors, elapsedMs: load.elapsedMs };
    if (load.errors > 0) result.errors.push(`${load.errors} failed requests at ${concurrency} clients: ${load.firstError ?? ''}`.slice(0, 400));
    if (concurrency === options.concurrency[0]) {
      result.p50Ms = load.latency.p50Ms;
      result.p95Ms = load.latency.p95Ms;
      result.p99Ms = load.latency.p99Ms;
    }
    log(`  ${runner.system} @${concurrency}: ${load.rps} req/s, p50 ${load.latency.p50Ms} ms, p99 ${load.latency.p99Ms} ms (${load.completed} requests${load.errors ? `, ${load.errors} errors` : ''})`);
  }
  if (runner.server) {
    if (!runner.server.running) {
      result.errors.push(`the ${runner.system} server process exited during the timed runs (crashed?)`);
      return;
    }
    const memory = await runner.server.call<ServerMemory>('memory');
    result.peakRssMb = freshServer ? memory.maxRssMb : memory.peakRssMb;
  }
}

function machineInfo(): Record<string, unknown> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${os.platform()} ${os.release()}`,
    node: process.versions.node,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain') ?? '') !== '',
  };
}

async function run(options: BenchOptions): Promise<number> {
  const startedAt = new Date();
  const started = performance.now();
  const loadAtStart = os.loadavg().map((value) => Number(value.toFixed(2)));
  const children: RpcChild[] = [];
  const problems: string[] = [];
  const outDir = path.resolve(options.outDir);
  const profileDir = path.join(outDir, 'profiles');
  const queries: BenchReport['queries'] = {};
  let overhead: BenchReport['overhead'];
  const cpu: NonNullable<BenchReport['cpu']> = {};
  const rtt: NonNullable<BenchReport['rtt']> = {};
  const servers = new Map<SystemName, RunningServer>();
  const serverRss: BenchReport['servers'] = {};
  let cohort: BenchReport['emulator']['cohort'] | undefined;
  let live: LiveResult | null = null;
  const modules = options.build ? await buildChildModules(log) : sourceChildModules();
  if (modules.problem) problems.push(modules.problem);

  try {
    log(`Starting the emulator and the recording proxy...`);
    const upstream = await RpcChild.start(modules.url('upstream-child'), { name: 'emulator', nodeFlags: ['--expose-gc', '--max-old-space-size=8192'] });
    children.push(upstream);
    const info = await upstream.call<UpstreamInfo>('start', { pubsub: options.live });
    const proxyApi = `${info.proxyUrl}/v1`;
    await upstream.call('latency', { ms: 0 });
    await upstream.call('record', { on: false });
    log(`Loading the demo cohort: ${options.patients} patients (real images for patients 1–${options.realImagePatients})...`);
    const loaded = await loadCohort(`${info.emulatorUrl}/v1`, { patients: options.patients, realImagePatients: options.realImagePatients, dicom: 'all', log });
    const memory = await upstream.call<UpstreamStats>('gc');
    cohort = { ...loaded, memory: { rssMb: memory.rssMb, heapUsedMb: memory.heapUsedMb } };
    log(`  ${loaded.fhirResources} FHIR resources in ${(loaded.fhirMs / 1000).toFixed(1)} s, ${loaded.studies} studies / ${loaded.dicomInstances} instances in ${(loaded.dicomMs / 1000).toFixed(1)} s; emulator RSS ${memory.rssMb} MB`);

    if (options.cpuProf) await mkdir(profileDir, { recursive: true });
    const startServers = async (systems: readonly SystemName[], label: string): Promise<void> => {
      const started = await Promise.all(systems.filter((system) => !servers.has(system)).map(async (system) => {
        const child = await RpcChild.start(modules.url('server-child'), {
          name: `${system} server`,
          args: [system],
          env: { ...GRAPH_ENVIRONMENT, BENCH_API_URL: proxyApi },
          nodeFlags: [
            ...(system === 'bare-http' ? [] : options.serverFlags),
            ...(options.cpuProf && (system === 'graph' || system === 'bff') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${system}-${label}-${Date.now()}.cpuprofile`] : []),
          ],
        });
        children.push(child);
        return [system, { child, url: (await child.call<ServerInfo>('info')).url }] as const;
      }));
      for (const [system, server] of started) servers.set(system, server);
    };
    const stopServers = async (): Promise<void> => {
      for (const [system, server] of servers) {
        if (!server.child.running) continue;
        const { maxRssMb } = await server.child.call<ServerMemory>('memory');
        serverRss[system] = { maxRssMb: Math.max(serverRss[system]?.maxRssMb ?? 0, maxRssMb) };
      }
      await Promise.all([...servers.values()].map((server) => server.child.stop()));
      servers.clear();
    };
    /** A server that crashed is reported and replaced before the next query. */
    const replaceCrashedServers = async (name: QueryName): Promise<void> => {
      for (const [system, server] of [...servers]) {
        if (server.child.running) continue;
        problems.push(`the ${system} server process exited while ${name} ran (crashed?)`);
        servers.delete(system);
      }
    };
    const systemsOf = (name: QueryName) => QUERIES[name].systems.filter((system) => options.systems.includes(system));
    const serversOf = (names: readonly QueryName[]) => SERVER_SYSTEMS.filter((system) => names.some((name) => systemsOf(name).includes(system)));
    if (!options.freshServers) await startServers(serversOf(options.queries), 'all');
    log(`Proxy ${info.proxyUrl}; servers ${options.freshServers ? 'start afresh for every query' : `${[...servers].map(([name, server]) => `${name} ${server.url}`).join(', ')}`}.`);
    log(`Counting at ${options.countLatencyMs} ms latency; timing at ${options.latencyMs} ms, ${options.durationMs / 1000} s per point, clients ${options.concurrency.join('/')}.`);

    for (const name of options.queries) {
      const query = QUERIES[name];
      // Fresh servers for this query, or the shared ones (restarting any that crashed).
      await startServers(options.freshServers ? serversOf([name]) : serversOf(options.queries), options.freshServers ? name : 'all');
      const results: Partial<Record<SystemName, SystemResult>> = {};
      queries[name] = results;
      const runners = new Map<SystemName, Runner>();

      // Counting runs.
      await upstream.call('latency', { ms: options.countLatencyMs });
      await upstream.call('record', { on: true });
      let reference: unknown;
      let referenceOk = false;
      for (const system of systemsOf(name)) {
        const result = emptyResult();
        results[system] = result;
        const runner = makeRunner(query, system, servers, proxyApi);
        runners.set(system, runner);
        try {
          const canonical = await count(upstream, runner, result);
          if (system === 'graph') {
            reference = canonical;
            referenceOk = true;
            result.sameDataAsGraph = true;
          } else if (referenceOk) {
            const difference = firstDifference(reference, canonical);
            result.sameDataAsGraph = difference === undefined;
            if (difference !== undefined) result.dataDifference = difference;
          }
        } catch (error) {
          result.errors.push(`counting run failed: ${(error as Error).message}`.slice(0, 500));
          if (system === 'graph') result.sameDataAsGraph = false;
        }
        log(`${name} / ${system}: ${result.upstreamCalls ?? '?'} calls, ${result.waves ?? '?'} waves${result.sameDataAsGraph === false ? ' — DATA DIFFERS' : ''}${result.errors.length ? ` — ${result.errors.join('; ')}` : ''}`);
        if (result.sameDataAsGraph === false) problems.push(`${name} / ${system}: ${result.dataDifference ?? result.errors.join('; ')}`);
        else if (result.errors.length > 0) problems.push(`${name} / ${system}: ${result.errors.join('; ')}`);
      }

      // Timed runs.
      await upstream.call('record', { on: false });
      await upstream.call('latency', { ms: options.latencyMs });
      for (const [system, runner] of runners) {
        const result = results[system]!;
        if (result.upstreamCalls === null) continue;
        await time(runner, options, result, options.freshServers);
      }

      if (name === 'trivial' && options.overhead && options.latencyMs !== 0) {
        await upstream.call('latency', { ms: 0 });
        log('trivial at 0 ms latency (overhead):');
        const overheadResults: Partial<Record<SystemName, SystemResult>> = {};
        for (const [system, runner] of runners) {
          const main = results[system]!;
          if (system === 'rest-sequential' || main.upstreamCalls === null) continue;
          const result: SystemResult = {
            ...emptyResult(),
            upstreamCalls: main.upstreamCalls, waves: main.waves, roundTrips: main.roundTrips, sameDataAsGraph: main.sameDataAsGraph,
            callsByKind: main.callsByKind, callsPerWave: main.callsPerWave, maxInFlight: main.maxInFlight, callList: main.callList,
          };
          overheadResults[system] = result;
          await time(runner, options, result, false);
        }
        overhead = { latencyMs: 0, queries: { trivial: overheadResults } };
      }
      if (options.cpuDurationMs > 0) {
        await upstream.call('latency', { ms: 0 });
        const phase = { concurrency: options.cpuConcurrency, durationMs: options.cpuDurationMs, warmupMs: Math.min(options.warmupMs, options.cpuDurationMs) };
        const measured: NonNullable<BenchReport['cpu']>[QueryName] = {};
        for (const system of ['graph', 'bff'] as const) {
          const runner = runners.get(system);
          if (!runner || results[system]?.upstreamCalls === null) continue;
          const result = await measureCpu(runner, upstream, phase);
          measured[system] = result;
          log(`  CPU at 0 ms, ${system} @${phase.concurrency}: ${result.serverMsPerRequest} ms per request in the server, ${result.upstreamMsPerRequest} in emulator and proxy, ${result.loadGeneratorMsPerRequest} in the load generator (${result.rps} req/s)`);
          if (result.errors > 0) problems.push(`${name} / ${system}: ${result.errors} failed requests in the CPU phase`);
        }
        const graph = runners.get('graph');
        const bff = runners.get('bff');
        if (options.cpuProfile && graph && results.graph?.upstreamCalls !== null) measured.graphProfile = await profileServer(graph, phase);
        if (options.cpuProfile && bff && results.bff?.upstreamCalls !== null) measured.bffProfile = await profileServer(bff, phase);
        cpu[name] = measured;
      }
      if (options.rttMs.length > 0) {
        await upstream.call('latency', { ms: options.latencyMs });
        const points = await measureRtt(query, systemsOf(name).filter((system) => results[system]?.upstreamCalls !== null), servers, proxyApi, { rttMs: options.rttMs, samples: options.rttSamples });
        rtt[name] = points;
        log(`  perceived latency: ${points.map((point) => `${point.system} @${point.rttMs} ms RTT p50 ${point.p50Ms} ms`).join(', ')}`);
        for (const point of points.filter((each) => each.errors > 0)) problems.push(`${name} / ${point.system}: ${point.errors} failed requests at ${point.rttMs} ms RTT`);
      }
      await replaceCrashedServers(name);
      if (options.freshServers) await stopServers();
    }
    await stopServers();

    if (options.live) {
      try {
        live = await measureLive(upstream, info, modules, options, children);
        for (const error of live.errors) problems.push(`live delivery: ${error}`);
        const missing = [...live.latency, ...live.rates].reduce((sum, point) => sum + point.missing, 0);
        if (missing > 0) problems.push(`live delivery: ${missing} subscriber messages did not arrive`);
      } catch (error) {
        problems.push(`live delivery failed: ${(error as Error).message}`.slice(0, 500));
        log(`Live delivery failed: ${(error as Error).message}`);
      }
    }

    for (const [name, results] of Object.entries({ ...queries, ...(overhead ? { 'trivial (0 ms)': overhead.queries.trivial } : {}) })) {
      for (const [system, result] of Object.entries(results ?? {})) {
        const timingErrors = result.errors.filter((error) => error.includes('failed requests'));
        if (timingErrors.length > 0) problems.push(`${name} / ${system}: ${timingErrors.join('; ')}`);
      }
    }
  } finally {
    log('Stopping the servers and the emulator...');
    await Promise.all(children.map((child) => child.stop()));
  }

  let scale: BenchReport['emulator']['scale'] = null;
  if (options.scalePatients > 0) {
    try {
      scale = await runScaleTest({ patients: options.scalePatients, dicom: options.scaleDicom, log, modules });
    } catch (error) {
      problems.push(`emulator scale test failed: ${(error as Error).message}`.slice(0, 500));
      log(`Scale test failed: ${(error as Error).message}`);
    }
  }

  const machine = machineInfo();
  machine['loadAverageAtStart'] = loadAtStart;
  machine['loadAverageAtEnd'] = machine['loadAverage'];
  delete machine['loadAverage'];
  const report: BenchReport = {
    machine,
    config: {
      quick: options.quick,
      patients: options.patients,
      realImagePatients: options.realImagePatients,
      latencyMs: options.latencyMs,
      countLatencyMs: options.countLatencyMs,
      countRuns: COUNT_RUNS,
      durationS: options.durationMs / 1000,
      warmupS: options.warmupMs / 1000,
      maxRequests: options.maxRequests,
      maxRequestsPerClient: options.maxRequestsPerClient,
      warmupEveryLevel: options.warmupEveryLevel,
      freshServers: options.freshServers,
      serverFlags: options.serverFlags,
      graphEnvironment: GRAPH_ENVIRONMENT,
      minSamples: options.minSamples,
      concurrency: options.concurrency,
      queries: options.queries,
      systems: options.systems,
      cpuDurationS: options.cpuDurationMs / 1000,
      cpuConcurrency: options.cpuConcurrency,
      rttMs: options.rttMs,
      rttSamples: options.rttSamples,
      scalePatients: options.scalePatients,
      scaleDicom: options.scaleDicom,
      live: options.live,
      liveSubscribers: options.liveSubscribers,
      liveWrites: options.liveWrites,
      liveRates: options.liveRates,
      liveRateDurationS: options.liveRateDurationMs / 1000,
      liveRateSubscribers: options.liveRateSubscribers,
      childProcesses: modules.mode === 'compiled' ? 'compiled JavaScript (tsc), plain node' : 'TypeScript under tsx',
    },
    queries,
    ...(overhead ? { overhead } : {}),
    cpu,
    rtt,
    emulator: { cohort: cohort!, scale },
    live,
    servers: serverRss,
    targets: [],
    startedAt: startedAt.toISOString(),
    durationS: 0,
    problems,
  };
  const tracingCost = await measureTracingCost(options.quick ? 2000 : 20_000);
  log(`Request scope per request: ${tracingCost.offMicros} µs tracing off, ${tracingCost.onMicros} µs on.`);
  Object.assign(report, { tracingCost });
  report.targets = evaluateTargets(report);
  report.durationS = Math.round((performance.now() - started) / 1000);

  await mkdir(path.join(outDir, 'runs'), { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = renderMarkdown(report) + renderTracingCost(tracingCost);
  const stamp = `${startedAt.toISOString().replace(/[:.]/g, '-')}${options.quick ? '-quick' : ''}`;
  await writeFile(path.join(outDir, 'latest.json'), json);
  await writeFile(path.join(outDir, 'latest.md'), markdown);
  await writeFile(path.join(outDir, 'runs', `${stamp}.json`), json);
  log(`Wrote ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))} and latest.md (${report.durationS} s).`);
  process.stdout.write(options.json ? json : `${markdown}\n`);

  const failed = failedGates(report.targets);
  const mismatches = Object.values(queries).flatMap((results) => Object.entries(results ?? {}).filter(([, result]) => result.sameDataAsGraph === false || (result.upstreamCalls === null)));
  for (const target of failed) log(`FAILED (call count): ${target.target}: ${target.actual}`);
  if (mismatches.length > 0) log(`FAILED: ${mismatches.length} system(s) did not fetch the same data as the graph or could not be counted (see "Problems").`);
  return failed.length > 0 || mismatches.length > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  process.exitCode = await run(options);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

export type { QueryName };
