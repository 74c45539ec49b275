/** `fhirResourceChanged` and `patientChanged`: a FHIR store's changes, read again for each subscriber. */
import { badUserInput } from '../../errors.js';
import { hasPatientCompartment, inCompartmentOf } from '../../fhir/compartment.js';
import { requireFhirId, requireResourceType, type AllowedFhirStore, type FhirResource } from '../../healthcare/fhir.js';
import { storeResourceName } from '../../healthcare/names.js';
import type { FhirStoreEvent, StoreEvent } from '../../live/store-events.js';
import type { RequestContext } from '../context.js';
import type { FhirResourceChangeModel } from '../models.js';
import { toModel } from '../resolvers/fhir/model.js';
import { openStoreStream, readForEvent } from './open.js';
import type { LivePayload } from './stream.js';

/** Types one `fhirResourceChanged` may name: a filter, not a query plan. */
export const MAX_TYPES = 50;

const isFhirEvent = (event: StoreEvent): event is FhirStoreEvent => event.kind === 'fhir';

/** The change as the subscriber sees it; `resource` as read (null when deleted or refused). */
function change(event: FhirStoreEvent, store: AllowedFhirStore, resource: FhirResource | null): FhirResourceChangeModel {
  const meta = resource?.meta as { versionId?: string; lastUpdated?: string } | undefined;
  return {
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    versionId: event.versionId ?? meta?.versionId ?? null,
    lastUpdated: event.lastUpdated ?? meta?.lastUpdated ?? null,
    resource: resource === null ? null : toModel(storeResourceName(store), resource as FhirResource & { id: string }),
  };
}

/** The changed resource as it is now, read with the subscriber's credentials through the event's loaders. */
const readChanged = (event: FhirStoreEvent, store: AllowedFhirStore, context: RequestContext) =>
  readForEvent<FhirResource, FhirResourceChangeModel>(() => context.loaders.fhir.resource.load({ store, type: event.resourceType, id: event.resourceId }));

/** Changes to a store's resources, of some types only when `types` is given. */
export function fhirResourceChanged(store: string, types: readonly string[] | null | undefined, context: RequestContext) {
  const allowed = context.access.storeNamed('fhirStores', store);
  if (types && types.length > MAX_TYPES) throw badUserInput(`types may name at most ${MAX_TYPES} resource types`);
  const wanted = types && types.length > 0 ? new Set(types.map(requireResourceType)) : undefined;
  return openStoreStream('fhirStores', allowed, context, (event) => isFhirEvent(event) && (wanted === undefined || wanted.has(event.resourceType)), async (event) => {
    const fhir = event as FhirStoreEvent;
    if (fhir.action === 'DELETE') return { value: change(fhir, allowed, null) };
    const read = await readChanged(fhir, allowed, context);
    if (read === undefined) return { value: change(fhir, allowed, null) };
    return 'failed' in read ? read.failed : { value: change(fhir, allowed, read.read) };
  });
}

/**
 * Changes to a patient and to the resources in their compartment. Membership is decided on the
 * resource as read: for a delete, on the version before it (from the resource's history). A change
 * the subscriber may not read cannot be placed, so it is not sent.
 */
export function patientChanged(store: string, patientId: string, context: RequestContext) {
  const allowed = context.access.storeNamed('fhirStores', store);
  const id = requireFhirId(patientId, 'patientId');
  const isPatient = (event: FhirStoreEvent) => event.resourceType === 'Patient' && event.resourceId === id;
  return openStoreStream('fhirStores', allowed, context, (event) => isFhirEvent(event) && (isPatient(event) || hasPatientCompartment(event.resourceType)), async (event): Promise<LivePayload<FhirResourceChangeModel> | undefined> => {
    const fhir = event as FhirStoreEvent;
    if (fhir.action === 'DELETE') {
      if (isPatient(fhir)) return { value: change(fhir, allowed, null) };
      const before = await readForEvent<FhirResource | undefined, FhirResourceChangeModel>(() => lastLiveVersion(fhir, allowed, context));
      if (before === undefined || 'failed' in before) return before?.failed;
      return before.read !== undefined && inCompartmentOf(before.read, id) ? { value: change(fhir, allowed, null) } : undefined;
    }
    const read = await readChanged(fhir, allowed, context);
    if (read === undefined || 'failed' in read) return read?.failed;
    return inCompartmentOf(read.read, id) ? { value: change(fhir, allowed, read.read) } : undefined;
  });
}

/** The newest version of a deleted resource that still had a body, from its history. */
async function lastLiveVersion(event: FhirStoreEvent, store: AllowedFhirStore, context: RequestContext): Promise<FhirResource | undefined> {
  const history = await context.loaders.fhir.search.load({ store, segments: [event.resourceType, event.resourceId, '_history'], params: [['_count', '2']] });
  return history.entry?.find((entry) => entry.resource !== undefined)?.resource;
}
