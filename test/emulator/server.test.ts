import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { invalidArgument } from '../../src/emulator/errors.js';
import type { PendingOperation } from '../../src/emulator/operations.js';
import { jsonReply } from '../../src/emulator/reply.js';
import { Router, type Route } from '../../src/emulator/router.js';
import type { EmulatorModule, RunningEmulator } from '../../src/emulator/server.js';
import { Client, expectEnvelope, LOC, obj, start } from './helpers.js';

/** Sends raw bytes and collects whatever comes back until the server closes or 2 s pass. */
function raw(emulator: RunningEmulator, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(emulator.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    socket.setTimeout(2000, () => socket.destroy());
    socket.end(bytes);
  });
}

let pending: PendingOperation | undefined;
const errors: string[] = [];

const testModule: EmulatorModule = {
  name: 'test',
  routes: ({ state, operations }) => [
    { method: 'GET', path: '/test/throw', query: [], handle: () => { throw new Error('boom'); } },
    { method: 'GET', path: '/test/reject', query: [], handle: async () => Promise.reject(new TypeError('async boom')) },
    { method: 'GET', path: '/test/api-error', query: [], handle: () => { throw invalidArgument('custom'); } },
    {
      method: 'POST',
      path: '/test/echo',
      query: 'any',
      maxBodyBytes: 64,
      handle: async (ctx) => jsonReply({ body: await ctx.jsonBody(), query: Object.fromEntries(ctx.query) }),
    },
    {
      method: 'POST',
      path: '/test/datasets/{dataset}:startOperation',
      query: [],
      handle: async (ctx) => {
        const dataset = state.getDataset(`${LOC}/datasets/${ctx.params['dataset']}`);
        pending = operations.start(dataset, 'test.Method');
        await state.commit();
        return jsonReply(pending.json);
      },
    },
  ],
};

let emulator: RunningEmulator;
let api: Client;

beforeAll(async () => {
  emulator = await start({ modules: [testModule], logger: { warn: () => {}, error: (m) => errors.push(m) } });
  api = new Client(emulator);
});

afterAll(async () => {
  await emulator.close();
});

