import { isResourceType, RESOURCE_ID } from '../fhir/resource-types.js';

/** A type an R4 store can hold (and so search or read). */
export function isFhirResourceType(type: string): boolean {
  return isResourceType(type);
}

/** FHIR's id rule; `.` and `..` match it but would move up a URL path, so they are refused. */
export function isFhirId(id: string): boolean {
  return RESOURCE_ID.test(id) && id !== '.' && id !== '..';
}
