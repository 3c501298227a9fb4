/**
 * Fault and operations tests (`npm run test:faults`): each starts the product itself (`npm start`
 * in a fresh data folder), kills processes and restarts them, so they run apart from the main
 * suite, one at a time, without its shared Neo4j.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/faults'],
  testMatch: ['**/*.fault.ts'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|arquero|@uwdata/flechette|acorn)/)'],
  testTimeout: 900000,
  maxWorkers: 1,
  // Keep-alive sockets to products these tests started and stopped can outlive the run by a while.
  forceExit: true,
  modulePathIgnorePatterns: ['<rootDir>/.data', '<rootDir>/client/dist'],
};
