/**
 * Additive ellipsoid phantoms (the Shepp–Logan idea in 3-D): each ellipsoid adds the difference
 * between its tissue and its parent's, so a point's value is the sum over the ellipsoids holding
 * it, and a ray's line integral is a sum of analytic chord lengths (see `sampling.ts`). Coordinates are normalised:
 * x to the patient's left, y posterior, z superior (DICOM LPS), the body within [-1, 1].
 */

export type Vec3 = readonly [number, number, number];

/** An ellipsoid in a phantom tree. Children must lie inside their parent. */
export interface Shape<T extends string> {
  center: Vec3;
  radii: Vec3;
  /** Rotations in degrees, applied about x first, then z. */
  tilt?: number;
  turn?: number;
  tissue: T;
  children?: Shape<T>[];
}

/** A flattened ellipsoid, ready for point and ray queries. */
export interface Ellipsoid<T extends string> {
  center: Vec3;
  radii: Vec3;
  /** Rows of the world → local rotation. */
  rotation: readonly [Vec3, Vec3, Vec3];
  tissue: T;
  parent: T;
}

function rotation(tiltDeg: number, turnDeg: number): [Vec3, Vec3, Vec3] {
  const [a, b] = [(tiltDeg * Math.PI) / 180, (turnDeg * Math.PI) / 180];
  const [ca, sa, cb, sb] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)];
  // local = Rx(-tilt) · Rz(-turn) · world
  return [
    [cb, sb, 0],
    [-ca * sb, ca * cb, sa],
    [sa * sb, -sa * cb, ca],
  ];
}

/** Flattens a phantom tree, each ellipsoid remembering its parent's tissue. */
export function flatten<T extends string>(shapes: readonly Shape<T>[], parent: T): Ellipsoid<T>[] {
  return shapes.flatMap((shape) => [
    { center: shape.center, radii: shape.radii, rotation: rotation(shape.tilt ?? 0, shape.turn ?? 0), tissue: shape.tissue, parent },
    ...flatten(shape.children ?? [], shape.tissue),
  ]);
}

/** True when (x, y, z) lies inside the ellipsoid. Written out: it runs for every pixel. */
export function contains(e: Ellipsoid<string>, x: number, y: number, z: number): boolean {
  const dx = x - e.center[0];
  const dy = y - e.center[1];
  const dz = z - e.center[2];
  const [r0, r1, r2] = e.rotation;
  const u = (r0[0] * dx + r0[1] * dy + r0[2] * dz) / e.radii[0];
  const v = (r1[0] * dx + r1[1] * dy + r1[2] * dz) / e.radii[1];
  const w = (r2[0] * dx + r2[1] * dy + r2[2] * dz) / e.radii[2];
  return u * u + v * v + w * w <= 1;
}

/** A direction in the ellipsoid's frame, scaled so the ellipsoid becomes the unit sphere. */
export function toUnitFrame(e: Ellipsoid<string>, v: Vec3): Vec3 {
  const [r0, r1, r2] = e.rotation;
  return [
    (r0[0] * v[0] + r0[1] * v[1] + r0[2] * v[2]) / e.radii[0],
    (r1[0] * v[0] + r1[1] * v[1] + r1[2] * v[2]) / e.radii[1],
    (r2[0] * v[0] + r2[1] * v[1] + r2[2] * v[2]) / e.radii[2],
  ];
}

/** A point in the ellipsoid's unit-sphere frame. */
export function toUnitSphere(e: Ellipsoid<string>, p: Vec3): Vec3 {
  return toUnitFrame(e, [p[0] - e.center[0], p[1] - e.center[1], p[2] - e.center[2]]);
}

/** A phantom with each ellipsoid's contribution (`value(tissue) - value(parent)`) worked out. */
export interface Weighted<T extends string> {
  ellipsoid: Ellipsoid<T>;
  delta: number;
}

export function weigh<T extends string>(shapes: readonly Ellipsoid<T>[], value: (tissue: T) => number): Weighted<T>[] {
  return shapes.map((ellipsoid) => ({ ellipsoid, delta: value(ellipsoid.tissue) - value(ellipsoid.parent) })).filter((w) => w.delta !== 0);
}

/** The phantom's value at (x, y, z): `background` plus the deltas of the ellipsoids holding it. */
export function sample(shapes: readonly Weighted<string>[], background: number, x: number, y: number, z: number): number {
  let sum = background;
  for (const { ellipsoid, delta } of shapes) if (contains(ellipsoid, x, y, z)) sum += delta;
  return sum;
}
