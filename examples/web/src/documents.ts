import { graphql } from './gql';

/** The FHIR stores the caller can see: the app searches the one picked in the store list. */
export const FhirStoresQuery = graphql(`
  query DemoFhirStores {
    datasets(first: 100) {
      nodes {
        datasetId
        fhirStores(first: 100) {
          nodes { name storeId }
        }
      }
    }
  }
`);

/** The HL7v2 stores the caller can see: the feed page follows the first (the demo's `hl7v2`). */
export const Hl7V2StoresQuery = graphql(`
  query DemoHl7V2Stores {
    datasets(first: 100) {
      nodes {
        datasetId
        hl7V2Stores(first: 100) {
          nodes { name storeId }
        }
      }
    }
  }
`);

/**
 * One page of the patients the form's filters match; `after` is the previous page's `endCursor`
 * ("load more").
 */
export const PatientSearchQuery = graphql(`
  query DemoPatientSearch($store: String!, $filter: PatientFilter, $first: Int!, $after: String) {
    fhirStore(name: $store) {
      patients(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName mrn gender birthDate deceased addresses { city } }
      }
    }
  }
`);

/**
 * Everything the chart view shows, in one request: the graph fans out to FHIR and DICOM. The
 * patient's global id names its store too, so a chart link needs nothing else. The latest vitals
 * are the newest value of each vital sign the demo cohort records (LOINC codes, in the card's
 * order).
 */
export const PatientChartQuery = graphql(`
  query DemoPatientChart($id: ID!) {
    node(id: $id) {
      __typename
      ... on Patient {
        resourceId
        store { name }
        displayName
        mrn
        gender
        birthDate
        conditions(first: 10) { nodes { id code { display } clinicalStatus onsetDateTime } }
        medications(first: 10) { nodes { id medication { display } status authoredOn } }
        latestVitals: latestObservations(
          codes: [
            "http://loinc.org|85354-9", "http://loinc.org|8867-4", "http://loinc.org|9279-1", "http://loinc.org|8310-5",
            "http://loinc.org|2708-6", "http://loinc.org|29463-7", "http://loinc.org|8302-2", "http://loinc.org|39156-5"
          ]
          max: 1
        ) { id code { display } valueDisplay effectiveDateTime }
        labResults: observations(first: 10, category: "laboratory") {
          nodes { id code { display } valueDisplay effectiveDateTime }
        }
        encounters(first: 5) {
          nodes { id class { display code } types { display } start serviceProvider { name } }
        }
        imagingStudies(first: 5) {
          nodes {
            id
            studyDate
            description
            viewerUrl
            series(first: 6) {
              nodes {
                id
                seriesNumber
                modality
                description
                numberOfInstances
                instances(first: 1) { nodes { rows columns renderedUrl(format: JPEG) } }
              }
            }
          }
        }
      }
    }
  }
`);

/**
 * Changes to the open chart's patient and their compartment (the graph reads each one again before
 * it sends it). The chart reads an observation in full with `ChangedObservationQuery`; any other
 * change makes it read the chart again.
 */
export const PatientChangedSubscription = graphql(`
  subscription DemoPatientChanged($store: String!, $patientId: String!) {
    patientChanged(store: $store, patientId: $patientId) {
      action
      resourceType
      resourceId
      resource { id }
    }
  }
`);

/** One observation as the chart's tables show it, and which table it belongs in (its category). */
export const ChangedObservationQuery = graphql(`
  query DemoChangedObservation($id: ID!) {
    node(id: $id) {
      __typename
      ... on Observation { id categories { code } code { display } valueDisplay effectiveDateTime }
    }
  }
`);

/** The fields of a message that the feed page shows, for its first page and for each new message. */
export const Hl7V2MessageFields = graphql(`
  fragment DemoHl7V2MessageFields on Hl7V2Message {
    id
    messageType
    event
    sendFacility
    sendTime
    createTime
    patientIds { value type }
  }
`);

/** The newest messages of an HL7v2 store, shown before the live ones arrive. */
export const Hl7V2RecentQuery = graphql(`
  query DemoHl7V2Recent($store: String!) {
    hl7V2Store(name: $store) {
      messages(first: 20) { nodes { ...DemoHl7V2MessageFields } }
    }
  }
`);

/** Each message created or ingested in the store from now on. */
export const Hl7V2ReceivedSubscription = graphql(`
  subscription DemoHl7V2Received($store: String!) {
    hl7V2MessageReceived(store: $store) { ...DemoHl7V2MessageFields }
  }
`);
