/**
 * `npm run bench`: the benchmark of the Healthcare Graph against the emulator and the demo cohort.
 * See `bench/README.md`. Writes `<out>/latest.json` and `<out>/latest.md`; exits 1 when a
 * call-count target fails or a system did not fetch the same data as the graph, 2 on bad options.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildChildModules, sourceChildModules } from './build.js';
import { loadCohort } from './cohort.js';
import { RpcChild } from './ipc.js';
import { runLoad } from './load.js';
import { OptionsError, parseOptions, USAGE, type BenchOptions } from './options.js';
import { firstDifference, QUERIES, type BenchQuery, type QueryName, type SystemName } from './queries.js';
import { renderMarkdown } from './report.js';
import { RestClient } from './rest.js';
import type { BenchReport, SystemResult } from './results.js';
import { runScaleTest } from './scale.js';
import type { ServerInfo, ServerMemory } from './server-child.js';
import { median } from './stats.js';
import { evaluateTargets, failedGates } from './targets.js';
import type { UpstreamInfo, UpstreamStats } from './upstream-child.js';
import { summarizeCalls, type CallRecord } from './waves.js';

const log = (message: string) => process.stderr.write(`${message}\n`);
const SERVER_SYSTEMS: readonly SystemName[] = ['graph', 'naive', 'bare-http'];
const COUNT_RUNS = 3;
const REQUEST_TIMEOUT_MS = 60_000;

interface Runner {
  system: SystemName;
  server?: RpcChild;
  /** One request; its canonical data and the client's round trips. */
  once(): Promise<{ canonical: unknown; roundTrips: number }>;
  /** One request for the load loop. */
  task(): Promise<void>;
}

interface RunningServer {
  child: RpcChild;
  url: string;
}

async function postGraphql(url: string, body: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  if (json.errors && json.errors.length > 0) {
    throw new Error(`GraphQL errors: ${json.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join('; ').slice(0, 400)}`);
  }
  return json.data;
}

function makeRunner(query: BenchQuery, system: SystemName, servers: Map<SystemName, RunningServer>, apiUrl: string): Runner {
  if (system === 'rest-optimal' || system === 'rest-sequential') {
    const mode = system === 'rest-optimal' ? 'parallel' : 'sequential';
    return {
      system,
      async once() {
        const client = new RestClient(apiUrl, mode);
        const canonical = await query.rest(client);
        return { canonical, roundTrips: client.calls };
      },
      async task() {
        await query.rest(new RestClient(apiUrl, mode));
      },
    };
  }
  const server = servers.get(system);
  if (!server) throw new Error(`${system} server is not running`);
  const body = JSON.stringify(query.graphql);
  return {
    system,
    server: server.child,
    once: async () => ({ canonical: query.fromGraph(await postGraphql(server.url, body)), roundTrips: 1 }),
    task: async () => {
      await postGraphql(server.url, body);
    },
  };
}

function emptyResult(): SystemResult {
  return {
    upstreamCalls: null, waves: null, roundTrips: null, p50Ms: null, p95Ms: null, p99Ms: null, rps: {}, peakRssMb: null,
    maxInFlight: null, callsByKind: {}, callsPerWave: [], countRuns: [], sameDataAsGraph: null, callList: [], latencyByConcurrency: {}, errors: [],
  };
}

const shortPath = (call: CallRecord) => `${call.method} ${call.path.replace(/^\/v1\/projects\/demo\/locations\/us-central1\/datasets\/demo\//, '…/demo/').replace(/^\/v1\//, '/')}`;

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

