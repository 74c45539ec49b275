import type { GraphQLResolveInfo } from 'graphql';
import { UpstreamError } from '../../../healthcare/errors.js';
import { nodeFieldNames } from '../../lookahead.js';
import { requireFhirId, requireResourceType } from '../../../healthcare/fhir.js';
import type { FhirResourceResolvers, FhirStoreResolvers } from '../../../generated/graphql.js';
import { asString } from './datatypes.js';
import { commonFhirFields } from './common.js';
import { resourceList, searchParam } from './lists.js';
import { loadFhirResource } from './model.js';
import { patientSearchParams } from './patient.js';

/**
 * `_include`s for the references a patient list's query will follow, so practitioners and
 * organizations arrive in the patient search itself (and prime the by-id loader) instead of in
 * further calls.
 */
function patientIncludes(info: GraphQLResolveInfo): [string, string][] {
  const fields = nodeFieldNames(info);
  const includes: [string, string][] = [];
  if (fields.has('generalPractitioners')) includes.push(['_include', 'Patient:general-practitioner']);
  if (fields.has('managingOrganization')) includes.push(['_include', 'Patient:organization']);
  return includes;
}

/** The FhirStore fields that reach into the store's FHIR data. */
export const fhirStoreDataResolvers: Pick<FhirStoreResolvers, 'patients' | 'patient' | 'resource' | 'search'> = {
  patients: (store, { filter, first, after }, context, info) =>
    resourceList(store.name, 'FhirStore.patients', store.name, ['Patient'], [...patientSearchParams(filter), ...patientIncludes(info)], { first, after }, context),
  patient: (store, { id }, context) => loadFhirResource(store.name, 'Patient', requireFhirId(id), context),
  resource: async (store, { type, id }, context) => {
    try {
      return (await loadFhirResource(store.name, requireResourceType(type), requireFhirId(id), context)).resource;
    } catch (error) {
      // Gone (deleted) reads as not found to a client.
      if (error instanceof UpstreamError && error.status === 410) throw new UpstreamError(error.message, 404, 'fhir', 'not-found');
      throw error;
    }
  },
  search: (store, { resourceType, params, first, after }, context) =>
    resourceList(
      store.name,
      `FhirStore.search`,
      `${store.name}/fhir/${requireResourceType(resourceType)}`,
      [resourceType],
      (params ?? []).map((param) => searchParam(param.name, param.value)),
      { first, after },
      context,
    ),
};

export const fhirResourceResolvers: FhirResourceResolvers = {
  ...commonFhirFields,
  resourceType: ({ resource }) => resource.resourceType,
  versionId: ({ resource }) => asString(resource.meta?.versionId),
  lastUpdated: ({ resource }) => asString(resource.meta?.lastUpdated),
};
