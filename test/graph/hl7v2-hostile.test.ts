/**
 * Random and hostile strings in the HL7v2 arguments that reach the upstream (store and message ids,
 * filters, ingested messages), through a recording proxy: what is checked is what the emulator
 * actually received, and that neither the graph nor the emulator fails on any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hostileString, wellFormed } from '../hardening/hostile-strings.js';
import { startStack, type Stack } from '../hardening/stack.js';
import { DEMO_DATASET, DEMO_HL7V2_STORE } from '../helpers/demo-names.js';

const RUNS = 60;
const PREFIX = ['v1', 'projects', 'demo', 'locations', 'us-central1', 'datasets', 'demo', 'hl7V2Stores'];
const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'UPSTREAM_ERROR', 'GRAPHQL_VALIDATION_FAILED']);

interface Answer {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ record: true, patients: 1 });
  // Fuzzed messages go to a store of their own, so the demo store keeps its data.
  const response = await fetch(`${stack.emulator.url}/v1/${DEMO_DATASET}/hl7V2Stores?hl7V2StoreId=fuzz`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
}, 120_000);
afterAll(() => stack?.close());

/** Runs an operation; checks every error is a contract error and the emulator never failed. */
async function ask(query: string, variables: Record<string, unknown>) {
  const recorded = stack.proxy!.requests;
  recorded.length = 0;
  const response = await fetch(`${stack.app.graph.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  expect(response.status).toBeLessThan(500);
  const answer = (await response.json()) as Answer;
  for (const error of answer.errors ?? []) expect(EXPECTED_CODES).toContain(error.extensions?.code);
  for (const request of recorded) expect(request.status).toBeLessThan(500);
  const received = recorded.map((request) => {
    const [path = '', search = ''] = request.target.split(/\?(.*)/s);
    const segments = path.split('/').slice(1).map((segment) => decodeURIComponent(segment));
    for (const segment of segments) {
      expect(['', '.', '..']).not.toContain(segment);
      expect(segment).not.toContain('/');
    }
    expect(segments.slice(0, PREFIX.length)).toEqual(PREFIX);
    return { method: request.method, rest: segments.slice(PREFIX.length), params: new URLSearchParams(search) };
  });
  return { answer, received };
}

const idLike = fc.oneof(hostileString, fc.stringMatching(/^[A-Za-z0-9_=-]{1,64}$/));

describe('hostile strings in HL7v2 arguments', () => {
  it('keep store and message ids inside their path segment', async () => {
    await fc.assert(fc.asyncProperty(idLike, async (id) => {
      const { received } = await ask(`query($store: String!, $message: String!, $id: String!) {
        hl7V2Store(name: $store) { storeId labels { key } message(id: $id) { name } }
        hl7V2Message(name: $message) { name }
      }`, { store: `${DEMO_DATASET}/hl7V2Stores/${id}`, message: `${DEMO_HL7V2_STORE}/messages/${id}`, id });
      for (const request of received) {
        expect(request.method).toBe('GET');
        expect([[id], [id, 'messages', id], ['hl7v2', 'messages', id]]).toContainEqual(request.rest);
        expect([...request.params.keys()]).toEqual([]);
      }
    }), { numRuns: RUNS, seed: 901 });
  }, 120_000);

  it('send filters as one parameter value, and the emulator answers every one of them', async () => {
    const filter = fc.oneof(
      hostileString,
      fc.constantFrom('message_type = "ADT"', 'PatientId("MRN0000001", "MRN")', 'NOT (labels.x:* OR send_date < "2020-01-01")'),
      fc.array(fc.constantFrom('message_type', 'send_time', 'PatientId', 'labels', '.', '"', '(', ')', ',', '=', '<=', '>', ':', '*', 'AND', 'OR', 'NOT', ' ', '"2024-01-01T00:00:00Z"', '"ADT"', '\\'), { maxLength: 14 }).map((parts) => parts.join(' ')),
    );
    await fc.assert(fc.asyncProperty(filter, async (value) => {
      const { answer, received } = await ask('query($store: String!, $filter: String) { hl7V2Store(name: $store) { messages(filter: $filter, first: 3) { nodes { name } } } }', { store: DEMO_HL7V2_STORE, filter: value });
      if (received.length === 0) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        return;
      }
      expect(received).toHaveLength(1);
      const [request] = received;
      expect(request!.rest).toEqual(['hl7v2', 'messages']);
      const sent = wellFormed(value);
      const expected: [string, string][] = [['view', 'FULL'], ...(sent.trim() === '' ? [] : [['filter', sent] as [string, string]]), ['orderBy', 'send_time desc'], ['pageSize', '3']];
      expect([...request!.params]).toEqual(expected);
      if (answer.errors !== undefined) expect(answer.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }), { numRuns: RUNS * 2, seed: 902 });
  }, 120_000);

  it('ingest any text without failing: a message the store cannot read is a NACK, never an error of ours', async () => {
    const text = fc.oneof(hostileString, hostileString.map((tail) => `MSH|^~\\&|${tail}`), hostileString.map((tail) => `MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|${tail}`));
    await fc.assert(fc.asyncProperty(text, async (message) => {
      const { answer, received } = await ask('mutation($store: String!, $message: String!) { ingestHl7V2Message(store: $store, message: $message) { ackCode message { name data } } }', { store: `${DEMO_DATASET}/hl7V2Stores/fuzz`, message });
      for (const request of received) expect(request).toMatchObject({ method: 'POST', rest: ['fuzz', 'messages:ingest'] });
      if (answer.errors === undefined) {
        expect(answer.data.ingestHl7V2Message.ackCode).toBe('AA');
        expect(answer.data.ingestHl7V2Message.message.data.startsWith('MSH')).toBe(true);
      } else {
        expect(answer.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    }), { numRuns: RUNS, seed: 903 });
  }, 120_000);
});
