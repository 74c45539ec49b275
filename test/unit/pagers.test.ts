/** The pagers as pure functions: fake upstream pages in, connections and cursors out, no server. */
import { describe, expect, it } from '@jest/globals';
import type { Connection } from '../../src/connections/connection.js';
import { CursorCodec } from '../../src/connections/cursor.js';
import { pageFhirList, type FhirPages } from '../../src/connections/fhir-pager.js';
import { pageByOffset, pageKnownList, pageUpstreamList, type ListRequest } from '../../src/connections/pagers.js';
import type { Page, PageRequest } from '../../src/healthcare/admin.js';
import type { Bundle } from '../../src/healthcare/fhir.js';

const codec = new CursorCodec('pager-test-secret');
const request = (first: number, after?: string | null): ListRequest => ({ codec, list: 'things', parent: 'p', first, after });
const codeOf = async (run: () => Promise<unknown>) => run().then(() => 'no error', (error: { extensions?: { code?: string } }) => error.extensions?.code);

/** Walks a connection by endCursor until its last page, collecting every node. */
async function walk<T>(first: number, page: (after: string | null) => Promise<Connection<T>>): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const connection = await page(after);
    nodes.push(...connection.nodes);
    expect(connection.nodes.length).toBeLessThanOrEqual(first);
    if (!connection.pageInfo.hasNextPage) return { nodes, pages };
    if (connection.pageInfo.endCursor === null || pages > 100) throw new Error(`page ${pages} says there is more but gives no way on`);
    after = connection.pageInfo.endCursor;
  }
}

/** An upstream list method over `items`, `pageSize`-token paged, recording what it was asked. */
function upstreamList(items: string[]) {
  const asked: PageRequest[] = [];
  const fetch = async (page: PageRequest): Promise<Page<string>> => {
    asked.push(page);
    const start = page.pageToken ? Number(page.pageToken.slice(1)) : 0;
    const end = start + page.pageSize;
    return { items: items.slice(start, end), nextPageToken: end < items.length ? `t${end}` : '' };
  };
  return { asked, fetch };
}

const letters = Array.from({ length: 23 }, (_, i) => `item${String(i).padStart(2, '0')}`);

describe('pageUpstreamList', () => {
  it('walks the whole list by endCursor, each item once, following the upstream tokens', async () => {
    const upstream = upstreamList(letters);
    const { nodes, pages } = await walk(5, (after) => pageUpstreamList(request(5, after), upstream.fetch));
    expect(nodes).toEqual(letters);
    expect(pages).toBe(5);
    expect(upstream.asked.map((page) => page.pageToken)).toEqual(['', 't5', 't10', 't15', 't20']);
  });

  it('continues inside an upstream page from an edge cursor (page token plus skip)', async () => {
    const upstream = upstreamList(letters);
    const first = await pageUpstreamList(request(10), upstream.fetch);
    const third = first.edges[2]!.cursor;
    const next = await pageUpstreamList(request(4, third), upstream.fetch);
    expect(next.nodes).toEqual(letters.slice(3, 7));
    expect(upstream.asked.at(-1)).toEqual({ pageSize: 7, pageToken: '' });
  });

  it('refuses a position beyond what one upstream page can hold, before any call', async () => {
    const upstream = upstreamList(letters);
    const cursor = codec.encode<'token'>({ list: 'things', parent: 'p' }, { pageToken: '', skip: 990 });
    expect(await codeOf(() => pageUpstreamList(request(20, cursor), upstream.fetch))).toBe('BAD_USER_INPUT');
    expect(upstream.asked).toEqual([]);
  });

  it('refuses a cursor of another list, before any call', async () => {
    const upstream = upstreamList(letters);
    const other = (await pageUpstreamList({ ...request(2), list: 'others' }, upstream.fetch)).pageInfo.endCursor!;
    upstream.asked.length = 0;
    expect(await codeOf(() => pageUpstreamList(request(2, other), upstream.fetch))).toBe('BAD_USER_INPUT');
    expect(upstream.asked).toEqual([]);
  });

  it.each([0, 101, 1.5])('refuses first: %p', async (first) => {
    expect(await codeOf(() => pageUpstreamList(request(first), upstreamList(letters).fetch))).toBe('BAD_USER_INPUT');
  });
});

describe('pageKnownList', () => {
  it('loads only the page\'s keys and leaves out those that do not exist, keeping offsets right', async () => {
    const loaded: string[][] = [];
    const load = async (keys: string[]) => {
      loaded.push(keys);
      return keys.map((key) => (key.endsWith('3') ? null : key.toUpperCase()));
    };
    const { nodes } = await walk(4, (after) => pageKnownList(request(4, after), letters.slice(0, 10), load));
    expect(nodes).toEqual(letters.slice(0, 10).filter((key) => !key.endsWith('3')).map((key) => key.toUpperCase()));
    // The cursor is the last existing node's: a missing key at a page's end is asked for again next page.
    expect(loaded).toEqual([letters.slice(0, 4), letters.slice(3, 7), letters.slice(7, 10)]);
  });

  it('gives a page whose keys are all missing an end cursor past them, so a client walking on reaches the rest', async () => {
    const keys = letters.slice(0, 9);
    const { nodes, pages } = await walk(3, (after) => pageKnownList(request(3, after), keys, async (page) => page.map((key) => (keys.indexOf(key) < 6 && keys.indexOf(key) >= 3 ? null : key))));
    expect(nodes).toEqual([...keys.slice(0, 3), ...keys.slice(6)]);
    expect(pages).toBe(3);
  });

  it('gives each node the offset just past it, so a cursor from the middle goes on there', async () => {
    const page = await pageKnownList(request(5), letters, async (keys) => keys);
    const next = await pageKnownList(request(2, page.edges[1]!.cursor), letters, async (keys) => keys);
    expect(next.nodes).toEqual(letters.slice(2, 4));
  });
});

