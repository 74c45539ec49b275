import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { renderedFrame } from '../healthcare/dicomweb.js';
import { InvalidNameError, parseStoreName, type StoreName } from '../healthcare/names.js';
import { errorCodeOf, errorHeaders, sendError } from './errors.js';
import { serveUpstreamRequest, type UpstreamEndpointDependencies } from './upstream-request.js';

/** `/dicom/{dicomStore}/dicomWeb/studies/{st}/series/{se}/instances/{in}/frames/{n}/rendered` */
const RENDERED_PATH = /^\/dicom\/(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/dicomStores\/[^/]+)\/dicomWeb\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)\/frames\/(\d{1,6})\/rendered$/;

export const isRenderedPath = (pathname: string) => pathname.startsWith('/dicom/');


/**
 * The image proxy behind `Instance.renderedUrl`: the same checks as the graph (valid names, UIDs,
 * allow-lists, the caller's token in passthrough mode), then the upstream's rendered frame streamed
 * through. Instances never change, so browsers may cache the image (privately: it is patient data).
 */
export async function serveRendered(request: IncomingMessage, response: ServerResponse, url: URL, deps: UpstreamEndpointDependencies): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 'BAD_USER_INPUT', 'Only GET');
  const sendFailure = (error: unknown) => {
    const code = errorCodeOf(error);
    if (code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error }, 'rendered image failed');
    sendError(response, code, error instanceof Error && code !== 'INTERNAL_SERVER_ERROR' ? error.message : 'Internal server error', { headers: errorHeaders(error) });
  };
  let frame: { store: StoreName<'dicomStores'>; uids: { study: string; series: string; instance: string }; number: number; mediaType: 'image/png' | 'image/jpeg' };
  try {
    frame = parseRenderedPath(url);
  } catch (error) {
    return sendFailure(error);
  }
  const entry = { type: 'image', operation: 'renderedFrame', spanName: 'GET /dicom/{dicomStore}/…/rendered' };
  await serveUpstreamRequest(request, response, deps, entry, async ({ access, client }) => {
    const store = access.checkStore(frame.store);
    const upstream = await renderedFrame(client(), store, frame.uids, frame.number, frame.mediaType);
    response.writeHead(200, {
      'content-type': upstream.headers.get('content-type') ?? frame.mediaType,
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
      // fetch hands over the decoded body, so an encoded body's length would cut it short.
      ...(upstream.headers.get('content-length') && !upstream.headers.has('content-encoding') ? { 'content-length': upstream.headers.get('content-length')! } : {}),
    });
    if (request.method === 'HEAD' || !upstream.body) {
      response.end();
      await upstream.body?.cancel();
      return;
    }
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(response);
  }, sendFailure);
}

/** The frame a rendered-image path names; an invalid one throws before anything else is done. */
function parseRenderedPath(url: URL) {
  const match = RENDERED_PATH.exec(url.pathname);
  if (!match) throw new InvalidNameError('not a rendered-frame path');
  const [, storeName = '', study = '', series = '', instance = '', frame = ''] = match;
  const format = url.searchParams.get('format') ?? 'png';
  if (format !== 'png' && format !== 'jpeg') throw new InvalidNameError('format must be png or jpeg');
  const store = parseStoreName(decodeURIComponent(storeName), 'dicomStores');
  if (Number(frame) < 1) throw new InvalidNameError('frame numbers start at 1');
  return { store, uids: { study, series, instance }, number: Number(frame), mediaType: format === 'png' ? 'image/png' as const : 'image/jpeg' as const };
}
