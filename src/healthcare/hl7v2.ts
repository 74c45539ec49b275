/**
 * HL7v2 stores and messages of the Cloud Healthcare API (reference §1.3, §2, §8): names, store and
 * message shapes, and the calls the graph makes. Every name is validated before it reaches a URL.
 */
import { listPage, type Page, type PageRequest } from './admin.js';
import type { HealthcareClient } from './client.js';
import { datasetPath, datasetResourceName, InvalidNameError, isValidResourceId, parseDatasetName, type DatasetName } from './names.js';

/** `Hl7V2Store` (proto3 JSON: defaults left out). */
export interface Hl7V2Store {
  name: string;
  labels?: Record<string, string>;
  parserConfig?: { version?: 'PARSER_VERSION_UNSPECIFIED' | 'V1' | 'V2' | 'V3'; allowNullHeader?: boolean; segmentTerminator?: string };
  rejectDuplicateMessage?: boolean;
  notificationConfigs?: { pubsubTopic?: string; filter?: string }[];
}

/** `Hl7V2StoreMetrics`; int64 values arrive as strings. */
export interface Hl7V2StoreMetrics {
  name?: string;
  metrics?: { messageType?: string; count?: string; structuredStorageSizeBytes?: string }[];
}

/** A segment of `Message.parsedData`: `fields` keyed like `"3[0].1"`. */
export interface Hl7V2Segment {
  segmentId?: string;
  setId?: string;
  fields?: Record<string, string>;
}

/** `Message` in the FULL view. */
export interface Hl7V2Message {
  name: string;
  data?: string;
  createTime?: string;
  sendFacility?: string;
  sendTime?: string;
  messageType?: string;
  patientIds?: { value?: string; type?: string }[];
  labels?: Record<string, string>;
  parsedData?: { segments?: Hl7V2Segment[] };
}

/** `IngestMessageResponse`. */
export interface IngestMessageResponse {
  hl7Ack?: string;
  message?: Hl7V2Message;
}

/** `projects/{p}/locations/{l}/datasets/{d}/hl7V2Stores/{s}`, split. */
export interface Hl7V2StoreName extends DatasetName {
  store: string;
}

/** A message's store and id. */
export interface Hl7V2MessageName {
  store: Hl7V2StoreName;
  id: string;
}

const STORE_NAME = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+)\/hl7V2Stores\/([^/]+)$/;
const MESSAGE_NAME = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/hl7V2Stores\/[^/]+)\/messages\/([^/]+)$/;
/** Google's message ids are base64url with padding; anything else a server might use stays URL-safe. */
const MESSAGE_ID = /^[A-Za-z0-9_=-]{1,256}$/;

/** Validates a store id and returns the store's name parts. */
export function hl7V2StoreName(dataset: DatasetName, store: string): Hl7V2StoreName {
  if (!isValidResourceId(store)) throw new InvalidNameError(`HL7v2 store id ${JSON.stringify(store.slice(0, 300))} is not valid`);
  datasetPath(dataset);
  return { ...dataset, store };
}

/** Parses and validates an HL7v2 store name. */
export function parseHl7V2StoreName(name: string): Hl7V2StoreName {
  const match = STORE_NAME.exec(name);
  if (!match) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not an HL7v2 store name (projects/{p}/locations/{l}/datasets/{d}/hl7V2Stores/{s})`);
  }
  return hl7V2StoreName(parseDatasetName(match[1] ?? ''), match[2] ?? '');
}

/** Parses and validates an HL7v2 message name. */
export function parseHl7V2MessageName(name: string): Hl7V2MessageName {
  const match = MESSAGE_NAME.exec(name);
  if (!match || !MESSAGE_ID.test(match[2] ?? '')) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not an HL7v2 message name (…/hl7V2Stores/{s}/messages/{id})`);
  }
  return { store: parseHl7V2StoreName(match[1] ?? ''), id: match[2] ?? '' };
}

/** The store's resource name as the API spells it in bodies. */
export function hl7V2StoreResourceName(name: Hl7V2StoreName): string {
  return `${datasetResourceName(name)}/hl7V2Stores/${name.store}`;
}

/** The store's API path (validated, encoded). */
export function hl7V2StorePath(name: Hl7V2StoreName): string {
  return `${datasetPath(name)}/hl7V2Stores/${encodeURIComponent(name.store)}`;
}

