/**
 * What resolvers receive as parent objects: the upstream JSON as the Cloud Healthcare API returns it.
 * Field resolvers derive the GraphQL fields from it.
 */
import type { Dataset, DicomStore, FhirStore } from '../healthcare/admin.js';

export type DatasetModel = Dataset;
export type FhirStoreModel = FhirStore;
export type DicomStoreModel = DicomStore;
