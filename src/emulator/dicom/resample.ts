/** Area-weighted resampling of RGBA images: averages when shrinking, replicates when enlarging. */

/** An RGBA image, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

interface Tap {
  index: number;
  weight: number;
}

/** For each destination pixel, the source pixels it covers and by how much (weights sum to 1). */
function taps(sourceLength: number, targetLength: number): Tap[][] {
  const scale = sourceLength / targetLength;
  const result: Tap[][] = [];
  for (let d = 0; d < targetLength; d++) {
    const start = d * scale;
    const end = start + scale;
    const list: Tap[] = [];
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), sourceLength); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 0) list.push({ index: s, weight: overlap / scale });
    }
    result.push(list);
  }
  return result;
}

/** Resamples to `width` × `height` (both at least 1). */
export function resample(image: RgbaImage, width: number, height: number): RgbaImage {
  if (width === image.width && height === image.height) return image;
  const across = taps(image.width, width);
  const down = taps(image.height, height);
  // Horizontal pass into floats, then vertical pass into bytes.
  const mid = new Float32Array(width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const { index, weight } of across[x] ?? []) sum += (image.data[(y * image.width + index) * 4 + c] ?? 0) * weight;
        mid[(y * width + x) * 4 + c] = sum;
      }
    }
  }
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const { index, weight } of down[y] ?? []) sum += (mid[(index * width + x) * 4 + c] ?? 0) * weight;
        out[(y * width + x) * 4 + c] = Math.min(255, Math.max(0, Math.round(sum)));
      }
    }
  }
  return { width, height, data: out };
}

/**
 * The size an image gets in a `vw` × `vh` viewport: scaled to fit while keeping its aspect ratio
 * (PS3.18 8.3.5.1.3). A missing dimension follows from the other.
 */
export function fitViewport(width: number, height: number, vw: number | undefined, vh: number | undefined): { width: number; height: number } {
  const scale = Math.min(vw === undefined ? Infinity : vw / width, vh === undefined ? Infinity : vh / height);
  if (!Number.isFinite(scale)) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
