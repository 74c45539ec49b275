/**
 * The permissions of FHIR REST requests (Google's access control page, `fhirStores.fhir.*`). One
 * route serves many interactions, so the permissions follow from the method and the path's shape;
 * `executeBundle` also needs the permission of every entry's interaction.
 *
 * All are checked on the store: policies live on stores and datasets, never on FHIR resources.
 */

import { isJsonObject } from '../json.js';
import type { EmulatorRequest } from '../request.js';
import type { RouteAccess } from './access.js';
import type { Permission } from './roles.js';

const SEARCH = 'healthcare.fhirStores.searchResources';

/** `PUT`, `PATCH` and `DELETE` of one resource; without an id they are conditional. */
const WRITES: Readonly<Record<string, Permission>> = {
  PUT: 'healthcare.fhirResources.update',
  PATCH: 'healthcare.fhirResources.patch',
  DELETE: 'healthcare.fhirResources.delete',
};

/**
 * One interaction's permissions. `segments` are the path after `fhir/` (`[Type, id, …]`);
 * `conditionalCreate` is an `If-None-Exist` create, which searches first.
 */
function interactionPermissions(method: string, segments: readonly string[], conditionalCreate: boolean): Permission[] {
  const [first, second] = segments;
  if (method === 'GET') {
    if (segments.length === 1 && first === 'metadata') return ['healthcare.fhirStores.get'];
    // read, vread, _history and Patient/$everything ("fhirResources.get on each resource returned").
    return segments.length <= 1 ? [SEARCH] : ['healthcare.fhirResources.get'];
  }
  if (method === 'POST') {
    if (first === '_search' || second === '_search') return [SEARCH];
    return conditionalCreate ? ['healthcare.fhirResources.create', SEARCH] : ['healthcare.fhirResources.create'];
  }
  if (method === 'DELETE' && segments[2] === '$purge') return ['healthcare.fhirResources.purge'];
  // Unknown methods never reach a FHIR route; anything unparsable is treated as the widest case.
  const write = WRITES[method] ?? 'healthcare.fhirResources.update';
  return segments.length <= 1 ? [write, SEARCH] : [write];
}

/**
 * The entries' permissions of an `executeBundle` body. A body that is not a bundle needs nothing
 * more: the handler rejects it before running any entry.
 */
async function entryPermissions(ctx: EmulatorRequest): Promise<Permission[]> {
  let bundle: unknown;
  try {
    bundle = JSON.parse((await ctx.body()).toString('utf8'));
  } catch {
    return [];
  }
  const entries = isJsonObject(bundle) && Array.isArray(bundle['entry']) ? bundle['entry'] : [];
  return entries.flatMap((entry) => {
    const request = isJsonObject(entry) ? entry['request'] : undefined;
    if (!isJsonObject(request) || typeof request['method'] !== 'string') return [];
    // Relative (`Patient/1`) or absolute (`…/fhir/Patient/1`) URLs: only the part after `fhir/` counts.
    const url = typeof request['url'] === 'string' ? request['url'] : '';
    const path = (url.split('?')[0] ?? '').replace(/^.*\/fhir\//, '');
    const segments = path.split('/').filter((s) => s !== '');
    return interactionPermissions(request['method'], segments, request['ifNoneExist'] !== undefined);
  });
}

/** Access of every FHIR REST route (`…/fhirStores/{store}/fhir[/{path=**}]`). */
export const FHIR_ACCESS: RouteAccess = {
  on: 'fhirStores',
  permissions: async (ctx) => {
    const segments = (ctx.params['path'] ?? '').split('/').filter((s) => s !== '');
    if (ctx.method === 'POST' && segments.length === 0) {
      return [...new Set<Permission>(['healthcare.fhirStores.executeBundle', ...(await entryPermissions(ctx))])];
    }
    return interactionPermissions(ctx.method, segments, ctx.headers['if-none-exist'] !== undefined);
  },
};
