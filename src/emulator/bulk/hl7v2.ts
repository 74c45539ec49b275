/**
 * `hl7V2Stores.export` (reference §2.2) to the emulated Cloud Storage: the messages whose send
 * time (MSH-7) lies in `[startTime, endTime)` and that match `filter`, one `Message` JSON per line
 * (`MESSAGE_JSON`) in the chosen `messageView`. Google does not document the object's name; the
 * emulator writes `{uriPrefix}/{operationId}_messages.ndjson`.
 */

import { invalidArgument } from '../errors.js';
import type { Chunk } from '../deid/job.js';
import type { GcsFolder } from '../gcs.js';
import type { JsonObject } from '../json.js';
import { parseRfc3339, type Micros } from '../../hl7v2/datetime.js';
import { parseMessageFilter } from '../hl7v2/filter.js';
import type { Hl7V2MessageStore } from '../hl7v2/message-store.js';
import { parseView, renderMessage } from '../hl7v2/views.js';
import { checkFields, enumField, gcsDestination, optionalString, refuseUnreachable } from './requests.js';

export const HL7V2_EXPORT_METHOD = 'google.cloud.healthcare.v1.hl7v2.Hl7V2Service.ExportMessages';
export const HL7V2_EXPORT_RESPONSE = { '@type': 'type.googleapis.com/google.cloud.healthcare.v1.hl7v2.ExportMessagesResponse' };

function timeField(body: JsonObject, field: string): Micros | undefined {
  const text = optionalString(body, field);
  if (text === undefined) return undefined;
  const micros = parseRfc3339(text);
  if (micros === undefined) throw invalidArgument(`Invalid value at '${field}' (type.googleapis.com/google.protobuf.Timestamp), "${text.slice(0, 100)}"`);
  return micros;
}

/** A validated `ExportMessagesRequest` for Cloud Storage. */
export function parseHl7V2ExportRequest(body: JsonObject) {
  checkFields(body, ['gcsDestination', 'pubsubDestination', 'startTime', 'endTime', 'filter']);
  refuseUnreachable(body, ['pubsubDestination']);
  const { prefix, destination } = gcsDestination(body, ['contentStructure', 'messageView']);
  enumField(destination, 'contentStructure', ['MESSAGE_JSON'], 'MESSAGE_JSON', 'gcsDestination.contentStructure');
  const view = parseView(optionalString(destination, 'messageView', 'gcsDestination.messageView'), 'FULL');
  return {
    prefix,
    view,
    start: timeField(body, 'startTime'),
    end: timeField(body, 'endTime'),
    matches: parseMessageFilter(optionalString(body, 'filter')),
  };
}

/** One chunk: the selected messages in one object. */
export function planHl7V2Export(
  gcs: GcsFolder,
  store: Hl7V2MessageStore,
  request: ReturnType<typeof parseHl7V2ExportRequest>,
  zone: string,
  operationId: string,
): Chunk[] {
  const { start, end, matches, view, prefix } = request;
  const selected = store.all().filter((message) => {
    const sent = message.sendTime;
    if (start !== undefined && (sent === undefined || sent < start)) return false;
    if (end !== undefined && (sent === undefined || sent >= end)) return false;
    return matches(message, { zone });
  });
  if (selected.length === 0) return [];
  return [{
    size: selected.length,
    run: async () => {
      await gcs.write(prefix, `${operationId}_messages.ndjson`, selected.map((m) => `${JSON.stringify(renderMessage(m, view))}\n`).join(''));
      return 0;
    },
  }];
}
