/**
 * Audits a set of accounts on the current thread (docs/design.md §7): every account's report started
 * early (`startLimit` at a time), then the accounts whose report is ready audited `concurrency` at once
 * (scheduler.ts). The live audit runs it on the main thread for the whole run, or on each account thread
 * for its share of the accounts (threads.ts): what an account needs from the signed-in session (its
 * credentials, the AssumeRole outcome) comes through `AccountsHere`, which the session serves directly or
 * over the thread's message port.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AccountAudit, Config } from '../model.js';
import { sizeAwsPool, type AwsClientDeps } from '../credentials/aws-config.js';
import { DEFAULT_REPORT_LIMITS } from '../collect/credential-report.js';
import { describeAwsError } from '../aws/errors.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { ENRICH_CONCURRENCY, LiveAccount } from './account.js';
import { AWS_SOURCE, failedAccount } from './result.js';
import { runScheduled, type ScheduledAccount } from './scheduler.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

/** What auditing an account needs from the session, and where its outcome goes. */
export interface AccountsHere extends Clock {
  config: Config;
  log: Log;
  /** Credentials acting in the account (its chained role session, or the signed-in identity). */
  credentialsFor(accountId: string): AwsCredentialIdentityProvider;
  /** The role assumed into the account, or null. */
  roleArnFor(accountId: string): string | null;
  /** Who the audit acts as where no role is assumed (logged). */
  callerArn: string;
  /**
   * Assumes the account's role when it has one (so a missing or untrusting role is reported as such, with
   * its ARN): the failed account's audit, or null when the account can be audited.
   */
  assume(accountId: string): Promise<AccountAudit | null>;
  /** The account's audit when its start, poll or audit threw (none of them should). */
  failure(accountId: string, err: unknown): AccountAudit;
  /** Called once per account with its audit, as soon as it is known. */
  done(accountId: string, audit: AccountAudit): AccountAudit;
  aws?: AwsClientDeps;
  random?(): number;
}

/** The audit of an account that failed at `step` (logged as a warning with its hint). */
export function accountFailure(opts: {
  accountId: string;
  err: unknown;
  step: string;
  config: Config;
  roleArn: string | null;
  log: Log;
  now(): Date;
}): AccountAudit {
  const { accountId, config } = opts;
  const described = describeAwsError(opts.err, {
    accountId,
    step: opts.step,
    ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
    ambient: config.roleToAssume === null,
  });
  const { error, hint } = described;
  opts.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
  const asOf = toIsoSecond((config.asOf ?? opts.now()).getTime());
  return { account: failedAccount({ accountId, source: AWS_SOURCE, asOf, ...described }), findings: [] };
}

/** An account as the scheduler holds it: its audit in progress, or its failure to assume the role. */
type Started = { accountId: string; live: LiveAccount; failure?: undefined } | { failure: AccountAudit };

/** AssumeRole (when the account has a role) and the account's first `GenerateCredentialReport`. */
async function startOne(accountId: string, here: AccountsHere): Promise<ScheduledAccount<Started>> {
  const failed = await here.assume(accountId);
  if (failed !== null) return { handle: { failure: failed }, answer: { ready: true } };
  const roleArn = here.roleArnFor(accountId);
  // The session's providers refresh by the clock: an account started early and audited late (a chained
  // session lasts one hour at most) assumes its role again when it needs to.
  const live = new LiveAccount({
    accountId,
    credentials: here.credentialsFor(accountId),
    config: here.config,
    deps: {
      sleep: here.sleep,
      now: here.now,
      log: here.log,
      reportLimits: DEFAULT_REPORT_LIMITS,
      ...(here.aws ? { aws: here.aws } : {}),
      ...(here.random ? { random: here.random } : {}),
    },
    ...(roleArn !== null ? { roleArn } : {}),
  });
  return { handle: { accountId, live }, answer: await live.ask() };
}

/** Audits `accounts` on this thread; results in the order of `accounts`. Never rejects. */
export function auditAccountsHere(
  accounts: readonly string[],
  limits: { concurrency: number; startLimit: number },
  here: AccountsHere,
): Promise<AccountAudit[]> {
  // The thread's one connection pool: sockets for the report starts (and polls) and for `concurrency`
  // accounts' enrichment (two calls per flagged user at once), reused from account to account.
  sizeAwsPool(limits.startLimit + limits.concurrency * ENRICH_CONCURRENCY * 2);
  return runScheduled<Started, AccountAudit>(accounts, limits, {
    startAccount: (accountId) => {
      here.log.info(`account ${accountId}: starting its credential report`);
      return startOne(accountId, here);
    },
    poll: (h) => (h.failure ? Promise.resolve({ ready: true }) : h.live.ask()),
    auditReady: async (h, release) => {
      const accountId = h.failure ? h.failure.account.accountId : h.accountId;
      const roleArn = here.roleArnFor(accountId);
      here.log.info(`account ${accountId}: auditing ${roleArn ? `as ${roleArn}` : `as ${here.callerArn}`}`);
      return here.done(accountId, h.failure ?? (await h.live.audit(release)));
    },
    // startOne, ask() and audit() never throw; if one ever does, that account alone fails.
    failed: (accountId, err) => here.done(accountId, here.failure(accountId, err)),
    now: () => here.now().getTime(),
    sleep: here.sleep,
  });
}
