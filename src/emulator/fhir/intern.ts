/**
 * Shared copies of repeated strings. Stored resources repeat the same codes, systems, displays,
 * units, statuses and references (`Patient/p1` in every resource of the patient), and `JSON.parse`
 * gives each occurrence its own copy: about two thirds of the string bytes of a loaded cohort are
 * such duplicates. Storing one shared copy instead saves that memory and the garbage collector's
 * work of copying and marking them.
 *
 * The pool is bounded: once full it starts afresh, so strings of deleted resources and one-off
 * values are not kept forever; a value that keeps repeating is shared again right after.
 */

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
