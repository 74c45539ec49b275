/** Shared helpers for the emulator's HTTP tests. */

import { afterAll, beforeAll } from '@jest/globals';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** A JSON object out of a response, failing loudly when it is not one. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Reads a response's status, headers, text and (when it is JSON) parsed body. */
export async function toApiResponse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A tiny client for one emulator: `call('GET', 'projects/p/...')` resolves against `/v1/`. */
export class Client {
  constructor(readonly emulator: RunningEmulator) {}

  async call(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    return toApiResponse(await fetch(`${this.emulator.url}/v1/${path}`, init));
  }

  get(path: string): Promise<ApiResponse> {
    return this.call('GET', path);
  }
}

/** Starts an emulator on a free port with a quiet logger unless one is given. */
export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, logger: { warn: () => {}, error: () => {} }, ...options });
}

/**
 * Runs `start` before the tests of the enclosing `describe` block (or file) and closes its emulator
 * after them. `beforeAll` fills the returned object in, so tests read its fields only while they run.
 */
export function suiteFixture<T extends { emulator: RunningEmulator }>(start: () => Promise<T>): T {
  const fixture = {} as T;
  beforeAll(async () => {
    Object.assign(fixture, await start());
  });
  afterAll(async () => {
    await fixture.emulator.close();
  });
  return fixture;
}

/** Asserts the Google error envelope and returns its message. */
export function expectEnvelope(res: ApiResponse, code: number, status: string): string {
  if (res.headers.get('content-type') !== 'application/json; charset=UTF-8') {
    throw new Error(`expected Google JSON content type, got ${res.headers.get('content-type')}: ${res.text}`);
  }
  const error = obj(obj(res.json)['error']);
  if (res.status !== code || error['code'] !== code || error['status'] !== status || typeof error['message'] !== 'string') {
    throw new Error(`expected ${code} ${status} envelope, got HTTP ${res.status}: ${res.text}`);
  }
  if (Object.keys(obj(res.json)).length !== 1) throw new Error(`extra top-level keys in ${res.text}`);
  return error['message'] as string;
}

export const LOC = 'projects/p/locations/us-central1';
