/**
 * `GET …/fhir/metadata`: the CapabilityStatement, generated from what the store implements — the
 * resource types, the interactions, and the search parameter table — so it cannot drift from it.
 */

import type { JsonObject } from '../json.js';
import { RESOURCE_TYPES } from '../../fhir/resource-types.js';
import { paramsOf, RESOURCE_PARAMS, TYPE_PARAMS, type SearchParamDef } from './search-parameters.js';
import type { FhirStore } from './store.js';

const INTERACTIONS = ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'];
const EVERYTHING = { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' };

/** The reference parameters (`Type:param`) that can point at `target`, for `searchRevInclude`. */
function revIncludesOf(target: string): string[] {
  return Object.entries(TYPE_PARAMS).flatMap(([type, defs]) =>
    defs
      .filter((d) => d.kind === 'reference' && (d.targets === undefined || d.targets.includes(target)))
      .map((d) => `${type}:${d.name}`),
  );
}

function searchParam(def: SearchParamDef): JsonObject {
  return { name: def.name, type: def.kind, documentation: def.expression };
}

function resourceEntry(type: string, store: FhirStore): JsonObject {
  const defs = paramsOf(type);
  const entry: JsonObject = {
    type,
    interaction: INTERACTIONS.filter((code) => code !== 'history-instance' || store.versioning).map((code) => ({ code })),
    versioning: store.versioning ? 'versioned' : 'no-version',
    readHistory: store.versioning,
    updateCreate: store.updateCreate,
    conditionalCreate: true,
    conditionalUpdate: true,
    conditionalDelete: 'single',
    referencePolicy: ['literal', 'local'],
    searchInclude: ['*', ...defs.filter((d) => d.kind === 'reference').map((d) => `${type}:${d.name}`)],
    searchRevInclude: revIncludesOf(type),
    searchParam: defs.map(searchParam),
  };
  if (type === 'Patient') entry['operation'] = [EVERYTHING];
  return entry;
}

/** The store's CapabilityStatement; `base` is its FHIR base URL. */
export function capabilityStatement(store: FhirStore, base: string): JsonObject {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'Cloud Healthcare API emulator',
    kind: 'instance',
    software: { name: 'Cloud Healthcare API emulator (FHIR R4 store)' },
    implementation: { description: store.name, url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        resource: RESOURCE_TYPES.map((type) => resourceEntry(type, store)),
        interaction: [{ code: 'transaction' }, { code: 'batch' }, { code: 'search-system' }],
        // Searches across types (`_type`, or every type) filter and sort by the Resource parameters only.
        searchParam: [
          { name: '_type', type: 'token' },
          ...RESOURCE_PARAMS.map(searchParam),
          { name: '_count', type: 'number' },
          { name: '_sort', type: 'string' },
          { name: '_elements', type: 'string' },
          { name: '_summary', type: 'token' },
          { name: '_include', type: 'string' },
          { name: '_revinclude', type: 'string' },
        ],
      },
    ],
  };
}
