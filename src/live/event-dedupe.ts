/**
 * Drops notifications this replica has already handed out, and versions older than one it has.
 * Pub/Sub delivers at least once and unordered, a store may publish the same change to several
 * topics this replica listens to, and a late redelivery must not look like a newer change.
 *
 * The rule:
 * - **Identity.** A notification with a `versionId` is the change `(name, versionId)`. An HL7v2
 *   message is created once and never changes, so its name alone is its identity. Anything else
 *   (the deprecated FHIR `notificationConfig` and the legacy DICOM one send no version) can only be
 *   told apart by its Pub/Sub message, `(topic, messageId)`: a redelivery is dropped, the same
 *   change sent twice is not.
 * - **Staleness.** Google's FHIR `versionId`s are opaque strings and cannot be ordered, so
 *   versions of one resource are ordered by `lastUpdatedTime` (whole seconds): an event strictly
 *   older than the newest seen for its name is dropped. Two versions within the same second cannot
 *   be ordered and both pass.
 * - **Memory.** Both what was seen and the newest time per name are kept for `windowMs` and at most
 *   `maxEntries` each, least recently used out first: a duplicate later than that passes again,
 *   which is at-least-once delivery, as Pub/Sub's own.
 */

import type { StoreEvent } from './store-events.js';

export type DedupeVerdict = 'new' | 'duplicate' | 'stale';

export interface DedupeOptions {
  /** Entries kept in each table; default 10,000. */
  maxEntries?: number;
  /** How long an entry is kept; default 10 minutes (Pub/Sub redelivers within its retention). */
  windowMs?: number;
  /** Clock in ms (tests move it). */
  now?: () => number;
}

/** Where a notification came from: its topic and Pub/Sub message id. */
export interface Delivery {
  topic: string;
  messageId: string;
}

export const DEFAULT_DEDUPE_ENTRIES = 10_000;
export const DEFAULT_DEDUPE_WINDOW_MS = 10 * 60_000;

/** A map that forgets entries after `windowMs` and beyond `maxEntries`, least recently set first. */
class RecentMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly windowMs: number,
  ) {}

  get(key: string, now: number): V | undefined {
    this.expire(now);
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V, now: number): void {
    // Re-inserting moves the key to the end, so the map stays ordered by last set.
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  private expire(now: number): void {
    for (const [key, { at }] of this.entries) {
      if (now - at < this.windowMs) return;
      this.entries.delete(key);
    }
  }
}

/** The identity of a change, per the rule above. */
export function changeIdentity(event: StoreEvent, delivery: Delivery): string {
  if (event.kind !== 'hl7v2' && event.versionId !== undefined) return `v ${event.name} ${event.versionId}`;
  if (event.kind === 'hl7v2') return `n ${event.name}`;
  return `m ${delivery.topic} ${delivery.messageId}`;
}

export class EventDedupe {
  private readonly seen: RecentMap<true>;
  private readonly newest: RecentMap<number>;
  private readonly now: () => number;

  constructor(options: DedupeOptions = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_DEDUPE_ENTRIES;
    const windowMs = options.windowMs ?? DEFAULT_DEDUPE_WINDOW_MS;
    this.seen = new RecentMap(maxEntries, windowMs);
    this.newest = new RecentMap(maxEntries, windowMs);
    this.now = options.now ?? Date.now;
  }

  /**
   * Whether an event is new, and remembers it when it is. `time` is the notification's
   * `lastUpdatedTime` in ms, when it has one.
   */
  check(event: StoreEvent, delivery: Delivery, time?: number): DedupeVerdict {
    const now = this.now();
    const identity = changeIdentity(event, delivery);
    if (this.seen.get(identity, now) !== undefined) return 'duplicate';
    if (time !== undefined) {
      const newest = this.newest.get(event.name, now);
      if (newest !== undefined && time < newest) return 'stale';
      this.newest.set(event.name, time, now);
    }
    this.seen.set(identity, true, now);
    return 'new';
  }

  /** Entries held (seen changes, names with a newest time): what bounds its memory. */
  get size(): { seen: number; names: number } {
    return { seen: this.seen.size, names: this.newest.size };
  }
}
