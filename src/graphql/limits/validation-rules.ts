import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { queryTooComplex } from './errors.js';
import { measureOperation, type OperationMeasure } from './operation-measure.js';
import type { QueryLimits } from './query-limits.js';

/**
 * graphql-js validation rules enforcing `maxFirst`, `maxDepth`, `maxAliases` and `maxCost` on every
 * operation of a document, one QUERY_TOO_COMPLEX error per broken limit, in that order.
 *
 * Validation never sees variable values, so without `variables` a `first` taken from a variable is
 * not checked and counts as 1 in the cost. Pass the request's `variables` (as `queryLimitsPlugin`
 * does) to check those too.
 *
 * In Apollo Server use `queryLimitsPlugin` rather than the `validationRules` option: Apollo replaces
 * the code of every validation error with GRAPHQL_VALIDATION_FAILED.
 */
export function limitValidationRules(limits: QueryLimits, variables?: Readonly<Record<string, unknown>>): ValidationRule[] {
  return [
    (context) => ({
      OperationDefinition(operation) {
        const measure = measureOperation(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, variables);
        for (const error of limitViolations(measure, operation, limits)) context.reportError(error);
        return false;
      },
    }),
  ];
}

/** The limits an operation of `measure` (see {@link measureOperation}) breaks, most actionable first. */
function limitViolations(measure: OperationMeasure, operation: OperationDefinitionNode, limits: QueryLimits): GraphQLError[] {
  const { depth, aliases, cost, pageSizes } = measure;
  const errors: GraphQLError[] = [];
  const tooLarge = pageSizes.find((page) => page.value > limits.maxFirst);
  if (tooLarge !== undefined) {
    errors.push(queryTooComplex('first', `Argument first ${tooLarge.value} of ${tooLarge.field} exceeds the limit of ${limits.maxFirst}`, tooLarge.value, limits.maxFirst, tooLarge.node));
  }
  if (depth > limits.maxDepth) {
    errors.push(queryTooComplex('depth', `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, depth, limits.maxDepth, operation));
  }
  if (aliases > limits.maxAliases) {
    errors.push(queryTooComplex('aliases', `Query alias count ${aliases} exceeds the limit of ${limits.maxAliases}`, aliases, limits.maxAliases, operation));
  }
  if (cost > limits.maxCost) {
    // Nested connections can overflow to Infinity, which JSON cannot carry.
    const found = Math.min(cost, Number.MAX_SAFE_INTEGER);
    errors.push(queryTooComplex('cost', `Query cost ${found} exceeds the limit of ${limits.maxCost}`, found, limits.maxCost, operation));
  }
  return errors;
}

/** Measures kept with their parsed operation (weakly, as long as a document cache keeps it). */
const measures = new WeakMap<OperationDefinitionNode, OperationMeasure>();

/**
 * The limits `operation` (of `document`, with these variables) breaks, most actionable first. Its
 * measure is kept with the operation when it does not depend on the variables, so a document that
 * Apollo's document store (or the subscription admission) hands out again is not walked again.
 */
export function operationViolations(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  limits: QueryLimits,
): GraphQLError[] {
  let measure = measures.get(operation);
  if (measure === undefined) {
    measure = measureOperation(schema, operation, fragmentsOf(document), variables);
    if (!measure.variableDependent) measures.set(operation, measure);
  }
  return limitViolations(measure, operation, limits);
}

/** A document's fragments by name, as graphql-js's `ValidationContext.getFragment` finds them. */
function fragmentsOf(document: DocumentNode): (name: string) => FragmentDefinitionNode | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return (name) => fragments.get(name);
}
