import fc from 'fast-check';

/** Pieces that mean something to a URL, a FHIR search or a path, glued together in random orders. */
const FRAGMENTS = [
  '/', '//', '.', '..', '%2F', '%2f', '%2e%2e', '%', '%00', '&', '=', '#', '?', ';', ':', ',', '|', '+', '*', '$', '\\',
  ' ', '\n', '\r\n', '\t', '\u0000', '\u2028', 'é', 'Ω', '😀', '\u0301', '\uD800', '\uDC00', 'Patient', 'demo', 'fhir', '_count', 'a',
];

/**
 * Strings a hostile or careless client might send: arbitrary code points (lone surrogates included),
 * URL and search syntax, and very long runs.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Alone, as whole values: a URL parser would resolve them as dot segments.
  fc.constantFrom('', '.', '..', '%2e', '%2e%2e', '.%2E', '../', '/..', '..%2F'),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('a', '/', '%2F', 'é', '..'), fc.integer({ min: 100, max: 20_000 })).map(([unit, count]) => unit.repeat(count)),
);

/** What a string becomes on the wire: UTF-8 cannot carry a lone surrogate, so it arrives as U+FFFD. */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
