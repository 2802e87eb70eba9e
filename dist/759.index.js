export const id = 759;
export const ids = [759];
export const modules = {

/***/ 7974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ fileSource),
/* harmony export */   SB: () => (/* binding */ okAccount),
/* harmony export */   b4: () => (/* binding */ failedAccount),
/* harmony export */   eX: () => (/* binding */ AWS_SOURCE),
/* harmony export */   j8: () => (/* binding */ UNKNOWN_ACCOUNT_ID)
/* harmony export */ });
/** The account id a report file is shown under when neither its rows nor its name give one. */
const UNKNOWN_ACCOUNT_ID = 'unknown';
/** A live account's source. */
const AWS_SOURCE = { kind: 'aws' };
/** A report file's source. */
function fileSource(path) {
    return { kind: 'file', path };
}
function identity(id) {
    return {
        accountId: id.accountId ?? UNKNOWN_ACCOUNT_ID,
        accountIdKnown: id.accountId !== null,
        alias: id.alias ?? null,
        reportGeneratedAt: id.reportGeneratedAt ?? null,
        source: id.source,
        asOf: id.asOf,
    };
}
function okAccount(id) {
    return {
        ...identity(id),
        status: 'ok',
        error: null,
        hint: null,
        errorCode: null,
        errorStep: null,
        usersScanned: id.usersScanned,
        resolvedSinceReport: id.resolvedSinceReport,
    };
}
function failedAccount(id) {
    return {
        ...identity(id),
        status: 'error',
        error: id.error,
        hint: id.hint,
        errorCode: id.code,
        errorStep: id.step,
        usersScanned: 0,
        resolvedSinceReport: 0,
    };
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ SYSTEM_CLOCK),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** The real clock's wait (the shells' `sleep`): resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** The real clock: the system time and real timers. */
const SYSTEM_CLOCK = { now: () => new Date(), sleep };


/***/ }),

/***/ 7833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ ReportError),
/* harmony export */   GH: () => (/* binding */ readCredentialReport),
/* harmony export */   WA: () => (/* binding */ MAX_REPORT_BYTES),
/* harmony export */   X7: () => (/* binding */ tooLargeDetail),
/* harmony export */   tX: () => (/* binding */ parseCredentialReport)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var csv_parse__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6070);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9834);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4462);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Streaming parser for IAM credential reports (CSV, as `GetCredentialReport` returns it or as the
 * console downloads it). Rows are parsed one at a time and handed on as typed `ReportUser` facts, so a
 * 50,000-user report is never held as one string, and (offline, where each row is evaluated as it comes)
 * not even as 50,000 users.
 */






/** A credential report that cannot be read: names the file, the line and (where known) the column. */
class ReportError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditError */ .M_ {
    source;
    line;
    detail;
    constructor(
    /** The file path (offline) or `aws` / account id (live) the report came from. */
    source, 
    /** 1-based line of the CSV, or null when the problem is not tied to a line. */
    line, 
    /** The bare problem, without the `source line N: ` prefix. */
    detail) {
        super('ReportError', `${source}${line === null ? '' : ` line ${line}`}: ${detail}`);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }
}
/**
 * The largest report read, in bytes (256 MiB). IAM's default quota is 5,000 users an account, about
 * 1.2 MB of report; even the hard limit is far below this. A larger file is not a credential report (or
 * not one file of it) and is refused before it can grow the process's memory to gigabytes.
 */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** The one-line reason a report of `size` bytes is refused. */
function tooLargeDetail(size, max = MAX_REPORT_BYTES) {
    const mb = (n) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
    return (`the report is ${mb(size)}, over the ${mb(max)} this action reads ` +
        "(IAM's default quota of 5,000 users makes about 1.2 MB of report): is it a credential report?");
}
/**
 * The longest row read (1 MiB, as csv-parse's `max_record_size` counts: the row's fields so far plus the
 * one being read). A real row is under 2 KB: 22 columns of dates, booleans and short words, and a user
 * name (64 characters at most) and ARN (a path of at most 512). csv-parse stops at the first character
 * beyond the cap, so a huge field is never held whole: a single 200 MiB field used to take the process to
 * 2.9 GB.
 */
const MAX_ROW_CHARS = 1024 * 1024;
const ROW_TOO_LONG = 'the row is over 1 MiB (a credential report row is under 2 KB): is it a credential report? ' +
    'The report was not read further';
