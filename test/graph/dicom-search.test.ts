/**
 * Store-wide DICOM series and instance searches (`DicomStore.series`, `DicomStore.instances`) and
 * `Study.series(filter:)`, against the embedded emulator with the demo data. The expected results
 * come from the demo cohort's imaging plan (what the demo loader wrote), not from a QIDO search.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { generateCohort } from '../../src/demo/cohort/index.js';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { queryAllPages, type Page } from '../helpers/connections.js';
import { DEMO_DICOM_STORE as DICOM, DEMO_DATASET } from '../helpers/demo-names.js';

const PATIENTS = 30;
const { imaging: STUDIES } = generateCohort({ patients: PATIENTS });
const EXTERNAL = `${DEMO_DATASET}/dicomStores/pacs`;

interface PlannedSeries { study: StudyPlan; uid: string; modality: string; instances: string[] }
const SERIES: PlannedSeries[] = STUDIES.flatMap((study) => study.series.map((series) => ({
  study, uid: series.seriesInstanceUid, modality: series.modality, instances: series.instances.map((instance) => instance.sopInstanceUid),
})));
const INSTANCES = SERIES.flatMap((series) => series.instances.map((uid) => ({ series, uid })));

/** Google's fuzzy matching: some query token is a prefix of some name token, ignoring case and accents. */
const tokens = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const fuzzyMatch = (name: string, query: string) => tokens(query).some((token) => tokens(name).some((part) => part.startsWith(token)));

/**
 * A DICOMweb server in front of the emulator's demo store, recording every request: the graph sees
 * it as an external DICOMweb server (`DICOMWEB_SERVERS`), so the same data answers through both paths.
 */
