/**
 * `npm run loadtest [-- --duration 30 --connections 50 --patients 20 --warmup 5]`: the graph with its embedded
 * emulator and demo cohort, 1% of FHIR and DICOMweb reads failing with 503 (`EMULATOR_FAULTS`),
 * under a mixed query load from autocannon on loopback. Reports throughput, latency, errors by
 * `extensions.code` and the server's RSS; exits 1 when the graph answered any 5xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { EXAMPLE_OPERATIONS, isSubscription } from '../src/http/examples.js';

/** Per connection; a connection sends one request at a time, so it can time its own. */
interface Context {
  sentAt?: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  setupRequest: (request: AutocannonRequest, context: Context) => AutocannonRequest;
  onResponse: (status: number, body: string, context: Context) => void;
}
interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; timeout: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;

// autocannon ships CommonJS without types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const FAULTS = [{ path: '/(fhir|dicomWeb)/', method: 'GET', rate: 0.01, status: 503 }];
const STARTUP_LIMIT_MS = 300_000;
const STOP_LIMIT_MS = 15_000;
const SAMPLE_RESPONSES_PER_CODE = 1;
/** Seconds before autocannon gives up on a response; long, so slow answers count in the latencies. */
const RESPONSE_TIMEOUT_S = 30;

function positiveInteger(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    process.stderr.write(`--${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(text)}\n`);
    process.exit(2);
  }
  return value;
}

const { values: args } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string' }, patients: { type: 'string' }, warmup: { type: 'string' } },
});
const durationSeconds = positiveInteger('duration', args.duration, 30, 600);
const connections = positiveInteger('connections', args.connections, 50, 1000);
const patients = positiveInteger('patients', args.patients, 20, 1000);
const warmupSeconds = args.warmup === '0' ? 0 : positiveInteger('warmup', args.warmup, 5, 60);

/** The server's resident set size from /proc (Linux); undefined elsewhere. */
function rssMb(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

/** Starts `npm start`'s entry point and resolves with the graph's URL once the demo data is loaded. */
async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', EMULATOR_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DEMO_PATIENTS: String(patients), EMULATOR_FAULTS: JSON.stringify(FAULTS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let problem = `was not ready within ${STARTUP_LIMIT_MS / 1000} s`;
  for (const stop = Date.now() + STARTUP_LIMIT_MS; Date.now() < stop; await sleep(250)) {
    if (child.exitCode !== null) {
      problem = `exited with ${child.exitCode}`;
      break;
    }
    if (/Demo data failed/.test(stdout)) {
      problem = 'could not load the demo data';
      break;
    }
    const url = /Healthcare Graph: (http:\/\/\S+)\/graphql/.exec(stdout)?.[1];
    if (url !== undefined && /Demo data (ready|: already loaded)/.test(stdout)) return { child, url };
  }
  // This process exits next; an orphaned server would keep its ports.
  child.kill('SIGKILL');
  throw new Error(`the server ${problem}:\n${stdout}`);
}

/** Sums a counter from the graph's /metrics over the series whose labels include `label`. */
async function counter(url: string, name: string, label = ''): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text.split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(label))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
  await exited;
  clearTimeout(killer);
}

/** Tallies of what the graph answered, filled in as responses arrive. */
const tally = {
  graph5xx: 0,
  byCode: new Map<string, { count: number; samples: string[] }>(),
  millisByOperation: new Map<string, number[]>(),
};

function record(operation: string, status: number, body: string, context: Context): void {
  if (context.sentAt !== undefined) {
    const millis = tally.millisByOperation.get(operation) ?? [];
    millis.push(performance.now() - context.sentAt);
    tally.millisByOperation.set(operation, millis);
  }
  if (status >= 500) tally.graph5xx += 1;
  let codes: string[];
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    codes = (parsed.errors ?? []).map((error) => error.extensions?.code ?? '(no code)');
  } catch {
    codes = [`(HTTP ${status}, not JSON)`];
  }
  for (const code of codes) {
    const entry = tally.byCode.get(code) ?? { count: 0, samples: [] };
    entry.count += 1;
    if (entry.samples.length < SAMPLE_RESPONSES_PER_CODE) entry.samples.push(body.slice(0, 400));
    tally.byCode.set(code, entry);
  }
}

