/**
 * AWS Security Hub (docs/design.md §9), the I/O edge: for each account audited successfully this run, with that
 * account's own credentials (BatchImportFindings only takes an account's findings from the account
 * itself, under its default product ARN):
 *
 * 1. read the account's ACTIVE findings of this tool's rules (GetFindings filtered by product ARN, generator
 *    ids (one per rule) and record state, every page; filtered again here, as emulators ignore filters);
 * 2. import every failing key as ACTIVE / FAILED and every earlier ACTIVE finding whose key is no longer
 *    failing (resolved, or exempted: with its justification) as ARCHIVED / PASSED, 100 per call.
 *
 * Repeat runs: a still-failing key is imported again every run, keeping its CreatedAt and
 * FirstObservedAt from the earlier finding, so only UpdatedAt and LastObservedAt move (and evidence that
 * changed, e.g. a new last use). That is how Security Hub learns the problem is still observed; skipping
 * unchanged findings would leave LastObservedAt at the first run and make a live problem look stale. An
 * archived finding is not ACTIVE any more, so it is archived once and then left alone; a key is one
 * finding Id for ever, so no run duplicates it.
 *
 * Nothing here throws: a missing permission, Security Hub not enabled, or findings Security Hub rejects
 * are warnings naming the account and what to fix; other accounts and every other report go on.
 */
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  paginateGetFindings,
  type AwsSecurityFinding,
  type AwsSecurityFindingFilters,
} from '@aws-sdk/client-securityhub';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AuditResult, Partition, SecurityHubOutcome } from '../model.js';
import { awsClientConfig, type AwsClientDeps } from '../credentials/aws-config.js';
import { awsErrorName, classifyAwsError } from '../aws/errors.js';
import { oneLineMessage } from '../errors.js';
import type { Log } from '../log.js';
import { SECURITY_HUB_ACTIONS, operation } from '../aws/operations.js';
import { mapWithConcurrency } from '../collect/pool.js';
import {
  ASFF_BATCH_SIZE,
  ASFF_GENERATOR_IDS,
  ASFF_MAX_FINDING_BYTES,
  asffBytes,
  batches,
  defaultProductArn,
  planAccountImport,
  type AsffContext,
} from '../report/asff.js';
import { code, note, noteText, type Note } from '../notes.js';

export type { SecurityHubOutcome };

const GET_FINDINGS = operation('GetFindings').iamAction;
const BATCH_IMPORT = operation('BatchImportFindings').iamAction;

export interface SecurityHubOptions {
  result: AuditResult;
  /** Credentials acting in `accountId` (the audit's own session). */
  credentialsFor(accountId: string): AwsCredentialIdentityProvider;
  /** The role assumed into `accountId`, or null for the signed-in identity; names it in warnings. */
  roleArnFor?(accountId: string): string | null;
  region: string;
  partition: Partition;
  concurrency: number;
  toolVersion: string;
  /** The workflow run, as each finding's SourceUrl. */
  sourceUrl?: string | null;
  log: Log;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
  /** Tests: a client of their own making. */
  client?(accountId: string, credentials: AwsCredentialIdentityProvider): SecurityHubClient;
}

/** The warning for a failed Security Hub call: what failed, and what to fix. */
function describeSecurityHubError(
  err: unknown,
  ctx: { accountId: string; region: string; action: string; who: string },
): Note {
  const { name, kind } = classifyAwsError(err);
  const what = `${name}: ${oneLineMessage(err)}`;
  const prefix = `Security Hub, account ${ctx.accountId} (${ctx.region})`;
  if (name === 'InvalidAccessException') {
    return note`${prefix}: Security Hub is not enabled there (${what}). Enable it in that account and region, or set ${code('security-hub-region')} to the region where it is; nothing was imported for this account.`;
  }
  if (kind === 'access-denied') {
    return note`${prefix}: ${ctx.who} may not call ${ctx.action} (${what}). Grant ${SECURITY_HUB_ACTIONS.join(' and ')} (the README's optional Security Hub statement); nothing was imported for this account.`;
  }
  return note`${prefix}: ${ctx.action.replace('securityhub:', '')} failed (${what}); nothing more was imported for this account.`;
}

/** Whether an earlier finding is one of ours in this account: product, a rule's generator, state, Id prefix. */
function isOurs(f: AwsSecurityFinding, productArn: string, accountId: string): boolean {
  return (
    f.ProductArn === productArn &&
    typeof f.GeneratorId === 'string' &&
    ASFF_GENERATOR_IDS.includes(f.GeneratorId) &&
    f.AwsAccountId === accountId &&
    f.RecordState === 'ACTIVE' &&
    typeof f.Id === 'string' &&
    f.Id.startsWith(`${f.GeneratorId}/${accountId}/`)
  );
}

