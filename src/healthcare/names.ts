/**
 * Cloud Healthcare resource names: validation and construction.
 *
 * Every name that reaches a URL goes through here first, so a value such as `..`, `a/b` or `x?y=z` can
 * never change which upstream path is called. Upstream paths are built only from {@link Allowed}
 * names, which only the access policy (`src/access/policy.ts`) hands out: code that skips the access
 * check has no name to build a path from, and does not compile.
 */
import { STORE_KINDS, type StoreKind } from './store-kinds.js';

export type { StoreKind } from './store-kinds.js';

/** Project ids, including legacy domain-scoped ones (`example.com:project`). */
const PROJECT_ID = /^[a-z0-9](?:[a-z0-9.:-]{0,61}[a-z0-9])?$/;
const LOCATION_ID = /^[a-z][a-z0-9-]{0,62}$/;
/** Google's pattern for dataset and store ids: letters, digits, `_`, `-`, `.`, 1–256 characters. */
const RESOURCE_ID = /^[\p{L}\p{N}_.-]{1,256}$/u;

export interface ProjectName {
  project: string;
}

export interface LocationName extends ProjectName {
  location: string;
}

export interface DatasetName extends LocationName {
  dataset: string;
}

/** A store of any kind: `projects/{p}/locations/{l}/datasets/{d}/{kind}/{store}`, split. */
export interface StoreName<K extends StoreKind = StoreKind> extends DatasetName {
  kind: K;
  store: string;
}

declare const allowedBrand: unique symbol;

/**
 * A name the server's access policy has let through: in the configured project and location, the
 * pinned dataset, and on its kind's allow-list. `AccessPolicy` is the only code that makes one (a cast
 * to it elsewhere is refused by the linter); every function that builds an upstream path takes one.
 */
export type Allowed<N> = N & { readonly [allowedBrand]: true };
export type AllowedProject = Allowed<ProjectName>;
export type AllowedLocation = Allowed<LocationName>;
export type AllowedDataset = Allowed<DatasetName>;
export type AllowedStore<K extends StoreKind = StoreKind> = Allowed<StoreName<K>>;

/** Thrown when a caller-supplied id or name is not a valid Cloud Healthcare name. */
export class InvalidNameError extends Error {
  override name = 'InvalidNameError';
}

export function isValidProjectId(id: string): boolean {
  return PROJECT_ID.test(id);
}

export function isValidLocationId(id: string): boolean {
  return LOCATION_ID.test(id);
}

/** Dataset and store ids; `.` and `..` match Google's pattern but would move up a URL path, so they are refused. */
export function isValidResourceId(id: string): boolean {
  return RESOURCE_ID.test(id) && id !== '.' && id !== '..';
}

function requireValid(valid: boolean, what: string, value: string): void {
  if (!valid) throw new InvalidNameError(`${what} ${JSON.stringify(value.slice(0, 300))} is not valid`);
}

function validProjectPath({ project }: ProjectName): string {
  requireValid(isValidProjectId(project), 'project id', project);
  return `projects/${project}`;
}

function validLocationPath(name: LocationName): string {
  requireValid(isValidLocationId(name.location), 'location', name.location);
  return `${validProjectPath(name)}/locations/${name.location}`;
}

function validDatasetPath(name: DatasetName): string {
  requireValid(isValidResourceId(name.dataset), 'dataset id', name.dataset);
  return `${validLocationPath(name)}/datasets/${encodeURIComponent(name.dataset)}`;
}

function validStorePath(name: StoreName): string {
  requireValid(isValidResourceId(name.store), 'store id', name.store);
  return `${validDatasetPath(name)}/${name.kind}/${encodeURIComponent(name.store)}`;
}

/** The project's API path below the API root. */
export const projectPath = (name: AllowedProject): string => validProjectPath(name);

/** The location's API path below the API root. */
export const locationPath = (name: AllowedLocation): string => validLocationPath(name);

/** The dataset's API path below the API root (validated, encoded). */
export const datasetPath = (name: AllowedDataset): string => validDatasetPath(name);

/** The store's API path below the API root (validated, encoded). */
export const storePath = (name: AllowedStore): string => validStorePath(name);

/** The location's resource name (`projects/p/locations/l`), after validation. */
export function locationResourceName(name: LocationName): string {
  validLocationPath(name);
  return `projects/${name.project}/locations/${name.location}`;
}

/** The resource name as the API spells it in bodies (`projects/p/locations/l/datasets/d`), after validation. */
export function datasetResourceName(name: DatasetName): string {
  validDatasetPath(name);
  return `projects/${name.project}/locations/${name.location}/datasets/${name.dataset}`;
}

/** The store's resource name as the API spells it in bodies, after validation. */
export function storeResourceName(name: StoreName): string {
  validStorePath(name);
  return `projects/${name.project}/locations/${name.location}/datasets/${name.dataset}/${name.kind}/${name.store}`;
}

const LOCATION_NAME = /^projects\/([^/]+)\/locations\/([^/]+)$/;
const DATASET_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/datasets\/([^/]+)$/;
const STORE_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/datasets\/([^/]+)\/([A-Za-z0-9]+)\/([^/]+)$/;

/** Parses and validates `projects/{p}/locations/{l}`. */
export function parseLocationName(name: string): LocationName {
  const match = LOCATION_NAME.exec(name);
  if (!match) throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not a location name (projects/{p}/locations/{l})`);
  const [, project = '', location = ''] = match;
  const parsed = { project, location };
  validLocationPath(parsed);
  return parsed;
}

/** Parses and validates `projects/{p}/locations/{l}/datasets/{d}`. */
export function parseDatasetName(name: string): DatasetName {
  const match = DATASET_NAME.exec(name);
  if (!match) throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not a dataset name (projects/{p}/locations/{l}/datasets/{d})`);
  const [, project = '', location = '', dataset = ''] = match;
  const parsed = { project, location, dataset };
  validDatasetPath(parsed);
  return parsed;
}

/** Parses and validates a store name of the given kind. */
export function parseStoreName<K extends StoreKind>(name: string, kind: K): StoreName<K> {
  const match = STORE_NAME.exec(name);
  if (!match || match[4] !== kind) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not ${STORE_KINDS[kind].aStore} name (projects/{p}/locations/{l}/datasets/{d}/${kind}/{s})`);
  }
  const [, project = '', location = '', dataset = '', , store = ''] = match;
  const parsed = { project, location, dataset, kind, store };
  validStorePath(parsed);
  return parsed;
}

/** A store of a dataset by short id, validated. */
export function storeNameIn<K extends StoreKind>(dataset: DatasetName, kind: K, id: string): StoreName<K> {
  if (!isValidResourceId(id)) throw new InvalidNameError(`${STORE_KINDS[kind].label} store id ${JSON.stringify(id.slice(0, 300))} is not valid`);
  const name = { project: dataset.project, location: dataset.location, dataset: dataset.dataset, kind, store: id };
  validStorePath(name);
  return name;
}

/** The dataset a store belongs to. */
export function datasetOf(store: StoreName): DatasetName {
  return { project: store.project, location: store.location, dataset: store.dataset };
}
