/**
 * `Subscriber/StreamingPull`: one bidirectional stream. The first request names the subscription
 * and the stream's ack deadline (and flow control); later requests may carry acks, deadline
 * changes, a new stream deadline, or nothing: an empty request is the client's keep-alive, and
 * it gets an empty response so clients that check for the server's answer (6.x) keep the stream.
 */

import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { ReceivedMessage } from './messages.js';
import type { PubSubState } from './state.js';
import { invalidArgument, PubSubError } from './status.js';
import type { Consumer, SubscriptionQueue } from './subscription.js';

/** `google.pubsub.v1.StreamingPullRequest` as proto-loader decodes it (defaults filled in). */
export interface StreamingPullRequest {
  subscription: string;
  ackIds: string[];
  modifyDeadlineSeconds: number[];
  modifyDeadlineAckIds: string[];
  streamAckDeadlineSeconds: number;
  clientId: string;
  maxOutstandingMessages: string;
  maxOutstandingBytes: string;
  protocolVersion: string;
}

type PullStream = ServerDuplexStream<StreamingPullRequest, { receivedMessages: ReceivedMessage[] }>;

/** The open streams of each subscription, so that deleting it ends them with NOT_FOUND. */
export class OpenStreams {
  private readonly bySubscription = new Map<string, Set<PullStream>>();

  add(subscription: string, call: PullStream): void {
    const set = this.bySubscription.get(subscription) ?? new Set<PullStream>();
    set.add(call);
    this.bySubscription.set(subscription, set);
  }

  remove(subscription: string, call: PullStream): void {
    this.bySubscription.get(subscription)?.delete(call);
  }

  /** Ends a subscription's streams with NOT_FOUND, which the client does not retry. */
  endAll(subscription: string): void {
    for (const call of this.bySubscription.get(subscription) ?? []) fail(call, new PubSubError(status.NOT_FOUND, `Subscription does not exist (resource=${subscription.split('/').pop() ?? ''}).`));
    this.bySubscription.delete(subscription);
  }

  /** Ends every stream (the emulator is stopping) with UNAVAILABLE, which clients retry. */
  endEverything(): void {
    for (const subscription of [...this.bySubscription.keys()]) {
      for (const call of this.bySubscription.get(subscription) ?? []) fail(call, new PubSubError(status.UNAVAILABLE, 'The emulator is shutting down.'));
    }
    this.bySubscription.clear();
  }
}

function fail(call: PullStream, error: PubSubError): void {
  if (!call.destroyed) call.emit('error', error.toServiceError());
}

function checkDeadline(seconds: number): number {
  if (seconds < 10 || seconds > 600) throw invalidArgument(`Invalid stream ack deadline given: ${seconds}. It must be between 10 and 600 seconds.`);
  return seconds;
}

/** Serves one StreamingPull call. */
export function serveStreamingPull(call: PullStream, state: PubSubState, streams: OpenStreams): void {
  let queue: SubscriptionQueue | undefined;
  let consumer: (Consumer & { outstanding: number; bytes: number }) | undefined;
  let subscription = '';
  const close = (): void => {
    if (queue !== undefined && consumer !== undefined) queue.detach(consumer);
    streams.remove(subscription, call);
    queue = undefined;
  };

  const first = (request: StreamingPullRequest): void => {
    subscription = request.subscription;
    if (subscription === '') throw invalidArgument('The first StreamingPull request must name a subscription.');
    const found = state.queue(subscription);
    const maxMessages = Number(request.maxOutstandingMessages) || Infinity;
    const maxBytes = Number(request.maxOutstandingBytes) || Infinity;
    const own = {
      ackDeadlineSeconds: checkDeadline(request.streamAckDeadlineSeconds),
      outstanding: 0,
      bytes: 0,
      room: () => ({ messages: maxMessages - own.outstanding, bytes: maxBytes - own.bytes }),
      deliver(messages: ReceivedMessage[]) {
        for (const m of messages) {
          own.outstanding += 1;
          own.bytes += m.message.data.length;
        }
        // A stream ending between a publish and this write: the leases expire and go elsewhere.
        if (!call.writableEnded) call.write({ receivedMessages: messages });
      },
      released(count: number, bytes: number) {
        own.outstanding -= count;
        own.bytes -= bytes;
      },
    };
    consumer = own;
    queue = found;
    streams.add(subscription, call);
    found.attach(own);
    later(request);
  };

  const later = (request: StreamingPullRequest): void => {
    if (queue === undefined || consumer === undefined) return;
    if (request.modifyDeadlineAckIds.length !== request.modifyDeadlineSeconds.length) {
      throw invalidArgument('modify_deadline_ack_ids and modify_deadline_seconds must have the same length.');
    }
    if (request.ackIds.length > 0) queue.acknowledge(request.ackIds);
    request.modifyDeadlineAckIds.forEach((ackId, i) => queue?.modifyDeadline([ackId], request.modifyDeadlineSeconds[i] ?? 0));
    if (request.streamAckDeadlineSeconds !== 0) consumer.ackDeadlineSeconds = checkDeadline(request.streamAckDeadlineSeconds);
  };

  let started = false;
  call.on('data', (request: StreamingPullRequest) => {
    try {
      if (!started) {
        started = true;
        first(request);
        return;
      }
      if (Number(request.maxOutstandingMessages) !== 0 || Number(request.maxOutstandingBytes) !== 0 || Number(request.protocolVersion) !== 0) {
        throw invalidArgument('max_outstanding_messages, max_outstanding_bytes and protocol_version may only be set on the first request.');
      }
      const empty = request.ackIds.length === 0 && request.modifyDeadlineAckIds.length === 0 && request.streamAckDeadlineSeconds === 0;
      later(request);
      if (empty && !call.writableEnded) call.write({ receivedMessages: [] });
    } catch (error) {
      close();
      fail(call, error instanceof PubSubError ? error : new PubSubError(status.INTERNAL, 'Internal error.'));
    }
  });
  call.on('end', () => {
    close();
    call.end();
  });
  call.on('cancelled', close);
  call.on('error', close);
}
