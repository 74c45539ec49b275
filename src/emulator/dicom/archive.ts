/**
 * Where a DICOM store keeps its Part 10 files and index: in memory, or under the store's data
 * directory as `instances/<hash>.dcm` plus `index.jsonl`, an append-only journal of index records
 * (`{"put": record}` / `{"del": [study, series, sop]}`) that is replayed and compacted at start.
 */

import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject } from '../json.js';
import { deleteLine, putLine, replayJournal, type JournalFormat } from '../record-journal.js';
import type { InstanceRecord } from './instance-index.js';

/** Storage for instance bytes and index records. */
export interface InstanceArchive {
  /** The records stored before, in storing order. */
  load(): Promise<InstanceRecord[]>;
  write(record: InstanceRecord, bytes: Uint8Array): Promise<void>;
  /** The Part 10 bytes, or `undefined` when they are gone (deleted meanwhile). */
  read(record: InstanceRecord): Promise<Uint8Array | undefined>;
  remove(records: readonly InstanceRecord[]): Promise<void>;
  /** Waits for pending writes. */
  flush(): Promise<void>;
}

function keyOf(record: Pick<InstanceRecord, 'studyUid' | 'seriesUid' | 'sopUid'>): string {
  return `${record.studyUid}/${record.seriesUid}/${record.sopUid}`;
}

/** Keeps everything in memory (the emulator runs without a data directory). */
export class MemoryArchive implements InstanceArchive {
  private readonly bytes = new Map<string, Uint8Array>();

  load(): Promise<InstanceRecord[]> {
    return Promise.resolve([]);
  }

  write(record: InstanceRecord, bytes: Uint8Array): Promise<void> {
    this.bytes.set(keyOf(record), bytes);
    return Promise.resolve();
  }

  read(record: InstanceRecord): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.bytes.get(keyOf(record)));
  }

  remove(records: readonly InstanceRecord[]): Promise<void> {
    for (const record of records) this.bytes.delete(keyOf(record));
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}


/** The index journal holds a line the emulator cannot read; the message names the file and line. */
export class CorruptDicomIndexError extends Error {
  constructor(file: string, line: number) {
    super(`DICOM store index ${file} is corrupt at line ${line}. Fix it, or remove the store's folder.`);
    this.name = 'CorruptDicomIndexError';
  }
}

type InstanceKey = [study: string, series: string, sop: string];

const isUid = (value: unknown): value is string => typeof value === 'string';

const FORMAT: JournalFormat<InstanceRecord, InstanceKey> = {
  record: (put) =>
    isJsonObject(put) && isUid(put['studyUid']) && isUid(put['seriesUid']) && isUid(put['sopUid'])
      ? (put as unknown as InstanceRecord)
      : undefined,
  deletion: (del) => (Array.isArray(del) && del.length === 3 && del.every(isUid) ? (del as InstanceKey) : undefined),
  recordKey: keyOf,
  deletedKey: (key) => key.join('/'),
  corrupt: (file, line) => new CorruptDicomIndexError(file, line),
};

/** Files under a store's data directory. Writes are serialized so the journal follows memory. */
export class DiskArchive implements InstanceArchive {
  private queue: Promise<void> = Promise.resolve();
  private readonly journal: string;
  private readonly instancesDir: string;

  constructor(private readonly dir: string) {
    this.journal = path.join(dir, 'index.jsonl');
    this.instancesDir = path.join(dir, 'instances');
  }

  load(): Promise<InstanceRecord[]> {
    return replayJournal(this.journal, FORMAT);
  }

  write(record: InstanceRecord, bytes: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      await mkdir(this.instancesDir, { recursive: true });
      await writeFile(this.fileOf(record), bytes);
      await appendFile(this.journal, putLine(record));
    });
  }

  async read(record: InstanceRecord): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.fileOf(record));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  remove(records: readonly InstanceRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.enqueue(async () => {
      const lines = records.map((r) => deleteLine([r.studyUid, r.seriesUid, r.sopUid]));
      await appendFile(this.journal, lines.join(''));
      await Promise.all(records.map((r) => rm(this.fileOf(r), { force: true })));
    });
  }

  flush(): Promise<void> {
    return this.queue;
  }

  private fileOf(record: InstanceRecord): string {
    // Hashed: the tuple is long and the same SOP Instance UID may appear under several series.
    const name = createHash('sha256').update(keyOf(record)).digest('hex').slice(0, 40);
    return path.join(this.instancesDir, `${name}.dcm`);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
