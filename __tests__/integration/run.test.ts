/**
 * One run for both shells (src/run.ts): the CLI, like the action, is bounded by the whole-run limit and
 * stops on SIGINT/SIGTERM with the summary of what it finished. In process, with an injected signal
 * source and timer: nothing sleeps. The stop comes while the run waits on a request that never answers
 * (the local GitHub API) or on a credential report that never completes (moto behind the fault proxy).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { main, type CliIo } from '../../src/cli.js';
import { stopSignal, type StopSources } from '../../src/run.js';
import { reportStarted } from '../helpers/aws-proxy.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../helpers/github-server.js';
import { liveStack, setAwsEnv } from '../helpers/live-env.js';
import { describeWithMoto, resetMoto, seedAccount, TEST_REGION } from '../helpers/moto.js';

/** A signal source and a timer the test fires by hand. */
function manualStops(): StopSources & { emitter: EventEmitter; fireTimer(): void; timers: number } {
  const emitter = new EventEmitter();
  let pending: (() => void) | null = null;
  const stops = {
    emitter,
    signals: emitter,
    timers: 0,
    timer(_ms: number, fire: () => void) {
      stops.timers++;
      pending = fire;
      return () => {
        pending = null;
      };
    },
    fireTimer: () => pending?.(),
  };
  return stops;
}

/** The CLI's text and exit, recorded. */
function recordingIo(extra: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[]; exits: number[] } {
  const io = {
    out: [] as string[],
    err: [] as string[],
    exits: [] as number[],
    stdout: (t: string) => void io.out.push(t),
    stderr: (t: string) => void io.err.push(t),
    exit: (code: number) => void io.exits.push(code),
    ...extra,
  };
  return io;
}

async function until(what: () => boolean): Promise<void> {
  while (!what()) await new Promise((r) => setImmediate(r));
}

describe('stopSignal', () => {
  it('stops on SIGTERM or SIGINT, or when the run bound passes; dispose removes both', async () => {
    const s = manualStops();
    const a = stopSignal(60_000, s);
    s.emitter.emit('SIGTERM', 'SIGTERM');
    await expect(a.stopped).resolves.toEqual({ reason: 'cancelled', detail: 'SIGTERM received' });
    a.dispose();
    expect(s.emitter.listenerCount('SIGINT') + s.emitter.listenerCount('SIGTERM')).toBe(0);

    const b = stopSignal(5.5 * 3_600_000, s);
    s.fireTimer();
    await expect(b.stopped).resolves.toEqual({
      reason: 'timed out',
      detail: 'the run took longer than its limit of 330 min (IAM_AUDIT_RUN_TIMEOUT_MS)',
    });
    b.dispose();
    const c = stopSignal(250, s);
    c.dispose();
    s.fireTimer(); // cancelled: nothing happens
    expect(s.emitter.listenerCount('SIGINT')).toBe(0);
  });
});

