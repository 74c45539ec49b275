/**
 * DICOMweb calls against a DICOM store: QIDO-RS searches, WADO-RS metadata, and the rendered-image
 * path the image proxy streams. A Cloud Healthcare store is reached at `{store}/dicomWeb/...` below
 * the API root with the request's credentials; an external DICOMweb server (`DICOMWEB_SERVERS`) at
 * its own base URL with its own Authorization header only, its query serialized for its quirks.
 */
import type { HealthcareClient, UpstreamCall } from './client.js';
import { externalQuery, keepExactMatches } from './external-dicomweb-query.js';
import { InvalidNameError, storePath, type AllowedStore, type StoreName } from './names.js';

export type DicomStoreName = StoreName<'dicomStores'>;
/** A DICOM store the access policy allowed: what every call below takes. */
export type AllowedDicomStore = AllowedStore<'dicomStores'>;

/** One dataset in the DICOM JSON model: tag (`0020000D`) → `{ vr, Value }`. */
export type DicomJson = Record<string, { vr?: string; Value?: unknown[]; BulkDataURI?: string } | undefined>;

const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;
/**
 * Path segments below `dicomWeb/`: a resource keyword (`studies`, `metadata`, ...), a UID, a frame
 * list (`1,2,3`) or a bulkdata tag (`7FE00010`).
 */
const SEGMENT = /^(?:[a-z]+|\d+(?:,\d+)*|[0-9A-Fa-f]{8})$/;

/** DICOM UIDs: digits and dots, at most 64 characters. */
export function isDicomUid(value: string): boolean {
  return value.length <= 64 && UID.test(value);
}

export function requireUid(value: string, what = 'UID'): string {
  if (!isDicomUid(value)) throw new InvalidNameError(`${what} ${JSON.stringify(value.slice(0, 100))} is not a DICOM UID (digits and dots, at most 64 characters)`);
  return value;
}

/**
 * The path below a store's DICOMweb root, checked segment by segment: UIDs come from upstream
 * answers too, and one such as `..` or `a/b` must not move the call to another path.
 */
function dicomWebSegments(segments: string[]): string {
  const bad = segments.find((segment) => !SEGMENT.test(segment) && !isDicomUid(segment));
  if (bad !== undefined) throw new InvalidNameError(`DICOMweb path segment ${JSON.stringify(bad.slice(0, 100))} is not a UID or a resource name`);
  return segments.join('/');
}

/** Path of a DICOMweb resource below the API root: `{store}/dicomWeb/{segments}`; segments are checked. */
export function dicomWebPath(store: AllowedDicomStore, ...segments: string[]): string {
  return `${storePath(store)}/dicomWeb/${dicomWebSegments(segments)}`;
}

/**
 * The call for a DICOMweb resource of a store: below the API root for a Cloud Healthcare store, or
 * to the external server, with its header, its quirks' query string, and the matches to re-check.
 */
function dicomWebCall(client: HealthcareClient, store: AllowedDicomStore, segments: string[], query: [string, string][], accept: string): { call: UpstreamCall; recheck: (rows: DicomJson[]) => DicomJson[]; inexact: boolean } {
  const external = client.externalDicom?.byName(store);
  if (external === undefined) {
    return { call: { kind: 'dicomweb', path: dicomWebPath(store, ...segments), query, accept }, recheck: (rows) => rows, inexact: false };
  }
  const { search, inexact } = externalQuery(query, external.quirks);
  return {
    call: { kind: 'dicomweb', path: dicomWebSegments(segments), search, accept, target: { label: `DICOMweb server "${external.id}"`, baseUrl: external.baseUrl, headers: external.headers } },
    recheck: (rows) => keepExactMatches(rows, inexact),
    inexact: inexact.length > 0,
  };
}

/** What the DICOMweb proxy sends on: the method, the caller's Accept, and a STOW-RS body. */
export interface DicomWebPassthrough {
  method: 'GET' | 'POST';
  accept: string;
  /** STOW-RS only: the upload, streamed, and its Content-Type (which carries the multipart boundary). */
  upload?: { body: ReadableStream<Uint8Array>; contentType: string };
}

/** The upstream's answer to a proxied call, and how to finish it. */
export interface DicomWebAnswer {
  response: Response;
  /** The URL prefix the upstream's own links (BulkDataURI, RetrieveURL) start with. */
  upstreamRoot: string;
  /** Filters search rows when a match key went as a wildcard (Orthanc); undefined when the answer needs none. */
  recheck?: (rows: DicomJson[]) => DicomJson[];
}

/**
 * Any DICOMweb resource of a store, for the proxy: the answer is returned unread, to be streamed.
 * Errors still throw {@link UpstreamError}, except STOW-RS's 409, whose body names the failed instances.
 */
export async function dicomWebResource(client: HealthcareClient, store: AllowedDicomStore, segments: string[], query: [string, string][], request: DicomWebPassthrough): Promise<DicomWebAnswer> {
  const { call, recheck, inexact } = dicomWebCall(client, store, segments, query, request.accept);
  const { upload } = request;
  const response = await client.binary({
    ...call,
    method: request.method,
    ...(upload === undefined ? {} : { stream: upload.body, contentType: upload.contentType, passStatuses: [409] }),
  });
  const external = client.externalDicom?.byName(store);
  return { response, upstreamRoot: external?.baseUrl ?? `${client.apiUrl}/${storePath(store)}/dicomWeb`, recheck: inexact ? recheck : undefined };
}

/** A QIDO-RS search; Google answers 204 with no body when nothing matches (Orthanc 200 with `[]`). */
export async function qido(client: HealthcareClient, store: AllowedDicomStore, segments: string[], query: [string, string][]): Promise<DicomJson[]> {
  const { call, recheck } = dicomWebCall(client, store, segments, query, 'application/dicom+json');
  const body = await client.json<DicomJson[] | Record<string, never>>(call);
  return Array.isArray(body) ? recheck(body) : [];
}

/** WADO-RS metadata of one instance (DICOM JSON with BulkDataURIs instead of pixel data). */
export async function instanceMetadata(client: HealthcareClient, store: AllowedDicomStore, study: string, series: string, instance: string): Promise<DicomJson | null> {
  const body = await qido(client, store, ['studies', requireUid(study), 'series', requireUid(series), 'instances', requireUid(instance), 'metadata'], []);
  return body[0] ?? null;
}

/**
 * Rendered frame (`.../frames/{n}/rendered`), streamed as PNG or JPEG. Asked for without transfer
 * compression: PNG and JPEG gain nothing from it, and fetch would hand over the decoded body with
 * the encoded Content-Length (Orthanc compresses by default), which the image proxy passes on.
 */
export function renderedFrame(client: HealthcareClient, store: AllowedDicomStore, uids: { study: string; series: string; instance: string }, frame: number, mediaType: 'image/png' | 'image/jpeg'): Promise<Response> {
  const segments = ['studies', requireUid(uids.study), 'series', requireUid(uids.series), 'instances', requireUid(uids.instance), 'frames', String(frame), 'rendered'];
  const { call } = dicomWebCall(client, store, segments, [], mediaType);
  return client.binary({ ...call, headers: { 'accept-encoding': 'identity' } });
}
