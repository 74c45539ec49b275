/**
 * Write-time indexes of the selective QIDO-RS match keys: for each value of PatientID,
 * AccessionNumber, PatientName or a UID, the studies that hold an instance with that value. An
 * exact match on one of them narrows a store-wide search to those studies instead of every study
 * in the store; the search still applies its own matching to them, so results are the same.
 */

import { type DicomJsonDataset, stringValues } from './dicom-json.js';
import type { ParsedInstance } from './part10.js';
import { TAG } from './tags.js';

/** The match keys indexed: those whose values pick out a few studies among many. */
const INDEXED_KEYS: readonly string[] = [
  TAG.PatientID,
  TAG.PatientName,
  TAG.AccessionNumber,
  TAG.StudyInstanceUID,
  TAG.SeriesInstanceUID,
  TAG.SOPInstanceUID,
];

/** Values an instance is indexed under: those matching compares, once each. */
function indexedValues(attributes: DicomJsonDataset, tag: string): Set<string> {
  return new Set(stringValues(attributes[tag]));
}

const NONE: ReadonlyMap<string, number> = new Map();

/** What the index needs of an instance. */
type IndexedInstance = Pick<ParsedInstance, 'studyUid' | 'attributes'>;

export class MatchKeyIndex {
  /** Key tag → value → study UID → how many of the study's instances have that value. */
  private readonly byKey = new Map<string, Map<string, Map<string, number>>>(INDEXED_KEYS.map((tag) => [tag, new Map()]));

  add(instance: IndexedInstance): void {
    this.update(instance, 1);
  }

  remove(instance: IndexedInstance): void {
    this.update(instance, -1);
  }

  /**
   * The UIDs of the studies with an instance whose `tag` has `value` (as keys); `undefined` when
   * `tag` is not indexed (the caller must then look at every study).
   */
  studies(tag: string, value: string): ReadonlyMap<string, number> | undefined {
    const byValue = this.byKey.get(tag);
    if (byValue === undefined) return undefined;
    return byValue.get(value) ?? NONE;
  }

  private update(instance: IndexedInstance, delta: 1 | -1): void {
    for (const [tag, byValue] of this.byKey) {
      for (const value of indexedValues(instance.attributes, tag)) {
        let counts = byValue.get(value);
        if (counts === undefined) {
          counts = new Map();
          byValue.set(value, counts);
        }
        const count = (counts.get(instance.studyUid) ?? 0) + delta;
        if (count > 0) counts.set(instance.studyUid, count);
        else counts.delete(instance.studyUid);
        if (counts.size === 0) byValue.delete(value);
      }
    }
  }
}