interface Relay { url: string; requests: string[]; target?: string; server: Server }
async function startRelay(): Promise<Relay> {
  const relay: Relay = { url: '', requests: [], server: createServer() };
  relay.server.on('request', (request, response) => {
    // The graph's start-up check asks before the emulator's address is known.
    if (relay.target === undefined) return void response.writeHead(503).end();
    relay.requests.push(request.url ?? '');
    void fetch(`${relay.target}${(request.url ?? '').replace(/^\/dicom-web/, '')}`, { headers: { accept: request.headers.accept ?? '*/*' } }).then(async (answer) => {
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    }, () => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => relay.server.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}/dicom-web`;
  return relay;
}

let app: RunningApp;
let relay: Relay;
beforeAll(async () => {
  relay = await startRelay();
  app = await startTestApp({ DEMO_PATIENTS: String(PATIENTS), DICOMWEB_SERVERS: JSON.stringify([{ id: 'pacs', url: relay.url, dataset: 'demo' }]) });
  relay.target = `${app.apiUrl}/${DICOM}/dicomWeb`;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => relay?.server.close(resolve));
});

type SeriesNode = { seriesInstanceUid: string; modality: string; study: { studyInstanceUid: string } };

/** Every series a filter finds, read page by page with `first`; each page's series, in order. */
async function searchSeries(filter: Record<string, unknown>, first = 100, store = DICOM): Promise<SeriesNode[][]> {
  const pages = await queryAllPages(app, `query($filter: SeriesFilter, $after: String) { dicomStore(name: "${store}") {
    series(filter: $filter, first: ${first}, after: $after) { nodes { seriesInstanceUid modality study { studyInstanceUid } } pageInfo { hasNextPage endCursor } } } }`,
  { filter }, (data): Page<SeriesNode> => data.dicomStore.series);
  return pages.map((page) => page.nodes);
}

const uids = (nodes: { seriesInstanceUid: string }[]) => nodes.map((node) => node.seriesInstanceUid).sort();
const expectedUids = (keep: (series: PlannedSeries) => boolean) => SERIES.filter(keep).map((series) => series.uid).sort();

describe('DicomStore.series', () => {
  const [first, second] = STUDIES;
  const named = STUDIES.find((study) => STUDIES.filter((other) => other.patient.dicomName === study.patient.dicomName).length === 1)!;
  const filters: [string, Record<string, unknown>, (series: PlannedSeries) => boolean][] = [
    ['no filter', {}, () => true],
    ...['CT', 'MR', 'CR', 'DX', 'US'].map((modality): [string, Record<string, unknown>, (series: PlannedSeries) => boolean] =>
      [`modality ${modality}`, { modality }, (series) => series.modality === modality]),
    ['a study', { studyInstanceUid: first!.studyInstanceUid }, (series) => series.study === first],
    ['a study and a modality', { studyInstanceUid: first!.studyInstanceUid, modality: first!.series[0]!.modality }, (series) => series.study === first && series.modality === first!.series[0]!.modality],
    ['a series', { seriesInstanceUid: second!.series[0]!.seriesInstanceUid }, (series) => series.uid === second!.series[0]!.seriesInstanceUid],
    ['a patient id', { patientId: second!.patient.mrn }, (series) => series.study.patient.mrn === second!.patient.mrn],
    ['a patient name', { patientName: named.patient.dicomName }, (series) => series.study.patient.dicomName === named.patient.dicomName],
    ['a fuzzy patient name', { patientName: named.patient.dicomName.slice(0, 3).toLowerCase(), fuzzy: true }, (series) => fuzzyMatch(series.study.patient.dicomName, named.patient.dicomName.slice(0, 3))],
    ['an accession number', { accessionNumber: second!.accessionNumber }, (series) => series.study.accessionNumber === second!.accessionNumber],
    ['a referring physician', { referringPhysicianName: first!.referringPhysicianName }, (series) => series.study.referringPhysicianName === first!.referringPhysicianName],
    ['a study date range', { studyDateFrom: '2018-01-01', studyDateTo: '2022-12-31' }, (series) => series.study.studyDate >= '20180101' && series.study.studyDate <= '20221231'],
    ['an open date range and a modality', { studyDateFrom: '2019-06-01', modality: 'CT' }, (series) => series.study.studyDate >= '20190601' && series.modality === 'CT'],
  ];

  it.each(filters)('finds the series of %s, each once, with its study', async (_what, filter, keep) => {
    const expected = expectedUids(keep);
    expect(expected.length).toBeGreaterThan(0);
    const nodes = (await searchSeries(filter)).flat();
    expect(uids(nodes)).toEqual(expected);
    for (const node of nodes) {
      const planned = SERIES.find((series) => series.uid === node.seriesInstanceUid)!;
      expect(node).toEqual({ seriesInstanceUid: planned.uid, modality: planned.modality, study: { studyInstanceUid: planned.study.studyInstanceUid } });
    }
  });

  it('the demo data makes every filter narrow the list', () => {
    const counts = filters.map(([, , keep]) => SERIES.filter(keep).length);
    expect(counts[0]).toBe(SERIES.length);
    for (const count of counts.slice(1)) expect(count).toBeLessThan(SERIES.length);
  });

  it.each([[1], [4], [7]])('paging with first: %i reaches every series exactly once, in the order of one unpaged search', async (size) => {
    const [whole] = await searchSeries({}, 100);
    const pages = await searchSeries({}, size);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(size);
    expect(pages.flat().map((node) => node.seriesInstanceUid)).toEqual(whole!.map((node) => node.seriesInstanceUid));
    expect(new Set(pages.flat().map((node) => node.seriesInstanceUid)).size).toBe(SERIES.length);
  });

  it('paging a modality reaches every series of it exactly once', async () => {
    const pages = await searchSeries({ modality: 'CT' }, 4);
    expect(pages.length).toBe(Math.ceil(expectedUids((series) => series.modality === 'CT').length / 4));
    const seen = pages.flat().map((node) => node.seriesInstanceUid);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(expectedUids((series) => series.modality === 'CT'));
  });

  it('a page is one QIDO call, whose one extra row tells whether more follow', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") {
      series(filter: { modality: "MR" }, first: 5) { nodes { seriesInstanceUid modality description seriesNumber numberOfInstances } pageInfo { hasNextPage } } } }`), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.series.nodes).toHaveLength(5);
    expect(result.data.dicomStore.series.pageInfo.hasNextPage).toBe(true);
    expect(calls).toBe(1);
  });

  it('a page of series with their studies: one call for the series and one per distinct study', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") {
      series(filter: { modality: "CR" }, first: 100) { nodes { seriesInstanceUid study { studyInstanceUid description } } } } }`), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    const studies = new Set(result.data.dicomStore.series.nodes.map((node: SeriesNode) => node.study.studyInstanceUid));
    expect(studies.size).toBe(new Set(SERIES.filter((series) => series.modality === 'CR').map((series) => series.study)).size);
    expect(calls).toBe(1 + studies.size);
  });

  it('a cursor works only on the search it came from', async () => {
    const page = await graphql(app, `{ dicomStore(name: "${DICOM}") { series(filter: { modality: "CT" }, first: 2) { pageInfo { endCursor } } } }`);
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($after: String) { dicomStore(name: "${DICOM}") {
      series(filter: { modality: "MR" }, first: 2, after: $after) { nodes { seriesInstanceUid } } } }`, { after: page.data.dicomStore.series.pageInfo.endCursor }));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });
});

