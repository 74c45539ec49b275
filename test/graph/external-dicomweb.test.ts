/**
 * External DICOMweb servers as DICOM stores, against a small fake DICOMweb server on 127.0.0.1 that
 * records every request: routing, listing, paging, the quirks' query encoding, rendered images, and
 * that the caller's Google token never reaches it (only the configured Authorization header does).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encode as encodePng } from 'fast-png';
import { startApp, type RunningApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { graphql, startTestApp, upstreamCalls } from '../helpers/app.js';

const DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const GOOGLE_TOKEN = 'ya29.caller-google-token';
const ORTHANC_AUTH = 'Basic b3J0aGFuYzpvcnRoYW5j';
const PNG = encodePng({ width: 2, height: 3, data: new Uint8Array(2 * 3 * 3), channels: 3 });

type Row = Record<string, { vr: string; Value: unknown[] }>;
const pn = (name: string) => ({ vr: 'PN', Value: [{ Alphabetic: name }] });
const ui = (uid: string) => ({ vr: 'UI', Value: [uid] });

/** Five studies of one series with two instances each; names chosen to tell wildcards from matches. */
const PATIENTS = ['Doe^Jane', 'Van Helsing^Abraham', 'Van-Helsing^Abraham', 'Müller^Jörg', 'Roe^Richard'];
const STUDIES: Row[] = PATIENTS.map((name, index) => ({
  '0020000D': ui(`1.2.3.${index + 1}`),
  '00100010': pn(name),
  '00100020': { vr: 'LO', Value: [`P${index + 1}`] },
  '00080020': { vr: 'DA', Value: [`2024010${index + 1}`] },
  '00201206': { vr: 'IS', Value: [1] },
  '00201208': { vr: 'IS', Value: [2] },
}));
/** Metadata of this study's instances fails with 500. */
const BROKEN = '1.2.3.5';
const seriesOf = (study: string): Row => ({ '0020000D': ui(study), '0020000E': ui(`${study}.1`), '00080060': { vr: 'CS', Value: ['CT'] } });
const instancesOf = (study: string): Row[] => [1, 2].map((number) => ({
  '0020000D': ui(study), '0020000E': ui(`${study}.1`), '00080018': ui(`${study}.1.${number}`), '00200013': { vr: 'IS', Value: [number] },
  '00280010': { vr: 'US', Value: [3] }, '00280011': { vr: 'US', Value: [2] },
}));

interface FakeDicomWeb {
  url: string;
  requests: { url: string; authorization?: string; accept?: string }[];
  close(): Promise<void>;
}

/**
 * A DICOMweb server in the manner of `quirks`: `orthanc` reads query values without percent-decoding
 * them, matches names case-insensitively with `*`/`?` wildcards, and answers 200 `[]` when nothing
 * matches; `standard` decodes, matches exactly and answers 204.
 */
