/**
 * When and how long to wait before trying an upstream call again: truncated exponential backoff with
 * full jitter (Google's guidance for the Healthcare API), honouring `Retry-After`.
 */
import type { UpstreamCall } from './client.js';
import type { UpstreamError } from './errors.js';

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5_000 };

/** 429 is quota or lock contention, 5xx a passing server fault: both may succeed later. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Reads, and writes that give the same result when repeated (PUT, DELETE, a conditional create, a
 * patch pinned to a version by `If-Match`), may be sent again; a plain POST could create a second
 * resource, a bundle repeat its creates, and a plain PATCH apply its operations twice (an `add` to
 * a list adds twice).
 */
export function isIdempotent(call: UpstreamCall): boolean {
  const method = call.method ?? 'GET';
  if (method === 'GET' || method === 'PUT' || method === 'DELETE') return true;
  if (method === 'PATCH') return call.headers?.['if-match'] !== undefined;
  return method === 'POST' && call.headers?.['if-none-exist'] !== undefined;
}

export function isRetryable(error: UpstreamError): boolean {
  return error.failure === 'network' || error.failure === 'timeout' || RETRYABLE_STATUS.has(error.status);
}

/** Delay before retry number `attempt` (0-based): the server's Retry-After when given, else full jitter. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}
