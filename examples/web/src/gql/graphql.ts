/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What happened to a FHIR resource. */
export type FhirChangeAction =
  | 'CREATE'
  | 'DELETE'
  | 'PATCH'
  | 'UPDATE';

/**
 * Filters for `FhirStore.patients`. All given filters must match (AND). Strings match the way FHIR
 * search does: case- and accent-insensitive, at the start of a name part.
 */
export type PatientFilter = {
  /** Whether the patient record is in active use (`Patient.active`). */
  active?: boolean | null | undefined;
  /** Any part of any address (line, city, state, postal code, country): starts with this text. */
  address?: string | null | undefined;
  /** Use of an address: `home`, `work`, `temp`, `old` or `billing`. */
  addressUse?: string | null | undefined;
  /** Born on or after this date. */
  birthDateFrom?: string | null | undefined;
  /** Born on or before this date. */
  birthDateTo?: string | null | undefined;
  /** City of any address; starts with this text, case and accents ignored. */
  city?: string | null | undefined;
  /** Country of any address; starts with this text. */
  country?: string | null | undefined;
  /** Died on or after this date. */
  deathDateFrom?: string | null | undefined;
  /** Died on or before this date. */
  deathDateTo?: string | null | undefined;
  /** Whether the patient has died (a `deceasedBoolean` of true or any `deceasedDateTime`). */
  deceased?: boolean | null | undefined;
  /** An e-mail address (exact, case ignored as FHIR token search does). */
  email?: string | null | undefined;
  /** Family name. */
  family?: string | null | undefined;
  /** `male`, `female`, `other` or `unknown`. */
  gender?: string | null | undefined;
  /** Given name. */
  given?: string | null | undefined;
  /** An identifier value (e.g. an MRN), or `system|value`. */
  identifier?: string | null | undefined;
  /** A language the patient communicates in: a BCP-47 code such as `en`, `es` or `pt-BR`. */
  language?: string | null | undefined;
  /** Any part of any name; several words must all match (e.g. `ann smi`). */
  name?: string | null | undefined;
  /** A phone number, exactly as stored. */
  phone?: string | null | undefined;
  /** Postal code of any address; starts with this text. */
  postalCode?: string | null | undefined;
  /** State or province of any address; starts with this text. */
  state?: string | null | undefined;
};

export type DemoFhirStoresQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoFhirStoresQuery = { datasets: { nodes: Array<{ datasetId: string, fhirStores: { nodes: Array<{ name: string, storeId: string }> } }> } };

export type DemoHl7V2StoresQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoHl7V2StoresQuery = { datasets: { nodes: Array<{ datasetId: string, hl7V2Stores: { nodes: Array<{ name: string, storeId: string }> } }> } };

export type DemoPatientSearchQueryVariables = Exact<{
  store: string;
  filter?: PatientFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DemoPatientSearchQuery = { fhirStore: { patients: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, displayName: string | null, mrn: string | null, gender: string | null, birthDate: string | null, deceased: boolean, addresses: Array<{ city: string | null }> }> } } | null };

export type DemoPatientChartQueryVariables = Exact<{
  id: string | number;
}>;


export type DemoPatientChartQuery = { node:
    | { __typename: 'AllergyIntolerance' }
    | { __typename: 'Condition' }
    | { __typename: 'Dataset' }
    | { __typename: 'DicomStore' }
    | { __typename: 'Encounter' }
    | { __typename: 'FhirResource' }
    | { __typename: 'FhirStore' }
    | { __typename: 'Hl7V2Message' }
    | { __typename: 'Hl7V2Store' }
    | { __typename: 'Immunization' }
    | { __typename: 'Instance' }
    | { __typename: 'MedicationRequest' }
    | { __typename: 'Observation' }
    | { __typename: 'Operation' }
    | { __typename: 'Organization' }
    | { __typename: 'Patient', resourceId: string, displayName: string | null, mrn: string | null, gender: string | null, birthDate: string | null, store: { name: string }, conditions: { nodes: Array<{ id: string, clinicalStatus: string | null, onsetDateTime: string | null, code: { display: string | null } | null }> }, medications: { nodes: Array<{ id: string, status: string | null, authoredOn: string | null, medication: { display: string | null } | null }> }, latestVitals: Array<{ id: string, valueDisplay: string | null, effectiveDateTime: string | null, code: { display: string | null } | null }>, labResults: { nodes: Array<{ id: string, valueDisplay: string | null, effectiveDateTime: string | null, code: { display: string | null } | null }> }, encounters: { nodes: Array<{ id: string, start: string | null, class: { display: string | null, code: string | null } | null, types: Array<{ display: string | null }>, serviceProvider: { name: string | null } | null }> }, imagingStudies: { nodes: Array<{ id: string, studyDate: string | null, description: string | null, viewerUrl: string | null, series: { nodes: Array<{ id: string, seriesNumber: number | null, modality: string | null, description: string | null, numberOfInstances: number | null, instances: { nodes: Array<{ rows: number | null, columns: number | null, renderedUrl: string }> } }> } }> } | null }
    | { __typename: 'Practitioner' }
    | { __typename: 'Series' }
    | { __typename: 'Study' }
   | null };

export type DemoPatientChangedSubscriptionVariables = Exact<{
  store: string;
  patientId: string;
}>;