describe('pageByOffset', () => {
  const rows = Array.from({ length: 12 }, (_, i) => i);
  const fetchRows = (asked: [number, number][]) => async (offset: number, limit: number) => {
    asked.push([offset, limit]);
    return rows.slice(offset, offset + limit);
  };

  it('asks for one row more than first, and that row alone says there is a next page', async () => {
    const asked: [number, number][] = [];
    const { nodes, pages } = await walk(5, (after) => pageByOffset(request(5, after), {}, fetchRows(asked)));
    expect(nodes).toEqual(rows);
    expect(pages).toBe(3);
    expect(asked).toEqual([[0, 6], [5, 6], [10, 6]]);
  });

  it('ends without a next page when the list has exactly a page more', async () => {
    const page = await pageByOffset(request(12), {}, fetchRows([]));
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes).toHaveLength(12);
  });

  it('refuses an offset past maxOffset, and a page that would end past maxRows, before fetching', async () => {
    const asked: [number, number][] = [];
    const at = (offset: number) => codec.encode<'offset'>({ list: 'things', parent: 'p' }, { offset });
    expect(await codeOf(() => pageByOffset(request(5, at(11)), { maxOffset: 10 }, fetchRows(asked)))).toBe('BAD_USER_INPUT');
    expect(await codeOf(() => pageByOffset(request(5, at(5)), { maxRows: 10 }, fetchRows(asked)))).toBe('BAD_USER_INPUT');
    expect(asked).toEqual([]);
    expect((await pageByOffset(request(5, at(10)), { maxOffset: 10 }, fetchRows(asked))).nodes).toEqual([10, 11]);
    expect((await pageByOffset(request(5, at(4)), { maxRows: 10 }, fetchRows(asked))).nodes).toEqual([4, 5, 6, 7, 8]);
  });
});

/**
 * A FHIR search over `ids`, in upstream pages of `pageSize` matches (its own `_count` is ignored,
 * as a store may), each with `_include`d resources that are not matches.
 */
function fhirSearch(ids: string[], pageSize: number) {
  const asked: string[] = [];
  const bundle = (start: number): Bundle => {
    const end = start + pageSize;
    return {
      resourceType: 'Bundle',
      total: ids.length,
      entry: [
        ...ids.slice(start, end).map((id) => ({ resource: { resourceType: 'Observation', id }, search: { mode: 'match' as const } })),
        { resource: { resourceType: 'Patient', id: `included-${start}` }, search: { mode: 'include' as const } },
      ],
      link: end < ids.length ? [{ relation: 'next', url: `?_page_token=${end}` }] : [],
    };
  };
  const pages: FhirPages = {
    first: async (params) => {
      asked.push(`first ${new URLSearchParams(params).toString()}`);
      return bundle(0);
    },
    at: async (search) => {
      asked.push(search);
      return bundle(Number(new URLSearchParams(search).get('_page_token') ?? 0));
    },
    next: (page) => page.link?.find((link) => link.relation === 'next')?.url,
  };
  return { asked, pages };
}

describe('pageFhirList', () => {
  const ids = Array.from({ length: 17 }, (_, i) => `o${i}`);

  it('walks a search whose upstream pages match first, one call per page, matches only', async () => {
    const search = fhirSearch(ids, 5);
    const { nodes, pages } = await walk(5, (after) => pageFhirList({ ...request(5, after), params: [['code', 'x']] }, search.pages));
    expect(nodes.map((resource) => resource.id)).toEqual(ids);
    expect(pages).toBe(4);
    expect(search.asked).toEqual(['first code=x&_count=5', '?_page_token=5', '?_page_token=10', '?_page_token=15']);
  });

  it('cuts pages smaller than the upstream\'s from it, and goes on at its next link when a cursor points past it', async () => {
    const search = fhirSearch(ids, 8);
    const { nodes } = await walk(3, (after) => pageFhirList({ ...request(3, after), params: [] }, search.pages));
    expect(nodes.map((resource) => resource.id)).toEqual(ids);
  });

  it('reports the store\'s total, and from an edge in the middle of a page gives the rest of that upstream page', async () => {
    const search = fhirSearch(ids, 5);
    const first = await pageFhirList({ ...request(5), params: [] }, search.pages);
    expect(first.totalCount).toBe(17);
    const fromSecond = await pageFhirList({ ...request(5, first.edges[1]!.cursor), params: [] }, search.pages);
    expect(fromSecond.nodes.map((resource) => resource.id)).toEqual(['o2', 'o3', 'o4']);
    expect(fromSecond.pageInfo.hasNextPage).toBe(true);
    expect(search.asked.slice(1)).toEqual(['?_count=5']);
    const after = await pageFhirList({ ...request(5, fromSecond.pageInfo.endCursor), params: [] }, search.pages);
    expect(after.nodes.map((resource) => resource.id)).toEqual(['o5', 'o6', 'o7', 'o8', 'o9']);
  });

  it('refuses a cursor of another scheme (an offset) before any call', async () => {
    const search = fhirSearch(ids, 5);
    const cursor = codec.encode<'offset'>({ list: 'things', parent: 'p' }, { offset: 3 });
    expect(await codeOf(() => pageFhirList({ ...request(5, cursor), params: [] }, search.pages))).toBe('BAD_USER_INPUT');
    expect(search.asked).toEqual([]);
  });
});
