/** Parsers of the DICOMweb endpoint's and viewer links' variables (options.ts documents them). */

/** `*`, or http(s) origins without path. */
export function parseCorsOrigins(value: string): readonly string[] | '*' {
  if (value.trim() === '*') return '*';
  const origins = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      throw new Error(`${JSON.stringify(origin.slice(0, 100))} is not an origin such as https://viewer.example.com (scheme, host and port only)`);
    }
  }
  if (origins.length === 0) throw new Error('expected * or comma-separated origins');
  return [...new Set(origins)];
}

/** Placeholders a viewer URL template may hold. */
export const VIEWER_PLACEHOLDERS = ['study', 'series', 'dicomStore', 'dicomWebRoot'] as const;

/** A template with `{study}`; `off` (no links) is `null`. */
export function parseViewerUrlTemplate(value: string): string | null {
  if (value.trim() === 'off') return null;
  if (!value.includes('{study}')) throw new Error('expected a template with {study}');
  const unknown = [...value.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!).find((name) => !(VIEWER_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new Error(`unknown placeholder {${unknown}}; known: ${VIEWER_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`);
  if (!value.startsWith('/') && !/^https?:\/\//.test(value)) throw new Error('expected an http(s) URL or a path starting with /');
  return value;
}
