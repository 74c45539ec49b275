import type { Resolvers } from '../../generated/graphql.js';
import { joinFields } from './join-fields.js';
import { datasetQueries, datasetResolvers, locationResolvers } from './datasets.js';
import { nodeQueries, nodeResolvers } from './node.js';
import { scalarResolvers } from './scalars.js';
import { subscriptionResolvers } from './subscriptions.js';
import { dicomStoreResolvers, fhirStoreResolvers, storeQueries } from './stores.js';
import {
  allergyIntoleranceResolvers, conditionResolvers, encounterResolvers, immunizationResolvers, medicationRequestResolvers, observationResolvers,
} from './fhir/clinical.js';
import { fhirBundleMutations } from './fhir/bundle.js';
import { fhirMutations } from './fhir/mutations.js';
import { latestObservationResolvers } from './fhir/latest-observations.js';
import { patientResolvers } from './fhir/patient.js';
import { organizationResolvers, practitionerResolvers } from './fhir/people.js';
import { fhirResourceResolvers, fhirStoreDataResolvers } from './fhir/store.js';
import { patientImagingResolvers } from './dicom/imaging.js';
import { datasetIamResolvers, dicomStoreIamResolvers, fhirStoreIamResolvers, iamMutations } from './iam.js';
import { dicomStoreDataResolvers, instanceResolvers, seriesResolvers, studyResolvers } from './dicom/studies.js';
import { seriesMetricsResolvers, studyMetricsResolvers } from './dicom/metrics.js';
import { dicomStoreSearchResolvers } from './dicom/store-searches.js';
import {
  hl7V2MessageResolvers, hl7V2Mutations, hl7V2Queries, hl7V2SegmentResolvers, hl7V2StoreMessageResolvers, hl7V2StoreResolvers, patientHl7V2Resolvers,
} from './hl7v2/index.js';
import { bulkMutations } from './operations/bulk.js';
import { operationMutations } from './operations/mutations.js';
import { datasetOperationResolvers, operationQueries, operationResolvers, operationResultResolvers } from './operations/operation.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: joinFields('Query', nodeQueries, datasetQueries, storeQueries, operationQueries, hl7V2Queries),
  Mutation: joinFields('Mutation', fhirMutations, iamMutations, operationMutations, hl7V2Mutations, fhirBundleMutations, bulkMutations),
  Subscription: subscriptionResolvers,
  Node: nodeResolvers,
  Location: locationResolvers,
  Dataset: joinFields('Dataset', datasetResolvers, datasetIamResolvers, datasetOperationResolvers),
  FhirStore: joinFields('FhirStore', fhirStoreResolvers, fhirStoreDataResolvers, fhirStoreIamResolvers),
  DicomStore: joinFields('DicomStore', dicomStoreResolvers, dicomStoreDataResolvers, dicomStoreSearchResolvers, dicomStoreIamResolvers),
  Study: joinFields('Study', studyResolvers, studyMetricsResolvers),
  Series: joinFields('Series', seriesResolvers, seriesMetricsResolvers),
  Instance: instanceResolvers,
  FhirResource: fhirResourceResolvers,
  Patient: joinFields('Patient', patientResolvers, latestObservationResolvers, patientImagingResolvers, patientHl7V2Resolvers),
  Practitioner: practitionerResolvers,
  Organization: organizationResolvers,
  Observation: observationResolvers,
  Condition: conditionResolvers,
  Encounter: encounterResolvers,
  MedicationRequest: medicationRequestResolvers,
  AllergyIntolerance: allergyIntoleranceResolvers,
  Immunization: immunizationResolvers,
  Operation: operationResolvers,
  OperationResult: operationResultResolvers,
  Hl7V2Store: joinFields('Hl7V2Store', hl7V2StoreResolvers, hl7V2StoreMessageResolvers),
  Hl7V2Message: hl7V2MessageResolvers,
  Hl7V2Segment: hl7V2SegmentResolvers,
};
