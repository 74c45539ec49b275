/** The access policy, and that upstream paths can only be built from names it let through. */
import { describe, expect, it } from '@jest/globals';
import { AccessPolicy } from '../../src/access/policy.js';
import { datasetPath, parseStoreName, storePath, type StoreName } from '../../src/healthcare/names.js';

const policy = new AccessPolicy({
  project: 'p', location: 'l', dataset: 'd', allowedFhirStores: ['z', 'a'], allowedHl7V2Stores: ['feed'],
});
const store = <K extends StoreName['kind']>(kind: K, id: string, dataset = 'd'): StoreName<K> => ({ project: 'p', location: 'l', dataset, kind, store: id });
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('AccessPolicy', () => {
  it('lets through the pinned dataset and the allow-listed stores, and returns them as allowed names', () => {
    expect(datasetPath(policy.checkDataset({ project: 'p', location: 'l', dataset: 'd' }))).toBe('projects/p/locations/l/datasets/d');
    expect(storePath(policy.checkStore(store('fhirStores', 'a')))).toBe('projects/p/locations/l/datasets/d/fhirStores/a');
    expect(storePath(policy.storeNamed('hl7V2Stores', 'projects/p/locations/l/datasets/d/hl7V2Stores/feed'))).toBe('projects/p/locations/l/datasets/d/hl7V2Stores/feed');
  });

  it.each([
    ['another project', () => policy.checkDataset({ project: 'q', location: 'l', dataset: 'd' })],
    ['another location', () => policy.checkDataset({ project: 'p', location: 'm', dataset: 'd' })],
    ['another dataset than the pinned one', () => policy.checkDataset({ project: 'p', location: 'l', dataset: 'e' })],
    ['a FHIR store off the allow-list', () => policy.checkStore(store('fhirStores', 'b'))],
    ['an HL7v2 store off the allow-list', () => policy.checkStore(store('hl7V2Stores', 'other'))],
    ['an allowed store id in another dataset', () => policy.checkStore(store('fhirStores', 'a', 'e'))],
  ])('refuses %s with FORBIDDEN', (_what, run) => {
    expect(codeOf(run)).toBe('FORBIDDEN');
  });

  it('allows every store of a kind without an allow-list', () => {
    expect(codeOf(() => policy.checkStore(store('dicomStores', 'anything')))).toBe('allowed');
    expect(policy.allowedStores('dicomStores')).toBeUndefined();
  });

  it('lists allow-lists sorted, as upstream lists are', () => {
    expect(policy.allowedStores('fhirStores')).toEqual(['a', 'z']);
  });

  it('refuses a malformed name before the policy is asked', () => {
    expect(() => policy.storeNamed('fhirStores', 'projects/p/locations/l/datasets/d/dicomStores/a')).toThrow('not a FHIR store name');
  });

  it('builds no upstream path from a name the policy did not let through (a type error, checked by npm run typecheck)', () => {
    const unchecked = parseStoreName('projects/p/locations/l/datasets/d/fhirStores/a', 'fhirStores');
    // @ts-expect-error a parsed name is not an allowed one: it must go through AccessPolicy.checkStore first
    expect(storePath(unchecked)).toBe('projects/p/locations/l/datasets/d/fhirStores/a');
    // @ts-expect-error likewise for datasets
    expect(datasetPath({ project: 'p', location: 'l', dataset: 'd' })).toBe('projects/p/locations/l/datasets/d');
  });
});
