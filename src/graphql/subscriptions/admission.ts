import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { graphQLError } from '../../errors.js';
import type { QueryLimits } from '../limits/index.js';
import { sourceSizeViolation } from '../limits/source-size.js';
import { operationViolations } from '../limits/validation-rules.js';
import { sha256 } from '../persisted-query-manifest.js';
import type { Safelist } from '../safelist.js';

/** What a client sent in a graphql-ws `subscribe` message. */
export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** A document that passed every check: what runs. */
export interface AdmittedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The subscription's root field (one per subscription, as GraphQL requires). */
  field: string;
}

export interface AdmissionRules {
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** In safelist mode, only registered documents run, over WebSocket as over HTTP. */
  safelist?: Safelist;
}

const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

/** Parsed and validated documents by text, per schema: the most recently used first out of the bound. */
const documentsBySchema = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
const MAX_DOCUMENTS = 500;

/**
 * The document `query` as parsed and validated, or the errors to send. Each subscription keeps its
 * document as long as it runs, and a parsed one with its tokens and locations is ~10 KB: a thousand
 * subscribers of one screen share one, as Apollo's document store shares them over HTTP.
 */
function validDocument(schema: GraphQLSchema, query: string, maxTokens: number): DocumentNode | GraphQLError[] {
  let documents = documentsBySchema.get(schema);
  if (documents === undefined) documentsBySchema.set(schema, (documents = new Map()));
  const known = documents.get(query);
  if (known !== undefined) {
    documents.delete(query);
    documents.set(query, known);
    return known;
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  documents.set(query, document);
  if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
  return document;
}

/**
 * The checks Apollo's plugins make on an HTTP request, in the same order, for an operation sent over
 * WebSocket: the safelist, size, parsing, validation, then depth, aliases and cost. Only
 * subscriptions are served over the socket; queries and mutations go to `POST /graphql`, where the
 * rest of the HTTP pipeline (persisted queries, load shedding) applies. Returns the operation, or
 * the errors to send instead, before anything runs.
 */
export function admitOperation(rules: AdmissionRules, request: SubscribeRequest): AdmittedOperation | GraphQLError[] {
  if (rules.safelist && rules.safelist.body(sha256(request.query)) === undefined) {
    return [graphQLError('FORBIDDEN', 'This server runs registered operations only, and this one is not registered.')];
  }
  const oversized = sourceSizeViolation(request.query, rules.limits);
  if (oversized) return [oversized];
  const document = validDocument(rules.schema, request.query, rules.limits.maxTokens);
  if (Array.isArray(document)) return document;
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) return [graphQLError('BAD_USER_INPUT', 'Name the operation to run (operationName): the document has several, or none')];
  if (operation.operation !== 'subscription') {
    return [graphQLError('BAD_USER_INPUT', `Only subscriptions are served over WebSocket; send a ${operation.operation} to POST /graphql`)];
  }
  const [broken] = operationViolations(rules.schema, document, operation, request.variables ?? {}, rules.limits);
  if (broken) return [broken];
  const [first] = operation.selectionSet.selections;
  return { document, operation, field: first?.kind === 'Field' ? first.name.value : 'unknown' };
}
