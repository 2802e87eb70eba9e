/**
 * Offline mode: audit a downloaded credential report file. No AWS calls, no tags, no key ids. Each row
 * is evaluated as it is read, so only the findings are held, never the report's users.
 */
import type { AccountAudit, RuleSettings } from '../model.js';
import type { ReportRows } from '../collect/parse.js';
import { accountIdFromFileName, describeFileError, readReportFile } from '../collect/report-file.js';
import { ReportEvaluation, toIsoSecond } from '../evaluate/evaluate.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { code, note, type Note } from '../notes.js';
import { UNKNOWN_ACCOUNT_ID, failedAccount, fileSource, okAccount } from './result.js';

export interface OfflineAuditOptions {
  rule: RuleSettings;
  asOf: Date;
  exemptUsers: string[];
  /** The largest file read; default MAX_REPORT_BYTES (256 MiB). */
  maxReportBytes?: number;
}

/** One warning per report row that could not be read, naming the report and its line. */
function unreadableNotes(report: ReportRows, source: string, accountId?: string): Note[] {
  const who = accountId ? `Account ${accountId}: ` : '';
  return report.unreadable.map(
    (u) => note`${who}${code(source)} line ${u.line} could not be read: ${u.detail}.`,
  );
}

/**
 * Audits one credential report file. Never throws: an unreadable or malformed file becomes an account
 * with `status: 'error'` and the message naming the file, line and column.
 */
export async function auditReportFile(path: string, opts: OfflineAuditOptions): Promise<AccountAudit> {
  const asOfMs = opts.asOf.getTime();
  const known = { source: fileSource(path), asOf: toIsoSecond(asOfMs) };
  const evaluation = new ReportEvaluation(opts.rule, asOfMs);
  let report: ReportRows;
  try {
    report = await readReportFile(
      path,
      (user, accountId) => evaluation.add(accountId, user),
      opts.maxReportBytes,
    );
  } catch (err) {
    const account = failedAccount({
      ...known,
      accountId: accountIdFromFileName(path),
      ...describeFileError(path, err),
      step: null,
    });
    return { account, findings: [] };
  }
  const accountId = report.accountId ?? accountIdFromFileName(path);
  const findings = applyExemptions(evaluation.findings(), {
    exemptUsers: opts.exemptUsers,
    tags: null,
    exemptionTag: opts.rule.exemptionTag,
    asOf: asOfMs,
  });
  return {
    account: okAccount({
      ...known,
      accountId,
      usersScanned: evaluation.usersScanned,
      resolvedSinceReport: 0,
    }),
    findings,
    notes: unreadableNotes(report, path, accountId ?? UNKNOWN_ACCOUNT_ID),
  };
}
