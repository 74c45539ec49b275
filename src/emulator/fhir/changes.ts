/**
 * A change set: the writes of one interaction, one batch entry or one whole transaction, staged
 * against a view of the store that already includes them. Nothing touches the store until
 * `FhirStore.commit`, so a failing transaction entry leaves no trace, and referential integrity
 * is checked once over the final state of the set (so bundle entries may reference each other
 * in any order).
 */

import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import {
  invalidResource,
  missingReference,
  resourceNotFound,
  stillReferenced,
  versionConflict,
} from './outcome.js';
import { applyJsonPatch } from './patch.js';
import { RESOURCE_ID } from '../../fhir/resource-types.js';
import { keyOf, type FhirStore, type LocalRef, type Prepared } from './store.js';
import type { VersionStamp } from './versions.js';

/** One staged write; `resource` is absent for a deletion. */
export interface StagedWrite {
  readonly type: string;
  readonly id: string;
  readonly resource: JsonObject | undefined;
  readonly stamp: VersionStamp;
  /** The write creates the resource (201) rather than replacing or deleting it. */
  readonly created: boolean;
  /** The write is a JSON Patch (notified as `PatchResource` rather than `UpdateResource`). */
  readonly patched?: boolean;
  /** The resource's references into the store (computed once, used by the checks and the indexes). */
  readonly refs: readonly LocalRef[];
  /** The resource's JSON size in bytes (0 for a deletion). */
  readonly size: number;
  /** The resource's JSON text, as the store keeps it (empty for a deletion). */
  readonly text: string;
  /** An import's write: it replaces the current version without keeping it in the history. */
  readonly overwrite?: true;
}

/** Checks that a body is a resource of the type in the URL. */
export function requireResource(body: JsonValue, type: string): JsonObject {
  if (!isJsonObject(body)) throw invalidResource('the request body must be a FHIR resource (a JSON object)');
  const declared = body['resourceType'];
  if (typeof declared !== 'string') throw invalidResource('the resource has no resourceType');
  if (declared !== type) {
    throw invalidResource(`resource type "${declared}" in the body does not match "${type}" in the URL`);
  }
  return body;
}

