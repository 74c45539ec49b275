/** The Markdown report (`bench/results/latest.md`). */
import { QUERIES, QUERY_NAMES, SYSTEM_NAMES, type QueryName, type SystemName } from './queries.js';
import type { CategoryCost } from './cpu-phase.js';
import { CATEGORIES } from './profile-summary.js';
import type { BenchReport, SystemResult, TargetResult } from './results.js';

const cell = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined ? '–' : Number(value.toFixed(digits)).toLocaleString('en-US'));

function verdict(target: TargetResult): string {
  if (target.pass === null) return 'n/a';
  return target.pass ? 'pass' : target.gating ? '**FAIL** (gating)' : '**fail**';
}

export function targetsTable(targets: readonly TargetResult[]): string {
  const rows = targets.map((target) => `| ${target.target} | ${target.actual} | ${verdict(target)} |`);
  return ['| target | measured | result |', '|---|---|---|', ...rows].join('\n');
}

export function systemsTable(results: Partial<Record<SystemName, SystemResult>>, concurrency: readonly number[]): string {
  const header = ['system', 'upstream calls', 'waves', 'round trips', 'p50 ms', 'p95 ms', 'p99 ms', ...concurrency.map((c) => `req/s @${c}`), 'peak RSS MB', 'same data'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index === 0 ? '---' : '--:')).join('|')}|`];
  for (const name of SYSTEM_NAMES) {
    const result = results[name];
    if (!result) continue;
    const same = result.sameDataAsGraph === null ? '–' : result.sameDataAsGraph ? 'yes' : '**no**';
    lines.push(`| ${[
      name,
      cell(result.upstreamCalls, 0),
      cell(result.waves, 0),
      cell(result.roundTrips, 0),
      cell(result.p50Ms),
      cell(result.p95Ms),
      cell(result.p99Ms),
      ...concurrency.map((c) => cell(result.rps[String(c)] ?? null, 0)),
      cell(result.peakRssMb, 0),
      same,
    ].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** CPU per request at 0 ms and the graph's busy time by package. */
export function cpuSection(report: BenchReport): string[] {
  const entries = Object.entries(report.cpu ?? {});
  if (entries.length === 0) return [];
  const out = ['', `## CPU per request at 0 ms upstream latency (${String(report.config['cpuConcurrency'])} clients, ${String(report.config['cpuDurationS'])} s per point)`, ''];
  out.push('CPU milliseconds per completed request in each process: the server under test (`process.cpuUsage` in its child), the emulator with the recording proxy, and the load generator (the bench process).');
  out.push('');
  out.push('| query | graph server | bff server | graph ÷ bff | graph req/s | bff req/s | emulator + proxy (graph) | load generator (graph) |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const [name, result] of entries) {
    const graph = result?.graph;
    const bff = result?.bff;
    const ratio = graph?.serverMsPerRequest && bff?.serverMsPerRequest ? `${cell(graph.serverMsPerRequest / bff.serverMsPerRequest, 2)}×` : '–';
    out.push(`| ${name} | ${cell(graph?.serverMsPerRequest, 2)} | ${cell(bff?.serverMsPerRequest, 2)} | ${ratio} | ${cell(graph?.rps, 0)} | ${cell(bff?.rps, 0)} | ${cell(graph?.upstreamMsPerRequest, 2)} | ${cell(graph?.loadGeneratorMsPerRequest, 2)} |`);
  }
  const profiled = entries.filter(([, result]) => result?.graphProfile);
  if (profiled.length > 0) {
    out.push('');
    out.push('Busy CPU time by package, milliseconds per request, graph / bff (V8 sampling profiler during a second run of the same point; idle excluded; the profiler itself adds some time). The graph\'s share of its busy time in parentheses.');
    out.push('');
    out.push(`| query | ${CATEGORIES.join(' | ')} |`);
    out.push(`|---|${CATEGORIES.map(() => '--:').join('|')}|`);
    for (const [name, result] of profiled) {
      const of = (profile: CategoryCost[] | undefined, category: string) => profile?.find((row) => row.category === category);
      const cellOf = (category: string) => {
        const graph = of(result?.graphProfile, category);
        const bff = of(result?.bffProfile, category);
        return `${cell(graph?.msPerRequest ?? 0, 2)} / ${bff ? cell(bff.msPerRequest, 2) : result?.bffProfile ? '0' : '–'} (${cell(graph?.share ?? 0, 0)} %)`;
      };
      out.push(`| ${name} | ${CATEGORIES.map(cellOf).join(' | ')} |`);
    }
  }
  return out;
}

/** Perceived latency at simulated client round trips. */
export function rttSection(report: BenchReport): string[] {
  const entries = Object.entries(report.rtt ?? {});
  if (entries.length === 0) return [];
  const out = ['', `## The mobile round trip: perceived latency with a simulated client RTT (1 client, ${String(report.config['latencyMs'])} ms upstream latency, ${String(report.config['rttSamples'])} requests per point)`, ''];
  out.push('The client waits the RTT before each HTTP request it makes: the graph and the bff pay it once, the REST client run from the device once per wave.');
  out.push('');
  out.push('| query | RTT ms | graph p50 / p99 ms | bff p50 / p99 ms | REST from the device p50 / p99 ms | REST ÷ graph (p50) |');
  out.push('|---|--:|--:|--:|--:|--:|');
  for (const [name, points] of entries) {
    for (const rttMs of [...new Set((points ?? []).map((point) => point.rttMs))]) {
      const at = (system: string) => points?.find((point) => point.rttMs === rttMs && point.system === system);
      const both = (system: string) => (at(system) ? `${cell(at(system)?.p50Ms)} / ${cell(at(system)?.p99Ms)}` : '–');
      const graph = at('graph')?.p50Ms;
      const rest = at('rest-optimal')?.p50Ms;
      out.push(`| ${name} | ${rttMs} | ${both('graph')} | ${both('bff')} | ${both('rest-optimal')} | ${graph && rest ? `${cell(rest / graph, 2)}×` : '–'} |`);
    }
  }
  return out;
}

/** Live delivery: a store write → each graphql-ws subscriber's message. */
export function liveSection(report: BenchReport): string[] {
  const live = report.live;
  if (!live) return [];
  const out = ['', `## Live updates: store write → subscriber message (${live.latencyMs} ms upstream latency, one graph process)`, ''];
  out.push('Each subscriber is its own graphql-ws connection with one `fhirResourceChanged` subscription. A FHIR create goes to the emulator, which publishes the store\'s notification to the Pub/Sub emulator beside it; the graph receives it, reads the resource once for all subscribers and sends each its message. Latency runs from just before the write\'s POST to each subscriber\'s message (writer and subscribers in the bench process, one clock); writes one after another. ' +
    `Load average ${JSON.stringify(live.loadAverage.start)} at the start of the phase, ${JSON.stringify(live.loadAverage.end)} at the end.`);
  out.push('');
  out.push('| subscribers | writes | messages | p50 ms | p99 ms | max ms | missing | graph CPU ms per message | graph RSS before → live MB |');
  out.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const point of live.latency) {
    out.push(`| ${point.subscribers.toLocaleString('en-US')} | ${point.writes} | ${point.count.toLocaleString('en-US')} | ${cell(point.p50Ms)} | ${cell(point.p99Ms)} | ${cell(point.maxMs)} | ${point.missing} | ${cell(point.graphCpuMsPerMessage, 3)} | ${cell(point.rssBeforeMb, 0)} → ${cell(point.rssAfterMb, 0)} |`);
  }
  if (live.rates.length > 0) {
    out.push('');
    out.push(`Sustained: writes at a fixed rate (open loop) for ${String(report.config['liveRateDurationS'] ?? '?')} s per step to ${live.rates[0]!.subscribers} subscribers, higher rates until one falls behind. ` +
      `**Sustained: ${live.sustainedEventsPerS === null ? 'none' : `${live.sustainedEventsPerS} events/s`}** (the highest rate with every message delivered and p99 ≤ ${live.sustainedP99Ms} ms).`);
    out.push('');
    out.push('| offered writes/s | achieved writes/s | events/s delivered | messages/s | p50 ms | p99 ms | lag after the last write ms | missing | failed writes |');
    out.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const point of live.rates) {
      out.push(`| ${point.offeredPerS} | ${cell(point.writesPerS)} | ${cell(point.eventsPerS)} | ${cell(point.messagesPerS, 0)} | ${cell(point.p50Ms)} | ${cell(point.p99Ms)} | ${cell(point.lagMs)} | ${point.missing} | ${point.failedWrites} |`);
    }
  }
  out.push('');
  out.push(live.idle
    ? `Idle subscriptions: graph RSS ${cell(live.idle.rssBeforeMb, 0)} MB before ${live.idle.subscriptions.toLocaleString('en-US')} subscribers connected, ${cell(live.idle.rssAfterMb, 0)} MB once all were live and idle (full GC before each reading): **${cell(live.idle.mbPer1000)} MB per 1,000**, of which V8 heap ${cell(live.idle.heapMbPer1000)} MB.`
    : 'Idle subscriptions: not measured.');
  if (live.duplicates > 0 || live.withoutResource > 0) out.push(`\nDuplicate messages: ${live.duplicates}; changes without the resource: ${live.withoutResource}.`);
  return out;
}

