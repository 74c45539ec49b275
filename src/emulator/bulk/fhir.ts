/**
 * `fhirStores.import` and `fhirStores.export` (reference §2.2) against the emulated Cloud Storage.
 * Import reads NDJSON or pretty files in Google's four content structures; every resource needs
 * its own id, is written without referential-integrity checks and replaces the current version
 * without keeping it in the history, and an unchanged resource is not written again (Google's
 * import is idempotent). Export writes one NDJSON object per resource type,
 * named `{operationId}_{ResourceType}` as Google names them.
 */

import { invalidArgument } from '../errors.js';
import type { Chunk } from '../deid/job.js';
import { chunksOf } from '../deid/job.js';
import { objectUnder, type GcsFolder, type GcsObject } from '../gcs.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { Changes } from '../fhir/changes.js';
import { parseInstant } from '../fhir/dates.js';
import { FhirError } from '../fhir/outcome.js';
import { findMatches } from '../fhir/search.js';
import { parseSearch } from '../fhir/search-query.js';
import type { FhirStore } from '../fhir/store.js';
import { contentKey } from '../../fhir/content.js';
import { isResourceType, RESOURCE_ID } from '../../fhir/resource-types.js';
import { checkFields, enumField, gcsDestination, gcsSourceUri, optionalString, refuseUnreachable } from './requests.js';

export const FHIR_IMPORT_METHOD = 'google.cloud.healthcare.v1.fhir.FhirService.ImportResources';
export const FHIR_EXPORT_METHOD = 'google.cloud.healthcare.v1.fhir.FhirService.ExportResources';
export const FHIR_IMPORT_RESPONSE = { '@type': 'type.googleapis.com/google.cloud.healthcare.v1.fhir.rest.ImportResourcesResponse' };
const EXPORT_RESPONSE_TYPE = 'type.googleapis.com/google.cloud.healthcare.v1.fhir.rest.ExportResourcesResponse';

const CONTENT_STRUCTURES = ['BUNDLE', 'RESOURCE', 'BUNDLE_PRETTY', 'RESOURCE_PRETTY'] as const;
type ContentStructure = (typeof CONTENT_STRUCTURES)[number];

/** Resources written per change set (and per progress update). */
const IMPORT_CHUNK = 200;

/** An input line or entry that gives no resource (it counts as a failed item). */
class NotAResource {
  constructor(readonly reason: string) {}
}

/** One input item: a resource to store, or why an input line could not give one. */
type ImportItem = JsonObject | NotAResource;

