import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodePageToken, encodePageToken, paginate, parsePageSize } from '../../src/emulator/paging.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { Client, expectEnvelope, obj, start } from './helpers.js';

let emulator: RunningEmulator;
let api: Client;
const BIG = 'projects/paging/locations/us-central1';
const ids = Array.from({ length: 105 }, (_, i) => `ds-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  emulator = await start();
  api = new Client(emulator);
  // Created in shuffled order so the listing's sort is what puts them in order.
  const shuffled = [...ids].sort((a, b) => (a.split('').reverse().join('') < b.split('').reverse().join('') ? -1 : 1));
  await Promise.all(shuffled.map((id) => api.call('POST', `${BIG}/datasets?datasetId=${id}`)));
});

afterAll(async () => {
  await emulator.close();
});

function names(body: unknown): string[] {
  const list = obj(body)['datasets'];
  return Array.isArray(list) ? list.map((d) => String(String(obj(d)['name']).split('/').at(-1))) : [];
}

describe('list paging over HTTP', () => {
  it('defaults to 100 per page with a token, and the last page has no token', async () => {
    const first = await api.get(`${BIG}/datasets`);
    expect(names(first.json)).toEqual(ids.slice(0, 100));
    const token = obj(first.json)['nextPageToken'];
    expect(typeof token).toBe('string');

    const second = await api.get(`${BIG}/datasets?pageToken=${encodeURIComponent(String(token))}`);
    expect(names(second.json)).toEqual(ids.slice(100));
    expect(obj(second.json)).not.toHaveProperty('nextPageToken');
  });

  it('treats pageSize=0 as the default', async () => {
    expect(names((await api.get(`${BIG}/datasets?pageSize=0`)).json)).toHaveLength(100);
  });

  it('walks every item exactly once with pageSize=1', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = token === undefined ? 'pageSize=1' : `pageSize=1&pageToken=${encodeURIComponent(token)}`;
      const res = await api.get(`${BIG}/datasets?${query}`);
      expect(res.status).toBe(200);
      seen.push(...names(res.json));
      const next = obj(res.json)['nextPageToken'];
      token = typeof next === 'string' ? next : undefined;
      pages += 1;
    } while (token !== undefined && pages < 200);
    expect(pages).toBe(105);
    expect(seen).toEqual(ids);
  });

  it('neither repeats nor skips when items are created or deleted between pages', async () => {
    const loc = 'projects/churn/locations/us-central1';
    for (const id of ['b', 'd', 'f', 'h']) await api.call('POST', `${loc}/datasets?datasetId=${id}`);
    const first = await api.get(`${loc}/datasets?pageSize=2`);
    expect(names(first.json)).toEqual(['b', 'd']);
    await api.call('DELETE', `${loc}/datasets/b`); // already returned
    await api.call('POST', `${loc}/datasets?datasetId=a`); // sorts before the cursor
    await api.call('POST', `${loc}/datasets?datasetId=e`); // sorts after the cursor
    const token = encodeURIComponent(String(obj(first.json)['nextPageToken']));
    const second = await api.get(`${loc}/datasets?pageSize=2&pageToken=${token}`);
    expect(names(second.json)).toEqual(['e', 'f']);
  });

  it('accepts pageSize=1000 and rejects 1001, negative and non-integer sizes with a 400 envelope', async () => {
    const max = await api.get(`${BIG}/datasets?pageSize=1000`);
    expect(names(max.json)).toEqual(ids);
    expect(obj(max.json)).not.toHaveProperty('nextPageToken');
    for (const bad of ['1001', '-1', '1.5', 'abc', '1e3']) {
      expectEnvelope(await api.get(`${BIG}/datasets?pageSize=${bad}`), 400, 'INVALID_ARGUMENT');
    }
  });

  it('rejects malformed page tokens and tokens of another list with 400', async () => {
    for (const bad of ['garbage!', 'Zm9v', encodePageToken('projects/other/locations/x/datasets', 'ds-001')]) {
      expectEnvelope(await api.get(`${BIG}/datasets?pageToken=${encodeURIComponent(bad)}`), 400, 'INVALID_ARGUMENT');
    }
  });

  it('pages stores and operations the same way', async () => {
    const ds = `${BIG}/datasets/ds-000`;
    for (const id of ['s3', 's1', 's2']) await api.call('POST', `${ds}/dicomStores?dicomStoreId=${id}`);
    const first = obj((await api.get(`${ds}/dicomStores?pageSize=2`)).json);
    expect((first['dicomStores'] as unknown[]).map((s) => obj(s)['name'])).toEqual([`${ds}/dicomStores/s1`, `${ds}/dicomStores/s2`]);
    const second = obj((await api.get(`${ds}/dicomStores?pageSize=2&pageToken=${String(first['nextPageToken'])}`)).json);
    expect((second['dicomStores'] as unknown[]).map((s) => obj(s)['name'])).toEqual([`${ds}/dicomStores/s3`]);
    expect(second).not.toHaveProperty('nextPageToken');
    expectEnvelope(await api.get(`${ds}/operations?pageSize=1001`), 400, 'INVALID_ARGUMENT');
    // A store-list token is not a dataset-list token.
    expectEnvelope(await api.get(`${BIG}/datasets?pageToken=${String(first['nextPageToken'])}`), 400, 'INVALID_ARGUMENT');
  });
});

describe('paging helpers', () => {
  it('parsePageSize applies default and bounds', () => {
    expect(parsePageSize(undefined)).toBe(100);
    expect(parsePageSize('')).toBe(100);
    expect(parsePageSize('0')).toBe(100);
    expect(parsePageSize('7')).toBe(7);
    expect(parsePageSize('1000')).toBe(1000);
    expect(() => parsePageSize('1001')).toThrow(/at most 1000/);
    expect(() => parsePageSize('-3')).toThrow(/negative/);
    expect(() => parsePageSize('x')).toThrow(/page_size/);
  });

  it('tokens round-trip and are bound to their collection', () => {
    const token = encodePageToken('c1', 'id/with?odd chars');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken('c1', token)).toBe('id/with?odd chars');
    expect(() => decodePageToken('c2', token)).toThrow(/Invalid page token/);
  });

  it('paginate sorts by code unit, not locale', () => {
    const page = paginate(['b', 'B', 'a', 'A'], (s) => s, 'c', 10, undefined);
    expect(page.items).toEqual(['A', 'B', 'a', 'b']);
    expect(page.nextPageToken).toBeUndefined();
  });
});
