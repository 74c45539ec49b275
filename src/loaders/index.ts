import DataLoader from 'dataloader';
import {
  getDataset, getDicomStoreMetrics, getFhirStoreMetrics, getStore, listStores,
  type Dataset, type DicomStore, type DicomStoreMetrics, type FhirStore, type FhirStoreMetrics,
} from '../healthcare/admin.js';
import type { HealthcareClient } from '../healthcare/client.js';
import { parseDatasetName, parseStoreName, type StoreKind } from '../healthcare/names.js';
import type { DicomJson } from '../healthcare/dicomweb.js';
import { measuredBatch } from './batch-size.js';
import { createQidoLoader, type QidoKey } from './dicom.js';
import { KnownQidoLists } from './known-lists.js';
import type { StoreListCache } from './store-list-cache.js';
import { createFhirLoaders, type FhirLoaders } from './fhir.js';
import { createHl7V2Loaders, type Hl7V2Loaders } from './hl7v2.js';
import { createOperationLoader } from './operations.js';
import type { Operation } from '../healthcare/operations.js';

/**
 * The DataLoaders of one GraphQL request. They are created per request and never shared, so a
 * cached answer can never reach another caller. Keys are full resource names.
 */
export interface Loaders {
  dataset: DataLoader<string, Dataset>;
  fhirStore: DataLoader<string, FhirStore>;
  dicomStore: DataLoader<string, DicomStore>;
  fhirStoreMetrics: DataLoader<string, FhirStoreMetrics>;
  dicomStoreMetrics: DataLoader<string, DicomStoreMetrics>;
  /**
   * Names of a dataset's stores of one kind (`{kind}|{dataset}`), from one list call of up to 1,000
   * stores: what cross-store lookups (a study's patient, a patient's studies) search in.
   */
  storeNames: DataLoader<string, string[]>;
  fhir: FhirLoaders;
  /** DICOMweb searches and metadata, deduplicated. */
  qido: DataLoader<QidoKey, DicomJson[], string>;
  /** Complete DICOM lists learned from wider searches in this request. */
  knownQido: KnownQidoLists;
  /** Long-running operations by full name. */
  operation: DataLoader<string, Operation>;
  /** HL7v2 stores, their metrics and messages. */
  hl7v2: Hl7V2Loaders;
}

export interface LoaderOptions {
  /**
   * When false, every load is its own upstream call (no batching, no dedupe, no cache): what a
   * straightforward GraphQL server does. Only the benchmark's "naive" baseline turns this off.
   */
  batching: boolean;
}

/** Where a request's store lists come from when they may be reused across requests. */
export interface SharedStoreLists {
  cache: StoreListCache;
  /** The caller as the upstream sees it (lists are never shared between identities). */
  identity: string;
}

export function createLoaders(client: HealthcareClient, options: LoaderOptions = { batching: true }, storeLists?: SharedStoreLists): Loaders {
  /**
   * The admin API has no batch get: each key is its own call, made in parallel. The loader still
   * removes duplicates and caches within the request, and list results prime it.
   */
  const perKey = <V>(loader: string, fetchOne: (key: string) => Promise<V>) =>
    new DataLoader<string, V>(
      measuredBatch(client.metrics, loader, (keys) => Promise.all(keys.map((key) => fetchOne(key).catch((error: Error) => error)))),
      { batch: options.batching, cache: options.batching },
    );

  return {
    dataset: perKey('dataset', (name) => getDataset(client, parseDatasetName(name))),
    fhirStore: perKey('fhirStore', (name) => getStore(client, parseStoreName(name, 'fhirStores'))),
    dicomStore: perKey('dicomStore', (name) => getStore(client, parseStoreName(name, 'dicomStores'))),
    fhirStoreMetrics: perKey('fhirStoreMetrics', (name) => getFhirStoreMetrics(client, parseStoreName(name, 'fhirStores'))),
    dicomStoreMetrics: perKey('dicomStoreMetrics', (name) => getDicomStoreMetrics(client, parseStoreName(name, 'dicomStores'))),
    storeNames: perKey('storeNames', (key) => {
      const [kind, dataset = ''] = key.split('|') as [StoreKind, string];
      const list = async () => (await listStores(client, kind, parseDatasetName(dataset), { pageSize: 1000 })).items.map((store) => store.name);
      return storeLists === undefined ? list() : storeLists.cache.get(storeLists.identity, key, list);
    }),
    fhir: createFhirLoaders(client, options),
    qido: createQidoLoader(client, options),
    knownQido: new KnownQidoLists(options.batching),
    operation: createOperationLoader(client, options),
    hl7v2: createHl7V2Loaders(client, options, storeLists),
  };
}
