/**
 * References between resources: which ones point into the store (`Type/id`, optionally versioned,
 * or an absolute URL under the store's own `…/fhirStores/{s}/fhir/` path), where they sit in a
 * resource, and rewriting them (transaction `urn:uuid:` placeholders).
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { intern, share, shareElement } from './intern.js';
import { jsonByteLength, keyBytes, stringBytes } from './json-size.js';

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
  const absolute = /^https?:\/\/[^/]+(\/[^?#]*)$/.exec(reference);
  if (absolute) {
    const marker = `/${storeName}/fhir/`;
    const at = (absolute[1] ?? '').indexOf(marker);
    if (at < 0) return undefined;
    return parseRelative((absolute[1] ?? '').slice(at + marker.length));
  }
  const known = relativeTargets.get(reference);
  if (known !== undefined) return known ?? undefined;
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

/** What the store keeps of a resource besides the resource itself. */
export interface StoredForm {
  readonly references: FoundReference[];
  /** `Buffer.byteLength(JSON.stringify(resource))`. */
  readonly bytes: number;
}

// Shared elements one resource holds at most (see `storedForm`).
const HELD_LIMIT = 32;

/** Whether `key` under the element at `path` is a string of this version alone: its id and stamp. */
function isOwnValue(path: readonly string[], key: string): boolean {
  if (path.length === 0) return key === 'id';
  return path.length === 1 && path[0] === 'meta' && (key === 'versionId' || key === 'lastUpdated');
}

/**
 * Prepares a resource for storage in one walk: `findReferences`, the size of its JSON (without
 * writing it), and its values replaced by shared copies (`intern.ts`): strings, except its own id
 * and version stamp, and elements made of such values alone (Codings, References, Quantities), so
 * that the store keeps one copy of each repeated value. Stored resources are never modified in
 * place, which makes sharing their elements safe.
 */
export function storedForm(resource: JsonObject, withExtensions: boolean): StoredForm {
  const references: FoundReference[] = [];
  const path: string[] = [];
  let bytes = 0;
  // Shared elements this resource holds. A resource never holds one element twice: code that
  // changes a copy of it in place (de-identification) may expect a tree. Past the limit, the rest
  // of a large resource keeps its own elements (the check is linear).
  const held: JsonObject[] = [];
  const shareOnce = (element: JsonObject): JsonObject => {
    if (held.length >= HELD_LIMIT) return element;
    const shared = shareElement(element);
    if (shared !== element && held.includes(shared)) return element;
    held.push(shared);
    return shared;
  };
  /** Walks an element below the resource; answers the element to store in its place. */
  const walk = (node: JsonObject | JsonValue[], referencesBelow: boolean): JsonValue => {
    if (Array.isArray(node)) {
      bytes += node.length === 0 ? 2 : node.length + 1;
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === 'string') {
          const shared = share(item);
          node[i] = shared.text;
          bytes += shared.bytes;
        } else if (typeof item === 'object' && item !== null) {
          node[i] = walk(item, referencesBelow);
        } else {
          bytes += jsonByteLength(item);
        }
      }
      return node;
    }
    const reference = node['reference'];
    if (referencesBelow && path.length > 0 && typeof reference === 'string') {
      references.push({ path: intern(path.join('.')), reference: (node['reference'] = intern(reference)) });
    }
    let members = 0;
    // Whether the element holds shared primitive values only.
    let shareable = path.length > 0;
    for (const key in node) {
      const value = node[key];
      if (value === undefined) continue;
      members++;
      bytes += keyBytes(key) + 1;
      if (typeof value === 'string') {
        if (isOwnValue(path, key)) {
          bytes += stringBytes(value);
          shareable = false;
        } else {
          const shared = share(value);
          node[key] = shared.text;
          bytes += shared.bytes;
        }
      } else if (typeof value !== 'object' || value === null) {
        bytes += jsonByteLength(value);
      } else if (path.length === 0 && key === 'contained') {
        // Contained resources are part of the resource itself: measured, not walked.
        bytes += jsonByteLength(value);
      } else {
        shareable = false;
        path.push(key);
        node[key] = walk(value, referencesBelow && (withExtensions || !EXTENSION_KEYS.has(key)));
        path.pop();
      }
    }
    bytes += members === 0 ? 2 : members + 1;
    return shareable ? shareOnce(node) : node;
  };
  walk(resource, true);
  return { references, bytes };
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
