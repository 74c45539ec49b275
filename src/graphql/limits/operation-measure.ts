import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../connections/connection.js';

/** A connection's `first` whose value is known, and where it is written. */
export interface PageSize {
  value: number;
  /** `Type.field` of the connection. */
  field: string;
  node: ArgumentNode;
}

/** The size of one operation, as {@link QueryLimits} measure it. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** Every connection `first` whose value is known (literal, or variable when variables are given). */
  pageSizes: PageSize[];
  /**
   * A `first` (or its absence) was read from the given variables: this measure holds for those
   * variables only. False: it holds for every request of the operation, and may be reused.
   */
  variableDependent: boolean;
}

interface Size {
  depth: number;
  aliases: number;
  cost: number;
}

const NOTHING: Size = { depth: 0, aliases: 0, cost: 0 };

/** Root fields that only read the schema: GraphiQL needs them, and they never reach the upstream. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures an operation with its fragments expanded, each fragment once however often it is spread
 * (so fragment fan-out cannot make this exponential), and a fragment cycle counted as empty (graphql-js's
 * `NoFragmentCyclesRule` rejects the document anyway).
 *
 * Cost counts the objects the operation may return: a plain object field costs 1 plus its subtree;
 * a connection field costs `first × (1 + cost of one node's subtree)`, so nested connections multiply
 * (20 patients × 5 observations each = 20 + 100); fields of the connection and edge types themselves
 * (`edges`, `nodes`, `node`, `pageInfo`) are free; scalars cost 0. Inline fragments and spreads on
 * different types are added up, an upper bound.
 *
 * `first` comes from the literal, or from `variables` when given (a missing or null value means the
 * server default of 20). Without `variables`, a variable `first` is unknown: it is left out of
 * `pageSizes` and counted as 1 in the cost, so this static estimate never exceeds the real one.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  getFragment: (name: string) => FragmentDefinitionNode | undefined,
  variables?: Readonly<Record<string, unknown>>,
): OperationMeasure {
  const walker = new OperationWalker(schema, operation, getFragment, variables);
  const size = walker.selectionSet(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  return { ...size, pageSizes: walker.pageSizes, variableDependent: walker.variableDependent };
}

class OperationWalker {
  readonly pageSizes: PageSize[] = [];
  variableDependent = false;
  private readonly fragments = new Map<string, Size>();
  private readonly expanding = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    private readonly getFragment: (name: string) => FragmentDefinitionNode | undefined,
    private readonly variables: Readonly<Record<string, unknown>> | undefined,
  ) {}

  selectionSet(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): Size {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      const size = this.selection(selection, parent);
      depth = Math.max(depth, size.depth);
      aliases += size.aliases;
      cost += size.cost;
    }
    return { depth, aliases, cost };
  }

  private selection(selection: SelectionNode, parent: GraphQLNamedType | undefined): Size {
    switch (selection.kind) {
      case Kind.FIELD:
        return this.field(selection, parent);
      case Kind.INLINE_FRAGMENT:
        return this.selectionSet(selection.selectionSet, selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent);
      case Kind.FRAGMENT_SPREAD:
        return this.fragment(selection.name.value);
    }
  }

  private fragment(name: string): Size {
    const known = this.fragments.get(name);
    if (known !== undefined) return known;
    const definition = this.getFragment(name);
    if (definition === undefined || this.expanding.has(name)) return NOTHING;
    this.expanding.add(name);
    const size = this.selectionSet(definition.selectionSet, this.schema.getType(definition.typeCondition.name.value));
    this.expanding.delete(name);
    this.fragments.set(name, size);
    return size;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): Size {
    const name = node.name.value;
    const aliased = node.alias !== undefined && name !== '__typename' ? 1 : 0;
    if (node.selectionSet === undefined) return { depth: 1, aliases: aliased, cost: 0 };

    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const type = definition && getNamedType(definition.type);
    const inner = this.selectionSet(node.selectionSet, type);
    const aliases = aliased + inner.aliases;
    // Introspection is free and flat so GraphiQL always works; its aliases still count, because
    // hundreds of aliased `types` lists would be a cheap way to make a huge response.
    if (INTROSPECTION_ROOTS.has(name)) return { depth: 0, aliases, cost: 0 };

    const depth = 1 + inner.depth;
    if (definition === undefined || type === undefined || isConnectionPart(parent)) return { depth, aliases, cost: inner.cost };
    if (isConnection(type)) return { depth, aliases, cost: this.pageSize(node, definition, parent) * (1 + inner.cost) };
    return { depth, aliases, cost: 1 + inner.cost };
  }

  /** The multiplier of a connection, recording its `first` when known. */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown>, parent: GraphQLNamedType | undefined): number {
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
    if (argument === undefined || !definition.args.some((arg) => arg.name === 'first')) return DEFAULT_PAGE_SIZE;
    const value = this.intValue(argument.value);
    if (value === undefined) return 1;
    this.pageSizes.push({ value, field: `${parent?.name}.${definition.name}`, node: argument });
    // A `first` below 1 is refused by the resolver; counting it as 1 keeps the cost monotonic.
    return Math.max(1, value);
  }

  /** The integer an argument will have at execution, or undefined when that is not known yet. */
  private intValue(value: ValueNode): number | undefined {
    switch (value.kind) {
      case Kind.INT:
        return Number(value.value);
      case Kind.NULL:
        return DEFAULT_PAGE_SIZE;
      case Kind.VARIABLE:
        return this.variableValue(value.name.value);
      default:
        return undefined;
    }
  }

  private variableValue(name: string): number | undefined {
    if (this.variables === undefined) return undefined;
    this.variableDependent = true;
    if (Object.hasOwn(this.variables, name)) {
      const value = this.variables[name];
      if (value === null) return DEFAULT_PAGE_SIZE;
      // Anything but a number fails Int coercion before any resolver runs.
      return typeof value === 'number' ? value : undefined;
    }
    const definition = this.operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
    return definition?.defaultValue === undefined ? DEFAULT_PAGE_SIZE : this.intValue(definition.defaultValue);
  }
}

/** A Relay connection type: it has `pageInfo` and `edges` or `nodes`. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

/** A connection or edge type, whose fields only wrap nodes already counted by the connection field. */
function isConnectionPart(type: GraphQLNamedType | undefined): boolean {
  if (type === undefined) return false;
  if (isConnection(type)) return true;
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'node' in fields && 'cursor' in fields;
}
