/**
 * Child process: one server under test, `graph` (as shipped), `naive` (the same server with
 * `batching: false`), `bff` (hand-written endpoints, `bff.ts`) or `bare-http` (a bare Node HTTP
 * handler making the one upstream call of the trivial query). It samples its own RSS so the bench
 * can report the server's peak, reports its CPU time, and profiles itself on request.
 */
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { serveRpc } from './ipc.js';
import { summarizeByCategory, type CategoryShare, type CpuProfile } from './profile-summary.js';

export type ServerKind = 'graph' | 'naive' | 'bff' | 'bare-http';
const KINDS: readonly ServerKind[] = ['graph', 'naive', 'bff', 'bare-http'];

export interface ServerInfo {
  url: string;
  pid: number;
}

export interface ServerMemory {
  /** Highest sampled RSS since the last `resetPeak`. */
  peakRssMb: number;
  /** The kernel's lifetime maximum RSS of this process. */
  maxRssMb: number;
  rssMb: number;
  heapUsedMb: number;
}

const kind = process.argv[2] as ServerKind;
const apiUrl = process.env.BENCH_API_URL ?? '';
if (!KINDS.includes(kind) || apiUrl === '') {
  process.stderr.write(`usage: BENCH_API_URL=http://127.0.0.1:port/v1 server-child.ts ${KINDS.join('|')}\n`);
  process.exit(2);
}

const SAMPLE_EVERY_MS = 50;
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, SAMPLE_EVERY_MS);
sampler.unref();

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** The trivial query's one upstream call, answered in the GraphQL response shape. */
async function startBare(): Promise<{ url: string; close: () => Promise<void> }> {
  const datasetUrl = `${apiUrl}/projects/demo/locations/us-central1/datasets/demo`;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      fetch(datasetUrl, { headers: { accept: 'application/json' } })
        .then(async (upstream) => {
          const dataset = (await upstream.json()) as { name?: string };
          const body = JSON.stringify({ data: { dataset: upstream.ok ? { name: dataset.name ?? null } : null } });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end('{"errors":[{"message":"upstream failed"}]}');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function startGraph(batching: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  // Imported here so that bare-http's memory is a bare Node process's, not the graph's.
  const [{ startApp }, { loadConfig }] = await Promise.all([import('../../src/app.js'), import('../../src/config/index.js')]);
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    EMULATOR: 'off',
    HEALTHCARE_API_URL: apiUrl,
    HEALTHCARE_PROJECT: 'demo',
    AUTH_MODE: 'none',
  });
  const app = await startApp(config, { batching });
  return { url: app.graph.url, close: () => app.close() };
}

async function start(): Promise<{ url: string; close: () => Promise<void> }> {
  if (kind === 'bare-http') return startBare();
  // Imported here so that bare-http's memory stays a bare Node process's.
  if (kind === 'bff') return (await import('./bff.js')).startBff(apiUrl);
  return startGraph(kind === 'graph');
}

const running = await start();
let profiler: Session | undefined;

serveRpc({
  info: (): ServerInfo => ({ url: running.url, pid: process.pid }),
  resetPeak(): void {
    peak = process.memoryUsage.rss();
  },
  memory(): ServerMemory {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    return { peakRssMb: mb(peak), maxRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)), rssMb: mb(rss), heapUsedMb: mb(process.memoryUsage().heapUsed) };
  },
  /** CPU time of this process so far (user + system), in milliseconds. */
  cpu: (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  },
  /** Starts the V8 sampling profiler in this process. */
  async profileStart(): Promise<void> {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  },
  /** Stops it; self time by category (graphql-js, Apollo, ours, undici, GC, …). */
  async profileStop(): Promise<CategoryShare[]> {
    if (!profiler) throw new Error('profileStart was not called');
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    return summarizeByCategory(profile as CpuProfile);
  },
  /** Full garbage collection (when started with --expose-gc), then the memory figures. */
  gc(): { rssMb: number; heapUsedMb: number } {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    collect?.();
    return { rssMb: mb(process.memoryUsage.rss()), heapUsedMb: mb(process.memoryUsage().heapUsed) };
  },
  async stop(): Promise<void> {
    await running.close();
    setImmediate(() => process.exit(0));
  },
});
