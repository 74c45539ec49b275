import { bundleMatches, type Bundle, type FhirResource } from '../healthcare/fhir.js';
import { connection, pageSize, type Connection } from './connection.js';
import type { ListRequest } from './pagers.js';

/** Where a FHIR list's pages come from: one search, continued by its store's next links. */
export interface FhirPages {
  /** The list's first page: its search with these parameters (`_count` included). */
  first(params: [string, string][]): Promise<Bundle>;
  /** A page by the query string of one of the list's upstream pages (as `next` returned it). */
  at(search: string): Promise<Bundle>;
  /** The query string of a page's next link, checked to point at the same list; undefined on the last page. */
  next(bundle: Bundle): string | undefined;
}

export interface FhirListRequest extends ListRequest {
  /** Search parameters of the first page (without `_count`, which comes from `first`). */
  params: [string, string][];
}

/**
 * A connection over a FHIR search or `$everything`, in one upstream call per page.
 *
 * An edge's cursor is "page query Q, skip S": Q is the query of the upstream page the edge came from
 * (our own first request, or a next link after `pages.next` checked it) and S the matches of that
 * page already seen. The last edge of a page carries the page's next link with S = 0, so a walk by
 * `endCursor` follows the store's own `_page_token`s. Cursors are signed, so a client can never make
 * the server request a query it did not issue.
 */
export async function pageFhirList(request: FhirListRequest, pages: FhirPages): Promise<Connection<FhirResource>> {
  const { codec } = request;
  const size = pageSize(request.first);
  let bundle: Bundle;
  let search: string;
  let skip = 0;
  if (request.after) {
    ({ search, skip } = codec.decode(request.after, request, 'search'));
    bundle = await pages.at(search);
    // A cursor may point just past its page (the last edge of a page the server cut from a wider
    // search): the list goes on at the page's next link.
    const next = pages.next(bundle);
    const pageMatches = bundleMatches(bundle).length;
    if (next !== undefined && skip > 0 && skip >= pageMatches) {
      skip -= pageMatches;
      search = next;
      bundle = await pages.at(search);
    }
  } else {
    const params: [string, string][] = [...request.params, ['_count', String(size)]];
    search = `?${new URLSearchParams(params).toString()}`;
    bundle = await pages.first(params);
  }

  const matches = bundleMatches(bundle);
  const next = pages.next(bundle);
  const nodes = matches.slice(skip, skip + size);
  const cursorAt = (index: number) => {
    const consumed = skip + index + 1;
    return consumed === matches.length && next !== undefined
      ? codec.encode<'search'>(request, { search: next, skip: 0 })
      : codec.encode<'search'>(request, { search, skip: consumed });
  };
  return connection(nodes, cursorAt, matches.length > skip + size || next !== undefined, typeof bundle.total === 'number' ? bundle.total : null);
}
