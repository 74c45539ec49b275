/**
 * The emulator's topics and subscriptions, and the admin rules Pub/Sub applies to them: names,
 * ack deadline range, expiration policy, what happens to subscriptions when their topic goes.
 */

import { parseAttributeFilter } from './filter.js';
import { durationSeconds, timestampOf, type PubsubMessage } from './messages.js';
import { checkName } from './names.js';
import { alreadyExists, invalidArgument, notFound } from './status.js';
import { SubscriptionQueue } from './subscription.js';

/** A `google.pubsub.v1.Topic` as stored (proto-loader object). */
export type TopicConfig = { name: string } & Record<string, unknown>;

/** A `google.pubsub.v1.Subscription` as stored, defaults filled in. */
export type SubscriptionConfig = {
  name: string;
  topic: string;
  ackDeadlineSeconds: number;
  filter: string;
  expirationPolicy: { ttl: { seconds: string; nanos: number } | null } | null;
} & Record<string, unknown>;

/** What `subscriptions.topic` becomes when the topic is deleted. */
export const DELETED_TOPIC = '_deleted-topic_';

const DAY_SECONDS = 24 * 60 * 60;
/** Pub/Sub's defaults: 7 days of retention, expiry after 31 days without activity. */
const DEFAULT_RETENTION_SECONDS = 7 * DAY_SECONDS;
const DEFAULT_TTL_SECONDS = 31 * DAY_SECONDS;

interface Subscription {
  config: SubscriptionConfig;
  queue: SubscriptionQueue;
}

export interface PubSubStateOptions {
  /** Milliseconds since the epoch; tests move it to expire leases and subscriptions. */
  now?: () => number;
  /** Called when a subscription's streams must end (it was deleted or expired). */
  onSubscriptionGone?: (name: string) => void;
}

export class PubSubState {
  private readonly topics = new Map<string, TopicConfig>();
  private readonly subscriptions = new Map<string, Subscription>();
  private messageCounter = 0;
  readonly now: () => number;

  constructor(private readonly options: PubSubStateOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  createTopic(topic: TopicConfig): TopicConfig {
    checkName(topic.name, 'topics');
    if (this.topics.has(topic.name)) throw alreadyExists(topic.name);
    this.topics.set(topic.name, topic);
    return topic;
  }

  getTopic(name: string): TopicConfig {
    const topic = this.topics.get(name);
    if (topic === undefined) throw notFound(name);
    return topic;
  }

  deleteTopic(name: string): void {
    this.getTopic(name);
    this.topics.delete(name);
    for (const sub of this.subscriptions.values()) if (sub.config.topic === name) sub.config.topic = DELETED_TOPIC;
  }

  /** Topics of a project in name order. */
  listTopics(project: string): TopicConfig[] {
    return [...this.topics.values()].filter((t) => t.name.startsWith(`projects/${project}/`)).sort(byName);
  }

  /** Names of a topic's subscriptions in name order. */
  topicSubscriptions(topic: string): string[] {
    this.getTopic(topic);
    return [...this.subscriptions.values()].filter((s) => s.config.topic === topic).map((s) => s.config.name).sort();
  }

  /** Publishes to every subscription of the topic; answers the message ids. */
  publish(topic: string, messages: readonly Omit<PubsubMessage, 'messageId' | 'publishTime'>[]): string[] {
    this.getTopic(topic);
    if (messages.length === 0) throw invalidArgument('The value for message_count is too small. You passed 0 in the request, but the minimum value is 1.');
    if (messages.some((m) => m.data.length === 0 && Object.keys(m.attributes).length === 0)) {
      throw invalidArgument('Some messages in the request do not have either data or attributes.');
    }
    const publishTime = timestampOf(this.now());
    const published = messages.map((m) => ({ ...m, messageId: String((this.messageCounter += 1)), publishTime }));
    for (const sub of this.subscriptions.values()) {
      if (sub.config.topic !== topic) continue;
      for (const message of published) sub.queue.enqueue(message);
    }
    return published.map((m) => m.messageId);
  }

  createSubscription(request: SubscriptionConfig): SubscriptionConfig {
    checkName(request.name, 'subscriptions');
    checkName(request.topic, 'topics');
    if (this.subscriptions.has(request.name)) throw alreadyExists(request.name);
    this.getTopic(request.topic);
    // Google's emulator (the conformance oracle) keeps a deadline under 10 s and refuses one over 600 s.
    const deadline = request.ackDeadlineSeconds === 0 ? 10 : request.ackDeadlineSeconds;
    if (deadline < 0 || deadline > 600) throw invalidArgument('ack_deadline_secs out of bounds');
    const ttl = request.expirationPolicy === null ? DEFAULT_TTL_SECONDS : durationSeconds(request.expirationPolicy.ttl);
    if (ttl !== undefined && ttl < DAY_SECONDS) throw invalidArgument('Invalid expiration policy: the minimum TTL is 1 day.');
    const retention = durationSeconds(request['messageRetentionDuration'] as never) ?? DEFAULT_RETENTION_SECONDS;
    const config: SubscriptionConfig = {
      ...request,
      ackDeadlineSeconds: deadline,
      messageRetentionDuration: { seconds: String(retention), nanos: 0 },
      expirationPolicy: ttl === undefined ? { ttl: null } : { ttl: { seconds: String(ttl), nanos: 0 } },
      state: 'ACTIVE',
    };
    const queue = new SubscriptionQueue(request.name, parseAttributeFilter(request.filter), this.now, request['deadLetterPolicy'] !== null && request['deadLetterPolicy'] !== undefined);
    this.subscriptions.set(request.name, { config, queue });
    return config;
  }

  getSubscription(name: string): SubscriptionConfig {
    return this.subscription(name).config;
  }

  /** The delivery queue of a subscription, or NOT_FOUND. */
  queue(name: string): SubscriptionQueue {
    return this.subscription(name).queue;
  }

  deleteSubscription(name: string): void {
    this.subscription(name);
    this.subscriptions.delete(name);
    this.options.onSubscriptionGone?.(name);
  }

  listSubscriptions(project: string): SubscriptionConfig[] {
    return [...this.subscriptions.values()].map((s) => s.config).filter((s) => s.name.startsWith(`projects/${project}/`)).sort(byName);
  }

  /** Expires leases past their deadline and subscriptions idle past their `expirationPolicy.ttl`. */
  tick(): void {
    const now = this.now();
    for (const { config, queue } of [...this.subscriptions.values()]) {
      queue.expire();
      const ttl = durationSeconds(config.expirationPolicy?.ttl);
      if (ttl !== undefined && !queue.attached && now - queue.lastActivity >= ttl * 1000) this.deleteSubscription(config.name);
    }
  }

  private subscription(name: string): Subscription {
    const sub = this.subscriptions.get(name);
    if (sub === undefined) throw notFound(name);
    return sub;
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