/** `hl7V2Stores.list`: one page. */
export function listHl7V2Stores(client: HealthcareClient, dataset: DatasetName, page: PageRequest): Promise<Page<Hl7V2Store>> {
  return listPage(client, 'admin', `${datasetPath(dataset)}/hl7V2Stores`, 'hl7V2Stores', page);
}

/** `hl7V2Stores.get`. */
export function getHl7V2Store(client: HealthcareClient, name: Hl7V2StoreName): Promise<Hl7V2Store> {
  return client.json<Hl7V2Store>({ kind: 'admin', path: hl7V2StorePath(name) });
}

/** `hl7V2Stores.getHL7v2StoreMetrics`. */
export function getHl7V2StoreMetrics(client: HealthcareClient, name: Hl7V2StoreName): Promise<Hl7V2StoreMetrics> {
  return client.json<Hl7V2StoreMetrics>({ kind: 'admin', path: `${hl7V2StorePath(name)}:getHL7v2StoreMetrics` });
}

/** What `messages.list` is asked for; `filter` uses Google's syntax and is passed as a value. */
export interface MessageListRequest extends PageRequest {
  filter?: string;
  orderBy?: 'send_time' | 'send_time desc';
}

/** `messages.list` in the FULL view (the graph shows parsed fields of every message). */
export async function listMessages(client: HealthcareClient, store: Hl7V2StoreName, request: MessageListRequest): Promise<Page<Hl7V2Message>> {
  const body = await client.json<{ hl7V2Messages?: Hl7V2Message[]; nextPageToken?: string }>({
    kind: 'hl7v2',
    path: `${hl7V2StorePath(store)}/messages`,
    query: {
      view: 'FULL',
      filter: request.filter || undefined,
      orderBy: request.orderBy,
      pageSize: request.pageSize,
      pageToken: request.pageToken || undefined,
    },
  });
  return { items: body.hl7V2Messages ?? [], nextPageToken: body.nextPageToken ?? '' };
}

/** `messages.get` (FULL view). */
export function getMessage(client: HealthcareClient, name: Hl7V2MessageName): Promise<Hl7V2Message> {
  return client.json<Hl7V2Message>({ kind: 'hl7v2', path: `${hl7V2StorePath(name.store)}/messages/${encodeURIComponent(name.id)}` });
}

/**
 * `messages.ingest`: stores the message and returns it with the base64 ACK. A message the store
 * refuses comes back as an `UpstreamError` (400 for one that does not parse, 409 for a duplicate).
 * Never retried: a repeated POST would store the message twice.
 */
export function ingestMessage(client: HealthcareClient, store: Hl7V2StoreName, data: Buffer): Promise<IngestMessageResponse> {
  return client.json<IngestMessageResponse>({
    kind: 'hl7v2',
    method: 'POST',
    path: `${hl7V2StorePath(store)}/messages:ingest`,
    body: { message: { data: data.toString('base64') } },
  });
}

/** True when the text holds a C0 control character or DEL (none belongs in a filter or an id). */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Identifier types an MRN is written with in PID-3's CX.5: `MR` (HL7 table 0203) and `MRN`
 * (Google's examples); feeds use either.
 */
export const MRN_TYPES = ['MRN', 'MR'] as const;

/**
 * The filter for the messages of some patients, by MRN. A value with a quote, backslash or control
 * character cannot be written in the filter syntax unambiguously: such MRNs are left out, and
 * `undefined` means none was left.
 */
export function patientIdFilter(mrns: readonly string[]): string | undefined {
  const usable = mrns.filter((mrn) => mrn !== '' && !/["\\]/.test(mrn) && !hasControlCharacters(mrn));
  if (usable.length === 0) return undefined;
  return usable.flatMap((mrn) => MRN_TYPES.map((type) => `PatientId("${mrn}", "${type}")`)).join(' OR ');
}

/** True when a message lists this MRN among its patient ids (with an MRN identifier type). */
export function mentionsMrn(message: Hl7V2Message, mrn: string): boolean {
  return (message.patientIds ?? []).some((id) => id.value === mrn && (MRN_TYPES as readonly string[]).includes(id.type ?? ''));
}

/** The dataset a store belongs to. */
export function hl7V2DatasetOf(name: Hl7V2StoreName): DatasetName {
  return { project: name.project, location: name.location, dataset: name.dataset };
}
