import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { queryAllPages, type Page } from '../helpers/connections.js';

const DICOM = 'projects/demo/locations/us-central1/datasets/demo/dicomStores/dicom';
const STUDY_FIELDS = 'id studyInstanceUid studyDate accessionNumber description patientName patientId patientBirthDate modalities referringPhysicianName numberOfSeries numberOfInstances';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '30' });
}, 120_000);
afterAll(() => app.close());

async function qidoStudies(): Promise<string[]> {
  const response = await fetch(`${app.apiUrl}/${DICOM}/dicomWeb/studies?limit=1000`, { headers: { accept: 'application/dicom+json' } });
  return ((await response.json()) as Record<string, { Value: string[] }>[]).map((study) => study['0020000D']!.Value[0]!);
}

describe('studies, series and instances in the graph', () => {
  it('pages through all studies with first: 3 in the store\'s order', async () => {
    const expected = await qidoStudies();
    expect(expected.length).toBeGreaterThanOrEqual(20);
    const pages = await queryAllPages(app, `query($after: String) { dicomStore(name: "${DICOM}") { studies(first: 3, after: $after) {
        nodes { studyInstanceUid } pageInfo { hasNextPage endCursor } } } }`, {}, (data): Page<{ studyInstanceUid: string }> => data.dicomStore.studies);
    for (const page of pages) expect(page.nodes.length).toBeLessThanOrEqual(3);
    expect(pages.flatMap((page) => page.nodes.map((node) => node.studyInstanceUid))).toEqual(expected);
  });

  it('shows a study with its attributes, series and instances', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 1) { nodes { ${STUDY_FIELDS}
      series { nodes { id seriesInstanceUid modality seriesNumber description numberOfInstances
        instances(first: 2) { nodes { id sopInstanceUid sopClassUid instanceNumber rows columns numberOfFrames series { seriesInstanceUid } } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const study = result.data.dicomStore.studies.nodes[0];
    expect(study.studyInstanceUid).toMatch(/^2\.25\.\d+$/);
    expect(study.patientId).toMatch(/^MRN\d+$/);
    expect(study.studyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(study.description).toEqual(expect.any(String));
    expect(study.modalities.length).toBeGreaterThan(0);
    expect(study.numberOfSeries).toBe(study.series.nodes.length);
    const instanceTotal = study.series.nodes.reduce((sum: number, series: { numberOfInstances: number }) => sum + series.numberOfInstances, 0);
    expect(study.numberOfInstances).toBe(instanceTotal);
    const series = study.series.nodes[0];
    expect(study.modalities).toContain(series.modality);
    expect(series.instances.nodes[0]).toMatchObject({ sopClassUid: expect.stringMatching(/^1\.2\.840\.10008\.5\.1\.4\.1\.1\./), rows: expect.any(Number), columns: expect.any(Number), series: { seriesInstanceUid: series.seriesInstanceUid } });

    const again = await graphql(app, 'query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { ... on Study { studyInstanceUid } } b: node(id: $b) { ... on Series { seriesInstanceUid } } c: node(id: $c) { ... on Instance { sopInstanceUid } } }', {
      a: study.id, b: series.id, c: series.instances.nodes[0].id,
    });
    expect(again.data).toEqual({ a: { studyInstanceUid: study.studyInstanceUid }, b: { seriesInstanceUid: series.seriesInstanceUid }, c: { sopInstanceUid: series.instances.nodes[0].sopInstanceUid } });
  });

  it('serves rendered frames at renderedUrl as PNG and JPEG of the instance\'s size', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 1) { nodes { series(first: 1) { nodes { instances(first: 1) { nodes {
      rows columns png: renderedUrl jpeg: renderedUrl(format: JPEG) metadata } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const instance = result.data.dicomStore.studies.nodes[0].series.nodes[0].instances.nodes[0];
    expect(instance.png.startsWith(`${app.graph.url}/dicom/${DICOM}/dicomWeb/studies/`)).toBe(true);
    expect(instance.metadata['00280010'].Value[0]).toBe(instance.rows);

    const png = await fetch(instance.png);
    expect([png.status, png.headers.get('content-type'), png.headers.get('cache-control')]).toEqual([200, 'image/png', 'private, max-age=86400, immutable']);
    const image = decodePng(new Uint8Array(await png.arrayBuffer()));
    expect([image.width, image.height]).toEqual([instance.columns, instance.rows]);

    const jpg = await fetch(instance.jpeg);
    expect(jpg.headers.get('content-type')).toBe('image/jpeg');
    const decoded = jpeg.decode(new Uint8Array(await jpg.arrayBuffer()));
    expect([decoded.width, decoded.height]).toEqual([instance.columns, instance.rows]);
  });

  it('links studies and FHIR patients both ways by MRN', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 5) { nodes { studyInstanceUid patientId patient { resourceId mrn
      imagingStudies(first: 10) { nodes { studyInstanceUid patientId } } } } } } }`);
    expect(result.errors).toBeUndefined();
    for (const study of result.data.dicomStore.studies.nodes) {
      expect(study.patient.mrn).toBe(study.patientId);
      const uids = study.patient.imagingStudies.nodes.map((node: { studyInstanceUid: string }) => node.studyInstanceUid);
      expect(uids).toContain(study.studyInstanceUid);
      expect(study.patient.imagingStudies.nodes.every((node: { patientId: string }) => node.patientId === study.patientId)).toBe(true);
    }
  });

  it('filters studies by PatientID, date range and fuzzy name', async () => {
    const all = (await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 100) { nodes { studyInstanceUid patientId patientName studyDate } } } }`)).data.dicomStore.studies.nodes;
    const sample = all[0];
    const family = sample.patientName.split('^')[0];
    const result = await graphql(app, `query($id: String!, $from: Date!, $to: Date!, $name: String!) { dicomStore(name: "${DICOM}") {
      byId: studies(filter: { patientId: $id }, first: 100) { nodes { patientId } }
      byDate: studies(filter: { studyDateFrom: $from, studyDateTo: $to }, first: 100) { nodes { studyDate } }
      byName: studies(filter: { patientName: $name, fuzzy: true }, first: 100) { nodes { patientName } } } }`,
    { id: sample.patientId, from: sample.studyDate, to: sample.studyDate, name: family.slice(0, 3).toLowerCase() });
    expect(result.errors).toBeUndefined();
    const { byId, byDate, byName } = result.data.dicomStore;
    expect(byId.nodes.length).toBe(all.filter((study: { patientId: string }) => study.patientId === sample.patientId).length);
    expect(byDate.nodes.length).toBe(all.filter((study: { studyDate: string }) => study.studyDate === sample.studyDate).length);
    expect(byName.nodes.length).toBeGreaterThanOrEqual(1);
  });
});

describe('upstream calls', () => {
  it('a 20-study list with series: one QIDO for the studies and one per study for its series', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 20) { nodes { description modalities numberOfInstances series { nodes { modality description } } } } } }`), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.studies.nodes).toHaveLength(20);
    expect(calls).toBe(1 + 20);
  });

  const SERIES_FIELDS = 'seriesInstanceUid modality description seriesNumber numberOfInstances';
  const INSTANCE_FIELDS = 'sopInstanceUid sopClassUid instanceNumber rows columns numberOfFrames';

  it('studies with series and their instances: one instance search per study gives the same lists as searching each series', async () => {
    const query = (withInstances: boolean) => `{ dicomStore(name: "${DICOM}") { studies(first: 20) { nodes { studyInstanceUid
      series { nodes { ${SERIES_FIELDS} ${withInstances ? `instances(first: 2) { nodes { ${INSTANCE_FIELDS} } pageInfo { hasNextPage } }` : ''} } } } } } }`;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query(true)), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1 + 20);

    const plain = await graphql(app, query(false));
    const withoutInstances = result.data.dicomStore.studies.nodes.map((study: any) => ({ ...study, series: { nodes: study.series.nodes.map(({ instances: _instances, ...series }: any) => series) } }));
    expect(withoutInstances).toEqual(plain.data.dicomStore.studies.nodes);
    for (const study of result.data.dicomStore.studies.nodes.slice(0, 5)) {
      for (const series of study.series.nodes) {
        const own = await graphql(app, `{ dicomStore(name: "${DICOM}") { study(uid: "${study.studyInstanceUid}") { series { nodes { seriesInstanceUid
          instances(first: 2) { nodes { ${INSTANCE_FIELDS} } pageInfo { hasNextPage } } } } } } }`);
        const match = own.data.dicomStore.study.series.nodes.find((node: any) => node.seriesInstanceUid === series.seriesInstanceUid);
        expect(series.instances).toEqual(match.instances);
      }
    }
  });

  it('pages a learned series list and its instances on from their cursors', async () => {
    const [study] = (await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 30) { nodes { studyInstanceUid numberOfSeries } } } }`))
      .data.dicomStore.studies.nodes.filter((node: any) => node.numberOfSeries >= 2);
    const pages = await queryAllPages(app, `query($after: String) { dicomStore(name: "${DICOM}") { study(uid: "${study.studyInstanceUid}") {
      series(first: 1, after: $after) { nodes { seriesInstanceUid instances(first: 1) { nodes { sopInstanceUid } } } pageInfo { hasNextPage endCursor } } } } }`, {},
    (data): Page<{ seriesInstanceUid: string }> => data.dicomStore.study.series);
    const seen = pages.flatMap((series) => series.nodes.map((node) => node.seriesInstanceUid));
    const all = await graphql(app, `{ dicomStore(name: "${DICOM}") { study(uid: "${study.studyInstanceUid}") { series(first: 100) { nodes { seriesInstanceUid } } } } }`);
    expect(seen).toEqual(all.data.dicomStore.study.series.nodes.map((node: any) => node.seriesInstanceUid));
  });

  it('a patient\'s studies with series: one series search by PatientID, the same studies and series as searching studies', async () => {
    const [patient] = (await graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 30) { nodes { patient { resourceId } } } } }`))
      .data.dicomStore.studies.nodes.map((node: any) => node.patient);
    const chart = (withSeries: boolean) => `{ fhirStore(name: "projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir") { patient(id: "${patient.resourceId}") {
      imagingStudies(first: 10) { nodes { ${STUDY_FIELDS} ${withSeries ? `series(first: 20) { nodes { ${SERIES_FIELDS} } }` : ''} } pageInfo { hasNextPage } } } } }`;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, chart(true)), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1);

    const plain = await graphql(app, chart(false));
    const studies = result.data.fhirStore.patient.imagingStudies.nodes;
    expect(studies.length).toBeGreaterThanOrEqual(1);
    expect(studies.map(({ series: _series, ...study }: any) => ({ ...study, modalities: [...study.modalities].sort() })))
      .toEqual(plain.data.fhirStore.patient.imagingStudies.nodes.map((study: any) => ({ ...study, modalities: [...study.modalities].sort() })));
    for (const study of studies) {
      const own = await graphql(app, `{ dicomStore(name: "${DICOM}") { study(uid: "${study.studyInstanceUid}") { series(first: 20) { nodes { ${SERIES_FIELDS} } } } } }`);
      expect(study.series).toEqual(own.data.dicomStore.study.series);
    }
  });
});

describe('bad input', () => {
  it.each([
    ['a study UID with letters', `{ dicomStore(name: "${DICOM}") { study(uid: "1.2.abc") { id } } }`],
    ['a study UID that is too long', `{ dicomStore(name: "${DICOM}") { study(uid: "${'1.'.repeat(40)}1") { id } } }`],
    ['a UID with a path', `{ dicomStore(name: "${DICOM}") { studies(filter: { studyInstanceUid: "1.2/../3" }) { nodes { id } } } }`],
    ['a wildcard match value', `{ dicomStore(name: "${DICOM}") { studies(filter: { patientName: "*" }) { nodes { id } } } }`],
  ])('refuses %s with BAD_USER_INPUT and no DICOMweb call', async (_what, query) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query), { kind: 'dicomweb' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });

  it.each([
    ['a bad UID', `/dicom/${DICOM}/dicomWeb/studies/1.2.x/series/1.2/instances/1.3/frames/1/rendered`, 400],
    ['frame 0', `/dicom/${DICOM}/dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/0/rendered`, 400],
    ['an unknown format', `/dicom/${DICOM}/dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/1/rendered?format=gif`, 400],
    ['a store of another project', '/dicom/projects/other/locations/us-central1/datasets/demo/dicomStores/dicom/dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/1/rendered', 403],
    ['a traversal', `/dicom/${DICOM}/dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/1/../../../../../../x/rendered`, 400],
    ['a missing instance', `/dicom/${DICOM}/dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/1/rendered`, 404],
  ])('the image proxy refuses %s', async (_what, path, status) => {
    const response = await fetch(`${app.graph.url}${path}`);
    expect(response.status).toBe(status);
  });
});
