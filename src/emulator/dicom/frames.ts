/**
 * WADO-RS frame retrieval (reference §4.3): `multipart/related; type="application/octet-stream"`
 * with uncompressed little-endian frames by default, the stored (compressed) frames with
 * `transfer-syntax=*`, or the stored frames under their image media type (`image/jpeg`, …).
 */

import { invalidArgument } from '../errors.js';
import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { canDecode, decodeFrame } from './codecs.js';
import type { InstanceRecord } from './instance-index.js';
import { type DicomWebTarget, instanceBytes } from './lookup.js';
import { negotiate, notAcceptable, type Offer } from './media-types.js';
import { readPart10, TRANSFER_SYNTAX } from './part10.js';
import { encapsulatedFrames, isEncapsulated, nativeFrames, parseFrameList, type PixelLayout, pixelLayout } from './pixels.js';
import { renderedReply } from './rendered.js';
import { multipartReply } from './replies.js';

const OCTET_STREAM = 'application/octet-stream';

/** Image media types of compressed transfer syntaxes (PS3.18 Table 8.7.3-2, with common aliases). */
const IMAGE_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  '1.2.840.10008.1.2.4.50': ['image/jpeg'],
  '1.2.840.10008.1.2.4.51': ['image/jpeg'],
  '1.2.840.10008.1.2.4.57': ['image/jpeg'],
  '1.2.840.10008.1.2.4.70': ['image/jpeg'],
  '1.2.840.10008.1.2.4.80': ['image/jls', 'image/x-jls'],
  '1.2.840.10008.1.2.4.81': ['image/jls', 'image/x-jls'],
  '1.2.840.10008.1.2.4.90': ['image/jp2'],
  '1.2.840.10008.1.2.4.91': ['image/jp2'],
  '1.2.840.10008.1.2.4.201': ['image/jphc'],
  '1.2.840.10008.1.2.4.202': ['image/jphc'],
  '1.2.840.10008.1.2.4.203': ['image/jphc'],
  '1.2.840.10008.1.2.4.110': ['image/jxl'],
  '1.2.840.10008.1.2.4.111': ['image/jxl'],
  '1.2.840.10008.1.2.4.112': ['image/jxl'],
  '1.2.840.10008.1.2.5': ['image/dicom-rle', 'image/x-dicom-rle'],
};

type FrameKind = 'octet' | 'image';

function frameOffers(storedSyntax: string): Offer<FrameKind>[] {
  const offers: Offer<FrameKind>[] = [
    { kind: 'octet', mediaType: 'multipart/related', partType: OCTET_STREAM, transferSyntaxes: [TRANSFER_SYNTAX.ExplicitVRLittleEndian, '*'] },
  ];
  for (const partType of IMAGE_MEDIA_TYPES[storedSyntax] ?? []) {
    offers.push({ kind: 'image', mediaType: 'multipart/related', partType, transferSyntaxes: [storedSyntax, '*'] });
  }
  return offers;
}

/** The layout of an instance's pixel data; 400 when it has none. */
function layoutOf(record: InstanceRecord): PixelLayout {
  const layout = pixelLayout(record.attributes);
  if (layout === undefined) throw invalidArgument('The instance has no pixel data.');
  return layout;
}

/** Answers `.../instances/{in}/frames/{list}`. */
export async function retrieveFrames(ctx: EmulatorRequest, target: DicomWebTarget, record: InstanceRecord, list: string): Promise<Reply> {
  const layout = layoutOf(record);
  const numbers = parseFrameList(list, layout.numberOfFrames);
  const stored = record.transferSyntax;
  const offers = frameOffers(stored);
  const accept = ctx.headers.accept;
  const chosen = negotiate(accept, offers);
  const part10 = readPart10(await instanceBytes(target, record));
  const pick = <T>(all: readonly T[]): T[] => numbers.map((n) => all[n - 1] as T);

  if (!isEncapsulated(stored)) {
    const frames = pick(nativeFrames(part10, layout));
    const contentType = `${OCTET_STREAM}; transfer-syntax=${TRANSFER_SYNTAX.ExplicitVRLittleEndian}`;
    return multipartReply(OCTET_STREAM, frames.map((body) => ({ contentType, body })));
  }
  const frames = pick(encapsulatedFrames(part10, layout));
  const partType = chosen.partType ?? OCTET_STREAM;
  if (chosen.kind === 'image' || chosen.transferSyntax === '*') {
    const contentType = `${partType}; transfer-syntax=${stored}`;
    return multipartReply(partType, frames.map((body) => ({ contentType, body })));
  }
  if (!canDecode(stored)) throw notAcceptable(accept, offers);
  const decoded = await Promise.all(frames.map((f) => decodeFrame(layout, stored, f)));
  const contentType = `${OCTET_STREAM}; transfer-syntax=${TRANSFER_SYNTAX.ExplicitVRLittleEndian}`;
  return multipartReply(OCTET_STREAM, decoded.map((d) => ({ contentType, body: d.bytes })));
}

/** Answers `.../rendered` (frame 1) and `.../frames/{n}/rendered` (exactly one frame). */
export async function retrieveRendered(
  ctx: EmulatorRequest,
  target: DicomWebTarget,
  record: InstanceRecord,
  list: string | undefined,
): Promise<Reply> {
  const layout = layoutOf(record);
  const numbers = list === undefined ? [1] : parseFrameList(list, layout.numberOfFrames);
  const [frame] = numbers;
  if (numbers.length !== 1 || frame === undefined) throw invalidArgument('A rendered frame request names exactly one frame.');
  const bytes = await instanceBytes(target, record);
  return renderedReply(ctx.headers.accept, ctx.query.get('viewport'), { bytes, transferSyntax: record.transferSyntax, layout, frame: frame - 1 });
}
