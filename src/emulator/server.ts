/**
 * The Cloud Healthcare API emulator's HTTP server: routing, Google error envelopes, injected
 * latency and faults, and lifecycle. Plain `node:http`; imports nothing from the graph side.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminModule } from './admin.js';
import { bulkModule } from './bulk/index.js';
import { deidentifyModule } from './deid/index.js';
import { dicomWebModule } from './dicom/index.js';
import { FAULT_CONTROL_PREFIX, faultControlModule } from './fault-control.js';
import { fhirModule } from './fhir/index.js';
import { hl7v2Module } from './hl7v2/index.js';
import { emptyDicomDataPlane, emptyFhirDataPlane, emptyHl7V2DataPlane } from './dataplanes.js';
import { ApiError, internalError, invalidArgument } from './errors.js';
import { FaultInjector, type FaultRule, type LatencyRange } from './faults.js';
import { GcsFolder } from './gcs.js';
import { guardRoute } from './iam/guard.js';
import { Iam } from './iam/iam.js';
import type { Principals } from './iam/principals.js';
import { iamModule } from './iam/routes.js';
import type { EmulatorModule, EmulatorServices } from './module.js';
import { Operations } from './operations.js';
import { errorReply, htmlNotFoundReply, replyBytes, type Reply } from './reply.js';
import {
  BodyTooLargeError,
  bindQuery,
  DEFAULT_MAX_BODY_BYTES,
  parseJsonObject,
  readBodyBytes,
  type EmulatorRequest,
} from './request.js';
import { Router, type RouteMatch } from './router.js';
import { EmulatorState, type DataPlaneFactories } from './state.js';

export type { FaultRule, LatencyRange } from './faults.js';
export type { EmulatorModule, EmulatorRoute, EmulatorServices } from './module.js';
export type { Principals } from './iam/principals.js';

/** Where the emulator reports problems that are not answers to a request. */
export interface EmulatorLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** How long the emulator keeps an idle connection open. */
const KEEP_ALIVE_MS = 30_000;

