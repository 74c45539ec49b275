/**
 * Cloud Healthcare resource names: validation and construction.
 *
 * Every name that reaches a URL goes through here first, so a value such as `..`, `a/b` or `x?y=z` can
 * never change which upstream path is called.
 */

/** Project ids, including legacy domain-scoped ones (`example.com:project`). */
const PROJECT_ID = /^[a-z0-9](?:[a-z0-9.:-]{0,61}[a-z0-9])?$/;
const LOCATION_ID = /^[a-z][a-z0-9-]{0,62}$/;
/** Google's pattern for dataset and store ids: letters, digits, `_`, `-`, `.`, 1–256 characters. */
const RESOURCE_ID = /^[\p{L}\p{N}_.-]{1,256}$/u;

export type StoreKind = 'fhirStores' | 'dicomStores';

export interface LocationName {
  project: string;
  location: string;
}

export interface DatasetName extends LocationName {
  dataset: string;
}

export interface StoreName extends DatasetName {
  kind: StoreKind;
  store: string;
}

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

export function locationPath({ project, location }: LocationName): string {
  requireValid(isValidProjectId(project), 'project id', project);
  requireValid(isValidLocationId(location), 'location', location);
  return `projects/${project}/locations/${location}`;
}

export function datasetPath(name: DatasetName): string {
  requireValid(isValidResourceId(name.dataset), 'dataset id', name.dataset);
  return `${locationPath(name)}/datasets/${encodeURIComponent(name.dataset)}`;
}

export function storePath(name: StoreName): string {
  requireValid(isValidResourceId(name.store), 'store id', name.store);
  return `${datasetPath(name)}/${name.kind}/${encodeURIComponent(name.store)}`;
}

/** The resource name as the API spells it in bodies (`projects/p/locations/l/datasets/d`), after validation. */
export function datasetResourceName(name: DatasetName): string {
  datasetPath(name);
  return `projects/${name.project}/locations/${name.location}/datasets/${name.dataset}`;
}

/** The store's resource name as the API spells it in bodies, after validation. */
export function storeResourceName(name: StoreName): string {
  storePath(name);
  return `${datasetResourceName(name)}/${name.kind}/${name.store}`;
}

const DATASET_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/datasets\/([^/]+)$/;
const STORE_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/datasets\/([^/]+)\/(fhirStores|dicomStores)\/([^/]+)$/;

/** Parses and validates `projects/{p}/locations/{l}/datasets/{d}`. */
export function parseDatasetName(name: string): DatasetName {
  const match = DATASET_NAME.exec(name);
  if (!match) throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not a dataset name (projects/{p}/locations/{l}/datasets/{d})`);
  const [, project = '', location = '', dataset = ''] = match;
  const parsed = { project, location, dataset };
  datasetPath(parsed);
  return parsed;
}

/** Parses and validates a FHIR or DICOM store name of the given kind. */
export function parseStoreName<K extends StoreKind>(name: string, kind: K): StoreName & { kind: K } {
  const match = STORE_NAME.exec(name);
  if (!match || match[4] !== kind) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not a ${kind === 'fhirStores' ? 'FHIR' : 'DICOM'} store name (projects/{p}/locations/{l}/datasets/{d}/${kind}/{s})`);
  }
  const [, project = '', location = '', dataset = '', , store = ''] = match;
  const parsed = { project, location, dataset, kind, store };
  storePath(parsed);
  return parsed;
}

/** The dataset a store belongs to. */
export function datasetOf(store: StoreName): DatasetName {
  return { project: store.project, location: store.location, dataset: store.dataset };
}
