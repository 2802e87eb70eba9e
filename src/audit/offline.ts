/**
 * Offline mode: audit a downloaded credential report file. No AWS calls, no tags, no key ids.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AccountAudit, ParsedReport, RuleSettings } from '../model.js';
import { evaluateReport, toIsoSecond } from '../evaluate/evaluate.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { MAX_REPORT_BYTES, ReportError, parseCredentialReport, tooLargeDetail } from './parse.js';

export interface OfflineAuditOptions {
  rule: RuleSettings;
  asOf: Date;
  exemptUsers: string[];
  /** The largest file read; default MAX_REPORT_BYTES (256 MiB). */
  maxReportBytes?: number;
}

/** A report file's problem found before opening it: not a regular file, or too large. */
class FileRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

/**
 * Refuses, before opening, what is not a regular file (a FIFO or a device would block or never end)
 * and a file over the size cap (it would be held row by row, but is no credential report).
 */
async function checkFile(path: string, maxBytes: number): Promise<void> {
  const st = await stat(path);
  if (st.isDirectory()) return; // the read names it (EISDIR)
  if (!st.isFile()) {
    const kind = st.isFIFO()
      ? 'a named pipe (FIFO)'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
    throw new FileRefused(
      `${path}: is ${kind}, not a regular file: the credential report must be a file`,
      'Check the credential-report path; download the report to a file first.',
    );
  }
  if (st.size > maxBytes) {
    throw new FileRefused(
      `${path}: ${tooLargeDetail(st.size, maxBytes)}`,
      'Check the credential-report path.',
    );
  }
}

const REDOWNLOAD_HINT =
  'Download the report again (IAM console > Credential report > Download, or `aws iam get-credential-report --query Content --output text | base64 -d > report.csv`)';

/** A 12-digit number in the file name (e.g. `123456789012-credential-report.csv`), else `unknown`. */
export function accountIdFromFileName(path: string): string {
  const m = /(?<!\d)(\d{12})(?!\d)/.exec(basename(path));
  return m ? (m[1] as string) : 'unknown';
}

function describeFileError(path: string, err: unknown): { error: string; hint: string } {
  if (err instanceof ReportError) return { error: err.message, hint: REDOWNLOAD_HINT };
  if (err instanceof FileRefused) return { error: err.message, hint: err.hint };
  const e = err as NodeJS.ErrnoException;
  const what = err instanceof Error ? err.message : String(err);
  if (e?.code === 'ENOENT')
    return { error: `${path}: no such file`, hint: 'Check the credential-report path.' };
  if (e?.code === 'EISDIR')
    return { error: `${path}: is a directory`, hint: 'Check the credential-report path.' };
  if (e?.code === 'EACCES' || e?.code === 'EPERM') {
    return { error: `${path}: cannot read the file (${what})`, hint: 'Check the file permissions.' };
  }
  return { error: `${path}: cannot read the file (${what})`, hint: REDOWNLOAD_HINT };
}

/** One warning per report row that could not be read, naming the report and its line. */
export function unreadableNotes(report: ParsedReport, source: string, accountId?: string): string[] {
  const who = accountId ? `Account ${accountId}: ` : '';
  return report.unreadable.map((u) => `${who}\`${source}\` line ${u.line} could not be read: ${u.detail}.`);
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
    await checkFile(path, opts.maxReportBytes ?? MAX_REPORT_BYTES);
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
        usersScanned: report.users.length,
      },
      findings,
      notes: unreadableNotes(report, path, report.accountId ?? accountIdFromFileName(path)),
    };
  } catch (err) {
    const { error, hint } = describeFileError(path, err);
    return {
      account: {
        ...base,
        accountId: accountIdFromFileName(path),
        status: 'error',
        error,
        hint,
        usersScanned: 0,
      },
      findings: [],
    };
  }
}
