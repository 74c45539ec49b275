/**
 * What the client script cannot drive: ack-deadline expiry and redelivery, subscription expiry,
 * acks and deadline changes sent on the stream, keep-alive answers, NOT_FOUND on deletion. A raw
 * gRPC client on the package's descriptors speaks to the emulator; a fake clock moves time.
 */

import * as grpc from '@grpc/grpc-js';
import { loadPubSubServices } from '../../src/pubsub-emulator/protos.js';
import { startPubSubEmulator, type RunningPubSubEmulator } from '../../src/pubsub-emulator/server.js';
import { parseAttributeFilter } from '../../src/pubsub-emulator/filter.js';

type Client = grpc.Client & Record<string, (...args: any[]) => any>;

describe('Pub/Sub emulator delivery', () => {
  let emulator: RunningPubSubEmulator;
  let clock = 1_000_000;
  let publisher: Client;
  let subscriber: Client;
  const call = (client: Client, method: string, request: object): Promise<any> =>
    new Promise((resolve, reject) => client[method]!(request, (error: Error | null, answer: unknown) => (error ? reject(error) : resolve(answer))));

  beforeAll(async () => {
    emulator = await startPubSubEmulator({ now: () => clock, tickMs: 3_600_000 });
    const services = loadPubSubServices();
    const Publisher = grpc.makeGenericClientConstructor(services.publisher, 'Publisher');
    const Subscriber = grpc.makeGenericClientConstructor(services.subscriber, 'Subscriber');
    publisher = new Publisher(emulator.host, grpc.credentials.createInsecure()) as unknown as Client;
    subscriber = new Subscriber(emulator.host, grpc.credentials.createInsecure()) as unknown as Client;
    await call(publisher, 'CreateTopic', { name: 'projects/p/topics/events' });
  });
  afterAll(async () => {
    publisher.close();
    subscriber.close();
    await emulator.close();
  });

  /** Opens a StreamingPull stream; `next()` resolves with the next response. */
  function open(subscription: string, extra: object = {}) {
    const stream = subscriber['StreamingPull']!() as grpc.ClientDuplexStream<object, any>;
    const responses: any[] = [];
    let wake: (() => void) | undefined;
    let status: grpc.StatusObject | undefined;
    stream.on('data', (r) => {
      responses.push(r);
      wake?.();
    });
    stream.on('error', () => undefined);
    stream.on('status', (s: grpc.StatusObject) => {
      status = s;
      wake?.();
    });
    stream.write({ subscription, streamAckDeadlineSeconds: 10, ...extra });
    return {
      stream,
      status: () => status,
      async next(): Promise<any> {
        while (responses.length === 0 && status === undefined) await new Promise<void>((r) => (wake = r));
        return responses.shift();
      },
    };
  }

  const publish = (data: string, attributes: Record<string, string> = {}) =>
    call(publisher, 'Publish', { topic: 'projects/p/topics/events', messages: [{ data: Buffer.from(data), attributes }] });

  it('redelivers a message whose ack deadline passed, under a new ack id, and not one that was acked on the stream', async () => {
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/expiry', topic: 'projects/p/topics/events' });
    const pull = open('projects/p/subscriptions/expiry');
    await publish('late');
    await publish('acked');
    const first = [...(await pull.next()).receivedMessages];
    while (first.length < 2) first.push(...(await pull.next()).receivedMessages);
    const acked = first.find((m) => m.message.data.toString() === 'acked');
    const late = first.find((m) => m.message.data.toString() === 'late');
    pull.stream.write({ ackIds: [acked.ackId] });
    // An empty request is a keep-alive and gets an empty answer.
    pull.stream.write({});
    expect((await pull.next()).receivedMessages).toEqual([]);
    clock += 11_000;
    emulator.state.tick();
    const again = (await pull.next()).receivedMessages;
    expect(again.map((m: any) => m.message.data.toString())).toEqual(['late']);
    expect(again[0].ackId).not.toBe(late.ackId);
    // The stale ack id is ignored; the new one is extended on the stream, so nothing comes back.
    pull.stream.write({ ackIds: [late.ackId], modifyDeadlineAckIds: [again[0].ackId], modifyDeadlineSeconds: [600] });
    // Requests are handled in order: once the keep-alive is answered, the extension has been applied.
    pull.stream.write({});
    await pull.next();
    clock += 11_000;
    emulator.state.tick();
    pull.stream.write({});
    expect((await pull.next()).receivedMessages).toEqual([]);
    pull.stream.end();
  });

  it('ends the streams of a deleted subscription with NOT_FOUND', async () => {
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/doomed', topic: 'projects/p/topics/events' });
    const pull = open('projects/p/subscriptions/doomed');
    pull.stream.write({});
    await pull.next();
    await call(subscriber, 'DeleteSubscription', { subscription: 'projects/p/subscriptions/doomed' });
    await pull.next();
    expect(pull.status()?.code).toBe(grpc.status.NOT_FOUND);
  });

  it('refuses a stream for a missing subscription or with a bad deadline, and flow-control fields after the first request', async () => {
    const missing = open('projects/p/subscriptions/none');
    await missing.next();
    expect(missing.status()?.code).toBe(grpc.status.NOT_FOUND);
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/strict', topic: 'projects/p/topics/events' });
    const bad = open('projects/p/subscriptions/strict', { streamAckDeadlineSeconds: 5 });
    await bad.next();
    expect(bad.status()?.code).toBe(grpc.status.INVALID_ARGUMENT);
    const late = open('projects/p/subscriptions/strict');
    late.stream.write({ maxOutstandingMessages: 5 });
    await late.next();
    expect(late.status()?.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it('deletes a subscription idle for longer than its expiration policy, and keeps one without a ttl', async () => {
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/idle', topic: 'projects/p/topics/events', expirationPolicy: { ttl: { seconds: 86_400 } } });
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/forever', topic: 'projects/p/topics/events', expirationPolicy: {} });
    await expect(call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/brief', topic: 'projects/p/topics/events', expirationPolicy: { ttl: { seconds: 60 } } })).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    clock += 86_400_000;
    emulator.state.tick();
    await expect(call(subscriber, 'GetSubscription', { subscription: 'projects/p/subscriptions/idle' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    expect((await call(subscriber, 'GetSubscription', { subscription: 'projects/p/subscriptions/forever' })).expirationPolicy.ttl).toBeNull();
  });

  it('limits a stream to its max outstanding messages until it acks', async () => {
    await call(subscriber, 'CreateSubscription', { name: 'projects/p/subscriptions/flow', topic: 'projects/p/topics/events' });
    const pull = open('projects/p/subscriptions/flow', { maxOutstandingMessages: 1 });
    await publish('a');
    await publish('b');
    const first = (await pull.next()).receivedMessages;
    expect(first).toHaveLength(1);
    pull.stream.write({ ackIds: [first[0].ackId] });
    const second = (await pull.next()).receivedMessages;
    expect(second.map((m: any) => m.message.data.toString())).toEqual(['b']);
    pull.stream.end();
  });
});

describe('subscription filters', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['attributes.resourceType = "Patient"', { resourceType: 'Patient' }, true],
    ['attributes.resourceType != "Patient"', { resourceType: 'Patient' }, false],
    ['attributes:action', { action: 'x' }, true],
    ['NOT attributes:action', { action: 'x' }, false],
    ['-attributes:action', {}, true],
    ['hasPrefix(attributes.storeName, "projects/demo/")', { storeName: 'projects/demo/locations/l' }, true],
    ['attributes.a = "1" AND (attributes.b = "2" OR attributes.c = "3")', { a: '1', c: '3' }, true],
    ['attributes.a = "1" AND attributes.b = "2"', { a: '1' }, false],
  ];
  it.each(cases)('%s', (filter, attributes, expected) => {
    expect(parseAttributeFilter(filter)(attributes)).toBe(expected);
  });

  it.each(['attributes.a = "1" AND attributes.b = "2" OR attributes.c = "3"', 'data = "x"', 'attributes.a ~ "x"', 'attributes.a ='])('refuses %s', (filter) => {
    expect(() => parseAttributeFilter(filter)).toThrow(/Invalid filter/);
  });
});
