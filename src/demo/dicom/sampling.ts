/** Rasterising a phantom: slices through it (CT, MR, ultrasound) and projections across it (X-ray). */

import { sample, toUnitFrame, toUnitSphere, type Vec3, type Weighted } from './geometry.js';
import type { Orientation, RadiographView } from './protocols.js';

/** A pixel grid in phantom space: pixel (row, col) sits at `origin + col·across + row·down`. */
export interface Grid {
  origin: Vec3;
  across: Vec3;
  down: Vec3;
  /** Unit normal of the plane (the ray direction for projections). */
  normal: Vec3;
}

/** A `size` × `size` grid spanning [-1, 1]², at `offset` along the orientation's normal. */
export function sliceGrid(orientation: Orientation, offset: number, size: number): Grid {
  const step = 2 / size;
  const near = -1 + step / 2;
  switch (orientation) {
    case 'axial':
      return { origin: [near, near, offset], across: [step, 0, 0], down: [0, step, 0], normal: [0, 0, 1] };
    case 'coronal':
      return { origin: [near, offset, -near], across: [step, 0, 0], down: [0, 0, -step], normal: [0, 1, 0] };
    case 'sagittal':
      return { origin: [offset, near, -near], across: [0, step, 0], down: [0, 0, -step], normal: [1, 0, 0] };
  }
}

/** The grid of a radiograph: rays along `normal`, starting well outside the phantom. */
export function radiographGrid(view: RadiographView, size: number): Grid {
  const step = 2 / size;
  const near = -1 + step / 2;
  switch (view) {
    case 'frontal':
      return { origin: [near, -3, -near], across: [step, 0, 0], down: [0, 0, -step], normal: [0, 1, 0] };
    case 'lateral':
      return { origin: [-3, near, -near], across: [0, step, 0], down: [0, 0, -step], normal: [1, 0, 0] };
    case 'oblique': {
      const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
      return { origin: [near * c - 3 * s, -near * s - 3 * c, -near], across: [step * c, -step * s, 0], down: [0, 0, -step], normal: [s, c, 0] };
    }
    case 'axial':
      return { origin: [near, near, 3], across: [step, 0, 0], down: [0, step, 0], normal: [0, 0, -1] };
  }
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** How far an ellipsoid's centre lies from `point` along unit `axis`, less its largest radius. */
function gap({ ellipsoid: e }: Weighted<string>, point: Vec3, axis: Vec3): number {
  const offset = dot(axis, [e.center[0] - point[0], e.center[1] - point[1], e.center[2] - point[2]]);
  return Math.abs(offset) - Math.max(...e.radii);
}

/**
 * The ellipsoids that can reach each row of a grid. Rows are lines (slices) or planes
 * (projections) orthogonal to `down`, so an ellipsoid farther than its radius from the row along
 * `down` cannot touch it: most of a phantom is skipped on most rows.
 */
function rowsOf(shapes: readonly Weighted<string>[], grid: Grid, size: number, reach: number): Weighted<string>[][] {
  const step = Math.hypot(...grid.down);
  const axis: Vec3 = [grid.down[0] / step, grid.down[1] / step, grid.down[2] / step];
  return Array.from({ length: size }, (_, row) => {
    const point: Vec3 = [grid.origin[0] + row * grid.down[0], grid.origin[1] + row * grid.down[1], grid.origin[2] + row * grid.down[2]];
    return shapes.filter((shape) => gap(shape, point, axis) <= reach);
  });
}

/**
 * Samples a slice. With `slab`, takes the maximum over `slab.samples` planes spread over
 * `slab.thickness` (a MIP). Ellipsoids that cannot reach the slab are skipped up front.
 */
export function sampleSlice(
  shapes: readonly Weighted<string>[],
  background: number,
  grid: Grid,
  size: number,
  slab: { thickness: number; samples: number } = { thickness: 0, samples: 1 },
): Float32Array {
  const reach = slab.thickness / 2;
  const inSlab = shapes.filter((shape) => gap(shape, grid.origin, grid.normal) <= reach);
  const rows = rowsOf(inSlab, grid, size, 0);
  const out = new Float32Array(size * size);
  const offsets = Array.from({ length: slab.samples }, (_, i) => (slab.samples === 1 ? 0 : -reach + (2 * reach * i) / (slab.samples - 1)));
  const { origin, across, down, normal } = grid;
  for (let row = 0; row < size; row++) {
    const relevant = rows[row] ?? [];
    for (let col = 0; col < size; col++) {
      let best = -Infinity;
      for (const t of offsets) {
        const x = origin[0] + col * across[0] + row * down[0] + t * normal[0];
        const y = origin[1] + col * across[1] + row * down[1] + t * normal[1];
        const z = origin[2] + col * across[2] + row * down[2] + t * normal[2];
        const value = sample(relevant, background, x, y, z);
        if (value > best) best = value;
      }
      out[row * size + col] = best;
    }
  }
  return out;
}

/**
 * Line integrals through the phantom for every pixel of a radiograph grid. In each ellipsoid's
 * unit-sphere frame a ray is `o + t·u`; its chord is `sqrt(b² − 4ac) / a` with `a = u·u`,
 * `b = 2 o·u`, `c = o·o − 1`. The rays are parallel, so `u` and `a` are fixed per ellipsoid and `o`
 * moves linearly across the grid: only a few multiply-adds remain per pixel.
 */
export function sampleProjection(shapes: readonly Weighted<string>[], grid: Grid, size: number): Float32Array {
  const out = new Float32Array(size * size);
  const rows = rowsOf(shapes, grid, size, 0);
  const terms = new Map(
    shapes.map((shape) => {
      const e = shape.ellipsoid;
      const u = toUnitFrame(e, grid.normal);
      return [shape, { delta: shape.delta, u, a: u[0] * u[0] + u[1] * u[1] + u[2] * u[2], o: toUnitSphere(e, grid.origin), across: toUnitFrame(e, grid.across), down: toUnitFrame(e, grid.down) }];
    }),
  );
  for (let row = 0; row < size; row++) {
    for (const shape of rows[row] ?? []) {
      const t = terms.get(shape);
      if (t === undefined) continue;
      const [ux, uy, uz] = t.u;
      const startX = t.o[0] + row * t.down[0];
      const startY = t.o[1] + row * t.down[1];
      const startZ = t.o[2] + row * t.down[2];
      for (let col = 0; col < size; col++) {
        const ox = startX + col * t.across[0];
        const oy = startY + col * t.across[1];
        const oz = startZ + col * t.across[2];
        const b = 2 * (ox * ux + oy * uy + oz * uz);
        const disc = b * b - 4 * t.a * (ox * ox + oy * oy + oz * oz - 1);
        if (disc > 0) out[row * size + col] = (out[row * size + col] ?? 0) + (t.delta * Math.sqrt(disc)) / t.a;
      }
    }
  }
  return out;
}
