/** The pure parts of subscriptions, with no server: the event stream, readers, limits, compartment, filter, admission. */
import { describe, expect, it } from '@jest/globals';
import { inCompartmentOf } from '../../src/fhir/compartment.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { DEFAULT_LIMITS } from '../../src/graphql/limits/index.js';
import { admitOperation } from '../../src/graphql/subscriptions/admission.js';
import { filterable } from '../../src/graphql/subscriptions/hl7v2.js';
import { EventReaders, type EventReader } from '../../src/graphql/subscriptions/live-operation.js';
import { liveStream } from '../../src/graphql/subscriptions/stream.js';
import { SubscriptionLimits } from '../../src/graphql/subscriptions/subscription-limits.js';
import { parseFilter } from '../../src/hl7v2/filter.js';
import type { StoreEvent } from '../../src/live/store-events.js';

const event = (id: string): StoreEvent => ({ kind: 'hl7v2', store: 's', name: `s/messages/${id}` });

/** A listen() over an in-test feed: what the real StoreEventSource's listeners get. */
function feed() {
  let listener: ((event: StoreEvent) => void) | undefined;
  let stopped = 0;
  return {
    listen: async (push: (event: StoreEvent) => void) => {
      listener = push;
      return () => { stopped += 1; };
    },
    emit: (value: StoreEvent) => listener?.(value),
    stopped: () => stopped,
  };
}

describe('liveStream', () => {
  it('yields prepared events in order, skips the ones prepared as undefined, and stops listening once on return()', async () => {
    const source = feed();
    let ended = 0;
    const stream = await liveStream<string>({
      listen: source.listen,
      prepare: async (value) => (value.name.endsWith('skip') ? undefined : { value: value.name }),
      maxPending: 10,
      overflow: () => {},
      onEnd: () => { ended += 1; },
    });
    source.emit(event('a'));
    source.emit(event('skip'));
    source.emit(event('b'));
    expect(await stream.next()).toEqual({ value: { value: 's/messages/a' }, done: false });
    expect(await stream.next()).toEqual({ value: { value: 's/messages/b' }, done: false });
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    await stream.return!();
    expect([source.stopped(), ended]).toEqual([1, 1]);
  });

  it('ends after a final error, and at once when more events wait than it may hold', async () => {
    const source = feed();
    const failing = await liveStream<string>({ listen: source.listen, prepare: async () => ({ error: new Error('gone'), final: true }), maxPending: 10, overflow: () => {}, onEnd: () => {} });
    source.emit(event('a'));
    expect((await failing.next()).value).toEqual({ error: new Error('gone'), final: true });
    expect(await failing.next()).toEqual({ value: undefined, done: true });

    const slow = feed();
    let overflows = 0;
    const stream = await liveStream<string>({ listen: slow.listen, prepare: async (value) => ({ value: value.name }), maxPending: 2, overflow: () => { overflows += 1; }, onEnd: () => {} });
    for (const id of ['a', 'b', 'c', 'd']) slow.emit(event(id));
    expect([overflows, slow.stopped()]).toEqual([1, 1]);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});

describe('EventReaders', () => {
  it('gives subscribers of one event and identity the same reader, and others their own', () => {
    const readers = new EventReaders();
    let made = 0;
    const make = () => { made += 1; return { client: {}, loaders: {} } as unknown as EventReader; };
    const first = event('a');
    const one = readers.readerFor(first, 'alice', make);
    expect(readers.readerFor(first, 'alice', make)).toBe(one);
    expect(readers.readerFor(first, 'bob', make)).not.toBe(one);
    expect(readers.readerFor(event('a'), 'alice', make)).not.toBe(one);
    expect(made).toBe(3);
  });
});

describe('SubscriptionLimits', () => {
  it('refuses past the connection\'s limit, then the process\'s, and counts a release once', () => {
    const limits = new SubscriptionLimits({ maxPerConnection: 1, maxTotal: 2 });
    const a = { open: 0 };
    const b = { open: 0 };
    const c = { open: 0 };
    const release = limits.admit(a);
    expect(() => limits.admit(a)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', allowed: 1 }) }));
    limits.admit(b);
    expect(() => limits.admit(c)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'OVERLOADED', allowed: 2 }) }));
    release();
    release();
    expect(a.open).toBe(0);
    expect(() => limits.admit(c)).not.toThrow();
  });
});

