/**
 * Child process: the Cloud Healthcare API emulator and, in front of it, the recording proxy every
 * system under test calls. Driven by the bench over IPC (see `ipc.ts`).
 */
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { serveRpc } from './ipc.js';
import { startRecordingProxy, type RecordingProxy } from './proxy.js';
import type { CallRecord } from './waves.js';

export interface UpstreamInfo {
  /** Emulator root, without `/v1` (the loader talks to it directly). */
  emulatorUrl: string;
  /** Proxy root, without `/v1` (what the systems under test call). */
  proxyUrl: string;
  /**
   * `host:port` of the Pub/Sub emulator the stores' notifications go to, when `start` was asked for
   * one (the live-delivery phase): ours, in this process beside the Healthcare emulator, as the
   * embedded emulator runs it.
   */
  pubsubHost?: string;
  pid: number;
}

export interface UpstreamStats {
  rssMb: number;
  heapUsedMb: number;
  /** CPU time of this process since start (user + system). */
  cpuMs: number;
  proxiedCalls: number;
}

let emulator: RunningEmulator | undefined;
let proxy: RecordingProxy | undefined;
let pubsub: RunningPubSubEmulator | undefined;

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

function stats(): UpstreamStats {
  const cpu = process.cpuUsage();
  return {
    rssMb: mb(process.memoryUsage.rss()),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    proxiedCalls: proxy?.total ?? 0,
  };
}

serveRpc({
  async start({ pubsub: withPubSub = false }: { pubsub?: boolean } = {}): Promise<UpstreamInfo> {
    if (withPubSub) pubsub = await startPubSubEmulator({ host: '127.0.0.1' });
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      pubsubEndpoint: pubsub?.host,
      logger: { warn: (m) => process.stderr.write(`emulator: ${m}\n`), error: (m) => process.stderr.write(`emulator: ${m}\n`) },
    });
    const { port } = new URL(emulator.url);
    proxy = await startRecordingProxy({ host: '127.0.0.1', port: Number(port) });
    return { emulatorUrl: emulator.url, proxyUrl: proxy.url, pid: process.pid, ...(pubsub ? { pubsubHost: pubsub.host } : {}) };
  },
  latency({ ms }: { ms: number }): void {
    if (!emulator) throw new Error('not started');
    emulator.latency = ms > 0 ? { minMs: ms, maxMs: ms } : undefined;
  },
  record({ on }: { on: boolean }): void {
    if (!proxy) throw new Error('not started');
    proxy.recording = on;
    proxy.reset();
  },
  reset(): void {
    proxy?.reset();
  },
  async calls(): Promise<{ calls: CallRecord[]; truncated: boolean }> {
    // Let `close` handlers of responses that just finished run first.
    await new Promise((resolve) => setImmediate(resolve));
    return { calls: proxy?.records() ?? [], truncated: proxy?.truncated ?? false };
  },
  stats,
  gc(): UpstreamStats {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    collect?.();
    return stats();
  },
  async stop(): Promise<void> {
    await proxy?.close();
    await emulator?.close();
    await pubsub?.close();
    setImmediate(() => process.exit(0));
  },
});