/** A validated `ImportResourcesRequest`. */
export function parseImportRequest(body: JsonObject): { uri: string; structure: ContentStructure } {
  checkFields(body, ['contentStructure', 'gcsSource']);
  return { uri: gcsSourceUri(body), structure: enumField(body, 'contentStructure', CONTENT_STRUCTURES, 'BUNDLE') };
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The resources of a Bundle: `history` bundles are refused; entry requests are ignored, as Google does. */
function bundleItems(value: JsonValue | undefined): ImportItem[] {
  if (!isJsonObject(value) || value['resourceType'] !== 'Bundle') return [new NotAResource('not a Bundle')];
  if (value['type'] === 'history') return [new NotAResource('history bundles cannot be imported')];
  const entries = Array.isArray(value['entry']) ? value['entry'] : [];
  return entries.map((entry) => (isJsonObject(entry) && isJsonObject(entry['resource']) ? entry['resource'] : new NotAResource('an entry without a resource')));
}

function resourceItem(value: JsonValue | undefined): ImportItem {
  return isJsonObject(value) ? value : new NotAResource('not a JSON object');
}

/** The items of one file in a content structure. */
export function importItems(text: string, structure: ContentStructure): ImportItem[] {
  if (structure === 'RESOURCE_PRETTY') return [resourceItem(parseJson(text))];
  if (structure === 'BUNDLE_PRETTY') return bundleItems(parseJson(text));
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.flatMap((line) => (structure === 'RESOURCE' ? [resourceItem(parseJson(line))] : bundleItems(parseJson(line))));
}

/** Whether a resource can be imported: a known type, and the client id every imported resource needs. */
function importable(resource: JsonObject): boolean {
  const type = resource['resourceType'];
  const id = resource['id'];
  return typeof type === 'string' && isResourceType(type) && typeof id === 'string' && RESOURCE_ID.test(id);
}

/**
 * Writes a chunk of items and returns how many failed. A resource that appears twice in the chunk
 * is written in a further change set (one change set writes a resource once).
 */
async function importChunk(store: FhirStore, items: readonly ImportItem[]): Promise<number> {
  let failed = 0;
  let changes = new Changes(store);
  const staged = new Set<string>();
  for (const item of items) {
    if (item instanceof NotAResource || !importable(item)) {
      failed++;
      continue;
    }
    const resource = item as JsonObject;
    const type = resource['resourceType'] as string;
    const id = resource['id'] as string;
    const key = `${type}/${id}`;
    const current = store.current(type, id);
    if (current !== undefined && contentKey(current.resource) === contentKey(resource)) continue;
    if (staged.has(key)) {
      await store.commit(changes, { checkIntegrity: false, notify: false });
      changes = new Changes(store);
      staged.clear();
    }
    try {
      changes.overwrite(type, id, resource);
      staged.add(key);
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
      failed++;
    }
  }
  await store.commit(changes, { checkIntegrity: false, notify: false });
  return failed;
}

/** Reads the matched files and plans the import in chunks. */
export async function planImport(gcs: GcsFolder, store: FhirStore, files: readonly GcsObject[], structure: ContentStructure): Promise<Chunk[]> {
  const items: ImportItem[] = [];
  for (const file of files) {
    const bytes = await gcs.read(file);
    items.push(...importItems(bytes.toString('utf8'), structure));
  }
  return chunksOf(items, IMPORT_CHUNK).map((chunk) => ({ size: chunk.length, run: () => importChunk(store, chunk) }));
}

/** A validated `ExportResourcesRequest` for Cloud Storage. */
export function parseExportRequest(body: JsonObject) {
  checkFields(body, ['gcsDestination', 'bigqueryDestination', '_since', '_type']);
  refuseUnreachable(body, ['bigqueryDestination']);
  const { prefix } = gcsDestination(body, []);
  const typeList = optionalString(body, '_type');
  const types = typeList?.split(',').map((type) => type.trim());
  const unknown = types?.find((type) => !isResourceType(type));
  if (unknown !== undefined) throw invalidArgument(`_type: "${unknown.slice(0, 100)}" is not a FHIR resource type.`);
  const sinceText = optionalString(body, '_since');
  const since = sinceText === undefined ? undefined : parseInstant(sinceText);
  if (sinceText !== undefined && since === undefined) {
    throw invalidArgument(`_since: "${sinceText.slice(0, 100)}" is not an instant such as 2024-01-01T00:00:00Z.`);
  }
  return { prefix, types, since };
}

/** The current resources of a type, through the store's search (an empty query matches all). */
function currentResources(store: FhirStore, type: string, since: number | undefined): JsonObject[] {
  return findMatches(store, type, parseSearch(store, type, [], false))
    .filter((record) => since === undefined || Date.parse(record.lastUpdated) >= since)
    .map((record) => record.resource);
}

/** One object an export writes. */
export interface ExportOutput {
  readonly type: string;
  readonly uri: string;
  readonly count: number;
}

/**
 * Plans an export: one chunk (and one object, named by `objectName`) per resource type with
 * resources; `outputs` lists the objects as they will be.
 */
export function planExport(
  gcs: GcsFolder,
  store: FhirStore,
  request: ReturnType<typeof parseExportRequest>,
  objectName: (type: string) => string,
): { chunks: Chunk[]; outputs: ExportOutput[] } {
  const types = (request.types ?? store.types()).filter((type, i, all) => all.indexOf(type) === i);
  const chunks: Chunk[] = [];
  const outputs: ExportOutput[] = [];
  for (const type of types) {
    const resources = currentResources(store, type, request.since);
    if (resources.length === 0) continue;
    const object = objectUnder(request.prefix, objectName(type));
    outputs.push({ type, uri: `gs://${object.bucket}/${object.object}`, count: resources.length });
    chunks.push({
      size: resources.length,
      run: async () => {
        await gcs.write(request.prefix, objectName(type), resources.map((r) => `${JSON.stringify(r)}\n`).join(''));
        return 0;
      },
    });
  }
  return { chunks, outputs };
}

/** The response of a finished export. */
export function exportResponse(storeName: string, resourceCount: number): JsonObject {
  return { '@type': EXPORT_RESPONSE_TYPE, fhirStore: storeName, resourceCount: String(resourceCount) };
}
