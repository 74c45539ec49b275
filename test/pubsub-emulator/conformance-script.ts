/**
 * One client script, run unchanged against our Pub/Sub emulator (test/pubsub-emulator) and
 * against Google's (test/e2e/pubsub-conformance.test.ts): every call the project makes through
 * `@google-cloud/pubsub`, and what a caller can observe of each (status codes, defaults,
 * payloads, redelivery after a nack and after a missed deadline, filters, deletion). The log it
 * returns is compared, so it holds nothing that differs by implementation (ids, times).
 */

import { PubSub, type Message, type Subscription } from '@google-cloud/pubsub';

/** One observation: what a step saw. */
export type Observation = [step: string, seen: unknown];

const code = async (call: () => Promise<unknown>): Promise<string> => {
  try {
    await call();
    return 'OK';
  } catch (error) {
    return `code ${(error as { code?: number }).code ?? '?'}`;
  }
};

/** Collects the messages a subscription delivers; `next(n)` waits for the next n. */
function collector(subscription: Subscription) {
  const received: Message[] = [];
  const waiters: (() => void)[] = [];
  subscription.on('message', (message: Message) => {
    received.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  subscription.on('error', () => undefined);
  return {
    received,
    async next(count: number, timeoutMs = 60_000): Promise<Message[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received.splice(0, count);
    },
  };
}

const view = (m: Message) => ({ data: m.data.toString(), attributes: m.attributes, orderingKey: m.orderingKey ?? '' });

/** Runs the script against the emulator at `host` (`PUBSUB_EMULATOR_HOST` form) in `project`. */
export async function runConformanceScript(host: string, project: string): Promise<Observation[]> {
  const log: Observation[] = [];
  // Names are logged without the project, so runs in different projects compare equal.
  const local = (name: string): string => name.replace(`projects/${project}/`, '');
  const pubsub = new PubSub({ projectId: project, apiEndpoint: host, emulatorMode: true });
  try {
    const [topic] = await pubsub.createTopic('conformance-topic');
    log.push(['createTopic name', local(topic.name)]);
    log.push(['createTopic again', await code(() => pubsub.createTopic('conformance-topic'))]);
    log.push(['createTopic bad name', await code(() => pubsub.createTopic('1-starts-with-digit'))]);
    log.push(['getTopic missing', await code(() => pubsub.topic('missing-topic').get())]);
    log.push(['topic exists', (await topic.exists())[0]]);
    log.push(['publish to missing topic', await code(() => pubsub.topic('missing-topic').publishMessage({ data: Buffer.from('x') }))]);
    log.push(['subscribe to missing topic', await code(() => pubsub.createSubscription('missing-topic', 'conformance-orphan'))]);
    // Google's emulator takes a deadline below 10 s (and reports what it keeps) but refuses one above 600 s.
    const [short] = await topic.createSubscription('conformance-short', { ackDeadlineSeconds: 5 });
    log.push(['ack deadline 5', (await short.getMetadata())[0].ackDeadlineSeconds]);
    await short.delete();
    log.push(['ack deadline 1000', await code(() => topic.createSubscription('conformance-long', { ackDeadlineSeconds: 1000 }))]);

    const [subscription] = await topic.createSubscription('conformance-sub', { ackDeadlineSeconds: 10 });
    const [metadata] = await subscription.getMetadata();
    log.push(['subscription', { name: local(metadata.name ?? ''), topic: local(metadata.topic ?? ''), ackDeadlineSeconds: metadata.ackDeadlineSeconds }]);
    log.push(['createSubscription again', await code(() => topic.createSubscription('conformance-sub'))]);
    const [filtered] = await topic.createSubscription('conformance-filtered', { filter: 'attributes.resourceType = "Patient"' });

    const ids = await Promise.all([
      topic.publishMessage({ data: Buffer.from('one'), attributes: { resourceType: 'Patient', action: 'CreateResource' } }),
      topic.publishMessage({ data: Buffer.from('two'), attributes: { resourceType: 'Observation' } }),
    ]);
    log.push(['message ids are distinct', new Set(ids).size === 2]);

    const main = collector(subscription);
    const first = await main.next(2);
    log.push(['received', first.map(view).sort((a, b) => a.data.localeCompare(b.data))]);
    // Nack one: it comes back; ack the other: it does not.
    const [nacked, acked] = first[0]?.data.toString() === 'one' ? [first[0], first[1]] : [first[1], first[0]];
    acked?.ack();
    nacked?.nack();
    const again = await main.next(1);
    log.push(['redelivered after nack', again.map(view)]);
    log.push(['redelivery has a new ack id', again[0]?.ackId !== nacked?.ackId]);
    again[0]?.ack();

    const onlyPatients = collector(filtered);
    const passed = await onlyPatients.next(1);
    log.push(['filter passed', passed.map(view)]);
    passed[0]?.ack();
    await filtered.close();

    // A byte payload survives unchanged (the Healthcare API's FullResource JSON, or any bytes).
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    await topic.publishMessage({ data: bytes, attributes: { kind: 'bytes' } });
    const [binary] = await main.next(1);
    log.push(['bytes round-trip', binary?.data.equals(bytes)]);
    binary?.ack();

    await subscription.close();
    log.push(['topic subscriptions', (await topic.getSubscriptions())[0].map((s) => local(s.name)).sort()]);
    await subscription.delete();
    log.push(['deleted subscription exists', (await subscription.exists())[0]]);
    log.push(['ack on deleted subscription', await code(() => pubsub.subscription('conformance-sub').delete())]);
    await filtered.delete();
    await topic.delete();
    log.push(['deleted topic exists', (await topic.exists())[0]]);
  } finally {
    await pubsub.close();
  }
  return log;
}
