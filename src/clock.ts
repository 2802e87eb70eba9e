/**
 * The time a run reads and waits on: `now` and `sleep`, injected into every stage that waits (the report
 * poll, the scheduler, credential refreshes), so tests move a fake clock instead of sleeping.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or at once when `signal` aborts (its timer then cleared, so the run can end). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock's wait (the shells' `sleep`): resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The real clock: the system time and real timers. */
export const SYSTEM_CLOCK: Clock = { now: () => new Date(), sleep };
