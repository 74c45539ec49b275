/**
 * The resources IAM is checked on, named as Google names them. Policies live on datasets and
 * stores; a resource below them (an operation, a FHIR resource) is governed by their policies.
 */

import { datasetNameOf, locationName } from '../names.js';
import type { EmulatorState } from '../state.js';

/**
 * The kind of resource a route's permission is checked on, named by its collection; `emulator` is
 * the emulator itself (its fault control), which no policy governs.
 */
export type Scope =
  | 'projects'
  | 'locations'
  | 'datasets'
  | 'fhirStores'
  | 'dicomStores'
  | 'hl7V2Stores'
  | 'operations'
  | 'emulator';

/** The resource a route addresses at `scope`, from the route's path parameters. */
export function resourceName(scope: Scope, params: Readonly<Record<string, string>>): string {
  switch (scope) {
    case 'projects':
      return `projects/${params['project'] ?? ''}`;
    case 'locations':
      return locationName(params['project'] ?? '', params['location'] ?? '');
    case 'datasets':
      return datasetNameOf(params);
    case 'fhirStores':
    case 'dicomStores':
    case 'hl7V2Stores':
      return `${datasetNameOf(params)}/${scope}/${params['store'] ?? ''}`;
    case 'operations':
      return `${datasetNameOf(params)}/operations/${params['operation'] ?? ''}`;
    case 'emulator':
      return 'emulator';
  }
}

// Path parameters never hold `/`, so names split unambiguously on it.
const HOLDERS = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+)(?:\/(fhirStores|dicomStores|hl7V2Stores)\/([^/]+))?/;

/** The resources whose policies govern `name`: its dataset and its store, when it has them. */
export function policyHolders(name: string): string[] {
  const match = HOLDERS.exec(name);
  if (match?.[1] === undefined) return [];
  return match[2] === undefined ? [match[1]] : [match[1], match[0]];
}

/** True when `name` is a dataset or a store that currently exists. */
export function policyHolderExists(state: EmulatorState, name: string): boolean {
  const match = HOLDERS.exec(name);
  if (match?.[0] !== name || match[1] === undefined) return false;
  const dataset = state.findDataset(match[1]);
  if (dataset === undefined) return false;
  const kind = { fhirStores: 'fhir', dicomStores: 'dicom', hl7V2Stores: 'hl7v2' } as const;
  return match[2] === undefined || dataset.stores[kind[match[2] as keyof typeof kind]].has(match[3] ?? '');
}
