/**
 * Long-running operations (`google.longrunning.Operation`, reference §7.1): get, list per dataset,
 * cancel. Operation names are validated like every other name before they reach a URL.
 */
import { listPage, type Page, type PageRequest } from './admin.js';
import type { HealthcareClient } from './client.js';
import { datasetPath, InvalidNameError, parseDatasetName, type AllowedDataset, type DatasetName } from './names.js';

/** `OperationMetadata` (int64 counters arrive as strings, zeros left out). */
export interface OperationMetadata {
  '@type'?: string;
  apiMethodName?: string;
  createTime?: string;
  endTime?: string;
  cancelRequested?: boolean;
  logsUrl?: string;
  counter?: { success?: string; failure?: string; pending?: string };
}

/** An operation as the API returns it. */
export interface Operation {
  name: string;
  metadata?: OperationMetadata;
  done?: boolean;
  error?: { code?: number; message?: string; details?: unknown[] };
  response?: Record<string, unknown>;
}

/** `projects/{p}/locations/{l}/datasets/{d}/operations/{id}`, split and validated. */
export interface OperationName<D extends DatasetName = DatasetName> {
  dataset: D;
  id: string;
}

/** An operation whose dataset the access policy allowed. */
export type AllowedOperation = OperationName<AllowedDataset>;

const OPERATION_NAME = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+)\/operations\/([^/]+)$/;
/** Google's operation ids are decimal; letters, `_` and `-` are accepted for other servers' ids. */
const OPERATION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Parses and validates an operation name. */
export function parseOperationName(name: string): OperationName {
  const match = OPERATION_NAME.exec(name);
  if (!match || !OPERATION_ID.test(match[2] ?? '')) {
    throw new InvalidNameError(`${JSON.stringify(name.slice(0, 300))} is not an operation name (projects/{p}/locations/{l}/datasets/{d}/operations/{id})`);
  }
  return { dataset: parseDatasetName(match[1] ?? ''), id: match[2] ?? '' };
}

/** The API path of an operation. */
export function operationPath(name: AllowedOperation): string {
  return `${datasetPath(name.dataset)}/operations/${name.id}`;
}

/** `datasets.operations.get`. */
export function getOperation(client: HealthcareClient, name: AllowedOperation): Promise<Operation> {
  return client.json<Operation>({ kind: 'operations', path: operationPath(name) });
}

/** `datasets.operations.list`: one page, oldest first as the API orders them. */
export function listOperations(client: HealthcareClient, dataset: AllowedDataset, page: PageRequest): Promise<Page<Operation>> {
  return listPage(client, 'operations', `${datasetPath(dataset)}/operations`, 'operations', page);
}

/** `datasets.operations.cancel`: asks the server to stop; the operation itself tells when it has. */
export async function cancelOperation(client: HealthcareClient, name: AllowedOperation): Promise<void> {
  await client.json<Record<string, never>>({ kind: 'operations', method: 'POST', path: `${operationPath(name)}:cancel`, body: {} });
}