/** Timed points at each concurrency; latency percentiles from the lowest one. */
async function time(runner: Runner, options: BenchOptions, result: SystemResult): Promise<void> {
  await runner.server?.call('resetPeak');
  for (const concurrency of options.concurrency) {
    if (options.warmupMs > 0) {
      await runLoad(() => runner.task(), { concurrency, durationMs: options.warmupMs, maxRequests: options.maxRequests, maxDurationMs: options.warmupMs + REQUEST_TIMEOUT_MS });
    }
    const load = await runLoad(() => runner.task(), {
      concurrency,
      durationMs: options.durationMs,
      maxRequests: options.maxRequests,
      minRequests: concurrency === options.concurrency[0] ? options.minSamples : 0,
    });
    result.rps[String(concurrency)] = load.rps;
    result.latencyByConcurrency[String(concurrency)] = { ...load.latency, rps: load.rps, errors: load.errors, elapsedMs: load.elapsedMs };
    if (load.errors > 0) result.errors.push(`${load.errors} failed requests at ${concurrency} clients: ${load.firstError ?? ''}`.slice(0, 400));
    if (concurrency === options.concurrency[0]) {
      result.p50Ms = load.latency.p50Ms;
      result.p95Ms = load.latency.p95Ms;
      result.p99Ms = load.latency.p99Ms;
    }
    log(`    ${runner.system} @${concurrency}: ${load.rps} req/s, p50 ${load.latency.p50Ms} ms, p99 ${load.latency.p99Ms} ms (${load.completed} requests${load.errors ? `, ${load.errors} errors` : ''})`);
  }
  if (runner.server) result.peakRssMb = (await runner.server.call<ServerMemory>('memory')).peakRssMb;
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
    commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain') ?? '') !== '',
  };
}

