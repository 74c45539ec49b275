/**
 * Phantom anatomy per body region, as trees of ellipsoids (see `geometry.ts` for the conventions).
 * Crude on purpose: enough that a head looks like a head and a chest film like a chest film.
 */

import type { Shape, Vec3 } from './geometry.js';
import type { Tissue } from './tissues.js';

export type Region = 'head' | 'chest' | 'abdomen' | 'spine' | 'knee' | 'ankle' | 'wrist' | 'shoulder' | 'neck' | 'heart';

type S = Shape<Tissue>;

function ellipsoid(tissue: Tissue, center: Vec3, radii: Vec3, extra: Partial<Pick<S, 'tilt' | 'turn' | 'children'>> = {}): S {
  return { tissue, center, radii, ...extra };
}

/** Left and right copies of a shape (mirrored in x, turned the other way). */
function pair(make: (side: 1 | -1) => S): S[] {
  return [make(1), make(-1)];
}

/** A long bone: cortex around marrow. */
function longBone(center: Vec3, radii: Vec3, extra: Partial<Pick<S, 'tilt' | 'turn'>> = {}): S {
  const inner: Vec3 = [radii[0] * 0.7, radii[1] * 0.7, radii[2] * 0.97];
  return ellipsoid('bone', center, radii, { ...extra, children: [ellipsoid('marrow', center, inner, extra)] });
}

/** Vertebral bodies with discs between them, and the spinal canal behind, along z. */
function spine(y: number, from: number, to: number, step: number): S[] {
  const shapes: S[] = [ellipsoid('csf', [0, y + 0.14, (from + to) / 2], [0.04, 0.035, (to - from) / 2])];
  for (let z = from + step / 2; z < to; z += step) {
    shapes.push(longBone([0, y, z], [0.1, 0.09, step * 0.4]));
    shapes.push(ellipsoid('disc', [0, y, z + step / 2], [0.09, 0.08, step * 0.09]));
    shapes.push(ellipsoid('bone', [0, y + 0.21, z], [0.025, 0.05, step * 0.3]));
  }
  return shapes;
}

/**
 * Ribs: each a chain of short bone segments along a tilted ellipse around the chest, higher at the
 * back than at the front, leaving out the spine and the cartilage beside the sternum.
 */
function ribs(): S[] {
  const shapes: S[] = [];
  const segments = 28;
  for (let k = 0; k < 10; k++) {
    const level = 0.78 - k * 0.15;
    const a = 0.8 * Math.min(1, 0.62 + k * 0.09);
    const b = 0.48;
    for (let i = 0; i < segments; i++) {
      const phi = (2 * Math.PI * (i + 0.5)) / segments;
      const [x, y] = [a * Math.cos(phi), b * Math.sin(phi)];
      if ((y > 0 && Math.abs(x) < 0.14) || (y < 0 && Math.abs(x) < 0.3)) continue;
      const tangent = (Math.atan2(b * Math.cos(phi), -a * Math.sin(phi)) * 180) / Math.PI;
      const length = (Math.PI * (a + b)) / segments;
      shapes.push(ellipsoid('bone', [x, y, level + 0.4 * y], [length * 0.56, 0.018, 0.022], { turn: tangent }));
    }
  }
  return shapes;
}

function head(): S[] {
  const hemisphere = (side: 1 | -1): S =>
    ellipsoid('white', [0.25 * side, -0.02, 0.08], [0.2, 0.62, 0.55], {
      children: [
        ellipsoid('csf', [0.1 * side, -0.06, 0.12], [0.06, 0.28, 0.18], { turn: -12 * side }),
        ellipsoid('gray', [0.14 * side, 0.12, -0.12], [0.06, 0.12, 0.09]),
      ],
    });
  const brain = ellipsoid('gray', [0, 0, 0], [0.64, 0.84, 0.85], {
    children: [
      ...pair(hemisphere),
      ellipsoid('csf', [0, 0.05, -0.08], [0.025, 0.1, 0.08]),
      ellipsoid('white', [0, 0.5, -0.55], [0.32, 0.16, 0.14]),
      ellipsoid('white', [0, 0.2, -0.4], [0.09, 0.1, 0.3]),
    ],
  });
  const skull = ellipsoid('bone', [0, 0, 0], [0.7, 0.9, 0.91], { children: [brain] });
  return [ellipsoid('soft', [0, 0, 0], [0.74, 0.94, 0.95], { children: [skull] })];
}

