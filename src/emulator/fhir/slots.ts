/**
 * Compact id sets for the search indexes. Every version a type's table makes current gets the
 * next slot number of that table (`TypeTable`), so an index key holds small integers instead of
 * id strings: one number when the key has a single resource (identifiers, most references to a
 * patient's encounter), else a sorted posting list in an `Int32Array`. Neither holds pointers for
 * the garbage collector to trace, and adding is an append (slots only grow), not a hash insert.
 *
 * Removing a slot marks it in place (`~slot`, so the list stays sorted and a second removal of the
 * same slot is recognised); a list compacts once half of it is marks.
 */

/** How slots map to the resources of a table. */
export interface SlotSpace {
  /** The slot of a resource's current version; `undefined` when it has none. */
  slotOf(id: string): number | undefined;
  /** The id whose current version is in `slot`; `undefined` once superseded or deleted. */
  idAt(slot: number): string | undefined;
}

const FIRST_CAPACITY = 4;

/** Two or more slots in ascending order, some of them marked removed. */
export class PostingList {
  private entries: Int32Array;
  private length: number;
  private removed = 0;

  constructor(first: number, second: number) {
    this.entries = new Int32Array(FIRST_CAPACITY);
    this.entries[0] = Math.min(first, second);
    this.entries[1] = Math.max(first, second);
    this.length = 2;
  }

  /** Slots held (not removed). */
  get size(): number {
    return this.length - this.removed;
  }

  add(slot: number): void {
    const at = this.find(slot);
    if (at < this.length && decode(this.entries[at] as number) === slot) {
      // Already held (a resource with the same key twice), or removed and now back.
      if ((this.entries[at] as number) < 0) {
        this.entries[at] = slot;
        this.removed--;
      }
      return;
    }
    if (this.length === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    // Slots are handed out in ascending order, so this is nearly always an append.
    if (at < this.length) this.entries.copyWithin(at + 1, at, this.length);
    this.entries[at] = slot;
    this.length++;
  }

  /** Removes a slot (no-op when not held). */
  delete(slot: number): void {
    const at = this.find(slot);
    if (at >= this.length || this.entries[at] !== slot) return;
    this.entries[at] = ~slot;
    this.removed++;
    if (this.removed * 2 > this.length) this.compact();
  }

  has(slot: number): boolean {
    const at = this.find(slot);
    return at < this.length && this.entries[at] === slot;
  }

  /** The slots held, ascending. */
  *[Symbol.iterator](): Generator<number> {
    for (let i = 0; i < this.length; i++) {
      const slot = this.entries[i] as number;
      if (slot >= 0) yield slot;
    }
  }

  /** The position of `slot` (held or marked), or where it would go. */
  private find(slot: number): number {
    const last = this.entries[this.length - 1] as number;
    if (decode(last) < slot) return this.length;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (decode(this.entries[mid] as number) < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    let k = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.entries[i] as number;
      if (slot >= 0) this.entries[k++] = slot;
    }
    this.length = k;
    this.removed = 0;
    if (k < this.entries.length / 4 && this.entries.length > FIRST_CAPACITY) this.entries = this.entries.slice(0, Math.max(FIRST_CAPACITY, k * 2));
  }
}

function decode(entry: number): number {
  return entry < 0 ? ~entry : entry;
}

/** The slots under one index key: a single slot, or a posting list. */
export type Slots = number | PostingList;

/** `slots` with `slot` added (the same list, grown, or a new value to store). */
export function withSlot(slots: Slots | undefined, slot: number): Slots {
  if (slots === undefined) return slot;
  if (typeof slots === 'number') return slots === slot ? slots : new PostingList(slots, slot);
  slots.add(slot);
  return slots;
}

/** `slots` without `slot`; `undefined` once empty. */
export function withoutSlot(slots: Slots, slot: number): Slots | undefined {
  if (typeof slots === 'number') return slots === slot ? undefined : slots;
  slots.delete(slot);
  return slots.size === 0 ? undefined : slots;
}

/** The slots of a value, ascending. */
export function slotsOf(slots: Slots): Iterable<number> {
  return typeof slots === 'number' ? [slots] : slots;
}

/** Adds the ids of `slots` to `ids`; answers `ids`. */
export function addIds(ids: Set<string>, slots: Slots, space: SlotSpace): Set<string> {
  for (const slot of slotsOf(slots)) {
    const id = space.idAt(slot);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * The ids of a posting list as a read-only set, without copying it: `has` looks the id's slot up,
 * iterating maps slots to ids. Valid until the next write to the index.
 */
class ListIds implements ReadonlySet<string> {
  constructor(
    private readonly list: PostingList,
    private readonly space: SlotSpace,
  ) {}

  get size(): number {
    return this.list.size;
  }

  has(id: string): boolean {
    const slot = this.space.slotOf(id);
    return slot !== undefined && this.list.has(slot);
  }

  *[Symbol.iterator](): Generator<string> {
    for (const slot of this.list) {
      const id = this.space.idAt(slot);
      if (id !== undefined) yield id;
    }
  }

  keys(): Generator<string> {
    return this[Symbol.iterator]();
  }

  values(): Generator<string> {
    return this[Symbol.iterator]();
  }

  *entries(): Generator<[string, string]> {
    for (const id of this) yield [id, id];
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this) callback.call(thisArg, id, id, this);
  }
}

const NONE: ReadonlySet<string> = new Set();

/** The ids of `slots` as a read-only set (valid until the next write to the index). */
export function idSet(slots: Slots | undefined, space: SlotSpace): ReadonlySet<string> {
  if (slots === undefined) return NONE;
  if (typeof slots !== 'number') return new ListIds(slots, space);
  const id = space.idAt(slots);
  return id === undefined ? NONE : new Set([id]);
}
