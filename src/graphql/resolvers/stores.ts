/**
 * Stores of every kind in the graph, written once over `StoreKind`: a dataset's store lists and
 * stores by id, `Query.fhirStore`/`dicomStore`/`hl7V2Store`, the fields every store type shares, and
 * the names of a dataset's stores that cross-store lookups search in. Each kind's own fields (FHIR
 * flags, metrics, ...) are below, or in its own module.
 */
import { pageKnownList, pageUpstreamList } from '../../connections/pagers.js';
import { listStores, type FhirStore, type StoreOfKind } from '../../healthcare/admin.js';
import { countExternalStore } from '../../healthcare/external-dicomweb-metrics.js';
import type { ExternalDicomServer } from '../../healthcare/external-dicomweb.js';
import {
  datasetOf, datasetResourceName, parseStoreName, storeNameIn, storeResourceName,
  type AllowedStore, type DatasetName, type StoreKind,
} from '../../healthcare/names.js';
import { STORE_KINDS } from '../../healthcare/store-kinds.js';
import type { DicomStoreResolvers, FhirStoreResolvers, QueryResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { loadDataset, loadExisting, prime, storeConfig, storeReference } from './load.js';

/** Largest page of a list method: external stores are merged into the whole upstream list. */
const LIST_ALL_PAGE = 1000;

/** The external DICOMweb servers shown in a dataset as stores of this kind (DICOM only). */
function externalStores(kind: StoreKind, dataset: DatasetName, context: RequestContext): ExternalDicomServer[] {
  return kind === 'dicomStores' ? (context.client.externalDicom?.inDataset(dataset) ?? []) : [];
}

/** The model of an external store: a name only, it has no Cloud Healthcare configuration. */
const externalModel = <K extends StoreKind>(server: ExternalDicomServer) => ({ name: server.name }) as StoreOfKind[K];

/** Code-point order: the same wherever the server runs (a locale-aware compare is not). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const storeIdOf = (store: { name: string }) => store.name.slice(store.name.lastIndexOf('/') + 1);

/** A dataset's stores of a kind, from a list call: allowed, since the dataset is and no allow-list narrows it. */
function primeStores<K extends StoreKind>(kind: K, stores: StoreOfKind[K][], context: RequestContext): StoreOfKind[K][] {
  return prime(context.loaders.store[kind], stores, (store) => context.access.storeNamed(kind, store.name));
}

/**
 * A dataset's stores of one kind: the allow-list when one is configured, else the upstream list.
 * External DICOMweb servers of the dataset are merged in by id; the upstream list is then read
 * whole (one call per 1,000 stores) so the merged order is stable across pages.
 */
export async function storesConnection<K extends StoreKind>(
  kind: K,
  dataset: DatasetName,
  { first, after }: { first?: number | null; after?: string | null },
  context: RequestContext,
) {
  const allowedDataset = context.access.checkDataset(dataset);
  const request = { codec: context.cursors, list: kind, parent: datasetResourceName(dataset), first, after };
  const allowed = context.access.allowedStores(kind);
  const externals = new Map(externalStores(kind, dataset, context).map((server) => [server.name, externalModel<K>(server)]));
  if (allowed) {
    const names = allowed.map((id) => context.access.checkStore(storeNameIn(dataset, kind, id)));
    return pageKnownList(request, names, async (keys) => {
      const upstream = await loadExisting(context.loaders.store[kind], keys.filter((key) => !externals.has(storeResourceName(key))));
      return keys.map((key) => externals.get(storeResourceName(key)) ?? upstream.shift() ?? null);
    });
  }
  if (externals.size > 0) {
    const stores = [...externals.values()];
    for (let pageToken = ''; ;) {
      const page = await listStores(context.client, kind, allowedDataset, { pageSize: LIST_ALL_PAGE, pageToken });
      // An upstream store with an external server's id is hidden by it: that is where its calls go.
      stores.push(...primeStores(kind, page.items, context).filter((store) => !externals.has(store.name)));
      if (page.nextPageToken === '') break;
      pageToken = page.nextPageToken;
    }
    stores.sort((a, b) => byCodePoint(storeIdOf(a), storeIdOf(b)));
    return pageKnownList(request, stores, async (page) => page);
  }
  const page = await pageUpstreamList(request, (pageRequest) => listStores(context.client, kind, allowedDataset, pageRequest));
  primeStores(kind, page.nodes, context);
  return page;
}

/** One store of a dataset by short id. */
export function storeById<K extends StoreKind>(kind: K, dataset: DatasetName, id: string, context: RequestContext) {
  return storeReference(storeNameIn(dataset, kind, id), context);
}

/**
 * Stores of a kind that the caller may use in a dataset: the allow-list when there is one, else the
 * stores the upstream lists (and the dataset's external DICOMweb servers).
 */
export async function datasetStores<K extends StoreKind>(kind: K, dataset: DatasetName, context: RequestContext): Promise<AllowedStore<K>[]> {
  const allowedDataset = context.access.checkDataset(dataset);
  const allowed = context.access.allowedStores(kind);
  const ids = allowed ?? [...new Set([
    ...(await context.loaders.storeNames.load({ kind, dataset: allowedDataset })).map((name) => parseStoreName(name, kind).store),
    ...externalStores(kind, dataset, context).map((server) => server.id),
  ])];
  return ids.map((id) => context.access.checkStore(storeNameIn(dataset, kind, id)));
}

/** Labels as the graph shows them everywhere: key/value pairs in code-point order of the key. */
export function labelList(labels: Record<string, string> | undefined) {
  return Object.entries(labels ?? {})
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([key, value]) => ({ key, value }));
}

