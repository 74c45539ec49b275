/** The fields of HL7v2 stores that other store kinds do not have; the shared ones are in `../stores.ts`. */
import type { Hl7V2StoreResolvers } from '../../../generated/graphql.js';
import { storeConfig } from '../load.js';
import { commonStoreFields, int64, storeMetrics } from '../stores.js';

export const hl7V2StoreResolvers: Pick<
  Hl7V2StoreResolvers,
  'id' | 'storeId' | 'dataset' | 'labels' | 'parserVersion' | 'allowNullHeader' | 'rejectDuplicateMessage' | 'metrics'
> = {
  ...commonStoreFields('hl7V2Stores'),
  parserVersion: async (store, _args, context) => {
    const version = (await storeConfig('hl7V2Stores', store, context)).parserConfig?.version;
    // "Unspecified parser version, equivalent to V1" (ParserConfig.version).
    return version === 'V2' || version === 'V3' ? version : 'V1';
  },
  allowNullHeader: async (store, _args, context) => (await storeConfig('hl7V2Stores', store, context)).parserConfig?.allowNullHeader ?? false,
  rejectDuplicateMessage: async (store, _args, context) => (await storeConfig('hl7V2Stores', store, context)).rejectDuplicateMessage ?? false,
  metrics: async (store, _args, context) => {
    const { metrics = [] } = await storeMetrics('hl7V2Stores', store, context);
    return metrics.map((metric) => ({
      messageType: metric.messageType ?? null,
      count: int64(metric.count),
      structuredStorageSizeBytes: metric.structuredStorageSizeBytes === undefined ? null : int64(metric.structuredStorageSizeBytes),
    }));
  },
};
