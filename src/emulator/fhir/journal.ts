/**
 * Persistence of a store's resources: an append-only NDJSON journal, one line per committed
 * change set (a single interaction or a whole transaction), so that replaying it at start rebuilds
 * the store, history included, and a transaction is never half-restored. A torn last line (the
 * process died mid-write) is cut off at start; any other unreadable line is an error.
 */

import { createReadStream } from 'node:fs';
import { mkdir, open, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isJsonObject, type JsonObject } from '../json.js';

/** One write as journaled: a resource version, or a deletion when `resource` is absent. */
export interface JournalWrite {
  type: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  resource?: JsonObject;
  /** Resource-purge: the resource's historical versions are dropped (no version is written). */
  purge?: true;
  /** An import's write: the version it replaces is not kept in the history. */
  overwrite?: true;
}

/** The journal file is unreadable. */
export class CorruptJournalError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`FHIR store journal ${file} is corrupt at line ${line} (${reason}).`);
    this.name = 'CorruptJournalError';
  }
}

const FILE_NAME = 'fhir-journal.ndjson';

function parseLine(text: string): JournalWrite[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const writes = value as unknown[];
  const valid = writes.every(
    (w) =>
      isJsonObject(w) &&
      typeof w['type'] === 'string' &&
      typeof w['id'] === 'string' &&
      typeof w['versionId'] === 'string' &&
      typeof w['lastUpdated'] === 'string' &&
      (w['resource'] === undefined || isJsonObject(w['resource'])),
  );
  return valid ? (writes as JournalWrite[]) : undefined;
}

/** An open journal. Appends are queued so they reach the file in commit order. */
export class Journal {
  private handle: Promise<FileHandle> | undefined;
  private queue: Promise<void> = Promise.resolve();

  private constructor(readonly file: string) {}

  /**
   * Opens the journal in `dir`, calling `replay` with each committed change set in order.
   * A missing file is an empty journal.
   */
  static async open(dir: string, replay: (writes: JournalWrite[]) => void): Promise<Journal> {
    const journal = new Journal(path.join(dir, FILE_NAME));
    const validBytes = await journal.read(replay);
    if (validBytes !== undefined) await truncate(journal.file, validBytes);
    return journal;
  }

  /** Appends one change set; resolves once it is written. */
  append(writes: readonly JournalWrite[]): Promise<void> {
    const line = `${JSON.stringify(writes)}\n`;
    const write = this.queue.then(async () => {
      const handle = await this.openForAppend();
      await handle.write(line);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Waits for queued appends and closes the file. */
  async close(): Promise<void> {
    await this.queue;
    const handle = this.handle;
    this.handle = undefined;
    if (handle !== undefined) await (await handle).close();
  }

  private openForAppend(): Promise<FileHandle> {
    this.handle ??= (async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      return open(this.file, 'a');
    })();
    return this.handle;
  }

  /** Replays every complete line; returns the byte length to cut the file to when the last line is torn. */
  private async read(replay: (writes: JournalWrite[]) => void): Promise<number | undefined> {
    // Pieces of the line being read: a transaction's line can span many chunks, and joining them
    // only once its newline arrives keeps reading linear.
    let pieces: Buffer[] = [];
    let offset = 0; // bytes of complete lines
    let lineNumber = 0;
    try {
      for await (const chunk of createReadStream(this.file) as AsyncIterable<Buffer>) {
        let rest = chunk;
        let newline = rest.indexOf(10);
        while (newline >= 0) {
          const line = Buffer.concat([...pieces, rest.subarray(0, newline)]);
          pieces = [];
          lineNumber++;
          const writes = parseLine(line.toString('utf8'));
          if (writes === undefined) throw new CorruptJournalError(this.file, lineNumber, 'not a JSON change set');
          replay(writes);
          offset += line.length + 1;
          rest = rest.subarray(newline + 1);
          newline = rest.indexOf(10);
        }
        if (rest.length > 0) pieces.push(rest);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return pieces.length > 0 ? offset : undefined;
  }
}
