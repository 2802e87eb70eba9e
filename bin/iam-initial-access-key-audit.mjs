#!/usr/bin/env node
// The `iam-initial-access-key-audit` command: the same bundle as the action (dist/index.js), run for a
// terminal. The mark tells the bundle not to run the action itself (see src/index.ts).
globalThis[Symbol.for('iam-initial-access-key-audit.cli')] = true;
// The AWS SDK warns on Node < 22 that its releases after January 2027 will need Node 22. The bundle pins
// its SDK version, so that notice is not for the user of this command on a supported Node (20.x, 22.x, 24.x).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { cli } = await import('../dist/index.js');
process.exitCode = await cli(process.argv.slice(2));
