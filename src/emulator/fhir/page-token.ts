/**
 * `_page_token` values: the position after the last item of a page (its sort key, so paging is
 * keyset-based and never skips or repeats an item that exists throughout), bound to the query
 * that produced it. Tokens are sealed with AES-256-GCM under a key that belongs to one store and
 * one emulator run: they are opaque, and a tampered token, a token from another query or another
 * store is a 400.
 */

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SortValue } from './indexes.js';
import { invalidQuery } from './outcome.js';

interface Sealed {
  /** Hash of the query the token belongs to. */
  q: string;
  /** Sort key of the last item returned (`null` for a missing value). */
  k: (string | number | null)[];
}

function fingerprint(binding: string): string {
  return createHash('sha256').update(binding).digest('base64url').slice(0, 22);
}

/** Seals and opens page tokens for one store. */
export class PageTokens {
  private readonly key = randomBytes(32);

  /** A token for the page after the item whose sort key is `after`, within the query `binding`. */
  seal(binding: string, after: readonly SortValue[]): string {
    const body: Sealed = { q: fingerprint(binding), k: after.map((v) => v ?? null) };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
  }

  /** The sort key a token continues after; 400 unless it was sealed here for the same query. */
  open(binding: string, token: string): SortValue[] {
    const bad = (): Error => invalidQuery(`invalid _page_token "${token}"`);
    const bytes = Buffer.from(token, 'base64url');
    if (!/^[A-Za-z0-9_-]+$/.test(token) || bytes.length < 29) throw bad();
    let body: Sealed;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      body = JSON.parse(text) as Sealed;
    } catch {
      throw bad();
    }
    if (body.q !== fingerprint(binding)) throw bad();
    return body.k.map((v) => v ?? undefined);
  }
}
