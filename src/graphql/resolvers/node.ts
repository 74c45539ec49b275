import { parseFhirResourceName } from '../../healthcare/fhir.js';
import { parseDatasetName, parseStoreName, storeResourceName } from '../../healthcare/names.js';
import type { NodeResolvers, QueryResolvers } from '../../generated/graphql.js';
import { fhirNodeType, fromGlobalId } from '../globalId.js';
import { badUserInput } from '../../errors.js';
import { loadFhirResource } from './fhir/model.js';
import { loadDataset, storeReference } from './load.js';
import { fromOperationGlobalId, loadOperation } from './operations/model.js';
import { loadMessage } from './hl7v2/messages.js';
import { loadInstance, loadSeries, loadStudy, parseDicomName } from './dicom/models.js';
import type { RequestContext } from '../context.js';

/** Loads a study, series or instance from its resource name; the name's depth must match the type. */
function loadDicomObject(type: 'Study' | 'Series' | 'Instance', name: string, context: RequestContext) {
  const { store, study, series, instance } = parseDicomName(name);
  if (type === 'Study' && series === undefined) return loadStudy(store, study, context);
  if (type === 'Series' && series !== undefined && instance === undefined) return loadSeries(store, study, series, context);
  if (type === 'Instance' && series !== undefined && instance !== undefined) return loadInstance(store, study, series, instance, context);
  throw badUserInput('Invalid id: pass an id exactly as this server returned it');
}

export const nodeQueries: QueryResolvers = {
  node: async (_parent, { id }, context) => {
    const { type, name } = fromGlobalId(id);
    switch (type) {
      case 'Dataset':
        return loadDataset(parseDatasetName(name), context);
      case 'FhirStore':
        return storeReference(parseStoreName(name, 'fhirStores'), context);
      case 'DicomStore':
        return storeReference(parseStoreName(name, 'dicomStores'), context);
      case 'Study':
      case 'Series':
      case 'Instance':
        return loadDicomObject(type, name, context);
      case 'Hl7V2Store':
        return storeReference(parseStoreName(name, 'hl7V2Stores'), context);
      case 'Hl7V2Message':
        return loadMessage(name, context);
      case 'Operation': {
        const operation = fromOperationGlobalId(id);
        return loadOperation(operation.name, context, operation.destination);
      }
      default: {
        const resource = parseFhirResourceName(name);
        if (fhirNodeType(resource.type) !== type) throw badUserInput('Invalid id: pass an id exactly as this server returned it');
        return loadFhirResource(storeResourceName(resource.store), resource.type, resource.id, context);
      }
    }
  },
};

/** Admin models are upstream JSON named by resource name; FHIR models carry their resource; DICOM models their UIDs. */
export const nodeResolvers: NodeResolvers = {
  __resolveType: (node) => {
    if ('operation' in node) return 'Operation';
    if ('resource' in node) return fhirNodeType(node.resource.resourceType);
    if ('instanceUid' in node) return 'Instance';
    if ('seriesUid' in node) return 'Series';
    if ('studyUid' in node) return 'Study';
    if (node.name.includes('/hl7V2Stores/')) return node.name.includes('/messages/') ? 'Hl7V2Message' : 'Hl7V2Store';
    if (node.name.includes('/fhirStores/')) return 'FhirStore';
    if (node.name.includes('/dicomStores/')) return 'DicomStore';
    return 'Dataset';
  },
};