async function run(options: BenchOptions): Promise<number> {
  const startedAt = new Date();
  const started = performance.now();
  const children: RpcChild[] = [];
  const problems: string[] = [];
  const outDir = path.resolve(options.outDir);
  const profileDir = path.join(outDir, 'profiles');
  const queries: BenchReport['queries'] = {};
  let overhead: BenchReport['overhead'];
  const servers = new Map<SystemName, RunningServer>();
  const serverRss: BenchReport['servers'] = {};
  let cohort: BenchReport['emulator']['cohort'];
  const modules = options.build ? await buildChildModules(log) : sourceChildModules();
  if (modules.problem) problems.push(modules.problem);

  try {
    log(`Starting the emulator and the recording proxy...`);
    const upstream = await RpcChild.start(modules.url('upstream-child'), { name: 'emulator', nodeFlags: ['--expose-gc', '--max-old-space-size=8192'] });
    children.push(upstream);
    const info = await upstream.call<UpstreamInfo>('start');
    const proxyApi = `${info.proxyUrl}/v1`;
    await upstream.call('latency', { ms: 0 });
    await upstream.call('record', { on: false });
    log(`Loading the demo cohort: ${options.patients} patients (real images for patients 1–${options.realImagePatients})...`);
    const loaded = await loadCohort(`${info.emulatorUrl}/v1`, { patients: options.patients, realImagePatients: options.realImagePatients, dicom: 'all', log });
    const memory = await upstream.call<UpstreamStats>('gc');
    cohort = { ...loaded, memory: { rssMb: memory.rssMb, heapUsedMb: memory.heapUsedMb } };
    log(`  ${loaded.fhirResources} FHIR resources in ${(loaded.fhirMs / 1000).toFixed(1)} s, ${loaded.studies} studies / ${loaded.dicomInstances} instances in ${(loaded.dicomMs / 1000).toFixed(1)} s; emulator RSS ${memory.rssMb} MB`);

    const wanted = SERVER_SYSTEMS.filter((system) => options.systems.includes(system) && options.queries.some((name) => QUERIES[name].systems.includes(system)));
    if (options.cpuProf) await mkdir(profileDir, { recursive: true });
    for (const system of wanted) {
      const child = await RpcChild.start(modules.url('server-child'), {
        name: `${system} server`,
        args: [system],
        env: { BENCH_API_URL: proxyApi },
        nodeFlags: options.cpuProf && system === 'graph' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      });
      children.push(child);
      servers.set(system, { child, url: (await child.call<ServerInfo>('info')).url });
    }
    log(`Servers: ${[...servers].map(([name, server]) => `${name} ${server.url}`).join(', ')}; proxy ${info.proxyUrl}`);

    // Counting runs.
    await upstream.call('latency', { ms: options.countLatencyMs });
    await upstream.call('record', { on: true });
    log(`Counting upstream calls at ${options.countLatencyMs} ms latency...`);
    const runners = new Map<string, Runner>();
    for (const name of options.queries) {
      const query = QUERIES[name];
      const results: Partial<Record<SystemName, SystemResult>> = {};
      queries[name] = results;
      let reference: unknown;
      let referenceOk = false;
      for (const system of query.systems.filter((candidate) => options.systems.includes(candidate))) {
        const result = emptyResult();
        results[system] = result;
        const runner = makeRunner(query, system, servers, proxyApi);
        runners.set(`${name}/${system}`, runner);
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
        log(`  ${name} / ${system}: ${result.upstreamCalls ?? '?'} calls, ${result.waves ?? '?'} waves${result.sameDataAsGraph === false ? ' — DATA DIFFERS' : ''}${result.errors.length ? ` — ${result.errors.join('; ')}` : ''}`);
        if (result.sameDataAsGraph === false) problems.push(`${name} / ${system}: ${result.dataDifference ?? result.errors.join('; ')}`);
        else if (result.errors.length > 0) problems.push(`${name} / ${system}: ${result.errors.join('; ')}`);
      }
    }

    // Timed runs.
    await upstream.call('record', { on: false });
    await upstream.call('latency', { ms: options.latencyMs });
    log(`Timing at ${options.latencyMs} ms latency, ${options.durationMs / 1000} s per point, clients ${options.concurrency.join('/')}...`);
    for (const name of options.queries) {
      for (const [system, result] of Object.entries(queries[name] ?? {}) as [SystemName, SystemResult][]) {
        const runner = runners.get(`${name}/${system}`);
        if (!runner || result.upstreamCalls === null) continue;
        log(`  ${name} / ${system}`);
        await time(runner, options, result);
      }
    }

    if (options.overhead && options.latencyMs !== 0 && options.queries.includes('trivial')) {
      await upstream.call('latency', { ms: 0 });
      log('Timing trivial at 0 ms latency (overhead)...');
      const results: Partial<Record<SystemName, SystemResult>> = {};
      for (const [system, main] of Object.entries(queries.trivial ?? {}) as [SystemName, SystemResult][]) {
        if (system === 'rest-sequential') continue;
        const runner = runners.get(`trivial/${system}`);
        if (!runner || main.upstreamCalls === null) continue;
        const result: SystemResult = {
          ...emptyResult(),
          upstreamCalls: main.upstreamCalls, waves: main.waves, roundTrips: main.roundTrips, sameDataAsGraph: main.sameDataAsGraph,
          callsByKind: main.callsByKind, callsPerWave: main.callsPerWave, maxInFlight: main.maxInFlight, callList: main.callList,
        };
        results[system] = result;
        log(`  trivial / ${system}`);
        await time(runner, options, result);
      }
      overhead = { latencyMs: 0, queries: { trivial: results } };
    }

    for (const [system, server] of servers) serverRss[system] = { maxRssMb: (await server.child.call<ServerMemory>('memory')).maxRssMb };
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

  const report: BenchReport = {
    machine: machineInfo(),
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
      minSamples: options.minSamples,
      concurrency: options.concurrency,
      queries: options.queries,
      systems: options.systems,
      scalePatients: options.scalePatients,
      scaleDicom: options.scaleDicom,
      childProcesses: modules.mode === 'compiled' ? 'compiled JavaScript (tsc), plain node' : 'TypeScript under tsx',
    },
    queries,
    ...(overhead ? { overhead } : {}),
    emulator: { cohort: cohort!, scale },
    servers: serverRss,
    targets: [],
    startedAt: startedAt.toISOString(),
    durationS: 0,
    problems,
  };
  report.targets = evaluateTargets(report);
  report.durationS = Math.round((performance.now() - started) / 1000);

  await mkdir(path.join(outDir, 'runs'), { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = renderMarkdown(report);
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
