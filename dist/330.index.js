export const id = 330;
export const ids = [330,949];
export const modules = {

/***/ 330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACCOUNTS_PER_THREAD: () => (/* binding */ ACCOUNTS_PER_THREAD),
/* harmony export */   THREADS_ENV: () => (/* binding */ THREADS_ENV),
/* harmony export */   auditOnThreads: () => (/* binding */ auditOnThreads),
/* harmony export */   hostAccountThread: () => (/* binding */ hostAccountThread),
/* harmony export */   serveAccountThread: () => (/* binding */ serveAccountThread),
/* harmony export */   shares: () => (/* binding */ shares),
/* harmony export */   threadsFor: () => (/* binding */ threadsFor)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _accounts_here_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5952);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1982);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9373);
/**
 * A live audit over the runner's cores (docs/design.md §7). One thread spends about a millisecond of CPU
 * per AWS call (signing, parsing answers): from a few hundred accounts on, one core is the limit, not
 * AWS. The accounts are then dealt round-robin to account threads (the bundle started again, threads.ts),
 * each auditing its share exactly as the run does on one thread (accounts-here.ts), with its share of
 * `concurrency` and of the report starts.
 *
 * The session stays on the run's thread: a thread asks it, over its message port, for an account's role
 * to be assumed and for its credentials (refreshed there by the clock, masked there), and sends back
 * each account's audit (plain data) and its log lines. So every AWS call of the audit is the one it
 * would be on one thread: sign-in once, one AssumeRole per account, the same calls per account.
 */





/**
 * Accounts a thread must have before another thread pays for itself: starting one loads the bundle
 * again (about 0.1-0.2 s of CPU), about what auditing a few dozen accounts costs.
 */
const ACCOUNTS_PER_THREAD = 64;
/** `IAM_AUDIT_THREADS`: the number of account threads, for tests and benchmarks (0 or 1: none). */
const THREADS_ENV = 'IAM_AUDIT_THREADS';
/**
 * Account threads for a run of `accounts` at `concurrency`: 1 means the run's own thread only. One core
 * stays with the run's thread (sign-in, every AssumeRole, the threads' messages, the reports): on a
 * 2-core runner, threads would only compete with it (npm run bench: more CPU and RSS, no time saved).
 */