/** Pulmonary vessels: dots on axial slices, branches on coronal ones. */
function lungVessels(side: 1 | -1): S[] {
  return [-0.12, 0, 0.1].flatMap((dx) =>
    [-0.15, 0.15].flatMap((y) => [0.02, 0.4].map((z) => ellipsoid('blood', [side * (0.4 + dx), y + 0.02, z + dx * 0.3], [0.016, 0.016, 0.2]))),
  );
}

function chest(): S[] {
  const inside: S[] = [
    ...pair((side) =>
      ellipsoid('lung', [0.4 * side, 0.02, 0.22], [0.27, 0.4, 0.74], {
        // The heart bulges into the lower left lung field: the cardiac silhouette of a chest film.
        children: [...lungVessels(side), ...(side === 1 ? [ellipsoid('myocardium', [0.31, -0.06, -0.28], [0.085, 0.16, 0.13])] : [])],
      }),
    ),
    ellipsoid('myocardium', [0.1, -0.14, -0.24], [0.26, 0.22, 0.28], {
      turn: 25,
      children: [ellipsoid('blood', [0.14, -0.12, -0.24], [0.12, 0.1, 0.16], { turn: 25 })],
    }),
    ellipsoid('blood', [0.08, 0.3, 0.1], [0.055, 0.055, 1]),
    ellipsoid('blood', [0, -0.06, 0.42], [0.06, 0.06, 0.28]),
    ellipsoid('air', [0, -0.04, 0.78], [0.055, 0.055, 0.4]),
    ...spine(0.36, -1.2, 1.2, 0.19),
    ...ribs(),
    ...pair((side) => ellipsoid('bone', [0.32 * side, -0.36, 0.93], [0.3, 0.03, 0.03], { turn: 10 * side })),
    ...pair((side) => ellipsoid('bone', [0.56 * side, 0.46, 0.52], [0.17, 0.025, 0.28], { turn: -30 * side })),
    ellipsoid('bone', [0, -0.5, 0.3], [0.05, 0.03, 0.4]),
    ellipsoid('liver', [-0.32, 0, -0.92], [0.45, 0.42, 0.38]),
    ellipsoid('air', [0.36, -0.1, -0.8], [0.12, 0.1, 0.07]),
  ];
  return [ellipsoid('fat', [0, 0, 0], [0.92, 0.62, 1.3], { children: [ellipsoid('soft', [0, 0, 0], [0.86, 0.56, 1.3], { children: inside })] })];
}

function abdomen(): S[] {
  const inside: S[] = [
    ellipsoid('liver', [-0.35, -0.05, 0.55], [0.45, 0.45, 0.5], { children: [ellipsoid('fluid', [-0.3, -0.32, 0.3], [0.08, 0.11, 0.12])] }),
    ellipsoid('spleen', [0.56, 0.22, 0.6], [0.16, 0.2, 0.25]),
    ...pair((side) =>
      ellipsoid('kidney', [0.42 * side, 0.33, 0.05], [0.12, 0.15, 0.3], {
        turn: 20 * side,
        children: [ellipsoid('fluid', [0.37 * side, 0.31, 0.05], [0.035, 0.045, 0.12])],
      }),
    ),
    ellipsoid('blood', [0.07, 0.17, 0], [0.055, 0.055, 1.3]),
    ellipsoid('blood', [-0.1, 0.16, 0.2], [0.06, 0.045, 1.1]),
    ...pair((side) => ellipsoid('muscle', [0.2 * side, 0.38, -0.45], [0.07, 0.08, 0.5])),
    ...[-0.3, 0.3].flatMap((x) =>
      [-0.15, -0.55].map((z) => ellipsoid('bowel', [x, -0.3, z], [0.12, 0.12, 0.14], { children: [ellipsoid('air', [x, -0.34, z], [0.05, 0.05, 0.06])] })),
    ),
    ellipsoid('fluid', [0, -0.28, -1.05], [0.2, 0.18, 0.18]),
    ...pair((side) => ellipsoid('bone', [0.62 * side, 0.28, -0.8], [0.22, 0.05, 0.28], { turn: -40 * side })),
    ...spine(0.42, -1.3, 1.3, 0.21),
  ];
  return [ellipsoid('fat', [0, 0, 0], [0.95, 0.7, 1.4], { children: [ellipsoid('soft', [0, 0, 0], [0.88, 0.62, 1.4], { children: inside })] })];
}

