/**
 * FHIR REST calls against a Cloud Healthcare FHIR store (`{store}/fhir/...`).
 * Types and ids are validated before any URL is built; search values travel as encoded values.
 */
import type { HealthcareClient, UpstreamCall } from './client.js';
import { UpstreamError } from './errors.js';
import { isFhirId, isFhirResourceType } from './fhir-types.js';
import { trustedNextLinkSearch, UntrustedLinkError } from './next-link.js';
import { InvalidNameError, parseStoreName, storePath, type AllowedStore, type StoreName } from './names.js';

export type FhirStoreName = StoreName<'fhirStores'>;
/** A FHIR store the access policy allowed: what every call below takes. */
export type AllowedFhirStore = AllowedStore<'fhirStores'>;

/** A FHIR resource as stored: JSON with at least a type. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: { versionId?: string; lastUpdated?: string };
  [field: string]: unknown;
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: FhirResource;
  search?: { mode?: 'match' | 'include' | 'outcome' };
}

export interface Bundle {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry[];
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function requireResourceType(type: string): string {
  if (!isFhirResourceType(type)) throw new InvalidNameError(`${JSON.stringify(type.slice(0, 100))} is not a FHIR R4 resource type`);
  return type;
}

export function requireFhirId(id: string, what = 'FHIR id'): string {
  if (!isFhirId(id)) throw new InvalidNameError(`${JSON.stringify(id.slice(0, 100))} is not a ${what} (1-64 of A-Z a-z 0-9 - .)`);
  return id;
}

/** Path of a FHIR interaction below the API root: `{store}/fhir/{rest}`. */
export function fhirPath(store: AllowedFhirStore, ...segments: string[]): string {
  return [`${storePath(store)}/fhir`, ...segments.map((segment) => encodeURIComponent(segment).replace(/%24/g, '$'))].join('/');
}

function fhirCall(store: AllowedFhirStore, call: Omit<UpstreamCall, 'kind' | 'path' | 'accept'> & { segments: string[] }): UpstreamCall {
  const { segments, ...rest } = call;
  return { kind: 'fhir', accept: FHIR_JSON, contentType: FHIR_JSON, path: fhirPath(store, ...segments), ...rest };
}

export function readResource(client: HealthcareClient, store: AllowedFhirStore, type: string, id: string): Promise<FhirResource> {
  return client.json<FhirResource>(fhirCall(store, { segments: [requireResourceType(type), requireFhirId(id)] }));
}

/** One stored version of a resource (FHIR vread, `{Type}/{id}/_history/{versionId}`). */
export function readVersion(client: HealthcareClient, store: AllowedFhirStore, type: string, id: string, versionId: string): Promise<FhirResource> {
  return client.json<FhirResource>(fhirCall(store, { segments: [requireResourceType(type), requireFhirId(id), '_history', requireFhirId(versionId, 'version id')] }));
}

/** A search (or `$everything`) at `segments` below the store's `fhir/`, with parameters as pairs. */
export function searchBundle(client: HealthcareClient, store: AllowedFhirStore, segments: string[], params: [string, string][]): Promise<Bundle> {
  return client.json<Bundle>(fhirCall(store, { segments, query: params }));
}

/** A further page: the query string of a next link that was checked by `trustedNextLinkSearch`. */
export function pageBundle(client: HealthcareClient, store: AllowedFhirStore, segments: string[], search: string): Promise<Bundle> {
  return client.json<Bundle>(fhirCall(store, { segments, search }));
}

/** A page's matches (`search.mode` match, or unmarked), without the `_include`d resources. */
export function bundleMatches(bundle: Bundle): FhirResource[] {
  return (bundle.entry ?? []).filter((entry) => entry.resource && (entry.search?.mode ?? 'match') === 'match').map((entry) => entry.resource!);
}

/**
 * The query string of a page's next link, after checking that it points at the same list
 * (`{apiUrl}/{store}/fhir/{segments}`); undefined on the last page. A link anywhere else is the
 * upstream's fault, and is never followed.
 */
export function nextPageSearch(bundle: Bundle, apiUrl: string, store: AllowedFhirStore, segments: string[]): string | undefined {
  const link = bundle.link?.find((candidate) => candidate.relation === 'next')?.url;
  if (link === undefined) return undefined;
  try {
    return trustedNextLinkSearch(link, apiUrl, fhirPath(store, ...segments));
  } catch (error) {
    if (!(error instanceof UntrustedLinkError)) throw error;
    throw new UpstreamError(`The FHIR store sent a next link the server will not follow: ${error.message}`, { status: 200, kind: 'fhir' });
  }
}

