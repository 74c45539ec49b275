/**
 * Parses a search request, for one type, into filter clauses and result parameters, validating
 * every parameter against the type's indexes (a search across types parses once per type).
 * Unknown parameters (and unsupported modifiers) are dropped under lenient handling and rejected
 * under strict handling, as with Google; malformed values of known parameters are always a 400.
 */

import { SYSTEM_QUERY_PARAMETERS } from '../request.js';
import { splitUnescaped } from './escapes.js';
import { isReferenceIndex, type ParamIndex, type ValueMatcher } from './indexes.js';
import { invalidQuery, notSupported, unsupportedParameter } from './outcome.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { RESOURCE_PARAMS } from './search-parameters.js';
import type { FhirStore } from './store.js';

/**
 * One filter; clauses combine with AND. `:missing` asks whether the parameter has a value; any
 * other clause holds when one of its values (OR) matches, or with `:not` when none does.
 */
export type Clause =
  | { readonly kind: 'missing'; readonly index: ParamIndex; readonly missing: boolean }
  | { readonly kind: 'values'; readonly index: ParamIndex; readonly negate: boolean; readonly matchers: readonly ValueMatcher[] };

export interface SortSpec {
  readonly index: ParamIndex;
  readonly descending: boolean;
}

/** `_include=Type:param[:Target]`, or every local reference for `*`. */
export type IncludeSpec = { readonly all: true } | { readonly all: false; readonly param: string; readonly target?: string };

/** `_revinclude=Type:param`: resources of `Type` whose `param` references a match. */
export interface RevIncludeSpec {
  readonly sourceType: string;
  readonly param: string;
}

export type Summary = 'text' | 'data' | 'count' | 'false';

export interface SearchQuery {
  readonly clauses: Clause[];
  readonly sort: SortSpec[];
  readonly count: number;
  readonly summary: Summary | undefined;
  readonly elements: string[] | undefined;
  readonly includes: IncludeSpec[];
  readonly revIncludes: RevIncludeSpec[];
  readonly pageToken: string | undefined;
  /** The parameters that shaped the result, in request order: the self link and the page-token binding. */
  readonly applied: [string, string][];
}

/** Default and maximum `_count` (reference §3.3). */
export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;

// FHIR's general parameters that do not change a JSON answer.
const IGNORED = new Set(['_format', '_pretty']);

/** Parses `_count`: a non-negative integer, capped at the maximum as FHIR allows servers to. */
export function parseCount(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_COUNT;
  if (!/^\d+$/.test(raw)) throw invalidQuery(`invalid _count "${raw}": expected a non-negative integer`);
  return Math.min(Number(raw), MAX_COUNT);
}

// The filters and sort keys a search across types takes.
const RESOURCE_PARAM_NAMES: ReadonlySet<string> = new Set(RESOURCE_PARAMS.map((def) => def.name));

/** True when `Prefer: handling=strict` (or the store default, unless `handling=lenient`). */
export function isStrict(prefer: string | string[] | undefined, storeDefault: boolean): boolean {
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const handling = /handling\s*=\s*(strict|lenient)/i.exec(text)?.[1]?.toLowerCase();
  return handling === undefined ? storeDefault : handling === 'strict';
}

class QueryParser {
  readonly clauses: Clause[] = [];
  readonly sort: SortSpec[] = [];
  readonly includes: IncludeSpec[] = [];
  readonly revIncludes: RevIncludeSpec[] = [];
  readonly applied: [string, string][] = [];
  count = DEFAULT_COUNT;
  summary: Summary | undefined;
  elements: string[] | undefined;
  pageToken: string | undefined;

  /** The types searched together, `[type]` for a search of one type. */
  private readonly searched: readonly string[];

  constructor(
    private readonly store: FhirStore,
    private readonly type: string,
    private readonly strict: boolean,
    private readonly across: readonly string[] | undefined,
  ) {
    this.searched = across ?? [type];
  }

  /** Drops a parameter the store cannot apply, or rejects it under strict handling. */
  private unknown(name: string, why: string): void {
    if (this.strict) throw unsupportedParameter(`search parameter "${name}" ${why}`);
  }

  private indexOf(type: string, name: string): ParamIndex | undefined {
    return this.store.table(type).indexes.byName.get(name);
  }

  /** The index a filter or sort key reads: across types, only the `Resource` parameters'. */
  private filterIndex(name: string): ParamIndex | undefined {
    if (this.across !== undefined && !RESOURCE_PARAM_NAMES.has(name)) return undefined;
    return this.indexOf(this.type, name);
  }

  /** What the search covers, for error messages. */
  private get scope(): string {
    if (this.across === undefined) return this.type;
    return `a search across resource types (which takes ${[...RESOURCE_PARAM_NAMES].join(', ')})`;
  }