const operations = [
  // Subscriptions run over WebSocket, not as HTTP requests.
  ...EXAMPLE_OPERATIONS.filter((example) => !isSubscription(example)).map(({ name, query, variables }) => ({ name, query, variables: variables ?? {} })),
  { name: 'DatasetName', query: '{ dataset(id: "demo") { name } }', variables: {} },
];
/** The operations as autocannon requests. Warm-up answers only count towards the graph's 5xx. */
function requestsFor(phase: 'warm-up' | 'measured'): AutocannonRequest[] {
  return operations.map(({ name, query, variables }) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    setupRequest: (request, context) => {
      context.sentAt = performance.now();
      return request;
    },
    onResponse: (status, body, context) => {
      if (phase === 'measured') record(name, status, body, context);
      else if (status >= 500) tally.graph5xx += 1;
    },
  }));
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function main(): Promise<void> {
  const load = loadavg().map((value) => value.toFixed(1)).join(' / ');
  process.stderr.write(`Starting the graph with ${patients} demo patients (load average ${load}, ${cpus().length} CPUs)...\n`);
  const { child, url } = await startServer();
  let result: AutocannonResult;
  let rssBefore: number | undefined;
  let rssPeak = 0;
  let rssAfter: number | undefined;
  let upstream: number | undefined;
  let injected: number | undefined;
  let retries: number | undefined;
  try {
    if (warmupSeconds > 0) {
      // Unmeasured: the first answers of a cold process (JIT, connection pools) would dominate p99.
      process.stderr.write(`Warm-up: ${connections} connections for ${warmupSeconds} s...\n`);
      await autocannon({ url, connections, duration: warmupSeconds, timeout: RESPONSE_TIMEOUT_S, requests: requestsFor('warm-up') });
    }
    rssBefore = rssMb(child.pid);
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(child.pid) ?? 0)), 1000);
    process.stderr.write(`Load: ${connections} connections for ${durationSeconds} s against ${url}/graphql...\n`);
    try {
      result = await autocannon({ url, connections, duration: durationSeconds, timeout: RESPONSE_TIMEOUT_S, requests: requestsFor('measured') });
    } finally {
      clearInterval(sampler);
    }
    rssAfter = rssMb(child.pid);
    upstream = await counter(url, 'healthcare_upstream_requests_total');
    injected = await counter(url, 'healthcare_upstream_requests_total', 'status="503"');
    retries = await counter(url, 'healthcare_upstream_retries_total');
  } finally {
    await stopServer(child);
  }

  const lines = [
    `## Load test: ${durationSeconds} s after ${warmupSeconds} s of warm-up, ${connections} connections, ${patients} demo patients, 1% 503 on FHIR/DICOMweb reads`,
    '',
    `machine: ${cpus().length} CPUs, load average before the run ${load}`,
    `operations (in turn per connection): ${operations.map((operation) => operation.name).join(', ')}`,
    '',
    '| metric | value |',
    '|---|---|',
    `| requests | ${result.requests.total} (${result.requests.average.toFixed(1)} req/s) |`,
    `| latency p50 / p99 | ${result.latency.p50} ms / ${result.latency.p99} ms |`,
    `| non-2xx responses | ${result.non2xx} |`,
    `| graph 5xx responses | ${tally.graph5xx} |`,
    `| connection errors / timeouts (${RESPONSE_TIMEOUT_S} s) | ${result.errors} / ${result.timeouts} |`,
    `| upstream calls / injected 503s / retries (warm-up included) | ${upstream ?? '?'} / ${injected ?? '?'} / ${retries ?? '?'} |`,
    `| server RSS before / peak / after | ${rssBefore ?? '?'} / ${rssPeak || '?'} / ${rssAfter ?? '?'} MB |`,
    '',
    '| operation | answers | p50 | p99 |',
    '|---|---|---|---|',
    ...operations.map(({ name }) => {
      const millis = (tally.millisByOperation.get(name) ?? []).sort((a, b) => a - b);
      return `| ${name} | ${millis.length} | ${percentile(millis, 50)} ms | ${percentile(millis, 99)} ms |`;
    }),
    '',
    tally.byCode.size === 0 ? 'GraphQL errors: none' : 'GraphQL errors by extensions.code:',
    ...[...tally.byCode].map(([code, { count, samples }]) => `- ${code}: ${count}, e.g. ${samples.join(' | ')}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (tally.graph5xx > 0) {
    process.stderr.write('FAIL: the graph answered with HTTP 5xx\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`loadtest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
