/**
 * Shared copies of repeated strings. Stored resources repeat the same codes, systems, displays,
 * units, statuses and references (`Patient/p1` in every resource of the patient), and `JSON.parse`
 * gives each occurrence its own copy: about two thirds of the string bytes of a loaded cohort are
 * such duplicates. Storing one shared copy instead saves that memory and the garbage collector's
 * work of copying and marking them.
 *
 * Elements made of such values alone (Codings, References, Quantities) recur as well and are shared
 * the same way (`shareElement`).
 *
 * The pools are bounded: once full they start afresh, so strings of deleted resources and one-off
 * values are not kept forever; a value that keeps repeating is shared again right after.
 */

import type { JsonObject, JsonValue } from '../json.js';
import { stringBytes } from './json-size.js';

// Distinct strings remembered at most (a few MB); large enough to span a patient's whole record.
const POOL_LIMIT = 1 << 17;
// Longer strings (narratives, attachments) rarely repeat and would be costly to hash.
const MAX_LENGTH = 256;

/** A shared string, with the bytes it takes in JSON (measured once, for the store's metrics). */
export interface SharedString {
  readonly text: string;
  readonly bytes: number;
}

let pool = new Map<string, SharedString>();

/** The shared copy of `text` (`text` itself the first time it is seen), and its JSON size. */
export function share(text: string): SharedString {
  if (text.length > MAX_LENGTH) return { text, bytes: stringBytes(text) };
  let shared = pool.get(text);
  if (shared === undefined) {
    if (pool.size >= POOL_LIMIT) pool = new Map();
    pool.set(text, (shared = { text, bytes: stringBytes(text) }));
  }
  return shared;
}

/** The shared copy of `text` (`text` itself the first time it is seen). */
export function intern(text: string): string {
  return text.length > MAX_LENGTH ? text : share(text).text;
}

// Elements with more members, or longer values, are rarely the same in two resources.
const ELEMENT_MEMBERS = 6;
const ELEMENT_KEY_LENGTH = 512;

let elements = new Map<string, JsonObject>();

/**
 * The part of an element's identity that a primitive value or a member name contributes: typed
 * and length-prefixed, so that no two different elements have the same identity.
 */
function valueKey(value: JsonValue | undefined): string {
  if (typeof value === 'string') return `${value.length}"${value}`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0;' : `${value};`;
  if (value === undefined) return 'u';
  return value === null ? 'z' : value === true ? 't' : 'f';
}

/**
 * The shared copy of an element whose members are all strings, numbers, booleans or null, such as
 * a Coding or a Reference: the first element seen with the same members in the same order.
 * (Sharing elements that hold other elements too saves little more memory for much more work:
 * most of those hold some value of their own, such as an identifier or a time.)
 */
export function shareElement(element: JsonObject): JsonObject {
  let key = '';
  let members = 0;
  for (const name in element) {
    if (++members > ELEMENT_MEMBERS) return element;
    key += valueKey(name) + valueKey(element[name]);
  }
  if (key.length > ELEMENT_KEY_LENGTH) return element;
  const shared = elements.get(key);
  if (shared !== undefined) return shared;
  if (elements.size >= POOL_LIMIT) elements = new Map();
  elements.set(key, element);
  return element;
}
