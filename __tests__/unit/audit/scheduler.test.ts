import { describe, expect, test } from '@jest/globals';
import {
  DEFAULT_PACED_LIMIT,
  runScheduled,
  type ReportAnswer,
  type SchedulerDeps,
} from '../../../src/audit/scheduler.js';
import { sleep } from '../../../src/clock.js';

/**
 * A virtual clock: `sleep` registers a timer; `run` lets every pending promise settle, then jumps to the
 * earliest timer. No real waiting.
 */
function virtualClock() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
  };
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), resolve })),
    async run<T>(p: Promise<T>): Promise<T> {
      let done = false;
      void p.then(
        () => (done = true),
        () => (done = true),
      );
      for (;;) {
        await settle();
        if (done) return p;
        timers.sort((a, b) => a.at - b.at);
        const t = timers.shift();
        if (!t) throw new Error('nothing left to run, but the schedule has not finished');
        now = Math.max(now, t.at);
        t.resolve();
      }
    },
  };
}

interface Handle {
  id: string;
  startedAt: number;
  polls: number;
}

/** Fake accounts: report ready `readyMs` after start; calls take `callMs`; the audit `auditMs`. */
function fakeAccounts(
  clock: ReturnType<typeof virtualClock>,
  opts: {
    readyMs: (id: string) => number;
    callMs?: number;
    auditMs?: number;
    pollEveryMs?: number;
    failStart?: string[];
    failAudit?: string[];
    /** Polls allowed per account before its budget is spent. */
    maxPolls?: number;
    /** After `auditMs`, the audit releases its slot and waits this long (CloudTrail's pace). */
    pacedMs?: number;
  },
) {
  const callMs = opts.callMs ?? 20;
  const log: string[] = [];
  let starting = 0;
  let auditing = 0;
  let paced = 0;
  const peak = { starting: 0, auditing: 0, paced: 0 };
  const answer = (h: Handle): ReportAnswer =>
    clock.now() - h.startedAt >= opts.readyMs(h.id)
      ? { ready: true }
      : { ready: false, retryInMs: opts.pollEveryMs ?? 1000 };
  const deps: SchedulerDeps<Handle, string> = {
    now: clock.now,
    sleep: clock.sleep,
    async startAccount(id) {
      peak.starting = Math.max(peak.starting, ++starting);
      try {
        await clock.sleep(2 * callMs); // AssumeRole + GenerateCredentialReport
        log.push(`start ${id}`);
        if (opts.failStart?.includes(id)) throw new Error(`AccessDenied in ${id}`);
        const h = { id, startedAt: clock.now() - callMs, polls: 0 };
        return { handle: h, answer: answer(h) };
      } finally {
        starting--;
      }
    },
    async poll(h) {
      await clock.sleep(callMs);
      h.polls++;
      log.push(`poll ${h.id}`);
      if (opts.maxPolls !== undefined && h.polls > opts.maxPolls)
        throw new Error(`still generating in ${h.id}`);
      return answer(h);
    },
    async auditReady(h, release) {
      peak.auditing = Math.max(peak.auditing, ++auditing);
      let inSlot = true;
      try {
        log.push(`audit ${h.id}`);
        await clock.sleep(opts.auditMs ?? 100);
        if (opts.pacedMs !== undefined) {
          auditing--;
          inSlot = false;
          peak.paced = Math.max(peak.paced, ++paced);
          release();
          release(); // twice: harmless
          await clock.sleep(opts.pacedMs);
          paced--;
        }
        if (opts.failAudit?.includes(h.id)) throw new Error(`broken ${h.id}`);
        return `ok ${h.id} (${h.polls} polls)`;
      } finally {
        if (inSlot) auditing--;
      }
    },
    failed: (id, err) => `failed ${id}: ${(err as Error).message}`,
  };
  return { deps, log, peak };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${String(i).padStart(3, '0')}`);

describe('runScheduled: every report started early, accounts audited as their reports are ready', () => {
  test('128 accounts, reports ready 3 s after start, concurrency 8: the wait is paid about once, not once per round', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 3000, auditMs: 100 });
    const results = await clock.run(runScheduled(ids(128), { concurrency: 8, startLimit: 32 }, f.deps));
    expect(results).toHaveLength(128);
    expect(results.every((r) => r.startsWith('ok '))).toBe(true);
    // 4 waves of 32 starts (40 ms each), reports ready ~3 s later; 128 audits of 100 ms over 8 slots = 1.6 s.
    // Rounds of 8 waiting for their own report would take 16 × ~3.1 s ≈ 50 s.
    expect(clock.now()).toBeLessThan(3000 + 160 + 1600 + 1100);
    expect(clock.now()).toBeGreaterThanOrEqual(3000 + 1600 - 100);
    expect(f.peak.starting).toBe(32);
    expect(f.peak.auditing).toBe(8);
    // each account started once and audited once
    for (const id of ids(128)) {
      expect(f.log.filter((l) => l === `start ${id}`)).toHaveLength(1);
      expect(f.log.filter((l) => l === `audit ${id}`)).toHaveLength(1);
    }
  });

  test('results come back in the order of the accounts; ready accounts are audited in the order they were started', async () => {
    const clock = virtualClock();
    // a002 is ready at once, a000 after 2 s, a001 after 1 s
    const ready: Record<string, number> = { a000: 2000, a001: 1000, a002: 0 };
    const f = fakeAccounts(clock, { readyMs: (id) => ready[id] as number, pollEveryMs: 500 });
    const results = await clock.run(runScheduled(ids(3), { concurrency: 1, startLimit: 32 }, f.deps));
    expect(results).toEqual(['ok a000 (4 polls)', 'ok a001 (2 polls)', 'ok a002 (0 polls)']);
    expect(f.log.filter((l) => l.startsWith('audit'))).toEqual(['audit a002', 'audit a001', 'audit a000']);
  });

  test('no poll sleep is left pending when the audit ends (its timer would hold the process open)', async () => {
    const clock = virtualClock();
    // a000 waits for its report while a001 is audited; a000 fails its last poll while a sleep is pending
    const f = fakeAccounts(clock, {
      readyMs: (id) => (id === 'a000' ? 60_000 : 0),
      pollEveryMs: 5000,
      maxPolls: 0,
    });
    const signals: AbortSignal[] = [];
    const sleep = (ms: number, signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return clock.sleep(ms);
    };
    const results = await clock.run(runScheduled(ids(2), { concurrency: 1 }, { ...f.deps, sleep }));
    expect(results[0]).toMatch(/^failed a000/);
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  test('an account ready at its first GenerateCredentialReport is never polled', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 0 });
    const results = await clock.run(runScheduled(ids(5), { concurrency: 2 }, f.deps));
    expect(results.every((r) => r.endsWith('(0 polls)'))).toBe(true);
    expect(f.log.some((l) => l.startsWith('poll'))).toBe(false);
  });

  test('due polls go to the accounts started first, at most startLimit at once, each on its own budget', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 1500, pollEveryMs: 1000 });
    await clock.run(runScheduled(ids(6), { concurrency: 8, startLimit: 2 }, f.deps));
    const polls = f.log.filter((l) => l.startsWith('poll'));
    // every account is polled twice (at ~1 s: not ready, at ~2 s: ready), in start order each time
    expect(polls.slice(0, 2)).toEqual(['poll a000', 'poll a001']);
    for (const id of ids(6)) expect(polls.filter((l) => l === `poll ${id}`)).toHaveLength(2);
    expect(f.peak.starting).toBe(2);
  });

  test('one broken account never hides the others: a failed start, a spent poll budget, a failed audit', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, {
      readyMs: (id) => (id === 'a001' ? 60_000 : 1000),
      failStart: ['a000'],
      failAudit: ['a002'],
      maxPolls: 3,
    });
    const results = await clock.run(runScheduled(ids(4), { concurrency: 2 }, f.deps));
    expect(results).toEqual([
      'failed a000: AccessDenied in a000',
      'failed a001: still generating in a001',
      'failed a002: broken a002',
      'ok a003 (1 polls)',
    ]);
  });

  test('no accounts: nothing started, nothing awaited', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 0 });
    await expect(clock.run(runScheduled([], { concurrency: 8 }, f.deps))).resolves.toEqual([]);
    expect(f.log).toEqual([]);
  });
});

describe("sleep (the shells' real clock)", () => {
  test('an abort ends a long sleep at once and clears its timer', async () => {
    const nap = new AbortController();
    const pending = sleep(3_600_000, nap.signal);
    nap.abort();
    await pending; // would take an hour otherwise
    await sleep(10_000, nap.signal); // already aborted: no timer at all
    expect(nap.signal.aborted).toBe(true);
  });
});

describe('runScheduled: an audit that gives its slot back while it waits on a pace of its own', () => {
  test('the next accounts are audited meanwhile: the paced waits overlap instead of adding up', async () => {
    const clock = virtualClock();
    // 16 accounts, 2 slots: 100 ms of work each, then 5 s of CloudTrail's pace (10 lookups at 2 a second)
    const f = fakeAccounts(clock, { readyMs: () => 0, auditMs: 100, pacedMs: 5000 });
    const results = await clock.run(runScheduled(ids(16), { concurrency: 2, startLimit: 32 }, f.deps));
    expect(results).toEqual(ids(16).map((id) => `ok ${id} (0 polls)`));
    // in the slots: 8 rounds of 100 ms; then the last account's 5 s. Held in the slots: 8 × 5.1 s ≈ 41 s.
    expect(clock.now()).toBeLessThan(800 + 5000 + 200);
    expect(f.peak.auditing).toBe(2);
    expect(f.peak.paced).toBe(16);
    expect(DEFAULT_PACED_LIMIT).toBe(128);
  });

  test("about pacedLimit released audits at once (plus the other workers' own); a released audit that fails fails its own account only", async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 0, auditMs: 100, pacedMs: 5000, failAudit: ['a003'] });
    const results = await clock.run(
      runScheduled(ids(12), { concurrency: 2, startLimit: 32, pacedLimit: 4 }, f.deps),
    );
    // a worker waits once its audit made the fourth: the other worker's may make a fifth
    expect(f.peak.paced).toBeGreaterThanOrEqual(4);
    expect(f.peak.paced).toBeLessThanOrEqual(4 + 2 - 1);
    expect(f.peak.auditing).toBeLessThanOrEqual(2);
    expect(results[3]).toBe('failed a003: broken a003');
    expect(results.filter((r) => r.startsWith('ok '))).toHaveLength(11);
    // three waves of 4 paced accounts
    expect(clock.now()).toBeGreaterThanOrEqual(3 * 5000);
  });

  test('an audit that never releases keeps its slot to the end, as before', async () => {
    const clock = virtualClock();
    const f = fakeAccounts(clock, { readyMs: () => 0, auditMs: 1000 });
    await clock.run(runScheduled(ids(4), { concurrency: 2, startLimit: 32 }, f.deps));
    expect(f.peak.auditing).toBe(2);
    expect(clock.now()).toBeGreaterThanOrEqual(2000);
  });
});
