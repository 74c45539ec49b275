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

/** The cursor of the page's node at `index`. */
export type CursorAt = (index: number) => string;

/**
 * Builds a connection from the nodes of one page and the cursor of each. Cursors are signed only
 * when a query reads them (`edges.cursor`, `pageInfo`), each once: a list read through `nodes`
 * alone, as most are, costs no HMAC per node.
 */
export function connection<T>(nodes: T[], cursorAt: CursorAt, hasNextPage: boolean, totalCount: number | null = null): Connection<T> {
  const signed: string[] = [];
  const cursor = (index: number) => (signed[index] ??= cursorAt(index));
  return {
    edges: nodes.map((node, index) => ({ node, get cursor() { return cursor(index); } })),
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      get startCursor() { return nodes.length === 0 ? null : cursor(0); },
      get endCursor() { return nodes.length === 0 ? null : cursor(nodes.length - 1); },
    },
    totalCount,
  };
}

/** The same page with every node mapped (cursors and page info unchanged). */
export function mapConnection<T, U>(page: Connection<T>, map: (node: T) => U): Connection<U> {
  const nodes = page.nodes.map(map);
  return { ...page, nodes, edges: page.edges.map((edge, index) => ({ get cursor() { return edge.cursor; }, node: nodes[index]! })) };
}
