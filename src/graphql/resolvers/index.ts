import type { Resolvers } from '../../generated/graphql.js';
import { datasetQueries, datasetResolvers } from './datasets.js';
import { nodeQueries, nodeResolvers } from './node.js';
import { scalarResolvers } from './scalars.js';
import { dicomStoreResolvers, fhirStoreResolvers, storeQueries } from './stores.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...nodeQueries, ...datasetQueries, ...storeQueries },
  Node: nodeResolvers,
  Dataset: datasetResolvers,
  FhirStore: fhirStoreResolvers,
  DicomStore: dicomStoreResolvers,
};
