/**
 * The Pub/Sub messages Cloud Healthcare publishes for a change, per store notification config
 * (../shared/reference/pubsub.md §1.2–1.4): FHIR `NameOnly` or `FullResource` payloads (and the
 * previous resource on delete when asked), the deprecated single `notificationConfig` with its
 * two attributes, DICOM's one message per instance, and HL7v2's filter and `msgType`.
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { parseMessageFilter } from '../hl7v2/filter.js';
import type { DicomChange, FhirChange, Hl7V2Change, StoreChange } from './changes.js';

/** One message for one topic. */
export interface OutgoingMessage {
  topic: string;
  data: Buffer;
  attributes: Record<string, string>;
}

/** `Mon, 01 Jan 2020 00:00:00 UTC`: RFC 1123 as the Healthcare API writes `lastUpdatedTime`. */
export function rfc1123(time: string | number): string {
  return new Date(time).toUTCString().replace(/GMT$/, 'UTC');
}

/** The configs of a field that holds a list (`notificationConfigs`), each with a topic. */
function configList(config: JsonObject, field: string): JsonObject[] {
  const value: JsonValue | undefined = config[field];
  return Array.isArray(value) ? value.filter((c): c is JsonObject => isJsonObject(c) && typeof c['pubsubTopic'] === 'string' && c['pubsubTopic'] !== '') : [];
}

/** The deprecated single `notificationConfig`, when it names a topic. */
function legacyConfig(config: JsonObject): JsonObject | undefined {
  const legacy = config['notificationConfig'];
  return isJsonObject(legacy) && typeof legacy['pubsubTopic'] === 'string' && legacy['pubsubTopic'] !== '' ? legacy : undefined;
}

const text = (value: string): Buffer => Buffer.from(value, 'utf8');

function fhirMessages(storeName: string, config: JsonObject, change: FhirChange): OutgoingMessage[] {
  const name = `${storeName}/fhir/${change.resourceType}/${change.id}`;
  const deleted = change.action === 'DeleteResource';
  const messages = configList(config, 'notificationConfigs').map((c): OutgoingMessage => {
    const body = deleted ? (c['sendPreviousResourceOnDelete'] === true ? change.previous : undefined) : c['sendFullResource'] === true ? change.resource : undefined;
    return {
      topic: String(c['pubsubTopic']),
      data: body === undefined ? text(name) : text(JSON.stringify(body)),
      attributes: {
        action: change.action,
        lastUpdatedTime: rfc1123(change.lastUpdated),
        payloadType: body === undefined ? 'NameOnly' : 'FullResource',
        resourceType: change.resourceType,
        storeName,
        versionId: change.versionId,
      },
    };
  });
  const legacy = legacyConfig(config);
  if (legacy !== undefined) {
    messages.push({ topic: String(legacy['pubsubTopic']), data: text(name), attributes: { action: change.action, resourceType: change.resourceType } });
  }
  return messages;
}

function hl7v2Messages(config: JsonObject, change: Hl7V2Change): OutgoingMessage[] {
  // The filters were checked when the configs were set, so parsing cannot fail here.
  return configList(config, 'notificationConfigs')
    .filter((c) => parseMessageFilter(typeof c['filter'] === 'string' ? c['filter'] : undefined)(change.message, { zone: change.zone }))
    .map((c) => ({ topic: String(c['pubsubTopic']), data: text(change.message.name), attributes: { msgType: change.message.messageType ?? '' } }));
}

function dicomMessages(storeName: string, config: JsonObject, change: DicomChange, now: number): OutgoingMessage[] {
  const configs = configList(config, 'notificationConfigs');
  const legacy = legacyConfig(config);
  // The legacy config notifies stores, and imports only with `sendForBulkImport`; it carries no attributes.
  const legacyApplies =
    legacy !== undefined && (change.action === 'StoreInstances' || (change.action === 'ImportDicomData' && legacy['sendForBulkImport'] === true));
  const messages: OutgoingMessage[] = [];
  for (const instance of change.instances) {
    const name = `${storeName}/dicomWeb/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
    const attributes: Record<string, string> = {
      action: change.action,
      lastUpdatedTime: rfc1123(now),
      storeName,
      studyInstanceUID: instance.studyInstanceUid,
      seriesInstanceUID: instance.seriesInstanceUid,
      sopInstanceUID: instance.sopInstanceUid,
      versionId: String(now * 1000),
      storageClass: 'STANDARD',
    };
    if (instance.modality !== undefined) attributes['modality'] = instance.modality;
    for (const c of configs) messages.push({ topic: String(c['pubsubTopic']), data: text(name), attributes });
    if (legacyApplies) messages.push({ topic: String(legacy['pubsubTopic']), data: text(name), attributes: {} });
  }
  return messages;
}

/** The messages a change produces under a store's configuration (`now` in ms, for DICOM's times). */
export function notificationMessages(storeName: string, config: JsonObject, change: StoreChange, now: number = Date.now()): OutgoingMessage[] {
  switch (change.kind) {
    case 'fhir':
      return fhirMessages(storeName, config, change);
    case 'hl7v2':
      return hl7v2Messages(config, change);
    case 'dicom':
      return dicomMessages(storeName, config, change, now);
  }
}
