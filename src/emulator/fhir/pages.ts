/**
 * Keyset paging shared by search, `_history` and `$everything`: items carry a sort key, a page
 * token remembers the key of the last item served, and the next page starts at the first item
 * ordered after it. Items added or removed between pages therefore never shift the others.
 */

import type { SortValue } from './indexes.js';

/** An item with its position in the ordering. */
export interface Keyed<T> {
  readonly item: T;
  readonly key: readonly SortValue[];
}

/**
 * Compares keys position by position; `descending[i]` flips position i. A missing value sorts
 * after every present one in either direction, as FHIR servers commonly do.
 */
export function compareKeys(a: readonly SortValue[], b: readonly SortValue[], descending: readonly boolean[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return descending[i] === true ? -order : order;
  }
  return 0;
}

/** Sorts keyed items in place by their keys. */
export function sortKeyed<T>(items: Keyed<T>[], descending: readonly boolean[]): Keyed<T>[] {
  return items.sort((a, b) => compareKeys(a.key, b.key, descending));
}

/** One page of sorted items, and the key to continue after when there are more. */
export interface PageSlice<T> {
  items: Keyed<T>[];
  nextAfter: readonly SortValue[] | undefined;
}

/** The `count` items that follow `after` (from the start when `after` is undefined). */
export function sliceAfter<T>(
  sorted: readonly Keyed<T>[],
  after: readonly SortValue[] | undefined,
  count: number,
  descending: readonly boolean[],
): PageSlice<T> {
  let start = 0;
  if (after !== undefined) {
    let hi = sorted.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (compareKeys((sorted[mid] as Keyed<T>).key, after, descending) <= 0) start = mid + 1;
      else hi = mid;
    }
  }
  const items = sorted.slice(start, start + count);
  const last = items.at(-1);
  const more = start + count < sorted.length && last !== undefined;
  return { items, nextAfter: more ? last.key : undefined };
}
