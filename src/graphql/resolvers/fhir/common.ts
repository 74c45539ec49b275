import type { FhirResourceModel } from '../../models.js';
import { fhirGlobalId } from './model.js';

/** Fields every FHIR-backed object type has. */
export const commonFhirFields = {
  id: fhirGlobalId,
  resourceId: (model: FhirResourceModel) => model.resource.id,
  resource: (model: FhirResourceModel) => model.resource,
};
