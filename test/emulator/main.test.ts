import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { EnvError, emulatorOptionsFromEnv } from '../../src/emulator/env.js';
import { thrownBy } from '../helpers/errors.js';

const root = process.cwd();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const mainFile = path.join(root, 'src', 'emulator', 'main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `main.ts`; when `onLine` sees a stdout line it may signal the child. */
function runMain(env: Record<string, string>, onStdout?: (text: string, stop: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [mainFile], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('emulatorOptionsFromEnv', () => {
  it('applies defaults', () => {
    expect(emulatorOptionsFromEnv({})).toEqual({
      port: 8089,
      host: '127.0.0.1',
      dataDir: undefined,
      latency: undefined,
      faults: undefined,
    });
  });

  it('reads every variable', () => {
    const options = emulatorOptionsFromEnv({
      EMULATOR_PORT: '0',
      HOST: '0.0.0.0',
      EMULATOR_DATA_DIR: '/tmp/x',
      EMULATOR_LATENCY_MS: '10-40',
      EMULATOR_FAULTS: '[{"path": "/fhir/", "rate": 0.1, "status": 503}]',
    });
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      latency: { minMs: 10, maxMs: 40 },
      faults: [{ path: /\/fhir\//, rate: 0.1, status: 503 }],
    });
  });

  it.each([
    ['EMULATOR_PORT', 'eighty'],
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_LATENCY_MS', 'slow'],
    ['EMULATOR_FAULTS', '{"path": 1}'],
    ['EMULATOR_FAULTS', '[{"path": "x",\n "rate": 5, "status": 503}]'],
  ])('names %s in a one-line error for %j', (name, value) => {
    const error = thrownBy(() => emulatorOptionsFromEnv({ [name]: value }));
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    expect((error as Error).message).not.toMatch(/\n/);
  });
});

describe('npm run emulator (main.ts)', () => {
  it('exits 1 with one stderr line naming a bad variable', async () => {
    const run = await runMain({ EMULATOR_PORT: '0', EMULATOR_FAULTS: '[{"path": "x"}]' });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^EMULATOR_FAULTS: rule 0: /);
    expect(run.stdout).toBe('');
  });

  it('prints its URL, serves the demo dataset and stops cleanly on SIGTERM', async () => {
    let served: number | undefined;
    const run = await runMain({ EMULATOR_PORT: '0', HOST: '127.0.0.1', DEMO_PATIENTS: '1' }, (text, stop) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\/v1 .*\n/.exec(text);
      if (m?.[1] === undefined || served !== undefined) return;
      served = 0;
      fetch(`${m[1]}/v1/projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir`)
        .then((res) => (served = res.status))
        .catch(() => (served = -1))
        .finally(stop);
    });
    expect(run.stdout).toMatch(/^Cloud Healthcare API emulator listening on http:\/\/127\.0\.0\.1:\d+\/v1 \(demo dataset projects\/demo\/locations\/us-central1\/datasets\/demo\)\n$/);
    expect(served).toBe(200);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
