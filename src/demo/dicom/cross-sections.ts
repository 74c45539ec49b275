/**
 * CT and MR slices through the phantom: axial, coronal or sagittal as the series description says,
 * stepping through the anatomy with the instance number, with modality-like noise and windows.
 * A CT "Scout" series gets a projection localizer instead.
 */

import { FIELD_OF_VIEW_MM, phantom, type Region } from './anatomy.js';
import { type ImageContext, spread } from './context.js';
import { flatten, type Vec3, weigh } from './geometry.js';
import { autoWindow, greyscale16, type PixelImage, type SliceGeometry } from './pixel-image.js';
import { contrastPhase, ctWindow, isLocalizer, isMip, isReformat, mrProtocol, mrTiming, type Orientation, orientationOf } from './protocols.js';
import { gaussian } from './random.js';
import { type Grid, radiographGrid, sampleProjection, sampleSlice, sliceGrid } from './sampling.js';
import { attenuation, hounsfield, mrSignal } from './tissues.js';

const SIZE = 192;
const CT_BITS = 12;
const CT_INTERCEPT = -1024;
const MR_BITS = 12;

/** Centre of the stack of slices per region and orientation (normalised coordinates). */
const STACK_CENTER: Readonly<Record<Region, Readonly<Record<Orientation, number>>>> = {
  head: { axial: 0.1, coronal: 0, sagittal: 0.15 },
  chest: { axial: 0.2, coronal: 0.02, sagittal: 0 },
  abdomen: { axial: 0.25, coronal: 0.28, sagittal: 0 },
  spine: { axial: -0.2, coronal: 0.42, sagittal: 0 },
  knee: { axial: 0, coronal: 0.05, sagittal: 0 },
  ankle: { axial: 0.1, coronal: 0.05, sagittal: 0 },
  wrist: { axial: 0.1, coronal: 0, sagittal: 0 },
  shoulder: { axial: 0.3, coronal: 0, sagittal: 0.25 },
  neck: { axial: 0, coronal: 0, sagittal: 0 },
  heart: { axial: 0, coronal: 0, sagittal: 0 },
};

/** Half the extent the stack covers; the lumbar spine is thin, so its sagittals stay near the midline. */
function stackHalfSpan(region: Region, orientation: Orientation): number {
  if (region === 'spine' && orientation !== 'axial') return 0.06;
  return orientation === 'axial' ? 0.45 : 0.25;
}

function sliceThickness(description: string, fallback: number): number {
  const match = /(\d+(?:\.\d+)?)\s*mm/i.exec(description);
  return match?.[1] === undefined ? fallback : Number(match[1]);
}

function unit(v: Vec3): Vec3 {
  const length = Math.hypot(...v);
  return [v[0] / length, v[1] / length, v[2] / length];
}

function geometry(ctx: ImageContext, orientation: Orientation, offset: number, thickness: number): { grid: Grid; geometry: SliceGeometry } {
  const grid = sliceGrid(orientation, offset, SIZE);
  const mm = FIELD_OF_VIEW_MM[ctx.region] / 2;
  const spacing = (2 * mm) / SIZE;
  return {
    grid,
    geometry: {
      position: [grid.origin[0] * mm, grid.origin[1] * mm, grid.origin[2] * mm],
      orientation: [...unit(grid.across), ...unit(grid.down)],
      pixelSpacing: [spacing, spacing],
      sliceThickness: thickness,
      sliceLocation: offset * mm,
    },
  };
}

function slicePosition(ctx: ImageContext, orientation: Orientation): number {
  const center = STACK_CENTER[ctx.region][orientation];
  return spread(ctx.index, ctx.count, center, stackHalfSpan(ctx.region, orientation));
}

function ctScout(ctx: ImageContext): PixelImage {
  const shapes = weigh(flatten(phantom(ctx.region), 'air'), attenuation);
  const values = sampleProjection(shapes, radiographGrid('frontal', SIZE), SIZE).map((p) => 100 + p * 900 + gaussian(ctx.random) * 6);
  return {
    ...greyscale16(SIZE, values, CT_BITS),
    window: autoWindow(values, 'LOCALIZER'),
    attributes: { ImageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'], KVP: 120 },
  };
}

/** A CT image of the series' `index`-th instance. */
export function ctImage(ctx: ImageContext): PixelImage {
  const description = ctx.series.description;
  if (isLocalizer(description)) return ctScout(ctx);
  const orientation = orientationOf(description);
  const phase = contrastPhase(ctx.study.description, description);
  const offset = slicePosition(ctx, orientation);
  const { grid, geometry: plane } = geometry(ctx, orientation, offset, sliceThickness(description, 5));
  const shapes = weigh(flatten(phantom(ctx.region), 'air'), (t) => hounsfield(t, phase));
  const slab = isMip(description) ? { thickness: 0.25, samples: 9 } : undefined;
  const hu = sampleSlice(shapes, hounsfield('air', phase), grid, SIZE, slab);
  // Quantum noise, only where there is something to scatter photons.
  const stored = hu.map((v) => v - CT_INTERCEPT + (v > -900 ? gaussian(ctx.random) * 4 : 0));
  return {
    ...greyscale16(SIZE, stored, CT_BITS),
    window: ctWindow(description, ctx.region === 'head', phase),
    rescale: { intercept: CT_INTERCEPT, slope: 1, type: 'HU' },
    geometry: plane,
    attributes: {
      ImageType: isReformat(description) ? ['DERIVED', 'SECONDARY', 'REFORMATTED'] : ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      KVP: 120,
      ContrastBolusAgent: phase === 'none' ? undefined : 'IOHEXOL',
    },
  };
}

/** An MR image of the series' `index`-th instance. */
export function mrImage(ctx: ImageContext): PixelImage {
  const description = ctx.series.description;
  const orientation = orientationOf(description);
  const protocol = mrProtocol(description);
  const offset = slicePosition(ctx, orientation);
  const { grid, geometry: plane } = geometry(ctx, orientation, offset, sliceThickness(description, 4));
  const shapes = weigh(flatten(phantom(ctx.region), 'air'), (t) => mrSignal(t, protocol));
  const signal = sampleSlice(shapes, 0, grid, SIZE);
  // Magnitude images carry Rician noise: the modulus of signal plus complex Gaussian noise.
  const sigma = protocol.weighting === 'DWI' ? 20 : 12;
  const values = signal.map((v) => {
    const [real, imaginary] = [v + gaussian(ctx.random) * sigma, gaussian(ctx.random) * sigma];
    return Math.sqrt(real * real + imaginary * imaginary);
  });
  const timing = mrTiming(protocol);
  return {
    ...greyscale16(SIZE, values, MR_BITS),
    window: autoWindow(values, protocol.weighting),
    geometry: plane,
    attributes: {
      ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'ND'],
      ScanningSequence: protocol.weighting === 'DWI' ? 'EP' : 'SE',
      SequenceVariant: 'NONE',
      MRAcquisitionType: '2D',
      RepetitionTime: timing.repetitionTime,
      EchoTime: timing.echoTime,
      MagneticFieldStrength: 1.5,
      ContrastBolusAgent: protocol.contrast ? 'GADOBUTROL' : undefined,
    },
  };
}
