import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '../errors.js';

/**
 * Which list a cursor belongs to: `list` names the connection (e.g. `fhirStores`) and `parent` the
 * object it hangs off, so a cursor cannot be replayed on another list or parent.
 */
export interface CursorScope {
  list: string;
  parent: string;
}

/**
 * Where a cursor points, per paging scheme:
 * - `token`: an upstream list method's page (`pageToken`, empty for the first) and the items of it
 *   already seen;
 * - `search`: the query string of an upstream FHIR page (a checked next link, or our own first
 *   request) and the matches of it already seen;
 * - `offset`: a position in a list the server can cut at any offset (QIDO-RS, known and merged lists).
 */
export interface CursorPositions {
  token: { pageToken: string; skip: number };
  search: { search: string; skip: number };
  offset: { offset: number };
}

export type CursorScheme = keyof CursorPositions;

const MAX_CURSOR_LENGTH = 4096;
const SIGNATURE_BYTES = 16;

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isOptionalCount = (value: unknown) => value === undefined || isCount(value);

/**
 * Each scheme's fields, checked once here so that pagers receive a well-formed position. Fields
 * that are 0 or empty may be left out, which keeps cursors short.
 */
const READERS: { [S in CursorScheme]: (payload: Record<string, unknown>) => CursorPositions[S] | undefined } = {
  token: ({ pageToken = '', skip = 0 }) => (typeof pageToken === 'string' && isOptionalCount(skip) ? { pageToken, skip: skip as number } : undefined),
  search: ({ search, skip = 0 }) => (typeof search === 'string' && isOptionalCount(skip) ? { search, skip: skip as number } : undefined),
  offset: ({ offset = 0 }) => (isOptionalCount(offset) ? { offset: offset as number } : undefined),
};

/** The error for a cursor this server issued that points somewhere its list cannot go. */
export const invalidPosition = () => badUserInput('Invalid cursor: continue from pageInfo.endCursor');

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

  encode<S extends CursorScheme>(scope: CursorScope, position: CursorPositions[S]): string {
    const body = Buffer.from(JSON.stringify({ list: scope.list, parent: scope.parent, ...position }), 'utf8').toString('base64url');
    return `${body}.${this.sign(body).toString('base64url')}`;
  }

  /** The position of a cursor issued for this scope and scheme; anything else is BAD_USER_INPUT. */
  decode<S extends CursorScheme>(cursor: string, scope: CursorScope, scheme: S): CursorPositions[S] {
    const payload = this.verify(cursor);
    if (payload === undefined) throw badUserInput('Invalid cursor: pass back a cursor exactly as this server returned it');
    if (payload.list !== scope.list || payload.parent !== scope.parent) {
      throw badUserInput(`Invalid cursor: it belongs to another list than ${scope.list} of this object`);
    }
    const position = READERS[scheme](payload) as CursorPositions[S] | undefined;
    if (position === undefined) throw invalidPosition();
    return position;
  }

  private verify(cursor: string): Record<string, unknown> | undefined {
    if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    // The decoder skips characters outside base64url; only the canonical spelling is this server's.
    if (given.toString('base64url') !== signature || given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.sign(body))) return undefined;
    try {
      const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload as Record<string, unknown> : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, SIGNATURE_BYTES);
  }
}
