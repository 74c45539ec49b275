import { mkdtemp, rm, readdir, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { Client, expectEnvelope, start } from './helpers.js';
import { ADT_A01, ORU_R01, STORE, createMessage, expectOk, hl7, startWithStore } from './hl7v2-helpers.js';

const running: RunningEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A message sent on day `day` of January 2024 with control id `id`. */
const onDay = (day: number, id: string) =>
  hl7(`MSH|^~\\&|A|FAC|B|C|202401${String(day).padStart(2, '0')}120000+0000||ADT^A08|${id}|P|2.5`, `PID|1||M${day}^^^^MR`);

/** Every page of a list, following nextPageToken. */
async function walk(client: Client, query: string): Promise<{ pages: number; names: string[]; sendTimes: string[] }> {
  const names: string[] = [];
  const sendTimes: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const body = expectOk(await client.get(`${STORE}/messages?${query}${token === undefined ? '' : `&pageToken=${token}`}`));
    pages += 1;
    for (const m of (body['hl7V2Messages'] ?? []) as { name: string; sendTime?: string }[]) {
      names.push(m.name);
      if (m.sendTime !== undefined) sendTimes.push(m.sendTime);
    }
    token = body['nextPageToken'] as string | undefined;
  } while (token !== undefined);
  return { pages, names, sendTimes };
}

describe('messages.list paging and order', () => {
  it('pages with pageSize/pageToken, orders by send_time both ways, and lists names only by default', async () => {
    const { emulator, client } = await startWithStore();
    running.push(emulator);
    const days = [9, 3, 27, 14, 1, 20, 5];
    const created = new Map<number, string>();
    for (const day of days) created.set(day, String((await createMessage(client, onDay(day, `C${day}`)))['name']));

    const basic = expectOk(await client.get(`${STORE}/messages?pageSize=2`));
    expect(basic['hl7V2Messages']).toEqual([expect.objectContaining({ name: expect.any(String) })].concat([expect.anything()]));
    for (const m of basic['hl7V2Messages'] as Record<string, unknown>[]) expect(Object.keys(m)).toEqual(['name']);

    const byId = await walk(client, 'pageSize=3');
    expect(byId.pages).toBe(3);
    expect(new Set(byId.names)).toEqual(new Set(created.values()));

    const ascending = await walk(client, 'pageSize=2&orderBy=send_time&view=FULL');
    expect(ascending.pages).toBe(4);
    expect(ascending.names).toEqual([...days].sort((a, b) => a - b).map((d) => created.get(d)));
    expect(ascending.sendTimes[0]).toBe('2024-01-01T12:00:00Z');

    const descending = await walk(client, `pageSize=3&orderBy=${encodeURIComponent('send_time desc')}`);
    expect(descending.names).toEqual([...days].sort((a, b) => b - a).map((d) => created.get(d)));

    // The FULL view carries everything; BASIC only names.
    const full = expectOk(await client.get(`${STORE}/messages?pageSize=1&view=FULL&orderBy=send_time`));
    expect((full['hl7V2Messages'] as Record<string, unknown>[])[0]).toMatchObject({ messageType: 'ADT', parsedData: expect.any(Object), data: expect.any(String) });

    expectEnvelope(await client.get(`${STORE}/messages?orderBy=create_time`), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.get(`${STORE}/messages?pageSize=1001`), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.get(`${STORE}/messages?pageToken=garbage`), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.get(`${STORE}/messages?colour=red`), 400, 'INVALID_ARGUMENT');
    // A token is bound to its order.
    const first = expectOk(await client.get(`${STORE}/messages?pageSize=1&orderBy=send_time`));
    expectEnvelope(await client.get(`${STORE}/messages?pageSize=1&pageToken=${String(first['nextPageToken'])}`), 400, 'INVALID_ARGUMENT');
  });

  it('keeps paging stable while messages are added between pages', async () => {
    const { emulator, client } = await startWithStore();
    running.push(emulator);
    for (const day of [2, 4, 6]) await createMessage(client, onDay(day, `C${day}`));
    const first = expectOk(await client.get(`${STORE}/messages?pageSize=2&orderBy=send_time&view=FULL`));
    await createMessage(client, onDay(1, 'early'));
    await createMessage(client, onDay(28, 'late'));
    const second = expectOk(await client.get(`${STORE}/messages?pageSize=10&orderBy=send_time&view=FULL&pageToken=${String(first['nextPageToken'])}`));
    const times = [first, second].flatMap((page) => (page['hl7V2Messages'] as { sendTime: string }[]).map((m) => m.sendTime.slice(0, 10)));
    expect(times).toEqual(['2024-01-02', '2024-01-04', '2024-01-06', '2024-01-28']);
  });
});

describe('persistence', () => {
  it('keeps stores, messages, labels and deletions across a restart, and drops a torn last journal line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hl7v2-'));
    dirs.push(dir);
    const first = await startWithStore({ parserConfig: { version: 'V3' }, labels: { env: 'test' } }, 'UTC', dir);
    const kept = await createMessage(first.client, ADT_A01, { priority: 'high' });
    const gone = await createMessage(first.client, ORU_R01);
    expectOk(await first.client.call('PATCH', `${String(kept['name'])}?updateMask=labels`, { labels: { priority: 'low' } }));
    expectOk(await first.client.call('DELETE', String(gone['name'])));
    await first.emulator.close();

    const storeDirs = await readdir(path.join(dir, 'stores'));
    expect(storeDirs).toHaveLength(1);
    await appendFile(path.join(dir, 'stores', storeDirs[0] ?? '', 'messages.jsonl'), '{"put": {"id": "torn');

    const second = await start({ dataDir: dir });
    running.push(second);
    const client = new Client(second);
    expect(expectOk(await client.get(STORE))).toMatchObject({ parserConfig: { version: 'V3' }, labels: { env: 'test' } });
    const again = expectOk(await client.get(String(kept['name'])));
    expect(again).toEqual({ ...kept, labels: { priority: 'low' } });
    expectEnvelope(await client.get(String(gone['name'])), 404, 'NOT_FOUND');
    const listed = expectOk(await client.get(`${STORE}/messages?filter=${encodeURIComponent('labels.priority = "low"')}`));
    expect(listed['hl7V2Messages']).toEqual([{ name: kept['name'] }]);
    const metrics = expectOk(await client.get(`${STORE}:getHL7v2StoreMetrics`));
    expect(metrics['metrics']).toEqual([expect.objectContaining({ messageType: 'ADT', count: '1' })]);
    // New messages after the restart are journaled after the compacted ones.
    await createMessage(client, ORU_R01);
    await second.close();
    running.pop();
    const third = await start({ dataDir: dir });
    running.push(third);
    const all = expectOk(await new Client(third).get(`${STORE}/messages`));
    expect(all['hl7V2Messages']).toHaveLength(2);
  });
});
