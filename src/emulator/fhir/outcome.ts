/**
 * FHIR errors as Google's FHIR store reports them: an OperationOutcome whose `issue.code` is the
 * FHIR issue type, `issue.details.text` Google's machine-readable code and `issue.diagnostics` the
 * human-readable text.
 *
 * Only `bad_resource_type`, `storage_error` and `operation_too_costly` are confirmed Google codes
 * (reference §3.5); the other `details.text` codes are chosen in the same snake_case style so that
 * clients can branch on them, and are listed here in one place.
 */

import type { JsonObject } from '../json.js';

/** FHIR `IssueType` codes the emulator uses. */
export type IssueType =
  | 'conflict'
  | 'invalid'
  | 'not-found'
  | 'not-supported'
  | 'no-store'
  | 'structure'
  | 'value';

/** A FHIR interaction failed: thrown by the data plane, rendered by the routes. */
export class FhirError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly issueType: IssueType,
    readonly detailsCode: string,
    diagnostics: string,
  ) {
    super(diagnostics);
    this.name = 'FhirError';
  }

  /** The OperationOutcome body, in Google's field layout. */
  toOutcome(): JsonObject {
    return {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: this.issueType, details: { text: this.detailsCode }, diagnostics: this.message },
      ],
    };
  }
}

/** 400: the resource type is not a FHIR R4 resource type the store holds. */
export function badResourceType(type: string): FhirError {
  return new FhirError(400, 'not-supported', 'bad_resource_type', `unsupported resource type: ${type}`);
}

/** 404: no current resource (or version) with that name. */
export function resourceNotFound(what: string): FhirError {
  return new FhirError(404, 'not-found', 'resource_not_found', `resource not found: ${what}`);
}

/** 400: the request body is not JSON, or not a resource. */
export function invalidJson(reason: string): FhirError {
  return new FhirError(400, 'structure', 'invalid_json', reason);
}

/** 400: the resource is well-formed JSON but not acceptable (type or id mismatch, bad meta…). */
export function invalidResource(reason: string): FhirError {
  return new FhirError(400, 'value', 'invalid_resource', reason);
}

/** 400: a search or paging parameter cannot be honoured. */
export function invalidQuery(reason: string): FhirError {
  return new FhirError(400, 'value', 'invalid_query', reason);
}

/** 400: a parameter the store does not know, under strict handling. */
export function unsupportedParameter(reason: string): FhirError {
  return new FhirError(400, 'not-supported', 'invalid_query', reason);
}

/** 400: an interaction or feature the emulated store does not offer. */
export function notSupported(reason: string): FhirError {
  return new FhirError(400, 'not-supported', 'not_supported', reason);
}

/** 400: referential integrity — the resource points at something the store does not hold. */
export function missingReference(target: string): FhirError {
  return new FhirError(400, 'no-store', 'storage_error', `resource not found: ${target}`);
}

/** 409: referential integrity — other resources still point at the one being deleted. */
export function stillReferenced(target: string, by: readonly string[]): FhirError {
  const shown = by.slice(0, 5).join(', ') + (by.length > 5 ? `, … (${by.length} in all)` : '');
  return new FhirError(409, 'conflict', 'storage_error', `cannot delete ${target}: referenced by ${shown}`);
}

/** 409: `If-Match` named a version that is not the current one. */
export function versionConflict(what: string, expected: string, current: string): FhirError {
  return new FhirError(
    409,
    'conflict',
    'version_conflict',
    `version conflict on ${what}: If-Match wants ${expected}, current version is ${current}`,
  );
}

/** 412: a conditional interaction matched more than one resource. */
export function notSelective(what: string, count: number): FhirError {
  return new FhirError(
    412,
    'conflict',
    'precondition_failed',
    `Condition not selective enough: ${what} matched ${count} resources`,
  );
}
