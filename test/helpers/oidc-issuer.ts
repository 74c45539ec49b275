import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: Record<string, unknown>;
}

/**
 * An OpenID Connect issuer on loopback for tests: a discovery document and a JWKS, keys that can be
 * rotated while it runs, and tokens signed with them. It counts the JWKS fetches.
 */
export interface TestIssuer {
  url: string;
  /** Times the JWKS was fetched. */
  jwksFetches(): number;
  /** A token signed by the current key (or `key`), with `claims` over sensible defaults. */
  token(claims?: JWTPayload, options?: { key?: SigningKey; expiresIn?: string | number; header?: Record<string, unknown> }): Promise<string>;
  /** The key tokens are signed with now. */
  currentKey(): SigningKey;
  /** A new key replaces the published ones (the old one stops being published unless `keepOld`). */
  rotate(options?: { keepOld?: boolean }): Promise<SigningKey>;
  close(): Promise<void>;
}

let keyCounter = 0;

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `key-${++keyCounter}`;
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startTestIssuer(audience: string): Promise<TestIssuer> {
  let published: SigningKey[] = [await newKey()];
  let fetches = 0;
  const server = createServer((request, response) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/.well-known/openid-configuration') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (request.url === '/jwks') {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const current = () => published.at(-1)!;
  return {
    url,
    jwksFetches: () => fetches,
    currentKey: current,
    async token(claims = {}, options = {}) {
      const key = options.key ?? current();
      return new SignJWT({ sub: 'user-1', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...options.header })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : url)
        .setAudience(claims.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(key.privateKey);
    },
    async rotate({ keepOld = false } = {}) {
      const key = await newKey();
      published = keepOld ? [...published, key] : [key];
      return key;
    },
    async close() {
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}

/** An unsecured JWT (`alg: none`) with the given claims: what a forger without keys can make. */
export function unsecuredToken(claims: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