/** Int64 values arrive as JSON strings. */
export const int64 = (value: string | undefined) => Number(value ?? 0);

/** Fields every store kind shares. */
export function commonStoreFields<K extends StoreKind>(kind: K) {
  return {
    id: (store: StoreOfKind[K]) => toGlobalId(STORE_KINDS[kind].graphType, store.name),
    storeId: (store: StoreOfKind[K]) => parseStoreName(store.name, kind).store,
    dataset: (store: StoreOfKind[K], _args: unknown, context: RequestContext) => loadDataset(datasetOf(parseStoreName(store.name, kind)), context),
    labels: async (store: StoreOfKind[K], _args: unknown, context: RequestContext) => labelList((await storeConfig(kind, store, context)).labels),
  };
}

/** A store's metrics as the API returns them (one call per store and request). */
export const storeMetrics = <K extends StoreKind>(kind: K, store: { name: string }, context: RequestContext) =>
  context.loaders.storeMetrics[kind].load(context.access.storeNamed(kind, store.name));

/** A FHIR store's configuration flag, false when the API leaves it out (proto3 defaults). */
const fhirFlag = (flag: 'enableUpdateCreate' | 'disableReferentialIntegrity' | 'defaultSearchHandlingStrict') =>
  async (store: FhirStore, _args: unknown, context: RequestContext) => (await storeConfig('fhirStores', store, context))[flag] ?? false;

export const storeQueries: QueryResolvers = {
  fhirStore: (_parent, { name }, context) => storeReference(parseStoreName(name, 'fhirStores'), context),
  dicomStore: (_parent, { name }, context) => storeReference(parseStoreName(name, 'dicomStores'), context),
  hl7V2Store: (_parent, { name }, context) => storeReference(parseStoreName(name, 'hl7V2Stores'), context),
};

export const fhirStoreResolvers: FhirStoreResolvers = {
  ...commonStoreFields('fhirStores'),
  version: async (store, _args, context) => (await storeConfig('fhirStores', store, context)).version ?? null,
  enableUpdateCreate: fhirFlag('enableUpdateCreate'),
  disableReferentialIntegrity: fhirFlag('disableReferentialIntegrity'),
  defaultSearchHandlingStrict: fhirFlag('defaultSearchHandlingStrict'),
  metrics: async (store, _args, context) => {
    const { metrics = [] } = await storeMetrics('fhirStores', store, context);
    return metrics.map((metric) => ({
      resourceType: metric.resourceType,
      count: int64(metric.count),
      structuredStorageSizeBytes: metric.structuredStorageSizeBytes === undefined ? null : int64(metric.structuredStorageSizeBytes),
    }));
  },
};

const dicomStoreFields = commonStoreFields('dicomStores');
const isExternal = (store: { name: string }, context: RequestContext) => context.client.externalDicom?.byName(store.name) !== undefined;

export const dicomStoreResolvers: DicomStoreResolvers = {
  ...dicomStoreFields,
  // An external DICOMweb server has no Cloud Healthcare configuration to read labels from.
  labels: (store, args, context) => (isExternal(store, context) ? [] : dicomStoreFields.labels(store, args, context)),
  external: (store, _args, context) => isExternal(store, context),
  metrics: async (store, _args, context) => {
    if (isExternal(store, context)) {
      const counts = await countExternalStore(context.client, context.access.storeNamed('dicomStores', store.name));
      return { ...counts, structuredStorageSizeBytes: null, blobStorageSizeBytes: null };
    }
    const metrics = await storeMetrics('dicomStores', store, context);
    return {
      studyCount: int64(metrics.studyCount),
      seriesCount: int64(metrics.seriesCount),
      instanceCount: int64(metrics.instanceCount),
      structuredStorageSizeBytes: int64(metrics.structuredStorageSizeBytes),
      blobStorageSizeBytes: int64(metrics.blobStorageSizeBytes),
    };
  },
};
