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

/** One page of patients; `after` is the previous page's `endCursor` ("load more"). */
export const PatientSearchQuery = graphql(`
  query DemoPatientSearch($store: String!, $name: String, $first: Int!, $after: String) {
    fhirStore(name: $store) {
      patients(filter: { name: $name }, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName mrn gender birthDate }
      }
    }
  }
`);

/**
 * Everything the chart view shows, in one request: the graph fans out to FHIR and DICOM. The
 * patient's global id names its store too, so a chart link needs nothing else.
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
        observations(first: 10) { nodes { id code { display } valueDisplay effectiveDateTime } }
        encounters(first: 5) {
          nodes { id class { display code } types { display } start serviceProvider { name } }
        }
        imagingStudies(first: 5) {
          nodes {
            id
            studyDate
            description
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
