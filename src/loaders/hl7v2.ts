import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { getMessage, listMessages, mentionsMrn, patientIdFilter, type Hl7V2Message } from '../healthcare/hl7v2.js';
import { storeResourceName, type AllowedStore } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import { loaderOptions, perKey, type LoaderOptions } from './per-key.js';

/** The HL7v2 message loaders of one request (stores and their metrics are in the shared store loaders). */
export interface Hl7V2Loaders {
  /** Messages in the FULL view; list results prime it. */
  message: DataLoader<MessageKey, Hl7V2Message, string>;
  /** A patient's messages in one store, newest first; patients of the same store share list calls. */
  patientMessages: DataLoader<PatientMessagesKey, Hl7V2Message[], string>;
}

/** A message by its store and id. */
export interface MessageKey {
  store: AllowedStore<'hl7V2Stores'>;
  id: string;
}

/** Up to `limit` messages of the patient with this MRN in one store. */
export interface PatientMessagesKey {
  store: AllowedStore<'hl7V2Stores'>;
  mrn: string;
  limit: number;
}

/** MRNs asked for in one list call: a page of patients, with a filter that stays short. */
export const MRNS_PER_CALL = 20;
/** Google's largest messages.list page. */
const MAX_PAGE_SIZE = 1000;

/** A message's cache key: its resource name. */
export const messageCacheKey = (key: MessageKey) => `${storeResourceName(key.store)}/messages/${key.id}`;

/** The patients' MRNs asked for in one list call, each with the most messages any field asked for. */
interface MrnChunk {
  store: AllowedStore<'hl7V2Stores'>;
  storeName: string;
  limits: Map<string, number>;
}

/**
 * The messages of several patients of one store, by MRN. One list call with the patients' PatientId
 * terms OR-ed together, split by MRN afterwards; when that call has more than one page, the
 * split could miss a patient's messages, so each patient is then asked for alone.
 */
async function messagesByMrn(client: HealthcareClient, { store, limits }: MrnChunk): Promise<Map<string, Hl7V2Message[]>> {
  const list = async (mrns: string[], pageSize: number) => {
    const filter = patientIdFilter(mrns);
    return filter === undefined ? { items: [], nextPageToken: '' } : listMessages(client, store, { filter, orderBy: 'send_time desc', pageSize });
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

/** One batch of patients' message lists: per store, chunks of up to {@link MRNS_PER_CALL} MRNs. */
async function patientsMessages(client: HealthcareClient, keys: readonly PatientMessagesKey[]): Promise<(Hl7V2Message[] | Error)[]> {
  const chunks: MrnChunk[] = [];
  const chunkOf = (key: PatientMessagesKey, storeName: string) =>
    chunks.find((c) => c.storeName === storeName && (c.limits.has(key.mrn) || c.limits.size < MRNS_PER_CALL));
  for (const key of keys) {
    const storeName = storeResourceName(key.store);
    let found = chunkOf(key, storeName);
    if (found === undefined) chunks.push((found = { store: key.store, storeName, limits: new Map() }));
    found.limits.set(key.mrn, Math.max(found.limits.get(key.mrn) ?? 0, Math.min(key.limit, MAX_PAGE_SIZE)));
  }
  const answers = await Promise.all(chunks.map((c) => messagesByMrn(client, c).catch((error: Error) => error)));
  return keys.map((key) => {
    const storeName = storeResourceName(key.store);
    const answer = answers[chunks.findIndex((c) => c.storeName === storeName && c.limits.has(key.mrn))];
    if (answer === undefined || answer instanceof Error) return answer ?? new Error('no answer for a patient\'s messages');
    return (answer.get(key.mrn) ?? []).slice(0, key.limit);
  });
}

/**
 * HL7v2 has no batch get: each message is its own call, in parallel. The loaders remove duplicates
 * within a request (a message shown twice, a patient's list asked by two fields).
 */
export function createHl7V2Loaders(client: HealthcareClient, options: LoaderOptions): Hl7V2Loaders {
  return {
    message: perKey(client.metrics, options, 'hl7V2Message', messageCacheKey, (key) => getMessage(client, key.store, key.id)),
    patientMessages: new DataLoader<PatientMessagesKey, Hl7V2Message[], string>(
      measuredBatch(client.metrics, 'hl7V2PatientMessages', (keys) => patientsMessages(client, keys)),
      loaderOptions(options, (key) => JSON.stringify([storeResourceName(key.store), key.mrn, key.limit])),
    ),
  };
}
