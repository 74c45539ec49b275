import DataLoader from 'dataloader';
import { chunk, groupBy } from '../collections.js';
import { medicalRecordNumber } from '../fhir/identifiers.js';
import type { HealthcareClient } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import { readResource, searchBundle, type AllowedFhirStore, type Bundle, type FhirResource } from '../healthcare/fhir.js';
import { storeResourceName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import { loaderOptions, type LoaderOptions } from './per-key.js';
import { planPatientSearches, splitMerged } from './patient-searches.js';

/**
 * Ids per `_id=a,b,c` search. 50 FHIR ids of at most 64 characters keep the URL near 3 KB, well
 * inside what Google's front end accepts.
 */
export const MAX_IDS_PER_SEARCH = 50;

/** A resource's full resource name, `{store}/fhir/{Type}/{id}`: its key and its global id's name. */
export function fhirResourceName(store: string, type: string, id: string): string {
  return `${store}/fhir/${type}/${id}`;
}

/** A resource to read by id. */
export interface ResourceKey {
  store: AllowedFhirStore;
  type: string;
  id: string;
}

/** A search request; identical ones in a request are made once. */
export interface SearchKey {
  store: AllowedFhirStore;
  /** Path below the store's `fhir/`, e.g. `['Observation']` or `['Patient', 'x', '$everything']`. */
  segments: string[];
  params: [string, string][];
}

/** A patient looked up by medical record number in one store. */
export interface MrnKey {
  store: AllowedFhirStore;
  mrn: string;
}

export interface FhirLoaders {
  /** Resources by id; reads are batched into one `_id` search per store and type. */
  resource: DataLoader<ResourceKey, FhirResource, string>;
  /** Searches, deduplicated by their exact request. Results prime `resource`. */
  search: DataLoader<SearchKey, Bundle, string>;
  /**
   * Patients by MRN, batched into one `identifier=a,b,c` search per store; null when no Patient has
   * that value as its `MR` identifier.
   */
  patientByMrn: DataLoader<MrnKey, FhirResource | null, string>;
}

const resourceCacheKey = (key: ResourceKey) => fhirResourceName(storeResourceName(key.store), key.type, key.id);
const searchCacheKey = (key: SearchKey) => JSON.stringify([storeResourceName(key.store), key.segments, key.params]);
const mrnCacheKey = (key: MrnKey) => JSON.stringify([storeResourceName(key.store), key.mrn]);

/**
 * Reads resources by id: one read for a lone id, else one `_id=a,b,c` search per store, type and 50
 * ids. An id the store does not return is not found; a failed call fails its ids only.
 */
async function readByIds(client: HealthcareClient, keys: readonly ResourceKey[]): Promise<(FhirResource | Error)[]> {
  const found = new Map<string, FhirResource | Error>();
  const batches = [...groupBy(keys, (key) => `${storeResourceName(key.store)}/fhir/${key.type}`).values()].flatMap((group) => chunk(group, MAX_IDS_PER_SEARCH));
  await Promise.all(batches.map(async (batch) => {
    const { store, type } = batch[0]!;
    const storeName = storeResourceName(store);
    try {
      if (batch.length === 1) {
        found.set(resourceCacheKey(batch[0]!), await readResource(client, store, type, batch[0]!.id));
        return;
      }
      const ids = batch.map((key) => key.id);
      const bundle = await searchBundle(client, store, [type], [['_id', ids.join(',')], ['_count', String(ids.length)]]);
      for (const entry of bundle.entry ?? []) {
        if (entry.resource?.id) found.set(fhirResourceName(storeName, entry.resource.resourceType, entry.resource.id), entry.resource);
      }
    } catch (error) {
      for (const key of batch) found.set(resourceCacheKey(key), error as Error);
    }
  }));
  return keys.map((key) => found.get(resourceCacheKey(key)) ?? new UpstreamError(`${key.type}/${key.id} not found`, { status: 404, kind: 'fhir', reason: 'not-found' }));
}

/** FHIR search escaping: `\`, `,`, `$` and `|` inside one value. */
function escapeSearchValue(value: string): string {
  return value.replace(/[\\,$|]/g, (character) => `\\${character}`);
}

/**
 * Finds patients by MRN: one `identifier=a,b,c` search (through the search loader, so it is
 * deduplicated too) per store and 50 MRNs; the first patient carrying each MRN as its `MR` identifier.
 */
async function patientsByMrn(search: FhirLoaders['search'], keys: readonly MrnKey[]): Promise<(FhirResource | null | Error)[]> {
  const found = new Map<string, FhirResource | null | Error>();
  const batches = [...groupBy(keys, (key) => storeResourceName(key.store)).values()].flatMap((group) => chunk(group, MAX_IDS_PER_SEARCH));
  await Promise.all(batches.map(async (batch) => {
    const { store } = batch[0]!;
    const mrns = batch.map((key) => key.mrn);
    try {
      const bundle = await search.load({
        store,
        segments: ['Patient'],
        params: [['identifier', mrns.map(escapeSearchValue).join(',')], ['_count', String(Math.min(1000, mrns.length * 4))]],
      });
      for (const entry of bundle.entry ?? []) {
        const mrn = entry.resource ? medicalRecordNumber(entry.resource) : undefined;
        const key = mrn === undefined ? undefined : mrnCacheKey({ store, mrn });
        if (key !== undefined && mrns.includes(mrn!) && !found.has(key)) found.set(key, entry.resource!);
      }
    } catch (error) {
      for (const key of batch) found.set(mrnCacheKey(key), error as Error);
    }
  }));
  return keys.map((key) => found.get(mrnCacheKey(key)) ?? null);
}

/**
 * Runs a batch of searches: the same search about several patients becomes one merged search
 * (`planPatientSearches`), split back per patient; everything else is made as it is.
 */
async function runSearches(searchOnce: (key: SearchKey) => Promise<Bundle | Error>, keys: readonly SearchKey[]): Promise<(Bundle | Error)[]> {
  const plan = planPatientSearches(keys);
  const results: (Bundle | Error)[] = new Array(keys.length);
  await Promise.all([
    ...plan.single.map(async ({ index, key }) => { results[index] = await searchOnce(key); }),
    ...plan.merged.map(async ({ key, members }) => {
      const bundle = await searchOnce(key);
      // A store that refuses the merged form (400) still answers each search on its own.
      const refused = bundle instanceof UpstreamError && bundle.status === 400;
      const pages = bundle instanceof Error ? members.map(() => (refused ? undefined : bundle)) : splitMerged(bundle, members);
      await Promise.all(members.map(async (member, position) => { results[member.index] = pages[position] ?? await searchOnce(member.key); }));
    }),
  ]);
  return results;
}

export function createFhirLoaders(client: HealthcareClient, options: LoaderOptions): FhirLoaders {
  const resource = new DataLoader<ResourceKey, FhirResource, string>(
    measuredBatch(client.metrics, 'fhirResource', (keys) => readByIds(client, keys)),
    { ...loaderOptions(options, resourceCacheKey), maxBatchSize: options.batching ? 500 : 1 },
  );
  const searchOnce = async (key: SearchKey): Promise<Bundle | Error> => {
    try {
      const bundle = await searchBundle(client, key.store, key.segments, key.params);
      primeFromBundle(resource, key.store, bundle);
      return bundle;
    } catch (error) {
      return error as Error;
    }
  };
  const search = new DataLoader<SearchKey, Bundle, string>(
    measuredBatch(client.metrics, 'fhirSearch', (keys) => runSearches(searchOnce, keys)),
    loaderOptions(options, searchCacheKey),
  );
  const patientByMrn = new DataLoader<MrnKey, FhirResource | null, string>(
    measuredBatch(client.metrics, 'patientByMrn', (keys) => patientsByMrn(search, keys)),
    loaderOptions(options, mrnCacheKey),
  );
  return { resource, search, patientByMrn };
}

/** Every resource in a page (matches and `_include`s) becomes a cache hit for by-id loads. */
export function primeFromBundle(loader: FhirLoaders['resource'], store: AllowedFhirStore, bundle: Bundle): void {
  for (const entry of bundle.entry ?? []) {
    const { resource } = entry;
    if (resource?.id) loader.prime({ store, type: resource.resourceType, id: resource.id }, resource);
  }
}
