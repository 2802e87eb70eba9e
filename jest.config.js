/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true } }],
  },
  // integration suites start moto_server and local HTTP servers
  testTimeout: 60000,
  maxWorkers: 2,
  // coverage of src/ through __tests__/unit and __tests__/integration (__tests__/e2e runs dist/); the
  // thresholds sit just under what the whole suite reaches, so coverage can only go up (run a part of the
  // suite with --coverage=false)
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { statements: 94, branches: 85.9, functions: 94.9, lines: 95.7 } },
};
