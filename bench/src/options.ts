/** Command-line options of `npm run bench`. */
import { QUERY_NAMES, SYSTEM_NAMES, type QueryName, type SystemName } from './queries.js';

export interface BenchOptions {
  quick: boolean;
  /** Demo cohort size. */
  patients: number;
  /** Studies of patients 1..N get real images, the others lite ones (see `cohort.ts`). */
  realImagePatients: number;
  /** Latency the emulator adds to every call during the timed runs. */
  latencyMs: number;
  /** Latency during the counting runs (waves need calls that overlap in time to overlap). */
  countLatencyMs: number;
  /** Measured time per throughput point. */
  durationMs: number;
  /** Unmeasured time before each point. */
  warmupMs: number;
  /** Requests per point at most (a bound, whatever the duration). */
  maxRequests: number;
  /** Requests per client per point at most (quick mode: 2), on top of `maxRequests`; 0 = no such bound. */
  maxRequestsPerClient: number;
  /** Warm up before every concurrency level (full runs) or only before the first one (quick). */
  warmupEveryLevel: boolean;
  /** Start the servers afresh for every query (full runs), so peak RSS is per query; quick runs reuse them. */
  freshServers: boolean;
  /** Completed requests the 1-client point waits for (for percentiles), within 4× duration. */
  minSamples: number;
  concurrency: number[];
  queries: QueryName[];
  systems: SystemName[];
  /** Also time `trivial` at 0 ms latency (the overhead targets), unless latency is already 0. */
  overhead: boolean;
  /** CPU per request at 0 ms latency (`cpu-phase.ts`) for graph and bff; `cpuDurationMs` 0 = skip. */
  cpuDurationMs: number;
  cpuConcurrency: number;
  /** Profile the graph during the CPU phase (busy time by package). */
  cpuProfile: boolean;
  /** Simulated client round trips for the perceived-latency points (empty = skip). */
  rttMs: number[];
  /** Requests per perceived-latency point (1 client). */
  rttSamples: number;
  /** Emulator scale test cohort (0 = skip). */
  scalePatients: number;
  /** Load lite DICOM for the scale cohort too (for the QIDO search at scale). */
  scaleDicom: boolean;
  /** The live-delivery phase (`live-phase.ts`); false = skip it. */
  live: boolean;
  /** Subscribers of the latency points (one WebSocket connection each). */
  liveSubscribers: number[];
  /** Writes per latency point. */
  liveWrites: number;
  /** Writes per second of the sustained steps (empty = skip them). */
  liveRates: number[];
  liveRateDurationMs: number;
  /** Subscribers during the sustained steps. */
  liveRateSubscribers: number;
  outDir: string;
  /** Print the JSON report on stdout (progress goes to stderr). */
  json: boolean;
  /** Run the graph and bff servers with --cpu-prof (profiles under `<outDir>/profiles`). */
  cpuProf: boolean;
  /** Compile the child processes to JavaScript first (else they run under tsx). */
  build: boolean;
  /** Extra node flags for the graph and naive server processes (experiments, e.g. `--max-old-space-size=256`). */
  serverFlags: string[];
  help: boolean;
}

