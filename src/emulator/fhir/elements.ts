/**
 * `_elements` and `_summary=text|data`: the subset of each matched resource a search returns.
 * Subsets keep `resourceType`, `id` and `meta` (FHIR's mandatory elements for a usable result)
 * and carry the `SUBSETTED` tag so that nobody mistakes them for the full resource.
 */

import { isJsonObject, type JsonObject } from '../json.js';
import type { Summary } from './search-query.js';

const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };
const ALWAYS = ['resourceType', 'id', 'meta'];

function tagged(resource: JsonObject, keep: (key: string) => boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) if (keep(key)) out[key] = value;
  const meta = isJsonObject(out['meta']) ? out['meta'] : {};
  const tags = Array.isArray(meta['tag']) ? meta['tag'] : [];
  out['meta'] = { ...meta, tag: [...tags, SUBSETTED] };
  return out;
}

/** The resource as a search with these result parameters returns it. */
export function project(resource: JsonObject, elements: readonly string[] | undefined, summary: Summary | undefined): JsonObject {
  if (summary === 'text') return tagged(resource, (key) => ALWAYS.includes(key) || key === 'text');
  if (summary === 'data') return tagged(resource, (key) => key !== 'text');
  if (elements !== undefined) return tagged(resource, (key) => ALWAYS.includes(key) || elements.includes(key));
  return resource;
}
