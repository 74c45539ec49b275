/**
 * References between resources: which ones point into the store (`Type/id`, optionally versioned,
 * or an absolute URL under the store's own `…/fhirStores/{s}/fhir/` path), where they sit in a
 * resource, and rewriting them (transaction `urn:uuid:` placeholders).
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { intern } from './intern.js';

/** A reference that resolves inside the store (shared between callers: do not modify). */
export interface LocalTarget {
  readonly type: string;
  readonly id: string;
  /** Set for `Type/id/_history/vid`. */
  readonly version: string | undefined;
  /** `Type/id`. */
  readonly key: string;
}

/** A reference found in a resource, with the dotted element path it sits at (`subject`, `participant.individual`). */
export interface FoundReference {
  path: string;
  reference: string;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-._=]+))?$/;

// Relative references resolve the same way in every store, and the same few recur in many
// resources (every resource of a patient names the patient): each is parsed once. Bounded like
// the string pool (`intern.ts`).
const RELATIVE_LIMIT = 1 << 17;
let relativeTargets = new Map<string, LocalTarget | null>();

function parseRelative(relative: string): LocalTarget | undefined {
  const m = RELATIVE.exec(relative);
  if (m === null || !isResourceType(m[1] ?? '')) return undefined;
  const type = m[1] ?? '';
  const id = m[2] ?? '';
  return { type, id, version: m[3], key: intern(`${type}/${id}`) };
}

/**
 * The local target of a reference, or `undefined` for contained (`#x`), `urn:` placeholders,
 * logical and external references, which the store neither checks nor follows.
 */
export function localTarget(reference: string, storeName: string): LocalTarget | undefined {
  // Only relative references are remembered (absolute ones depend on the store): look there first.
  const known = relativeTargets.get(reference);
  if (known !== undefined) return known ?? undefined;
  const absolute = /^https?:\/\/[^/]+(\/[^?#]*)$/.exec(reference);
  if (absolute) {
    const marker = `/${storeName}/fhir/`;
    const at = (absolute[1] ?? '').indexOf(marker);
    if (at < 0) return undefined;
    return parseRelative((absolute[1] ?? '').slice(at + marker.length));
  }
  const target = parseRelative(reference);
  if (relativeTargets.size >= RELATIVE_LIMIT) relativeTargets = new Map();
  relativeTargets.set(reference, target ?? null);
  return target;
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
  // Keys from the resource to the element being walked; joined only when a reference is found.
  const path: string[] = [];
  const walk = (node: JsonValue): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isJsonObject(node)) return;
    const reference = node['reference'];
    if (typeof reference === 'string' && path.length > 0) out.push({ path: intern(path.join('.')), reference });
    for (const key in node) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) continue;
      if (path.length === 0 && key === 'contained') continue;
      if (!withExtensions && EXTENSION_KEYS.has(key)) continue;
      path.push(key);
      walk(value);
      path.pop();
    }
  };
  walk(resource);
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
  for (const key in node) {
    const value = node[key];
    if (typeof value === 'object' && value !== null) rewriteReferences(value, replacements);
  }
}
