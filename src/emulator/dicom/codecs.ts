/**
 * Decoding compressed frames to native pixels with dcmjs-imaging's bundled WebAssembly codecs, so
 * that compressed uploads can be returned uncompressed, as Google does by default.
 *
 * The per-syntax decode functions are static methods of `NativePixelDecoder` that dcmjs-imaging
 * exports but does not declare in its types; their signature is `(pixel, encodedFrame, params?)`
 * where `pixel` describes the frame layout through getters. Output is interleaved, except RLE
 * colour data, which comes out one plane after another.
 */

import imaging from 'dcmjs-imaging';
import type { PixelLayout } from './pixels.js';

/** The getters dcmjs-imaging reads a frame's layout through. */
interface PixelDescription {
  getWidth(): number;
  getHeight(): number;
  getBitsAllocated(): number;
  getBitsStored(): number;
  getSamplesPerPixel(): number;
  getPixelRepresentation(): number;
  getPlanarConfiguration(): number;
  getPhotometricInterpretation(): string;
}

type DecodeFunction = (pixel: PixelDescription, encoded: Uint8Array, params?: { convertColorspaceToRgb?: boolean }) => Uint8Array;

interface Decoders {
  decodeRle: DecodeFunction;
  decodeJpeg: DecodeFunction;
  decodeJpegLs: DecodeFunction;
  decodeJpeg2000: DecodeFunction;
  decodeJpegXl: DecodeFunction;
}

const decoders = imaging.NativePixelDecoder as unknown as Decoders;

/**
 * `ycbcrToRgb`: colour frames whose Photometric Interpretation is YBR_* are converted to RGB.
 * `planarOutput`: colour frames come out one plane after another.
 */
type Codec = { decode: keyof Decoders; ycbcrToRgb?: boolean; planarOutput?: boolean };

const RLE: Codec = { decode: 'decodeRle', planarOutput: true };
const JPEG_LOSSY: Codec = { decode: 'decodeJpeg', ycbcrToRgb: true };
const JPEG_LOSSLESS: Codec = { decode: 'decodeJpeg' };
const JPEG_LS: Codec = { decode: 'decodeJpegLs' };
const JPEG_2000: Codec = { decode: 'decodeJpeg2000' };
const JPEG_XL: Codec = { decode: 'decodeJpegXl' };

const CODECS: Readonly<Record<string, Codec>> = {
  '1.2.840.10008.1.2.5': RLE,
  '1.2.840.10008.1.2.4.50': JPEG_LOSSY,
  '1.2.840.10008.1.2.4.51': JPEG_LOSSY,
  '1.2.840.10008.1.2.4.57': JPEG_LOSSLESS,
  '1.2.840.10008.1.2.4.70': JPEG_LOSSLESS,
  '1.2.840.10008.1.2.4.80': JPEG_LS,
  '1.2.840.10008.1.2.4.81': JPEG_LS,
  '1.2.840.10008.1.2.4.90': JPEG_2000,
  '1.2.840.10008.1.2.4.91': JPEG_2000,
  '1.2.840.10008.1.2.4.201': JPEG_2000,
  '1.2.840.10008.1.2.4.202': JPEG_2000,
  '1.2.840.10008.1.2.4.203': JPEG_2000,
  '1.2.840.10008.1.2.4.110': JPEG_XL,
  '1.2.840.10008.1.2.4.111': JPEG_XL,
  '1.2.840.10008.1.2.4.112': JPEG_XL,
};

let ready: Promise<void> | undefined;

/** Loads the WebAssembly codecs once (rendering needs them too). */
export function loadCodecs(): Promise<void> {
  ready ??= imaging.NativePixelDecoder.initializeAsync();
  return ready;
}

/** True when frames of this transfer syntax can be decoded. */
export function canDecode(transferSyntax: string): boolean {
  return CODECS[transferSyntax] !== undefined;
}

/** A decoded frame and the photometric interpretation its pixels now have. */
export interface DecodedFrame {
  bytes: Uint8Array;
  photometricInterpretation: string;
}

function interleave(planar: Uint8Array, samples: number, bytesPerSample: number): Uint8Array {
  const pixels = planar.length / (samples * bytesPerSample);
  const out = new Uint8Array(planar.length);
  for (let p = 0; p < pixels; p++) {
    for (let s = 0; s < samples; s++) {
      const from = (s * pixels + p) * bytesPerSample;
      out.set(planar.subarray(from, from + bytesPerSample), (p * samples + s) * bytesPerSample);
    }
  }
  return out;
}

/**
 * Whether a frame's colour components are YCbCr for the decoder to convert to RGB. The Photometric
 * Interpretation decides, as in DCMTK (and so Orthanc): RGB means the encoder applied no colour
 * transform (PS3.5 8.2.1). Left to itself, libjpeg guesses from the JPEG's JFIF / Adobe markers and
 * component IDs, and takes a stream with neither (IDs 0, 1, 2) for YCbCr: wrong colours.
 */
function convertsToRgb(codec: Codec, layout: PixelLayout): boolean {
  return codec.ycbcrToRgb === true && layout.samplesPerPixel > 1 && layout.photometricInterpretation.startsWith('YBR_');
}

/**
 * Decodes one frame to interleaved (PlanarConfiguration 0) little-endian pixels. Lossy JPEG YBR
 * frames are converted to RGB; other frames keep their photometric interpretation.
 */
export async function decodeFrame(layout: PixelLayout, transferSyntax: string, encoded: Uint8Array): Promise<DecodedFrame> {
  const codec = CODECS[transferSyntax];
  if (codec === undefined) throw new Error(`no decoder for transfer syntax ${transferSyntax}`);
  await loadCodecs();
  const pixel: PixelDescription = {
    getWidth: () => layout.columns,
    getHeight: () => layout.rows,
    getBitsAllocated: () => layout.bitsAllocated,
    getBitsStored: () => layout.bitsStored,
    getSamplesPerPixel: () => layout.samplesPerPixel,
    getPixelRepresentation: () => layout.pixelRepresentation,
    getPlanarConfiguration: () => layout.planarConfiguration,
    getPhotometricInterpretation: () => layout.photometricInterpretation,
  };
  const colour = layout.samplesPerPixel > 1;
  const convert = convertsToRgb(codec, layout);
  const decoded = decoders[codec.decode](pixel, encoded, convert ? { convertColorspaceToRgb: true } : undefined);
  const bytes = colour && codec.planarOutput === true ? interleave(decoded, layout.samplesPerPixel, layout.bitsAllocated / 8) : decoded;
  // JPEG 2000 decoders undo the ICT / RCT themselves.
  const toRgb = convert || (colour && /^YBR_(ICT|RCT)$/.test(layout.photometricInterpretation));
  return { bytes, photometricInterpretation: toRgb ? 'RGB' : layout.photometricInterpretation };
}