export function renderMarkdown(report: BenchReport): string {
  const config = report.config;
  const concurrency = (config['concurrency'] as number[] | undefined) ?? [1, 10, 50];
  const cohort = report.emulator.cohort;
  const out: string[] = [];
  out.push('# Healthcare Graph benchmark');
  out.push('');
  out.push(`Run ${report.startedAt} (${report.durationS} s${config['quick'] ? ', `--quick`' : ''}) on ${String(report.machine['cpuModel'])} × ${String(report.machine['cpus'])}, Node ${String(report.machine['node'])}` +
    `, commit ${String(report.machine['commit'] ?? '?').slice(0, 10)}${report.machine['dirty'] ? ' (with uncommitted changes)' : ''}` +
    `; load average ${JSON.stringify(report.machine['loadAverageAtStart'] ?? '?')} at the start, ${JSON.stringify(report.machine['loadAverageAtEnd'] ?? '?')} at the end (1/5/15 min; above ${String(report.machine['cpus'])} means other work competed for the CPUs).`);
  out.push('');
  out.push(`Demo cohort: ${cohort.patients.toLocaleString('en-US')} patients, ${cohort.fhirResources.toLocaleString('en-US')} FHIR resources, ${cohort.studies} DICOM studies / ${cohort.dicomInstances.toLocaleString('en-US')} instances ` +
    `(${cohort.realImageInstances.toLocaleString('en-US')} with real generated images for patients 1–${String(config['realImagePatients'])}, ${cohort.liteInstances.toLocaleString('en-US')} "lite" 16×16 instances with the same attributes and UIDs). ` +
    `Upstream latency injected by the emulator: **${String(config['latencyMs'])} ms per call** in the timed runs, ${String(config['countLatencyMs'])} ms in the counting runs. ` +
    `Throughput: ${String(config['durationS'])} s per point after ${String(config['warmupS'])} s warm-up, closed loop (each client sends its next request when the previous one is answered)` +
    `${Number(config['maxRequestsPerClient']) > 0 ? `, at most ${String(config['maxRequestsPerClient'])} requests per client per point` : ''}. ` +
    `Servers and emulator ran as ${String(config['childProcesses'] ?? '?')}${String(config['childProcesses'] ?? '').includes('tsx') ? ' (their RSS includes ~110 MB of tsx loader and transpiler)' : ''}.` +
    (config['quick'] ? ' **Quick run: cohort and durations are too small for the times to mean much; the call counts are exact.**' : ''));
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(targetsTable(report.targets));
  out.push('');
  out.push('Only call-count targets gate the exit code (counts are deterministic); times, memory and the emulator are reported, never asserted.');
  out.push('');
  out.push('## Queries');
  for (const name of QUERY_NAMES) {
    const results = report.queries[name];
    if (!results) continue;
    const query = QUERIES[name];
    out.push('');
    out.push(`### ${name}`);
    out.push('');
    out.push(`${query.description}.`);
    out.push('');
    out.push(systemsTable(results, concurrency));
    out.push('');
    out.push(`rest-optimal plan (one line per wave): ${query.restPlan.map((line, index) => `(${index + 1}) ${line}`).join(' → ')}`);
    const graph = results.graph;
    if (graph && graph.callsPerWave.length > 0) out.push(`\ngraph calls per wave: ${graph.callsPerWave.join(' → ')}; naive: ${results.naive?.callsPerWave.join(' → ') ?? '–'}.`);
  }
  const overhead = report.overhead;
  if (overhead) {
    out.push('');
    out.push(`## Overhead: trivial at ${overhead.latencyMs} ms upstream latency`);
    for (const name of Object.keys(overhead.queries) as QueryName[]) {
      out.push('');
      out.push(systemsTable(overhead.queries[name] ?? {}, concurrency));
      const byConcurrency = (system: SystemName) => {
        const result = overhead.queries[name]?.[system];
        return result ? concurrency.map((c) => `@${c}: p50 ${cell(result.latencyByConcurrency[String(c)]?.p50Ms ?? null)} / p99 ${cell(result.latencyByConcurrency[String(c)]?.p99Ms ?? null)} ms`).join(', ') : '–';
      };
      out.push('');
      out.push(`Latency under load — graph ${byConcurrency('graph')}; bare-http ${byConcurrency('bare-http')}.`);
    }
  }
  out.push(...cpuSection(report));
  out.push(...rttSection(report));
  out.push(...liveSection(report));
  out.push('');
  out.push('## Emulator');
  out.push('');
  out.push(`Benchmark cohort load: FHIR ${(cohort.fhirMs / 1000).toFixed(1)} s (${cohort.fhirBundles} transaction Bundles), DICOM ${(cohort.dicomMs / 1000).toFixed(1)} s; emulator RSS afterwards ${cell(cohort.memory.rssMb, 0)} MB (heap ${cell(cohort.memory.heapUsedMb, 0)} MB).`);
  const scale = report.emulator.scale;
  if (scale) {
    out.push('');
    out.push(`Scale test, ${scale.patients.toLocaleString('en-US')} patients: ${scale.fhirResources.toLocaleString('en-US')} FHIR resources loaded in **${scale.fhirLoadS.toFixed(1)} s** ` +
      `(${scale.fhirBundles} transaction Bundles of 500; the emulator process used ${scale.fhirEmulatorCpuS.toFixed(1)} s CPU), ` +
      `emulator RSS ${cell(scale.memoryAfterFhir.rssMb, 0)} MB / heap ${cell(scale.memoryAfterFhir.heapUsedMb, 0)} MB after a full GC.` +
      (scale.dicom ? ` DICOM: ${scale.dicom.studies.toLocaleString('en-US')} studies / ${scale.dicom.instances.toLocaleString('en-US')} instances in ${scale.dicom.loadS.toFixed(1)} s (${scale.dicom.note}); RSS then ${cell(scale.memoryAfterAll.rssMb, 0)} MB.` : ' FHIR only.'));
    out.push('');
    out.push('| search at that size | example | requests | p50 ms | p95 ms | matches |');
    out.push('|---|---|--:|--:|--:|--:|');
    for (const search of scale.searches) out.push(`| ${search.name} | \`${search.example}\` | ${search.requests} | ${cell(search.p50Ms, 2)} | ${cell(search.p95Ms, 2)} | ${search.matches} |`);
    out.push('');
    out.push(scale.note);
  }
  if (report.problems.length > 0) {
    out.push('');
    out.push('## Problems in this run');
    out.push('');
    for (const problem of report.problems) out.push(`- ${problem}`);
  }
  out.push('');
  out.push('## How it is measured');
  out.push('');
  out.push([
    '- Every system calls the emulator through a recording HTTP proxy (127.0.0.1) that logs method, path, start and end of each call. The emulator adds the injected latency to every answer, so all systems pay the same.',
    '- **upstream calls**: calls of one request (counted in 3 runs after a warm-up; they must agree). **waves**: the length of the longest chain of calls in which each call starts at or after the previous one ended — the sequential round trips on the critical path (minimum of the 3 runs; counted at the counting latency so that parallel calls overlap). **round trips**: HTTP requests the client makes (1 per GraphQL request; every call for a REST client).',
    '- **graph** is the server as shipped, in production mode as in the Docker image (`NODE_ENV=production`; override it in the bench\'s environment); **naive** is `startApp(config, { batching: false })` (same schema and resolvers, no batching, dedupe or cache); both run in their own child process. **bff** is a hand-written Node endpoint per query (`bench/src/bff.ts`) making rest-optimal\'s calls from the server and answering the graph\'s JSON (a test checks it is equal), in its own child process like the graph. **rest-optimal** is a hand-written client (plans above) with each level\'s calls in parallel; **rest-sequential** makes the same calls one after another. **bare-http** is a bare Node HTTP handler making the trivial query\'s one call.',
    '- Each system\'s answer is reduced to a canonical form (ids, UIDs, counts) and compared with the graph\'s: "same data".',
    '- p50/p95/p99 are from the 1-client point (nearest rank). Throughput is completed requests/s of closed-loop clients; load generator, servers and emulator (with the proxy) share this machine\'s cores, so the emulator\'s CPU bounds the throughput of systems that make many calls.',
    config['freshServers']
      ? '- peak RSS: every query gets fresh server processes; the value is the kernel\'s maximum RSS of the process over that query (startup, counting and every concurrency). REST clients have no server: –.'
      : '- peak RSS: the highest RSS sampled every 50 ms in the (shared) server process while the query ran, so it includes what earlier queries left. REST clients have no server: –.',
    '- The graph runs with its shipped defaults, e.g. `UPSTREAM_CONCURRENCY=32` calls in flight per request: a level of more than 32 calls takes more than one wave.',
  ].join('\n'));
  out.push('');
  return out.join('\n');
}
