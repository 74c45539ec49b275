import type { DicomJson } from '../healthcare/dicomweb.js';
import { qidoCacheKey, type QidoKey } from './dicom.js';

/**
 * Complete QIDO-RS result lists a request learned from a wider search (a study's series and their
 * instances from one instance-level search, a patient's studies and series from one series-level
 * search), so listing them again needs no upstream call. Keys are a search without `limit`/`offset`;
 * only lists known to be complete go in, so any page of them can be cut from memory.
 */
export class KnownQidoLists {
  private readonly lists = new Map<string, DicomJson[]>();

  /** False for the benchmark's naive baseline: nothing is remembered, so nothing is worth learning. */
  constructor(readonly enabled: boolean) {}

  remember(search: QidoKey, rows: DicomJson[]): void {
    if (this.enabled) this.lists.set(qidoCacheKey(search), rows);
  }

  /**
   * Learns `search` as the rows of the known list `whole` that `keep` accepts: a search with one more
   * match key, answered from memory. `keep` must match as the upstream would.
   */
  rememberFiltered(whole: QidoKey, search: QidoKey, keep: (row: DicomJson) => boolean): void {
    const rows = this.get(whole);
    if (rows !== undefined && this.get(search) === undefined) this.remember(search, rows.filter(keep));
  }

  /** The complete result of this search, if the request has learned it. */
  get(search: QidoKey): DicomJson[] | undefined {
    return this.lists.get(qidoCacheKey(search));
  }
}