function knee(): S[] {
  const inside: S[] = [
    longBone([0, 0, 0.75], [0.12, 0.12, 0.55]),
    longBone([0, 0.04, 0.05], [0.3, 0.2, 0.13]),
    ellipsoid('cartilage', [0, 0.03, -0.1], [0.27, 0.17, 0.02]),
    longBone([0, 0.02, -0.2], [0.28, 0.2, 0.08]),
    longBone([0, 0.04, -0.8], [0.12, 0.12, 0.5]),
    longBone([0.26, 0.12, -0.75], [0.045, 0.045, 0.45]),
    longBone([0, -0.33, 0.13], [0.12, 0.045, 0.12]),
  ];
  return [ellipsoid('fat', [0, 0, 0], [0.55, 0.5, 1.4], { children: [ellipsoid('muscle', [0, 0.02, 0], [0.49, 0.44, 1.4], { children: inside })] })];
}

function ankle(): S[] {
  const inside: S[] = [
    longBone([0, 0.05, 0.6], [0.12, 0.12, 0.6]),
    longBone([0.25, 0.12, 0.5], [0.045, 0.045, 0.6]),
    longBone([0, 0.05, -0.2], [0.18, 0.22, 0.12]),
    longBone([0, 0.32, -0.5], [0.15, 0.3, 0.15], { tilt: 15 }),
    ...[-0.16, -0.06, 0.04, 0.14].map((x) => longBone([x, -0.45, -0.55], [0.035, 0.28, 0.04], { tilt: -15 })),
  ];
  return [ellipsoid('soft', [0, 0, -0.1], [0.45, 0.9, 1.3], { children: inside })];
}

function wrist(): S[] {
  const inside: S[] = [
    longBone([0.2, 0, 0.6], [0.09, 0.07, 0.55]),
    longBone([-0.2, 0, 0.6], [0.06, 0.05, 0.55]),
    ...[-0.18, -0.06, 0.06, 0.18].flatMap((x) => [longBone([x, 0, -0.08], [0.055, 0.05, 0.06]), longBone([x * 0.9, 0, -0.22], [0.055, 0.05, 0.06])]),
    ...[-0.3, -0.15, 0, 0.15, 0.3].map((x) => longBone([x, 0, -0.62], [0.04, 0.035, 0.3])),
  ];
  return [ellipsoid('soft', [0, 0, 0], [0.55, 0.2, 1.3], { children: inside })];
}

function shoulder(): S[] {
  const inside: S[] = [
    longBone([0.25, 0, 0.25], [0.25, 0.25, 0.25]),
    longBone([0.32, 0, -0.55], [0.11, 0.11, 0.5]),
    ellipsoid('bone', [-0.1, 0.15, 0.2], [0.05, 0.35, 0.45], { turn: 20 }),
    ellipsoid('bone', [0.05, 0.05, 0.65], [0.32, 0.08, 0.06]),
    ellipsoid('bone', [-0.35, -0.25, 0.78], [0.45, 0.05, 0.05], { turn: 10 }),
    ellipsoid('cartilage', [0.02, 0.05, 0.25], [0.02, 0.2, 0.2]),
  ];
  return [ellipsoid('fat', [0, 0, 0], [0.85, 0.65, 1.3], { children: [ellipsoid('muscle', [0, 0, 0], [0.8, 0.6, 1.3], { children: inside })] })];
}

