/**
 * The bulk methods: `fhirStores.import/export`, `dicomStores.import/export`, `hl7V2Stores.export`
 * (reference §2.2), each starting a long-running operation of the store's dataset. Bodies carry
 * Cloud Storage URIs the caller's input checks validated; nothing here reads or writes storage.
 */
import type { HealthcareClient } from './client.js';
import { storePath, type AllowedStore } from './names.js';
import type { Operation } from './operations.js';

/** `ImportResourcesRequest.contentStructure`. */
export type ContentStructure = 'BUNDLE' | 'RESOURCE' | 'BUNDLE_PRETTY' | 'RESOURCE_PRETTY';

function start(client: HealthcareClient, store: AllowedStore, verb: 'import' | 'export', body: Record<string, unknown>): Promise<Operation> {
  return client.json<Operation>({ kind: 'admin', method: 'POST', path: `${storePath(store)}:${verb}`, body });
}

/** `fhirStores.import` from `gs://` objects (wildcards allowed). */
export function importFhirResources(client: HealthcareClient, store: AllowedStore<'fhirStores'>, uri: string, contentStructure: ContentStructure): Promise<Operation> {
  return start(client, store, 'import', { contentStructure, gcsSource: { uri } });
}

/** `fhirStores.export` to a `gs://` folder, optionally only some types and resources updated since an instant. */
export function exportFhirResources(client: HealthcareClient, store: AllowedStore<'fhirStores'>, uriPrefix: string, options: { since?: string; types?: readonly string[] }): Promise<Operation> {
  return start(client, store, 'export', {
    gcsDestination: { uriPrefix },
    ...(options.since === undefined ? {} : { _since: options.since }),
    ...(options.types === undefined ? {} : { _type: options.types.join(',') }),
  });
}

/** `dicomStores.import` of Part 10 files. */
export function importDicomInstances(client: HealthcareClient, store: AllowedStore<'dicomStores'>, uri: string): Promise<Operation> {
  return start(client, store, 'import', { gcsSource: { uri } });
}

/** `dicomStores.export` in the stored format. */
export function exportDicomInstances(client: HealthcareClient, store: AllowedStore<'dicomStores'>, uriPrefix: string): Promise<Operation> {
  return start(client, store, 'export', { gcsDestination: { uriPrefix } });
}

/** `hl7V2Stores.export` as `MESSAGE_JSON`, with the send-time window and filter. */
export function exportHl7V2Messages(
  client: HealthcareClient,
  store: AllowedStore<'hl7V2Stores'>,
  uriPrefix: string,
  options: { startTime?: string; endTime?: string; filter?: string },
): Promise<Operation> {
  return start(client, store, 'export', { gcsDestination: { uriPrefix, contentStructure: 'MESSAGE_JSON' }, ...options });
}
