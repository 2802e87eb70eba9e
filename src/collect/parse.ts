/**
 * Streaming parser for IAM credential reports (CSV, as `GetCredentialReport` returns it or as the
 * console downloads it). Rows are parsed one at a time and only the typed `ReportUser` objects are kept,
 * so a 50,000-user report is never held as one string.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { ParsedReport, ReportKey, ReportUser, UnreadableRow } from '../model.js';
import { parseIsoTime } from '../time.js';
import { code, note } from '../notes.js';

/** A credential report that cannot be read: names the file, the line and (where known) the column. */
export class ReportError extends Error {
  constructor(
    /** The file path (offline) or `aws` / account id (live) the report came from. */
    readonly source: string,
    /** 1-based line of the CSV, or null when the problem is not tied to a line. */
    readonly line: number | null,
    /** The bare problem, without the `source line N: ` prefix. */
    readonly detail: string,
  ) {
    super(`${source}${line === null ? '' : ` line ${line}`}: ${detail}`);
    this.name = 'ReportError';
  }
}

/**
 * The largest report read, in bytes (256 MiB). IAM's default quota is 5,000 users an account, about
 * 1.2 MB of report; even the hard limit is far below this. A larger file is not a credential report (or
 * not one file of it) and is refused before it can grow the process's memory to gigabytes.
 */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** The one-line reason a report of `size` bytes is refused. */
export function tooLargeDetail(size: number, max: number = MAX_REPORT_BYTES): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return (
    `the report is ${mb(size)}, over the ${mb(max)} this action reads ` +
    "(IAM's default quota of 5,000 users makes about 1.2 MB of report): is it a credential report?"
  );
}

const KEY_COLUMNS = [
  'active',
  'last_rotated',
  'last_used_date',
  'last_used_region',
  'last_used_service',
] as const;

/** Every column the audit reads; others (password_last_changed, cert_*, new ones) are ignored. */
const REQUIRED_COLUMNS: readonly string[] = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'mfa_active',
  ...[1, 2].flatMap((n) => KEY_COLUMNS.map((c) => `access_key_${n}_${c}`)),
];

/** Values AWS writes where there is no date or no value. */
const NO_VALUE = new Set(['n/a', 'not_supported', 'no_information']);

const ROOT_USER = '<root_account>';

const USER_ARN = /^arn:([a-z][a-z0-9-]*):iam::(\d{12}):user\/(.+)$/;
const ROOT_ARN = /^arn:([a-z][a-z0-9-]*):iam::(\d{12}):root$/;

/** True for `N/A`, `not_supported`, `no_information` and an empty cell. */
function isNoValue(value: string): boolean {
  const v = value.trim();
  return v === '' || NO_VALUE.has(v.toLowerCase());
}

