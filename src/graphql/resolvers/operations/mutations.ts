/** The de-identification mutations and `cancelOperation`. */
import { badUserInput, forbidden } from '../../../errors.js';
import { deidentifyDataset, deidentifyDicomStore, deidentifyFhirStore } from '../../../healthcare/deidentify.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { datasetResourceName, isValidResourceId, parseDatasetName, parseStoreName, storeResourceName } from '../../../healthcare/names.js';
import { cancelOperation, type Operation } from '../../../healthcare/operations.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { toDeidentifyConfig } from './deidentify-config.js';
import { allowedOperation, loadOperation, operationModel } from './model.js';

const RESOURCE_KEY = /^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}$/;
const MAX_RESOURCES = 10_000;

/**
 * Starts an operation: refusals that are the caller's to fix (the destination exists, the API
 * rejects the configuration) become BAD_USER_INPUT; anything else stays an upstream error.
 */
async function started(start: () => Promise<Operation>, destination: string, context: RequestContext) {
  try {
    return operationModel(await start(), context, destination);
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 409) throw badUserInput(`The destination ${destination} already exists`);
    if (error instanceof UpstreamError && error.status === 400) throw badUserInput(`The API refused the request: ${error.message}`);
    throw error;
  }
}

export const operationMutations: MutationResolvers = {
  deidentifyDataset: (_parent, { source, destinationDatasetId, config }, context) => {
    const from = parseDatasetName(source);
    if (!isValidResourceId(destinationDatasetId)) throw badUserInput(`destinationDatasetId ${JSON.stringify(destinationDatasetId.slice(0, 300))} is not a valid dataset id`);
    const allowedFrom = context.access.checkDataset(from);
    const allowedTo = context.access.checkDataset({ ...from, dataset: destinationDatasetId });
    // A dataset copy reads every store of the source, so it would step around the allow-lists.
    if (context.access.allowedStores('fhirStores') || context.access.allowedStores('dicomStores')) {
      throw forbidden('Dataset de-identification reads every store of the dataset; this server allows only some stores');
    }
    const body = toDeidentifyConfig(config);
    return started(() => deidentifyDataset(context.client, allowedFrom, allowedTo, body), datasetResourceName(allowedTo), context);
  },

  deidentifyFhirStore: (_parent, { source, destinationStore, config, resources }, context) => {
    const from = parseStoreName(source, 'fhirStores');
    const to = parseStoreName(destinationStore, 'fhirStores');
    if (storeResourceName(from) === storeResourceName(to)) throw badUserInput('destinationStore must differ from source');
    if (resources) {
      if (resources.length === 0 || resources.length > MAX_RESOURCES) throw badUserInput(`resources must name 1 to ${MAX_RESOURCES} resources`);
      const bad = resources.find((key) => !RESOURCE_KEY.test(key));
      if (bad !== undefined) throw badUserInput(`resources: ${JSON.stringify(bad.slice(0, 140))} is not Type/id`);
    }
    const [allowedFrom, allowedTo] = [context.access.checkStore(from), context.access.checkStore(to)];
    const body = toDeidentifyConfig(config);
    return started(() => deidentifyFhirStore(context.client, allowedFrom, allowedTo, body, resources ?? undefined), storeResourceName(to), context);
  },

  deidentifyDicomStore: (_parent, { source, destinationStore, config }, context) => {
    const from = parseStoreName(source, 'dicomStores');
    const to = parseStoreName(destinationStore, 'dicomStores');
    if (storeResourceName(from) === storeResourceName(to)) throw badUserInput('destinationStore must differ from source');
    const [allowedFrom, allowedTo] = [context.access.checkStore(from), context.access.checkStore(to)];
    const body = toDeidentifyConfig(config);
    return started(() => deidentifyDicomStore(context.client, allowedFrom, allowedTo, body), storeResourceName(to), context);
  },

  cancelOperation: async (_parent, { name }, context) => {
    const operation = allowedOperation(name, context);
    await cancelOperation(context.client, operation);
    // Read it again: the operation as it is after the cancellation, not as cached before it.
    context.loaders.operation.clear(operation);
    return loadOperation(name, context);
  },
};