/**
 * Creates a resource; with `ifNoneExist` (a search query such as `identifier=sys|123`) the store
 * returns the existing match instead when there is exactly one (FHIR conditional create).
 */
export async function createResource(client: HealthcareClient, store: AllowedFhirStore, resource: FhirResource, ifNoneExist?: string): Promise<{ created: boolean; resource: FhirResource }> {
  const response = await client.request<FhirResource>(fhirCall(store, {
    method: 'POST',
    segments: [requireResourceType(resource.resourceType)],
    body: resource,
    headers: ifNoneExist === undefined ? undefined : { 'if-none-exist': ifNoneExist },
  }));
  return { created: response.status === 201, resource: response.body };
}

/** `If-Match` for a version id: FHIR's weak ETag form. */
const ifMatchHeader = (versionId: string | undefined) => (versionId === undefined ? undefined : { 'if-match': `W/"${requireFhirId(versionId, 'version id')}"` });

/**
 * Which resource a write addresses: by id (optionally only while `ifMatch` is its current
 * version), or by a search (`condition`, e.g. `identifier=sys|val`: FHIR's conditional form).
 */
export type WriteTarget = { id: string; ifMatch?: string } | { condition: [string, string][] };

/** Segments and query of a write's target below the type. */
function targetOf(type: string, target: WriteTarget): { segments: string[]; query?: [string, string][]; headers?: Record<string, string> } {
  if ('condition' in target) return { segments: [requireResourceType(type)], query: target.condition };
  return { segments: [requireResourceType(type), requireFhirId(target.id)], headers: ifMatchHeader(target.ifMatch) };
}

/**
 * Replaces a resource (PUT): by id, where `ifMatch` makes the store refuse (412) unless it is the
 * current version; or conditionally, where no match creates the resource and more than one is a 412.
 */
export async function updateResource(client: HealthcareClient, store: AllowedFhirStore, resource: FhirResource, target: WriteTarget): Promise<{ created: boolean; resource: FhirResource }> {
  const response = await client.request<FhirResource>(fhirCall(store, { method: 'PUT', body: resource, ...targetOf(resource.resourceType, target) }));
  return { created: response.status === 201, resource: response.body };
}

/** Applies a JSON Patch (RFC 6902, `application/json-patch+json`: the only patch format Google takes). */
export function patchResource(client: HealthcareClient, store: AllowedFhirStore, type: string, target: WriteTarget, patch: unknown[]): Promise<FhirResource> {
  return client.json<FhirResource>(fhirCall(store, { method: 'PATCH', body: patch, ...targetOf(type, target), contentType: 'application/json-patch+json' }));
}

export async function deleteResource(client: HealthcareClient, store: AllowedFhirStore, type: string, target: WriteTarget): Promise<void> {
  await client.json(fhirCall(store, { method: 'DELETE', ...targetOf(type, target) }));
}

/** Resource-purge: removes a resource's historical versions; the current one stays. */
export async function purgeResourceHistory(client: HealthcareClient, store: AllowedFhirStore, type: string, id: string): Promise<void> {
  await client.json(fhirCall(store, { method: 'DELETE', segments: [requireResourceType(type), requireFhirId(id), '$purge'] }));
}

/** One entry of a `batch-response` / `transaction-response` Bundle. */
export interface BundleResponseEntry {
  resource?: FhirResource;
  response?: { status?: string; location?: string; etag?: string; lastModified?: string; outcome?: FhirResource };
}

/** executeBundle: a batch or transaction Bundle in, its response Bundle out. */
export function executeBundle(client: HealthcareClient, store: AllowedFhirStore, bundle: FhirResource): Promise<{ type?: string; entry?: BundleResponseEntry[] }> {
  return client.json(fhirCall(store, { method: 'POST', segments: [], body: bundle, headers: { prefer: 'return=representation' } }));
}

const RESOURCE_NAME = /^(.+\/fhirStores\/[^/]+)\/fhir\/([^/]+)\/([^/]+)$/;

/** Parses and validates `{store}/fhir/{Type}/{id}`. */
export function parseFhirResourceName(name: string): { store: FhirStoreName; type: string; id: string } {
  const match = RESOURCE_NAME.exec(name);
  if (!match) throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not a FHIR resource name ({store}/fhir/{Type}/{id})`);
  const [, store = '', type = '', id = ''] = match;
  return { store: parseStoreName(store, 'fhirStores'), type: requireResourceType(type), id: requireFhirId(id) };
}
