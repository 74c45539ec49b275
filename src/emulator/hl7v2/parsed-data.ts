/**
 * Google's `ParsedData`: one `Segment` per segment, whose `fields` map is keyed by position —
 * `"5"` (a field), `"5.1"` (a component, 1-based), `"5.1.2"` (a subcomponent), `"3[0].1"` (a
 * component of one occurrence of a repeated field, 0-based) — and `setId` for segments in a set.
 *
 * The parser version decides two things (ParserConfig.version): V1 (and unspecified) leaves out
 * MSH-1, so MSH keys are one less than the HL7 field number (`"8.1"` is MSH-9.1, as in Google's
 * sample); V2 and V3 keep HL7 numbering; V3 also decodes escaped delimiters in values.
 */

import { unescapeValue } from './encoding.js';
import { rawValue, type Field, type Hl7Message, type Segment } from './parser.js';

/** `ParserConfig.version`. */
export type ParserVersion = 'V1' | 'V2' | 'V3';

/** A segment as the API renders it. */
export interface ParsedSegment {
  segmentId: string;
  setId?: string;
  fields: Record<string, string>;
}

/**
 * Segments whose first field is a Set ID (HL7 v2.x chapters 2–7 and 15): repeated segments
 * numbered 1, 2, … within their group. Other segments get no `setId`.
 */
const SET_ID_SEGMENTS = new Set([
  'AL1', 'DB1', 'DG1', 'DRG', 'FT1', 'GT1', 'IAM', 'IN1', 'NK1', 'NTE', 'OBR', 'OBX', 'PID', 'PR1', 'PV1',
  'ROL', 'SPM', 'TQ1', 'TQ2', 'TXA', 'AIG', 'AIL', 'AIP', 'AIS', 'RGS', 'FAC', 'PRB', 'GOL', 'PTH', 'VAR',
]);

/**
 * Adds a field's entries to `out`. A field with several occurrences is written with `[r]` on
 * every occurrence; one occurrence without brackets. Empty values are left out ("every given
 * non-empty message field").
 */
function addField(out: Record<string, string>, key: string, field: Field, decode: (value: string) => string): void {
  const repeated = field.length > 1;
  field.forEach((repetition, r) => {
    const base = repeated ? `${key}[${r}]` : key;
    const simple = repetition.length === 1 && (repetition[0]?.length ?? 0) === 1;
    if (simple) {
      const value = repetition[0]?.[0] ?? '';
      if (value !== '') out[base] = decode(value);
      return;
    }
    repetition.forEach((component, c) => {
      if (component.length === 1) {
        const value = component[0] ?? '';
        if (value !== '') out[`${base}.${c + 1}`] = decode(value);
        return;
      }
      component.forEach((value, s) => {
        if (value !== '') out[`${base}.${c + 1}.${s + 1}`] = decode(value);
      });
    });
  });
}

function renderSegment(message: Hl7Message, segment: Segment, version: ParserVersion): ParsedSegment {
  const decode = version === 'V3' ? (value: string) => unescapeValue(value, message.delimiters) : (value: string) => value;
  const fields: Record<string, string> = { '0': segment.id };
  segment.fields.forEach((field, n) => {
    if (n === 0) return;
    if (segment.id === 'MSH' && n <= 2) {
      // MSH-1 and MSH-2 are the delimiters themselves: never split, never decoded.
      if (n === 1 && version === 'V1') return;
      const key = version === 'V1' ? String(n - 1) : String(n);
      const value = rawValue(segment, n);
      if (value !== '') fields[key] = value;
      return;
    }
    const key = segment.id === 'MSH' && version === 'V1' ? String(n - 1) : String(n);
    addField(fields, key, field, decode);
  });
  const rendered: ParsedSegment = { segmentId: segment.id, fields };
  const setId = SET_ID_SEGMENTS.has(segment.id) ? rawValue(segment, 1) : '';
  if (setId !== '') rendered.setId = setId;
  return rendered;
}

/** The message's `parsedData`. */
export function toParsedData(message: Hl7Message, version: ParserVersion): { segments: ParsedSegment[] } {
  return { segments: message.segments.map((segment) => renderSegment(message, segment, version)) };
}
