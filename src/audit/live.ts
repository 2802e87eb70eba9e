/**
 * The live audit (docs/design.md §6, §7): sign in, decide the accounts, start every account's credential report
 * early (a wider limit), then audit the accounts whose report is ready `concurrency` at once.
 * Signing in and listing the accounts are all-or-nothing (they throw); after that, every account
 * succeeds or fails on its own and a failure is data in its `AccountAudit`.
 */
import type { AccountAudit, Config } from '../model.js';
import { describeAwsError } from '../aws/errors.js';
import { sizeAwsPool, type AwsClientDeps } from '../credentials/aws-config.js';
import { signIn, type AuditSession } from '../credentials/session.js';
import type { GetIDToken } from '../credentials/oidc.js';
import { planAccounts } from '../collect/accounts.js';
import { DEFAULT_REPORT_LIMITS } from '../collect/credential-report.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { code, note, type Note } from '../notes.js';
import { ENRICH_CONCURRENCY, LiveAccount } from './account.js';
import { AWS_SOURCE, failedAccount } from './result.js';
import { DEFAULT_START_LIMIT, runScheduled, type ScheduledAccount } from './scheduler.js';
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

/** An account as the scheduler holds it: its audit in progress, or its failure to assume the role. */
type Started = { accountId: string; live: LiveAccount; failure?: undefined } | { failure: AccountAudit };

function failure(
  accountId: string,
  err: unknown,
  step: string,
  config: Config,
  session: AuditSession,
  deps: RunLiveDeps,
): AccountAudit {
  const roleArn = session.roleArnFor(accountId);
  const described = describeAwsError(err, {
    accountId,
    step,
    ...(roleArn ? { roleArn } : {}),
    ambient: config.roleToAssume === null,
  });
  const { error, hint } = described;
  deps.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
  const asOf = toIsoSecond((config.asOf ?? deps.now()).getTime());
  return { account: failedAccount({ accountId, source: AWS_SOURCE, asOf, ...described }), findings: [] };
}

/** AssumeRole (when the account has a role) and the account's first `GenerateCredentialReport`. */
async function startOne(
  accountId: string,
  config: Config,
  session: AuditSession,
  deps: RunLiveDeps,
): Promise<ScheduledAccount<Started>> {
  const roleArn = session.roleArnFor(accountId);
  const credentials = session.credentialsFor(accountId);
  if (roleArn !== null) {
    // Assume the member role first, so a missing or untrusting role is reported as such (with its ARN)
    // rather than as the failure of whichever IAM call happened to need credentials first.
    try {
      await credentials();
    } catch (err) {
      return {
        handle: { failure: failure(accountId, err, 'AssumeRole', config, session, deps) },
        answer: { ready: true },
      };
    }
  }
  // The session's providers refresh by the clock: an account started early and audited late (a chained
  // session lasts one hour at most) assumes its role again when it needs to.
  const live = new LiveAccount({
    accountId,
    credentials,
    config,
    deps: {
      sleep: deps.sleep,
      now: deps.now,
      log: deps.log,
      reportLimits: DEFAULT_REPORT_LIMITS,
      ...(deps.aws ? { aws: deps.aws } : {}),
      ...(deps.random ? { random: deps.random } : {}),
    },
    ...(roleArn !== null ? { roleArn } : {}),
  });
  return { handle: { accountId, live }, answer: await live.ask() };
}

/** Runs the live audit. Throws only when nothing can be audited (sign-in or account listing failed). */
export async function runLiveAudit(
  config: Config,
  deps: RunLiveDeps,
): Promise<{ audits: AccountAudit[]; notes: Note[] }> {
  const concurrency = Math.max(1, Math.floor(config.concurrency));
  const startLimit = deps.startLimit ?? DEFAULT_START_LIMIT;
  // One connection pool for every client of the run: sockets for the report starts (and polls) and for
  // `concurrency` accounts' enrichment (two calls per flagged user at once), reused from account to account.
  sizeAwsPool(startLimit + concurrency * ENRICH_CONCURRENCY * 2);
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
  // ready are audited `concurrency` at a time (scheduler.ts). auditAccount logs each account's outcome
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
  const audits = await runScheduled<Started, AccountAudit>(
    accounts,
    { concurrency, startLimit },
    {
      startAccount: (accountId) => {
        deps.log.info(`account ${accountId}: starting its credential report`);
        return startOne(accountId, config, session, deps);
      },
      poll: (h) => (h.failure ? Promise.resolve({ ready: true }) : h.live.ask()),
      auditReady: async (h) => {
        const accountId = h.failure ? h.failure.account.accountId : h.accountId;
        const roleArn = session.roleArnFor(accountId);
        deps.log.info(
          `account ${accountId}: auditing ${roleArn ? `as ${roleArn}` : `as ${session.callerArn}`}`,
        );
        return finish(accountId, h.failure ?? (await h.live.audit()));
      },
      // startOne, ask() and audit() never throw; if one ever does, that account alone fails.
      failed: (accountId, err) => finish(accountId, failure(accountId, err, 'audit', config, session, deps)),
      now: () => deps.now().getTime(),
      sleep: deps.sleep,
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
