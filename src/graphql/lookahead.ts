import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Field names selected directly in a selection set, looking through fragments. */
function selectedFields(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, FieldNode[]>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') {
      into.set(selection.name.value, [...(into.get(selection.name.value) ?? []), selection]);
    } else if (selection.kind === 'InlineFragment') {
      selectedFields(selection.selectionSet, info, into);
    } else {
      selectedFields(info.fragments[selection.name.value]?.selectionSet, info, into);
    }
  }
}

/**
 * `_include` parameters for the references a list's query will follow (`{ field: 'Type:param' }`),
 * so the referenced resources arrive in the search itself and prime the by-id loader.
 */
export function includesFor(info: GraphQLResolveInfo, includes: Readonly<Record<string, string>>): [string, string][] {
  const fields = nodeFieldNames(info);
  return Object.entries(includes).filter(([field]) => fields.has(field)).map(([, include]) => ['_include', include]);
}

/**
 * The fields a query asks for on the nodes of the connection being resolved (under `nodes` or
 * `edges { node }`), so a resolver can fetch related data in the same upstream call (`_include`).
 */
export function nodeFieldNames(info: GraphQLResolveInfo): Set<string> {
  const connection = new Map<string, FieldNode[]>();
  for (const field of info.fieldNodes) selectedFields(field.selectionSet, info, connection);
  const nodeLevel = new Map<string, FieldNode[]>();
  for (const nodes of connection.get('nodes') ?? []) selectedFields(nodes.selectionSet, info, nodeLevel);
  const edgeLevel = new Map<string, FieldNode[]>();
  for (const edges of connection.get('edges') ?? []) selectedFields(edges.selectionSet, info, edgeLevel);
  for (const node of edgeLevel.get('node') ?? []) selectedFields(node.selectionSet, info, nodeLevel);
  return new Set(nodeLevel.keys());
}
