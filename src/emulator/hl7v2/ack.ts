/**
 * The ACK / NACK that `messages.ingest` answers with (Google's HL7v2 how-to): message type `ACK`,
 * sending and receiving application and facility swapped, the current time, a new control id,
 * MSA-1 the acknowledgment code and MSA-2 the original control id (MSH-10).
 */

import { randomUUID } from 'node:crypto';
import { formatDtmUtc } from '../../hl7v2/datetime.js';
import { DEFAULT_DELIMITERS, escapeValue, type Delimiters } from './encoding.js';
import type { MessageSummary } from './summary.js';

/** MSA-1: application accept, application error, application reject. */
export type AckCode = 'AA' | 'AE' | 'AR';

/** What an ACK echoes from the message; empty when the header could not be read. */
export type AckSource = Pick<
  MessageSummary,
  'controlId' | 'sendingApplication' | 'sendingFacility' | 'receivingApplication' | 'receivingFacility' | 'processingId' | 'version'
>;

const UNKNOWN_SOURCE: AckSource = {
  controlId: '',
  sendingApplication: '',
  sendingFacility: '',
  receivingApplication: '',
  receivingFacility: '',
  processingId: '',
  version: '',
};

/**
 * Builds an ACK. `text` (MSA-3) explains an AE/AR; it is escaped so it cannot break the message.
 * Written with the original message's delimiters, `\r`-terminated like every HL7 message.
 */
export function buildAck(
  code: AckCode,
  source: AckSource = UNKNOWN_SOURCE,
  delimiters: Delimiters = DEFAULT_DELIMITERS,
  text?: string,
  now: number = Date.now(),
): string {
  const d = delimiters;
  const encoding = `${d.component}${d.repetition}${d.escape}${d.subcomponent}${d.truncation ?? ''}`;
  const msh = [
    'MSH',
    encoding,
    source.receivingApplication,
    source.receivingFacility,
    source.sendingApplication,
    source.sendingFacility,
    formatDtmUtc(now),
    '',
    'ACK',
    randomUUID(),
    source.processingId || 'P',
    source.version || '2.5',
  ].join(d.field);
  const msa = ['MSA', code, source.controlId, ...(text === undefined ? [] : [escapeValue(text, d)])].join(d.field);
  return `${msh}\r${msa}\r`;
}
