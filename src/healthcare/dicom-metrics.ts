/**
 * Metrics of one study or series (`getStudyMetrics`, `getSeriesMetrics`): Cloud Healthcare methods
 * on the study's or series' DICOMweb resource name. External DICOMweb servers have no such method.
 */
import type { HealthcareClient } from './client.js';
import { dicomWebPath, type AllowedDicomStore } from './dicomweb.js';

/** `StudyMetrics` as the API returns it: int64 counts as strings, left out when 0 (proto3). */
export interface StudyMetrics {
  study?: string;
  seriesCount?: string;
  instanceCount?: string;
  structuredStorageSizeBytes?: string;
  blobStorageSizeBytes?: string;
}

/** `SeriesMetrics` as the API returns it. */
export type SeriesMetrics = Omit<StudyMetrics, 'study' | 'seriesCount'> & { series?: string };

/** A study, or a series when `series` is given, of an allowed store. */
export interface DicomObjectKey {
  store: AllowedDicomStore;
  study: string;
  series?: string;
}

/** A series of an allowed store. */
export type SeriesKey = DicomObjectKey & { series: string };

/** The object's path below the store's `dicomWeb/`: `studies/{uid}[/series/{uid}]`. */
export const objectSegments = (key: DicomObjectKey) => ['studies', key.study, ...(key.series === undefined ? [] : ['series', key.series])];

/** Null for an external DICOMweb server: the call would go to the API root with a name that is not Google's. */
function metrics<T>(client: HealthcareClient, key: DicomObjectKey, method: string): Promise<T | null> {
  if (client.externalDicom?.byName(key.store) !== undefined) return Promise.resolve(null);
  return client.json<T>({ kind: 'dicomweb', path: `${dicomWebPath(key.store, ...objectSegments(key))}:${method}` });
}

export const getStudyMetrics = (client: HealthcareClient, key: DicomObjectKey) => metrics<StudyMetrics>(client, key, 'getStudyMetrics');

export const getSeriesMetrics = (client: HealthcareClient, key: SeriesKey) => metrics<SeriesMetrics>(client, key, 'getSeriesMetrics');
