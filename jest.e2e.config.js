/**
 * `npm run test:e2e`: the suites in test/e2e, which need system packages (scripts/e2e-setup.sh
 * installs them) and start real servers. Same transform and module mapping as `npm test`.
 */
import base from './jest.config.js';

export default {
  ...base,
  // The ops suites that need redis-server or docker-compose run here, where setup installs them.
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/ops/redis-cache.test.ts', '<rootDir>/test/ops/compose.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Real servers, real files: loading and rendering take longer than unit tests.
  testTimeout: 120000,
};
