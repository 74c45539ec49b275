/**
 * The FHIR interactions, independent of how they arrive (REST call or bundle entry): reads work on
 * the store, writes stage into a change set that the caller commits.
 */

import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { Changes } from './changes.js';
import { notSelective, resourceNotFound, unsupportedParameter } from './outcome.js';
import { findMatches } from './search.js';
import { parseSearch } from './search-query.js';
import type { FhirStore, ResourceRecord } from './store.js';

/** What an interaction answers: the status and the resource version it produced or found. */
export interface WriteResult {
  status: 200 | 201;
  /** Absent for deletions. */
  resource: JsonObject | undefined;
}

/** The current resource; 404 when absent or deleted. */
export function read(store: FhirStore, type: string, id: string): JsonObject {
  const record = store.current(type, id);
  if (record === undefined) throw resourceNotFound(`${type}/${id}`);
  return record.resource;
}

/** One version of a resource; 404 when there is no such version or it is a deletion. */
export function vread(store: FhirStore, type: string, id: string, versionId: string): JsonObject {
  const version = store.versions(type, id).find((v) => v.versionId === versionId);
  if (version?.resource === undefined) throw resourceNotFound(`${type}/${id}/_history/${versionId}`);
  return version.resource;
}

/**
 * The resources a conditional interaction selects. The criteria are parsed strictly: silently
 * dropping an unknown parameter would widen the condition to more resources than meant.
 */
export function conditionalMatches(store: FhirStore, type: string, criteria: URLSearchParams): ResourceRecord[] {
  const query = parseSearch(store, type, criteria, true);
  if (query.clauses.length === 0) throw unsupportedParameter('a conditional interaction needs search criteria');
  return findMatches(store, type, query);
}

/**
 * The one resource a conditional interaction selects, `undefined` when none matches; more than one
 * is a 412 naming `condition`.
 */
function selectedResource(
  store: FhirStore,
  type: string,
  criteria: URLSearchParams,
  condition = `${type}?${criteria.toString()}`,
): ResourceRecord | undefined {
  const matches = conditionalMatches(store, type, criteria);
  if (matches.length > 1) throw notSelective(condition, matches.length);
  return matches[0];
}

/** create, with `If-None-Exist` (0 matches: create, 1: return it, more: 412). */
export function create(
  store: FhirStore,
  changes: Changes,
  type: string,
  body: JsonValue,
  ifNoneExist: string | undefined,
  id?: string,
): WriteResult {
  if (ifNoneExist !== undefined) {
    const match = selectedResource(store, type, new URLSearchParams(ifNoneExist), `If-None-Exist: ${ifNoneExist}`);
    if (match !== undefined) return { status: 200, resource: match.resource };
  }
  return { status: 201, resource: changes.create(type, body, id).resource };
}

/** update by id (PUT); 201 when it created the resource (`enableUpdateCreate`). */
export function update(changes: Changes, type: string, id: string, body: JsonValue, ifMatch?: string): WriteResult {
  const write = changes.update(type, id, body, ifMatch);
  return { status: write.created ? 201 : 200, resource: write.resource };
}

/**
 * Conditional update (`PUT {Type}?criteria`): one match is updated; none creates (with the body's
 * id when the store allows update-create, else a server id); more is a 412.
 */
export function conditionalUpdate(
  store: FhirStore,
  changes: Changes,
  type: string,
  criteria: URLSearchParams,
  body: JsonValue,
): WriteResult {
  const match = selectedResource(store, type, criteria);
  // The body may leave the id out: the match supplies it (a different id fails as in any update).
  if (match !== undefined) return update(changes, type, match.id, isJsonObject(body) ? { id: match.id, ...body } : body);
  const id = isJsonObject(body) ? body['id'] : undefined;
  if (typeof id === 'string' && store.updateCreate) return update(changes, type, id, body);
  return create(store, changes, type, body, undefined);
}

/** patch by id. */
export function patch(changes: Changes, type: string, id: string, operations: unknown, ifMatch?: string): WriteResult {
  return { status: 200, resource: changes.patch(type, id, operations, ifMatch).resource };
}

/** Conditional patch: exactly one match, else 404 / 412. */
export function conditionalPatch(
  store: FhirStore,
  changes: Changes,
  type: string,
  criteria: URLSearchParams,
  operations: unknown,
): WriteResult {
  const match = selectedResource(store, type, criteria);
  if (match === undefined) throw resourceNotFound(`${type}?${criteria.toString()}`);
  return patch(changes, type, match.id, operations);
}

/** delete by id: a success whether or not the resource exists (Google answers 200 `{}` either way). */
export function remove(changes: Changes, type: string, id: string): WriteResult {
  changes.delete(type, id);
  return { status: 200, resource: undefined };
}

/** Conditional delete: no match is a success, one is deleted, more is a 412. */
export function conditionalRemove(store: FhirStore, changes: Changes, type: string, criteria: URLSearchParams): WriteResult {
  const match = selectedResource(store, type, criteria);
  if (match !== undefined) changes.delete(type, match.id);
  return { status: 200, resource: undefined };
}

/** Runs one write interaction in its own change set and commits it. */
export async function writeAlone(store: FhirStore, run: (changes: Changes) => WriteResult): Promise<WriteResult> {
  const changes = new Changes(store);
  const result = run(changes);
  await store.commit(changes);
  return result;
}
