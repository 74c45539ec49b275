/**
 * `Study.metrics` and `Series.metrics` (`getStudyMetrics` / `getSeriesMetrics`) against the embedded
 * emulator with the demo data: the counts are those of the demo cohort's imaging plan, the sizes add
 * up to the store's, and each distinct study or series costs one call, made together.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { generateCohort } from '../../src/demo/cohort/index.js';
import { countUpstreamCalls, graphql, metricTotal, startTestApp } from '../helpers/app.js';
import { DEMO_DICOM_STORE as DICOM } from '../helpers/demo-names.js';

const PATIENTS = 10;
const { imaging: STUDIES } = generateCohort({ patients: PATIENTS });
const SIZES = 'structuredStorageSizeBytes blobStorageSizeBytes';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: String(PATIENTS) });
}, 120_000);
afterAll(() => app.close());

interface Sizes { structuredStorageSizeBytes: number; blobStorageSizeBytes: number }
const sum = (rows: Sizes[], key: keyof Sizes) => rows.reduce((total, row) => total + row[key], 0);

describe('study and series metrics', () => {
  it('count each study\'s series and instances as the demo wrote them, and their sizes add up to the store\'s', async () => {
    const result = await graphql(app, `{ dicomStore(name: "${DICOM}") { metrics { instanceCount ${SIZES} }
      studies(first: 100) { nodes { studyInstanceUid numberOfSeries numberOfInstances metrics { seriesCount instanceCount ${SIZES} }
        series(first: 100) { nodes { seriesInstanceUid metrics { instanceCount ${SIZES} } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const { metrics: store, studies } = result.data.dicomStore;
    expect(studies.nodes).toHaveLength(STUDIES.length);
    for (const study of studies.nodes) {
      const plan = STUDIES.find((candidate) => candidate.studyInstanceUid === study.studyInstanceUid)!;
      const instances = plan.series.reduce((total, series) => total + series.instances.length, 0);
      expect(study.metrics).toMatchObject({ seriesCount: plan.series.length, instanceCount: instances });
      expect([study.numberOfSeries, study.numberOfInstances]).toEqual([plan.series.length, instances]);
      expect(study.metrics.structuredStorageSizeBytes).toBeGreaterThan(0);
      expect(study.metrics.blobStorageSizeBytes).toBeGreaterThan(study.metrics.structuredStorageSizeBytes);
      for (const series of study.series.nodes) {
        expect(series.metrics.instanceCount).toBe(plan.series.find((candidate) => candidate.seriesInstanceUid === series.seriesInstanceUid)!.instances.length);
      }
      const seriesSizes = study.series.nodes.map((series: { metrics: Sizes }) => series.metrics);
      expect([sum(seriesSizes, 'structuredStorageSizeBytes'), sum(seriesSizes, 'blobStorageSizeBytes')])
        .toEqual([study.metrics.structuredStorageSizeBytes, study.metrics.blobStorageSizeBytes]);
    }
    const studySizes = studies.nodes.map((study: { metrics: Sizes }) => study.metrics);
    expect([sum(studySizes, 'structuredStorageSizeBytes'), sum(studySizes, 'blobStorageSizeBytes')]).toEqual([store.structuredStorageSizeBytes, store.blobStorageSizeBytes]);
    expect(studies.nodes.reduce((total: number, study: { metrics: { instanceCount: number } }) => total + study.metrics.instanceCount, 0)).toBe(store.instanceCount);
  });
});

describe('upstream calls', () => {
  it('a page of studies with metrics: one QIDO and one getStudyMetrics per study, in one batch', async () => {
    const batches = () => metricTotal(app, 'graphql_loader_batch_size_count', { loader: 'studyMetrics' });
    const before = await batches();
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 5) { nodes { metrics { seriesCount instanceCount } } } } }`));
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.studies.nodes).toHaveLength(5);
    expect(calls).toBe(1 + 5);
    expect(await batches()).toBe(before + 1);
  });

  it('a study or series asked for twice costs one metrics call', async () => {
    const [study] = STUDIES;
    const [series] = study!.series;
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") {
      a: study(uid: "${study!.studyInstanceUid}") { metrics { seriesCount } }
      b: study(uid: "${study!.studyInstanceUid}") { metrics { instanceCount } }
      s: series(filter: { seriesInstanceUid: "${series!.seriesInstanceUid}" }) { nodes { metrics { instanceCount } study { metrics { seriesCount } } } } } }`));
    expect(result.errors).toBeUndefined();
    expect(result.data.dicomStore.s.nodes[0]).toEqual({ metrics: { instanceCount: series!.instances.length }, study: { metrics: { seriesCount: study!.series.length } } });
    // QIDO: the study (once for both aliases and the series' study) and the series search; metrics: the study's and the series'.
    expect(calls).toBe(2 + 2);
  });

  it('a study list without metrics makes no metrics call', async () => {
    const { calls } = await countUpstreamCalls(app, () => graphql(app, `{ dicomStore(name: "${DICOM}") { studies(first: 5) { nodes { numberOfSeries series { nodes { modality } } } } } }`));
    expect(calls).toBe(1 + 5);
  });
});
