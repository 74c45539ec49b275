import { badUserInput } from '../errors.js';
import type { Page, PageRequest } from '../healthcare/admin.js';
import { connection, pageSize, type Connection } from './connection.js';
import type { CursorCodec, CursorPayload } from './cursor.js';

/** Google's maximum `pageSize` for list methods. */
const UPSTREAM_MAX_PAGE_SIZE = 1000;

export interface ListRequest {
  codec: CursorCodec;
  /** Connection name, bound into cursors. */
  list: string;
  /** Resource name of the parent, bound into cursors. */
  parent: string;
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
  const { codec, list, parent } = request;
  const size = pageSize(request.first);
  const position: CursorPayload = request.after ? codec.decode(request.after, list, parent) : { list, parent };
  const pageToken = position.pageToken ?? '';
  const skip = position.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0 || skip + size > UPSTREAM_MAX_PAGE_SIZE) {
    throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');
  }

  const page = await fetchPage({ pageSize: skip + size, pageToken });
  const nodes = page.items.slice(skip, skip + size);
  const cursorAt = (index: number) => {
    const consumed = skip + index + 1;
    return consumed === page.items.length && page.nextPageToken !== ''
      ? codec.encode({ list, parent, pageToken: page.nextPageToken, skip: 0 })
      : codec.encode({ list, parent, pageToken, skip: consumed });
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
  const { codec, list, parent } = request;
  const size = pageSize(request.first);
  const offset = request.after ? (codec.decode(request.after, list, parent).offset ?? 0) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');

  const pageKeys = keys.slice(offset, offset + size);
  const loaded = await load(pageKeys);
  const nodes: T[] = [];
  const offsets: number[] = [];
  loaded.forEach((node, index) => {
    if (node === null) return;
    nodes.push(node);
    offsets.push(offset + index + 1);
  });
  return connection(nodes, (index) => codec.encode({ list, parent, offset: offsets[index]! }), offset + size < keys.length);
}
