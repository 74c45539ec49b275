/**
 * One FHIR store's data plane: current resources and their versions per type, the search indexes,
 * who-references-whom (referential integrity, `$everything`, `_revinclude`), metrics, and the
 * journal when the store persists. Writes arrive as staged change sets (`changes.ts`) and are
 * applied all at once by `commit`. Resource versions are kept as their JSON text, in UTF-8 outside
 * the JavaScript heap (`text-arena.ts`), and parsed when read (`parsed-cache.ts`).
 */

import type { FhirDataPlane, FhirResourceMetric, StoreHandle } from '../dataplanes.js';
import type { JsonObject } from '../json.js';
import type { FhirChange } from '../notifications/changes.js';
import type { Changes, StagedWrite } from './changes.js';
import { TypeIndexes } from './indexes.js';
import { Journal, type JournalWrite } from './journal.js';
import { PageTokens } from './page-token.js';
import { ParsedCache } from './parsed-cache.js';
import { findReferences, localTarget, type LocalTarget } from './references.js';
import { TextArena, textAt } from './text-arena.js';
import { VersionClock } from './versions.js';

/** A reference into the store, as held by the resources that make it (shared: do not modify). */
export interface LocalRef {
  /** Dotted element path of the reference (`subject`, `participant.individual`). */
  readonly path: string;
  /** `Type/id`. */
  readonly target: string;
  /** The version for `Type/id/_history/vid` references. */
  readonly version: string | undefined;
}

/** What the store derives from a resource it stores. */
export interface Prepared {
  readonly refs: readonly LocalRef[];
  /** JSON size in bytes (metrics). */
  readonly size: number;
  /** The resource's JSON text, as the store keeps it. */
  readonly text: string;
}

/** One entry of a resource's history; `resource` is absent for a deletion. */
export interface StoredVersion {
  readonly versionId: string;
  readonly lastUpdated: string;
  readonly resource: JsonObject | undefined;
}

/** A current resource; it is also the newest entry of the resource's history. */
export interface ResourceRecord extends StoredVersion {
  readonly type: string;
  readonly id: string;
  /** The resource (parsed from its text when read; shared: do not modify). */
  readonly resource: JsonObject;
  /** Store-wide write number of this version: orders resources by `lastUpdated`. */
  readonly gen: number;
  /** The type table's number of this version (`slots.ts`): what the search indexes hold. */
  readonly slot: number;
  /** JSON size in bytes (metrics). */
  readonly size: number;
  readonly refs: readonly LocalRef[];
}

// Resources kept parsed at most, over every store: enough for the pages, includes and filtered
// candidates of many concurrent searches (a few tens of MB).
const PARSED_PER_GENERATION = 16_384;
const parsed = new ParsedCache<TextRecord>(PARSED_PER_GENERATION);

/** A stored version held as JSON text: `size` UTF-8 bytes at `offset` of `chunk`. */
class TextRecord implements ResourceRecord {
  // Private fields: where the text is says nothing about the version (records compare equal by content).
  readonly #chunk: Buffer;
  readonly #offset: number;

  constructor(
    readonly type: string,
    readonly id: string,
    readonly versionId: string,
    readonly lastUpdated: string,
    text: string,
    arena: TextArena,
    readonly gen: number,
    readonly slot: number,
    readonly size: number,
    readonly refs: readonly LocalRef[],
  ) {
    this.#offset = arena.append(text, size);
    this.#chunk = arena.chunk;
  }

