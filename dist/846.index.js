export const id = 846;
export const ids = [846];
export const modules = {

/***/ 9601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iG: () => (/* binding */ ENRICH_CONCURRENCY),
  SR: () => (/* binding */ LiveAccount)
});

// UNUSED EXPORTS: auditAccount, confirmFindings

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/credentials/aws-config.ts
var aws_config = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/collect/credential-report.ts + 2 modules
var credential_report = __webpack_require__(7785);
// EXTERNAL MODULE: ./src/collect/pool.ts
var pool = __webpack_require__(6990);
;// CONCATENATED MODULE: ./src/collect/key-facts.ts
/**
 * Live facts of the keys a credential report flagged (docs/design.md §1): the report can be hours old, so the
 * audit checks each flagged key against the live API. Plain facts only; audit/account.ts joins them
 * with the decisions of evaluate/confirm.ts.
 *
 * Per flagged user: `ListAccessKeys` (key id, exact `CreateDate`, `Status`) and `ListUserTags` (for the
 * exemption tag; paginated only when truncated). Per key to confirm: `GetAccessKeyLastUsed`. Never a
 * walk over all users.
 */



/** `N/A` and empty strings from the API are "unknown". */
function known(value) {
    return value === undefined || value === '' || value === 'N/A' ? null : value;
}
async function listTags(iam, userName) {
    const tags = {};
    let marker;
    do {
        const out = await (0,errors/* atStep */.cY)('ListUserTags', () => iam.send(new dist_cjs/* ListUserTagsCommand */.K8S({ UserName: userName, Marker: marker })));
        for (const t of out.Tags ?? [])
            if (t.Key !== undefined)
                tags[t.Key] = t.Value ?? '';
        marker = out.IsTruncated ? out.Marker : undefined;
    } while (marker);
    return tags;
}
async function listKeys(iam, userName) {
    try {
        const out = await (0,errors/* atStep */.cY)('ListAccessKeys', () => iam.send(new dist_cjs/* ListAccessKeysCommand */.Qxm({ UserName: userName })));
        // A user has at most two keys: one page always holds them.
        return out.AccessKeyMetadata ?? [];
    }
    catch (err) {
        if ((0,errors/* isNoSuchEntity */.I0)(err))
            return null;
        throw err;
    }
}
/** A user's tags, or null when the user was deleted since the report. */
async function userTags(iam, userName) {
    try {
        return await listTags(iam, userName);
    }
    catch (err) {
        if ((0,errors/* isNoSuchEntity */.I0)(err))
            return null;
        throw err;
    }
}
/** A user's keys and tags (both calls at once), or null when the user was deleted since the report. */
async function userKeyFacts(iam, userName) {
    const [keys, tags] = await (0,pool/* settleBoth */.FE)(listKeys(iam, userName), userTags(iam, userName));
    return keys === null || tags === null ? null : { keys, tags };
}
/** A key's live last use, or null when the key was deleted since it was listed. */
async function keyLastUse(iam, accessKeyId) {
    let lastUsed;
    try {
        const out = await (0,errors/* atStep */.cY)('GetAccessKeyLastUsed', () => iam.send(new dist_cjs/* GetAccessKeyLastUsedCommand */.qRl({ AccessKeyId: accessKeyId })));
        lastUsed = out.AccessKeyLastUsed;
    }
    catch (err) {
        if ((0,errors/* isNoSuchEntity */.I0)(err))
            return null; // deleted between the two calls
        throw err;
    }
    return {
        usedAt: lastUsed?.LastUsedDate?.getTime() ?? null,
        service: known(lastUsed?.ServiceName),
        region: known(lastUsed?.Region),
    };
}

// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
// EXTERNAL MODULE: ./src/evaluate/rules/index.ts + 1 modules
var rules = __webpack_require__(8029);
;// CONCATENATED MODULE: ./src/evaluate/confirm.ts


function second(ms) {
    return Math.floor(ms / 1000);
}
/**
 * The live key of a report slot: the listed key created in the same second as the slot's
 * `last_rotated`; when both keys share that second, the earlier-listed one is slot 1.
 */
function keyForSlot(keys, keyCreatedAt, slot) {
    return keyCreatedIn(keys, Date.parse(keyCreatedAt), slot);
}
function keyCreatedIn(keys, createdAtMs, slot) {
    const want = second(createdAtMs);
    const same = keys.filter((k) => k.CreateDate !== undefined && second(k.CreateDate.getTime()) === want);
    if (same.length === 1)
        return same[0] ?? null;
    if (same.length === 2)
        return (slot === 1 ? same[0] : same[1]) ?? null;
    // A CreateDate with sub-second digits can round into the next second on the way (the SDK keeps
    // milliseconds): accept the one key within a second of the report's time, never a guess between two.
    const near = keys.filter((k) => k.CreateDate !== undefined && Math.abs(k.CreateDate.getTime() - want * 1_000) <= 1_000);
    return near.length === 1 ? (near[0] ?? null) : null;
}
/**
 * The live key of a slot whose `last_rotated` is `N/A`: the only listed key that neither another
 * flagged slot matched (`taken`) nor the other slot's report time names.
 */
