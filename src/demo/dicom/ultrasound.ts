/**
 * Ultrasound clips: a B-mode view of a plane through the phantom, swept out line by line from the
 * transducer (sector or linear), with acoustic shadowing behind bone and gas, bright tissue
 * boundaries, depth attenuation and speckle that drifts with the tissue from frame to frame.
 */

import { phantom, type Region } from './anatomy.js';
import type { ImageContext } from './context.js';
import { flatten, sample, weigh } from './geometry.js';
import type { PixelImage } from './pixel-image.js';
import { echogenicity } from './tissues.js';

const SIZE = 128;
/** Scan lines and samples per line of the acquisition (before scan conversion). */
const LINES = 96;
const SAMPLES = 128;
const FRAME_TIME_MS = 50;

/** Where the probe sits and where it looks, in a plane of the phantom (2-D coordinates). */
interface Probe {
  plane: 'axial' | 'coronal';
  /** The plane's position along its normal; moves with breathing. */
  level: number;
  apex: [number, number];
  /** Unit vector into the body. */
  depthDirection: [number, number];
  depth: number;
  /** Sector opening (radians), or the width of a linear array. */
  shape: { kind: 'sector'; angle: number } | { kind: 'linear'; width: number };
}

/** The probe position a sonographer would use for the series ("Right Lobe", "Kidneys", "Apical"). */
function probeFor(region: Region, description: string, index: number): Probe {
  // Successive clips of a series sweep slightly through the organ.
  const sweep = 0.04 * index;
  switch (region) {
    case 'heart':
      // Apical four-chamber view: from the apex, looking up the long axis.
      return { plane: 'coronal', level: 0.02 + sweep, apex: [0.05, -0.95], depthDirection: [0, 1], depth: 1.8, shape: { kind: 'sector', angle: 1.4 } };
    case 'neck': {
      const side = /left/i.test(description) ? 1 : -1;
      return { plane: 'axial', level: sweep, apex: [0.27 * side, -0.58], depthDirection: [0, 1], depth: 0.9, shape: { kind: 'linear', width: 0.8 } };
    }
    default:
      if (/kidney|renal/i.test(description)) {
        // From the right flank.
        return { plane: 'axial', level: 0.05 + sweep, apex: [-0.88, 0.3], depthDirection: [1, 0], depth: 1.1, shape: { kind: 'sector', angle: 1.1 } };
      }
      return {
        plane: 'axial',
        level: (/gall/i.test(description) ? 0.3 : 0.5) - sweep,
        apex: [-0.3, -0.6],
        depthDirection: [0, 1],
        depth: 1.2,
        shape: { kind: 'sector', angle: 1.2 },
      };
  }
}

/** Rayleigh speckle, smoothed across lines (lateral resolution is coarser than axial). */
function speckleField(random: () => number, width: number, height: number): Float32Array {
  const raw = new Float32Array(width * height);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.sqrt(-2 * Math.log(random() + 1e-9)) / 1.25;
  const out = new Float32Array(raw.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (dx: number): number => raw[y * width + (x + dx < 0 ? 0 : x + dx >= width ? width - 1 : x + dx)] ?? 0;
      out[y * width + x] = (at(-1) + 2 * at(0) + at(1)) / 4;
    }
  }
  return out;
}

/** Depth attenuation per sample (time-gain compensation leaves some of it). */
const FALLOFF = Float32Array.from({ length: SAMPLES }, (_, s) => Math.exp(-0.5 * (s / SAMPLES)));

/** Unit direction of each scan line, in the plane's 2-D coordinates. */
function lineDirections(probe: Probe): Array<[number, number]> {
  const [dx, dy] = probe.depthDirection;
  return Array.from({ length: LINES }, (_, line) => {
    if (probe.shape.kind === 'linear') return [dx, dy];
    const theta = (line / (LINES - 1) - 0.5) * probe.shape.angle;
    const [c, s] = [Math.cos(theta), Math.sin(theta)];
    return [dx * c + dy * s, dy * c - dx * s];
  });
}

