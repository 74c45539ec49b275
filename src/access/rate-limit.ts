/**
 * Per-caller rate limits: a token bucket per principal for requests and one for upstream calls, each
 * refilling at its per-minute rate up to one minute's worth. A request takes one request token, and
 * is refused while the caller's upstream balance is spent; when it ends it is charged its upstream
 * calls (the balance may go below zero, which refuses the caller's next requests until it refills).
 * Buckets live in this process, or in Redis (`REDIS_URL`) so that every replica enforces one limit.
 */
import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { RateLimitConfig } from '../config/index.js';
import { graphQLError, httpStatusOf } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type { Principal } from './credentials.js';

/** `take`: subtract `cost` if the balance holds it; `peek`: only check that it does; `charge`: subtract in any case. */
export type BucketMode = 'take' | 'peek' | 'charge';

export interface BucketAnswer {
  allowed: boolean;
  /** Seconds until the balance holds the cost again (0 when allowed). */
  retryAfterSeconds: number;
}

/** Where buckets live. `perMinute` is both the refill rate and the capacity. */
export interface BucketStore {
  apply(key: string, perMinute: number, cost: number, mode: BucketMode): Promise<BucketAnswer>;
  close(): Promise<void>;
}

export interface BucketState {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

/**
 * One bucket step, pure: refill since `state.at`, then apply the mode. The Redis script is the same
 * arithmetic (see rate-limit-redis.ts).
 */
export function stepBucket(state: BucketState | undefined, now: number, perMinute: number, cost: number, mode: BucketMode): { state: BucketState; answer: BucketAnswer } {
  const perMs = perMinute / 60_000;
  const tokens = Math.min(perMinute, state === undefined ? perMinute : state.tokens + Math.max(0, now - state.at) * perMs);
  const holds = tokens >= cost;
  const next = mode === 'charge' || (mode === 'take' && holds) ? Math.max(-perMinute, tokens - cost) : tokens;
  const allowed = mode === 'charge' || holds;
  return { state: { tokens: next, at: now }, answer: { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((cost - tokens) / perMs / 1000) } };
}

/** Buckets in this process (one replica, or no Redis). */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly now: () => number = Date.now) {}

  async apply(key: string, perMinute: number, cost: number, mode: BucketMode): Promise<BucketAnswer> {
    const { state, answer } = stepBucket(this.buckets.get(key), this.now(), perMinute, cost, mode);
    // A full bucket is the same as none: dropping it keeps the map to the callers of the last minute.
    if (state.tokens >= perMinute) this.buckets.delete(key);
    else this.buckets.set(key, state);
    return answer;
  }

  async close(): Promise<void> {}
}

/** The per-caller limits of one server; {@link admit} before a request, {@link charge} after it. */
export class RateLimiter {
  constructor(
    private readonly limits: RateLimitConfig,
    private readonly store: BucketStore,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.limits.requestsPerMinute > 0 || this.limits.upstreamCallsPerMinute > 0;
  }

  /** Lets a request through, or throws RATE_LIMITED (429, `Retry-After`). A store failure lets it through. */
  async admit(principal: Principal): Promise<void> {
    const { requestsPerMinute, upstreamCallsPerMinute } = this.limits;
    const answers = await Promise.all([
      requestsPerMinute > 0 ? this.apply('requests', principal, requestsPerMinute, 1, 'take') : undefined,
      upstreamCallsPerMinute > 0 ? this.apply('upstream', principal, upstreamCallsPerMinute, 1, 'peek') : undefined,
    ]);
    const refused = answers.filter((answer) => answer !== undefined && !answer.allowed);
    if (refused.length === 0) return;
    const retryAfter = Math.max(1, ...refused.map((answer) => answer!.retryAfterSeconds));
    throw graphQLError('RATE_LIMITED', `Too many requests from you: try again in ${retryAfter} s`, {
      retryAfter,
      http: { status: httpStatusOf('RATE_LIMITED'), headers: new HeaderMap([['retry-after', String(retryAfter)]]) as unknown as Record<string, string> },
    });
  }

  /** Charges a finished request's upstream calls to its caller. */
  async charge(principal: Principal, upstreamCalls: number): Promise<void> {
    if (this.limits.upstreamCallsPerMinute > 0 && upstreamCalls > 0) await this.apply('upstream', principal, this.limits.upstreamCallsPerMinute, upstreamCalls, 'charge');
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async apply(bucket: string, principal: Principal, perMinute: number, cost: number, mode: BucketMode): Promise<BucketAnswer | undefined> {
    const who = createHash('sha256').update(`${principal.kind}:${principal.id}`).digest('base64url').slice(0, 22);
    try {
      return await this.store.apply(`healthcare-graph:rate:${bucket}:${who}`, perMinute, cost, mode);
    } catch (error) {
      // Limits protect the quota; a Redis outage must not take the service down with it.
      this.logger.warn({ reason: (error as Error).message }, 'rate limit store failed; request let through');
      return undefined;
    }
  }
}
