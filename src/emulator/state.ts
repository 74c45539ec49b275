/**
 * The emulator's in-memory model: datasets holding FHIR, DICOM and HL7v2 stores and operations, each
 * store carrying its data plane. Optionally mirrored to `<dataDir>/state.json` after every
 * mutation; data planes persist their own data under `<dataDir>/stores/<hash>/`.
 */

import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  DataPlaneLifecycle,
  DicomDataPlane,
  DicomDataPlaneFactory,
  FhirDataPlane,
  FhirDataPlaneFactory,
  Hl7V2DataPlane,
  Hl7V2DataPlaneFactory,
  StoreHandle,
  DataPlaneKind,
} from './dataplanes.js';
import { notFound } from './errors.js';
import { isJsonObject, type JsonObject } from './json.js';
import { datasetName } from './names.js';
import type { StoreChange } from './notifications/changes.js';
import { StateFile } from './persistence.js';

/** A FHIR, DICOM or HL7v2 store. */
export interface StoreRecord<P> {
  readonly kind: DataPlaneKind;
  readonly id: string;
  readonly name: string;
  /** The store's fields as Google returns them, without `name` (proto3 JSON, defaults omitted). */
  config: JsonObject;
  readonly plane: P;
}

/** The data-plane type of each store kind. */
export interface PlaneByKind {
  fhir: FhirDataPlane;
  dicom: DicomDataPlane;
  hl7v2: Hl7V2DataPlane;
}

/** The store maps of a dataset, by kind. */
export type DatasetStores = { [K in DataPlaneKind]: Map<string, StoreRecord<PlaneByKind[K]>> };

/** A dataset and everything that lives in it. */
export interface DatasetRecord {
  readonly project: string;
  readonly location: string;
  readonly id: string;
  readonly name: string;
  /** The dataset's fields without `name` (e.g. `timeZone`). */
  config: JsonObject;
  readonly stores: DatasetStores;
  /** Long-running operations by id, rendered exactly as `operations.get` returns them. */
  readonly operations: Map<string, JsonObject>;
}

/** The data-plane factories a state creates stores with. */
export interface DataPlaneFactories {
  fhir: FhirDataPlaneFactory;
  dicom: DicomDataPlaneFactory;
  hl7v2: Hl7V2DataPlaneFactory;
}

/** What `startEmulator` reports about loading persisted state. */
export interface StateLogger {
  warn(message: string): void;
}

const FORMAT = 'cloud-healthcare-emulator-state/1';

/** The collection segment of each store kind in resource names. */
export const STORE_COLLECTIONS: Readonly<Record<DataPlaneKind, string>> = {
  fhir: 'fhirStores',
  dicom: 'dicomStores',
  hl7v2: 'hl7V2Stores',
};

/** Every store of a dataset, of all kinds. */
function allStores(dataset: DatasetRecord): StoreRecord<DataPlaneLifecycle>[] {
  return [...dataset.stores.fhir.values(), ...dataset.stores.dicom.values(), ...dataset.stores.hl7v2.values()];
}

interface PersistedStore {
  id: string;
  config: JsonObject;
}

interface PersistedDataset {
  project: string;
  location: string;
  id: string;
  config: JsonObject;
  fhirStores: PersistedStore[];
  dicomStores: PersistedStore[];
  /** Absent in state files written before HL7v2 stores existed. */
  hl7V2Stores?: PersistedStore[];
  operations: JsonObject[];
}

interface PersistedState {
  format: typeof FORMAT;
  datasets: PersistedDataset[];
}

/** The state file is unreadable; the message says which file and why. */
export class CorruptStateError extends Error {
  constructor(file: string, reason: string) {
    super(
      `Emulator state file ${file} is corrupt (${reason}). Fix it, or move it away to start with an empty emulator.`,
    );
    this.name = 'CorruptStateError';
  }
}

/** The whole model. Handlers mutate it, then call `commit()` before answering. */
export class EmulatorState {
  private readonly datasets = new Map<string, DatasetRecord>();
  private lastOperationId = 0n;
  /** Receives every store's changes (the notification publisher, when Pub/Sub is configured). */
  onChange: ((storeName: string, config: JsonObject, change: StoreChange) => void) | undefined;

