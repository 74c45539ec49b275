/**
 * The DICOM JSON model (PS3.18 F.2) and its construction from a dcmjs data set, applying Google's
 * bulkdata rules (reference §4.3): what counts as bulkdata gets a `BulkDataURI`, small binary values
 * are inlined as base64.
 */

import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import { TAG } from './tags.js';

export interface PersonNameValue {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}

export type DicomJsonValue = string | number | PersonNameValue | DicomJsonDataset | null;

/** One attribute; an empty attribute has only `vr`. */
export interface DicomJsonElement {
  vr: string;
  Value?: DicomJsonValue[];
  InlineBinary?: string;
  /**
   * In the emulator's index this is relative to the instance (`7FE00010`, `00540016/0/00181072`);
   * `withBulkDataBase` turns it into the absolute URL clients get.
   */
  BulkDataURI?: string;
}

/** Attributes keyed by 8 upper-case hex digits. */
export interface DicomJsonDataset {
  [tag: string]: DicomJsonElement;
}

const PIXEL_DATA_TAGS: ReadonlySet<string> = new Set([TAG.PixelData, TAG.FloatPixelData, TAG.DoubleFloatPixelData]);
/** Always bulkdata, whatever their size. */
const BULK_VRS: ReadonlySet<string> = new Set(['OB', 'OW', 'UN']);
/** Bulkdata above 2 KiB, inline below. */
const LARGE_BINARY_VRS: ReadonlySet<string> = new Set(['OD', 'OF', 'OL', 'OV']);
const LARGE_BINARY_BYTES = 2048;
/** Bulkdata when they hold more than 512 values. */
const NUMERIC_LIST_VRS: ReadonlySet<string> = new Set(['AT', 'FD', 'FL', 'UL', 'US', 'SV', 'UV']);
const NUMERIC_LIST_MAX_VALUES = 512;

/**
 * Text VRs whose trailing spaces are padding but whose other trailing characters (CR, LF, TAB, FF)
 * are content (PS3.5 6.2). dcmjs trims every trailing whitespace character from their `Value`.
 */
const TEXT_VRS: ReadonlySet<string> = new Set(['LT', 'ST', 'UT']);

/** The binary VRs whose dcmjs `Value` is a list of ArrayBuffers. */
export const BINARY_VRS: ReadonlySet<string> = new Set([...BULK_VRS, ...LARGE_BINARY_VRS]);

function isGroupLength(tag: string): boolean {
  return tag.endsWith('0000');
}

/** The bytes of a dcmjs binary value (several buffers for encapsulated pixel data, one otherwise). */
export function binaryBytes(element: DcmjsElement): Uint8Array {
  const buffers = (element.Value ?? []).filter((v): v is ArrayBuffer => v instanceof ArrayBuffer);
  if (buffers.length === 1 && buffers[0] !== undefined) return new Uint8Array(buffers[0]);
  return new Uint8Array(Buffer.concat(buffers.map((b) => new Uint8Array(b))));
}

function scalar(value: unknown, vr: string): DicomJsonValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (vr === 'AT' && typeof value === 'number') return value.toString(16).toUpperCase().padStart(8, '0');
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (vr === 'PN') return personName(typeof value === 'string' ? { Alphabetic: value } : (value as Record<string, unknown>));
  return typeof value === 'string' ? value : String(value);
}

function personName(value: Record<string, unknown>): PersonNameValue | null {
  const name: PersonNameValue = {};
  for (const group of ['Alphabetic', 'Ideographic', 'Phonetic'] as const) {
    const text = value[group];
    if (typeof text === 'string' && text !== '') name[group] = text;
  }
  return Object.keys(name).length === 0 ? null : name;
}

/**
 * The values of a text element with only their trailing spaces trimmed: the raw values dcmjs keeps,
 * as long as `Value` is still what it read from them (as dcmjs's writer decides whether to write
 * them back); `Value` otherwise.
 */
function textValues(element: DcmjsElement): unknown[] {
  const values = element.Value ?? [];
  const raw = element._rawValue;
  if (!Array.isArray(raw) || raw.length !== values.length) return values;
  const untrimmed = raw.map((v) => (typeof v === 'string' ? v.replace(/ +$/, '') : v));
  const unchanged = untrimmed.every((v, i) => typeof v === 'string' && v.replace(/\s+$/, '') === values[i]);
  return unchanged ? untrimmed : values;
}

