import { setTimeout as sleep } from 'node:timers/promises';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { Logger } from '../observability/logger.js';

/** Every key this server writes starts with this, so one Redis can serve other applications too. */
const NAMESPACE = 'healthcare-graph';
const CONNECT_TIMEOUT_MS = 2000;
/** Redis answers in well under a millisecond; one that does not answer at all must not hold requests. */
const OPERATION_TIMEOUT_MS = 500;

export interface SharedCache {
  /** Apollo Server's `cache` (automatic persisted queries among others), shared by every replica. */
  cache: KeyValueCache<string>;
  close(): Promise<void>;
}

/**
 * Apollo's cache in Redis (`REDIS_URL`), through keyv and Apollo's KeyvAdapter. A cache must never
 * take the graph down: while Redis is unreachable every read is a miss at once (no offline queue, so
 * nothing waits for a reconnect) and writes are dropped; APQ clients then send their documents in
 * full, and the client reconnects in the background. Resolves after the first connection attempt,
 * so a reachable Redis is in use from the first request; the outage and the recovery are logged
 * once each, without the URL (it may carry a password).
 */
export async function connectSharedCache(url: string, logger: Logger): Promise<SharedCache> {
  const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: CONNECT_TIMEOUT_MS } });
  const store = new KeyvRedis<string>(client, { namespace: NAMESPACE, keyPrefixSeparator: ':', throwOnConnectError: false });
  const keyv = new Keyv<string>({ store, namespace: NAMESPACE, useKeyPrefix: false });

  let available: boolean | undefined;
  keyv.on('error', (error: unknown) => {
    if (available === false) return;
    available = false;
    logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Redis cache unavailable: running without it until it is back');
  });
  client.on('ready', () => {
    if (available === true) return;
    available = true;
    logger.info('Redis cache connected');
  });

  const firstAttempt = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });
  // Failed attempts are reported through 'error' and retried by the client; the promise only rejects
  // when the cache is closed before Redis was ever reached.
  client.connect().catch(() => {});
  await firstAttempt;

  // The adapter is CommonJS and types keyv from keyv's CommonJS declarations; the class is the same.
  const cache = new BoundedCache(new KeyvAdapter(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]));
  return {
    cache,
    async close() {
      await cache.close();
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * Bounds every operation in time (a late read is a miss) and refuses new ones once closing: the
 * keyv store reconnects whenever an operation finds its client closed, so one that arrived after
 * the client was destroyed would open a connection nobody closes. Apollo does not wait for its APQ
 * writes, hence `close` waits for those still running.
 */
class BoundedCache implements KeyValueCache<string> {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly inner: KeyValueCache<string>) {}

  get(key: string): Promise<string | undefined> {
    return this.run(() => this.inner.get(key), undefined);
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    return this.run(() => this.inner.set(key, value, options), undefined);
  }

  delete(key: string): Promise<boolean | void> {
    return this.run(() => this.inner.delete(key), false);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.running);
  }

  private run<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    if (this.closed) return Promise.resolve(fallback);
    const settled = Promise.race([operation(), sleep(OPERATION_TIMEOUT_MS, fallback, { ref: false })]).catch(() => fallback);
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
    return settled;
  }
}
