/**
 * The gRPC handlers of `google.pubsub.v1.Publisher` and `Subscriber`: the calls
 * `@google-cloud/pubsub` makes (topics, subscriptions, Publish, StreamingPull, Acknowledge,
 * ModifyAckDeadline) plus Pull and the list methods that tools use.
 */

import { status, type sendUnaryData, type ServerUnaryCall, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { PubsubMessage, ReceivedMessage } from './messages.js';
import { checkProject } from './names.js';
import type { PubSubState, SubscriptionConfig, TopicConfig } from './state.js';
import { invalidArgument, PubSubError } from './status.js';
import { serveStreamingPull, type OpenStreams } from './streaming-pull.js';
import type { Consumer } from './subscription.js';

type Request = Record<string, unknown>;

/** Longest a Pull without `returnImmediately` waits for a message before answering empty. */
const PULL_WAIT_MS = 5000;

/** A unary handler from a function of the request; a thrown PubSubError becomes the call's status. */
function unary<Q, A>(run: (request: Q) => A | Promise<A>) {
  return (call: ServerUnaryCall<Q, A>, callback: sendUnaryData<A>): void => {
    Promise.resolve()
      .then(() => run(call.request))
      .then(
        (answer) => callback(null, answer),
        (error: unknown) => {
          const failure = error instanceof PubSubError ? error : new PubSubError(status.INTERNAL, 'Internal error.');
          callback(failure.toServiceError());
        },
      );
  };
}

/** A page of a name-ordered list; the page token is the last name of the previous page. */
function page<T extends { name: string } | string>(items: T[], request: Request, field: string): Record<string, unknown> {
  const size = Number(request['pageSize']) || 100;
  const token = String(request['pageToken'] ?? '');
  const nameOf = (item: T): string => (typeof item === 'string' ? item : item.name);
  const rest = token === '' ? items : items.filter((item) => nameOf(item) > token);
  const shown = rest.slice(0, size);
  const last = shown.at(-1);
  return { [field]: shown, nextPageToken: rest.length > size && last !== undefined ? nameOf(last) : '' };
}

function messagesOf(request: Request): Omit<PubsubMessage, 'messageId' | 'publishTime'>[] {
  return ((request['messages'] ?? []) as Request[]).map((m) => ({
    data: (m['data'] as Buffer | undefined) ?? Buffer.alloc(0),
    attributes: (m['attributes'] ?? {}) as Record<string, string>,
    orderingKey: String(m['orderingKey'] ?? ''),
  }));
}

export function publisherService(state: PubSubState): UntypedServiceImplementation {
  return {
    CreateTopic: unary((topic: TopicConfig) => state.createTopic(topic)),
    GetTopic: unary((request: Request) => state.getTopic(String(request['topic']))),
    UpdateTopic: unary((request: Request) => state.getTopic(String((request['topic'] as TopicConfig | null)?.name))),
    DeleteTopic: unary((request: Request) => {
      state.deleteTopic(String(request['topic']));
      return {};
    }),
    ListTopics: unary((request: Request) => page(state.listTopics(checkProject(String(request['project']))), request, 'topics')),
    ListTopicSubscriptions: unary((request: Request) => page(state.topicSubscriptions(String(request['topic'])), request, 'subscriptions')),
    Publish: unary((request: Request) => ({ messageIds: state.publish(String(request['topic']), messagesOf(request)) })),
  };
}

export function subscriberService(state: PubSubState, streams: OpenStreams): UntypedServiceImplementation {
  return {
    CreateSubscription: unary((sub: SubscriptionConfig) => state.createSubscription(sub)),
    GetSubscription: unary((request: Request) => state.getSubscription(String(request['subscription']))),
    DeleteSubscription: unary((request: Request) => {
      state.deleteSubscription(String(request['subscription']));
      return {};
    }),
    ListSubscriptions: unary((request: Request) => page(state.listSubscriptions(checkProject(String(request['project']))), request, 'subscriptions')),
    Acknowledge: unary((request: Request) => {
      const ackIds = request['ackIds'] as string[];
      if (ackIds.length === 0) throw invalidArgument('No ack ids specified.');
      state.queue(String(request['subscription'])).acknowledge(ackIds);
      return {};
    }),
    ModifyAckDeadline: unary((request: Request) => {
      const seconds = Number(request['ackDeadlineSeconds']);
      if (seconds < 0 || seconds > 600) throw invalidArgument(`Invalid ack deadline given: ${seconds}. It must be between 0 and 600 seconds.`);
      const ackIds = request['ackIds'] as string[];
      if (ackIds.length === 0) throw invalidArgument('No ack ids specified.');
      state.queue(String(request['subscription'])).modifyDeadline(ackIds, seconds);
      return {};
    }),
    Pull: unary((request: Request) => pull(state, request)),
    StreamingPull: (call: Parameters<typeof serveStreamingPull>[0]) => serveStreamingPull(call, state, streams),
  };
}

/** `Pull`: one batch; without `returnImmediately` it waits a while for the first message. */
function pull(state: PubSubState, request: Request): Promise<{ receivedMessages: ReceivedMessage[] }> {
  const max = Number(request['maxMessages']);
  if (max <= 0) throw invalidArgument('The value for max_messages is too small. You passed 0 in the request, but the minimum value is 1.');
  const queue = state.queue(String(request['subscription']));
  const config = state.getSubscription(String(request['subscription']));
  return new Promise((resolve) => {
    const received: ReceivedMessage[] = [];
    const done = (): void => {
      clearTimeout(timer);
      queue.detach(consumer);
      resolve({ receivedMessages: received });
    };
    const consumer: Consumer = {
      ackDeadlineSeconds: config.ackDeadlineSeconds,
      room: () => ({ messages: received.length === 0 ? max : 0, bytes: Infinity }),
      deliver(messages) {
        received.push(...messages);
        done();
      },
      released: () => undefined,
    };
    const timer = setTimeout(done, request['returnImmediately'] === true ? 0 : PULL_WAIT_MS);
    queue.attach(consumer);
  });
}
