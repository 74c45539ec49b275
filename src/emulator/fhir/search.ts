/**
 * Search, of one type or across types: evaluates each type's clauses against its indexes (map
 * lookups first, smallest first; range and negated clauses after, or as tests on the candidates
 * once those are few), orders the matches (across types too: write numbers are store-wide), cuts
 * the page after the page token's position and adds `_include` / `_revinclude` resources. No
 * resource is read unless the indexes already made it a candidate.
 */

import type { JsonObject } from '../json.js';
import { bundle, canonicalParams, linkUrl, searchEntry, type Link } from './bundles.js';
import { project } from './elements.js';
import { isReferenceIndex, type SortValue } from './indexes.js';
import { sliceAfter, sortKeyed, type Keyed } from './pages.js';
import type { Clause, SearchQuery } from './search-query.js';
import { keyOf, type FhirStore, type ResourceRecord, type TypeTable } from './store.js';

// Below this many candidates, the remaining clauses test each candidate rather than read the index.
const FILTER_BELOW = 1000;

function isNegative(clause: Clause): boolean {
  return clause.kind === 'missing' ? clause.missing : clause.negate;
}

/** Ids the clause's index answers: with a value (`:missing`), or matching a value (else). */
function clauseIds(clause: Clause): ReadonlySet<string> {
  if (clause.kind === 'missing') return clause.index.present();
  const [only, ...more] = clause.matchers;
  if (only !== undefined && more.length === 0) return only.ids();
  return new Set(clause.matchers.flatMap((m) => [...m.ids()]));
}

/** Whether one resource satisfies the clause. */
function holds(clause: Clause, resource: JsonObject): boolean {
  if (clause.kind === 'missing') return clause.index.hasValue(resource) !== clause.missing;
  return clause.matchers.some((m) => m.test(resource)) !== clause.negate;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}

function isDirect(clause: Clause): boolean {
  return clause.kind === 'values' && !clause.negate && clause.matchers.every((m) => m.direct);
}

/** The ids of `ids` for whose resources `clause` holds. */
function filtered(table: TypeTable, ids: ReadonlySet<string>, clause: Clause): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const record = table.records.get(id);
    if (record !== undefined && holds(clause, record.resource)) out.add(id);
  }
  return out;
}

function without(ids: Iterable<string>, excluded: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) if (!excluded.has(id)) out.add(id);
  return out;
}

/**
 * Ids of the resources of a table matching every clause; `undefined` when there are no clauses.
 * Map lookups (tokens, references, ids) go first, smallest first; the clauses that read ranges or
 * complements follow, and once the candidates are few they test those candidates instead. The
 * result may be an index's own set: read it, never change it.
 */
export function matchIds(table: TypeTable, clauses: readonly Clause[]): ReadonlySet<string> | undefined {
  if (clauses.length === 0) return undefined;
  const lookups = clauses.filter(isDirect).map(clauseIds).sort((a, b) => a.size - b.size);
  let result: ReadonlySet<string> | undefined;
  for (const ids of lookups) result = result === undefined ? ids : intersect(result, ids);
  const rest = clauses.filter((c) => !isDirect(c)).sort((a, b) => Number(isNegative(a)) - Number(isNegative(b)));
  for (const clause of rest) {
    if (result !== undefined && result.size <= FILTER_BELOW) {
      result = filtered(table, result, clause);
    } else if (isNegative(clause)) {
      result = without(result ?? table.records.keys(), clauseIds(clause));
    } else {
      const ids = clauseIds(clause);
      result = result === undefined ? ids : intersect(result, ids);
    }
  }
  return result;
}

/** The matches of one searched type: its table, its query (clauses, sort) and the matching ids (all when undefined). */
interface TypeMatches {
  readonly table: TypeTable;
  readonly query: SearchQuery;
  readonly ids: ReadonlySet<string> | undefined;
}

/** One page of matches: its records, how many match in all, and the key the next page starts after. */
interface MatchPage {
  records: ResourceRecord[];
  total: number;
  nextAfter: readonly SortValue[] | undefined;
}

