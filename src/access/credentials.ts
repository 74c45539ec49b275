import { HeaderMap } from '@apollo/server';
import type { AuthMode } from '../config/index.js';
import { graphQLError, httpStatusOf } from '../errors.js';
import { bearer, type Credentials } from '../healthcare/auth.js';

/**
 * Apollo merges `extensions.http.headers` as a HeaderMap; graphql-yoga's type augmentation (present
 * for the GraphiQL renderer) declares a plain record there, hence the cast.
 */
const CHALLENGE = new HeaderMap([['www-authenticate', 'Bearer']]) as unknown as Record<string, string>;

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/**
 * The upstream credentials of one request, for the graph and the image proxy alike: the server's own,
 * or in passthrough mode the caller's bearer token (missing or malformed: 401, before any upstream call).
 */
export function requestCredentials(deps: { authMode: AuthMode; serverCredentials: Credentials }, authorization: string | undefined): Credentials {
  if (deps.authMode !== 'passthrough') return deps.serverCredentials;
  const token = authorization === undefined ? undefined : BEARER.exec(authorization.trim())?.[1];
  if (token === undefined) {
    throw graphQLError('UNAUTHENTICATED', 'This server forwards your Google credentials: send Authorization: Bearer <access token>', {
      http: { status: httpStatusOf('UNAUTHENTICATED'), headers: CHALLENGE },
    });
  }
  return bearer(token);
}