describe('DicomStore.instances', () => {
  type InstanceNode = { sopInstanceUid: string; series: { seriesInstanceUid: string } };
  const study = STUDIES.find((candidate) => candidate.series.length >= 2)!;
  const [series, other] = study.series;
  const filters: [string, Record<string, unknown>, (instance: (typeof INSTANCES)[number]) => boolean][] = [
    ['a study and a series (studies/{st}/series/{se}/instances)', { studyInstanceUid: study.studyInstanceUid, seriesInstanceUid: series!.seriesInstanceUid }, (instance) => instance.series.uid === series!.seriesInstanceUid],
    ['a study (studies/{st}/instances)', { studyInstanceUid: study.studyInstanceUid }, (instance) => instance.series.study === study],
    ['a series only (instances?SeriesInstanceUID=)', { seriesInstanceUid: other!.seriesInstanceUid }, (instance) => instance.series.uid === other!.seriesInstanceUid],
    ['an instance', { sopInstanceUid: other!.instances[0]!.sopInstanceUid }, (instance) => instance.uid === other!.instances[0]!.sopInstanceUid],
    ['a modality and a patient', { modality: series!.modality, patientId: study.patient.mrn }, (instance) => instance.series.modality === series!.modality && instance.series.study.patient.mrn === study.patient.mrn],
    ['a modality', { modality: 'US' }, (instance) => instance.series.modality === 'US'],
  ];

  it.each(filters)('finds the instances of %s, each once, in their series', async (_what, filter, keep) => {
    const pages = await queryAllPages(app, `query($filter: InstanceFilter, $after: String) { dicomStore(name: "${DICOM}") {
      instances(filter: $filter, first: 25, after: $after) { nodes { sopInstanceUid series { seriesInstanceUid } } pageInfo { hasNextPage endCursor } } } }`,
    { filter }, (data): Page<InstanceNode> => data.dicomStore.instances);
    const nodes = pages.flatMap((page) => page.nodes);
    const expected = INSTANCES.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(nodes.map((node) => node.sopInstanceUid).sort()).toEqual(expected.map((instance) => instance.uid).sort());
    for (const node of nodes) expect(node.series.seriesInstanceUid).toBe(INSTANCES.find((instance) => instance.uid === node.sopInstanceUid)!.series.uid);
  });

  it('pages all instances of the store, each exactly once', async () => {
    const pages = await queryAllPages(app, `query($after: String) { dicomStore(name: "${DICOM}") {
      instances(first: 50, after: $after) { nodes { sopInstanceUid } pageInfo { hasNextPage endCursor } } } }`, {}, (data): Page<{ sopInstanceUid: string }> => data.dicomStore.instances);
    const seen = pages.flatMap((page) => page.nodes.map((node) => node.sopInstanceUid));
    expect(seen).toHaveLength(INSTANCES.length);
    expect(new Set(seen).size).toBe(INSTANCES.length);
  });

  it('an instance found store-wide renders and has its metadata', async () => {
    const [instance] = INSTANCES;
    const result = await graphql(app, `{ dicomStore(name: "${DICOM}") { instances(filter: { sopInstanceUid: "${instance!.uid}" }) {
      nodes { id sopInstanceUid instanceNumber renderedUrl(format: JPEG) metadata series { seriesInstanceUid study { studyInstanceUid } } } } } }`);
    expect(result.errors).toBeUndefined();
    const [node] = result.data.dicomStore.instances.nodes;
    expect(node.series).toEqual({ seriesInstanceUid: instance!.series.uid, study: { studyInstanceUid: instance!.series.study.studyInstanceUid } });
    expect(node.metadata['00080018'].Value).toEqual([instance!.uid]);
    expect((await fetch(node.renderedUrl)).status).toBe(200);
    const again = await graphql(app, 'query($id: ID!) { node(id: $id) { ... on Instance { sopInstanceUid } } }', { id: node.id });
    expect(again.data.node.sopInstanceUid).toBe(instance!.uid);
  });
});

