/**
 * Where a DICOM store keeps its Part 10 files and index: in memory, or under the store's data
 * directory as `instances/<hash>.dcm` plus `index.jsonl`, an append-only journal of index records
 * (`{"put": record}` / `{"del": [study, series, sop]}`) that is replayed and compacted at start.
 */

import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../persistence.js';
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

type JournalEntry = { put: InstanceRecord } | { del: [string, string, string] };

/** The index journal holds a line the emulator cannot read; the message names the file and line. */
export class CorruptDicomIndexError extends Error {
  constructor(file: string, line: number) {
    super(`DICOM store index ${file} is corrupt at line ${line}. Fix it, or remove the store's folder.`);
    this.name = 'CorruptDicomIndexError';
  }
}

/** Files under a store's data directory. Writes are serialized so the journal follows memory. */
export class DiskArchive implements InstanceArchive {
  private queue: Promise<void> = Promise.resolve();
  private readonly journal: string;
  private readonly instancesDir: string;

  constructor(private readonly dir: string) {
    this.journal = path.join(dir, 'index.jsonl');
    this.instancesDir = path.join(dir, 'instances');
  }

  async load(): Promise<InstanceRecord[]> {
    const text = await readFileIfExists(this.journal);
    if (text === undefined) return [];
    const records = new Map<string, InstanceRecord>();
    const lines = text.split('\n');
    let replayed = 0;
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        // A crash during an append leaves a partial last line: the instance it named was never
        // acknowledged, so dropping it is right. Anywhere else it is corruption.
        if (i === lines.length - 1) continue;
        throw new CorruptDicomIndexError(this.journal, i + 1);
      }
      replayed += 1;
      if ('put' in entry) records.set(keyOf(entry.put), entry.put);
      else records.delete(entry.del.join('/'));
    }
    if (replayed !== records.size) await this.compact([...records.values()]);
    return [...records.values()];
  }

  write(record: InstanceRecord, bytes: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      await mkdir(this.instancesDir, { recursive: true });
      await writeFile(this.fileOf(record), bytes);
      await appendFile(this.journal, `${JSON.stringify({ put: record })}\n`);
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
      const lines = records.map((r) => `${JSON.stringify({ del: [r.studyUid, r.seriesUid, r.sopUid] })}\n`);
      await appendFile(this.journal, lines.join(''));
      await Promise.all(records.map((r) => rm(this.fileOf(r), { force: true })));
    });
  }

  flush(): Promise<void> {
    return this.queue;
  }

  private compact(records: InstanceRecord[]): Promise<void> {
    return writeFileAtomic(this.journal, records.map((r) => `${JSON.stringify({ put: r })}\n`).join(''));
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
