/** Atomic, serialized writes of one JSON state file. */

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes `text` to `file` so readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    // Without the fsync a crash right after the rename can leave an empty file behind.
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads a file, or `undefined` when it does not exist. */
export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * One state file with writes queued one after another. A save requested while another is waiting
 * to start joins it; the snapshot is taken when the write starts, so the file always ends up with
 * the latest state and two renames never race.
 */
export class StateFile {
  private queue: Promise<void> = Promise.resolve();
  private waiting: Promise<void> | undefined;

  constructor(readonly file: string) {}

  /** Reads the file's text, or `undefined` when there is none yet. */
  read(): Promise<string | undefined> {
    return readFileIfExists(this.file);
  }

  /** Schedules a write of `snapshot()`; resolves once that state (or a later one) is on disk. */
  save(snapshot: () => string): Promise<void> {
    if (this.waiting !== undefined) return this.waiting;
    const write = this.queue.then(() => {
      this.waiting = undefined;
      return writeFileAtomic(this.file, snapshot());
    });
    this.waiting = write;
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Resolves when every scheduled write has finished. */
  async flush(): Promise<void> {
    await this.queue;
  }
}
