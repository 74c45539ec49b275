/**
 * Live delivery (issue 16): a FHIR write to the store → each graphql-ws subscriber's
 * `fhirResourceChanged` message, through the Healthcare emulator's Pub/Sub notification and the
 * graph's read of the changed resource. Three figures, on one graph process:
 *
 * - **delivery latency** p50/p99 with 1, 100 and 1,000 subscribers: writes one after another, each
 *   timed from just before its POST to each subscriber's message;
 * - **events per second sustained**: writes at increasing rates (open loop) to the subscribers of
 *   `rateSubscribers`, counting what is delivered per second, what is missing and the lag after
 *   the last write;
 * - **RSS per 1,000 idle subscriptions**: the graph process's RSS after a full GC, before opening a
 *   point's subscribers and once they are all live and idle.
 *
 * Every subscriber has its own WebSocket connection with one subscription. They run in the process
 * that writes (the bench process: it does nothing else meanwhile), so both times use one clock.
 */
import os from 'node:os';
import { PubSub } from '@google-cloud/pubsub';
import { Arrivals, closeSubscribers, openSubscribers, type LiveSubscriber } from './live-subscribers.js';
import { summarizeLatencies, type LatencySummary } from './stats.js';

/** A point of the latency figure. */
export interface LiveLatencyPoint extends LatencySummary {
  subscribers: number;
  writes: number;
  /** Subscriber messages expected but not received within the wait. */
  missing: number;
  /** The graph process's RSS and V8 heap (after a full GC) before the subscribers connected and once they were live. */
  rssBeforeMb: number | null;
  rssAfterMb: number | null;
  heapBeforeMb: number | null;
  heapAfterMb: number | null;
  /** The graph's CPU milliseconds per delivered message during the timed writes. */
  graphCpuMsPerMessage: number | null;
}

/** A step of the sustained-rate figure. */
export interface LiveRatePoint {
  subscribers: number;
  /** Writes per second asked for, and achieved by the writer. */
  offeredPerS: number;
  writesPerS: number;
  writes: number;
  failedWrites: number;
  /** Changes that reached every subscriber, per second from the first write to the last message (at least the step's length). */
  eventsPerS: number;
  /** Subscriber messages per second over the same window. */
  messagesPerS: number;
  missing: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** From the last write's start to the last message. */
  lagMs: number | null;
}

export interface LiveResult {
  /** Upstream latency the emulator added to every call meanwhile. */
  latencyMs: number;
  connectionsPerSubscriber: 1;
  latency: LiveLatencyPoint[];
  rates: LiveRatePoint[];
  /** Highest offered rate whose events all arrived with p99 ≤ `SUSTAINED_P99_MS`; null if none did. */
  sustainedEventsPerS: number | null;
  sustainedP99Ms: number;
  /**
   * From the point with the most subscribers: (RSS after − before) per 1,000 subscriptions, and the
   * V8 heap's share of it (RSS also holds socket buffers and memory the allocator keeps).
   */
  idle: { subscriptions: number; rssBeforeMb: number; rssAfterMb: number; mbPer1000: number; heapMbPer1000: number | null } | null;
  duplicates: number;
  /** Changes delivered with `resource: null` (the graph could not read the resource). */
  withoutResource: number;
  loadAverage: { start: number[]; end: number[] };
  errors: string[];
}

export interface LivePhaseOptions {
  /** The graph's root, `http://host:port`. */
  graphUrl: string;
  /** The API root the writes go to (with `/v1`). */
  apiUrl: string;
  /** Full name of the FHIR store the subscribers watch and the writes go to. */
  store: string;
  subscriberCounts: readonly number[];
  /** Writes per latency point (one after another). */
  writes: number;
  /** Writes per second of the sustained steps, in increasing order. */
  rates: readonly number[];
  rateDurationMs: number;
  rateSubscribers: number;
  latencyMs: number;
  /** The graph process's RSS and V8 heap in MB after a full GC; null when it cannot be measured. */
  graphMemory: () => Promise<GraphMemory | null>;
  /** The graph process's CPU milliseconds so far; null when it cannot be measured. */
  graphCpuMs: () => Promise<number | null>;
  log: (message: string) => void;
}

export interface GraphMemory {
  rssMb: number;
  heapUsedMb: number;
}

/** The sustained rate is the highest one whose p99 stays at or below this. */
export const SUSTAINED_P99_MS = 1000;
/** How long a write's change may take to reach every subscriber before the missing ones count as missing. */
const DELIVERY_WAIT_MS = 10_000;
/** Writes the probe may take until every new subscriber received one change. */
const PROBE_ATTEMPTS = 20;
/** A probe's wait: a fan-out to a thousand subscribers takes seconds on a busy machine. */
const probeWaitMs = (subscribers: number) => 3000 + 10 * subscribers;
/** The resource type the phase writes and subscribes to. */
const TYPE = 'Observation';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const load = () => os.loadavg().map((value) => round(value, 2));

