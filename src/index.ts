/**
 * The bundle's entry (dist/index.js). The Actions runner executes it, and then it runs the action on the
 * run thread (threads.ts: the same file, started with V8's young generation bounded), or, for an offline
 * audit of a few small reports, on this thread (threads.ts runsOnMainThread). The terminal
 * command (bin/iam-initial-access-key-audit.mjs) imports the same bundle for `cli`, and marks itself
 * first so the action does not run: without that mark the action always runs, so nothing can make the
 * action's step skip its audit and pass. A thread started from the bundle is told its role by its
 * `workerData`. The rest of the bundle is loaded by the thread that needs it, not here.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  ACCOUNTS_ROLE,
  RUN_ROLE,
  boundHeapGrowth,
  isLiveRun,
  parentStops,
  runOnThread,
  runsOnMainThread,
  setThreadEntry,
} from './threads.js';
import type { StopSources } from './run.js';

const ENTRY = new URL(import.meta.url);

/** The terminal command (src/cli.ts); exit code as it returns it. */
export async function cli(...args: Parameters<typeof import('./cli.js').main>): Promise<number> {
  setThreadEntry(ENTRY);
  const { main } = await import('./cli.js');
  return main(...args);
}

export const CLI_MARK = Symbol.for('iam-initial-access-key-audit.cli');

/** Runs the action on this thread; `stops`: the run thread's, forwarded by the main thread. */
async function runHere(stops?: StopSources): Promise<void> {
  setThreadEntry(ENTRY);
  const { run } = await import('./main.js');
  await run(stops ? { stops } : {});
}

const role = isMainThread ? null : (workerData as { role?: string } | null)?.role;
if (role === RUN_ROLE) {
  await runHere(parentStops(parentPort as MessagePort));
} else if (role === ACCOUNTS_ROLE) {
  setThreadEntry(ENTRY);
  const { serveAccountThread } = await import('./audit/threads.js');
  await serveAccountThread(parentPort as MessagePort, (workerData as { task: never }).task);
} else if (isMainThread && !(globalThis as Record<symbol, unknown>)[CLI_MARK]) {
  if (runsOnMainThread()) {
    // A few small reports offline: the run thread's start would cost more than its bound saves.
    await runHere();
  } else {
    if (isLiveRun()) boundHeapGrowth();
    process.exitCode = await runOnThread(ENTRY);
  }
}
