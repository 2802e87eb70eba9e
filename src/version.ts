/** Reported as the SARIF tool version; __tests__/unit/version.test.ts keeps it equal to package.json's. */
export const VERSION = '1.0.0';
