import { describe, expect, it } from '@jest/globals';
import { AccessPolicy } from '../../src/access/policy.js';
import { InvalidNameError, datasetPath, parseDatasetName, parseStoreName, storePath } from '../../src/healthcare/names.js';

const access = new AccessPolicy({ project: 'demo', location: 'us-central1' });

describe('resource names', () => {
  it('parses and rebuilds a store name', () => {
    const name = parseStoreName('projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir', 'fhirStores');
    expect(name).toEqual({ project: 'demo', location: 'us-central1', dataset: 'demo', kind: 'fhirStores', store: 'fhir' });
    expect(storePath(access.checkStore(name))).toBe('projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir');
  });

  it('refuses a store name of the other kind', () => {
    expect(() => parseStoreName('projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir', 'dicomStores')).toThrow(InvalidNameError);
  });

  it.each([
    'projects/demo/locations/us-central1/datasets/..',
    'projects/demo/locations/us-central1/datasets/.',
    'projects/demo/locations/us-central1/datasets/a?b=c',
    'projects/demo/locations/us-central1/datasets/a#b',
    'projects/demo/locations/us-central1/datasets/a%2Fb',
    'projects/demo/locations/us-central1/datasets/a b',
    'projects/demo/locations/us-central1/datasets/a\nb',
    'projects/Demo!/locations/us-central1/datasets/d',
    'projects/demo/locations/US/datasets/d',
    'projects/demo/locations/us-central1/datasets/d/extra',
    '/projects/demo/locations/us-central1/datasets/d',
    'https://evil.example/v1/projects/demo/locations/us-central1/datasets/d',
    '',
  ])('refuses %j', (name) => {
    expect(() => parseDatasetName(name)).toThrow(InvalidNameError);
  });

  it('encodes non-ASCII ids, which Google allows, as one path segment', () => {
    expect(datasetPath(access.checkDataset({ project: 'demo', location: 'us-central1', dataset: 'größe' }))).toBe('projects/demo/locations/us-central1/datasets/gr%C3%B6%C3%9Fe');
  });
});