  add(name: string, value: string): void {
    if (SYSTEM_QUERY_PARAMETERS.has(name) || IGNORED.has(name)) return;
    if (name === '_page_token') {
      this.pageToken = value;
      return;
    }
    if (this.result(name, value)) return;
    this.filter(name, value);
  }

  /** Handles a result parameter; false when `name` is not one. */
  private result(name: string, value: string): boolean {
    switch (name) {
      case '_count':
        this.count = parseCount(value);
        break;
      case '_sort': {
        // Only the keys that sort go into the links, as with any dropped parameter.
        const keys = this.parseSort(value);
        if (keys !== '') this.applied.push([name, keys]);
        return true;
      }
      case '_elements':
        this.elements = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
        break;
      case '_summary':
        if (value === 'true') throw notSupported('_summary=true is not supported; use _summary=text, data or count');
        if (!['text', 'data', 'count', 'false'].includes(value)) throw invalidQuery(`invalid _summary "${value}"`);
        this.summary = value as Summary;
        break;
      case '_include':
        if (!this.parseInclude(value)) return true;
        break;
      case '_revinclude':
        if (!this.parseRevInclude(value)) return true;
        break;
      default:
        return false;
    }
    this.applied.push([name, value]);
    return true;
  }

  /** Adds the sort keys of a `_sort` value; answers the keys it kept. */
  private parseSort(value: string): string {
    const kept: string[] = [];
    for (const raw of value.split(',')) {
      const key = raw.trim();
      const descending = key.startsWith('-');
      const name = descending ? key.slice(1) : key;
      const index = this.filterIndex(name);
      if (index?.sortKey === undefined) {
        if (this.strict) throw unsupportedParameter(`cannot sort ${this.scope} by "${name}"`);
        continue;
      }
      this.sort.push({ index, descending });
      kept.push(key);
    }
    return kept.join(',');
  }

  private parseInclude(value: string): boolean {
    if (value === '*') {
      this.includes.push({ all: true });
      return true;
    }
    const [source = '', param = '', target] = value.split(':');
    const index = this.searched.includes(source) ? this.indexOf(source, param) : undefined;
    if (index === undefined || !isReferenceIndex(index) || (target !== undefined && !isResourceType(target))) {
      this.unknown(`_include=${value}`, `is not a reference parameter of ${this.searched.join(' or ')}`);
      return false;
    }
    // Across types, each type's query includes from its own matches only.
    if (source === this.type) this.includes.push(target === undefined ? { all: false, param } : { all: false, param, target });
    return true;
  }

  private parseRevInclude(value: string): boolean {
    const [source = '', param = ''] = value.split(':');
    const index = isResourceType(source) ? this.indexOf(source, param) : undefined;
    if (index === undefined || !isReferenceIndex(index)) {
      this.unknown(`_revinclude=${value}`, 'is not a reference parameter');
      return false;
    }
    this.revIncludes.push({ sourceType: source, param });
    return true;
  }

  private filter(key: string, value: string): void {
    const colon = key.indexOf(':');
    const name = colon < 0 ? key : key.slice(0, colon);
    const modifier = colon < 0 ? undefined : key.slice(colon + 1);
    const index = this.filterIndex(name);
    if (index === undefined) {
      this.unknown(key, `is not supported for ${this.scope}`);
      return;
    }
    if (modifier === 'missing') {
      if (value !== 'true' && value !== 'false') throw invalidQuery(`${key} must be true or false`);
      this.clauses.push({ kind: 'missing', index, missing: value === 'true' });
      this.applied.push([key, value]);
      return;
    }
    if (modifier !== undefined && !index.accepts(modifier)) {
      this.unknown(key, `does not support the modifier ":${modifier}"`);
      return;
    }
    const values = splitUnescaped(value, ',').filter((v) => v !== '');
    if (values.length === 0) return;
    const valueModifier = modifier === 'not' ? undefined : modifier;
    const matchers = values.map((v) => index.matcher(valueModifier, v));
    this.clauses.push({ kind: 'values', index, negate: modifier === 'not', matchers });
    this.applied.push([key, value]);
  }
}

/**
 * Parses the parameters of a search on `type`. Repeating a parameter ANDs the repetitions;
 * commas inside one value OR its parts. `across` lists the types of a search across types, which
 * parses its parameters once per type: then only the `Resource` parameters filter and sort.
 */
export function parseSearch(
  store: FhirStore,
  type: string,
  params: Iterable<[string, string]>,
  strict: boolean,
  across?: readonly string[],
): SearchQuery {
  const parser = new QueryParser(store, type, strict, across);
  for (const [name, value] of params) parser.add(name, value);
  return {
    clauses: parser.clauses,
    sort: parser.sort,
    count: parser.count,
    summary: parser.summary,
    elements: parser.elements,
    includes: parser.includes,
    revIncludes: parser.revIncludes,
    pageToken: parser.pageToken,
    applied: parser.applied,
  };
}
