/**
 * List paging as Google's admin list methods do it: `pageSize` (default 100, at most 1000) and an
 * opaque `nextPageToken`, omitted on the last page.
 */

import { invalidArgument } from './errors.js';
import type { JsonObject, JsonValue } from './json.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Validates `pageSize`: absent or 0 → default; negative, non-integer or > max → 400. */
export function parsePageSize(raw: string | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    throw invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${raw}"`);
  }
  const size = Number(raw);
  if (size < 0) throw invalidArgument(`pageSize must not be negative, got ${size}.`);
  if (size > max) throw invalidArgument(`pageSize must be at most ${max}, got ${size}.`);
  return size === 0 ? fallback : size;
}

interface TokenBody {
  /** The collection the token belongs to, so a token cannot be replayed on another list. */
  c: string;
  /** The id of the last item returned: the next page starts after it. */
  a: string;
}

/** Encodes a keyset page token. */
export function encodePageToken(collection: string, afterId: string): string {
  const body: TokenBody = { c: collection, a: afterId };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes a page token issued for `collection`; anything else → 400. */
export function decodePageToken(collection: string, token: string): string {
  const bad = (): Error => invalidArgument(`Invalid page token: "${token}".`);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw bad();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof body !== 'object' || body === null) throw bad();
  const { c, a } = body as Partial<TokenBody>;
  if (c !== collection || typeof a !== 'string') throw bad();
  return a;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/**
 * Returns the page after the token. Keyset paging on the sorted id, so items created or deleted
 * between calls never make a later page repeat or skip an item that existed throughout.
 *
 * @param items every item of the collection, in any order
 * @param idOf the item's sort key (its short id)
 * @param collection the parent collection's name (binds tokens to it)
 */
export function paginate<T>(
  items: Iterable<T>,
  idOf: (item: T) => string,
  collection: string,
  pageSize: number,
  pageToken: string | undefined,
): Page<T> {
  const after = pageToken === undefined || pageToken === '' ? undefined : decodePageToken(collection, pageToken);
  const sorted = [...items]
    .filter((item) => after === undefined || idOf(item) > after)
    .sort((x, y) => compareIds(idOf(x), idOf(y)));
  const page = sorted.slice(0, pageSize);
  const last = page.at(-1);
  if (sorted.length > pageSize && last !== undefined) {
    return { items: page, nextPageToken: encodePageToken(collection, idOf(last)) };
  }
  return { items: page };
}

/** One list method's collection, for `listPage`. */
export interface ListSource<T> {
  /** Every item of the collection, in any order. */
  items: Iterable<T>;
  /** The item's sort key (its short id). */
  idOf: (item: T) => string;
  /** The parent collection's name (binds page tokens to it). */
  collection: string;
  /** The response field the page's items go under (`datasets`, `fhirStores`, …). */
  field: string;
  render: (item: T) => JsonValue;
}

/**
 * A list method's answer for the request's `pageSize` and `pageToken`: the page's items, rendered,
 * under `field`, and `nextPageToken` unless this is the last page. proto3 JSON leaves either out
 * when empty, so an empty collection answers `{}`.
 */
export function listPage<T>(query: ReadonlyMap<string, string>, source: ListSource<T>): JsonObject {
  const page = paginate(source.items, source.idOf, source.collection, parsePageSize(query.get('pageSize')), query.get('pageToken'));
  const body: JsonObject = {};
  if (page.items.length > 0) body[source.field] = page.items.map(source.render);
  if (page.nextPageToken !== undefined) body['nextPageToken'] = page.nextPageToken;
  return body;
}

/** Code-unit order, the same order the keyset filter uses (not locale order). */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
