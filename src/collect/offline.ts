/**
 * Offline mode: audit a downloaded credential report file. No AWS calls, no tags, no key ids.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { AccountAudit, RuleSettings } from '../model.js';
import { evaluateReport, toIsoSecond } from '../evaluate/evaluate.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { ReportError, parseCredentialReport } from './parse.js';

export interface OfflineAuditOptions {
  rule: RuleSettings;
  asOf: Date;
  exemptUsers: string[];
}

const REDOWNLOAD_HINT =
  'Download the report again (IAM console > Credential report > Download, or `aws iam get-credential-report --query Content --output text | base64 -d > report.csv`)';

/** A 12-digit number in the file name (e.g. `123456789012-credential-report.csv`), else `unknown`. */
export function accountIdFromFileName(path: string): string {
  const m = /(?<!\d)(\d{12})(?!\d)/.exec(basename(path));
  return m ? (m[1] as string) : 'unknown';
}

function describeFileError(path: string, err: unknown): { error: string; hint: string; code: string } {
  if (err instanceof ReportError) {
    return { error: err.message, hint: REDOWNLOAD_HINT, code: 'not a valid credential report' };
  }
  const e = err as NodeJS.ErrnoException;
  const what = err instanceof Error ? err.message : String(err);
  if (e?.code === 'ENOENT')
    return {
      error: `${path}: no such file`,
      hint: 'Check the credential-report path.',
      code: 'no such file',
    };
  if (e?.code === 'EISDIR')
    return {
      error: `${path}: is a directory`,
      hint: 'Check the credential-report path.',
      code: 'is a directory',
    };
  const code = 'cannot read the file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') {
    return { error: `${path}: ${code} (${what})`, hint: 'Check the file permissions.', code };
  }
  return { error: `${path}: ${code} (${what})`, hint: REDOWNLOAD_HINT, code };
}

/**
 * Audits one credential report file. Never throws: an unreadable or malformed file becomes an account
 * with `status: 'error'` and the message naming the file, line and column.
 */
export async function auditReportFile(path: string, opts: OfflineAuditOptions): Promise<AccountAudit> {
  const asOfMs = opts.asOf.getTime();
  const base = {
    alias: null,
    reportGeneratedAt: null,
    source: path,
    resolvedSinceReport: 0,
    asOf: toIsoSecond(asOfMs),
  };
  try {
    const report = await parseCredentialReport(createReadStream(path), path);
    const findings = applyExemptions(evaluateReport(report, opts.rule, asOfMs), {
      exemptUsers: opts.exemptUsers,
      tags: null,
      exemptionTag: opts.rule.exemptionTag,
      asOf: asOfMs,
    });
    return {
      account: {
        ...base,
        accountId: report.accountId ?? accountIdFromFileName(path),
        status: 'ok',
        error: null,
        hint: null,
        errorCode: null,
        errorStep: null,
        usersScanned: report.users.length,
      },
      findings,
    };
  } catch (err) {
    const { error, hint, code } = describeFileError(path, err);
    return {
      account: {
        ...base,
        accountId: accountIdFromFileName(path),
        status: 'error',
        error,
        hint,
        errorCode: code,
        errorStep: null,
        usersScanned: 0,
      },
      findings: [],
    };
  }
}
