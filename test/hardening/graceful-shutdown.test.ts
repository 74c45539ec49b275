import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { getFaults, setFaults } from './emulator-control.js';

/** Whether a new TCP connection to the port is accepted right now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` every 50 ms until it holds; fails after `limitMs`. */
async function eventually(check: () => Promise<boolean>, what: string, limitMs = 10_000): Promise<void> {
  for (const stop = Date.now() + limitMs; Date.now() < stop; await sleep(50)) {
    if (await check()) return;
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('SIGTERM', () => {
  it('stops accepting connections, finishes the request in flight, then exits 0', async () => {
    // Without jest's NODE_ENV=test, as `npm start` runs (Apollo's behaviour on signals depends on it).
    const { NODE_ENV: _jest, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...env, PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'warn', DEMO_PATIENTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const urls = await new Promise<{ graph: string; emulator: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const graph = /Healthcare Graph: (http:\/\/\S+)\/graphql/.exec(stdout)?.[1];
          const emulator = /Cloud Healthcare API emulator: (http:\/\/\S+)\/v1/.exec(stdout)?.[1];
          if (graph && emulator) resolve({ graph, emulator });
        });
        child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
      });
      const graphPort = Number(new URL(urls.graph).port);

      // The dataset read answers 2 s late, once; the rule's `times` says when the read has arrived.
      await setFaults(urls.emulator, [{ path: '/datasets/demo$', method: 'GET', rate: 1, status: 'delay', delayMs: 2000, times: 1 }]);
      let answered = false;
      const inFlight = fetch(`${urls.graph}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ dataset(id: "demo") { name } }' }),
      }).then(async (response) => {
        answered = true;
        return { status: response.status, body: await response.json() };
      });
      await eventually(async () => (await getFaults(urls.emulator))[0]?.times === 0, 'the slow upstream read to start');

      child.kill('SIGTERM');
      await eventually(async () => !(await accepts(graphPort)), 'the graph to stop accepting connections');
      expect(answered).toBe(false);

      expect(await inFlight).toEqual({ status: 200, body: { data: { dataset: { name: 'projects/demo/locations/us-central1/datasets/demo' } } } });
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      clearTimeout(killer);
      child.kill('SIGKILL');
    }
  }, 90_000);
});
