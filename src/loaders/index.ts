import type DataLoader from 'dataloader';
import {
  getDataset, getStore, getStoreMetrics, listStores, type Dataset, type MetricsOfKind, type StoreOfKind,
} from '../healthcare/admin.js';
import type { HealthcareClient } from '../healthcare/client.js';
import { datasetResourceName, storeResourceName, type AllowedDataset, type AllowedStore, type StoreKind } from '../healthcare/names.js';
import type { DicomJson } from '../healthcare/dicomweb.js';
import { getOperation, type AllowedOperation, type Operation } from '../healthcare/operations.js';
import { createDicomMetricsLoaders, createQidoLoader, type DicomMetricsLoaders, type QidoKey } from './dicom.js';
import { KnownQidoLists } from './known-lists.js';
import type { StoreListCache } from './store-list-cache.js';
import { createFhirLoaders, type FhirLoaders } from './fhir.js';
import { createHl7V2Loaders, type Hl7V2Loaders } from './hl7v2.js';
import { perKey, type LoaderOptions } from './per-key.js';

export type { LoaderOptions } from './per-key.js';

/** Loaders of one kind of value for each store kind, keyed by allowed store names. */
export type PerStoreKind<Value extends Record<StoreKind, unknown>> = { [K in StoreKind]: DataLoader<AllowedStore<K>, Value[K], string> };

/** A dataset's stores of one kind. */
export interface StoreListKey {
  kind: StoreKind;
  dataset: AllowedDataset;
}

/**
 * The DataLoaders of one GraphQL request. They are created per request and never shared, so a
 * cached answer can never reach another caller. Keys are names the access policy allowed, so a load
 * cannot skip the access check; each loader's cache key is the resource name.
 */
export interface Loaders {
  dataset: DataLoader<AllowedDataset, Dataset, string>;
  /** Store configurations, per kind. */
  store: PerStoreKind<StoreOfKind>;
  /** Store metrics, per kind. */
  storeMetrics: PerStoreKind<MetricsOfKind>;
  /**
   * Names of a dataset's stores of one kind, from one list call of up to 1,000 stores: what
   * cross-store lookups (a study's patient, a patient's studies and messages) search in.
   */
  storeNames: DataLoader<StoreListKey, string[], string>;
  fhir: FhirLoaders;
  /** DICOMweb searches and metadata, deduplicated. */
  qido: DataLoader<QidoKey, DicomJson[], string>;
  /** Complete DICOM lists learned from wider searches in this request. */
  knownQido: KnownQidoLists;
  /** Study and series metrics. */
  dicomMetrics: DicomMetricsLoaders;
  /** Long-running operations. */
  operation: DataLoader<AllowedOperation, Operation, string>;
  /** HL7v2 messages. */
  hl7v2: Hl7V2Loaders;
}

/** Where a request's store lists come from when they may be reused across requests. */
export interface SharedStoreLists {
  cache: StoreListCache;
  /** The caller as the upstream sees it (lists are never shared between identities). */
  identity: string;
}

const operationCacheKey = (name: AllowedOperation) => `${datasetResourceName(name.dataset)}/operations/${name.id}`;
const storeListCacheKey = ({ kind, dataset }: StoreListKey) => `${kind}|${datasetResourceName(dataset)}`;

export function createLoaders(client: HealthcareClient, options: LoaderOptions = { batching: true }, storeLists?: SharedStoreLists): Loaders {
  // Batch-size metrics name these loaders `fhirStore`, `dicomStoreMetrics`, ...: the kind in the singular.
  const perStoreKind = <Value extends Record<StoreKind, unknown>>(suffix: string, fetchOne: <K extends StoreKind>(name: AllowedStore<K>) => Promise<Value[K]>) => {
    const of = <K extends StoreKind>(kind: K) => perKey<AllowedStore<K>, Value[K]>(client.metrics, options, `${kind.slice(0, -1)}${suffix}`, storeResourceName, fetchOne);
    return { fhirStores: of('fhirStores'), dicomStores: of('dicomStores'), hl7V2Stores: of('hl7V2Stores') };
  };
  const listStoreNames = async ({ kind, dataset }: StoreListKey) =>
    (await listStores(client, kind, dataset, { pageSize: 1000 })).items.map((store) => store.name);

  return {
    dataset: perKey<AllowedDataset, Dataset>(client.metrics, options, 'dataset', datasetResourceName, (name) => getDataset(client, name)),
    store: perStoreKind<StoreOfKind>('', (name) => getStore(client, name)),
    storeMetrics: perStoreKind<MetricsOfKind>('Metrics', (name) => getStoreMetrics(client, name)),
    storeNames: perKey(client.metrics, options, 'storeNames', storeListCacheKey, (key) =>
      (storeLists === undefined ? listStoreNames(key) : storeLists.cache.get(storeLists.identity, storeListCacheKey(key), () => listStoreNames(key)))),
    fhir: createFhirLoaders(client, options),
    qido: createQidoLoader(client, options),
    knownQido: new KnownQidoLists(options.batching),
    dicomMetrics: createDicomMetricsLoaders(client, options),
    operation: perKey(client.metrics, options, 'operation', operationCacheKey, (name) => getOperation(client, name)),
    hl7v2: createHl7V2Loaders(client, options),
  };
}
