export const id = 468;
export const ids = [468];
export const modules = {

/***/ 2468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: TERMINAL_SIGN_IN_HINT

// EXTERNAL MODULE: ./src/report/iac.ts
var iac = __webpack_require__(2245);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/credentials/sign-in-error.ts
var sign_in_error = __webpack_require__(8450);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
// EXTERNAL MODULE: ./src/inputs/report-files.ts
var report_files = __webpack_require__(5121);
// EXTERNAL MODULE: ./src/inputs/sinks.ts
var sinks = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/inputs/cli-args.ts
/**
 * The terminal's side of the inputs: `--name value` flags named exactly like the action's inputs.
 */






const CLI_NAME = 'iam-initial-access-key-audit';
/** Inputs that take a list: a repeated flag adds to it. */
const LIST_INPUTS = new Set([
    'accounts',
    'exclude-accounts',
    'exempt-users',
    'credential-report',
    'iac',
    'remediate-reasons',
    ...sinks/* SINK_INPUTS */.Mq.filter((i) => 'list' in i && i.list).map((i) => i.name),
]);
/** What the value looks like, for the help text. */
const PLACEHOLDERS = {
    'role-to-assume': 'ARN',
    audience: 'AUD',
    'aws-region': 'REGION',
    'role-session-name': 'NAME',
    'role-duration-seconds': 'SECONDS',
    accounts: 'IDS',
    'account-role-name': 'NAME',
    'exclude-accounts': 'IDS',
    concurrency: 'N',
    shard: 'K/N',
    scope: 'at-setup|any',
    'setup-window': 'DURATION',
    'unused-days': 'DAYS',
    'as-of': 'TIME',
    'exemption-tag': 'KEY',
    'exempt-users': 'GLOBS',
    'credential-report': 'FILE',
    iac: 'PATHS',
    'fail-on': 'findings|errors|never',
    'github-token': 'TOKEN',
    category: 'CATEGORY',
    remediate: 'off|plan|deactivate',
    'remediation-role-name': 'NAME',
    'remediate-after-days': 'DAYS',
    'remediate-reasons': 'REASONS',
    'max-remediations': 'N',
    ...Object.fromEntries(report_files/* REPORT_FILES */.JL.map((f) => [f.name, 'FILE'])),
    ...Object.fromEntries(sinks/* SINK_INPUTS */.Mq.flatMap((i) => ('placeholder' in i ? [[i.name, i.placeholder]] : []))),
};
const NAMES = new Set(definitions/* INPUTS */.mc.map((i) => i.name));
function isInput(name) {
    return NAMES.has(name);
}
function unknown(flag) {
    return new model/* InputError */.d(flag.replace(/^-+/, ''), `Unknown option "${flag}": expected one of the options listed by --help.`);
}
/**
 * Rewrites argv so that node:util parseArgs (with every input a string option) reads it:
 * `--name value` -> `--name=value` (so values such as `-1` reach validation instead of being taken
 * for flags), bare boolean flags -> `--name=true`, `--no-name` -> `--name=false`.
 */
function normalize(argv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            out.push(...argv.slice(i));
            break;
        }
        if (arg === '-h' || arg === '--help') {
            out.push('--help');
            continue;
        }
        if (arg === '-V' || arg === '--version') {
            out.push('--version');
            continue;
        }
        if (!arg.startsWith('-') || arg === '-') {
            out.push(arg);
            continue;
        }
        if (!arg.startsWith('--'))
            throw unknown(arg);
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq === -1 ? undefined : eq);
        if (eq !== -1) {
            if (!isInput(name))
                throw unknown(`--${name}`);
            out.push(arg);
            continue;
        }
        if (!isInput(name)) {
            const negated = name.startsWith('no-') ? name.slice(3) : '';
            if (isInput(negated) && definitions/* BOOLEAN_INPUTS */.$p.has(negated)) {
                out.push(`--${negated}=false`);
                continue;
            }
            throw unknown(arg);
        }
        const next = argv[i + 1];
        if (definitions/* BOOLEAN_INPUTS */.$p.has(name)) {
            if (next !== undefined && /^(true|false)$/i.test(next)) {
                out.push(`--${name}=${next}`);
                i++;
            }
            else {
                out.push(`--${name}=true`);
            }
            continue;
        }
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
            throw new model/* InputError */.d(name, `Option "--${name}" needs a value: expected --${name} ${PLACEHOLDERS[name] ?? 'VALUE'} (see --help).`);
        }
        out.push(`--${name}=${next}`);
        i++;
    }
    return out;
}
/** Parses the CLI arguments (without `node` and the script) into the same raw inputs as the action's. */
function parseCliArgs(argv, env = process.env) {
    const options = {
        help: { type: 'boolean' },
        version: { type: 'boolean' },
    };
    for (const input of definitions/* INPUTS */.mc) {
        options[input.name] = { type: 'string', multiple: true };
    }
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: normalize(argv),
        options,
        allowPositionals: true,
        strict: true,
    });
    if (values.help === true)
        return { help: true, text: helpText() };
    if (values.version === true)
        return { help: true, text: version/* VERSION */.x };
    const raw = {};
    for (const input of definitions/* INPUTS */.mc) {
        const given = values[input.name];
        if (!Array.isArray(given) || given.length === 0)
            continue;
        const strings = given.filter((g) => typeof g === 'string');
        // A repeated list flag adds to the list; any other repeated flag: the last one wins.
        raw[input.name] = LIST_INPUTS.has(input.name) ? strings.join('\n') : strings[strings.length - 1];
    }
    if (positionals.length > 0) {
        raw['credential-report'] = [raw['credential-report'], ...positionals]
            .filter((p) => p !== undefined)
            .join('\n');
    }
    if (raw['github-token'] === undefined && env.GITHUB_TOKEN)
        raw['github-token'] = env.GITHUB_TOKEN;
    return { help: false, raw };
}
function wrap(text, indent, width = 100) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line !== '' && indent + line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines.map((l) => ' '.repeat(indent) + l);
}
/**
 * The options in the order a terminal user needs them: what to audit (reports, or accounts signed in
 * with the AWS SDK's credentials), what to write, the rule, then the rest; last the inputs that only
 * make sense inside GitHub Actions (the CLI refuses `--role-to-assume` outside it). Every input is in
 * exactly one group (__tests__/unit/inputs/cli-args.test.ts).
 */
