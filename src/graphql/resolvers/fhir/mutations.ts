import { badUserInput } from '../../../errors.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { createResource, deleteResource, requireFhirId, requireResourceType, updateResource, type FhirResource } from '../../../healthcare/fhir.js';
import { parseStoreName, storeNameIn, storeResourceName, type AllowedStore, type StoreName } from '../../../healthcare/names.js';
import { fhirResourceName } from '../../../loaders/fhir.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { fhirNodeType, toGlobalId } from '../../globalId.js';
import { toModel } from './model.js';
import { searchParam } from './lists.js';

/**
 * The store a mutation writes to: a full name; a short id within the pinned dataset; or, when left
 * out, the one allowed FHIR store of the pinned dataset (the toolbox's default-store rule).
 */
function targetStore(store: string | null | undefined, context: RequestContext): AllowedStore<'fhirStores'> {
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

/** The store refused the content (invalid resource, failed precondition): the caller's input is at fault. */
async function asUserError<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UpstreamError && [400, 409, 412, 422].includes(error.status)) {
      throw badUserInput(`The FHIR store refused the resource: ${error.message}`);
    }
    throw error;
  }
}

/** Validates an If-None-Exist query: `name=value` pairs of ordinary search parameters. */
function conditionalQuery(query: string): string {
  const params = new URLSearchParams(query);
  if ([...params.keys()].length === 0) throw badUserInput('ifNoneExist must be a search query such as identifier=system|value');
  for (const [name, value] of params) searchParam(name, value);
  return params.toString();
}

export const fhirMutations: MutationResolvers = {
  createFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const resource = fhirResource(input.resource);
    const ifNoneExist = input.ifNoneExist ? conditionalQuery(input.ifNoneExist) : undefined;
    const result = await asUserError(() => createResource(context.client, store, resource, ifNoneExist));
    return { created: result.created, resource: toModel(storeResourceName(store), result.resource) };
  },
  updateFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const resource = fhirResource(input.resource);
    if (typeof resource.id !== 'string') throw badUserInput('resource.id is required to update a resource');
    const stored = await asUserError(() => updateResource(context.client, store, { ...resource, id: requireFhirId(resource.id as string) }));
    return { created: false, resource: toModel(storeResourceName(store), stored) };
  },
  deleteFhirResource: async (_parent, { input }, context) => {
    const store = targetStore(input.store, context);
    const type = requireResourceType(input.resourceType);
    const id = requireFhirId(input.id);
    await asUserError(() => deleteResource(context.client, store, type, id));
    return { deletedId: toGlobalId(fhirNodeType(type), fhirResourceName(storeResourceName(store), type, id)) };
  },
};