const KEY_COLUMNS = [
    'active',
    'last_rotated',
    'last_used_date',
    'last_used_region',
    'last_used_service',
];
/** Every column the audit reads; others (password_last_changed, cert_*, new ones) are ignored. */
const REQUIRED_COLUMNS = [
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
function isNoValue(value) {
    if (value === 'N/A')
        return true;
    const first = value.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39)
        return false; // a digit: a date or a number, never blank or n/a
    const v = value.trim();
    return v === '' || NO_VALUE.has(v.toLowerCase());
}
/** What the parser needs to know about the file's first bytes to say what it is instead. */
function describeStart(head) {
    const text = head.replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine.trim() === '')
        return text.trim() === '' ? 'the file is empty' : 'the first line is empty';
    const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}...` : firstLine;
    // eslint-disable-next-line no-control-regex
    return `the file starts with "${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}"`;
}
function notAReport(source, head) {
    return new ReportError(source, 1, `not a credential report (no "user,arn,..." header; ${describeStart(head)})`);
}
function columnsOf(map) {
    const col = (name) => ({ name, at: map[name] });
    const key = (n) => ({
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
    source;
    cells;
    line;
    constructor(source, cells, line) {
        this.source = source;
        this.cells = cells;
        this.line = line;
    }
    raw(c) {
        return this.cells[c.at] ?? '';
    }
    fail(c, expected) {
        const shown = this.raw(c);
        const value = shown.length > 60 ? `${shown.slice(0, 60)}...` : shown;
        return new ReportError(this.source, this.line, `column "${c.name}" is "${value}": expected ${expected}`);
    }
    text(c) {
        const v = this.raw(c).trim();
        return isNoValue(v) ? null : v;
    }
    time(c) {
        const v = this.raw(c);
        if (isNoValue(v))
            return null;
        const t = (0,_time_js__WEBPACK_IMPORTED_MODULE_4__/* .parseIsoTime */ .s)(v);
        if (t === null)
            throw this.fail(c, 'an ISO 8601 time or N/A');
        return t;
    }
    requiredTime(c) {
        const t = this.time(c);
        if (t === null)
            throw this.fail(c, 'an ISO 8601 time');
        return t;
    }
    /** `true` / `false` (any case); N/A and its kin read as false. */
    bool(c) {
        const raw = this.raw(c);
        if (raw === 'true')
            return true;
        if (raw === 'false')
            return false;
        const v = raw.trim().toLowerCase();
        if (v === 'true')
            return true;
        if (v === 'false' || isNoValue(v))
            return false;
        throw this.fail(c, 'true or false');
    }
    key(k, slot) {
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
function wideEncoding(first) {
    const b = (i) => first[i];
    if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0)
        return 'UTF-32LE';
    if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff)
        return 'UTF-32BE';
    if (b(0) === 0xfe && b(1) === 0xff)
        return 'UTF-16BE';
    if (b(0) === 0xff && b(1) === 0xfe)
        return 'UTF-16LE';
    if (first.length < 4)
        return null;
    if (b(0) !== 0 && b(1) === 0 && b(2) === 0 && b(3) === 0)
        return 'UTF-32LE';
    if (b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) !== 0)
        return 'UTF-32BE';
    if (b(0) !== 0 && b(1) === 0 && b(2) !== 0 && b(3) === 0)
        return 'UTF-16LE';
    if (b(0) === 0 && b(1) !== 0 && b(2) === 0 && b(3) !== 0)
        return 'UTF-16BE';
    return null;
}
/** Everything the parser yields from its input, as chunks; keeps the first bytes to describe bad files. */
async function* chunksOf(input, head, source) {
    let checked = false;
    for await (const chunk of input) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (head.size < 512) {
            head.bytes.push(buf.subarray(0, 512 - head.size));
            head.size += Math.min(buf.length, 512 - head.size);
        }
        if (!checked && head.size >= 4) {
            checked = true;
            const encoding = wideEncoding(Buffer.concat(head.bytes));
            if (encoding !== null) {
                throw new ReportError(source, null, `the file is ${encoding}, not UTF-8: a credential report is UTF-8 CSV. ` +
                    `Convert it, e.g. \`iconv -f ${encoding} -t UTF-8 report.csv > report-utf8.csv\``);
            }
        }
        yield buf;
    }
}
/** A cell with U+FFFD: csv-parse's stand-in for bytes that are not UTF-8 (e.g. Latin-1 `é`). */
function notUtf8(source, record, line, header) {
    const at = record.findIndex((cell) => cell.includes('\uFFFD'));
    if (at < 0)
        return null;
    const column = header?.[at] ? ` in column "${header[at]}"` : '';
    return new ReportError(source, line, `bytes that are not UTF-8${column} (a Latin-1 or Windows-1252 file?): the value would be read mangled. ` +
        'Download the report again, or convert it, e.g. `iconv -f LATIN1 -t UTF-8 report.csv > report-utf8.csv`');
}
/** Finds the header row's names (case-insensitively); checks the required columns. */
function readHeader(source, record, line, headText) {
    const names = record.map((c) => c.trim().toLowerCase());
    if (!names.includes('user') || !names.includes('arn'))
        throw notAReport(source, headText());
    const map = {};
    names.forEach((n, i) => {
        if (n in map && REQUIRED_COLUMNS.includes(n)) {
            throw new ReportError(source, line, `the header names column "${n}" twice (columns ${map[n] + 1} and ${i + 1})`);
        }
        if (!(n in map))
            map[n] = i;
    });
    if ('access_key_1_active' in map && !Object.keys(map).some((n) => /^access_key_\d_last_used_/.test(n))) {
        throw new ReportError(source, line, 'this is a credential report in the format AWS used before April 2015: it has no ' +
            'access_key_N_last_used_* columns, so it cannot tell whether a key was ever used. Generate a ' +
            'current report (aws iam generate-credential-report, then aws iam get-credential-report ' +
            '--query Content --output text | base64 --decode > report.csv) and audit that file');
    }
    for (const name of REQUIRED_COLUMNS) {
        if (!(name in map))
            throw new ReportError(source, line, `missing required column "${name}"`);
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
function overlongRow(record, headerWidth, line) {
    const arnAt = record.findIndex((cell, i) => i > 0 && cell.startsWith('arn:'));
    const name = arnAt > 0 ? record.slice(0, arnAt).join(',') : null;
    const who = name !== null && IAM_USER_NAME.test(name) ? (0,_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .note */ .N4) ` (user ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .code */ .aY)(name)}?)` : (0,_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .note */ .N4) ``;
    return {
        line,
        detail: (0,_notes_js__WEBPACK_IMPORTED_MODULE_5__/* .note */ .N4) `the row has ${record.length} fields, the header has ${headerWidth}: a value with a comma that is not quoted${who}, so its columns cannot be told apart. This row was not audited; the other rows were`,
    };
}
/** One data row: its account, and the typed user (null for the `<root_account>` row). */
function readRow(source, columns, headerWidth, record, line) {
    if (record.length < headerWidth) {
        throw new ReportError(source, line, `row has ${record.length} fields, the header has ${headerWidth} (is the file truncated?)`);
    }
    const row = new Row(source, record, line);
    const name = row.raw(columns.user);
    const arn = row.raw(columns.arn).trim();
    if (name === ROOT_USER) {
        const m = ROOT_ARN.exec(arn);
        if (!m)
            throw row.fail(columns.arn, 'arn:PARTITION:iam::ACCOUNT:root for the <root_account> row');
        return { accountId: m[2], user: null };
    }
    const m = USER_ARN.exec(arn);
    if (!m)
        throw row.fail(columns.arn, 'an IAM user ARN (arn:PARTITION:iam::ACCOUNT:user/...)');
    if (name.trim() === '')
        throw row.fail(columns.user, 'a user name');
    return {
        accountId: m[2],
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
/**
 * Reads a credential report row by row: `onUser` gets each IAM user row (in report order, the
 * `<root_account>` row skipped) as soon as it is parsed, with the report's account. Columns are found
 * by name (case-insensitively, any order, extra columns ignored); all rows must belong to one account.
 * Rejects with a `ReportError` naming the source, line and column of the first problem (`onUser` may
 * have seen rows before it).
 */
async function readCredentialReport(input, source, onUser) {
    const head = { bytes: [], size: 0 };
    const headText = () => Buffer.concat(head.bytes).toString('utf8');
    const unreadable = [];
    let accountId = null;
    let accountLine = 0;
    let columns = null;
    let headerWidth = 0;
    let headerNames = null;
    // Line numbers are counted here rather than with csv-parse's `info` (a snapshot object per record):
    // one line per record, plus the line breaks inside quoted fields, plus the empty lines.
    const parser = (0,csv_parse__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)({
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        max_record_size: MAX_ROW_CHARS,
    });
    let nextLine = 1;
    let failure = undefined;
    const onRecord = (record) => {
        const line = nextLine;
        nextLine += 1;
        for (const cell of record) {
            for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1))
                nextLine += 1;
        }
        if (record.length === 1 && record[0] === '')
            return; // an empty line
        if (columns === null) {
            const header = readHeader(source, record, line, headText);
            const mangledHeader = notUtf8(source, record, line, null);
            if (mangledHeader)
                throw mangledHeader;
            columns = header;
            headerWidth = record.length;
            headerNames = record.map((c) => c.trim().toLowerCase());
            return;
        }
        const mangled = notUtf8(source, record, line, headerNames);
        if (mangled)
            throw mangled;
        if (record.length > headerWidth) {
            unreadable.push(overlongRow(record, headerWidth, line));
            return;
        }
        const row = readRow(source, columns, headerWidth, record, line);
        if (row.accountId !== accountId) {
            if (accountId === null) {
                accountId = row.accountId;
                accountLine = line;
            }
            else {
                throw new ReportError(source, line, `row is of account ${row.accountId}, line ${accountLine} of account ${accountId}: a credential report covers one account`);
            }
        }
        if (row.user)
            onUser(row.user, accountId);
    };
    // Each record is handled as it leaves the parser, synchronously (no promise per record).
    const consume = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({
        objectMode: true,
        write(record, _encoding, done) {
            try {
                onRecord(record);
            }
            catch (err) {
                failure = err;
                done(err);
                return;
            }
            done();
        },
    });
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(chunksOf(input, head, source)), parser, consume);
    }
    catch (caught) {
        // When the consumer throws, the pipeline may reject with the AbortError of the torn-down source.
        const err = failure ?? caught;
        if (err instanceof ReportError)
            throw err;
        // the row being read starts at nextLine (csv-parse's own count is where it stopped, inside the row)
        if (err instanceof csv_parse__WEBPACK_IMPORTED_MODULE_2__/* .CsvError */ .J$ && err.code === 'CSV_MAX_RECORD_SIZE') {
            throw new ReportError(source, nextLine, ROW_TOO_LONG);
        }
        if (err instanceof csv_parse__WEBPACK_IMPORTED_MODULE_2__/* .CsvError */ .J$) {
            // a header that names user and arn is a report whose CSV is broken, not "not a report"
            const first = (headText()
                .replace(/^\uFEFF/, '')
                .split(/\r?\n/, 1)[0] ?? '').toLowerCase();
            if (columns === null && !/^"?user"?,.*\barn\b/.test(first))
                throw notAReport(source, headText());
            const line = typeof err.lines === 'number' ? err.lines : null;
            throw new ReportError(source, line, `malformed CSV: ${err.message}`);
        }
        throw err;
    }
    if (columns === null)
        throw notAReport(source, headText());
    return { accountId, unreadable };
}
/**
 * Parses a whole credential report into its users (the live audit, which enriches the flagged users
 * afterwards). See `readCredentialReport`.
 */
async function parseCredentialReport(input, source) {
    const users = [];
    const { accountId, unreadable } = await readCredentialReport(input, source, (user) => users.push(user));
    return { accountId, users, unreadable };
}


/***/ }),

/***/ 6990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ settleBoth),
/* harmony export */   WS: () => (/* binding */ mapWithConcurrency),
/* harmony export */   j3: () => (/* binding */ settleAll)
/* harmony export */ });
/**
 * Maps `items` through `fn` with at most `limit` calls in flight, preserving order in the result.
 *
 * Items are started in order. If a call rejects, no further items are started, the calls already
 * running are allowed to settle, and the returned promise rejects with the first error. Callers that
 * want every item to run (the per-account audit) pass an `fn` that never rejects.
 */
async function mapWithConcurrency(items, limit, fn) {
    const workers = Math.max(1, Math.min(Number.isFinite(limit) ? Math.floor(limit) : 1, items.length));
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    let firstError;
    async function worker() {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (err) {
                if (!failed) {
                    failed = true;
                    firstError = err;
                }
            }
        }
    }
    await Promise.all(Array.from({ length: items.length === 0 ? 0 : workers }, () => worker()));
    if (failed)
        throw firstError;
    return results;
}
/**
 * Like `Promise.all`, but rejects (with the first error, in order) only once every promise has
 * settled: no call of a failed account keeps running after its audit returned.
 */
async function settleAll(promises) {
    const results = await Promise.allSettled(promises);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return results.map((r) => r.value);
}
/** `settleAll` for two promises of different types. */
async function settleBoth(a, b) {
    const [ra, rb] = await Promise.allSettled([a, b]);
    if (ra.status === 'rejected')
        throw ra.reason;
    if (rb.status === 'rejected')
        throw rb.reason;
    return [ra.value, rb.value];
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M_: () => (/* binding */ AuditError),
/* harmony export */   Wg: () => (/* binding */ oneLineMessage),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   nG: () => (/* binding */ httpStatus)
/* harmony export */ });
/**
 * The errors this tool throws, and reading what was thrown. Shared by every stage; no I/O.
 *
 * Every error class extends {@link AuditError}: the `message` says what failed; a short `code` to branch
 * on (an AWS error name, or the class's own name), the `step` it failed in (an API operation; null when
 * not tied to one) and what to do about it (`hint`) are fields, never text glued into the message.
 * Callers branch on the class or the code, never on the message. {@link errorMessage} is the text a
 * person reads: the message, then the hint on a line of its own.
 */
/** The base of every error class of this tool. `name` is the class's own name (it survives bundling). */
class AuditError extends Error {
    /** What went wrong, in a word: an AWS error name (`AccessDenied`), or the class's name. */
    code;
    /** The API operation or stage it happened in (`AssumeRole`, `ListAccounts`); null when not tied to one. */
    step;
    /** What to do about it, for the person reading it; null when there is nothing to say. */
    hint;
    constructor(name, message, fields = {}) {
        super(message, 'cause' in fields ? { cause: fields.cause } : undefined);
        this.name = name;
        this.code = fields.code ?? name;
        this.step = fields.step ?? null;
        this.hint = fields.hint ?? null;
    }
}
/**
 * The text of anything thrown, as a person reads it: an error's message (with the hint of an AuditError
 * on the next line), or the thrown value as text (a string, a number, …).
 */
function errorMessage(err) {
    if (err instanceof AuditError && err.hint)
        return `${err.message}\n${err.hint}`;
    return err instanceof Error ? err.message : String(err);
}
/** {@link errorMessage} on one line: every run of whitespace (newlines too) one space, trimmed. */
function oneLineMessage(err) {
    return errorMessage(err).replace(/\s+/g, ' ').trim();
}
/** The HTTP status of a GitHub API error (Octokit's `RequestError.status`), or null for anything else. */
function httpStatus(err) {
    const s = typeof err === 'object' && err !== null ? err.status : undefined;
    return typeof s === 'number' ? s : null;
}


