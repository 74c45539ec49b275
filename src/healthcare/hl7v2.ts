/**
 * HL7v2 stores and messages of the Cloud Healthcare API (reference §1.3, §2, §8): names, store and
 * message shapes, and the calls the graph makes. Every name is validated before it reaches a URL.
 */
import type { Page, PageRequest } from './admin.js';
import type { HealthcareClient } from './client.js';
import { InvalidNameError, parseStoreName, storePath, storeResourceName, type AllowedStore, type StoreName } from './names.js';

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

export type Hl7V2StoreName = StoreName<'hl7V2Stores'>;

/** A message's store and id. */
export interface Hl7V2MessageName {
  store: Hl7V2StoreName;
  id: string;
}

const MESSAGE_NAME = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/hl7V2Stores\/[^/]+)\/messages\/([^/]+)$/;
/** Google's message ids are base64url with padding; anything else a server might use stays URL-safe. */
const MESSAGE_ID = /^[A-Za-z0-9_=-]{1,256}$/;

/** Parses and validates an HL7v2 message name. */
export function parseHl7V2MessageName(name: string): Hl7V2MessageName {
  const match = MESSAGE_NAME.exec(name);
  if (!match || !MESSAGE_ID.test(match[2] ?? '')) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not an HL7v2 message name (…/hl7V2Stores/{s}/messages/{id})`);
  }
  return { store: parseStoreName(match[1] ?? '', 'hl7V2Stores'), id: match[2] ?? '' };
}

/** A message's resource name. */
export function messageResourceName(store: Hl7V2StoreName, id: string): string {
  return `${storeResourceName(store)}/messages/${id}`;
}

/** What `messages.list` is asked for; `filter` uses Google's syntax and is passed as a value. */
export interface MessageListRequest extends PageRequest {
  filter?: string;
  orderBy?: 'send_time' | 'send_time desc';
}

/** `messages.list` in the FULL view (the graph shows parsed fields of every message). */
export async function listMessages(client: HealthcareClient, store: AllowedStore<'hl7V2Stores'>, request: MessageListRequest): Promise<Page<Hl7V2Message>> {
  const body = await client.json<{ hl7V2Messages?: Hl7V2Message[]; nextPageToken?: string }>({
    kind: 'hl7v2',
    path: `${storePath(store)}/messages`,
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
export function getMessage(client: HealthcareClient, store: AllowedStore<'hl7V2Stores'>, id: string): Promise<Hl7V2Message> {
  return client.json<Hl7V2Message>({ kind: 'hl7v2', path: `${storePath(store)}/messages/${encodeURIComponent(id)}` });
}

/**
 * `messages.ingest`: stores the message and returns it with the base64 ACK. A message the store
 * refuses comes back as an `UpstreamError` (400 for one that does not parse, 409 for a duplicate).
 * Never retried: a repeated POST would store the message twice.
 */
export function ingestMessage(client: HealthcareClient, store: AllowedStore<'hl7V2Stores'>, data: Buffer): Promise<IngestMessageResponse> {
  return client.json<IngestMessageResponse>({
    kind: 'hl7v2',
    method: 'POST',
    path: `${storePath(store)}/messages:ingest`,
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
