/**
 * The admin surface of the Cloud Healthcare API: datasets, stores and their metrics.
 * Shapes follow the v1 REST reference; int64 fields arrive as JSON strings.
 */
import type { HealthcareClient } from './client.js';
import type { ApiKind } from './errors.js';
import type { Hl7V2Store, Hl7V2StoreMetrics } from './hl7v2.js';
import {
  datasetPath, locationPath, projectPath, storePath, type AllowedDataset, type AllowedLocation, type AllowedProject, type AllowedStore, type StoreKind,
} from './names.js';
import { STORE_KINDS } from './store-kinds.js';

/** `google.cloud.location.Location`. */
export interface Location {
  name: string;
  locationId?: string;
  labels?: Record<string, string>;
}

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

/** A store's configuration as the API returns it, by kind. */
export interface StoreOfKind {
  fhirStores: FhirStore;
  dicomStores: DicomStore;
  hl7V2Stores: Hl7V2Store;
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

/** A store's metrics as the API returns them, by kind. */
export interface MetricsOfKind {
  fhirStores: FhirStoreMetrics;
  dicomStores: DicomStoreMetrics;
  hl7V2Stores: Hl7V2StoreMetrics;
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

/** `projects.locations.list`: one page of the locations the API serves the project in. */
export function listLocations(client: HealthcareClient, project: AllowedProject, page: PageRequest): Promise<Page<Location>> {
  return listPage(client, 'admin', `${projectPath(project)}/locations`, 'locations', page);
}

export function listDatasets(client: HealthcareClient, location: AllowedLocation, page: PageRequest): Promise<Page<Dataset>> {
  return listPage(client, 'admin', `${locationPath(location)}/datasets`, 'datasets', page);
}

export function getDataset(client: HealthcareClient, name: AllowedDataset): Promise<Dataset> {
  return client.json<Dataset>({ kind: 'admin', path: datasetPath(name) });
}

/** `{kind}.list`: one page of a dataset's stores of one kind. */
export function listStores<K extends StoreKind>(client: HealthcareClient, kind: K, dataset: AllowedDataset, page: PageRequest): Promise<Page<StoreOfKind[K]>> {
  return listPage(client, 'admin', `${datasetPath(dataset)}/${kind}`, kind, page);
}

/** `{kind}.get`: a store's configuration. */
export function getStore<K extends StoreKind>(client: HealthcareClient, name: AllowedStore<K>): Promise<StoreOfKind[K]> {
  return client.json<StoreOfKind[K]>({ kind: 'admin', path: storePath(name) });
}

/** The kind's metrics method (`getFHIRStoreMetrics`, `getDICOMStoreMetrics`, `getHL7v2StoreMetrics`). */
export function getStoreMetrics<K extends StoreKind>(client: HealthcareClient, name: AllowedStore<K>): Promise<MetricsOfKind[K]> {
  return client.json<MetricsOfKind[K]>({ kind: 'admin', path: `${storePath(name)}:${STORE_KINDS[name.kind].metricsMethod}` });
}
