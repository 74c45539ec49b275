import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '../errors.js';

/**
 * What a cursor remembers. `list` names the connection (e.g. `fhirStores`) and `parent` the object it
 * hangs off, so a cursor cannot be replayed on another list or parent. The position is an upstream
 * page token (admin lists) or page query (FHIR) plus items to skip in that page, or an offset into a
 * list the server knows.
 */
export interface CursorPayload {
  list: string;
  parent: string;
  pageToken?: string;
  skip?: number;
  offset?: number;
  /** The query string of an upstream FHIR page (a checked next link, or our own first request). */
  search?: string;
}

const MAX_CURSOR_LENGTH = 4096;
const SIGNATURE_BYTES = 16;

/**
 * Encodes cursors as `base64url(json).base64url(hmac)`. The HMAC means a client can hand back only
 * cursors this server issued, so it can never steer the server's upstream calls (and its credentials)
 * at a URL or page token of its choosing.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret?: string) {
    this.key = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  encode(payload: CursorPayload): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.sign(body).toString('base64url')}`;
  }

  /** Decodes a cursor issued for `list` under `parent`; anything else is BAD_USER_INPUT. */
  decode(cursor: string, list: string, parent: string): CursorPayload {
    const payload = this.verify(cursor);
    if (payload === undefined) throw badUserInput('Invalid cursor: pass back a cursor exactly as this server returned it');
    if (payload.list !== list || payload.parent !== parent) {
      throw badUserInput(`Invalid cursor: it belongs to another list than ${list} of this object`);
    }
    return payload;
  }

  private verify(cursor: string): CursorPayload | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    // The decoder skips characters outside base64url; only the canonical spelling is this server's.
    if (given.toString('base64url') !== signature || given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.sign(body))) return undefined;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
      return typeof payload === 'object' && payload !== null && typeof payload.list === 'string' ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, SIGNATURE_BYTES);
  }
}
