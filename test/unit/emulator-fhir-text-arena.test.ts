/** Where a FHIR store keeps its resource texts (`src/emulator/fhir/text-arena.ts`). */

import { describe, expect, it } from '@jest/globals';
import { TextArena, textAt } from '../../src/emulator/fhir/text-arena.js';

describe('TextArena', () => {
  it('gives back every text appended, non-ASCII and larger than a buffer too', () => {
    const arena = new TextArena();
    const texts = ['{"a":1}', '{"name":"Müller – 東京"}', 'x'.repeat(5 << 20), '{"b":2}'];
    const spans = texts.map((text) => {
      const size = Buffer.byteLength(text);
      const offset = arena.append(text, size);
      return { chunk: arena.chunk, offset, size };
    });
    expect(spans.map(({ chunk, offset, size }) => textAt(chunk, offset, size))).toEqual(texts);
    // The large text got a buffer of its own; the next one started another.
    expect(spans[2]?.offset).toBe(0);
    expect(spans[3]?.chunk).not.toBe(spans[2]?.chunk);
    expect(spans[1]?.chunk).toBe(spans[0]?.chunk);
  });
});
