import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the demo app (graphql-codegen's client preset): each `graphql(`…`)` call in
 * src gets its result and variable types from the schema. Run from the repository root
 * (`npm run codegen:web`); the output is committed, and `npm run codegen:web:check` fails when it
 * is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['examples/web/src/**/*.ts', '!examples/web/src/gql/**'],
  generates: {
    'examples/web/src/gql/': {
      preset: 'client',
      // Small app, one document per view: fragment masking would add ceremony, not safety.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
