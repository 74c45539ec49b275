import { expect } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { graphql } from './app.js';

/** The part of a GraphQL connection that paging reads. */
export interface Page<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Reads a connection to its end, as a client does: `fetchPage(after)` makes one request (`after` is
 * null for the first page, then the previous page's `endCursor`) and returns the connection in its
 * answer. Returns the pages in order. Fails beyond `maxPages`, so that a connection which never ends
 * fails the test instead of hanging it.
 */
export async function readAllPages<P extends Page<unknown>>(fetchPage: (after: string | null) => Promise<P>, maxPages = 100): Promise<P[]> {
  const pages: P[] = [];
  let after: string | null = null;
  do {
    if (pages.length === maxPages) throw new Error(`the connection did not end within ${maxPages} pages`);
    const page: P = await fetchPage(after);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after !== null);
  return pages;
}

/**
 * `readAllPages` for one connection of a GraphQL query that takes `$after`: `connectionOf` picks the
 * connection out of an answer's data, and every answer must come without errors.
 */
export async function queryAllPages<P extends Page<unknown>>(
  app: RunningApp, query: string, variables: Record<string, unknown>, connectionOf: (data: any) => P, maxPages = 100,
): Promise<P[]> {
  return readAllPages(async (after) => {
    const result = await graphql(app, query, { ...variables, after });
    expect(result.errors).toBeUndefined();
    return connectionOf(result.data);
  }, maxPages);
}