function keyForUnknownSlot(keys, taken, otherSlotCreatedAt, otherSlot) {
    const other = otherSlotCreatedAt === null ? null : keyCreatedIn(keys, otherSlotCreatedAt, otherSlot);
    const left = keys.filter((k) => k.AccessKeyId !== undefined && !taken.has(k.AccessKeyId) && k.AccessKeyId !== other?.AccessKeyId);
    if (left.length === 0)
        return { kind: 'gone' };
    if (left.length > 1)
        return { kind: 'ambiguous' };
    return { kind: 'key', key: left[0] };
}
/**
 * A finding whose creation time the report lacks takes the matched live key's `CreateDate` (the
 * location stays `key-created-unknown-slotN`, so the alert is the same one offline and live).
 */
function withLiveCreation(f, key) {
    if (f.keyCreatedAt !== null || key.CreateDate === undefined)
        return f;
    const created = key.CreateDate.getTime();
    const userCreated = Date.parse(f.userCreatedAt);
    return {
        ...f,
        keyCreatedAt: (0,evaluate/* toIsoSecond */.VE)(created),
        setupGapSeconds: Number.isNaN(userCreated) ? null : Math.round(Math.abs(created - userCreated) / 1000),
    };
}
function toMatch(f, key) {
    if (!key?.AccessKeyId || key.Status !== 'Active')
        return { kind: 'resolved' };
    return { kind: 'confirm', accessKeyId: key.AccessKeyId, finding: withLiveCreation(f, key) };
}
/**
 * For each flagged finding of one user, what to do with it (see SlotMatch). Two flagged slots created
 * in the same second, one key deleted since: the remaining key is confirmed once (for the first slot);
 * findings of several rules on one slot are each confirmed.
 * A slot without a creation time (`N/A`) is matched last, to the one key no other slot accounts for
 * (`reportTimes`: by the finding's location, the report's times of both slots of the row it came from;
 * a user listed twice may have rows that disagree).
 */
function keysToConfirm(findings, keys, reportTimes) {
    const taken = new Set();
    /** Key id -> the slot that took it (another rule's finding on that slot takes it too). */
    const takenBy = new Map();
    const matches = findings.map((f) => {
        if (f.keyCreatedAt === null)
            return null; // matched below, once the dated slots took theirs
        const key = keyForSlot(keys, f.keyCreatedAt, f.keySlot);
        if (!key?.AccessKeyId)
            return { kind: 'resolved' };
        const slot = takenBy.get(key.AccessKeyId);
        if (slot !== undefined && slot !== f.keySlot)
            return { kind: 'resolved' };
        taken.add(key.AccessKeyId);
        takenBy.set(key.AccessKeyId, f.keySlot);
        return toMatch(f, key);
    });
    /** An undated slot's match, for the findings of the other rules on that slot. */
    const undated = new Map();
    return findings.map((f, i) => {
        const dated = matches[i];
        if (dated)
            return dated;
        const otherSlot = f.keySlot === 1 ? 2 : 1;
        let m = undated.get(f.keySlot);
        if (!m) {
            m = keyForUnknownSlot(keys, taken, reportTimes?.get(f.location)?.[otherSlot - 1] ?? null, otherSlot);
            undated.set(f.keySlot, m);
            if (m.kind === 'key' && m.key.AccessKeyId)
                taken.add(m.key.AccessKeyId);
        }
        if (m.kind === 'ambiguous')
            return { kind: 'ambiguous' };
        if (m.kind === 'gone')
            return { kind: 'resolved' };
        return toMatch(f, m.key);
    });
}
/**
 * The confirmed finding of a flagged key and its live last use (its rule's confirmation), or null when it
 * is resolved since the report.
 */
function confirmFinding(finding, accessKeyId, use, ctx) {
    const reason = (0,rules/* ruleOf */.Y)(finding).confirm(finding, use, ctx);
    if (reason === null)
        return null;
    if (use.usedAt === null)
        return { ...finding, reason, accessKeyId };
    return {
        ...finding,
        reason,
        accessKeyId,
        keyLastUsedAt: (0,evaluate/* toIsoSecond */.VE)(use.usedAt),
        keyLastUsedService: use.service,
        keyLastUsedRegion: use.region,
    };
}

