import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { startMainProcess } from '../helpers/main-process.js';
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
    const main = startMainProcess({ NODE_ENV: undefined });
    try {
      const urls = await main.urls();
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

      main.child.kill('SIGTERM');
      await eventually(async () => !(await accepts(graphPort)), 'the graph to stop accepting connections');
      expect(answered).toBe(false);

      expect(await inFlight).toEqual({ status: 200, body: { data: { dataset: { name: 'projects/demo/locations/us-central1/datasets/demo' } } } });
      expect(await main.exited).toBe(0);
      expect(main.stderr()).toBe('');
    } finally {
      main.child.kill('SIGKILL');
    }
  }, 90_000);
});
