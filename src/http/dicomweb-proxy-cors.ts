/**
 * CORS for the DICOMweb proxy: a viewer served from another origin (OHIF on its own host) may call
 * it when its origin is configured (`DICOMWEB_CORS_ORIGINS`). The viewer at `/viewer` is same-origin
 * and needs none. Credentials travel in the Authorization header, never in cookies, so
 * `Access-Control-Allow-Credentials` is never sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a DICOMweb client sends; anything else is not let through a preflight. */
const ALLOWED_HEADERS = 'authorization, accept, content-type, x-request-id';
/** Response headers a viewer reads (Content-Type carries the multipart boundary and transfer syntax). */
const EXPOSED_HEADERS = 'content-type, content-length, content-location, warning, x-request-id';

/** The configured origins, or `*` for any; empty means same-origin only. */
export type CorsOrigins = readonly string[] | '*';

function allowedOrigin(request: IncomingMessage, origins: CorsOrigins): string | undefined {
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  return origins === '*' || origins.includes(origin) ? origin : undefined;
}

/** Adds the CORS headers of an actual request from an allowed origin. */
export function setCorsHeaders(request: IncomingMessage, response: ServerResponse, origins: CorsOrigins): void {
  response.setHeader('vary', 'origin');
  const origin = allowedOrigin(request, origins);
  if (origin === undefined) return;
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Answers a preflight: 204 with the allowed methods for an allowed origin, 403 otherwise. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse, origins: CorsOrigins, methods: readonly string[]): void {
  const origin = allowedOrigin(request, origins);
  response.setHeader('vary', 'origin');
  if (origin === undefined) {
    response.writeHead(403).end();
    return;
  }
  response.writeHead(204, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': methods.join(', '),
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
  }).end();
}