export const USAGE = `npm run bench -- [options]

  --quick                 small cohort and short runs for CI (< 2 minutes)
  --patients N            demo cohort size (default 1000; quick 40)
  --real-image-patients N studies of patients 1..N get real generated images, others 16x16 "lite" ones (default 100; quick 10)
  --latency MS            latency the emulator adds to every call in timed runs (default 20; 0 = overhead run)
  --count-latency MS      latency during the counting runs (default 20)
  --duration S            seconds measured per throughput point (default 5; quick 0.3)
  --warmup S              seconds of warm-up before each point (default 1; quick 0.1, first level only)
  --max-requests N        requests per point at most (default 20000)
  --max-requests-per-client N  and at most N per client (default unbounded; quick 2)
  --min-samples N         completed requests the 1-client point waits for (default 50; quick 3)
  --concurrency LIST      concurrent clients per point (default 1,10,50)
  --queries LIST          ${QUERY_NAMES.join(',')}
  --systems LIST          ${SYSTEM_NAMES.join(',')}
  --no-overhead           skip the 0 ms latency run of 'trivial'
  --cpu-duration S        seconds per CPU-per-request point at 0 ms latency, graph and bff, 0 to skip (default 3; quick 0.3)
  --cpu-concurrency N     clients of the CPU points (default 10)
  --no-cpu-profile        no V8 profile of the graph in the CPU phase (busy time by package)
  --rtt LIST              simulated client round trips in ms for the perceived-latency points, 0 to skip (default 50,150; quick 150)
  --rtt-samples N         requests per perceived-latency point (default 30; quick 3)
  --scale-patients N      emulator scale test cohort, 0 to skip (default 10000; quick 500)
  --no-scale-dicom        scale test loads FHIR only (no QIDO search at scale)
  --no-live               skip the live-delivery phase (store write → graphql-ws subscribers)
  --live-subscribers LIST subscribers of the delivery-latency points, one connection each (default 1,100,1000; quick 1,5)
  --live-writes N         writes per delivery-latency point (default 20; quick 3)
  --live-rates LIST       writes per second of the sustained steps, 0 to skip (default 10,20,50,100,200; quick 5,20)
  --live-rate-duration S  seconds per sustained step (default 3; quick 0.5)
  --live-rate-subscribers N  subscribers during the sustained steps (default 100; quick 5)
  --out DIR               results folder (default bench/results)
  --json                  print the JSON report on stdout
  --server-flags "FLAGS"  extra node flags for the graph and naive servers, e.g. "--max-old-space-size=256"
                          (the graph's own settings come from the environment, e.g. UPSTREAM_CONCURRENCY=64 npm run bench)
  --cpu-prof              profile the graph and bff servers (node --cpu-prof) into <out>/profiles
  --fresh-servers, --reuse-servers  start the servers afresh for every query (default; peak RSS per query) or once (quick)
  --no-build, --build     run the server and emulator children under tsx, or compile them with tsc first
                          (default: compiled, as in production; quick: tsx, which adds ~110 MB RSS per process)
  --help
`;

export class OptionsError extends Error {}

