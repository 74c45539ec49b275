/** Reads the emulator's environment variables (CONTRACT.md) into `EmulatorOptions`. */

import { parseFaultRules, parseLatency } from './faults.js';
import { loadPrincipalsFile } from './iam/principals.js';
import type { EmulatorOptions } from './server.js';

/** A bad variable; the message is one line naming it. */
export class EnvError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`.replace(/\s+/g, ' '));
    this.name = 'EnvError';
  }
}

export const DEFAULT_EMULATOR_PORT = 8089;

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parsed<T>(env: Env, name: string, parse: (text: string) => T): T | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    throw new EnvError(name, (error as Error).message);
  }
}

/**
 * `EMULATOR_PORT` (default 8089), `HOST` (default 127.0.0.1), `EMULATOR_DATA_DIR`, `EMULATOR_GCS_DIR`,
 * `EMULATOR_LATENCY_MS`, `EMULATOR_FAULTS`, `EMULATOR_PRINCIPALS` (a file, read here),
 * `PUBSUB_EMULATOR_HOST` (where store notifications are published). Throws
 * `EnvError` on the first bad value.
 */
export function emulatorOptionsFromEnv(env: Env): EmulatorOptions & { port: number; host: string } {
  const port = parsed(env, 'EMULATOR_PORT', (text) => {
    if (!/^\d+$/.test(text) || Number(text) > 65535) {
      throw new Error(`expected a port number from 0 to 65535, got ${JSON.stringify(text)}`);
    }
    return Number(text);
  });
  return {
    port: port ?? DEFAULT_EMULATOR_PORT,
    host: read(env, 'HOST') ?? '127.0.0.1',
    dataDir: read(env, 'EMULATOR_DATA_DIR'),
    gcsDir: read(env, 'EMULATOR_GCS_DIR'),
    latency: parsed(env, 'EMULATOR_LATENCY_MS', parseLatency),
    faults: parsed(env, 'EMULATOR_FAULTS', parseFaultRules),
    principals: parsed(env, 'EMULATOR_PRINCIPALS', loadPrincipalsFile),
    pubsubEndpoint: read(env, 'PUBSUB_EMULATOR_HOST'),
  };
}
