/**
 * Reads an HL7v2 ER7 message into segments, fields, repetitions, components and subcomponents.
 * Values stay escaped here; `parsed-data.ts` and `summary.ts` decide where escapes are decoded.
 */

import { DEFAULT_DELIMITERS, readDelimiters, unescapeValue, type Delimiters } from './encoding.js';

/** A component's subcomponents (at least one, possibly empty). */
export type Component = string[];
/** One occurrence of a field: its components. */
export type Repetition = Component[];
/** A field: its repetitions (at least one). */
export type Field = Repetition[];

/** A segment. `fields[n]` is field n in HL7 numbering (`fields[0]` holds the segment id). */
export interface Segment {
  id: string;
  fields: Field[];
}

/** A message as read. */
export interface Hl7Message {
  delimiters: Delimiters;
  segments: Segment[];
}

/** How the store reads messages (its `parserConfig`). */
export interface ParseOptions {
  /** Segment terminator; HL7's `\r` unless the store sets `parserConfig.segmentTerminator`. */
  segmentTerminator: string;
  /** `parserConfig.allowNullHeader`: messages need not start with MSH. */
  allowNullHeader: boolean;
}

/** The message cannot be read; the message says where and why (never the data itself). */
export class Hl7ParseError extends Error {
  override name = 'Hl7ParseError';
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;

function single(value: string): Field {
  return [[[value]]];
}

function splitField(value: string, d: Delimiters): Field {
  return value.split(d.repetition).map((rep) => rep.split(d.component).map((comp) => comp.split(d.subcomponent)));
}

/** Splits the text into segment strings, dropping empty ones (a trailing terminator, blank lines). */
function splitSegments(text: string, terminator: string): string[] {
  let parts = text.split(terminator);
  // Files and many interface engines write `\r\n`; with the standard `\r` terminator the `\n` is
  // line-ending noise, not data, so it is dropped rather than failing the next segment's id.
  if (terminator === '\r') parts = parts.map((part) => part.replace(/^\n+/, '').replace(/\n+$/, ''));
  return parts.filter((part) => part !== '');
}

/**
 * Parses a message. Throws `Hl7ParseError` when it has no MSH header (unless allowed), when the
 * header declares unusable delimiters, or when a segment id is not three upper-case letters/digits.
 */
export function parseHl7(text: string, options: ParseOptions): Hl7Message {
  const lines = splitSegments(text, options.segmentTerminator);
  if (lines.length === 0) throw new Hl7ParseError('the message holds no segments');
  const first = lines[0] ?? '';
  let delimiters = DEFAULT_DELIMITERS;
  if (first.startsWith('MSH')) {
    const read = readDelimiters(first);
    if (typeof read === 'string') throw new Hl7ParseError(`invalid MSH segment: ${read}`);
    delimiters = read;
  } else if (!options.allowNullHeader) {
    throw new Hl7ParseError('the message must start with an MSH segment (the store does not allow messages without a header)');
  }
  const segments = lines.map((line, index): Segment => {
    const parts = line.split(delimiters.field);
    const id = parts[0] ?? '';
    if (!SEGMENT_ID.test(id)) {
      throw new Hl7ParseError(`segment ${index + 1} has an invalid segment ID ${JSON.stringify(id.slice(0, 10))}`);
    }
    if (id === 'MSH') {
      if (index !== 0) throw new Hl7ParseError(`segment ${index + 1} is a second MSH segment`);
      // MSH-1 is the field separator itself and MSH-2 the encoding characters: neither is split.
      const rest = parts.slice(2).map((value) => splitField(value, delimiters));
      return { id, fields: [single(id), single(delimiters.field), single(parts[1] ?? ''), ...rest] };
    }
    return { id, fields: [single(id), ...parts.slice(1).map((value) => splitField(value, delimiters))] };
  });
  return { delimiters, segments };
}

/**
 * Just the MSH segment of a message that failed to parse, when that much is readable: what a NACK
 * echoes (control id, applications, facilities).
 */
export function parseHeader(text: string, options: ParseOptions): Hl7Message | undefined {
  const first = splitSegments(text, options.segmentTerminator)[0];
  if (first === undefined || !first.startsWith('MSH')) return undefined;
  try {
    return parseHl7(first, options);
  } catch {
    return undefined;
  }
}

/** The raw (escaped) value at a position, or '' when absent. Component and subcomponent are 1-based. */
export function rawValue(segment: Segment | undefined, field: number, repetition = 0, component = 1, subcomponent = 1): string {
  return segment?.fields[field]?.[repetition]?.[component - 1]?.[subcomponent - 1] ?? '';
}

/** The decoded value at a position, or '' when absent. */
export function textValue(message: Hl7Message, segment: Segment | undefined, field: number, repetition = 0, component = 1, subcomponent = 1): string {
  return unescapeValue(rawValue(segment, field, repetition, component, subcomponent), message.delimiters);
}
