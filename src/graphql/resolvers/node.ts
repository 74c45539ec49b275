import { parseDatasetName, parseStoreName } from '../../healthcare/names.js';
import type { NodeResolvers, QueryResolvers } from '../../generated/graphql.js';
import { fromGlobalId } from '../globalId.js';
import { loadDataset, loadStore } from './load.js';

export const nodeQueries: QueryResolvers = {
  node: (_parent, { id }, context) => {
    const { type, name } = fromGlobalId(id);
    switch (type) {
      case 'Dataset':
        return loadDataset(parseDatasetName(name), context);
      case 'FhirStore':
        return loadStore(parseStoreName(name, 'fhirStores'), context);
      case 'DicomStore':
        return loadStore(parseStoreName(name, 'dicomStores'), context);
    }
  },
};

/** Models are upstream JSON; the kind of resource name tells the type. */
export const nodeResolvers: NodeResolvers = {
  __resolveType: (node) => {
    if (node.name.includes('/fhirStores/')) return 'FhirStore';
    if (node.name.includes('/dicomStores/')) return 'DicomStore';
    return 'Dataset';
  },
};
