/**
 * The UTF-8 byte length of a value's JSON text, `Buffer.byteLength(JSON.stringify(value))`,
 * without building the text: the store sizes every resource it writes (metrics), and building a
 * resource's whole text only to measure it costs about as much as the rest of indexing it.
 */

import type { JsonValue } from '../json.js';

// Property names recur in every resource: each is measured once. Bounded in case keys are data.
const KEY_LIMIT = 1 << 14;
const keySizes = new Map<string, number>();

/** Bytes of `text` as a JSON string literal: quotes, escapes, UTF-8 of the rest. */
export function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      bytes += c === 0x22 || c === 0x5c ? 2 : 1; // `"` and `\` are escaped
    } else if (c < 0x20) {
      // \b \t \n \f \r, else \u00XX
      bytes += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    } else if (c < 0x800) {
      bytes += c === 0x7f ? 1 : 2;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one 4-byte character; a lone surrogate is written as \uXXXX.
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 6;
      }
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

export function keyBytes(key: string): number {
  let bytes = keySizes.get(key);
  if (bytes === undefined) {
    bytes = stringBytes(key);
    if (keySizes.size < KEY_LIMIT) keySizes.set(key, bytes);
  }
  return bytes;
}

/** Characters of a number as JSON writes it; integers counted without formatting them. */
export function numberBytes(value: number): number {
  if (!Number.isFinite(value)) return 4; // null
  if (!Number.isInteger(value) || Math.abs(value) >= 1e21) return String(value).length;
  let digits = value < 0 ? 2 : 1;
  for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** `Buffer.byteLength(JSON.stringify(value))` for a JSON value (no `undefined` inside arrays). */
export function jsonByteLength(value: JsonValue | undefined): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return numberBytes(value);
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null || value === undefined) return 4;
  if (Array.isArray(value)) {
    let bytes = value.length === 0 ? 2 : value.length + 1; // brackets and commas
    for (const item of value) bytes += jsonByteLength(item);
    return bytes;
  }
  let bytes = 2;
  let members = 0;
  for (const key in value) {
    const item = value[key];
    if (item === undefined) continue; // JSON.stringify leaves out undefined members
    bytes += keyBytes(key) + 1 + jsonByteLength(item); // "key":value
    members++;
  }
  return members === 0 ? bytes : bytes + members - 1;
}
