/**
 * Write-time search indexes, one per (store, type, parameter), maintained on every create, update
 * and delete so that searches never scan resources. Indexes hold the table's slots of resource
 * versions (`slots.ts`), not their ids:
 * - token and reference: value key → slots (one map lookup per search value); token texts (`:text`)
 *   as strings' normalized values;
 * - string: distinct normalized values in a sorted run, each with its ids (prefix = binary-searched
 *   range), plus raw value → ids for `:exact`;
 * - date: value ranges in two sorted runs, by start and by end, so each prefix reads one slice;
 * - quantity: values in a sorted run.
 * `:contains` and `ne` read a whole index (not the resources); they have no narrower answer.
 * `:contains` reads each distinct value once.
 * Every parsed search value can also test a single resource, so that a search whose other
 * clauses already narrowed the candidates to a few filters them instead of reading a wide slice.
 */

import { isJsonObject, type JsonObject } from '../json.js';
import { dateRanges, parseDateRange, rangeMatches, splitPrefix, type DateRange, type Prefix } from './dates.js';
import { unescapeValue } from './escapes.js';
import { invalidQuery } from './outcome.js';
import { parseQuantityQuery, quantityMatches, quantityValues, type QuantityValue } from './quantities.js';
import { localTarget } from './references.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { paramsOf, type SearchParamDef } from './search-parameters.js';
import { addIds, idSet, withoutSlot, withSlot, type Slots, type SlotSpace } from './slots.js';
import { SortedRun, type RunEntry } from './sorted-run.js';
import { normalizeString, stringValues } from './strings.js';
import { queriedSystem, systemCodeKeyOf, tokenKeys, tokenQueryKey, tokenValues, type Token } from './tokens.js';

/**
 * What an index needs to know about the resources of its type: the slots of their current
 * versions (every version made current gets the table's next slot).
 */
export interface IndexContext extends SlotSpace {
  /** Full name of the store, to recognise absolute references into it. */
  readonly storeName: string;
  /** Ids of every current resource of the type. */
  ids(): Iterable<string>;
}

/** A sort key: strings and numbers compare natively; `undefined` = no value (sorts last). */
export type SortValue = string | number | undefined;

/** One search value, parsed and validated, answerable from the index or resource by resource. */
export interface ValueMatcher {
  /** Ids of the matching resources, read from the index (valid until the next write: do not modify). */
  ids(): ReadonlySet<string>;
  /** Whether one resource matches. */
  test(resource: JsonObject): boolean;
  /** `ids()` is a single map lookup, cheaper than any filtering. */
  readonly direct: boolean;
}

/** One parameter's index. */
export interface ParamIndex {
  readonly def: SearchParamDef;
  /** Indexes the version in `slot` (slots are added in ascending order). */
  add(slot: number, resource: JsonObject): void;
  /** Forgets the version in `slot`; `resource` is that version, as it was indexed. */
  remove(slot: number, resource: JsonObject): void;
  /** Whether a modifier other than `:missing` applies (`:not` is evaluated by the caller). */
  accepts(modifier: string): boolean;
  /** Parses one search value (no OR lists); a malformed value is a 400. */
  matcher(modifier: string | undefined, value: string): ValueMatcher;
  /** Ids with at least one value, for `:missing` (derived from the index when asked). */
  present(): ReadonlySet<string>;
  /** Whether a resource has a value for the parameter. */
  hasValue(resource: JsonObject): boolean;
  /** The value `_sort` orders by; absent for parameters that cannot be sorted. */
  sortKey?: (resource: JsonObject) => SortValue;
}

const NONE: ReadonlySet<string> = new Set();

/** Adds every id of `more` to `ids` (a union in place, without copying `more`); answers `ids`. */
function addAll(ids: Set<string>, more: Iterable<string>): Set<string> {
  for (const id of more) ids.add(id);
  return ids;
}

/** `Map<key, slots>` with add/delete that drop empty keys. */
class KeySets {
  private readonly map = new Map<string, Slots>();

  constructor(private readonly space: SlotSpace) {}

  add(key: string, slot: number): void {
    const slots = this.map.get(key);
    // A posting list grows in place; only a new or single-slot key is stored again.
    if (slots === undefined || typeof slots === 'number') this.map.set(key, withSlot(slots, slot));
    else slots.add(slot);
  }

