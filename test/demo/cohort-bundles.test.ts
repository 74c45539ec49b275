import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BUNDLE_SIZE, generateCohort, toBundles, type FhirResource } from '../../src/demo/cohort/index.js';

const resources: FhirResource[] = Array.from({ length: 250 }, (_, index) => ({ resourceType: index % 2 ? 'Patient' : 'Observation', id: `r-${index}` }));

describe('toBundles', () => {
  it('splits resources in order into bundles of at most `size` entries', () => {
    const bundles = toBundles(resources, 100);
    expect(bundles.map((bundle) => bundle.entry.length)).toEqual([100, 100, 50]);
    expect(bundles.flatMap((bundle) => bundle.entry.map((entry) => entry.resource))).toEqual(resources);
  });

  it('PUTs every resource at Type/id, so loading twice is idempotent', () => {
    const [bundle] = toBundles(resources.slice(0, 2), 10);
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: resources[0], request: { method: 'PUT', url: 'Observation/r-0' } },
        { resource: resources[1], request: { method: 'PUT', url: 'Patient/r-1' } },
      ],
    });
  });

  it('makes batch bundles on request and uses the default size otherwise', () => {
    expect(toBundles(resources, 300, 'batch').map((bundle) => [bundle.type, bundle.entry.length])).toEqual([['batch', 250]]);
    expect(toBundles(resources).map((bundle) => bundle.entry.length)).toEqual([DEFAULT_BUNDLE_SIZE, DEFAULT_BUNDLE_SIZE, 250 - 2 * DEFAULT_BUNDLE_SIZE]);
  });

  it('returns no bundle for no resources and refuses sizes below one', () => {
    expect(toBundles([])).toEqual([]);
    expect(() => toBundles(resources, 0)).toThrow(RangeError);
    expect(() => toBundles(resources, 2.5)).toThrow(RangeError);
  });

  it('lets bundles of the cohort load one after another: references point into the same or an earlier bundle', () => {
    const bundles = toBundles(generateCohort({ patients: 5 }).resources, 37);
    const loaded = new Set<string>();
    for (const bundle of bundles) {
      const urls = bundle.entry.map((entry) => entry.request.url);
      urls.forEach((url) => loaded.add(url));
      const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
      expect(references.map((match) => match.slice(13, -1)).filter((reference) => !loaded.has(reference))).toEqual([]);
    }
  });
});
