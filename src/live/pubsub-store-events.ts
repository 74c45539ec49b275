/**
 * The replica's feed of store events from Pub/Sub (design A of ../shared/reference/pubsub.md §4):
 * one Pub/Sub subscription per replica per topic, so every replica sees every notification. A
 * topic's subscription is created when its first listener arrives, and deleted a grace period
 * after its last one leaves (a reconnecting client does not churn it) and on `close()`; it expires
 * by itself a day after a replica that crashed stopped pulling (Pub/Sub's shortest
 * `expirationPolicy.ttl`). Each message is parsed, deduplicated, handed to the listeners of its
 * store (the same event object to each) and acked. docs/live-updates.md has the operator's view.
 */

import { createHash, randomBytes } from 'node:crypto';
import { PubSub, type Message, type Subscription } from '@google-cloud/pubsub';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { EventDedupe, type DedupeOptions } from './event-dedupe.js';
import { parseNotification } from './notification-parse.js';
import { TOPIC_NAME } from './notification-topics.js';
import type { StoreEvent, StoreEventListener, StoreEventSource } from './store-events.js';
import { StoreEventsError, shuttingDown } from './store-events-error.js';

/** Pub/Sub's shortest expiration: what a crashed replica's subscription lives on for. */
const EXPIRATION_TTL_SECONDS = 24 * 60 * 60;
/** Pub/Sub's shortest retention: an unacked notification older than this is of no use to a live screen. */
const RETENTION_SECONDS = 10 * 60;
/** Pub/Sub's default; the client extends leases itself, and messages are acked at once. */
const ACK_DEADLINE_SECONDS = 10;
/** Back-off of re-opening a subscription whose stream ended for good (it was deleted, say). */
const REOPEN_MIN_MS = 1000;
const REOPEN_MAX_MS = 60_000;
/** Longest Pub/Sub subscription id. */
const MAX_SUBSCRIPTION_ID = 255;

/** gRPC status codes the source tells apart. */
const GRPC = { NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7, UNAUTHENTICATED: 16, INVALID_ARGUMENT: 3 } as const;

export type LiveMetrics = Pick<Metrics, 'liveNotifications' | 'liveUnparseable' | 'liveDropped' | 'liveSubscriptions'>;

export interface PubSubStoreEventsOptions {
  /** The client; `close()` closes it. */
  pubsub: PubSub;
  /** Names this replica's subscriptions; unique per replica. */
  replicaId: string;
  logger: Logger;
  metrics: LiveMetrics;
  /** How long a topic's subscription outlives its last listener. */
  idleGraceMs: number;
  dedupe?: DedupeOptions;
}

/** Where the client connects: a Pub/Sub emulator's `host:port`, or Google (ADC) when undefined. */
export interface PubSubEndpoint {
  emulatorHost?: string;
  /** Only fills in short names (all names here are full); the client asks ADC for one when unset. */
  projectId: string;
}

/** The client for an endpoint: plaintext gRPC to an emulator, else Google with the server's ADC. */
export function pubSubClient({ emulatorHost, projectId }: PubSubEndpoint): PubSub {
  return emulatorHost === undefined ? new PubSub({ projectId }) : new PubSub({ projectId, apiEndpoint: emulatorHost, emulatorMode: true });
}

/** A random replica id, for a process started without `LIVE_REPLICA_ID`. */
export const randomReplicaId = (): string => randomBytes(6).toString('hex');

/** `projects/{topic's project}/subscriptions/hcgraph-live-{replica}-{topic}` (a digest of the topic id when that is too long). */
export function replicaSubscriptionName(topic: string, replicaId: string): string {
  const match = TOPIC_NAME.exec(topic);
  if (!match) throw new StoreEventsError('BAD_USER_INPUT', `${JSON.stringify(topic.slice(0, 300))} is not a Pub/Sub topic name (projects/{project}/topics/{topic})`);
  const [, project, topicId = ''] = match;
  const prefix = `hcgraph-live-${replicaId}-`;
  const id = prefix.length + topicId.length <= MAX_SUBSCRIPTION_ID ? topicId : createHash('sha256').update(topicId).digest('hex').slice(0, 32);
  return `projects/${project}/subscriptions/${prefix}${id}`;
}