  delete(key: string, slot: number): void {
    const slots = this.map.get(key);
    if (slots === undefined) return;
    const rest = withoutSlot(slots, slot);
    if (rest === undefined) this.map.delete(key);
    else if (rest !== slots) this.map.set(key, rest);
  }

  /** Every id under any key. */
  allIds(): Set<string> {
    const ids = new Set<string>();
    for (const slots of this.map.values()) addIds(ids, slots, this.space);
    return ids;
  }

  /** The ids under a key (valid until the next write). */
  get(key: string): ReadonlySet<string> {
    return idSet(this.map.get(key), this.space);
  }
}

/** The slots under one normalized text; an entry of the run of distinct texts while current. */
interface TextGroup {
  readonly key: string;
  slots: Slots;
}

/**
 * Normalized texts → ids, for prefix and substring search. Most texts recur (displays, cities,
 * given names), so each distinct text has one set of ids, and only the distinct texts are kept
 * in a sorted run: a write adds an id to a set rather than an entry to the run.
 */
class TextKeys {
  private readonly groups = new Map<string, TextGroup>();
  private readonly run = new SortedRun<TextGroup, string>(
    (group) => group.key,
    (group) => this.groups.get(group.key) === group,
  );

  constructor(private readonly space: SlotSpace) {}

  add(key: string, slot: number): void {
    const group = this.groups.get(key);
    if (group === undefined) {
      const created = { key, slots: slot };
      this.groups.set(key, created);
      this.run.insert(created);
    } else {
      group.slots = withSlot(group.slots, slot);
    }
  }

  delete(key: string, slot: number): void {
    const group = this.groups.get(key);
    if (group === undefined) return;
    const rest = withoutSlot(group.slots, slot);
    if (rest !== undefined) {
      group.slots = rest;
      return;
    }
    this.groups.delete(key);
    this.run.noteStale(1);
  }

  /** Ids under texts starting with `prefix`. */
  withPrefix(prefix: string): Set<string> {
    const ids = new Set<string>();
    for (const group of this.run.range(prefix, prefixEnd(prefix))) addIds(ids, group.slots, this.space);
    return ids;
  }

  /** Ids under texts that contain `part` (every distinct text is read). */
  containing(part: string): Set<string> {
    const ids = new Set<string>();
    for (const group of this.groups.values()) {
      if (group.key.includes(part)) addIds(ids, group.slots, this.space);
    }
    return ids;
  }

  /** Every id under any text. */
  allIds(): Set<string> {
    return this.containing('');
  }
}

function idsOf(entries: readonly RunEntry[], space: SlotSpace): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = space.idAt(entry.slot);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** The upper bound of all strings starting with `prefix`. */
function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

/** The shared part: value extraction, and run entries that stay valid for their resource's current write. */
abstract class BaseIndex<V> implements ParamIndex {
  constructor(
    readonly def: SearchParamDef,
    protected readonly ctx: IndexContext,
  ) {}

  protected abstract values(resource: JsonObject): V[];
  protected abstract insert(slot: number, values: V[]): void;
  protected abstract discard(slot: number, values: V[]): void;
  abstract accepts(modifier: string): boolean;
  abstract matcher(modifier: string | undefined, value: string): ValueMatcher;
  abstract present(): ReadonlySet<string>;

  add(slot: number, resource: JsonObject): void {
    const values = this.values(resource);
    if (values.length > 0) this.insert(slot, values);
  }

  remove(slot: number, resource: JsonObject): void {
    const values = this.values(resource);
    if (values.length > 0) this.discard(slot, values);
  }

  hasValue(resource: JsonObject): boolean {
    return this.values(resource).length > 0;
  }

  /** A run whose entries are live while their slot holds a current version. */
  protected run<E extends RunEntry, K extends number | string>(keyOf: (entry: E) => K): SortedRun<E, K> {
    return new SortedRun<E, K>(keyOf, (entry) => this.ctx.idAt(entry.slot) !== undefined);
  }

  /** A matcher that reads the index through `ids` and tests resources with `test` on their values. */
  protected matching(direct: boolean, ids: () => ReadonlySet<string>, test: (value: V) => boolean): ValueMatcher {
    return { direct, ids, test: (resource) => this.values(resource).some(test) };
  }
}

