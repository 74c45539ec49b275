/**
 * Names of a dataset's stores, kept across requests for a short time. Cross-store lookups (a
 * patient's studies, a study's patient) need the list on every request, and one more call in front
 * of them is one more wave of latency; stores are created and deleted rarely. Entries are per
 * caller identity, so in passthrough mode one caller's list never answers another's request.
 */
export class StoreListCache {
  private readonly entries = new Map<string, { expires: number; names: Promise<string[]> }>();

  /**
   * @param ttlMs how long a list is reused (`STORE_LIST_TTL_MS`); 0 turns the cache off.
   * @param maxEntries lists kept at most; the oldest goes first.
   */
  constructor(private readonly ttlMs: number, private readonly maxEntries = 1000) {}

  /** The cached list for `key` of `identity`, or `load()`'s answer (a failed load is not kept). */
  get(identity: string, key: string, load: () => Promise<string[]>): Promise<string[]> {
    if (this.ttlMs <= 0) return load();
    const id = `${identity}\n${key}`;
    const now = Date.now();
    const entry = this.entries.get(id);
    if (entry !== undefined && entry.expires > now) return entry.names;
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const names = load();
    this.entries.set(id, { expires: now + this.ttlMs, names });
    names.catch(() => {
      if (this.entries.get(id)?.names === names) this.entries.delete(id);
    });
    return names;
  }
}
