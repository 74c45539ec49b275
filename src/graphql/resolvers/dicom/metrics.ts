import type { SeriesMetrics } from '../../../healthcare/dicom-metrics.js';
import type { SeriesResolvers, StudyResolvers } from '../../../generated/graphql.js';
import { int64 } from '../stores.js';
import { dicomStoreOf } from './models.js';

/**
 * `Study.metrics` and `Series.metrics`: one `getStudyMetrics` / `getSeriesMetrics` call per distinct
 * study or series in the request; null for an external DICOMweb server, without a call.
 */

/** What study and series metrics share, as numbers. */
const instancesAndSizes = (metrics: SeriesMetrics) => ({
  instanceCount: int64(metrics.instanceCount),
  structuredStorageSizeBytes: int64(metrics.structuredStorageSizeBytes),
  blobStorageSizeBytes: int64(metrics.blobStorageSizeBytes),
});

export const studyMetricsResolvers: Pick<StudyResolvers, 'metrics'> = {
  metrics: async (study, _args, context) => {
    const metrics = await context.loaders.dicomMetrics.study.load({ store: dicomStoreOf(study, context), study: study.studyUid });
    return metrics && { seriesCount: int64(metrics.seriesCount), ...instancesAndSizes(metrics) };
  },
};

export const seriesMetricsResolvers: Pick<SeriesResolvers, 'metrics'> = {
  metrics: async (series, _args, context) => {
    const metrics = await context.loaders.dicomMetrics.series.load({ store: dicomStoreOf(series, context), study: series.studyUid, series: series.seriesUid });
    return metrics && instancesAndSizes(metrics);
  },
};
