/**
 * What makes two versions of a FHIR resource "the same content": everything but the version
 * stamps (`meta.versionId`, `meta.lastUpdated`), whatever the order of object keys. Shared by the
 * emulator (an import does not rewrite an unchanged resource) and the graph (a versioned update
 * whose answer was lost is recognised as applied).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] as Json)}`).join(',')}}`;
}

/** A string equal for two resources exactly when their content (stamps aside) is equal. */
export function contentKey(resource: object): string {
  const { meta, ...rest } = resource as { meta?: unknown; [key: string]: unknown };
  const out = rest as { [key: string]: Json };
  if (isObject(meta)) {
    const { versionId: _version, lastUpdated: _updated, ...kept } = meta;
    if (Object.keys(kept).length > 0) out['meta'] = kept;
  }
  return canonical(out);
}
