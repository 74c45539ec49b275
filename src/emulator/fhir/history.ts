/**
 * `{Type}/{id}/_history`: a resource's versions, newest first, as a `history` Bundle, with
 * `_since`, `_at`, `_count` and `_page_token`. Google offers per-resource history only.
 */

import type { JsonObject } from '../json.js';
import { bundle, canonicalParams, etag, linkUrl, type Link } from './bundles.js';
import { parseInstant } from './dates.js';
import { sliceAfter, type Keyed } from './pages.js';
import { invalidQuery, notSupported, resourceNotFound } from './outcome.js';
import { DEFAULT_COUNT, parseCount } from './search-query.js';
import type { FhirStore, StoredVersion } from './store.js';

function instantParam(name: string, value: string): number {
  const millis = parseInstant(value);
  if (millis === undefined) throw invalidQuery(`invalid ${name} "${value}": expected an instant to the second with a time zone`);
  return millis;
}

function entry(base: string, type: string, id: string, version: StoredVersion, first: boolean): JsonObject {
  const url = `${type}/${id}`;
  const method = version.resource === undefined ? 'DELETE' : first ? 'POST' : 'PUT';
  const out: JsonObject = { fullUrl: `${base}/${url}` };
  if (version.resource !== undefined) out['resource'] = version.resource;
  out['request'] = { method, url: method === 'POST' ? type : url };
  out['response'] = {
    status: version.resource === undefined ? '204' : first ? '201' : '200',
    etag: etag(version.versionId),
    lastModified: version.lastUpdated,
  };
  return out;
}

/** Renders one page of a resource's history. */
export function history(
  store: FhirStore,
  type: string,
  id: string,
  params: Iterable<[string, string]>,
  base: string,
): JsonObject {
  if (!store.versioning) throw notSupported('resource versioning is disabled for this FHIR store; there is no history');
  const versions = store.versions(type, id);
  if (versions.length === 0) throw resourceNotFound(`${type}/${id}`);
  let since: number | undefined;
  let at: number | undefined;
  let count = DEFAULT_COUNT;
  let pageToken: string | undefined;
  const applied: [string, string][] = [];
  for (const [name, value] of params) {
    if (name === '_since') since = instantParam(name, value);
    else if (name === '_at') at = instantParam(name, value);
    else if (name === '_count') count = parseCount(value);
    else if (name === '_page_token') pageToken = value;
    if (['_since', '_at', '_count'].includes(name)) applied.push([name, value]);
  }
  const stamped = versions.map((version, index) => ({ version, index, time: Date.parse(version.lastUpdated) }));
  let selected = stamped.filter((v) => since === undefined || v.time >= since);
  if (at !== undefined) {
    // `_at`: the version that was current at that instant.
    const current = stamped.filter((v) => v.time <= at).at(-1);
    selected = current === undefined ? [] : selected.filter((v) => v === current);
  }
  const newestFirst = selected.reverse().map((v): Keyed<(typeof stamped)[number]> => ({ item: v, key: [v.index] }));
  const binding = `${store.name}|history|${type}/${id}|${canonicalParams(applied)}`;
  const after = pageToken === undefined ? undefined : store.pageTokens.open(binding, pageToken);
  const page = sliceAfter(newestFirst, after, count, [true]);
  const path = `${type}/${id}/_history`;
  const links: Link[] = [{ relation: 'self', url: linkUrl(base, path, applied) }];
  if (page.nextAfter !== undefined) {
    links.push({ relation: 'next', url: linkUrl(base, path, [...applied, ['_page_token', store.pageTokens.seal(binding, page.nextAfter)]]) });
  }
  const entries = page.items.map((k) => entry(base, type, id, k.item.version, k.item.index === 0));
  return bundle('history', links, entries, selected.length);
}
