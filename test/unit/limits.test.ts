import { describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery, parse, specifiedRules, validate, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.js';
import { DEFAULT_LIMITS, limitValidationRules, type QueryLimits } from '../../src/graphql/limits/index.js';
import { measureOperation } from '../../src/graphql/limits/operation-measure.js';
import { countTokens, sourceSizeViolation } from '../../src/graphql/limits/source-size.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';

const schema = buildSchema();

/** Validates as a server would: graphql-js's own rules, then the limits. */
function validateWithLimits(query: string, variables?: Record<string, unknown>, overrides: Partial<QueryLimits> = {}): readonly GraphQLError[] {
  return validate(schema, parse(query), [...specifiedRules, ...limitValidationRules({ ...DEFAULT_LIMITS, ...overrides }, variables)]);
}

const messages = (errors: readonly GraphQLError[]) => errors.map((error) => error.message);

/** Measures the first operation of a document. */
function measure(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition] as const] : [])));
  return measureOperation(schema, operation, (name) => fragments.get(name), variables);
}

/** `fhirStore { patient { store { patient { store ... id } } } }`: depth 2 × rounds + 2. */
function patientStoreLoop(rounds: number): string {
  return `{ fhirStore(name: "s") { ${'patient(id: "p") { store { '.repeat(rounds)}id${' } }'.repeat(rounds)} } }`;
}

