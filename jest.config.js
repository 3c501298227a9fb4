/** Jest: TypeScript through ts-jest; one real Neo4j started once for the whole run (tests/support). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/fixtures', '<rootDir>/scripts', '<rootDir>/tests', '<rootDir>/client'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|arquero|@uwdata/flechette|acorn|auto-bind)/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 120000,
  // One Neo4j, shared: test files run one after another and each isolates its data.
  maxWorkers: 1,
  modulePathIgnorePatterns: ['<rootDir>/.data', '<rootDir>/client/dist'],
};
