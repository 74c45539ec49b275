/** Jest runs the TypeScript sources as native ESM, compiled by SWC (types are checked by `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  // Sources import siblings as `./x.js` (nodenext); point those at the `.ts` files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Suites that need system packages run in `npm run test:e2e` (jest.e2e.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/ops/redis-cache.test.ts', '<rootDir>/test/ops/compose.test.ts'],
  // The prepared OHIF build (npm run viewer:prepare): 200 MB of bundles no test imports.
  modulePathIgnorePatterns: ['<rootDir>/vendor/'],
  testTimeout: 30000,
};
