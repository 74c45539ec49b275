/**
 * Pagers: pure functions from a connection's arguments and a way to fetch items to one page of a
 * Relay connection. They know cursors and paging arithmetic only; what is fetched, and how, is
 * their caller's (a resolver handing in a loader or an upstream call).
 */
import type { Page, PageRequest } from '../healthcare/admin.js';
import { connection, pageSize, type Connection } from './connection.js';
import { invalidPosition, type CursorCodec, type CursorScope } from './cursor.js';

/** Google's maximum `pageSize` for list methods. */
const UPSTREAM_MAX_PAGE_SIZE = 1000;

/** What every pager is asked: which list (bound into its cursors), and the connection's arguments. */
export interface ListRequest extends CursorScope {
  codec: CursorCodec;
  first?: number | null;
  after?: string | null;
}

/**
 * A connection over an upstream list method (`pageSize` + `pageToken`), in one upstream call.
 *
 * An edge's cursor is "page token T, skip S": the list continues S items into the page that T
 * starts. The last item of an upstream page gets the upstream's `nextPageToken` with S = 0 instead,
 * so walking a list by `endCursor` follows Google's tokens and never re-reads earlier items.
 */
export async function pageUpstreamList<T>(request: ListRequest, fetchPage: (page: PageRequest) => Promise<Page<T>>): Promise<Connection<T>> {
  const { codec } = request;
  const size = pageSize(request.first);
  const { pageToken, skip } = request.after ? codec.decode(request.after, request, 'token') : { pageToken: '', skip: 0 };
  if (skip + size > UPSTREAM_MAX_PAGE_SIZE) throw invalidPosition();

  const page = await fetchPage({ pageSize: skip + size, pageToken });
  const nodes = page.items.slice(skip, skip + size);
  const cursorAt = (index: number) => {
    const consumed = skip + index + 1;
    return consumed === page.items.length && page.nextPageToken !== ''
      ? codec.encode<'token'>(request, { pageToken: page.nextPageToken, skip: 0 })
      : codec.encode<'token'>(request, { pageToken, skip: consumed });
  };
  const hasNextPage = page.items.length > skip + size || page.nextPageToken !== '';
  return connection(nodes, cursorAt, hasNextPage);
}

/**
 * A connection over a list the server already knows (an allow-list, a pinned dataset): the keys are
 * paged by offset and only the page's keys are loaded. Keys whose object does not exist (load gives
 * null) are left out of the page.
 */
export async function pageKnownList<K, T>(request: ListRequest, keys: readonly K[], load: (keys: K[]) => Promise<(T | null)[]>): Promise<Connection<T>> {
  const { codec } = request;
  const size = pageSize(request.first);
  const { offset } = request.after ? codec.decode(request.after, request, 'offset') : { offset: 0 };

  const pageKeys = keys.slice(offset, offset + size);
  const loaded = await load(pageKeys);
  const nodes: T[] = [];
  const offsets: number[] = [];
  loaded.forEach((node, index) => {
    if (node === null) return;
    nodes.push(node);
    offsets.push(offset + index + 1);
  });
  const page = connection(nodes, (index) => codec.encode<'offset'>(request, { offset: offsets[index]! }), offset + size < keys.length);
  if (nodes.length > 0 || !page.pageInfo.hasNextPage) return page;
  // A page whose keys all went missing still needs a cursor past them, or a client would start over.
  return { ...page, pageInfo: { ...page.pageInfo, endCursor: codec.encode<'offset'>(request, { offset: offset + pageKeys.length }) } };
}

/** What an offset-paged list's upstream can serve; a cursor beyond it is refused before any call. */
export interface OffsetLimits {
  /** The largest offset the upstream takes (QIDO-RS: 1,000,000). */
  maxOffset?: number;
  /** The most rows read from the list's start: a merged list is read from its start up to the page's end. */
  maxRows?: number;
}

/**
 * A connection over a list that can be cut at any offset: a QIDO-RS search (`limit`/`offset`), or a
 * list merged from several upstream answers. `fetchRows(offset, limit)` returns up to `limit` items
 * from `offset` on; the pager asks for one more than `first`, whose presence sets `hasNextPage`
 * without an extra call.
 */
export async function pageByOffset<T>(
  request: ListRequest,
  limits: OffsetLimits,
  fetchRows: (offset: number, limit: number) => Promise<T[]>,
): Promise<Connection<T>> {
  const { codec } = request;
  const size = pageSize(request.first);
  const { offset } = request.after ? codec.decode(request.after, request, 'offset') : { offset: 0 };
  if (offset > (limits.maxOffset ?? Infinity) || offset + size + 1 > (limits.maxRows ?? Infinity)) throw invalidPosition();
  const rows = await fetchRows(offset, size + 1);
  const nodes = rows.slice(0, size);
  return connection(nodes, (index) => codec.encode<'offset'>(request, { offset: offset + index + 1 }), rows.length > size);
}
