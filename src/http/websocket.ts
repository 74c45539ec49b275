/**
 * GraphQL subscriptions over WebSocket on `/graphql` (the graphql-ws protocol, `graphql-ws/use/ws`),
 * on the graph's own HTTP server and with the schema Apollo serves. A connection authenticates once
 * (`connectionParams.authorization`, else the upgrade request's `Authorization`); each subscription
 * is then admitted like an HTTP request (`createRequestContext`: `beginRequest`, rate limit, audit)
 * and checked like one (safelist, size, depth, aliases, cost) before it runs.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from '../access/credentials.js';
import type { SubscriptionConfig } from '../config/index.js';
import { graphQLError } from '../errors.js';
import { callerIdentity, createRequestContext, createUpstream, loadersFor, type ContextDependencies, type RequestContext } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/errors.js';
import type { QueryLimits } from '../graphql/limits/index.js';
import type { Safelist } from '../graphql/safelist.js';
import { admitOperation } from '../graphql/subscriptions/admission.js';
import { EventReaders, type LiveOperation } from '../graphql/subscriptions/live-operation.js';
import { SubscriptionLimits, type ConnectionCount } from '../graphql/subscriptions/subscription-limits.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

/** Close code for a client that does not read what it is sent (`LIVE_MAX_BUFFERED_BYTES`). */
export const SLOW_CONSUMER_CLOSE = 4413;
/** Close code for a connection whose credentials are refused at `connection_init`. */
export const UNAUTHENTICATED_CLOSE = 4401;
/** Events that may wait for one subscription (read slowly, or sent slowly) before its client is dropped as too slow. */
export const MAX_PENDING_EVENTS = 100;
/** The largest message a client may send: a subscribe message is a document and its variables. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  context: ContextDependencies;
  limits: QueryLimits;
  safelist?: Safelist;
  subscriptions: SubscriptionConfig;
  production: boolean;
  metrics: Metrics;
  logger: Logger;
  /** This server's base URL as a request reached it. */
  publicUrl: (request: IncomingMessage) => string;
}

/** One connection's state: who it is, and its subscriptions' contexts by operation id. */
interface Connection extends ConnectionCount {
  authorization: string | undefined;
  operations: Map<string, { context: RequestContext; calls: () => number; name: string | null; errorCodes: string[] }>;
}

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** The `Authorization` a connection brings: in `connection_init`, else on the upgrade request. */
function authorizationOf(ctx: WsContext): string | undefined {
  const fromParams = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
  return typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
}

/** A close reason fits in a control frame: at most 123 bytes. */
const closeReason = (text: string) => Buffer.from(text).subarray(0, 123).toString().replace(/\uFFFD$/, '');

/**
 * Serves subscriptions on `server`'s `/graphql` upgrades. `dispose()` closes every connection (1001)
 * and the WebSocket server: Apollo's drain calls it on shutdown.
 */
