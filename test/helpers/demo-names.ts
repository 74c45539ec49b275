/** Resource names of the demo dataset and its stores, which `npm start` and the test stacks create. */
export const DEMO_DATASET = 'projects/demo/locations/us-central1/datasets/demo';
export const DEMO_FHIR_STORE = `${DEMO_DATASET}/fhirStores/fhir`;
export const DEMO_DICOM_STORE = `${DEMO_DATASET}/dicomStores/dicom`;
export const DEMO_HL7V2_STORE = `${DEMO_DATASET}/hl7V2Stores/hl7v2`;
