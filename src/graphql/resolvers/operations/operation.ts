/** The `Operation` type, `Query.operation`, `Dataset.operations` and the `OperationResult` union. */
import { mapConnection } from '../../../connections/connection.js';
import { pageUpstreamList } from '../../../connections/pagers.js';
import { datasetResourceName, parseDatasetName, parseStoreName } from '../../../healthcare/names.js';
import { listOperations, parseOperationName, type Operation } from '../../../healthcare/operations.js';
import type { DatasetResolvers, OperationKind, OperationResolvers, OperationResultResolvers, QueryResolvers } from '../../../generated/graphql.js';
import { loadDataset, storeReference } from '../load.js';
import { loadOperation, operationGlobalId, operationModel } from './model.js';

/** `google.rpc.Code` names by number. */
const STATUS_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** Kinds by the last segment of the API method name. */
const KINDS: Record<string, OperationKind> = {
  DeidentifyDataset: 'DEIDENTIFY_DATASET',
  DeidentifyFhirStore: 'DEIDENTIFY_FHIR_STORE',
  DeidentifyDicomStore: 'DEIDENTIFY_DICOM_STORE',
  CreateDataset: 'CREATE_DATASET',
  ImportResources: 'IMPORT_FHIR_RESOURCES',
  ExportResources: 'EXPORT_FHIR_RESOURCES',
  // The name gcloud's sample shows for the same method.
  ExportFhirData: 'EXPORT_FHIR_RESOURCES',
  ImportDicomData: 'IMPORT_DICOM_INSTANCES',
  ExportDicomData: 'EXPORT_DICOM_INSTANCES',
  ExportMessages: 'EXPORT_HL7V2_MESSAGES',
};

/** Int64 counters arrive as strings and zeros are left out. */
const count = (value: string | undefined): number => Number(value ?? 0);

function progress(operation: Operation) {
  const counter = operation.metadata?.counter;
  if (counter === undefined) return null;
  const success = count(counter.success);
  const failure = count(counter.failure);
  const pending = count(counter.pending);
  const total = success + failure + pending;
  return { success, failure, pending, percent: total === 0 ? null : Math.round(((success + failure) / total) * 10_000) / 100 };
}

export const operationResolvers: OperationResolvers = {
  id: (model) => operationGlobalId(model),
  name: ({ operation }) => operation.name,
  operationId: ({ operation }) => parseOperationName(operation.name).id,
  kind: ({ operation }) => KINDS[operation.metadata?.apiMethodName?.split('.').at(-1) ?? ''] ?? 'OTHER',
  apiMethodName: ({ operation }) => operation.metadata?.apiMethodName ?? null,
  done: ({ operation }) => operation.done === true,
  createTime: ({ operation }) => operation.metadata?.createTime ?? null,
  endTime: ({ operation }) => operation.metadata?.endTime ?? null,
  cancelRequested: ({ operation }) => operation.metadata?.cancelRequested === true,
  progress: ({ operation }) => progress(operation),
  error: ({ operation }) => {
    const { error } = operation;
    if (error === undefined) return null;
    const code = error.code ?? 2;
    return { code, status: STATUS_NAMES[code] ?? 'UNKNOWN', message: error.message ?? '' };
  },
  dataset: ({ operation }, _args, context) => loadDataset(parseOperationName(operation.name).dataset, context),
  result: ({ destination }, _args, context) => {
    if (destination === undefined) return null;
    if (destination.includes('/fhirStores/')) return storeReference(parseStoreName(destination, 'fhirStores'), context);
    if (destination.includes('/dicomStores/')) return storeReference(parseStoreName(destination, 'dicomStores'), context);
    return loadDataset(parseDatasetName(destination), context);
  },
};

export const operationResultResolvers: OperationResultResolvers = {
  __resolveType: (model) => (model.name.includes('/fhirStores/') ? 'FhirStore' : model.name.includes('/dicomStores/') ? 'DicomStore' : 'Dataset'),
};

export const operationQueries: QueryResolvers = {
  operation: (_parent, { name }, context) => loadOperation(name, context),
};

export const datasetOperationResolvers: Pick<DatasetResolvers, 'operations'> = {
  operations: async (dataset, { first, after }, context) => {
    const name = context.access.datasetNamed(dataset.name);
    const request = { codec: context.cursors, list: 'operations', parent: datasetResourceName(name), first, after };
    const page = await pageUpstreamList(request, (pageRequest) => listOperations(context.client, name, pageRequest));
    return mapConnection(page, (operation) => operationModel(operation, context));
  },
};
