/**
 * Publishes the notifications of store changes to a Pub/Sub endpoint with the real client, as the
 * Cloud Healthcare Service Agent does. As in Google, a failed publish never fails the write: it
 * is reported to the logger (Google logs it to Cloud Logging), at most once a minute per topic.
 */

import type { PubSub, Topic } from '@google-cloud/pubsub';
import { emulatorPubSubClient } from '../../pubsub-emulator/client.js';
import type { JsonObject } from '../json.js';
import type { StoreChange } from './changes.js';
import { notificationMessages } from './messages.js';

/** Where the emulator reports failed publishes. */
export interface NotificationLogger {
  warn(message: string): void;
}

const WARN_INTERVAL_MS = 60_000;

export class NotificationPublisher {
  private readonly pubsub: PubSub;
  private readonly topics = new Map<string, Topic>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly lastWarning = new Map<string, number>();

  /** `endpoint` is `host:port` of a Pub/Sub emulator (plaintext gRPC). */
  constructor(
    endpoint: string,
    private readonly logger: NotificationLogger,
  ) {
    // The project only fills in short names; notification topics are always full names.
    this.pubsub = emulatorPubSubClient(endpoint, 'healthcare-emulator');
  }

  /** Publishes the notifications of a change of the store `storeName` with configuration `config`. */
  publish(storeName: string, config: JsonObject, change: StoreChange): void {
    for (const message of notificationMessages(storeName, config, change)) {
      let topic = this.topics.get(message.topic);
      if (topic === undefined) this.topics.set(message.topic, (topic = this.pubsub.topic(message.topic)));
      const sent = topic.publishMessage({ data: message.data, attributes: message.attributes }).catch((error: unknown) => this.warn(message.topic, error));
      this.pending.add(sent);
      void sent.finally(() => this.pending.delete(sent));
    }
  }

  /** Waits for the publishes under way (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pubsub.close();
  }

  private warn(topic: string, error: unknown): void {
    const now = Date.now();
    if (now - (this.lastWarning.get(topic) ?? -Infinity) < WARN_INTERVAL_MS) return;
    this.lastWarning.set(topic, now);
    const code = (error as { code?: unknown }).code;
    // The code and topic only: the message may quote the payload, which is patient data.
    this.logger.warn(`emulator: could not publish a notification to ${topic} (gRPC code ${String(code ?? 'unknown')})`);
  }
}