class TokenIndex extends BaseIndex<Token> {
  private readonly keys = new KeySets(this.ctx);
  private readonly texts = new TextKeys(this.ctx);
  /** `system|code` keys by system, for `system|` searches (see `tokenKeys`); kept once seen. */
  private readonly codeKeysOfSystem = new Map<string, Set<string>>();

  protected values(resource: JsonObject): Token[] {
    return tokenValues(this.def.extract(resource));
  }

  protected insert(slot: number, tokens: Token[]): void {
    for (const token of tokens) {
      for (const key of tokenKeys(token)) this.keys.add(key, slot);
      const codeKey = systemCodeKeyOf(token);
      if (codeKey !== undefined) {
        const system = token.system as string;
        let codeKeys = this.codeKeysOfSystem.get(system);
        if (codeKeys === undefined) this.codeKeysOfSystem.set(system, (codeKeys = new Set()));
        codeKeys.add(codeKey);
      }
      if (token.text !== undefined) this.texts.add(normalizeString(token.text), slot);
    }
  }

  protected discard(slot: number, tokens: Token[]): void {
    for (const token of tokens) {
      for (const key of tokenKeys(token)) this.keys.delete(key, slot);
      if (token.text !== undefined) this.texts.delete(normalizeString(token.text), slot);
    }
  }

  accepts(modifier: string): boolean {
    return modifier === 'text' || modifier === 'not';
  }

  matcher(modifier: string | undefined, value: string): ValueMatcher {
    if (modifier === 'text') {
      const text = normalizeString(unescapeValue(value));
      return this.matching(
        false,
        () => this.texts.withPrefix(text),
        (token) => token.text !== undefined && normalizeString(token.text).startsWith(text),
      );
    }
    const key = tokenQueryKey(value);
    if (key === undefined) throw invalidQuery(`empty value for token parameter "${this.def.name}"`);
    const system = queriedSystem(key);
    if (system !== undefined) return this.matching(false, () => this.systemIds(key, system), (token) => token.system === system);
    return this.matching(true, () => this.keys.get(key), (token) => tokenKeys(token).includes(key));
  }

  /** Ids with a token of `system`: under its `system|code` keys, and its own key (tokens without a code). */
  private systemIds(key: string, system: string): Set<string> {
    const ids = new Set(this.keys.get(key));
    for (const codeKey of this.codeKeysOfSystem.get(system) ?? []) addAll(ids, this.keys.get(codeKey));
    return ids;
  }

  present(): ReadonlySet<string> {
    return addAll(this.keys.allIds(), this.texts.allIds());
  }

  sortKey = (resource: JsonObject): SortValue => this.values(resource).find((t) => t.code !== undefined)?.code;
}

/** `_id`: answered from the type's resource map itself. */
class IdIndex implements ParamIndex {
  constructor(
    readonly def: SearchParamDef,
    private readonly ctx: IndexContext,
  ) {}

  add(): void {}

  remove(): void {}

  accepts(modifier: string): boolean {
    return modifier === 'not';
  }

  matcher(_modifier: string | undefined, value: string): ValueMatcher {
    const id = unescapeValue(value);
    return {
      direct: true,
      ids: () => (this.ctx.slotOf(id) === undefined ? NONE : new Set([id])),
      test: (resource) => resource['id'] === id,
    };
  }

  present(): ReadonlySet<string> {
    return new Set(this.ctx.ids());
  }

  hasValue(): boolean {
    return true;
  }

  sortKey = (resource: JsonObject): SortValue => resource['id'] as string;
}

class StringIndex extends BaseIndex<string> {
  private readonly exact = new KeySets(this.ctx);
  private readonly normalized = new TextKeys(this.ctx);

  protected values(resource: JsonObject): string[] {
    return stringValues(this.def.extract(resource));
  }

  protected insert(slot: number, values: string[]): void {
    for (const value of values) {
      this.exact.add(value, slot);
      this.normalized.add(normalizeString(value), slot);
    }
  }

  protected discard(slot: number, values: string[]): void {
    for (const value of values) {
      this.exact.delete(value, slot);
      this.normalized.delete(normalizeString(value), slot);
    }
  }

  accepts(modifier: string): boolean {
    return modifier === 'exact' || modifier === 'contains';
  }

