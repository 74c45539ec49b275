/**
 * The graph over a real Orthanc (Debian `orthanc` + `orthanc-dicomweb`: Orthanc 1.10.1, DICOMweb
 * plugin 1.7) configured as an external DICOMweb store (`DICOMWEB_SERVERS`, `"quirks": "orthanc"`),
 * with HTTP Basic authentication on. Orthanc is loaded with pydicom's real-world test files plus
 * copies whose patient names Orthanc cannot receive percent-encoded (space, UTF-8), and the graph
 * must list, page, filter and render them as it does Cloud Healthcare stores. Needs what
 * `bash scripts/e2e-setup.sh` installs; run with `npm run test:e2e`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RunningApp } from '../../src/app.js';
import { graphql, metricTotal, startTestApp } from '../helpers/app.js';
import { orthancMissing, pydicomTestFiles, type RunningOrthanc, startOrthanc } from './orthanc-server.js';

const TEST_FILES = pydicomTestFiles();
const MISSING = orthancMissing() ?? (TEST_FILES === undefined ? 'pydicom test files not found' : undefined);
if (MISSING !== undefined) {
  console.warn(`SKIPPED test/e2e/external-orthanc: ${MISSING}; run \`bash scripts/e2e-setup.sh\` (npm run test:e2e does).`);
}
const suite = MISSING === undefined ? describe : describe.skip;

const STORE = 'projects/demo/locations/us-central1/datasets/demo/dicomStores/orthanc';
/**
 * pydicom files: 8 studies, among them patient ID1 (`Lestrade^G`, 4 RGB instances in one series,
 * one of them 2 frames), grey CT and MR images, and a 32-bit RT dose Orthanc cannot render.
 */
const FILES = ['CT_small.dcm', 'MR_small.dcm', 'SC_rgb_small_odd.dcm', 'SC_rgb_rle_2frame.dcm', 'SC_rgb_jpeg_dcmtk.dcm', 'SC_rgb_dcmtk_+eb+cr.dcm', 'ExplVR_BigEnd.dcm', 'rtplan.dcm', 'liver_1frame.dcm', 'waveform_ecg.dcm', 'rtdose.dcm'];
/** Copies of CT_small.dcm as new studies of patients whose names need Orthanc's wildcard path. */
const NAMED = [
  { id: 'SPACE1', name: 'Van Helsing^Abraham', charset: 'ISO_IR 100' },
  { id: 'SPACE2', name: 'Van-Helsing^Abraham', charset: 'ISO_IR 100' },
  { id: 'UTF8', name: 'Müller^Jörg', charset: 'ISO_IR 192' },
];

/** Writes the NAMED copies with pydicom and returns their bytes. */
function namedCopies(dir: string): Buffer[] {
  const script = `
import json, sys, pydicom
from pydicom.uid import generate_uid
source, out, patients = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
for index, patient in enumerate(patients):
    ds = pydicom.dcmread(source)
    ds.SpecificCharacterSet = patient['charset']
    ds.PatientName = patient['name']
    ds.PatientID = patient['id']
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = generate_uid(), generate_uid(), generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.save_as(f"{out}/{index}.dcm")
`;
  execFileSync('/usr/bin/python3', ['-c', script, path.join(TEST_FILES!, 'CT_small.dcm'), dir, JSON.stringify(NAMED)]);
  return NAMED.map((_, index) => readFileSync(path.join(dir, `${index}.dcm`)));
}

let orthanc: RunningOrthanc;
let app: RunningApp;
let dir: string;

/** Orthanc's own answer to a QIDO search, as the reference. */
async function orthancQido(search: string): Promise<Record<string, { Value?: unknown[] }>[]> {
  const response = await fetch(`${orthanc.web}/${search}`, { headers: { authorization: orthanc.authorization!, accept: 'application/dicom+json' } });
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, { Value?: unknown[] }>[]>;
}
const uidsOf = (rows: Record<string, { Value?: unknown[] }>[], tag: string) => rows.map((row) => String(row[tag]!.Value![0])).sort();

