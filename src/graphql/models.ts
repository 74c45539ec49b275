/**
 * What resolvers receive as parent objects: the upstream JSON as the Cloud Healthcare API returns it.
 * Field resolvers derive the GraphQL fields from it.
 */
import type { Dataset, DicomStore, FhirStore, Location } from '../healthcare/admin.js';
import type { DicomJson } from '../healthcare/dicomweb.js';
import type { FhirResource } from '../healthcare/fhir.js';
import type { Hl7V2Message, Hl7V2Segment, Hl7V2Store } from '../healthcare/hl7v2.js';
import type { Operation } from '../healthcare/operations.js';

export type LocationModel = Location;
export type DatasetModel = Dataset;
export type FhirStoreModel = FhirStore;
export type DicomStoreModel = DicomStore;

/** A FHIR resource together with the store it lives in (references resolve within that store). */
export interface FhirResourceModel {
  /** Full resource name of the FHIR store. */
  store: string;
  resource: FhirResource & { id: string };
}

/** A study as QIDO-RS returned it, with the DICOM store it lives in. */
export interface StudyModel {
  /** Full resource name of the DICOM store. */
  store: string;
  studyUid: string;
  attributes: DicomJson;
}

/** A series as QIDO-RS returned it. */
export interface SeriesModel {
  store: string;
  studyUid: string;
  seriesUid: string;
  attributes: DicomJson;
}

/** An instance as QIDO-RS returned it. */
export interface InstanceModel {
  store: string;
  studyUid: string;
  seriesUid: string;
  instanceUid: string;
  attributes: DicomJson;
}

/** A long-running operation as the API returned it, with the destination when this server knows it. */
export interface OperationModel {
  operation: Operation;
  /** Full resource name of the dataset or store a de-identification writes to. */
  destination?: string;
}

/** An HL7v2 store as the API returns it (or a reference by name whose configuration loads on demand). */
export type Hl7V2StoreModel = Hl7V2Store;

/** An HL7v2 message in the FULL view. */
export type Hl7V2MessageModel = Hl7V2Message;

/** A parsed segment as the API returns it (`fields` keyed like `"3[0].1"`). */
export type Hl7V2SegmentModel = Hl7V2Segment;

/** What `ingestHl7V2Message` returns: the stored message and the ACK as text. */
export interface IngestHl7V2MessagePayloadModel {
  message: Hl7V2Message;
  ack: string;
  ackCode: string;
}

/** One change to a FHIR resource, as a subscription sends it (`resource` read again for the subscriber). */
export interface FhirResourceChangeModel {
  action: 'CREATE' | 'UPDATE' | 'PATCH' | 'DELETE';
  resourceType: string;
  resourceId: string;
  versionId: string | null;
  lastUpdated: string | null;
  resource: FhirResourceModel | null;
}
