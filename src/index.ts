/**
 * The bundle's entry (dist/index.js). The Actions runner executes it, and then it runs the action. The
 * terminal command (bin/iam-initial-access-key-audit.mjs) imports the same bundle for `cli`, and marks
 * itself first so the action does not run: without that mark the action always runs, so nothing can
 * make the action's step skip its audit and pass.
 */
import { run } from './main.js';

export { main as cli } from './cli.js';

export const CLI_MARK = Symbol.for('iam-initial-access-key-audit.cli');

if (!(globalThis as Record<symbol, unknown>)[CLI_MARK]) await run();
