import { pageKnownList, pageUpstreamList } from '../../connections/pagers.js';
import { listDatasets, listLocations } from '../../healthcare/admin.js';
import {
  isValidResourceId, InvalidNameError, locationResourceName, parseDatasetName, parseLocationName, type DatasetName, type LocationName,
} from '../../healthcare/names.js';
import type { DatasetResolvers, LocationResolvers, QueryResolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { toGlobalId } from '../globalId.js';
import type { LocationModel } from '../models.js';
import { loadDataset, loadExisting, prime } from './load.js';
import { storeById, storesConnection } from './stores.js';

/** Accepts a short dataset id (in the configured project and location) or a full resource name. */
function datasetNameFrom(id: string, context: RequestContext): DatasetName {
  if (id.includes('/')) return parseDatasetName(id);
  if (!isValidResourceId(id)) throw new InvalidNameError(`dataset id ${JSON.stringify(id.slice(0, 300))} is not valid`);
  return { ...context.access.location, dataset: id };
}

/** A location's datasets: the pinned or granted ones when the policy knows them, else the upstream list. */
async function datasetsConnection(location: LocationName, { first, after }: { first?: number | null; after?: string | null }, context: RequestContext) {
  const { access, loaders, cursors, client } = context;
  const allowed = access.checkLocation(location);
  const request = { codec: cursors, list: 'datasets', parent: locationResourceName(location), first, after };
  const known = access.knownDatasets(allowed);
  if (known) return pageKnownList(request, known, (names) => loadExisting(loaders.dataset, names));
  const page = await pageUpstreamList(request, (pageRequest) => listDatasets(client, allowed, pageRequest));
  prime(loaders.dataset, page.nodes, (dataset) => access.datasetNamed(dataset.name));
  return page;
}

/** A location model made here (a known location needs no call): the API's own has labels this graph does not show. */
const locationModel = ({ project, location }: LocationName): LocationModel => ({ name: `projects/${project}/locations/${location}`, locationId: location });

export const datasetQueries: QueryResolvers = {
  datasets: (_parent, args, context) => datasetsConnection(context.access.location, args, context),
  dataset: (_parent, { id }, context) => loadDataset(datasetNameFrom(id, context), context),
  locations: async (_parent, { first, after }, context) => {
    const { access, cursors, client } = context;
    const request = { codec: cursors, list: 'locations', parent: `projects/${access.project.project}`, first, after };
    const allowed = access.allowedLocations;
    if (allowed !== '*') return pageKnownList(request, allowed, async (ids) => ids.map((location) => locationModel({ ...access.project, location })));
    return pageUpstreamList(request, (pageRequest) => listLocations(client, access.project, pageRequest));
  },
};

export const locationResolvers: LocationResolvers = {
  name: (location) => location.name,
  locationId: (location) => parseLocationName(location.name).location,
  projectId: (location) => parseLocationName(location.name).project,
  configured: (location, _args, context) => parseLocationName(location.name).location === context.access.location.location,
  datasets: (location, args, context) => datasetsConnection(parseLocationName(location.name), args, context),
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