describe('Study.series(filter: { modality })', () => {
  const studiesQuery = (modality: string, withInstances: boolean) => `{ dicomStore(name: "${DICOM}") { studies(first: 20) { nodes { studyInstanceUid
    series(filter: { modality: "${modality}" }) { nodes { seriesInstanceUid modality numberOfInstances ${withInstances ? 'instances(first: 100) { nodes { sopInstanceUid } }' : ''} } } } } } }`;

  it.each([[false], [true]])('gives each study\'s series of the modality (with instances: %s) for as many calls as without the filter', async (withInstances) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, studiesQuery('CT', withInstances)), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1 + 20);
    for (const study of result.data.dicomStore.studies.nodes) {
      const planned = STUDIES.find((candidate) => candidate.studyInstanceUid === study.studyInstanceUid)!;
      const ct = planned.series.filter((series) => series.modality === 'CT');
      expect(uids(study.series.nodes)).toEqual(ct.map((series) => series.seriesInstanceUid).sort());
      for (const node of study.series.nodes) {
        const plan = ct.find((series) => series.seriesInstanceUid === node.seriesInstanceUid)!;
        expect(node.numberOfInstances).toBe(plan.instances.length);
        if (withInstances) expect(node.instances.nodes.map((instance: { sopInstanceUid: string }) => instance.sopInstanceUid).sort()).toEqual(plan.instances.map((instance) => instance.sopInstanceUid).sort());
      }
    }
    expect(result.data.dicomStore.studies.nodes.some((study: { series: { nodes: unknown[] } }) => study.series.nodes.length > 0)).toBe(true);
  });

  it('cut from memory or searched upstream, the same lists', async () => {
    const learned = await graphql(app, studiesQuery('MR', true));
    const searched = await graphql(app, studiesQuery('MR', false));
    const strip = (nodes: any[]) => nodes.map((study) => ({ ...study, series: { nodes: study.series.nodes.map(({ instances: _instances, ...series }: any) => series) } }));
    expect(strip(learned.data.dicomStore.studies.nodes)).toEqual(searched.data.dicomStore.studies.nodes);
  });

  it('without a modality it is the unfiltered list, for the calls it always made', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 20) { nodes { studyInstanceUid
      series(filter: {}) { nodes { seriesInstanceUid } } } } } }`), { kind: 'dicomweb' });
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1 + 20);
    for (const study of result.data.dicomStore.studies.nodes) {
      expect(study.series.nodes).toHaveLength(STUDIES.find((candidate) => candidate.studyInstanceUid === study.studyInstanceUid)!.series.length);
    }
  });
});

describe('external DICOMweb servers', () => {
  const [study] = STUDIES;
  const [series] = study!.series;

  it('search series and instances the same way, on the same paths', async () => {
    relay.requests.length = 0;
    const external = (await searchSeries({ modality: 'DX' }, 3, EXTERNAL)).flat();
    expect(uids(external)).toEqual(expectedUids((series) => series.modality === 'DX'));
    // Google's series defaults leave StudyInstanceUID out, so the search asks for it.
    expect(relay.requests[0]).toMatch(/^\/dicom-web\/series\?Modality=DX&includefield=.*&includefield=0020000D&limit=4$/);
    const result = await graphql(app, `{ dicomStore(name: "${EXTERNAL}") { instances(filter: { studyInstanceUid: "${study!.studyInstanceUid}" }, first: 100) { nodes { sopInstanceUid series { seriesInstanceUid } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.instances.nodes).toHaveLength(study!.series.reduce((sum, series) => sum + series.instances.length, 0));
    expect(relay.requests.some((url) => url.startsWith(`/dicom-web/studies/${study!.studyInstanceUid}/instances?`))).toBe(true);
  });

  it.each([
    ['series of a study', `series(filter: { studyInstanceUid: "${study!.studyInstanceUid}", modality: "${series!.modality}" })`,
      `/studies/${study!.studyInstanceUid}/series?Modality=${series!.modality}&includefield=`],
    ['instances of a study and a series', `instances(filter: { studyInstanceUid: "${study!.studyInstanceUid}", seriesInstanceUid: "${series!.seriesInstanceUid}" })`,
      `/studies/${study!.studyInstanceUid}/series/${series!.seriesInstanceUid}/instances?includefield=`],
    ['instances of a series', `instances(filter: { seriesInstanceUid: "${series!.seriesInstanceUid}", patientId: "${study!.patient.mrn}" })`,
      `/instances?PatientID=${study!.patient.mrn}&SeriesInstanceUID=${series!.seriesInstanceUid}&includefield=`],
    ['instances by modality', 'instances(filter: { modality: "CR" })', '/instances?Modality=CR&includefield='],
  ])('send a search for %s where the toolbox sends it', async (_what, field, path) => {
    relay.requests.length = 0;
    const result = await graphql(app, `{ dicomStore(name: "${EXTERNAL}") { ${field} { nodes { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore[field.split('(')[0]!].nodes.length).toBeGreaterThan(0);
    expect(relay.requests).toHaveLength(1);
    expect(relay.requests[0]!.startsWith(`/dicom-web${path}`)).toBe(true);
  });

  it('have no study or series metrics: null, without a metrics call', async () => {
    const query = `{ dicomStore(name: "${EXTERNAL}") { study(uid: "${study!.studyInstanceUid}") { metrics { seriesCount } series(first: 1) { nodes { metrics { instanceCount } } } } } }`;
    relay.requests.length = 0;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, query));
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.study).toEqual({ metrics: null, series: { nodes: [{ metrics: null }] } });
    // The study's and its series' QIDO searches, nothing else.
    expect(calls).toBe(2);
    expect(relay.requests.map((url) => url.split('?')[0])).toEqual(['/dicom-web/studies', `/dicom-web/studies/${study!.studyInstanceUid}/series`]);
  });
});

describe('bad input', () => {
  it.each([
    ['a study UID with letters', 'series(filter: { studyInstanceUid: "1.2.abc" })'],
    ['a series UID with a path', 'series(filter: { seriesInstanceUid: "1.2/../3" })'],
    ['a series UID that is too long', `instances(filter: { seriesInstanceUid: "${'1.'.repeat(40)}1" })`],
    ['an SOP instance UID with a query', 'instances(filter: { sopInstanceUid: "1.2?limit=5000" })'],
    ['a lower-case modality', 'series(filter: { modality: "ct" })'],
    ['a modality with query syntax', 'instances(filter: { modality: "CT&PatientID=x" })'],
    ['a modality longer than 16 characters', 'series(filter: { modality: "ABCDEFGHIJKLMNOPQ" })'],
    ['a wildcard patient name', 'series(filter: { patientName: "Sm*" })'],
    ['a date range that ends before it starts', 'series(filter: { studyDateFrom: "2020-02-01", studyDateTo: "2020-01-31" })'],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_what, field) => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") { ${field} { nodes { id } } } }`));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });

  it('refuses a bad modality in Study.series with BAD_USER_INPUT and no call beyond the study\'s own', async () => {
    const study = (series: string) => `{ dicomStore(name: "${DICOM}") { study(uid: "${STUDIES[0]!.studyInstanceUid}") { id ${series} } } }`;
    const { calls: studyOnly } = await countUpstreamCalls(app, () => graphql(app, study('')));
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, study('series(filter: { modality: "C T?" }) { nodes { id } }')));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect([studyOnly, calls]).toEqual([1, 1]);
  });

  it('refuses a malformed date with BAD_USER_INPUT and no upstream call', async () => {
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `query($from: Date) { dicomStore(name: "${DICOM}") { series(filter: { studyDateFrom: $from }) { nodes { id } } } }`, { from: '2020-13-45' }));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(calls).toBe(0);
  });
});
