/**
 * Seeded randomness for the demo images, so the same plan always yields the same pixels. Built
 * from shifts and a lookup table rather than `Math` calls, which run for every pixel.
 */

import { createHash } from 'node:crypto';

/** A uniform [0, 1) generator (xorshift32) seeded from a string. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Standard normal values drawn once (Marsaglia's polar method); images index into them. */
const NORMALS: Float64Array = (() => {
  const random = seededRandom('normals');
  const table = new Float64Array(8192);
  for (let i = 0; i < table.length; ) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) table[i++] = u * Math.sqrt((-2 * Math.log(s)) / s);
  }
  return table;
})();

/** A standard normal draw. */
export function gaussian(random: () => number): number {
  return NORMALS[(random() * NORMALS.length) | 0] ?? 0;
}
