/**
 * The live audit (DESIGN §6, §7): sign in, decide the accounts, audit them `concurrency` at once.
 * Signing in and listing the accounts are all-or-nothing (they throw); after that, every account
 * succeeds or fails on its own and a failure is data in its `AccountAudit`.
 */
import type { AccountAudit, Config } from '../model.js';
import { describeAwsError } from '../aws/errors.js';
import type { AwsClientDeps } from '../credentials/aws-config.js';
import { signIn, type AuditSession } from '../credentials/session.js';
import type { GetIDToken } from '../credentials/oidc.js';
import { planAccounts } from '../collect/accounts.js';
import { DEFAULT_REPORT_LIMITS } from '../collect/credential-report.js';
import { mapWithConcurrency } from '../collect/pool.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { auditAccount } from './account.js';
import { AWS_SOURCE, failedAccount } from './result.js';

export interface RunLiveDeps {
  getIDToken: GetIDToken;
  setSecret(secret: string): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: { info(message: string): void; warning(message: string): void };
  onPlan?(accountIds: string[]): void;
  onAccount?(audit: AccountAudit): void;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
}

async function auditOne(
  accountId: string,
  config: Config,
  session: AuditSession,
  deps: RunLiveDeps,
): Promise<AccountAudit> {
  const roleArn = session.roleArnFor(accountId);
  const credentials = session.credentialsFor(accountId);
  const fail = (err: unknown, step: string): AccountAudit => {
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
  };
  if (roleArn !== null) {
    // Assume the member role first, so a missing or untrusting role is reported as such (with its ARN)
    // rather than as the failure of whichever IAM call happened to need credentials first.
    try {
      await credentials();
    } catch (err) {
      return fail(err, 'AssumeRole');
    }
  }
  try {
    return await auditAccount({
      accountId,
      credentials,
      config,
      deps: {
        sleep: deps.sleep,
        now: deps.now,
        log: deps.log,
        reportLimits: DEFAULT_REPORT_LIMITS,
        ...(deps.aws ? { aws: deps.aws } : {}),
      },
      ...(roleArn !== null ? { roleArn } : {}),
    });
  } catch (err) {
    // auditAccount never throws; if it ever does, that account alone fails.
    return fail(err, 'audit');
  }
}

/** Runs the live audit. Throws only when nothing can be audited (sign-in or account listing failed). */
export async function runLiveAudit(
  config: Config,
  deps: RunLiveDeps,
): Promise<{ audits: AccountAudit[]; notes: string[] }> {
  const session = await signIn(config, deps);
  const { accounts, notes } = await planAccounts(config, session, deps.aws);
  deps.onPlan?.(accounts);
  const concurrency = Math.max(1, Math.floor(config.concurrency));
  deps.log.info(
    `Auditing ${accounts.length} account${accounts.length === 1 ? '' : 's'}` +
      (accounts.length > 1 ? `, ${Math.min(concurrency, accounts.length)} at a time` : '') +
      (config.shard ? ` (shard ${config.shard.index}/${config.shard.total})` : '') +
      '.',
  );
  if (accounts.length === 0) {
    notes.push('No account was left to audit after `exclude-accounts` and `shard`.');
    return { audits: [], notes };
  }

  // auditAccount logs each account's outcome (users, findings, exempted); this line is the progress
  let done = 0;
  const audits = await mapWithConcurrency(accounts, concurrency, async (accountId) => {
    const roleArn = session.roleArnFor(accountId);
    deps.log.info(`account ${accountId}: auditing ${roleArn ? `as ${roleArn}` : `as ${session.callerArn}`}`);
    const audit = await auditOne(accountId, config, session, deps);
    done++;
    deps.onAccount?.(audit);
    deps.log.info(
      `[${done}/${accounts.length}] account ${accountId}: ${audit.account.status === 'ok' ? 'done' : 'failed'}`,
    );
    return audit;
  });

  const failed = audits.filter((a) => a.account.status === 'error').length;
  if (failed > 0) {
    deps.log.warning(
      `${failed} of ${audits.length} account${audits.length === 1 ? '' : 's'} could not be audited.`,
    );
  }
  return { audits, notes };
}