/** A FHIR create straight to the emulator, timed from just before the POST. */
async function write(options: Pick<LivePhaseOptions, 'apiUrl' | 'store'>, sequence: number): Promise<{ resourceId: string; sentAt: number }> {
  const sentAt = performance.now();
  const response = await fetch(`${options.apiUrl}/${options.store}/fhir/${TYPE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json' },
    body: JSON.stringify({ resourceType: TYPE, status: 'final', code: { text: 'live bench' }, valueQuantity: { value: sequence, unit: '1' } }),
  });
  const body = (await response.json()) as { id?: string };
  if (!response.ok || typeof body.id !== 'string') throw new Error(`FHIR create answered ${response.status}`);
  return { resourceId: body.id, sentAt };
}

/**
 * Writes until one change reached every subscriber: then each subscription is live upstream (the
 * graph's Pub/Sub subscription exists and streams), which the protocol does not acknowledge.
 */
async function probe(options: LivePhaseOptions, arrivals: Arrivals, count: number): Promise<void> {
  for (let attempt = 0; attempt < PROBE_ATTEMPTS; attempt += 1) {
    const { resourceId } = await write(options, -1);
    if ((await arrivals.wait(resourceId, count, probeWaitMs(count))).length >= count) return;
  }
  throw new Error(`after ${PROBE_ATTEMPTS} writes, not all of ${count} subscribers received a change`);
}

async function withSubscribers<T>(options: LivePhaseOptions, arrivals: Arrivals, count: number, body: (subscribers: LiveSubscriber[]) => Promise<T>): Promise<T> {
  const wsUrl = `${options.graphUrl.replace(/^http/, 'ws')}/graphql`;
  const subscribers = await openSubscribers(count, wsUrl, { store: options.store, types: [TYPE] }, arrivals);
  try {
    await probe(options, arrivals, count);
    return await body(subscribers);
  } finally {
    await closeSubscribers(subscribers);
    arrivals.clear();
  }
}

function subscriberErrors(subscribers: readonly LiveSubscriber[]): string[] {
  const errors = subscribers.flatMap((subscriber) => subscriber.errors);
  return errors.length === 0 ? [] : [`${errors.length} subscriber errors, e.g. ${errors[0]}`];
}

async function latencyPoint(options: LivePhaseOptions, arrivals: Arrivals, count: number, errors: string[]): Promise<LiveLatencyPoint> {
  const before = await options.graphMemory();
  return withSubscribers(options, arrivals, count, async (subscribers) => {
    const after = await options.graphMemory();
    const cpuBefore = await options.graphCpuMs();
    const samples: number[] = [];
    let missing = 0;
    for (let sequence = 0; sequence < options.writes; sequence += 1) {
      const { resourceId, sentAt } = await write(options, sequence);
      const times = await arrivals.wait(resourceId, count, DELIVERY_WAIT_MS);
      samples.push(...times.map((at) => at - sentAt));
      missing += count - times.length;
    }
    const cpuAfter = await options.graphCpuMs();
    errors.push(...subscriberErrors(subscribers));
    return {
      subscribers: count,
      writes: options.writes,
      ...summarizeLatencies(samples),
      missing,
      rssBeforeMb: before?.rssMb ?? null,
      rssAfterMb: after?.rssMb ?? null,
      heapBeforeMb: before?.heapUsedMb ?? null,
      heapAfterMb: after?.heapUsedMb ?? null,
      graphCpuMsPerMessage: cpuBefore === null || cpuAfter === null || samples.length === 0 ? null : round((cpuAfter - cpuBefore) / samples.length, 3),
    };
  });
}

/** Writes at `rate` per second for the duration without waiting for answers, then waits for the deliveries. */
async function ratePoint(options: LivePhaseOptions, arrivals: Arrivals, count: number, rate: number): Promise<LiveRatePoint> {
  const interval = 1000 / rate;
  const total = Math.max(1, Math.round((rate * options.rateDurationMs) / 1000));
  const begin = performance.now();
  const sent: Promise<{ resourceId: string; sentAt: number } | undefined>[] = [];
  let failedWrites = 0;
  for (let sequence = 0; sequence < total; sequence += 1) {
    // Paced against the start, so a late timer does not slow the rate down.
    const due = begin + sequence * interval - performance.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    sent.push(write(options, sequence).catch(() => {
      failedWrites += 1;
      return undefined;
    }));
  }
  const lastSentAt = performance.now();
  const written = (await Promise.all(sent)).filter((each) => each !== undefined);
  const writesPerS = round((written.length * 1000) / Math.max(lastSentAt - begin, interval));
  const deadline = performance.now() + DELIVERY_WAIT_MS;
  const samples: number[] = [];
  let missing = 0;
  let complete = 0;
  let lastArrival = begin;
  for (const { resourceId, sentAt } of written) {
    const times = await arrivals.wait(resourceId, count, Math.max(0, deadline - performance.now()));
    samples.push(...times.map((at) => at - sentAt));
    missing += count - times.length;
    if (times.length >= count) complete += 1;
    lastArrival = Math.max(lastArrival, ...times);
  }
  // A step lasts `total` intervals at least: with a few writes, first write → last message is shorter.
  const window = Math.max(lastArrival - begin, total * interval);
  const latency = summarizeLatencies(samples);
  return {
    subscribers: count,
    offeredPerS: rate,
    writesPerS,
    writes: written.length,
    failedWrites,
    eventsPerS: round((complete * 1000) / window),
    messagesPerS: round((samples.length * 1000) / window),
    missing,
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    lagMs: samples.length === 0 ? null : round(lastArrival - lastSentAt),
  };
}

/** Runs the three figures against a running graph whose store notifies a topic the graph consumes. */
export async function runLivePhase(options: LivePhaseOptions): Promise<LiveResult> {
  const start = load();
  const arrivals = new Arrivals();
  const errors: string[] = [];
  const latency: LiveLatencyPoint[] = [];
  for (const count of [...options.subscriberCounts].sort((a, b) => a - b)) {
    const point = await latencyPoint(options, arrivals, count, errors);
    latency.push(point);
    options.log(`  live, ${count} subscribers: p50 ${point.p50Ms} ms, p99 ${point.p99Ms} ms over ${point.count} messages${point.missing ? `, ${point.missing} missing` : ''}; graph RSS ${point.rssBeforeMb} → ${point.rssAfterMb} MB`);
  }
  const rates: LiveRatePoint[] = [];
  if (options.rates.length > 0 && options.rateSubscribers > 0) {
    await withSubscribers(options, arrivals, options.rateSubscribers, async (subscribers) => {
      for (const rate of options.rates) {
        const point = await ratePoint(options, arrivals, options.rateSubscribers, rate);
        rates.push(point);
        options.log(`  live, ${rate} writes/s to ${point.subscribers} subscribers: ${point.eventsPerS} events/s, ${point.messagesPerS} messages/s, p99 ${point.p99Ms} ms, lag ${point.lagMs} ms${point.missing ? `, ${point.missing} missing` : ''}`);
        // Past the first rate that falls behind, higher ones only fall further.
        if (point.missing > 0 || point.failedWrites > 0 || (point.p99Ms ?? Infinity) > SUSTAINED_P99_MS) break;
      }
      errors.push(...subscriberErrors(subscribers));
    });
  }
  const kept = rates.filter((point) => point.missing === 0 && point.failedWrites === 0 && point.p99Ms !== null && point.p99Ms <= SUSTAINED_P99_MS);
  const largest = latency.at(-1);
  const per1000 = (before: number | null, after: number | null) => (largest && before !== null && after !== null ? round(((after - before) * 1000) / largest.subscribers) : null);
  const mbPer1000 = per1000(largest?.rssBeforeMb ?? null, largest?.rssAfterMb ?? null);
  const idle = largest && mbPer1000 !== null
    ? { subscriptions: largest.subscribers, rssBeforeMb: largest.rssBeforeMb!, rssAfterMb: largest.rssAfterMb!, mbPer1000, heapMbPer1000: per1000(largest.heapBeforeMb, largest.heapAfterMb) }
    : null;
  return {
    latencyMs: options.latencyMs,
    connectionsPerSubscriber: 1,
    latency,
    rates,
    sustainedEventsPerS: kept.length === 0 ? null : Math.max(...kept.map((point) => point.offeredPerS)),
    sustainedP99Ms: SUSTAINED_P99_MS,
    idle,
    duplicates: arrivals.duplicates,
    withoutResource: arrivals.withoutResource,
    loadAverage: { start, end: load() },
    errors,
  };
}

/**
 * Creates the phase's topic on the Pub/Sub endpoint and a FHIR store in the dataset whose
 * `notificationConfigs` publish to it (name only: the graph reads the resource again anyway).
 * Returns the store's full name.
 */
export async function createLiveStore(target: { apiUrl: string; pubsubHost: string; dataset: string; storeId: string }): Promise<string> {
  const project = /^projects\/([^/]+)\//.exec(target.dataset)?.[1] ?? 'demo';
  const pubsub = new PubSub({ projectId: project, apiEndpoint: target.pubsubHost, emulatorMode: true });
  const topic = `projects/${project}/topics/${target.storeId}-changes`;
  try {
    await pubsub.createTopic(topic);
  } finally {
    await pubsub.close();
  }
  const response = await fetch(`${target.apiUrl}/${target.dataset}/fhirStores?fhirStoreId=${target.storeId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: 'R4', notificationConfigs: [{ pubsubTopic: topic, sendFullResource: false }] }),
  });
  if (!response.ok) throw new Error(`creating the live store answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return `${target.dataset}/fhirStores/${target.storeId}`;
}
