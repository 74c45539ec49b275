import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRecordingProxy, type RecordingProxy } from '../../bench/src/proxy.js';
import { RestClient } from '../../bench/src/rest.js';
import { classifyCall, countWaves, maxInFlight, summarizeCalls, waveLevels, type CallRecord } from '../../bench/src/waves.js';

const call = (start: number, end: number, path = '/v1/x'): CallRecord => ({ method: 'GET', path, start, end, status: 200 });

describe('waves: the longest chain of calls where each starts at or after the previous one ended', () => {
  it('is 0 without calls and 1 for calls that all overlap', () => {
    expect(countWaves([])).toBe(0);
    expect(countWaves([call(0, 20), call(1, 21), call(2, 25)])).toBe(1);
  });

  it('counts a strictly sequential run as one wave per call', () => {
    expect(countWaves([call(0, 20), call(21, 41), call(42, 60)])).toBe(3);
  });

  it('chains a call that starts exactly when the previous one ended', () => {
    expect(countWaves([call(0, 20), call(20, 40)])).toBe(2);
  });

  it('follows the longest chain, not the first or the widest one', () => {
    // A→C→D→E is the critical path (4); B is long but only one wave deep before E.
    const calls = [call(0, 5), call(6, 30), call(10, 12), call(13, 15), call(31, 32)];
    expect(countWaves(calls)).toBe(4);
    expect(waveLevels(calls)).toEqual([1, 2, 2, 3, 4]);
  });

  it('does not depend on the order the calls are listed in', () => {
    const calls = [call(31, 32), call(13, 15), call(0, 5), call(10, 12), call(6, 30)];
    expect(countWaves(calls)).toBe(4);
    expect(waveLevels(calls)).toEqual([4, 3, 1, 2, 2]);
  });

  it('puts a call that overlaps every earlier call in the first wave', () => {
    // The store read and a search that starts before it ends: one wave; the follow-up reads after both: two.
    expect(waveLevels([call(0, 20), call(5, 25), call(26, 46), call(27, 50)])).toEqual([1, 1, 2, 2]);
  });

  it('summarizes calls per wave, kinds, failures and the most in flight', () => {
    const calls = [
      call(0, 20, '/v1/projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Patient?_count=20'),
      call(21, 41, '/v1/projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Practitioner?_id=a,b'),
      { ...call(22, 42, '/v1/projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir/fhir/Organization/org-1'), status: 404 },
    ];
    expect(summarizeCalls(calls)).toEqual({
      upstreamCalls: 3,
      waves: 2,
      maxInFlight: 2,
      byKind: { 'fhir-search': 2, 'fhir-read': 1 },
      perWave: [1, 2],
      failedCalls: 1,
    });
  });

  it('counts calls in flight at the same instant; touching calls do not overlap', () => {
    expect(maxInFlight([call(0, 10), call(10, 20), call(10, 15)])).toBe(2);
    expect(maxInFlight([])).toBe(0);
  });

  it('classifies Cloud Healthcare paths', () => {
    const store = '/v1/projects/p/locations/l/datasets/d';
    expect(classifyCall('GET', `${store}/fhirStores/f/fhir/Patient/p1`)).toBe('fhir-read');
    expect(classifyCall('GET', `${store}/fhirStores/f/fhir/Patient?_id=a,b`)).toBe('fhir-search');
    expect(classifyCall('GET', `${store}/fhirStores/f/fhir/Patient/p1/$everything`)).toBe('fhir-search');
    expect(classifyCall('GET', `${store}/dicomStores/s/dicomWeb/studies?limit=25`)).toBe('qido');
    expect(classifyCall('GET', `${store}/dicomStores/s/dicomWeb/studies/1.2/series/1.3/instances/1.4/metadata`)).toBe('wado');
    expect(classifyCall('GET', `${store}/dicomStores/s:getDICOMStoreMetrics`)).toBe('admin');
    expect(classifyCall('GET', '/healthz')).toBe('other');
  });
});

describe('the recording proxy', () => {
  const LATENCY_MS = 25;
  let upstream: Server;
  let proxy: RecordingProxy;
  let seenHosts: string[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seenHosts.push(req.headers.host ?? '');
      setTimeout(() => {
        res.writeHead(req.url?.includes('missing') ? 404 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url }));
      }, LATENCY_MS);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    proxy = await startRecordingProxy({ host: '127.0.0.1', port: (upstream.address() as AddressInfo).port });
  });

  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it('forwards calls unchanged and records one level of parallel calls and a dependent call as two waves', async () => {
    proxy.reset();
    seenHosts = [];
    const get = async (path: string) => (await fetch(`${proxy.url}${path}`)).json() as Promise<{ path: string }>;
    const answers = await Promise.all([get('/v1/a?x=1'), get('/v1/b'), get('/v1/c')]);
    expect(answers.map((answer) => answer.path)).toEqual(['/v1/a?x=1', '/v1/b', '/v1/c']);
    await get('/v1/d');
    await new Promise((resolve) => setImmediate(resolve));
    const records = proxy.records();
    expect(records.map((record) => record.path).sort()).toEqual(['/v1/a?x=1', '/v1/b', '/v1/c', '/v1/d']);
    expect(records.every((record) => record.end - record.start >= LATENCY_MS - 1)).toBe(true);
    expect(summarizeCalls(records)).toMatchObject({ upstreamCalls: 4, waves: 2, perWave: [3, 1], maxInFlight: 3 });
    // The Host header reaches the upstream unchanged, so links it builds point back at the proxy.
    expect(new Set(seenHosts)).toEqual(new Set([new URL(proxy.url).host]));
  });

  it('passes error statuses through and records them', async () => {
    proxy.reset();
    const response = await fetch(`${proxy.url}/v1/missing`);
    expect(response.status).toBe(404);
    await response.text();
    await new Promise((resolve) => setImmediate(resolve));
    expect(proxy.records().map((record) => record.status)).toEqual([404]);
  });

  it('only counts while recording is off', async () => {
    proxy.reset();
    proxy.recording = false;
    const before = proxy.total;
    await (await fetch(`${proxy.url}/v1/e`)).text();
    expect(proxy.total).toBe(before + 1);
    expect(proxy.records()).toEqual([]);
    proxy.recording = true;
  });

  it('sees a REST plan run level by level in parallel mode and call by call in sequential mode', async () => {
    const plan = async (client: RestClient) => {
      const [a, b] = await client.all([() => client.admin<{ path: string }>('one'), () => client.admin<{ path: string }>('two')] as const);
      await client.all([() => client.admin(`three?after=${a.path.length}`), () => client.admin(`four?after=${b.path.length}`)]);
      return client.calls;
    };
    for (const [mode, waves] of [['parallel', 2], ['sequential', 4]] as const) {
      proxy.reset();
      const client = new RestClient(`${proxy.url}/v1`, mode);
      expect(await plan(client)).toBe(4);
      await new Promise((resolve) => setImmediate(resolve));
      expect(summarizeCalls(proxy.records())).toMatchObject({ upstreamCalls: 4, waves });
    }
  });

  it('refuses to leave the API root', async () => {
    const client = new RestClient(`${proxy.url}/v1`, 'parallel');
    await expect(client.get('http://example.invalid/v1/x')).rejects.toThrow(/outside the API root/);
    expect(client.calls).toBe(0);
  });
});
