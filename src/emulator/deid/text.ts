/**
 * Free text: finding sensitive values (`INSPECT_AND_TRANSFORM`, DICOM `DEIDENTIFY_TAG_CONTENTS`)
 * and applying a TextConfig transformation to one value.
 *
 * Google inspects text with Cloud DLP's info-type detectors. The emulator has no DLP, so it finds
 * what it can find reliably: pattern info types (e-mail, phone, SSN, dates) and the identifying
 * values the operation itself saw in structured fields (the names, MRNs, phone numbers and
 * addresses of the source's patients and practitioners), wherever they recur in free text.
 */

import { transformationFor, type TextConfig, type Transformation } from './config.js';
import { isFhirDate, shiftDicomDate, shiftFhirDate, type DeidKeys } from './keys.js';

/** Info types the emulator reports. */
export type InfoType =
  | 'PERSON_NAME'
  | 'MEDICAL_RECORD_NUMBER'
  | 'PHONE_NUMBER'
  | 'EMAIL_ADDRESS'
  | 'US_SOCIAL_SECURITY_NUMBER'
  | 'LOCATION'
  | 'DATE'
  | 'GENERIC_ID'
  /** A field value the emulator cannot classify: redacted unless a transformation names no info types. */
  | 'UNKNOWN';

const PATTERNS: readonly (readonly [InfoType, RegExp])[] = [
  ['EMAIL_ADDRESS', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
  ['US_SOCIAL_SECURITY_NUMBER', /\b\d{3}-\d{2}-\d{4}\b/g],
  ['PHONE_NUMBER', /(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b/g],
  ['DATE', /\b\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g],
];

/** A sensitive span in a text. */
interface Finding {
  start: number;
  end: number;
  infoType: InfoType;
}

/** Known values longer than this many words are not looked for in free text. */
const MAX_WORDS = 8;
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, with where each sits. */
function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/**
 * Finds sensitive spans: the pattern info types plus every known identifying value. Known values
 * are matched as word sequences (punctuation and case ignored: "Lehner, Elian" and "LEHNER^ELIAN"
 * both hold the words of the name), through a map, so the cost does not grow with how many
 * values are known.
 */
export class TextInspector {
  private readonly known = new Map<string, InfoType>();
  private longest = 0;

  /** Remembers a value seen in a structured field (a name, an MRN, an address line). */
  learn(value: string, infoType: InfoType): void {
    const sequence = words(value).map((w) => w.word);
    const key = sequence.join(' ');
    // One- and two-letter fragments (initials, "MA") would match inside ordinary text.
    if (key.length < 3 || sequence.length > MAX_WORDS || this.known.has(key)) return;
    this.known.set(key, infoType);
    this.longest = Math.max(this.longest, sequence.length);
  }

  /** The sensitive spans of a text, left to right, without overlaps (longest first wins). */
  inspect(text: string): Finding[] {
    const findings: Finding[] = [];
    for (const [infoType, pattern] of PATTERNS) {
      for (const m of text.matchAll(pattern)) findings.push({ start: m.index, end: m.index + m[0].length, infoType });
    }
    const found = words(text);
    for (let i = 0; i < found.length; i++) {
      for (let n = Math.min(this.longest, found.length - i); n > 0; n--) {
        const infoType = this.known.get(found.slice(i, i + n).map((w) => w.word).join(' '));
        if (infoType === undefined) continue;
        findings.push({ start: (found[i] as { start: number }).start, end: (found[i + n - 1] as { end: number }).end, infoType });
        i += n - 1;
        break;
      }
    }
    findings.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Finding[] = [];
    for (const f of findings) if (kept.length === 0 || f.start >= (kept.at(-1) as Finding).end) kept.push(f);
    return kept;
  }
}

/** How dates of the value being transformed are shifted: the days for its patient. */
export interface ValueContext {
  readonly keys: DeidKeys;
  readonly text: TextConfig;
  /** Days to shift this value's dates by (per patient). */
  readonly shiftDays: number;
  /** DICOM DA/DT values instead of FHIR dates. */
  readonly dicom?: boolean;
}

/** What to do with a value when the TextConfig names no transformation for its info type. */
function fallback(infoType: InfoType): Transformation {
  if (infoType === 'DATE') return { kind: 'dateShift', key: undefined };
  // Identifiers stay linkable (the same MRN gives the same hash everywhere in the copy).
  if (infoType === 'MEDICAL_RECORD_NUMBER' || infoType === 'GENERIC_ID') return { kind: 'cryptoHash', key: undefined };
  if (infoType === 'UNKNOWN') return { kind: 'redact' };
  return { kind: 'replaceWithInfoType' };
}

/**
 * Applies the TextConfig transformation for `infoType` to a whole value. `undefined` = the value is
 * redacted (removed). A date shift that cannot apply (not a date) redacts, as Google documents.
 */
export function transformValue(value: string, infoType: InfoType, ctx: ValueContext, whole = false): string | undefined {
  const t = transformationFor(ctx.text, infoType) ?? fallback(infoType);
  // "A Crypto Hash transformation can't be applied to a FHIR Date field": such dates are redacted.
  if (infoType === 'DATE' && t.kind === 'cryptoHash') return whole ? undefined : `[${infoType}]`;
  switch (t.kind) {
    case 'redact':
      return whole ? undefined : '';
    case 'characterMask':
      return value.replace(/[^\s]/gu, t.maskingCharacter);
    case 'replaceWithInfoType':
      return `[${infoType}]`;
    case 'cryptoHash':
      return ctx.keys.cryptoHash(value);
    case 'dateShift': {
      const shifted = ctx.dicom === true ? shiftDicomDate(value, ctx.shiftDays) : shiftFhirDate(value, ctx.shiftDays);
      if (shifted !== undefined) return shifted;
      return whole ? undefined : `[${infoType}]`;
    }
  }
}

/** The info type of a whole structured value: a date, or what the field holds. */
export function infoTypeOfValue(value: string, fieldInfoType: InfoType | undefined): InfoType {
  if (isFhirDate(value)) return 'DATE';
  return fieldInfoType ?? 'UNKNOWN';
}

/** Replaces every sensitive span of a free text by its transformation. */
export function inspectAndTransform(text: string, inspector: TextInspector, ctx: ValueContext): string {
  let out = '';
  let at = 0;
  for (const f of inspector.inspect(text)) {
    const span = text.slice(f.start, f.end);
    // Dates inside free text are ISO or US style, never DICOM DA: shift them as FHIR dates.
    const replaced = transformValue(span, f.infoType, { ...ctx, dicom: false });
    out += text.slice(at, f.start) + (replaced ?? '');
    at = f.end;
  }
  return out + text.slice(at);
}