describe('startEmulator', () => {
  it('reports its URL without a trailing slash and the bound port', () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it('rejects when the port is taken', async () => {
    await expect(start({ port: emulator.port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('close() can be called twice', async () => {
    const other = await start();
    await other.close();
    await other.close();
    await expect(fetch(`${other.url}/v1/${LOC}/datasets`)).rejects.toThrow();
  });
});

describe('robustness', () => {
  it('turns a thrown error into a 500 envelope and keeps serving', async () => {
    for (const path of ['/test/throw', '/test/reject']) {
      const res = await fetch(`${emulator.url}${path}`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } });
    }
    expect(errors.some((e) => e.includes('boom'))).toBe(true);
    expect((await api.get(`${LOC}/datasets`)).status).toBe(200);
  });

  it('answers an ApiError from a handler with its envelope', async () => {
    const res = await fetch(`${emulator.url}/test/api-error`);
    expect(await res.json()).toEqual({ error: { code: 400, message: 'custom', status: 'INVALID_ARGUMENT' } });
  });

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const reply = await raw(emulator, 'THIS IS NOT HTTP\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await api.get(`${LOC}/datasets`)).status).toBe(200);
  });

  it('survives a client that disconnects mid-body', async () => {
    await raw(emulator, `POST /v1/${LOC}/datasets?datasetId=half HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"time`);
    expect((await api.get(`${LOC}/datasets/half`)).status).toBe(404);
    expect((await api.get(`${LOC}/datasets`)).status).toBe(200);
  });

  it('rejects a body over the route limit with 400 and closes the connection', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(100) });
    const res = await fetch(`${emulator.url}/test/echo`, { method: 'POST', body: big });
    expect(res.status).toBe(400);
    expect(res.headers.get('connection')).toBe('close');
    expect(obj(obj(await res.json())['error'])['message']).toBe('Request payload size exceeds the limit: 64 bytes.');
    const small = await fetch(`${emulator.url}/test/echo?a=1&a=2&b`, { method: 'POST', body: '{"x":1}' });
    expect(await small.json()).toEqual({ body: { x: 1 }, query: { a: '1', b: '' } });
  });

  it('rejects an admin body over 10 MB', async () => {
    const res = await api.call('POST', `${LOC}/datasets?datasetId=huge`, JSON.stringify({ timeZone: 'x'.repeat(10 * 1024 * 1024) }));
    expect(expectEnvelope(res, 400, 'INVALID_ARGUMENT')).toMatch(/exceeds the limit: 10485760 bytes/);
  });

  it('escapes the request path in the HTML 404', async () => {
    const reply = await raw(emulator, 'GET /v1/<script>alert(1)</script> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    expect(reply).toContain('<code>/v1/&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(reply).not.toContain('<script>');
  });

  it('does not treat a protocol-relative target as a host', async () => {
    const reply = await raw(emulator, `GET //evil.example/v1/${LOC}/datasets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });
});

describe('CORS', () => {
  it('answers preflights and marks responses for browsers', async () => {
    const preflight = await fetch(`${emulator.url}/v1/${LOC}/datasets`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
    const res = await fetch(`${emulator.url}/v1/${LOC}/datasets`, { headers: { origin: 'http://app.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const noOrigin = await fetch(`${emulator.url}/v1/${LOC}/datasets`);
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('pending operations', () => {
  it('stay not-done until finished, and cancel ends them with CANCELLED', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=lro`);
    const started = obj((await fetch(`${emulator.url}/test/datasets/lro:startOperation`, { method: 'POST' }).then((r) => r.json())));
    expect(started).not.toHaveProperty('done');
    expect(obj((await api.get(String(started['name']))).json)).not.toHaveProperty('done');

    await pending?.succeed({ '@type': 'type.googleapis.com/google.protobuf.Empty' });
    const done = obj((await api.get(String(started['name']))).json);
    expect(done['done']).toBe(true);
    expect(done['response']).toEqual({ '@type': 'type.googleapis.com/google.protobuf.Empty' });
    expect(obj(done['metadata'])['endTime']).toEqual(expect.any(String));

    const second = obj(await fetch(`${emulator.url}/test/datasets/lro:startOperation`, { method: 'POST' }).then((r) => r.json()));
    expect((await api.call('POST', `${second['name']}:cancel`, {})).json).toEqual({});
    const cancelled = obj((await api.get(String(second['name']))).json);
    expect(cancelled['done']).toBe(true);
    expect(cancelled['error']).toEqual({ code: 1, message: 'Operation was cancelled.' });
    expect(obj(cancelled['metadata'])['cancelRequested']).toBe(true);
    // Finishing after a cancel changes nothing.
    await pending?.succeed({ '@type': 'x' });
    expect((await api.get(String(second['name']))).json).toEqual(cancelled);

    expectEnvelope(await api.call('POST', `${second['name']}:cancel`, { force: true }), 400, 'INVALID_ARGUMENT');
  });
});

describe('Router', () => {
  const route = (method: string, path: string): Route => ({ method, path, query: [], handle: () => jsonReply({}) });
  const router = new Router().add(
    route('GET', '/v1/a/{x}'),
    route('GET', '/v1/a/{x}:verb'),
    route('POST', '/v1/a/{x}/b/{rest=**}'),
  );

  it('matches params, verbs and tails', () => {
    expect(router.match('GET', '/v1/a/one')?.params).toEqual({ x: 'one' });
    expect(router.match('GET', '/v1/a/one:verb')?.route.path).toBe('/v1/a/{x}:verb');
    expect(router.match('POST', '/v1/a/one/b')?.params).toEqual({ x: 'one', rest: '' });
    expect(router.match('POST', '/v1/a/one/b/c/d')?.params).toEqual({ x: 'one', rest: 'c/d' });
  });

  it('decodes segments and reads a percent-encoded colon as part of the id', () => {
    expect(router.match('GET', '/v1/a/x%3Ay')?.params).toEqual({ x: 'x:y' });
    expect(router.match('GET', '/v1/a/%C3%BC')?.params).toEqual({ x: 'ü' });
  });

  it('does not match other methods, unknown verbs, empty or malformed segments', () => {
    expect(router.match('DELETE', '/v1/a/one')).toBeUndefined();
    expect(router.match('GET', '/v1/a/one:other')).toBeUndefined();
    expect(router.match('GET', '/v1/a/')).toBeUndefined();
    expect(router.match('GET', '/v1/a/%E0%A4%A')).toBeUndefined();
    expect(router.match('GET', '/v1/a/one/extra')).toBeUndefined();
  });

  it('refuses malformed patterns', () => {
    expect(() => new Router().add(route('GET', '/v1/{rest=**}/x'))).toThrow(/must be last/);
    expect(() => new Router().add(route('GET', '/v1/{bad'))).toThrow(/malformed/);
  });
});

describe('Router segment rules', () => {
  it('never lets an encoded slash into a single-segment parameter', () => {
    const router = new Router().add({ method: 'GET', path: '/v1/a/{x}', query: [], handle: () => jsonReply({}) });
    expect(router.match('GET', '/v1/a/b%2Fc')).toBeUndefined();
  });
});
