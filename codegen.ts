import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates resolver signatures from the SDL so that every resolver is type-checked against the schema.
 * Parent types are our own models (what the upstream returns), not the GraphQL output types.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        contextType: '../graphql/context.js#RequestContext',
        mappers: {
          Location: '../graphql/models.js#LocationModel',
          Dataset: '../graphql/models.js#DatasetModel',
          FhirStore: '../graphql/models.js#FhirStoreModel',
          DicomStore: '../graphql/models.js#DicomStoreModel',
          FhirResource: '../graphql/models.js#FhirResourceModel',
          Patient: '../graphql/models.js#FhirResourceModel',
          Practitioner: '../graphql/models.js#FhirResourceModel',
          Organization: '../graphql/models.js#FhirResourceModel',
          Observation: '../graphql/models.js#FhirResourceModel',
          Condition: '../graphql/models.js#FhirResourceModel',
          Encounter: '../graphql/models.js#FhirResourceModel',
          MedicationRequest: '../graphql/models.js#FhirResourceModel',
          AllergyIntolerance: '../graphql/models.js#FhirResourceModel',
          Immunization: '../graphql/models.js#FhirResourceModel',
          Study: '../graphql/models.js#StudyModel',
          Series: '../graphql/models.js#SeriesModel',
          Instance: '../graphql/models.js#InstanceModel',
          Hl7V2Store: '../graphql/models.js#Hl7V2StoreModel',
          Hl7V2Message: '../graphql/models.js#Hl7V2MessageModel',
          Hl7V2Segment: '../graphql/models.js#Hl7V2SegmentModel',
          IngestHl7V2MessagePayload: '../graphql/models.js#IngestHl7V2MessagePayloadModel',
          Operation: '../graphql/models.js#OperationModel',
          FhirResourceChange: '../graphql/models.js#FhirResourceChangeModel',
        },
        scalars: { JSON: 'unknown', Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
