/**
 * Reading a downloaded credential report file (offline mode): refuse what is no regular file or too
 * large, stream-parse it row by row, and say what went wrong in the words of a file. Facts only:
 * audit/offline.ts decides, row by row.
 */
import { specialFileKind } from '../file-kind.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ReportUser } from '../model.js';
import { AuditError, errorMessage } from '../errors.js';
import {
  MAX_REPORT_BYTES,
  ReportError,
  readCredentialReport,
  tooLargeDetail,
  type ReportRows,
} from './parse.js';

/** A report file's problem found before opening it: not a regular file, or too large. */
export class FileRefused extends AuditError {
  constructor(message: string, hint: string) {
    super('FileRefused', message, { code: 'not a regular file', hint });
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
    const kind = specialFileKind(st);
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

/** A 12-digit number in the file name (e.g. `123456789012-credential-report.csv`), else null. */
export function accountIdFromFileName(path: string): string | null {
  const m = /(?<!\d)(\d{12})(?!\d)/.exec(basename(path));
  return m ? (m[1] as string) : null;
}

/** A report file's error: the one-line message, its hint, and its code in a word (`no such file`). */
export function describeFileError(path: string, err: unknown): { error: string; hint: string; code: string } {
  if (err instanceof ReportError) {
    return { error: err.message, hint: REDOWNLOAD_HINT, code: 'not a valid credential report' };
  }
  if (err instanceof FileRefused) return { error: err.message, hint: err.hint ?? '', code: err.code };
  const e = err as NodeJS.ErrnoException;
  const what = errorMessage(err);
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
 * Reads the report file, handing each user row to `onUser` as it is parsed (see
 * `readCredentialReport`). Throws what `describeFileError` describes.
 */
export async function readReportFile(
  path: string,
  onUser: (user: ReportUser, accountId: string) => void,
  maxReportBytes: number = MAX_REPORT_BYTES,
): Promise<ReportRows> {
  await checkFile(path, maxReportBytes);
  return readCredentialReport(createReadStream(path), path, onUser);
}
