/** The synthetic image a generator produces, ready to become a Part 10 file's Image Pixel module. */

/** Where a slice lies in patient space (mm), for the Image Plane module. */
export interface SliceGeometry {
  position: [number, number, number];
  /** Row direction (increasing column) then column direction (increasing row). */
  orientation: [number, number, number, number, number, number];
  /** Row spacing, column spacing. */
  pixelSpacing: [number, number];
  sliceThickness: number;
  sliceLocation: number;
}

export interface PixelImage {
  rows: number;
  columns: number;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
  /** All frames, one after another, little endian. */
  pixelData: Uint8Array;
  numberOfFrames: number;
  window: { center: number; width: number; explanation: string };
  rescale?: { intercept: number; slope: number; type: string };
  geometry?: SliceGeometry;
  /** Extra attributes the generator knows (naturalized dcmjs keywords), e.g. ViewPosition. */
  attributes: Record<string, unknown>;
}

/** Clamps and rounds values into unsigned 16-bit little-endian bytes of `bitsStored` bits. */
export function toUint16(values: ArrayLike<number>, bitsStored: number): Uint8Array {
  const max = 2 ** bitsStored - 1;
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] ?? 0) + 0.5;
    out[i] = v < 0 ? 0 : v > max ? max : v;
  }
  return new Uint8Array(out.buffer);
}

/** The pixel module of a single-frame, square, 16-bit greyscale image: `values` stored in `bitsStored` bits. */
export function greyscale16(
  size: number,
  values: ArrayLike<number>,
  bitsStored: number,
  photometricInterpretation: PixelImage['photometricInterpretation'] = 'MONOCHROME2',
): Pick<PixelImage, 'rows' | 'columns' | 'bitsAllocated' | 'bitsStored' | 'photometricInterpretation' | 'pixelData' | 'numberOfFrames'> {
  return {
    rows: size,
    columns: size,
    bitsAllocated: 16,
    bitsStored,
    photometricInterpretation,
    pixelData: toUint16(values, bitsStored),
    numberOfFrames: 1,
  };
}

/** A window spanning the 1st–99th percentile of `values`: what a modality would default to. */
export function autoWindow(values: ArrayLike<number>, explanation: string): PixelImage['window'] {
  const sorted = Float64Array.from(values).sort();
  const low = sorted[Math.floor(sorted.length * 0.01)] ?? 0;
  const high = sorted[Math.floor(sorted.length * 0.99)] ?? 1;
  const width = Math.max(1, Math.round(high - low));
  return { center: Math.round(low + width / 2), width, explanation };
}
