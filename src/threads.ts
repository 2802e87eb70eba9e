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
import { SHARE_ENV, Worker, type MessagePort } from 'node:worker_threads';
import type { StopSources } from './run.js';

export const RUN_ROLE = 'iam-audit-run';
export const ACCOUNTS_ROLE = 'iam-audit-accounts';

/**
 * V8's young generation per thread, in MB. Node 24 lets it grow to 64 MB a thread; bounded like this, a
 * 256-account run holds its RSS about flat at no measurable cost in CPU time (npm run bench).
 */
export const YOUNG_GENERATION_MB = 16;

let entry: URL | null = null;

/** Where the bundle is, so that threads can be started from it; set by the entry (src/index.ts) only. */
export function setThreadEntry(url: URL): void {
  entry = url;
}

/** The bundle's URL when threads can be started (the built action and CLI); null in tests of src/. */
export function threadEntry(): URL | null {
  return entry;
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
