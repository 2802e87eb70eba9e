/**
 * A live audit over the runner's cores (docs/design.md §7). One thread spends about a millisecond of CPU
 * per AWS call (signing, parsing answers): from a few hundred accounts on, one core is the limit, not
 * AWS. The accounts are then dealt round-robin to account threads (the bundle started again, threads.ts),
 * each auditing its share exactly as the run does on one thread (accounts-here.ts), with its share of
 * `concurrency` and of the report starts.
 *
 * The session stays on the run's thread: a thread asks it, over its message port, for an account's role
 * to be assumed and for its credentials (refreshed there by the clock, masked there), and sends back
 * each account's audit (plain data) and its log lines. So every AWS call of the audit is the one it
 * would be on one thread: sign-in once, one AssumeRole per account, the same calls per account.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { AccountAudit, Config } from '../model.js';
import { accountFailure, auditAccountsHere } from './accounts-here.js';
import { ACCOUNTS_ROLE, YOUNG_GENERATION_MB } from '../threads.js';
import { SYSTEM_CLOCK, type Clock } from '../clock.js';
import type { Log } from '../log.js';

/**
 * Accounts a thread must have before another thread pays for itself: starting one loads the bundle
 * again (about 0.1-0.2 s of CPU), about what auditing a few dozen accounts costs.
 */
export const ACCOUNTS_PER_THREAD = 64;

/** `IAM_AUDIT_THREADS`: the number of account threads, for tests and benchmarks (0 or 1: none). */
export const THREADS_ENV = 'IAM_AUDIT_THREADS';

/**
 * Account threads for a run of `accounts` at `concurrency`: 1 means the run's own thread only. One core
 * stays with the run's thread (sign-in, every AssumeRole, the threads' messages, the reports): on a
 * 2-core runner, threads would only compete with it (npm run bench: more CPU and RSS, no time saved).
 */
export function threadsFor(
  accounts: number,
  concurrency: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  const forced = env[THREADS_ENV]?.trim();
  const wanted =
    forced && /^\d+$/.test(forced)
      ? Number(forced)
      : Math.min(cores - 1, Math.floor(accounts / ACCOUNTS_PER_THREAD));
  return Math.max(1, Math.min(wanted, concurrency, accounts));
}

/** `total` split into `parts` whole shares, the first ones larger by one; every share at least 1. */
export function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, k) =>
    Math.max(1, Math.floor(total / parts) + (k < total % parts ? 1 : 0)),
  );
}

/** What a thread is given: its accounts and its share of the limits; the config without secrets. */
export interface ThreadTask {
  config: Config;
  accounts: string[];
  concurrency: number;
  startLimit: number;
  callerArn: string;
  roleArns: Record<string, string | null>;
  debug: boolean;
}

/** The message port of either side (a Worker, or the thread's parentPort). */
interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type ToHost =
  | { t: 'assume'; id: number; accountId: string }
  | { t: 'credentials'; id: number; accountId: string }
  | { t: 'log'; level: 'info' | 'warning' | 'debug'; text: string }
  | { t: 'done'; accountId: string; audit: AccountAudit }
  | { t: 'end' };

type ToThread =
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: SentError };

/** An error as it crosses threads: its name, message and plain fields (the SDK's `$metadata`, `Code`…). */
interface SentError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

function sendError(err: unknown): SentError {
  const e = err instanceof Error ? err : new Error(String(err));
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    try {
      fields[k] = JSON.parse(JSON.stringify(v)) as unknown;
    } catch {
      // not plain data: left behind
    }
  }
  return { name: e.name, message: e.message, fields };
}

function receiveError(sent: SentError): Error {
  const e = Object.assign(new Error(sent.message), sent.fields);
  e.name = sent.name;
  return e;
}

/** The run's side of one thread: what it needs from the session, and where its outcome goes. */
export interface ThreadHost {
  assume(accountId: string): Promise<AccountAudit | null>;
  credentials(accountId: string): Promise<AwsCredentialIdentity>;
  log: Log;
  done(accountId: string, audit: AccountAudit): void;
}

