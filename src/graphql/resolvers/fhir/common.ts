import type { FhirResourceModel } from '../../models.js';
import { asString } from './datatypes.js';
import { fhirGlobalId } from './model.js';

/** Fields every FHIR-backed object type has. */
export const commonFhirFields = {
  id: fhirGlobalId,
  resourceId: (model: FhirResourceModel) => model.resource.id,
  versionId: ({ resource }: FhirResourceModel) => asString(resource.meta?.versionId),
  lastUpdated: ({ resource }: FhirResourceModel) => asString(resource.meta?.lastUpdated),
  resource: (model: FhirResourceModel) => model.resource,
};
