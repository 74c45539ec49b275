import { UpstreamError } from '../../../healthcare/errors.js';
import { includesFor } from '../../lookahead.js';
import { requireFhirId, requireResourceType } from '../../../healthcare/fhir.js';
import type { FhirResourceResolvers, FhirStoreResolvers } from '../../../generated/graphql.js';
import { asString } from './datatypes.js';
import { commonFhirFields } from './common.js';
import { resourceList, searchParam } from './lists.js';
import { loadFhirResource } from './model.js';
import { patientSearchParams } from './patient.js';

/** A patient list's practitioners and organizations arrive in the patient search itself. */
const PATIENT_INCLUDES = { generalPractitioners: 'Patient:general-practitioner', managingOrganization: 'Patient:organization' };

/** The FhirStore fields that reach into the store's FHIR data. */
export const fhirStoreDataResolvers: Pick<FhirStoreResolvers, 'patients' | 'patient' | 'resource' | 'search'> = {
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
  search: (store, { resourceType, params, first, after }, context) => resourceList({
    store: store.name,
    list: 'FhirStore.search',
    parent: `${store.name}/fhir/${requireResourceType(resourceType)}`,
    segments: [resourceType],
    params: (params ?? []).map((param) => searchParam(param.name, param.value)),
    first,
    after,
  }, context),
};

export const fhirResourceResolvers: FhirResourceResolvers = {
  ...commonFhirFields,
  resourceType: ({ resource }) => resource.resourceType,
  versionId: ({ resource }) => asString(resource.meta?.versionId),
  lastUpdated: ({ resource }) => asString(resource.meta?.lastUpdated),
};