/***/ }),

/***/ 1632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   VE: () => (/* binding */ toIsoSecond),
/* harmony export */   dq: () => (/* binding */ userPathAndName),
/* harmony export */   nz: () => (/* binding */ ReportEvaluation)
/* harmony export */ });
/* unused harmony export keyLocation */
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8029);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3697);


const ROOT_USER = '<root_account>';
/** `2026-11-27T20:47:26Z`: ISO 8601 in UTC, to the second (milliseconds dropped, not rounded). */
function toIsoSecond(ms) {
    const floored = Math.floor(ms / 1000) * 1000;
    return new Date(floored).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** `20261127T204726Z`: the compact form used in SARIF locations. */
function compactSecond(ms) {
    return toIsoSecond(ms).replace(/[-:]/g, '');
}
/** Characters kept as they are in a location path; IAM names and paths only use `[\w+=,.@/-]`. */
const SAFE = /[A-Za-z0-9._~+=,@/-]/;
const ALL_SAFE = /^[A-Za-z0-9._~+=,@/-]*$/;
/**
 * Percent-encodes one path segment so the location is a valid relative URI reference. The result is one
 * flat string (parts joined, never `+=` per character): a finding keeps its location for the whole run,
 * and a string grown a character at a time is a chain of pieces that all stay alive with it.
 */
function encodeSegment(segment) {
    if (/^\.+$/.test(segment))
        return segment.replace(/\./g, '%2E'); // `.` / `..` would be resolved away
    if (ALL_SAFE.test(segment))
        return segment; // every IAM name
    const parts = [];
    for (const ch of segment) {
        if (SAFE.test(ch))
            parts.push(ch);
        else
            for (const byte of Buffer.from(ch, 'utf8'))
                parts.push(`%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
    }
    return parts.join('');
}
/** The part of a user ARN after `user/`: the user's path (without the leading slash) and name. */
function userPathAndName(userArn) {
    const i = userArn.indexOf(':user/');
    return i >= 0 ? userArn.slice(i + ':user/'.length) : userArn;
}
/**
 * The SARIF artifact path naming one key (docs/design.md §4):
 * `aws/ACCOUNT/iam/user/PATH/NAME/key-created-YYYYMMDDTHHMMSSZ[-slotN]`. A key without a creation time
 * is `.../key-created-unknown-slotN`: stable from run to run (the slot is all the report says of it),
 * and never equal to a dated location.
 */
function keyLocation(k) {
    const userPart = userPathAndName(k.userArn)
        .split('/')
        .filter((s) => s !== '')
        .map(encodeSegment)
        .join('/');
    // joined into one flat string (see encodeSegment), not concatenated
    const parts = ['aws/', encodeSegment(k.accountId), '/iam/user/', userPart, '/key-created-'];
    if (k.keyCreatedAt === null)
        parts.push(`unknown-slot${k.slot}`);
    else
        parts.push(compactSecond(k.keyCreatedAt), k.sameSecond ? `-slot${k.slot}` : '');
    return parts.join('');
}
/** True when both keys of the user have a creation time and it is the same second. */
function keysShareSecond(user) {
    const [a, b] = user.keys;
    return (a.lastRotated !== null &&
        b.lastRotated !== null &&
        Math.floor(a.lastRotated / 1000) === Math.floor(b.lastRotated / 1000));
}
/** A rule's place in the registry: findings of one key sort in this order. */
const RULE_RANK = new Map(_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.map((r, i) => [r.id, i]));
function compareFindings(a, b) {
    if (a.accountId !== b.accountId)
        return a.accountId < b.accountId ? -1 : 1;
    if (a.userArn !== b.userArn)
        return a.userArn < b.userArn ? -1 : 1;
    if (a.keySlot !== b.keySlot)
        return a.keySlot - b.keySlot;
    return a.ruleId === b.ruleId
        ? 0
        : (RULE_RANK.get(a.ruleId) ?? _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.length) - (RULE_RANK.get(b.ruleId) ?? _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.length);
}
/** Sorts findings by account, user ARN (code-unit order), slot and rule, in place; returns the array. */
function sortFindings(findings) {
    return findings.sort(compareFindings);
}
/** The finding of `rule` on one key of a report row, with the key's evidence (exemptions not applied). */
function findingOf(rule, reason, accountId, user, key, sameSecond) {
    // A key without `last_rotated` (N/A, seen in real reports) has no creation time, so no gap either.
    const gapMs = key.lastRotated === null ? null : Math.abs(key.lastRotated - user.userCreationTime);
    return {
        ruleId: rule.id,
        accountId,
        userName: user.user,
        userArn: user.arn,
        keySlot: key.slot,
        accessKeyId: null,
        reason,
        userCreatedAt: toIsoSecond(user.userCreationTime),
        keyCreatedAt: key.lastRotated === null ? null : toIsoSecond(key.lastRotated),
        setupGapSeconds: gapMs === null ? null : Math.round(gapMs / 1000),
        keyLastUsedAt: key.lastUsedDate === null ? null : toIsoSecond(key.lastUsedDate),
        keyLastUsedService: key.lastUsedService,
        keyLastUsedRegion: key.lastUsedRegion,
        passwordLastUsedAt: user.passwordLastUsed === null ? null : toIsoSecond(user.passwordLastUsed),
        mfaActive: user.mfaActive,
        exempted: false,
        justification: null,
        exemptionExpired: false,
        location: keyLocation({
            accountId,
            userArn: user.arn,
            keyCreatedAt: key.lastRotated,
            slot: key.slot,
            sameSecond,
        }),
    };
}
/**
 * The rules over a report's user rows as they are read (offline, so a report is never held whole):
 * `add` each row in report order, then `findings()`. Real reports can list a user twice, and the rows
 * need not agree: every row is evaluated, and each key is one finding per rule (one SARIF result) under
 * its identity, from the first row that shows it failing. A user is counted once.
 */
class ReportEvaluation {
    settings;
    asOf;
    /** User ARNs seen: the users scanned. */
    users = new Set();
    /** Identities of the findings so far: each key once per rule. */
    identities = new Set();
    found = [];
    undated = new Map();
    constructor(settings, 
    /** Epoch ms: the time the `unused-days` test is measured from. */
    asOf) {
        this.settings = settings;
        this.asOf = asOf;
    }
    /** One user row of the report of `accountId`. */
    add(accountId, user) {
        this.users.add(user.arn);
        if (user.user === ROOT_USER)
            return;
        const ctx = { settings: this.settings, asOf: this.asOf };
        let sameSecond;
        for (const key of user.keys) {
            for (const rule of _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0) {
                const reason = rule.decide(user, key, ctx);
                if (reason === null)
                    continue;
                sameSecond ??= keysShareSecond(user);
                const f = findingOf(rule, reason, accountId, user, key, sameSecond);
                const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .findingIdentity */ .AZ)(f);
                if (this.identities.has(id))
                    continue;
                this.identities.add(id);
                this.found.push(f);
                if (f.keyCreatedAt === null)
                    this.undated.set(f.location, [user.keys[0].lastRotated, user.keys[1].lastRotated]);
            }
        }
    }
    /** Users of the report so far, each counted once however many rows list it. */
    get usersScanned() {
        return this.users.size;
    }
    /**
     * The report's `access_key_N_last_rotated` of both slots of the row each finding without a creation
     * time came from, by location: the live audit matches such a key to the one live key no other slot
     * of that row accounts for (evaluate/confirm.ts).
     */
    get undatedKeyTimes() {
        return this.undated;
    }
    /** Every failing key so far (exemptions not applied), sorted by account, user ARN, slot, rule. */
    findings() {
        return sortFindings([...this.found]);
    }
}


/***/ }),

/***/ 2171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ nameGlobs),
/* harmony export */   EZ: () => (/* binding */ tagValue),
/* harmony export */   Fr: () => (/* binding */ exemptionLapsed),
/* harmony export */   cm: () => (/* binding */ parseJustification),
/* harmony export */   rY: () => (/* binding */ applyExemptions)
/* harmony export */ });
/* unused harmony export expiryEnd */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1632);
/**
 * Exemptions (docs/design.md §1): the user's `exemption-tag` (with an optional `expires=YYYY-MM-DD`), a
 * key's own `EXEMPTION-TAG:ACCESS-KEY-ID` tag (docs/design.md §10, read by key-tags.ts) and the
 * `exempt-users` globs. An exempted key stays a `Finding` with `exempted: true` and its justification.
 */


const EXPIRES = /(?:^|[\s;,])expires=(\S*)\s*$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * Splits a justification tag value into its text and its `expires=YYYY-MM-DD` suffix (separated by
 * `;`, `,` or whitespace, or the whole value). `expires` is the text after `expires=` as written, even
 * when it is not a valid date (which `applyExemptions` then treats as already expired).
 */
function parseJustification(value) {
    const trimmed = value.trim();
    const m = EXPIRES.exec(trimmed);
    if (!m)
        return { text: trimmed, expires: null };
    const text = trimmed
        .slice(0, m.index)
        .replace(/[\s;,]+$/, '')
        .trim();
    return { text, expires: m[1] ?? '' };
}
/** End of the given UTC day (exclusive), epoch ms; null when `YYYY-MM-DD` is not a real date. */
function expiryEnd(date) {
    const m = DATE.exec(date);
    if (!m)
        return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const start = Date.UTC(y, mo - 1, d);
    const check = new Date(start);
    if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
        return null;
    return Date.UTC(y, mo - 1, d + 1);
}
/**
 * Whether an exemption whose `expires=` is `expires` (null: none) has lapsed at `asOf` (epoch ms): after
 * its day (UTC), or at once when the date is not a real one. The one expiry rule of every exemption (the
 * user's tag, a key's own tag, an exemption written in infrastructure code).
 */
function exemptionLapsed(expires, asOf) {
    if (expires === null)
        return false;
    const end = expiryEnd(expires);
    return end === null || asOf >= end;
}
/** The value of `tagKey` (matched case-insensitively, as IAM treats tag keys as unique), trimmed. */
function tagValue(tags, tagKey) {
    if (!tags)
        return null;
    const wanted = tagKey.toLowerCase();
    for (const [k, v] of Object.entries(tags)) {
        if (k.toLowerCase() === wanted)
            return v.trim();
    }
    return null;
}
const USER = ':user/';
/**
 * How an `exempt-users` glob matches a user (issue 19 §8.1):
 * - its name regardless of case: IAM user names are unique regardless of case (there cannot be an
 *   `ALICE` next to an `alice`), so `ALICE` can only mean alice;
 * - its `PATH/NAME` regardless of case, and so the part of an ARN after `:user/`: a glob cannot be cut
 *   reliably between path and name (`**`, braces), and the path names no other user (IAM paths are
 *   case-sensitive, so an account with both /ci/ and /CI/ would see a glob for one exempt the users of
 *   the other; the user is still one user);
 * - the ARN's `arn:PARTITION:iam::ACCOUNT:user/` exactly (case-sensitive, as written): the partition and
 *   account are what keeps a glob for one account from exempting another's user, and are never loosened.
 *   A glob without the literal `:user/` matches the whole ARN exactly, as before.
 * What matched before still matches (the exact test comes first). `windows: false`: `\` is the glob's
 * escape (e.g. `\,` for a comma in a name) on every runner, never a path separator.
 */
function compile(glob) {
    const opts = { dot: true, windows: false };
    const exact = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(glob, opts);
    const anyCase = picomatch__WEBPACK_IMPORTED_MODULE_1___default()(glob, { ...opts, nocase: true });
    const at = glob.indexOf(USER);
    const arnHead = at < 0 ? null : picomatch__WEBPACK_IMPORTED_MODULE_1___default()(glob.slice(0, at + USER.length), opts);
    const arnTail = at < 0 ? null : picomatch__WEBPACK_IMPORTED_MODULE_1___default()(glob.slice(at + USER.length), { ...opts, nocase: true });
    const arnMatches = (arn) => {
        if (exact(arn))
            return true;
        const i = arn.indexOf(USER);
        if (arnHead === null || arnTail === null || i < 0)
            return false;
        return arnHead(arn.slice(0, i + USER.length)) && arnTail(arn.slice(i + USER.length));
    };
    return {
        glob,
        test: (f) => anyCase(f.userName) || anyCase((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .userPathAndName */ .dq)(f.userArn)) || arnMatches(f.userArn),
    };
}
/**
 * An `exempt-users` matcher for a user known only by name (infrastructure code, docs/design.md §11: no
 * account, no ARN): each glob against the name regardless of case, as above. Globs that name an ARN
 * (`arn:…`) cannot match such a user and are returned apart, so the caller can say so.
 */
function nameGlobs(globs) {
    const all = globs.map((g) => g.trim()).filter((g) => g !== '');
    const arnGlobs = all.filter((g) => g.startsWith('arn:'));
    const names = all
        .filter((g) => !g.startsWith('arn:'))
        .map((glob) => ({ glob, test: picomatch__WEBPACK_IMPORTED_MODULE_1___default()(glob, { dot: true, windows: false, nocase: true }) }));
    return { match: (name) => names.find((m) => m.test(name))?.glob ?? null, arnGlobs };
}
function compileAll(globs) {
    return globs
        .map((g) => g.trim())
        .filter((g) => g !== '')
        .map(compile);
}
function matchingGlob(matchers, f) {
    return matchers.find((m) => m.test(f))?.glob ?? null;
}
/**
 * Marks findings exempted by a tag or an `exempt-users` glob. A valid tag wins over a glob (the user's tag
 * first, then the key's own); a glob wins over an expired tag (the workflow says so explicitly); an
 * expired tag alone gives `exempted: false, exemptionExpired: true` with the justification kept. Pure:
 * returns new objects.
 */
function applyExemptions(findings, opts) {
    const matchers = compileAll(opts.exemptUsers);
    return findings.map((f) => {
        const value = tagValue(opts.tags?.get(f.userArn), opts.exemptionTag);
        let expired = false;
        if (value) {
            expired = exemptionLapsed(parseJustification(value).expires, opts.asOf);
            if (!expired)
                return { ...f, exempted: true, justification: value, exemptionExpired: false };
        }
        const key = f.accessKeyId === null ? undefined : opts.keyExemptions?.get(f.accessKeyId);
        if (key && !key.expired) {
            return { ...f, exempted: true, justification: key.justification, exemptionExpired: false };
        }
        const glob = matchingGlob(matchers, f);
        if (glob !== null) {
            return { ...f, exempted: true, justification: `exempt-users: "${glob}"`, exemptionExpired: false };
        }
        if (expired)
            return { ...f, exempted: false, justification: value, exemptionExpired: true };
        if (key)
            return { ...f, exempted: false, justification: key.justification, exemptionExpired: true };
        return { ...f, exempted: false, justification: null, exemptionExpired: false };
    });
}


/***/ }),

/***/ 3697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ alertIdentity),
/* harmony export */   AZ: () => (/* binding */ findingIdentity),
/* harmony export */   Lt: () => (/* binding */ splitIdentity),
/* harmony export */   cu: () => (/* binding */ identityOf)
/* harmony export */ });
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8029);

/** The id of the rule whose identities are bare resources (what an alert or a record without a rule id is). */
function bareRuleId() {
    return _rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.find((r) => r.bareIdentity)?.id ?? '';
}
/** The identity of rule `ruleId`'s finding on `resource`: `resource` (the first rule), else `<ruleId>/<resource>`. */
function identityOf(ruleId, resource) {
    return (0,_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleById */ .BD)(ruleId)?.bareIdentity ? resource : `${ruleId}/${resource}`;
}
/** A finding's identity: its rule's, on its location. */
function findingIdentity(f) {
    return identityOf(f.ruleId, f.location);
}
/** An alert's identity: its rule's (absent: the first rule's, as for every alert before rule ids were read). */
function alertIdentity(a) {
    return identityOf(a.ruleId ?? bareRuleId(), a.location);
}
/**
 * The rule and the resource of an identity made by {@link identityOf}: a prefix that names a registered
 * rule (other than the first) is that rule's; anything else is the first rule's resource.
 */
function splitIdentity(identity) {
    const slash = identity.indexOf('/');
    const rule = slash > 0 ? (0,_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleById */ .BD)(identity.slice(0, slash)) : undefined;
    if (rule && !rule.bareIdentity)
        return { ruleId: rule.id, resource: identity.slice(slash + 1) };
    return { ruleId: bareRuleId(), resource: identity };
}


/***/ }),

/***/ 9377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ userEventsWindow),
/* harmony export */   DI: () => (/* binding */ isFailing),
/* harmony export */   Q$: () => (/* binding */ createsUserBy),
/* harmony export */   SL: () => (/* binding */ withKeyCreations),
/* harmony export */   TT: () => (/* binding */ unknownKeyCreation),
/* harmony export */   cX: () => (/* binding */ keyEventWindow),
/* harmony export */   ce: () => (/* binding */ USER_CREATION_EVENTS),
/* harmony export */   rk: () => (/* binding */ UNKNOWN_REASONS),
/* harmony export */   w5: () => (/* binding */ keyCreationFromEvents),
/* harmony export */   ws: () => (/* binding */ describeKeyCreation)
/* harmony export */ });
/* unused harmony exports CLOUDTRAIL_HISTORY_MS, isSelfCreated */
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4462);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9834);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1632);



/** Why who made a key is unknown; null in a `KeyCreation` whose event was read. */
const UNKNOWN_REASONS = {
    olderThanCloudTrail: "older than CloudTrail's 90 days",
    lookupLimit: 'lookup limit reached',
    noPermission: 'no permission (cloudtrail:LookupEvents)',
    throttled: 'throttled',
    notFound: 'no CreateAccessKey event found',
    unreadable: 'unreadable event',
    lookupFailed: 'lookup failed',
    /** A live finding whose key id is unknown (no listed key matched its slot): nothing to look up. */
    noKeyId: 'access key id unknown',
    /** An offline run: a credential report file has no CloudTrail. */
    offline: 'offline',
};
/** CloudTrail's event history reaches back this far (`LookupEvents`: the last 90 days). */
const CLOUDTRAIL_HISTORY_MS = 90 * 86_400_000;
/** Around the key's creation: its event's time is within seconds of the key's `CreateDate`. */
const KEY_WINDOW_MS = 5 * 60_000;
/** Before the user's creation, and after the key's (a login profile can come after the key). */
const USER_WINDOW_BEFORE_MS = 5 * 60_000;
const USER_WINDOW_AFTER_MS = 30 * 60_000;
/** Without the user's creation time: how far back a session can have made the user (12 h sessions). */
const SESSION_LIFETIME_MS = 12 * 3_600_000;
/** Clock tolerance between IAM's CreateDate, STS's session creationDate and CloudTrail's eventTime. */
const SKEW_MS = 60_000;
/** A margin inside CloudTrail's 90 days, so a window never starts before what it still holds. */
const HISTORY_MARGIN_MS = 60_000;
/** Longer than any CloudTrail record (256 KB): not an event. */
const MAX_EVENT_CHARS = 512 * 1024;
/** `by`: IAM names are at most 64 characters, so `assumed-role/ROLE/SESSION` fits. */
const MAX_BY = 200;
const MAX_NAME = 128;
/** Only the start of a user agent is classified (a caller can send one of any length). */
const MAX_USER_AGENT = 1024;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const EVENT_ID = /^[A-Za-z0-9-]{1,128}$/;
function object(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null;
}
/** A string field, one line, cut at `max`; null when absent, not a string, or blank. */
function text(v, max = MAX_NAME) {
    if (typeof v !== 'string')
        return null;
    const line = v
        .slice(0, max * 4)
        .replace(CONTROL, ' ')
        .trim();
    if (line === '')
        return null;
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/** `sessionContext.attributes.creationDate`: `2026-11-20T09:58:02Z`, or the older `20131102T010628Z`. */
function sessionTime(v) {
    const s = text(v, 40);
    if (s === null)
        return null;
    const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
    if (compact)
        return (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIsoTime */ .s)(`${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z`);
    return (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIsoTime */ .s)(s);
}
/** The resource part of an ARN (`assumed-role/Admin/bob` of `arn:aws:sts::1:assumed-role/Admin/bob`). */
function arnResource(arn) {
    if (arn === null || !arn.startsWith('arn:'))
        return null;
    const parts = arn.split(':');
    return parts.length >= 6 ? parts.slice(5).join(':') || null : null;
}
function actorName(type, ui, userName, arn) {
    switch (type) {
        case 'Root':
            return 'root';
        case 'IAMUser':
            return userName !== null ? `user/${userName}` : (arnResource(arn) ?? 'user');
        case 'AWSService':
            return text(ui.invokedBy) ?? 'AWS service';
        case 'AWSAccount': {
            const account = text(ui.accountId, 12);
            return account === null ? 'another account' : `account/${account}`;
        }
        default:
            return arnResource(arn) ?? type;
    }
}
/** `sessionCredentialFromConsole: "true"`: a top-level field of the record (also read in sessionContext). */
function fromConsole(v) {
    return v === true || v === 'true';
}
function readActor(ev, ui) {
    const type = text(ui.type, 64);
    if (type === null)
        return null;
    const ctx = object(ui.sessionContext);
    const userName = type === 'IAMUser' ? text(ui.userName) : null;
    const arn = text(ui.arn, 2048);
    const by = actorName(type, ui, userName, arn);
    return {
        type,
        by: by.length > MAX_BY ? `${by.slice(0, MAX_BY - 1)}…` : by,
        userName,
        arn,
        accessKeyId: text(ui.accessKeyId, 128),
        console: fromConsole(ev.sessionCredentialFromConsole) || fromConsole(ctx?.sessionCredentialFromConsole),
        sessionCreatedAt: sessionTime(object(ctx?.attributes)?.creationDate),
    };
}
const CLOUDFORMATION = 'cloudformation.amazonaws.com';
const CONSOLE_AGENTS = /^(?:AWS Internal|signin\.amazonaws\.com|console\.amazonaws\.com|console\.aws\.amazon\.com|Mozilla\/)/i;
const SDK_AGENTS = /(?:^|[\s(])(?:aws-sdk-[a-z0-9-]+|boto3|botocore|aws-powershell|awspowershell)\//i;
/**
 * `via`, from what the event says. CloudFormation first (its `invokedBy` is set by AWS), then the client
 * named by the user agent (set by the caller: it only ever picks a label here), then console credentials.
 */
function classifyVia(ev, ui, console) {
    const agent = typeof ev.userAgent === 'string' ? ev.userAgent.slice(0, MAX_USER_AGENT) : '';
    const from = (v) => typeof v === 'string' && v.slice(0, 64).toLowerCase() === CLOUDFORMATION;
    if (from(ui.invokedBy) || from(ev.sourceIPAddress) || agent.toLowerCase().startsWith(CLOUDFORMATION)) {
        return 'cloudformation';
    }
    if (/terraform/i.test(agent))
        return 'terraform';
    if (/^aws-cli\//i.test(agent))
        return 'cli';
    if (console || CONSOLE_AGENTS.test(agent))
        return 'console';
    if (SDK_AGENTS.test(` ${agent}`))
        return 'sdk';
    return 'other';
}
/** The user a call acted on, from its response (CreateUser, CreateLoginProfile, CreateAccessKey). */
function responseUserName(response) {
    for (const k of ['user', 'loginProfile', 'accessKey']) {
        const name = text(object(response?.[k])?.userName);
        if (name !== null)
            return name;
    }
    return null;
}
/** One IAM event read from its CloudTrail JSON; null when it is not a readable IAM event. */
function readTrailCall(json) {
    if (typeof json !== 'string' || json.length > MAX_EVENT_CHARS)
        return null;
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return null;
    }
    const ev = object(parsed);
    const ui = object(ev?.userIdentity);
    if (ev === null || ui === null || ev.eventSource !== 'iam.amazonaws.com')
        return null;
    const eventId = typeof ev.eventID === 'string' && EVENT_ID.test(ev.eventID) ? ev.eventID : null;
    const eventName = text(ev.eventName, 64);
    const eventTime = typeof ev.eventTime === 'string' ? (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIsoTime */ .s)(ev.eventTime.slice(0, 64)) : null;
    const actor = readActor(ev, ui);
    if (eventId === null || eventName === null || eventTime === null || actor === null)
        return null;
    const request = object(ev.requestParameters);
    const response = object(ev.responseElements);
    const requestUserName = text(request?.userName);
    return {
        eventId,
        eventName,
        eventTime,
        errorCode: ev.errorCode === undefined || ev.errorCode === null ? null : (text(ev.errorCode, 64) ?? 'error'),
        actor,
        requestUserName,
        subjectUserName: responseUserName(response) ?? requestUserName ?? actor.userName,
        createdKeyId: text(object(response?.accessKey)?.accessKeyId, 128),
        via: classifyVia(ev, ui, actor.console),
    };
}
/** IAM user names are unique regardless of case. */
function sameName(a, b) {
    return a !== null && a.toLowerCase() === b.toLowerCase();
}
/**
 * Two calls of one session: the same principal, and the same access key (a long-term key, or one set of
 * temporary credentials), or, for console sessions, the same sign-in (`sessionContext` creation time).
 */
function sameSession(a, b) {
    if (a.arn === null || a.arn !== b.arn)
        return false;
    if (a.accessKeyId !== null && a.accessKeyId === b.accessKeyId)
        return true;
    return a.console && b.console && a.sessionCreatedAt !== null && a.sessionCreatedAt === b.sessionCreatedAt;
}
/** Whether an event is the successful `CreateAccessKey` of this key (of this user). */
function createsKey(call, accessKeyId, userName) {
    if (call.eventName !== 'CreateAccessKey' || call.errorCode !== null)
        return false;
    // Found by the key id as ResourceName; when the response was recorded, it must name this key.
    if (call.createdKeyId !== null && call.createdKeyId !== accessKeyId)
        return false;
    return call.subjectUserName === null || sameName(call.subjectUserName, userName);
}
/** The user made the key: the call named no user (an IAM user's own key), or the caller is that user. */
function isSelf(call, userName) {
    return (call.requestUserName === null ||
        (call.actor.type === 'IAMUser' && sameName(call.actor.userName, userName)));
}
/**
 * The user's `CreateUser` (the latest at or before the key) and `CreateLoginProfile` (after it) made in
 * the key's session: true when both were, false when either was made in another, null when not found.
 */
function sameSessionAsUser(key, userName, events) {
    const mine = events
        .map(readTrailCall)
        .filter((e) => e !== null && e.errorCode === null && sameName(e.subjectUserName, userName));
    const created = mine
        .filter((e) => e.eventName === 'CreateUser' && e.eventTime <= key.eventTime + SKEW_MS)
        .sort((a, b) => b.eventTime - a.eventTime)[0];
    if (created === undefined)
        return null;
    if (!sameSession(created.actor, key.actor))
        return false;
    const profiles = mine.filter((e) => e.eventName === 'CreateLoginProfile' && e.eventTime >= created.eventTime);
    if (profiles.some((p) => sameSession(p.actor, key.actor)))
        return true;
    return profiles.length > 0 ? false : null;
}
/** A key whose maker is unknown, and why. */
function unknownKeyCreation(reason) {
    return {
        by: null,
        self: null,
        sameSessionAsUserCreation: null,
        via: null,
        eventTime: null,
        eventId: null,
        unknownReason: reason,
    };
}
/** Who made a key, from its `CreateAccessKey` event (and the user's creation events, when looked up). */
function keyCreationFromEvents(input) {
    const call = readTrailCall(input.keyEvent);
    if (call === null)
        return unknownKeyCreation(UNKNOWN_REASONS.unreadable);
    if (!createsKey(call, input.accessKeyId, input.userName))
        return unknownKeyCreation(UNKNOWN_REASONS.notFound);
    const self = isSelf(call, input.userName);
    const events = input.userEvents ?? null;
    return {
        by: call.actor.by,
        self,
        sameSessionAsUserCreation: self || events === null ? null : sameSessionAsUser(call, input.userName, events),
        via: call.via,
        eventTime: (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .toIsoSecond */ .VE)(call.eventTime),
        eventId: call.eventId,
        unknownReason: null,
    };
}
/** Where to look up a key's `CreateAccessKey` event; null when CloudTrail no longer holds it. */
function keyEventWindow(keyCreatedAt, now) {
    const oldest = now - CLOUDTRAIL_HISTORY_MS + HISTORY_MARGIN_MS;
    if (!Number.isFinite(keyCreatedAt) || keyCreatedAt < oldest || keyCreatedAt > now + SKEW_MS)
        return null;
    return {
        startTime: Math.max(oldest, keyCreatedAt - KEY_WINDOW_MS),
        endTime: Math.min(now, keyCreatedAt + KEY_WINDOW_MS),
    };
}
/**
 * Where to look up the user's `CreateUser` / `CreateLoginProfile` events, or null when the key event's
 * session cannot have made them, or they cannot be compared or found: the key is the user's own, the
 * session has no key id (and is not a console sign-in), its temporary credentials were issued after the
 * user existed, or the user is older than CloudTrail's 90 days.
 */
function userEventsWindow(keyEvent, opts) {
    const call = readTrailCall(keyEvent);
    if (call === null || !createsKey(call, opts.accessKeyId, opts.userName) || isSelf(call, opts.userName)) {
        return null;
    }
    const { actor } = call;
    const comparable = actor.arn !== null && (actor.accessKeyId !== null || (actor.console && actor.sessionCreatedAt !== null));
    if (!comparable)
        return null;
    const oldest = opts.now - CLOUDTRAIL_HISTORY_MS + HISTORY_MARGIN_MS;
    const user = opts.userCreatedAt;
    if (user !== null) {
        if (!Number.isFinite(user) || user < oldest || user > call.eventTime + SKEW_MS)
            return null;
        if (actor.sessionCreatedAt !== null && user < actor.sessionCreatedAt - SKEW_MS)
            return null;
    }
    const from = user ?? actor.sessionCreatedAt ?? call.eventTime - SESSION_LIFETIME_MS;
    return {
        startTime: Math.max(oldest, from - USER_WINDOW_BEFORE_MS),
        endTime: Math.min(opts.now, call.eventTime + USER_WINDOW_AFTER_MS),
    };
}
/** The names of the events `userEventsWindow`'s lookup keeps (the rest of the user's events are noise). */
const USER_CREATION_EVENTS = new Set(['CreateUser', 'CreateLoginProfile']);
/**
 * Whether an event is a successful `CreateUser` of `userName` at or before `keyEventTime` (ISO): the one
 * `sameSessionAsUserCreation` compares with. CloudTrail answers newest first, so once it is seen, every
 * later event of the user has been too, and the lookup can stop.
 */
function createsUserBy(json, userName, keyEventTime) {
    const call = readTrailCall(json);
    const keyTime = (0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .parseIsoTime */ .s)(keyEventTime);
    return (call !== null &&
        keyTime !== null &&
        call.eventName === 'CreateUser' &&
        call.errorCode === null &&
        sameName(call.subjectUserName, userName) &&
        call.eventTime <= keyTime + SKEW_MS);
}
/** The user made the key themself (so it was not made at setup by whoever made the user). */
function isSelfCreated(kc) {
    return kc.unknownReason === null && kc.self === true;
}
/**
 * Whether a finding counts: not exempted, and not a key its user made themself (`selfCreated`, only ever
 * set under `scope: at-setup`). The others are listed (JSON, summary) but are no result, no count, no
 * issue, no remediation, and archived in Security Hub: a self-created key goes wherever an exempted one
 * goes, labelled as what it is.
 */
function isFailing(f) {
    return !f.exempted && f.selfCreated !== true;
}
/**
 * The evidence of intent on each finding of a live audit (docs/design.md §10): who made its key (`keyCreation`;
 * unknown without a key id), its description, and whether it is `selfCreated`: under `scope: at-setup`, a
 * key its user made themself is not a key provisioned at user setup, so it is listed but not failing (and
 * carries no exemption: there is nothing to exempt). Under `scope: any` it stays a finding. Without
 * evidence the time test alone has decided. Pure.
 */
function withKeyCreations(findings, facts) {
    return findings.map((f) => {
        const id = f.accessKeyId;
        const keyCreation = id === null
            ? unknownKeyCreation(UNKNOWN_REASONS.noKeyId)
            : (facts.keyCreations.get(id) ?? unknownKeyCreation(UNKNOWN_REASONS.lookupFailed));
        const keyDescription = id === null ? null : (facts.descriptions.get(id) ?? null);
        if (facts.scope === 'at-setup' && isSelfCreated(keyCreation)) {
            const cleared = { exempted: false, justification: null, exemptionExpired: false };
            return { ...f, ...cleared, keyCreation, keyDescription, selfCreated: true };
        }
        return { ...f, keyCreation, keyDescription, selfCreated: false };
    });
}
const VIA_TEXT = {
    console: ' in the console',
    cli: ' with the AWS CLI',
    terraform: ' with Terraform',
    cloudformation: ' through CloudFormation',
    sdk: ' with an AWS SDK',
    other: '',
};
/**
 * One line saying who made the key, in parts: text, and the actor as code (untrusted: rendered as inline
 * code, never as Markdown). E.g. "made by `assumed-role/Admin/bob` in the console, in the same session as
 * the user".
 */
function describeKeyCreation(kc) {
    if (kc.unknownReason !== null || kc.by === null) {
        return (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .note */ .N4) `who made the key is unknown: ${kc.unknownReason ?? UNKNOWN_REASONS.notFound}`;
    }
    const how = kc.via === null ? '' : VIA_TEXT[kc.via];
    if (kc.self === true)
        return (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .note */ .N4) `made by the user themself (${(0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(kc.by)})${how}`;
    const session = kc.sameSessionAsUserCreation === true
        ? ', in the same session as the user'
        : kc.sameSessionAsUserCreation === false
            ? ', not in the session that made the user'
            : '';
    return (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .note */ .N4) `made by ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(kc.by)}${how}${session}`;
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ DEFAULT_EXEMPTION_TAG),
/* harmony export */   Rn: () => (/* binding */ TOOL_INFORMATION_URI),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME)
/* harmony export */ });
const TOOL_NAME = 'iam-initial-access-key-audit';
/** Where to read about the tool's subject; change to the project's home page once it has one. */
const TOOL_INFORMATION_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html';
const DEFAULT_EXEMPTION_TAG = 'access-key-justification';


/***/ }),

/***/ 2380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ CIS_SUMMARY),
/* harmony export */   bP: () => (/* binding */ unnecessaryReason),
/* harmony export */   em: () => (/* binding */ CIS_MAPPINGS),
/* harmony export */   wt: () => (/* binding */ IAM_INITIAL_ACCESS_KEY)
/* harmony export */ });
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5917);

const DAY_MS = 86_400_000;
const ID = 'iam-initial-access-key';
const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const CIS = 'CIS Amazon Web Services Foundations Benchmark';
const CIS_MAPPINGS = [
    { benchmark: CIS, version: 'v1.2.0', control: '1.21' },
    { benchmark: CIS, version: 'v1.3.0', control: '1.11' },
    { benchmark: CIS, version: 'v1.4.0', control: '1.11' },
    { benchmark: CIS, version: 'v1.5.0', control: '1.11' },
    { benchmark: CIS, version: 'v2.0.0', control: '1.11' },
    { benchmark: CIS, version: 'v3.0.0', control: '1.11' },
    { benchmark: CIS, version: 'v4.0.0', control: '1.11' },
    { benchmark: CIS, version: 'v5.0.0', control: '1.10' },
    { benchmark: CIS, version: 'v6.0.0', control: '2.10' },
];
const CIS_SUMMARY = 'CIS AWS Foundations 1.21 (v1.2.0), 1.11 (v1.3.0–v4.0.0), 1.10 (v5.0.0), 2.10 (v6.0.0)';
const SHORT_DESCRIPTION = 'Console users must not keep an access key that was created at user setup and is unused.';
const FULL_DESCRIPTION = 'An IAM user who signs in to the console has an active access key that was created together with the ' +
    'user (during initial setup) and has never been used, or not within the configured number of days. ' +
    `${CIS_SUMMARY}: do not set up access keys during initial user setup for all IAM users that have a ` +
    'console password.';
const WHY = 'Access keys handed out "just in case" when a user is created are long-lived credentials that nobody ' +
    'needs: they are rarely rotated, easily forgotten in a laptop, a CI variable or a welcome e-mail, and ' +
    'they give whoever finds them the same API access as the user, without the password or MFA that ' +
    'protect the console. A key that has never been used (or not for months) can be removed without ' +
    'breaking anything; a user who really needs programmatic access should create a key when they need ' +
    'it (or, better, use short-lived credentials from IAM Identity Center or a role).';
const CONSOLE_STEPS = [
    'Open the IAM console, choose Users, and choose the user named in the alert.',
    'On the Security credentials tab, under Access keys, find the key (its creation date is in the alert).',
    'Choose Actions > Deactivate, confirm nothing breaks, then Actions > Delete.',
];
const CLI_DEACTIVATE = 'aws iam update-access-key --user-name USER --access-key-id KEY_ID --status Inactive';
const CLI_DELETE = 'aws iam delete-access-key --user-name USER --access-key-id KEY_ID';
const CLI_LIST = 'aws iam list-access-keys --user-name USER';
/** The value is double-quoted inside the shorthand: the AWS CLI would split it at its comma otherwise. */
const CLI_TAG = 'aws iam tag-user --user-name USER --tags \'Key=access-key-justification,Value="CI deploy key, ticket SEC-42; expires=2026-12-31"\'';
const HELP_TEXT = [
    `Why it matters: ${WHY}`,
    '',
    'How to fix (console):',
    ...CONSOLE_STEPS.map((s, i) => `  ${i + 1}. ${s}`),
    '',
    'How to fix (AWS CLI): find the key id (live audits show it in the alert), deactivate it, then delete it:',
    `  ${CLI_LIST}`,
    `  ${CLI_DEACTIVATE}`,
    `  ${CLI_DELETE}`,
    '',
    `Exceptions: if the key is needed, record why with the IAM user tag "${_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_EXEMPTION_TAG */ .JG}" (or the ` +
        'tag set in the exemption-tag input). A non-empty value exempts the user: the key is listed as exempted ' +
        'with its justification and is no longer an alert. End the value with "expires=YYYY-MM-DD" so the ' +
        'exemption lapses after that day (UTC) and the key is reported again:',
    `  ${CLI_TAG}`,
    '',
    `Benchmarks: ${CIS_SUMMARY}.`,
    `Reference: ${HELP_URI}`,
].join('\n');
const HELP_MARKDOWN = [
    '## Why it matters',
    '',
    WHY,
    '',
    '## How to fix',
    '',
    '### In the console',
    '',
    ...CONSOLE_STEPS.map((s, i) => `${i + 1}. ${s}`),
    '',
    '### With the AWS CLI',
    '',
    'Find the key id (live audits show it in the alert), deactivate it first (reversible), then delete it:',
    '',
    '```sh',
    CLI_LIST,
    CLI_DEACTIVATE,
    CLI_DELETE,
    '```',
    '',
    '## Exceptions',
    '',
    `If the key is needed, record why with the IAM user tag \`${_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_EXEMPTION_TAG */ .JG}\` (or the tag named by ` +
        'the `exemption-tag` input). A non-empty value exempts the user: the key is listed as exempted with ' +
        'its justification and is no longer an alert. End the value with `expires=YYYY-MM-DD` so the ' +
        'exemption lapses after that day (UTC) and the key is reported again:',
    '',
    '```sh',
    CLI_TAG,
    '```',
    '',
    '## Benchmarks',
    '',
    ...CIS_MAPPINGS.map((m) => `- ${m.benchmark} ${m.version}: recommendation ${m.control}`),
    '',
    `See [Managing access keys for IAM users](${HELP_URI}).`,
].join('\n');
const RECOMMENDATION = 'Deactivate the access key, confirm nothing breaks, then delete it; if it is needed, record why ' +
    `with the IAM user tag ${_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_EXEMPTION_TAG */ .JG} (or the tag the exemption-tag input names).`;
/**
 * The rule's "unnecessary" test (docs/design.md §1) on a key's last use (epoch ms, null: never used), measured
 * at `asOf`: never used, or not used for more than `unusedDays` (0 turns the stale test off). Null: the
 * key is in use. The report's data, the live last use and remediation's last check all go through it.
 */
function unnecessaryReason(lastUsed, asOf, unusedDays) {
    if (lastUsed === null)
        return 'never-used';
    if (unusedDays > 0 && asOf - lastUsed > unusedDays * DAY_MS)
        return 'unused';
    return null;
}
function second(ms) {
    return Math.floor(ms / 1000);
}
const IAM_INITIAL_ACCESS_KEY = {
    id: ID,
    name: 'UnusedAccessKeyCreatedAtUserSetup',
    shortDescription: SHORT_DESCRIPTION,
    fullDescription: FULL_DESCRIPTION,
    helpText: HELP_TEXT,
    helpMarkdown: HELP_MARKDOWN,
    helpUri: HELP_URI,
    securitySeverity: '7.5',
    severity: 'high',
    precision: 'high',
    tags: ['security', 'CIS', 'aws', 'iam'],
    cis: CIS_MAPPINGS,
    cisSummary: CIS_SUMMARY,
    recommendation: RECOMMENDATION,
    bareIdentity: true,
    decide(user, key, { settings, asOf }) {
        if (!user.passwordEnabled || !key.active)
            return null;
        // An active key without `last_rotated` (N/A, seen in real reports): its creation time is unknown, so
        // it can never be shown to be made at setup; `scope: any` drops that test, so there it can fail.
        const gapMs = key.lastRotated === null ? null : Math.abs(key.lastRotated - user.userCreationTime);
        if (settings.scope === 'at-setup' && (gapMs === null || gapMs > settings.setupWindowSeconds * 1000))
            return null;
        return unnecessaryReason(key.lastUsedDate, asOf, settings.unusedDays);
    },
    confirm(finding, use, ctx) {
        if (use.usedAt === null)
            return finding.reason;
        const usedSecond = second(use.usedAt);
        const reportUsedSecond = finding.keyLastUsedAt === null ? null : second(Date.parse(finding.keyLastUsedAt));
        // Used since the report: after its generation and after the last use the report recorded.
        if (usedSecond > second(ctx.reportGeneratedAt) &&
            (reportUsedSecond === null || usedSecond > reportUsedSecond))
            return null;
        // The same test as the decision, on the live date: a key used within `unused-days` is not
        // unnecessary (with unused-days 0 only never-used keys fail, so any use resolves it).
        return unnecessaryReason(use.usedAt, ctx.asOf, ctx.unusedDays);
    },
    wording: {
        subject(n, scope) {
            const keys = n === 1 ? 'access key' : 'access keys';
            return scope === 'at-setup' ? `${keys} created at user setup` : `${keys} of console users`;
        },
        state: 'unused',
        short: (n) => (n === 1 ? 'unused access key' : 'unused access keys'),
        violation: (scope) => scope === 'any' ? 'an unused access key' : 'an unused access key created at user setup',
        findingTitle: (f, setupWindowSeconds) => 'an unused access key' +
            (f.setupGapSeconds !== null && f.setupGapSeconds <= setupWindowSeconds ? ' created at user setup' : ''),
        resolved: (scope) => scope === 'any'
            ? 'an active access key left unused'
            : 'an active access key that was created at user setup and left unused',
    },
};


/***/ }),

/***/ 8029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  or: () => (/* binding */ IAC_RULES),
  y0: () => (/* binding */ RULES),
  BD: () => (/* binding */ ruleById),
  Y: () => (/* binding */ ruleOf),
  fD: () => (/* binding */ rulesOf)
});

// EXTERNAL MODULE: ./src/evaluate/rules/iam-initial-access-key.ts
var iam_initial_access_key = __webpack_require__(2380);
// EXTERNAL MODULE: ./src/evaluate/rule.ts
var rule = __webpack_require__(5917);
;// CONCATENATED MODULE: ./src/evaluate/rules/iam-initial-access-key-iac.ts
/**
 * The same recommendation at the source (docs/design.md §11, issue 23): infrastructure code (Terraform,
 * CloudFormation) that gives a console user (a login profile) an access key in the same configuration,
 * i.e. at creation. Found by the `iac` scan, never on a credential report's rows: `decide` and `confirm`
 * never fail anything. Its identities are `iam-initial-access-key-iac/<resource address>`.
 */


const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const IGNORE = '# iam-initial-access-key-audit: ignore reason="CI deploy key, ticket SEC-42" expires=2026-12-31';
const WHY = 'A user made with both a console password (login profile) and an access key gets a long-lived key ' +
    '"just in case", before anyone needs it: nobody rotates it, it ends up in a state file, a CI variable ' +
    "or a welcome e-mail, and it gives whoever finds it the user's API access without the password or MFA " +
    'that protect the console. Found in the code, it is stopped before it exists.';
const STEPS = [
    "Drop the access key from the user's creation (remove the aws_iam_access_key resource, the module's " +
        'create_iam_access_key, or the AWS::IAM::AccessKey).',
    'Create a key later, deliberately, when someone needs one (and only then).',
    'Machines get their own user without a console password, or better a role (OIDC from CI) or IAM ' +
        'Identity Center: short-lived credentials instead of keys.',
];
const EXCEPTIONS = `If the key is needed, say why where it is made: a comment on the resource (${IGNORE}) or the user's ` +
    `tag "${rule/* DEFAULT_EXEMPTION_TAG */.JG}" (or the tag the exemption-tag input names); "expires=YYYY-MM-DD" makes ` +
    'the exemption lapse after that day.';
const HELP_TEXT = [
    `Why it matters: ${WHY}`,
    '',
    'How to fix:',
    ...STEPS.map((s, i) => `  ${i + 1}. ${s}`),
    '',
    `Exceptions: ${EXCEPTIONS}`,
    '',
    `Benchmarks: ${iam_initial_access_key/* CIS_SUMMARY */.$h}.`,
    `Reference: ${HELP_URI}`,
].join('\n');
const HELP_MARKDOWN = [
    '## Why it matters',
    '',
    WHY,
    '',
    '## How to fix',
    '',
    ...STEPS.map((s, i) => `${i + 1}. ${s}`),
    '',
    '## Exceptions',
    '',
    `If the key is needed, say why where it is made: a comment on the resource, or the user's tag ` +
        `\`${rule/* DEFAULT_EXEMPTION_TAG */.JG}\` (or the tag the \`exemption-tag\` input names); \`expires=YYYY-MM-DD\` ` +
        'makes the exemption lapse after that day:',
    '',
    '```hcl',
    IGNORE,
    '```',
    '',
    '## Benchmarks',
    '',
    ...iam_initial_access_key/* CIS_MAPPINGS */.em.map((m) => `- ${m.benchmark} ${m.version}: recommendation ${m.control}`),
    '',
    `See [Managing access keys for IAM users](${HELP_URI}).`,
].join('\n');
const IAM_INITIAL_ACCESS_KEY_IAC = {
    id: 'iam-initial-access-key-iac',
    name: 'AccessKeyProvisionedWithConsoleUserInIaC',
    shortDescription: 'Infrastructure code must not give a console user an access key at creation.',
    fullDescription: 'Terraform or CloudFormation creates an IAM user with a console login profile and, in the same ' +
        `configuration, an access key for it. ${iam_initial_access_key/* CIS_SUMMARY */.$h}: do not set up access keys during initial user ` +
        'setup for all IAM users that have a console password.',
    helpText: HELP_TEXT,
    helpMarkdown: HELP_MARKDOWN,
    helpUri: HELP_URI,
    securitySeverity: '7.5',
    severity: 'high',
    precision: 'high',
    tags: ['security', 'CIS', 'aws', 'iam', 'iac'],
    cis: iam_initial_access_key/* CIS_MAPPINGS */.em,
    cisSummary: iam_initial_access_key/* CIS_SUMMARY */.$h,
    recommendation: "Drop the access key from the user's creation; create one later, deliberately, when needed; give " +
        'machines their own user without a console password, or better a role or IAM Identity Center.',
    // An iac-only rule: a credential report's row is never its finding, nor a live key.
    decide: () => null,
    confirm: () => null,
    wording: {
        subject: (n) => n === 1 ? 'access key given to a console user in code' : 'access keys given to console users in code',
        state: 'provisioned at creation',
        short: (n) => n === 1 ? 'access key provisioned with a console user' : 'access keys provisioned with console users',
        violation: () => 'an access key provisioned with its console login in code',
        findingTitle: () => 'an access key provisioned with a console user in code',
        resolved: () => 'an access key provisioned with its console login in code',
    },
};

;// CONCATENATED MODULE: ./src/evaluate/rules/index.ts


/** Every rule, in the order they are evaluated and listed (SARIF `ruleIndex` is the position here). */
const RULES = [iam_initial_access_key/* IAM_INITIAL_ACCESS_KEY */.wt];
/**
 * The rules of the `iac` scan (docs/design.md §11): they judge infrastructure code, never a credential
 * report, so they are not in RULES (whose order is a credential run's SARIF `ruleIndex`); an iac run's
 * SARIF lists exactly these.
 */
const IAC_RULES = [IAM_INITIAL_ACCESS_KEY_IAC];
/** The rule with this id, or undefined (an alert or a Security Hub finding of a rule since removed). */
function ruleById(id) {
    return RULES.find((r) => r.id === id) ?? IAC_RULES.find((r) => r.id === id);
}
/** The rule of a finding; a finding always has a registered rule (evaluate/evaluate.ts makes them). */
function ruleOf(f) {
    const rule = ruleById(f.ruleId);
    if (!rule)
        throw new Error(`No rule ${JSON.stringify(f.ruleId)} is registered (src/evaluate/rules/index.ts).`);
    return rule;
}
/** The rules of these findings, once each, in the registry's order; every rule when there are none. */
function rulesOf(findings) {
    const ids = new Set(findings.map((f) => f.ruleId));
    const found = RULES.filter((r) => ids.has(r.id));
    return found.length > 0 ? found : [...RULES];
}


/***/ }),

