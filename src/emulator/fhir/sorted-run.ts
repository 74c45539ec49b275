/**
 * An ordered multiset of index entries that answers range queries by binary search, built for
 * write-heavy loads: inserts go to a small unsorted buffer that is merged into the sorted run in
 * bulk, and entries of overwritten or deleted resources are not searched for and removed but
 * recognised as stale (their slot no longer holds a current version) and dropped at the
 * next merge.
 */

/** What the entries of resources carry: the table slot of the version that produced them. */
export interface RunEntry {
  readonly slot: number;
}

// Queries scan at most this many unmerged entries; more and they merge first (O(n)).
const QUERY_SCAN_LIMIT = 64;
// Writes merge once the buffer reaches this plus half the run, so bulk loads merge O(log n) times.
const WRITE_MERGE_BASE = 1024;

export class SortedRun<E, K extends number | string> {
  private sorted: E[] = [];
  private pending: E[] = [];
  private stale = 0;

  /**
   * @param keyOf the sort key of an entry
   * @param isLive whether an entry is still current (e.g. belongs to its resource's current version)
   */
  constructor(
    private readonly keyOf: (entry: E) => K,
    private readonly isLive: (entry: E) => boolean,
  ) {}

  insert(entry: E): void {
    this.pending.push(entry);
    if (this.pending.length > WRITE_MERGE_BASE + this.sorted.length / 2) this.merge();
  }

  /** Records that `count` entries went stale, so the run compacts once half of it is garbage. */
  noteStale(count: number): void {
    this.stale += count;
  }

  /** Live entries with `from <= key < to`; an absent bound is open. */
  range(from: K | undefined, to: K | undefined): E[] {
    this.settle();
    const out: E[] = [];
    const start = from === undefined ? 0 : this.lowerBound(from);
    for (let i = start; i < this.sorted.length; i++) {
      const entry = this.sorted[i] as E;
      if (to !== undefined && this.keyOf(entry) >= to) break;
      if (this.isLive(entry)) out.push(entry);
    }
    for (const entry of this.pending) {
      const key = this.keyOf(entry);
      if ((from === undefined || key >= from) && (to === undefined || key < to) && this.isLive(entry)) out.push(entry);
    }
    return out;
  }

  private settle(): void {
    const total = this.sorted.length + this.pending.length;
    if (this.pending.length > QUERY_SCAN_LIMIT || this.stale * 2 > total) this.merge();
  }

  private lowerBound(key: K): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyOf(this.sorted[mid] as E) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private merge(): void {
    const key = this.keyOf;
    const fresh = this.pending.filter(this.isLive).sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const old = this.stale > 0 ? this.sorted.filter(this.isLive) : this.sorted;
    const merged: E[] = new Array<E>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length) {
      merged[k++] = key(fresh[j] as E) < key(old[i] as E) ? (fresh[j++] as E) : (old[i++] as E);
    }
    while (i < old.length) merged[k++] = old[i++] as E;
    while (j < fresh.length) merged[k++] = fresh[j++] as E;
    this.sorted = merged;
    this.pending = [];
    this.stale = 0;
  }
}
