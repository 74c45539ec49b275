/**
 * Checks of the Cloud Storage URIs the bulk mutations take, before any upstream call: `gs://`,
 * a valid bucket, no `.`/`..` segments (with the emulator's folder they would leave it), and
 * Google's wildcard rules for import sources (`*`, `?`, and `**` only last).
 */
import { badUserInput } from '../../../errors.js';

const URI = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,61}[a-z0-9])(?:\/(.*))?$/s;
const MAX_LENGTH = 1024;

function checked(uri: string, field: string): string {
  const match = uri.length <= MAX_LENGTH ? URI.exec(uri) : null;
  if (match === null) throw badUserInput(`${field} must be a Cloud Storage URI gs://{bucket}/{path} with a valid bucket name`);
  const object = match[2] ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f]/.test(object) || object.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw badUserInput(`${field} must not contain "." or ".." segments, backslashes or control characters`);
  }
  return object;
}

/** An import source: wildcards `*` and `?` anywhere in the object name, `**` only as the last wildcard. */
export function gcsSourceUri(uri: string, field = 'gcsUri'): string {
  const object = checked(uri, field);
  const doubleStar = object.indexOf('**');
  if (doubleStar >= 0 && (/[*?]/.test(object.slice(0, doubleStar)) || /[*?/]/.test(object.slice(doubleStar + 2)))) {
    throw badUserInput(`${field}: "**" must be the only wildcard and come last (an extension such as "**.ndjson" may follow it)`);
  }
  return uri;
}

/** An export destination folder: no wildcards. */
export function gcsUriPrefix(uri: string, field = 'gcsUriPrefix'): string {
  if (/[*?]/.test(checked(uri, field))) throw badUserInput(`${field} names a folder: it takes no wildcards`);
  return uri;
}
