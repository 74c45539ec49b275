import { UpstreamError } from '../../../healthcare/errors.js';
import { includesFor } from '../../lookahead.js';
import { badUserInput } from '../../../errors.js';
import { readVersion, requireFhirId, requireResourceType } from '../../../healthcare/fhir.js';
import type { FhirResourceResolvers, FhirStoreResolvers } from '../../../generated/graphql.js';
import { commonFhirFields } from './common.js';
import { resourceList, searchParam } from './lists.js';
import { loadFhirResource, storeOf } from './model.js';
import { patientSearchParams } from './patient-filter.js';

/** A patient list's practitioners and organizations arrive in the patient search itself. */
const PATIENT_INCLUDES = { generalPractitioners: 'Patient:general-practitioner', managingOrganization: 'Patient:organization' };

/** The FhirStore fields that reach into the store's FHIR data. */
export const fhirStoreDataResolvers: Pick<FhirStoreResolvers, 'patients' | 'patient' | 'resource' | 'search' | 'history' | 'resourceVersion'> = {
  patients: (store, { filter, first, after }, context, info) => resourceList({
    store: store.name,
    list: 'FhirStore.patients',
    parent: store.name,
    segments: ['Patient'],
    params: [...patientSearchParams(filter), ...includesFor(info, PATIENT_INCLUDES)],
    first,
    after,
  }, context),
  patient: (store, { id }, context) => loadFhirResource(store.name, 'Patient', requireFhirId(id), context),
  resource: async (store, { type, id }, context) => {
    try {
      return (await loadFhirResource(store.name, requireResourceType(type), requireFhirId(id), context)).resource;
    } catch (error) {
      // Gone (deleted) reads as not found to a client.
      if (error instanceof UpstreamError && error.status === 410) throw new UpstreamError(error.message, { status: 404, kind: 'fhir', reason: 'not-found' });
      throw error;
    }
  },
  search: (store, { resourceType, resourceTypes, params, first, after }, context) => {
    const target = searchTarget(resourceType, resourceTypes);
    const checked = (params ?? []).map((param) => searchParam(param.name, param.value));
    if (target.params.length > 0 && checked.some(([name]) => name === '_type')) throw badUserInput('Pass the types as resourceTypes, not as a _type parameter');
    return resourceList({
      store: store.name,
      list: 'FhirStore.search',
      parent: `${store.name}/fhir${target.parent}`,
      segments: target.segments,
      params: [...target.params, ...checked],
      first,
      after,
    }, context);
  },
  history: (store, { type, id, since, first, after }, context) => {
    const path = `${requireResourceType(type)}/${requireFhirId(id)}`;
    return resourceList({
      store: store.name,
      list: 'FhirStore.history',
      parent: `${store.name}/fhir/${path}`,
      segments: [type, id, '_history'],
      params: since ? [['_since', since]] : [],
      first,
      after,
      versions: true,
    }, context);
  },
  resourceVersion: (store, { type, id, versionId }, context) =>
    readVersion(context.client, storeOf({ store: store.name }, context), requireResourceType(type), requireFhirId(id), requireFhirId(versionId, 'version id')),
};

/** Types searched at once at most: a UI's "any of these" picker, well inside a URL. */
const MAX_SEARCH_TYPES = 20;

/** Where a search goes: one type's endpoint, or the store's with `_type` for several. */
function searchTarget(resourceType: string | null | undefined, resourceTypes: readonly string[] | null | undefined) {
  if ((resourceType ? 1 : 0) + (resourceTypes ? 1 : 0) !== 1) throw badUserInput('Pass either resourceType or resourceTypes');
  if (resourceType) return { segments: [requireResourceType(resourceType)], params: [] as [string, string][], parent: `/${resourceType}` };
  const types = [...new Set(resourceTypes!.map(requireResourceType))];
  if (types.length === 0 || types.length > MAX_SEARCH_TYPES) throw badUserInput(`resourceTypes must name 1 to ${MAX_SEARCH_TYPES} types`);
  return { segments: [] as string[], params: [['_type', types.join(',')]] as [string, string][], parent: `?_type=${types.join(',')}` };
}

export const fhirResourceResolvers: FhirResourceResolvers = {
  ...commonFhirFields,
  resourceType: ({ resource }) => resource.resourceType,
};
