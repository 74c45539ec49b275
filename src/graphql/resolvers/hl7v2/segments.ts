/**
 * Reading Google's `parsedData` for the graph: positions in key order, and header fields whose key
 * depends on the store's parser version (V1 shifts MSH keys down by one).
 */
import type { Hl7V2Message, Hl7V2Segment } from '../../../healthcare/hl7v2.js';

/** A key such as `3[0].4.2` as numbers for sorting: field, repetition, component, subcomponent. */
function position(key: string): number[] {
  const m = /^(\d+)(?:\[(\d+)\])?(?:\.(\d+))?(?:\.(\d+))?$/.exec(key);
  if (m === null) return [Number.MAX_SAFE_INTEGER];
  return [Number(m[1]), Number(m[2] ?? -1), Number(m[3] ?? 0), Number(m[4] ?? 0)];
}

function comparePositions(a: string, b: string): number {
  const x = position(a);
  const y = position(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A segment's values as `{index, value}` in position order. */
export function orderedFields(segment: Hl7V2Segment): { index: string; value: string }[] {
  return Object.entries(segment.fields ?? {})
    .sort(([a], [b]) => comparePositions(a, b))
    .map(([index, value]) => ({ index, value }));
}

/**
 * A value of MSH by its HL7 field number. V1 stores leave MSH-1 out, so their key 1 is MSH-2 (the
 * 4–5 encoding characters); V2 and V3 keep MSH-1 (one character) there. That tells the numbering
 * apart without reading the store's configuration.
 */
export function headerValue(message: Hl7V2Message, field: number, component?: number): string | null {
  const msh = message.parsedData?.segments?.find((segment) => segment.segmentId === 'MSH');
  const fields = msh?.fields;
  if (fields === undefined) return null;
  const key = String((fields['1'] ?? '').length === 1 ? field : field - 1);
  if (component === undefined) return fields[key] ?? fields[`${key}.1`] ?? null;
  return fields[`${key}.${component}`] ?? (component === 1 ? (fields[key] ?? null) : null);
}