  get resource(): JsonObject {
    return parsed.get(this, () => textAt(this.#chunk, this.#offset, this.size));
  }
}

/** The resources of one type. */
export class TypeTable {
  /** Current resources by id. */
  readonly records = new Map<string, ResourceRecord>();
  /**
   * The versions before the current one per id, oldest first, and every version once deleted;
   * only for resources written more than once (most never are, and their history is the record).
   */
  readonly past = new Map<string, StoredVersion[]>();
  readonly indexes: TypeIndexes;
  bytes = 0;
  /** Current records by slot; a superseded or deleted version's slot holds `undefined`. */
  private readonly bySlot: (ResourceRecord | undefined)[] = [];
  /** Every record ever current, in write order; superseded ones are skipped and compacted away. */
  private log: ResourceRecord[] = [];
  private superseded = 0;

  constructor(
    readonly type: string,
    storeName: string,
  ) {
    this.indexes = new TypeIndexes(type, {
      storeName,
      slotOf: (id) => this.records.get(id)?.slot,
      idAt: (slot) => this.bySlot[slot]?.id,
      ids: () => this.records.keys(),
    });
  }

  /** The slot of the next version made current (slots only grow, so indexes append them). */
  get nextSlot(): number {
    return this.bySlot.length;
  }

  /** Makes `record` (in slot `nextSlot`) current, or removes the resource when `record` is undefined. */
  put(id: string, record: ResourceRecord | undefined): void {
    const old = this.records.get(id);
    if (old !== undefined) {
      this.superseded++;
      this.bySlot[old.slot] = undefined;
    }
    if (record === undefined) {
      this.records.delete(id);
    } else {
      this.records.set(id, record);
      this.log.push(record);
      this.bySlot[record.slot] = record;
    }
    if (this.superseded > 1024 && this.superseded * 2 > this.log.length) {
      this.log = this.log.filter((r) => this.records.get(r.id) === r);
      this.superseded = 0;
    }
  }

  /** Current records newest first (by write number), starting below `beforeGen` when given. */
  *newestFirst(beforeGen?: number): Generator<ResourceRecord> {
    let i = this.log.length - 1;
    if (beforeGen !== undefined) {
      // The log is in ascending `gen` order: find the last record written before `beforeGen`.
      let lo = 0;
      let hi = this.log.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.log[mid] as ResourceRecord).gen < beforeGen) lo = mid + 1;
        else hi = mid;
      }
      i = lo - 1;
    }
    for (; i >= 0; i--) {
      const record = this.log[i] as ResourceRecord;
      if (this.records.get(record.id) === record) yield record;
    }
  }
}

const NO_RECORDS: ReadonlySet<ResourceRecord> = new Set();
const NO_REFS: readonly LocalRef[] = [];

// Shared LocalRefs remembered at most per store; bounded like the string pool (`intern.ts`).
const LOCAL_REF_LIMIT = 1 << 17;

/**
 * The same reference at the same element recurs in many resources (`subject` → `Patient/p1` in
 * every resource of a patient): they share one LocalRef. Each store keeps its own, as a LocalRef's
 * target names a resource of that store.
 */
class LocalRefPool {
  /** By path, then target key: both are shared strings (`intern`), so the lookups build no key. */
  private byPath = new Map<string, Map<string, LocalRef>>();
  private size = 0;

  of(path: string, target: LocalTarget): LocalRef {
    if (target.version !== undefined) return { path, target: target.key, version: target.version };
    let refs = this.byPath.get(path);
    if (refs === undefined) this.byPath.set(path, (refs = new Map()));
    let ref = refs.get(target.key);
    if (ref === undefined) {
      if (this.size >= LOCAL_REF_LIMIT) {
        this.byPath = new Map([[path, (refs = new Map())]]);
        this.size = 0;
      }
      refs.set(target.key, (ref = { path, target: target.key, version: undefined }));
      this.size++;
    }
    return ref;
  }
}

/** `Type/id` of a resource. */
export function keyOf(type: string, id: string): string {
  return `${type}/${id}`;
}

/** The data plane of one FHIR store: everything the store holds, and the change-set commit. */
export class FhirStore implements FhirDataPlane {
  private readonly tables = new Map<string, TypeTable>();
  /** `Type/id` → the current resources referencing it. */
  private readonly referrers = new Map<string, Set<ResourceRecord>>();
  private lastGen = 0;
  private journal: Journal | undefined;
  private readonly localRefs = new LocalRefPool();
  private readonly texts = new TextArena();
  readonly clock = new VersionClock();
  readonly pageTokens = new PageTokens();

