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
