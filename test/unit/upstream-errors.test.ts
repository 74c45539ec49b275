import { describe, expect, it } from '@jest/globals';
import { parseErrorResponse } from '../../src/healthcare/errors.js';
import { upstreamCode } from '../../src/graphql/errors.js';

describe('upstream error parsing', () => {
  it('reads Google\'s error envelope', () => {
    const error = parseErrorResponse('admin', 404, JSON.stringify({ error: { code: 404, message: 'Dataset x not found', status: 'NOT_FOUND' } }), null);
    expect([error.status, error.reason, error.message, upstreamCode(error)]).toEqual([404, 'NOT_FOUND', 'Dataset x not found', 'NOT_FOUND']);
  });

  it('reads a FHIR OperationOutcome (429 lock contention)', () => {
    const body = { resourceType: 'OperationOutcome', issue: [{ code: 'too-costly', details: { text: 'operation_too_costly' }, diagnostics: 'aborted due to lock contention', severity: 'error' }] };
    const error = parseErrorResponse('fhir', 429, JSON.stringify(body), '7');
    expect([error.reason, error.message, error.retryAfterSeconds, upstreamCode(error)]).toEqual(['too-costly', 'aborted due to lock contention', 7, 'RATE_LIMITED']);
  });

  it('survives an HTML body (Google\'s front end 404)', () => {
    const error = parseErrorResponse('admin', 404, '<!DOCTYPE html><html>Error 404 (Not Found)!!1</html>', null);
    expect([error.message, upstreamCode(error)]).toEqual(['HTTP 404', 'NOT_FOUND']);
  });

  it.each([
    [401, 'UNAUTHENTICATED'], [403, 'FORBIDDEN'], [400, 'UPSTREAM_ERROR'], [500, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'], [503, 'UPSTREAM_UNAVAILABLE'], [504, 'UPSTREAM_UNAVAILABLE'],
  ])('maps HTTP %i to %s', (status, code) => {
    expect(upstreamCode(parseErrorResponse('admin', status, '', null))).toBe(code);
  });

  it('reads Retry-After as an HTTP date', () => {
    const error = parseErrorResponse('admin', 503, '', new Date(Date.now() + 30_000).toUTCString());
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(31);
  });
});