// EXTERNAL MODULE: ./src/evaluate/exemptions.ts
var exemptions = __webpack_require__(2171);
// EXTERNAL MODULE: ./src/audit/result.ts
var result = __webpack_require__(7974);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
;// CONCATENATED MODULE: ./src/audit/account.ts
/**
 * Audits one AWS account live (docs/design.md §1, §6), in one flow: the report's facts -> candidate findings
 * (the rule) -> the live facts of the flagged keys -> final findings -> exemptions. Never throws: a
 * failure is an account with `status: 'error'` and a hint.
 *
 * The account's IAM client lives exactly as long as `auditAccount` (created at its start, destroyed in
 * its `finally`): every call of the account goes through it.
 *
 * Calls: `ListAccountAliases` 1, `GenerateCredentialReport` 1 (+ polls), `GetCredentialReport` 1,
 * `ListAccessKeys` and `ListUserTags` 1 per flagged user, `GetAccessKeyLastUsed` 1 per flagged key.
 */











/** Flagged users confirmed at once within one account (accounts themselves run `concurrency` at once). */
const ENRICH_CONCURRENCY = 16;
function byUser(findings) {
    const users = new Map();
    for (const f of findings) {
        const list = users.get(f.userArn);
        if (list)
            list.push(f);
        else
            users.set(f.userArn, [f]);
    }
    return [...users.values()];
}
/**
 * Candidate findings -> final findings, user by user: the user's live keys and tags (collect), which
 * keys to confirm (evaluate), their live last use (collect), the decision (evaluate).
 */
async function confirmFindings(iam, findings, opts) {
    const ctx = {
        reportGeneratedAt: opts.reportGeneratedAt.getTime(),
        asOf: opts.unused.asOf,
        unusedDays: opts.unused.unusedDays,
    };
    const tags = new Map();
    const confirmed = new Map();
    let resolved = 0;
    await (0,pool/* mapWithConcurrency */.WS)(byUser(findings), opts.concurrency, async (userFindings) => {
        const first = userFindings[0];
        const facts = await userKeyFacts(iam, first.userName);
        if (facts === null) {
            resolved += userFindings.length; // the user was deleted since the report
            return;
        }
        tags.set(first.userArn, facts.tags);
        const matches = keysToConfirm(userFindings, facts.keys, opts.reportKeyTimes);
        // One call per key, however many rules flagged it.
        const lastUse = new Map();
        const useOf = (id) => {
            let use = lastUse.get(id);
            if (!use) {
                use = keyLastUse(iam, id);
                lastUse.set(id, use);
            }
            return use;
        };
        const uses = await (0,pool/* settleAll */.j3)(matches.map(async (m) => (m.kind === 'confirm' ? useOf(m.accessKeyId) : null)));
        userFindings.forEach((f, i) => {
            const m = matches[i];
            const use = uses[i];
            let r = null;
            if (m?.kind === 'ambiguous')
                r = f; // reported as the report has it, no key id
            else if (m?.kind === 'confirm' && use)
                r = confirmFinding(m.finding, m.accessKeyId, use, ctx);
            if (r)
                confirmed.set(f, r);
            else
                resolved += 1;
        });
    });
    return {
        findings: findings.flatMap((f) => {
            const r = confirmed.get(f);
            return r ? [r] : [];
        }),
        tags,
        resolvedSinceReport: resolved,
    };
}
/**
 * One account's live audit in two parts, so that many accounts' reports can generate at once (the live
 * audit's scheduler, scheduler.ts): `ask()` is one `GenerateCredentialReport` on the account's one poll
 * budget (the first `ask()` is the account's first call of the budget, not an extra one); `audit()`, once
 * an answer was ready, reads the report and does the rest. Neither throws: a failed `ask()` answers
 * ready, and `audit()` returns the failed account with its hint.
 *
 * The IAM client lives from the constructor to the end of `audit()` (its `finally`); `audit()` is called
 * exactly once for every account constructed.
 */
