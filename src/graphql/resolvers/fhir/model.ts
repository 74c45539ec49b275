import { UpstreamError } from '../../../healthcare/errors.js';
import { isFhirId, isFhirResourceType } from '../../../healthcare/fhir-types.js';
import type { AllowedFhirStore, FhirResource } from '../../../healthcare/fhir.js';
import { fhirResourceName } from '../../../loaders/fhir.js';
import type { RequestContext } from '../../context.js';
import { fhirNodeType, toGlobalId } from '../../globalId.js';
import type { FhirResourceModel } from '../../models.js';

/** Full resource name of a FHIR resource: `{store}/fhir/{Type}/{id}`. */
export const resourceName = (model: FhirResourceModel) => fhirResourceName(model.store, model.resource.resourceType, model.resource.id);

/** The global id of a FHIR resource; the same whichever GraphQL type shows it. */
export const fhirGlobalId = (model: FhirResourceModel) => toGlobalId(fhirNodeType(model.resource.resourceType), resourceName(model));

export function toModel(store: string, resource: FhirResource): FhirResourceModel {
  return { store, resource: resource as FhirResourceModel['resource'] };
}

/** The store a model's resource lives in, through the access check. */
export const storeOf = (model: Pick<FhirResourceModel, 'store'>, context: RequestContext): AllowedFhirStore =>
  context.access.storeNamed('fhirStores', model.store);

/** Loads a resource of a store after checking the access policy (throws NOT_FOUND when absent). */
export async function loadFhirResource(store: string, type: string, id: string, context: RequestContext): Promise<FhirResourceModel> {
  return toModel(store, await context.loaders.fhir.resource.load({ store: storeOf({ store }, context), type, id }));
}

/**
 * Follows a reference (`Type/id`, or an absolute URL into the same store) from a resource.
 * References to other servers, to other types than `expectedType`, or to resources that no longer
 * exist resolve to null.
 */
export async function loadReference(from: FhirResourceModel, reference: string, expectedType: string, context: RequestContext): Promise<FhirResourceModel | null> {
  const relative = reference.startsWith(`${from.store}/fhir/`) ? reference.slice(from.store.length + 6) : reference;
  const [type = '', id = '', extra] = relative.split('/');
  if (extra !== undefined || type !== expectedType || !isFhirResourceType(type) || !isFhirId(id)) return null;
  try {
    return await loadFhirResource(from.store, type, id, context);
  } catch (error) {
    if (error instanceof UpstreamError && (error.status === 404 || error.status === 410)) return null;
    throw error;
  }
}

/** Follows every reference of a list, in order, skipping those that resolve to nothing. */
export async function loadReferences(from: FhirResourceModel, refs: string[], expectedType: string, context: RequestContext): Promise<FhirResourceModel[]> {
  const loaded = await Promise.all(refs.map((reference) => loadReference(from, reference, expectedType, context)));
  return loaded.filter((model): model is FhirResourceModel => model !== null);
}
