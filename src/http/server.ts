import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createRequestContext, type ContextDependencies, type RequestContext } from '../graphql/context.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { parseJsonBody, readBody, RequestBodyError } from './body.js';
import { serveDemoApp } from './demo-app.js';
import { GRAPHIQL_CONTENT_SECURITY_POLICY, graphiqlPage } from './graphiql.js';
import { sendError } from './errors.js';
import { sendJson } from './json.js';
import { InFlightLimit } from './load-shedding.js';
import type { ReadinessResult } from './readiness.js';
import { isRenderedPath, serveRendered } from './rendered.js';
import { isDicomWebProxyPath, serveDicomWeb, type DicomWebProxyOptions } from './dicomweb-proxy.js';
import { isViewerPath, serveViewer, type ViewerOptions } from './viewer.js';
import { attachSubscriptionServer, type SubscriptionServerOptions } from './websocket.js';

/** GraphQL documents are small; persisted queries make them smaller still. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What a request for an unknown path is told exists. */
const ENDPOINTS = ['/graphql', '/healthz', '/readyz', '/metrics', '/dicom/…/rendered', '/dicomweb/v1/{dicomStore}/dicomWeb/…', '/viewer'];

export interface GraphHttpOptions {
  port: number;
  host: string;
  apollo: ApolloServer<RequestContext>;
  context: ContextDependencies;
  metrics: Metrics;
  logger: Logger;
  graphiql: boolean;
  readiness: () => Promise<ReadinessResult>;
  /** Base URL clients reach this server at (behind a proxy); else taken from each request's Host. */
  publicUrl?: string;
  /** The DICOMweb endpoint's settings; read-only, same-origin only when left out. */
  dicomWeb?: DicomWebProxyOptions;
  /** The built-in viewer at `/viewer`; left out, `/viewer` says how to prepare it. */
  viewer?: ViewerOptions;
  /** GraphQL requests worked on at once; more are refused with 503 (`load-shedding.ts`). */
  maxInFlight: number;
  /** Subscriptions over WebSocket on `/graphql` (`websocket.ts`); left out, upgrades are refused. */
  subscriptions?: Omit<SubscriptionServerOptions, 'context' | 'metrics' | 'logger' | 'publicUrl'>;
}

export interface RunningGraphServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The graph's HTTP server: `/graphql` (Apollo, plus GraphiQL for browsers, plus subscriptions over
 * WebSocket), `/healthz`, `/readyz` and `/metrics`. Plain node:http, following Apollo's integration contract
 * (`executeHTTPGraphQLRequest`). Resolves once it listens; when it cannot listen it rejects with
 * Apollo stopped again. `close()` stops Apollo, which drains the HTTP server first.
 */
export async function startGraphServer(options: GraphHttpOptions): Promise<RunningGraphServer> {
  const { apollo, logger } = options;
  const inFlight = new InFlightLimit(options.maxInFlight, () => options.metrics.graphqlShed.inc());
  const server = createServer((request, response) => {
    handle(request, response, options, inFlight).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendError(response, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.destroy();
    });
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server }));
  if (options.subscriptions) {
    const subscriptions = attachSubscriptionServer(server, {
      ...options.subscriptions,
      context: options.context,
      metrics: options.metrics,
      logger,
      publicUrl: (request) => publicUrl(request, options),
    });
    // Upgraded sockets are no longer the HTTP server's to drain: graphql-ws closes them (1001).
    apollo.addPlugin({ serverWillStart: async () => ({ drainServer: () => subscriptions.dispose() }) });
  }
  await apollo.start();
  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    // A started Apollo is a resource too; nothing else holds it when the port is taken.
    await apollo.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () => apollo.stop(),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: GraphHttpOptions, inFlight: InFlightLimit): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/graphql':
      if (wantsGraphiQL(request, url, options)) return sendGraphiQL(request, response);
      return inFlight.serve(response, () => graphql(request, response, url, options));
    case '/demo':
      return serveDemoApp(request, response, options.logger);
    case '/healthz':
      return sendJson(response, 200, { status: 'ok' });
    case '/readyz':
      return sendReadiness(response, await options.readiness());
    case '/metrics':
      return sendMetrics(response, options.metrics);
    default:
      if (isRenderedPath(url.pathname)) return serveRendered(request, response, url, options.context);
      if (isDicomWebProxyPath(url.pathname)) {
        return serveDicomWeb(request, response, url, options.context, options.dicomWeb ?? { write: false, corsOrigins: [] }, publicUrl(request, options));
      }
      if (isViewerPath(url.pathname)) return serveViewer(request, response, url, options.viewer);
      return sendError(response, 'NOT_FOUND', 'not found', { extensions: { endpoints: ENDPOINTS } });
  }
}

function sendReadiness(response: ServerResponse, result: ReadinessResult): void {
  sendJson(response, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'unavailable', detail: result.detail });
}

async function sendMetrics(response: ServerResponse, metrics: Metrics): Promise<void> {
  response.writeHead(200, { 'content-type': metrics.registry.contentType });
  response.end(await metrics.registry.metrics());
}

/** A browser navigating to /graphql (GET, HTML preferred, no query) gets GraphiQL. */
function wantsGraphiQL(request: IncomingMessage, url: URL, options: GraphHttpOptions): boolean {
  return options.graphiql && request.method === 'GET' && !url.searchParams.has('query') && (request.headers.accept ?? '').includes('text/html');
}

async function sendGraphiQL(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const page = await graphiqlPage();
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': GRAPHIQL_CONTENT_SECURITY_POLICY,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(gzip ? page.gzip : page.html);
}

async function graphql(request: IncomingMessage, response: ServerResponse, url: URL, options: GraphHttpOptions): Promise<void> {
  let body: unknown;
  try {
    body = parseJsonBody(await readBody(request, MAX_BODY_BYTES), request.headers['content-type']);
  } catch (error) {
    if (!(error instanceof RequestBodyError)) throw error;
    return sendError(response, 'BAD_USER_INPUT', error.message, { status: error.status });
  }

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body };
  const requestId = headerValue(request.headers['x-request-id']) ?? randomUUID();
  const result = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () => createRequestContext(options.context, { authorization: request.headers.authorization, requestId, publicUrl: publicUrl(request, options), trace: { traceparent: headerText(request.headers.traceparent), tracestate: headerText(request.headers.tracestate) } }),
  });

  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.setHeader('x-request-id', requestId);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The configured public URL, or the one the caller used (a plausible Host header only). */
export function publicUrl(request: IncomingMessage, options: Pick<GraphHttpOptions, 'publicUrl' | 'port' | 'host'>): string {
  if (options.publicUrl) return options.publicUrl;
  const host = request.headers.host;
  if (host && HOST_HEADER.test(host)) return `http://${host}`;
  const address = request.socket.localAddress ?? options.host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${request.socket.localPort ?? options.port}`;
}

/** Only short, printable request ids from clients are echoed and logged. */
function headerValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && /^[\w.:-]{1,128}$/.test(text) ? text : undefined;
}

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
