import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { beginRequest, type RequestScope, type TrustServices } from '../access/request-scope.js';
import { HealthcareClient, type UpstreamSettings } from '../healthcare/client.js';
import { renderedFrame } from '../healthcare/dicomweb.js';
import { InvalidNameError, parseStoreName } from '../healthcare/names.js';
import type { Logger } from '../observability/logger.js';
import { errorCodeOf, errorHeaders, sendError } from './errors.js';

/** `/dicom/{dicomStore}/dicomWeb/studies/{st}/series/{se}/instances/{in}/frames/{n}/rendered` */
const RENDERED_PATH = /^\/dicom\/(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/dicomStores\/[^/]+)\/dicomWeb\/studies\/([^/]+)\/series\/([^/]+)\/instances\/([^/]+)\/frames\/(\d{1,6})\/rendered$/;

export const isRenderedPath = (pathname: string) => pathname.startsWith('/dicom/');

/** What the image proxy uses of the graph's per-server dependencies. */
export interface ImageProxyDependencies {
  settings: UpstreamSettings;
  trust: TrustServices;
  logger: Logger;
  /** Time one request may spend on upstream calls, retries included. */
  requestDeadlineMs: number;
}

/**
 * The image proxy behind `Instance.renderedUrl`: the same checks as the graph (valid names, UIDs,
 * allow-lists, the caller's token in passthrough mode), then the upstream's rendered frame streamed
 * through. Instances never change, so browsers may cache the image (privately: it is patient data).
 */
export async function serveRendered(request: IncomingMessage, response: ServerResponse, url: URL, deps: ImageProxyDependencies): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 'BAD_USER_INPUT', 'Only GET');
  let scope: RequestScope | undefined;
  let client: HealthcareClient | undefined;
  let failure: string | undefined;
  try {
    const match = RENDERED_PATH.exec(url.pathname);
    if (!match) throw new InvalidNameError('not a rendered-frame path');
    const [, storeName = '', study = '', series = '', instance = '', frame = ''] = match;
    const format = url.searchParams.get('format') ?? 'png';
    if (format !== 'png' && format !== 'jpeg') throw new InvalidNameError('format must be png or jpeg');
    const store = parseStoreName(decodeURIComponent(storeName), 'dicomStores');
    if (Number(frame) < 1) throw new InvalidNameError('frame numbers start at 1');
    scope = await beginRequest(deps.trust, {
      authorization: request.headers.authorization,
      trace: { traceparent: header(request.headers.traceparent), tracestate: header(request.headers.tracestate) },
      requestId: randomUUID(),
      type: 'image',
    });
    const allowed = scope.caller.access.checkStore(store);
    const mediaType = format === 'png' ? 'image/png' : 'image/jpeg';
    client = new HealthcareClient(deps.settings, scope.caller.credentials, { deadline: Date.now() + deps.requestDeadlineMs, observers: scope.observers });
    const upstream = await renderedFrame(client, allowed, { study, series, instance }, Number(frame), mediaType);
    response.writeHead(200, {
      'content-type': upstream.headers.get('content-type') ?? mediaType,
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
  } catch (error) {
    const code = errorCodeOf(error);
    failure = code;
    if (code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error }, 'rendered image failed');
    sendError(response, code, error instanceof Error && code !== 'INTERNAL_SERVER_ERROR' ? error.message : 'Internal server error', { headers: errorHeaders(error) });
  } finally {
    scope?.finish({ operation: 'renderedFrame', errorCodes: failure ? [failure] : [], upstreamCalls: client?.calls ?? 0, spanName: 'GET /dicom/{dicomStore}/…/rendered' });
  }
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
