import { GoogleAuth } from 'google-auth-library';
import type { AuthMode } from '../config/index.js';

/** Where the Authorization header of upstream calls comes from. */
export interface Credentials {
  /** Headers to add to an upstream call; only ever sent to the configured API root. */
  headers(): Promise<Record<string, string>>;
}

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export const anonymous: Credentials = { headers: async () => ({}) };

/** The caller's own token, forwarded unchanged so that Cloud IAM decides what this caller may see. */
export function bearer(token: string): Credentials {
  const headers = { authorization: `Bearer ${token}` };
  return { headers: async () => headers };
}

/**
 * Application Default Credentials. One GoogleAuth is shared by all requests: it caches the access token
 * and refreshes it before expiry.
 */
export function applicationDefault(): Credentials {
  const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] });
  return {
    async headers(): Promise<Record<string, string>> {
      const headers = await auth.getRequestHeaders();
      const authorization = headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  };
}

/** Server-wide credentials for a mode; passthrough has none of its own (each request brings a token). */
export function serverCredentials(mode: AuthMode): Credentials {
  return mode === 'adc' ? applicationDefault() : anonymous;
}
