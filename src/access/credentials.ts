import { HeaderMap } from '@apollo/server';
import type { AuthMode, OidcConfig } from '../config/index.js';
import { graphQLError, httpStatusOf } from '../errors.js';
import { bearer, type Credentials } from '../healthcare/auth.js';
import { IssuerUnavailableError, TokenRejectedError, type OidcVerifier, type VerifiedToken } from './oidc.js';
import type { AccessGrant, AccessPolicy } from './policy.js';
import { tokenDigest, type TokenInfo } from './tokeninfo.js';

/**
 * Apollo merges `extensions.http.headers` as a HeaderMap; graphql-yoga's type augmentation (present
 * for the GraphiQL renderer) declares a plain record there, hence the cast.
 */
const challenge = (value: string) => new HeaderMap([['www-authenticate', value]]) as unknown as Record<string, string>;

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/** Who a request comes from, as the audit log and the rate limits name it. */
export interface Principal {
  /** `oidc`: a verified token's subject; `google`: a passthrough token's account; `token`: a passthrough token Google did not name; `service`: the server itself (adc, none). */
  kind: 'oidc' | 'google' | 'token' | 'service';
  /** The subject, the account, `sha256:<digest>` of the token, or `service`. */
  id: string;
}

/** One authenticated request: who it is, what goes upstream, and the access policy that applies to it. */
export interface Caller {
  principal: Principal;
  credentials: Credentials;
  /** The server's policy, narrowed to the caller's grant when `OIDC_ACCESS_MAP` applies. */
  access: AccessPolicy;
}

/** What {@link authenticate} needs: made once per server. */
export interface AuthDependencies {
  authMode: AuthMode;
  /** Credentials of the server itself (ADC or none): upstream in every mode but passthrough. */
  serverCredentials: Credentials;
  access: AccessPolicy;
  /** With `AUTH_MODE=oidc`: the token check and the claim-based narrowing. */
  oidc?: { verifier: OidcVerifier; access?: OidcConfig['access'] };
  /** Names passthrough callers by their Google account (audit log on, Google's API root). */
  tokenInfo?: TokenInfo;
}

const SERVICE: Principal = { kind: 'service', id: 'service' };

/**
 * The one check every entry point runs before anything else (GraphQL, images, and any other path
 * that reaches upstream): in passthrough mode the caller's bearer token becomes the upstream
 * credentials; in oidc mode the caller's JWT is verified and the server's own credentials go
 * upstream. A missing, malformed, forged, expired or foreign token is UNAUTHENTICATED (401), before
 * any upstream call. Throws GraphQL errors with `extensions.http`, which plain HTTP answers turn
 * into their status via `errorCodeOf`.
 */
export async function authenticate(deps: AuthDependencies, authorization: string | undefined): Promise<Caller> {
  if (deps.authMode === 'passthrough') {
    const token = bearerToken(authorization, 'This server forwards your Google credentials: send Authorization: Bearer <access token>');
    return { principal: await passthroughPrincipal(deps, token), credentials: bearer(token), access: deps.access };
  }
  if (deps.authMode !== 'oidc' || !deps.oidc) return { principal: SERVICE, credentials: deps.serverCredentials, access: deps.access };
  const token = bearerToken(authorization, 'This server needs a token of its identity provider: send Authorization: Bearer <JWT>');
  const verified = await verifyToken(deps.oidc.verifier, token);
  const { access } = deps.oidc;
  return {
    principal: { kind: 'oidc', id: verified.subject },
    credentials: deps.serverCredentials,
    access: access ? deps.access.narrowedTo(grantOf(verified, access.claim, access.grants)) : deps.access,
  };
}

function bearerToken(authorization: string | undefined, message: string): string {
  const token = authorization === undefined ? undefined : BEARER.exec(authorization.trim())?.[1];
  if (token === undefined) throw unauthenticated(message, 'Bearer');
  return token;
}

function unauthenticated(message: string, header: string) {
  return graphQLError('UNAUTHENTICATED', message, { http: { status: httpStatusOf('UNAUTHENTICATED'), headers: challenge(header) } });
}

async function verifyToken(verifier: OidcVerifier, token: string): Promise<VerifiedToken> {
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof TokenRejectedError) throw unauthenticated(`Your token was refused: ${error.message}`, 'Bearer error="invalid_token"');
    if (error instanceof IssuerUnavailableError) throw graphQLError('UPSTREAM_UNAVAILABLE', error.message, { http: { status: httpStatusOf('UPSTREAM_UNAVAILABLE') } });
    throw error;
  }
}

async function passthroughPrincipal(deps: AuthDependencies, token: string): Promise<Principal> {
  const account = await deps.tokenInfo?.account(token);
  return account ? { kind: 'google', id: account } : { kind: 'token', id: `sha256:${tokenDigest(token).slice(0, 22)}` };
}

/**
 * A verified caller's grant: the union of the entries for each value of its claim (a string or a
 * list of strings). A list that one matching entry leaves out is granted whole; no matching entry
 * grants nothing.
 */
export function grantOf(token: VerifiedToken, claim: string, grants: ReadonlyMap<string, AccessGrant>): AccessGrant {
  const raw = token.claims[claim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string');
  const matching = values.flatMap((value) => grants.get(value) ?? []);
  const keys = ['datasets', 'fhirStores', 'dicomStores', 'hl7V2Stores'] as const;
  if (matching.length === 0) return Object.fromEntries(keys.map((key) => [key, []]));
  return Object.fromEntries(keys.map((key) => [key, matching.some((grant) => grant[key] === undefined) ? undefined : [...new Set(matching.flatMap((grant) => grant[key] ?? []))]]));
}
