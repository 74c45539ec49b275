/**
 * Turning a `Message` request body into a stored message: validation, parsing with the store's
 * parser settings, the derived fields, and the duplicate check.
 */

import { randomBytes } from 'node:crypto';
import { ApiError, invalidArgument } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { validateLabels } from '../labels.js';
import type { Delimiters } from './encoding.js';
import type { Hl7V2MessageStore } from './message-store.js';
import { Hl7ParseError, parseHeader, parseHl7 } from './parser.js';
import { toParsedData } from './parsed-data.js';
import type { MessageRecord } from './record.js';
import { decodeBytes, parserSettings } from './store-spec.js';
import { summarize, type MessageSummary } from './summary.js';

/** Message fields a request may set; the rest are output only and ignored, as Google does. */
const OUTPUT_ONLY = new Set(['name', 'createTime', 'sendFacility', 'sendTime', 'messageType', 'patientIds', 'parsedData', 'schematizedData']);

/** A message id: 32 random bytes, base64url — the shape of the ids Google hands out. */
export function newMessageId(): string {
  return randomBytes(32).toString('base64url') + '=';
}

/** The `message` of a create or ingest body, validated: its raw bytes (base64) and labels. */
export function readMessageBody(body: JsonObject): { data: string; labels: Record<string, string> } {
  const message = body['message'];
  const unknownTop = Object.keys(body).find((key) => key !== 'message');
  if (unknownTop !== undefined) {
    throw invalidArgument(`Invalid JSON payload received. Unknown name "${unknownTop}": Cannot find field.`);
  }
  if (!isJsonObject(message)) throw invalidArgument('message is required.');
  let data: string | undefined;
  let labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(message)) {
    if (key === 'data') {
      if (typeof value !== 'string') throw invalidArgument(`Invalid value at 'message.data' (TYPE_BYTES), ${JSON.stringify(value)}`);
      const bytes = decodeBytes(value);
      if (bytes === undefined) throw invalidArgument("Invalid value at 'message.data' (TYPE_BYTES): not valid base64.");
      data = bytes.toString('base64');
    } else if (key === 'labels') {
      labels = validateLabels(value, 'message.labels');
    } else if (!OUTPUT_ONLY.has(key)) {
      throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}" at 'message': Cannot find field.`);
    }
  }
  if (data === undefined || data === '') throw invalidArgument('message.data is required.');
  return { data, labels };
}

/** A message the store refused; `ack` is the NACK that `ingest` sends back with the error. */
export class RejectedMessage extends ApiError {
  constructor(
    httpStatus: number,
    message: string,
    readonly ackCode: 'AE' | 'AR',
    readonly summary: MessageSummary | undefined,
    readonly delimiters: Delimiters | undefined,
  ) {
    super(httpStatus, message);
  }
}

/**
 * Parses a validated body into a new message record of the store. Throws `RejectedMessage` when the
 * data is not an HL7v2 message the store accepts (400, AR) or duplicates a stored one while the
 * store rejects duplicates (409, AE).
 */
export function buildMessage(
  store: Hl7V2MessageStore,
  input: { data: string; labels: Record<string, string> },
  zone: string,
  now: number = Date.now(),
): { record: MessageRecord; summary: MessageSummary; delimiters: Delimiters } {
  const settings = parserSettings(store.config());
  const text = Buffer.from(input.data, 'base64').toString('utf8');
  let parsed;
  try {
    parsed = parseHl7(text, settings);
  } catch (error) {
    if (!(error instanceof Hl7ParseError)) throw error;
    const header = parseHeader(text, settings);
    const summary = header === undefined ? undefined : summarize(header, zone);
    throw new RejectedMessage(400, `Invalid HL7v2 message: ${error.message}.`, 'AR', summary, header?.delimiters);
  }
  const summary = summarize(parsed, zone);
  if (store.config()['rejectDuplicateMessage'] === true && store.hasData(input.data)) {
    throw new RejectedMessage(409, 'Message already exists: the store rejects duplicate messages.', 'AE', summary, parsed.delimiters);
  }
  const id = newMessageId();
  const record: MessageRecord = {
    id,
    name: `${store.name}/messages/${id}`,
    data: input.data,
    createTime: now * 1000,
    labels: input.labels,
    patientIds: summary.patientIds,
    parsedData: toParsedData(parsed, settings.version),
  };
  if (summary.messageType !== undefined) record.messageType = summary.messageType;
  if (summary.sendFacility !== undefined) record.sendFacility = summary.sendFacility;
  if (summary.sendTime !== undefined) record.sendTime = summary.sendTime;
  return { record, summary, delimiters: parsed.delimiters };
}