describe('depth', () => {
  it('counts the fields of the longest path, leaf included, and refuses one over the limit', () => {
    expect(measure(patientStoreLoop(4)).depth).toBe(10);
    expect(validateWithLimits(patientStoreLoop(4))).toEqual([]);

    const errors = validateWithLimits(patientStoreLoop(6));
    expect(messages(errors)).toEqual(['Query depth 14 exceeds the limit of 10']);
    expect(errors[0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', found: 14, allowed: 10 });
  });

  it('expands fragments, inline fragments and interface spreads', () => {
    const query = `
      query { node(id: "x") { ... on FhirStore { ...Loop } } }
      fragment Loop on FhirStore { patient(id: "p") { store { ...Leaf } } }
      fragment Leaf on FhirStore { patient(id: "p") { store { id } } }`;
    expect(measure(query).depth).toBe(6);
    expect(messages(validateWithLimits(query, undefined, { maxDepth: 5 }))).toEqual(['Query depth 6 exceeds the limit of 5']);
  });

  it('does not count introspection, so deep type references from GraphiQL pass', () => {
    const query = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    expect(measure(query).depth).toBe(0);
    expect(validateWithLimits(query, undefined, { maxDepth: 2 })).toEqual([]);
  });
});

describe('aliases', () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: dataset(id: "d${index}") { id }`).join(' ')} }`;

  it('allows 30 aliased fields and refuses 31', () => {
    expect(validateWithLimits(aliased(30))).toEqual([]);
    const errors = validateWithLimits(aliased(31));
    expect(messages(errors)).toEqual(['Query alias count 31 exceeds the limit of 30']);
    expect(errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it('does not count aliases of __typename', () => {
    const query = `{ ${Array.from({ length: 100 }, (_, index) => `t${index}: __typename`).join(' ')} }`;
    expect(measure(query).aliases).toBe(0);
    expect(validateWithLimits(query)).toEqual([]);
  });

  it('counts a fragment\'s aliases once per spread', () => {
    const query = `
      { d1: dataset(id: "1") { ...Stores } d2: dataset(id: "2") { ...Stores } d3: dataset(id: "3") { ...Stores } d4: dataset(id: "4") { ...Stores } }
      fragment Stores on Dataset { ${Array.from({ length: 8 }, (_, index) => `s${index}: fhirStore(id: "s${index}") { id }`).join(' ')} }`;
    expect(messages(validateWithLimits(query))).toEqual(['Query alias count 36 exceeds the limit of 30']);
  });

  it('measures an exponential fragment fan-out in linear time', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^25 - 1 aliases once expanded.
    const fragments = Array.from({ length: 25 }, (_, index) =>
      index === 24 ? 'fragment F24 on Dataset { x: datasetId }' : `fragment F${index} on Dataset { x: datasetId ...F${index + 1} ...F${index + 1} }`);
    const started = Date.now();
    expect(measure(`{ dataset(id: "d") { ...F0 } } ${fragments.join('\n')}`).aliases).toBe(2 ** 25 - 1);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('fragment cycles', () => {
  it('leaves a direct cycle to graphql-js and terminates', () => {
    const query = '{ fhirStore(name: "s") { ...A } } fragment A on FhirStore { patient(id: "p") { store { ...A } } }';
    expect(messages(validateWithLimits(query))).toEqual(['Cannot spread fragment "A" within itself.']);
    expect(measure(query).depth).toBe(3);
  });

  it('leaves an indirect cycle to graphql-js and terminates', () => {
    const query = `{ fhirStore(name: "s") { ...A } }
      fragment A on FhirStore { patient(id: "p") { ...B } }
      fragment B on Patient { store { ...A } }`;
    expect(messages(validateWithLimits(query))).toEqual(['Cannot spread fragment "A" within itself via "B".']);
  });
});

describe('first', () => {
  const byVariable = 'query($n: Int) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }';

  it('refuses a literal first over 100 and points at it', () => {
    const errors = validateWithLimits('{ fhirStore(name: "s") {\n  patients(first: 100000) { nodes { id } } } }');
    expect(messages(errors)).toEqual(['Argument first 100000 of FhirStore.patients exceeds the limit of 100', 'Query cost 100001 exceeds the limit of 50000']);
    expect(errors[0]!.locations).toEqual([{ line: 2, column: 12 }]);
    expect(errors[0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'first', found: 100000, allowed: 100 });
    expect(validateWithLimits('{ fhirStore(name: "s") { patients(first: 100) { nodes { id } } } }')).toEqual([]);
    expect(messages(validateWithLimits('{ fhirStore(name: "s") { patients(first: 101) { nodes { id } } } }'))).toEqual(['Argument first 101 of FhirStore.patients exceeds the limit of 100']);
  });

  it('checks connections inside fragments and edges', () => {
    const query = `{ fhirStore(name: "s") { patients { edges { node { ...Chart } } } } }
      fragment Chart on Patient { observations(first: 500) { nodes { id } } }`;
    expect(messages(validateWithLimits(query))[0]).toBe('Argument first 500 of Patient.observations exceeds the limit of 100');
  });

  it('checks a first taken from variables once their values are given', () => {
    expect(validateWithLimits(byVariable)).toEqual([]);
    expect(messages(validateWithLimits(byVariable, { n: 100000 }))[0]).toBe('Argument first 100000 of FhirStore.patients exceeds the limit of 100');
    expect(validateWithLimits(byVariable, { n: 100 })).toEqual([]);
    expect(validateWithLimits(byVariable, { n: null })).toEqual([]);
  });

  it('uses a variable\'s default value when the variable is not given', () => {
    const query = 'query($n: Int = 100000) { fhirStore(name: "s") { patients(first: $n) { nodes { id } } } }';
    expect(messages(validateWithLimits(query, {}))[0]).toBe('Argument first 100000 of FhirStore.patients exceeds the limit of 100');
    expect(validateWithLimits(query, { n: 10 })).toEqual([]);
  });
});

describe('cost', () => {
  it('multiplies nested connections by their first: 20 patients × 5 observations = 20 + 100', () => {
    const viaNodes = '{ fhirStore(name: "s") { patients(first: 20) { totalCount pageInfo { hasNextPage } nodes { observations(first: 5) { nodes { id valueDisplay } } } } } }';
    const viaEdges = '{ fhirStore(name: "s") { patients(first: 20) { edges { cursor node { observations(first: 5) { edges { node { id } } } } } } } }';
    // + 1 for fhirStore itself.
    expect(measure(viaNodes).cost).toBe(121);
    expect(measure(viaEdges).cost).toBe(121);
  });

  it('counts 20 for a connection without first, and 1 per plain object', () => {
    expect(measure('{ fhirStore(name: "s") { patients { nodes { managingOrganization { name } observations { nodes { code { display } } } } } } }').cost)
      .toBe(1 + 20 * (1 + 1 + 20 * (1 + 1)));
  });

  it('refuses three nested connections of 100', () => {
    const errors = validateWithLimits('{ datasets(first: 100) { nodes { fhirStores(first: 100) { nodes { patients(first: 100) { nodes { id } } } } } } }');
    expect(messages(errors)).toEqual(['Query cost 1010100 exceeds the limit of 50000']);
    expect(errors[0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', found: 1010100, allowed: 50000 });
  });

  it('takes first from variables, and counts an unknown one as 1', () => {
    const query = 'query($n: Int) { datasets(first: $n) { nodes { fhirStores(first: $n) { nodes { patients(first: $n) { nodes { id } } } } } } }';
    expect(measure(query).cost).toBe(3);
    expect(measure(query, { n: 40 }).cost).toBe(40 * (1 + 40 * (1 + 40)));
    expect(messages(validateWithLimits(query, { n: 40 }))).toEqual(['Query cost 65640 exceeds the limit of 50000']);
  });

  it('reports a cost too large for a float as the largest safe integer', () => {
    const loop = 'patients(first: 100) { nodes { store { '.repeat(160);
    const errors = validateWithLimits(`{ fhirStore(name: "s") { ${loop}id${' } } }'.repeat(160)} } }`, undefined, { maxDepth: 1000 });
    expect(errors[0]!.extensions).toMatchObject({ limit: 'cost', found: Number.MAX_SAFE_INTEGER });
  });
});

describe('what real clients send', () => {
  it('allows GraphiQL\'s full introspection query', () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    expect(sourceSizeViolation(query, DEFAULT_LIMITS)).toBeUndefined();
    expect(validateWithLimits(query)).toEqual([]);
  });

  it.each(EXAMPLE_OPERATIONS.map((example) => [example.name, example] as const))('allows the %s example', (_name, example) => {
    expect(sourceSizeViolation(example.query, DEFAULT_LIMITS)).toBeUndefined();
    expect(validateWithLimits(example.query, example.variables ?? {})).toEqual([]);
  });
});

describe('document size', () => {
  it('refuses more characters than the limit before lexing', () => {
    const query = `# ${'x'.repeat(20_000)}\n{ __typename }`;
    expect(sourceSizeViolation(query, DEFAULT_LIMITS)?.message).toBe('Query length 20017 characters exceeds the limit of 20000');
    expect(sourceSizeViolation(query, DEFAULT_LIMITS)?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'characters', found: 20017, allowed: 20000 });
  });

  it('refuses more tokens than the limit', () => {
    expect(sourceSizeViolation(`{ ${'a '.repeat(1998)}}`, DEFAULT_LIMITS)).toBeUndefined();
    expect(sourceSizeViolation(`{ ${'a '.repeat(1999)}}`, DEFAULT_LIMITS)?.message).toBe('Query token count 2001 exceeds the limit of 2000');
  });

  it('counts tokens as graphql-js\'s maxTokens parse option does', () => {
    const query = '# a comment is not a token\nquery Q($id: ID!) { node(id: $id) { id ... on Patient { displayName } } }';
    const tokens = countTokens(query);
    expect(tokens).toBe(27);
    expect(() => parse(query, { maxTokens: tokens })).not.toThrow();
    expect(() => parse(query, { maxTokens: tokens - 1 })).toThrow(`${tokens - 1} tokens`);
  });

  it('leaves syntax errors to the parser', () => {
    expect(countTokens('{ a "unterminated')).toBe(2);
    expect(sourceSizeViolation('{ a "unterminated', DEFAULT_LIMITS)).toBeUndefined();
  });
});
