import type { StoreEvent } from '../../live/store-events.js';

/**
 * What one subscription yields per event: the field's value, or an error. A `final` error ends the
 * subscription after it is sent (the subscriber's credentials stopped working); any other error is
 * that one event's, and the subscription goes on.
 */
export type LivePayload<T> = { value: T } | { error: Error; final: boolean };

/** What a subscription makes of one event: a payload, or undefined to skip it (not this subscriber's). */
export type PrepareEvent<T> = (event: StoreEvent) => Promise<LivePayload<T> | undefined>;

export interface LiveStreamOptions<T> {
  /** Starts listening; resolves with the function that stops it. */
  listen(push: (event: StoreEvent) => void): Promise<() => void>;
  prepare: PrepareEvent<T>;
  /** Events waiting for this subscriber before it is ended as too slow. */
  maxPending: number;
  /** Called when more are waiting; the stream then ends. */
  overflow: () => void;
  /** Called once when the stream ends, however it ends. */
  onEnd: () => void;
}

/**
 * The async iterator graphql-js executes a subscription over. Events queue as they arrive and are
 * prepared (read again, filtered) one at a time as the transport asks for the next: a subscriber
 * that reads slowly slows only its own reads. Not an async generator, so that `return()` (the client
 * unsubscribed, the socket closed) stops listening at once, even while no event is arriving.
 */
export async function liveStream<T>(options: LiveStreamOptions<T>): Promise<AsyncIterableIterator<LivePayload<T>>> {
  const pending: StoreEvent[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  // Replaced by the listener's stop once listening; an end before that stops it as soon as it starts.
  const listening = { stop: () => {} };

  const end = () => {
    if (ended) return;
    ended = true;
    pending.length = 0;
    listening.stop();
    options.onEnd();
    wake?.();
  };
  const push = (event: StoreEvent) => {
    if (ended) return;
    if (pending.length >= options.maxPending) {
      // At once, not when the transport next asks: a stuck client never asks again.
      end();
      options.overflow();
      return;
    }
    pending.push(event);
    wake?.();
  };
  const stop = await options.listen(push);
  if (ended) stop();
  else listening.stop = stop;

  const done = { value: undefined, done: true } as const;
  const iterator: AsyncIterableIterator<LivePayload<T>> = {
    async next() {
      while (!ended) {
        const event = pending.shift();
        if (event === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const payload = await options.prepare(event);
        if (payload === undefined || ended) continue;
        if ('error' in payload && payload.final) end();
        return { value: payload, done: false };
      }
      return done;
    },
    async return() {
      end();
      return done;
    },
    async throw(error: unknown) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
