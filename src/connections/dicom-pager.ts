import { badUserInput } from '../errors.js';
import type { DicomJson, DicomStoreName } from '../healthcare/dicomweb.js';
import { storeResourceName } from '../healthcare/names.js';
import type { RequestContext } from '../graphql/context.js';
import { connection, pageSize, type Connection } from './connection.js';

/** Google's maximum QIDO-RS `offset`. */
const MAX_OFFSET = 1_000_000;

export interface QidoListRequest {
  store: DicomStoreName;
  /** Path below the store's `dicomWeb/`, e.g. `['studies']`. */
  segments: string[];
  /** Match keys and `includefield`s (without `limit`/`offset`). */
  query: [string, string][];
  first?: number | null;
  after?: string | null;
}

/**
 * A connection over a QIDO-RS search, paged by `offset`. The cursor is bound to the store, path and
 * query, so it cannot be replayed on another search. QIDO says nothing about further results, so
 * one more than `first` is asked for: its presence sets `hasNextPage` without an extra call.
 */
export async function pageQido(request: QidoListRequest, context: RequestContext): Promise<Connection<DicomJson>> {
  const size = pageSize(request.first);
  const list = 'qido';
  const parent = `${storeResourceName(request.store)}/dicomWeb/${request.segments.join('/')}?${new URLSearchParams(request.query).toString()}`;
  const offset = request.after ? (context.cursors.decode(request.after, list, parent).offset ?? 0) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');

  const known = context.loaders.knownQido.get(request);
  let rows: DicomJson[];
  if (known !== undefined) {
    rows = known.slice(offset, offset + size + 1);
  } else {
    const query: [string, string][] = [...request.query, ['limit', String(size + 1)]];
    if (offset > 0) query.push(['offset', String(offset)]);
    rows = await context.loaders.qido.load({ store: request.store, segments: request.segments, query });
  }
  const nodes = rows.slice(0, size);
  return connection(nodes, (index) => context.cursors.encode({ list, parent, offset: offset + index + 1 }), rows.length > size);
}
