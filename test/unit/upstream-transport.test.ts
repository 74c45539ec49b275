/**
 * The upstream client's JSON transport (undici `request`): it asks for compressed answers as `fetch`
 * did and decodes them, and follows no redirect.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pLimit from 'p-limit';
import { decodedText, HealthcareClient } from '../../src/healthcare/client.js';
import { UpstreamError } from '../../src/healthcare/errors.js';
import { createMetrics } from '../../src/observability/metrics.js';

const ANSWER = { resourceType: 'Bundle', total: 1, entry: [{ resource: { resourceType: 'Patient', id: 'p1' } }] };
const ENCODERS: Record<string, (data: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

let server: Server;
let root: string;
const asked: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.headers['accept-encoding']);
    const coding = /\/(gzip|deflate|br)$/.exec(request.url ?? '')?.[1];
    if (request.url?.endsWith('/moved')) {
      response.writeHead(302, { location: 'http://elsewhere.example/' }).end();
    } else if (coding !== undefined) {
      response.writeHead(200, { 'content-type': 'application/fhir+json', 'content-encoding': coding }).end(ENCODERS[coding]!(Buffer.from(JSON.stringify(ANSWER))));
    } else {
      response.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(ANSWER));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => new HealthcareClient(
  { apiUrl: `${root}/v1`, timeoutMs: 5000, metrics: createMetrics(), concurrency: 4, processLimit: pLimit(4), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } },
  { headers: async () => ({ authorization: 'Bearer t' }) },
);

describe('JSON calls', () => {
  it('ask for gzip, deflate or br and decode each', async () => {
    for (const coding of ['plain', 'gzip', 'deflate', 'br']) {
      expect(await client().json({ kind: 'fhir', path: `x/${coding}` })).toEqual(ANSWER);
      expect(asked.at(-1)).toBe('gzip, deflate, br');
    }
  });

  it('do not follow a redirect: it is an upstream error', async () => {
    await expect(client().json({ kind: 'fhir', path: 'x/moved' })).rejects.toBeInstanceOf(UpstreamError);
    expect(asked.filter((value) => value === undefined)).toEqual([]);
  });
});

describe('decodedText', () => {
  it('undoes codings last first and refuses an unknown one', async () => {
    const twice = gzipSync(deflateSync(Buffer.from('{"a":1}')));
    expect(await decodedText(twice, 'deflate, gzip')).toBe('{"a":1}');
    expect(await decodedText(Buffer.from('x'), 'identity')).toBe('x');
    await expect(decodedText(Buffer.from('x'), 'zstd')).rejects.toThrow('unsupported content-encoding zstd');
  });
});
