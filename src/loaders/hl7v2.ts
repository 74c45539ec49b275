import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import {
  getHl7V2Store, getHl7V2StoreMetrics, getMessage, listHl7V2Stores, listMessages, mentionsMrn, parseHl7V2MessageName, parseHl7V2StoreName,
  patientIdFilter, type Hl7V2Message, type Hl7V2Store, type Hl7V2StoreMetrics,
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
  /** A patient's messages in one store, newest first; patients of the same store share list calls. */
  patientMessages: DataLoader<PatientMessagesKey, Hl7V2Message[], string>;
}

/** Up to `limit` messages of the patient with this MRN in one store (full name). */
export interface PatientMessagesKey {
  store: string;
  mrn: string;
  limit: number;
}

/** MRNs asked for in one list call: a page of patients, with a filter that stays short. */
export const MRNS_PER_CALL = 20;
/** Google's largest messages.list page. */
const MAX_PAGE_SIZE = 1000;

/**
 * The messages of several patients of one store, by MRN. One list call with the patients' PatientId
 * terms OR-ed together, split by MRN afterwards; when that call has more than one page, the
 * split could miss a patient's messages, so each patient is then asked for alone.
 */
async function messagesByMrn(client: HealthcareClient, store: string, limits: Map<string, number>): Promise<Map<string, Hl7V2Message[]>> {
  const name = parseHl7V2StoreName(store);
  const list = async (mrns: string[], pageSize: number) => {
    const filter = patientIdFilter(mrns);
    return filter === undefined ? { items: [], nextPageToken: '' } : listMessages(client, name, { filter, orderBy: 'send_time desc', pageSize });
  };
  const mrns = [...limits.keys()];
  const result = new Map<string, Hl7V2Message[]>();
  const alone = async (mrn: string) => result.set(mrn, (await list([mrn], limits.get(mrn) ?? 1)).items);
  if (mrns.length === 1) {
    await alone(mrns[0]!);
  } else {
    const page = await list(mrns, MAX_PAGE_SIZE);
    if (page.nextPageToken !== '') await Promise.all(mrns.map(alone));
    else for (const mrn of mrns) result.set(mrn, page.items.filter((message) => mentionsMrn(message, mrn)));
  }
  return new Map(mrns.map((mrn) => [mrn, (result.get(mrn) ?? []).slice(0, limits.get(mrn))]));
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
    patientMessages: new DataLoader<PatientMessagesKey, Hl7V2Message[], string>(
      measuredBatch(client.metrics, 'hl7V2PatientMessages', async (keys) => {
        // Per store, per chunk of MRNs: the largest limit any field asked for that MRN.
        const chunks: { store: string; limits: Map<string, number> }[] = [];
        for (const key of keys) {
          let chunk = chunks.find((c) => c.store === key.store && (c.limits.has(key.mrn) || c.limits.size < MRNS_PER_CALL));
          if (chunk === undefined) chunks.push((chunk = { store: key.store, limits: new Map() }));
          chunk.limits.set(key.mrn, Math.max(chunk.limits.get(key.mrn) ?? 0, Math.min(key.limit, MAX_PAGE_SIZE)));
        }
        const answers = await Promise.all(chunks.map((chunk) => messagesByMrn(client, chunk.store, chunk.limits).catch((error: Error) => error)));
        return keys.map((key) => {
          const index = chunks.findIndex((c) => c.store === key.store && c.limits.has(key.mrn));
          const answer = answers[index];
          if (answer === undefined || answer instanceof Error) return answer ?? new Error('no answer for a patient\'s messages');
          return (answer.get(key.mrn) ?? []).slice(0, key.limit);
        });
      }),
      { batch: options.batching, cache: options.batching, cacheKeyFn: (key) => JSON.stringify([key.store, key.mrn, key.limit]) },
    ),
    storeNames: perKey('hl7V2StoreNames', (dataset) => {
      const list = async () => (await listHl7V2Stores(client, parseDatasetName(dataset), { pageSize: 1000 })).items.map((store) => store.name);
      // Reused across requests of the same caller like the other store lists (STORE_LIST_TTL_MS).
      return storeLists === undefined ? list() : storeLists.cache.get(storeLists.identity, `hl7V2Stores|${dataset}`, list);
    }),
  };
}