  private constructor(private readonly handle: StoreHandle) {}

  /** Creates the data plane of a store, replaying its journal when it persists. */
  static async open(handle: StoreHandle): Promise<FhirStore> {
    const store = new FhirStore(handle);
    if (handle.dataDir !== undefined) {
      store.journal = await Journal.open(handle.dataDir, (writes) => {
        for (const write of writes) {
          // A purge writes no version, so it has no stamp to observe.
          if (write.purge !== true) store.clock.observe(write.lastUpdated);
          store.apply(write);
        }
      });
    }
    return store;
  }

  /** The store's full resource name. */
  get name(): string {
    return this.handle.name;
  }

  /** `enableUpdateCreate`: update may create a resource with the client's id. */
  get updateCreate(): boolean {
    return this.handle.config()['enableUpdateCreate'] === true;
  }

  /** Referential integrity is enforced unless the store disables it. */
  get integrity(): boolean {
    return this.handle.config()['disableReferentialIntegrity'] !== true;
  }

  /** History is kept unless `disableResourceVersioning`. */
  get versioning(): boolean {
    return this.handle.config()['disableResourceVersioning'] !== true;
  }

  /** `defaultSearchHandlingStrict`. */
  get strictByDefault(): boolean {
    return this.handle.config()['defaultSearchHandlingStrict'] === true;
  }

  private get parseExtensionReferences(): boolean {
    return this.handle.config()['complexDataTypeReferenceParsing'] === 'ENABLED';
  }

  /** The table of a type, created on first use. */
  table(type: string): TypeTable {
    let table = this.tables.get(type);
    if (table === undefined) this.tables.set(type, (table = new TypeTable(type, this.name)));
    return table;
  }

  /** The types that have current resources (what a search across every type reads). */
  types(): string[] {
    return [...this.tables.values()].filter((table) => table.records.size > 0).map((table) => table.type);
  }

  /** The current resource, if any. */
  current(type: string, id: string): ResourceRecord | undefined {
    return this.tables.get(type)?.records.get(id);
  }

  /** Every version of a resource, oldest first (also after deletion). */
  versions(type: string, id: string): readonly StoredVersion[] {
    const table = this.tables.get(type);
    const past = table?.past.get(id) ?? [];
    const current = table?.records.get(id);
    return current === undefined ? past : [...past, current];
  }

  /** Current resources that reference `Type/id`. */
  referrersOf(key: string): ReadonlySet<ResourceRecord> {
    return this.referrers.get(key) ?? NO_RECORDS;
  }

  /** The current resource named by `Type/id`. */
  byKey(key: string): ResourceRecord | undefined {
    const slash = key.indexOf('/');
    return this.current(key.slice(0, slash), key.slice(slash + 1));
  }

  /** Prepares a resource about to be stored: its references into this store, its JSON text and size. */
  prepare(resource: JsonObject): Prepared {
    const refs: LocalRef[] = [];
    for (const found of findReferences(resource, this.parseExtensionReferences)) {
      const target = localTarget(found.reference, this.name);
      if (target !== undefined) refs.push(this.localRefs.of(found.path, target));
    }
    const text = JSON.stringify(resource);
    return { refs: refs.length === 0 ? NO_REFS : refs, size: Buffer.byteLength(text), text };
  }

  /**
   * Applies a change set: checks referential integrity (when enabled) across the whole set, then
   * updates memory and indexes and appends the set to the journal as one line. `checkIntegrity:
   * false` is for bulk copies (de-identification) whose chunks may reference later chunks.
   */
  async commit(changes: Changes, options: { checkIntegrity?: boolean; notify?: boolean } = {}): Promise<void> {
    if (this.integrity && options.checkIntegrity !== false) changes.checkIntegrity();
    const staged = changes.writes;
    const writes = staged.map(toJournal);
    // Read before applying: a deletion's notification may carry the resource as it was.
    const notices = options.notify === false ? [] : staged.map((write) => changeNotice(write, this.current(write.type, write.id)?.resource));
    writes.forEach((write, i) => this.apply(write, staged[i]));
    await this.journal?.append(writes);
    for (const notice of notices) this.handle.changed?.(notice);
  }

