/**
 * The action's threads (src/threads.ts, src/audit/threads.ts; docs/design.md §7): the run thread's exit
 * codes and forwarded signals, how many account threads a run gets, and an account thread's whole
 * protocol against moto — credentials and AssumeRole outcomes served by the run's side, every account's
 * audit and log line sent back, a thread that dies failing only its unfinished accounts. The real
 * threads are the bundle (e2e-live.test.ts runs them); here the two sides talk over a MessageChannel,
 * and stand-in thread files (fixtures/threads/) play the started thread.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MessageChannel } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { AccountAudit } from '../../../src/model.js';
import { parentStops, runOnThread, setThreadEntry, threadEntry } from '../../../src/threads.js';
import {
  ACCOUNTS_PER_THREAD,
  THREADS_ENV,
  auditOnThreads,
  hostAccountThread,
  serveAccountThread,
  shares,
  threadsFor,
  type ThreadTask,
} from '../../../src/audit/threads.js';
import { describeWithMoto, resetMoto, seedAccount, type SeededAccount } from '../../helpers/moto.js';
import { liveConfig, recordingDeps, setAwsEnv, liveStack } from '../../helpers/live-env.js';
import { accessDenied } from '../../helpers/aws-proxy.js';
import { runLiveAudit } from '../../../src/audit/live.js';

const fixture = (name: string) => new URL(`../../fixtures/threads/${name}`, import.meta.url);

describe('how many account threads', () => {
  it('one per 64 accounts, up to the cores but one, never more than concurrency or accounts; the variable decides when set', () => {
    expect(ACCOUNTS_PER_THREAD).toBe(64);
    expect(threadsFor(63, 8, {}, 4)).toBe(1);
    expect(threadsFor(128, 8, {}, 4)).toBe(2);
    expect(threadsFor(1000, 8, {}, 4)).toBe(3);
    expect(threadsFor(1000, 8, {}, 2)).toBe(1); // a 2-core runner: the run's own thread only
    expect(threadsFor(1000, 3, {}, 16)).toBe(3);
    expect(threadsFor(3, 8, { [THREADS_ENV]: '2' }, 1)).toBe(2);
    expect(threadsFor(3, 8, { [THREADS_ENV]: '9' }, 1)).toBe(3);
    expect(threadsFor(500, 8, { [THREADS_ENV]: '0' }, 8)).toBe(1);
    expect(threadsFor(500, 8, { [THREADS_ENV]: 'many' }, 8)).toBe(7);
  });

  it('deals concurrency and report starts out in whole shares', () => {
    expect(shares(8, 2)).toEqual([4, 4]);
    expect(shares(9, 2)).toEqual([5, 4]);
    expect(shares(32, 3)).toEqual([11, 11, 10]);
    expect(shares(1, 2)).toEqual([1, 1]);
  });

  it('threads start only from the bundle, which sets its own URL', () => {
    expect(threadEntry()).toBeNull();
    const url = fixture('run-thread.mjs');
    setThreadEntry(url);
    expect(threadEntry()).toBe(url);
  });
});

describe('the run thread', () => {
  it("passes on the thread's exit code, and a crash as a failure", async () => {
    expect(await runOnThread(fixture('run-thread-fails.mjs'))).toBe(1);
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runOnThread(fixture('run-thread-crashes.mjs'))).toBe(1);
      expect(String(printed.mock.calls[0]?.[0])).toContain('run thread crashed');
    } finally {
      printed.mockRestore();
    }
  });

  it('forwards SIGTERM to the thread (a cancelled workflow), and stops listening once it ended', async () => {
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    const code = runOnThread(fixture('run-thread.mjs'), proc);
    await new Promise((r) => setTimeout(r, 300)); // the thread's listener is set once it has loaded
    (proc as unknown as EventEmitter).emit('SIGTERM', 'SIGTERM');
    expect(await code).toBe(143);
    expect((proc as unknown as EventEmitter).listenerCount('SIGTERM')).toBe(0);
  });

  it("the thread's stop sources: a forwarded signal reaches the run's listener once", async () => {
    const { port1, port2 } = new MessageChannel();
    try {
      const stops = parentStops(port2);
      const heard: string[] = [];
      const onTerm = (s: NodeJS.Signals) => heard.push(s);
      const onInt = (s: NodeJS.Signals) => heard.push(`int ${s}`);
      stops.signals.once('SIGTERM', onTerm);
      stops.signals.once('SIGINT', onInt);
      stops.signals.off('SIGINT', onInt);
      port1.postMessage({ signal: 'SIGTERM' });
      port1.postMessage({ signal: 'SIGINT' });
      port1.postMessage({ signal: 'SIGTERM' });
      port1.postMessage({});
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual(['SIGTERM']);
      let fired = false;
      const cancel = stops.timer(1, () => (fired = true));
      cancel();
      await new Promise((r) => setTimeout(r, 20));
      expect(fired).toBe(false);
    } finally {
      port1.close();
    }
  });
});

describe('account threads started from a file', () => {
  const host = () => {
    const done: string[] = [];
    const lines: string[] = [];
    return {
      done,
      lines,
      host: {
        assume: () => Promise.resolve(null),
        credentials: () => Promise.resolve({ accessKeyId: 'AKIATHREAD', secretAccessKey: 'x' }),
        log: { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(m) },
        done: (accountId: string) => void done.push(accountId),
      },
    };
  };
  const accounts = ['310000000001', '310000000002', '310000000003', '310000000004', '310000000005'];

  it('deals the accounts round-robin with a share of the limits each; results in the given order', async () => {
    const h = host();
    const audits = await auditOnThreads({
      accounts,
      threads: 2,
      entry: fixture('account-thread.mjs'),
      limits: { concurrency: 3, startLimit: 32 },
      task: { config: liveConfig({}), callerArn: 'arn:aws:iam::1:user/x', roleArns: {}, debug: false },
      host: h.host,
      failure: () => {
        throw new Error('no thread died');
      },
    });
    expect(audits.map((a) => a.account.accountId)).toEqual(accounts);
    expect([...h.done].sort()).toEqual(accounts);
    expect(h.lines).toContain('thread: 310000000001 (concurrency 2)');
    expect(h.lines).toContain('thread: 310000000002 (concurrency 1)');
  });

  it('a thread that dies fails its unfinished accounts with that error, and only those', async () => {
    const h = host();
    const audits = await auditOnThreads({
      accounts,
      threads: 2,
      entry: fixture('account-thread.mjs'),
      limits: { concurrency: 2, startLimit: 2 },
      task: {
        config: liveConfig({ 'role-session-name': 'exit-3' }),
        callerArn: 'arn:aws:iam::1:user/x',
        roleArns: {},
        debug: false,
      },
      host: h.host,
      failure: (accountId, err) => ({
        account: { accountId, status: 'error', error: String(err) } as unknown as AccountAudit['account'],
        findings: [],
      }),
    });
    // thread 0 has accounts 1, 3, 5 and thread 1 accounts 2, 4: each finished its first only
    expect(audits.map((a) => a.account.status)).toEqual(['ok', 'ok', 'error', 'error', 'error']);
    expect(audits[2]?.account.error).toContain('exit code 3');
  });
});

describeWithMoto('an account thread against moto, over a message channel', () => {
  const stack = liveStack({ pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  let seeded: SeededAccount[];
  const ACCOUNTS = ['320000000001', '320000000002', '320000000003'];
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.resetCalls();
    restoreEnv = setAwsEnv(stack.aws.endpoint);
    seeded = await Promise.all(
      ACCOUNTS.slice(0, 2).map((id) =>
        seedAccount(stack.moto.endpoint, id, [
          { name: 'alice', password: true, keys: 1 },
          { name: 'bob', password: true },
        ]),
      ),
    );
  });
  afterEach(() => restoreEnv());

  it('a live run started from the bundle goes to account threads: the session assumes each role (a denied one fails as such) and hands out credentials', async () => {
    setThreadEntry(fixture('account-thread.mjs'));
    process.env.IAM_AUDIT_THREADS = '2';
    stack.aws.clearFaults();
    stack.aws.fault({
      match: { action: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${ACCOUNTS[2]}:role/IamAudit` } },
      respond: accessDenied('sts:AssumeRole'),
    });
    try {
      const deps = recordingDeps();
      const config = liveConfig({
        accounts: ACCOUNTS.join(','),
        'account-role-name': 'IamAudit',
        concurrency: '4',
      });
      const { audits } = await runLiveAudit(config, deps);
      expect(audits.map((a) => [a.account.accountId, a.account.status])).toEqual([
        [ACCOUNTS[0], 'ok'],
        [ACCOUNTS[1], 'ok'],
        [ACCOUNTS[2], 'error'],
      ]);
      expect(audits[2]?.account).toMatchObject({ errorCode: 'AccessDenied', errorStep: 'AssumeRole' });
      expect(stack.aws.count('AssumeRole')).toBe(3);
      expect(deps.lines).toContain(`info: thread: ${ACCOUNTS[0]} (concurrency 2)`);
      expect(deps.lines).toContain(`info: thread: ${ACCOUNTS[1]} (concurrency 2)`);
      expect(deps.lines.filter((l) => /^info: \[\d\/3\] account /.test(l))).toHaveLength(3);
    } finally {
      delete process.env.IAM_AUDIT_THREADS;
      stack.aws.clearFaults();
    }
  });

  it('audits its accounts with credentials from the run, sends each audit and its log, and ends', async () => {
    const { port1, port2 } = new MessageChannel();
    const config = liveConfig({ 'as-of': '2030-01-01T00:00:00Z' });
    const denied: AccountAudit = {
      account: { accountId: ACCOUNTS[1] } as AccountAudit['account'],
      findings: [],
    };
    const asked: string[] = [];
    const done = new Map<string, AccountAudit>();
    const lines: string[] = [];
    const task: ThreadTask = {
      config,
      accounts: ACCOUNTS,
      concurrency: 2,
      startLimit: 2,
      callerArn: 'arn:aws:iam::123456789012:user/auditor',
      roleArns: { [ACCOUNTS[1]!]: 'arn:aws:iam::320000000002:role/IamAudit' },
      debug: true,
    };
    const hosted = hostAccountThread(port1, {
      assume: (accountId) => Promise.resolve(accountId === ACCOUNTS[1] ? denied : null),
      credentials: (accountId): Promise<AwsCredentialIdentity> => {
        asked.push(accountId);
        const s = seeded.find((a) => a.accountId === accountId);
        if (s) return Promise.resolve(s.credentials);
        // as the SDK throws it: a name and plain fields that must survive the crossing
        return Promise.reject(
          Object.assign(new Error('User is not authorized to perform: sts:AssumeRole'), {
            name: 'AccessDenied',
            $metadata: { httpStatusCode: 403 },
            $response: { toJSON: undefined, self: null as unknown },
          }),
        );
      },
      log: {
        info: (m) => lines.push(`info: ${m}`),
        warning: (m) => lines.push(`warning: ${m}`),
        debug: (m) => lines.push(`debug: ${m}`),
      },
      done: (accountId, audit) => void done.set(accountId, audit),
    });
    try {
      await serveAccountThread(port2, task);
      await hosted;
    } finally {
      port1.close();
    }
    expect([...done.keys()].sort()).toEqual(ACCOUNTS);
    const ok = done.get(ACCOUNTS[0]!)!;
    expect(ok.account).toMatchObject({ status: 'ok', usersScanned: 2 });
    expect(ok.findings.map((f) => f.userName)).toEqual(['alice']);
    expect(done.get(ACCOUNTS[1]!)).toEqual(denied); // its AssumeRole failed on the run's side: no call
    const third = done.get(ACCOUNTS[2]!)!;
    expect(third.account).toMatchObject({ status: 'error', errorCode: 'AccessDenied' });
    expect(asked).not.toContain(ACCOUNTS[1]);
    expect(lines).toContain(`info: account ${ACCOUNTS[0]}: auditing as ${task.callerArn}`);
    expect(lines.some((l) => l.startsWith(`warning: account ${ACCOUNTS[2]}: `))).toBe(true);
    // only the account that could be audited made calls: its report once, its one flagged user
    expect(stack.aws.count('GetCredentialReport')).toBe(1);
    expect(stack.aws.count('ListAccessKeys')).toBe(1);
  });
});
