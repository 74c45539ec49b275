/**
 * String search values: what a resource's string-typed elements contribute to a string index, and
 * the normalization that makes string search case- and accent-insensitive.
 */

import { isJsonObject, type JsonValue } from '../json.js';

// Every write normalizes every string and token text it is indexed under, and most recur (codes'
// displays, cities, given names): each is normalized once, and the index keeps one copy of the
// result. Bounded like the string pool (`intern.ts`).
const NORMALIZED_LIMIT = 1 << 17;
let normalized = new Map<string, string>();

/** Lower case without combining marks: `Müller` → `muller`, `ÉLODIE` → `elodie`. */
export function normalizeString(text: string): string {
  let out = normalized.get(text);
  if (out === undefined) {
    out = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (normalized.size >= NORMALIZED_LIMIT) normalized = new Map();
    normalized.set(text, out);
  }
  return out;
}

// Coded sub-elements of HumanName / Address that are not part of the searchable text.
const CODED_FIELDS = new Set(['use', 'type', 'id']);

/**
 * The strings an element holds: itself for a string, and for a complex type such as HumanName or
 * Address its string and string-list fields (family, given, line, city, …) except coded ones.
 */
export function stringValues(elements: readonly JsonValue[]): string[] {
  const out: string[] = [];
  for (const element of elements) {
    if (typeof element === 'string') {
      out.push(element);
    } else if (isJsonObject(element)) {
      for (const [key, value] of Object.entries(element)) {
        if (CODED_FIELDS.has(key)) continue;
        if (typeof value === 'string') out.push(value);
        else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') out.push(item);
      }
    }
  }
  return out;
}
