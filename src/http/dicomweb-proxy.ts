/**
 * The graph as a DICOMweb server for viewers: `/dicomweb/v1/{dicomStore}/dicomWeb/...`, Google's
 * path after its API root, so OHIF (or any DICOMweb client) configured for Google works by changing
 * the host. Each request is admitted as a GraphQL request is (`serveUpstreamRequest`: credentials,
 * rate limit, audit, trace; the store through the caller's access policy) before any upstream call, then
 * the upstream's answer streams through: status, Content-Type (multipart boundary, transfer syntax)
 * and body, with the upstream's own links rewritten to point here. Read-only unless
 * `DICOMWEB_PROXY_WRITE` lets STOW-RS through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Transform, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { httpStatusOf } from '../errors.js';
import { dicomWebResource, type DicomJson, type DicomWebAnswer } from '../healthcare/dicomweb.js';
import { UpstreamError } from '../healthcare/errors.js';
import { storeResourceName } from '../healthcare/names.js';
import { answerPreflight, setCorsHeaders, type CorsOrigins } from './dicomweb-proxy-cors.js';
import { carriesLinks, replaceInStream } from './dicomweb-proxy-links.js';
import { DICOMWEB_PROXY_PREFIX, parseDicomWebPath, type DicomWebResourcePath } from './dicomweb-proxy-paths.js';
import { errorCodeOf, errorHeaders, sendError } from './errors.js';
import { serveUpstreamRequest, type UpstreamEndpointDependencies } from './upstream-request.js';

export { DICOMWEB_PROXY_PREFIX } from './dicomweb-proxy-paths.js';

export const isDicomWebProxyPath = (pathname: string) => pathname.startsWith(DICOMWEB_PROXY_PREFIX);

/** The endpoint's own settings. */
export interface DicomWebProxyOptions {
  /** `DICOMWEB_PROXY_WRITE`: STOW-RS allowed. */
  write: boolean;
  /** `DICOMWEB_CORS_ORIGINS`. */
  corsOrigins: CorsOrigins;
}

/** Upstream headers passed on to the viewer besides Content-Type. */
const PASSED_HEADERS = ['content-location', 'warning', 'etag', 'last-modified'];

/** Answers one request below {@link DICOMWEB_PROXY_PREFIX}. `baseUrl` is this server's public URL. */
export async function serveDicomWeb(request: IncomingMessage, response: ServerResponse, url: URL, deps: UpstreamEndpointDependencies, options: DicomWebProxyOptions, baseUrl: string): Promise<void> {
  const methods = options.write ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
  if (request.method === 'OPTIONS') return answerPreflight(request, response, options.corsOrigins, methods);
  setCorsHeaders(request, response, options.corsOrigins);
  const method = request.method ?? 'GET';
  if (!methods.includes(method)) {
    response.setHeader('allow', methods.join(', '));
    const why = method === 'POST' ? 'STOW-RS is off on this server (DICOMWEB_PROXY_WRITE)' : `Only ${methods.join(', ')}`;
    return sendError(response, method === 'POST' ? 'FORBIDDEN' : 'BAD_USER_INPUT', why, { status: method === 'POST' ? 403 : 405 });
  }
  let resource: DicomWebResourcePath;
  try {
    resource = parseDicomWebPath(url.pathname, method);
  } catch (error) {
    return sendProxyError(response, error, deps);
  }
  const entry = { type: 'dicomweb', operation: `dicomweb.${resource.action}`, spanName: `${method} /dicomweb/v1/{dicomStore}/dicomWeb/…` };
  await serveUpstreamRequest(request, response, deps, entry, async ({ access, client }) => {
    const store = access.storeNamed('dicomStores', resource.storeName);
    const stow = resource.action === 'store';
    const answer = await dicomWebResource(client(stow ? deps.settings.timeoutMs : undefined), store, resource.segments, [...url.searchParams], {
      method: stow ? 'POST' : 'GET',
      accept: headerText(request.headers.accept) ?? '*/*',
      ...(stow ? { upload: { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, contentType: headerText(request.headers['content-type']) ?? 'application/dicom' } } : {}),
    });
    response.setHeader('x-dicomweb-store', storeResourceName(store));
    await streamAnswer(request, response, answer, resource, `${baseUrl}${DICOMWEB_PROXY_PREFIX}${resource.storeName}/dicomWeb`);
  }, (error) => sendProxyError(response, error, deps));
}

/** The upstream's answer, passed on; a broken stream ends the response (its status is already sent). */
async function streamAnswer(request: IncomingMessage, response: ServerResponse, answer: DicomWebAnswer, resource: DicomWebResourcePath, proxyRoot: string): Promise<void> {
  const upstream = answer.response;
  const contentType = upstream.headers.get('content-type');
  const rewrite = carriesLinks(contentType);
  const headers: Record<string, string> = {
    'cache-control': resource.immutable ? 'private, max-age=86400, immutable' : 'private, no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (contentType !== null) headers['content-type'] = contentType;
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  // fetch hands over the decoded body, and rewritten links change its length: only a body passed
  // on byte for byte keeps the upstream's Content-Length.
  const length = upstream.headers.get('content-length');
  if (length !== null && !rewrite && !upstream.headers.has('content-encoding')) headers['content-length'] = length;

  if (answer.recheck !== undefined && upstream.status === 200) {
    // A search whose match key went as a wildcard (Orthanc) is filtered whole; searches are capped small.
    const rows = answer.recheck(JSON.parse(await upstream.text()) as DicomJson[]);
    const body = JSON.stringify(rows).split(answer.upstreamRoot).join(proxyRoot);
    response.writeHead(rows.length === 0 ? 204 : 200, headers);
    response.end(rows.length === 0 || request.method === 'HEAD' ? undefined : body);
    return;
  }
  response.writeHead(upstream.status, headers);
  if (request.method === 'HEAD' || upstream.body === null) {
    response.end();
    await upstream.body?.cancel();
    return;
  }
  const stages: (Readable | Duplex)[] = [Readable.fromWeb(upstream.body as WebReadableStream)];
  if (rewrite) stages.push(replaceInStream(answer.upstreamRoot, proxyRoot));
  try {
    await pipeline([...stages, response] as unknown as [Readable, Transform, ServerResponse]);
  } catch {
    // The viewer went away, or the upstream broke off: nothing more can be said on this response.
    response.destroy();
  }
}

/**
 * Errors as the graph's plain-HTTP answers, with the upstream's own status where there was one
 * (a viewer tells 404 from 403 from 429), never a 200.
 */
function sendProxyError(response: ServerResponse, error: unknown, deps: UpstreamEndpointDependencies): void {
  const code = errorCodeOf(error);
  if (code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error }, 'DICOMweb proxy request failed');
  const upstreamStatus = error instanceof UpstreamError && error.status >= 400 ? error.status : undefined;
  const message = error instanceof Error && code !== 'INTERNAL_SERVER_ERROR' ? error.message : 'Internal server error';
  sendError(response, code, message, { status: upstreamStatus ?? httpStatusOf(code), headers: errorHeaders(error) });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
