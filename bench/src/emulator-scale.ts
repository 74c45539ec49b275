/**
 * `npm run bench:emulator-scale [-- --patients 10000 --workers 2 --searches 100 --cpu-prof]`: the emulator at
 * scale on its own. Worker threads generate the demo cohort's transaction Bundles first (timed
 * apart), then a fresh emulator process (compiled, as in `npm run bench`) loads them one Bundle at
 * a time, so the load time is the emulator's alone; then selective searches are timed one at a
 * time on loopback. Prints a Markdown section and writes `bench/results/emulator-scale.json`;
 * `--cpu-prof` writes the emulator's CPU profile under `bench/results/profiles/` (summarize it with
 * `npx tsx bench/src/profile-summary.ts <file>`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { mrnOf, patientIdOf, SYSTEM } from '../../src/demo/cohort/index.js';
import { demoNames, seedDemoDataset } from '../../src/demo/seed.js';
import { buildChildModules } from './build.js';
import type { CohortPart, GeneratedPart } from './cohort-worker.js';
import { RpcChild } from './ipc.js';
import { BLOOD_PRESSURE } from './queries.js';
import { summarizeLatencies } from './stats.js';
import type { UpstreamInfo, UpstreamStats } from './upstream-child.js';

const BUNDLE_SIZE = 500;
// Patients per worker task: small enough to spread the work evenly, large enough to fill Bundles.
const PART_PATIENTS = 250;
const RESULTS = fileURLToPath(new URL('../results/emulator-scale.json', import.meta.url));
const PROFILES = fileURLToPath(new URL('../results/profiles', import.meta.url));
const log = (message: string) => process.stderr.write(`${message}\n`);
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** One kind of selective search and how it came out. */
export interface ScaleSearchTiming {
  name: string;
  example: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  matches: string;
}

/** The figures of one run (`bench/results/emulator-scale.json`). */
export interface EmulatorScaleResult {
  patients: number;
  resources: number;
  bundles: number;
  generation: { workers: number; seconds: number };
  load: { seconds: number; emulatorCpuSeconds: number; resourcesPerSecond: number };
  afterLoad: { rssMb: number; heapUsedMb: number };
  searches: ScaleSearchTiming[];
  loadAverage: { atStart: string; atEnd: string };
  cpus: number;
  node: string;
  startedAt: string;
}

/** Generates the cohort in `workers` threads; bodies in load order. */
async function generateCohortBodies(patients: number, workers: number): Promise<{ bodies: Uint8Array<ArrayBuffer>[]; resources: number }> {
  const parts: CohortPart[] = [];
  for (let from = 1; from <= patients; from += PART_PATIENTS) parts.push({ from, to: Math.min(patients, from + PART_PATIENTS - 1), bundleSize: BUNDLE_SIZE });
  const done: GeneratedPart[] = new Array<GeneratedPart>(parts.length);
  const workerUrl = new URL(`./cohort-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  // Under tsx (`npm run`), worker threads do not inherit its loader: they register it first.
  const entry = workerUrl.pathname.endsWith('.ts')
    ? new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(workerUrl.href)});`)}`)
    : workerUrl;
  let next = 0;
  const runWorker = async (): Promise<void> => {
    while (next < parts.length) {
      const index = next++;
      done[index] = await new Promise<GeneratedPart>((resolve, reject) => {
        const worker = new Worker(entry, { workerData: parts[index] });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`cohort worker exited with ${code}`)));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, parts.length) }, runWorker));
  return { bodies: done.flatMap((part) => part.bodies), resources: done.reduce((sum, part) => sum + part.resources, 0) };
}

async function post(url: string, body: Uint8Array<ArrayBuffer>): Promise<void> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/fhir+json', prefer: 'return=minimal' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url.split('?')[0]} answered ${response.status}: ${text.slice(0, 300)}`);
}

