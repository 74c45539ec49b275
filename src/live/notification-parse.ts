/**
 * Cloud Healthcare's Pub/Sub notifications read into {@link StoreEvent}s (formats:
 * ../shared/reference/pubsub.md §1.2–1.4, docs/live-updates.md). Only names, ids, versions and
 * times are taken out of a message: a `FullResource` payload is patient data, so it is parsed for
 * its `id` and dropped, never kept or logged.
 */

import { InvalidNameError, parseStoreName } from '../healthcare/names.js';
import type { DicomStoreEvent, FhirStoreEvent, Hl7V2StoreEvent, StoreEvent } from './store-events.js';

/** What a Pub/Sub message brings: its payload (raw bytes over gRPC) and attributes. */
export interface NotificationMessage {
  data: Buffer;
  attributes: Readonly<Record<string, string>>;
}

/** A notification read into an event, with its time (ms since the epoch) when the message gives one. */
export interface ParsedNotification {
  event: StoreEvent;
  /** `lastUpdatedTime`, for ordering versions of the same resource. */
  time?: number;
}

/**
 * Why a message gave no event: `malformed` (not one of Cloud Healthcare's formats) or
 * `unsupported` (a valid notification of something that is no store event, e.g. DICOM `SetBlobSettings`).
 */
export type UnparseableReason = 'malformed' | 'unsupported';

export type ParseResult = ({ ok: true } & ParsedNotification) | { ok: false; reason: UnparseableReason };

const FHIR_ACTIONS: Readonly<Record<string, FhirStoreEvent['action']>> = {
  CreateResource: 'CREATE',
  UpdateResource: 'UPDATE',
  PatchResource: 'PATCH',
  DeleteResource: 'DELETE',
};

/** DICOM actions that are store events; others (`SetBlobSettings`, ...) are `unsupported`. */
const DICOM_ACTIONS: Readonly<Record<string, DicomStoreEvent['action']>> = {
  StoreInstances: 'STORE',
  ImportDicomData: 'STORE',
  DeleteInstances: 'DELETE',
};

const STORE = String.raw`projects/[^/]+/locations/[^/]+/datasets/[^/]+`;
const FHIR_NAME = new RegExp(String.raw`^(${STORE}/fhirStores/[^/]+)/fhir/([A-Za-z]{1,64})/([A-Za-z0-9.-]{1,64})$`);
const UID = '[0-9.]{1,64}';
const DICOM_NAME = new RegExp(String.raw`^(${STORE}/dicomStores/[^/]+)/dicomWeb/studies/(${UID})/series/(${UID})/instances/(${UID})$`);
const HL7V2_NAME = new RegExp(String.raw`^(${STORE}/hl7V2Stores/[^/]+)/messages/([^/]{1,256})$`);
/** A resource type and id as FHIR spells them (a full resource's `resourceType` and `id`). */
const FHIR_TYPE = /^[A-Za-z]{1,64}$/;
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;
/** Longest payload that can be a resource name; a longer one is only read as a FHIR full resource. */
const MAX_NAME_BYTES = 2048;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:UTC|GMT)$/;

/** Thrown inside this module for a message that is not a notification; turned into `malformed`. */
class Malformed extends Error {}

/** `Mon, 01 Jan 2020 00:00:00 UTC` (how Cloud Healthcare writes `lastUpdatedTime`) as epoch ms. */
export function parseRfc1123(value: string): number {
  const match = RFC1123.exec(value);
  if (!match) throw new Malformed('lastUpdatedTime');
  const [day, year, hours, minutes, seconds] = [match[1], match[3], match[4], match[5], match[6]].map(Number) as [number, number, number, number, number];
  const time = Date.UTC(year, MONTHS.indexOf(match[2]!), day, hours, minutes, seconds);
  // Date.UTC rolls 31 Feb over into March and 24:00 into the next day: such a value is not a time.
  if (new Date(time).getUTCDate() !== day || hours > 23 || minutes > 59 || seconds > 59) throw new Malformed('lastUpdatedTime');
  return time;
}

