/**
 * Example operations preloaded in GraphiQL (one tab each) and shown in docs/examples.md. A test runs every
 * one against the demo data, so they keep working as the schema grows. Variables have defaults in
 * the documents themselves: GraphiQL leaves the first tab's variables out of its editor on first
 * load (graphql/graphiql#3392), and the examples must run as the page opens.
 */

import { getOperationAST, OperationTypeNode, parse } from 'graphql';

const DEMO_DATASET = 'projects/demo/locations/us-central1/datasets/demo';
const DEMO_FHIR = `${DEMO_DATASET}/fhirStores/fhir`;
const DEMO_DICOM = `${DEMO_DATASET}/dicomStores/dicom`;
const DEMO_HL7V2 = `${DEMO_DATASET}/hl7V2Stores/hl7v2`;

export interface ExampleOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Whether an example is a subscription, which runs over WebSocket (graphql-ws) and not over HTTP. */
export const isSubscription = (example: ExampleOperation): boolean => getOperationAST(parse(example.query))?.operation === OperationTypeNode.SUBSCRIPTION;

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    name: 'PatientList',
    query: `# Patients with their practitioner, organization and latest vitals: one request.
# Page on with pageInfo.endCursor as $after. Narrow the list with $filter in the variables, e.g.
# { "family": "smi" }, { "active": true, "deceased": false }, { "city": "bos" } or { "language": "es" }.
query PatientList($store: String! = "${DEMO_FHIR}", $filter: PatientFilter, $after: String) {
  fhirStore(name: $store) {
    patients(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        displayName
        mrn
        gender
        birthDate
        generalPractitioners { displayName }
        managingOrganization { name }
        observations(first: 3, category: "vital-signs") {
          nodes { code { display } valueDisplay effectiveDateTime }
        }
      }
    }
  }
}
`,
    variables: { store: DEMO_FHIR },
  },
  {
    name: 'PatientChart',
    query: `# One patient's chart: latest vitals, problems, medications, allergies, visits, labs, imaging with thumbnails.
# latestObservations: the newest value per code (FHIR's $lastn), here the demo's eight vital signs.
query PatientChart($store: String! = "${DEMO_FHIR}", $id: String! = "pat-000001") {
  fhirStore(name: $store) {
    patient(id: $id) {
      displayName
      mrn
      birthDate
      addresses { city state }
      latestObservations(
        codes: [
          "http://loinc.org|85354-9", "http://loinc.org|8867-4", "http://loinc.org|9279-1", "http://loinc.org|8310-5",
          "http://loinc.org|2708-6", "http://loinc.org|29463-7", "http://loinc.org|8302-2", "http://loinc.org|39156-5"
        ]
        max: 1
      ) { code { display } valueDisplay effectiveDateTime }
      conditions(first: 10) { nodes { code { display } clinicalStatus onsetDateTime } }
      medications(first: 10) { nodes { medication { display } status authoredOn } }
      allergies { nodes { code { display } criticality reactions } }
      encounters(first: 5) { nodes { class { code } start serviceProvider { name } practitioners { displayName } } }
      observations(first: 10, category: "laboratory") { nodes { code { display } valueDisplay effectiveDateTime } }
      imagingStudies(first: 5) {
        nodes {
          studyDate
          description
          modalities
          series(first: 5) {
            nodes { modality description instances(first: 1) { nodes { renderedUrl } } }
          }
        }
      }
    }
  }
}
`,
    variables: { store: DEMO_FHIR, id: 'pat-000001' },
  },
  {
    name: 'WatchPatient',
    query: `# Live: every change to the first demo patient and their chart (observations, encounters, ...).
# Run it, then run the RecordVitalSign tab, or open the patient's chart in /demo, or just wait: the
# demo's live feed (DEMO_LIVE) records vitals every minute for random patients.
subscription WatchPatient($store: String! = "${DEMO_FHIR}", $id: String! = "pat-000001") {
  patientChanged(store: $store, patientId: $id) {
    action
    resourceType
    resourceId
    versionId
    lastUpdated
    resource { id resource }
  }
}
`,
    variables: { store: DEMO_FHIR, id: 'pat-000001' },
  },
  {
    name: 'RecordVitalSign',
    query: `# Records a heart rate (LOINC 8867-4, as the demo's vitals) for the first demo patient, or the one
# whose FHIR id (shown on their chart in /demo) you put in $patient. The WatchPatient tab and the
# patient's chart in /demo show it the moment it is stored.
mutation RecordVitalSign($store: String! = "${DEMO_FHIR}", $patient: String = "Patient/pat-000001", $when: String = "2026-12-08T09:00:00Z", $bpm: Float = 72) {
  createFhirResource(input: {
    store: $store
    resource: {
      resourceType: "Observation"
      status: "final"
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }]
      code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }], text: "Heart rate" }
      subject: { reference: $patient }
      effectiveDateTime: $when
      valueQuantity: { value: $bpm, unit: "beats/minute", system: "http://unitsofmeasure.org", code: "/min" }
    }
  }) {
    resource { id resourceId versionId }
  }
}
`,
    variables: { store: DEMO_FHIR, patient: 'Patient/pat-000001', when: '2026-12-08T09:00:00Z', bpm: 72 },
  },
  {
    name: 'StudyBrowser',
    query: `# A study list as an imaging viewer shows it, with series and a thumbnail URL each,
# and the store's series of one modality with their studies.
query StudyBrowser($store: String! = "${DEMO_DICOM}", $after: String, $modality: String = "MR") {
  dicomStore(name: $store) {
    metrics { studyCount seriesCount instanceCount }
    seriesOfModality: series(filter: { modality: $modality }, first: 10) {
      pageInfo { hasNextPage endCursor }
      nodes { modality description numberOfInstances study { studyDate description patientName } }
    }
    studies(first: 10, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        studyDate
        description
        patientName
        patientId
        modalities
        numberOfInstances
        patient { displayName }
        series {
          nodes {
            seriesNumber
            modality
            description
            numberOfInstances
            instances(first: 1) { nodes { rows columns thumbnail: renderedUrl(format: JPEG) } }
          }
        }
      }
    }
  }
}
`,
    variables: { store: DEMO_DICOM },
  },
  {
    name: 'DatasetOverview',
    query: `# Every dataset with its FHIR, DICOM and HL7v2 stores and what they hold.
query DatasetOverview {
  datasets(first: 10) {
    nodes {
      name
      timeZone
      fhirStores { nodes { storeId version metrics { resourceType count } } }
      dicomStores { nodes { storeId metrics { studyCount seriesCount instanceCount } } }
      hl7V2Stores { nodes { storeId metrics { messageType count } } }
    }
  }
}
`,
  },
  {
    name: 'Hl7v2Feed',
    query: `# The demo HL7v2 feed: newest admissions (ADT^A01) first, with patient ids and the parsed PID.
# Google's filter syntax: try "message_type = \\"ORU\\"" or "PatientId(\\"MRN0000001\\", \\"MRN\\")".
query Hl7v2Feed($store: String! = "${DEMO_HL7V2}", $filter: String = "message_type = \\"ADT\\"") {
  hl7V2Store(name: $store) {
    metrics { messageType count }
    messages(filter: $filter, first: 10) {
      pageInfo { hasNextPage endCursor }
      nodes {
        messageType
        event
        sendFacility
        sendTime
        patientIds { value type }
        segments(segmentId: "PID") { fields { index value } }
      }
    }
  }
}
`,
    variables: { store: DEMO_HL7V2, filter: 'message_type = "ADT"' },
  },
  {
    name: 'DeidentifyDataset',
    query: `# A research copy of the demo dataset without identifying data, as a long-running operation.
# Run it, then follow it in the Operations tab (or with node(id:) and the returned id) until done.
# The destination must not exist yet: pick another destinationDatasetId to run it again.
mutation DeidentifyDataset($source: String! = "${DEMO_DATASET}", $destination: String! = "demo-research") {
  deidentifyDataset(
    source: $source
    destinationDatasetId: $destination
    config: {
      dicom: { profile: ATTRIBUTE_CONFIDENTIALITY_BASIC }
      fhir: { fields: [{ paths: ["Patient.name", "Patient.address"], action: TRANSFORM }] }
    }
  ) {
    id name done
    progress { success failure pending percent }
    result { ... on Dataset { name } }
  }
}
`,
    variables: { source: DEMO_DATASET, destination: 'demo-research' },
  },
  {
    name: 'Operations',
    query: `# A dataset's long-running operations (de-identification, imports, deletes), newest first.
query Operations($dataset: String! = "demo") {
  dataset(id: $dataset) {
    operations(first: 10) { nodes { name apiMethodName done progress { percent } error { status message } } }
  }
}
`,
    variables: { dataset: 'demo' },
  },
  {
    name: 'GetOrCreateOrganization',
    query: `# "Get or create" by identifier: run it twice, the second run finds the first one's resource.
mutation GetOrCreateOrganization($store: String! = "${DEMO_FHIR}") {
  createFhirResource(input: {
    store: $store
    resource: {
      resourceType: "Organization"
      name: "Riverside Imaging Center"
      identifier: [{ system: "urn:example:org", value: "RIC-1" }]
    }
    ifNoneExist: "identifier=urn:example:org|RIC-1"
  }) {
    created
    resource { id resourceId versionId }
  }
}
`,
    variables: { store: DEMO_FHIR },
  },
  {
    name: 'PatchPhoneNumber',
    query: `# A small edit with JSON Patch: the patient's phone number, nothing else resent.
# "test" makes the patch fail (BAD_USER_INPUT) unless telecom[0] is a phone. Pass the versionId you
# read as ifMatch to be refused with CONFLICT instead of overwriting someone else's edit.
mutation PatchPhoneNumber($store: String! = "${DEMO_FHIR}", $id: String! = "pat-000001") {
  patchFhirResource(input: {
    store: $store
    resourceType: "Patient"
    id: $id
    patch: [
      { op: "test", path: "/telecom/0/system", value: "phone" }
      { op: "replace", path: "/telecom/0/value", value: "+1 617 555 0199" }
    ]
  }) {
    resource { resourceId versionId resource }
  }
}
`,
    variables: { store: DEMO_FHIR, id: 'pat-000001' },
  },
  {
    name: 'RecordEncounter',
    query: `# An encounter with two observations, stored all or nothing (a transaction). The observations
# point at the new encounter by its urn:uuid; the store replaces it by the encounter's new id.
mutation RecordEncounter($store: String! = "${DEMO_FHIR}") {
  executeFhirBundle(input: {
    store: $store
    bundle: {
      resourceType: "Bundle"
      type: "transaction"
      entry: [
        {
          fullUrl: "urn:uuid:3f0e7c1a-5b2d-4c3e-9a1f-000000000001"
          resource: { resourceType: "Encounter", status: "finished", class: { code: "AMB" }, subject: { reference: "Patient/pat-000001" } }
          request: { method: "POST", url: "Encounter" }
        }
        {
          resource: {
            resourceType: "Observation", status: "final"
            code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }] }
            valueQuantity: { value: 72, unit: "/min", system: "http://unitsofmeasure.org", code: "/min" }
            subject: { reference: "Patient/pat-000001" }
            encounter: { reference: "urn:uuid:3f0e7c1a-5b2d-4c3e-9a1f-000000000001" }
          }
          request: { method: "POST", url: "Observation" }
        }
        {
          request: { method: "POST", url: "Observation" }
          resource: {
            resourceType: "Observation", status: "final", subject: { reference: "Patient/pat-000001" }
            encounter: { reference: "urn:uuid:3f0e7c1a-5b2d-4c3e-9a1f-000000000001" }
            code: { coding: [{ system: "http://loinc.org", code: "8310-5", display: "Body temperature" }] }
            valueQuantity: { value: 36.8, unit: "Cel", system: "http://unitsofmeasure.org", code: "Cel" }
          }
        }
      ]
    }
  }) {
    type
    entries { status location resource { resourceType resourceId } }
  }
}
`,
    variables: { store: DEMO_FHIR },
  },
  {
    name: 'ExportFhirStore',
    query: `# Exports the FHIR store to Cloud Storage (on the emulator: the EMULATOR_GCS_DIR folder), one
# NDJSON object per resource type. Then run the ExportProgress tab until done is true.
mutation ExportFhirStore($store: String! = "${DEMO_FHIR}") {
  exportFhirResources(store: $store, gcsUriPrefix: "gs://exports/demo-fhir", types: ["Patient", "Observation"]) {
    id name kind done
    progress { success pending percent }
  }
}
`,
    variables: { store: DEMO_FHIR },
  },
  {
    name: 'ExportProgress',
    query: `# Polls the dataset's operations: an export's progress counts resources written. The newest is
# listed last; node(id:) with the id ExportFhirStore returned reads that one operation alone.
query ExportProgress($dataset: String! = "demo") {
  dataset(id: $dataset) {
    operations(first: 100) { nodes { id kind done createTime endTime progress { success pending percent } error { message } } }
  }
}
`,
    variables: { dataset: 'demo' },
  },
];
