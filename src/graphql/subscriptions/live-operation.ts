import type { StoreEvent, StoreEventSource } from '../../live/store-events.js';
import type { RequestContext } from '../context.js';

/** An event's reads for one upstream identity: a fresh client and loaders, made for that event. */
export type EventReader = Pick<RequestContext, 'client' | 'loaders'>;

/**
 * The readers of the events in flight, one per event and upstream identity. Every listener of a store
 * gets the same event object, so subscribers with the same credentials find the same reader and its
 * DataLoaders: one read per event and identity, however many of them subscribe. Held weakly by the
 * event, so a reader goes once every subscriber is done with its event.
 */
export class EventReaders {
  private readonly readers = new WeakMap<StoreEvent, Map<string, EventReader>>();

  /** The reader of this event for this identity, made by `make` on first use. */
  readerFor(event: StoreEvent, identity: string, make: () => EventReader): EventReader {
    let byIdentity = this.readers.get(event);
    if (byIdentity === undefined) this.readers.set(event, (byIdentity = new Map()));
    let reader = byIdentity.get(identity);
    if (reader === undefined) byIdentity.set(identity, (reader = make()));
    return reader;
  }
}

/**
 * What a subscription resolver needs beyond a query's context; set by the WebSocket transport on the
 * context of each subscription operation (absent over HTTP, where subscriptions are refused).
 */
export interface LiveOperation {
  source: StoreEventSource;
  /**
   * Counts one more subscription against the connection's and the process's limits, or throws the
   * refusal (RATE_LIMITED, OVERLOADED) before anything is asked upstream. Returns its release.
   */
  admit(): () => void;
  /** Counts the subscription as listening (the `graphql_live_subscriptions` gauge); returns its undo. */
  listening(): () => void;
  /** Events that may wait for one subscriber before it is ended as too slow. */
  maxPending: number;
  /** Drops the subscriber as a slow consumer (its connection is closed with a reason). */
  tooSlow(why: string): void;
  /**
   * Points the operation's context at this event's reader (shared with every subscriber of the
   * same identity), so the fields of the event's payload resolve with fresh loaders.
   */
  useReaderFor(event: StoreEvent): EventReader;
  /**
   * A reader for the checks made once at subscribe time (reading the store), which the
   * subscription does not keep while it waits for events.
   */
  subscribeReader(): EventReader;
}
