/**
 * Audits one AWS account live (DESIGN §1, §6): alias, credential report, rule, live confirmation of the
 * flagged keys, exemptions. Never throws: a failure is an account with `status: 'error'` and a hint.
 *
 * Calls: `ListAccountAliases` 1, `GenerateCredentialReport` 1 (+ polls), `GetCredentialReport` 1,
 * `ListAccessKeys` and `ListUserTags` 1 per flagged user, `GetAccessKeyLastUsed` 1 per flagged key.
 */
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AccountAudit, AccountResult, Config } from '../model.js';
import { awsClientConfig } from '../credentials/aws-config.js';
import { evaluateReport, toIsoSecond } from '../evaluate/evaluate.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { AccountMismatchError, StepError, atStep, describeAwsError } from './aws-errors.js';
import { fetchCredentialReport } from './credential-report.js';
import { enrichFindings, settleBoth } from './enrich.js';

/** Flagged users confirmed at once within one account (accounts themselves run `concurrency` at once). */
export const ENRICH_CONCURRENCY = 16;

export interface AuditAccountDeps {
  sleep(ms: number): Promise<void>;
  now(): Date;
  log: { info(message: string): void; warning(message: string): void; debug?(message: string): void };
  /** Longest wait for the credential report; default 5 minutes. */
  reportMaxWaitMs?: number;
  /** The largest credential report read; default MAX_REPORT_BYTES (256 MiB). */
  maxReportBytes?: number;
}

export interface AuditAccountOptions {
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
  config: Config;
  deps: AuditAccountDeps;
  /** The role assumed into the account, when there is one: named in error hints. */
  roleArn?: string;
}

/** Audits one account with the given credentials. Never throws. */
export async function auditAccount(opts: AuditAccountOptions): Promise<AccountAudit> {
  const { accountId, config, deps } = opts;
  const iam = new IAMClient(awsClientConfig({ region: config.awsRegion, credentials: opts.credentials }));
  const account: AccountResult = {
    accountId,
    alias: null,
    status: 'ok',
    error: null,
    hint: null,
    usersScanned: 0,
    reportGeneratedAt: null,
    source: 'aws',
    resolvedSinceReport: 0,
    asOf: toIsoSecond((config.asOf ?? deps.now()).getTime()),
  };
  try {
    // Both at once; a failure of one waits for the other to settle (nothing runs on after the return).
    const [fetched, aliases] = await settleBoth(
      fetchCredentialReport(iam, {
        sleep: deps.sleep,
        now: deps.now,
        maxWaitMs: deps.reportMaxWaitMs,
        ...(deps.maxReportBytes !== undefined ? { maxReportBytes: deps.maxReportBytes } : {}),
        source: `credential report of account ${accountId}`,
        debug: deps.log.debug ? (m) => deps.log.debug?.(`account ${accountId}: ${m}`) : undefined,
      }),
      atStep('ListAccountAliases', () => iam.send(new ListAccountAliasesCommand({}))),
    );
    account.alias = aliases.AccountAliases?.[0] ?? null;
    const { report, generatedAt } = fetched;
    account.reportGeneratedAt = toIsoSecond(generatedAt.getTime());
    if (report.accountId !== null && report.accountId !== accountId) {
      throw new StepError('GetCredentialReport', new AccountMismatchError(accountId, report.accountId));
    }
    const asOf = (config.asOf ?? generatedAt).getTime();
    account.asOf = toIsoSecond(asOf);
    account.usersScanned = report.users.length;

    const flagged = evaluateReport(report, config.rule, asOf);
    const enriched = await enrichFindings(iam, flagged, {
      concurrency: ENRICH_CONCURRENCY,
      reportGeneratedAt: generatedAt,
      unused: { asOf, unusedDays: config.rule.unusedDays },
    });
    account.resolvedSinceReport = enriched.resolvedSinceReport;
    const findings = applyExemptions(enriched.findings, {
      exemptUsers: config.exemptUsers,
      tags: enriched.tags,
      exemptionTag: config.rule.exemptionTag,
      asOf,
    });
    const notes = report.unreadable.map(
      (u) => `Account ${accountId}: credential report line ${u.line} could not be read: ${u.detail}.`,
    );
    for (const note of notes) deps.log.warning(note);
    deps.log.info(
      `account ${accountId}${account.alias ? ` (${account.alias})` : ''}: ${report.users.length} users, ` +
        `${findings.filter((f) => !f.exempted).length} findings, ${findings.filter((f) => f.exempted).length} exempted, ` +
        `${enriched.resolvedSinceReport} resolved since the report of ${account.reportGeneratedAt}`,
    );
    return { account, findings, ...(notes.length > 0 ? { notes } : {}) };
  } catch (err) {
    const { error, hint } = describeAwsError(err, {
      accountId,
      step: 'audit',
      roleArn: opts.roleArn,
      ambient: config.roleToAssume === null,
    });
    deps.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
    return {
      account: { ...account, status: 'error', error, hint, usersScanned: 0, resolvedSinceReport: 0 },
      findings: [],
    };
  } finally {
    iam.destroy();
  }
}
