/**
 * Checks a FHIR `link[relation=next]` URL before the server follows it with its credentials.
 *
 * The link comes from the upstream, but a cursor must never become a way to make the server call a
 * URL of someone else's choosing (the bug Google's toolbox had). So the server only ever keeps the
 * link's query string, and only after checking that the link points at exactly the page it expects:
 * the configured API root's origin and the expected store path (project, location, dataset, store,
 * resource type), with no credentials, no traversal and no parameters that carry credentials.
 */

/** Query parameters that carry credentials and must never be replayed. */
const CREDENTIAL_PARAMS = new Set(['access_token', 'oauth_token', 'key']);

export class UntrustedLinkError extends Error {
  override name = 'UntrustedLinkError';
}

/**
 * Returns the link's query string (with the leading `?`) when `link` is a next page of
 * `{apiUrl}/{expectedPath}`; throws {@link UntrustedLinkError} otherwise.
 */
export function trustedNextLinkSearch(link: string, apiUrl: string, expectedPath: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new UntrustedLinkError('next link is not an absolute URL');
  }
  const expected = new URL(`${apiUrl}/${expectedPath}`);
  if (url.protocol !== expected.protocol || url.host !== expected.host) throw new UntrustedLinkError('next link points at another host');
  if (url.username !== '' || url.password !== '') throw new UntrustedLinkError('next link carries credentials');
  // The WHATWG parser has already resolved `.`/`..` segments, so a traversal cannot reach this
  // comparison unchanged; encoded separators are refused outright.
  if (/%2f|%5c|%2e/i.test(url.pathname)) throw new UntrustedLinkError('next link path has encoded separators');
  if (url.pathname.replace(/\/$/, '') !== expected.pathname) throw new UntrustedLinkError('next link points at another path');
  for (const key of url.searchParams.keys()) {
    if (CREDENTIAL_PARAMS.has(key.toLowerCase())) throw new UntrustedLinkError('next link carries credentials');
  }
  return url.search;
}
