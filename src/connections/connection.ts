import { badUserInput } from '../errors.js';

/** Relay's PageInfo. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A Relay connection as the schema's `XConnection` types expect it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validates `first` (default 20, 1..100). */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/** Builds a connection from the nodes of one page and the cursor of each. */
export function connection<T>(nodes: T[], cursors: string[], hasNextPage: boolean, totalCount: number | null = null): Connection<T> {
  return {
    edges: nodes.map((node, index) => ({ node, cursor: cursors[index]! })),
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    totalCount,
  };
}

/** The same page with every node mapped (cursors and page info unchanged). */
export function mapConnection<T, U>(page: Connection<T>, map: (node: T) => U): Connection<U> {
  const nodes = page.nodes.map(map);
  return { ...page, nodes, edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index]! })) };
}