const HELP_GROUPS = [
    {
        title: 'What to audit (no option: the account of your AWS credentials, e.g. AWS_PROFILE)',
        inputs: [
            'credential-report',
            'iac',
            'accounts',
            'organization',
            'account-role-name',
            'exclude-accounts',
            'aws-region',
            'role-session-name',
            'concurrency',
            'shard',
        ],
    },
    {
        title: 'Output',
        inputs: [...report_files/* REPORT_FILES */.JL.map((f) => f.name), 'summary', 'fail-on', 'category'],
    },
    {
        title: 'Rule',
        inputs: ['scope', 'setup-window', 'unused-days', 'as-of', 'exemption-tag', 'exempt-users'],
    },
    {
        title: 'Remediation (live runs)',
        inputs: [
            'remediate',
            'remediation-role-name',
            'remediate-after-days',
            'remediate-reasons',
            'max-remediations',
        ],
    },
    {
        title: 'GitHub issues and AWS Security Hub',
        inputs: [
            'create-issues',
            'issue-labels',
            'max-issues',
            'github-token',
            'security-hub',
            'security-hub-region',
        ],
    },
    {
        title: 'Inside GitHub Actions only (GitHub OIDC sign-in; a terminal uses your AWS credentials instead)',
        inputs: ['role-to-assume', 'audience', 'role-duration-seconds'],
    },
];
/** Where the terminal differs from the action, its own words. */
const CLI_DESCRIPTIONS = {
    'github-token': 'Token for issues and code scanning alerts. Default: the GITHUB_TOKEN environment variable.',
    summary: 'Print the summary (--no-summary: only the files and the exit status). Default: true.',
    'role-to-assume': 'ARN of the audit role to assume with GitHub OIDC, e.g. arn:aws:iam::111122223333:role/IamAudit: only in a workflow step (needs id-token: write); refused anywhere else.',
};
/** `--help`: generated from the inputs table, so it cannot drift from action.yml. */
function helpText() {
    const out = [
        `Usage: ${CLI_NAME} [options] [REPORT.csv ...]`,
        '',
        'Audits AWS IAM credential reports for console users whose access key was created at user setup and',
        'never (or no longer) used (CIS AWS Foundations 1.11). REPORT.csv files (or globs) are audited offline,',
        "without AWS calls; with none, the live account(s) are audited with the AWS SDK's default credentials",
        '(environment, profiles, SSO). Options have the names of the GitHub Action inputs.',
    ];
    const byName = new Map(definitions/* INPUTS */.mc.map((i) => [i.name, i]));
    for (const group of HELP_GROUPS) {
        out.push('', `${group.title}:`);
        for (const name of group.inputs) {
            const input = byName.get(name);
            const flag = definitions/* BOOLEAN_INPUTS */.$p.has(name)
                ? `--${name}[=true|false], --no-${name}`
                : `--${name} ${PLACEHOLDERS[name] ?? 'VALUE'}`;
            out.push(`  ${flag}`);
            const description = CLI_DESCRIPTIONS[name] ??
                (input.default !== undefined ? `${input.description} Default: ${input.default}.` : input.description);
            out.push(...wrap(description.replace(/`/g, ''), 6));
        }
    }
    out.push('', 'Other:', '  -h, --help', '      Show this help.', '  -V, --version', '      Print the version.', '', 'Environment:', '  GITHUB_TOKEN   token for --create-issues (when --github-token is not given)', '  AWS_PROFILE, AWS_ENDPOINT_URL, HTTPS_PROXY, ...   as for the AWS SDK and CLI (the region is --aws-region)', '', 'Exit status:', '  0  clean: nothing to fail on', '  1  findings or account errors, as selected by --fail-on (findings: either; errors: account errors', '     only; never: neither)', '  2  bad usage (an unknown option or an invalid value), or the audit could not start (e.g. AWS', '     sign-in or listing the organization failed)', '', 'Examples:', '  # offline, on a credential report from the IAM console, or downloaded as below (once', '  # generate-credential-report answers COMPLETE), measured as of the day it was made', '  aws iam generate-credential-report', '  aws iam get-credential-report --query Content --output text | base64 -d > credential-report.csv', `  ${CLI_NAME} --as-of 2026-11-01T00:00:00Z credential-report.csv`, '', '  # live, the account of the current AWS profile (JSON report for other tools)', `  AWS_PROFILE=security-audit ${CLI_NAME} --json-file audit.json`, '', '  # every ACTIVE account of an organization, through a member role in each (signed in to the', '  # management account or a delegated administrator)', `  ${CLI_NAME} --organization --account-role-name iam-initial-access-key-audit-member`, '');
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/publish/publish.ts + 4 modules
var publish = __webpack_require__(7322);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(643);
// EXTERNAL MODULE: ./src/report/sinks.ts
var report_sinks = __webpack_require__(3146);
// EXTERNAL MODULE: ./src/report/summary-model.ts
var summary_model = __webpack_require__(6158);
;// CONCATENATED MODULE: ./src/report/summary-terminal.ts








const MAX_NAME = 128;
/** Untrusted text for a terminal: one line, no control characters (no escape sequences). */
function plain(s, max = MAX_NAME) {
    return (0,markdown/* truncate */.xv)((0,markdown/* oneLine */.TN)(s), max);
}
/** An identifier (user name, alias) for a terminal: also its invisible characters shown. */
function plainId(s, max = MAX_NAME) {
    return plain((0,markdown/* visibleInvisibles */.Jk)(s), max);
}
function columns(headers, rows, indent = '  ') {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => indent +
        cells
            .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
            .join('  ')
            .trimEnd();
    return [line(headers), ...rows.map(line)].join('\n');
}
function key(f) {
    return f.accessKeyId ? `${plain(f.accessKeyId)} (slot ${f.keySlot})` : `slot ${f.keySlot}`;
}
function accountRow(r) {
    const a = r.account;
    return [
        plain(a.accountId),
        a.alias ? plainId(a.alias) : '-',
        String(a.usersScanned),
        String(r.findings),
        String(r.exempted),
        r.resolved,
        r.reportFile !== null ? plain(r.reportFile, 200) : (r.reportAge ?? '-'),
        // what happened to the account; the Findings column speaks for its keys
        a.status === 'ok' ? 'audited' : `failed: ${(0,summary_model/* shortError */.Bm)(a)}`,
    ];
}
function failingRow(r) {
    const f = r.finding;
    return [
        plain(f.accountId),
        plainId(f.userName) + (f.exemptionExpired ? ' (exemption expired)' : ''),
        key(f),
        r.keyCreated,
        r.setupGap,
        f.mfaActive ? 'yes' : 'no',
        plain(r.use, 200),
    ];
}
function withReported(m, r, cells) {
    const madeBy = m.showMadeBy ? [r.madeBy ? plain((0,src_notes/* notePlain */.n4)(r.madeBy), summary_model/* MAX_MESSAGE */.h2) : '-'] : [];
    return [...(m.showReported ? [...cells, r.reported ?? '-'] : cells), ...madeBy];
}
function exemptedRow(r) {
    const f = r.finding;
    return [
        plain(f.accountId),
        plainId(f.userName),
        key(f),
        r.keyCreated,
        plain(f.justification ?? '-', summary_model/* MAX_MESSAGE */.h2),
    ];
}
function selfCreatedLines(m) {
    return m.selfCreated
        .map(({ finding: f }) => {
        const made = (0,format/* keyCreationNote */.vR)(f);
        return `  - ${plainId(f.userName)} in ${plain(f.accountId)}, key ${key(f)}${made ? `: ${plain((0,src_notes/* notePlain */.n4)(made), summary_model/* MAX_MESSAGE */.h2)}` : ''}`;
    })
        .join('\n');
}
function fixLines(m) {
    if (!m.fix)
        return null;
    const lines = m.fix.blocks.flatMap(({ finding: f, commands }) => [
        `  # ${plainId(f.userName)} in ${plain(f.accountId)}`,
        ...commands.map((l) => `  ${l}`),
    ]);
    if (m.fix.leftOut > 0) {
        lines.push(`  # ... ${(0,format/* plural */.LS)(m.fix.leftOut, 'more key')}: see ${plain(m.files.full, 500)}`);
    }
    return lines.join('\n');
}
function failedLines(m) {
    return m.failedAccounts
        .map((a) => `  ${plain(a.accountId)}${a.alias ? ` (${plainId(a.alias)})` : ''}: ${plain(a.error ?? 'unknown error', summary_model/* MAX_MESSAGE */.h2)}` +
        (a.hint ? `\n    to fix: ${plain(a.hint, summary_model/* MAX_MESSAGE */.h2)}` : ''))
        .join('\n');
}
function noteLines(m) {
    const extra = [];
    if (m.carriedAlerts > 0) {
        extra.push(`${(0,format/* plural */.LS)(m.carriedAlerts, 'open alert')} of failed accounts carried forward`);
    }
    if (m.sarif.dropped > 0) {
        extra.push(`SARIF holds the first ${sarif/* SARIF_MAX_RESULTS */.mH} results; ${m.sarif.dropped} dropped`);
    }
    extra.push(...m.notes.map((n) => plain((0,src_notes/* notePlain */.n4)(n), summary_model/* MAX_MESSAGE */.h2)));
    return extra;
}
/** The section of one sink (report/sinks.ts words it), or null: it did not run, or has no section. */
function sinkSection(m, key) {
    const outcome = m.sinks[key];
    if (!outcome)
        return null;
    const terminal = report_sinks/* SINK_VIEWS */.h[key].terminal;
    return terminal(outcome, { plain, maxMessage: summary_model/* MAX_MESSAGE */.h2 });
}
function renderTerminalModel(m) {
    const out = [m.verdict, `As of ${plain(m.settings.asOf)}${m.settings.rest}`];
    if (m.changes !== null)
        out.push(plain(m.changes, summary_model/* MAX_MESSAGE */.h2));
    if (m.caveat !== null)
        out.push('', `Note: ${plain((0,src_notes/* notePlain */.n4)(m.caveat), summary_model/* MAX_MESSAGE */.h2)}`);
    const section = (title, body) => out.push('', title, body);
    const accountHeaders = [
        'ACCOUNT',
        'ALIAS',
        'USERS',
        'FINDINGS',
        'EXEMPTED',
        'RESOLVED',
        'REPORT',
        'STATUS',
    ];
    if (m.accounts.length > 0)
        section('Accounts', columns(accountHeaders, m.accounts.map(accountRow)));
    if (m.failing.length > 0) {
        const headers = ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'SETUP GAP', 'MFA', 'LAST USED'];
        if (m.showReported)
            headers.push('REPORTED');
        if (m.showMadeBy)
            headers.push('MADE BY');
        section(m.findingsTitle, columns(headers, m.failing.map((r) => withReported(m, r, failingRow(r)))));
    }
    if (m.deactivated.length > 0) {
        section('Deactivated by this run (restore with the command)', m.deactivated
            .map(({ finding: f, restore }) => `  - ${plainId(f.userName)} in ${plain(f.accountId)}: ${restore}`)
            .join('\n'));
    }
    if (m.wouldDeactivate && m.wouldDeactivate.length > 0) {
        section('Would be deactivated (remediate: deactivate)', m.wouldDeactivate
            .map((f) => `  - ${plainId(f.userName)} in ${plain(f.accountId)}, key ${f.accessKeyId ?? ''}`)
            .join('\n'));
    }
    if (m.exempted.length > 0) {
        const headers = ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'JUSTIFICATION'];
        section('Exempted keys', columns(headers, m.exempted.map(exemptedRow)));
    }
    if (m.selfCreated.length > 0) {
        section('Keys their users made (not findings: not made at user setup)', selfCreatedLines(m));
    }
    const fix = fixLines(m);
    if (fix !== null)
        section('How to fix (deactivate first, then delete)', fix);
    if (m.failedAccounts.length > 0)
        section('Accounts that could not be audited', failedLines(m));
    const notes = noteLines(m);
    if (notes.length > 0)
        section('Notes', notes.map((n) => `  - ${n}`).join('\n'));
    for (const s of sinks/* SINK_DEFINITIONS */.BX) {
        const sink = sinkSection(m, s.key);
        if (sink !== null)
            section(sink.title, sink.body);
    }
    out.push('', `Full report: ${m.files.listed.map((f) => `${f.label} ${plain(f.path, 500)}`).join(', ')}`);
    return out.join('\n');
}
/** The terminal summary of `result`, with each sink's outcome by its key (null or absent when it did not run). */
function renderTerminal(result, opts) {
    return renderTerminalModel((0,summary_model/* buildSummaryModel */.MG)(result, opts));
}
/** The banner of a run that was stopped before it finished, above its terminal summary. */
function interruptedText(i) {
    const { heading, body } = (0,summary_model/* interruptionText */.xu)(i);
    return `⛔ ${plain(heading, summary_model/* MAX_MESSAGE */.h2)}\n${plain(body, summary_model/* MAX_MESSAGE */.h2)}\n\n`;
}

// EXTERNAL MODULE: ./src/run.ts + 8 modules
var run = __webpack_require__(1454);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * Terminal entry: the same settings as the action (as flags), the same run (run.ts), the summary printed
 * as text. Live runs use the AWS SDK's default credential chain (profiles, SSO, environment). Like the
 * action, a run is bounded (IAM_AUDIT_RUN_TIMEOUT_MS) and Ctrl-C (SIGINT) or SIGTERM stops it with the
 * summary of the accounts finished so far.
 */









/** Replaces the action's sign-in hint (configure-aws-credentials, `role-to-assume`) in a terminal. */
const TERMINAL_SIGN_IN_HINT = "From a terminal the audit uses the AWS SDK's default credentials: set AWS_PROFILE (after `aws sso " +
    'login` for an SSO profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; `aws sts ' +
    'get-caller-identity` shows whether they work.';
/** The error as a terminal user reads it: without a sign-in hint that names the action's inputs. */
function terminalText(error, ambient) {
    if (error instanceof sign_in_error/* SignInError */.J && error.hint !== null && ambient) {
        return `${error.message}\n${TERMINAL_SIGN_IN_HINT}`;
    }
    return (0,errors/* errorMessage */.gJ)(error);
}
const PROCESS_IO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
};
/** The terminal summary: the banner of a stopped run, then the summary of the newest result. */
function printSummary(s, io) {
    const banner = s.interruption ? interruptedText(s.interruption) : '';
    if (s.result && s.files)
        io.stdout(banner + renderTerminal(s.result, { ...s.files, ...s.sinks }) + '\n');
    else if (banner)
        io.stdout(banner);
}
/** Exit codes: 0 clean, 1 findings or account errors (per --fail-on), 2 bad usage or a failed (or stopped) run. */
async function main(argv, env = process.env, given = {}) {
    const io = { ...PROCESS_IO, ...given };
    let parsed;
    try {
        parsed = parseCliArgs(argv, env);
    }
    catch (error) {
        return failed(error, false, env, io);
    }
    if (parsed.help) {
        io.stdout(parsed.text + '\n');
        return 0;
    }
    const raw = parsed.raw;
    const log = {
        info: (m) => io.stderr(m + '\n'),
        warning: (m) => io.stderr(`warning: ${m}\n`),
    };
    const end = await (0,run/* run */.e)({
        readInputs: () => raw,
        check(config) {
            if (config.roleToAssume !== null && !env.ACTIONS_ID_TOKEN_REQUEST_URL) {
                throw new model/* InputError */.d('role-to-assume', '--role-to-assume signs in with GitHub OIDC, which exists only inside GitHub Actions. From a ' +
                    'terminal, sign in with your usual AWS credentials (AWS_PROFILE, SSO) and leave it out.');
            }
        },
        log,
        getIDToken: (audience) => (0,core/* getIDToken */.V9)(audience),
        // inside a workflow step the runner masks what core.setSecret names; a terminal has nothing to mask
        setSecret: (secret) => (env.GITHUB_ACTIONS === 'true' ? (0,core/* setSecret */.Pq)(secret) : undefined),
        github: (token) => (0,publish/* githubContextFromEnv */.S)(token, env),
        uploadsSarif: false,
        writeSummary: async (s) => printSummary(s, io),
        // docs/design.md §11: one line per finding, file:line first
        writeIacSummary: async (scanned) => {
            for (const f of scanned.findings)
                io.stdout(`${f.file}:${f.line}: ${(0,iac/* iacMessage */.BT)(f)}\n`);
        },
        workspace: () => env.GITHUB_WORKSPACE || process.cwd(),
        ...(io.stops ? { stops: io.stops } : {}),
        ...(io.githubClient ? { githubClient: io.githubClient } : {}),
        ...(io.clock ? { clock: io.clock } : {}),
        ...(io.timeouts ? { timeouts: io.timeouts } : {}),
    });
    return finish(end, env, io);
}
function finish(end, env, io) {
    if (end.kind === 'done' || end.kind === 'iac') {
        io.stderr(`${end.outcome.verdict}\n`);
        return end.outcome.exitCode;
    }
    // signing in with the ambient credentials, not --role-to-assume
    const ambient = end.config !== null && end.config.roleToAssume === null;
    if (end.kind === 'failed')
        return failed(end.error, ambient, env, io);
    io.stderr(`error: Audit ${end.stop.reason}: ${end.stop.detail}.\n`);
    // Requests still in flight would keep the process alive; everything worth keeping is written.
    io.exit(2);
    return 2;
}
function failed(error, ambient, env, io) {
    io.stderr(`error: ${terminalText(error, ambient)}\n`);
    if (!(error instanceof model/* InputError */.d) && error instanceof Error && env.DEBUG)
        io.stderr(`${error.stack}\n`);
    return 2;
}


/***/ }),

/***/ 8450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ SignInError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * The sign-in failure, apart from the session (which loads the AWS SDK): the terminal command tells it
 * from other errors without loading the SDK for an offline run.
 */

/**
 * Raised when signing in fails: the `step` that failed (`AssumeRoleWithWebIdentity`, `GetCallerIdentity`),
 * AWS's error name as `code`, and a `hint` saying what to fix. Never contains a token or a secret.
 */
class SignInError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    constructor(message, fields) {
        super('SignInError', message, fields);
    }
}


/***/ })

};