/** What the parser needs to know about the file's first bytes to say what it is instead. */
function describeStart(head: string): string {
  const text = head.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return text.trim() === '' ? 'the file is empty' : 'the first line is empty';
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}...` : firstLine;
  // eslint-disable-next-line no-control-regex
  return `the file starts with "${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}"`;
}

function notAReport(source: string, head: string): ReportError {
  return new ReportError(
    source,
    1,
    `not a credential report (no "user,arn,..." header; ${describeStart(head)})`,
  );
}

interface Columns {
  readonly [name: string]: number;
}

/** Reads one row's cells by column name, with errors that name the line and column. */
class Row {
  constructor(
    private readonly source: string,
    private readonly columns: Columns,
    private readonly cells: string[],
    readonly line: number,
  ) {}

  raw(name: string): string {
    return this.cells[this.columns[name] as number] ?? '';
  }

  fail(name: string, expected: string): ReportError {
    const shown = this.raw(name);
    const value = shown.length > 60 ? `${shown.slice(0, 60)}...` : shown;
    return new ReportError(this.source, this.line, `column "${name}" is "${value}": expected ${expected}`);
  }

  text(name: string): string | null {
    const v = this.raw(name).trim();
    return isNoValue(v) ? null : v;
  }

  time(name: string): number | null {
    const v = this.raw(name);
    if (isNoValue(v)) return null;
    const t = parseIsoTime(v);
    if (t === null) throw this.fail(name, 'an ISO 8601 time or N/A');
    return t;
  }

  requiredTime(name: string): number {
    const t = this.time(name);
    if (t === null) throw this.fail(name, 'an ISO 8601 time');
    return t;
  }

  /** `true` / `false` (any case); N/A and its kin read as false. */
  bool(name: string): boolean {
    const v = this.raw(name).trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false' || isNoValue(v)) return false;
    throw this.fail(name, 'true or false');
  }

  key(slot: 1 | 2): ReportKey {
    const p = `access_key_${slot}_`;
    return {
      slot,
      active: this.bool(`${p}active`),
      lastRotated: this.time(`${p}last_rotated`),
      lastUsedDate: this.time(`${p}last_used_date`),
      lastUsedRegion: this.text(`${p}last_used_region`),
      lastUsedService: this.text(`${p}last_used_service`),
    };
  }
}

/**
 * The encoding of a file that starts like UTF-16 or UTF-32 (by its byte order mark, or by the NUL bytes
 * around the ASCII of a header without one), else null. A credential report is UTF-8.
 */
function wideEncoding(first: Buffer): string | null {
  const b = (i: number): number | undefined => first[i];
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return 'UTF-32LE';
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return 'UTF-32BE';
  if (b(0) === 0xfe && b(1) === 0xff) return 'UTF-16BE';
  if (b(0) === 0xff && b(1) === 0xfe) return 'UTF-16LE';
  if (first.length < 4) return null;
  if (b(0) !== 0 && b(1) === 0 && b(2) === 0 && b(3) === 0) return 'UTF-32LE';
  if (b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) !== 0) return 'UTF-32BE';
  if (b(0) !== 0 && b(1) === 0 && b(2) !== 0 && b(3) === 0) return 'UTF-16LE';
  if (b(0) === 0 && b(1) !== 0 && b(2) === 0 && b(3) !== 0) return 'UTF-16BE';
  return null;
}

/** Everything the parser yields from its input, as chunks; keeps the first bytes to describe bad files. */
async function* chunksOf(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  head: { bytes: Buffer[]; size: number },
  source: string,
): AsyncGenerator<Buffer> {
  let checked = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (head.size < 512) {
      head.bytes.push(buf.subarray(0, 512 - head.size));
      head.size += Math.min(buf.length, 512 - head.size);
    }
    if (!checked && head.size >= 4) {
      checked = true;
      const encoding = wideEncoding(Buffer.concat(head.bytes));
      if (encoding !== null) {
        throw new ReportError(
          source,
          null,
          `the file is ${encoding}, not UTF-8: a credential report is UTF-8 CSV. ` +
            `Convert it, e.g. \`iconv -f ${encoding} -t UTF-8 report.csv > report-utf8.csv\``,
        );
      }
    }
    yield buf;
  }
}

/** A cell with U+FFFD: csv-parse's stand-in for bytes that are not UTF-8 (e.g. Latin-1 `é`). */
function notUtf8(
  source: string,
  record: string[],
  line: number,
  header: string[] | null,
): ReportError | null {
  const at = record.findIndex((cell) => cell.includes('\uFFFD'));
  if (at < 0) return null;
  const column = header?.[at] ? ` in column "${header[at]}"` : '';
  return new ReportError(
    source,
    line,
    `bytes that are not UTF-8${column} (a Latin-1 or Windows-1252 file?): the value would be read mangled. ` +
      'Download the report again, or convert it, e.g. `iconv -f LATIN1 -t UTF-8 report.csv > report-utf8.csv`',
  );
}

/** Maps the header row's names (case-insensitively) to indexes; checks the required columns. */
function readHeader(source: string, record: string[], line: number, headText: () => string): Columns {
  const names = record.map((c) => c.trim().toLowerCase());
  if (!names.includes('user') || !names.includes('arn')) throw notAReport(source, headText());
  const map: Record<string, number> = {};
  names.forEach((n, i) => {
    if (n in map && REQUIRED_COLUMNS.includes(n)) {
      throw new ReportError(
        source,
        line,
        `the header names column "${n}" twice (columns ${map[n]! + 1} and ${i + 1})`,
      );
    }
    if (!(n in map)) map[n] = i;
  });
  if ('access_key_1_active' in map && !Object.keys(map).some((n) => /^access_key_\d_last_used_/.test(n))) {
    throw new ReportError(
      source,
      line,
      'this is a credential report in the format AWS used before April 2015: it has no ' +
        'access_key_N_last_used_* columns, so it cannot tell whether a key was ever used. Generate a ' +
        'current report (aws iam generate-credential-report, then aws iam get-credential-report ' +
        '--query Content --output text | base64 --decode > report.csv) and audit that file',
    );
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!(name in map)) throw new ReportError(source, line, `missing required column "${name}"`);
  }
  return map;
}

