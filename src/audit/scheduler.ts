/**
 * Organization-scale scheduling of the live audit (docs/design.md §7): report generation is AWS's work, so every
 * target account's report is started early and the organization waits for generation about once, not
 * once per round of `concurrency` accounts.
 *
 * - Start: `startAccount(id)` (AssumeRole + the account's first `GenerateCredentialReport`) for every
 *   account, `startLimit` at a time (cheap calls; a wider limit than `concurrency`).
 * - Poll: accounts whose report is still generating are polled when their own poll budget says (the
 *   `retryInMs` of their last answer), the ones started first first, at most `startLimit` polls at once.
 * - Audit: `auditReady(handle, release)` (fetch, parse, enrich) for accounts whose report is ready,
 *   `concurrency` at a time, in the order they were started: parsing and enrichment stay bounded by
 *   `concurrency`. An audit whose only work left is paced (CloudTrail's lookups, 2 a second per account)
 *   calls `release()`: its slot goes to the next ready account while it finishes, while fewer than
 *   `pacedLimit` released accounts are finishing. The waits of many accounts overlap instead of adding up.
 *
 * Pure orchestration over injected functions (no AWS, no timers of its own: `sleep` and `now` are
 * injected). One broken account never hides the others: a start, poll or audit that rejects becomes
 * `failed(accountId, error)` for that account alone. Results come back in the order of `accountIds`.
 */
import type { Clock } from '../clock.js';

/** An answer about an account's report: ready, or ask again in `retryInMs` (from its own poll budget). */
export type ReportAnswer = { ready: true } | { ready: false; retryInMs: number };

export interface ScheduledAccount<H> {
  handle: H;
  /** The answer of the first `GenerateCredentialReport`. */
  answer: ReportAnswer;
}

export interface SchedulerDeps<H, R> {
  /** AssumeRole + the first `GenerateCredentialReport` (the call budget's own first call, not an extra). */
  startAccount(accountId: string): Promise<ScheduledAccount<H>>;
  /** One more `GenerateCredentialReport`; rejects when the account's poll budget is spent. */
  poll(handle: H): Promise<ReportAnswer>;
  /**
   * Fetches, parses and enriches an account whose report is ready. `release()`: the rest of the audit
   * only waits on a pace of its own (it no longer needs its `concurrency` slot); calling it more than
   * once, or not at all, is fine.
   */
  auditReady(handle: H, release: () => void): Promise<R>;
  /** The result of an account whose start, poll or audit failed. */
  failed(accountId: string, error: unknown): R;
  /** Epoch milliseconds (the clock's `now`, as a number: the scheduler only compares and adds times). */
  now(): number;
  sleep: Clock['sleep'];
}

export interface SchedulerOptions {
  /** Accounts fetched, parsed and enriched at once (the `concurrency` input). */
  concurrency: number;
  /** Reports started (and polled) at once; default 32. */
  startLimit?: number;
  /** Audits that released their slot finishing at once (see `Released`); default 128. */
  pacedLimit?: number;
}

export const DEFAULT_START_LIMIT = 32;

/**
 * Released audits finishing at once. Each makes at most 2 CloudTrail calls a second (about 1 ms of CPU
 * and 0.1 connections each at 50 ms a call): 128 of them cost about a quarter of a core, and let 5 accounts
 * a second through 25 s of lookups each (an organization whose flagged keys are all new).
 */
export const DEFAULT_PACED_LIMIT = 128;

interface Entry<H> {
  index: number;
  accountId: string;
  handle: H;
  dueAt: number;
}

/**
 * Sleeps `ms` or until `changed`, whichever comes first. A sleep that lost the race is cancelled: its
 * timer would keep the process alive for up to one poll interval after the audit has finished.
 */
async function sleepUnless(
  deps: Pick<SchedulerDeps<unknown, unknown>, 'sleep'>,
  ms: number,
  changed: Promise<void>,
): Promise<void> {
  const nap = new AbortController();
  await Promise.race([deps.sleep(ms, nap.signal), changed]);
  nap.abort();
}

/** A promise that resolves at the next `notify()`: how waiting workers learn that something changed. */
class Signal {
  private resolve: () => void = () => {};
  private current = this.fresh();
  private fresh(): Promise<void> {
    return new Promise<void>((r) => (this.resolve = r));
  }
  get next(): Promise<void> {
    return this.current;
  }
  notify(): void {
    const resolve = this.resolve;
    this.current = this.fresh();
    resolve();
  }
}

/**
 * The audits that released their worker's slot (their rest is paced) and are finishing. A worker whose
 * audit released its slot takes the next account only while fewer than `limit` are finishing, so at most
 * `limit` + the other workers' audits are (each worker adds one before it waits).
 */
