import { Faker, en, en_US } from '@faker-js/faker';

/**
 * Mixes integers into one 32-bit seed (FNV-1a over the words, then a murmur3 finalizer), so that
 * each patient gets a stream of its own: patient n is the same whatever the cohort's size.
 */
export function deriveSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    // Seeds may be any safe integer: fold the high word in too.
    for (const word of [part >>> 0, Math.floor(part / 2 ** 32) >>> 0]) {
      hash = Math.imul(hash ^ word, 0x01000193);
    }
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The cohort's only source of randomness: a private, reseedable Faker instance (never the global
 * one, which other code may reseed) plus the few distributions the generators need.
 */
export class Rng {
  readonly faker = new Faker({ locale: [en_US, en] });

  /** Restarts the stream; the same seed replays the same values. */
  reseed(seed: number): this {
    this.faker.seed(seed);
    return this;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A real number in [min, max). */
  real(min: number, max: number): number {
    return min + this.faker.number.float() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.faker.number.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return this.faker.helpers.arrayElement(items);
  }

  /** Picks by weight: `[[3, 'a'], [1, 'b']]` gives 'a' three times as often as 'b'; weight 0 never. */
  weighted<T>(choices: ReadonlyArray<readonly [weight: number, value: T]>): T {
    const options = choices.filter(([weight]) => weight > 0).map(([weight, value]) => ({ weight, value }));
    return this.faker.helpers.weightedArrayElement(options);
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.faker.number.float(); // (0, 1], so the log is finite
    const v = this.faker.number.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal number kept within [min, max]. */
  bounded(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** Digits only, any of them may lead: for identifiers such as NPIs and lot numbers. */
  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: true });
  }
}