const grpcCode = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/** What the graph may tell a subscriber about a failed subscription create; Pub/Sub's own text is not passed on. */
function listenError(error: unknown, topic: string): StoreEventsError {
  switch (grpcCode(error)) {
    case GRPC.NOT_FOUND:
      return new StoreEventsError('NOT_FOUND', `The Pub/Sub topic ${topic} named in the store's notificationConfigs does not exist`);
    case GRPC.PERMISSION_DENIED:
    case GRPC.UNAUTHENTICATED:
      return new StoreEventsError('FORBIDDEN', `The graph's identity may not subscribe to the Pub/Sub topic ${topic} (it needs to create subscriptions on it: docs/live-updates.md)`);
    case GRPC.INVALID_ARGUMENT:
      return new StoreEventsError('BAD_USER_INPUT', `Pub/Sub refused a subscription to ${topic}`);
    default:
      return new StoreEventsError('UPSTREAM_UNAVAILABLE', `Pub/Sub could not be reached to subscribe to ${topic}`);
  }
}

/** One topic's subscription and the listeners that hold it. */
interface TopicFeed {
  topic: string;
  name: string;
  /** Listeners (of any store) that asked for this topic. */
  refs: number;
  /** Settles once the subscription exists and is being pulled. */
  ready: Promise<void>;
  subscription?: Subscription;
  idleTimer?: NodeJS.Timeout;
  reopenTimer?: NodeJS.Timeout;
  reopenDelayMs: number;
  /** Set once it is being taken down: its stream ending is then no failure. */
  retired: boolean;
}

/** One `listen()` call; an object so that the same function may listen twice. */
interface Listening {
  listener: StoreEventListener;
}

export class PubSubStoreEvents implements StoreEventSource {
  private readonly feeds = new Map<string, TopicFeed>();
  /** Feeds being taken down, by topic: a new feed for the topic waits, or its create would race the delete. */
  private readonly retiring = new Map<string, Promise<void>>();
  private readonly listeners = new Map<string, Set<Listening>>();
  private readonly dedupe: EventDedupe;
  private closing?: Promise<void>;

  constructor(private readonly options: PubSubStoreEventsOptions) {
    this.dedupe = new EventDedupe(options.dedupe);
  }

