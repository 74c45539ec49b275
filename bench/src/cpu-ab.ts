/**
 * A/B comparison of the graph server's CPU per request between builds of it, for deciding whether a
 * change pays on a machine too loaded for timings: one emulator and cohort, then rounds in which each
 * build's server (a fresh process) serves the same fixed number of requests per query, interleaved
 * (A, B, A, B, …) so that a change in the machine's load hits both. CPU is `process.cpuUsage` of the
 * server child, as in the bench's CPU phase (`cpu-phase.ts`).
 *
 *     npx tsx bench/src/cpu-ab.ts --build base=/tmp/base --build new=. --queries patient-list,trivial
 *
 * Each `--build name=DIR` is a checkout whose children were compiled there (`node
 * node_modules/typescript/bin/tsc -p bench/tsconfig.children.json`, then `schema/` copied to
 * `bench/results/build/schema`, as `build.ts` does); `--env name:KEY=VALUE` sets the environment of one
 * build's server (the same build twice with different settings compares settings). With `--callgrind`, each server runs under
 * `valgrind --tool=callgrind` and the figure is instructions per request instead (counters zeroed
 * after the warm-up, dumped after the measured requests).
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadCohort } from './cohort.js';
import { RpcChild } from './ipc.js';
import { runLoad } from './load.js';
import { QUERIES, QUERY_NAMES, type QueryName } from './queries.js';
import { makeRunner } from './runners.js';
import type { ServerInfo } from './server-child.js';
import type { UpstreamInfo } from './upstream-child.js';

interface Options {
  builds: { name: string; dir: string; env: Record<string, string> }[];
  queries: QueryName[];
  rounds: number;
  requests: number;
  warmup: number;
  concurrency: number;
  patients: number;
  callgrind: boolean;
  /** Where `--cpu-prof` writes each server's V8 profile, when set. */
  cpuProfDir?: string;
}

function parse(argv: string[]): Options {
  const options: Options = { builds: [], queries: ['patient-list', 'trivial'], rounds: 4, requests: 1000, warmup: 300, concurrency: 10, patients: 200, callgrind: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--build') {
      const [name, dir] = value().split('=');
      if (!name || !dir) throw new Error('--build name=DIR');
      options.builds.push({ name, dir: path.resolve(dir), env: {} });
    } else if (flag === '--env') {
      const [, name, key, setting] = /^([^:]+):([^=]+)=(.*)$/.exec(value()) ?? [];
      const build = options.builds.find((candidate) => candidate.name === name);
      if (!build || key === undefined || setting === undefined) throw new Error('--env NAME:KEY=VALUE after --build NAME=DIR');
      build.env[key] = setting;
    } else if (flag === '--queries') options.queries = value().split(',').map((name) => {
      if (!(QUERY_NAMES as readonly string[]).includes(name)) throw new Error(`unknown query ${name}`);
      return name as QueryName;
    });
    else if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--requests') options.requests = Number(value());
    else if (flag === '--warmup') options.warmup = Number(value());
    else if (flag === '--concurrency') options.concurrency = Number(value());
    else if (flag === '--patients') options.patients = Number(value());
    else if (flag === '--callgrind') options.callgrind = true;
    else if (flag === '--cpu-prof') options.cpuProfDir = path.resolve(value());
    else throw new Error(`unknown option ${flag}`);
  }
  if (options.builds.length === 0) throw new Error('give at least one --build name=DIR');
  return options;
}

const serverModule = (dir: string) => pathToFileURL(path.join(dir, 'bench', 'results', 'build', 'bench', 'src', 'server-child.js'));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const run = promisify(execFile);

/** Total instructions (Ir) of the newest callgrind dump in `dir` with the given pid. */
async function callgrindInstructions(dir: string, pid: number): Promise<number> {
  const files = (await readdir(dir)).filter((file) => file.startsWith(`callgrind.out.${pid}`) && file !== `callgrind.out.${pid}`);
  const dumps = files.sort((a, b) => Number(a.split('.').at(-1)) - Number(b.split('.').at(-1)));
  const last = dumps.at(-1);
  if (last === undefined) throw new Error(`no callgrind dump of ${pid} in ${dir}`);
  const text = await readFile(path.join(dir, last), 'utf8');
  const summary = /^(?:summary|totals):\s*(\d+)/m.exec(text);
  if (!summary) throw new Error(`no totals in ${last}`);
  return Number(summary[1]);
}

