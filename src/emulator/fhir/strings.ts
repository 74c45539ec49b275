/**
 * String search values: what a resource's string-typed elements contribute to a string index, and
 * the normalization that makes string search case- and accent-insensitive.
 */

import { isJsonObject, type JsonValue } from '../json.js';

/** Lower case without combining marks: `Müller` → `muller`, `ÉLODIE` → `elodie`. */
export function normalizeString(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
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