// Below this share of the searched types, matches are sorted; above it, the default order walks the write logs.
const WALK_SHARE = 1 / 16;

function matchCount(part: TypeMatches): number {
  return part.ids?.size ?? part.table.records.size;
}

/** The current records of one type that match, newest first, written before `beforeGen` when given. */
function* newestOf(part: TypeMatches, beforeGen: number | undefined): Generator<ResourceRecord> {
  for (const record of part.table.newestFirst(beforeGen)) {
    if (part.ids === undefined || part.ids.has(record.id)) yield record;
  }
}

/** The matches of every type newest first: the types' walks merged by write number (store-wide). */
function* newestAcross(parts: readonly TypeMatches[], beforeGen: number | undefined): Generator<ResourceRecord> {
  const walks = parts.map((part) => newestOf(part, beforeGen));
  const heads = walks.map((walk) => walk.next());
  for (;;) {
    let best: number | undefined;
    let bestGen = -1;
    heads.forEach((head, i) => {
      if (!head.done && head.value.gen > bestGen) [best, bestGen] = [i, head.value.gen];
    });
    if (best === undefined) return;
    yield (heads[best] as IteratorYieldResult<ResourceRecord>).value;
    heads[best] = (walks[best] as Generator<ResourceRecord>).next();
  }
}

/**
 * A page in the default order (newest first) without sorting: walks the write logs backwards from
 * the cursor and keeps the first `count` matches, so a broad match costs about `count / share`
 * steps. Its keys (`[gen]`) are those of `sortedPage`, so a page token works whichever way the
 * next page is computed.
 */
function newestPage(parts: readonly TypeMatches[], after: readonly SortValue[] | undefined, count: number): MatchPage {
  const before = after?.[0];
  const records: ResourceRecord[] = [];
  let more = false;
  for (const record of newestAcross(parts, typeof before === 'number' ? before : undefined)) {
    if (records.length === count) {
      more = true;
      break;
    }
    records.push(record);
  }
  const last = records.at(-1);
  const total = parts.reduce((sum, part) => sum + matchCount(part), 0);
  return { records, total, nextAfter: more && last !== undefined ? [last.gen] : undefined };
}

/** A page of the matches ordered by the `_sort` keys, then newest first. */
function sortedPage(parts: readonly TypeMatches[], shared: SearchQuery, after: readonly SortValue[] | undefined): MatchPage {
  const keyed: Keyed<ResourceRecord>[] = [];
  for (const { table, ids, query } of parts) {
    for (const id of ids ?? table.records.keys()) {
      const record = table.records.get(id);
      if (record === undefined) continue;
      // Each type's query holds its own indexes; across types they sort by the same parameters.
      keyed.push({ item: record, key: [...query.sort.map((s): SortValue => s.index.sortKey?.(record.resource)), record.gen] });
    }
  }
  const descending = [...shared.sort.map((s) => s.descending), true];
  sortKeyed(keyed, descending);
  const page = sliceAfter(keyed, after, shared.count, descending);
  return { records: page.items.map((k) => k.item), total: keyed.length, nextAfter: page.nextAfter };
}

function matchPage(parts: readonly TypeMatches[], shared: SearchQuery, after: readonly SortValue[] | undefined): MatchPage {
  const matched = parts.reduce((sum, part) => sum + matchCount(part), 0);
  const stored = parts.reduce((sum, part) => sum + part.table.records.size, 0);
  if (shared.sort.length === 0 && matched >= stored * WALK_SHARE) return newestPage(parts, after, shared.count);
  return sortedPage(parts, shared, after);
}