  matcher(modifier: string | undefined, value: string): ValueMatcher {
    const raw = unescapeValue(value);
    if (modifier === 'exact') return this.matching(true, () => this.exact.get(raw), (v) => v === raw);
    const text = normalizeString(raw);
    if (modifier === 'contains') {
      return this.matching(
        false,
        () => this.normalized.containing(text),
        (v) => normalizeString(v).includes(text),
      );
    }
    return this.matching(
      false,
      () => this.normalized.withPrefix(text),
      (v) => normalizeString(v).startsWith(text),
    );
  }

  present(): ReadonlySet<string> {
    return this.exact.allIds();
  }

  sortKey = (resource: JsonObject): SortValue => {
    const first = this.values(resource)[0];
    return first === undefined ? undefined : normalizeString(first);
  };
}

class ReferenceIndex extends BaseIndex<string> {
  private readonly keys = new KeySets(this.ctx);

  /** Index keys: `Type/id` and the bare id for local targets, the URL for external ones. */
  protected values(resource: JsonObject): string[] {
    const out: string[] = [];
    for (const element of this.def.extract(resource)) {
      const reference = isJsonObject(element) ? element['reference'] : undefined;
      if (typeof reference !== 'string') continue;
      const target = localTarget(reference, this.ctx.storeName);
      if (target === undefined) {
        if (/^https?:\/\//.test(reference) && this.def.targets === undefined) out.push(reference);
      } else if (this.def.targets === undefined || this.def.targets.includes(target.type)) {
        out.push(target.key, target.id);
      }
    }
    return out;
  }

  protected insert(slot: number, keys: string[]): void {
    for (const key of keys) this.keys.add(key, slot);
  }

  protected discard(slot: number, keys: string[]): void {
    for (const key of keys) this.keys.delete(key, slot);
  }

  accepts(modifier: string): boolean {
    return isResourceType(modifier) && (this.def.targets === undefined || this.def.targets.includes(modifier));
  }

  matcher(modifier: string | undefined, value: string): ValueMatcher {
    const key = this.queryKey(modifier, unescapeValue(value));
    return this.matching(true, () => this.keys.get(key), (k) => k === key);
  }

  private queryKey(modifier: string | undefined, raw: string): string {
    if (raw === '') throw invalidQuery(`empty value for reference parameter "${this.def.name}"`);
    if (modifier !== undefined) return `${modifier}/${raw}`;
    if (raw.includes('/')) {
      const target = localTarget(raw, this.ctx.storeName);
      return target === undefined ? raw : target.key;
    }
    const only = this.def.targets?.length === 1 ? this.def.targets[0] : undefined;
    return only === undefined ? raw : `${only}/${raw}`;
  }

  present(): ReadonlySet<string> {
    return this.keys.allIds();
  }

  /** The local `Type/id` targets of a resource's values (for `_include`). */
  targetsOf(resource: JsonObject): string[] {
    return this.values(resource).filter((key) => key.includes('/') && !/^https?:/.test(key));
  }
}

interface DateEntry extends RunEntry, DateRange {}

class DateIndex extends BaseIndex<DateRange> {
  private readonly byStart = this.run<DateEntry, number>((e) => e.lo);
  private readonly byEnd = this.run<DateEntry, number>((e) => e.hi);

  protected values(resource: JsonObject): DateRange[] {
    return dateRanges(this.def.extract(resource));
  }

  protected insert(slot: number, ranges: DateRange[]): void {
    for (const range of ranges) {
      const entry: DateEntry = { slot, lo: range.lo, hi: range.hi };
      this.byStart.insert(entry);
      this.byEnd.insert(entry);
    }
  }

  protected discard(_slot: number, ranges: DateRange[]): void {
    this.byStart.noteStale(ranges.length);
    this.byEnd.noteStale(ranges.length);
  }

  accepts(): boolean {
    return false;
  }

  matcher(_modifier: string | undefined, value: string): ValueMatcher {
    const { prefix, rest } = splitPrefix(value);
    const range = parseDateRange(rest);
    if (prefix === undefined || range === undefined) {
      throw invalidQuery(`invalid date "${value}" for parameter "${this.def.name}"`);
    }
    const test = (entry: DateRange): boolean => rangeMatches(prefix, range, entry);
    return this.matching(false, () => idsOf(this.candidates(prefix, range).filter(test), this.ctx), test);
  }