  private constructor(
    private readonly planes: DataPlaneFactories,
    private readonly dataDir: string | undefined,
    private readonly file: StateFile | undefined,
  ) {}

  /**
   * Creates the state, loading `<dataDir>/state.json` when it exists. A missing file starts empty
   * with a warning; an unreadable one rejects with `CorruptStateError`.
   */
  static async open(
    planes: DataPlaneFactories,
    dataDir: string | undefined,
    logger: StateLogger,
  ): Promise<EmulatorState> {
    if (dataDir === undefined) return new EmulatorState(planes, undefined, undefined);
    const root = path.resolve(dataDir);
    const file = new StateFile(path.join(root, 'state.json'));
    const state = new EmulatorState(planes, root, file);
    const text = await file.read();
    if (text === undefined) {
      logger.warn(`No emulator state at ${file.file}; starting empty.`);
      return state;
    }
    await state.restore(parsePersisted(file.file, text));
    return state;
  }

  /** Every dataset of a location. */
  datasetsIn(project: string, location: string): DatasetRecord[] {
    return [...this.datasets.values()].filter((d) => d.project === project && d.location === location);
  }

  /** Every dataset of every project and location. */
  allDatasets(): DatasetRecord[] {
    return [...this.datasets.values()];
  }

  /** Every location id of a project that holds at least one dataset. */
  locationsWithDatasets(project: string): string[] {
    return [...new Set([...this.datasets.values()].filter((d) => d.project === project).map((d) => d.location))];
  }

  /** The dataset with this full name, if any. */
  findDataset(name: string): DatasetRecord | undefined {
    return this.datasets.get(name);
  }

  /** The dataset with this full name, or a 404. */
  getDataset(name: string): DatasetRecord {
    const dataset = this.datasets.get(name);
    if (dataset === undefined) throw notFound(`Dataset not found: ${name}`);
    return dataset;
  }

  /** Adds a dataset; the caller has checked it does not exist. */
  addDataset(project: string, location: string, id: string, config: JsonObject): DatasetRecord {
    const record: DatasetRecord = {
      project,
      location,
      id,
      name: datasetName(project, location, id),
      config,
      stores: { fhir: new Map(), dicom: new Map(), hl7v2: new Map() },
      operations: new Map(),
    };
    this.datasets.set(record.name, record);
    return record;
  }

  /** Removes a dataset with its stores (and their data) and operations. */
  async deleteDataset(dataset: DatasetRecord): Promise<void> {
    this.datasets.delete(dataset.name);
    const stores = allStores(dataset);
    await Promise.all(stores.map((store) => this.destroyStore(store)));
  }

  /** Creates a store and its data plane; the caller has checked the id is free. */
  async addStore<K extends DataPlaneKind>(
    dataset: DatasetRecord,
    kind: K,
    id: string,
    config: JsonObject,
  ): Promise<StoreRecord<PlaneByKind[K]>> {
    const name = `${dataset.name}/${STORE_COLLECTIONS[kind]}/${id}`;
    // The handle reads the live record so that patches are visible to the data plane.
    const live: { record?: StoreRecord<PlaneByKind[K]> } = {};
    const handle: StoreHandle = {
      kind,
      name,
      config: () => live.record?.config ?? config,
      dataDir: this.storeDataDir(name),
      changed: (change) => this.onChange?.(name, live.record?.config ?? config, change),
    };
    const factory = this.planes[kind] as (store: StoreHandle) => PlaneByKind[K] | Promise<PlaneByKind[K]>;
    const plane = await factory(handle);
    const record: StoreRecord<PlaneByKind[K]> = { kind, id, name, config, plane };
    live.record = record;
    const stores = dataset.stores[kind] as Map<string, StoreRecord<PlaneByKind[K]>>;
    stores.set(id, record);
    return record;
  }

  /** Removes a store and destroys its data. */
  async deleteStore(dataset: DatasetRecord, store: StoreRecord<DataPlaneLifecycle>): Promise<void> {
    dataset.stores[store.kind].delete(store.id);
    await this.destroyStore(store);
  }

  /** A new operation id: numeric like Google's, increasing so that id order is creation order. */
  nextOperationId(): string {
    const candidate = BigInt(Date.now()) * 1_000_000n;
    this.lastOperationId = candidate > this.lastOperationId ? candidate : this.lastOperationId + 1n;
    return this.lastOperationId.toString();
  }