function neck(): S[] {
  const inside: S[] = [
    ellipsoid('air', [0, 0, 0], [0.13, 0.13, 1.3]),
    ...pair((side) => ellipsoid('thyroid', [0.27 * side, -0.04, 0], [0.12, 0.17, 0.4])),
    ellipsoid('thyroid', [0, -0.2, 0], [0.12, 0.035, 0.1]),
    ...pair((side) => ellipsoid('blood', [0.46 * side, 0.05, 0], [0.065, 0.065, 1.3])),
    ...pair((side) => ellipsoid('blood', [0.6 * side, -0.05, 0], [0.06, 0.045, 1.3])),
    ...pair((side) => ellipsoid('muscle', [0.45 * side, -0.32, 0], [0.16, 0.07, 1.3], { turn: 25 * side })),
    ellipsoid('muscle', [-0.04, 0.2, 0], [0.06, 0.05, 1.3]),
    ...spine(0.42, -1.3, 1.3, 0.3),
  ];
  return [ellipsoid('fat', [0, 0, 0], [0.78, 0.65, 1.4], { children: [ellipsoid('soft', [0, 0, 0], [0.72, 0.6, 1.4], { children: inside })] })];
}

/** The heart, for echocardiography: walls of myocardium around four chambers. `beat` ∈ [0, 1]. */
function heart(beat: number): S[] {
  const squeeze = 1 - 0.18 * beat;
  const chamber = (center: Vec3, radii: Vec3, scale: number): S =>
    ellipsoid('blood', center, [radii[0] * scale, radii[1] * scale, radii[2] * scale]);
  const myocardium = ellipsoid('myocardium', [0, 0, 0], [0.58, 0.45, 0.72], {
    children: [
      chamber([0.16, 0.02, -0.12], [0.2, 0.18, 0.4], squeeze),
      chamber([-0.2, -0.05, -0.12], [0.15, 0.14, 0.34], squeeze),
      chamber([0.16, 0.05, 0.42], [0.17, 0.15, 0.17], 1.6 - squeeze * 0.6),
      chamber([-0.2, 0, 0.42], [0.15, 0.14, 0.17], 1.6 - squeeze * 0.6),
    ],
  });
  return [ellipsoid('soft', [0, 0, 0], [0.9, 0.8, 1.2], { children: [myocardium, ...pair((side) => ellipsoid('lung', [0.78 * side, 0.1, 0.3], [0.1, 0.5, 0.6]))] })];
}

/** The region a DICOM Body Part Examined value is drawn as. */
export function regionOf(bodyPart: string): Region {
  const part = bodyPart.toUpperCase();
  if (/HEAD|BRAIN|SKULL/.test(part)) return 'head';
  if (/SPINE/.test(part)) return 'spine';
  if (/HEART|CARD/.test(part)) return 'heart';
  if (/CHEST|THORAX|LUNG/.test(part)) return 'chest';
  if (/KNEE|LEG|FEMUR/.test(part)) return 'knee';
  if (/ANKLE|FOOT/.test(part)) return 'ankle';
  if (/WRIST|HAND|ARM/.test(part)) return 'wrist';
  if (/SHOULDER/.test(part)) return 'shoulder';
  if (/THYROID|NECK/.test(part)) return 'neck';
  return 'abdomen';
}

/** Field of view of a region in millimetres (normalised 2 units span this). */
export const FIELD_OF_VIEW_MM: Readonly<Record<Region, number>> = {
  head: 240, chest: 380, abdomen: 400, spine: 320, knee: 180, ankle: 200, wrist: 140, shoulder: 220, neck: 160, heart: 200,
};

/** The phantom of each region; the spine is imaged through the abdomen's. */
const PHANTOMS: Readonly<Record<Region, (beat: number) => S[]>> = {
  head,
  chest,
  abdomen,
  spine: abdomen,
  knee,
  ankle,
  wrist,
  shoulder,
  neck,
  heart,
};

/** The phantom of a region; `beat` animates the heart (0 = relaxed, 1 = contracted). */
export function phantom(region: Region, beat = 0): S[] {
  return PHANTOMS[region](beat);
}
