import type DataLoader from 'dataloader';
import type { StoreOfKind } from '../../healthcare/admin.js';
import { UpstreamError } from '../../healthcare/errors.js';
import { datasetResourceName, storeResourceName, type DatasetName, type StoreKind, type StoreName } from '../../healthcare/names.js';
import type { RequestContext } from '../context.js';

/** Loads a dataset after checking the server's access policy. */
export function loadDataset(name: DatasetName, context: RequestContext) {
  context.access.checkDataset(name);
  return context.loaders.dataset.load(datasetResourceName(name));
}

export function storeLoader<K extends StoreKind>(kind: K, context: RequestContext): DataLoader<string, StoreOfKind[K]> {
  const loader = kind === 'fhirStores' ? context.loaders.fhirStore : context.loaders.dicomStore;
  return loader as DataLoader<string, StoreOfKind[K]>;
}

/** Store models made from a name alone; their configuration is read only when a field needs it. */
const storeReferences = new WeakSet<object>();

/**
 * A store by name, after the access check, without an upstream call: the fields that reach into its
 * data (patients, studies, ...) need only the name, and a caller may be allowed to read a store's
 * data but not its configuration. Fields that read the configuration load it then, and report
 * NOT_FOUND if there is no such store.
 */
export function storeReference<K extends StoreKind>(name: StoreName & { kind: K }, context: RequestContext): StoreOfKind[K] {
  context.access.checkStore(name);
  const reference = { name: storeResourceName(name) } as StoreOfKind[K];
  storeReferences.add(reference);
  return reference;
}

/** A store's configuration: the model itself when it came from the API, else loaded (once per request). */
export async function storeConfig<K extends StoreKind>(kind: K, store: StoreOfKind[K], context: RequestContext): Promise<StoreOfKind[K]> {
  return storeReferences.has(store) ? storeLoader(kind, context).load(store.name) : store;
}

/**
 * Loads several objects for a list the server already knows (allow-lists, a pinned dataset).
 * An object that does not exist upstream is left out (null); any other failure fails the list.
 */
export async function loadExisting<V>(loader: DataLoader<string, V>, keys: string[]): Promise<(V | null)[]> {
  const results = await loader.loadMany(keys);
  return results.map((result) => {
    if (!(result instanceof Error)) return result;
    if (result instanceof UpstreamError && result.status === 404) return null;
    throw result;
  });
}

/** Puts objects that a list call returned into their by-name loader, so later lookups cost no call. */
export function prime<V extends { name: string }>(loader: DataLoader<string, V>, items: V[]): V[] {
  for (const item of items) loader.prime(item.name, item);
  return items;
}
