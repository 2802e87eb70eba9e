import type { AccountAudit, AuditResult, CarriedAlert, Config } from '../model.js';
import type { AwsClientDeps } from '../credentials/aws-config.js';
import type { AuditSession } from '../credentials/session.js';
import { mapWithConcurrency } from '../collect/pool.js';
import { sortFindings } from '../evaluate/evaluate.js';
import { auditReportFile } from './offline.js';
import { code, note, noteText, type Note } from '../notes.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

export interface AuditDeps extends Clock {
  getIDToken(audience: string): Promise<string>;
  setSecret(secret: string): void;
  log: Log;
  /** Progress, for a run that is stopped early: the accounts to audit, then each one as it finishes. */
  onPlan?(accountIds: string[]): void;
  onAccount?(audit: AccountAudit): void;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
  /** Live runs: called once signed in, with the session (per-account credentials) for later steps. */
  onSession?(session: AuditSession): void;
}

/** docs/design.md §4's offline caveat, the one text of it: every offline result has it, the summary shows it first. */
const OFFLINE_CAVEAT = note`Offline audit of a downloaded credential report: IAM tags (so ${code('exemption-tag')} exemptions) and access key ids are not in the report and were not checked; ${code('exempt-users')} still applies. Run with AWS access for both.`;

/** Offline report files audited at once: parsing is CPU-bound, so more would only hold more in memory. */
const OFFLINE_CONCURRENCY = 2;

/** Audits every target (report files offline, accounts live). Account failures are data, never thrown. */
export async function runAudit(config: Config, deps: AuditDeps): Promise<AuditResult> {
  const generatedAt = deps.now();
  if (config.credentialReports.length > 0) {
    const asOf = config.asOf ?? generatedAt;
    const all = await mapWithConcurrency(config.credentialReports, OFFLINE_CONCURRENCY, (path) =>
      auditReportFile(path, { rule: config.rule, asOf, exemptUsers: config.exemptUsers }),
    );
    const { audits, notes } = onePerAccount(all);
    for (const a of audits) for (const n of a.notes ?? []) deps.log.warning(noteText(n));
    return assembleResult({ mode: 'offline', config, audits, generatedAt, notes });
  }
  // The AWS SDK is loaded only by a run that calls AWS (an offline run starts without it).
  const { runLiveAudit } = await import('./live.js');
  const { audits, notes } = await runLiveAudit(config, deps);
  return assembleResult({ mode: 'live', config, audits, generatedAt, notes });
}

/** `audit(config, deps)`: the same function, by the name of its pipeline stage (audit, then publish). */

/**
 * A folder of downloads can hold several reports of one account (yesterday's and today's): counting
 * both would double every finding. The last in name order is audited (AWS names its downloads by
 * time), the others are left out with a note.
 */
function onePerAccount(audits: AccountAudit[]): { audits: AccountAudit[]; notes: Note[] } {
  const last = new Map<string, AccountAudit>();
  for (const a of audits) if (a.account.status === 'ok') last.set(a.account.accountId, a);
  const notes: Note[] = [];
  const kept = audits.filter((a) => {
    const newer = last.get(a.account.accountId);
    if (a.account.status !== 'ok' || newer === a || newer === undefined) return true;
    notes.push(
      note`Account ${a.account.accountId}: ${code(sourceText(a.account))} was left out; ${code(sourceText(newer.account))} is another report of the same account (of several, the last in name order is audited).`,
    );
    return false;
  });
  return { audits: kept, notes };
}

/** A report file's path (or `aws`), as the notes name it. */
function sourceText(account: AccountAudit['account']): string {
  return account.source.kind === 'file' ? account.source.path : 'aws';
}

/** Pure: the per-account audits of one run, as the single result every report is made from. */
export function assembleResult(opts: {
  mode: AuditResult['mode'];
  config: Pick<Config, 'rule' | 'asOf' | 'shard'>;
  audits: AccountAudit[];
  generatedAt: Date;
  notes: Note[];
  carriedForward?: CarriedAlert[];
}): AuditResult {
  const { config, audits } = opts;
  const accounts = audits.map((a) => a.account);
  const findings = sortFindings(audits.flatMap((a) => a.findings));
  const okTimes = accounts.filter((a) => a.status === 'ok').map((a) => a.asOf);
  const asOf =
    config.asOf?.toISOString() ??
    (opts.mode === 'live' && okTimes.length > 0 ? okTimes.sort().at(-1)! : opts.generatedAt.toISOString());
  return {
    mode: opts.mode,
    generatedAt: opts.generatedAt.toISOString(),
    asOf,
    settings: config.rule,
    shard: config.shard,
    accounts,
    findings,
    carriedForward: opts.carriedForward ?? [],
    caveat: opts.mode === 'offline' ? OFFLINE_CAVEAT : null,
    notes: [...opts.notes, ...audits.flatMap((a) => a.notes ?? [])],
  };
}