class LiveAccount {
    opts;
    iam;
    generation;
    failure = null;
    reportDeps;
    constructor(opts) {
        this.opts = opts;
        const { accountId, config, deps } = opts;
        this.iam = new dist_cjs/* IAMClient */.h8v((0,aws_config/* awsClientConfig */.rw)({ region: config.awsRegion, credentials: opts.credentials, ...deps.aws }));
        this.reportDeps = {
            sleep: deps.sleep,
            now: deps.now,
            maxWaitMs: deps.reportLimits.maxWaitMs,
            maxReportBytes: deps.reportLimits.maxReportBytes,
            source: `credential report of account ${accountId}`,
            debug: deps.log.debug ? (m) => deps.log.debug?.(`account ${accountId}: ${m}`) : undefined,
            ...(deps.random ? { random: deps.random } : {}),
        };
        this.generation = new credential_report/* ReportGeneration */.X$(this.iam, this.reportDeps);
    }
    /** One `GenerateCredentialReport`: ready (or failed: `audit()` says how), or when to ask again. */
    async ask() {
        if (this.failure !== null)
            return { ready: true };
        try {
            return await this.generation.ask();
        }
        catch (err) {
            this.failure = err;
            return { ready: true };
        }
    }
    /** Reads the ready report and audits the account. Never throws; destroys the account's IAM client. */
    async audit() {
        const { accountId, config, deps } = this.opts;
        const iam = this.iam;
        // What is known when a later step fails: shown with the error.
        const known = {
            accountId,
            source: result/* AWS_SOURCE */.eX,
            asOf: (0,evaluate/* toIsoSecond */.VE)((config.asOf ?? deps.now()).getTime()),
            alias: null,
            reportGeneratedAt: null,
        };
        try {
            if (this.failure !== null)
                throw this.failure;
            return await this.afterReport(known);
        }
        catch (err) {
            const described = (0,errors/* describeAwsError */.Pp)(err, {
                accountId,
                step: 'audit',
                roleArn: this.opts.roleArn,
                ambient: config.roleToAssume === null,
            });
            const { error, hint } = described;
            deps.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
            return { account: (0,result/* failedAccount */.b4)({ ...known, ...described }), findings: [] };
        }
        finally {
            iam.destroy();
        }
    }
    async afterReport(known) {
        const { accountId, config, deps } = this.opts;
        const iam = this.iam;
        // 1. The account's facts: its credential report and alias, both at once (a failure of one waits
        //    for the other to settle: nothing runs on after the return).
        const [fetched, aliases] = await (0,pool/* settleBoth */.FE)((0,credential_report/* fetchCredentialReport */.qq)(iam, this.reportDeps, this.generation), (0,errors/* atStep */.cY)('ListAccountAliases', () => iam.send(new dist_cjs/* ListAccountAliasesCommand */.xcp({}))));
        known.alias = aliases.AccountAliases?.[0] ?? null;
        const { report, generatedAt } = fetched;
        known.reportGeneratedAt = (0,evaluate/* toIsoSecond */.VE)(generatedAt.getTime());
        if (report.accountId !== null && report.accountId !== accountId) {
            throw new errors/* StepError */.zg('GetCredentialReport', new errors/* AccountMismatchError */.YW(accountId, report.accountId));
        }
        const asOf = (config.asOf ?? generatedAt).getTime();
        known.asOf = (0,evaluate/* toIsoSecond */.VE)(asOf);
        // 2. Candidate findings: the rule on every row of the report.
        const evaluation = new evaluate/* ReportEvaluation */.nz(config.rule, asOf);
        if (report.accountId !== null)
            for (const user of report.users)
                evaluation.add(report.accountId, user);
        const candidates = evaluation.findings();
        // 3-4. The live facts of the flagged keys, and the final findings.
        const confirmed = await confirmFindings(iam, candidates, {
            concurrency: ENRICH_CONCURRENCY,
            reportGeneratedAt: generatedAt,
            unused: { asOf, unusedDays: config.rule.unusedDays },
            reportKeyTimes: evaluation.undatedKeyTimes,
        });
        // 5. Exemptions.
        const findings = (0,exemptions/* applyExemptions */.rY)(confirmed.findings, {
            exemptUsers: config.exemptUsers,
            tags: confirmed.tags,
            exemptionTag: config.rule.exemptionTag,
            asOf,
        });
        const usersScanned = evaluation.usersScanned;
        const account = (0,result/* okAccount */.SB)({
            ...known,
            usersScanned,
            resolvedSinceReport: confirmed.resolvedSinceReport,
        });
        const notes = report.unreadable.map((u) => (0,src_notes/* note */.N4) `Account ${accountId}: credential report line ${u.line} could not be read: ${u.detail}.`);
        for (const n of notes)
            deps.log.warning((0,src_notes/* noteText */.gA)(n));
        deps.log.info(`account ${accountId}${account.alias ? ` (${account.alias})` : ''}: ${usersScanned} users, ` +
            `${findings.filter((f) => !f.exempted).length} findings, ${findings.filter((f) => f.exempted).length} exempted, ` +
            `${confirmed.resolvedSinceReport} resolved since the report of ${account.reportGeneratedAt}`);
        return { account, findings, ...(notes.length > 0 ? { notes } : {}) };
    }
}
/** Audits one account with the given credentials: polls its report, then audits it. Never throws. */
async function auditAccount(opts) {
    const account = new LiveAccount(opts);
    for (;;) {
        const answer = await account.ask();
        if (answer.ready)
            break;
        await opts.deps.sleep(answer.retryInMs);
    }
    return account.audit();
}


/***/ }),

/***/ 9846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ auditAccountsHere),
/* harmony export */   G: () => (/* binding */ accountFailure)
/* harmony export */ });
/* harmony import */ var _collect_credential_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7785);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1632);
/* harmony import */ var _account_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9601);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7974);
/* harmony import */ var _scheduler_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5578);






