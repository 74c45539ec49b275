/**
 * Google's Pub/Sub emulator (`gcloud beta emulators pubsub start`, Java) for the e2e suites that
 * use it as the oracle or as the real thing: started on a free loopback port, stopped with its
 * whole process group.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** How long the JVM may take to start on a loaded machine. */
const START_TIMEOUT_MS = 90_000;

export interface GooglePubSubEmulator {
  /** `host:port`, the value for `PUBSUB_EMULATOR_HOST`. */
  host: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts Google's emulator for `project` and resolves once it listens. */
export async function startGooglePubSubEmulator(project: string): Promise<GooglePubSubEmulator> {
  const host = `127.0.0.1:${await freePort()}`;
  const child: ChildProcess = spawn('gcloud', ['beta', 'emulators', 'pubsub', 'start', `--host-port=${host}`, `--project=${project}`], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // gcloud starts Java as a child: end the whole process group.
  const stop = (): void => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Google's Pub/Sub emulator did not start in ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      const watch = (chunk: Buffer): void => {
        if (/Server started, listening on/.test(chunk.toString())) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', watch);
      child.stderr?.on('data', watch);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Google's Pub/Sub emulator exited (${code}) before it listened`));
      });
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { host, stop };
}
