import { describe, expect, it } from '@jest/globals';
import { parseErrorResponse } from '../../src/healthcare/errors.js';
import { upstreamCode } from '../../src/errors.js';

describe('upstream error parsing', () => {
  it('reads Google\'s error envelope', () => {
    const error = parseErrorResponse({ status: 404, body: JSON.stringify({ error: { code: 404, message: 'Dataset x not found', status: 'NOT_FOUND' } }), retryAfter: null }, { kind: 'admin' });
    expect([error.status, error.reason, error.message, upstreamCode(error)]).toEqual([404, 'NOT_FOUND', 'Dataset x not found', 'NOT_FOUND']);
  });

  it('reads a FHIR OperationOutcome (429 lock contention)', () => {
    const body = { resourceType: 'OperationOutcome', issue: [{ code: 'too-costly', details: { text: 'operation_too_costly' }, diagnostics: 'aborted due to lock contention', severity: 'error' }] };
    const error = parseErrorResponse({ status: 429, body: JSON.stringify(body), retryAfter: '7' }, { kind: 'fhir' });
    expect([error.reason, error.message, error.retryAfterSeconds, upstreamCode(error)]).toEqual(['too-costly', 'aborted due to lock contention', 7, 'RATE_LIMITED']);
  });

  it('survives an HTML body (Google\'s front end 404)', () => {
    const error = parseErrorResponse({ status: 404, body: '<!DOCTYPE html><html>Error 404 (Not Found)!!1</html>', retryAfter: null }, { kind: 'admin' });
    expect([error.message, upstreamCode(error)]).toEqual(['HTTP 404', 'NOT_FOUND']);
  });

  it.each([
    [401, 'UNAUTHENTICATED'], [403, 'FORBIDDEN'], [400, 'UPSTREAM_ERROR'], [500, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'], [503, 'UPSTREAM_UNAVAILABLE'], [504, 'UPSTREAM_UNAVAILABLE'],
  ])('maps HTTP %i to %s', (status, code) => {
    expect(upstreamCode(parseErrorResponse({ status, body: '', retryAfter: null }, { kind: 'admin' }))).toBe(code);
  });

  it('names the external server the failing call went to', () => {
    const error = parseErrorResponse({ status: 500, body: '', retryAfter: null }, { kind: 'dicomweb', server: 'DICOMweb server "pacs"' });
    expect([error.kind, error.server, error.status, error.message]).toEqual(['dicomweb', 'DICOMweb server "pacs"', 500, 'HTTP 500']);
  });

  it('reads Retry-After as an HTTP date', () => {
    const error = parseErrorResponse({ status: 503, body: '', retryAfter: new Date(Date.now() + 30_000).toUTCString() }, { kind: 'admin' });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(31);
  });
});
