import { describe, expect, it } from '@jest/globals';
import { CursorCodec } from '../../src/connections/cursor.js';

const codec = new CursorCodec('a-test-secret-that-is-long-enough-123');

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}

describe('CursorCodec', () => {
  const payload = { list: 'fhirStores', parent: 'projects/p/locations/l/datasets/d', pageToken: 'abc', skip: 3 };

  it('round-trips a cursor it issued', () => {
    expect(codec.decode(codec.encode(payload), 'fhirStores', payload.parent)).toEqual(payload);
  });

  it('refuses a cursor whose payload was edited (signature no longer matches)', () => {
    const [, signature] = codec.encode(payload).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, pageToken: 'https://evil.example/' })).toString('base64url');
    expect(codeOf(() => codec.decode(`${forged}.${signature}`, 'fhirStores', payload.parent))).toBe('BAD_USER_INPUT');
  });

  it('refuses cursors signed with another key', () => {
    const other = new CursorCodec('another-secret-that-is-long-enough-456');
    expect(codeOf(() => codec.decode(other.encode(payload), 'fhirStores', payload.parent))).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor replayed on another list or parent', () => {
    const cursor = codec.encode(payload);
    expect(codeOf(() => codec.decode(cursor, 'dicomStores', payload.parent))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => codec.decode(cursor, 'fhirStores', 'projects/p/locations/l/datasets/other'))).toBe('BAD_USER_INPUT');
  });

  it.each(['', '.', 'abc', 'a.b.c', 'x'.repeat(5000), '%%%.%%%', 'e30.AAAAAAAAAAAAAAAAAAAAAA'])('refuses garbage %#', (cursor) => {
    expect(codeOf(() => codec.decode(cursor, 'fhirStores', payload.parent))).toBe('BAD_USER_INPUT');
  });
});

describe('CursorCodec signatures', () => {
  const cursor = codec.encode({ list: 'datasets', parent: 'p' });
  it.each([`${cursor}!`, `${cursor.slice(0, -1)}*${cursor.slice(-1)}`])('refuses a non-canonical spelling of a valid signature %#', (variant) => {
    expect(codeOf(() => codec.decode(variant, 'datasets', 'p'))).toBe('BAD_USER_INPUT');
  });
});