  async listen(store: string, topics: readonly string[], listener: StoreEventListener): Promise<() => void> {
    if (this.closing) throw shuttingDown();
    const unique = [...new Set(topics)];
    if (unique.length === 0) throw new StoreEventsError('BAD_USER_INPUT', `The store ${store} has no notificationConfigs with a Pub/Sub topic: it publishes no changes to listen to`);
    for (const topic of unique) replicaSubscriptionName(topic, this.options.replicaId);
    const acquired = await Promise.allSettled(unique.map((topic) => this.acquire(topic)));
    const failure = acquired.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) {
      unique.forEach((topic, i) => acquired[i]!.status === 'fulfilled' && this.release(topic));
      throw failure.reason;
    }
    // close() may have run while the subscriptions were being created: it took them down.
    if (this.closing) throw shuttingDown();
    const listening: Listening = { listener };
    let ofStore = this.listeners.get(store);
    if (!ofStore) this.listeners.set(store, (ofStore = new Set()));
    ofStore.add(listening);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      ofStore.delete(listening);
      if (ofStore.size === 0 && this.listeners.get(store) === ofStore) this.listeners.delete(store);
      for (const topic of unique) this.release(topic);
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const feeds = [...this.feeds.values()];
      this.feeds.clear();
      this.listeners.clear();
      await Promise.all([...feeds.map((feed) => this.retire(feed)), ...this.retiring.values()]);
      await this.options.pubsub.close();
    })();
    return this.closing;
  }

  /** Takes a hold on a topic's feed, creating the subscription if this replica has none; resolves once it exists. */
  private async acquire(topic: string): Promise<void> {
    let feed = this.feeds.get(topic);
    if (!feed) {
      const name = replicaSubscriptionName(topic, this.options.replicaId);
      const created: TopicFeed = { topic, name, refs: 0, ready: Promise.resolve(), reopenDelayMs: REOPEN_MIN_MS, retired: false };
      created.ready = this.open(created).catch((error: unknown) => {
        if (this.feeds.get(topic) === created) this.feeds.delete(topic);
        throw error;
      });
      this.feeds.set(topic, (feed = created));
    }
    feed.refs++;
    clearTimeout(feed.idleTimer);
    feed.idleTimer = undefined;
    try {
      await feed.ready;
    } catch (error) {
      feed.refs--;
      throw error;
    }
  }

  /** Drops a hold; the last one starts the grace period after which the subscription goes. */
  private release(topic: string): void {
    const feed = this.feeds.get(topic);
    if (!feed || --feed.refs > 0) return;
    feed.idleTimer = setTimeout(() => {
      if (this.feeds.get(topic) !== feed || feed.refs > 0) return;
      this.feeds.delete(topic);
      void this.retire(feed);
    }, this.options.idleGraceMs);
    feed.idleTimer.unref();
  }

  /** Creates the subscription (or takes over this replica id's existing one) and starts pulling. */
  private async open(feed: TopicFeed): Promise<void> {
    await this.retiring.get(feed.topic);
    await this.ensureSubscription(feed);
    const subscription = this.options.pubsub.subscription(feed.name, { flowControl: { maxMessages: 1000 } });
    subscription.on('message', (message: Message) => this.receive(feed.topic, message));
    subscription.on('error', (error: unknown) => {
      // The code and topic only: an error may quote a message, which is patient data.
      this.options.logger.warn({ topic: feed.topic, code: grpcCode(error) }, 'live updates: Pub/Sub stream error');
    });
    // The client re-opens streams that end with a passing error itself; it closes the subscriber on
    // one it will not retry (the subscription was deleted, a permission revoked): open it again.
    subscription.on('close', () => this.reopenLater(feed));
    feed.subscription = subscription;
    this.options.metrics.liveSubscriptions.inc();
  }

  private async ensureSubscription(feed: TopicFeed): Promise<void> {
    try {
      await this.options.pubsub.createSubscription(feed.topic, feed.name, {
        ackDeadlineSeconds: ACK_DEADLINE_SECONDS,
        expirationPolicy: { ttl: { seconds: EXPIRATION_TTL_SECONDS } },
        messageRetentionDuration: RETENTION_SECONDS,
      });
    } catch (error) {
      // A replica restarted with the same LIVE_REPLICA_ID finds its subscription still there; one
      // that may not create subscriptions may have been given them, created beforehand.
      if (grpcCode(error) === GRPC.ALREADY_EXISTS || (grpcCode(error) === GRPC.PERMISSION_DENIED && (await this.exists(feed.name)))) return;
      throw listenError(error, feed.topic);
    }
  }

  private async exists(name: string): Promise<boolean> {
    try {
      return (await this.options.pubsub.subscription(name).exists())[0];
    } catch {
      return false;
    }
  }

  private reopenLater(feed: TopicFeed): void {
    if (feed.retired || this.closing || feed.reopenTimer) return;
    this.options.logger.warn({ topic: feed.topic, retryInMs: feed.reopenDelayMs }, 'live updates: Pub/Sub subscription stopped; opening it again');
    feed.reopenTimer = setTimeout(() => {
      feed.reopenTimer = undefined;
      if (feed.retired || this.closing) return;
      this.ensureSubscription(feed).then(
        () => {
          feed.reopenDelayMs = REOPEN_MIN_MS;
          feed.subscription?.open();
        },
        (error: unknown) => {
          feed.reopenDelayMs = Math.min(feed.reopenDelayMs * 2, REOPEN_MAX_MS);
          this.options.logger.warn({ topic: feed.topic, code: (error as StoreEventsError).code }, 'live updates: could not open the Pub/Sub subscription again');
          this.reopenLater(feed);
        },
      );
    }, feed.reopenDelayMs);
    feed.reopenTimer.unref();
  }

  /** Stops pulling and deletes the subscription; failures are logged (it then expires by itself). */
  private retire(feed: TopicFeed): Promise<void> {
    feed.retired = true;
    clearTimeout(feed.idleTimer);
    clearTimeout(feed.reopenTimer);
    const done = (async () => {
      await feed.ready.catch(() => undefined);
      const subscription = feed.subscription;
      if (!subscription) return;
      this.options.metrics.liveSubscriptions.dec();
      try {
        await subscription.close();
        await subscription.delete();
      } catch (error) {
        if (grpcCode(error) !== GRPC.NOT_FOUND) {
          this.options.logger.warn({ subscription: feed.name, code: grpcCode(error) }, 'live updates: could not delete a Pub/Sub subscription; it expires after a day unused');
        }
      }
    })();
    this.retiring.set(feed.topic, done);
    void done.finally(() => {
      if (this.retiring.get(feed.topic) === done) this.retiring.delete(feed.topic);
    });
    return done;
  }

  /** One message: parsed, deduplicated, handed out, acked. A message that is no event is acked and counted. */
  private receive(topic: string, message: Message): void {
    const { metrics } = this.options;
    const parsed = parseNotification({ data: message.data, attributes: message.attributes });
    if (!parsed.ok) {
      metrics.liveUnparseable.inc({ reason: parsed.reason });
    } else {
      metrics.liveNotifications.inc({ kind: parsed.event.kind });
      const verdict = this.dedupe.check(parsed.event, { topic, messageId: message.id }, parsed.time);
      if (verdict === 'new') this.dispatch(parsed.event);
      else metrics.liveDropped.inc({ reason: verdict });
    }
    message.ack();
  }

  private dispatch(event: StoreEvent): void {
    for (const { listener } of this.listeners.get(event.store) ?? []) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not keep the event from the others.
        this.options.logger.error({ err: error, store: event.store }, 'live updates: a listener failed');
      }
    }
  }
}
