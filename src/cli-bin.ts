#!/usr/bin/env node
/** The `iam-initial-access-key-audit` command (bundled to dist/cli/index.js). */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
