export const id = 42;
export const ids = [42];
export const modules = {

/***/ 9042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./src/report/iac.ts
var iac = __webpack_require__(2245);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
;// CONCATENATED MODULE: ./src/inputs/action.ts
/** The action's side of the inputs: every input of action.yml, as the runner passes it. */


/** Raw strings of every input; an empty string means "use the default" (parseConfig decides). */
function readActionInputs() {
    const raw = {};
    for (const input of definitions/* INPUTS */.mc) {
        // untrimmed, so a value that is only blank lines (an expression that came out empty) can be refused
        raw[input.name] = core/* getInput */.V4(input.name, { trimWhitespace: false });
    }
    return raw;
}

// EXTERNAL MODULE: ./src/publish/publish.ts + 4 modules
var publish = __webpack_require__(7322);
// EXTERNAL MODULE: ./src/inputs/sinks.ts
var sinks = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/notes.ts
var notes = __webpack_require__(4462);
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
;// CONCATENATED MODULE: ./src/report/summary-markdown.ts







/** GitHub accepts 1 MiB of summary per step; stay a little below. */
const SUMMARY_MAX_BYTES = 1_000_000;
/** Keys whose fix commands are shown open; the rest (up to MAX_FIX_BLOCKS) are in a collapsed `<details>`. */
const OPEN_FIX_BLOCKS = 10;
/** Issues listed as links at most (the issues sink's block, report/sinks.ts). */
const MAX_NAME = 128;
/** A URL safe to put in a Markdown link destination: http(s), no spaces, brackets or quotes. */
function linkable(url) {
    return /^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url);
}
function bytes(s) {
    return Buffer.byteLength(s, 'utf8');
}
/**
 * `head` lines, then as many `items` as fit, then `more(n)` when `n` items were left out (and `c.cut`
 * set). The whole text is joined only when it fits; items are made only as far as the budget reaches.
 */
function fit(c, head, items, budget, more) {
    const item = (i) => items.at(i);
    if (items.length === 0)
        return '';
    let used = bytes(head.join('\n'));
    // The whole text: `head`, every item, a newline between each (and after `head`, when there is one).
    let whole = used + (head.length > 0 ? items.length : items.length - 1);
    for (let i = 0; i < items.length && whole <= budget; i++)
        whole += bytes(item(i));
    if (whole <= budget) {
        const all = [...head];
        for (let i = 0; i < items.length; i++)
            all.push(item(i));
        return all.join('\n');
    }
    c.cut = true;
    const out = [...head];
    let i = 0;
    for (; i < items.length; i++) {
        const size = bytes(item(i));
        const tail = bytes(`\n${more(items.length - i - 1)}`);
        if (used + 1 + size + tail > budget)
            break;
        out.push(item(i));
        used += 1 + size;
    }
    out.push(more(items.length - i));
    const text = out.join('\n');
    if (bytes(text) <= budget)
        return text;
    const pointer = more(items.length);
    return bytes(pointer) <= budget ? pointer : '';
}
/**
 * A table, its lines made once per summary and only as far as needed (a cut summary fits the same lines
 * again, with less room).
 */