describe('the CLI, stopped while it publishes (offline report, a GitHub API that never answers)', () => {
  let gh: GitHubServer;
  let dir: string;
  let restoreApi: () => void = () => undefined;
  beforeAll(async () => {
    gh = await startGitHubServer();
    restoreApi = pointGitHubApiAt(gh.url);
  });
  afterAll(async () => {
    restoreApi();
    await gh?.stop();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-stop-'));
    gh.clearFaults();
    gh.clearRequests();
    gh.fail({ kind: 'stall' }, { path: /code-scanning\/alerts/, times: Infinity });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const argv = () => [
    '--credential-report',
    'examples/credential-report.csv',
    '--sarif-file',
    join(dir, 'out.sarif'),
    '--json-file',
    join(dir, 'out.json'),
    '--as-of',
    '2026-01-01T00:00:00Z',
    '--exempt-users',
    'tom.becker',
  ];
  const env = () => ({ GITHUB_TOKEN: 'ghs_local_test', GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}` });
  const stalled = () => gh.requests.some((r) => r.status === 0);

  it('Ctrl-C (SIGINT): the summary of what it audited under a "cancelled" banner, no file written, exit 2', async () => {
    const stops = manualStops();
    const io = recordingIo({ stops, githubClient: fastTiming() });
    const done = main(argv(), env(), io);
    await until(stalled);
    stops.emitter.emit('SIGINT', 'SIGINT');
    expect(await done).toBe(2);
    const out = io.out.join('');
    expect(out).toMatch(
      /^⛔ Audit cancelled: SIGINT received\n1 account finished before it stopped; the results below are incomplete\. The SARIF and JSON files were not written \(any previous ones are unchanged\), so no code scanning alert closes\.\n\n❌ 3 access keys created at user setup are unused/,
    );
    expect(out).toContain('Unused access keys created at user setup');
    expect(io.err.at(-1)).toBe('error: Audit cancelled: SIGINT received.\n');
    expect(io.exits).toEqual([2]);
    expect(existsSync(join(dir, 'out.sarif')) || existsSync(join(dir, 'out.json'))).toBe(false);
    expect(stops.emitter.listenerCount('SIGINT') + stops.emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('the whole-run bound: a "timed out" banner and verdict', async () => {
    const stops = manualStops();
    const io = recordingIo({ stops, githubClient: fastTiming() });
    const done = main(argv(), env(), io);
    await until(stalled);
    stops.fireTimer();
    expect(await done).toBe(2);
    expect(io.out.join('')).toMatch(/^⛔ Audit timed out: the run took longer than its limit of \d+ min/);
    expect(io.err.at(-1)).toMatch(/^error: Audit timed out: .*\(IAM_AUDIT_RUN_TIMEOUT_MS\)\.\n$/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('--summary false: no summary, only the error', async () => {
    const stops = manualStops();
    const io = recordingIo({ stops, githubClient: fastTiming() });
    const done = main([...argv(), '--summary', 'false'], env(), io);
    await until(stalled);
    stops.emitter.emit('SIGTERM', 'SIGTERM');
    expect(await done).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err.at(-1)).toBe('error: Audit cancelled: SIGTERM received.\n');
  });

  it('a run that is not stopped ends as before: no banner, the verdict, its exit code; the bound is cleared', async () => {
    gh.clearFaults();
    const stops = manualStops();
    const io = recordingIo({ stops, githubClient: fastTiming() });
    expect(await main(argv(), env(), io)).toBe(1);
    expect(io.out.join('')).toMatch(/^❌ 3 access keys/);
    expect(io.err.at(-1)).toBe('3 unused access keys of 3 users\n');
    expect(io.exits).toEqual([]);
    expect(existsSync(join(dir, 'out.json'))).toBe(true);
    expect(stops.timers).toBe(1);
    expect(stops.emitter.listenerCount('SIGINT')).toBe(0);
  });
});

describeWithMoto('the CLI, stopped in the middle of a live audit: the accounts finished so far', () => {
  const GOOD = '222222222222';
  const STALLED = '333333333333';
  const stack = liveStack({ pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    restoreEnv = setAwsEnv(stack.aws.endpoint);
    for (const id of [GOOD, STALLED]) {
      const account = await seedAccount(stack.moto.endpoint, id, [
        { name: 'alice', password: true, keys: 1 },
      ]);
      const iam = new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: account.credentials,
      });
      await iam.send(new GenerateCredentialReportCommand({}));
      iam.destroy();
    }
  });
  afterEach(() => restoreEnv());

  it('SIGINT while one report is still generating: 1 of 2 accounts in the summary, exit 2', async () => {
    // the stalled account's report never completes; the other's is ready at once
    stack.aws.fault({
      match: { action: 'GenerateCredentialReport', when: (c) => c.account === STALLED },
      respond: reportStarted(),
    });
    const dir = mkdtempSync(join(tmpdir(), 'cli-stop-live-'));
    const stops = manualStops();
    const io = recordingIo({ stops });
    const goodDone = () => io.err.some((l) => l.includes(`account ${GOOD}: done`));
    // The clock never moves: the scheduler's wait for the next poll is where the user presses Ctrl-C,
    // once the other account is done; the wait itself only ends when the scheduler aborts it.
    const clock = {
      now: () => new Date('2026-01-01T00:00:00Z'),
      sleep: (_ms: number, signal?: AbortSignal) => {
        void until(goodDone).then(() => stops.emitter.emit('SIGINT', 'SIGINT'));
        return new Promise<void>((resolve) =>
          signal?.addEventListener('abort', () => resolve(), { once: true }),
        );
      },
    };
    try {
      const code = await main(
        [
          '--accounts',
          `${GOOD},${STALLED}`,
          '--account-role-name',
          'audit/IamAudit',
          '--sarif-file',
          join(dir, 'out.sarif'),
          '--json-file',
          join(dir, 'out.json'),
        ],
        {},
        { ...io, clock },
      );
      expect(code).toBe(2);
      const out = io.out.join('');
      expect(out).toMatch(
        /^⛔ Audit cancelled: SIGINT received\n1 of 2 accounts finished before it stopped;/,
      );
      expect(out).toContain(GOOD);
      expect(out).not.toContain(STALLED);
      expect(io.err.at(-1)).toBe('error: Audit cancelled: SIGINT received.\n');
      expect(existsSync(join(dir, 'out.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
