/** Pixel data: frame lists, frame counts, and cutting a Part 10 file's pixel data into frames. */

import { invalidArgument, notFound } from '../errors.js';
import { binaryBytes, type DicomJsonDataset, firstNumber, firstString } from './dicom-json.js';
import { NATIVE_TRANSFER_SYNTAXES, type Part10, TRANSFER_SYNTAX } from './part10.js';
import { TAG } from './tags.js';

/** The Image Pixel module attributes that decide how frames are laid out. */
export interface PixelLayout {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  planarConfiguration: number;
  photometricInterpretation: string;
  numberOfFrames: number;
}

/** The pixel layout of an indexed instance; `undefined` when it has no pixel data. */
export function pixelLayout(attributes: DicomJsonDataset): PixelLayout | undefined {
  if (attributes[TAG.PixelData] === undefined && attributes[TAG.FloatPixelData] === undefined && attributes[TAG.DoubleFloatPixelData] === undefined) {
    return undefined;
  }
  const number = (tag: string, fallback: number): number => firstNumber(attributes, tag) ?? fallback;
  const bitsAllocated = number(TAG.BitsAllocated, 16);
  return {
    rows: number(TAG.Rows, 0),
    columns: number(TAG.Columns, 0),
    samplesPerPixel: number('00280002', 1),
    bitsAllocated,
    bitsStored: number('00280101', bitsAllocated),
    pixelRepresentation: number('00280103', 0),
    planarConfiguration: number('00280006', 0),
    photometricInterpretation: firstString(attributes, '00280004') ?? 'MONOCHROME2',
    numberOfFrames: Math.max(1, number(TAG.NumberOfFrames, 1)),
  };
}

/**
 * Parses a `frames/{list}` path segment: 1-based numbers separated by commas (PS3.18 8.3.3.1).
 * Malformed → 400; a frame the instance does not have → 404.
 */
export function parseFrameList(text: string, frameCount: number): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => !/^[1-9]\d*$/.test(s))) {
    throw invalidArgument(`Invalid frame list "${text}": expected comma-separated frame numbers starting at 1.`);
  }
  const frames = items.map(Number);
  const missing = frames.find((f) => f > frameCount);
  if (missing !== undefined) throw notFound(`Frame ${missing} does not exist: the instance has ${frameCount} frame(s).`);
  return frames;
}

/** Bytes per native frame; `undefined` for 1-bit data, whose frames need not start on a byte. */
function nativeFrameBytes(layout: PixelLayout): number | undefined {
  if (layout.bitsAllocated === 1) return undefined;
  return layout.rows * layout.columns * layout.samplesPerPixel * (layout.bitsAllocated / 8);
}

function pixelBytes(part10: Part10): Uint8Array | undefined {
  for (const tag of [TAG.PixelData, TAG.FloatPixelData, TAG.DoubleFloatPixelData]) {
    const el = part10.file.dict[tag];
    if (el !== undefined) return binaryBytes(el);
  }
  return undefined;
}

/** Copies `bitCount` bits starting at `bitOffset` (LSB-first, as DICOM packs 1-bit data). */
function extractBits(bytes: Uint8Array, bitOffset: number, bitCount: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(bitCount / 8));
  for (let i = 0; i < bitCount; i++) {
    const source = bitOffset + i;
    if (((bytes[source >> 3] ?? 0) >> (source & 7)) & 1) out[i >> 3] = (out[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return out;
}

/** Swaps each `width`-byte word in place (big endian ↔ little endian). */
function swapBytes(bytes: Uint8Array, width: number): Uint8Array {
  for (let i = 0; i + width <= bytes.length; i += width) bytes.subarray(i, i + width).reverse();
  return bytes;
}

/** The frames of a native (uncompressed) file, as Explicit VR Little Endian bytes. */
export function nativeFrames(part10: Part10, layout: PixelLayout): Uint8Array[] {
  const pixels = pixelBytes(part10);
  if (pixels === undefined) return [];
  const frames: Uint8Array[] = [];
  const size = nativeFrameBytes(layout);
  for (let i = 0; i < layout.numberOfFrames; i++) {
    if (size === undefined) {
      const bits = layout.rows * layout.columns * layout.samplesPerPixel;
      frames.push(extractBits(pixels, i * bits, bits));
    } else {
      const frame = pixels.slice(i * size, (i + 1) * size);
      const swap = part10.transferSyntax === TRANSFER_SYNTAX.ExplicitVRBigEndian && layout.bitsAllocated > 8;
      frames.push(swap ? swapBytes(frame, layout.bitsAllocated / 8) : frame);
    }
  }
  return frames;
}

/**
 * The frames of an encapsulated file as stored. dcmjs gives one buffer per frame when the file has
 * a frame per fragment or an offset table; a single-frame image may come as several fragments.
 */
export function encapsulatedFrames(part10: Part10, layout: PixelLayout): Uint8Array[] {
  const el = part10.file.dict[TAG.PixelData];
  const buffers = (el?.Value ?? []).filter((v): v is ArrayBuffer => v instanceof ArrayBuffer);
  if (buffers.length === layout.numberOfFrames) return buffers.map((b) => new Uint8Array(b));
  if (layout.numberOfFrames === 1) return [new Uint8Array(Buffer.concat(buffers.map((b) => new Uint8Array(b))))];
  throw invalidArgument(`Cannot split ${buffers.length} pixel data fragments into ${layout.numberOfFrames} frames.`);
}

/** True when the transfer syntax encapsulates (compresses) pixel data. */
export function isEncapsulated(transferSyntax: string): boolean {
  return !NATIVE_TRANSFER_SYNTAXES.has(transferSyntax);
}
