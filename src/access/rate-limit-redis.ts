import { createClient } from 'redis';
import type { Logger } from '../observability/logger.js';
import type { BucketAnswer, BucketMode, BucketStore } from './rate-limit.js';

/**
 * `stepBucket` as one atomic script, timed by Redis's own clock so that replicas with skewed clocks
 * share one bucket fairly. Keys expire once a bucket would be full again.
 */
const SCRIPT = `
local perMinute = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local mode = ARGV[3]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local perMs = perMinute / 60000
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = perMinute
if saved[1] then tokens = math.min(perMinute, tonumber(saved[1]) + math.max(0, now - tonumber(saved[2])) * perMs) end
local holds = tokens >= cost
local allowed = mode == 'charge' or holds
if mode == 'charge' or (mode == 'take' and holds) then tokens = math.max(-perMinute, tokens - cost) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((perMinute - tokens) / perMs) + 1000)
if allowed then return {1, 0} end
return {0, math.ceil((cost - tokens) / perMs / 1000)}
`;

/** Buckets in Redis, shared by every replica with the same `REDIS_URL`. */
export async function connectRedisBucketStore(url: string, logger: Logger): Promise<BucketStore> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) } });
  // Errors are answered per call (the request is let through); the client reconnects by itself.
  client.on('error', (error: Error) => logger.debug({ reason: error.message }, 'rate limit Redis connection error'));
  await client.connect();
  return {
    async apply(key: string, perMinute: number, cost: number, mode: BucketMode): Promise<BucketAnswer> {
      if (!client.isReady) throw new Error('Redis is not connected');
      const [allowed, retryAfterSeconds] = await client.eval(SCRIPT, { keys: [key], arguments: [String(perMinute), String(cost), mode] }) as [number, number];
      return { allowed: allowed === 1, retryAfterSeconds };
    },
    async close() {
      client.destroy();
    },
  };
}