export interface EmulatorOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Persist state under this folder; undefined = memory only. */
  dataDir?: string;
  /**
   * The folder that emulates Cloud Storage for imports and exports (`gs://b/o` = `{gcsDir}/b/o`).
   * Default: `{dataDir}/gcs` when persisting, else a temporary folder removed on close.
   */
  gcsDir?: string;
  /** Added before every response (uniform in range). */
  latency?: LatencyRange;
  /** Applied in order; the first matching rule whose random draw hits wins. */
  faults?: FaultRule[];
  /** Uniform [0, 1) source for fault draws and latency; `Math.random` by default (tests pin it). */
  random?: () => number;
  /** Defaults to the console. */
  logger?: EmulatorLogger;
  /**
   * Modules added after the built-in ones. Their routes are tried after the built-in routes; a
   * data-plane factory they supply replaces the built-in one.
   */
  modules?: EmulatorModule[];
  /**
   * Turns on Cloud IAM: requests need `Authorization: Bearer <token>` with a token listed here
   * and the permission their method needs (admins hold all). Unset = everything is allowed.
   * `loadPrincipalsFile` from `./iam/index.js` reads the `EMULATOR_PRINCIPALS` file.
   */
  principals?: Principals;
  /**
   * `host:port` of a Pub/Sub emulator (ours in src/pubsub-emulator, or Google's): the stores'
   * `notificationConfigs` publish there, as Cloud Healthcare publishes to Pub/Sub. Unset = no
   * notifications are sent.
   */
  pubsubEndpoint?: string;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:1234` (no trailing slash, no `/v1`). */
  url: string;
  port: number;
  /** Stops listening, drops open connections, flushes persisted state. */
  close(): Promise<void>;
  /** The live fault rules: changes apply to the next request. */
  faults: FaultRule[];
  /** The live latency range; `undefined` = none. */
  latency: LatencyRange | undefined;
}

/** The modules every emulator has; their routes match in this order, before those of `options.modules`. */
export const BUILT_IN_MODULES: readonly EmulatorModule[] = [adminModule, iamModule, bulkModule, fhirModule, dicomWebModule, hl7v2Module, deidentifyModule, faultControlModule];

const FAULT_MESSAGES: Readonly<Record<401 | 429 | 500 | 503, string>> = {
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

function faultReply(rule: FaultRule & { status: 401 | 429 | 500 | 503 }): Reply {
  const reply = errorReply(new ApiError(rule.status, FAULT_MESSAGES[rule.status]));
  if (rule.retryAfter !== undefined) reply.headers = { ...reply.headers, 'retry-after': String(rule.retryAfter) };
  return reply;
}

/** Starts an emulator. Rejects if the port is taken or the persisted state is corrupt. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const logger: EmulatorLogger = options.logger ?? {
    warn: (message) => console.warn(message),
    error: (message) => console.error(message),
  };
  const modules = [...BUILT_IN_MODULES, ...(options.modules ?? [])];
  const planes: DataPlaneFactories = { fhir: emptyFhirDataPlane, dicom: emptyDicomDataPlane, hl7v2: emptyHl7V2DataPlane };
  for (const module of modules) {
    if (module.fhirDataPlane !== undefined) planes.fhir = module.fhirDataPlane;
    if (module.dicomDataPlane !== undefined) planes.dicom = module.dicomDataPlane;
    if (module.hl7v2DataPlane !== undefined) planes.hl7v2 = module.hl7v2DataPlane;
  }

  const state = await EmulatorState.open(planes, options.dataDir, logger);
  let iam: Iam;
  try {
    iam = await Iam.open(state, options.dataDir, options.principals);
  } catch (error) {
    await state.close();
    throw error;
  }
  const injector = new FaultInjector({
    faults: options.faults ? [...options.faults] : [],
    latency: options.latency,
    random: options.random,
  });
  let gcs: GcsFolder;
  try {
    gcs = await GcsFolder.open(options.gcsDir, options.dataDir);
  } catch (error) {
    await iam.close();
    await state.close();
    throw error;
  }
  const notifications = options.pubsubEndpoint === undefined ? undefined : await startNotifications(state, options.pubsubEndpoint, logger);
  const services: EmulatorServices = { state, operations: new Operations(state), iam, faults: injector, gcs };
  const router = new Router();
  for (const module of modules) router.add(...module.routes(services).map((route) => guardRoute(route, iam)));

  const server = createServer((req, res) => {
    handleRequest(req, res, router, injector, logger).catch((error: unknown) => {
      logger.error(`emulator: failed to answer ${req.method} ${req.url}: ${describe(error)}`);
      res.destroy();
    });
  });
  // Node's 5 s keep-alive drops a client's pooled connection while that client is busy for seconds
  // (the demo loader generating images, a loaded machine), and its next call then races the close.
  // A longer one (below headersTimeout, 60 s) keeps those connections, as Google's front ends do;
  // clients follow the `Keep-Alive: timeout` hint, so none outlives its connection.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Malformed HTTP never reaches the handler; answer it without taking the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await iam.close();
    await notifications?.close();
    await state.close();
    await gcs.close();
    throw error;
  }

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    get faults() {
      return injector.faults;
    },
    set faults(rules: FaultRule[]) {
      injector.faults = rules;
    },
    get latency() {
      return injector.latency;
    },
    set latency(range: LatencyRange | undefined) {
      injector.latency = range;
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        // Background work (de-identification) stops before the stores it writes to close.
        services.operations.stopAll();
        await notifications?.close();
        await iam.close();
        await state.close();
        await gcs.close();
      })();
      return closing;
    },
  };
}

/** Publishes every store change to the Pub/Sub endpoint (the publisher client loads only when used). */
async function startNotifications(state: EmulatorState, endpoint: string, logger: EmulatorLogger): Promise<{ close(): Promise<void> }> {
  const { NotificationPublisher } = await import('./notifications/publisher.js');
  const publisher = new NotificationPublisher(endpoint, logger);
  state.onChange = (storeName, config, change) => publisher.publish(storeName, config, change);
  return publisher;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Splits the request target without `new URL(target, base)`, which reads `//x/…` as a host. */
