/**
 * The client side of the live-delivery phase: graphql-ws subscribers (one WebSocket connection
 * each, one `fhirResourceChanged` subscription on it) and the record of when each one received
 * each change. They run in the process that writes, so write and receive times share one clock.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What every subscriber asks for: the change and the resource as read again for it. */
export const CHANGE_SUBSCRIPTION = `subscription LiveBench($store: String!, $types: [String!]) {
  fhirResourceChanged(store: $store, types: $types) { action resourceType resourceId versionId resource { resourceId versionId } }
}`;

interface ChangeMessage {
  data?: { fhirResourceChanged?: { resourceId?: string; resource?: { resourceId?: string } | null } } | null;
  errors?: readonly { message: string }[];
}

/**
 * When each resource's change reached the subscribers: the receive times (performance.now()) of
 * the first message per subscriber, and waits for a resource to reach a number of them.
 */
export class Arrivals {
  private readonly times = new Map<string, number[]>();
  private readonly waiters = new Map<string, { count: number; done: () => void }>();
  /** Messages about a resource a subscriber had already received (delivery is at least once). */
  duplicates = 0;
  /** Changes whose resource could not be read for the subscriber (`resource: null`). */
  withoutResource = 0;

  record(resourceId: string, at: number): void {
    const times = this.times.get(resourceId) ?? [];
    times.push(at);
    this.times.set(resourceId, times);
    const waiter = this.waiters.get(resourceId);
    if (waiter && times.length >= waiter.count) waiter.done();
  }

  /** The receive times so far of `resourceId`'s change. */
  of(resourceId: string): readonly number[] {
    return this.times.get(resourceId) ?? [];
  }

  /** Resolves with the receive times once `count` subscribers got the change, or after `timeoutMs` with those so far. */
  async wait(resourceId: string, count: number, timeoutMs: number): Promise<readonly number[]> {
    if (this.of(resourceId).length < count) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.set(resourceId, { count, done });
      });
      this.waiters.delete(resourceId);
    }
    return this.of(resourceId);
  }

  /** Drops what is recorded (between points). */
  clear(): void {
    this.times.clear();
  }
}

/** One subscriber: its own graphql-ws connection with one subscription. */
export class LiveSubscriber {
  private readonly seen = new Set<string>();
  private readonly client: Client;
  private stop: (() => void) | undefined;
  /** Errors and unexpected ends of the subscription. */
  readonly errors: string[] = [];
  /** Settles when the server acknowledged the connection (`connection_ack`); rejects if it closed first. */
  readonly connected: Promise<void>;

  constructor(wsUrl: string, variables: { store: string; types?: string[] }, arrivals: Arrivals, connectionParams: Record<string, unknown> = {}) {
    let acknowledged: () => void = () => undefined;
    let failed: (error: Error) => void = () => undefined;
    this.connected = new Promise<void>((resolve, reject) => {
      acknowledged = resolve;
      failed = reject;
    });
    this.connected.catch(() => undefined);
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams,
      // A lost connection is a result to report, not something to hide by reconnecting.
      retryAttempts: 0,
      on: {
        connected: () => acknowledged(),
        closed: (event) => failed(new Error(`closed before it was acknowledged (${(event as { code?: number }).code ?? '?'})`)),
      },
    });
    this.stop = this.client.subscribe<ChangeMessage['data']>({ query: CHANGE_SUBSCRIPTION, variables }, {
      next: (message: ChangeMessage) => {
        const at = performance.now();
        const change = message.data?.fhirResourceChanged;
        if (message.errors?.length || !change?.resourceId) {
          this.errors.push(message.errors?.[0]?.message ?? 'a message without a change');
          return;
        }
        if (this.seen.has(change.resourceId)) {
          arrivals.duplicates += 1;
          return;
        }
        this.seen.add(change.resourceId);
        if (change.resource?.resourceId !== change.resourceId) arrivals.withoutResource += 1;
        arrivals.record(change.resourceId, at);
      },
      error: (error: unknown) => {
        this.errors.push(describe(error));
      },
      complete: () => {
        if (this.stop !== undefined) this.errors.push('the server completed the subscription');
      },
    });
  }

  async close(): Promise<void> {
    const stop = this.stop;
    this.stop = undefined;
    stop?.();
    await this.client.dispose();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return (error as { message?: string }[]).map((each) => each.message ?? String(each)).join('; ');
  const code = (error as { code?: number; reason?: string } | undefined)?.code;
  return code === undefined ? String(error) : `closed with ${code} ${(error as { reason?: string }).reason ?? ''}`.trim();
}

/**
 * Opens `count` subscribers, `batch` connections at a time (a thousand at once would only measure
 * how the accept queue copes), and waits until the server acknowledged each.
 */
export async function openSubscribers(count: number, wsUrl: string, variables: { store: string; types?: string[] }, arrivals: Arrivals, batch = 50): Promise<LiveSubscriber[]> {
  const subscribers: LiveSubscriber[] = [];
  try {
    for (let opened = 0; opened < count; opened += batch) {
      const next = Array.from({ length: Math.min(batch, count - opened) }, () => new LiveSubscriber(wsUrl, variables, arrivals));
      subscribers.push(...next);
      await Promise.all(next.map((subscriber) => subscriber.connected));
    }
    return subscribers;
  } catch (error) {
    await closeSubscribers(subscribers);
    throw error;
  }
}

export async function closeSubscribers(subscribers: readonly LiveSubscriber[]): Promise<void> {
  await Promise.all(subscribers.map((subscriber) => subscriber.close()));
}
