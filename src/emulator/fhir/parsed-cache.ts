/**
 * Stored resources are kept as their JSON text (`store.ts`): a text is one flat string, so a store
 * of a million resources holds a million strings instead of tens of millions of small objects for
 * the garbage collector to trace. Reading one parses it. The resources read recently stay parsed
 * here, so that a search testing, sorting and rendering the same candidates parses each only once,
 * and a hot working set (a chart being browsed) is not parsed again on every request.
 *
 * Two generations: reads fill the young one; when it is full it becomes the old one (the previous
 * old one is dropped), and a resource read again from the old generation moves back to the young
 * one. So at most `2 × half` resources stay parsed, and the ones in use survive the turnover.
 */

import type { JsonObject } from '../json.js';

/** Parsed resources by their owner (a stored version: immutable, so an entry is never stale). */
export class ParsedCache<Owner extends object> {
  private young = new Map<Owner, JsonObject>();
  private old = new Map<Owner, JsonObject>();

  /** @param half resources per generation */
  constructor(private readonly half: number) {
    if (!Number.isSafeInteger(half) || half < 1) throw new RangeError(`half must be a positive integer, got ${half}`);
  }

  /**
   * The parsed `text` of `owner` (or of what `text()` answers, read only when not cached): the
   * same object while it stays cached (shared: do not modify).
   */
  get(owner: Owner, text: string | (() => string)): JsonObject {
    const young = this.young.get(owner);
    if (young !== undefined) return young;
    let value = this.old.get(owner);
    if (value === undefined) value = JSON.parse(typeof text === 'string' ? text : text()) as JsonObject;
    else this.old.delete(owner);
    this.young.set(owner, value);
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    return value;
  }

  /** Resources parsed and kept now (for tests and memory figures). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