/** The version an `If-Match` header names (`W/"vid"` or `"vid"` or `vid`). */
export function parseETag(header: string): string {
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

const DELETION: Prepared = { refs: [], size: 0, text: '' };

export class Changes {
  private readonly staged = new Map<string, StagedWrite>();

  constructor(private readonly store: FhirStore) {}

  /** The staged writes in staging order. */
  get writes(): StagedWrite[] {
    return [...this.staged.values()];
  }

  /** The resource as this change set sees it (staged, else current). */
  resource(type: string, id: string): JsonObject | undefined {
    const staged = this.staged.get(keyOf(type, id));
    return staged === undefined ? this.store.current(type, id)?.resource : staged.resource;
  }

  /** Stages a create; the id is server-assigned unless given (transactions pre-assign ids). */
  create(type: string, body: JsonValue, id: string = randomUUID()): StagedWrite {
    return this.stage(type, id, requireResource(body, type), true);
  }

  /**
   * Stages an import's write (`fhirStores.import`): stored under the client's id whatever
   * `enableUpdateCreate` says, replacing the current version without a historical one.
   */
  overwrite(type: string, id: string, body: JsonValue): StagedWrite {
    return this.stage(type, id, requireResource(body, type), this.resource(type, id) === undefined, 'overwrite');
  }

  /** Stages an update (PUT); creates only when the store has `enableUpdateCreate`. */
  update(type: string, id: string, body: JsonValue, ifMatch?: string): StagedWrite {
    const resource = requireResource(body, type);
    if (resource['id'] === undefined) throw invalidResource('the resource in an update must have an id');
    if (resource['id'] !== id) {
      throw invalidResource(`resource id "${String(resource['id'])}" does not match "${id}" in the URL`);
    }
    if (!RESOURCE_ID.test(id)) throw invalidResource(`invalid resource id "${id}"`);
    const existing = this.existing(type, id, ifMatch);
    if (existing === undefined && !this.store.updateCreate) {
      throw resourceNotFound(`${type}/${id} (update cannot create: the store does not enable update-create)`);
    }
    return this.stage(type, id, resource, existing === undefined);
  }

  /** Stages a JSON Patch of a current resource. */
  patch(type: string, id: string, operations: unknown, ifMatch?: string): StagedWrite {
    const existing = this.existing(type, id, ifMatch);
    if (existing === undefined) throw resourceNotFound(`${type}/${id}`);
    const patched = applyJsonPatch(existing, operations);
    if (patched['resourceType'] !== type || patched['id'] !== id) {
      throw invalidResource('a patch must not change resourceType or id');
    }
    return this.stage(type, id, patched, false, 'patch');
  }

  /** Stages a deletion; `undefined` when there is nothing to delete (still a success). */
  delete(type: string, id: string): StagedWrite | undefined {
    if (this.resource(type, id) === undefined) return undefined;
    return this.stage(type, id, undefined, false);
  }

  /** Throws unless every staged reference resolves and no deleted resource is still referenced. */
  checkIntegrity(): void {
    for (const write of this.staged.values()) {
      if (write.resource === undefined) {
        this.checkUnreferenced(keyOf(write.type, write.id));
        continue;
      }
      for (const ref of write.refs) {
        // Targets are `Type/id` keys, as the staged writes are keyed.
        const staged = this.staged.get(ref.target);
        const exists = staged === undefined ? this.store.byKey(ref.target) !== undefined : staged.resource !== undefined;
        if (!exists) throw missingReference(ref.target);
        if (ref.version !== undefined) {
          const [type = '', id = ''] = ref.target.split('/');
          if (!this.hasVersion(type, id, ref.version)) throw missingReference(`${ref.target}/_history/${ref.version}`);
        }
      }
    }
  }

  // Google refuses to delete a resource other resources still reference (FHIR referential integrity
  // concept page); references removed or deleted in the same change set do not count.
  private checkUnreferenced(target: string): void {
    const holders: string[] = [];
    for (const referrer of this.store.referrersOf(target)) {
      const source = keyOf(referrer.type, referrer.id);
      const staged = this.staged.get(source);
      const stillRefers =
        staged === undefined ||
        (staged.resource !== undefined && staged.refs.some((r) => r.target === target));
      if (stillRefers) holders.push(source);
    }
    if (holders.length > 0) throw stillReferenced(target, holders);
  }

  private hasVersion(type: string, id: string, versionId: string): boolean {
    const staged = this.staged.get(keyOf(type, id));
    if (staged?.resource !== undefined && staged.stamp.versionId === versionId) return true;
    return this.store.versions(type, id).some((v) => v.versionId === versionId && v.resource !== undefined);
  }

  /** The resource an update or patch replaces, after the `If-Match` check. */
  private existing(type: string, id: string, ifMatch: string | undefined): JsonObject | undefined {
    const existing = this.resource(type, id);
    if (ifMatch === undefined) return existing;
    const wanted = parseETag(ifMatch);
    if (existing === undefined) throw resourceNotFound(`${type}/${id}`);
    const current = String((existing['meta'] as JsonObject | undefined)?.['versionId'] ?? '');
    if (wanted !== current) throw versionConflict(`${type}/${id}`, wanted, current);
    return existing;
  }

  private stage(type: string, id: string, body: JsonObject | undefined, created: boolean, kind: 'write' | 'patch' | 'overwrite' = 'write'): StagedWrite {
    const key = keyOf(type, id);
    if (this.staged.has(key)) throw invalidResource(`${key} is written more than once in one bundle`);
    const stamp = this.store.clock.next();
    const resource = body && withMeta(body, type, id, stamp);
    const { refs, size, text } = resource === undefined ? DELETION : this.store.prepare(resource);
    const patched = kind === 'patch';
    const write: StagedWrite = { type, id, resource, stamp, created, patched, refs, size, text, ...(kind === 'overwrite' ? { overwrite: true as const } : {}) };
    this.staged.set(key, write);
    return write;
  }
}

/** The resource as stored: as sent, with the id and the version's `meta.versionId` / `lastUpdated`. */
function withMeta(body: JsonObject, type: string, id: string, stamp: VersionStamp): JsonObject {
  const meta = body['meta'];
  const out: JsonObject = {
    resourceType: type,
    id,
    meta: { ...(isJsonObject(meta) ? meta : {}), versionId: stamp.versionId, lastUpdated: stamp.lastUpdated },
  };
  // One copy of the other elements, in their order (a rest pattern and a spread would make two).
  for (const key in body) {
    if (key !== 'resourceType' && key !== 'id' && key !== 'meta') out[key] = body[key] as JsonValue;
  }
  return out;
}
