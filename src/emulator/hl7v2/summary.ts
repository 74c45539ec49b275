/**
 * The indexed fields Google derives from a message (reference §8): `messageType` (MSH-9.1),
 * `sendFacility` (MSH-4), `sendTime` (MSH-7) and `patientIds` (PID-2, PID-3 and PID-4), plus what
 * the emulator needs for ACKs (control id, applications, facilities, version).
 */

import { parseDtm, type Micros } from '../../hl7v2/datetime.js';
import { textValue, type Hl7Message } from './parser.js';

/** `Message.patientIds[]`. */
export interface PatientId {
  value: string;
  type?: string;
}

/** What the header and PID segments say about a message. */
export interface MessageSummary {
  messageType?: string;
  /** MSH-9.2, the trigger event (e.g. `A01`). */
  event?: string;
  sendFacility?: string;
  sendTime?: Micros;
  patientIds: PatientId[];
  /** MSH-10. */
  controlId: string;
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  /** MSH-11 and MSH-12, echoed in the ACK. */
  processingId: string;
  version: string;
}

const orUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

/** Reads the summary; values are decoded (escapes resolved). Times are read in `zone` when they carry no offset. */
export function summarize(message: Hl7Message, zone: string): MessageSummary {
  const msh = message.segments[0]?.id === 'MSH' ? message.segments[0] : undefined;
  const text = (field: number, component = 1): string => textValue(message, msh, field, 0, component);
  const patientIds: PatientId[] = [];
  const seen = new Set<string>();
  for (const pid of message.segments.filter((segment) => segment.id === 'PID')) {
    for (const field of [2, 3, 4]) {
      (pid.fields[field] ?? []).forEach((_, r) => {
        const value = textValue(message, pid, field, r, 1);
        if (value === '') return;
        const type = textValue(message, pid, field, r, 5);
        const key = `${value}\u0000${type}`;
        if (seen.has(key)) return;
        seen.add(key);
        patientIds.push(type === '' ? { value } : { value, type });
      });
    }
  }
  return {
    messageType: orUndefined(text(9, 1)),
    event: orUndefined(text(9, 2)),
    // MSH-4 is an HD; its namespace id (HD.1) is the facility as senders name it.
    sendFacility: orUndefined(text(4, 1)),
    // MSH-7 is a DTM (a TS, whose first component is the time, before v2.6).
    sendTime: parseDtm(text(7, 1), zone),
    patientIds,
    controlId: text(10),
    sendingApplication: rawHd(message, 3),
    sendingFacility: rawHd(message, 4),
    receivingApplication: rawHd(message, 5),
    receivingFacility: rawHd(message, 6),
    processingId: text(11),
    version: text(12),
  };
}

/** An HD field exactly as written (all components, still escaped), for copying into the ACK. */
function rawHd(message: Hl7Message, field: number): string {
  const msh = message.segments[0]?.id === 'MSH' ? message.segments[0] : undefined;
  const value = msh?.fields[field]?.[0];
  if (value === undefined) return '';
  const d = message.delimiters;
  return value.map((component) => component.join(d.subcomponent)).join(d.component);
}