  /** Persists the current state (no-op in memory-only mode). Call after every mutation. */
  commit(): Promise<void> {
    if (this.file === undefined) return Promise.resolve();
    return this.file.save(() => JSON.stringify(this.snapshot()));
  }

  /** Waits for pending writes and closes every data plane. */
  async close(): Promise<void> {
    await this.file?.flush();
    const stores = [...this.datasets.values()].flatMap(allStores);
    await Promise.all(stores.map((store) => store.plane.close?.()));
  }

  private storeDataDir(name: string): string | undefined {
    if (this.dataDir === undefined) return undefined;
    // Hashed because DICOM store ids may hold characters and lengths a file name cannot.
    const digest = createHash('sha256').update(name).digest('hex');
    return path.join(this.dataDir, 'stores', digest);
  }

  private async destroyStore(store: StoreRecord<DataPlaneLifecycle>): Promise<void> {
    await store.plane.destroy?.();
    const dir = this.storeDataDir(store.name);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }

  private snapshot(): PersistedState {
    const toStores = (stores: Map<string, StoreRecord<unknown>>): PersistedStore[] =>
      [...stores.values()].map((s) => ({ id: s.id, config: s.config }));
    return {
      format: FORMAT,
      datasets: [...this.datasets.values()].map((d) => ({
        project: d.project,
        location: d.location,
        id: d.id,
        config: d.config,
        fhirStores: toStores(d.stores.fhir),
        dicomStores: toStores(d.stores.dicom),
        hl7V2Stores: toStores(d.stores.hl7v2),
        operations: [...d.operations.values()],
      })),
    };
  }

  private async restore(persisted: PersistedState): Promise<void> {
    for (const d of persisted.datasets) {
      const dataset = this.addDataset(d.project, d.location, d.id, d.config);
      for (const s of d.fhirStores) await this.addStore(dataset, 'fhir', s.id, s.config);
      for (const s of d.dicomStores) await this.addStore(dataset, 'dicom', s.id, s.config);
      for (const s of d.hl7V2Stores ?? []) await this.addStore(dataset, 'hl7v2', s.id, s.config);
      for (const op of d.operations) {
        const id = String(op['name']).split('/').at(-1) ?? '';
        dataset.operations.set(id, op);
        if (/^\d+$/.test(id) && BigInt(id) > this.lastOperationId) this.lastOperationId = BigInt(id);
      }
    }
  }
}

function parsePersisted(file: string, text: string): PersistedState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptStateError(file, `not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const fail = (reason: string): never => {
    throw new CorruptStateError(file, reason);
  };
  if (!isJsonObject(value) || value['format'] !== FORMAT) fail(`expected "format": "${FORMAT}"`);
  const datasets = (value as JsonObject)['datasets'];
  if (!Array.isArray(datasets)) return fail('"datasets" must be a list');
  datasets.forEach((d, i) => {
    const at = `datasets[${i}]`;
    if (!isJsonObject(d)) return fail(`${at} must be an object`);
    for (const key of ['project', 'location', 'id']) {
      if (typeof d[key] !== 'string' || d[key] === '') fail(`${at}.${key} must be a non-empty string`);
    }
    if (!isJsonObject(d['config'])) fail(`${at}.config must be an object`);
    for (const key of ['fhirStores', 'dicomStores', 'hl7V2Stores']) {
      const stores = d[key];
      if (key === 'hl7V2Stores' && stores === undefined) continue;
      if (!Array.isArray(stores)) return fail(`${at}.${key} must be a list`);
      stores.forEach((s, j) => {
        if (!isJsonObject(s) || typeof s['id'] !== 'string' || !isJsonObject(s['config'])) {
          fail(`${at}.${key}[${j}] must be {"id": string, "config": object}`);
        }
      });
    }
    const operations = d['operations'];
    if (!Array.isArray(operations)) return fail(`${at}.operations must be a list`);
    operations.forEach((op, j) => {
      if (!isJsonObject(op) || typeof op['name'] !== 'string') fail(`${at}.operations[${j}] must have a name`);
    });
  });
  return value as unknown as PersistedState;
}
