/** The JSON report `npm run bench` writes to `bench/results/latest.json`. */
import type { CohortLoadStats } from './cohort.js';
import type { CategoryCost, CpuResult } from './cpu-phase.js';
import type { LiveResult } from './live-phase.js';
import type { QueryName, SystemName } from './queries.js';
import type { LatencySummary } from './stats.js';
import type { CallKind } from './waves.js';

export interface SystemResult {
  /** Upstream calls of one request (the recording proxy's count; the same in every counting run). */
  upstreamCalls: number | null;
  /** Sequential upstream waves of one request (critical path; minimum over the counting runs). */
  waves: number | null;
  /** HTTP requests the client makes: 1 for a server, every upstream call for a REST client. */
  roundTrips: number | null;
  /** Latency with one client (requests back to back). */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Completed requests per second by concurrent clients. */
  rps: Record<string, number | null>;
  /** The server process's peak RSS while this query ran (null for the REST clients: no server). */
  peakRssMb: number | null;
  // More detail.
  maxInFlight: number | null;
  callsByKind: Partial<Record<CallKind, number>>;
  /** Calls in each wave, in order. */
  callsPerWave: number[];
  /** Upstream calls and waves of each counting run. */
  countRuns: { upstreamCalls: number; waves: number }[];
  /** Whether the canonical data equals the graph's (the graph itself: whether it answered without errors). */
  sameDataAsGraph: boolean | null;
  dataDifference?: string;
  /** The calls of one counting run, `METHOD path`, in start order. */
  callList: string[];
  latencyByConcurrency: Record<string, LatencySummary & { rps: number; errors: number; elapsedMs: number }>;
  /** The server process's CPU milliseconds per completed request at each concurrency (servers only). */
  cpuMsPerRequest: Record<string, number | null>;
  /** Errors in the counting runs or timed runs. */
  errors: string[];
}

export interface ScaleSearch {
  name: string;
  example: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Matches per request (min–max). */
  matches: string;
}

export interface ScaleResult {
  patients: number;
  fhirResources: number;
  fhirBundles: number;
  /** Wall time of the FHIR load: bundles sent one at a time, the next generated in the bench process meanwhile. */
  fhirLoadS: number;
  /** CPU time the emulator process spent during the FHIR load. */
  fhirEmulatorCpuS: number;
  dicom: { studies: number; instances: number; loadS: number; note: string } | null;
  /** Emulator process after the FHIR load and after everything (after a full GC). */
  memoryAfterFhir: { rssMb: number; heapUsedMb: number };
  memoryAfterAll: { rssMb: number; heapUsedMb: number };
  searches: ScaleSearch[];
  note: string;
}

export interface TargetResult {
  id: string;
  target: string;
  kind: 'calls' | 'waves' | 'latency' | 'throughput' | 'cpu' | 'memory' | 'emulator' | 'live';
  /** Failing it makes `npm run bench` exit non-zero (only call counts: they are deterministic). */
  gating: boolean;
  /** null: not measured in this run. */
  pass: boolean | null;
  actual: string;
}

/** CPU per request of one query at 0 ms latency (`cpu-phase.ts`), and the graph's busy time by package. */
export interface QueryCpu {
  graph?: CpuResult;
  bff?: CpuResult;
  graphProfile?: CategoryCost[];
  bffProfile?: CategoryCost[];
}

/** Client-perceived latency with a simulated client round trip (1 client, at the run's upstream latency). */
export interface RttPoint {
  rttMs: number;
  system: SystemName;
  samples: number;
  p50Ms: number | null;
  p99Ms: number | null;
  errors: number;
}

export interface BenchReport {
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  queries: Partial<Record<QueryName, Partial<Record<SystemName, SystemResult>>>>;
  /** `trivial` again at 0 ms upstream latency, for the overhead targets (absent when the main run is at 0 ms). */
  overhead?: { latencyMs: number; queries: Partial<Record<QueryName, Partial<Record<SystemName, SystemResult>>>> };
  /** CPU per request at 0 ms latency, by query. */
  cpu?: Partial<Record<QueryName, QueryCpu>>;
  /** Perceived latency at simulated client round trips, by query. */
  rtt?: Partial<Record<QueryName, RttPoint[]>>;
  emulator: {
    cohort: CohortLoadStats & { memory: { rssMb: number; heapUsedMb: number } };
    scale: ScaleResult | null;
  };
  /** Live delivery (store write → graphql-ws subscribers); null when skipped or failed. */
  live?: LiveResult | null;
  /** Lifetime peak RSS of each server process. */
  servers: Partial<Record<SystemName, { maxRssMb: number }>>;
  targets: TargetResult[];
  startedAt: string;
  durationS: number;
  /** Problems that make the numbers doubtful (errors, data mismatches, nondeterministic counts). */
  problems: string[];
}
