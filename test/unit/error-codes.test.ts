import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { renderErrorTable } from '../../src/doc-tables.js';
import { ERROR_CODES, forbidden, httpStatusOf, type ErrorCode } from '../../src/errors.js';
import { createErrorFormatter } from '../../src/graphql/errors.js';
import { UpstreamError } from '../../src/healthcare/errors.js';
import { InvalidNameError } from '../../src/healthcare/names.js';
import { errorCodeOf } from '../../src/http/errors.js';
import { createLogger } from '../../src/observability/logger.js';

const codes = (source: string) => ERROR_CODES.filter((entry) => entry.source === source).map(({ code }) => code);

describe('the error-code table', () => {
  it('lists each code once, each with an error status but the persisted-query misses (Apollo answers those with 200)', () => {
    expect(new Set(ERROR_CODES.map(({ code }) => code)).size).toBe(ERROR_CODES.length);
    const withoutErrorStatus = ERROR_CODES.filter(({ httpStatus }) => httpStatus < 400 || httpStatus >= 600).map(({ code }) => code);
    expect(withoutErrorStatus).toEqual(codes('persisted-queries'));
  });

  it('is the list the documentation gives, in its order (docs/operations.md holds the rendered table)', () => {
    const documented = renderErrorTable().match(/(?<=^\| `)[A-Z_]+(?=`)/gm);
    expect(documented).toEqual(ERROR_CODES.map(({ code }) => code));
    expect(readFileSync('docs/operations.md', 'utf8')).toContain(renderErrorTable());
  });

  it('gives plain HTTP answers the status the contract code implies', () => {
    const statuses = Object.fromEntries(codes('contract').map((code) => [code, httpStatusOf(code as ErrorCode)]));
    expect(statuses).toEqual({
      BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, QUERY_TOO_COMPLEX: 400, RATE_LIMITED: 429,
      UPSTREAM_ERROR: 502, UPSTREAM_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500, OVERLOADED: 503, CONFLICT: 409,
    });
  });
});

describe('the GraphQL error formatter', () => {
  const format = createErrorFormatter(createLogger('silent'), true);

  it.each(ERROR_CODES.filter(({ code }) => code !== 'INTERNAL_SERVER_ERROR').map(({ code }) => code))('passes %s through unchanged', (code) => {
    const formatted = { message: 'as minted', path: ['field'], extensions: { code, detail: 1 } };
    expect(format(formatted, new Error('as minted'))).toEqual(formatted);
  });

  it.each(['INTERNAL_SERVER_ERROR', 'SOMETHING_ELSE', undefined])('hides the message of %s in production, as INTERNAL_SERVER_ERROR', (code) => {
    const formatted = { message: 'a secret detail', extensions: code === undefined ? {} : { code } };
    expect(format(formatted, new Error('a secret detail'))).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('the code of an error outside GraphQL (the image proxy)', () => {
  it.each([
    ['an upstream failure', new UpstreamError('gone', { status: 404, kind: 'dicomweb' }), 'NOT_FOUND'],
    ['no upstream answer', new UpstreamError('late', { status: 0, kind: 'dicomweb', failure: 'timeout' }), 'UPSTREAM_UNAVAILABLE'],
    ['a bad name', new InvalidNameError('not a name'), 'BAD_USER_INPUT'],
    ['a check shared with the graph', forbidden('not this store'), 'FORBIDDEN'],
    ['a GraphQL error without a contract code', new GraphQLError('odd', { extensions: { code: 'SOMETHING_ELSE' } }), 'INTERNAL_SERVER_ERROR'],
    ['anything else', new TypeError('a bug'), 'INTERNAL_SERVER_ERROR'],
  ])('is read from %s', (_what, error, code) => {
    expect(errorCodeOf(error)).toBe(code);
  });
});