/** The audit of an account that failed at `step` (logged as a warning with its hint). */
function accountFailure(opts) {
    const { accountId, config } = opts;
    const described = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)(opts.err, {
        accountId,
        step: opts.step,
        ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
        ambient: config.roleToAssume === null,
    });
    const { error, hint } = described;
    opts.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
    const asOf = (0,_evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .toIsoSecond */ .VE)((config.asOf ?? opts.now()).getTime());
    return { account: (0,_result_js__WEBPACK_IMPORTED_MODULE_4__/* .failedAccount */ .b4)({ accountId, source: _result_js__WEBPACK_IMPORTED_MODULE_4__/* .AWS_SOURCE */ .eX, asOf, ...described }), findings: [] };
}
/** AssumeRole (when the account has a role) and the account's first `GenerateCredentialReport`. */
async function startOne(accountId, here) {
    const failed = await here.assume(accountId);
    if (failed !== null)
        return { handle: { failure: failed }, answer: { ready: true } };
    const roleArn = here.roleArnFor(accountId);
    // The session's providers refresh by the clock: an account started early and audited late (a chained
    // session lasts one hour at most) assumes its role again when it needs to.
    const live = new _account_js__WEBPACK_IMPORTED_MODULE_3__/* .LiveAccount */ .SR({
        accountId,
        credentials: here.credentialsFor(accountId),
        config: here.config,
        deps: {
            sleep: here.sleep,
            now: here.now,
            log: here.log,
            reportLimits: _collect_credential_report_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_REPORT_LIMITS */ .qH,
            ...(here.aws ? { aws: here.aws } : {}),
            ...(here.random ? { random: here.random } : {}),
        },
        ...(roleArn !== null ? { roleArn } : {}),
    });
    return { handle: { accountId, live }, answer: await live.ask() };
}
/** Audits `accounts` on this thread; results in the order of `accounts`. Never rejects. */
function auditAccountsHere(accounts, limits, here) {
    return (0,_scheduler_js__WEBPACK_IMPORTED_MODULE_5__/* .runScheduled */ .h)(accounts, limits, {
        startAccount: (accountId) => {
            here.log.info(`account ${accountId}: starting its credential report`);
            return startOne(accountId, here);
        },
        poll: (h) => (h.failure ? Promise.resolve({ ready: true }) : h.live.ask()),
        auditReady: async (h) => {
            const accountId = h.failure ? h.failure.account.accountId : h.accountId;
            const roleArn = here.roleArnFor(accountId);
            here.log.info(`account ${accountId}: auditing ${roleArn ? `as ${roleArn}` : `as ${here.callerArn}`}`);
            return here.done(accountId, h.failure ?? (await h.live.audit()));
        },
        // startOne, ask() and audit() never throw; if one ever does, that account alone fails.
        failed: (accountId, err) => here.done(accountId, here.failure(accountId, err)),
        now: () => here.now().getTime(),
        sleep: here.sleep,
    });
}


/***/ }),

/***/ 5578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ DEFAULT_START_LIMIT),
/* harmony export */   h: () => (/* binding */ runScheduled)
/* harmony export */ });
const DEFAULT_START_LIMIT = 32;
/**
 * Sleeps `ms` or until `changed`, whichever comes first. A sleep that lost the race is cancelled: its
 * timer would keep the process alive for up to one poll interval after the audit has finished.
 */
