import type { AccountAudit, AuditResult, CarriedAlert, Config, Finding } from './model.js';
import { auditReportFile } from './collect/offline.js';
import { mapWithConcurrency } from './collect/pool.js';
import { runLiveAudit } from './collect/run-live.js';

export interface AuditDeps {
  getIDToken(audience: string): Promise<string>;
  setSecret(secret: string): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: { info(message: string): void; warning(message: string): void };
}

export const OFFLINE_NOTE =
  'Offline audit of a downloaded credential report: IAM tags (so `exemption-tag` exemptions) and access key ids ' +
  'are not in the report and were not checked; `exempt-users` still applies. Run with AWS access for both.';

/** Offline report files audited at once: parsing is CPU-bound, so more would only hold more in memory. */
const OFFLINE_CONCURRENCY = 2;

/** Audits every target (report files offline, accounts live). Account failures are data, never thrown. */
export async function runAudit(config: Config, deps: AuditDeps): Promise<AuditResult> {
  const generatedAt = deps.now();
  if (config.credentialReports.length > 0) {
    const asOf = config.asOf ?? generatedAt;
    const audits = await mapWithConcurrency(config.credentialReports, OFFLINE_CONCURRENCY, (path) =>
      auditReportFile(path, { rule: config.rule, asOf, exemptUsers: config.exemptUsers }),
    );
    return assembleResult({ mode: 'offline', config, audits, generatedAt, notes: [OFFLINE_NOTE] });
  }
  const { audits, notes } = await runLiveAudit(config, deps);
  return assembleResult({ mode: 'live', config, audits, generatedAt, notes });
}

function byFindingOrder(a: Finding, b: Finding): number {
  return compare(a.accountId, b.accountId) || compare(a.userArn, b.userArn) || a.keySlot - b.keySlot;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pure: the per-account audits of one run, as the single result every report is made from. */
export function assembleResult(opts: {
  mode: AuditResult['mode'];
  config: Pick<Config, 'rule' | 'asOf' | 'shard'>;
  audits: AccountAudit[];
  generatedAt: Date;
  notes: string[];
  carriedForward?: CarriedAlert[];
}): AuditResult {
  const { config, audits } = opts;
  const accounts = audits.map((a) => a.account);
  const findings = audits.flatMap((a) => a.findings).sort(byFindingOrder);
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
    notes: opts.notes,
  };
}
