/**
 * Rendered resources (reference §4.3): a frame rendered by dcmjs-imaging (VOI LUT from the
 * instance's window centre/width, MONOCHROME1 inversion, colour conversion), scaled to `viewport`,
 * encoded as JPEG (default) or PNG. Compressed frames are decoded by codecs.ts first, as WADO-RS
 * frames are, so that rendered and retrieved pixels agree: dcmjs-imaging's own JPEG decoding
 * lets libjpeg guess the colour space, and guesses YCbCr for RGB streams without markers.
 */

import dcmjs from 'dcmjs';
import imaging, { type DicomImage } from 'dcmjs-imaging';
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { invalidArgument } from '../errors.js';
import type { Reply } from '../reply.js';
import { canDecode, decodeFrame, loadCodecs } from './codecs.js';
import { negotiate, type Offer } from './media-types.js';
import { readPart10, TRANSFER_SYNTAX } from './part10.js';
import { encapsulatedFrames, isEncapsulated, type PixelLayout } from './pixels.js';
import { fitViewport, resample, type RgbaImage } from './resample.js';
import { TAG } from './tags.js';
import { withDecodedFrames } from './transcode.js';

const RENDERED_OFFERS: readonly Offer<'jpeg' | 'png'>[] = [
  { kind: 'jpeg', mediaType: 'image/jpeg' },
  { kind: 'png', mediaType: 'image/png' },
];

/** Google's largest rendered width or height (reference §4.3). */
const MAX_VIEWPORT = 10_000;
const JPEG_QUALITY = 90;

/** Parses `viewport=vw,vh` (either may be empty, not both). */
function parseViewport(raw: string | undefined): { vw: number | undefined; vh: number | undefined } {
  if (raw === undefined) return { vw: undefined, vh: undefined };
  const match = /^(\d*),(\d*)$/.exec(raw.trim());
  const bad = (): Error => invalidArgument(`Invalid viewport "${raw}": expected "width,height" with each from 1 to ${MAX_VIEWPORT}.`);
  if (match === null) throw bad();
  const [vw, vh] = [match[1], match[2]].map((v) => (v === undefined || v === '' ? undefined : Number(v)));
  if (vw === undefined && vh === undefined) throw bad();
  for (const v of [vw, vh]) if (v !== undefined && (v < 1 || v > MAX_VIEWPORT)) throw bad();
  return { vw, vh };
}

/** A frame to render: a Part 10 instance, how its pixel data are stored, and the frame (0-based). */
export interface FrameSource {
  bytes: Uint8Array;
  transferSyntax: string;
  layout: PixelLayout;
  frame: number;
}

/** The image for dcmjs-imaging to render, and which of its frames. */
async function imageOf(source: FrameSource): Promise<{ image: DicomImage; frame: number }> {
  const { bytes, transferSyntax, layout, frame } = source;
  if (!isEncapsulated(transferSyntax) || !canDecode(transferSyntax)) {
    return { image: new imaging.DicomImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer), frame };
  }
  const part10 = readPart10(bytes);
  const encoded = encapsulatedFrames(part10, layout)[frame];
  if (encoded === undefined) throw invalidArgument(`The instance has no frame ${frame + 1}.`);
  const dict = withDecodedFrames(part10.file.dict, layout, [await decodeFrame(layout, transferSyntax, encoded)]);
  dict[TAG.NumberOfFrames] = { vr: 'IS', Value: [1] };
  const elements = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict);
  return { image: new imaging.DicomImage(elements, TRANSFER_SYNTAX.ExplicitVRLittleEndian), frame: 0 };
}

/** Renders a frame to RGBA. */
async function renderFrame(source: FrameSource): Promise<RgbaImage> {
  await loadCodecs();
  try {
    const { image, frame } = await imageOf(source);
    const rendered = image.render({ frame });
    return { width: rendered.width, height: rendered.height, data: new Uint8Array(rendered.pixels) };
  } catch (error) {
    throw invalidArgument(`The instance cannot be rendered: ${(error as Error).message}`);
  }
}

/** Answers a rendered request. */
export async function renderedReply(accept: string | undefined, viewport: string | undefined, source: FrameSource): Promise<Reply> {
  const format = negotiate(accept, RENDERED_OFFERS).kind;
  const { vw, vh } = parseViewport(viewport);
  const image = await renderFrame(source);
  const size = fitViewport(image.width, image.height, vw, vh);
  const scaled = resample(image, size.width, size.height);
  if (format === 'jpeg') {
    const encoded = jpeg.encode({ width: scaled.width, height: scaled.height, data: scaled.data }, JPEG_QUALITY);
    return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: encoded.data };
  }
  const rgb = new Uint8Array(scaled.width * scaled.height * 3);
  for (let i = 0, j = 0; i < scaled.data.length; i += 4, j += 3) rgb.set(scaled.data.subarray(i, i + 3), j);
  const png = encodePng({ width: scaled.width, height: scaled.height, data: rgb, channels: 3, depth: 8 });
  return { status: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from(png.buffer, png.byteOffset, png.byteLength) };
}