/***/ 4462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N4: () => (/* binding */ note),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   gA: () => (/* binding */ noteText),
/* harmony export */   n4: () => (/* binding */ notePlain)
/* harmony export */ });
/**
 * Notes: what the reader of a summary must know besides the findings (a report row that could not be
 * read, accounts left out, a history or Security Hub that was not available). A note is typed at its
 * producer, in parts: text, and names quoted as code (paths, input names, ids), so that no renderer has
 * to guess which is which. The Markdown summary shows code parts as code spans, the terminal as they
 * are, a log line in backticks.
 *
 *   note`Account ${code(accountId)}: ${code(path)} line ${line} could not be read: ${detail}.`
 *
 * Literal text and plain values (`detail` above, untrusted or not) are text; `code(...)` values are code.
 */
/** A name quoted in a note: shown as code, copied exactly. */
function code(value) {
    return { code: value };
}
function partsOf(value) {
    if (typeof value === 'string' || typeof value === 'number')
        return [{ text: String(value) }];
    return 'parts' in value ? value.parts : [value];
}
/** Text and code parts, adjacent text joined and empty text dropped. */
function normalized(parts) {
    const out = [];
    for (const p of parts) {
        const last = out.at(-1);
        if ('text' in p) {
            if (p.text === '')
                continue;
            if (last && 'text' in last)
                out[out.length - 1] = { text: last.text + p.text };
            else
                out.push(p);
        }
        else {
            out.push(p);
        }
    }
    return out;
}
/** A note from a template: see the module comment. A Note value is spliced in with its parts. */
function note(strings, ...values) {
    const parts = [];
    strings.forEach((s, i) => {
        parts.push({ text: s });
        if (i < values.length)
            parts.push(...partsOf(values[i]));
    });
    return { parts: normalized(parts) };
}
/** One line for a log or a test: code parts in backticks, as the notes read when they were strings. */
function noteText(n) {
    return n.parts.map((p) => ('text' in p ? p.text : `\`${p.code}\``)).join('');
}
/** The note as plain text: code parts as they are (a terminal has no code style). */
function notePlain(n) {
    return n.parts.map((p) => ('text' in p ? p.text : p.code)).join('');
}


