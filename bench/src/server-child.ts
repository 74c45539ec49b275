/**
 * Child process: one server under test, `graph` (as shipped), `naive` (the same server with
 * `batching: false`) or `bare-http` (a bare Node HTTP handler making the one upstream call of the
 * trivial query). It samples its own RSS so the bench can report the server's peak.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveRpc } from './ipc.js';

export type ServerKind = 'graph' | 'naive' | 'bare-http';

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
if (!['graph', 'naive', 'bare-http'].includes(kind) || apiUrl === '') {
  process.stderr.write('usage: BENCH_API_URL=http://127.0.0.1:port/v1 server-child.ts graph|naive|bare-http\n');
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

const running = kind === 'bare-http' ? await startBare() : await startGraph(kind === 'graph');

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
