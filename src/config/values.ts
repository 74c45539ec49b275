/**
 * Parsers for the values of single variables. Each throws a plain `Error` whose message says what is
 * wrong; `parsedWith` turns it into a `ConfigError` naming the variable.
 */

/** Google's production API root. */
export const GOOGLE_API_URL = 'https://healthcare.googleapis.com/v1';

/** `HEALTHCARE_API_URL`: a plain http(s) root ending with the API version, without a trailing slash. */
export function parseApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${JSON.stringify(value)} is not a URL; expected e.g. ${GOOGLE_API_URL}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(`${JSON.stringify(value)} must be a plain http(s) URL without query, fragment or credentials`);
  }
  const root = url.href.replace(/\/+$/, '');
  if (!root.endsWith('/v1')) throw new Error(`${JSON.stringify(value)} must end with the API version, /v1`);
  return root;
}

/** `PUBLIC_URL`: an http(s) base URL without a trailing slash. */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${JSON.stringify(value)} is not a URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') throw new Error('expected an http(s) URL without query or fragment');
  return url.href.replace(/\/+$/, '');
}

/** `REDIS_URL`. */
export function parseRedisUrl(value: string): string {
  if (!/^rediss?:\/\/[^\s]+$/.test(value)) throw new Error('expected a redis:// or rediss:// URL');
  return value;
}

/** `CURSOR_SECRET`. */
export function parseSecret(value: string): string {
  // The value itself is never echoed: it is a secret.
  if (value.length < 32) throw new Error(`expected at least 32 characters, got ${value.length}`);
  return value;
}
