/**
 * The live audit (docs/design.md §6, §7): sign in, decide the accounts, start every account's credential report
 * early (a wider limit), then audit the accounts whose report is ready `concurrency` at once.
 * Signing in and listing the accounts are all-or-nothing (they throw); after that, every account
 * succeeds or fails on its own and a failure is data in its `AccountAudit`.
 */
import type { AccountAudit, Config } from '../model.js';
import type { AwsClientDeps } from '../credentials/aws-config.js';
import { signIn, type AuditSession } from '../credentials/session.js';
import type { GetIDToken } from '../credentials/oidc.js';
import { planAccounts } from '../collect/accounts.js';
import { code, note, type Note } from '../notes.js';
import { accountFailure, auditAccountsHere } from './accounts-here.js';
import { DEFAULT_START_LIMIT } from './scheduler.js';
import { threadEntry } from '../threads.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

export interface RunLiveDeps extends Clock {
  getIDToken: GetIDToken;
  setSecret(secret: string): void;
  log: Log;
  onPlan?(accountIds: string[]): void;
  onAccount?(audit: AccountAudit): void;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
  /** Called once signed in, with the session whose per-account credentials later steps reuse. */
  onSession?(session: AuditSession): void;
  /** Reports started (and polled) at once, wider than `concurrency`; default DEFAULT_START_LIMIT (32). */
  startLimit?: number;
  /** The report poll's jitter source, in [0, 1); default Math.random. */
  random?(): number;
}

/** Account threads for the run (audit/threads.ts, loaded only when there could be more than one). */
async function threadCount(accounts: number, concurrency: number): Promise<number> {
  if (accounts < 2 || concurrency < 2) return 1;
  const { threadsFor } = await import('./threads.js');
  return threadsFor(accounts, concurrency);
}

/** Runs the live audit. Throws only when nothing can be audited (sign-in or account listing failed). */
export async function runLiveAudit(
  config: Config,
  deps: RunLiveDeps,
): Promise<{ audits: AccountAudit[]; notes: Note[] }> {
  const concurrency = Math.max(1, Math.floor(config.concurrency));
  const startLimit = deps.startLimit ?? DEFAULT_START_LIMIT;
  const session = await signIn(config, deps);
  deps.onSession?.(session);
  const { accounts, notes } = await planAccounts(config, session, deps.aws);
  deps.onPlan?.(accounts);
  deps.log.info(
    `Auditing ${accounts.length} account${accounts.length === 1 ? '' : 's'}` +
      (accounts.length > 1 ? `, ${Math.min(concurrency, accounts.length)} at a time` : '') +
      (config.shard ? ` (shard ${config.shard.index}/${config.shard.total})` : '') +
      '.',
  );
  if (accounts.length === 0) {
    notes.push(note`No account was left to audit after ${code('exclude-accounts')} and ${code('shard')}.`);
    return { audits: [], notes };
  }

  // Every account's report is started early (`startLimit` at a time, wider), then the accounts whose report is
  // ready are audited `concurrency` at a time (scheduler.ts). LiveAccount logs each account's outcome
  // (users, findings, exempted); the [done/total] line is the progress.
  let done = 0;
  const finish = (accountId: string, audit: AccountAudit): AccountAudit => {
    done++;
    deps.onAccount?.(audit);
    deps.log.info(
      `[${done}/${accounts.length}] account ${accountId}: ${audit.account.status === 'ok' ? 'done' : 'failed'}`,
    );
    return audit;
  };
  const failure = (accountId: string, err: unknown, step: string): AccountAudit =>
    accountFailure({
      accountId,
      err,
      step,
      config,
      roleArn: session.roleArnFor(accountId),
      log: deps.log,
      now: deps.now,
    });
  // Assume the member role first, so a missing or untrusting role is reported as such (with its ARN)
  // rather than as the failure of whichever IAM call happened to need credentials first.
  const assume = async (accountId: string): Promise<AccountAudit | null> => {
    if (session.roleArnFor(accountId) === null) return null;
    try {
      await session.credentialsFor(accountId)();
      return null;
    } catch (err) {
      return failure(accountId, err, 'AssumeRole');
    }
  };
  // Many accounts: over the runner's cores (threads.ts), in the built action only (the threads are the bundle).
  const entry = threadEntry();
  const threads = entry && !deps.aws && !deps.random ? await threadCount(accounts.length, concurrency) : 1;
  const audits =
    entry && threads > 1
      ? await (
          await import('./threads.js')
        ).auditOnThreads({
          accounts,
          threads,
          entry,
          limits: { concurrency, startLimit },
          task: {
            config,
            callerArn: session.callerArn,
            roleArns: Object.fromEntries(accounts.map((a) => [a, session.roleArnFor(a)])),
            debug: deps.log.debug !== undefined,
          },
          host: {
            assume,
            credentials: (accountId) => session.credentialsFor(accountId)(),
            log: deps.log,
            done: (accountId, audit) => void finish(accountId, audit),
          },
          failure: (accountId, err) => failure(accountId, err, 'audit'),
        })
      : await auditAccountsHere(
          accounts,
          { concurrency, startLimit },
          {
            config,
            log: deps.log,
            now: deps.now,
            sleep: deps.sleep,
            callerArn: session.callerArn,
            roleArnFor: (accountId) => session.roleArnFor(accountId),
            credentialsFor: (accountId) => session.credentialsFor(accountId),
            assume,
            failure: (accountId, err) => failure(accountId, err, 'audit'),
            done: finish,
            ...(deps.aws ? { aws: deps.aws } : {}),
            ...(deps.random ? { random: deps.random } : {}),
          },
        );

  const failed = audits.filter((a) => a.account.status === 'error').length;
  if (failed > 0) {
    deps.log.warning(
      `${failed} of ${audits.length} account${audits.length === 1 ? '' : 's'} could not be audited.`,
    );
  }
  return { audits, notes };
}
