import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { getSeriesMetrics, getStudyMetrics, objectSegments, type DicomObjectKey, type SeriesKey, type SeriesMetrics, type StudyMetrics } from '../healthcare/dicom-metrics.js';
import { qido, type AllowedDicomStore, type DicomJson } from '../healthcare/dicomweb.js';
import { storeResourceName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import { loaderOptions, perKey, type LoaderOptions } from './per-key.js';

/** A QIDO-RS (or metadata) request; identical ones in a request are made once. */
export interface QidoKey {
  store: AllowedDicomStore;
  /** Path below the store's `dicomWeb/`, e.g. `['studies', uid, 'series']`. */
  segments: string[];
  query: [string, string][];
}

/** A QIDO request's identity: store, path and query. */
export const qidoCacheKey = (key: QidoKey) => JSON.stringify([storeResourceName(key.store), key.segments, key.query]);

/**
 * QIDO-RS has no batch form (one value per match key), so each distinct request is its own call:
 * the loader removes duplicates within the request and runs distinct ones in parallel.
 */
export function createQidoLoader(client: HealthcareClient, options: LoaderOptions): DataLoader<QidoKey, DicomJson[], string> {
  return new DataLoader<QidoKey, DicomJson[], string>(
    measuredBatch(client.metrics, 'qido', (keys) => Promise.all(keys.map((key) => qido(client, key.store, key.segments, key.query).catch((error: Error) => error)))),
    loaderOptions(options, qidoCacheKey),
  );
}

/** The loaders of `getStudyMetrics` / `getSeriesMetrics`: one call per distinct study or series. */
export interface DicomMetricsLoaders {
  study: DataLoader<DicomObjectKey, StudyMetrics | null, string>;
  series: DataLoader<SeriesKey, SeriesMetrics | null, string>;
}

/** A study's or series' identity: the DICOMweb path below the store. */
const objectCacheKey = (key: DicomObjectKey) => [storeResourceName(key.store), ...objectSegments(key)].join('/');

/** The metrics methods have no batch form: each distinct key is its own call, made in parallel. */
export function createDicomMetricsLoaders(client: HealthcareClient, options: LoaderOptions): DicomMetricsLoaders {
  return {
    study: perKey(client.metrics, options, 'studyMetrics', objectCacheKey, (key) => getStudyMetrics(client, key)),
    series: perKey<SeriesKey, SeriesMetrics | null>(client.metrics, options, 'seriesMetrics', objectCacheKey, (key) => getSeriesMetrics(client, key)),
  };
}