/** The account's ACTIVE findings of this tool's rules, every page. */
async function activeFindings(
  client: SecurityHubClient,
  productArn: string,
  accountId: string,
): Promise<AwsSecurityFinding[]> {
  const eq = (Value: string) => [{ Value, Comparison: 'EQUALS' as const }];
  const Filters: AwsSecurityFindingFilters = {
    ProductArn: eq(productArn),
    GeneratorId: ASFF_GENERATOR_IDS.map((Value) => ({ Value, Comparison: 'EQUALS' as const })),
    RecordState: eq('ACTIVE'),
    AwsAccountId: eq(accountId),
  };
  const out: AwsSecurityFinding[] = [];
  const seen = new Set<string>();
  for await (const page of paginateGetFindings({ client, pageSize: 100 }, { Filters, MaxResults: 100 })) {
    for (const f of page.Findings ?? []) {
      if (!isOurs(f, productArn, accountId) || seen.has(f.Id!)) continue;
      seen.add(f.Id!);
      out.push(f);
    }
  }
  return out;
}

interface AccountOutcome {
  imported: number;
  archived: number;
  warnings: Note[];
}

async function publishAccount(
  accountId: string,
  opts: SecurityHubOptions,
  ctx: AsffContext,
): Promise<AccountOutcome> {
  const outcome: AccountOutcome = { imported: 0, archived: 0, warnings: [] };
  const who = opts.roleArnFor?.(accountId) ?? `the credentials used for account ${accountId}`;
  const credentials = opts.credentialsFor(accountId);
  const client =
    opts.client?.(accountId, credentials) ??
    new SecurityHubClient(awsClientConfig({ region: opts.region, credentials, ...opts.aws }));
  const productArn = defaultProductArn(opts.partition, opts.region, accountId);
  try {
    let existing: AwsSecurityFinding[];
    try {
      existing = await activeFindings(client, productArn, accountId);
    } catch (err) {
      // Without the earlier findings an import would reset their first-seen times and leave resolved
      // keys ACTIVE: better to import nothing and say why.
      outcome.warnings.push(
        describeSecurityHubError(err, {
          accountId,
          region: opts.region,
          action: GET_FINDINGS,
          who,
        }),
      );
      return outcome;
    }
    const plan = planAccountImport({ accountId, findings: opts.result.findings, existing, ctx });
    const records: AwsSecurityFinding[] = [];
    for (const r of [...plan.active, ...plan.archived]) {
      const bytes = asffBytes(r);
      if (bytes > ASFF_MAX_FINDING_BYTES) {
        outcome.warnings.push(
          note`Security Hub, account ${accountId} (${opts.region}): finding ${String(r.Id)} is ${bytes} bytes, over Security Hub's ${ASFF_MAX_FINDING_BYTES}; it was not imported.`,
        );
        continue;
      }
      records.push(r);
    }
    for (const batch of batches(records, ASFF_BATCH_SIZE)) {
      let response;
      try {
        response = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      } catch (err) {
        outcome.warnings.push(
          describeSecurityHubError(err, {
            accountId,
            region: opts.region,
            action: BATCH_IMPORT,
            who,
          }),
        );
        return outcome;
      }
      const failed = response.FailedFindings ?? [];
      const failedIds = new Set(failed.map((f) => f.Id));
      for (const r of batch) {
        if (failedIds.has(r.Id)) continue;
        if (r.RecordState === 'ARCHIVED') outcome.archived++;
        else outcome.imported++;
      }
      if (failed.length > 0) {
        const shown = failed
          .slice(0, 3)
          .map((f) => `${f.Id}: ${f.ErrorCode ?? 'error'} ${oneLineMessage(f.ErrorMessage ?? '')}`.trim());
        outcome.warnings.push(
          note`Security Hub, account ${accountId} (${opts.region}): BatchImportFindings rejected ${failed.length} of ${batch.length} findings (${shown.join('; ')}${failed.length > 3 ? '; …' : ''}).`,
        );
      }
    }
    opts.log.info(
      `Security Hub, account ${accountId} (${opts.region}): ${outcome.imported} active finding(s) imported ` +
        `(${plan.updates} already there), ${outcome.archived} archived.`,
    );
    return outcome;
  } finally {
    if (!opts.client) client.destroy();
  }
}

/**
 * Imports the run's findings into the Security Hub of every account audited successfully. Never
 * throws; every warning is also logged.
 */
export async function publishToSecurityHub(opts: SecurityHubOptions): Promise<SecurityHubOutcome> {
  const { result } = opts;
  const accounts = result.accounts.filter((a) => a.status === 'ok');
  const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
  const outcomes = await mapWithConcurrency(accounts, opts.concurrency, async (a) => {
    const ctx: AsffContext = {
      partition: opts.partition,
      region: opts.region,
      now: result.generatedAt,
      asOf: result.asOf,
      setupWindowSeconds: result.settings.setupWindowSeconds,
      toolVersion: opts.toolVersion,
      alias: aliases.get(a.accountId) ?? null,
      sourceUrl: opts.sourceUrl ?? null,
    };
    try {
      return await publishAccount(a.accountId, opts, ctx);
    } catch (err) {
      // publishAccount catches the AWS calls; anything else (a bug) still stays a warning.
      return {
        imported: 0,
        archived: 0,
        warnings: [
          note`Security Hub, account ${a.accountId} (${opts.region}): ${awsErrorName(err)}: ${oneLineMessage(err)}`,
        ],
      };
    }
  });
  const total: SecurityHubOutcome = { imported: 0, archived: 0, warnings: [] };
  for (const o of outcomes) {
    total.imported += o.imported;
    total.archived += o.archived;
    total.warnings.push(...o.warnings);
  }
  for (const w of total.warnings) opts.log.warning(noteText(w));
  return total;
}