/** Epoch ms as RFC 3339 (`2020-01-01T00:00:00Z`; the notification has whole seconds). */
function rfc3339(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/** A store name of the kind, validated as the graph validates names. */
function storeName(name: string | undefined, kind: 'fhirStores' | 'dicomStores' | 'hl7V2Stores'): string {
  if (name === undefined) throw new Malformed('storeName');
  try {
    parseStoreName(name, kind);
  } catch (error) {
    if (error instanceof InvalidNameError) throw new Malformed('storeName');
    throw error;
  }
  return name;
}

/** An attribute that, when present, must agree with what the payload says. */
function agrees(attribute: string | undefined, value: string): void {
  if (attribute !== undefined && attribute !== value) throw new Malformed('attribute');
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** Time from `lastUpdatedTime`, when the message has one. */
function timeOf(attributes: NotificationMessage['attributes']): number | undefined {
  const value = nonEmpty(attributes['lastUpdatedTime']);
  return value === undefined ? undefined : parseRfc1123(value);
}

/** The type and id of a `FullResource` payload; nothing else of it leaves this function. */
function fullResourceIdentity(data: Buffer): { resourceType: string; id: string } {
  let resource: unknown;
  try {
    resource = JSON.parse(data.toString('utf8'));
  } catch {
    // The parser's message may quote the payload: it is not passed on.
    throw new Malformed('payload');
  }
  const { resourceType, id } = (typeof resource === 'object' && resource !== null ? resource : {}) as Record<string, unknown>;
  if (typeof resourceType !== 'string' || !FHIR_TYPE.test(resourceType) || typeof id !== 'string' || !FHIR_ID.test(id)) throw new Malformed('payload');
  return { resourceType, id };
}

function parseFhir(action: FhirStoreEvent['action'], { data, attributes }: NotificationMessage): ParsedNotification {
  const payloadType = attributes['payloadType']?.toLowerCase();
  let store: string;
  let resourceType: string;
  let resourceId: string;
  if (payloadType === 'fullresource') {
    // A full resource carries no name: the store comes from `storeName`.
    store = storeName(attributes['storeName'], 'fhirStores');
    ({ resourceType, id: resourceId } = fullResourceIdentity(data));
  } else {
    // `NameOnly` (Google spells it `nameOnly` too), or the deprecated config, which has no `payloadType`.
    if (payloadType !== undefined && payloadType !== 'nameonly') throw new Malformed('payloadType');
    const match = data.length <= MAX_NAME_BYTES ? FHIR_NAME.exec(data.toString('utf8')) : null;
    if (!match) throw new Malformed('name');
    store = storeName(match[1], 'fhirStores');
    resourceType = match[2]!;
    resourceId = match[3]!;
    agrees(attributes['storeName'], store);
  }
  agrees(attributes['resourceType'], resourceType);
  const time = timeOf(attributes);
  const event: FhirStoreEvent = { kind: 'fhir', store, name: `${store}/fhir/${resourceType}/${resourceId}`, action, resourceType, resourceId };
  const versionId = nonEmpty(attributes['versionId']);
  if (versionId !== undefined) event.versionId = versionId;
  if (time !== undefined) event.lastUpdated = rfc3339(time);
  return { event, time };
}

function parseDicom(match: RegExpExecArray, { attributes }: NotificationMessage): ParsedNotification | undefined {
  const rawAction = attributes['action'];
  // The legacy `notificationConfig` sends no attributes at all: a store (or, asked for, an import).
  const action = rawAction === undefined ? 'STORE' : DICOM_ACTIONS[rawAction];
  if (action === undefined) return undefined;
  const store = storeName(match[1], 'dicomStores');
  const [studyInstanceUid, seriesInstanceUid, sopInstanceUid] = [match[2]!, match[3]!, match[4]!];
  agrees(attributes['storeName'], store);
  agrees(attributes['studyInstanceUID'], studyInstanceUid);
  agrees(attributes['seriesInstanceUID'], seriesInstanceUid);
  agrees(attributes['sopInstanceUID'], sopInstanceUid);
  const event: DicomStoreEvent = { kind: 'dicom', store, name: match[0], action, studyInstanceUid, seriesInstanceUid, sopInstanceUid };
  const versionId = nonEmpty(attributes['versionId']);
  if (versionId !== undefined) event.versionId = versionId;
  return { event, time: timeOf(attributes) };
}

function parseHl7V2(match: RegExpExecArray, { attributes }: NotificationMessage): ParsedNotification {
  const event: Hl7V2StoreEvent = { kind: 'hl7v2', store: storeName(match[1], 'hl7V2Stores'), name: match[0] };
  const messageType = nonEmpty(attributes['msgType']);
  if (messageType !== undefined) event.messageType = messageType;
  return { event };
}

/**
 * Reads one notification. FHIR messages are known by their `action` (every FHIR config sends
 * one); DICOM and HL7v2 ones by the resource name in `data`. Never throws: a message that is not
 * a notification is `malformed`, whatever it holds.
 */
export function parseNotification(message: NotificationMessage): ParseResult {
  try {
    const fhirAction = FHIR_ACTIONS[message.attributes['action'] ?? ''];
    if (fhirAction !== undefined) return { ok: true, ...parseFhir(fhirAction, message) };
    const text = message.data.length <= MAX_NAME_BYTES ? message.data.toString('utf8') : '';
    const dicom = DICOM_NAME.exec(text);
    if (dicom) {
      const parsed = parseDicom(dicom, message);
      return parsed === undefined ? { ok: false, reason: 'unsupported' } : { ok: true, ...parsed };
    }
    const hl7v2 = HL7V2_NAME.exec(text);
    if (hl7v2) return { ok: true, ...parseHl7V2(hl7v2, message) };
    return { ok: false, reason: 'malformed' };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: 'malformed' };
    throw error;
  }
}