/** Every node of a connection, page by page, following `endCursor`. */
async function allPages<T>(select: (after: string | null) => Promise<{ nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let pages = 0;
  for (let after: string | null = null; ;) {
    const page = await select(after);
    nodes.push(...page.nodes);
    pages += 1;
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    after = page.pageInfo.endCursor;
  }
}

async function data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await graphql(app, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

suite('Orthanc as an external DICOM store of the graph', () => {
  beforeAll(async () => {
    orthanc = await startOrthanc({ users: { graph: 'orthanc-e2e-secret' } });
    dir = mkdtempSync(path.join(tmpdir(), 'external-orthanc-'));
    const files = [...FILES.map((name) => readFileSync(path.join(TEST_FILES!, name))), ...namedCopies(dir)];
    for (const bytes of files) {
      const stored = await fetch(`${orthanc.rest}/instances`, { method: 'POST', headers: { authorization: orthanc.authorization!, 'content-type': 'application/dicom' }, body: new Uint8Array(bytes) });
      expect(stored.status).toBe(200);
    }
    app = await startTestApp({
      ORTHANC_AUTH: orthanc.authorization!,
      DICOMWEB_SERVERS: JSON.stringify([{ id: 'orthanc', url: orthanc.web, dataset: 'demo', authHeaderEnv: 'ORTHANC_AUTH', quirks: 'orthanc' }]),
    });
  });

  afterAll(async () => {
    await app?.close();
    await orthanc?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses callers without the Authorization header it is configured with', async () => {
    expect((await fetch(`${orthanc.web}/studies`)).status).toBe(401);
  });

  it('shows Orthanc among the demo dataset\'s DICOM stores', async () => {
    const { dataset } = await data('{ dataset(id: "demo") { dicomStores { nodes { storeId external } } } }');
    expect(dataset.dicomStores.nodes).toEqual([{ storeId: 'dicom', external: false }, { storeId: 'orthanc', external: true }]);
  });

  it('lists every study page by page, as Orthanc\'s own QIDO does', async () => {
    const expected = uidsOf(await orthancQido('studies'), '0020000D');
    expect(expected).toHaveLength(FILES.length - 3 + NAMED.length); // the four SC_rgb files are one study
    const { nodes, pages } = await allPages<{ studyInstanceUid: string }>(async (after) => (await data(`query($after: String) { dicomStore(name: "${STORE}") {
      studies(first: 4, after: $after) { nodes { studyInstanceUid } pageInfo { hasNextPage endCursor } } } }`, { after })).dicomStore.studies);
    expect(nodes.map((study) => study.studyInstanceUid).sort()).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it('finds a study by PatientName with `^`, and goes down to its series and instances, page by page', async () => {
    const { dicomStore } = await data(`{ dicomStore(name: "${STORE}") { studies(filter: { patientName: "Lestrade^G" }) { nodes {
      id studyInstanceUid patientId patientName numberOfSeries numberOfInstances modalities series { nodes { id seriesInstanceUid modality numberOfInstances } } } } } }`);
    const [study] = dicomStore.studies.nodes;
    expect(dicomStore.studies.nodes).toHaveLength(1);
    expect(study).toMatchObject({ patientId: 'ID1', patientName: 'Lestrade^G', numberOfSeries: 1, numberOfInstances: 4, modalities: ['OT'] });
    const [series] = study.series.nodes;
    expect(series).toMatchObject({ modality: 'OT', numberOfInstances: 4 });

    const { nodes, pages } = await allPages<{ sopInstanceUid: string; numberOfFrames: number }>(async (after) => (await data(`query($id: ID!, $after: String) { node(id: $id) { ... on Series {
      instances(first: 3, after: $after) { nodes { sopInstanceUid rows columns numberOfFrames } pageInfo { hasNextPage endCursor } } } } }`, { id: series.id, after })).node.instances);
    const expected = uidsOf(await orthancQido(`studies/${study.studyInstanceUid}/series/${series.seriesInstanceUid}/instances`), '00080018');
    expect(nodes.map((instance) => instance.sopInstanceUid).sort()).toEqual(expected);
    expect(pages).toBe(2);
    expect(nodes.map((instance) => instance.numberOfFrames).sort()).toEqual([1, 1, 1, 2]);
  });

  it('needs its quirks handled: Orthanc takes `%5E` literally and `?` as a wildcard', async () => {
    expect(await orthancQido('studies?PatientName=Lestrade%5EG')).toEqual([]);
    expect(uidsOf(await orthancQido('studies?PatientName=Lestrade^G'), '00100020')).toEqual(['ID1']);
    expect(uidsOf(await orthancQido('studies?PatientName=Van?Helsing^Abraham'), '00100020')).toEqual(['SPACE1', 'SPACE2']);
  });

  it.each([
    ['Lestrade^G', ['ID1']],
    ['lestrade^g', ['ID1']], // Orthanc matches names case-insensitively, and so does the graph over it
    ['Van Helsing^Abraham', ['SPACE1']], // the space goes as `?`, which also matches Van-Helsing: filtered out
    ['Müller^Jörg', ['UTF8']], // UTF-8 goes as `*`
    ['Van Helsing^Abrahan', []],
    ['Lestrade', []],
  ])('filters by PatientName %j exactly', async (patientName, ids) => {
    const { dicomStore } = await data(`query($name: String) { dicomStore(name: "${STORE}") { studies(filter: { patientName: $name }) { nodes { patientId } } } }`, { name: patientName });
    expect(dicomStore.studies.nodes.map((study: { patientId: string }) => study.patientId)).toEqual(ids);
  });

  it('serves renderedUrl as PNG and JPEG from Orthanc\'s /rendered', async () => {
    const [ct] = await orthancQido('instances?PatientID=1CT1');
    const { dicomStore } = await data(`{ dicomStore(name: "${STORE}") { study(uid: "${ct!['0020000D']!.Value![0]}") { series { nodes { instances { nodes {
      rows columns png: renderedUrl jpeg: renderedUrl(format: JPEG) } } } } } } }`);
    const instance = dicomStore.study.series.nodes[0].instances.nodes[0];
    expect(instance.png.startsWith(`${app.graph.url}/dicom/${STORE}/dicomWeb/studies/`)).toBe(true);

    const png = await fetch(instance.png);
    expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);
    const image = decodePng(new Uint8Array(await png.arrayBuffer()));
    expect([image.width, image.height]).toEqual([instance.columns, instance.rows]);

    const jpg = await fetch(instance.jpeg);
    expect([jpg.status, jpg.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const decoded = jpeg.decode(new Uint8Array(await jpg.arrayBuffer()));
    expect([decoded.width, decoded.height]).toEqual([instance.columns, instance.rows]);
  });

  it('answers 502 UPSTREAM_ERROR for an image Orthanc cannot render (32-bit RT dose)', async () => {
    const [dose] = await orthancQido('instances?PatientID=id11111');
    const { dicomStore } = await data(`{ dicomStore(name: "${STORE}") { study(uid: "${dose!['0020000D']!.Value![0]}") { series { nodes { instances { nodes { renderedUrl } } } } } } }`);
    const response = await fetch(dicomStore.study.series.nodes[0].instances.nodes[0].renderedUrl);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect([response.status, body.errors.map(({ extensions }) => extensions.code)]).toEqual([502, ['UPSTREAM_ERROR']]);
    expect(body.errors[0]!.message).not.toBe('');
  });

  it('reads instance metadata from Orthanc', async () => {
    const [row] = await orthancQido('instances?PatientID=ID1&limit=1');
    const { dicomStore } = await data(`{ dicomStore(name: "${STORE}") { study(uid: "${row!['0020000D']!.Value![0]}") { series { nodes { instances(first: 1) { nodes { sopInstanceUid metadata } } } } } } }`);
    const [instance] = dicomStore.study.series.nodes[0].instances.nodes;
    expect(instance.metadata['00080018'].Value).toEqual([instance.sopInstanceUid]);
    expect(instance.metadata['00100020'].Value).toEqual(['ID1']);
  });

  it('counts the store\'s studies, series and instances as Orthanc does', async () => {
    const statistics = await (await fetch(`${orthanc.rest}/statistics`, { headers: { authorization: orthanc.authorization! } })).json() as Record<string, number>;
    const { dicomStore } = await data(`{ dicomStore(name: "${STORE}") { metrics { studyCount seriesCount instanceCount structuredStorageSizeBytes blobStorageSizeBytes } } }`);
    expect(dicomStore.metrics).toEqual({
      studyCount: statistics.CountStudies, seriesCount: statistics.CountSeries, instanceCount: statistics.CountInstances,
      structuredStorageSizeBytes: null, blobStorageSizeBytes: null,
    });
  });

  it('counts Orthanc\'s calls in /metrics', async () => {
    const before = await metricTotal(app, 'healthcare_upstream_requests_total', { kind: 'dicomweb', status: '200' });
    await data(`{ dicomStore(name: "${STORE}") { studies(first: 1) { nodes { studyInstanceUid } } } }`);
    expect(await metricTotal(app, 'healthcare_upstream_requests_total', { kind: 'dicomweb', status: '200' })).toBe(before + 1);
  });
});
