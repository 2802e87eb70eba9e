/** Reported as the SARIF tool version; a test keeps it equal to package.json's version. */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'iam-initial-access-key-audit';
