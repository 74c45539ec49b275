/** The data plane of one HL7v2 store: its messages in memory, mirrored to a journal when persisted. */

import type { Hl7V2DataPlane, Hl7V2MessageTypeMetric, StoreHandle } from '../dataplanes.js';
import type { JsonObject } from '../json.js';
import { FileJournal, MEMORY_JOURNAL, type MessageJournal } from './journal.js';
import type { MessageRecord } from './record.js';

/** Bytes a message takes in "structured storage": its raw data and its parsed form. */
function storageBytes(record: MessageRecord): number {
  return Buffer.byteLength(record.data, 'base64') + Buffer.byteLength(JSON.stringify(record.parsedData));
}

export class Hl7V2MessageStore implements Hl7V2DataPlane {
  private readonly messages = new Map<string, MessageRecord>();
  /** Ids by raw data, for `rejectDuplicateMessage`. */
  private readonly byData = new Map<string, Set<string>>();

  private constructor(
    private readonly handle: StoreHandle,
    private readonly journal: MessageJournal,
  ) {}

  /** Opens a store's data plane, replaying its journal when the emulator persists. */
  static async open(handle: StoreHandle): Promise<Hl7V2MessageStore> {
    const journal = handle.dataDir === undefined ? MEMORY_JOURNAL : new FileJournal(handle.dataDir);
    const store = new Hl7V2MessageStore(handle, journal);
    for (const record of await journal.load()) store.index(record);
    return store;
  }

  /** The store's resource name. */
  get name(): string {
    return this.handle.name;
  }

  /** The store's live configuration (parserConfig, rejectDuplicateMessage, …). */
  config(): JsonObject {
    return this.handle.config();
  }

  /** True when a message with exactly these bytes is stored. */
  hasData(data: string): boolean {
    return (this.byData.get(data)?.size ?? 0) > 0;
  }

  get(id: string): MessageRecord | undefined {
    return this.messages.get(id);
  }

  all(): MessageRecord[] {
    return [...this.messages.values()];
  }

  /** Stores a new or changed message; resolves once it is on disk. */
  async put(record: MessageRecord): Promise<void> {
    const previous = this.messages.get(record.id);
    if (previous !== undefined) this.unindex(previous);
    this.index(record);
    await this.journal.put(record);
  }

  /** Stores a message just created or ingested and reports it (notifications; `zone` for their filters). */
  async create(record: MessageRecord, zone: string): Promise<void> {
    await this.put(record);
    this.handle.changed?.({ kind: 'hl7v2', message: record, zone });
  }

  /** Removes a message; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const record = this.messages.get(id);
    if (record === undefined) return false;
    this.unindex(record);
    await this.journal.remove(id);
    return true;
  }

  metrics(): Hl7V2MessageTypeMetric[] {
    const byType = new Map<string, Hl7V2MessageTypeMetric>();
    for (const record of this.messages.values()) {
      const type = record.messageType ?? '';
      const metric = byType.get(type) ?? { messageType: type, count: 0, structuredStorageSizeBytes: 0 };
      metric.count += 1;
      metric.structuredStorageSizeBytes += storageBytes(record);
      byType.set(type, metric);
    }
    return [...byType.values()];
  }

  close(): Promise<void> {
    return this.journal.flush();
  }

  destroy(): Promise<void> {
    return this.journal.flush();
  }

  private index(record: MessageRecord): void {
    this.messages.set(record.id, record);
    const ids = this.byData.get(record.data) ?? new Set<string>();
    ids.add(record.id);
    this.byData.set(record.data, ids);
  }

  private unindex(record: MessageRecord): void {
    this.messages.delete(record.id);
    const ids = this.byData.get(record.data);
    ids?.delete(record.id);
    if (ids?.size === 0) this.byData.delete(record.data);
  }
}