/** User and system CPU ms of a process so far, from `/proc` (Linux; ticks of 10 ms). */
async function procCpuMs(pid: number): Promise<{ user: number; system: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted from the state (field 3) here.
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const upstream = await RpcChild.start(pathToFileURL(path.join(options.builds[0]!.dir, 'bench', 'results', 'build', 'bench', 'src', 'upstream-child.js')), { name: 'emulator', nodeFlags: ['--max-old-space-size=4096'] });
  const info = await upstream.call<UpstreamInfo>('start');
  await upstream.call('latency', { ms: 0 });
  await upstream.call('record', { on: false });
  log(`loading ${options.patients} patients…`);
  await loadCohort(`${info.emulatorUrl}/v1`, { patients: options.patients, realImagePatients: 0, dicom: 'all', log: () => undefined });
  const proxyApi = `${info.proxyUrl}/v1`;
  const callgrindDir = path.join(os.tmpdir(), `cpu-ab-callgrind-${process.pid}`);
  if (options.callgrind) await mkdir(callgrindDir, { recursive: true });
  const results = new Map<string, number[]>();
  const loads: number[] = [];
  const systemShares: number[] = [];

  try {
    for (let round = 0; round < options.rounds; round += 1) {
      // Alternate the order too, so neither build always runs first in a round.
      const builds = round % 2 === 0 ? options.builds : [...options.builds].reverse();
      for (const build of builds) {
        const child = await RpcChild.start(serverModule(build.dir), {
          name: `${build.name} server`,
          args: ['graph'],
          env: { NODE_ENV: 'production', ...build.env, BENCH_API_URL: proxyApi },
          ...(options.cpuProfDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${build.name}-${round + 1}.cpuprofile`] } : {}),
          // --smc-check: V8 writes and rewrites its machine code; callgrind must see each version.
          ...(options.callgrind ? { launcher: ['valgrind', '--tool=callgrind', '--smc-check=all', `--callgrind-out-file=${callgrindDir}/callgrind.out.%p`] } : {}),
        }, 600_000);
        try {
          const { url } = await child.call<ServerInfo>('info');
          const servers = new Map([['graph' as const, { child, url }]]);
          for (const name of options.queries) {
            const runner = makeRunner(QUERIES[name], 'graph', servers, proxyApi);
            const load = (count: number) => runLoad(() => runner.task(), { concurrency: options.concurrency, durationMs: 3_600_000, maxRequests: count, maxDurationMs: 3_600_000 });
            await load(options.warmup);
            loads.push(os.loadavg()[0]!);
            let perRequest: number;
            if (options.callgrind) {
              await run('callgrind_control', ['-z', String(child.pid)]);
              const result = await load(options.requests);
              await run('callgrind_control', ['-d', String(child.pid)]);
              perRequest = (await callgrindInstructions(callgrindDir, child.pid!)) / result.completed / 1e6;
            } else {
              const before = await child.call<number>('cpu');
              const procBefore = await procCpuMs(child.pid!);
              const result = await load(options.requests);
              const after = await child.call<number>('cpu');
              const procAfter = await procCpuMs(child.pid!);
              if (result.errors > 0) throw new Error(`${build.name} ${name}: ${result.errors} errors: ${result.firstError}`);
              perRequest = (after - before) / result.completed;
              const systemShare = (procAfter.system - procBefore.system) / Math.max(1, procAfter.user + procAfter.system - procBefore.user - procBefore.system);
              systemShares.push(systemShare);
            }
            const key = `${name}|${build.name}`;
            results.set(key, [...(results.get(key) ?? []), perRequest]);
            log(`round ${round + 1} ${build.name} ${name}: ${perRequest.toFixed(3)} ${options.callgrind ? 'M instructions' : 'ms'}/request (load ${os.loadavg()[0]!.toFixed(1)})`);
          }
        } finally {
          await child.stop();
        }
      }
    }
  } finally {
    await upstream.stop();
    await rm(callgrindDir, { recursive: true, force: true });
  }

  const unit = options.callgrind ? 'M instructions / request' : 'CPU ms / request';
  console.log(`| query | ${options.builds.map((build) => `${build.name} median (runs)`).join(' | ')} | ${options.builds.slice(1).map((build) => `${build.name} ÷ ${options.builds[0]!.name}`).join(' | ')} |`);
  console.log(`|---|${options.builds.map(() => '--:').join('|')}|${options.builds.slice(1).map(() => '--:').join('|')}|`);
  for (const name of options.queries) {
    const medians = options.builds.map((build) => median(results.get(`${name}|${build.name}`) ?? [NaN]));
    const cells = options.builds.map((build, index) => `${medians[index]!.toFixed(3)} (${(results.get(`${name}|${build.name}`) ?? []).map((value) => value.toFixed(2)).join(', ')})`);
    console.log(`| ${name} | ${cells.join(' | ')} | ${medians.slice(1).map((value) => (value / medians[0]!).toFixed(3)).join(' | ')} |`);
  }
  console.log(`\n${unit}; ${options.rounds} rounds × ${options.requests} requests after ${options.warmup} warm-up, ${options.concurrency} clients, 0 ms latency, ${options.patients} patients; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} CPUs${systemShares.length > 0 ? `; system (kernel) time ${Math.round(median(systemShares) * 100)} % of it (median)` : ''}.`);
}

await main();
