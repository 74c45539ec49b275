import type { FhirResource } from './types.js';

/** Entries per Bundle by default: small enough for any request-size limit, few enough requests for 100k resources. */
export const DEFAULT_BUNDLE_SIZE = 100;

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'batch' | 'transaction';
  entry: { resource: FhirResource; request: { method: 'PUT'; url: string } }[];
}

/**
 * Splits resources, in their order, into Bundles of at most `size` entries that PUT each resource at
 * `Type/id`: loading them again updates instead of duplicating (the store needs `enableUpdateCreate`).
 * Sent one after another, every reference points at a resource already stored or in the same Bundle,
 * which a transaction resolves; a batch may process its entries in any order.
 */
export function toBundles(resources: FhirResource[], size = DEFAULT_BUNDLE_SIZE, type: FhirBundle['type'] = 'transaction'): FhirBundle[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`Bundle size must be a positive integer, got ${size}`);
  const bundles: FhirBundle[] = [];
  for (let offset = 0; offset < resources.length; offset += size) {
    bundles.push({
      resourceType: 'Bundle',
      type,
      entry: resources.slice(offset, offset + size).map((resource) => ({
        resource,
        request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
      })),
    });
  }
  return bundles;
}