describe('inCompartmentOf', () => {
  it('places a resource by its compartment elements\' references, nested and absolute ones included', () => {
    expect(inCompartmentOf({ resourceType: 'Patient', id: 'p1' }, 'p1')).toBe(true);
    expect(inCompartmentOf({ resourceType: 'Observation', subject: { reference: 'Patient/p1' } } as never, 'p1')).toBe(true);
    expect(inCompartmentOf({ resourceType: 'Observation', subject: { reference: 'Patient/p10' } } as never, 'p1')).toBe(false);
    expect(inCompartmentOf({ resourceType: 'Appointment', participant: [{ actor: { reference: 'Practitioner/x' } }, { actor: { reference: 'https://h/fhir/Patient/p1/_history/2' } }] } as never, 'p1')).toBe(true);
    expect(inCompartmentOf({ resourceType: 'Observation', focus: [{ reference: 'Patient/p1' }] } as never, 'p1')).toBe(false);
    expect(inCompartmentOf({ resourceType: 'Organization', partOf: { reference: 'Patient/p1' } } as never, 'p1')).toBe(false);
  });
});

describe('the HL7v2 filter on messages as the API returns them', () => {
  const message = filterable({ name: 'm', messageType: 'ORU', sendFacility: 'GENLAB', sendTime: '2024-01-16T10:15:00Z', createTime: '2024-01-16T10:16:00Z', labels: { ward: '4W' }, patientIds: [{ value: 'MRN1', type: 'MR' }] });
  it.each([
    ['message_type = "ORU"', true],
    ['message_type = "ADT"', false],
    ['send_time >= "2024-01-16T00:00:00Z" AND labels.ward = "4W"', true],
    ['PatientId("MRN1", "MR") AND NOT send_facility = "GENLAB"', false],
    ['send_date = "2024-01-16"', true],
  ])('%s', (filter, expected) => {
    expect(parseFilter(filter)(message, { zone: 'UTC' })).toBe(expected);
  });
});

describe('admitOperation', () => {
  const rules = { schema: buildSchema(), limits: { ...DEFAULT_LIMITS, maxDepth: 3 } };
  it('admits a subscription and names its root field', () => {
    const admitted = admitOperation(rules, { query: 'subscription { dicomInstanceStored(store: "s") { sopInstanceUid } }' });
    expect(Array.isArray(admitted) ? admitted : admitted.field).toBe('dicomInstanceStored');
  });
  it('shares one parsed document between subscriptions of the same text, and keeps refusing an invalid one', () => {
    const query = 'subscription { dicomInstanceStored(store: "shared") { sopInstanceUid } }';
    const [first, second] = [admitOperation(rules, { query }), admitOperation(rules, { query })];
    expect(Array.isArray(first) || Array.isArray(second)).toBe(false);
    expect(Array.isArray(first) ? first : first.document).toBe(Array.isArray(second) ? second : second.document);
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = admitOperation(rules, { query: 'subscription { nothing }' });
      expect(Array.isArray(refused) ? refused.map((error) => error.extensions.code) : refused).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
  });
  it.each([
    ['{ datasets(first: 1) { nodes { name } } }', 'BAD_USER_INPUT'],
    ['subscription {', 'GRAPHQL_PARSE_FAILED'],
    ['subscription { nothing }', 'GRAPHQL_VALIDATION_FAILED'],
    ['subscription { dicomInstanceStored(store: "s") { series { study { studyInstanceUid } } } }', 'QUERY_TOO_COMPLEX'],
  ])('refuses %s with %s', (query, code) => {
    const admitted = admitOperation(rules, { query });
    expect(Array.isArray(admitted) && admitted[0]?.extensions.code).toBe(code);
  });
});
