/**
 * The replica's store-event source as the server holds it from the start: the Pub/Sub client (gRPC
 * and the generated API, some 30 MB) is loaded with the first `listen()`, so a server that never
 * gets a subscription never holds it.
 */

import type { PubSubEndpoint, PubSubStoreEventsOptions } from './pubsub-store-events.js';
import type { StoreEventSource } from './store-events.js';
import { shuttingDown } from './store-events-error.js';

export type LazyStoreEventsOptions = Omit<PubSubStoreEventsOptions, 'pubsub' | 'replicaId'> & PubSubEndpoint & {
  /** `LIVE_REPLICA_ID`; undefined: random per process. */
  replicaId?: string;
};

export function lazyPubSubStoreEvents(options: LazyStoreEventsOptions): StoreEventSource {
  let source: Promise<StoreEventSource> | undefined;
  let closed = false;
  return {
    async listen(store, topics, listener) {
      if (closed) throw shuttingDown();
      source ??= import('./pubsub-store-events.js').then(({ PubSubStoreEvents, pubSubClient, randomReplicaId }) => {
        const { emulatorHost, projectId, replicaId, ...rest } = options;
        return new PubSubStoreEvents({ ...rest, pubsub: pubSubClient({ emulatorHost, projectId }), replicaId: replicaId ?? randomReplicaId() });
      });
      return (await source).listen(store, topics, listener);
    },
    async close() {
      closed = true;
      if (source) await (await source).close();
    },
  };
}