async function startFakeDicomWeb(quirks: 'orthanc' | 'standard'): Promise<FakeDicomWeb> {
  const requests: FakeDicomWeb['requests'] = [];
  const params = (request: IncomingMessage): [string, string][] => {
    const url = request.url ?? '';
    const raw = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    const pairs = raw === '' ? [] : raw.split('&').map((pair) => pair.split('=') as [string, string]);
    return quirks === 'orthanc' ? pairs : [...new URLSearchParams(raw)];
  };
  const MATCH_KEYS: Record<string, string> = { PatientName: '00100010', PatientID: '00100020', StudyInstanceUID: '0020000D' };
  const matches = (row: Row, key: string, value: string) => {
    const [first] = row[MATCH_KEYS[key]!]!.Value as (string | { Alphabetic: string })[];
    const actual = typeof first === 'string' ? first : first!.Alphabetic;
    if (quirks === 'standard' || key !== 'PatientName') return actual === value;
    const pattern = value.replace(/[.+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${pattern}$`, 'iu').test(actual);
  };
  const server: Server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization, accept: request.headers.accept });
    const path = (request.url ?? '').split('?')[0]!.replace(/^\/pacs\/dicom-web\//, '');
    const query = params(request);
    let rows: Row[] | undefined;
    let match: RegExpExecArray | null;
    if (path === 'studies') {
      rows = STUDIES.filter((row) => query.every(([key, value]) => MATCH_KEYS[key] === undefined || matches(row, key, value)));
    } else if ((match = /^studies\/([\d.]+)\/series$/.exec(path))) {
      rows = [seriesOf(match[1]!)];
    } else if ((match = /^studies\/([\d.]+)(?:\/series\/[\d.]+)?\/instances$/.exec(path))) {
      rows = STUDIES.some((study) => study['0020000D']!.Value[0] === match![1]) ? instancesOf(match[1]!) : [];
    } else if (path.startsWith(`studies/${BROKEN}/`) && path.endsWith('/metadata')) {
      response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal error</h1>');
      return;
    } else if ((match = /^studies\/([\d.]+)\/series\/[\d.]+\/instances\/([\d.]+)\/metadata$/.exec(path))) {
      rows = instancesOf(match[1]!).filter((row) => row['00080018']!.Value[0] === match![2]);
    } else if ((match = /^studies\/([\d.]+)\/series\/[\d.]+\/instances\/([\d.]+)\/frames\/1\/rendered$/.exec(path))) {
      if (instancesOf(match[1]!).some((row) => row['00080018']!.Value[0] === match![2]) && STUDIES.some((study) => study['0020000D']!.Value[0] === match![1])) {
        response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
        return;
      }
    }
    if (rows === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such resource');
      return;
    }
    const offset = Number(query.find(([key]) => key === 'offset')?.[1] ?? 0);
    const limit = Number(query.find(([key]) => key === 'limit')?.[1] ?? 1000);
    const page = rows.slice(offset, offset + limit);
    if (page.length === 0 && quirks === 'standard') response.writeHead(204).end();
    else response.writeHead(200, { 'content-type': 'application/dicom+json' }).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pacs/dicom-web`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let orthanc: FakeDicomWeb;
let standard: FakeDicomWeb;
let app: RunningApp;
const asCaller = { authorization: `Bearer ${GOOGLE_TOKEN}` };
const query = (text: string, variables: Record<string, unknown> = {}) => graphql(app, text, variables, asCaller);

beforeAll(async () => {
  [orthanc, standard] = await Promise.all([startFakeDicomWeb('orthanc'), startFakeDicomWeb('standard')]);
  app = await startTestApp({
    AUTH_MODE: 'passthrough',
    ORTHANC_AUTH,
    DICOMWEB_SERVERS: JSON.stringify([
      { id: 'orthanc', url: orthanc.url, dataset: 'demo', authHeaderEnv: 'ORTHANC_AUTH', quirks: 'orthanc' },
      { id: 'archive', url: `${standard.url}/`, dataset: 'demo' },
    ]),
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await Promise.all([orthanc?.close(), standard?.close()]);
});

describe('external DICOMweb servers as DICOM stores', () => {
  it('lists them among the dataset\'s DICOM stores by id, marked external, and pages through them', async () => {
    const result = await query(`{ dataset(id: "demo") { dicomStores { nodes { name storeId external labels { key } } }
      first: dicomStores(first: 2) { nodes { storeId } pageInfo { hasNextPage endCursor } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.dataset.dicomStores.nodes).toEqual([
      { name: `${DATASET}/dicomStores/archive`, storeId: 'archive', external: true, labels: [] },
      { name: `${DATASET}/dicomStores/dicom`, storeId: 'dicom', external: false, labels: [{ key: 'source' }] },
      { name: `${DATASET}/dicomStores/orthanc`, storeId: 'orthanc', external: true, labels: [] },
    ]);
    const { nodes, pageInfo } = result.data.dataset.first;
    expect([nodes, pageInfo.hasNextPage]).toEqual([[{ storeId: 'archive' }, { storeId: 'dicom' }], true]);
    const rest = await query('query($after: String) { dataset(id: "demo") { dicomStores(first: 2, after: $after) { nodes { storeId } pageInfo { hasNextPage } } } }', { after: pageInfo.endCursor });
    expect(rest.data.dataset.dicomStores).toEqual({ nodes: [{ storeId: 'orthanc' }], pageInfo: { hasNextPage: false } });
  });

  it('finds one by id in its dataset and by full name', async () => {
    const result = await query(`{ dataset(id: "demo") { dicomStore(id: "orthanc") { external } }
      dicomStore(name: "${DATASET}/dicomStores/archive") { storeId external dataset { datasetId } } }`);
    expect(result.data).toEqual({ dataset: { dicomStore: { external: true } }, dicomStore: { storeId: 'archive', external: true, dataset: { datasetId: 'demo' } } });
  });

  it('pages studies with QIDO offsets and goes down to series, instances, metadata and rendered images', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const result: any = await query(`query($after: String) { dicomStore(name: "${DATASET}/dicomStores/orthanc") { studies(first: 2, after: $after) {
        nodes { studyInstanceUid patientName } pageInfo { hasNextPage endCursor } } } }`, { after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data.dicomStore.studies.nodes.map((study: { patientName: string }) => study.patientName));
      after = result.data.dicomStore.studies.pageInfo.hasNextPage ? result.data.dicomStore.studies.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual(PATIENTS);
    expect(orthanc.requests.filter((request) => request.url.startsWith('/pacs/dicom-web/studies?')).map((request) => request.url.replace(/includefield=\w+&/g, ''))).toEqual(
      expect.arrayContaining(['/pacs/dicom-web/studies?limit=3', '/pacs/dicom-web/studies?limit=3&offset=2', '/pacs/dicom-web/studies?limit=3&offset=4']),
    );

    const result = await query(`{ dicomStore(name: "${DATASET}/dicomStores/orthanc") { study(uid: "1.2.3.1") { id series { nodes { modality
      instances { nodes { sopInstanceUid rows columns metadata renderedUrl } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const [instance] = result.data.dicomStore.study.series.nodes[0].instances.nodes;
    expect(instance).toMatchObject({ sopInstanceUid: '1.2.3.1.1.1', rows: 3, columns: 2, metadata: { '00080018': ui('1.2.3.1.1.1') } });
    expect(instance.renderedUrl).toBe(`${app.graph.url}/dicom/${DATASET}/dicomStores/orthanc/dicomWeb/studies/1.2.3.1/series/1.2.3.1.1/instances/1.2.3.1.1.1/frames/1/rendered?format=png`);

    const image = await fetch(instance.renderedUrl, { headers: asCaller });
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from(PNG));
    expect(orthanc.requests.at(-1)).toMatchObject({ url: '/pacs/dicom-web/studies/1.2.3.1/series/1.2.3.1.1/instances/1.2.3.1.1.1/frames/1/rendered', accept: 'image/png' });

    const node = await query('query($id: ID!) { node(id: $id) { ... on Study { patientName } } }', { id: result.data.dicomStore.study.id });
    expect(node.data).toEqual({ node: { patientName: 'Doe^Jane' } });
  });

  it('sends `^` unencoded to an Orthanc store and percent-encoded to a standard one', async () => {
    for (const [store, server, sent] of [['orthanc', orthanc, 'PatientName=Doe^Jane'], ['archive', standard, 'PatientName=Doe%5EJane']] as const) {
      const result = await query(`{ dicomStore(name: "${DATASET}/dicomStores/${store}") { studies(filter: { patientName: "Doe^Jane" }) { nodes { patientId } } } }`);
      expect([store, result.data?.dicomStore.studies.nodes]).toEqual([store, [{ patientId: 'P1' }]]);
      expect(server.requests.at(-1)!.url).toContain(`?${sent}&`);
    }
  });

  it('matches names Orthanc cannot receive through a wildcard, then keeps only the exact ones', async () => {
    for (const [name, sent, expected] of [['Van Helsing^Abraham', 'Van?Helsing^Abraham', 'P2'], ['Müller^Jörg', 'M*ller^J*rg', 'P4']]) {
      const result = await query(`query($name: String) { dicomStore(name: "${DATASET}/dicomStores/orthanc") { studies(filter: { patientName: $name }) { nodes { patientId } } } }`, { name });
      expect([name, result.data?.dicomStore.studies.nodes]).toEqual([name, [{ patientId: expected }]]);
      expect(orthanc.requests.at(-1)!.url).toContain(`?PatientName=${sent}&`);
    }
  });

  it('answers an empty search alike, whether the server says 200 [] or 204', async () => {
    for (const store of ['orthanc', 'archive']) {
      const result = await query(`{ dicomStore(name: "${DATASET}/dicomStores/${store}") { studies(filter: { patientId: "nobody" }) { nodes { patientId } pageInfo { hasNextPage } } } }`);
      expect([store, result.data?.dicomStore.studies]).toEqual([store, { nodes: [], pageInfo: { hasNextPage: false } }]);
    }
  });

  it('counts studies, series and instances over QIDO; storage sizes are unknown', async () => {
    const result = await query(`{ dicomStore(name: "${DATASET}/dicomStores/archive") { metrics { studyCount seriesCount instanceCount structuredStorageSizeBytes blobStorageSizeBytes } } }`);
    expect(result.data).toEqual({ dicomStore: { metrics: { studyCount: 5, seriesCount: 5, instanceCount: 10, structuredStorageSizeBytes: null, blobStorageSizeBytes: null } } });
  });

  it('searches them for a patient\'s imaging studies too', async () => {
    const before = orthanc.requests.length;
    const result = await query(`{ fhirStore(name: "${DATASET}/fhirStores/fhir") { patients(first: 1) { nodes { mrn imagingStudies { nodes { studyInstanceUid } } } } } }`);
    expect(result.errors).toBeUndefined();
    const { mrn } = result.data.fhirStore.patients.nodes[0];
    expect(orthanc.requests.slice(before).some((request) => request.url.includes(`PatientID=${mrn}`))).toBe(true);
  });

  it('sends them their own Authorization header or none, never the caller\'s Google token', async () => {
    // The graph does forward the caller's token (to the Cloud Healthcare side): it is refused without one.
    expect((await graphql(app, '{ datasets { nodes { name } } }')).status).toBe(401);
    const sent = [...orthanc.requests, ...standard.requests];
    expect(orthanc.requests.length).toBeGreaterThan(5);
    expect(new Set(orthanc.requests.map((request) => request.authorization))).toEqual(new Set([ORTHANC_AUTH]));
    expect(new Set(standard.requests.map((request) => request.authorization))).toEqual(new Set([undefined]));
    expect(sent.filter((request) => JSON.stringify(request).includes(GOOGLE_TOKEN))).toEqual([]);
  });

  it('counts their calls in /metrics', async () => {
    const before = await upstreamCalls(app, { kind: 'dicomweb' });
    await query(`{ dicomStore(name: "${DATASET}/dicomStores/archive") { studies(first: 1) { nodes { studyInstanceUid } } } }`);
    expect(await upstreamCalls(app, { kind: 'dicomweb' })).toBe(before + 1);
  });

  it('reports an error of the server on its field only, after retrying it', async () => {
    const result = await query(`{ dicomStore(name: "${DATASET}/dicomStores/orthanc") { ok: study(uid: "1.2.3.1") { studyInstanceUid }
      bad: study(uid: "${BROKEN}") { series { nodes { instances(first: 1) { nodes { sopInstanceUid metadata } } } } } } }`);
    expect(result.data?.dicomStore.ok).toEqual({ studyInstanceUid: '1.2.3.1' });
    expect(result.data?.dicomStore.bad.series.nodes[0].instances.nodes).toEqual([{ sopInstanceUid: `${BROKEN}.1.1`, metadata: null }]);
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([['dicomStore.bad.series.nodes.0.instances.nodes.0.metadata', 'UPSTREAM_ERROR']]);
    expect(result.errors?.[0]?.message).toMatch(/^DICOMweb server "orthanc" \(dicomweb\) failed: HTTP 5\d\d/);
    expect(orthanc.requests.filter((request) => request.url.endsWith(`${BROKEN}.1.1/metadata`))).toHaveLength(4); // UPSTREAM_RETRIES=3
    const missing = await fetch(`${app.graph.url}/dicom/${DATASET}/dicomStores/orthanc/dicomWeb/studies/9.9/series/9.9.1/instances/9.9.1.1/frames/1/rendered`, { headers: asCaller });
    expect(missing.status).toBe(404);
  });
});

describe('external DICOMweb servers and Cloud IAM', () => {
  it('has no IAM policy and reports no Cloud IAM permissions on them, and refuses to set a policy, without an upstream call', async () => {
    const requests = orthanc.requests.length;
    const result = await query(`{ dataset(id: "demo") { dicomStores(first: 100) { nodes { storeId external iamPolicy { etag } viewerPermissions } } } }`);
    expect(result.errors).toBeUndefined();
    const external = result.data?.dataset.dicomStores.nodes.find((store: { storeId: string }) => store.storeId === 'orthanc');
    expect(external).toEqual({ storeId: 'orthanc', external: true, iamPolicy: null, viewerPermissions: [] });
    const set = await query(`mutation($resource: String!) { setIamPolicy(input: { resource: $resource, bindings: [{ role: "roles/healthcare.dicomViewer", members: ["user:a@example.com"] }] }) { etag } }`,
      { resource: `${DATASET}/dicomStores/orthanc` });
    expect(set.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(orthanc.requests.length).toBe(requests);
  });
});

describe('external DICOMweb servers and the allow-lists', () => {
  it('applies ALLOWED_DICOM_STORES to them, in the graph and in the image proxy', async () => {
    const fake = await startFakeDicomWeb('standard');
    const servers = JSON.stringify([{ id: 'pacs', url: fake.url, dataset: 'demo' }, { id: 'hidden', url: fake.url, dataset: 'demo' }]);
    // Both must be allowed to be configured; the caller is then refused one of them by a narrower list.
    expect(() => loadConfig({ DICOMWEB_SERVERS: servers, ALLOWED_DICOM_STORES: 'pacs' })).toThrow(/"hidden" is not on ALLOWED_DICOM_STORES/);
    const allowed = await startTestApp({ DICOMWEB_SERVERS: JSON.stringify([{ id: 'pacs', url: fake.url, dataset: 'demo' }]), ALLOWED_DICOM_STORES: 'pacs' });
    try {
      const result = await graphql(allowed, `{ dataset(id: "demo") { dicomStores { nodes { storeId external } } }
        dicom: dicomStore(name: "${DATASET}/dicomStores/dicom") { studies(first: 1) { nodes { studyInstanceUid } } } }`);
      expect(result.data?.dataset).toEqual({ dicomStores: { nodes: [{ storeId: 'pacs', external: true }] } });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      const before = fake.requests.length;
      const image = await fetch(`${allowed.graph.url}/dicom/${DATASET}/dicomStores/hidden/dicomWeb/studies/1.2.3.1/series/1.2.3.1.1/instances/1.2.3.1.1.1/frames/1/rendered`);
      expect(image.status).toBe(403);
      expect(fake.requests.length).toBe(before);
    } finally {
      await allowed.close();
      await fake.close();
    }
  });

  it('refuses to start when an external id is the id of a Cloud Healthcare store of the dataset', async () => {
    const config = loadConfig({ PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'silent', DEMO_PATIENTS: '1', DICOMWEB_SERVERS: JSON.stringify([{ id: 'dicom', url: 'http://127.0.0.1:9/x', dataset: 'demo' }]) });
    await expect(startApp(config)).rejects.toThrow(ConfigError);
    await expect(startApp(config)).rejects.toThrow('server "dicom" has the id of the Cloud Healthcare DICOM store projects/demo/locations/us-central1/datasets/demo/dicomStores/dicom');
  });
});