function threadsFor(accounts, concurrency, env = process.env, cores = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)()) {
    const forced = env[THREADS_ENV]?.trim();
    const wanted = forced && /^\d+$/.test(forced)
        ? Number(forced)
        : Math.min(cores - 1, Math.floor(accounts / ACCOUNTS_PER_THREAD));
    return Math.max(1, Math.min(wanted, concurrency, accounts));
}
/** `total` split into `parts` whole shares, the first ones larger by one; every share at least 1. */
function shares(total, parts) {
    return Array.from({ length: parts }, (_, k) => Math.max(1, Math.floor(total / parts) + (k < total % parts ? 1 : 0)));
}
function sendError(err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const fields = {};
    for (const [k, v] of Object.entries(e)) {
        try {
            fields[k] = JSON.parse(JSON.stringify(v));
        }
        catch {
            // not plain data: left behind
        }
    }
    return { name: e.name, message: e.message, fields };
}
function receiveError(sent) {
    const e = Object.assign(new Error(sent.message), sent.fields);
    e.name = sent.name;
    return e;
}
/** Serves one thread's requests until it ends. */
function hostAccountThread(port, host) {
    return new Promise((resolve) => {
        const reply = (id, answer) => {
            answer.then((value) => port.postMessage({ t: 'reply', id, ok: true, value }), (err) => port.postMessage({ t: 'reply', id, ok: false, error: sendError(err) }));
        };
        port.on('message', (message) => {
            const m = message;
            if (m.t === 'assume')
                reply(m.id, host.assume(m.accountId));
            else if (m.t === 'credentials')
                reply(m.id, host.credentials(m.accountId));
            else if (m.t === 'log')
                host.log[m.level]?.(m.text);
            else if (m.t === 'done')
                host.done(m.accountId, m.audit);
            else
                resolve();
        });
    });
}
/** The thread's side: audits its accounts, asking the run's thread for what the session holds. */
async function serveAccountThread(port, task, clock = _clock_js__WEBPACK_IMPORTED_MODULE_4__/* .SYSTEM_CLOCK */ .V) {
    const pending = new Map();
    let next = 0;
    port.on('message', (message) => {
        const m = message;
        const p = pending.get(m.id);
        if (!p)
            return;
        pending.delete(m.id);
        if (m.ok)
            p.resolve(m.value);
        else
            p.reject(receiveError(m.error));
    });
    const ask = (message) => new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve, reject });
        port.postMessage({ ...message, id });
    });
    const send = (level) => (text) => port.postMessage({ t: 'log', level, text });
    const log = {
        info: send('info'),
        warning: send('warning'),
        ...(task.debug ? { debug: send('debug') } : {}),
    };
    const { config } = task;
    await (0,_accounts_here_js__WEBPACK_IMPORTED_MODULE_2__/* .auditAccountsHere */ .C)(task.accounts, { concurrency: task.concurrency, startLimit: task.startLimit }, {
        config,
        log,
        now: clock.now,
        sleep: clock.sleep,
        callerArn: task.callerArn,
        roleArnFor: (accountId) => task.roleArns[accountId] ?? null,
        credentialsFor: (accountId) => () => ask({ t: 'credentials', accountId }),
        assume: (accountId) => ask({ t: 'assume', accountId }),
        failure: (accountId, err) => (0,_accounts_here_js__WEBPACK_IMPORTED_MODULE_2__/* .accountFailure */ .G)({
            accountId,
            err,
            step: 'audit',
            config,
            roleArn: task.roleArns[accountId] ?? null,
            log,
            now: clock.now,
        }),
        done: (accountId, audit) => {
            port.postMessage({ t: 'done', accountId, audit });
            return audit;
        },
    });
    port.postMessage({ t: 'end' });
}
/**
 * Audits `accounts` on `threads` account threads started from the bundle at `entry`; results in the
 * order of `accounts`. An account whose thread died before it finished fails with that error.
 */
async function auditOnThreads(opts) {
    const { accounts, threads } = opts;
    const concurrency = shares(opts.limits.concurrency, threads);
    const startLimit = shares(opts.limits.startLimit, threads);
    const results = new Map();
    const done = (accountId, audit) => {
        results.set(accountId, audit);
        opts.host.done(accountId, audit);
    };
    // The config crosses without the GitHub token: a thread makes no GitHub call.
    const config = { ...opts.task.config, githubToken: null };
    await Promise.all(Array.from({ length: threads }, async (_, k) => {
        const task = {
            ...opts.task,
            config,
            accounts: accounts.filter((_, i) => i % threads === k),
            concurrency: concurrency[k],
            startLimit: startLimit[k],
        };
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker(opts.entry, {
            workerData: { role: _threads_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCOUNTS_ROLE */ .Gx, task },
            resourceLimits: { maxYoungGenerationSizeMb: _threads_js__WEBPACK_IMPORTED_MODULE_3__/* .YOUNG_GENERATION_MB */ .OE },
        });
        let failure = null;
        worker.on('error', (err) => (failure = err));
        const exited = new Promise((resolve) => worker.on('exit', resolve));
        const ended = hostAccountThread(worker, { ...opts.host, done });
        const code = await Promise.race([ended.then(() => null), exited]);
        if (code === null)
            await worker.terminate();
        else {
            const err = failure ?? new Error(`an account thread stopped (exit code ${code})`);
            for (const accountId of task.accounts)
                if (!results.has(accountId))
                    done(accountId, opts.failure(accountId, err));
        }
    }));
    return accounts.map((a) => results.get(a));
}


/***/ })

};
