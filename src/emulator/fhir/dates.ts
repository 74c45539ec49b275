/**
 * Dates as ranges. Every FHIR date, dateTime, instant or Period is the half-open interval of
 * epoch milliseconds it covers at its precision (`2020` is the whole year, `2020-03` the month,
 * `2020-03-05T10:00` the minute), and search prefixes compare intervals as FHIR R4 defines them.
 */

import { isJsonObject, type JsonValue } from '../json.js';

/** `[lo, hi)` in epoch milliseconds; open Period ends are ±Infinity. */
export interface DateRange {
  lo: number;
  hi: number;
}

/** The search prefixes the store supports for dates and quantities (`ap` is not supported). */
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb';

const PREFIXES: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb']);

/** Splits a leading prefix off a search value (`ge2020` → `ge`, `2020`); default `eq`. */
export function splitPrefix(raw: string): { prefix: Prefix | undefined; rest: string } {
  const head = raw.slice(0, 2);
  if (/^[a-z]{2}/.test(head)) {
    return PREFIXES.has(head) ? { prefix: head as Prefix, rest: raw.slice(2) } : { prefix: undefined, rest: raw };
  }
  return { prefix: 'eq', rest: raw };
}

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Days of a month (1–12) as `Date.UTC` counts them: it reads years 0–99 as 1900–1999. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year < 100 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** Parses a FHIR date / dateTime / instant into the range it covers; `undefined` if malformed. */
export function parseDateRange(text: string): DateRange | undefined {
  const m = DATE.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  if (day > daysInMonth(year, month)) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(millis);
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const lo = base - offset;
  if (mo === undefined) return { lo, hi: Date.UTC(year + 1, 0, 1) - offset };
  if (d === undefined) return { lo, hi: Date.UTC(year, month, 1) - offset };
  if (h === undefined) return { lo, hi: lo + 86_400_000 };
  if (s === undefined) return { lo, hi: lo + 60_000 };
  if (frac === undefined) return { lo, hi: lo + 1000 };
  return { lo, hi: lo + 1 };
}

/** The ranges of the date-like elements a search parameter selects (dates and Periods). */
export function dateRanges(elements: readonly JsonValue[]): DateRange[] {
  const out: DateRange[] = [];
  for (const element of elements) {
    if (typeof element === 'string') {
      const range = parseDateRange(element);
      if (range !== undefined) out.push(range);
    } else if (isJsonObject(element) && (element['start'] !== undefined || element['end'] !== undefined)) {
      const start = typeof element['start'] === 'string' ? parseDateRange(element['start']) : undefined;
      const end = typeof element['end'] === 'string' ? parseDateRange(element['end']) : undefined;
      out.push({ lo: start?.lo ?? -Infinity, hi: end?.hi ?? Infinity });
    }
  }
  return out;
}

/**
 * Whether a resource's range matches a search range under a prefix (FHIR R4 search, "date"):
 * `eq` the search range contains it, `gt`/`lt` it reaches beyond the end / before the start,
 * `ge`/`le` either of those, `sa`/`eb` it starts after the end / ends before the start.
 */
export function rangeMatches(prefix: Prefix, search: DateRange, value: DateRange): boolean {
  const contained = value.lo >= search.lo && value.hi <= search.hi;
  switch (prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return value.hi > search.hi;
    case 'lt':
      return value.lo < search.lo;
    case 'ge':
      return contained || value.hi > search.hi;
    case 'le':
      return contained || value.lo < search.lo;
    case 'sa':
      return value.lo >= search.hi;
    case 'eb':
      return value.hi <= search.lo;
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an instant parameter (`_since`, `_at`): to the second, with a time zone, as Google
 * requires. Returns epoch milliseconds, or `undefined` when malformed.
 */
export function parseInstant(text: string): number | undefined {
  return INSTANT.test(text) ? parseDateRange(text)?.lo : undefined;
}
