import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CursorCodec, type CursorPositions, type CursorScheme } from '../../src/connections/cursor.js';

const SECRET = 'a-test-secret-that-is-long-enough-123';
const codec = new CursorCodec(SECRET);

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}

/** A cursor with exactly this payload, signed with the codec's key (what an older release, or a bug, could have issued). */
function signed(payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', SECRET).update(body).digest().subarray(0, 16).toString('base64url')}`;
}

describe('CursorCodec', () => {
  const scope = { list: 'fhirStores', parent: 'projects/p/locations/l/datasets/d' };
  const position = { pageToken: 'abc', skip: 3 };

  it('round-trips a cursor it issued', () => {
    expect(codec.decode(codec.encode<'token'>(scope, position), scope, 'token')).toEqual(position);
  });

  it('refuses a cursor whose payload was edited (signature no longer matches)', () => {
    const [, signature] = codec.encode<'token'>(scope, position).split('.');
    const forged = Buffer.from(JSON.stringify({ ...scope, ...position, pageToken: 'https://evil.example/' })).toString('base64url');
    expect(codeOf(() => codec.decode(`${forged}.${signature}`, scope, 'token'))).toBe('BAD_USER_INPUT');
  });

  it('refuses cursors signed with another key', () => {
    const other = new CursorCodec('another-secret-that-is-long-enough-456');
    expect(codeOf(() => codec.decode(other.encode<'token'>(scope, position), scope, 'token'))).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor replayed on another list or parent', () => {
    const cursor = codec.encode<'token'>(scope, position);
    expect(codeOf(() => codec.decode(cursor, { ...scope, list: 'dicomStores' }, 'token'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => codec.decode(cursor, { ...scope, parent: 'projects/p/locations/l/datasets/other' }, 'token'))).toBe('BAD_USER_INPUT');
  });

  it.each(['', '.', 'abc', 'a.b.c', 'x'.repeat(5000), '%%%.%%%', 'e30.AAAAAAAAAAAAAAAAAAAAAA'])('refuses garbage %#', (cursor) => {
    expect(codeOf(() => codec.decode(cursor, scope, 'token'))).toBe('BAD_USER_INPUT');
  });
});

describe('CursorCodec positions', () => {
  const scope = { list: 'l', parent: 'p' };

  it.each<[CursorScheme, CursorPositions[CursorScheme]]>([
    ['token', { pageToken: 't', skip: 2 }],
    ['search', { search: '?_count=5', skip: 0 }],
    ['offset', { offset: 40 }],
  ])('decodes a %s position exactly as it was encoded', (scheme, position) => {
    expect(codec.decode(codec.encode(scope, position), scope, scheme)).toEqual(position);
  });

  it('reads left-out fields of a token or offset position as the start of the list', () => {
    expect(codec.decode(signed(scope), scope, 'token')).toEqual({ pageToken: '', skip: 0 });
    expect(codec.decode(signed(scope), scope, 'offset')).toEqual({ offset: 0 });
  });

  it.each<[CursorScheme, Record<string, unknown>]>([
    ['token', { pageToken: 5 }],
    ['token', { pageToken: 't', skip: -1 }],
    ['token', { pageToken: 't', skip: 1.5 }],
    ['token', { pageToken: 't', skip: '3' }],
    ['search', {}],
    ['search', { search: ['?a=b'] }],
    ['search', { search: '?a=b', skip: -2 }],
    ['offset', { offset: -1 }],
    ['offset', { offset: 2.5 }],
    ['offset', { offset: null }],
    ['offset', { offset: '10' }],
  ])('refuses a %s position with fields %j, with the message that says where to continue', (scheme, fields) => {
    const run = () => codec.decode(signed({ ...scope, ...fields }), scope, scheme);
    expect(codeOf(run)).toBe('BAD_USER_INPUT');
    expect(run).toThrow('continue from pageInfo.endCursor');
  });

  it('accepts the test\'s own signing as the codec\'s (so the refusals below are about the payload)', () => {
    expect(codec.decode(signed({ ...scope, offset: 3 }), scope, 'offset')).toEqual({ offset: 3 });
  });

  it.each([[[{ ...scope }]], [null], ['l'], [7]])('refuses a signed payload that is not an object: %j', (payload) => {
    expect(codeOf(() => codec.decode(signed(payload), scope, 'offset'))).toBe('BAD_USER_INPUT');
  });
});

describe('CursorCodec signatures', () => {
  const scope = { list: 'datasets', parent: 'p' };
  const cursor = codec.encode<'offset'>(scope, { offset: 0 });
  it.each([`${cursor}!`, `${cursor.slice(0, -1)}*${cursor.slice(-1)}`])('refuses a non-canonical spelling of a valid signature %#', (variant) => {
    expect(codeOf(() => codec.decode(variant, scope, 'offset'))).toBe('BAD_USER_INPUT');
  });
});