function table(c, title, headers, rows, budget, more) {
    let lines = c.tables.get(title);
    if (lines === undefined) {
        const made = [];
        lines = {
            head: (0,markdown/* markdownTable */.Qj)(headers, []).split('\n'),
            rows: {
                length: rows.length,
                at: (i) => (made[i] ??= (0,markdown/* markdownTableLine */.iX)(headers, rows.at(i))),
            },
        };
        c.tables.set(title, lines);
    }
    if (lines.rows.length === 0)
        return '';
    return fit(c, [title, '', ...lines.head], lines.rows, budget, (n) => `\n${more(n)}`);
}
/** Rows of a table from a list, each made when first needed. */
function rowsOf(list, row) {
    return { length: list.length, at: (i) => row(list[i]) };
}
const user = (f) => (0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(f.userName, MAX_NAME), { inTable: true });
const userText = (f) => (0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(f.userName, MAX_NAME));
const id = (s) => (0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(s, MAX_NAME), { inTable: true });
const idText = (s) => (0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(s, MAX_NAME));
const key = (f) => f.accessKeyId ? `${(0,markdown/* codeSpan */.SS)(f.accessKeyId, { inTable: true })} (slot ${f.keySlot})` : `slot ${f.keySlot}`;
function verdictBlock({ m }) {
    return [
        `### ${m.verdict}`,
        '',
        `As of ${(0,markdown/* escapeMarkdown */.FV)(m.settings.asOf)}${m.settings.rest}`,
        ...(m.changes !== null ? ['', (0,markdown/* escapeMarkdown */.FV)(m.changes)] : []),
        ...(m.caveat !== null ? ['', `> [!NOTE]\n> ${renderNote(m.caveat)}`] : []),
        ...(m.alertsUrl && linkable(m.alertsUrl)
            ? ['', `[Open code scanning alerts of this tool](${m.alertsUrl})`]
            : []),
    ].join('\n');
}
const ACCOUNT_HEADERS = [
    'Account',
    'Alias',
    'Users scanned',
    'Findings',
    'Exempted',
    'Resolved since report',
    'Report',
    'Status',
];
function accountRow(r) {
    const a = r.account;
    const report = [
        r.reportFile !== null ? (0,markdown/* codeSpan */.SS)((0,markdown/* truncate */.xv)(r.reportFile, 200), { inTable: true }) : null,
        r.reportAge,
    ].filter((x) => x !== null);
    return [
        id(a.accountId),
        a.alias ? id(a.alias) : '—',
        String(a.usersScanned),
        String(r.findings),
        // exempt-users applies offline too, so the count means something there; nothing is
        // confirmed against the API offline, so nothing can be resolved since the report
        String(r.exempted),
        r.resolved,
        report.length > 0 ? report.join(' ') : '—',
        // what happened to the account; the Findings column speaks for its keys, the error has its own block
        a.status === 'ok' ? 'audited' : `❌ failed: ${(0,markdown/* escapeMarkdown */.FV)((0,summary_model/* shortError */.Bm)(a))}`,
    ];
}
function accountsBlock(c, budget) {
    return table(c, '#### Accounts', ACCOUNT_HEADERS, rowsOf(c.m.accounts, accountRow), budget, c.cutRows('account'));
}
function findingsBlock(c, budget) {
    return table(c, `#### ${c.m.findingsTitle}`, [
        'Account',
        'User',
        'Key',
        'Key created',
        'Setup gap',
        'Last used',
        'MFA',
        ...(c.m.showReported ? ['Reported'] : []),
        ...(c.m.showMadeBy ? ['Made by'] : []),
    ], rowsOf(c.m.failing, ({ finding: f, keyCreated, setupGap, use, reported, madeBy }) => [
        id(f.accountId),
        user(f) + (f.exemptionExpired ? ' ⚠️ exemption expired' : ''),
        key(f),
        keyCreated,
        setupGap,
        (0,markdown/* escapeMarkdown */.FV)(use),
        f.mfaActive ? 'yes' : '**no**',
        ...(c.m.showReported ? [reported !== null ? (0,markdown/* escapeMarkdown */.FV)(reported) : '—'] : []),
        ...(c.m.showMadeBy ? [madeBy !== null ? (0,markdown/* noteMarkdown */.y2)(madeBy, { inTable: true }) : '—'] : []),
    ]), budget, c.cutRows('finding'));
}
function deactivatedBlock(c, budget) {
    if (c.m.deactivated.length === 0)
        return '';
    return fit(c, [
        '#### Deactivated by this run',
        '',
        'Set Inactive (not deleted) after their notice period. To restore one, run its command; to keep a key, ' +
            'exempt its user with the exemption tag first.',
        '',
    ], c.m.deactivated.map(({ finding: f, restore }) => `- ${userText(f)} in ${idText(f.accountId)}, key ${(0,markdown/* codeSpan */.SS)(f.accessKeyId ?? '')}: ${(0,markdown/* codeSpan */.SS)(restore)}`), budget, c.cutRows('deactivated key'));
}
function wouldDeactivateBlock(c, budget) {
    const keys = c.m.wouldDeactivate;
    if (keys === null || keys.length === 0)
        return '';
    return fit(c, [
        '#### Would be deactivated',
        '',
        '`remediate: plan`: these keys are due and passed the live check; `remediate: deactivate` would set them Inactive.',
        '',
    ], keys.map((f) => `- ${userText(f)} in ${idText(f.accountId)}, key ${(0,markdown/* codeSpan */.SS)(f.accessKeyId ?? '')}` +
        (f.remediation?.dueAt ? ` (due since ${(0,markdown/* escapeMarkdown */.FV)(f.remediation.dueAt.slice(0, 10))})` : '')), budget, c.cutRows('key to deactivate'));
}
function expiredBlock(c, budget) {
    return fit(c, [
        '#### Expired exemptions',
        '',
        'These keys are findings again: their exemption ended. Renew it with a later `expires=` date, or remove the key.',
        '',
    ], c.m.expired.map((f) => `- ${userText(f)} in ${idText(f.accountId)}: ` +
        `${(0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(f.justification ?? '', summary_model/* MAX_MESSAGE */.h2))}`), budget, c.cutRows('expired exemption'));
}
function exemptedBlock(c, budget) {
    return table(c, '#### Exempted keys', ['Account', 'User', 'Key', 'Key created', 'Last used', 'Justification'], rowsOf(c.m.exempted, ({ finding: f, keyCreated, use }) => [
        id(f.accountId),
        user(f),
        key(f),
        keyCreated,
        (0,markdown/* escapeMarkdown */.FV)(use),
        f.justification ? (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(f.justification, summary_model/* MAX_MESSAGE */.h2)) : '—',
    ]), budget, c.cutRows('exempted key'));
}
function selfCreatedBlock(c, budget) {
    return fit(c, [
        '#### Keys their users made',
        '',
        'Not findings: CloudTrail shows that each user made the key themself, so it was not provisioned at user setup.',
        '',
    ], c.m.selfCreated.map(({ finding: f }) => {
        const made = (0,format/* keyCreationNote */.vR)(f);
        const id = f.accessKeyId ? `key ${(0,markdown/* codeSpan */.SS)(f.accessKeyId)}` : `slot ${f.keySlot}`;
        return `- ${userText(f)} in ${idText(f.accountId)}, ${id}${made ? `: ${renderNote(made)}` : ''}`;
    }), budget, c.cutRows('key made by its user'));
}
function fixBlock(c, budget) {
    const fix = c.m.fix;
    if (!fix)
        return '';
    const head = [
        '#### How to fix',
        '',
        'Deactivate each key first (reversible), check that nothing breaks, then delete it. If a key is ' +
            `really needed, tag its user with ${(0,markdown/* codeSpan */.SS)(fix.exemptionTag)} saying why ` +
            '(optionally ending with `expires=YYYY-MM-DD`) to exempt it.',
    ].join('\n');
    const render = (n) => {
        const shown = fix.blocks.slice(0, n);
        const open = shown.slice(0, OPEN_FIX_BLOCKS);
        const folded = shown.slice(OPEN_FIX_BLOCKS);
        const parts = [head, fixCommandsMarkdown(open)];
        if (folded.length > 0) {
            parts.push(`<details><summary>Commands for ${(0,format/* plural */.LS)(folded.length, 'more key')}</summary>\n\n` +
                `${fixCommandsMarkdown(folded)}\n\n</details>`);
        }
        const left = fix.total - shown.length;
        if (left > 0)
            parts.push(`_Commands for ${(0,format/* plural */.LS)(left, 'more key')} are left out: see the JSON report ${c.json}._`);
        return parts.join('\n\n');
    };
    // As many keys as fit the budget (rarely fewer than MAX_FIX_BLOCKS: the summary limit is 1 MiB).
    const most = Math.min(fix.blocks.length, summary_model/* MAX_FIX_BLOCKS */.Oy);
    for (let n = most; n >= 0; n--) {
        const text = render(n);
        if (bytes(text) <= budget) {
            if (n < most)
                c.cut = true;
            return text;
        }
        if (n > 12)
            n = Math.max(12, Math.floor(n * 0.8)); // big cuts first, then key by key
    }
    c.cut = true;
    return '';
}
/**
 * The fix commands of some keys, in whichever is shorter: one `sh` block per key under its user's name,
 * or one script with a comment line per key (shorter once there are a few keys).
 */
