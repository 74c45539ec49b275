import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from '@keyv/redis';
import type { RunningApp } from '../../src/app.js';
import { startTestApp } from '../helpers/app.js';
import { codes, memoryLogger, persisted, post, sha256, startLoggedApp } from './helpers.js';
import { freePort, onPath, startRedis, type RedisServer } from './redis-server.js';

/**
 * The APQ cache in Redis (REDIS_URL), shared by two graph instances as by two replicas. Needs the
 * `redis-server` binary (Debian package redis-server); without it the suite is skipped, visibly, so
 * that `npm test` needs no system package. The degraded case needs no Redis at all.
 */
const withRedis = onPath('redis-server') ? describe : describe.skip;

/** The URL carries it; it must never reach a log line. */
const PASSWORD = 'redis-password-4f1c9a';

const distinct = (label: string) => `query ${label} { datasets { nodes { datasetId } } }`;
const DATA = { datasets: { nodes: [{ datasetId: 'demo' }] } };

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

withRedis(`APQ shared through Redis${onPath('redis-server') ? '' : ' (skipped: redis-server is not installed)'}`, () => {
  let redis: RedisServer;
  let port: number;
  let a: RunningApp;
  let b: RunningApp;
  const logB = memoryLogger('info');
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port, PASSWORD);
    a = await startTestApp({ REDIS_URL: redis.url });
    b = await startLoggedApp(logB.logger, { REDIS_URL: redis.url });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('registers a document on one instance and runs it by hash on the other', async () => {
    const query = distinct('SharedAcrossReplicas');
    expect(codes(await post(b, { extensions: persisted(query) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(await post(a, { query, extensions: persisted(query) })).toEqual({ status: 200, data: DATA });
    // Apollo stores the document without waiting for the write; it lands within moments.
    await until(async () => codes(await post(b, { extensions: persisted(query) })).length === 0, 2000);
    expect(await post(b, { extensions: persisted(query) })).toEqual({ status: 200, data: DATA });
  });

  it('keeps documents under the server\'s namespace, expiring after a day', async () => {
    const query = distinct('Namespaced');
    await post(a, { query, extensions: persisted(query) });
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const key = `healthcare-graph:apq:${sha256(query)}`;
      await until(async () => (await client.exists(key)) === 1, 2000);
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(86_400 - 60);
      expect(ttl).toBeLessThanOrEqual(86_400);
    } finally {
      client.destroy();
    }
  });

  it('keeps answering while Redis is down, and shares documents again once it is back', async () => {
    await redis.stop();
    const during = distinct('WhileDown');
    const started = Date.now();
    expect(codes(await post(b, { extensions: persisted(during) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(await post(b, { query: during, extensions: persisted(during) })).toEqual({ status: 200, data: DATA });
    expect(Date.now() - started).toBeLessThan(1000);

    redis = await startRedis(port, PASSWORD);
    const after = distinct('AfterRestart');
    await until(async () => {
      await post(a, { query: after, extensions: persisted(after) });
      return codes(await post(b, { extensions: persisted(after) })).length === 0;
    }, 10_000);

    const messages = logB.records().map((record) => record.msg);
    expect(messages.filter((message) => message.startsWith('Redis cache unavailable'))).toHaveLength(1);
    expect(messages.filter((message) => message === 'Redis cache connected')).toHaveLength(2);
    expect(logB.lines.join('\n')).not.toContain(PASSWORD);
  }, 30_000);
});

describe('APQ with an unreachable Redis', () => {
  it('starts, warns once, and serves every document sent in full', async () => {
    const log = memoryLogger('info');
    const app = await startLoggedApp(log.logger, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const query = distinct('NoRedis');
      const started = Date.now();
      expect(codes(await post(app, { extensions: persisted(query) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(await post(app, { query, extensions: persisted(query) })).toEqual({ status: 200, data: DATA });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(log.records().filter((record) => record.msg.startsWith('Redis cache unavailable'))).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
