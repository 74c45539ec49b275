/** Cloud Healthcare resource names and id rules. */

import { invalidArgument } from './errors.js';

/** `projects/{p}/locations/{l}` */
export function locationName(project: string, location: string): string {
  return `projects/${project}/locations/${location}`;
}

/** `projects/{p}/locations/{l}/datasets/{d}` */
export function datasetName(project: string, location: string, dataset: string): string {
  return `${locationName(project, location)}/datasets/${dataset}`;
}

/** Reads the dataset name out of a route's path parameters. */
export function datasetNameOf(params: Readonly<Record<string, string>>): string {
  return datasetName(params['project'] ?? '', params['location'] ?? '', params['dataset'] ?? '');
}

// datasetId, fhirStoreId, hl7V2StoreId and consentStoreId share this rule (NPM create params).
const RESOURCE_ID = /^[\p{L}\p{N}_\-.]{1,256}$/u;

/**
 * Validates a dataset / FHIR store id (`[\p{L}\p{N}_\-\.]{1,256}`, and not `.` or `..`, which
 * would be path segments). `param` names the query parameter in the message.
 */
export function checkResourceId(id: string | undefined, param: string): string {
  if (id === undefined || id === '') throw invalidArgument(`${param} is required.`);
  if (!RESOURCE_ID.test(id) || id === '.' || id === '..') {
    throw invalidArgument(`Invalid ${param} "${id}": must match [\\p{L}\\p{N}_\\-\\.]{1,256} and not be "." or "..".`);
  }
  return id;
}

/**
 * Validates a DICOM store id: "any string value up to 256 characters", minus what cannot be a
 * single path segment (`/`, `.`, `..`, empty).
 */
export function checkDicomStoreId(id: string | undefined, param: string): string {
  if (id === undefined || id === '') throw invalidArgument(`${param} is required.`);
  if ([...id].length > 256 || id.includes('/') || id === '.' || id === '..') {
    throw invalidArgument(
      `Invalid ${param} "${id}": must be at most 256 characters, contain no "/" and not be "." or "..".`,
    );
  }
  return id;
}