class Released {
  private readonly finishing = new Set<Promise<void>>();
  constructor(private readonly limit: number) {}

  /** Runs `audit` in a slot: returns when it has finished, or when it released the slot and may. */
  async run(audit: (release: () => void) => Promise<void>): Promise<void> {
    let release = (): void => {};
    const slot = new Promise<boolean>((resolve) => (release = () => resolve(true)));
    const done = audit(release);
    if (await Promise.race([slot, done.then(() => false)])) {
      this.finishing.add(done);
      void done.then(() => this.finishing.delete(done));
      while (this.finishing.size >= this.limit) await Promise.race(this.finishing);
    }
  }

  /** Every released audit finished. */
  async drain(): Promise<void> {
    await Promise.all(this.finishing);
  }
}

/** Inserts `entry` into `list`, which is sorted by start order. */
function insertInStartOrder<H>(list: Entry<H>[], entry: Entry<H>): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as Entry<H>).index > entry.index) i--;
  list.splice(i, 0, entry);
}

const limitOf = (n: number | undefined, fallback: number): number =>
  Math.max(1, Number.isFinite(n) ? Math.floor(n as number) : fallback);

/** Audits `accountIds` with every report started early; see the module comment. Never rejects. */
export async function runScheduled<H, R>(
  accountIds: readonly string[],
  options: SchedulerOptions,
  deps: SchedulerDeps<H, R>,
): Promise<R[]> {
  const concurrency = limitOf(options.concurrency, 1);
  const startLimit = limitOf(options.startLimit, DEFAULT_START_LIMIT);
  const results = new Array<R>(accountIds.length);
  const ready: Entry<H>[] = []; // sorted by start order
  const waiting: Entry<H>[] = [];
  const signal = new Signal();
  let nextStart = 0;
  let startsInFlight = 0;

  const fail = (index: number, err: unknown): void => {
    results[index] = deps.failed(accountIds[index] as string, err);
  };
  const settle = (entry: Entry<H>, answer: ReportAnswer): void => {
    if (answer.ready) insertInStartOrder(ready, entry);
    else {
      entry.dueAt = deps.now() + Math.max(0, answer.retryInMs);
      waiting.push(entry);
    }
  };
  const startsLeft = (): boolean => nextStart < accountIds.length || startsInFlight > 0;

  async function starter(): Promise<void> {
    while (nextStart < accountIds.length) {
      const index = nextStart++;
      const accountId = accountIds[index] as string;
      startsInFlight++;
      try {
        const { handle, answer } = await deps.startAccount(accountId);
        settle({ index, accountId, handle, dueAt: 0 }, answer);
      } catch (err) {
        fail(index, err);
      } finally {
        startsInFlight--;
        signal.notify();
      }
    }
  }

  async function poller(): Promise<void> {
    for (;;) {
      const changed = signal.next;
      if (waiting.length === 0) {
        if (!startsLeft()) return;
        await changed;
        continue;
      }
      const now = deps.now();
      const due = waiting
        .filter((e) => e.dueAt <= now)
        .sort((a, b) => a.index - b.index)
        .slice(0, startLimit);
      if (due.length === 0) {
        const soonest = Math.min(...waiting.map((e) => e.dueAt));
        await sleepUnless(deps, soonest - now, changed);
        continue;
      }
      for (const e of due) waiting.splice(waiting.indexOf(e), 1);
      await Promise.all(
        due.map(async (e) => {
          try {
            settle(e, await deps.poll(e.handle));
          } catch (err) {
            fail(e.index, err);
          }
        }),
      );
      signal.notify();
    }
  }

  let polling = true;
  const released = new Released(limitOf(options.pacedLimit, DEFAULT_PACED_LIMIT));
  async function worker(): Promise<void> {
    for (;;) {
      const changed = signal.next;
      const entry = ready.shift();
      if (entry) {
        await released.run((release) =>
          deps.auditReady(entry.handle, release).then(
            (r) => void (results[entry.index] = r),
            (err: unknown) => fail(entry.index, err),
          ),
        );
        continue;
      }
      if (!polling && ready.length === 0) return;
      await changed;
    }
  }

  const starters = Array.from({ length: Math.min(startLimit, accountIds.length) }, () => starter());
  const workers = Array.from({ length: Math.min(concurrency, accountIds.length) }, () => worker());
  // the poller runs beside the starts: the first accounts' reports are polled while later ones start
  await Promise.all([Promise.all(starters), poller()]);
  polling = false;
  signal.notify();
  await Promise.all(workers);
  await released.drain();
  return results;
}
