/**
 * A graphql-ws client on a running graph (`ws://…/graphql`), for tests of subscriptions: `next()`
 * waits for the subscription's next result.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningApp } from '../../src/app.js';

export interface LiveResult {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface LiveSubscription {
  /** The next result, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveResult>;
  /** Ends the subscription and closes the socket. */
  close(): Promise<void>;
}

/**
 * Subscribes and resolves once the server has acknowledged the connection; the subscription itself
 * may take a moment more to start upstream (its first event can only follow).
 */
export async function subscribe(app: RunningApp, query: string, variables: Record<string, unknown> = {}, connectionParams: Record<string, unknown> = {}): Promise<LiveSubscription> {
  const url = `${app.graph.url.replace(/^http/, 'ws')}/graphql`;
  let acknowledged!: () => void;
  let refused!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    acknowledged = resolve;
    refused = reject;
  });
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    // A socket closed before the acknowledgement (no WebSocket server, a refused connection_init) fails at once.
    on: { connected: () => acknowledged(), closed: (event) => refused(new Error(`socket closed before connection_ack: ${(event as { code?: number }).code ?? '?'}`)) },
  });
  const results: LiveResult[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const unsubscribe = client.subscribe({ query, variables }, {
    next: (result) => {
      results.push(result as LiveResult);
      wake();
    },
    error: (error) => {
      failure = error;
      wake();
    },
    complete: wake,
  });
  await connected;
  return {
    async next(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length === 0) {
        if (failure !== undefined) throw failure instanceof Error ? failure : new Error(`subscription failed: ${JSON.stringify(failure)}`);
        if (Date.now() > deadline) throw new Error('no subscription result in time');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return results.shift()!;
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