function convertElement(tag: string, element: DcmjsElement, path: readonly string[]): DicomJsonElement {
  const { vr } = element;
  const values = TEXT_VRS.has(vr) ? textValues(element) : (element.Value ?? []);
  const here = [...path, tag];
  if (PIXEL_DATA_TAGS.has(tag) || BINARY_VRS.has(vr)) {
    const size = values.reduce<number>((n, v) => n + (v instanceof ArrayBuffer ? v.byteLength : 0), 0);
    if (size === 0) return { vr };
    if (PIXEL_DATA_TAGS.has(tag) || BULK_VRS.has(vr) || size > LARGE_BINARY_BYTES) {
      return { vr, BulkDataURI: here.join('/') };
    }
    return { vr, InlineBinary: Buffer.from(binaryBytes(element)).toString('base64') };
  }
  if (NUMERIC_LIST_VRS.has(vr) && values.length > NUMERIC_LIST_MAX_VALUES) {
    return { vr, BulkDataURI: here.join('/') };
  }
  if (vr === 'SQ') {
    const items = values.map((item, i) => fromDcmjs(item as DcmjsDataset, [...here, String(i)]));
    return items.length === 0 ? { vr } : { vr, Value: items };
  }
  const converted = values.map((v) => scalar(v, vr));
  return converted.every((v) => v === null) ? { vr } : { vr, Value: converted };
}

/**
 * Converts a dcmjs data set (its `dict`, or a sequence item) to DICOM JSON, dropping group length
 * elements. `path` locates nested items for relative BulkDataURIs.
 */
export function fromDcmjs(dataset: DcmjsDataset, path: readonly string[] = []): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [rawTag, element] of Object.entries(dataset)) {
    const tag = rawTag.toUpperCase();
    if (isGroupLength(tag)) continue;
    out[tag] = convertElement(tag, element, path);
  }
  return out;
}

/** A copy of `dataset` whose relative BulkDataURIs are resolved against `instanceUrl`. */
export function withBulkDataBase(dataset: DicomJsonDataset, instanceUrl: string): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [tag, element] of Object.entries(dataset)) {
    if (element.BulkDataURI !== undefined) {
      out[tag] = { vr: element.vr, BulkDataURI: `${instanceUrl}/bulkdata/${element.BulkDataURI}` };
    } else if (element.vr === 'SQ' && element.Value !== undefined) {
      out[tag] = sequence(element.Value.map((item) => withBulkDataBase(item as DicomJsonDataset, instanceUrl)));
    } else {
      out[tag] = element;
    }
  }
  return out;
}

/** The first value of a string attribute, if any. */
export function firstString(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' ? value : undefined;
}

/** The first value of a numeric attribute, if any. */
export function firstNumber(dataset: DicomJsonDataset, tag: string): number | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'number' ? value : undefined;
}

/**
 * The values of an attribute as QIDO matching compares them: strings trimmed, every component
 * group of a person name, numbers as text.
 */
export function stringValues(el: DicomJsonElement | undefined): string[] {
  return (el?.Value ?? []).flatMap((v) => {
    if (typeof v === 'string') return [v.trim()];
    if (v !== null && typeof v === 'object' && 'Alphabetic' in v) {
      return [v.Alphabetic, v.Ideographic, v.Phonetic].filter((s): s is string => s !== undefined);
    }
    return typeof v === 'number' ? [String(v)] : [];
  });
}

/** A single-valued attribute. */
export function element(vr: string, value: DicomJsonValue): DicomJsonElement {
  return { vr, Value: [value] };
}

/** A sequence (`SQ`) attribute of the given items. */
export function sequence(items: DicomJsonDataset[]): DicomJsonElement {
  return { vr: 'SQ', Value: items };
}

/** The data set with its attributes in ascending tag order, as DICOM JSON writers emit them. */
export function sortedByTag(dataset: DicomJsonDataset): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const tag of Object.keys(dataset).sort()) out[tag] = dataset[tag] as DicomJsonElement;
  return out;
}