/***/ }),

/***/ 9834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ parseIsoDateTime),
/* harmony export */   s: () => (/* binding */ parseIsoTime)
/* harmony export */ });
/**
 * The one ISO 8601 parser. Two callers accept different forms, named here:
 * - `report`: a timestamp as AWS writes it in a credential report (`2026-11-27T20:47:26+00:00`, `...Z`,
 *   `.123` fractions, `-0530`); seconds and a zone with minutes are required, surrounding blanks ignored.
 * - `input`: what a person types for `as-of`: the same, and also a plain date (midnight UTC), a time
 *   without seconds, a `,` before the fraction, and an offset of whole hours (`+02`).
 * Impossible dates (Feb 30, hour 24) and years before 1970 are no time (IAM did not exist then).
 * Not `Date.parse`: it gives the same time for AWS's form, but rolls Feb 30 over into March, takes 24:00
 * and years before 1970, reads other forms (`2026-11-27 20:47:26`, `Nov 27 2026`) as it likes, and is
 * slower than the regular expression.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:([.,])(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
/** The digit at `i` (0-9), or NaN. */
function digitAt(text, i) {
    const d = text.charCodeAt(i) - 0x30;
    return d >= 0 && d <= 9 ? d : NaN;
}
function isLeapYear(y) {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * The form AWS writes in every report cell, `2026-11-27T20:47:26+00:00` (or `...Z`), read without the
 * regular expression: a report has up to five times a row. Undefined for any other text (the full
 * parser decides); the result is the full parser's for the same text. Measured (npm run bench, 200
 * reports of 2,000 users): without it the offline audit takes 0.7-1.7 s more CPU (9-20 %).
 */
