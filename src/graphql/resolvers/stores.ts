import { pageKnownList, pageUpstreamList } from '../../connections/pagers.js';
import { listStores, type FhirStore, type StoreOfKind } from '../../healthcare/admin.js';
import {
  datasetOf, datasetResourceName, InvalidNameError, isValidResourceId, parseStoreName, storeResourceName,
  type DatasetName, type StoreKind,
} from '../../healthcare/names.js';
import type { DicomStoreResolvers, FhirStoreResolvers, QueryResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { loadDataset, loadExisting, prime, storeConfig, storeLoader, storeReference } from './load.js';

/** A dataset's stores of one kind: the allow-list when one is configured, else the upstream list. */
export async function storesConnection<K extends StoreKind>(
  kind: K,
  dataset: DatasetName,
  { first, after }: { first?: number | null; after?: string | null },
  context: RequestContext,
) {
  context.access.checkDataset(dataset);
  const loader = storeLoader(kind, context);
  const request = { codec: context.cursors, list: kind, parent: datasetResourceName(dataset), first, after };
  const allowed = context.access.allowedStores(kind);
  if (allowed) {
    const names = allowed.map((store) => storeResourceName({ ...dataset, kind, store }));
    return pageKnownList(request, names, (keys) => loadExisting(loader, keys));
  }
  const page = await pageUpstreamList(request, (pageRequest) => listStores(context.client, kind, dataset, pageRequest));
  prime(loader, page.nodes);
  return page;
}

/** One store of a dataset by short id. */
export function storeById<K extends StoreKind>(kind: K, dataset: DatasetName, id: string, context: RequestContext) {
  if (!isValidResourceId(id)) throw new InvalidNameError(`store id ${JSON.stringify(id.slice(0, 300))} is not valid`);
  return storeReference({ ...dataset, kind, store: id }, context);
}

/** Fields every store kind shares. */
function commonStoreFields<K extends StoreKind>(kind: K, type: 'FhirStore' | 'DicomStore') {
  return {
    id: (store: StoreOfKind[K]) => toGlobalId(type, store.name),
    storeId: (store: StoreOfKind[K]) => parseStoreName(store.name, kind).store,
    dataset: (store: StoreOfKind[K], _args: unknown, context: RequestContext) => loadDataset(datasetOf(parseStoreName(store.name, kind)), context),
    labels: async (store: StoreOfKind[K], _args: unknown, context: RequestContext) =>
      Object.entries((await storeConfig(kind, store, context)).labels ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
  };
}

/** A FHIR store's configuration flag, false when the API leaves it out (proto3 defaults). */
const fhirFlag = (flag: 'enableUpdateCreate' | 'disableReferentialIntegrity' | 'defaultSearchHandlingStrict') =>
  async (store: FhirStore, _args: unknown, context: RequestContext) => (await storeConfig('fhirStores', store, context))[flag] ?? false;

/** Int64 values arrive as JSON strings. */
const int64 = (value: string | undefined) => Number(value ?? 0);

export const storeQueries: QueryResolvers = {
  fhirStore: (_parent, { name }, context) => storeReference(parseStoreName(name, 'fhirStores'), context),
  dicomStore: (_parent, { name }, context) => storeReference(parseStoreName(name, 'dicomStores'), context),
};

export const fhirStoreResolvers: FhirStoreResolvers = {
  ...commonStoreFields('fhirStores', 'FhirStore'),
  version: async (store, _args, context) => (await storeConfig('fhirStores', store, context)).version ?? null,
  enableUpdateCreate: fhirFlag('enableUpdateCreate'),
  disableReferentialIntegrity: fhirFlag('disableReferentialIntegrity'),
  defaultSearchHandlingStrict: fhirFlag('defaultSearchHandlingStrict'),
  metrics: async (store, _args, context) => {
    const { metrics = [] } = await context.loaders.fhirStoreMetrics.load(store.name);
    return metrics.map((metric) => ({
      resourceType: metric.resourceType,
      count: int64(metric.count),
      structuredStorageSizeBytes: metric.structuredStorageSizeBytes === undefined ? null : int64(metric.structuredStorageSizeBytes),
    }));
  },
};

export const dicomStoreResolvers: DicomStoreResolvers = {
  ...commonStoreFields('dicomStores', 'DicomStore'),
  metrics: async (store, _args, context) => {
    const metrics = await context.loaders.dicomStoreMetrics.load(store.name);
    return {
      studyCount: int64(metrics.studyCount),
      seriesCount: int64(metrics.seriesCount),
      instanceCount: int64(metrics.instanceCount),
      structuredStorageSizeBytes: int64(metrics.structuredStorageSizeBytes),
      blobStorageSizeBytes: int64(metrics.blobStorageSizeBytes),
    };
  },
};

/**
 * Names of a dataset's stores of one kind that the caller may use: the allow-list when there is
 * one, else the stores the upstream lists.
 */
export async function datasetStoreNames(kind: StoreKind, dataset: DatasetName, context: RequestContext): Promise<string[]> {
  context.access.checkDataset(dataset);
  const allowed = context.access.allowedStores(kind);
  if (allowed) return allowed.map((store) => storeResourceName({ ...dataset, kind, store }));
  return context.loaders.storeNames.load(`${kind}|${datasetResourceName(dataset)}`);
}
