import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import {
  getHl7V2Store, getHl7V2StoreMetrics, getMessage, listHl7V2Stores, parseHl7V2MessageName, parseHl7V2StoreName,
  type Hl7V2Message, type Hl7V2Store, type Hl7V2StoreMetrics,
} from '../healthcare/hl7v2.js';
import { parseDatasetName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import type { SharedStoreLists } from './index.js';

/** The HL7v2 loaders of one request. Keys are full resource names. */
export interface Hl7V2Loaders {
  store: DataLoader<string, Hl7V2Store>;
  metrics: DataLoader<string, Hl7V2StoreMetrics>;
  /** Messages in the FULL view; list results prime it. */
  message: DataLoader<string, Hl7V2Message>;
  /** Names of a dataset's HL7v2 stores (key: the dataset's name), from one list call of up to 1,000. */
  storeNames: DataLoader<string, string[]>;
}

/**
 * HL7v2 has no batch get: each key is its own call, in parallel. The loaders remove duplicates
 * within a request (a message shown twice, a store's metrics asked by two fields).
 */
export function createHl7V2Loaders(client: HealthcareClient, options: { batching: boolean }, storeLists?: SharedStoreLists): Hl7V2Loaders {
  const perKey = <V>(loader: string, fetchOne: (key: string) => Promise<V>) =>
    new DataLoader<string, V>(
      measuredBatch(client.metrics, loader, (keys) => Promise.all(keys.map((key) => fetchOne(key).catch((error: Error) => error)))),
      { batch: options.batching, cache: options.batching },
    );
  return {
    store: perKey('hl7V2Store', (name) => getHl7V2Store(client, parseHl7V2StoreName(name))),
    metrics: perKey('hl7V2StoreMetrics', (name) => getHl7V2StoreMetrics(client, parseHl7V2StoreName(name))),
    message: perKey('hl7V2Message', (name) => getMessage(client, parseHl7V2MessageName(name))),
    storeNames: perKey('hl7V2StoreNames', (dataset) => {
      const list = async () => (await listHl7V2Stores(client, parseDatasetName(dataset), { pageSize: 1000 })).items.map((store) => store.name);
      // Reused across requests of the same caller like the other store lists (STORE_LIST_TTL_MS).
      return storeLists === undefined ? list() : storeLists.cache.get(storeLists.identity, `hl7V2Stores|${dataset}`, list);
    }),
  };
}
