/** The bulk mutations: import and export through Cloud Storage, each returning the running operation. */
import { badUserInput } from '../../../errors.js';
import { exportDicomInstances, exportFhirResources, exportHl7V2Messages, importDicomInstances, importFhirResources } from '../../../healthcare/bulk.js';
import { UpstreamError } from '../../../healthcare/errors.js';
import { requireResourceType } from '../../../healthcare/fhir.js';
import { parseStoreName, storeResourceName } from '../../../healthcare/names.js';
import type { Operation } from '../../../healthcare/operations.js';
import type { MutationResolvers } from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { gcsSourceUri, gcsUriPrefix } from './gcs-uri.js';
import { operationModel } from './model.js';

/** Filters longer than this are a mistake (the API's own limit is not documented). */
const MAX_FILTER = 4096;

/**
 * Starts an operation; a request the API refuses as invalid (400) is the caller's to fix. An
 * import's operation carries the store it writes to as its `result`.
 */
async function started(start: () => Promise<Operation>, context: RequestContext, destination?: string) {
  try {
    return operationModel(await start(), context, destination);
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 400) throw badUserInput(`The API refused the request: ${error.message}`);
    throw error;
  }
}

export const bulkMutations: MutationResolvers = {
  importFhirResources: (_parent, { store, gcsUri, contentStructure }, context) => {
    const name = parseStoreName(store, 'fhirStores');
    const uri = gcsSourceUri(gcsUri);
    const allowed = context.access.checkStore(name);
    return started(() => importFhirResources(context.client, allowed, uri, contentStructure ?? 'BUNDLE'), context, storeResourceName(name));
  },
  exportFhirResources: (_parent, { store, gcsUriPrefix: prefix, since, types }, context) => {
    const name = parseStoreName(store, 'fhirStores');
    const uri = gcsUriPrefix(prefix);
    if (types?.length === 0) throw badUserInput('types must name at least one resource type (leave it out for all)');
    types?.forEach((type) => requireResourceType(type));
    const allowed = context.access.checkStore(name);
    return started(() => exportFhirResources(context.client, allowed, uri, { since: since ?? undefined, types: types ?? undefined }), context);
  },
  importDicomInstances: (_parent, { store, gcsUri }, context) => {
    const name = parseStoreName(store, 'dicomStores');
    const uri = gcsSourceUri(gcsUri);
    const allowed = context.access.checkStore(name);
    return started(() => importDicomInstances(context.client, allowed, uri), context, storeResourceName(name));
  },
  exportDicomInstances: (_parent, { store, gcsUriPrefix: prefix }, context) => {
    const name = parseStoreName(store, 'dicomStores');
    const uri = gcsUriPrefix(prefix);
    const allowed = context.access.checkStore(name);
    return started(() => exportDicomInstances(context.client, allowed, uri), context);
  },
  exportHl7V2Messages: (_parent, { store, gcsUriPrefix: prefix, startTime, endTime, filter }, context) => {
    const name = parseStoreName(store, 'hl7V2Stores');
    const uri = gcsUriPrefix(prefix);
    if (filter && filter.length > MAX_FILTER) throw badUserInput(`filter is longer than ${MAX_FILTER} characters`);
    if (startTime && endTime && Date.parse(endTime) <= Date.parse(startTime)) throw badUserInput('endTime must be after startTime');
    const allowed = context.access.checkStore(name);
    const options = { ...(startTime ? { startTime } : {}), ...(endTime ? { endTime } : {}), ...(filter ? { filter } : {}) };
    return started(() => exportHl7V2Messages(context.client, allowed, uri, options), context);
  },
};