/** One frame in acquisition geometry: `LINES` scan lines of `SAMPLES` echoes each. */
function acquire(ctx: ImageContext, probe: Probe, phase: number, speckle: Float32Array, shift: number): Float32Array {
  const beat = 0.5 - 0.5 * Math.cos(phase);
  const level = probe.level + 0.03 * Math.sin(phase);
  // Only what the scan plane cuts matters.
  const axis = probe.plane === 'axial' ? 2 : 1;
  const shapes = weigh(flatten(phantom(ctx.region, beat), 'air'), echogenicity).filter(
    ({ ellipsoid: e }) => Math.abs(e.center[axis] - level) <= Math.max(...e.radii),
  );
  const outside = echogenicity('air');
  const [dx, dy] = probe.depthDirection;
  const directions = lineDirections(probe);
  const lines = new Float32Array(LINES * SAMPLES);
  for (let line = 0; line < LINES; line++) {
    const [ux, uy] = directions[line] ?? [dx, dy];
    // A linear array moves the start of each line sideways; a sector fans them from the apex.
    const offset = probe.shape.kind === 'linear' ? (line / (LINES - 1) - 0.5) * probe.shape.width : 0;
    const [startA, startB] = [probe.apex[0] + offset * dy, probe.apex[1] - offset * dx];
    let transmitted = 1;
    let previous = 0;
    for (let s = 0; s < SAMPLES; s++) {
      const r = (s / SAMPLES) * probe.depth;
      const a = startA + r * ux;
      const b = startB + r * uy;
      const echo = probe.plane === 'axial' ? sample(shapes, outside, a, b, level) : sample(shapes, outside, a, level, b);
      const step = echo - previous;
      const boundary = step < 0 ? (step < -0.4 ? 1 : -step * 2.5) : step > 0.4 ? 1 : step * 2.5;
      previous = echo;
      const grain = speckle[s * (LINES + 16) + line + shift] ?? 1;
      lines[line * SAMPLES + s] = transmitted * (echo * grain + boundary) * (FALLOFF[s] ?? 1);
      // Bone, gas and lung reflect nearly everything: what lies behind them is in shadow.
      if (echo >= 0.8) transmitted *= 0.85;
    }
  }
  return lines;
}

/** For each display pixel, the (line, sample) it shows, or -1 outside the beam. */
function scanConversionMap(probe: Probe): Int32Array {
  const map = new Int32Array(SIZE * SIZE).fill(-1);
  const halfWidth = probe.shape.kind === 'sector' ? Math.sin(probe.shape.angle / 2) : 0.5;
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      const lateral = ((col + 0.5) / SIZE - 0.5) * 2 * halfWidth;
      const axial = (row + 0.5) / SIZE;
      const [radius, line] =
        probe.shape.kind === 'sector'
          ? [Math.hypot(lateral, axial), (Math.atan2(lateral, axial) / probe.shape.angle + 0.5) * (LINES - 1)]
          : [axial, (lateral + 0.5) * (LINES - 1)];
      const sampleIndex = Math.round(radius * SAMPLES);
      const lineIndex = Math.round(line);
      if (lineIndex >= 0 && lineIndex < LINES && sampleIndex < SAMPLES) map[row * SIZE + col] = lineIndex * SAMPLES + sampleIndex;
    }
  }
  return map;
}

/** Display compression: echo amplitude (0–~1.2) to 8-bit grey, tabulated. */
const GREY_STEPS = 1024;
const GREY = Uint8Array.from({ length: GREY_STEPS }, (_, i) => Math.min(255, Math.round(255 * Math.pow((i / GREY_STEPS) * 1.2 * 0.9, 0.8))));

function display(lines: Float32Array, map: Int32Array): Uint8Array {
  const out = new Uint8Array(SIZE * SIZE);
  for (let i = 0; i < out.length; i++) {
    const at = map[i] ?? -1;
    if (at < 0) continue;
    const step = ((lines[at] ?? 0) / 1.2) * GREY_STEPS;
    out[i] = GREY[step < 0 ? 0 : step >= GREY_STEPS ? GREY_STEPS - 1 : step | 0] ?? 0;
  }
  return out;
}

/** An ultrasound clip of `instance.numberOfFrames` frames. */
export function ultrasoundClip(ctx: ImageContext): PixelImage {
  const frames = Math.max(1, ctx.instance.numberOfFrames);
  const probe = probeFor(ctx.region, ctx.series.description, ctx.index);
  const speckle = speckleField(ctx.random, LINES + 16, SAMPLES);
  const map = scanConversionMap(probe);
  const pixelData = new Uint8Array(SIZE * SIZE * frames);
  for (let f = 0; f < frames; f++) {
    const phase = (2 * Math.PI * f) / frames;
    const shift = Math.round(8 + 6 * Math.sin(phase));
    pixelData.set(display(acquire(ctx, probe, phase, speckle, shift), map), f * SIZE * SIZE);
  }
  return {
    rows: SIZE,
    columns: SIZE,
    bitsAllocated: 8,
    bitsStored: 8,
    photometricInterpretation: 'MONOCHROME2',
    pixelData,
    numberOfFrames: frames,
    window: { center: 128, width: 256, explanation: 'DEFAULT' },
    attributes: {
      ImageType: ['ORIGINAL', 'PRIMARY', ctx.region === 'heart' ? 'CARDIAC' : 'ABDOMINAL'],
      FrameTime: FRAME_TIME_MS,
      CineRate: Math.round(1000 / FRAME_TIME_MS),
      RecommendedDisplayFrameRate: Math.round(1000 / FRAME_TIME_MS),
      StartTrim: 1,
      StopTrim: frames,
    },
  };
}
