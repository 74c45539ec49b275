import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { createErrorFormatter } from '../../src/graphql/errors.js';
import { DEFAULT_LIMITS, queryLimitsPlugin } from '../../src/graphql/limits/index.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { createLogger } from '../../src/observability/logger.js';

/**
 * The limits inside Apollo's real request pipeline (HTTP status, APQ, its document cache, the
 * project's error formatter), on a small server with the real schema. "Refused before execution"
 * is observed directly: no resolver can have called the upstream when execution never started.
 * `limits-app.test.ts` runs the same cases against the whole app once the plugin is wired there.
 */

let executions = 0;
const executionSpy: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        executions += 1;
      },
    };
  },
};

function createServer(options: { hideSchemaDetailsFromClientErrors?: boolean } = {}): ApolloServer {
  return new ApolloServer({
    schema: buildSchema(),
    csrfPrevention: true,
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    formatError: createErrorFormatter(createLogger('silent'), true),
    plugins: [queryLimitsPlugin(DEFAULT_LIMITS), executionSpy],
    ...options,
  });
}

interface Answer {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
}

async function post(server: ApolloServer, body: Record<string, unknown>): Promise<Answer> {
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body },
    context: async () => ({}),
  });
  if (result.body.kind !== 'complete') throw new Error('expected a complete body');
  return { status: result.status ?? 200, ...JSON.parse(result.body.string) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

const loop = (rounds: number) => `{ fhirStore(name: "s") { ${'patient(id: "p") { store { '.repeat(rounds)}id${' } }'.repeat(rounds)} } }`;
const pageOf = 'query($n: Int) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }';

let server: ApolloServer;
beforeAll(async () => {
  server = createServer();
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  executions = 0;
});

/** Asserts a refusal: 400, one QUERY_TOO_COMPLEX error with this message, and nothing executed. */
function expectRefused(answer: Answer, message: string): void {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([[message, 'QUERY_TOO_COMPLEX']]);
  expect(executions).toBe(0);
}

describe('limits in the Apollo pipeline', () => {
  it('executes an operation within the limits', async () => {
    const answer = await post(server, { query: '{ __typename }' });
    expect(answer).toEqual({ status: 200, data: { __typename: 'Query' } });
    expect(executions).toBe(1);
  });

  it.each([
    ['depth', loop(6), {}, 'Query depth 14 exceeds the limit of 10'],
    ['aliases', `{ ${Array.from({ length: 31 }, (_, index) => `a${index}: dataset(id: "d") { id }`).join(' ')} }`, {}, 'Query alias count 31 exceeds the limit of 30'],
    ['a literal first', '{ fhirStore(name: "s") { patients(first: 100000) { nodes { id } } } }', {}, 'Argument first 100000 of FhirStore.patients exceeds the limit of 100'],
    ['a first from variables', pageOf, { n: 100000 }, 'Argument first 100000 of FhirStore.patients exceeds the limit of 100'],
    ['cost', 'query($n: Int) { datasets(first: $n) { nodes { fhirStores(first: $n) { nodes { patients(first: $n) { nodes { id } } } } } } }', { n: 40 }, 'Query cost 65640 exceeds the limit of 50000'],
    ['characters of a valid document', `# ${'x'.repeat(20_000)}\n{ __typename }`, {}, 'Query length 20017 characters exceeds the limit of 20000'],
    ['characters of a document that does not validate', `# ${'x'.repeat(20_000)}\n{ nosuchfield }`, {}, 'Query length 20018 characters exceeds the limit of 20000'],
    ['tokens, where the parser gives up first', `{ ${'a '.repeat(1999)}}`, {}, 'Query token count 2001 exceeds the limit of 2000'],
  ])('refuses %s with QUERY_TOO_COMPLEX and HTTP 400 before execution', async (_case, query, variables, message) => {
    expectRefused(await post(server, { query, variables }), message);
  });

  it('refuses a document Apollo already validated and cached, every time', async () => {
    const query = '{ fhirStore(name: "s") { patients(first: 500) { nodes { id } } } }';
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expectRefused(await post(server, { query }), 'Argument first 500 of FhirStore.patients exceeds the limit of 100');
    }
  });

  it('leaves other parse and validation errors as they are', async () => {
    const syntax = await post(server, { query: '{ fhirStore(' });
    expect([syntax.status, syntax.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const unknown = await post(server, { query: '{ nosuchfield }' });
    expect([unknown.status, unknown.errors?.[0]?.extensions?.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('limits with automatic persisted queries', () => {
  it('checks a hash-only request against the variables it comes with', async () => {
    const registered = await post(server, { query: pageOf, variables: { n: 5 }, extensions: persisted(pageOf) });
    expect(registered.errors?.[0]?.extensions?.code).not.toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(executions).toBe(1);
    executions = 0;

    expectRefused(await post(server, { variables: { n: 100000 }, extensions: persisted(pageOf) }), 'Argument first 100000 of FhirStore.patients exceeds the limit of 100');
  });

  it('does not register a refused query', async () => {
    const query = loop(7);
    expectRefused(await post(server, { query, extensions: persisted(query) }), 'Query depth 16 exceeds the limit of 10');
    const again = await post(server, { extensions: persisted(query) });
    expect(again.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('checks documents another replica put in a shared APQ cache', async () => {
    // A replica with looser limits (or an older version) may have registered these.
    const deep = loop(8);
    const long = `# ${'x'.repeat(30_000)}\n{ __typename }`;
    await server.cache.set(`apq:${sha256(deep)}`, deep);
    await server.cache.set(`apq:${sha256(long)}`, long);

    expectRefused(await post(server, { extensions: persisted(deep) }), 'Query depth 18 exceeds the limit of 10');
    expectRefused(await post(server, { extensions: persisted(long) }), 'Query length 30017 characters exceeds the limit of 20000');
  });
});

describe('field suggestions', () => {
  it('are dropped by Apollo\'s hideSchemaDetailsFromClientErrors', async () => {
    const shown = await post(server, { query: '{ datasetz { nodes { id } } }' });
    expect(shown.errors?.[0]?.message).toMatch(/Did you mean/);

    const hidden = createServer({ hideSchemaDetailsFromClientErrors: true });
    await hidden.start();
    try {
      const answer = await post(hidden, { query: '{ datasetz { nodes { id } } }' });
      expect(answer.errors?.[0]?.message).toBe('Cannot query field "datasetz" on type "Query".');
    } finally {
      await hidden.stop();
    }
  });
});
