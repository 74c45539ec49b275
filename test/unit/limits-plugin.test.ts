import { describe, expect, it } from '@jest/globals';
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener, BaseContext } from '@apollo/server';
import { getOperationAST, parse, type DocumentNode, type GraphQLError } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.js';
import { DEFAULT_LIMITS, queryLimitsPlugin } from '../../src/graphql/limits/index.js';
import { measureOperation } from '../../src/graphql/limits/operation-measure.js';

const schema = buildSchema();

/** Runs the plugin's shape check as Apollo would for one request; the error it refuses with, if any. */
async function refusal(plugin: ReturnType<typeof queryLimitsPlugin>, document: DocumentNode, variables?: Record<string, unknown>): Promise<GraphQLError | undefined> {
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<BaseContext>;
  const operation = getOperationAST(document)!;
  try {
    await listener.didResolveOperation!({ schema, document, operation, request: { variables } } as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('queryLimitsPlugin with a repeated document', () => {
  it('checks a first from variables on every request, whatever an earlier request of the same document sent', async () => {
    const plugin = queryLimitsPlugin(DEFAULT_LIMITS);
    // One parsed document, as Apollo's document store hands it to every request with this text.
    const document = parse('query($n: Int) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }');
    expect(await refusal(plugin, document, { n: 10 })).toBeUndefined();
    expect((await refusal(plugin, document, { n: 500 }))?.message).toBe('Argument first 500 of FhirStore.patients exceeds the limit of 100');
    expect(await refusal(plugin, document, { n: 100 })).toBeUndefined();
    expect((await refusal(plugin, document, {}))).toBeUndefined();
  });

  it('refuses a too costly literal document every time, each time with a fresh 400 error', async () => {
    const plugin = queryLimitsPlugin(DEFAULT_LIMITS);
    const document = parse('{ datasets(first: 100) { nodes { fhirStores(first: 100) { nodes { patients(first: 100) { nodes { id } } } } } } }');
    const first = await refusal(plugin, document);
    const second = await refusal(plugin, document);
    expect(first?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', http: { status: 400 } });
    expect(second?.extensions).toEqual(first?.extensions);
    expect(second).not.toBe(first);
  });
});

describe('measureOperation variableDependent', () => {
  const measure = (query: string, variables?: Record<string, unknown>) => measureOperation(schema, getOperationAST(parse(query))!, () => undefined, variables);

  it('is set only when a first was read from the given variables', () => {
    expect(measure('{ fhirStore(name: "s") { patients(first: 5) { nodes { id } } } }', {}).variableDependent).toBe(false);
    expect(measure('query($s: String!) { fhirStore(name: $s) { patients { nodes { id } } } }', { s: 'x' }).variableDependent).toBe(false);
    expect(measure('query($n: Int) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }', { n: 5 }).variableDependent).toBe(true);
    expect(measure('query($n: Int = 5) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }', {}).variableDependent).toBe(true);
    // Without variables the static estimate holds for any request.
    expect(measure('query($n: Int) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }').variableDependent).toBe(false);
  });
});
