import { pageKnownList, pageUpstreamList } from '../../connections/pagers.js';
import { listDatasets } from '../../healthcare/admin.js';
import {
  isValidResourceId, InvalidNameError, locationResourceName, parseDatasetName, type DatasetName,
} from '../../healthcare/names.js';
import type { DatasetResolvers, QueryResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { loadDataset, loadExisting, prime } from './load.js';
import { storeById, storesConnection } from './stores.js';

/** Accepts a short dataset id (in the configured project and location) or a full resource name. */
function datasetNameFrom(id: string, context: RequestContext): DatasetName {
  if (id.includes('/')) return parseDatasetName(id);
  if (!isValidResourceId(id)) throw new InvalidNameError(`dataset id ${JSON.stringify(id.slice(0, 300))} is not valid`);
  return { ...context.access.location, dataset: id };
}

export const datasetQueries: QueryResolvers = {
  datasets: async (_parent, { first, after }, context) => {
    const { access, loaders, cursors, client } = context;
    const request = { codec: cursors, list: 'datasets', parent: locationResourceName(access.location), first, after };
    const pinned = access.pinnedDataset;
    if (pinned) return pageKnownList(request, [pinned], (names) => loadExisting(loaders.dataset, names));
    const page = await pageUpstreamList(request, (pageRequest) => listDatasets(client, access.location, pageRequest));
    prime(loaders.dataset, page.nodes, (dataset) => access.datasetNamed(dataset.name));
    return page;
  },
  dataset: (_parent, { id }, context) => loadDataset(datasetNameFrom(id, context), context),
};

export const datasetResolvers: DatasetResolvers = {
  id: (dataset) => toGlobalId('Dataset', dataset.name),
  datasetId: (dataset) => parseDatasetName(dataset.name).dataset,
  projectId: (dataset) => parseDatasetName(dataset.name).project,
  location: (dataset) => parseDatasetName(dataset.name).location,
  timeZone: (dataset) => dataset.timeZone || null,
  fhirStores: (dataset, args, context) => storesConnection('fhirStores', parseDatasetName(dataset.name), args, context),
  dicomStores: (dataset, args, context) => storesConnection('dicomStores', parseDatasetName(dataset.name), args, context),
  hl7V2Stores: (dataset, args, context) => storesConnection('hl7V2Stores', parseDatasetName(dataset.name), args, context),
  fhirStore: (dataset, { id }, context) => storeById('fhirStores', parseDatasetName(dataset.name), id, context),
  dicomStore: (dataset, { id }, context) => storeById('dicomStores', parseDatasetName(dataset.name), id, context),
  hl7V2Store: (dataset, { id }, context) => storeById('hl7V2Stores', parseDatasetName(dataset.name), id, context),
};
