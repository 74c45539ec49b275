import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { getOperation, parseOperationName, type Operation } from '../healthcare/operations.js';
import { measuredBatch } from './batch-size.js';

/**
 * Operations by full name. The API has no batch get, so each key is its own call (in parallel);
 * the loader removes duplicates within a request, e.g. a mutation's result read again by `node`.
 * Per request only: an operation changes between requests.
 */
export function createOperationLoader(client: HealthcareClient, options: { batching: boolean }): DataLoader<string, Operation> {
  return new DataLoader<string, Operation>(
    measuredBatch(client.metrics, 'operation', (names) =>
      Promise.all(names.map((name) => getOperation(client, parseOperationName(name)).catch((error: Error) => error))),
    ),
    { batch: options.batching, cache: options.batching },
  );
}
