/**
 * Type-level search: evaluates the clauses against the indexes (map lookups first, smallest first;
 * range and negated clauses after, or as tests on the candidates once those are few), orders the
 * matches, cuts the page after the page token's position and adds `_include` / `_revinclude`
 * resources. No resource is read unless the indexes already made it a candidate.
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

/** One page of matches: its records, how many match in all, and the key the next page starts after. */
interface MatchPage {
  records: ResourceRecord[];
  total: number;
  nextAfter: readonly SortValue[] | undefined;
}

// Below this share of the type, matches are sorted; above it, the default order walks the write log.
const WALK_SHARE = 1 / 16;

/**
 * A page in the default order (newest first) without sorting: walks the type's write log backwards
 * from the cursor and keeps the first `count` matches, so a broad match costs about
 * `count / share` steps. Its keys (`[gen]`) are those of `sortedPage`, so a page token works
 * whichever way the next page is computed.
 */
function newestPage(table: TypeTable, ids: ReadonlySet<string> | undefined, after: readonly SortValue[] | undefined, count: number): MatchPage {
  const before = after?.[0];
  const records: ResourceRecord[] = [];
  let more = false;
  for (const record of table.newestFirst(typeof before === 'number' ? before : undefined)) {
    if (ids !== undefined && !ids.has(record.id)) continue;
    if (records.length === count) {
      more = true;
      break;
    }
    records.push(record);
  }
  const last = records.at(-1);
  return { records, total: ids?.size ?? table.records.size, nextAfter: more && last !== undefined ? [last.gen] : undefined };
}

/** A page of the matches ordered by the `_sort` keys, then newest first. */
function sortedPage(table: TypeTable, ids: Iterable<string>, query: SearchQuery, after: readonly SortValue[] | undefined): MatchPage {
  const records: ResourceRecord[] = [];
  for (const id of ids) {
    const record = table.records.get(id);
    if (record !== undefined) records.push(record);
  }
  const descending = [...query.sort.map((s) => s.descending), true];
  const keyed: Keyed<ResourceRecord>[] =
    query.sort.length === 0
      ? records.sort((a, b) => b.gen - a.gen).map((record) => ({ item: record, key: [record.gen] }))
      : sortKeyed(
          records.map((record) => ({
            item: record,
            key: [...query.sort.map((s): SortValue => s.index.sortKey?.(record.resource)), record.gen],
          })),
          descending,
        );
  const page = sliceAfter(keyed, after, query.count, descending);
  return { records: page.items.map((k) => k.item), total: keyed.length, nextAfter: page.nextAfter };
}

function matchPage(table: TypeTable, ids: ReadonlySet<string> | undefined, query: SearchQuery, after: readonly SortValue[] | undefined): MatchPage {
  if (query.sort.length === 0 && (ids === undefined || ids.size >= table.records.size * WALK_SHARE)) {
    return newestPage(table, ids, after, query.count);
  }
  return sortedPage(table, ids ?? table.records.keys(), query, after);
}

function included(store: FhirStore, type: string, page: readonly ResourceRecord[], query: SearchQuery): ResourceRecord[] {
  const seen = new Set(page.map((r) => keyOf(r.type, r.id)));
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

/** The ids of `type` matching a parsed query, for conditional interactions. */
export function findMatches(store: FhirStore, type: string, query: SearchQuery): ResourceRecord[] {
  const table = store.table(type);
  const ids = matchIds(table, query.clauses) ?? new Set(table.records.keys());
  return [...ids].flatMap((id) => table.records.get(id) ?? []);
}

/**
 * Runs a search and renders the searchset Bundle. `base` is the store's FHIR base URL. `total` is
 * exact (Google estimates it on all but the last page; an exact count is a valid estimate).
 */
export function search(store: FhirStore, type: string, query: SearchQuery, base: string): JsonObject {
  const table = store.table(type);
  const ids = matchIds(table, query.clauses);
  const path = `${type}/`;
  const search: Link = { relation: 'search', url: linkUrl(base, path, query.applied) };
  if (query.summary === 'count') {
    return bundle('searchset', [search, { relation: 'self', url: search.url }], [], ids?.size ?? table.records.size);
  }

  const binding = `${store.name}|search|${type}|${canonicalParams(query.applied)}`;
  const after = query.pageToken === undefined ? undefined : store.pageTokens.open(binding, query.pageToken);
  const page = matchPage(table, ids, query, after);

  const self = query.pageToken === undefined ? query.applied : [...query.applied, ['_page_token', query.pageToken] as [string, string]];
  const links: Link[] = [search, { relation: 'self', url: linkUrl(base, path, self) }];
  if (page.nextAfter !== undefined) {
    const token = store.pageTokens.seal(binding, page.nextAfter);
    links.push({ relation: 'next', url: linkUrl(base, path, [...query.applied, ['_page_token', token]]) });
  }
  const entries = [
    ...page.records.map((r) => searchEntry(base, project(r.resource, query.elements, query.summary), 'match')),
    ...included(store, type, page.records, query).map((r) => searchEntry(base, r.resource, 'include')),
  ];
  return bundle('searchset', links, entries, page.total);
}
