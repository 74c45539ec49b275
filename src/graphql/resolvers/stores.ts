import { pageKnownList, pageUpstreamList } from '../../connections/pagers.js';
import { listStores, type FhirStore, type StoreOfKind } from '../../healthcare/admin.js';
import { countExternalStore } from '../../healthcare/external-dicomweb-metrics.js';
import type { ExternalDicomServer } from '../../healthcare/external-dicomweb.js';
import {
  datasetOf, datasetResourceName, InvalidNameError, isValidResourceId, parseStoreName, storeResourceName,
  type DatasetName, type StoreKind,
} from '../../healthcare/names.js';
import type { DicomStoreResolvers, FhirStoreResolvers, QueryResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { loadDataset, loadExisting, prime, storeConfig, storeLoader, storeReference } from './load.js';

/** Largest page of a list method: external stores are merged into the whole upstream list. */
const LIST_ALL_PAGE = 1000;

/** The external DICOMweb servers shown in a dataset as stores of this kind (none for FHIR). */
function externalStores(kind: StoreKind, dataset: DatasetName, context: RequestContext): ExternalDicomServer[] {
  return kind === 'dicomStores' ? (context.client.externalDicom?.inDataset(dataset) ?? []) : [];
}

/** The model of an external store: a name only, it has no Cloud Healthcare configuration. */
const externalModel = <K extends StoreKind>(server: ExternalDicomServer) => ({ name: server.name }) as StoreOfKind[K];

const byStoreId = (a: { name: string }, b: { name: string }) => {
  const [x, y] = [a.name.slice(a.name.lastIndexOf('/') + 1), b.name.slice(b.name.lastIndexOf('/') + 1)];
  return x < y ? -1 : x > y ? 1 : 0;
};

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
  context.access.checkDataset(dataset);
  const loader = storeLoader(kind, context);
  const request = { codec: context.cursors, list: kind, parent: datasetResourceName(dataset), first, after };
  const allowed = context.access.allowedStores(kind);
  const externals = new Map(externalStores(kind, dataset, context).map((server) => [server.name, externalModel<K>(server)]));
  if (allowed) {
    const names = allowed.map((store) => storeResourceName({ ...dataset, kind, store }));
    return pageKnownList(request, names, async (keys) => {
      const upstream = await loadExisting(loader, keys.filter((key) => !externals.has(key)));
      return keys.map((key) => externals.get(key) ?? upstream.shift() ?? null);
    });
  }
  if (externals.size > 0) {
    const stores = [...externals.values()];
    for (let pageToken = ''; ;) {
      const page = await listStores(context.client, kind, dataset, { pageSize: LIST_ALL_PAGE, pageToken });
      // An upstream store with an external server's id is hidden by it: that is where its calls go.
      stores.push(...prime(loader, page.items).filter((store) => !externals.has(store.name)));
      if (page.nextPageToken === '') break;
      pageToken = page.nextPageToken;
    }
    stores.sort(byStoreId);
    return pageKnownList(request, stores, async (page) => page);
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

const dicomStoreFields = commonStoreFields('dicomStores', 'DicomStore');
const isExternal = (store: { name: string }, context: RequestContext) => context.client.externalDicom?.byName(store.name) !== undefined;

export const dicomStoreResolvers: DicomStoreResolvers = {
  ...dicomStoreFields,
  // An external DICOMweb server has no Cloud Healthcare configuration to read labels from.
  labels: (store, args, context) => (isExternal(store, context) ? [] : dicomStoreFields.labels(store, args, context)),
  external: (store, _args, context) => isExternal(store, context),
  metrics: async (store, _args, context) => {
    if (isExternal(store, context)) {
      const counts = await countExternalStore(context.client, parseStoreName(store.name, 'dicomStores'));
      return { ...counts, structuredStorageSizeBytes: null, blobStorageSizeBytes: null };
    }
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
  const upstream = await context.loaders.storeNames.load(`${kind}|${datasetResourceName(dataset)}`);
  const externals = externalStores(kind, dataset, context).map((server) => server.name);
  return [...new Set([...upstream, ...externals])];
}