function splitTarget(target: string): { pathname: string; search: string } {
  const absolute = /^https?:\/\/[^/]*(\/.*)?$/i.exec(target);
  const path = absolute ? (absolute[1] ?? '/') : target;
  const q = path.indexOf('?');
  return q < 0 ? { pathname: path, search: '' } : { pathname: path.slice(0, q), search: path.slice(q) };
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  router: Router,
  injector: FaultInjector,
  logger: EmulatorLogger,
): Promise<void> {
  const method = req.method ?? 'GET';
  const { pathname, search } = splitTarget(req.url ?? '/');
  const searchParams = new URLSearchParams(search);
  const prettyParam = searchParams.get('prettyPrint');
  const pretty = prettyParam !== 'false' && prettyParam !== '0';

  if (method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    await injector.delay();
    send(req, res, preflightReply(req), pretty, false);
    return;
  }

  // The control routes stay reachable whatever the rules say, so a `.*` rule can still be removed.
  const injectable = !pathname.startsWith(FAULT_CONTROL_PREFIX);
  const fault = injectable ? injector.pick(method, pathname) : undefined;
  if (fault?.status === 'reset') {
    await injector.delay();
    req.socket.destroy();
    return;
  }

  let reply: Reply;
  if (typeof fault?.status === 'number' && fault.after !== true) {
    reply = faultReply({ ...fault, status: fault.status });
  } else {
    const match = pathname.startsWith('/') ? router.match(method, pathname) : undefined;
    reply = match ? await runRoute(req, res, match, pathname, searchParams, logger) : htmlNotFoundReply(pathname);
    // An `after` rule: the work is done, its answer is lost.
    if (typeof fault?.status === 'number') reply = faultReply({ ...fault, status: fault.status });
  }

  if (injectable) await injector.delay(fault?.delayMs);
  send(req, res, reply, pretty, fault?.status === 'truncate');
}

async function runRoute(
  req: IncomingMessage,
  res: ServerResponse,
  match: RouteMatch,
  pathname: string,
  searchParams: URLSearchParams,
  logger: EmulatorLogger,
): Promise<Reply> {
  const { route, params } = match;
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let body: Promise<Buffer> | undefined;
  try {
    const url = new URL('http://emulator');
    url.host = req.headers.host ?? 'emulator';
    url.pathname = pathname;
    url.search = searchParams.toString();
    const ctx: EmulatorRequest = {
      method: route.method,
      url,
      params,
      query: bindQuery(searchParams, route.query),
      headers: req.headers,
      body: () => (body ??= readBodyBytes(req, limit)),
      jsonBody: async () => parseJsonObject(await ctx.body()),
    };
    return await route.handle(ctx);
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    if (error instanceof BodyTooLargeError) {
      // The rest of the body is never read, so the connection cannot be reused.
      res.shouldKeepAlive = false;
      return errorReply(invalidArgument(error.message));
    }
    logger.error(`emulator: ${route.method} ${pathname} failed: ${describe(error)}`);
    return errorReply(internalError());
  }
}

function preflightReply(req: IncomingMessage): Reply {
  const headers: Record<string, string> = {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
    'access-control-max-age': '3600',
  };
  const requested = req.headers['access-control-request-headers'];
  if (requested !== undefined) headers['access-control-allow-headers'] = requested;
  return { status: 204, headers };
}

/** Writes a reply; with `truncate`, declares the full length but sends half and drops the socket. */
function send(req: IncomingMessage, res: ServerResponse, reply: Reply, pretty: boolean, truncate: boolean): void {
  const bytes = replyBytes(reply, pretty);
  const headers: Record<string, string | number> = { ...reply.headers };
  // Browsers (OHIF, GraphiQL tooling) may call the emulator directly, as they can call Google.
  if (req.headers.origin !== undefined) {
    headers['access-control-allow-origin'] = '*';
    headers['access-control-expose-headers'] = 'Retry-After, Location, Content-Location, ETag';
  }
  if (reply.status === 204) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  if (!truncate) {
    headers['content-length'] = bytes.length;
    res.writeHead(reply.status, headers);
    res.end(bytes);
    return;
  }
  headers['content-length'] = Math.max(bytes.length, 1);
  res.writeHead(reply.status, headers);
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  if (half.length === 0) {
    res.flushHeaders();
    res.socket?.end();
    return;
  }
  res.write(half, () => res.destroy());
}
