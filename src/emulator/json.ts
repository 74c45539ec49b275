/** JSON value types and the proto3-JSON conventions Google's REST surface follows. */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field names whose values are proto maps: an empty map is omitted, an empty message is not. */
const MAP_FIELDS = new Set(['labels']);

/**
 * Drops the values proto3 JSON leaves out: `false`, `0`, `""`, enum zero values
 * (`*_UNSPECIFIED`), empty lists and empty maps. Empty messages stay (`{}`), because a set
 * message field has presence and Google echoes it.
 */
export function omitDefaults(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const v = normalize(raw);
    if (v === undefined) continue;
    if (MAP_FIELDS.has(key) && isJsonObject(v) && Object.keys(v).length === 0) continue;
    out[key] = v;
  }
  return out;
}

function normalize(value: JsonValue): JsonValue | undefined {
  if (value === null || value === false || value === 0 || value === '') return undefined;
  if (typeof value === 'string' && value.endsWith('_UNSPECIFIED')) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => (isJsonObject(item) ? omitDefaults(item) : item));
    return items.length === 0 ? undefined : items;
  }
  if (isJsonObject(value)) return omitDefaults(value);
  return value;
}

/** Renders a count as proto3 JSON renders int64: a decimal string. */
export function int64(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(Math.trunc(value));
}
