/**
 * Jest: TypeScript through ts-jest, in two projects (tests/support/test-kinds.js decides which
 * test is which):
 *  - unit: tests that need nothing outside the process; no database is started
 *    (`npm run test:unit`, under a minute);
 *  - integration: tests against one real Neo4j, started once for the run by the global set-up
 *    (tests/support); it starts only when a selected test needs it. Pure tests too slow for the
 *    unit run (tagged `@slow`: a whole generated borough) run here too.
 * `npm test` runs both.
 */
const { testKinds } = require('./tests/support/test-kinds');

const kinds = testKinds();
const escape = (file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const onlyFiles = (files) => ({ testRegex: files.length ? files.map((f) => `^${escape(f)}$`) : ['^$'] });

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/fixtures', '<rootDir>/scripts', '<rootDir>/tests', '<rootDir>/client'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|arquero|@uwdata/flechette|acorn|auto-bind)/)'],
  modulePathIgnorePatterns: ['<rootDir>/.data', '<rootDir>/client/dist'],
};

module.exports = {
  testTimeout: 120000,
  // One Neo4j, shared: test files run one after another and each isolates its data.
  maxWorkers: 1,
  projects: [
    { ...shared, displayName: 'unit', ...onlyFiles(kinds.unit) },
    {
      ...shared,
      displayName: 'integration',
      ...onlyFiles(kinds.integration),
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
