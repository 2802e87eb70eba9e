import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AuditResult, Config } from '../model.js';
import type { InputName } from '../inputs/definitions.js';
import { reportPath, type ReportFiles } from '../inputs/report-files.js';
import { REPORT_FORMATS } from './formats.js';
import { AuditError } from '../errors.js';

/** Temporary files being written right now: removed by `removePartialFiles` when the run is stopped. */
const inFlight = new Set<string>();

/** A report file that could not be written: names the input and the path; its code is the system's (`EACCES`). */
export class ReportWriteError extends AuditError {
  constructor(
    readonly input: InputName,
    readonly path: string,
    cause: unknown,
  ) {
    const e = cause as NodeJS.ErrnoException;
    const what = e?.code ? `${e.code}: ${e.message}` : String((cause as Error)?.message ?? cause);
    super('ReportWriteError', `Could not write ${input} "${path}": ${what}`, {
      ...(e?.code ? { code: e.code } : {}),
      cause,
    });
  }
}

/**
 * Writes `text` (one string, or its chunks: each is written as it comes, so the whole text is never
 * held) to `path` so that it is complete or absent: into a temporary file in the same folder (so the
 * rename stays on one file system), flushed to disk, then renamed over `path`. A run killed in the
 * middle leaves the previous file as it was.
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  inFlight.add(temp);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      // writeFile on a handle writes at its position, retrying short writes
      for (const chunk of typeof text === 'string' ? [text] : text) await handle.writeFile(chunk, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    inFlight.delete(temp);
  }
}

/** Removes the temporary files of writes still under way (for a run that is being stopped). */
export function removePartialFiles(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}

/** What `writeReportFiles` did: the files written, and the first failure (null when none failed). */
export interface ReportFilesWritten {
  /** Each report file's path where it was written, `''` where it was not. */
  written: ReportFiles;
  error: ReportWriteError | null;
}

/**
 * Writes every registered format, in their order: the SARIF log always, even with zero results (that is
 * what closes fixed alerts), then the JSON report, and so on (an optional one only when it has a path).
 * All are tried; the first failure is returned as a ReportWriteError naming its input and path, and a
 * file that failed (or was not written) is `''` in `written`.
 */
export async function writeReportFiles(
  result: AuditResult,
  config: ReportFiles & Partial<Pick<Config, 'category'>>,
  /** Formats not to write this run (the SARIF when uploading it would close a failed account's alerts). */
  skip: ReadonlySet<string> = new Set(),
): Promise<ReportFilesWritten> {
  let error: ReportWriteError | null = null;
  const written = {} as ReportFiles;
  for (const format of REPORT_FORMATS) {
    written[format.key] = '';
    if (skip.has(format.key)) continue;
    const path = reportPath(config, format.key);
    if (path === null) continue;
    try {
      await writeFileAtomic(path, format.render(result, { category: config.category ?? null }));
      written[format.key] = path;
    } catch (err) {
      error ??= new ReportWriteError(format.name, path, err);
    }
  }
  return { written, error };
}
