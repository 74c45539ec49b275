import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { onPath } from './redis-server.js';

/**
 * docker-compose.yml, checked by Debian's `docker-compose` (no Docker engine needed for `config`).
 * Without the binary the suite is skipped, visibly, so that `npm test` needs no system package.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const installed = onPath('docker-compose');
const withCompose = installed ? describe : describe.skip;

function compose(...args: string[]): string {
  const result = spawnSync('docker-compose', ['--project-directory', ROOT, '-f', `${ROOT}/docker-compose.yml`, ...args], { encoding: 'utf8' });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  return result.stdout;
}

withCompose(`docker-compose.yml${installed ? '' : ' (skipped: docker-compose is not installed)'}`, () => {
  it('is valid', () => {
    expect(compose('config', '-q')).toBe('');
  });

  it('runs the graph against the emulator, with a persisted volume, and Redis as the shared cache', () => {
    expect(compose('config', '--services').trim().split('\n').sort()).toEqual(['emulator', 'graph', 'redis']);
    expect(compose('config', '--volumes').trim()).toBe('emulator-data');
    const resolved = compose('config');
    expect(resolved).toContain('HEALTHCARE_API_URL: http://emulator:8089/v1');
    expect(resolved).toContain('REDIS_URL: redis://redis:6379');
    expect(resolved).toContain('EMULATOR_DATA_DIR: /data');
    // docker-compose 1.x prints volumes short, Compose 2 long.
    expect(resolved).toMatch(/- emulator-data:\/data|source: emulator-data\s+target: \/data/);
  });
});
