import { badUserInput, graphQLError } from '../../errors.js';
import { UpstreamError } from '../../healthcare/errors.js';
import { storeResourceName, type AllowedStore, type StoreKind } from '../../healthcare/names.js';
import { STORE_KINDS } from '../../healthcare/store-kinds.js';
import { notificationTopics } from '../../live/notification-topics.js';
import type { StoreEvent } from '../../live/store-events.js';
import { StoreEventsError } from '../../live/store-events-error.js';
import type { RequestContext } from '../context.js';
import type { LiveOperation } from './live-operation.js';
import { liveStream, type LivePayload, type PrepareEvent } from './stream.js';

/** The reason a subscription to a store that publishes no notifications is refused with. */
export const NO_NOTIFICATIONS = 'NO_NOTIFICATION_CONFIG';

/** The context's live part; over HTTP there is none, and a subscription is refused before any call. */
export function liveOf(context: RequestContext): LiveOperation {
  if (context.live === undefined) {
    throw badUserInput('Subscriptions are served over WebSocket (the graphql-ws protocol) on /graphql, not over HTTP POST');
  }
  return context.live;
}

/**
 * Opens a subscription to a store's events: admitted against the limits, then the store read with
 * the subscriber's credentials (which checks they may read it, and names the Pub/Sub topics it
 * publishes to), then listened to. `store` has passed the access policy already, so a store outside
 * the allow-lists or the pinned dataset never gets this far. Each event of the store that `matches`
 * is `prepare`d with the subscriber's own reads when the transport asks for it.
 */
export async function openStoreStream<K extends StoreKind, T>(
  kind: K,
  store: AllowedStore<K>,
  context: RequestContext,
  matches: (event: StoreEvent) => boolean,
  prepare: PrepareEvent<T>,
): Promise<AsyncIterableIterator<LivePayload<T>>> {
  const live = liveOf(context);
  const release = live.admit();
  let stopped: (() => void) | undefined;
  let ended = false;
  const end = () => {
    ended = true;
    release();
    stopped?.();
  };
  try {
    const topics = notificationTopics(kind, await live.subscribeReader().loaders.store[kind].load(store));
    const name = storeResourceName(store);
    if (topics.length === 0) {
      throw graphQLError('BAD_USER_INPUT', `The ${STORE_KINDS[kind].label} store ${name} has no notification config, so it publishes no changes to subscribe to: add one (notificationConfigs[].pubsubTopic)`, { reason: NO_NOTIFICATIONS });
    }
    return await liveStream({
      listen: async (push) => {
        const stop = await live.source.listen(name, topics, (event) => {
          if (event.store === name && matches(event)) push(event);
        });
        if (!ended) stopped = live.listening();
        return stop;
      },
      prepare: async (event) => {
        live.useReaderFor(event);
        return prepare(event);
      },
      maxPending: live.maxPending,
      overflow: () => live.tooSlow(`more than ${live.maxPending} events waited for one subscription`),
      onEnd: end,
    });
  } catch (error) {
    end();
    // The source's refusals (no such topic, no permission, Pub/Sub unreachable) carry the contract's code.
    throw error instanceof StoreEventsError ? graphQLError(error.code, error.message) : error;
  }
}

/**
 * What a failed read of an event means for its subscriber: their credentials no longer work (401:
 * the subscription ends with UNAUTHENTICATED, so the client reconnects with a fresh token), they may
 * not read it (403, 404, 410: `refused`), or that event failed (any other error: sent as the event's error).
 */
export function readFailure<T>(error: unknown): LivePayload<T> | 'refused' {
  if (!(error instanceof UpstreamError)) return { error: error instanceof Error ? error : new Error(String(error)), final: false };
  if (error.status === 401) {
    return { error: graphQLError('UNAUTHENTICATED', 'The Cloud Healthcare API refused this subscription\'s credentials (an expired or revoked token): reconnect with a fresh one, then re-query'), final: true };
  }
  if (error.status === 403 || error.status === 404 || error.status === 410) return 'refused';
  return { error, final: false };
}

/** Reads what an event names; a refusal becomes `undefined` (skip, or null, as the field decides). */
export async function readForEvent<R, T>(read: () => Promise<R>): Promise<{ read: R } | { failed: LivePayload<T> } | undefined> {
  try {
    return { read: await read() };
  } catch (error) {
    const failure = readFailure<T>(error);
    return failure === 'refused' ? undefined : { failed: failure };
  }
}
