/** DICOMweb response bodies: DICOM JSON, Native XML (as multipart), binary multipart. */

import type { Reply } from '../reply.js';
import type { DicomJsonDataset } from './dicom-json.js';
import type { Offer } from './media-types.js';
import { buildMultipart, type OutgoingPart } from './multipart.js';
import { nativeDicomModel } from './native-xml.js';

export const DICOM_JSON = 'application/dicom+json';
export const DICOM_XML = 'application/dicom+xml';

/** How search results and metadata can be returned (reference §4.2, §4.3): JSON by default. */
export const DATASET_OFFERS: readonly Offer<'json' | 'xml'>[] = [
  { kind: 'json', mediaType: DICOM_JSON },
  { kind: 'json', mediaType: 'application/json' },
  { kind: 'xml', mediaType: 'multipart/related', partType: DICOM_XML },
];

/** A `multipart/related` reply whose parts are all of `partType`. */
export function multipartReply(partType: string, parts: readonly OutgoingPart[], status = 200): Reply {
  const { boundary, body } = buildMultipart(parts);
  return {
    status,
    headers: { 'content-type': `multipart/related; type="${partType}"; boundary=${boundary}` },
    body,
  };
}

/** Data sets as a DICOM JSON array or as multipart Native XML, one part each. */
export function datasetsReply(kind: 'json' | 'xml', datasets: readonly DicomJsonDataset[]): Reply {
  if (kind === 'json') {
    return { status: 200, headers: { 'content-type': `${DICOM_JSON}; charset=utf-8` }, json: datasets };
  }
  const parts = datasets.map((d) => ({ contentType: DICOM_XML, body: Buffer.from(nativeDicomModel(d), 'utf8') }));
  return multipartReply(DICOM_XML, parts);
}

/** 204: what QIDO answers when nothing matches. */
export function noContentReply(): Reply {
  return { status: 204 };
}
