/**
 * Cloud Storage, emulated by a folder: `gs://bucket/path/to/object` is the file
 * `{root}/bucket/path/to/object`. Import sources take Google's wildcards (`*` within one folder,
 * `?` one character, `**` anything, only at the end); export destinations are `gs://bucket/dir`
 * prefixes. Nothing outside the root is ever read or written: names with `.`/`..` segments,
 * backslashes or NUL are refused before any file is touched.
 */

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invalidArgument } from './errors.js';

/** Google's bucket name rule (3-63 of lowercase letters, digits, `-`, `_`, `.`). */
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

/** A `gs://` URI split into bucket and object name (the object part may be empty or end in `/`). */
export interface GcsUri {
  readonly bucket: string;
  readonly object: string;
}

/** One object a source pattern matched. */
export interface GcsObject {
  /** `gs://bucket/object`. */
  readonly uri: string;
  /** The file that holds it. */
  readonly file: string;
}

/** Parses `gs://bucket/object`, refusing anything that could name a file outside the bucket's folder. */
export function parseGcsUri(uri: string, field: string): GcsUri {
  const match = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (match === null) throw invalidArgument(`${field} must be a Cloud Storage URI gs://{bucket}/{path}; got "${uri.slice(0, 200)}".`);
  const bucket = match[1] ?? '';
  const object = match[2] ?? '';
  if (!BUCKET.test(bucket)) throw invalidArgument(`${field}: "${bucket.slice(0, 100)}" is not a valid bucket name.`);
  if (/[\\\0]/.test(object) || object.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw invalidArgument(`${field}: object names with "." or ".." segments, backslashes or NUL are not allowed.`);
  }
  return { bucket, object };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/**
 * The regular expression of an import source's object pattern, with Google's rules: `**` only as
 * the last wildcard with nothing but an extension after it, and then no other wildcard.
 */
export function objectPattern(object: string, field: string): RegExp {
  const doubleStar = object.indexOf('**');
  if (doubleStar >= 0) {
    const before = object.slice(0, doubleStar);
    const after = object.slice(doubleStar + 2);
    if (/[*?]/.test(before) || /[*?/]/.test(after)) {
      throw invalidArgument(`${field}: "**" must be the only wildcard and come last (an extension such as "**.ndjson" may follow it).`);
    }
    return new RegExp(`^${escapeRegExp(before)}.*${escapeRegExp(after)}$`, 's');
  }
  let source = '';
  for (const char of object) source += char === '*' ? '[^/]*' : char === '?' ? '[^/]' : escapeRegExp(char);
  return new RegExp(`^${source}$`, 's');
}

/** Files below `dir`, as object names relative to `base` with `/` separators. */
async function filesBelow(dir: string, base: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesBelow(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** The object `name` below a destination prefix, a `/` between them as Google adds one. */
export function objectUnder(prefix: GcsUri, name: string): GcsUri {
  const object = `${prefix.object.replace(/\/?$/, '/')}${name}`.replace(/^\//, '');
  return parseGcsUri(`gs://${prefix.bucket}/${object}`, 'object name');
}

/** The emulated Cloud Storage: a folder with one sub-folder per bucket. */
export class GcsFolder {
  private constructor(
    /** Absolute path of the folder. */
    readonly root: string,
    private readonly temporary: boolean,
  ) {}

  /**
   * Opens the folder `dir`; without one, a folder under `dataDir` when the emulator persists, else
   * a temporary folder removed by `close`.
   */
  static async open(dir: string | undefined, dataDir: string | undefined): Promise<GcsFolder> {
    if (dir !== undefined || dataDir !== undefined) {
      const root = path.resolve(dir ?? path.join(dataDir as string, 'gcs'));
      await mkdir(root, { recursive: true });
      return new GcsFolder(root, false);
    }
    return new GcsFolder(await mkdtemp(path.join(tmpdir(), 'healthcare-emulator-gcs-')), true);
  }

  /** The file of an object (or folder) name, inside the root by construction of `parseGcsUri`. */
  fileOf(uri: GcsUri): string {
    return path.join(this.root, uri.bucket, ...uri.object.split('/').filter((segment) => segment !== ''));
  }

  /** The objects an import source (`gcsSource.uri`) matches, in name order. */
  async match(uri: string, field = 'gcsSource.uri'): Promise<GcsObject[]> {
    const parsed = parseGcsUri(uri, field);
    const pattern = objectPattern(parsed.object, field);
    // Walk only below the literal folder prefix of the pattern.
    const literal = parsed.object.slice(0, parsed.object.search(/[*?]|$/));
    const folder = literal.slice(0, literal.lastIndexOf('/') + 1);
    const bucketDir = this.fileOf({ bucket: parsed.bucket, object: '' });
    const names = await filesBelow(this.fileOf({ bucket: parsed.bucket, object: folder }), bucketDir);
    return names
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => ({ uri: `gs://${parsed.bucket}/${name}`, file: path.join(bucketDir, ...name.split('/')) }));
  }

  /** Reads an object's bytes. */
  read(object: GcsObject): Promise<Buffer> {
    return readFile(object.file);
  }

  /**
   * Writes an object below an export destination (`uriPrefix`, a `/` appended when missing) and
   * returns its URI. The bucket folder is created when missing: the emulator has no bucket admin.
   */
  async write(prefix: GcsUri, name: string, bytes: Uint8Array | string): Promise<string> {
    const target = objectUnder(prefix, name);
    const file = this.fileOf(target);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return `gs://${target.bucket}/${target.object}`;
  }

  /** Removes a temporary folder; a configured one stays. */
  async close(): Promise<void> {
    if (this.temporary) await rm(this.root, { recursive: true, force: true });
  }
}
