/**
 * Persistence of a store's messages under its data directory: `messages.jsonl`, an append-only
 * journal of `{"put": record}` and `{"del": id}` lines, replayed at start and compacted when it
 * holds superseded lines. A torn last line (the process died mid-append) is dropped: that write was
 * never acknowledged. Any other unreadable line is corruption and stops the start.
 */

import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject } from '../json.js';
import { readFileIfExists, writeFileAtomic } from '../persistence.js';
import type { MessageRecord } from './record.js';

type Entry = { put: MessageRecord } | { del: string };

/** The journal holds a line the emulator cannot read. */
export class CorruptMessageJournalError extends Error {
  constructor(file: string, line: number) {
    super(`HL7v2 store journal ${file} is corrupt at line ${line}. Fix it, or remove the store's folder.`);
    this.name = 'CorruptMessageJournalError';
  }
}

function parseEntry(line: string): Entry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  if (typeof value['del'] === 'string') return { del: value['del'] };
  const put = value['put'];
  if (isJsonObject(put) && typeof put['id'] === 'string' && typeof put['data'] === 'string') {
    return { put: put as unknown as MessageRecord };
  }
  return undefined;
}

/** Where a store's messages are kept; writes are serialized so the file follows memory. */
export interface MessageJournal {
  load(): Promise<MessageRecord[]>;
  put(record: MessageRecord): Promise<void>;
  remove(id: string): Promise<void>;
  flush(): Promise<void>;
}

/** No data directory: nothing is written. */
export const MEMORY_JOURNAL: MessageJournal = {
  load: () => Promise.resolve([]),
  put: () => Promise.resolve(),
  remove: () => Promise.resolve(),
  flush: () => Promise.resolve(),
};

/** The journal file of one store. */
export class FileJournal implements MessageJournal {
  private queue: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = path.join(dir, 'messages.jsonl');
  }

  async load(): Promise<MessageRecord[]> {
    const text = await readFileIfExists(this.file);
    if (text === undefined) return [];
    const records = new Map<string, MessageRecord>();
    const lines = text.split('\n');
    let replayed = 0;
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const entry = parseEntry(line);
      if (entry === undefined) {
        if (i === lines.length - 1) continue;
        throw new CorruptMessageJournalError(this.file, i + 1);
      }
      replayed += 1;
      if ('put' in entry) records.set(entry.put.id, entry.put);
      else records.delete(entry.del);
    }
    if (replayed !== records.size || !text.endsWith('\n')) {
      const compacted = [...records.values()].map((record) => `${JSON.stringify({ put: record })}\n`).join('');
      await writeFileAtomic(this.file, compacted);
    }
    return [...records.values()];
  }

  put(record: MessageRecord): Promise<void> {
    return this.append({ put: record });
  }

  remove(id: string): Promise<void> {
    return this.append({ del: id });
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  private append(entry: Entry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await appendFile(this.file, line);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }
}
