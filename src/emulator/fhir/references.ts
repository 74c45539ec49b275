/**
 * References between resources: which ones point into the store (`Type/id`, optionally versioned,
 * or an absolute URL under the store's own `…/fhirStores/{s}/fhir/` path), where they sit in a
 * resource, and rewriting them (transaction `urn:uuid:` placeholders).
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { isResourceType } from '../../fhir/resource-types.js';

/** A reference that resolves inside the store. */
export interface LocalTarget {
  type: string;
  id: string;
  /** Set for `Type/id/_history/vid`. */
  version: string | undefined;
}

/** A reference found in a resource, with the dotted element path it sits at (`subject`, `participant.individual`). */
export interface FoundReference {
  path: string;
  reference: string;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-._=]+))?$/;

/**
 * The local target of a reference, or `undefined` for contained (`#x`), `urn:` placeholders,
 * logical and external references, which the store neither checks nor follows.
 */
export function localTarget(reference: string, storeName: string): LocalTarget | undefined {
  let relative = reference;
  const absolute = /^https?:\/\/[^/]+(\/[^?#]*)$/.exec(reference);
  if (absolute) {
    const marker = `/${storeName}/fhir/`;
    const at = (absolute[1] ?? '').indexOf(marker);
    if (at < 0) return undefined;
    relative = (absolute[1] ?? '').slice(at + marker.length);
  }
  const m = RELATIVE.exec(relative);
  if (m === null || !isResourceType(m[1] ?? '')) return undefined;
  return { type: m[1] ?? '', id: m[2] ?? '', version: m[3] };
}

// Elements whose references only count when the store parses complex data types (extensions).
const EXTENSION_KEYS = new Set(['extension', 'modifierExtension']);

/**
 * Every `Reference.reference` string in a resource, outside contained resources (they are part of
 * the resource itself). References inside extensions count only when `withExtensions` is set,
 * as with Google's `complexDataTypeReferenceParsing`.
 */
export function findReferences(resource: JsonObject, withExtensions: boolean): FoundReference[] {
  const out: FoundReference[] = [];
  const walk = (node: JsonValue, path: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
      return;
    }
    if (!isJsonObject(node)) return;
    if (typeof node['reference'] === 'string' && path !== '') out.push({ path, reference: node['reference'] });
    for (const key in node) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) continue;
      if (path === '' && key === 'contained') continue;
      if (!withExtensions && EXTENSION_KEYS.has(key)) continue;
      walk(value, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(resource, '');
  return out;
}

/** Replaces every `reference` found in `replacements` (e.g. `urn:uuid:…` → `Patient/123`), in place. */
export function rewriteReferences(node: JsonValue, replacements: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteReferences(item, replacements);
    return;
  }
  if (!isJsonObject(node)) return;
  const reference = node['reference'];
  if (typeof reference === 'string') {
    const replacement = replacements.get(reference);
    if (replacement !== undefined) node['reference'] = replacement;
  }
  for (const value of Object.values(node)) {
    if (typeof value === 'object' && value !== null) rewriteReferences(value, replacements);
  }
}