function awsTime(text) {
    const n = text.length;
    if (n === 25) {
        if (!text.endsWith('+00:00'))
            return undefined;
    }
    else if (n !== 20 || text.charCodeAt(19) !== 0x5a /* Z */)
        return undefined;
    if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
        return undefined;
    const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
    const month = digitAt(text, 5) * 10 + digitAt(text, 6);
    const day = digitAt(text, 8) * 10 + digitAt(text, 9);
    const hour = digitAt(text, 11) * 10 + digitAt(text, 12);
    const minute = digitAt(text, 14) * 10 + digitAt(text, 15);
    const second = digitAt(text, 17) * 10 + digitAt(text, 18);
    if (Number.isNaN(year + month + day + hour + minute + second))
        return undefined;
    if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
        return null;
    }
    const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
    if (day > days)
        return null; // 2026-02-30
    return Date.UTC(year, month - 1, day, hour, minute, second);
}
/** Epoch milliseconds of `text`, or null when it is not a time of the given form. */
function parseIsoTime(text, form = 'report') {
    const fast = awsTime(text);
    if (fast !== undefined)
        return fast;
    const m = ISO.exec(form === 'report' ? text.trim() : text);
    if (!m)
        return null;
    const [, y, mo, d, h, mi, s, sep, frac = '', zone = 'Z'] = m;
    if (form === 'report' && (h === undefined || s === undefined || sep === ',' || /^[+-]\d{2}$/.test(zone))) {
        return null;
    }
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h ?? '0');
    const minute = Number(mi ?? '0');
    const second = Number(s ?? '0');
    if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
        return null;
    }
    const ms = Number(frac.padEnd(3, '0').slice(0, 3));
    const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (new Date(local).getUTCDate() !== day)
        return null; // 2026-02-30 rolls over
    let offsetMinutes = 0;
    if (zone !== 'Z' && zone !== 'z') {
        const digits = zone.slice(1).replace(':', '');
        const oh = Number(digits.slice(0, 2));
        const om = Number(digits.slice(2, 4) || '0');
        if (oh > 23 || om > 59)
            return null;
        offsetMinutes = (oh * 60 + om) * (zone.startsWith('-') ? -1 : 1);
    }
    return local - offsetMinutes * 60_000;
}
/** The `input` form as a Date; null when invalid. */
function parseIsoDateTime(text) {
    const t = parseIsoTime(text, 'input');
    return t === null ? null : new Date(t);
}


