import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/generated/', 'examples/web/src/gql/', 'coverage/', 'bench/results/', 'test/artifacts/', 'vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tests read loosely typed JSON responses.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Access by construction: an Allowed name comes from the access policy's checks, never from a cast.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/access/policy.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: ':matches(TSAsExpression, TSTypeAssertion)[typeAnnotation.typeName.name=/^Allowed/]',
        message: 'Allowed names come from AccessPolicy.checkDataset/checkStore (src/access/policy.ts), not from a cast.',
      }],
    },
  },
);
