import { pageBundle, fhirPath, type Bundle, type FhirResource, type FhirStoreName } from '../healthcare/fhir.js';
import { UpstreamError } from '../healthcare/errors.js';
import { storeResourceName } from '../healthcare/names.js';
import { trustedNextLinkSearch, UntrustedLinkError } from '../healthcare/next-link.js';
import { badUserInput } from '../errors.js';
import type { RequestContext } from '../graphql/context.js';
import { primeFromBundle } from '../loaders/fhir.js';
import { connection, pageSize, type Connection } from './connection.js';

export interface FhirListRequest {
  /** Connection name, bound into cursors (e.g. `Patient.observations`). */
  list: string;
  /** Resource name of the object the list hangs off, bound into cursors. */
  parent: string;
  store: FhirStoreName;
  /** Path below the store's `fhir/`: `['Observation']`, `['Patient', id, '$everything']`. */
  segments: string[];
  /** Search parameters of the first page (without `_count`, which comes from `first`). */
  params: [string, string][];
  first?: number | null;
  after?: string | null;
}

/**
 * A connection over a FHIR search or `$everything`, in one upstream call per page.
 *
 * An edge's cursor is "page query Q, skip S": Q is the query of the upstream page the edge came from
 * (our own first request, or a next link after `trustedNextLinkSearch` checked it) and S the matches
 * of that page already seen. The last edge of a page carries the page's next link with S = 0, so a
 * walk by `endCursor` follows the store's own `_page_token`s. Cursors are signed, so a client can
 * never make the server request a query it did not issue.
 */
export async function pageFhirList(request: FhirListRequest, context: RequestContext): Promise<Connection<FhirResource>> {
  const { list, parent, store, segments } = request;
  const size = pageSize(request.first);
  const storeName = storeResourceName(store);
  let bundle: Bundle;
  let search: string;
  let skip = 0;
  if (request.after) {
    const position = context.cursors.decode(request.after, list, parent);
    if (typeof position.search !== 'string' || !Number.isInteger(position.skip ?? 0) || (position.skip ?? 0) < 0) {
      throw badUserInput('Invalid cursor: continue from pageInfo.endCursor');
    }
    search = position.search;
    skip = position.skip ?? 0;
    bundle = await pageBundle(context.client, store, segments, search);
    primeFromBundle(context.loaders.fhir.resource, storeName, bundle);
    // A cursor may point just past its page (the last edge of a page the server cut from a wider
    // search): the list goes on at the page's next link.
    const next = nextSearch(bundle, context.client.apiUrl, fhirPath(store, ...segments));
    const pageMatches = matchesOf(bundle).length;
    if (next !== undefined && skip > 0 && skip >= pageMatches) {
      skip -= pageMatches;
      search = next;
      bundle = await pageBundle(context.client, store, segments, search);
      primeFromBundle(context.loaders.fhir.resource, storeName, bundle);
    }
  } else {
    const params: [string, string][] = [...request.params, ['_count', String(size)]];
    search = `?${new URLSearchParams(params).toString()}`;
    bundle = await context.loaders.fhir.search.load({ store, segments, params });
  }

  const matches = matchesOf(bundle);
  const next = nextSearch(bundle, context.client.apiUrl, fhirPath(store, ...segments));
  const nodes = matches.slice(skip, skip + size);
  const cursorAt = (index: number) => {
    const consumed = skip + index + 1;
    return consumed === matches.length && next !== undefined
      ? context.cursors.encode({ list, parent, search: next, skip: 0 })
      : context.cursors.encode({ list, parent, search, skip: consumed });
  };
  return connection(nodes, cursorAt, matches.length > skip + size || next !== undefined, typeof bundle.total === 'number' ? bundle.total : null);
}

function matchesOf(bundle: Bundle): FhirResource[] {
  return (bundle.entry ?? []).filter((entry) => entry.resource && (entry.search?.mode ?? 'match') === 'match').map((entry) => entry.resource!);
}

/** The next page's query string, after checking the link points where this list lives. */
function nextSearch(bundle: Bundle, apiUrl: string, expectedPath: string): string | undefined {
  const link = bundle.link?.find((candidate) => candidate.relation === 'next')?.url;
  if (link === undefined) return undefined;
  try {
    return trustedNextLinkSearch(link, apiUrl, expectedPath);
  } catch (error) {
    if (!(error instanceof UntrustedLinkError)) throw error;
    throw new UpstreamError(`The FHIR store sent a next link the server will not follow: ${error.message}`, { status: 200, kind: 'fhir' });
  }
}
