/** The FHIR write mutations: create, update, patch, delete and history purge of one resource. */
import { badUserInput, graphQLError } from '../../../errors.js';
import { contentKey } from '../../../fhir/content.js';
import {
  bundleMatches, createResource, deleteResource, patchResource, purgeResourceHistory, readResource, requireFhirId, requireResourceType, searchBundle, updateResource,
  type AllowedFhirStore, type FhirResource, type WriteTarget,
} from '../../../healthcare/fhir.js';
import { parseStoreName, storeNameIn, storeResourceName, type StoreName } from '../../../healthcare/names.js';
import { fhirResourceName } from '../../../loaders/fhir.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { fhirNodeType, toGlobalId } from '../../globalId.js';
import { toModel } from './model.js';
import { searchParam } from './lists.js';
import { asWriteError, isConflict } from './write-errors.js';

/**
 * The store a mutation writes to: a full name; a short id within the pinned dataset; or, when left
 * out, the one allowed FHIR store of the pinned dataset (the toolbox's default-store rule).
 */
export function targetStore(store: string | null | undefined, context: RequestContext): AllowedFhirStore {
  const pinned = context.access.pinnedDataset;
  const allowed = context.access.allowedStores('fhirStores');
  let name: StoreName<'fhirStores'>;
  if (store?.includes('/')) {
    name = parseStoreName(store, 'fhirStores');
  } else if (store) {
    if (!pinned) throw badUserInput('Pass the store\'s full resource name: this server is not pinned to one dataset');
    name = storeNameIn(pinned, 'fhirStores', store);
  } else {
    if (!pinned || allowed?.length !== 1) throw badUserInput('Pass `store`: this server has no single default FHIR store');
    name = storeNameIn(pinned, 'fhirStores', allowed[0]!);
  }
  return context.access.checkStore(name);
}

/** Checks that a JSON input is a FHIR resource object. */
function fhirResource(value: unknown): FhirResource {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as FhirResource).resourceType !== 'string') {
    throw badUserInput('resource must be a FHIR resource: a JSON object with a resourceType');
  }
  requireResourceType((value as FhirResource).resourceType);
  return value as FhirResource;
}

/** Validates a conditional search (`ifNoneExist`, `condition`): `name=value` pairs of ordinary search parameters. */
function searchCriteria(query: string, field: string): [string, string][] {
  const params = [...new URLSearchParams(query)];
  if (params.length === 0) throw badUserInput(`${field} must be a search query such as identifier=system|value`);
  return params.map(([name, value]) => searchParam(name, value));
}

/** The target of a write by id (with `ifMatch`) or by `condition`, exactly one of them. */
function writeTarget(input: { id?: string | null; ifMatch?: string | null; condition?: string | null }, what: string): WriteTarget {
  if (input.condition) {
    if (input.ifMatch) throw badUserInput('Give either ifMatch or condition: a conditional write has no version to match');
    return { condition: searchCriteria(input.condition, 'condition') };
  }
  if (!input.id) throw badUserInput(`${what} is required (or a condition)`);
  return { id: requireFhirId(input.id), ...(input.ifMatch ? { ifMatch: requireFhirId(input.ifMatch, 'version id') } : {}) };
}

/** A JSON Patch document: a non-empty list of RFC 6902 operations. */
function jsonPatch(value: unknown): unknown[] {
  const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);
  if (!Array.isArray(value) || value.length === 0) throw badUserInput('patch must be a JSON Patch: a non-empty list of operations');
  value.forEach((op: unknown, i) => {
    const { op: name, path, from } = (typeof op === 'object' && op !== null ? op : {}) as Record<string, unknown>;
    const pointer = (p: unknown) => typeof p === 'string' && (p === '' || p.startsWith('/'));
    if (typeof name !== 'string' || !OPS.has(name) || !pointer(path)) throw badUserInput(`patch[${i}] is not a JSON Patch operation {op, path, ...} with a JSON Pointer path`);
    if ((name === 'move' || name === 'copy') && !pointer(from)) throw badUserInput(`patch[${i}]: ${name} needs a JSON Pointer "from"`);
    if ((name === 'add' || name === 'replace' || name === 'test') && !('value' in (op as object))) throw badUserInput(`patch[${i}]: ${name} needs a "value"`);
  });
  return value;
}

/**
 * A versioned update refused as stale may be this very write, applied by an attempt whose answer
 * was lost and then retried: when the stored content is what was sent, the write did happen.
 */
async function versionedUpdate(context: RequestContext, store: AllowedFhirStore, resource: FhirResource, target: WriteTarget) {
  try {
    return await asWriteError(() => updateResource(context.client, store, resource, target));
  } catch (error) {
    if (!isConflict(error) || !('ifMatch' in target) || target.ifMatch === undefined) throw error;
    const current = await readResource(context.client, store, resource.resourceType, target.id);
    if (contentKey(current) !== contentKey({ ...resource, id: target.id })) throw error;
    return { created: false, resource: current };
  }
}

/**
 * The id of the one resource a conditional delete will remove: the API does not say which it
 * removed, and `deletedId` names it. None is NOT_FOUND, several a CONFLICT (the API's 412), both
 * before the delete is sent. The delete itself stays conditional, so the store checks again.
 */
async function conditionalMatch(context: RequestContext, store: AllowedFhirStore, type: string, condition: [string, string][]): Promise<string> {
  const matches = bundleMatches(await searchBundle(context.client, store, [type], [...condition, ['_elements', 'id'], ['_count', '2']]));
  if (matches.length === 0) throw graphQLError('NOT_FOUND', `No ${type} matches the condition`);
  if (matches.length > 1) throw graphQLError('CONFLICT', `More than one ${type} matches the condition: make it select one resource`);
  return requireFhirId(String(matches[0]!.id));
}

export const fhirMutations: MutationResolvers = {
  createFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const resource = fhirResource(input.resource);
    const ifNoneExist = input.ifNoneExist ? new URLSearchParams(searchCriteria(input.ifNoneExist, 'ifNoneExist')).toString() : undefined;
    const result = await asWriteError(() => createResource(context.client, store, resource, ifNoneExist));
    return { created: result.created, resource: toModel(storeResourceName(store), result.resource) };
  },
  updateFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const resource = fhirResource(input.resource);
    if (resource.id !== undefined && typeof resource.id !== 'string') throw badUserInput('resource.id must be a string');
    const target = writeTarget({ ...input, id: resource.id }, 'resource.id');
    const result = await versionedUpdate(context, store, resource, target);
    return { created: result.created, resource: toModel(storeResourceName(store), result.resource) };
  },
  patchFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const type = requireResourceType(input.resourceType);
    const target = writeTarget(input, 'id');
    const patch = jsonPatch(input.patch);
    const stored = await asWriteError(() => patchResource(context.client, store, type, target, patch));
    return { created: false, resource: toModel(storeResourceName(store), stored) };
  },
  deleteFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const type = requireResourceType(input.resourceType);
    const target = writeTarget(input, 'id');
    const id = 'id' in target ? target.id : await conditionalMatch(context, store, type, target.condition);
    await asWriteError(() => deleteResource(context.client, store, type, target));
    return { deletedId: toGlobalId(fhirNodeType(type), fhirResourceName(storeResourceName(store), type, id)) };
  },
  purgeFhirResourceHistory: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const type = requireResourceType(input.resourceType);
    const id = requireFhirId(input.id);
    await asWriteError(() => purgeResourceHistory(context.client, store, type, id));
    return { purgedId: toGlobalId(fhirNodeType(type), fhirResourceName(storeResourceName(store), type, id)) };
  },
};
