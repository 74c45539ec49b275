/** HL7v2 stores in the graph: `Dataset.hl7V2Stores`, `Dataset.hl7V2Store`, `Query.hl7V2Store` and the store's own fields. */
import { pageKnownList, pageUpstreamList } from '../../../connections/pagers.js';
import {
  hl7V2DatasetOf, hl7V2StoreName, hl7V2StoreResourceName, listHl7V2Stores, parseHl7V2StoreName, type Hl7V2StoreName,
} from '../../../healthcare/hl7v2.js';
import { datasetResourceName, parseDatasetName, type DatasetName } from '../../../healthcare/names.js';
import type { DatasetResolvers, Hl7V2StoreResolvers, QueryResolvers } from '../../../generated/graphql.js';
import type { Hl7V2StoreModel } from '../../models.js';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../globalId.js';
import { loadDataset, loadExisting, prime } from '../load.js';

/** Store models made from a name alone; their configuration is read only when a field needs it. */
const references = new WeakSet<object>();

/**
 * A store by name after the access check, without an upstream call: its messages need only the
 * name, and a caller may read messages without being allowed to read the store's configuration.
 */
export function hl7V2StoreReference(name: Hl7V2StoreName, context: RequestContext): Hl7V2StoreModel {
  context.access.checkStore({ ...name, kind: 'hl7V2Stores' });
  const reference = { name: hl7V2StoreResourceName(name) };
  references.add(reference);
  return reference;
}

/** The store's configuration: the model itself when it came from the API, else loaded (once per request). */
async function storeConfig(store: Hl7V2StoreModel, context: RequestContext): Promise<Hl7V2StoreModel> {
  return references.has(store) ? context.loaders.hl7v2.store.load(store.name) : store;
}

/** Names of a dataset's HL7v2 stores the caller may use: the allow-list, else the upstream list. */
export async function datasetHl7V2StoreNames(dataset: DatasetName, context: RequestContext): Promise<string[]> {
  context.access.checkDataset(dataset);
  const allowed = context.access.allowedStores('hl7V2Stores');
  if (allowed) return allowed.map((store) => hl7V2StoreResourceName(hl7V2StoreName(dataset, store)));
  return context.loaders.hl7v2.storeNames.load(datasetResourceName(dataset));
}

/** Labels as the graph shows them everywhere: sorted key/value pairs. */
export function labelList(labels: Record<string, string> | undefined) {
  return Object.entries(labels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));
}

export const hl7V2StoreQueries: QueryResolvers = {
  hl7V2Store: (_parent, { name }, context) => hl7V2StoreReference(parseHl7V2StoreName(name), context),
};

export const datasetHl7V2Resolvers: Pick<DatasetResolvers, 'hl7V2Stores' | 'hl7V2Store'> = {
  hl7V2Stores: async (model, { first, after }, context) => {
    const dataset = parseDatasetName(model.name);
    context.access.checkDataset(dataset);
    const loader = context.loaders.hl7v2.store;
    const request = { codec: context.cursors, list: 'hl7V2Stores', parent: datasetResourceName(dataset), first, after };
    const allowed = context.access.allowedStores('hl7V2Stores');
    if (allowed) {
      const names = allowed.map((id) => hl7V2StoreResourceName(hl7V2StoreName(dataset, id)));
      return pageKnownList(request, names, (keys) => loadExisting(loader, keys));
    }
    const page = await pageUpstreamList(request, (pageRequest) => listHl7V2Stores(context.client, dataset, pageRequest));
    prime(loader, page.nodes);
    return page;
  },
  hl7V2Store: (model, { id }, context) => hl7V2StoreReference(hl7V2StoreName(parseDatasetName(model.name), id), context),
};

/** Int64 values arrive as JSON strings. */
const int64 = (value: string | undefined) => Number(value ?? 0);

export const hl7V2StoreResolvers: Pick<
  Hl7V2StoreResolvers,
  'id' | 'storeId' | 'dataset' | 'labels' | 'parserVersion' | 'allowNullHeader' | 'rejectDuplicateMessage' | 'metrics'
> = {
  id: (store) => toGlobalId('Hl7V2Store', store.name),
  storeId: (store) => parseHl7V2StoreName(store.name).store,
  dataset: (store, _args, context) => loadDataset(hl7V2DatasetOf(parseHl7V2StoreName(store.name)), context),
  labels: async (store, _args, context) => labelList((await storeConfig(store, context)).labels),
  parserVersion: async (store, _args, context) => {
    const version = (await storeConfig(store, context)).parserConfig?.version;
    // "Unspecified parser version, equivalent to V1" (ParserConfig.version).
    return version === 'V2' || version === 'V3' ? version : 'V1';
  },
  allowNullHeader: async (store, _args, context) => (await storeConfig(store, context)).parserConfig?.allowNullHeader ?? false,
  rejectDuplicateMessage: async (store, _args, context) => (await storeConfig(store, context)).rejectDuplicateMessage ?? false,
  metrics: async (store, _args, context) => {
    const { metrics = [] } = await context.loaders.hl7v2.metrics.load(store.name);
    return metrics.map((metric) => ({
      messageType: metric.messageType ?? null,
      count: int64(metric.count),
      structuredStorageSizeBytes: metric.structuredStorageSizeBytes === undefined ? null : int64(metric.structuredStorageSizeBytes),
    }));
  },
};