function number(flag: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new OptionsError(`${flag} expects a number from ${min} to ${max}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return value;
}

function list<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T[] {
  const items = (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (items.length === 0 || unknown.length > 0) throw new OptionsError(`${flag} expects a comma-separated list of ${allowed.join(', ')}; got ${JSON.stringify(raw ?? '')}`);
  return [...new Set(items)] as T[];
}

function concurrencyList(raw: string | undefined): number[] {
  const items = (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new OptionsError('--concurrency expects a comma-separated list such as 1,10,50');
  return [...new Set(items.map((item) => Math.floor(number('--concurrency', item, 1, 500))))].sort((a, b) => a - b);
}

/** A comma-separated list of whole numbers, ascending, without repeats; `0` alone = none when `zeroIsNone`. */
function countList(flag: string, raw: string | undefined, max: number, zeroIsNone = false): number[] {
  const items = (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean).map((item) => Math.floor(number(flag, item, zeroIsNone ? 0 : 1, max)));
  if (items.length === 0) throw new OptionsError(`${flag} expects a comma-separated list of numbers`);
  return [...new Set(items.filter((value) => value > 0))].sort((a, b) => a - b);
}

/** `50,150`, or `0` for none. */
function rttList(raw: string | undefined): number[] {
  const items = (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean).map((item) => number('--rtt', item, 0, 10_000));
  if (items.length === 0) throw new OptionsError('--rtt expects a comma-separated list such as 50,150, or 0');
  return [...new Set(items.filter((ms) => ms > 0))].sort((a, b) => a - b);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    patients: quick ? 40 : 1000,
    realImagePatients: quick ? 10 : 100,
    latencyMs: 20,
    countLatencyMs: 20,
    durationMs: quick ? 300 : 5000,
    warmupMs: quick ? 100 : 1000,
    maxRequests: 20_000,
    maxRequestsPerClient: quick ? 2 : 0,
    warmupEveryLevel: !quick,
    freshServers: !quick,
    minSamples: quick ? 3 : 50,
    concurrency: [1, 10, 50],
    queries: [...QUERY_NAMES],
    systems: [...SYSTEM_NAMES],
    overhead: true,
    cpuDurationMs: quick ? 300 : 3000,
    cpuConcurrency: 10,
    cpuProfile: true,
    rttMs: quick ? [150] : [50, 150],
    rttSamples: quick ? 3 : 30,
    scalePatients: quick ? 500 : 10_000,
    scaleDicom: true,
    live: true,
    liveSubscribers: quick ? [1, 5] : [1, 100, 1000],
    liveWrites: quick ? 3 : 20,
    liveRates: quick ? [5, 20] : [10, 20, 50, 100, 200],
    liveRateDurationMs: quick ? 500 : 3000,
    liveRateSubscribers: quick ? 5 : 100,
    outDir: 'bench/results',
    json: false,
    cpuProf: false,
    build: !quick,
    serverFlags: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      return argv[i];
    };
    switch (flag) {
      case '--quick': break;
      case '--patients': options.patients = Math.floor(number(flag, value(), 1, 100_000)); break;
      case '--real-image-patients': options.realImagePatients = Math.floor(number(flag, value(), 0, 100_000)); break;
      case '--latency': options.latencyMs = number(flag, value(), 0, 10_000); break;
      case '--count-latency': options.countLatencyMs = number(flag, value(), 1, 10_000); break;
      case '--duration': options.durationMs = Math.round(number(flag, value(), 0.05, 3600) * 1000); break;
      case '--warmup': options.warmupMs = Math.round(number(flag, value(), 0, 600) * 1000); break;
      case '--max-requests': options.maxRequests = Math.floor(number(flag, value(), 1, 10_000_000)); break;
      case '--min-samples': options.minSamples = Math.floor(number(flag, value(), 0, 1_000_000)); break;
      case '--concurrency': options.concurrency = concurrencyList(value()); break;
      case '--queries': options.queries = list(flag, value(), QUERY_NAMES); break;
      case '--systems': options.systems = list(flag, value(), SYSTEM_NAMES); break;
      case '--no-overhead': options.overhead = false; break;
      case '--cpu-duration': options.cpuDurationMs = Math.round(number(flag, value(), 0, 600) * 1000); break;
      case '--cpu-concurrency': options.cpuConcurrency = Math.floor(number(flag, value(), 1, 500)); break;
      case '--no-cpu-profile': options.cpuProfile = false; break;
      case '--rtt': options.rttMs = rttList(value()); break;
      case '--rtt-samples': options.rttSamples = Math.floor(number(flag, value(), 1, 10_000)); break;
      case '--scale-patients': options.scalePatients = Math.floor(number(flag, value(), 0, 100_000)); break;
      case '--no-scale-dicom': options.scaleDicom = false; break;
      case '--no-live': options.live = false; break;
      case '--live-subscribers': options.liveSubscribers = countList(flag, value(), 5000); break;
      case '--live-writes': options.liveWrites = Math.floor(number(flag, value(), 1, 10_000)); break;
      case '--live-rates': options.liveRates = countList(flag, value(), 10_000, true); break;
      case '--live-rate-duration': options.liveRateDurationMs = Math.round(number(flag, value(), 0.1, 600) * 1000); break;
      case '--live-rate-subscribers': options.liveRateSubscribers = Math.floor(number(flag, value(), 1, 5000)); break;
      case '--out': {
        const out = value();
        if (!out) throw new OptionsError('--out expects a folder');
        options.outDir = out;
        break;
      }
      case '--json': options.json = true; break;
      case '--cpu-prof': options.cpuProf = true; break;
      case '--no-build': options.build = false; break;
      case '--build': options.build = true; break;
      case '--fresh-servers': options.freshServers = true; break;
      case '--server-flags': options.serverFlags = (value() ?? '').split(/\s+/).filter(Boolean); break;
      case '--reuse-servers': options.freshServers = false; break;
      case '--max-requests-per-client': options.maxRequestsPerClient = Math.floor(number(flag, value(), 0, 1_000_000)); break;
      case '--help': case '-h': options.help = true; break;
      default: throw new OptionsError(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  if (!options.systems.includes('graph')) options.systems.unshift('graph');
  options.realImagePatients = Math.min(options.realImagePatients, options.patients);
  return options;
}