async function getJson(url: string): Promise<{ entry?: { resource: Record<string, unknown> }[] } & Record<string, unknown>> {
  const response = await fetch(url, { headers: { accept: 'application/fhir+json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as { entry?: { resource: Record<string, unknown> }[] };
}

/** Patient numbers spread over the cohort, the same on every run. */
function spreadPatients(patients: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 + ((i * 7919) % patients));
}

async function timeSearch(name: string, fhir: string, queries: readonly string[]): Promise<ScaleSearchTiming> {
  const latencies: number[] = [];
  const matches: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const bundle = await getJson(`${fhir}/${query}`);
    latencies.push(performance.now() - started);
    matches.push(bundle.entry?.length ?? 0);
  }
  const summary = summarizeLatencies(latencies);
  return { name, example: decodeURIComponent(queries[0] ?? ''), requests: latencies.length, p50Ms: summary.p50Ms, p95Ms: summary.p95Ms, maxMs: summary.maxMs, matches: `${Math.min(...matches)}–${Math.max(...matches)}` };
}

/** The selective searches: by MRN, by a family-name prefix, a patient's latest observations of a code. */
async function timeSearches(fhir: string, patients: number, count: number): Promise<ScaleSearchTiming[]> {
  const numbers = spreadPatients(patients, count);
  const prefixes: string[] = [];
  for (const n of numbers) {
    const patient = (await getJson(`${fhir}/Patient/${patientIdOf(n)}`)) as { name?: { family?: string }[] };
    prefixes.push((patient.name?.[0]?.family ?? 'A').slice(0, 4));
  }
  return [
    await timeSearch('Patient by identifier (MRN)', fhir, numbers.map((n) => `Patient?identifier=${encodeURIComponent(`${SYSTEM.mrn}|${mrnOf(n)}`)}`)),
    await timeSearch('Patient by family-name prefix (4 letters), first 20', fhir, prefixes.map((prefix) => `Patient?family=${encodeURIComponent(prefix)}&_count=20`)),
    await timeSearch('5 latest blood pressures of a patient (subject + code, sorted)', fhir,
      numbers.map((n) => `Observation?subject=Patient/${patientIdOf(n)}&code=${encodeURIComponent(BLOOD_PRESSURE)}&_sort=-date&_count=5`)),
    await timeSearch('Encounters of a patient', fhir, numbers.map((n) => `Encounter?patient=Patient/${patientIdOf(n)}&_count=100`)),
  ];
}

export function renderScaleMarkdown(result: EmulatorScaleResult): string {
  const out = [
    `### Emulator at scale (\`npm run bench:emulator-scale\`)`,
    '',
    `${result.patients.toLocaleString('en-US')}-patient emulator load: **${result.load.seconds.toFixed(1)} s** for ${result.resources.toLocaleString('en-US')} FHIR resources ` +
      `(${result.bundles} transaction Bundles of ${BUNDLE_SIZE}; ${result.load.resourcesPerSecond.toLocaleString('en-US')} resources/s; the emulator process used ${result.load.emulatorCpuSeconds.toFixed(1)} s CPU). ` +
      `Emulator RSS after the load ${result.afterLoad.rssMb.toFixed(0)} MB, heap ${result.afterLoad.heapUsedMb.toFixed(0)} MB (after a full GC). ` +
      `Generating the Bundles beforehand took ${result.generation.seconds.toFixed(1)} s in ${result.generation.workers} worker threads.`,
    '',
    '| selective search | example | requests | p50 ms | p95 ms | max ms | matches |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...result.searches.map((s) => `| ${s.name} | \`${s.example.replaceAll('|', '\\|')}\` | ${s.requests} | ${s.p50Ms ?? '–'} | ${s.p95Ms ?? '–'} | ${s.maxMs ?? '–'} | ${s.matches} |`),
    '',
    `Load average (1/5/15 min) at start ${result.loadAverage.atStart}, at end ${result.loadAverage.atEnd}; ${result.cpus} CPUs; Node ${result.node}. ` +
      'Searches run one at a time from the bench process straight to the emulator (loopback HTTP included).',
  ];
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { patients: { type: 'string' }, workers: { type: 'string' }, searches: { type: 'string' }, 'cpu-prof': { type: 'boolean' } } });
  const patients = Number(values.patients ?? 10_000);
  const workers = Number(values.workers ?? os.availableParallelism());
  const searches = Number(values.searches ?? 100);
  for (const [name, value] of Object.entries({ patients, workers, searches })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  }
  const startedAt = new Date();
  const atStart = loadAverage();
  log(`Generating ${patients.toLocaleString('en-US')} patients in ${workers} worker threads (load average ${atStart})...`);
  const generationStarted = performance.now();
  const { bodies, resources } = await generateCohortBodies(patients, workers);
  const generationS = (performance.now() - generationStarted) / 1000;
  log(`  ${resources.toLocaleString('en-US')} resources in ${bodies.length} Bundles, ${generationS.toFixed(1)} s.`);

  const modules = await buildChildModules(log);
  const profile = values['cpu-prof'] === true ? ['--cpu-prof', '--cpu-prof-dir', PROFILES, '--cpu-prof-name', `emulator-scale-${startedAt.toISOString().replace(/[:.]/g, '-')}.cpuprofile`] : [];
  const child = await RpcChild.start(modules.url('upstream-child'), { name: 'scale emulator', nodeFlags: ['--expose-gc', '--max-old-space-size=16384', ...profile] });
  try {
    const info = await child.call<UpstreamInfo>('start');
    const target = { apiUrl: `${info.emulatorUrl}/v1`, project: 'demo', location: 'us-central1' };
    await seedDemoDataset(target);
    const fhir = `${target.apiUrl}/${demoNames(target).fhirStore}/fhir`;
    const before = await child.call<UpstreamStats>('gc');
    log(`Loading into a fresh emulator (pid ${info.pid})...`);
    const loadStarted = performance.now();
    let lastLog = loadStarted;
    for (const [index, body] of bodies.entries()) {
      await post(`${fhir}?prettyPrint=false`, body);
      bodies[index] = new Uint8Array(0);
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`  ${index + 1}/${bodies.length} Bundles, ${((lastLog - loadStarted) / 1000).toFixed(0)} s`);
      }
    }
    const loadS = (performance.now() - loadStarted) / 1000;
    const after = await child.call<UpstreamStats>('gc');
    log(`  loaded in ${loadS.toFixed(1)} s; RSS ${after.rssMb} MB. Timing searches...`);
    const result: EmulatorScaleResult = {
      patients,
      resources,
      bundles: bodies.length,
      generation: { workers, seconds: Number(generationS.toFixed(2)) },
      load: { seconds: Number(loadS.toFixed(2)), emulatorCpuSeconds: Number(((after.cpuMs - before.cpuMs) / 1000).toFixed(2)), resourcesPerSecond: Math.round(resources / loadS) },
      afterLoad: { rssMb: after.rssMb, heapUsedMb: after.heapUsedMb },
      searches: await timeSearches(fhir, patients, searches),
      loadAverage: { atStart, atEnd: loadAverage() },
      cpus: os.cpus().length,
      node: process.version,
      startedAt: startedAt.toISOString(),
    };
    await mkdir(path.dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(renderScaleMarkdown(result));
  } finally {
    await child.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:emulator-scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