export function attachSubscriptionServer(server: Server, options: SubscriptionServerOptions): { dispose(): Promise<void> } {
  const { context: deps, metrics, subscriptions: config } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const limits = new SubscriptionLimits(config);
  const readers = new EventReaders();
  const connections = new WeakMap<object, Connection>();
  const formatError = createErrorFormatter(options.logger, options.production);
  // Apollo strips `extensions.http` (status and headers of an HTTP answer) from what it sends; so do we.
  const format = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = formatError(error.toJSON(), error);
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
  const connectionOf = (ctx: WsContext): Connection => {
    let connection = connections.get(ctx);
    if (connection === undefined) connections.set(ctx, (connection = { open: 0, authorization: authorizationOf(ctx), operations: new Map() }));
    return connection;
  };

  /** Closes a connection whose client does not keep up, with a reason, instead of buffering for it without bound. */
  const dropSlowConsumer = (ctx: WsContext, why: string) => {
    metrics.graphqlLiveClosed.inc({ reason: 'slow_consumer' });
    ctx.extra.socket.close(SLOW_CONSUMER_CLOSE, closeReason(`Slow consumer: ${why}; reconnect and re-query`));
  };

  const liveOperation = (ctx: WsContext, context: RequestContext, connection: Connection, field: string): LiveOperation | undefined => {
    const source = deps.storeEvents;
    if (source === undefined) return undefined;
    const identity = callerIdentity(deps, connection.authorization);
    const credentials = context.scope.caller.credentials;
    return {
      source,
      maxPending: MAX_PENDING_EVENTS,
      tooSlow: (why) => dropSlowConsumer(ctx, why),
      admit: () => limits.admit(connection),
      listening() {
        metrics.graphqlLiveSubscriptions.inc({ field });
        let counted = true;
        return () => {
          if (counted) metrics.graphqlLiveSubscriptions.dec({ field });
          counted = false;
        };
      },
      useReaderFor(event) {
        // The event's reads carry no request's observers: they are shared by every subscriber of this identity.
        const reader = readers.readerFor(event, identity, () => createUpstream(deps, credentials, [], identity));
        context.client = reader.client;
        context.loaders = reader.loaders;
        return reader;
      },
      // The subscription's own client (its calls are audited with it), with loaders it does not keep.
      subscribeReader: () => ({ client: context.client, loaders: loadersFor(deps, context.client, identity) }),
    };
  };

  const onSubscribe = async (ctx: WsContext, id: string, payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }): Promise<ExecutionArgs | GraphQLError[]> => {
    const admitted = admitOperation({ schema: options.schema, limits: options.limits, safelist: options.safelist }, payload);
    if (Array.isArray(admitted)) return admitted;
    const connection = connectionOf(ctx);
    let context: RequestContext;
    try {
      context = await createRequestContext(deps, { authorization: connection.authorization, requestId: randomUUID(), publicUrl: options.publicUrl(ctx.extra.request) });
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const live = liveOperation(ctx, context, connection, admitted.field);
    if (live === undefined) {
      context.scope.finish({ operation: payload.operationName ?? null, errorCodes: ['UPSTREAM_UNAVAILABLE'], upstreamCalls: 0, spanName: 'subscription refused' });
      return [graphQLError('UPSTREAM_UNAVAILABLE', 'This server receives no store notifications, so it has no subscriptions to offer')];
    }
    context.live = live;
    const { client } = context;
    connection.operations.set(id, { context, calls: () => client.calls, name: payload.operationName ?? null, errorCodes: [] });
    return { schema: options.schema, document: admitted.document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
  };

  /**
   * graphql-ws waits for each message to be written before it asks a subscription for the next, so
   * events wait in the subscription (bounded: `tooSlow`) rather than in the socket; what the socket
   * still holds, over all the connection's subscriptions, is bounded here.
   */
  const sendsTooSlowly = (ctx: WsContext): boolean => {
    if (ctx.extra.socket.bufferedAmount <= config.maxBufferedBytes) return false;
    dropSlowConsumer(ctx, `more than ${config.maxBufferedBytes} bytes unsent`);
    return true;
  };

  const disposable = useServer<Record<string, unknown> | undefined>({
    schema: options.schema,
    isProd: options.production,
    onConnect: async (ctx) => {
      try {
        await authenticate(deps.trust.auth, connectionOf(ctx).authorization);
        return true;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const code = String(error.extensions.code);
        ctx.extra.socket.close(code === 'UNAUTHENTICATED' ? UNAUTHENTICATED_CLOSE : 4500, closeReason(`${code}: ${error.message}`));
        return false;
      }
    },
    onSubscribe,
    onNext: (ctx, id, _payload, _args, result) => {
      const operation = connectionOf(ctx).operations.get(id);
      operation?.errorCodes.push(...(result.errors ?? []).map((error) => String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR')));
      if (result.data) metrics.graphqlLiveEvents.inc({ field: Object.keys(result.data)[0] ?? 'unknown' });
      if (sendsTooSlowly(ctx)) return undefined;
      const { errors, ...rest } = result;
      return errors ? { ...rest, errors: errors.map(format) } : rest;
    },
    onError: (ctx, id, _payload, errors) => {
      connectionOf(ctx).operations.get(id)?.errorCodes.push(...errors.map((error) => String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR')));
      return errors.map(format);
    },
    onComplete: (ctx, id) => {
      const connection = connectionOf(ctx);
      const operation = connection.operations.get(id);
      if (operation === undefined) return;
      connection.operations.delete(id);
      operation.context.scope.finish({
        operation: operation.name,
        errorCodes: operation.errorCodes,
        upstreamCalls: operation.calls(),
        spanName: `subscription ${operation.name ?? '(anonymous)'}`,
        spanAttributes: { 'graphql.operation.type': 'subscription', ...(operation.name ? { 'graphql.operation.name': operation.name } : {}) },
      });
    },
  }, wss, config.keepAliveMs);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      metrics.graphqlLiveConnections.inc();
      ws.once('close', () => metrics.graphqlLiveConnections.dec());
      wss.emit('connection', ws, request);
    });
  };
  server.on('upgrade', onUpgrade);
  return {
    async dispose() {
      server.off('upgrade', onUpgrade);
      await disposable.dispose();
    },
  };
}