/***/ }),

/***/ 2779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I5: () => (/* binding */ timeoutsFromEnv),
/* harmony export */   gH: () => (/* binding */ TIMEOUT_ENV)
/* harmony export */ });
/* unused harmony export DEFAULT_TIMEOUTS */
/**
 * Every wait of a run has a bound, and the bounds add up to one the run as a whole explains:
 *
 * - an AWS call: connecting at most `awsConnectMs`, the whole request at most `awsRequestMs` (then a
 *   TimeoutError that the SDK's retry strategy retries, up to AWS_MAX_ATTEMPTS), the socket idle at most
 *   `awsRequestMs` too;
 * - a GitHub API call: at most `githubRequestMs` (then retried by the retry plugin, then a warning);
 * - the whole run: at most `runMs`, after which the run stops, writes the summary of the accounts finished
 *   so far with a "timed out" verdict and fails.
 *
 * Production uses the defaults. The values can be lowered (never in a workflow that needs them: they are
 * for tests and for debugging a hang) with the environment variables below, in milliseconds (and a
 * count of attempts).
 */
const DEFAULT_TIMEOUTS = {
    awsConnectMs: 10_000,
    awsRequestMs: 60_000,
    githubRequestMs: 30_000,
    // 5 h 30 min: below GitHub's 6-hour job limit, so the run ends itself (with a summary) before the
    // runner kills it, and far above any real run (300 accounts take seconds; one account's worst case is
    // the 5-minute report poll plus 10 attempts of 60 s per call).
    runMs: 5.5 * 3_600_000,
    awsMaxAttempts: 10,
};
const TIMEOUT_ENV = {
    awsConnectMs: 'IAM_AUDIT_AWS_CONNECT_TIMEOUT_MS',
    awsRequestMs: 'IAM_AUDIT_AWS_REQUEST_TIMEOUT_MS',
    githubRequestMs: 'IAM_AUDIT_GITHUB_REQUEST_TIMEOUT_MS',
    runMs: 'IAM_AUDIT_RUN_TIMEOUT_MS',
    awsMaxAttempts: 'IAM_AUDIT_AWS_MAX_ATTEMPTS',
};
/** The defaults, with any of the `IAM_AUDIT_*_TIMEOUT_MS` variables that hold a positive whole number. */
function timeoutsFromEnv(env = process.env) {
    const out = { ...DEFAULT_TIMEOUTS };
    for (const key of Object.keys(TIMEOUT_ENV)) {
        const v = env[TIMEOUT_ENV[key]]?.trim();
        if (v && /^\d+$/.test(v) && Number(v) > 0)
            out[key] = Number(v);
    }
    return out;
}


/***/ })

};
