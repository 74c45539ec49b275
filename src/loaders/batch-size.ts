import type { BatchLoadFn } from 'dataloader';
import type { Metrics } from '../observability/metrics.js';

/**
 * Wraps a DataLoader batch function so that every batch records its key count in
 * `graphql_loader_batch_size{loader}`: batches of one everywhere mean loads are not being combined.
 */
export function measuredBatch<K, V>(metrics: Metrics, loader: string, batch: BatchLoadFn<K, V>): BatchLoadFn<K, V> {
  return (keys) => {
    metrics.loaderBatchSize.observe({ loader }, keys.length);
    return batch(keys);
  };
}