  /** The slice of one run that holds every possible match (a superset; `rangeMatches` decides). */
  private candidates(prefix: Prefix, search: DateRange): DateEntry[] {
    switch (prefix) {
      case 'eq':
        return this.byStart.range(search.lo, search.hi);
      case 'gt':
        return this.byEnd.range(search.hi, undefined);
      case 'ge':
        return this.byEnd.range(search.lo, undefined);
      case 'lt':
        return this.byStart.range(undefined, search.lo);
      case 'le':
        return this.byStart.range(undefined, search.hi);
      case 'sa':
        return this.byStart.range(search.hi, undefined);
      case 'eb':
        return this.byEnd.range(undefined, search.lo + 1);
      case 'ne':
        return this.byStart.range(undefined, undefined);
    }
  }

  present(): ReadonlySet<string> {
    return idsOf(this.byStart.range(undefined, undefined), this.ctx);
  }

  sortKey = (resource: JsonObject): SortValue => this.values(resource)[0]?.lo;
}

interface QuantityEntry extends RunEntry, QuantityValue {}

class QuantityIndex extends BaseIndex<QuantityValue> {
  private readonly byValue = this.run<QuantityEntry, number>((e) => e.value);

  protected values(resource: JsonObject): QuantityValue[] {
    return quantityValues(this.def.extract(resource));
  }

  protected insert(slot: number, values: QuantityValue[]): void {
    for (const value of values) this.byValue.insert({ slot, ...value });
  }

  protected discard(_slot: number, values: QuantityValue[]): void {
    this.byValue.noteStale(values.length);
  }

  accepts(): boolean {
    return false;
  }

  matcher(_modifier: string | undefined, value: string): ValueMatcher {
    const query = parseQuantityQuery(value);
    if (query === undefined) throw invalidQuery(`invalid quantity "${value}" for parameter "${this.def.name}"`);
    const { prefix, value: v, tolerance } = query;
    // Loose bounds around the value; `quantityMatches` applies the exact comparison.
    const above = prefix === 'gt' || prefix === 'sa' || prefix === 'ge';
    const below = prefix === 'lt' || prefix === 'eb' || prefix === 'le';
    const from = above || prefix === 'eq' ? v - tolerance : undefined;
    const to = below || prefix === 'eq' ? v + tolerance : undefined;
    const test = (q: QuantityValue): boolean => quantityMatches(query, q);
    return this.matching(false, () => idsOf(this.byValue.range(from, to).filter(test), this.ctx), test);
  }

  present(): ReadonlySet<string> {
    return idsOf(this.byValue.range(undefined, undefined), this.ctx);
  }

  sortKey = (resource: JsonObject): SortValue => this.values(resource)[0]?.value;
}

function createIndex(def: SearchParamDef, ctx: IndexContext): ParamIndex {
  if (def.name === '_id') return new IdIndex(def, ctx);
  switch (def.kind) {
    case 'token':
      return new TokenIndex(def, ctx);
    case 'string':
      return new StringIndex(def, ctx);
    case 'reference':
      return new ReferenceIndex(def, ctx);
    case 'date':
      return new DateIndex(def, ctx);
    case 'quantity':
      return new QuantityIndex(def, ctx);
  }
}

/** True for an index that can list a resource's reference targets (`_include`). */
export function isReferenceIndex(index: ParamIndex): index is ParamIndex & ReferenceIndex {
  return index instanceof ReferenceIndex;
}

/** Every index of one resource type in one store. */
export class TypeIndexes {
  readonly byName: ReadonlyMap<string, ParamIndex>;

  constructor(type: string, ctx: IndexContext) {
    this.byName = new Map(paramsOf(type).map((def) => [def.name, createIndex(def, ctx)]));
  }

  /** Indexes the version in `slot` (slots are added in ascending order). */
  add(slot: number, resource: JsonObject): void {
    for (const index of this.byName.values()) index.add(slot, resource);
  }

  /** Forgets the version in `slot`, as it was indexed. */
  remove(slot: number, resource: JsonObject): void {
    for (const index of this.byName.values()) index.remove(slot, resource);
  }
}
