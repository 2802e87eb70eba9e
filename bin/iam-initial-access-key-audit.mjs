#!/usr/bin/env node
// The `iam-initial-access-key-audit` command: the same bundle as the action (dist/index.js), run for a
// terminal. The mark tells the bundle not to run the action itself (see src/index.ts).
globalThis[Symbol.for('iam-initial-access-key-audit.cli')] = true;
const { cli } = await import('../dist/index.js');
process.exitCode = await cli(process.argv.slice(2));
