import { cacheExchange, Client, fetchExchange, subscriptionExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { createClient as createSocket } from 'graphql-ws/client';

/**
 * Subscriptions go over one WebSocket (graphql-ws) to the page's own origin, `ws:` or `wss:` as the
 * page is served; it opens with the first subscription and closes a moment after the last ends.
 * A dropped socket reconnects by itself; events of the time in between are not replayed, so a view
 * reads its data again when it hears of a reconnect (`onReconnect`).
 */
const reconnectListeners = new Set<() => void>();
let connectedBefore = false;
const socket = createSocket({
  url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
  lazyCloseTimeout: 3_000,
  retryAttempts: Infinity,
  on: {
    connected: () => {
      if (connectedBefore) reconnectListeners.forEach((listener) => listener());
      connectedBefore = true;
    },
  },
});

/**
 * Every query is a POST: Apollo Server's CSRF protection refuses GET queries that carry no
 * preflight header, and urql would use GET for short queries.
 */
const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

/**
 * Runs a query and returns its data. Partial results (e.g. the chart without imaging the caller may
 * not read) come back with nulls where the errors were; only a result without data throws. `fresh`
 * skips urql's cache, for data that changed since it was read.
 */
export async function fetchData<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, fresh = false): Promise<Data> {
  const result = await client.query(document, variables, fresh ? { requestPolicy: 'network-only' } : {}).toPromise();
  if (result.data === undefined || result.data === null) throw result.error ?? new Error('The graph returned no data');
  return result.data;
}

/** What a live view is told: each event's data, or that the subscription failed. */
export interface LiveHandlers<Data> {
  next(data: Data): void;
  error(error: Error): void;
}

/** Subscribes; the returned function ends the subscription. */
export function watch<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables, handlers: LiveHandlers<Data>): () => void {
  const subscription = client.subscription(document, variables).subscribe((result) => {
    if (result.data !== undefined && result.data !== null) handlers.next(result.data);
    else if (result.error) handlers.error(result.error);
  });
  return () => subscription.unsubscribe();
}

/** Calls `listener` after each reconnect of the socket, until the returned function is called. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
