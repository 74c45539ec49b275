/**
 * Parsing a QIDO-RS query string into what Google supports (reference §4.2): single-value exact
 * match keys per level, StudyDate ranges, fuzzy PatientName, includefield, limit and offset.
 */

import { invalidArgument } from '../errors.js';
import { SYSTEM_QUERY_PARAMETERS } from '../request.js';
import { keywordOf, resolveTag, TAG } from './tags.js';
import { checkUid } from './uids.js';

export type QidoLevel = 'study' | 'series' | 'instance';

const STUDY_KEYS = [
  TAG.StudyInstanceUID,
  TAG.PatientName,
  TAG.PatientID,
  TAG.AccessionNumber,
  TAG.ReferringPhysicianName,
  TAG.StudyDate,
];
const SERIES_KEYS = [...STUDY_KEYS, TAG.SeriesInstanceUID, TAG.Modality];

/** The attributes each level can be searched on. */
const MATCH_KEYS: Readonly<Record<QidoLevel, readonly string[]>> = {
  study: STUDY_KEYS,
  series: SERIES_KEYS,
  instance: [...SERIES_KEYS, TAG.SOPInstanceUID],
};

const UID_KEYS: ReadonlySet<string> = new Set([TAG.StudyInstanceUID, TAG.SeriesInstanceUID, TAG.SOPInstanceUID]);

/** Google's limits: default and maximum `limit` per level, and the largest `offset`. */
const LIMITS: Readonly<Record<QidoLevel, { default: number; max: number }>> = {
  study: { default: 100, max: 5000 },
  series: { default: 100, max: 5000 },
  instance: { default: 1000, max: 50000 },
};
const MAX_OFFSET = 1_000_000;

/** An inclusive `YYYYMMDD` range; open ends are `undefined`. */
export interface DateRange {
  from: string | undefined;
  to: string | undefined;
}

/** One match condition. */
export type Condition =
  | { tag: string; kind: 'exact'; value: string }
  | { tag: string; kind: 'date'; range: DateRange }
  | { tag: string; kind: 'fuzzy'; tokens: string[] };

export interface QidoQuery {
  level: QidoLevel;
  conditions: Condition[];
  /** Attributes requested with `includefield`, or `all`. */
  include: ReadonlySet<string> | 'all';
  limit: number;
  offset: number;
}

/** Lower-cased, accent-free name tokens: what fuzzy matching compares. */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

const DATE = /^\d{8}$/;

function parseDateRange(raw: string): DateRange {
  const bad = (): Error => invalidArgument(`Invalid StudyDate "${raw}": expected YYYYMMDD or a YYYYMMDD-YYYYMMDD range.`);
  if (DATE.test(raw)) return { from: raw, to: raw };
  const match = /^(\d{8})?-(\d{8})?$/.exec(raw);
  if (match === null || (match[1] === undefined && match[2] === undefined)) throw bad();
  const [from, to] = [match[1], match[2]];
  if (from !== undefined && to !== undefined && from > to) throw bad();
  return { from, to };
}

function parseCount(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw invalidArgument(`Invalid ${name} "${raw}": expected a non-negative integer.`);
  return Number(raw);
}

function parseInclude(values: string[]): ReadonlySet<string> | 'all' {
  const tags = new Set<string>();
  for (const item of values.flatMap((v) => v.split(',')).map((v) => v.trim())) {
    if (item === '') continue;
    if (item === 'all') return 'all';
    const tag = resolveTag(item);
    if (tag === undefined) throw invalidArgument(`Invalid includefield "${item}": not a DICOM tag or keyword.`);
    tags.add(tag);
  }
  return tags;
}

function describeKey(tag: string): string {
  return keywordOf(tag) ?? tag;
}

/** Parses and validates a search's query string for `level`. Anything unsupported is a 400. */
export function parseQidoQuery(level: QidoLevel, search: URLSearchParams): QidoQuery {
  const fuzzyParam = search.get('fuzzymatching');
  if (fuzzyParam !== null && fuzzyParam !== 'true' && fuzzyParam !== 'false') {
    throw invalidArgument(`Invalid fuzzymatching "${fuzzyParam}": expected true or false.`);
  }
  const fuzzy = fuzzyParam === 'true';
  const limitParam = search.get('limit');
  const offsetParam = search.get('offset');
  const { default: defaultLimit, max } = LIMITS[level];
  const requested = limitParam === null ? 0 : parseCount(limitParam, 'limit');
  // PS3.18 has the server return its maximum when a larger limit is asked for; Google documents
  // the maxima without saying it rejects larger values, so the limit is clamped.
  const limit = requested === 0 ? defaultLimit : Math.min(requested, max);
  const offset = offsetParam === null ? 0 : parseCount(offsetParam, 'offset');
  if (offset > MAX_OFFSET) throw invalidArgument(`offset must be at most ${MAX_OFFSET}, got ${offset}.`);

  const conditions: Condition[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of search) {
    if (['limit', 'offset', 'fuzzymatching', 'includefield'].includes(name) || SYSTEM_QUERY_PARAMETERS.has(name)) continue;
    const tag = resolveTag(name);
    if (tag === undefined || !MATCH_KEYS[level].includes(tag)) {
      const keys = MATCH_KEYS[level].map(describeKey).join(', ');
      throw invalidArgument(`Unsupported QIDO-RS query parameter "${name}"; supported match keys here: ${keys}.`);
    }
    if (seen.has(tag)) throw invalidArgument(`Only single value matching is supported: ${describeKey(tag)} is given twice.`);
    seen.add(tag);
    const value = raw.trim();
    // An empty value is DICOM universal matching: no condition, but the attribute is returned.
    if (value === '') continue;
    if (tag === TAG.StudyDate) conditions.push({ tag, kind: 'date', range: parseDateRange(value) });
    else if (tag === TAG.PatientName && fuzzy) conditions.push({ tag, kind: 'fuzzy', tokens: nameTokens(value) });
    else conditions.push({ tag, kind: 'exact', value: UID_KEYS.has(tag) ? checkUid(value, describeKey(tag)) : value });
  }
  const include = parseInclude(search.getAll('includefield'));
  return { level, conditions, include: include === 'all' ? 'all' : new Set([...include, ...seen]), limit, offset };
}
