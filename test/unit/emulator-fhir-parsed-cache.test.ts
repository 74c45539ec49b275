/** The bounded cache of parsed resource texts (`parsed-cache.ts`). */

import { describe, expect, it } from '@jest/globals';
import { ParsedCache } from '../../src/emulator/fhir/parsed-cache.js';

const owner = (n: number) => ({ n });
const text = (n: number) => JSON.stringify({ resourceType: 'Patient', id: `p${n}` });

describe('ParsedCache', () => {
  it('parses a text once while it stays cached', () => {
    const cache = new ParsedCache<object>(4);
    const a = owner(1);
    const first = cache.get(a, text(1));
    expect(first).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(cache.get(a, text(1))).toBe(first);
  });

  it('keeps at most two generations and lets the ones read again survive the turnover', () => {
    const cache = new ParsedCache<object>(3);
    const owners = Array.from({ length: 10 }, (_, n) => owner(n));
    const hot = owners[0]!;
    const hotValue = cache.get(hot, text(0));
    for (let n = 1; n < owners.length; n++) {
      cache.get(owners[n]!, text(n));
      expect(cache.get(hot, text(0))).toBe(hotValue);
      expect(cache.size).toBeLessThanOrEqual(6);
    }
    // A cold owner read long ago is parsed afresh: an equal object, not the same one.
    const cold = owners[1]!;
    const again = cache.get(cold, text(1));
    expect(again).toEqual({ resourceType: 'Patient', id: 'p1' });
  });

  it('answers different owners with their own objects even for equal texts', () => {
    const cache = new ParsedCache<object>(8);
    const a = cache.get(owner(1), text(1));
    const b = cache.get(owner(2), text(1));
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });

  it('refuses a generation size that is not a positive integer', () => {
    expect(() => new ParsedCache(0)).toThrow(RangeError);
    expect(() => new ParsedCache(1.5)).toThrow(RangeError);
  });
});
