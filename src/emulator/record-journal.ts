/**
 * Replaying an append-only journal of `{"put": record}` and `{"del": key}` lines, the form in which
 * the DICOM index (`dicom/archive.ts`) and the HL7v2 messages (`hl7v2/journal.ts`) of a store are
 * kept under its data directory.
 */

import { isJsonObject } from './json.js';
import { readFileIfExists, writeFileAtomic } from './persistence.js';

/** One journal line: a record stored (or stored again), or the key of a record deleted. */
export type JournalLine<R, D> = { put: R } | { del: D };

/** How one kind of journal reads its lines. */
export interface JournalFormat<R, D> {
  /** The `put` record, when a line's `put` value is one. */
  record(value: unknown): R | undefined;
  /** The `del` key, when a line's `del` value is one. */
  deletion(value: unknown): D | undefined;
  /** The key a record is stored under, as `deletedKey` names it. */
  recordKey(record: R): string;
  deletedKey(deletion: D): string;
  /** The error for an unreadable line (1-based); it stops the start. */
  corrupt(file: string, line: number): Error;
}

function parseLine<R, D>(line: string, format: JournalFormat<R, D>): JournalLine<R, D> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  const deletion = format.deletion(value['del']);
  if (deletion !== undefined) return { del: deletion };
  const record = format.record(value['put']);
  return record === undefined ? undefined : { put: record };
}

/**
 * The records a journal leaves, in the order they were first stored (none when there is no file).
 * A torn last line (the process died mid-append) is dropped: that write was never acknowledged.
 * Any other unreadable line is corruption. A journal that holds superseded lines, or does not end
 * with a newline, is rewritten with one `put` line per record, so the next append starts a line.
 */
export async function replayJournal<R, D>(file: string, format: JournalFormat<R, D>): Promise<R[]> {
  const text = await readFileIfExists(file);
  if (text === undefined) return [];
  const records = new Map<string, R>();
  const lines = text.split('\n');
  let replayed = 0;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const entry = parseLine(line, format);
    if (entry === undefined) {
      if (i === lines.length - 1) continue;
      throw format.corrupt(file, i + 1);
    }
    replayed += 1;
    if ('put' in entry) records.set(format.recordKey(entry.put), entry.put);
    else records.delete(format.deletedKey(entry.del));
  }
  if (replayed !== records.size || !text.endsWith('\n')) {
    await writeFileAtomic(file, [...records.values()].map(putLine).join(''));
  }
  return [...records.values()];
}

/** The journal line that stores `record`. */
export function putLine(record: unknown): string {
  return `${JSON.stringify({ put: record })}\n`;
}

/** The journal line that deletes the record `key` names. */
export function deleteLine(key: unknown): string {
  return `${JSON.stringify({ del: key })}\n`;
}