  /**
   * Resource-purge: drops a resource's historical versions and keeps the current one (all of
   * them once it is deleted). False when the store never held the resource.
   */
  async purgeHistory(type: string, id: string): Promise<boolean> {
    const table = this.tables.get(type);
    if (table === undefined || (!table.records.has(id) && !table.past.has(id))) return false;
    const write: JournalWrite = { type, id, versionId: '', lastUpdated: '', purge: true };
    this.apply(write);
    await this.journal?.append([write]);
    return true;
  }

  metrics(): FhirResourceMetric[] {
    return [...this.tables.entries()]
      .filter(([, table]) => table.records.size > 0)
      .map(([resourceType, table]) => ({
        resourceType,
        count: table.records.size,
        structuredStorageSizeBytes: table.bytes,
      }));
  }

  async close(): Promise<void> {
    await this.journal?.close();
  }

  async destroy(): Promise<void> {
    await this.close();
    this.journal = undefined;
  }

  /** Applies one write; `prepared` is what `prepare` found in the resource, when already known. */
  private apply(write: JournalWrite, prepared?: Prepared): void {
    const { id, versionId, lastUpdated, resource } = write;
    const table = this.table(write.type);
    if (write.purge === true) {
      table.past.delete(id);
      return;
    }
    const old = table.records.get(id);
    if (old !== undefined) {
      table.indexes.remove(old.slot, old.resource);
      this.unlink(old);
      table.bytes -= old.size;
    }
    if (this.versioning) {
      // The superseded record is that version's history entry as it is (its text unparsed); an
      // import's overwrite keeps none.
      if (old !== undefined && write.overwrite !== true) this.keepPast(table, id, old);
      if (resource === undefined) this.keepPast(table, id, { versionId, lastUpdated, resource });
    } else {
      // Without versioning the history is the current version alone, also of earlier writes.
      table.past.delete(id);
    }
    if (resource === undefined) {
      table.put(id, undefined);
      return;
    }
    const { refs, size, text } = prepared ?? this.prepare(resource);
    const record = new TextRecord(table.type, id, versionId, lastUpdated, text, this.texts, ++this.lastGen, table.nextSlot, size, refs);
    table.put(id, record);
    table.indexes.add(record.slot, resource);
    this.link(record);
    table.bytes += record.size;
  }

  private keepPast(table: TypeTable, id: string, version: StoredVersion): void {
    const past = table.past.get(id);
    if (past === undefined) table.past.set(id, [version]);
    else past.push(version);
  }

  private link(record: ResourceRecord): void {
    for (const ref of record.refs) {
      let set = this.referrers.get(ref.target);
      if (set === undefined) this.referrers.set(ref.target, (set = new Set()));
      set.add(record);
    }
  }

  private unlink(record: ResourceRecord): void {
    for (const ref of record.refs) {
      const set = this.referrers.get(ref.target);
      set?.delete(record);
      if (set?.size === 0) this.referrers.delete(ref.target);
    }
  }
}

function toJournal(write: StagedWrite): JournalWrite {
  const out: JournalWrite = {
    type: write.type,
    id: write.id,
    versionId: write.stamp.versionId,
    lastUpdated: write.stamp.lastUpdated,
  };
  if (write.resource !== undefined) out.resource = write.resource;
  if (write.overwrite === true) out.overwrite = true;
  return out;
}

/** The notification facts of a committed write (`previous` is the resource it replaced). */
function changeNotice(write: StagedWrite, previous: JsonObject | undefined): FhirChange {
  const { type: resourceType, id, stamp, resource } = write;
  const action = resource === undefined ? 'DeleteResource' : write.created ? 'CreateResource' : write.patched ? 'PatchResource' : 'UpdateResource';
  return { kind: 'fhir', action, resourceType, id, versionId: stamp.versionId, lastUpdated: stamp.lastUpdated, resource, previous };
}
