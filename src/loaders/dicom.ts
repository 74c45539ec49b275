import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { qido, type DicomJson, type DicomStoreName } from '../healthcare/dicomweb.js';
import { storeResourceName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import type { LoaderOptions } from './index.js';

/** A QIDO-RS (or metadata) request; identical ones in a request are made once. */
export interface QidoKey {
  store: DicomStoreName;
  /** Path below the store's `dicomWeb/`, e.g. `['studies', uid, 'series']`. */
  segments: string[];
  query: [string, string][];
}

/**
 * QIDO-RS has no batch form (one value per match key), so each distinct request is its own call:
 * the loader removes duplicates within the request and runs distinct ones in parallel.
 */
export function createQidoLoader(client: HealthcareClient, options: LoaderOptions): DataLoader<QidoKey, DicomJson[], string> {
  return new DataLoader<QidoKey, DicomJson[], string>(
    measuredBatch(client.metrics, 'qido', (keys) => Promise.all(keys.map((key) => qido(client, key.store, key.segments, key.query).catch((error: Error) => error)))),
    { batch: options.batching, cache: options.batching, cacheKeyFn: (key) => JSON.stringify([storeResourceName(key.store), key.segments, key.query]) },
  );
}