async function sleepUnless(deps, ms, changed) {
    const nap = new AbortController();
    await Promise.race([deps.sleep(ms, nap.signal), changed]);
    nap.abort();
}
/** A promise that resolves at the next `notify()`: how waiting workers learn that something changed. */
class Signal {
    resolve = () => { };
    current = this.fresh();
    fresh() {
        return new Promise((r) => (this.resolve = r));
    }
    get next() {
        return this.current;
    }
    notify() {
        const resolve = this.resolve;
        this.current = this.fresh();
        resolve();
    }
}
const limitOf = (n, fallback) => Math.max(1, Number.isFinite(n) ? Math.floor(n) : fallback);
/** Audits `accountIds` with every report started early; see the module comment. Never rejects. */
async function runScheduled(accountIds, options, deps) {
    const concurrency = limitOf(options.concurrency, 1);
    const startLimit = limitOf(options.startLimit, DEFAULT_START_LIMIT);
    const results = new Array(accountIds.length);
    const ready = []; // sorted by start order
    const waiting = [];
    const signal = new Signal();
    let nextStart = 0;
    let startsInFlight = 0;
    const fail = (index, err) => {
        results[index] = deps.failed(accountIds[index], err);
    };
    const settle = (entry, answer) => {
        if (answer.ready) {
            let i = ready.length;
            while (i > 0 && ready[i - 1].index > entry.index)
                i--;
            ready.splice(i, 0, entry);
        }
        else {
            entry.dueAt = deps.now() + Math.max(0, answer.retryInMs);
            waiting.push(entry);
        }
    };
    const startsLeft = () => nextStart < accountIds.length || startsInFlight > 0;
    async function starter() {
        while (nextStart < accountIds.length) {
            const index = nextStart++;
            const accountId = accountIds[index];
            startsInFlight++;
            try {
                const { handle, answer } = await deps.startAccount(accountId);
                settle({ index, accountId, handle, dueAt: 0 }, answer);
            }
            catch (err) {
                fail(index, err);
            }
            finally {
                startsInFlight--;
                signal.notify();
            }
        }
    }
    async function poller() {
        for (;;) {
            const changed = signal.next;
            if (waiting.length === 0) {
                if (!startsLeft())
                    return;
                await changed;
                continue;
            }
            const now = deps.now();
            const due = waiting
                .filter((e) => e.dueAt <= now)
                .sort((a, b) => a.index - b.index)
                .slice(0, startLimit);
            if (due.length === 0) {
                const soonest = Math.min(...waiting.map((e) => e.dueAt));
                await sleepUnless(deps, soonest - now, changed);
                continue;
            }
            for (const e of due)
                waiting.splice(waiting.indexOf(e), 1);
            await Promise.all(due.map(async (e) => {
                try {
                    settle(e, await deps.poll(e.handle));
                }
                catch (err) {
                    fail(e.index, err);
                }
            }));
            signal.notify();
        }
    }
    let polling = true;
    async function worker() {
        for (;;) {
            const changed = signal.next;
            const entry = ready.shift();
            if (entry) {
                try {
                    results[entry.index] = await deps.auditReady(entry.handle);
                }
                catch (err) {
                    fail(entry.index, err);
                }
                continue;
            }
            if (!polling && ready.length === 0)
                return;
            await changed;
        }
    }
    const starters = Array.from({ length: Math.min(startLimit, accountIds.length) }, () => starter());
    const workers = Array.from({ length: Math.min(concurrency, accountIds.length) }, () => worker());
    // the poller runs beside the starts: the first accounts' reports are polled while later ones start
    await Promise.all([Promise.all(starters), poller()]);
    polling = false;
    signal.notify();
    await Promise.all(workers);
    return results;
}


/***/ }),

/***/ 7785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qH: () => (/* binding */ DEFAULT_REPORT_LIMITS),
  X$: () => (/* binding */ ReportGeneration),
  qq: () => (/* binding */ fetchCredentialReport)
});

// UNUSED EXPORTS: isReportNotReady

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/collect/parse.ts
var parse = __webpack_require__(7833);
;// CONCATENATED MODULE: ./src/collect/poll-schedule.ts
/**
 * When to ask again for a credential report that AWS is still generating (`GenerateCredentialReport`
 * answered STARTED or INPROGRESS). Self-contained (no imports): the benchmark's models use it too.
 *
 * AWS documents no generation time; small accounts are COMPLETE within seconds, organizations see
 * 5-60 s per report. A doubling backoff (1, 2, 4, 8, 16 s) overshoots badly there: a report ready at 5 s
 * was seen at 7 s, one ready at 20 s at 31 s. This schedule ramps up slowly and then polls every 5 s:
 * 1, 1, 2, 2, 3, 3, 4, 4, then 5 s, each ±20 % (jitter, so that accounts started together do not poll in
 * lockstep). For a report ready uniformly in 5-60 s the expected overshoot is ~2.3 s instead of ~7.5 s,
 * for ~11 polls instead of ~5.5 (cheap calls, each account within its own IAM quota).
 */
/** The delay before each poll (milliseconds, before jitter); after the last one, `POLL_CAP_MS`. */
const POLL_STEPS_MS = [1000, 1000, 2000, 2000, 3000, 3000, 4000, 4000];
const POLL_CAP_MS = 5000;
/** Each delay is drawn uniformly within ±POLL_JITTER of its step. */
const POLL_JITTER = 0.2;
/**
 * The delay before poll number `attempt` (0 = the first poll after the first STARTED answer).
 * `random` returns a number in [0, 1) (Math.random); 0.5 gives the step itself.
 */
function pollDelayMs(attempt, random = Math.random) {
    const step = POLL_STEPS_MS[attempt] ?? POLL_CAP_MS;
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.round(step * (1 - POLL_JITTER + 2 * POLL_JITTER * r));
}

