/** Rendering a stored message for a `view` (reference §8) and reading the `view` and `orderBy` parameters. */

import { invalidArgument } from '../errors.js';
import type { JsonObject } from '../json.js';
import { formatRfc3339 } from '../../hl7v2/datetime.js';
import type { MessageRecord } from './record.js';

const VIEWS = ['MESSAGE_VIEW_UNSPECIFIED', 'RAW_ONLY', 'PARSED_ONLY', 'FULL', 'SCHEMATIZED_ONLY', 'BASIC'] as const;

/** `MessageView`. */
export type MessageView = (typeof VIEWS)[number];

/** Reads `view`; absent or unspecified means `fallback` (FULL for get, BASIC for list). */
export function parseView(raw: string | undefined, fallback: 'FULL' | 'BASIC'): Exclude<MessageView, 'MESSAGE_VIEW_UNSPECIFIED'> {
  if (raw === undefined || raw === '' || raw === 'MESSAGE_VIEW_UNSPECIFIED') return fallback;
  if (!(VIEWS as readonly string[]).includes(raw)) throw invalidArgument(`Invalid value at 'view' (TYPE_ENUM), "${raw}"`);
  return raw as Exclude<MessageView, 'MESSAGE_VIEW_UNSPECIFIED'>;
}

/**
 * A message as the API returns it. BASIC is the name only; RAW_ONLY leaves out the parsed forms,
 * PARSED_ONLY the raw data, SCHEMATIZED_ONLY both (stores here have no schema, so there is no
 * schematizedData to show).
 */
export function renderMessage(record: MessageRecord, view: Exclude<MessageView, 'MESSAGE_VIEW_UNSPECIFIED'>): JsonObject {
  const out: JsonObject = { name: record.name };
  if (view === 'BASIC') return out;
  if (view === 'FULL' || view === 'RAW_ONLY') out['data'] = record.data;
  out['createTime'] = formatRfc3339(record.createTime);
  if (record.sendFacility !== undefined) out['sendFacility'] = record.sendFacility;
  if (record.sendTime !== undefined) out['sendTime'] = formatRfc3339(record.sendTime);
  if (record.messageType !== undefined) out['messageType'] = record.messageType;
  if (record.patientIds.length > 0) out['patientIds'] = record.patientIds.map((id) => ({ ...id }));
  if (Object.keys(record.labels).length > 0) out['labels'] = { ...record.labels };
  if (view === 'FULL' || view === 'PARSED_ONLY') {
    out['parsedData'] = { segments: record.parsedData.segments.map((s) => ({ ...s, fields: { ...s.fields } })) };
  }
  return out;
}

/** `orderBy`: only `send_time`, ascending (default) or descending. */
export type MessageOrder = 'id' | 'send_time' | 'send_time desc';

/** Reads `orderBy`; absent = the store's own order (by id). */
export function parseOrderBy(raw: string | undefined): MessageOrder {
  if (raw === undefined || raw.trim() === '') return 'id';
  const m = /^\s*(send_time|sendTime)(?:\s+(asc|desc))?\s*$/.exec(raw);
  if (m === null) throw invalidArgument(`Invalid orderBy "${raw}": messages can only be ordered by send_time (optionally "send_time desc").`);
  return m[2] === 'desc' ? 'send_time desc' : 'send_time';
}

// Shifts micros since 1970 into a positive range (back to year 1653) so keys sort as fixed-width text.
const SHIFT = 5e16;
const WIDTH = 17;

/**
 * A key that sorts messages in the requested order as plain text, ending with the id so it is
 * unique: the keyset page token continues after it. Messages without a send time come last.
 */
export function sortKey(record: MessageRecord, order: MessageOrder): string {
  if (order === 'id') return record.id;
  if (record.sendTime === undefined) return `~|${record.id}`;
  const shifted = record.sendTime + SHIFT;
  const value = order === 'send_time' ? shifted : 10 ** WIDTH - 1 - shifted;
  return `${String(Math.round(value)).padStart(WIDTH, '0')}|${record.id}`;
}
