/**
 * The report files as objects, read back from the very text the action writes (src/report/*FileText):
 * tests check what a user's file holds, through the one path production takes. Also the one-call
 * conveniences over production's stages that only tests want (a whole report evaluated at once, one
 * account audited with its polls) and the IAM actions each role is granted, from the operations table.
 */
import type { Log } from 'sarif';
import type { AccountAudit, AuditResult, Finding, ParsedReport, RuleSettings } from '../../src/model.js';
import { ReportEvaluation } from '../../src/evaluate/evaluate.js';
import { LiveAccount, type AuditAccountOptions } from '../../src/audit/account.js';
import { AWS_OPERATIONS, type AwsOperation } from '../../src/aws/operations.js';
import { jsonFileText, type JsonReport } from '../../src/report/json.js';
import { ocsfFileText, type OcsfComplianceFinding } from '../../src/report/ocsf.js';
import { sarifFileText, type SarifOptions } from '../../src/report/sarif.js';

const parsed = <T>(chunks: Iterable<string>): T => JSON.parse([...chunks].join('')) as T;

/** The SARIF file's log, as written. */
export function buildSarif(result: AuditResult, opts: SarifOptions): Log {
  return parsed<Log>(sarifFileText(result, opts));
}

/** The JSON report file, as written. */
export function buildJsonReport(result: AuditResult): JsonReport {
  return parsed<JsonReport>(jsonFileText(result));
}

/** The OCSF file's findings, as written. */
export function ocsfFindings(result: AuditResult): OcsfComplianceFinding[] {
  return parsed<OcsfComplianceFinding[]>(ocsfFileText(result));
}

/** Every failing key of a parsed report, exemptions not applied, sorted (what the audit adds row by row). */
export function evaluateReport(report: ParsedReport, settings: RuleSettings, asOf: number): Finding[] {
  const accountId = report.accountId;
  if (accountId === null) return [];
  const evaluation = new ReportEvaluation(settings, asOf);
  for (const user of report.users) evaluation.add(accountId, user);
  return evaluation.findings();
}

/** One account audited on its own: its report polled (on the injected clock) until ready, then audited. */
export async function auditAccount(opts: AuditAccountOptions): Promise<AccountAudit> {
  const account = new LiveAccount(opts);
  for (;;) {
    const answer = await account.ask();
    if (answer.ready) break;
    await opts.deps.sleep(answer.retryInMs);
  }
  return account.audit();
}

/** The IAM actions granted to `role` with that `need`, in the operations table's order. */
export function roleActions(role: AwsOperation['role'], need: AwsOperation['need'], prefix = ''): string[] {
  return (AWS_OPERATIONS as readonly AwsOperation[])
    .filter((o) => o.role === role && o.need === need && o.granted && o.iamAction.startsWith(prefix))
    .map((o) => o.iamAction);
}
