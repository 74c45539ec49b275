/**
 * One subscription's delivery: the backlog, the leased (delivered, not yet acknowledged) messages
 * with their ack deadlines, and the consumers (StreamingPull streams, waiting Pulls) messages go
 * to. A lease that is neither acknowledged nor extended before its deadline, or that is nacked
 * (deadline 0), puts the message back at the front of the backlog for redelivery under a new
 * ack id, as Pub/Sub's at-least-once delivery does.
 */

import { messageBytes, type PubsubMessage, type ReceivedMessage } from './messages.js';
import type { AttributeFilter } from './filter.js';

/** A StreamingPull stream (or a waiting Pull) that takes messages. */
export interface Consumer {
  /** The deadline, in seconds, of the leases of messages sent to this consumer. */
  ackDeadlineSeconds: number;
  /** How many more messages, and bytes, it takes now (flow control); Infinity = no limit. */
  room(): { messages: number; bytes: number };
  /** Hands it messages; their leases are already counted against it. */
  deliver(messages: ReceivedMessage[]): void;
  /** Leases of this consumer's messages ended (acked, nacked or expired). */
  released(count: number, bytes: number): void;
}

interface Pending {
  message: PubsubMessage;
  attempt: number;
}

interface Lease extends Pending {
  deadline: number;
  consumer: Consumer;
  bytes: number;
}

/** Messages one pump hands a consumer at most, like Pub/Sub's batches. */
const MAX_BATCH = 1000;

export class SubscriptionQueue {
  private readonly backlog: Pending[] = [];
  private readonly leases = new Map<string, Lease>();
  private readonly consumers: Consumer[] = [];
  private next = 0;
  private ackCounter = 0;
  /** Last time a consumer pulled, acked or attached: what `expirationPolicy.ttl` measures. */
  lastActivity: number;

  constructor(
    readonly name: string,
    readonly filter: AttributeFilter,
    private readonly now: () => number,
    /** Counts delivery attempts (only subscriptions with a dead-letter policy report them). */
    private readonly countsAttempts: boolean,
  ) {
    this.lastActivity = now();
  }

  /** True while a stream is open on the subscription (it does not expire then). */
  get attached(): boolean {
    return this.consumers.length > 0;
  }

  /** Messages waiting or leased. */
  get size(): number {
    return this.backlog.length + this.leases.size;
  }

  /** Adds a published message when the filter lets it through. */
  enqueue(message: PubsubMessage): void {
    if (!this.filter(message.attributes)) return;
    this.backlog.push({ message, attempt: 1 });
    this.pump();
  }

  attach(consumer: Consumer): void {
    this.consumers.push(consumer);
    this.touch();
    this.pump();
  }

  detach(consumer: Consumer): void {
    const at = this.consumers.indexOf(consumer);
    if (at >= 0) this.consumers.splice(at, 1);
    this.touch();
  }

  /** Acknowledges: the messages are done. Unknown or stale ack ids are ignored, as in Pub/Sub. */
  acknowledge(ackIds: readonly string[]): void {
    this.touch();
    for (const ackId of ackIds) this.release(ackId);
    this.pump();
  }

  /** Sets the leases' deadlines to `seconds` from now; 0 nacks them (redelivered at once). */
  modifyDeadline(ackIds: readonly string[], seconds: number): void {
    this.touch();
    const now = this.now();
    const nacked: Pending[] = [];
    for (const ackId of ackIds) {
      const lease = this.leases.get(ackId);
      if (lease === undefined) continue;
      if (seconds > 0) {
        lease.deadline = now + seconds * 1000;
        continue;
      }
      this.release(ackId);
      nacked.push(lease);
    }
    this.redeliver(nacked);
  }

  /** Returns expired leases to the backlog; called by the emulator's timer. */
  expire(): void {
    const now = this.now();
    const expired: Pending[] = [];
    for (const [ackId, lease] of this.leases) {
      if (lease.deadline > now) continue;
      this.release(ackId);
      expired.push(lease);
    }
    this.redeliver(expired);
  }

  /** Hands backlog messages to consumers with room, round-robin. */
  pump(): void {
    let idle = 0;
    while (this.backlog.length > 0 && this.consumers.length > 0 && idle < this.consumers.length) {
      this.next %= this.consumers.length;
      const consumer = this.consumers[this.next] as Consumer;
      this.next += 1;
      const batch = this.take(consumer);
      if (batch.length === 0) idle += 1;
      else {
        idle = 0;
        consumer.deliver(batch);
      }
    }
  }

  private take(consumer: Consumer): ReceivedMessage[] {
    const room = consumer.room();
    const batch: ReceivedMessage[] = [];
    let bytes = 0;
    while (this.backlog.length > 0 && batch.length < Math.min(room.messages, MAX_BATCH)) {
      const pending = this.backlog[0] as Pending;
      const size = messageBytes(pending.message);
      // One message always fits, however large, or a big message would never be delivered.
      if (batch.length > 0 && bytes + size > room.bytes) break;
      this.backlog.shift();
      bytes += size;
      const ackId = `${this.name.split('/').pop() ?? ''}-${(this.ackCounter += 1)}-${pending.attempt}`;
      this.leases.set(ackId, { ...pending, consumer, bytes: size, deadline: this.now() + consumer.ackDeadlineSeconds * 1000 });
      batch.push({ ackId, message: pending.message, deliveryAttempt: this.countsAttempts ? pending.attempt : 0 });
    }
    return batch;
  }

  private release(ackId: string): void {
    const lease = this.leases.get(ackId);
    if (lease === undefined) return;
    this.leases.delete(ackId);
    lease.consumer.released(1, lease.bytes);
  }

  private redeliver(messages: Pending[]): void {
    if (messages.length === 0) return;
    // Back to the front: a redelivered message goes out before newer ones.
    this.backlog.unshift(...messages.map((m) => ({ message: m.message, attempt: m.attempt + 1 })));
    this.pump();
  }

  private touch(): void {
    this.lastActivity = this.now();
  }
}
