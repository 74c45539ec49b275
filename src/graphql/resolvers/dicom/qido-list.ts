import type { Connection } from '../../../connections/connection.js';
import { pageByOffset } from '../../../connections/pagers.js';
import type { DicomJson } from '../../../healthcare/dicomweb.js';
import { storeResourceName } from '../../../healthcare/names.js';
import type { QidoKey } from '../../../loaders/dicom.js';
import type { RequestContext } from '../../context.js';

/** Google's maximum QIDO-RS `offset`. */
const MAX_OFFSET = 1_000_000;

/**
 * A connection over a QIDO-RS search (`search.query` without `limit`/`offset`), paged by `offset`.
 * The cursor is bound to the store, path and query, so it cannot be replayed on another search. A
 * list this request already learned whole (`KnownQidoLists`) is cut from memory instead.
 */
export function qidoConnection(search: QidoKey, args: { first?: number | null; after?: string | null }, context: RequestContext): Promise<Connection<DicomJson>> {
  const parent = `${storeResourceName(search.store)}/dicomWeb/${search.segments.join('/')}?${new URLSearchParams(search.query).toString()}`;
  const request = { codec: context.cursors, list: 'qido', parent, ...args };
  return pageByOffset(request, { maxOffset: MAX_OFFSET }, async (offset, limit) => {
    const known = context.loaders.knownQido.get(search);
    if (known !== undefined) return known.slice(offset, offset + limit);
    const query: [string, string][] = [...search.query, ['limit', String(limit)]];
    if (offset > 0) query.push(['offset', String(offset)]);
    return context.loaders.qido.load({ store: search.store, segments: search.segments, query });
  });
}
