/**
 * The action's threads (docs/design.md §7). The bundle (dist/index.js) is also the code of its threads:
 * a thread is the same file started with `workerData.role`, so nothing outside the one bundle is needed.
 *
 * - The run thread: the action's whole run, started by the process's main thread with V8's young
 *   generation bounded (`resourceLimits`). A runner starts node itself (`runs.using: node24`: no flags),
 *   and under Node 24 the young generation grows to tens of MB while SDK answers and report rows are
 *   allocated: the bound holds the peak RSS down at no cost in time. The main thread only forwards
 *   SIGTERM/SIGINT (a cancelled workflow: the run writes its summary) and passes on the exit code.
 * - Account threads: a live audit of many accounts spreads them over the runner's cores
 *   (audit/threads.ts), each thread with the same bound.
 *
 * Kept free of heavy imports: the main thread loads only this and the entry.
 */
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { SHARE_ENV, Worker, type MessagePort } from 'node:worker_threads';
import type { StopSources } from './run.js';
import { inputLines } from './inputs/lines.js';

export const RUN_ROLE = 'iam-audit-run';
export const ACCOUNTS_ROLE = 'iam-audit-accounts';

/**
 * V8's young generation per thread, in MB. Node 24 lets it grow to 64 MB a thread; bounded like this, a
 * 256-account run holds its RSS about flat at no measurable cost in CPU time (npm run bench).
 */
export const YOUNG_GENERATION_MB = 16;

/**
 * How far V8 lets the old generation grow past what its last full collection kept before it collects
 * again, in percent, in a live audit. V8 picks 10 to 300 % from its own speed measurements, and in a run
 * of many accounts it picks high: SDK answers outlive a young collection while their calls are in flight,
 * and the old generation filled with them to 45 MB at 64 accounts with 16 MB live. At 50 % the peak RSS
 * there fell by about 25 MB for about 5 % more CPU (npm run bench). Not offline: there the live heap is
 * large (the findings of many reports) and grows, and a fixed 50 % costs many more full collections.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Bounds the old generation's growth for every thread of the process (V8's flags are the process's; a
 * runner starts node without flags, so this is the only way to set it). V8 reads it at each full
 * collection, so every thread follows it from its next one.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

let entry: URL | null = null;

/** Where the bundle is, so that threads can be started from it; set by the entry (src/index.ts) only. */
export function setThreadEntry(url: URL): void {
  entry = url;
}

/** The bundle's URL when threads can be started (the built action and CLI); null in tests of src/. */
export function threadEntry(): URL | null {
  return entry;
}

/**
 * Credential reports, in bytes, that an offline run audits on the main thread (about 25,000 users, five
 * accounts' worth at IAM's limit). At this size the run thread's start (about 0.1 s of CPU and 18 MB: an
 * isolate, Node's bootstrap, the bundle compiled again) is a quarter of the run, and the run allocates
 * too little for the young generation's bound to matter (npm run bench: the single 5,000-user report).
 */
export const MAIN_THREAD_REPORT_BYTES = 6 * 1024 * 1024;

/**
 * Whether the action runs on the main thread instead of the run thread: an offline audit whose
 * `credential-report` lines are all files as given, together at most MAIN_THREAD_REPORT_BYTES. A glob, a
 * directory, a path that is not there, or `iac` given too: the run thread, which decides everything else
 * (and reports any mistake) exactly as for every other run. Only the thread differs, never the outcome.
 */
export function runsOnMainThread(
  env: NodeJS.ProcessEnv = process.env,
  size: (path: string) => number | null = fileSize,
): boolean {
  const reports = given(env, 'credential-report');
  if (reports.length === 0 || given(env, 'iac').length > 0) return false;
  let total = 0;
  for (const path of reports) {
    const bytes = size(path);
    if (bytes === null) return false;
    total += bytes;
    if (total > MAIN_THREAD_REPORT_BYTES) return false;
  }
  return true;
}

/** Whether the step is a live audit (neither `credential-report` nor `iac` given): it reads AWS. */
export function isLiveRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return given(env, 'credential-report').length === 0 && given(env, 'iac').length === 0;
}

/** An input's non-blank lines, as the runner passes it (the run's own parser decides what they mean). */
function given(env: NodeJS.ProcessEnv, name: string): string[] {
  return inputLines(env[`INPUT_${name.toUpperCase()}`] ?? '');
}

/** A regular file's size; null for anything else (a directory, a missing path). */
function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** Runs the action on the run thread; resolves with the exit code to leave. */
export function runOnThread(url: URL, proc: NodeJS.Process = process): Promise<number> {
  const worker = new Worker(url, {
    workerData: { role: RUN_ROLE },
    env: SHARE_ENV,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const forward = (signal: NodeJS.Signals): void => worker.postMessage({ signal });
  proc.on('SIGTERM', forward);
  proc.on('SIGINT', forward);
  let failure: unknown = null;
  worker.on('error', (err) => (failure = err));
  return new Promise((resolve) => {
    worker.on('exit', (code) => {
      proc.off('SIGTERM', forward);
      proc.off('SIGINT', forward);
      if (failure !== null) {
        // As node itself reports an uncaught error: the step fails with it.
        console.error(failure);
        resolve(code === 0 ? 1 : code);
      } else resolve(code);
    });
  });
}

/** The run thread's stop sources: the signals its main thread forwards, and a real timer. */
export function parentStops(port: MessagePort): StopSources {
  const listeners = new Map<string, Set<(signal: NodeJS.Signals) => void>>();
  port.on('message', (m: { signal?: NodeJS.Signals }) => {
    if (!m.signal) return;
    for (const l of [...(listeners.get(m.signal) ?? [])]) {
      listeners.get(m.signal)?.delete(l);
      l(m.signal);
    }
  });
  // Waiting for a signal must not keep the thread alive once the run is over.
  port.unref();
  return {
    signals: {
      once(signal, listener) {
        let set = listeners.get(signal);
        if (!set) listeners.set(signal, (set = new Set()));
        set.add(listener);
      },
      off(signal, listener) {
        listeners.get(signal)?.delete(listener);
      },
    },
    timer(ms, fire) {
      const timer = setTimeout(fire, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
