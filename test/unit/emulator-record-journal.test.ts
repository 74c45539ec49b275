/**
 * The put/del journal replay shared by the DICOM index and the HL7v2 message store
 * (`src/emulator/record-journal.ts`).
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { deleteLine, putLine, replayJournal, type JournalFormat } from '../../src/emulator/record-journal.js';

interface Item {
  id: string;
  v: number;
}

const FORMAT: JournalFormat<Item, string> = {
  record: (put) => (typeof put === 'object' && put !== null && typeof (put as Item).id === 'string' ? (put as Item) : undefined),
  deletion: (del) => (typeof del === 'string' ? del : undefined),
  recordKey: (item) => item.id,
  deletedKey: (id) => id,
  corrupt: (file, line) => new Error(`corrupt ${path.basename(file)}:${line}`),
};

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'record-journal-'));
  file = path.join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('replayJournal', () => {
  it('answers nothing and writes nothing when there is no journal', async () => {
    expect(await replayJournal(file, FORMAT)).toEqual([]);
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });

  it('replays puts and deletions in first-stored order, and leaves a compact journal alone', async () => {
    const lines = [putLine({ id: 'a', v: 1 }), putLine({ id: 'b', v: 1 }), '\n', putLine({ id: 'c', v: 1 })];
    await writeFile(file, lines.join(''));
    expect(await replayJournal(file, FORMAT)).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ]);
    expect(await readFile(file, 'utf8')).toBe(lines.join(''));
  });

  it('keeps the last version of a record and rewrites a journal with superseded lines', async () => {
    await writeFile(file, [putLine({ id: 'a', v: 1 }), putLine({ id: 'b', v: 1 }), putLine({ id: 'a', v: 2 }), deleteLine('b')].join(''));
    expect(await replayJournal(file, FORMAT)).toEqual([{ id: 'a', v: 2 }]);
    expect(await readFile(file, 'utf8')).toBe(putLine({ id: 'a', v: 2 }));
  });

  it('drops a torn last line and rewrites the journal so the next append starts a line', async () => {
    await writeFile(file, `${putLine({ id: 'a', v: 1 })}{"put": {"id": "torn`);
    expect(await replayJournal(file, FORMAT)).toEqual([{ id: 'a', v: 1 }]);
    expect(await readFile(file, 'utf8')).toBe(putLine({ id: 'a', v: 1 }));
  });

  it('refuses an unreadable line anywhere but at the end, naming the line', async () => {
    await writeFile(file, [putLine({ id: 'a', v: 1 }), '{"put": 42}\n', putLine({ id: 'b', v: 1 })].join(''));
    await expect(replayJournal(file, FORMAT)).rejects.toThrow('corrupt journal.jsonl:2');
    await writeFile(file, ['not json\n', putLine({ id: 'b', v: 1 })].join(''));
    await expect(replayJournal(file, FORMAT)).rejects.toThrow('corrupt journal.jsonl:1');
  });
});
