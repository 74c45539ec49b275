/**
 * STOW-RS (reference §4.4): one `application/dicom` instance or a `multipart/related` body of
 * them. Each part is stored or reported as failed; the answer (Native XML by default, DICOM JSON on
 * request) lists both. HTTP 200 when everything was stored, 409 when anything failed — Google's
 * rule, where PS3.18 would answer 202 for a partial success.
 */

import { ApiError, invalidArgument } from '../errors.js';
import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { type DicomJsonDataset, element, sequence } from './dicom-json.js';
import { DuplicateInstanceError } from './dicom-store.js';
import { type DicomWebTarget, resourceUrl } from './lookup.js';
import { negotiate, type Offer, parseMediaType } from './media-types.js';
import { parseMultipart } from './multipart.js';
import { nativeDicomModel } from './native-xml.js';
import { DicomParseError, parseInstance } from './part10.js';
import { DICOM_JSON, DICOM_XML } from './replies.js';
import { FAILURE_DETAIL_JSON, FAILURE_DETAIL_XML, TAG } from './tags.js';

/** PS3.18 Table 10.5.3-3 failure reasons used by the emulator. */
const FAILURE = {
  /** Google reports duplicates as a processing failure "already exists". */
  processing: 0x0110,
  cannotUnderstand: 0xc000,
  /** dcm4che's code for an instance whose study differs from the study in the request path. */
  studyMismatch: 0xc409,
  outOfResources: 0xa700,
} as const;

const RESPONSE_OFFERS: readonly Offer<'xml' | 'json'>[] = [
  { kind: 'xml', mediaType: DICOM_XML },
  { kind: 'json', mediaType: DICOM_JSON },
  { kind: 'json', mediaType: 'application/json' },
];

interface Stored {
  sopClassUid: string;
  sopUid: string;
  url: string;
  studyUid: string;
}

interface Failed {
  sopClassUid: string | undefined;
  sopUid: string | undefined;
  reason: number;
  detail: string;
}

const unsupportedMedia = (contentType: string): ApiError =>
  new ApiError(
    415,
    `Unsupported Content-Type "${contentType}": expected application/dicom or multipart/related; type="application/dicom".`,
    'INVALID_ARGUMENT',
  );

/** The Part 10 payloads of a STOW request. */
function payloadsOf(contentType: string, body: Buffer): Buffer[] {
  const media = parseMediaType(contentType);
  if (media === undefined) throw unsupportedMedia(contentType);
  const essence = `${media.type}/${media.subtype}`;
  if (essence === 'application/dicom') return [body];
  if (essence !== 'multipart/related') throw unsupportedMedia(contentType);
  const partType = media.params.get('type')?.toLowerCase();
  if (partType !== undefined && partType !== 'application/dicom') throw unsupportedMedia(contentType);
  const boundary = media.params.get('boundary');
  if (boundary === undefined || boundary === '') throw invalidArgument('multipart/related request without a boundary.');
  let parts;
  try {
    parts = parseMultipart(body, boundary);
  } catch (error) {
    throw invalidArgument(`Malformed multipart/related body: ${(error as Error).message}.`);
  }
  return parts.map((part) => {
    const type = part.headers.get('content-type');
    const partMedia = type === undefined ? undefined : parseMediaType(type);
    if (partMedia !== undefined && `${partMedia.type}/${partMedia.subtype}` !== 'application/dicom') {
      throw unsupportedMedia(type ?? '');
    }
    return Buffer.from(part.body);
  });
}

async function storeOne(target: DicomWebTarget, bytes: Buffer, pathStudy: string | undefined): Promise<Stored | Failed> {
  let parsed;
  try {
    parsed = parseInstance(bytes);
  } catch (error) {
    if (!(error instanceof DicomParseError)) throw error;
    return { sopClassUid: undefined, sopUid: undefined, reason: FAILURE.cannotUnderstand, detail: error.message };
  }
  const identity = { sopClassUid: parsed.sopClassUid, sopUid: parsed.sopUid };
  if (pathStudy !== undefined && parsed.studyUid !== pathStudy) {
    return { ...identity, reason: FAILURE.studyMismatch, detail: `StudyInstanceUID ${parsed.studyUid} does not match the request's study ${pathStudy}.` };
  }
  try {
    const record = await target.store.put(parsed, bytes);
    return { ...identity, studyUid: record.studyUid, url: resourceUrl(target.webRoot, record) };
  } catch (error) {
    if (error instanceof DuplicateInstanceError) return { ...identity, reason: FAILURE.processing, detail: error.message };
    return { ...identity, reason: FAILURE.outOfResources, detail: `Could not store the instance: ${(error as Error).message}` };
  }
}

function optionalUid(vr: string, value: string | undefined): { vr: string; Value?: string[] } {
  return value === undefined ? { vr } : { vr, Value: [value] };
}

function responseDataset(stored: Stored[], failed: Failed[], webRoot: string, detailTag: string): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  const studies = new Set(stored.map((s) => s.studyUid));
  const [onlyStudy] = studies;
  if (studies.size === 1 && onlyStudy !== undefined) out[TAG.RetrieveURL] = element('UR', resourceUrl(webRoot, { studyUid: onlyStudy }));
  if (failed.length > 0) {
    const items = failed.map((f) => ({
      [TAG.ReferencedSOPClassUID]: optionalUid('UI', f.sopClassUid),
      [TAG.ReferencedSOPInstanceUID]: optionalUid('UI', f.sopUid),
      [TAG.FailureReason]: element('US', f.reason),
      [detailTag]: element('LT', f.detail),
    }));
    out[TAG.FailedSOPSequence] = sequence(items);
  }
  if (stored.length > 0) {
    const items = stored.map((s) => ({
      [TAG.ReferencedSOPClassUID]: element('UI', s.sopClassUid),
      [TAG.ReferencedSOPInstanceUID]: element('UI', s.sopUid),
      [TAG.RetrieveURL]: element('UR', s.url),
    }));
    out[TAG.ReferencedSOPSequence] = sequence(items);
  }
  return out;
}

/** Handles `POST studies` and `POST studies/{study}`. */
export async function storeInstances(ctx: EmulatorRequest, target: DicomWebTarget, pathStudy: string | undefined): Promise<Reply> {
  const format = negotiate(ctx.headers.accept, RESPONSE_OFFERS).kind;
  const payloads = payloadsOf(ctx.headers['content-type'] ?? '', await ctx.body());
  if (payloads.length === 0) throw invalidArgument('The request holds no DICOM instance.');
  const stored: Stored[] = [];
  const failed: Failed[] = [];
  // One at a time, so that a duplicate within one request fails like a duplicate across requests.
  for (const payload of payloads) {
    const outcome = await storeOne(target, payload, pathStudy);
    if ('reason' in outcome) failed.push(outcome);
    else stored.push(outcome);
  }
  const status = failed.length > 0 ? 409 : 200;
  if (format === 'json') {
    return { status, headers: { 'content-type': `${DICOM_JSON}; charset=utf-8` }, json: responseDataset(stored, failed, target.webRoot, FAILURE_DETAIL_JSON) };
  }
  const xml = nativeDicomModel(responseDataset(stored, failed, target.webRoot, FAILURE_DETAIL_XML));
  return { status, headers: { 'content-type': `${DICOM_XML}; charset=utf-8` }, body: xml };
}
