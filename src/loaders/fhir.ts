import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { UpstreamError } from '../healthcare/errors.js';
import { readResource, searchBundle, type Bundle, type FhirResource, type FhirStoreName } from '../healthcare/fhir.js';
import { parseStoreName, storeResourceName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import { planPatientSearches, splitMerged } from './patient-searches.js';
import type { LoaderOptions } from './index.js';

/**
 * Ids per `_id=a,b,c` search. 50 FHIR ids of at most 64 characters keep the URL near 3 KB, well
 * inside what Google's front end accepts.
 */
export const MAX_IDS_PER_SEARCH = 50;

/** A resource's key: its full resource name, `{store}/fhir/{Type}/{id}`. */
export function resourceKey(store: string, type: string, id: string): string {
  return `${store}/fhir/${type}/${id}`;
}

function splitKey(key: string): { store: string; type: string; id: string } {
  // Types and ids never contain `/`, but a store may be named `fhir`: split from the end.
  const parts = key.split('/');
  const id = parts.pop() ?? '';
  const type = parts.pop() ?? '';
  parts.pop(); // the `fhir` segment
  return { store: parts.join('/'), type, id };
}

/** A search request; identical ones in a request are made once. */
export interface SearchKey {
  store: FhirStoreName;
  /** Path below the store's `fhir/`, e.g. `['Observation']` or `['Patient', 'x', '$everything']`. */
  segments: string[];
  params: [string, string][];
}

export interface FhirLoaders {
  /** Resources by key (`resourceKey`); reads by id are batched into one `_id` search per store and type. */
  resource: DataLoader<string, FhirResource>;
  /** Searches, deduplicated by their exact request. Results prime `resource`. */
  search: DataLoader<SearchKey, Bundle, string>;
  /**
   * Patients by MRN (`{store}|{mrn}`), batched into one `identifier=a,b,c` search per store; null
   * when no Patient has that value as its `MR` identifier.
   */
  patientByMrn: DataLoader<string, FhirResource | null>;
}

const notFound = (key: string) => new UpstreamError(`${splitKey(key).type}/${splitKey(key).id} not found`, { status: 404, kind: 'fhir', reason: 'not-found' });

export function createFhirLoaders(client: HealthcareClient, options: LoaderOptions): FhirLoaders {
  const resource = new DataLoader<string, FhirResource>(measuredBatch(client.metrics, 'fhirResource', async (keys) => {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const { store, type } = splitKey(key);
      const group = `${store}/fhir/${type}`;
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const found = new Map<string, FhirResource | Error>();
    await Promise.all([...groups.values()].flatMap((group) => chunk(group, MAX_IDS_PER_SEARCH)).map(async (batch) => {
      const { store, type } = splitKey(batch[0]!);
      const storeName = parseStoreName(store, 'fhirStores');
      try {
        if (batch.length === 1) {
          found.set(batch[0]!, await readResource(client, storeName, type, splitKey(batch[0]!).id));
          return;
        }
        const ids = batch.map((key) => splitKey(key).id);
        const bundle = await searchBundle(client, storeName, [type], [['_id', ids.join(',')], ['_count', String(ids.length)]]);
        for (const entry of bundle.entry ?? []) {
          if (entry.resource?.id) found.set(resourceKey(store, entry.resource.resourceType, entry.resource.id), entry.resource);
        }
      } catch (error) {
        for (const key of batch) found.set(key, error as Error);
      }
    }));
    return keys.map((key) => found.get(key) ?? notFound(key));
  }), { batch: options.batching, cache: options.batching, maxBatchSize: options.batching ? 500 : 1 });

  const searchOnce = async (key: SearchKey): Promise<Bundle | Error> => {
    try {
      const bundle = await searchBundle(client, key.store, key.segments, key.params);
      primeFromBundle(resource, storeResourceName(key.store), bundle);
      return bundle;
    } catch (error) {
      return error as Error;
    }
  };
  const search = new DataLoader<SearchKey, Bundle, string>(
    measuredBatch(client.metrics, 'fhirSearch', async (keys) => {
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
    }),
    { batch: options.batching, cache: options.batching, cacheKeyFn: (key) => JSON.stringify([storeResourceName(key.store), key.segments, key.params]) },
  );

  const patientByMrn = new DataLoader<string, FhirResource | null>(measuredBatch(client.metrics, 'patientByMrn', async (keys) => {
    const byStore = new Map<string, string[]>();
    for (const key of keys) {
      const [store = '', mrn = ''] = splitOnce(key, '|');
      byStore.set(store, [...(byStore.get(store) ?? []), mrn]);
    }
    const found = new Map<string, FhirResource | null | Error>();
    await Promise.all([...byStore].flatMap(([store, mrns]) => chunk(mrns, MAX_IDS_PER_SEARCH).map(async (batch) => {
      try {
        const bundle = await search.load({
          store: parseStoreName(store, 'fhirStores'),
          segments: ['Patient'],
          params: [['identifier', batch.map(escapeSearchValue).join(',')], ['_count', String(Math.min(1000, batch.length * 4))]],
        });
        for (const entry of bundle.entry ?? []) {
          const mrn = entry.resource ? medicalRecordNumber(entry.resource) : undefined;
          if (mrn !== undefined && batch.includes(mrn) && !found.has(`${store}|${mrn}`)) found.set(`${store}|${mrn}`, entry.resource!);
        }
      } catch (error) {
        for (const mrn of batch) found.set(`${store}|${mrn}`, error as Error);
      }
    })));
    return keys.map((key) => found.get(key) ?? null);
  }), { batch: options.batching, cache: options.batching });

  return { resource, search, patientByMrn };
}

/** The value of a resource's identifier whose type is the HL7 v2 `MR` code. */
export function medicalRecordNumber(resource: FhirResource): string | undefined {
  const identifiers = Array.isArray(resource.identifier) ? resource.identifier as { type?: { coding?: { code?: string }[] }; value?: string }[] : [];
  return identifiers.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === 'MR'))?.value;
}

/** FHIR search escaping: `\`, `,`, `$` and `|` inside one value. */
function escapeSearchValue(value: string): string {
  return value.replace(/[\\,$|]/g, (character) => `\\${character}`);
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}

/** Every resource in a page (matches and `_include`s) becomes a cache hit for by-id loads. */
export function primeFromBundle(loader: DataLoader<string, FhirResource>, store: string, bundle: Bundle): void {
  for (const entry of bundle.entry ?? []) {
    const { resource } = entry;
    if (resource?.id) loader.prime(resourceKey(store, resource.resourceType, resource.id), resource);
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
