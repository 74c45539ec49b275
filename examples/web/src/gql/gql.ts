/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DemoFhirStores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        fhirStores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n": typeof types.DemoFhirStoresDocument,
    "\n  query DemoHl7V2Stores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        hl7V2Stores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n": typeof types.DemoHl7V2StoresDocument,
    "\n  query DemoPatientSearch($store: String!, $filter: PatientFilter, $first: Int!, $after: String) {\n    fhirStore(name: $store) {\n      patients(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName mrn gender birthDate deceased addresses { city } }\n      }\n    }\n  }\n": typeof types.DemoPatientSearchDocument,
    "\n  query DemoPatientChart($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Patient {\n        resourceId\n        store { name }\n        displayName\n        mrn\n        gender\n        birthDate\n        conditions(first: 10) { nodes { id code { display } clinicalStatus onsetDateTime } }\n        medications(first: 10) { nodes { id medication { display } status authoredOn } }\n        latestVitals: latestObservations(\n          codes: [\n            \"http://loinc.org|85354-9\", \"http://loinc.org|8867-4\", \"http://loinc.org|9279-1\", \"http://loinc.org|8310-5\",\n            \"http://loinc.org|2708-6\", \"http://loinc.org|29463-7\", \"http://loinc.org|8302-2\", \"http://loinc.org|39156-5\"\n          ]\n          max: 1\n        ) { id code { display } valueDisplay effectiveDateTime }\n        labResults: observations(first: 10, category: \"laboratory\") {\n          nodes { id code { display } valueDisplay effectiveDateTime }\n        }\n        encounters(first: 5) {\n          nodes { id class { display code } types { display } start serviceProvider { name } }\n        }\n        imagingStudies(first: 5) {\n          nodes {\n            id\n            studyDate\n            description\n            viewerUrl\n            series(first: 6) {\n              nodes {\n                id\n                seriesNumber\n                modality\n                description\n                numberOfInstances\n                instances(first: 1) { nodes { rows columns renderedUrl(format: JPEG) } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DemoPatientChartDocument,
    "\n  subscription DemoPatientChanged($store: String!, $patientId: String!) {\n    patientChanged(store: $store, patientId: $patientId) {\n      action\n      resourceType\n      resourceId\n      resource { id }\n    }\n  }\n": typeof types.DemoPatientChangedDocument,
    "\n  query DemoChangedObservation($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Observation { id categories { code } code { display } valueDisplay effectiveDateTime }\n    }\n  }\n": typeof types.DemoChangedObservationDocument,
    "\n  fragment DemoHl7V2MessageFields on Hl7V2Message {\n    id\n    messageType\n    event\n    sendFacility\n    sendTime\n    createTime\n    patientIds { value type }\n  }\n": typeof types.DemoHl7V2MessageFieldsFragmentDoc,
    "\n  query DemoHl7V2Recent($store: String!) {\n    hl7V2Store(name: $store) {\n      messages(first: 20) { nodes { ...DemoHl7V2MessageFields } }\n    }\n  }\n": typeof types.DemoHl7V2RecentDocument,
    "\n  subscription DemoHl7V2Received($store: String!) {\n    hl7V2MessageReceived(store: $store) { ...DemoHl7V2MessageFields }\n  }\n": typeof types.DemoHl7V2ReceivedDocument,
};
const documents: Documents = {
    "\n  query DemoFhirStores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        fhirStores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n": types.DemoFhirStoresDocument,
    "\n  query DemoHl7V2Stores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        hl7V2Stores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n": types.DemoHl7V2StoresDocument,
    "\n  query DemoPatientSearch($store: String!, $filter: PatientFilter, $first: Int!, $after: String) {\n    fhirStore(name: $store) {\n      patients(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName mrn gender birthDate deceased addresses { city } }\n      }\n    }\n  }\n": types.DemoPatientSearchDocument,
    "\n  query DemoPatientChart($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Patient {\n        resourceId\n        store { name }\n        displayName\n        mrn\n        gender\n        birthDate\n        conditions(first: 10) { nodes { id code { display } clinicalStatus onsetDateTime } }\n        medications(first: 10) { nodes { id medication { display } status authoredOn } }\n        latestVitals: latestObservations(\n          codes: [\n            \"http://loinc.org|85354-9\", \"http://loinc.org|8867-4\", \"http://loinc.org|9279-1\", \"http://loinc.org|8310-5\",\n            \"http://loinc.org|2708-6\", \"http://loinc.org|29463-7\", \"http://loinc.org|8302-2\", \"http://loinc.org|39156-5\"\n          ]\n          max: 1\n        ) { id code { display } valueDisplay effectiveDateTime }\n        labResults: observations(first: 10, category: \"laboratory\") {\n          nodes { id code { display } valueDisplay effectiveDateTime }\n        }\n        encounters(first: 5) {\n          nodes { id class { display code } types { display } start serviceProvider { name } }\n        }\n        imagingStudies(first: 5) {\n          nodes {\n            id\n            studyDate\n            description\n            viewerUrl\n            series(first: 6) {\n              nodes {\n                id\n                seriesNumber\n                modality\n                description\n                numberOfInstances\n                instances(first: 1) { nodes { rows columns renderedUrl(format: JPEG) } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DemoPatientChartDocument,
    "\n  subscription DemoPatientChanged($store: String!, $patientId: String!) {\n    patientChanged(store: $store, patientId: $patientId) {\n      action\n      resourceType\n      resourceId\n      resource { id }\n    }\n  }\n": types.DemoPatientChangedDocument,
    "\n  query DemoChangedObservation($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Observation { id categories { code } code { display } valueDisplay effectiveDateTime }\n    }\n  }\n": types.DemoChangedObservationDocument,
    "\n  fragment DemoHl7V2MessageFields on Hl7V2Message {\n    id\n    messageType\n    event\n    sendFacility\n    sendTime\n    createTime\n    patientIds { value type }\n  }\n": types.DemoHl7V2MessageFieldsFragmentDoc,
    "\n  query DemoHl7V2Recent($store: String!) {\n    hl7V2Store(name: $store) {\n      messages(first: 20) { nodes { ...DemoHl7V2MessageFields } }\n    }\n  }\n": types.DemoHl7V2RecentDocument,
    "\n  subscription DemoHl7V2Received($store: String!) {\n    hl7V2MessageReceived(store: $store) { ...DemoHl7V2MessageFields }\n  }\n": types.DemoHl7V2ReceivedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoFhirStores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        fhirStores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoFhirStores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        fhirStores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoHl7V2Stores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        hl7V2Stores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoHl7V2Stores {\n    datasets(first: 100) {\n      nodes {\n        datasetId\n        hl7V2Stores(first: 100) {\n          nodes { name storeId }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoPatientSearch($store: String!, $filter: PatientFilter, $first: Int!, $after: String) {\n    fhirStore(name: $store) {\n      patients(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName mrn gender birthDate deceased addresses { city } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoPatientSearch($store: String!, $filter: PatientFilter, $first: Int!, $after: String) {\n    fhirStore(name: $store) {\n      patients(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName mrn gender birthDate deceased addresses { city } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoPatientChart($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Patient {\n        resourceId\n        store { name }\n        displayName\n        mrn\n        gender\n        birthDate\n        conditions(first: 10) { nodes { id code { display } clinicalStatus onsetDateTime } }\n        medications(first: 10) { nodes { id medication { display } status authoredOn } }\n        latestVitals: latestObservations(\n          codes: [\n            \"http://loinc.org|85354-9\", \"http://loinc.org|8867-4\", \"http://loinc.org|9279-1\", \"http://loinc.org|8310-5\",\n            \"http://loinc.org|2708-6\", \"http://loinc.org|29463-7\", \"http://loinc.org|8302-2\", \"http://loinc.org|39156-5\"\n          ]\n          max: 1\n        ) { id code { display } valueDisplay effectiveDateTime }\n        labResults: observations(first: 10, category: \"laboratory\") {\n          nodes { id code { display } valueDisplay effectiveDateTime }\n        }\n        encounters(first: 5) {\n          nodes { id class { display code } types { display } start serviceProvider { name } }\n        }\n        imagingStudies(first: 5) {\n          nodes {\n            id\n            studyDate\n            description\n            viewerUrl\n            series(first: 6) {\n              nodes {\n                id\n                seriesNumber\n                modality\n                description\n                numberOfInstances\n                instances(first: 1) { nodes { rows columns renderedUrl(format: JPEG) } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoPatientChart($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Patient {\n        resourceId\n        store { name }\n        displayName\n        mrn\n        gender\n        birthDate\n        conditions(first: 10) { nodes { id code { display } clinicalStatus onsetDateTime } }\n        medications(first: 10) { nodes { id medication { display } status authoredOn } }\n        latestVitals: latestObservations(\n          codes: [\n            \"http://loinc.org|85354-9\", \"http://loinc.org|8867-4\", \"http://loinc.org|9279-1\", \"http://loinc.org|8310-5\",\n            \"http://loinc.org|2708-6\", \"http://loinc.org|29463-7\", \"http://loinc.org|8302-2\", \"http://loinc.org|39156-5\"\n          ]\n          max: 1\n        ) { id code { display } valueDisplay effectiveDateTime }\n        labResults: observations(first: 10, category: \"laboratory\") {\n          nodes { id code { display } valueDisplay effectiveDateTime }\n        }\n        encounters(first: 5) {\n          nodes { id class { display code } types { display } start serviceProvider { name } }\n        }\n        imagingStudies(first: 5) {\n          nodes {\n            id\n            studyDate\n            description\n            viewerUrl\n            series(first: 6) {\n              nodes {\n                id\n                seriesNumber\n                modality\n                description\n                numberOfInstances\n                instances(first: 1) { nodes { rows columns renderedUrl(format: JPEG) } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DemoPatientChanged($store: String!, $patientId: String!) {\n    patientChanged(store: $store, patientId: $patientId) {\n      action\n      resourceType\n      resourceId\n      resource { id }\n    }\n  }\n"): (typeof documents)["\n  subscription DemoPatientChanged($store: String!, $patientId: String!) {\n    patientChanged(store: $store, patientId: $patientId) {\n      action\n      resourceType\n      resourceId\n      resource { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoChangedObservation($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Observation { id categories { code } code { display } valueDisplay effectiveDateTime }\n    }\n  }\n"): (typeof documents)["\n  query DemoChangedObservation($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Observation { id categories { code } code { display } valueDisplay effectiveDateTime }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DemoHl7V2MessageFields on Hl7V2Message {\n    id\n    messageType\n    event\n    sendFacility\n    sendTime\n    createTime\n    patientIds { value type }\n  }\n"): (typeof documents)["\n  fragment DemoHl7V2MessageFields on Hl7V2Message {\n    id\n    messageType\n    event\n    sendFacility\n    sendTime\n    createTime\n    patientIds { value type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoHl7V2Recent($store: String!) {\n    hl7V2Store(name: $store) {\n      messages(first: 20) { nodes { ...DemoHl7V2MessageFields } }\n    }\n  }\n"): (typeof documents)["\n  query DemoHl7V2Recent($store: String!) {\n    hl7V2Store(name: $store) {\n      messages(first: 20) { nodes { ...DemoHl7V2MessageFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DemoHl7V2Received($store: String!) {\n    hl7V2MessageReceived(store: $store) { ...DemoHl7V2MessageFields }\n  }\n"): (typeof documents)["\n  subscription DemoHl7V2Received($store: String!) {\n    hl7V2MessageReceived(store: $store) { ...DemoHl7V2MessageFields }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;