import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { loadDemoCohort } from '../../src/demo/load.js';
import { seedDemoDataset } from '../../src/demo/seed.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

/** A graph in front of a separately started emulator, as in production: they meet only over HTTP. */
export interface Stack {
  emulator: RunningEmulator;
  app: RunningApp;
  /** Present when the stack was started with `record: true`. */
  proxy?: RecordingProxy;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Emulator options; add faults after the start so the demo load is not hit by them. */
  emulator?: Omit<EmulatorOptions, 'faults'>;
  /** Demo cohort size (default 1); 0 = the demo dataset and its empty stores only. */
  patients?: number;
  /** Graph environment on top of the defaults. */
  env?: Record<string, string>;
  /** Put a recording proxy between the graph and the emulator. */
  record?: boolean;
}

/**
 * Starts the emulator with the demo dataset and cohort, then the graph with `EMULATOR=off` pointed at
 * it (through a recording proxy when asked). Unlike `startTestApp`, the emulator's options, such as a
 * seeded `random`, are the test's to choose.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator(options.emulator);
  let proxy: RecordingProxy | undefined;
  try {
    const target = { apiUrl: `${emulator.url}/v1`, project: 'demo', location: 'us-central1' };
    await seedDemoDataset(target);
    if (options.patients !== 0) await loadDemoCohort(target, options.patients ?? 1);
    if (options.record) proxy = await startRecordingProxy(emulator.url);
    const app = await startApp(loadConfig({
      PORT: '0', LOG_LEVEL: 'silent', EMULATOR: 'off', HEALTHCARE_PROJECT: 'demo', AUTH_MODE: 'none',
      HEALTHCARE_API_URL: `${proxy?.url ?? emulator.url}/v1`,
      ...options.env,
    }));
    return {
      emulator, app, proxy,
      async close() {
        await app.close();
        await proxy?.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await proxy?.close();
    await emulator.close();
    throw error;
  }
}
