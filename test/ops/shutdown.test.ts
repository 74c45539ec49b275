import { describe, expect, it } from '@jest/globals';
import { startMainProcess } from '../helpers/main-process.js';

/**
 * The graph stops on the signals `docker stop` and Ctrl-C send, outside jest: Jest sets
 * NODE_ENV=test, under which Apollo installs no signal handlers of its own, and those handlers are
 * what once kept the process alive after its own shutdown had begun.
 */
describe('stopping', () => {
  it.each([
    ['SIGTERM', 'production', 'docker stop, in the image'],
    ['SIGINT', undefined, 'Ctrl-C after npm start'],
  ] as const)('exits with 0 on %s with NODE_ENV=%s (%s)', async (signal, nodeEnv, _when) => {
    const main = startMainProcess({ NODE_ENV: nodeEnv }, 40_000);
    await main.waitForOutput(/Demo data (ready|already loaded)/);
    const stopping = Date.now();
    main.child.kill(signal);
    expect(await main.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000);
  }, 60_000);
});
