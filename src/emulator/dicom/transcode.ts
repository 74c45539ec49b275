/**
 * Rewriting a stored instance in Explicit VR Little Endian, Google's default retrieve transfer
 * syntax: native files are re-encoded by dcmjs (big-endian pixel words swapped), compressed ones
 * have their frames decoded first.
 */

import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { canDecode, decodeFrame, type DecodedFrame } from './codecs.js';
import type { DicomJsonDataset } from './dicom-json.js';
import { readPart10, TRANSFER_SYNTAX } from './part10.js';
import { encapsulatedFrames, isEncapsulated, nativeFrames, type PixelLayout, pixelLayout } from './pixels.js';
import { TAG } from './tags.js';

/** The instance cannot be converted to the requested transfer syntax. */
export class TranscodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscodeError';
  }
}

/** True when `toExplicitLittleEndian` can convert from this transfer syntax. */
function canTranscode(transferSyntax: string): boolean {
  return !isEncapsulated(transferSyntax) || canDecode(transferSyntax);
}

function concat(frames: readonly Uint8Array[]): ArrayBuffer {
  const joined = Buffer.concat(frames);
  return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

/** A copy of a dcmjs data set whose pixel data are the decoded `frames`, with their photometric interpretation. */
export function withDecodedFrames(dict: DcmjsDataset, layout: PixelLayout, frames: readonly DecodedFrame[]): DcmjsDataset {
  const out = { ...dict };
  const photometric = frames[0]?.photometricInterpretation ?? layout.photometricInterpretation;
  out[TAG.PixelData] = { vr: layout.bitsAllocated > 8 ? 'OW' : 'OB', Value: [concat(frames.map((f) => f.bytes))] };
  out['00280004'] = { vr: 'CS', Value: [photometric] };
  if (layout.samplesPerPixel > 1) out['00280006'] = { vr: 'US', Value: [0] };
  return out;
}

/** The instance re-encoded in Explicit VR Little Endian (returned unchanged when it already is). */
export async function toExplicitLittleEndian(bytes: Uint8Array, attributes: DicomJsonDataset): Promise<Uint8Array> {
  const part10 = readPart10(bytes);
  const { transferSyntax } = part10;
  if (transferSyntax === TRANSFER_SYNTAX.ExplicitVRLittleEndian) return bytes;
  if (!canTranscode(transferSyntax)) {
    throw new TranscodeError(`The emulator cannot decode transfer syntax ${transferSyntax}; request transfer-syntax=*.`);
  }
  let dict = { ...part10.file.dict };
  const layout = pixelLayout(attributes);
  if (layout !== undefined && isEncapsulated(transferSyntax)) {
    const decoded = await Promise.all(encapsulatedFrames(part10, layout).map((f) => decodeFrame(layout, transferSyntax, f)));
    dict = withDecodedFrames(dict, layout, decoded);
  } else if (layout !== undefined && transferSyntax === TRANSFER_SYNTAX.ExplicitVRBigEndian) {
    dict[TAG.PixelData] = { vr: layout.bitsAllocated > 8 ? 'OW' : 'OB', Value: [concat(nativeFrames(part10, layout))] };
  }
  const meta = { ...part10.file.meta, '00020010': { vr: 'UI', Value: [TRANSFER_SYNTAX.ExplicitVRLittleEndian] } };
  const out = new dcmjs.data.DicomDict(meta);
  out.dict = dict;
  return new Uint8Array(out.write());
}
