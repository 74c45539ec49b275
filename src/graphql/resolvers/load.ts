import type DataLoader from 'dataloader';
import type { StoreOfKind } from '../../healthcare/admin.js';
import { UpstreamError } from '../../healthcare/errors.js';
import { InvalidNameError, storeResourceName, type DatasetName, type StoreKind, type StoreName } from '../../healthcare/names.js';
import type { RequestContext } from '../context.js';

/** Loads a dataset after checking the server's access policy. */
export function loadDataset(name: DatasetName, context: RequestContext) {
  return context.loaders.dataset.load(context.access.checkDataset(name));
}

/** Store models made from a name alone; their configuration is read only when a field needs it. */
const storeReferences = new WeakSet<object>();

/**
 * A store by name, after the access check, without an upstream call: the fields that reach into its
 * data (patients, studies, messages, ...) need only the name, and a caller may be allowed to read a
 * store's data but not its configuration. Fields that read the configuration load it then, and
 * report NOT_FOUND if there is no such store.
 */
export function storeReference<K extends StoreKind>(name: StoreName<K>, context: RequestContext): StoreOfKind[K] {
  const reference = { name: storeResourceName(context.access.checkStore(name)) } as StoreOfKind[K];
  storeReferences.add(reference);
  return reference;
}

/** A store's configuration: the model itself when it came from the API, else loaded (once per request). */
export async function storeConfig<K extends StoreKind>(kind: K, store: StoreOfKind[K], context: RequestContext): Promise<StoreOfKind[K]> {
  return storeReferences.has(store) ? context.loaders.store[kind].load(context.access.storeNamed(kind, store.name)) : store;
}

/**
 * Loads several objects for a list the server already knows (allow-lists, a pinned dataset).
 * An object that does not exist upstream is left out (null); any other failure fails the list.
 */
export async function loadExisting<K, V>(loader: DataLoader<K, V, string>, keys: K[]): Promise<(V | null)[]> {
  const results = await loader.loadMany(keys);
  return results.map((result) => {
    if (!(result instanceof Error)) return result;
    if (result instanceof UpstreamError && result.status === 404) return null;
    throw result;
  });
}

/**
 * Puts objects that a list call returned into their by-name loader, so later lookups cost no call.
 * `keyOf` makes the loader key from an object (an access check of its name); an object whose name
 * does not parse is left out of the cache, not out of the list.
 */
export function prime<K, V>(loader: DataLoader<K, V, string>, items: V[], keyOf: (item: V) => K): V[] {
  for (const item of items) {
    let key: K;
    try {
      key = keyOf(item);
    } catch (error) {
      if (error instanceof InvalidNameError) continue;
      throw error;
    }
    loader.prime(key, item);
  }
  return items;
}
