/**
 * DICOMweb calls against a Cloud Healthcare DICOM store (`{store}/dicomWeb/...`): QIDO-RS searches,
 * WADO-RS metadata, and the rendered-image path the image proxy streams.
 */
import type { HealthcareClient } from './client.js';
import { InvalidNameError, storePath, type StoreName } from './names.js';

export type DicomStoreName = StoreName & { kind: 'dicomStores' };

/** One dataset in the DICOM JSON model: tag (`0020000D`) → `{ vr, Value }`. */
export type DicomJson = Record<string, { vr?: string; Value?: unknown[]; BulkDataURI?: string } | undefined>;

const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;

/** DICOM UIDs: digits and dots, at most 64 characters. */
export function isDicomUid(value: string): boolean {
  return value.length <= 64 && UID.test(value);
}

export function requireUid(value: string, what = 'UID'): string {
  if (!isDicomUid(value)) throw new InvalidNameError(`${what} ${JSON.stringify(value.slice(0, 100))} is not a DICOM UID (digits and dots, at most 64 characters)`);
  return value;
}

/** Path of a DICOMweb resource below the API root: `{store}/dicomWeb/{segments}`; UIDs are checked. */
export function dicomWebPath(store: DicomStoreName, ...segments: string[]): string {
  return [`${storePath(store)}/dicomWeb`, ...segments].join('/');
}

/** A QIDO-RS search; Google answers 204 with no body when nothing matches. */
export async function qido(client: HealthcareClient, store: DicomStoreName, segments: string[], query: [string, string][]): Promise<DicomJson[]> {
  const body = await client.json<DicomJson[] | Record<string, never>>({ kind: 'dicomweb', path: dicomWebPath(store, ...segments), query, accept: 'application/dicom+json' });
  return Array.isArray(body) ? body : [];
}

/** WADO-RS metadata of one instance (DICOM JSON with BulkDataURIs instead of pixel data). */
export async function instanceMetadata(client: HealthcareClient, store: DicomStoreName, study: string, series: string, instance: string): Promise<DicomJson | null> {
  const body = await qido(client, store, ['studies', requireUid(study), 'series', requireUid(series), 'instances', requireUid(instance), 'metadata'], []);
  return body[0] ?? null;
}

/** Rendered frame (`.../frames/{n}/rendered`), streamed as PNG or JPEG. */
export function renderedFrame(client: HealthcareClient, store: DicomStoreName, uids: { study: string; series: string; instance: string }, frame: number, mediaType: 'image/png' | 'image/jpeg'): Promise<Response> {
  const path = dicomWebPath(store, 'studies', requireUid(uids.study), 'series', requireUid(uids.series), 'instances', requireUid(uids.instance), 'frames', String(frame), 'rendered');
  return client.binary({ kind: 'dicomweb', path, accept: mediaType });
}