/** Serves one thread's requests until it ends. */
export function hostAccountThread(port: Port, host: ThreadHost): Promise<void> {
  return new Promise((resolve) => {
    const reply = (id: number, answer: Promise<unknown>): void => {
      answer.then(
        (value) => port.postMessage({ t: 'reply', id, ok: true, value } satisfies ToThread),
        (err: unknown) =>
          port.postMessage({ t: 'reply', id, ok: false, error: sendError(err) } satisfies ToThread),
      );
    };
    port.on('message', (message) => {
      const m = message as ToHost;
      if (m.t === 'assume') reply(m.id, host.assume(m.accountId));
      else if (m.t === 'credentials') reply(m.id, host.credentials(m.accountId));
      else if (m.t === 'log') host.log[m.level]?.(m.text);
      else if (m.t === 'done') host.done(m.accountId, m.audit);
      else resolve();
    });
  });
}

/** The thread's side: audits its accounts, asking the run's thread for what the session holds. */
export async function serveAccountThread(
  port: Port,
  task: ThreadTask,
  clock: Clock = SYSTEM_CLOCK,
): Promise<void> {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  port.on('message', (message) => {
    const m = message as ToThread;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(receiveError(m.error));
  });
  const ask = <T>(message: { t: 'assume' | 'credentials'; accountId: string }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.postMessage({ ...message, id } satisfies ToHost);
    });
  const send = (level: 'info' | 'warning' | 'debug') => (text: string) =>
    port.postMessage({ t: 'log', level, text } satisfies ToHost);
  const log: Log = {
    info: send('info'),
    warning: send('warning'),
    ...(task.debug ? { debug: send('debug') } : {}),
  };
  const { config } = task;
  await auditAccountsHere(
    task.accounts,
    { concurrency: task.concurrency, startLimit: task.startLimit },
    {
      config,
      log,
      now: clock.now,
      sleep: clock.sleep,
      callerArn: task.callerArn,
      roleArnFor: (accountId) => task.roleArns[accountId] ?? null,
      credentialsFor: (accountId) => () => ask<AwsCredentialIdentity>({ t: 'credentials', accountId }),
      assume: (accountId) => ask<AccountAudit | null>({ t: 'assume', accountId }),
      failure: (accountId, err) =>
        accountFailure({
          accountId,
          err,
          step: 'audit',
          config,
          roleArn: task.roleArns[accountId] ?? null,
          log,
          now: clock.now,
        }),
      done: (accountId, audit) => {
        port.postMessage({ t: 'done', accountId, audit } satisfies ToHost);
        return audit;
      },
    },
  );
  port.postMessage({ t: 'end' } satisfies ToHost);
}

/**
 * Audits `accounts` on `threads` account threads started from the bundle at `entry`; results in the
 * order of `accounts`. An account whose thread died before it finished fails with that error.
 */
export async function auditOnThreads(opts: {
  accounts: readonly string[];
  threads: number;
  entry: URL;
  limits: { concurrency: number; startLimit: number };
  task: Omit<ThreadTask, 'accounts' | 'concurrency' | 'startLimit'>;
  host: ThreadHost;
  /** The failed account's audit when its thread died. */
  failure(accountId: string, err: unknown): AccountAudit;
}): Promise<AccountAudit[]> {
  const { accounts, threads } = opts;
  const concurrency = shares(opts.limits.concurrency, threads);
  const startLimit = shares(opts.limits.startLimit, threads);
  const results = new Map<string, AccountAudit>();
  const done = (accountId: string, audit: AccountAudit): void => {
    results.set(accountId, audit);
    opts.host.done(accountId, audit);
  };
  // The config crosses without the GitHub token: a thread makes no GitHub call.
  const config = { ...opts.task.config, githubToken: null };
  await Promise.all(
    Array.from({ length: threads }, async (_, k) => {
      const task: ThreadTask = {
        ...opts.task,
        config,
        accounts: accounts.filter((_, i) => i % threads === k),
        concurrency: concurrency[k] as number,
        startLimit: startLimit[k] as number,
      };
      const worker = new Worker(opts.entry, {
        workerData: { role: ACCOUNTS_ROLE, task },
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      let failure: unknown = null;
      worker.on('error', (err) => (failure = err));
      const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
      const ended = hostAccountThread(worker, { ...opts.host, done });
      const code = await Promise.race([ended.then(() => null), exited]);
      if (code === null) await worker.terminate();
      else {
        const err = failure ?? new Error(`an account thread stopped (exit code ${code})`);
        for (const accountId of task.accounts)
          if (!results.has(accountId)) done(accountId, opts.failure(accountId, err));
      }
    }),
  );
  return accounts.map((a) => results.get(a) as AccountAudit);
}
