/** The data plane of one DICOM store: its index, its archive, and the operations that change both. */

import type { DicomDataPlane, DicomStoreCounts, StoreHandle } from '../dataplanes.js';
import { type InstanceArchive, DiskArchive, MemoryArchive } from './archive.js';
import { type InstanceRecord, InstanceIndex } from './instance-index.js';
import type { ParsedInstance } from './part10.js';
import type { DicomChange } from '../notifications/changes.js';
import { firstString } from './dicom-json.js';
import { TAG } from './tags.js';

/** An instance with the same <Study, Series, SOP Instance> UIDs is already stored. */
export class DuplicateInstanceError extends Error {
  constructor(readonly instance: ParsedInstance) {
    super(
      `Instance already exists: studies/${instance.studyUid}/series/${instance.seriesUid}/instances/${instance.sopUid}`,
    );
    this.name = 'DuplicateInstanceError';
  }
}

/** One store's DICOM data. */
export class DicomStore implements DicomDataPlane {
  readonly index = new InstanceIndex();

  private constructor(
    /** Full store name, `projects/…/dicomStores/…`. */
    readonly name: string,
    private readonly archive: InstanceArchive,
    private readonly handle?: StoreHandle,
  ) {}

  /** Creates the data plane of a store, reloading what its data directory holds. */
  static async open(handle: StoreHandle): Promise<DicomStore> {
    const archive = handle.dataDir === undefined ? new MemoryArchive() : new DiskArchive(handle.dataDir);
    const store = new DicomStore(handle.name, archive, handle);
    for (const record of await archive.load()) store.index.add(record);
    return store;
  }

  metrics(): DicomStoreCounts {
    return this.index.counts();
  }

  /**
   * Stores an instance. The index is updated before the bytes are written so that a concurrent
   * request for the same instance sees the duplicate; a failed write takes the entry back out.
   */
  async put(parsed: ParsedInstance, bytes: Uint8Array, action: 'StoreInstances' | 'ImportDicomData' = 'StoreInstances'): Promise<InstanceRecord> {
    const record: InstanceRecord = {
      studyUid: parsed.studyUid,
      seriesUid: parsed.seriesUid,
      sopUid: parsed.sopUid,
      sopClassUid: parsed.sopClassUid,
      transferSyntax: parsed.transferSyntax,
      attributes: parsed.attributes,
      blobBytes: bytes.byteLength,
      structuredBytes: Buffer.byteLength(JSON.stringify(parsed.attributes)),
    };
    if (!this.index.add(record)) throw new DuplicateInstanceError(parsed);
    try {
      await this.archive.write(record, bytes);
    } catch (error) {
      this.index.remove(record);
      throw error;
    }
    this.notify(action, [record]);
    return record;
  }

  /** The Part 10 bytes of an instance, or `undefined` if it was deleted meanwhile. */
  read(record: InstanceRecord): Promise<Uint8Array | undefined> {
    return this.archive.read(record);
  }

  /** Deletes instances (the index at once, the files after). */
  async delete(records: readonly InstanceRecord[]): Promise<void> {
    for (const record of records) this.index.remove(record);
    await this.archive.remove(records);
    this.notify('DeleteInstances', records);
  }

  /** Reports instances stored, imported or deleted (one notification each). */
  private notify(action: DicomChange['action'], records: readonly InstanceRecord[]): void {
    const instances = records.map((r) => ({
      studyInstanceUid: r.studyUid,
      seriesInstanceUid: r.seriesUid,
      sopInstanceUid: r.sopUid,
      modality: firstString(r.attributes, TAG.Modality),
    }));
    if (instances.length > 0) this.handle?.changed?.({ kind: 'dicom', action, instances });
  }

  close(): Promise<void> {
    return this.archive.flush();
  }

  destroy(): Promise<void> {
    return this.archive.flush();
  }
}
