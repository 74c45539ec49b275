import DataLoader from 'dataloader';
import type { HealthcareClient } from '../healthcare/client.js';
import { qido, type AllowedDicomStore, type DicomJson } from '../healthcare/dicomweb.js';
import { storeResourceName } from '../healthcare/names.js';
import { measuredBatch } from './batch-size.js';
import { loaderOptions, type LoaderOptions } from './per-key.js';

/** A QIDO-RS (or metadata) request; identical ones in a request are made once. */
export interface QidoKey {
  store: AllowedDicomStore;
  /** Path below the store's `dicomWeb/`, e.g. `['studies', uid, 'series']`. */
  segments: string[];
  query: [string, string][];
}

/** A QIDO request's identity: store, path and query. */
export const qidoCacheKey = (key: QidoKey) => JSON.stringify([storeResourceName(key.store), key.segments, key.query]);

/**
 * QIDO-RS has no batch form (one value per match key), so each distinct request is its own call:
 * the loader removes duplicates within the request and runs distinct ones in parallel.
 */
export function createQidoLoader(client: HealthcareClient, options: LoaderOptions): DataLoader<QidoKey, DicomJson[], string> {
  return new DataLoader<QidoKey, DicomJson[], string>(
    measuredBatch(client.metrics, 'qido', (keys) => Promise.all(keys.map((key) => qido(client, key.store, key.segments, key.query).catch((error: Error) => error)))),
    loaderOptions(options, qidoCacheKey),
  );
}
