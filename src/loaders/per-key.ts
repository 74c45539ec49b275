import DataLoader from 'dataloader';
import type { Metrics } from '../observability/metrics.js';
import { measuredBatch } from './batch-size.js';

export interface LoaderOptions {
  /**
   * When false, every load is its own upstream call (no batching, no dedupe, no cache): what a
   * straightforward GraphQL server does. Only the benchmark's "naive" baseline turns this off.
   */
  batching: boolean;
}

/** DataLoader's options for a loader of this request: batching and caching follow `batching`. */
export const loaderOptions = <K, V>(options: LoaderOptions, cacheKeyFn: (key: K) => string): DataLoader.Options<K, V, string> =>
  ({ batch: options.batching, cache: options.batching, cacheKeyFn });

/**
 * A loader for a method with no batch form (the admin API's gets, operations, HL7v2 messages): each
 * key is its own call, made in parallel. The loader still removes duplicates and caches within the
 * request, and list results prime it. A failed call fails only its own key.
 */
export function perKey<K, V>(
  metrics: Metrics,
  options: LoaderOptions,
  loader: string,
  cacheKeyFn: (key: K) => string,
  fetchOne: (key: K) => Promise<V>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    measuredBatch(metrics, loader, (keys) => Promise.all(keys.map((key) => fetchOne(key).catch((error: Error) => error)))),
    loaderOptions(options, cacheKeyFn),
  );
}
