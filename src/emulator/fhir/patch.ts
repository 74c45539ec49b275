/** JSON Patch (RFC 6902) on FHIR resources, the only patch format Google's FHIR store accepts. */

import jsonPatch from 'fast-json-patch';
import type { JsonObject } from '../json.js';
import { FhirError } from './outcome.js';

function invalidPatch(reason: string): FhirError {
  return new FhirError(400, 'invalid', 'invalid_patch', reason);
}

/** Applies `operations` to a copy of `resource`; a malformed or failing patch is a 400. */
export function applyJsonPatch(resource: JsonObject, operations: unknown): JsonObject {
  if (!Array.isArray(operations)) throw invalidPatch('a JSON Patch body must be an array of operations');
  const copy = structuredClone(resource);
  try {
    const result = jsonPatch.applyPatch(copy, operations as jsonPatch.Operation[], true, true);
    return result.newDocument;
  } catch (error) {
    throw invalidPatch(`JSON Patch failed: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}
