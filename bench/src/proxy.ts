/**
 * The recording proxy: a plain HTTP server on 127.0.0.1 that forwards every request to the
 * emulator unchanged (Host header included, so next links point back at the proxy) and records
 * method, path, status and start/end time of each call.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecord } from './waves.js';

/** Paths longer than this are cut in records (they only serve as labels). */
const MAX_RECORDED_PATH = 400;
/** Records kept at most; a run that makes more is cut (and says so). */
const MAX_RECORDS = 20_000;

export interface RecordingProxy {
  /** e.g. `http://127.0.0.1:1234`. */
  url: string;
  /** When false, calls are only counted, not recorded (load runs). */
  recording: boolean;
  /** Calls forwarded since start. */
  readonly total: number;
  /** Records since the last `reset` (while recording). */
  records(): CallRecord[];
  /** True when records were dropped because there were more than the proxy keeps. */
  readonly truncated: boolean;
  reset(): void;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: { host: string; port: number }, options: { now?: () => number } = {}): Promise<RecordingProxy> {
  const now = options.now ?? (() => performance.now());
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
  let records: CallRecord[] = [];
  let total = 0;
  let truncated = false;
  const state = { recording: true };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const start = now();
    total += 1;
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').slice(0, MAX_RECORDED_PATH);
    let status = 502;
    const forward = (attempt: number): void => {
      const upstream = request(
        { host: target.host, port: target.port, method, path: req.url, headers: req.headers, agent },
        (answer) => {
          status = answer.statusCode ?? 502;
          res.writeHead(status, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        },
      );
      upstream.on('error', () => {
        // A kept-alive socket the emulator closed just as it was reused: the request never arrived, so
        // a read is sent once more (Node's documented pattern). Anything else is the emulator's failure.
        if (upstream.reusedSocket && attempt === 0 && (method === 'GET' || method === 'HEAD') && !res.headersSent) return forward(1);
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('recording proxy: the emulator did not answer');
        } else {
          res.destroy();
        }
      });
      if (method === 'GET' || method === 'HEAD') upstream.end();
      else req.pipe(upstream);
    };
    if (method === 'GET' || method === 'HEAD') req.resume();
    forward(0);
    res.on('close', () => {
      if (!state.recording) return;
      if (records.length >= MAX_RECORDS) {
        truncated = true;
        return;
      }
      records.push({ method, path, start, end: now(), status });
    });
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get recording() {
      return state.recording;
    },
    set recording(on: boolean) {
      state.recording = on;
    },
    get total() {
      return total;
    },
    get truncated() {
      return truncated;
    },
    records: () => [...records],
    reset() {
      records = [];
      truncated = false;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      agent.destroy();
    },
  };
}
