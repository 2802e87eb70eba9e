/**
 * Streaming parser for IAM credential reports (CSV, as `GetCredentialReport` returns it or as the
 * console downloads it). Rows are parsed one at a time and handed on as typed `ReportUser` facts, so a
 * 50,000-user report is never held as one string, and (offline, where each row is evaluated as it comes)
 * not even as 50,000 users.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { ParsedReport, ReportKey, ReportUser, UnreadableRow } from '../model.js';
import { parseIsoTime } from '../time.js';
import { code, note } from '../notes.js';
import { AuditError } from '../errors.js';

/** A credential report that cannot be read: names the file, the line and (where known) the column. */
export class ReportError extends AuditError {
  constructor(
    /** The file path (offline) or `aws` / account id (live) the report came from. */
    readonly source: string,
    /** 1-based line of the CSV, or null when the problem is not tied to a line. */
    readonly line: number | null,
    /** The bare problem, without the `source line N: ` prefix. */
    readonly detail: string,
  ) {
    super('ReportError', `${source}${line === null ? '' : ` line ${line}`}: ${detail}`);
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

/**
 * The longest row read (1 MiB, as csv-parse's `max_record_size` counts: the row's fields so far plus the
 * one being read). A real row is under 2 KB: 22 columns of dates, booleans and short words, and a user
 * name (64 characters at most) and ARN (a path of at most 512). csv-parse stops at the first character
 * beyond the cap, so a huge field is never held whole: a single 200 MiB field used to take the process to
 * 2.9 GB.
 */
const MAX_ROW_CHARS = 1024 * 1024;
const ROW_TOO_LONG =
  'the row is over 1 MiB (a credential report row is under 2 KB): is it a credential report? ' +
  'The report was not read further';

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
  if (value === 'N/A') return true;
  const first = value.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false; // a digit: a date or a number, never blank or n/a
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

/** A required column: its name (for error messages) and where the header put it. */
interface Column {
  readonly name: string;
  readonly at: number;
}

interface KeyColumns {
  readonly active: Column;
  readonly lastRotated: Column;
  readonly lastUsedDate: Column;
  readonly lastUsedRegion: Column;
  readonly lastUsedService: Column;
}

/** The required columns, found once from the header. */
interface Columns {
  readonly user: Column;
  readonly arn: Column;
  readonly userCreationTime: Column;
  readonly passwordEnabled: Column;
  readonly passwordLastUsed: Column;
  readonly mfaActive: Column;
  readonly keys: readonly [KeyColumns, KeyColumns];
}

function columnsOf(map: Readonly<Record<string, number>>): Columns {
  const col = (name: string): Column => ({ name, at: map[name] as number });
  const key = (n: 1 | 2): KeyColumns => ({
    active: col(`access_key_${n}_active`),
    lastRotated: col(`access_key_${n}_last_rotated`),
    lastUsedDate: col(`access_key_${n}_last_used_date`),
    lastUsedRegion: col(`access_key_${n}_last_used_region`),
    lastUsedService: col(`access_key_${n}_last_used_service`),
  });
  return {
    user: col('user'),
    arn: col('arn'),
    userCreationTime: col('user_creation_time'),
    passwordEnabled: col('password_enabled'),
    passwordLastUsed: col('password_last_used'),
    mfaActive: col('mfa_active'),
    keys: [key(1), key(2)],
  };
}

/** Reads one row's cells by column, with errors that name the line and column. */
class Row {
  constructor(
    private readonly source: string,
    private readonly cells: string[],
    readonly line: number,
  ) {}

  raw(c: Column): string {
    return this.cells[c.at] ?? '';
  }

  fail(c: Column, expected: string): ReportError {
    const shown = this.raw(c);
    const value = shown.length > 60 ? `${shown.slice(0, 60)}...` : shown;
    return new ReportError(this.source, this.line, `column "${c.name}" is "${value}": expected ${expected}`);
  }

  text(c: Column): string | null {
    const v = this.raw(c).trim();
    return isNoValue(v) ? null : v;
  }

  time(c: Column): number | null {
    const v = this.raw(c);
    if (isNoValue(v)) return null;
    const t = parseIsoTime(v);
    if (t === null) throw this.fail(c, 'an ISO 8601 time or N/A');
    return t;
  }

  requiredTime(c: Column): number {
    const t = this.time(c);
    if (t === null) throw this.fail(c, 'an ISO 8601 time');
    return t;
  }

  /** `true` / `false` (any case); N/A and its kin read as false. */
  bool(c: Column): boolean {
    const raw = this.raw(c);
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    const v = raw.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false' || isNoValue(v)) return false;
    throw this.fail(c, 'true or false');
  }

  key(k: KeyColumns, slot: 1 | 2): ReportKey {
    return {
      slot,
      active: this.bool(k.active),
      lastRotated: this.time(k.lastRotated),
      lastUsedDate: this.time(k.lastUsedDate),
      lastUsedRegion: this.text(k.lastUsedRegion),
      lastUsedService: this.text(k.lastUsedService),
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

/** Finds the header row's names (case-insensitively); checks the required columns. */
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
  return columnsOf(map);
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
  const row = new Row(source, record, line);
  const name = row.raw(columns.user);
  const arn = row.raw(columns.arn).trim();
  if (name === ROOT_USER) {
    const m = ROOT_ARN.exec(arn);
    if (!m) throw row.fail(columns.arn, 'arn:PARTITION:iam::ACCOUNT:root for the <root_account> row');
    return { accountId: m[2] as string, user: null };
  }
  const m = USER_ARN.exec(arn);
  if (!m) throw row.fail(columns.arn, 'an IAM user ARN (arn:PARTITION:iam::ACCOUNT:user/...)');
  if (name.trim() === '') throw row.fail(columns.user, 'a user name');
  return {
    accountId: m[2] as string,
    user: {
      line,
      user: name,
      arn,
      userCreationTime: row.requiredTime(columns.userCreationTime),
      passwordEnabled: row.bool(columns.passwordEnabled),
      passwordLastUsed: row.time(columns.passwordLastUsed),
      mfaActive: row.bool(columns.mfaActive),
      keys: [row.key(columns.keys[0], 1), row.key(columns.keys[1], 2)],
    },
  };
}

/** What a report says besides its users: its account, and the rows that could not be read. */
export interface ReportRows {
  /** From the ARNs; null when the report has no user rows. */
  accountId: string | null;
  /** Rows skipped so that they hide nothing else; each one is a warning of the account. */
  unreadable: UnreadableRow[];
}

/**
 * Reads a credential report row by row: `onUser` gets each IAM user row (in report order, the
 * `<root_account>` row skipped) as soon as it is parsed, with the report's account. Columns are found
 * by name (case-insensitively, any order, extra columns ignored); all rows must belong to one account.
 * Rejects with a `ReportError` naming the source, line and column of the first problem (`onUser` may
 * have seen rows before it).
 */
export async function readCredentialReport(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  source: string,
  onUser: (user: ReportUser, accountId: string) => void,
): Promise<ReportRows> {
  const head = { bytes: [] as Buffer[], size: 0 };
  const headText = (): string => Buffer.concat(head.bytes).toString('utf8');
  const unreadable: UnreadableRow[] = [];
  let accountId: string | null = null;
  let accountLine = 0;
  let columns: Columns | null = null;
  let headerWidth = 0;
  let headerNames: string[] | null = null;

  // Line numbers are counted here rather than with csv-parse's `info` (a snapshot object per record):
  // one line per record, plus the line breaks inside quoted fields, plus the empty lines.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_ROW_CHARS,
  });
  let nextLine = 1;
  let failure: unknown = undefined;

  const onRecord = (record: string[]): void => {
    const line = nextLine;
    nextLine += 1;
    for (const cell of record) {
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) nextLine += 1;
    }
    if (record.length === 1 && record[0] === '') return; // an empty line
    if (columns === null) {
      const header = readHeader(source, record, line, headText);
      const mangledHeader = notUtf8(source, record, line, null);
      if (mangledHeader) throw mangledHeader;
      columns = header;
      headerWidth = record.length;
      headerNames = record.map((c) => c.trim().toLowerCase());
      return;
    }
    const mangled = notUtf8(source, record, line, headerNames);
    if (mangled) throw mangled;
    if (record.length > headerWidth) {
      unreadable.push(overlongRow(record, headerWidth, line));
      return;
    }
    const row = readRow(source, columns, headerWidth, record, line);
    if (row.accountId !== accountId) {
      if (accountId === null) {
        accountId = row.accountId;
        accountLine = line;
      } else {
        throw new ReportError(
          source,
          line,
          `row is of account ${row.accountId}, line ${accountLine} of account ${accountId}: a credential report covers one account`,
        );
      }
    }
    if (row.user) onUser(row.user, accountId);
  };

  // Each record is handled as it leaves the parser, synchronously (no promise per record).
  const consume = new Writable({
    objectMode: true,
    write(record: string[], _encoding, done) {
      try {
        onRecord(record);
      } catch (err) {
        failure = err;
        done(err as Error);
        return;
      }
      done();
    },
  });

  try {
    await pipeline(Readable.from(chunksOf(input, head, source)), parser, consume);
  } catch (caught) {
    // When the consumer throws, the pipeline may reject with the AbortError of the torn-down source.
    const err = failure ?? caught;
    if (err instanceof ReportError) throw err;
    // the row being read starts at nextLine (csv-parse's own count is where it stopped, inside the row)
    if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new ReportError(source, nextLine, ROW_TOO_LONG);
    }
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
  return { accountId, unreadable };
}

/**
 * Parses a whole credential report into its users (the live audit, which enriches the flagged users
 * afterwards). See `readCredentialReport`.
 */
export async function parseCredentialReport(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  source: string,
): Promise<ParsedReport> {
  const users: ReportUser[] = [];
  const { accountId, unreadable } = await readCredentialReport(input, source, (user) => users.push(user));
  return { accountId, users, unreadable };
}
