/** Store labels: validation on write, and the `labels.key=value` filter of store list methods. */

import { invalidArgument } from './errors.js';
import { isJsonObject, type JsonValue } from './json.js';

export const MAX_LABELS = 64;
// The reference's key regex `\p{Ll}\p{Lo}{0,62}` is a rendering of Google's documented
// `[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}`; the latter is what Cloud labels everywhere use.
const KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;

/** Validates a `labels` field value and returns it as a string map. */
export function validateLabels(value: JsonValue, field: string): Record<string, string> {
  if (!isJsonObject(value)) throw invalidArgument(`Invalid value at '${field}': expected a map of strings.`);
  const entries = Object.entries(value);
  if (entries.length > MAX_LABELS) {
    throw invalidArgument(`Invalid value at '${field}': at most ${MAX_LABELS} labels are allowed.`);
  }
  const labels: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (typeof v !== 'string') throw invalidArgument(`Invalid value at '${field}[${key}]': expected a string.`);
    if (!KEY.test(key)) throw invalidArgument(`Invalid label key "${key}": must match ${KEY.source}.`);
    if (!VALUE.test(v)) throw invalidArgument(`Invalid label value "${v}" for key "${key}": must match ${VALUE.source}.`);
    labels[key] = v;
  }
  return labels;
}

/** A parsed store-list filter: every term must hold. */
export type LabelPredicate = (labels: Readonly<Record<string, string>>) => boolean;

const TERM = /^labels\.(?:"([^"]+)"|([\p{L}\p{N}_-]+))\s*(=|:)\s*(?:"([^"]*)"|(\*|[\p{L}\p{N}_-]*))$/u;

/**
 * Parses the store list `filter`: terms `labels.key=value` (equality) and `labels.key:*`
 * (presence), keys and values optionally quoted, joined by `AND` or whitespace (AIP-160's
 * implicit AND). Anything else is a 400, because Google only filters stores on labels.
 */
export function parseLabelFilter(filter: string | undefined): LabelPredicate {
  if (filter === undefined || filter.trim() === '') return () => true;
  const terms = splitTerms(filter.trim());
  const checks = terms.map((term): LabelPredicate => {
    const m = TERM.exec(term);
    if (m === null) {
      throw invalidArgument(
        `Invalid filter "${filter}": only labels.key=value and labels.key:* terms joined by AND are supported.`,
      );
    }
    const key = (m[1] ?? m[2]) as string;
    const op = m[3];
    const value = m[4] ?? m[5] ?? '';
    if (op === ':' && value === '*') return (labels) => Object.hasOwn(labels, key);
    // `labels.key:value` is "has" on a scalar, which AIP-160 defines as equality.
    return (labels) => labels[key] === value;
  });
  return (labels) => checks.every((check) => check(labels));
}

/** Splits on `AND` / whitespace outside double quotes, tolerating spaces around `=` and `:`. */
function splitTerms(filter: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of filter) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current !== '') tokens.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current !== '') tokens.push(current);
  // Re-join `key = value` written with spaces, then drop the AND keywords.
  const joined: string[] = [];
  for (const token of tokens) {
    const prev = joined.at(-1);
    if (prev !== undefined && (/[=:]$/.test(prev) || /^[=:]/.test(token))) {
      joined[joined.length - 1] = prev + token;
    } else {
      joined.push(token);
    }
  }
  return joined.filter((t) => t !== 'AND');
}
