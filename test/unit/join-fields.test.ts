import { describe, expect, it } from '@jest/globals';
import { joinFields } from '../../src/graphql/resolvers/join-fields.js';
import { resolvers } from '../../src/graphql/resolvers/index.js';

describe('joinFields', () => {
  it('joins the fields of several modules', () => {
    const a = () => 1;
    const b = () => 2;
    expect(joinFields('T', { a }, { b })).toEqual({ a, b });
  });

  it('refuses a field that two modules resolve, naming it', () => {
    expect(() => joinFields('Dataset', { iamPolicy: () => null }, { id: () => 'x' }, { iamPolicy: () => null })).toThrow('Dataset.iamPolicy is resolved in two modules');
  });

  it('builds the graph\'s resolver map without such a conflict', () => {
    expect(Object.keys(resolvers.Dataset ?? {})).toEqual(expect.arrayContaining(['fhirStores', 'dicomStores', 'hl7V2Stores', 'iamPolicy', 'operations']));
  });
});
