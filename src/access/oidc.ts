import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../config/index.js';
import { isSafeForCredentials } from '../config/dicomweb-servers.js';

/**
 * Algorithms a token may be signed with: the asymmetric ones OpenID providers use. `none` and the
 * HMAC family are never accepted (an HMAC "key" from a public JWKS would let anyone sign).
 */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** How long the discovery document is used before it is fetched again. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5000;

/** A caller whose token the issuer signed: its subject and claims. */
export interface VerifiedToken {
  subject: string;
  claims: JWTPayload;
}

/** Why a token was refused, for the 401's message (never the token itself). */
export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
}

/** The issuer could not be asked for its keys: the caller is not at fault (503). */
export class IssuerUnavailableError extends Error {
  override name = 'IssuerUnavailableError';
}

interface Discovery {
  jwks: JWTVerifyGetKey;
  jwksUri: string;
  fetchedAt: number;
}

/**
 * Checks callers' JWTs against one OpenID Connect issuer: signature by a key of the issuer's JWKS
 * (found through its discovery document), `iss`, `aud`, `exp` and `nbf`. The discovery document is kept
 * for an hour; the key set is kept by jose, fetched again after 10 minutes or when a token names a key
 * it does not hold (rotation), at most once per `jwksCooldownMs`.
 */
export class OidcVerifier {
  private discovery?: Promise<Discovery>;

  constructor(private readonly config: Pick<OidcConfig, 'issuer' | 'audience' | 'jwksCooldownMs'>) {}

  /** The token's subject and claims; {@link TokenRejectedError} when it is not valid for this server. */
  async verify(token: string): Promise<VerifiedToken> {
    const { jwks } = await this.currentDiscovery();
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: this.config.issuer, audience: this.config.audience, algorithms: ALGORITHMS });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new TokenRejectedError('the token has no subject');
      return { subject: payload.sub, claims: payload };
    } catch (error) {
      throw rejection(error);
    }
  }

  private async currentDiscovery(): Promise<Discovery> {
    const current = this.discovery;
    if (current) {
      const known = await current.catch(() => undefined);
      if (known && Date.now() - known.fetchedAt < DISCOVERY_TTL_MS) return known;
    }
    const next = this.fetchDiscovery(current);
    this.discovery = next;
    return next;
  }

  /** Fetches the discovery document; a failed refresh keeps the document it had, a failed first fetch is tried again next time. */
  private async fetchDiscovery(previous: Promise<Discovery> | undefined): Promise<Discovery> {
    const fallback = await previous?.catch(() => undefined);
    try {
      const url = `${this.config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error', headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`discovery document: HTTP ${response.status}`);
      const document = await response.json() as { issuer?: unknown; jwks_uri?: unknown };
      if (document.issuer !== this.config.issuer) throw new Error('discovery document names another issuer');
      if (typeof document.jwks_uri !== 'string' || !isSafeForCredentials(document.jwks_uri)) throw new Error('discovery document has no https jwks_uri');
      const jwks = fallback?.jwksUri === document.jwks_uri
        ? fallback.jwks
        : createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: this.config.jwksCooldownMs, timeoutDuration: FETCH_TIMEOUT_MS });
      return { jwks, jwksUri: document.jwks_uri, fetchedAt: Date.now() };
    } catch (error) {
      if (fallback) return { ...fallback, fetchedAt: Date.now() };
      this.discovery = undefined;
      throw new IssuerUnavailableError(`The identity provider could not be reached: ${(error as Error).message}`);
    }
  }
}

/** What the caller is told about a refused token; failures to reach the issuer are not the token's fault. */
function rejection(error: unknown): Error {
  if (error instanceof TokenRejectedError) return error;
  // jose lets the key set's fetch errors through as they are; its own generic error is a bad JWKS answer.
  if (!(error instanceof joseErrors.JOSEError) || error instanceof joseErrors.JWKSTimeout || error.code === 'ERR_JOSE_GENERIC') {
    return new IssuerUnavailableError('The identity provider\'s keys could not be fetched');
  }
  if (error instanceof joseErrors.JWTExpired) return new TokenRejectedError('the token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return new TokenRejectedError(`the token's "${error.claim}" claim is not accepted here`);
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new TokenRejectedError('the token is not signed by a current key of the issuer');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new TokenRejectedError('the token\'s signing algorithm is not accepted');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new TokenRejectedError('the token\'s signature is not valid');
  return new TokenRejectedError('the token is not a valid signed JWT');
}