function fixCommandsMarkdown(blocks) {
    const perKey = blocks
        .map(({ finding: f, commands }) => `${userText(f)} in ${idText(f.accountId)}:\n\n${(0,markdown/* codeBlock */.DV)(commands, 'sh')}`)
        .join('\n\n');
    const script = (0,markdown/* codeBlock */.DV)(blocks.flatMap(({ finding: f, commands }, i) => [
        ...(i > 0 ? [''] : []),
        `# ${(0,format/* shellQuote */.ZL)(f.userName)} in ${(0,markdown/* truncate */.xv)((0,markdown/* oneLine */.TN)(f.accountId), MAX_NAME)}, slot ${f.keySlot}`,
        ...commands,
    ]), 'sh');
    return bytes(script) < bytes(perKey) ? script : perKey;
}
function failedBlock(c, budget) {
    return fit(c, ['#### Accounts that could not be audited', ''], c.m.failedAccounts.map((a) => `- ${idText(a.accountId)}${a.alias ? ` (${idText(a.alias)})` : ''}: ` +
        (a.errorCode ? `**${(0,markdown/* escapeMarkdown */.FV)((0,summary_model/* shortError */.Bm)(a))}** — ` : '') +
        (0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(a.error ?? 'unknown error', summary_model/* MAX_MESSAGE */.h2)) +
        (a.hint ? `\n  - To fix: ${(0,markdown/* escapeMarkdown */.FV)((0,markdown/* truncate */.xv)(a.hint, summary_model/* MAX_MESSAGE */.h2))}` : '')), budget, c.cutRows('failed account'));
}
function carriedBlock({ m }) {
    const n = m.carriedAlerts;
    if (n === 0)
        return '';
    return (`**${(0,format/* plural */.LS)(n, 'open code scanning alert')}** of accounts that could not be audited ` +
        `${n === 1 ? 'was' : 'were'} carried forward, so ${n === 1 ? 'it stays' : 'they stay'} open until the next good run.`);
}
function droppedBlock({ m, json }) {
    const { total, dropped } = m.sarif;
    if (dropped === 0)
        return '';
    return (`⚠️ The SARIF file holds the first ${sarif/* SARIF_MAX_RESULTS */.mH.toLocaleString('en-US')} of ` +
        `${total.toLocaleString('en-US')} results (GitHub's limit per run); ${(0,format/* plural */.LS)(dropped, 'result')} ` +
        `${dropped === 1 ? 'was' : 'were'} dropped. The JSON report ${json} lists every finding.`);
}
/** Quoted names are code spans, the rest is escaped text. */
/** The first `n` UTF-16 units of `s`, never ending inside a surrogate pair. */
function head(s, n) {
    const cut = s.slice(0, Math.max(0, n));
    const last = cut.charCodeAt(cut.length - 1);
    return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
/**
 * The note's parts, cut to `max` characters of its one-line form (code counted with its backticks, so
 * what was short as a string stays whole), ending with `…` when cut.
 */
function cutNote(n, max) {
    if ((0,notes/* noteText */.gA)(n).length <= max)
        return n.parts;
    const out = [];
    let left = max - 1; // room for the `…`
    for (const p of n.parts) {
        const size = 'text' in p ? p.text.length : p.code.length + 2;
        if (size <= left) {
            out.push(p);
            left -= size;
            continue;
        }
        if ('text' in p)
            out.push({ text: `${head(p.text, left)}…` });
        else
            out.push(...(left > 2 ? [{ code: head(p.code, left - 2) }] : []), { text: '…' });
        break;
    }
    return out;
}
/** A note in Markdown: text escaped, names as code spans (inert, copied exactly). */
function renderNote(n) {
    return cutNote(n, summary_model/* MAX_MESSAGE */.h2)
        .map((p) => ('text' in p ? (0,markdown/* escapeMarkdown */.FV)(p.text) : (0,markdown/* codeSpan */.SS)(p.code)))
        .join('');
}
function notesBlock(c, budget) {
    return fit(c, ['#### Notes', ''], c.m.notes.map((n) => `- ${renderNote(n)}`), budget, c.cutRows('note'));
}
/** The Markdown tools a sink's block is written with (report/sinks.ts). */
const SINK_TOOLS = { note: renderNote, linkable, maxMessage: summary_model/* MAX_MESSAGE */.h2, maxName: MAX_NAME };
/** The block of one sink (report/sinks.ts words it); '' when it did not run. */
function sinkBlock(key) {
    return ({ m }) => {
        const outcome = m.sinks[key];
        if (!outcome)
            return '';
        const markdown = report_sinks/* SINK_VIEWS */.h[key].markdown;
        return markdown(outcome, SINK_TOOLS);
    };
}
function footerBlock({ m }) {
    const files = `Full report: ${m.files.listed.map((f) => `${f.label} ${(0,markdown/* codeSpan */.SS)(f.path)}`).join(' · ')}`;
    if (m.mode !== 'offline')
        return files;
    return (`${files}. This offline run keeps them only if the workflow uploads them: add an ` +
        '`actions/upload-artifact` step with these paths (the README shows one), and ' +
        '`github/codeql-action/upload-sarif` for code scanning.');
}
/** The blocks in the order shown, each with its priority when the summary must be cut (0 first). */
const BLOCKS = [
    { name: 'verdict', priority: 0, render: verdictBlock },
    { name: 'accounts', priority: 6, render: accountsBlock },
    { name: 'findings', priority: 7, render: findingsBlock },
    { name: 'deactivated', priority: 2, render: deactivatedBlock },
    { name: 'would-deactivate', priority: 3, render: wouldDeactivateBlock },
    { name: 'expired', priority: 5, render: expiredBlock },
    { name: 'exempted', priority: 8, render: exemptedBlock },
    { name: 'selfCreated', priority: 8, render: selfCreatedBlock },
    { name: 'fix', priority: 9, render: fixBlock },
    { name: 'failed', priority: 2, render: failedBlock },
    { name: 'carried', priority: 3, render: carriedBlock },
    { name: 'dropped', priority: 3, render: droppedBlock },
    { name: 'notes', priority: 4, render: notesBlock },
    // what each sink did: short, and worth keeping when the summary must be cut
    ...sinks/* SINK_DEFINITIONS */.BX.map((s) => ({ name: s.key, priority: 1, render: sinkBlock(s.key) })),
    { name: 'footer', priority: 1, render: footerBlock },
];
function join(parts) {
    return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
function renderSummaryModel(m, maxBytes = SUMMARY_MAX_BYTES) {
    const json = (0,markdown/* codeSpan */.SS)(m.files.full);
    const c = {
        m,
        json,
        cutRows: (what) => (n) => `_${(0,format/* plural */.LS)(n, `more ${what}`)} cut to fit GitHub's summary limit: see the JSON report ${json}._`,
        tables: new Map(),
        cut: false,
    };
    // Each block as a whole, unless it alone is over the limit (then the summary must be cut anyway).
    const whole = new Map();
    for (const b of BLOCKS) {
        c.cut = false;
        const text = b.render(c, maxBytes);
        if (!c.cut)
            whole.set(b.name, text);
    }
    if (whole.size === BLOCKS.length) {
        const full = join([...whole.values()]);
        if (bytes(full) <= maxBytes)
            return full;
    }
    // Too big: give each block, most important first, what is left after reserving room for the rest.
    const cutNotice = "> [!WARNING]\n> This summary was cut to fit GitHub's limit of 1 MiB per step; " +
        `the JSON report ${json} has everything.`;
    const rendered = new Map();
    let remaining = maxBytes - bytes(cutNotice) - 2 - 2 * BLOCKS.length - 1;
    const byPriority = [...BLOCKS].sort((a, b) => a.priority - b.priority);
    byPriority.forEach((b, i) => {
        const reserve = 400 * (byPriority.length - i - 1);
        const budget = Math.max(0, remaining - reserve);
        // a block that fits whole renders as it did whole: no need to render it again
        const all = whole.get(b.name);
        const text = all !== undefined && bytes(all) <= budget ? all : b.render(c, budget);
        const size = bytes(text);
        if (size <= remaining) {
            rendered.set(b.name, text);
            remaining -= size;
        }
    });
    const parts = BLOCKS.map((b) => rendered.get(b.name) ?? '');
    parts.splice(1, 0, cutNotice);
    const out = join(parts);
    // The verdict alone is small; only an absurdly low maxBytes gets here.
    return bytes(out) <= maxBytes ? out : truncateBytes(out, maxBytes);
}
function renderSummary(result, opts) {
    return renderSummaryModel((0,summary_model/* buildSummaryModel */.MG)(result, opts), opts.maxBytes);
}
function truncateBytes(s, max) {
    let out = s;
    while (bytes(out) > max)
        out = out.slice(0, Math.max(0, out.length - Math.ceil((bytes(out) - max) / 4) - 1));
    return out;
}
/** The banner of a run that was stopped before it finished, above its summary (see interruptionText). */
function interruptedBanner(i) {
    const { heading, body } = (0,summary_model/* interruptionText */.xu)(i);
    return `### ⛔ ${heading}\n\n${body}\n\n`;
}

// EXTERNAL MODULE: ./src/run.ts + 8 modules
var run = __webpack_require__(1454);
;// CONCATENATED MODULE: ./src/main.ts
/** The action's shell: inputs from the runner, the shared run (run.ts), then outputs, summary and the verdict. */








/** The repository the workflow runs in, for the summary's code scanning link; null outside Actions. */
function repositoryFromEnv(env = process.env) {
    const name = env.GITHUB_REPOSITORY ?? '';
    if (!/^[\w.-]+\/[\w.-]+$/.test(name))
        return null;
    return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', name };
}
/** The job summary: the banner of a stopped run, then the summary of the newest result. */
async function writeJobSummary(s, repository) {
    const banner = s.interruption ? interruptedBanner(s.interruption) : '';
    if (s.result && s.files) {
        try {
            await core/* summary */.z
                .addRaw(banner + renderSummary(s.result, { ...s.files, ...s.sinks, repository }))
                .write();
        }
        catch (error) {
            core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    else if (banner) {
        await core/* summary */.z
            .addRaw(banner)
            .write()
            .catch(() => undefined);
    }
}
/**
 * The action as the runner runs it; `stops`: where SIGTERM/SIGINT come from (the run thread's parent,
 * when it runs on the run thread; the process's own signals on the main thread).
 */
async function main_run(opts = {}) {
    core/* debug */.Yz(`The audit runs on ${opts.stops ? 'the run thread' : 'the main thread'}.`);
    const repository = repositoryFromEnv();
    const end = await (0,run/* run */.e)({
        readInputs: readActionInputs,
        log: { info: core/* info */.pq, warning: core/* warning */.$e, debug: core/* debug */.Yz },
        getIDToken: (audience) => core/* getIDToken */.V9(audience),
        setSecret: (secret) => core/* setSecret */.Pq(secret),
        github: (token) => (0,publish/* githubContextFromEnv */.S)(token),
        uploadsSarif: true,
        writeSummary: (s) => writeJobSummary(s, repository),
        writeIacSummary: (scanned, files) => core/* summary */.z
            .addRaw((0,iac/* iacSummaryMarkdown */.NS)(scanned, files))
            .write()
            .then(() => undefined)
            .catch((error) => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`)),
        workspace: () => process.env.GITHUB_WORKSPACE || process.cwd(),
        ...(opts.stops ? { stops: opts.stops } : {}),
    });
    finish(end);
}
/** Outputs and the verdict; anything thrown fails the step. */
function finish(end) {
    if (end.kind === 'done' || end.kind === 'iac') {
        const { outcome } = end;
        for (const [name, value] of Object.entries(outcome.outputs))
            core/* setOutput */.uH(name, value);
        if (outcome.exitCode !== 0)
            core/* setFailed */.C1(outcome.verdict);
        else
            core/* info */.pq(outcome.verdict);
    }
    else if (end.kind === 'failed') {
        fail(end.error);
    }
    else {
        core/* setFailed */.C1(`Audit ${end.stop.reason}: ${end.stop.detail}.`);
        // Requests still in flight would keep the process alive; everything worth keeping is written.
        process.exit(1);
    }
}
/** An input mistake fails the step as one line; anything else also with its stack in debug. */
function fail(error) {
    if (error instanceof model/* InputError */.d) {
        core/* setFailed */.C1(error.message);
        return;
    }
    if (error instanceof Error && error.stack)
        core/* debug */.Yz(error.stack);
    core/* setFailed */.C1((0,errors/* errorMessage */.gJ)(error));
}


/***/ })

};
