/**
 * The kinds of store a dataset holds, described once. FHIR, DICOM and HL7v2 stores share everything
 * but their own data: the resource-name segment, the list and get methods of the admin surface, the
 * allow-list variable, the metrics method, the graph's type. Code that handles "a store" is written
 * once over {@link StoreKind} and reads what differs from {@link STORE_KINDS}; a new kind is an entry
 * here plus its own types and data-plane calls.
 */

/** A store kind, spelled as the resource-name segment and the `list` method's result field. */
export type StoreKind = 'fhirStores' | 'dicomStores' | 'hl7V2Stores';

export interface StoreKindSpec {
  /** How people call it: `FHIR`, `DICOM`, `HL7v2`. */
  label: string;
  /** With its article, for messages: `a FHIR store`. */
  aStore: string;
  /** The environment variable holding this kind's allow-list (store ids). */
  allowListVariable: string;
  /** The configuration field that variable is read into. */
  allowListSetting: 'allowedFhirStores' | 'allowedDicomStores' | 'allowedHl7V2Stores';
  /** The admin method that reports the store's metrics (Google's own spelling of each). */
  metricsMethod: string;
  /** The GraphQL type that shows a store of this kind. */
  graphType: 'FhirStore' | 'DicomStore' | 'Hl7V2Store';
}

export const STORE_KINDS: Readonly<Record<StoreKind, StoreKindSpec>> = {
  fhirStores: {
    label: 'FHIR', aStore: 'a FHIR store', allowListVariable: 'ALLOWED_FHIR_STORES', allowListSetting: 'allowedFhirStores', metricsMethod: 'getFHIRStoreMetrics', graphType: 'FhirStore',
  },
  dicomStores: {
    label: 'DICOM', aStore: 'a DICOM store', allowListVariable: 'ALLOWED_DICOM_STORES', allowListSetting: 'allowedDicomStores', metricsMethod: 'getDICOMStoreMetrics', graphType: 'DicomStore',
  },
  hl7V2Stores: {
    label: 'HL7v2', aStore: 'an HL7v2 store', allowListVariable: 'ALLOWED_HL7V2_STORES', allowListSetting: 'allowedHl7V2Stores', metricsMethod: 'getHL7v2StoreMetrics', graphType: 'Hl7V2Store',
  },
};

/** Every kind, in the order the graph lists them. */
export const STORE_KIND_LIST = Object.keys(STORE_KINDS) as readonly StoreKind[];
