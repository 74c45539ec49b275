/**
 * Reading files whose Specific Character Set dcmjs refuses (several character sets, ISO 2022 code
 * extensions): dcmjs reads a copy whose (0008,0005) says `ISO_IR 100`, so that every text byte
 * comes through as one character, and the text elements are then decoded from those bytes with the
 * file's own character sets (charsets.ts). The stored file keeps its original bytes.
 */
import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import { needsOwnDecoding, textDecoding, type TextDecoding } from './charsets.js';

/** The VRs whose values the Specific Character Set applies to (PS3.5 6.1.2.3). */
const CHARACTER_SET_VRS: ReadonlySet<string> = new Set(['SH', 'LO', 'ST', 'LT', 'PN', 'UC', 'UT']);
/** Explicit VRs with a 4-byte length (PS3.5 7.1.2). */
const LONG_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const SPECIFIC_CHARACTER_SET = 0x00080005;

/** dcmjs decodes `ISO_IR 100` with the WHATWG `latin1` decoder, which is windows-1252: its inverse gives the bytes back. */
const WINDOWS_1252_BYTES: ReadonlyMap<string, number> = (() => {
  const decoded = new TextDecoder('latin1').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return new Map([...decoded].map((char, byte) => [char, byte]));
})();

/** A top-level Specific Character Set dcmjs cannot decode, and where its value is. */
export interface OwnCharacterSet {
  terms: string[];
  valueOffset: number;
  valueLength: number;
}

/**
 * Finds (0008,0005) in a Part 10 file's top-level data set, when its terms need own decoding.
 * Deflated files, and anything unusual before the element, are left to dcmjs.
 */
export function ownCharacterSet(bytes: Uint8Array): OwnCharacterSet | undefined {
  if (bytes.length < 144 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 132;
  let transferSyntax = '';
  // The file meta group: Explicit VR Little Endian, group 0002.
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const element = readHeader(view, at, true, true);
    if (element === undefined) return undefined;
    if (element.tag === 0x00020010) transferSyntax = ascii(bytes, element.valueOffset, element.length).replace(/[\0 ]+$/, '');
    at = element.valueOffset + element.length;
  }
  if (transferSyntax === DEFLATED) return undefined;
  const explicit = transferSyntax !== IMPLICIT_VR_LITTLE_ENDIAN;
  const little = transferSyntax !== EXPLICIT_VR_BIG_ENDIAN;
  while (at + 8 <= bytes.length) {
    const element = readHeader(view, at, explicit, little);
    if (element === undefined || element.tag > SPECIFIC_CHARACTER_SET) return undefined;
    if (element.tag === SPECIFIC_CHARACTER_SET) {
      const terms = ascii(bytes, element.valueOffset, element.length).replace(/[\0 ]+$/, '').split('\\');
      return needsOwnDecoding(terms) ? { terms, valueOffset: element.valueOffset, valueLength: element.length } : undefined;
    }
    at = element.valueOffset + element.length;
  }
  return undefined;
}

function readHeader(view: DataView, at: number, explicit: boolean, little: boolean): { tag: number; valueOffset: number; length: number } | undefined {
  const tag = ((view.getUint16(at, little) << 16) | view.getUint16(at + 2, little)) >>> 0;
  let length: number;
  let valueOffset: number;
  if (!explicit) {
    length = view.getUint32(at + 4, little);
    valueOffset = at + 8;
  } else {
    const vr = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5));
    if (LONG_VRS.has(vr)) {
      if (at + 12 > view.byteLength) return undefined;
      length = view.getUint32(at + 8, little);
      valueOffset = at + 12;
    } else {
      length = view.getUint16(at + 6, little);
      valueOffset = at + 8;
    }
  }
  // An undefined length (a sequence) cannot be skipped without parsing it: dcmjs decides then.
  if (length === 0xffffffff || valueOffset + length > view.byteLength) return undefined;
  return { tag, valueOffset, length };
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

/** A copy of the file whose Specific Character Set reads `ISO_IR 100` (padded to the same length), for dcmjs. */
export function withSingleByteCharacterSet(bytes: Uint8Array, found: OwnCharacterSet): Uint8Array {
  const copy = new Uint8Array(bytes);
  const value = 'ISO_IR 100'.padEnd(found.valueLength, ' ');
  copy.set(Uint8Array.from(value.slice(0, found.valueLength), (char) => char.charCodeAt(0)), found.valueOffset);
  return copy;
}

/** Decodes, in place, the text elements dcmjs read as single bytes (sequence items included). */
export function decodeTextElements(dataset: DcmjsDataset, terms: readonly string[]): void {
  redecode(dataset, textDecoding(terms));
}

function redecode(dataset: DcmjsDataset, decode: TextDecoding): void {
  for (const element of Object.values(dataset)) {
    if (element.vr === 'SQ') {
      for (const item of element.Value ?? []) if (typeof item === 'object' && item !== null) redecode(item as DcmjsDataset, decode);
    } else if (CHARACTER_SET_VRS.has(element.vr)) {
      redecodeElement(element, decode);
    }
  }
}

function redecodeElement(element: DcmjsElement, decode: TextDecoding): void {
  const raw = element._rawValue ?? element.Value;
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? (raw as string[]).join('\\') : undefined;
  if (text === undefined || text === '') return;
  const decoded = decode(Uint8Array.from([...text], (char) => WINDOWS_1252_BYTES.get(char) ?? 0x3f));
  const values = element.vr === 'ST' || element.vr === 'LT' || element.vr === 'UT' ? [decoded] : decoded.split('\\');
  if (element.vr === 'PN') {
    element.Value = values.map((value) => personName(value.replace(/ +$/, '')));
    element._rawValue = decoded;
    return;
  }
  element._rawValue = values;
  element.Value = values.map((value) => value.replace(/\s+$/, ''));
}

function personName(value: string): Record<string, string> {
  const [alphabetic = '', ideographic = '', phonetic = ''] = value.split('=');
  const name: Record<string, string> = { Alphabetic: alphabetic };
  if (ideographic !== '') name['Ideographic'] = ideographic;
  if (phonetic !== '') name['Phonetic'] = phonetic;
  return name;
}
