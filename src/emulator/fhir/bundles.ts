/** Bundle and link shapes shared by search, `_history`, `$everything` and `executeBundle`. */

import type { JsonObject } from '../json.js';

/** A Bundle link. */
export interface Link {
  relation: string;
  url: string;
}

/** `{base}/{path}?{params}`, with params encoded as a form. */
export function linkUrl(base: string, path: string, params: readonly [string, string][]): string {
  const query = new URLSearchParams(params as [string, string][]).toString();
  return query === '' ? `${base}/${path}` : `${base}/${path}?${query}`;
}

/** The canonical form of a parameter list, independent of order (binds page tokens to a query). */
export function canonicalParams(params: readonly [string, string][]): string {
  return new URLSearchParams([...params].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))).toString();
}

/** The full URL of a resource in the store. */
export function fullUrl(base: string, resource: JsonObject): string {
  return `${base}/${String(resource['resourceType'])}/${String(resource['id'])}`;
}

/** A searchset entry. */
export function searchEntry(base: string, resource: JsonObject, mode: 'match' | 'include'): JsonObject {
  return { fullUrl: fullUrl(base, resource), resource, search: { mode } };
}

/** A Bundle of `type` with `total` (searchsets) and links; `entry` is left out when empty. */
export function bundle(type: string, links: readonly Link[], entries: readonly JsonObject[], total?: number): JsonObject {
  const out: JsonObject = { resourceType: 'Bundle', type };
  if (total !== undefined) out['total'] = total;
  out['link'] = links.map((l) => ({ relation: l.relation, url: l.url }));
  if (entries.length > 0) out['entry'] = [...entries];
  return out;
}

/** `W/"vid"`, the ETag of a resource version. */
export function etag(versionId: string): string {
  return `W/"${versionId}"`;
}