;// CONCATENATED MODULE: ./src/collect/report-content.ts
/**
 * `GetCredentialReport` answers with the whole report base64-encoded inside one XML element. The SDK's
 * XML deserializer turns a text node that large into about half a gigabyte of short-lived strings
 * (measured: a 50,000-user report, 14 MB of XML, took the process from 170 MB to 650 MB RSS), and an
 * organization audit reads `concurrency` reports at once. This deserialize-step middleware runs inside
 * the SDK's deserializer: it lifts the bytes of `<Content>` out of the raw response, decodes them once,
 * and hands the SDK the small remainder (GeneratedTime, ReportFormat) to parse as usual. Error responses
 * and anything it does not recognise pass through untouched.
 */



const OPEN = Buffer.from('<Content>');
const CLOSE = Buffer.from('</Content>');
/** The response body, or a `ReportTooLargeError` once it passes `maxBytes` (never buffering more). */
async function collect(body, maxBytes) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
        size += buf.length;
        if (size > maxBytes) {
            body.destroy?.();
            throw new errors/* ReportTooLargeError */.Ul(`${(0,parse/* tooLargeDetail */.X7)(Math.floor((size * 3) / 4), Math.floor((maxBytes * 3) / 4))} (the response was not read further)`);
        }
        chunks.push(buf);
    }
    return Buffer.concat(chunks);
}
function isAsyncIterable(value) {
    return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
/**
 * `maxReportBytes`: the largest decoded report accepted; the raw response may hold its base64 (4/3 of
 * it) plus a little XML.
 */
function liftReportContent(lifted, maxReportBytes = parse/* MAX_REPORT_BYTES */.WA) {
    const maxResponseBytes = Math.ceil((maxReportBytes * 4) / 3) + 64 * 1024;
    return (next) => async (args) => {
        const out = await next(args);
        const response = out.response;
        const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
        if (!ok || !isAsyncIterable(response.body))
            return out;
        const raw = await collect(response.body, maxResponseBytes);
        const open = raw.indexOf(OPEN);
        const close = open < 0 ? -1 : raw.indexOf(CLOSE, open + OPEN.length);
        if (close < 0) {
            response.body = external_node_stream_.Readable.from([raw]);
            return out;
        }
        // base64 is ASCII: a one-byte string of it, decoded once (Node skips any whitespace in it)
        lifted.content = Buffer.from(raw.toString('latin1', open + OPEN.length, close), 'base64');
        response.body = external_node_stream_.Readable.from([
            Buffer.concat([raw.subarray(0, open), raw.subarray(close + CLOSE.length)]),
        ]);
        return out;
    };
}

;// CONCATENATED MODULE: ./src/collect/credential-report.ts
/**
 * Live credential report (docs/design.md §6): `GenerateCredentialReport` until COMPLETE with bounded backoff,
 * then `GetCredentialReport`, parsed by the same streaming parser as the offline mode.
 *
 * Throttling and transient errors are retried by the SDK's own retry strategy (see aws-config.ts); the
 * only loop here is the poll for a report that AWS is still generating.
 */






const DEFAULT_REPORT_MAX_WAIT_MS = 5 * 60_000;
const DEFAULT_REPORT_LIMITS = {
    maxWaitMs: DEFAULT_REPORT_MAX_WAIT_MS,
    maxReportBytes: parse/* MAX_REPORT_BYTES */.WA,
};
/** True for the errors of `GetCredentialReport` that a new `GenerateCredentialReport` fixes. */
function isReportNotReady(err) {
    return errors/* REPORT_NOT_READY */.pW.has((0,errors/* awsErrorName */.ZH)(err));
}
/** The poll's budget: the time elapsed on the injected clock (`deps.now`; `deps.sleep` moves it). */
class PollBudget {
    deps;
    maxWait;
    started;
    attempt = 0;
    delay;
    constructor(deps, maxWait = deps.maxWaitMs ?? DEFAULT_REPORT_MAX_WAIT_MS) {
        this.deps = deps;
        this.maxWait = maxWait;
        this.started = deps.now().getTime();
        this.delay = pollDelayMs(0, deps.random);
    }
    waited() {
        return this.deps.now().getTime() - this.started;
    }
    /** The delay before the next poll (poll-schedule.ts: 1, 1, 2, 2, 3, 3, 4, 4, then 5 s, jittered), or
     *  throws when waiting it would exceed the budget. */
    next(step, onTimeout) {
        const waited = this.waited();
        const delay = this.delay;
        if (waited + delay > this.maxWait)
            throw new errors/* StepError */.zg(step, onTimeout ?? new errors/* ReportTimeoutError */.Co(waited));
        this.delay = pollDelayMs(++this.attempt, this.deps.random);
        return delay;
    }
    /** Sleeps the delay before the next poll, or throws when that would exceed the budget. */
    async wait(step, onTimeout) {
        await this.deps.sleep(this.next(step, onTimeout));
    }
}
/**
 * One account's report generation with its one poll budget (started at construction, on the injected
 * clock). `ask()` is one `GenerateCredentialReport`; the caller sleeps `retryInMs` (the live audit's
 * scheduler does, for many accounts at once), then asks again.
 */
class ReportGeneration {
    iam;
    deps;
    budget;
    constructor(iam, deps) {
        this.iam = iam;
        this.deps = deps;
        this.budget = new PollBudget(deps);
    }
    /** One `GenerateCredentialReport`; throws a StepError on failure, or when the budget is spent. */
    async ask() {
        let out;
        try {
            out = await this.iam.send(new dist_cjs/* GenerateCredentialReportCommand */.seh({}));
        }
        catch (err) {
            // "no more capacity to launch new report generation tasks" (many accounts at once): wait it out
            // within the same budget; if it persists, the account fails with this error (and its hint).
            if (!errors/* REPORT_CAPACITY */.W8.has((0,errors/* awsErrorName */.ZH)(err)))
                throw new errors/* StepError */.zg('GenerateCredentialReport', err);
            return { ready: false, retryInMs: this.budget.next('GenerateCredentialReport', err) };
        }
        if (out.State === 'COMPLETE')
            return { ready: true };
        return { ready: false, retryInMs: this.budget.next('GenerateCredentialReport') };
    }
    /** Asks until COMPLETE, sleeping between polls. */
    async untilComplete() {
        for (;;) {
            const answer = await this.ask();
            if (answer.ready)
                return;
            await this.deps.sleep(answer.retryInMs);
        }
    }
    /** Sleeps before generating again (the report vanished after COMPLETE), within the same budget. */
    wait(step) {
        return this.budget.wait(step);
    }
}
/**
 * The account's credential report, parsed, with the time AWS generated it (`GeneratedTime`).
 * Calls: `GenerateCredentialReport` once plus one per poll, `GetCredentialReport` once (again only if
 * AWS answers that the report is not present or expired, after generating it again). `started`: the
 * account's generation whose last answer was COMPLETE (the live audit's scheduler polled it), so the
 * first `GetCredentialReport` follows at once.
 */
async function fetchCredentialReport(iam, deps, started) {
    const generation = started ?? new ReportGeneration(iam, deps);
    let ready = started !== undefined;
    let notPresent = 0;
    for (;;) {
        if (!ready)
            await generation.untilComplete();
        ready = false;
        let out;
        const lifted = { content: null };
        const command = new dist_cjs/* GetCredentialReportCommand */.DBo({});
        const maxBytes = deps.maxReportBytes ?? parse/* MAX_REPORT_BYTES */.WA;
        command.middlewareStack.add(liftReportContent(lifted, maxBytes), {
            step: 'deserialize',
            priority: 'low',
            name: 'liftCredentialReportContent',
        });
        try {
            out = await iam.send(command);
        }
        catch (err) {
            if (!isReportNotReady(err))
                throw new errors/* StepError */.zg('GetCredentialReport', err);
            // The report expired or vanished between the two calls: generate it again, within the same budget.
            const answer = (0,errors/* awsErrorName */.ZH)(err);
            notPresent = /InProgress|NotReady/.test(answer) ? 0 : notPresent + 1;
            try {
                await generation.wait('GetCredentialReport');
            }
            catch (timeout) {
                // COMPLETE, then "no report", until the budget ran out: not a report "still generating"
                if (notPresent === 0)
                    throw timeout;
                const waited = timeout instanceof errors/* StepError */.zg && timeout.original instanceof errors/* ReportTimeoutError */.Co;
                throw new errors/* StepError */.zg('GetCredentialReport', new errors/* ReportNeverPresentError */.wN(answer, notPresent, waited ? timeout.original.waitedMs : 0));
            }
            continue;
        }
        if (out.ReportFormat !== undefined && out.ReportFormat !== 'text/csv') {
            throw new errors/* StepError */.zg('GetCredentialReport', new errors/* ReportFormatError */.Qs(out.ReportFormat));
        }
        const content = out.Content ?? new Uint8Array();
        // Bytes, never one string of the whole report: the parser streams the rows.
        if (lifted.content === null) {
            deps.debug?.('GetCredentialReport: the raw response had no <Content> element to lift (SDK response shape changed?); ' +
                "reading the SDK's parsed Content instead, which costs more memory for large reports.");
        }
        const bytes = lifted.content ?? Buffer.from(content.buffer, content.byteOffset, content.byteLength);
        if (bytes.length > maxBytes) {
            throw new errors/* StepError */.zg('GetCredentialReport', new errors/* ReportTooLargeError */.Ul((0,parse/* tooLargeDetail */.X7)(bytes.length, maxBytes)));
        }
        const report = await (0,errors/* atStep */.cY)('GetCredentialReport', () => (0,parse/* parseCredentialReport */.tX)(external_node_stream_.Readable.from([bytes]), deps.source ?? 'aws'));
        return { report, generatedAt: out.GeneratedTime ?? deps.now() };
    }
}


/***/ })

};
