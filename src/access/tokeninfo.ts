import { createHash } from 'node:crypto';

/** Google's endpoint that says whose an access token is; asked only when the API root is Google's. */
export const GOOGLE_TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo';

/** How long an answer is reused at most (shorter when the token expires sooner). */
const CACHE_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 10_000;
const TIMEOUT_MS = 3000;

/** A token's digest: what the cache and unnamed principals are keyed by; the token itself is kept nowhere. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * The Google account a passthrough token belongs to, for the audit log: asked of Google's tokeninfo
 * endpoint (the issuer of the token, never any other host) and cached by the token's digest.
 * Undefined when Google does not say (an expired token, a failure): the audit then names the digest.
 */
export class TokenInfo {
  private readonly cache = new Map<string, { account: string | undefined; until: number }>();

  constructor(private readonly url: string = GOOGLE_TOKENINFO_URL) {}

  async account(token: string): Promise<string | undefined> {
    const key = tokenDigest(token);
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.account;
    const { account, expiresInSeconds } = await this.ask(token);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { account, until: Date.now() + Math.min(CACHE_MS, (expiresInSeconds ?? Infinity) * 1000) });
    return account;
  }

  private async ask(token: string): Promise<{ account?: string; expiresInSeconds?: number }> {
    try {
      // POST, so that the token is in no URL any proxy might log.
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ access_token: token }).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      if (!response.ok) return {};
      const info = await response.json() as { email?: unknown; sub?: unknown; expires_in?: unknown };
      const account = typeof info.email === 'string' ? info.email : typeof info.sub === 'string' ? `sub:${info.sub}` : undefined;
      return { account, expiresInSeconds: Number(info.expires_in) || undefined };
    } catch {
      return {};
    }
  }
}
