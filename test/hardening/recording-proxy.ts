import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the upstream received it: the raw request target, byte for byte. */
export interface RecordedRequest {
  method: string;
  target: string;
  status?: number;
  /** The W3C trace context it carried, if any. */
  traceparent?: string;
}

export interface RecordingProxy {
  /** e.g. `http://127.0.0.1:1234` (append `/v1` for an API root). */
  url: string;
  /** Everything forwarded so far, in arrival order; tests clear it between checks. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of an upstream (the emulator) that records what reached it, so
 * tests can assert on the paths and parameters the graph really sent rather than on what it meant to.
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const { hostname, port } = new URL(upstream);
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const recorded: RecordedRequest = { method: req.method ?? '', target: req.url ?? '', ...(req.headers.traceparent ? { traceparent: String(req.headers.traceparent) } : {}) };
    requests.push(recorded);
    const outgoing = forward({ hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      recorded.status = answer.statusCode;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