export type DemoPatientChangedSubscription = { patientChanged: { action: FhirChangeAction, resourceType: string, resourceId: string, resource: { id: string } | null } };

export type DemoChangedObservationQueryVariables = Exact<{
  id: string | number;
}>;


export type DemoChangedObservationQuery = { node:
    | { __typename: 'AllergyIntolerance' }
    | { __typename: 'Condition' }
    | { __typename: 'Dataset' }
    | { __typename: 'DicomStore' }
    | { __typename: 'Encounter' }
    | { __typename: 'FhirResource' }
    | { __typename: 'FhirStore' }
    | { __typename: 'Hl7V2Message' }
    | { __typename: 'Hl7V2Store' }
    | { __typename: 'Immunization' }
    | { __typename: 'Instance' }
    | { __typename: 'MedicationRequest' }
    | { __typename: 'Observation', id: string, valueDisplay: string | null, effectiveDateTime: string | null, categories: Array<{ code: string | null }>, code: { display: string | null } | null }
    | { __typename: 'Operation' }
    | { __typename: 'Organization' }
    | { __typename: 'Patient' }
    | { __typename: 'Practitioner' }
    | { __typename: 'Series' }
    | { __typename: 'Study' }
   | null };

export type DemoHl7V2MessageFieldsFragment = { id: string, messageType: string | null, event: string | null, sendFacility: string | null, sendTime: string | null, createTime: string | null, patientIds: Array<{ value: string, type: string | null }> };

export type DemoHl7V2RecentQueryVariables = Exact<{
  store: string;
}>;


export type DemoHl7V2RecentQuery = { hl7V2Store: { messages: { nodes: Array<{ id: string, messageType: string | null, event: string | null, sendFacility: string | null, sendTime: string | null, createTime: string | null, patientIds: Array<{ value: string, type: string | null }> }> } } | null };

export type DemoHl7V2ReceivedSubscriptionVariables = Exact<{
  store: string;
}>;


export type DemoHl7V2ReceivedSubscription = { hl7V2MessageReceived: { id: string, messageType: string | null, event: string | null, sendFacility: string | null, sendTime: string | null, createTime: string | null, patientIds: Array<{ value: string, type: string | null }> } };

export const DemoHl7V2MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DemoHl7V2MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hl7V2Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageType"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"sendFacility"}},{"kind":"Field","name":{"kind":"Name","value":"sendTime"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"patientIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<DemoHl7V2MessageFieldsFragment, unknown>;
export const DemoFhirStoresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoFhirStores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fhirStores"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoFhirStoresQuery, DemoFhirStoresQueryVariables>;
export const DemoHl7V2StoresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoHl7V2Stores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"hl7V2Stores"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"storeId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoHl7V2StoresQuery, DemoHl7V2StoresQueryVariables>;
export const DemoPatientSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoPatientSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fhirStore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"deceased"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoPatientSearchQuery, DemoPatientSearchQueryVariables>;
export const DemoPatientChartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoPatientChart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Patient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clinicalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"onsetDateTime"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"medications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authoredOn"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"latestVitals"},"name":{"kind":"Name","value":"latestObservations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"codes"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"http://loinc.org|85354-9","block":false},{"kind":"StringValue","value":"http://loinc.org|8867-4","block":false},{"kind":"StringValue","value":"http://loinc.org|9279-1","block":false},{"kind":"StringValue","value":"http://loinc.org|8310-5","block":false},{"kind":"StringValue","value":"http://loinc.org|2708-6","block":false},{"kind":"StringValue","value":"http://loinc.org|29463-7","block":false},{"kind":"StringValue","value":"http://loinc.org|8302-2","block":false},{"kind":"StringValue","value":"http://loinc.org|39156-5","block":false}]}},{"kind":"Argument","name":{"kind":"Name","value":"max"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueDisplay"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDateTime"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"labResults"},"name":{"kind":"Name","value":"observations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"StringValue","value":"laboratory","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueDisplay"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDateTime"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"encounters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"class"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"types"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"serviceProvider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imagingStudies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studyDate"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerUrl"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seriesNumber"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfInstances"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"renderedUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"JPEG"}}]}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoPatientChartQuery, DemoPatientChartQueryVariables>;
export const DemoPatientChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoPatientChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patientChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"store"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}},{"kind":"Argument","name":{"kind":"Name","value":"patientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DemoPatientChangedSubscription, DemoPatientChangedSubscriptionVariables>;
export const DemoChangedObservationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoChangedObservation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Observation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"code"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueDisplay"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDateTime"}}]}}]}}]}}]} as unknown as DocumentNode<DemoChangedObservationQuery, DemoChangedObservationQueryVariables>;
export const DemoHl7V2RecentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoHl7V2Recent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hl7V2Store"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DemoHl7V2MessageFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DemoHl7V2MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hl7V2Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageType"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"sendFacility"}},{"kind":"Field","name":{"kind":"Name","value":"sendTime"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"patientIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<DemoHl7V2RecentQuery, DemoHl7V2RecentQueryVariables>;
export const DemoHl7V2ReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoHl7V2Received"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hl7V2MessageReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"store"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DemoHl7V2MessageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DemoHl7V2MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Hl7V2Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"messageType"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"sendFacility"}},{"kind":"Field","name":{"kind":"Name","value":"sendTime"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"patientIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<DemoHl7V2ReceivedSubscription, DemoHl7V2ReceivedSubscriptionVariables>;