/**
 * CR and DX radiographs: parallel-beam projections of the phantom in the view the series names
 * (PA, lateral, oblique, axial). DX images are stored MONOCHROME1 (bright = low values), as many
 * DR detectors write them; they must display the same as the CR ones.
 */

import { FIELD_OF_VIEW_MM, phantom } from './anatomy.js';
import type { ImageContext } from './context.js';
import { flatten, weigh } from './geometry.js';
import { autoWindow, greyscale16, type PixelImage } from './pixel-image.js';
import { radiographView, viewPosition } from './protocols.js';
import { gaussian } from './random.js';
import { radiographGrid, sampleProjection } from './sampling.js';
import { attenuation } from './tissues.js';

const SIZE = 256;
const BITS = 12;
const MAX = 2 ** BITS - 1;

/** Box-blurs every row of a square image (edges clamped), writing the result transposed. */
function blurRowsTransposed(source: Float32Array, size: number, radius: number): Float32Array {
  const out = new Float32Array(source.length);
  const width = 2 * radius + 1;
  for (let y = 0; y < size; y++) {
    const row = y * size;
    const at = (x: number): number => source[row + (x < 0 ? 0 : x >= size ? size - 1 : x)] ?? 0;
    let sum = 0;
    for (let x = -radius; x <= radius; x++) sum += at(x);
    for (let x = 0; x < size; x++) {
      out[x * size + y] = sum / width;
      sum += at(x + radius + 1) - at(x - radius);
    }
  }
  return out;
}

/** Two box passes each way: close enough to a Gaussian blur. */
function blur(values: Float32Array, size: number, radius: number): Float32Array {
  let current = values;
  for (let pass = 0; pass < 4; pass++) current = blurRowsTransposed(current, size, radius);
  return current;
}

/**
 * Unsharp masking, as radiograph processing does: flattens the broad soft-tissue background and
 * brings out edges (ribs, cortices, the heart border).
 */
function enhance(values: Float32Array, size: number): Float32Array {
  const background = blur(values, size, 8);
  return values.map((v, i) => v + 1.2 * (v - (background[i] ?? v)));
}

/** A radiograph of the series' view; `inverted` stores it MONOCHROME1. */
export function radiograph(ctx: ImageContext, inverted: boolean): PixelImage {
  const view = radiographView(ctx.series.description);
  const shapes = weigh(flatten(phantom(ctx.region), 'air'), attenuation);
  // Log-attenuation is what a processed radiograph shows: air dark, bone bright.
  const projection = enhance(sampleProjection(shapes, radiographGrid(view, SIZE), SIZE), SIZE);
  const values = projection.map((p) => 150 + p * 1000 + gaussian(ctx.random) * 10);
  const window = autoWindow(values, 'DEFAULT');
  const stored = inverted ? values.map((v) => MAX - v) : values;
  const spacing = FIELD_OF_VIEW_MM[ctx.region] / SIZE;
  return {
    ...greyscale16(SIZE, stored, BITS, inverted ? 'MONOCHROME1' : 'MONOCHROME2'),
    window: inverted ? { ...window, center: MAX - window.center } : window,
    attributes: {
      ImageType: ['ORIGINAL', 'PRIMARY'],
      ViewPosition: viewPosition(ctx.series.description, view),
      ImagerPixelSpacing: [spacing, spacing],
      PixelSpacing: [spacing, spacing],
      KVP: ctx.region === 'chest' ? 120 : 60,
      ...(ctx.series.modality === 'DX'
        ? { PresentationIntentType: 'FOR PRESENTATION', PixelIntensityRelationship: 'LOG', PixelIntensityRelationshipSign: inverted ? -1 : 1 }
        : {}),
    },
  };
}