/** The resources `_include` and `_revinclude` add to a page of one type's matches (not in `seen`; added to it). */
function included(store: FhirStore, type: string, page: readonly ResourceRecord[], query: SearchQuery, seen: Set<string>): ResourceRecord[] {
  const out: ResourceRecord[] = [];
  const add = (record: ResourceRecord | undefined): void => {
    if (record === undefined) return;
    const key = keyOf(record.type, record.id);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(record);
  };
  const indexes = store.table(type).indexes.byName;
  for (const spec of query.includes) {
    const index = spec.all ? undefined : indexes.get(spec.param);
    for (const record of page) {
      const targets =
        index !== undefined && isReferenceIndex(index) ? index.targetsOf(record.resource) : record.refs.map((r) => r.target);
      for (const target of targets) {
        if (!spec.all && spec.target !== undefined && !target.startsWith(`${spec.target}/`)) continue;
        add(store.byKey(target));
      }
    }
  }
  for (const rev of query.revIncludes) {
    const index = store.table(rev.sourceType).indexes.byName.get(rev.param);
    for (const record of page) {
      for (const id of index?.matcher(undefined, keyOf(type, record.id)).ids() ?? []) add(store.current(rev.sourceType, id));
    }
  }
  return out;
}

/** The included resources of a page, each type's from its own matches with its own query. */
function includedAcross(store: FhirStore, parts: readonly TypeMatches[], page: readonly ResourceRecord[]): ResourceRecord[] {
  const seen = new Set(page.map((r) => keyOf(r.type, r.id)));
  return parts.flatMap(({ table, query }) => {
    if (query.includes.length === 0 && query.revIncludes.length === 0) return [];
    return included(store, table.type, page.filter((r) => r.type === table.type), query, seen);
  });
}

/** The ids of `type` matching a parsed query, for conditional interactions. */
export function findMatches(store: FhirStore, type: string, query: SearchQuery): ResourceRecord[] {
  const table = store.table(type);
  const ids = matchIds(table, query.clauses) ?? new Set(table.records.keys());
  return [...ids].flatMap((id) => table.records.get(id) ?? []);
}

/**
 * What one search request asks: one parsed query per searched type (each with that type's
 * clauses and sort keys; the result parameters are the same in all), and what its links carry.
 */
export interface SearchPlan {
  /** The links' path under the FHIR base: `Patient/` for a search of one type, empty across types. */
  readonly path: string;
  readonly queries: readonly (readonly [type: string, query: SearchQuery])[];
  /** The result parameters (`_count`, `_summary`, `_elements`, `_page_token`, …). */
  readonly shared: SearchQuery;
  /** The parameters the links repeat: the shared query's, after any that chose the types (`_type`). */
  readonly applied: readonly [string, string][];
}

/** The plan of a search of one type. */
export function typeSearch(type: string, query: SearchQuery): SearchPlan {
  return { path: `${type}/`, queries: [[type, query]], shared: query, applied: query.applied };
}

/**
 * Runs a search and renders the searchset Bundle. `base` is the store's FHIR base URL. `total` is
 * exact (Google estimates it on all but the last page; an exact count is a valid estimate).
 */
export function search(store: FhirStore, plan: SearchPlan, base: string): JsonObject {
  const { path, shared, applied } = plan;
  const parts = plan.queries.map(([type, query]): TypeMatches => {
    const table = store.table(type);
    return { table, query, ids: matchIds(table, query.clauses) };
  });
  const search: Link = { relation: 'search', url: linkUrl(base, path, applied) };
  if (shared.summary === 'count') {
    const total = parts.reduce((sum, part) => sum + matchCount(part), 0);
    return bundle('searchset', [search, { relation: 'self', url: search.url }], [], total);
  }

  const binding = `${store.name}|search|${path}|${canonicalParams(applied)}`;
  const after = shared.pageToken === undefined ? undefined : store.pageTokens.open(binding, shared.pageToken);
  const page = matchPage(parts, shared, after);

  const self = shared.pageToken === undefined ? applied : [...applied, ['_page_token', shared.pageToken] as [string, string]];
  const links: Link[] = [search, { relation: 'self', url: linkUrl(base, path, self) }];
  if (page.nextAfter !== undefined) {
    const token = store.pageTokens.seal(binding, page.nextAfter);
    links.push({ relation: 'next', url: linkUrl(base, path, [...applied, ['_page_token', token]]) });
  }
  const entries = [
    ...page.records.map((r) => searchEntry(base, project(r.resource, shared.elements, shared.summary), 'match')),
    ...includedAcross(store, parts, page.records).map((r) => searchEntry(base, r.resource, 'include')),
  ];
  return bundle('searchset', links, entries, page.total);
}
