/**
 * The admin surface of the Cloud Healthcare API: datasets, stores and their metrics.
 * Shapes follow the v1 REST reference; int64 fields arrive as JSON strings.
 */
import type { HealthcareClient } from './client.js';
import type { ApiKind } from './errors.js';
import { datasetPath, locationPath, storePath, type DatasetName, type LocationName, type StoreKind, type StoreName } from './names.js';

export interface Dataset {
  name: string;
  timeZone?: string;
}

export interface FhirStore {
  name: string;
  version?: string;
  labels?: Record<string, string>;
  enableUpdateCreate?: boolean;
  disableReferentialIntegrity?: boolean;
  disableResourceVersioning?: boolean;
  defaultSearchHandlingStrict?: boolean;
}

export interface DicomStore {
  name: string;
  labels?: Record<string, string>;
}

export interface StoreOfKind {
  fhirStores: FhirStore;
  dicomStores: DicomStore;
}

export interface FhirStoreMetrics {
  name?: string;
  metrics?: { resourceType: string; count?: string; structuredStorageSizeBytes?: string }[];
}

export interface DicomStoreMetrics {
  name?: string;
  studyCount?: string;
  seriesCount?: string;
  instanceCount?: string;
  structuredStorageSizeBytes?: string;
  blobStorageSizeBytes?: string;
}

/** One page of a list method. */
export interface Page<T> {
  items: T[];
  /** Empty when there are no more results. */
  nextPageToken: string;
}

export interface PageRequest {
  pageSize: number;
  pageToken?: string;
}

/** One page of a Google `list` method, whose items come under `field` (`datasets`, `fhirStores`, …). */
export async function listPage<T>(client: HealthcareClient, kind: ApiKind, path: string, field: string, page: PageRequest): Promise<Page<T>> {
  const body = await client.json<Record<string, unknown>>({ kind, path, query: { pageSize: page.pageSize, pageToken: page.pageToken || undefined } });
  const items = body[field];
  return { items: Array.isArray(items) ? items as T[] : [], nextPageToken: typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : '' };
}

export function listDatasets(client: HealthcareClient, location: LocationName, page: PageRequest): Promise<Page<Dataset>> {
  return listPage(client, 'admin', `${locationPath(location)}/datasets`, 'datasets', page);
}

export function getDataset(client: HealthcareClient, name: DatasetName): Promise<Dataset> {
  return client.json<Dataset>({ kind: 'admin', path: datasetPath(name) });
}

export function listStores<K extends StoreKind>(client: HealthcareClient, kind: K, dataset: DatasetName, page: PageRequest): Promise<Page<StoreOfKind[K]>> {
  return listPage(client, 'admin', `${datasetPath(dataset)}/${kind}`, kind, page);
}

export function getStore<K extends StoreKind>(client: HealthcareClient, name: StoreName & { kind: K }): Promise<StoreOfKind[K]> {
  return client.json<StoreOfKind[K]>({ kind: 'admin', path: storePath(name) });
}

export function getFhirStoreMetrics(client: HealthcareClient, name: StoreName): Promise<FhirStoreMetrics> {
  return client.json<FhirStoreMetrics>({ kind: 'admin', path: `${storePath(name)}:getFHIRStoreMetrics` });
}

export function getDicomStoreMetrics(client: HealthcareClient, name: StoreName): Promise<DicomStoreMetrics> {
  return client.json<DicomStoreMetrics>({ kind: 'admin', path: `${storePath(name)}:getDICOMStoreMetrics` });
}
