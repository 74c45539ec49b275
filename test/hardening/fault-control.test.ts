import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

/** The emulator's runtime fault control (`/emulator/faults`, `/emulator/latency`), over HTTP. */

async function call(emulator: RunningEmulator, method: string, path: string, body?: string, token?: string) {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(`${emulator.url}${path}`, { method, body, headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined };
}

describe('runtime fault control', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('replaces the rules, reports them in EMULATOR_FAULTS form and applies them to the next request', async () => {
    expect((await call(emulator, 'GET', '/emulator/faults')).json).toEqual([]);
    const rules = [
      { path: '/locations$', method: 'get', rate: 1, status: 503, retryAfter: 2, times: 2 },
      { path: '/datasets/slow', rate: 0.5, status: 'delay', delayMs: 10 },
    ];
    const put = await call(emulator, 'PUT', '/emulator/faults', JSON.stringify(rules));
    expect(put.status).toBe(200);
    const reported = [{ ...rules[0], method: 'GET' }, rules[1]];
    expect(put.json).toEqual(reported);

    const failed = await fetch(`${emulator.url}/v1/projects/p/locations`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    // `times` reads back as what is left of it.
    expect((await call(emulator, 'GET', '/emulator/faults')).json).toEqual([{ ...reported[0], times: 1 }, reported[1]]);

    expect((await call(emulator, 'PUT', '/emulator/faults', '[]')).json).toEqual([]);
    expect((await fetch(`${emulator.url}/v1/projects/p/locations`)).status).toBe(200);
  });

  it('refuses a bad rule list with a one-line 400 and keeps the rules it had', async () => {
    const kept = [{ path: '/nothing$', rate: 0, status: 500 }];
    await call(emulator, 'PUT', '/emulator/faults', JSON.stringify(kept));
    for (const [body, message] of [
      ['[{"path": "(", "rate": 1, "status": 503}]', /^rule 0: "path" is not a valid regular expression/],
      ['[{"path": "x", "rate": 1, "status": "delay"}]', /^rule 0: "delayMs" must be a whole number/],
      ['[{"path": "x", "rate": 1, "status": 503, "delayMs": 5}]', /^rule 0: "delayMs" only applies to status "delay"/],
      ['{"path": "x"}', /^expected a JSON array/],
      ['[\n{', /^not valid JSON/],
    ] as const) {
      const answer = await call(emulator, 'PUT', '/emulator/faults', body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.message).toMatch(message);
      expect(answer.json.error.message).not.toMatch(/\n/);
    }
    expect((await call(emulator, 'GET', '/emulator/faults')).json).toEqual(kept);
    await call(emulator, 'PUT', '/emulator/faults', '[]');
  });

  it('stays reachable when a rule matches every path', async () => {
    await call(emulator, 'PUT', '/emulator/faults', '[{"path": ".*", "rate": 1, "status": "reset"}]');
    await expect(fetch(`${emulator.url}/v1/projects/p/locations`)).rejects.toThrow();
    expect((await call(emulator, 'PUT', '/emulator/faults', '[]')).status).toBe(200);
    expect((await fetch(`${emulator.url}/v1/projects/p/locations`)).status).toBe(200);
  });

  it('sets, reports and clears the latency, and refuses a bad range', async () => {
    expect((await call(emulator, 'GET', '/emulator/latency')).json).toEqual({});
    expect((await call(emulator, 'PUT', '/emulator/latency', '{"minMs": 5, "maxMs": 20}')).json).toEqual({ minMs: 5, maxMs: 20 });
    expect((await call(emulator, 'GET', '/emulator/latency')).json).toEqual({ minMs: 5, maxMs: 20 });
    for (const body of ['{"minMs": 20, "maxMs": 5}', '{"minMs": -1, "maxMs": 5}', '{"min": 1}', '[1, 2]', '{']) {
      const answer = await call(emulator, 'PUT', '/emulator/latency', body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.message).not.toMatch(/\n/);
    }
    expect((await call(emulator, 'GET', '/emulator/latency')).json).toEqual({ minMs: 5, maxMs: 20 });
    // A minute of latency for everything else; `call` gives up after 10 s, so this only passes exempt.
    await call(emulator, 'PUT', '/emulator/latency', '{"minMs": 60000, "maxMs": 60000}');
    expect((await call(emulator, 'PUT', '/emulator/latency', '{}')).json).toEqual({});
  });

  it('lives outside the Google surface', async () => {
    const answer = await call(emulator, 'GET', '/v1/emulator/faults');
    expect(answer.status).toBe(404);
    expect(answer.text).toMatch(/<html/i);
    expect((await call(emulator, 'GET', '/emulator/faults?unknown=1')).status).toBe(400);
  });
});

describe('runtime fault control under Cloud IAM', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      principals: { tokens: { 't-root': 'user:root@example.com', 't-alice': 'user:alice@example.com' }, admins: ['user:root@example.com'] },
    });
    // Alice may do everything a dataset admin may: still not change the emulator's faults.
    await call(emulator, 'POST', '/v1/projects/p/locations/l/datasets?datasetId=d', '{}', 't-root');
    const policy = { policy: { bindings: [{ role: 'roles/healthcare.datasetAdmin', members: ['user:alice@example.com'] }] } };
    expect((await call(emulator, 'POST', '/v1/projects/p/locations/l/datasets/d:setIamPolicy', JSON.stringify(policy), 't-root')).status).toBe(200);
  });
  afterAll(() => emulator.close());

  it('answers admins only', async () => {
    expect((await call(emulator, 'GET', '/v1/projects/p/locations/l/datasets/d', undefined, 't-alice')).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '/emulator/faults', undefined],
      ['PUT', '/emulator/faults', '[]'],
      ['GET', '/emulator/latency', undefined],
      ['PUT', '/emulator/latency', '{}'],
    ] as const) {
      expect((await call(emulator, method, path, body)).status).toBe(401);
      const denied = await call(emulator, method, path, body, 't-alice');
      expect(denied.status).toBe(403);
      expect(denied.json.error.message).toMatch(`Permission emulator.faults.${method === 'GET' ? 'get' : 'update'} denied on resource emulator`);
      expect((await call(emulator, method, path, body, 't-root')).status).toBe(200);
    }
  });
});
