/**
 * The graph's DICOMweb endpoint against the embedded emulator: Google's paths after the API root,
 * the graph's access rules before any upstream call, answers streamed with the upstream's status
 * and Content-Type, links rewritten to the endpoint, CORS for configured origins, STOW-RS only when
 * enabled. Passthrough mode forwards the caller's token (the emulator enforcing IAM decides).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { DEMO_DATASET, DEMO_DICOM_STORE } from '../helpers/demo-names.js';

const ROOT = `/dicomweb/v1/${DEMO_DICOM_STORE}/dicomWeb`;
const TOKENS = { root: 'token-root', viewer: 'token-viewer', nobody: 'token-nobody' };
const as = (who: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[who]}` });

function dicomWeb(app: RunningApp, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.graph.url}${path.startsWith('/') ? path : `${ROOT}/${path}`}`, init);
}

async function firstInstance(app: RunningApp, headers: Record<string, string> = {}): Promise<{ study: string; series: string; instance: string }> {
  const rows = await (await dicomWeb(app, 'instances?limit=1', { headers })).json() as Record<string, { Value: string[] }>[];
  const row = rows[0]!;
  return { study: row['0020000D']!.Value[0]!, series: row['0020000E']!.Value[0]!, instance: row['00080018']!.Value[0]! };
}

describe('DICOMweb endpoint (server credentials)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ ALLOWED_DICOM_STORES: 'dicom', DICOMWEB_CORS_ORIGINS: 'https://viewer.example.com', VIEWER_DIR: mkdtempSync(join(tmpdir(), 'no-viewer-')) });
  }, 120_000);
  afterAll(() => app?.close());

  it('searches studies at Google\'s path, answering DICOM JSON', async () => {
    const response = await dicomWeb(app, 'studies?includefield=all&fuzzymatching=false', { headers: { accept: 'application/dicom+json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/dicom+json');
    const rows = await response.json() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toHaveProperty('0020000D');
  });

  it('passes a 204 of an empty search on as 204', async () => {
    const response = await dicomWeb(app, 'studies?PatientID=nobody-has-this');
    expect(response.status).toBe(204);
  });

  it('rewrites BulkDataURIs in metadata to the endpoint, and serves them', async () => {
    const { study, series, instance } = await firstInstance(app);
    const response = await dicomWeb(app, `studies/${study}/series/${series}/instances/${instance}/metadata`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(app.apiUrl);
    const [metadata] = JSON.parse(text) as Record<string, { BulkDataURI?: string }>[];
    const pixelUri = metadata!['7FE00010']!.BulkDataURI!;
    expect(pixelUri.startsWith(`${app.graph.url}${ROOT}/studies/${study}/`)).toBe(true);
    const bulk = await fetch(pixelUri, { headers: { accept: 'application/octet-stream; transfer-syntax=*' } });
    expect(bulk.status).toBe(200);
    expect((await bulk.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('streams frames, rendered images and whole instances with the upstream\'s Content-Type', async () => {
    const { study, series, instance } = await firstInstance(app);
    const base = `studies/${study}/series/${series}/instances/${instance}`;
    const frames = await dicomWeb(app, `${base}/frames/1`, { headers: { accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' } });
    expect(frames.status).toBe(200);
    expect(frames.headers.get('content-type')).toMatch(/^multipart\/related;.*boundary=/);
    expect((await frames.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const rendered = await dicomWeb(app, `${base}/rendered`, { headers: { accept: 'image/png' } });
    expect([rendered.status, rendered.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(rendered.headers.get('cache-control')).toContain('private');
    const part10 = await dicomWeb(app, base, { headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
    expect(part10.status).toBe(200);
    const bytes = Buffer.from(await part10.arrayBuffer());
    expect(bytes.includes(Buffer.from('DICM'))).toBe(true);
  });

  it('refuses a store off the allow-list, a dataset outside the location and a malformed path with no upstream call', async () => {
    const other = `/dicomweb/v1/${DEMO_DATASET}/dicomStores/other/dicomWeb/studies`;
    const elsewhere = '/dicomweb/v1/projects/demo/locations/europe-west4/datasets/demo/dicomStores/dicom/dicomWeb/studies';
    const { result, calls } = await countUpstreamCalls(app, async () => [
      await dicomWeb(app, other),
      await dicomWeb(app, elsewhere),
      await dicomWeb(app, 'studies/1.2.3/../../x'),
      await dicomWeb(app, 'studies/not-a-uid/series'),
      await dicomWeb(app, 'workitems'),
    ]);
    expect(result.map((response) => response.status)).toEqual([403, 403, 400, 400, 400]);
    expect(((await result[0]!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect(calls).toBe(0);
  });

  it('passes upstream errors on with their status, never as 200', async () => {
    const response = await dicomWeb(app, 'studies/1.2.3.4.5.6.7/metadata');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('is read-only by default: STOW-RS is refused with no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => dicomWeb(app, 'studies', { method: 'POST', headers: { 'content-type': 'application/dicom' }, body: new Uint8Array(200) }));
    expect(result.status).toBe(403);
    expect(result.headers.get('allow')).toBe('GET, HEAD');
    expect(calls).toBe(0);
  });

  it('answers CORS preflights and requests from configured origins only', async () => {
    const preflight = await dicomWeb(app, 'studies', { method: 'OPTIONS', headers: { origin: 'https://viewer.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://viewer.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const actual = await dicomWeb(app, 'studies?limit=1', { headers: { origin: 'https://viewer.example.com' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://viewer.example.com');
    expect(actual.headers.get('access-control-expose-headers')).toContain('content-type');
    const { result, calls } = await countUpstreamCalls(app, () => dicomWeb(app, 'studies', { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } }));
    expect(result.status).toBe(403);
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
    expect(calls).toBe(0);
    const stranger = await dicomWeb(app, 'studies?limit=1', { headers: { origin: 'https://evil.example.com' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives viewerUrl null when no viewer is configured', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { studies(first: 1) { nodes { viewerUrl series(first: 1) { nodes { viewerUrl } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.dicomStore.studies.nodes[0]).toEqual({ viewerUrl: null, series: { nodes: [{ viewerUrl: null }] } });
  });
});

describe('DICOMweb endpoint (passthrough, writes on)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dicomweb-proxy-'));
    const principals = join(dir, 'principals.json');
    writeFileSync(principals, JSON.stringify({
      tokens: { [TOKENS.root]: 'user:root@example.com', [TOKENS.viewer]: 'user:viewer@example.com', [TOKENS.nobody]: 'user:nobody@example.com' },
      admins: ['user:root@example.com'],
    }));
    app = await startTestApp({
      AUTH_MODE: 'passthrough', EMULATOR_PRINCIPALS: principals, DICOMWEB_PROXY_WRITE: 'on', VIEWER_URL_TEMPLATE: 'https://ohif.example.com/viewer?StudyInstanceUIDs={study}&url={dicomWebRoot}',
    });
    const grant = await graphql(app, 'mutation($input: SetIamPolicyInput!) { setIamPolicy(input: $input) { etag } }', {
      input: { resource: DEMO_DICOM_STORE, bindings: [{ role: 'roles/healthcare.dicomViewer', members: ['user:viewer@example.com'] }] },
    }, as('root'));
    expect(grant.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => app?.close());

  it('answers 401 without a token, before any upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => dicomWeb(app, 'studies'));
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
    expect(calls).toBe(0);
  });

  it('forwards the caller\'s token: IAM upstream decides', async () => {
    expect((await dicomWeb(app, 'studies', { headers: as('viewer') })).status).toBe(200);
    expect((await dicomWeb(app, 'studies', { headers: as('nobody') })).status).toBe(403);
  });

  it('streams a STOW-RS upload through, and passes Google\'s 409 for a duplicate on with its body', async () => {
    const { study, series, instance } = await firstInstance(app, as('root'));
    const part10 = Buffer.from(await (await dicomWeb(app, `studies/${study}/series/${series}/instances/${instance}`, {
      headers: { ...as('root'), accept: 'application/dicom; transfer-syntax=*' },
    })).arrayBuffer());
    const stored = await dicomWeb(app, 'studies', { method: 'POST', headers: { ...as('root'), 'content-type': 'application/dicom', accept: 'application/dicom+json' }, body: part10 });
    expect(stored.status).toBe(409);
    const body = await stored.json() as Record<string, { Value?: unknown[] }>;
    expect(body['00081198']?.Value?.length).toBe(1);
    expect(JSON.stringify(body)).not.toContain(app.apiUrl);
    const refused = await dicomWeb(app, 'studies', { method: 'POST', headers: { ...as('viewer'), 'content-type': 'application/dicom' }, body: part10 });
    expect(refused.status).toBe(403);
  });

  it('fills viewerUrl from VIEWER_URL_TEMPLATE', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { studies(first: 1) { nodes { studyInstanceUid viewerUrl series(first: 1) { nodes { seriesInstanceUid viewerUrl } } } } } }`, {}, as('viewer'));
    expect(result.errors).toBeUndefined();
    const study = result.data?.dicomStore.studies.nodes[0];
    const root = encodeURIComponent(`${app.graph.url}${ROOT}`);
    expect(study.viewerUrl).toBe(`https://ohif.example.com/viewer?StudyInstanceUIDs=${study.studyInstanceUid}&url=${root}`);
    expect(study.series.nodes[0].viewerUrl).toBe(`${study.viewerUrl}&initialSeriesInstanceUID=${study.series.nodes[0].seriesInstanceUid}`);
  });
});

describe('DICOMweb endpoint in front of an external DICOMweb server', () => {
  let app: RunningApp;
  let server: Server;
  const seen: IncomingMessage[] = [];
  let finish: () => void = () => undefined;
  const EXTERNAL = `${DEMO_DATASET}/dicomStores/pacs`;

  beforeAll(async () => {
    // A DICOMweb server that sends the first part of a study at once and the rest only when told.
    server = createServer((request, response) => {
      seen.push(request);
      if (request.url?.startsWith('/dicom-web/studies?')) {
        response.writeHead(200, { 'content-type': 'application/dicom+json' });
        response.end(JSON.stringify([{ '0020000D': { vr: 'UI', Value: ['1.2.3'] }, '00081190': { vr: 'UR', Value: [`http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web/studies/1.2.3`] } }]));
        return;
      }
      response.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=b' });
      response.write('--b\r\nContent-Type: application/dicom\r\n\r\nfirst part');
      finish = () => response.end('\r\n--b--');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
    app = await startTestApp({ DICOMWEB_SERVERS: JSON.stringify([{ id: 'pacs', url, dataset: 'demo', authHeader: 'Basic cGFjczpzZWNyZXQ=' }]) });
  }, 120_000);
  afterAll(async () => {
    finish();
    await app?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('searches the external server through the same path, with its own credentials and its links rewritten', async () => {
    const response = await dicomWeb(app, `/dicomweb/v1/${EXTERNAL}/dicomWeb/studies?limit=1`, { headers: { authorization: 'Bearer caller-token' } });
    expect(response.status).toBe(200);
    const rows = await response.json() as Record<string, { Value: string[] }>[];
    expect(rows[0]!['00081190']!.Value[0]).toBe(`${app.graph.url}/dicomweb/v1/${EXTERNAL}/dicomWeb/studies/1.2.3`);
    const request = seen.at(-1)!;
    expect(request.headers.authorization).toBe('Basic cGFjczpzZWNyZXQ=');
  });

  it('streams a study retrieve: the first part reaches the viewer while the upstream is still sending', async () => {
    const response = await dicomWeb(app, `/dicomweb/v1/${EXTERNAL}/dicomWeb/studies/1.2.3`, { headers: { accept: 'multipart/related; type="application/dicom"' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('boundary=b');
    const reader = response.body!.getReader();
    const first = Buffer.from((await reader.read()).value!).toString();
    expect(first).toContain('first part');
    finish();
    let rest = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) rest += Buffer.from(read.value).toString();
    expect(rest).toContain('--b--');
  });
});