/** An IAM user name as IAM allows it (`+=,.@_-` and alphanumerics, at most 64). */
const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * A row with more fields than the header: a value with a comma that was not quoted (IAM allows `,` in
 * user names and paths; RFC 4180 and AWS's own reports quote such values). Its cells cannot be assigned
 * to columns, so the row is skipped with this explanation, naming the user when the ARN tells it.
 */
function overlongRow(record: string[], headerWidth: number, line: number): UnreadableRow {
  const arnAt = record.findIndex((cell, i) => i > 0 && cell.startsWith('arn:'));
  const name = arnAt > 0 ? record.slice(0, arnAt).join(',') : null;
  const who = name !== null && IAM_USER_NAME.test(name) ? note` (user ${code(name)}?)` : note``;
  return {
    line,
    detail: note`the row has ${record.length} fields, the header has ${headerWidth}: a value with a comma that is not quoted${who}, so its columns cannot be told apart. This row was not audited; the other rows were`,
  };
}

/** One data row: its account, and the typed user (null for the `<root_account>` row). */
function readRow(
  source: string,
  columns: Columns,
  headerWidth: number,
  record: string[],
  line: number,
): { accountId: string; user: ReportUser | null } {
  if (record.length < headerWidth) {
    throw new ReportError(
      source,
      line,
      `row has ${record.length} fields, the header has ${headerWidth} (is the file truncated?)`,
    );
  }
  const row = new Row(source, columns, record, line);
  const name = row.raw('user');
  const arn = row.raw('arn').trim();
  if (name === ROOT_USER) {
    const m = ROOT_ARN.exec(arn);
    if (!m) throw row.fail('arn', 'arn:PARTITION:iam::ACCOUNT:root for the <root_account> row');
    return { accountId: m[2] as string, user: null };
  }
  const m = USER_ARN.exec(arn);
  if (!m) throw row.fail('arn', 'an IAM user ARN (arn:PARTITION:iam::ACCOUNT:user/...)');
  if (name.trim() === '') throw row.fail('user', 'a user name');
  return {
    accountId: m[2] as string,
    user: {
      line,
      user: name,
      arn,
      userCreationTime: row.requiredTime('user_creation_time'),
      passwordEnabled: row.bool('password_enabled'),
      passwordLastUsed: row.time('password_last_used'),
      mfaActive: row.bool('mfa_active'),
      keys: [row.key(1), row.key(2)],
    },
  };
}

/**
 * Parses a credential report. Columns are found by name (case-insensitively, any order, extra columns
 * ignored); the `<root_account>` row is skipped; all rows must belong to one account.
 * Rejects with a `ReportError` naming the source, line and column of the first problem.
 */
export async function parseCredentialReport(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  source: string,
): Promise<ParsedReport> {
  const head = { bytes: [] as Buffer[], size: 0 };
  const headText = (): string => Buffer.concat(head.bytes).toString('utf8');
  const users: ReportUser[] = [];
  const unreadable: UnreadableRow[] = [];
  let accountId: string | null = null;
  let accountLine = 0;
  let columns: Columns | null = null;
  let headerWidth = 0;
  let headerNames: string[] | null = null;

  // Line numbers are counted here rather than with csv-parse's `info` (a snapshot object per record):
  // one line per record, plus the line breaks inside quoted fields, plus the empty lines.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  let nextLine = 1;
  let failure: unknown = undefined;

  const consume = async (records: AsyncIterable<string[]>): Promise<void> => {
    try {
      for await (const record of records) {
        const line = nextLine;
        nextLine += 1;
        for (const cell of record) {
          for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) nextLine += 1;
        }
        if (record.length === 1 && record[0] === '') continue; // an empty line
        if (columns === null) {
          const header = readHeader(source, record, line, headText);
          const mangledHeader = notUtf8(source, record, line, null);
          if (mangledHeader) throw mangledHeader;
          columns = header;
          headerWidth = record.length;
          headerNames = record.map((c) => c.trim().toLowerCase());
          continue;
        }
        const mangled = notUtf8(source, record, line, headerNames);
        if (mangled) throw mangled;
        if (record.length > headerWidth) {
          unreadable.push(overlongRow(record, headerWidth, line));
          continue;
        }
        const user = readRow(source, columns, headerWidth, record, line);
        if (user.accountId !== accountId) {
          if (accountId === null) {
            accountId = user.accountId;
            accountLine = line;
          } else {
            throw new ReportError(
              source,
              line,
              `row is of account ${user.accountId}, line ${accountLine} of account ${accountId}: a credential report covers one account`,
            );
          }
        }
        if (user.user) users.push(user.user);
      }
    } catch (err) {
      failure = err;
      throw err;
    }
  };

  try {
    await pipeline(Readable.from(chunksOf(input, head, source)), parser, consume);
  } catch (caught) {
    // When the consumer throws, the pipeline may reject with the AbortError of the torn-down source.
    const err = failure ?? caught;
    if (err instanceof ReportError) throw err;
    if (err instanceof CsvError) {
      // a header that names user and arn is a report whose CSV is broken, not "not a report"
      const first = (
        headText()
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/, 1)[0] ?? ''
      ).toLowerCase();
      if (columns === null && !/^"?user"?,.*\barn\b/.test(first)) throw notAReport(source, headText());
      const line = typeof err.lines === 'number' ? err.lines : null;
      throw new ReportError(source, line, `malformed CSV: ${err.message}`);
    }
    throw err;
  }
  if (columns === null) throw notAReport(source, headText());
  return { accountId, users, unreadable };
}
