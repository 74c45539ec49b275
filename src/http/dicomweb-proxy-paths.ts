/**
 * The paths the DICOMweb proxy serves: `/dicomweb/v1/{dicomStore name}/dicomWeb/{resource}`, which
 * is Google's path after its API root, so a viewer configured for Google works by changing the host.
 * Only the resources of Google's DICOMweb conformance statement are let through (reference §4.1);
 * anything else is refused before the store is even looked at.
 */
import { InvalidNameError } from '../healthcare/names.js';

export const DICOMWEB_PROXY_PREFIX = '/dicomweb/v1/';

const STORE_NAME = /^projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/dicomStores\/[^/]+$/;

/** What a resource path does: search (QIDO-RS), retrieve (WADO-RS) or store (STOW-RS). */
export type DicomWebAction = 'search' | 'retrieve' | 'store';

/** One resource of a store, parsed. */
export interface DicomWebResourcePath {
  /** `projects/{p}/locations/{l}/datasets/{d}/dicomStores/{s}`, still to be checked by the access policy. */
  storeName: string;
  /** The segments after `dicomWeb/`. */
  segments: string[];
  action: DicomWebAction;
  /** Rendered images, frames, bulkdata and instances never change: browsers may keep them. */
  immutable: boolean;
}

/** `{uid}` a UID, `{frames}` a frame list, `{bulkdata}` the rest of the path (tag/item/tag...). */
type Pattern = readonly string[];
const INSTANCE: Pattern = ['studies', '{uid}', 'series', '{uid}', 'instances', '{uid}'];
const ROUTES: readonly { pattern: Pattern; action: DicomWebAction; immutable?: boolean }[] = [
  { pattern: ['studies'], action: 'search' },
  { pattern: ['series'], action: 'search' },
  { pattern: ['instances'], action: 'search' },
  { pattern: ['studies', '{uid}', 'series'], action: 'search' },
  { pattern: ['studies', '{uid}', 'instances'], action: 'search' },
  { pattern: ['studies', '{uid}', 'series', '{uid}', 'instances'], action: 'search' },
  { pattern: ['studies', '{uid}'], action: 'retrieve' },
  { pattern: ['studies', '{uid}', 'metadata'], action: 'retrieve' },
  { pattern: ['studies', '{uid}', 'series', '{uid}'], action: 'retrieve' },
  { pattern: ['studies', '{uid}', 'series', '{uid}', 'metadata'], action: 'retrieve' },
  { pattern: INSTANCE, action: 'retrieve', immutable: true },
  { pattern: [...INSTANCE, 'metadata'], action: 'retrieve' },
  { pattern: [...INSTANCE, 'rendered'], action: 'retrieve', immutable: true },
  { pattern: [...INSTANCE, 'frames', '{frames}'], action: 'retrieve', immutable: true },
  { pattern: [...INSTANCE, 'frames', '{frames}', 'rendered'], action: 'retrieve', immutable: true },
  { pattern: [...INSTANCE, 'bulkdata', '{bulkdata}'], action: 'retrieve', immutable: true },
];

const UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;
const FRAMES = /^[1-9]\d{0,5}(?:,[1-9]\d{0,5}){0,999}$/;
/** A bulkdata location: a tag, then item number and tag pairs into sequences. */
const BULKDATA = /^[0-9A-Fa-f]{8}(?:\/\d{1,6}\/[0-9A-Fa-f]{8})*$/;

function matches(pattern: Pattern, segments: readonly string[]): boolean {
  const bulkdata = pattern.at(-1) === '{bulkdata}';
  if (bulkdata ? segments.length < pattern.length : segments.length !== pattern.length) return false;
  return pattern.every((part, i) => {
    const segment = segments[i]!;
    switch (part) {
      case '{uid}': return segment.length <= 64 && UID.test(segment);
      case '{frames}': return FRAMES.test(segment);
      case '{bulkdata}': return BULKDATA.test(segments.slice(i).join('/'));
      default: return segment === part;
    }
  });
}

/**
 * Parses a proxy path (the URL's pathname, still percent-encoded); throws {@link InvalidNameError}
 * for a path that is not one of Google's DICOMweb resources.
 */
export function parseDicomWebPath(pathname: string, method: string): DicomWebResourcePath {
  const rest = pathname.slice(DICOMWEB_PROXY_PREFIX.length);
  const split = rest.indexOf('/dicomWeb/');
  if (split < 0) throw new InvalidNameError('Expected /dicomweb/v1/projects/{p}/locations/{l}/datasets/{d}/dicomStores/{s}/dicomWeb/...');
  const storeName = decodeURIComponent(rest.slice(0, split));
  if (!STORE_NAME.test(storeName)) throw new InvalidNameError(`${JSON.stringify(storeName.slice(0, 300))} is not a DICOM store name`);
  const segments = rest.slice(split + '/dicomWeb/'.length).split('/');
  if (method === 'POST') {
    if (matches(['studies'], segments) || matches(['studies', '{uid}'], segments)) return { storeName, segments, action: 'store', immutable: false };
    throw new InvalidNameError('STOW-RS stores at dicomWeb/studies or dicomWeb/studies/{StudyInstanceUID} only');
  }
  const route = ROUTES.find(({ pattern }) => matches(pattern, segments));
  if (route === undefined) throw new InvalidNameError(`dicomWeb/${segments.join('/').slice(0, 200)} is not a DICOMweb resource this server serves`);
  return { storeName, segments, action: route.action, immutable: route.immutable ?? false };
}
