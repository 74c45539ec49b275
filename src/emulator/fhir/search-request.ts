/**
 * What a search request asks for, in every form Google's FHIR store takes: which types it searches
 * (the path's type; at the store's base `_type`, a `resourceType` query parameter, a
 * `{"resourceType": …}` JSON body, or else every type), and its parameters, which always come
 * from the query string (a POST search takes no form-encoded parameters).
 */

import { isJsonObject } from '../json.js';
import type { EmulatorRequest } from '../request.js';
import { RESOURCE_TYPES, isResourceType } from '../../fhir/resource-types.js';
import { header, readJson } from './http.js';
import { badResourceType, invalidQuery, notSupported } from './outcome.js';
import { typeSearch, type SearchPlan } from './search.js';
import { parseSearch } from './search-query.js';
import type { FhirStore } from './store.js';

/**
 * The type a POST search's body names: Google's `SearchResourcesRequest` (`{"resourceType": …}`,
 * what its generated clients send) or nothing (an empty or `null` body, what the toolbox's Go
 * client sends). Form-encoded parameters are refused, as Google documents.
 */
export async function bodyResourceType(ctx: EmulatorRequest): Promise<string | undefined> {
  const text = (await ctx.body()).toString('utf8').trim();
  if (text === '') return undefined;
  if ((header(ctx, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw notSupported('POST search does not take application/x-www-form-urlencoded parameters; send them in the query string');
  }
  const body = await readJson(ctx);
  if (body === null) return undefined;
  if (!isJsonObject(body)) throw invalidQuery('the search body must be a JSON object such as {"resourceType": "Patient"}');
  const unknown = Object.keys(body).find((key) => key !== 'resourceType');
  if (unknown !== undefined) {
    throw invalidQuery(`unknown field "${unknown}" in the search body: it takes only resourceType; search parameters go in the query string`);
  }
  const type = body['resourceType'];
  if (type !== undefined && typeof type !== 'string') throw invalidQuery('resourceType in the search body must be a string');
  return type;
}

/** The one type named by the `resourceType` query parameters and the body; 400 when they disagree. */
function namedType(params: readonly [string, string][], bodyType: string | undefined): string | undefined {
  const named = new Set([...params.filter(([name]) => name === 'resourceType').map(([, value]) => value), ...(bodyType === undefined ? [] : [bodyType])]);
  if (named.size > 1) throw invalidQuery(`the search names several resource types: ${[...named].join(', ')}; use _type to search several`);
  return [...named][0];
}

/** The types of `_type` (one comma-separated list), each a FHIR R4 resource type. */
function listedTypes(params: readonly [string, string][]): { raw: string; types: string[] } | undefined {
  const lists = params.filter(([name]) => name === '_type').map(([, value]) => value);
  if (lists.length === 0) return undefined;
  if (lists.length > 1) throw invalidQuery('_type is given more than once; give it once, as a comma-separated list');
  const raw = lists[0] as string;
  const types = [...new Set(raw.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
  if (types.length === 0) throw invalidQuery('_type is empty');
  const unknown = types.find((t) => !isResourceType(t));
  if (unknown !== undefined) throw badResourceType(unknown);
  return { raw, types };
}

/**
 * A search across `types`: the parameters parsed once per type, where only `Resource` parameters
 * filter and sort. With no type to search (an empty store and no `_type`) the parameters are
 * still checked, against any type: every type has the `Resource` parameters.
 */
function acrossTypes(store: FhirStore, types: readonly string[], params: readonly [string, string][], strict: boolean, typeParam: string | undefined): SearchPlan {
  const queries = types.map((type) => [type, parseSearch(store, type, params, strict, types)] as const);
  const shared = queries[0]?.[1] ?? parseSearch(store, RESOURCE_TYPES[0] as string, params, strict, types);
  const applied: [string, string][] = typeParam === undefined ? shared.applied : [['_type', typeParam], ...shared.applied];
  return { path: '', queries, shared, applied };
}

/**
 * The plan of a search request: `pathType` is the type of `…/fhir/{type}[/_search]`, undefined at
 * the store's base (`GET fhir?…`, `POST fhir/_search`); `bodyType` is what a POST body named.
 */
export function planSearch(
  store: FhirStore,
  pathType: string | undefined,
  params: readonly [string, string][],
  bodyType: string | undefined,
  strict: boolean,
): SearchPlan {
  const named = namedType(params, bodyType);
  const rest = params.filter(([name]) => name !== 'resourceType');
  if (pathType !== undefined) {
    if (named !== undefined && named !== pathType) throw invalidQuery(`the search names ${named}, but its path searches ${pathType}`);
    return typeSearch(pathType, parseSearch(store, pathType, rest, strict));
  }
  const listed = listedTypes(rest);
  if (named !== undefined) {
    if (listed !== undefined) throw invalidQuery('give the types once: resourceType names one, _type several');
    if (!isResourceType(named)) throw badResourceType(named);
    return typeSearch(named, parseSearch(store, named, rest, strict));
  }
  const others = rest.filter(([name]) => name !== '_type');
  return acrossTypes(store, listed?.types ?? store.types(), others, strict, listed?.raw);
}
