import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

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
    const { NODE_ENV: _jest, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...env, ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}), PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'warn', DEMO_PATIENTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    try {
      let stdout = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (/Demo data (ready|already loaded)/.test(stdout)) resolve();
        });
        child.on('close', () => reject(new Error(`exited early:\n${stdout}`)));
      });
      const stopping = Date.now();
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(5000);
    } finally {
      clearTimeout(killer);
    }
  }, 60_000);
});
