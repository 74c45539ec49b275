/**
 * Persistence of a store's messages under its data directory: `messages.jsonl`, an append-only
 * journal of `{"put": record}` and `{"del": id}` lines, replayed at start and compacted when it
 * holds superseded lines. A torn last line (the process died mid-append) is dropped: that write was
 * never acknowledged. Any other unreadable line is corruption and stops the start.
 */

import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject } from '../json.js';
import { deleteLine, putLine, replayJournal, type JournalFormat } from '../record-journal.js';
import type { MessageRecord } from './record.js';

/** The journal holds a line the emulator cannot read. */
export class CorruptMessageJournalError extends Error {
  constructor(file: string, line: number) {
    super(`HL7v2 store journal ${file} is corrupt at line ${line}. Fix it, or remove the store's folder.`);
    this.name = 'CorruptMessageJournalError';
  }
}

const FORMAT: JournalFormat<MessageRecord, string> = {
  record: (put) =>
    isJsonObject(put) && typeof put['id'] === 'string' && typeof put['data'] === 'string' ? (put as unknown as MessageRecord) : undefined,
  deletion: (del) => (typeof del === 'string' ? del : undefined),
  recordKey: (record) => record.id,
  deletedKey: (id) => id,
  corrupt: (file, line) => new CorruptMessageJournalError(file, line),
};

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

  load(): Promise<MessageRecord[]> {
    return replayJournal(this.file, FORMAT);
  }

  put(record: MessageRecord): Promise<void> {
    return this.append(putLine(record));
  }

  remove(id: string): Promise<void> {
    return this.append(deleteLine(id));
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  private append(line: string): Promise<void> {
    const write = this.queue.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await appendFile(this.file, line);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }
}
