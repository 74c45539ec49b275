/**
 * The study → series → instance hierarchy of one DICOM store, built when instances are stored so
 * that searches and metadata reads never parse files. Maps keep insertion order, which is the
 * order searches return results in. The selective match keys are indexed alongside (match-index).
 */

import type { DicomStoreCounts } from '../dataplanes.js';
import { MatchKeyIndex } from './match-index.js';
import type { ParsedInstance } from './part10.js';

/** One stored instance, as indexed: what STOW parsed, plus its storage sizes. */
export interface InstanceRecord extends ParsedInstance {
  /** Size of the Part 10 file: what the emulator reports as blob storage. */
  readonly blobBytes: number;
  /** Size of the indexed metadata: what the emulator reports as structured storage. */
  readonly structuredBytes: number;
}

export interface SeriesEntry {
  readonly uid: string;
  readonly studyUid: string;
  readonly instances: Map<string, InstanceRecord>;
}

export interface StudyEntry {
  readonly uid: string;
  /** Rises with each study added: the study's place in store order. */
  readonly order: number;
  readonly series: Map<string, SeriesEntry>;
}

/** Storage sizes of a set of instances. */
export interface StorageSizes {
  instanceCount: number;
  structuredStorageSizeBytes: number;
  blobStorageSizeBytes: number;
}

/** Counts and sizes of a set of instances. */
export function storageSizes(instances: Iterable<InstanceRecord>): StorageSizes {
  const sizes: StorageSizes = { instanceCount: 0, structuredStorageSizeBytes: 0, blobStorageSizeBytes: 0 };
  for (const instance of instances) {
    sizes.instanceCount += 1;
    sizes.structuredStorageSizeBytes += instance.structuredBytes;
    sizes.blobStorageSizeBytes += instance.blobBytes;
  }
  return sizes;
}

/** Every instance of a study, series by series. */
export function* studyInstances(study: StudyEntry): Iterable<InstanceRecord> {
  for (const series of study.series.values()) yield* series.instances.values();
}

/** The instance whose attributes stand for a study or series in search results: its first one. */
export function representative(entry: StudyEntry | SeriesEntry): InstanceRecord | undefined {
  const first = 'series' in entry ? entry.series.values().next().value : entry;
  return first?.instances.values().next().value;
}

/** The hierarchy. */
export class InstanceIndex {
  private readonly byStudy = new Map<string, StudyEntry>();
  private readonly matchKeys = new MatchKeyIndex();
  private studiesAdded = 0;

  /** Adds an instance; false (and no change) when its <study, series, SOP> tuple is taken. */
  add(record: InstanceRecord): boolean {
    let study = this.byStudy.get(record.studyUid);
    if (study === undefined) {
      study = { uid: record.studyUid, order: this.studiesAdded++, series: new Map() };
      this.byStudy.set(study.uid, study);
    }
    let series = study.series.get(record.seriesUid);
    if (series === undefined) {
      series = { uid: record.seriesUid, studyUid: study.uid, instances: new Map() };
      study.series.set(series.uid, series);
    }
    if (series.instances.has(record.sopUid)) return false;
    series.instances.set(record.sopUid, record);
    this.matchKeys.add(record);
    return true;
  }

  /** Removes an instance, and its series and study when they become empty. */
  remove(record: InstanceRecord): void {
    const study = this.byStudy.get(record.studyUid);
    const series = study?.series.get(record.seriesUid);
    // Only the stored record itself: removing one twice must not unindex its values twice.
    if (study === undefined || series === undefined || series.instances.get(record.sopUid) !== record) return;
    series.instances.delete(record.sopUid);
    this.matchKeys.remove(record);
    if (series.instances.size === 0) study.series.delete(series.uid);
    if (study.series.size === 0) this.byStudy.delete(study.uid);
  }

  study(uid: string): StudyEntry | undefined {
    return this.byStudy.get(uid);
  }

  series(studyUid: string, seriesUid: string): SeriesEntry | undefined {
    return this.byStudy.get(studyUid)?.series.get(seriesUid);
  }

  instance(studyUid: string, seriesUid: string, sopUid: string): InstanceRecord | undefined {
    return this.series(studyUid, seriesUid)?.instances.get(sopUid);
  }

  studies(): Iterable<StudyEntry> {
    return this.byStudy.values();
  }

  /**
   * The studies, in store order, with an instance whose attribute has the value of the most
   * selective of `matches` (exact, as QIDO compares values); `undefined` when none of them is on
   * an indexed match key.
   */
  narrowestStudies(matches: ReadonlyArray<{ tag: string; value: string }>): StudyEntry[] | undefined {
    let narrowest: ReadonlyMap<string, number> | undefined;
    for (const { tag, value } of matches) {
      const uids = this.matchKeys.studies(tag, value);
      if (uids !== undefined && (narrowest === undefined || uids.size < narrowest.size)) narrowest = uids;
    }
    if (narrowest === undefined) return undefined;
    const studies: StudyEntry[] = [];
    for (const uid of narrowest.keys()) {
      const study = this.byStudy.get(uid);
      if (study !== undefined) studies.push(study);
    }
    return studies.sort((x, y) => x.order - y.order);
  }

  *allSeries(): Iterable<SeriesEntry> {
    for (const study of this.byStudy.values()) yield* study.series.values();
  }

  *instances(): Iterable<InstanceRecord> {
    for (const study of this.byStudy.values()) yield* studyInstances(study);
  }

  /** What `getDICOMStoreMetrics` reports. */
  counts(): DicomStoreCounts {
    let seriesCount = 0;
    for (const study of this.byStudy.values()) seriesCount += study.series.size;
    const sizes = storageSizes(this.instances());
    return {
      studyCount: this.byStudy.size,
      seriesCount,
      instanceCount: sizes.instanceCount,
      structuredStorageSizeBytes: sizes.structuredStorageSizeBytes,
      blobStorageSizeBytes: sizes.blobStorageSizeBytes,
    };
  }
}
