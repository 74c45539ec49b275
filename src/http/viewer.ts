/**
 * The built-in viewer at `/viewer`: OHIF's published build (`npm run viewer:prepare` puts it in
 * `VIEWER_DIR`), with an app-config that points OHIF's DICOMweb data source at this server's own
 * DICOMweb endpoint. Unprepared, `/viewer` answers with how to prepare it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendError } from './errors.js';
import { viewerAppConfig } from './viewer-config.js';

export const VIEWER_PREFIX = '/viewer';

export const isViewerPath = (pathname: string) => pathname === VIEWER_PREFIX || pathname.startsWith(`${VIEWER_PREFIX}/`);

export interface ViewerOptions {
  /** The prepared build (the folder holding OHIF's `index.html`). */
  dir: string;
  /** The DICOM store the viewer opens without a `?store=` parameter. */
  defaultStore?: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonc': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.webapp': 'application/json',
};

/** Bundles carry a content hash in their names; everything else may change with a new build. */
const HASHED = /\.[0-9a-f]{16}\.(?:js|wasm)$|^[0-9a-f]{16}\.wasm$/;

/** Serves the viewer's files; paths without a file (OHIF's routes) get its index.html. */
export async function serveViewer(request: IncomingMessage, response: ServerResponse, url: URL, options: ViewerOptions | undefined): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 'BAD_USER_INPUT', 'Only GET', { status: 405 });
  if (options === undefined) return sendUnprepared(response);
  if (url.pathname === VIEWER_PREFIX) {
    response.writeHead(308, { location: `${VIEWER_PREFIX}/${url.search}` }).end();
    return;
  }
  const relative = decodeURIComponent(url.pathname.slice(VIEWER_PREFIX.length + 1));
  if (relative === 'app-config.js') {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.js']!, 'cache-control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : viewerAppConfig({ basePath: VIEWER_PREFIX, defaultStore: options.defaultStore }));
    return;
  }
  const file = normalize(join(options.dir, relative));
  const inside = file.startsWith(options.dir.endsWith(sep) ? options.dir : `${options.dir}${sep}`);
  const found = inside && extname(file) !== '' ? await stat(file).catch(() => undefined) : undefined;
  if (found?.isFile()) return sendFile(request, response, file, found.size, HASHED.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (extname(relative) !== '') return sendError(response, 'NOT_FOUND', 'not found');
  const index = join(options.dir, 'index.html');
  const page = await stat(index).catch(() => undefined);
  if (!page?.isFile()) return sendUnprepared(response);
  return sendFile(request, response, index, page.size, 'no-cache');
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string, size: number, cacheControl: string): void {
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

function sendUnprepared(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  // What the README's "Open studies in a viewer" says, for whoever followed a viewer link here.
  response.end(`<!doctype html><meta charset="utf-8"><title>Viewer not prepared</title>
<h1>The built-in viewer is not prepared</h1>
<p>This server serves OHIF's published build at <code>/viewer</code> once it is downloaded (about 50 MB, not part of
<code>npm ci</code>): run <code>npm run viewer:prepare</code>, then restart <code>npm start</code>. See "Open studies in a viewer"
in the README, which also shows how to point an OHIF of your own at this server's DICOMweb endpoint.</p>`);
}
