export const id = 952;
export const ids = [952];
export const modules = {

/***/ 5952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ accountFailure),
  C: () => (/* binding */ auditAccountsHere)
});

// EXTERNAL MODULE: ./src/credentials/aws-config.ts
var aws_config = __webpack_require__(4054);
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

// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
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
// EXTERNAL MODULE: ./src/evaluate/intent.ts
var evaluate_intent = __webpack_require__(9377);
// EXTERNAL MODULE: ./src/evaluate/key-tags.ts
var key_tags = __webpack_require__(3364);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudtrail/dist-cjs/index.js
var client_cloudtrail_dist_cjs = __webpack_require__(7392);
// EXTERNAL MODULE: ./src/aws/operations.ts
var operations = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
;// CONCATENATED MODULE: ./src/audit/key-creation.ts
/**
 * Evidence of intent (docs/design.md §10), the I/O: each flagged key's `CreateAccessKey` event from CloudTrail's
 * event history (`LookupEvents`), and, when that event's session could have made the user too, the
 * user's `CreateUser` / `CreateLoginProfile` events. What they mean is decided in evaluate/intent.ts;
 * the lookups are steered by those decisions (the windows, which event is the key's), which is why this
 * module is in audit/ (it joins collect and evaluate), not collect/ (facts only).
 *
 * - Where: IAM is a global service, its events are in the partition's IAM region (us-east-1, cn-north-1,
 *   us-gov-west-1), with the account's own credentials (the member role, or the audit role for its own
 *   account).
 * - How: one lookup attribute per call (CloudTrail's rule): `ResourceName` = the key id, in a window of
 *   minutes around the key's creation (one small page); then `ResourceName` = the user name from before
 *   the user's creation to after the key, keeping only `CreateUser` / `CreateLoginProfile` (newest first:
 *   it stops at the user's latest `CreateUser` before the key, which every later event precedes). Keys
 *   older than CloudTrail's 90 days make no call.
 * - How fast: at most 2 calls per second per account (LookupEvents' limit) — a token bucket on every
 *   HTTP attempt, the SDK's retries included (a middleware after the retry middleware), on an injected
 *   clock and sleep; at most `maxCalls` pages per account (default 50), and `MAX_PAGES` per lookup.
 *   Keys are looked up one after the other, in the order given.
 * - Errors never fail the account: AccessDenied gives every remaining key `no permission
 *   (cloudtrail:LookupEvents)` and one note naming the permission; throttling is retried by the SDK's
 *   retry strategy (awsClientConfig's), and when it still fails the remaining keys are `throttled`; any
 *   other error, `lookup failed`. The first such error stops the account's lookups (each further call
 *   would wait out the same retries).
 */







const LOOKUP_EVENTS = (0,operations/* operation */.MQ)('LookupEvents');
/** LookupEvents' limit: two calls per second, per account, per region. */
const LOOKUPS_PER_SECOND = 2;
/** LookupEvents calls (pages) per account at most, by default. */
const DEFAULT_MAX_CALLS = 50;
/** Pages per lookup at most: a key's window holds one page; a user's events rarely more than two. */
const MAX_PAGES = 4;
/** LookupEvents' largest page. */
const PAGE_SIZE = 50;
/** The region whose event history holds IAM's events (a global service's home region). */
function cloudTrailRegion(partition) {
    switch (partition) {
        case 'aws-cn':
            return 'cn-north-1';
        case 'aws-us-gov':
            return 'us-gov-west-1';
        default:
            return 'us-east-1';
    }
}
/**
 * A token bucket: at most `ratePerSecond` takes per second, `burst` at once. With `burst` 1, takes are
 * at least 1/rate apart, so no second (any window of 1,000 ms) holds more than `ratePerSecond`. Takes
 * wait their turn in order.
 */
class TokenBucket {
    o;
    tokens;
    last;
    queue = Promise.resolve();
    constructor(o) {
        this.o = o;
        this.tokens = o.burst;
        this.last = o.clock();
    }
    /** Resolves when a call may start. */
    take() {
        const turn = this.queue.then(() => this.acquire());
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    async acquire() {
        for (;;) {
            const now = this.o.clock();
            this.tokens = Math.min(this.o.burst, this.tokens + ((now - this.last) * this.o.ratePerSecond) / 1000);
            this.last = now;
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return;
            }
            await this.o.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.o.ratePerSecond));
        }
    }
}
/** Puts the bucket in front of every HTTP attempt of the client, retries included. */
function rateLimit(client, bucket) {
    client.middlewareStack.addRelativeTo((next) => async (args) => {
        await bucket.take();
        return next(args);
    }, { relation: 'after', toMiddleware: 'retryMiddleware', name: 'lookupEventsRateLimit', override: true });
}
/** Why the account's lookups stopped, from the error that stopped them (the one AWS error classifier). */
function stopReason(err) {
    const { kind } = (0,errors/* classifyAwsError */.u3)(err);
    if (kind === 'access-denied')
        return evaluate_intent/* UNKNOWN_REASONS */.rk.noPermission;
    if (kind === 'throttled')
        return evaluate_intent/* UNKNOWN_REASONS */.rk.throttled;
    return evaluate_intent/* UNKNOWN_REASONS */.rk.lookupFailed;
}
/**
 * The events of `ResourceName` = `name` in `window`, page by page, until `done` says so, the pages run
 * out, or a bound is reached. Only events whose name `keep` accepts are kept.
 */
async function lookUp(l, name, window, keep, done) {
    const input = {
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: name }],
        StartTime: new Date(window.startTime),
        EndTime: new Date(window.endTime),
    };
    const pages = (0,client_cloudtrail_dist_cjs/* paginateLookupEvents */.Pw3)({ client: l.client, pageSize: PAGE_SIZE, stopOnSameToken: true }, input);
    const events = [];
    for (let n = 0; n < MAX_PAGES; n++) {
        if (l.calls >= l.maxCalls)
            return { events, limited: true };
        l.calls++;
        const { value: page, done: finished } = await pages.next();
        if (finished || page === undefined) {
            l.calls--; // the paginator saw the same token again and made no call
            break;
        }
        for (const e of page.Events ?? []) {
            const eventName = e.EventName ?? '';
            if (keep(eventName) && typeof e.CloudTrailEvent === 'string') {
                events.push({ name: eventName, json: e.CloudTrailEvent });
            }
        }
        if (done(events) || !page.NextToken)
            break;
    }
    return { events, limited: false };
}
/** The key's `CreateAccessKey` event (its JSON), or why there is none. */
async function keyEvent(l, key, window) {
    const derive = (json) => (0,evaluate_intent/* keyCreationFromEvents */.w5)({ accessKeyId: key.accessKeyId, userName: key.userName, keyEvent: json });
    const found = await lookUp(l, key.accessKeyId, window, (name) => name === 'CreateAccessKey', (kept) => kept.some((e) => derive(e.json).unknownReason === null));
    const reasons = found.events.map((e) => ({ json: e.json, reason: derive(e.json).unknownReason }));
    const event = reasons.find((r) => r.reason === null);
    if (event)
        return { json: event.json };
    if (reasons.some((r) => r.reason === evaluate_intent/* UNKNOWN_REASONS */.rk.unreadable))
        return { reason: evaluate_intent/* UNKNOWN_REASONS */.rk.unreadable };
    return { reason: found.limited ? evaluate_intent/* UNKNOWN_REASONS */.rk.lookupLimit : evaluate_intent/* UNKNOWN_REASONS */.rk.notFound };
}
/** The user's `CreateUser` / `CreateLoginProfile` events, newest first, down to the latest CreateUser
 *  before the key (`keyTime`); null when the call budget ran out first. */
async function userEvents(l, key, window, keyTime) {
    const found = await lookUp(l, key.userName, window, (name) => evaluate_intent/* USER_CREATION_EVENTS */.ce.has(name), (kept) => kept.some((e) => e.name === 'CreateUser' && (0,evaluate_intent/* createsUserBy */.Q$)(e.json, key.userName, keyTime)));
    return found.limited ? null : found.events.map((e) => e.json);
}
/** One key: its event, then (when it can tell) the user's. Throws the SDK's error of a failed call. */
async function lookUpKey(l, key, now) {
    const window = (0,evaluate_intent/* keyEventWindow */.cX)(key.keyCreatedAt, now);
    if (window === null)
        return { kc: (0,evaluate_intent/* unknownKeyCreation */.TT)(evaluate_intent/* UNKNOWN_REASONS */.rk.olderThanCloudTrail) };
    const found = await keyEvent(l, key, window);
    if ('reason' in found)
        return { kc: (0,evaluate_intent/* unknownKeyCreation */.TT)(found.reason) };
    const base = { accessKeyId: key.accessKeyId, userName: key.userName, keyEvent: found.json };
    const known = (0,evaluate_intent/* keyCreationFromEvents */.w5)(base);
    const userWindow = (0,evaluate_intent/* userEventsWindow */.$y)(found.json, { ...base, userCreatedAt: key.userCreatedAt ?? null, now });
    if (userWindow === null || known.eventTime === null)
        return { kc: known };
    try {
        const users = await userEvents(l, key, userWindow, known.eventTime);
        return { kc: (0,evaluate_intent/* keyCreationFromEvents */.w5)({ ...base, userEvents: users }) };
    }
    catch (error) {
        // the key's event stands; what failed stops the account's further lookups
        return { kc: known, error };
    }
}
function notesFor(opts, region, counts, error) {
    const account = (0,src_notes/* code */.aY)(opts.accountId);
    const keys = (n) => (n === 1 ? '1 flagged key' : `${n} flagged keys`);
    const out = [];
    const denied = counts.get(evaluate_intent/* UNKNOWN_REASONS */.rk.noPermission) ?? 0;
    if (denied > 0) {
        const who = opts.roleArn ? (0,src_notes/* note */.N4) `the role ${(0,src_notes/* code */.aY)(opts.roleArn)}` : (0,src_notes/* note */.N4) `the signed-in identity`;
        out.push((0,src_notes/* note */.N4) `Account ${account}: who made its ${keys(denied)} is unknown: ${who} may not call ${(0,src_notes/* code */.aY)(LOOKUP_EVENTS.iamAction)} (in ${(0,src_notes/* code */.aY)(region)}). Allow it (the optional statement of docs/aws-setup.md; check service control policies too) to read each key's CreateAccessKey event; meanwhile the time test alone decides.`);
    }
    const throttled = counts.get(evaluate_intent/* UNKNOWN_REASONS */.rk.throttled) ?? 0;
    if (throttled > 0) {
        out.push((0,src_notes/* note */.N4) `Account ${account}: CloudTrail kept throttling ${(0,src_notes/* code */.aY)(LOOKUP_EVENTS.command)} (2 calls per second per account, shared with other tools), so who made ${keys(throttled)} is unknown.`);
    }
    const failed = counts.get(evaluate_intent/* UNKNOWN_REASONS */.rk.lookupFailed) ?? 0;
    if (failed > 0) {
        out.push((0,src_notes/* note */.N4) `Account ${account}: ${(0,src_notes/* code */.aY)(LOOKUP_EVENTS.command)} failed (${(0,src_notes/* code */.aY)((0,errors/* awsErrorName */.ZH)(error).slice(0, 64))}), so who made ${keys(failed)} is unknown.`);
    }
    const limited = counts.get(evaluate_intent/* UNKNOWN_REASONS */.rk.lookupLimit) ?? 0;
    if (limited > 0) {
        out.push((0,src_notes/* note */.N4) `Account ${account}: who made ${keys(limited)} is unknown: the lookups stop at ${opts.maxCalls ?? DEFAULT_MAX_CALLS} ${(0,src_notes/* code */.aY)(LOOKUP_EVENTS.command)} calls per account.`);
    }
    return out;
}
/** Who made each flagged key of one account, from CloudTrail. Never throws for AWS's answers. */
async function lookUpKeyCreations(opts) {
    const clock = opts.clock ?? Date.now;
    const sleep = opts.sleep ?? ((ms) => (0,src_clock/* sleep */.y)(ms));
    const region = cloudTrailRegion(opts.partition);
    const bucket = opts.bucket ?? new TokenBucket({ ratePerSecond: LOOKUPS_PER_SECOND, burst: 1, clock, sleep });
    const client = new client_cloudtrail_dist_cjs/* CloudTrailClient */.Vsm((0,aws_config/* awsClientConfig */.rw)({ region, credentials: opts.credentials, ...opts.aws }));
    rateLimit(client, bucket);
    const l = { client, maxCalls: Math.max(0, opts.maxCalls ?? DEFAULT_MAX_CALLS), calls: 0 };
    const keyCreations = new Map();
    const counts = new Map();
    let stopped = null;
    let error;
    try {
        for (const key of opts.keys) {
            if (keyCreations.has(key.accessKeyId))
                continue;
            let kc;
            if (stopped !== null)
                kc = (0,evaluate_intent/* unknownKeyCreation */.TT)(stopped);
            else {
                try {
                    const r = await lookUpKey(l, key, clock());
                    kc = r.kc;
                    if (r.error !== undefined) {
                        error = r.error;
                        stopped = stopReason(r.error);
                    }
                }
                catch (err) {
                    error = err;
                    stopped = stopReason(err);
                    kc = (0,evaluate_intent/* unknownKeyCreation */.TT)(stopped);
                }
            }
            keyCreations.set(key.accessKeyId, kc);
            if (kc.unknownReason !== null)
                counts.set(kc.unknownReason, (counts.get(kc.unknownReason) ?? 0) + 1);
        }
    }
    finally {
        client.destroy();
    }
    return { keyCreations, notes: notesFor(opts, region, counts, error), calls: l.calls };
}

// EXTERNAL MODULE: ./src/audit/result.ts
var result = __webpack_require__(7974);
;// CONCATENATED MODULE: ./src/audit/account.ts
/**
 * Audits one AWS account live (docs/design.md §1, §6, §10), in one flow: the report's facts -> candidate
 * findings (the rule) -> the live facts of the flagged keys -> final findings -> exemptions -> who made
 * each key (CloudTrail), which under `scope: at-setup` sets aside the keys their users made. Never throws:
 * a failure is an account with `status: 'error'` and a hint; a CloudTrail that cannot be read is a note.
 *
 * The account's IAM client lives exactly as long as the account's `LiveAccount` audit (created at its start, destroyed in
 * its `finally`): every IAM call of the account goes through it (the CloudTrail client lives as long as
 * the lookups, key-creation.ts).
 *
 * Calls: `ListAccountAliases` 1, `GenerateCredentialReport` 1 (+ polls), `GetCredentialReport` 1,
 * `ListAccessKeys` and `ListUserTags` 1 per flagged user, `GetAccessKeyLastUsed` 1 per flagged key, and
 * CloudTrail `LookupEvents` (optional: a denial is one note) 1 per flagged key younger than 90 days, plus
 * 1 more (rarely 2) when the key's event may come from the session that made the user — at most 4 per
 * key, at most 50 per account (`DEFAULT_MAX_CALLS`), 2 per second; none for an older key.
 */














/** Flagged users confirmed at once within one account (accounts themselves run `concurrency` at once). */
const ENRICH_CONCURRENCY = 16;
/** Each flagged key's own tags (docs/design.md §10): its exemption and its console description, by key id. */
function keyTags(findings, tags, exemptionTag, asOf) {
    const exemptions = new Map();
    const descriptions = new Map();
    for (const f of findings) {
        if (f.accessKeyId === null)
            continue;
        const facts = (0,key_tags/* keyTagFacts */.f)({
            tags: tags.get(f.userArn) ?? {},
            exemptionTag,
            accessKeyId: f.accessKeyId,
            asOf,
        });
        if (facts.keyExemption)
            exemptions.set(f.accessKeyId, facts.keyExemption);
        descriptions.set(f.accessKeyId, facts.description);
    }
    return { exemptions, descriptions };
}
/**
 * The clock and sleep of the lookups' rate limit: `now`, never earlier than the end of the last wait it
 * asked for. With real time the two agree; with an injected sleep that returns at once (tests), the
 * waits still move the clock, so the rate limit cannot wait for ever on a clock that stands still.
 */
function waitingClock(deps) {
    let floor = -Infinity;
    const clock = () => Math.max(deps.now().getTime(), floor);
    const sleep = async (ms) => {
        const until = clock() + ms;
        await deps.sleep(ms);
        floor = Math.max(floor, until);
    };
    return { clock, sleep };
}
/** The flagged keys to look up: those with a key id, the failing ones first (the lookups are bounded). */
function keysToLookUp(findings) {
    return [...findings.filter(evaluate_intent/* isFailing */.DI), ...findings.filter((f) => !(0,evaluate_intent/* isFailing */.DI)(f))].flatMap((f) => {
        const keyCreatedAt = f.keyCreatedAt === null ? NaN : Date.parse(f.keyCreatedAt);
        if (f.accessKeyId === null || Number.isNaN(keyCreatedAt))
            return [];
        const userCreatedAt = Date.parse(f.userCreatedAt);
        return [
            {
                accessKeyId: f.accessKeyId,
                userName: f.userName,
                keyCreatedAt,
                userCreatedAt: Number.isNaN(userCreatedAt) ? null : userCreatedAt,
            },
        ];
    });
}
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
        this.generation = new ReportGeneration(this.iam, this.reportDeps);
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
    /**
     * Reads the ready report and audits the account. Never throws; destroys the account's IAM client.
     * `release()` is called when only the CloudTrail lookups are left: they wait on CloudTrail's pace (2 a
     * second per account), not on the account's slot (scheduler.ts).
     */
    async audit(release) {
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
            return await this.afterReport(known, release);
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
    /**
     * Who made each flagged key, from the account's CloudTrail (`LookupEvents` with the account's own
     * credentials, bounded and rate-limited in key-creation.ts). Never throws: a denial or a failure is a
     * note, and the keys' `unknownReason` says why.
     */
    async keyCreations(findings, release) {
        const { accountId, config, deps, credentials } = this.opts;
        const keys = keysToLookUp(findings);
        if (keys.length === 0)
            return { keyCreations: new Map(), notes: [] };
        // CloudTrail's pace, not the account's slot, sets how long the rest takes (scheduler.ts)
        deps.log.debug?.(`account ${accountId}: looking up who made ${keys.length} key${keys.length === 1 ? '' : 's'} in CloudTrail`);
        release?.();
        const found = await lookUpKeyCreations({
            accountId,
            credentials,
            partition: config.partition,
            keys,
            roleArn: this.opts.roleArn ?? null,
            ...waitingClock(deps),
            ...(deps.aws ? { aws: deps.aws } : {}),
        });
        deps.log.debug?.(`account ${accountId}: ${found.calls} LookupEvents calls for ${keys.length} keys`);
        return found;
    }
    async afterReport(known, release) {
        const { accountId, config, deps } = this.opts;
        const iam = this.iam;
        // 1. The account's facts: its credential report and alias, both at once (a failure of one waits
        //    for the other to settle: nothing runs on after the return).
        const [fetched, aliases] = await (0,pool/* settleBoth */.FE)(fetchCredentialReport(iam, this.reportDeps, this.generation), (0,errors/* atStep */.cY)('ListAccountAliases', () => iam.send(new dist_cjs/* ListAccountAliasesCommand */.xcp({}))));
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
        // 5. Exemptions: the user's tag, the key's own tag (docs/design.md §10), exempt-users.
        const own = keyTags(confirmed.findings, confirmed.tags, config.rule.exemptionTag, asOf);
        const exempted = (0,exemptions/* applyExemptions */.rY)(confirmed.findings, {
            exemptUsers: config.exemptUsers,
            tags: confirmed.tags,
            exemptionTag: config.rule.exemptionTag,
            asOf,
            keyExemptions: own.exemptions,
        });
        // 6. Who made each key (CloudTrail), and what that decides (docs/design.md §10).
        const intent = await this.keyCreations(exempted, release);
        const findings = (0,evaluate_intent/* withKeyCreations */.SL)(exempted, {
            keyCreations: intent.keyCreations,
            descriptions: own.descriptions,
            scope: config.rule.scope,
        });
        const usersScanned = evaluation.usersScanned;
        const account = (0,result/* okAccount */.SB)({
            ...known,
            usersScanned,
            resolvedSinceReport: confirmed.resolvedSinceReport,
        });
        const notes = [
            ...report.unreadable.map((u) => (0,src_notes/* note */.N4) `Account ${accountId}: credential report line ${u.line} could not be read: ${u.detail}.`),
            ...intent.notes,
        ];
        for (const n of notes)
            deps.log.warning((0,src_notes/* noteText */.gA)(n));
        const selfCreated = findings.filter((f) => f.selfCreated === true).length;
        deps.log.info(`account ${accountId}${account.alias ? ` (${account.alias})` : ''}: ${usersScanned} users, ` +
            `${findings.filter(evaluate_intent/* isFailing */.DI).length} findings, ${findings.filter((f) => f.exempted).length} exempted, ` +
            (selfCreated > 0 ? `${selfCreated} made by their users, ` : '') +
            `${confirmed.resolvedSinceReport} resolved since the report of ${account.reportGeneratedAt}`);
        return { account, findings, ...(notes.length > 0 ? { notes } : {}) };
    }
}

// EXTERNAL MODULE: ./src/audit/scheduler.ts
var scheduler = __webpack_require__(5578);
;// CONCATENATED MODULE: ./src/audit/accounts-here.ts







/** The audit of an account that failed at `step` (logged as a warning with its hint). */
function accountFailure(opts) {
    const { accountId, config } = opts;
    const described = (0,errors/* describeAwsError */.Pp)(opts.err, {
        accountId,
        step: opts.step,
        ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
        ambient: config.roleToAssume === null,
    });
    const { error, hint } = described;
    opts.log.warning(`account ${accountId}: ${error}${hint ? ` — ${hint}` : ''}`);
    const asOf = (0,evaluate/* toIsoSecond */.VE)((config.asOf ?? opts.now()).getTime());
    return { account: (0,result/* failedAccount */.b4)({ accountId, source: result/* AWS_SOURCE */.eX, asOf, ...described }), findings: [] };
}
/** AssumeRole (when the account has a role) and the account's first `GenerateCredentialReport`. */
async function startOne(accountId, here) {
    const failed = await here.assume(accountId);
    if (failed !== null)
        return { handle: { failure: failed }, answer: { ready: true } };
    const roleArn = here.roleArnFor(accountId);
    // The session's providers refresh by the clock: an account started early and audited late (a chained
    // session lasts one hour at most) assumes its role again when it needs to.
    const live = new LiveAccount({
        accountId,
        credentials: here.credentialsFor(accountId),
        config: here.config,
        deps: {
            sleep: here.sleep,
            now: here.now,
            log: here.log,
            reportLimits: DEFAULT_REPORT_LIMITS,
            ...(here.aws ? { aws: here.aws } : {}),
            ...(here.random ? { random: here.random } : {}),
        },
        ...(roleArn !== null ? { roleArn } : {}),
    });
    return { handle: { accountId, live }, answer: await live.ask() };
}
/** Audits `accounts` on this thread; results in the order of `accounts`. Never rejects. */
function auditAccountsHere(accounts, limits, here) {
    // The thread's one connection pool: sockets for the report starts (and polls) and for `concurrency`
    // accounts' enrichment (two calls per flagged user at once), reused from account to account.
    (0,aws_config/* sizeAwsPool */.bI)(limits.startLimit + limits.concurrency * ENRICH_CONCURRENCY * 2);
    return (0,scheduler/* runScheduled */.hc)(accounts, limits, {
        startAccount: (accountId) => {
            here.log.info(`account ${accountId}: starting its credential report`);
            return startOne(accountId, here);
        },
        poll: (h) => (h.failure ? Promise.resolve({ ready: true }) : h.live.ask()),
        auditReady: async (h, release) => {
            const accountId = h.failure ? h.failure.account.accountId : h.accountId;
            const roleArn = here.roleArnFor(accountId);
            here.log.info(`account ${accountId}: auditing ${roleArn ? `as ${roleArn}` : `as ${here.callerArn}`}`);
            return here.done(accountId, h.failure ?? (await h.live.audit(release)));
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
/* harmony export */   NU: () => (/* binding */ DEFAULT_START_LIMIT),
/* harmony export */   hc: () => (/* binding */ runScheduled)
/* harmony export */ });
/* unused harmony export DEFAULT_PACED_LIMIT */
const DEFAULT_START_LIMIT = 32;
/**
 * Released audits finishing at once. Each makes at most 2 CloudTrail calls a second (about 1 ms of CPU
 * and 0.1 connections each at 50 ms a call): 128 of them cost about a quarter of a core, and let 5 accounts
 * a second through 25 s of lookups each (an organization whose flagged keys are all new).
 */
const DEFAULT_PACED_LIMIT = 128;
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
/**
 * The audits that released their worker's slot (their rest is paced) and are finishing. A worker whose
 * audit released its slot takes the next account only while fewer than `limit` are finishing, so at most
 * `limit` + the other workers' audits are (each worker adds one before it waits).
 */
class Released {
    limit;
    finishing = new Set();
    constructor(limit) {
        this.limit = limit;
    }
    /** Runs `audit` in a slot: returns when it has finished, or when it released the slot and may. */
    async run(audit) {
        let release = () => { };
        const slot = new Promise((resolve) => (release = () => resolve(true)));
        const done = audit(release);
        if (await Promise.race([slot, done.then(() => false)])) {
            this.finishing.add(done);
            void done.then(() => this.finishing.delete(done));
            while (this.finishing.size >= this.limit)
                await Promise.race(this.finishing);
        }
    }
    /** Every released audit finished. */
    async drain() {
        await Promise.all(this.finishing);
    }
}
/** Inserts `entry` into `list`, which is sorted by start order. */
function insertInStartOrder(list, entry) {
    let i = list.length;
    while (i > 0 && list[i - 1].index > entry.index)
        i--;
    list.splice(i, 0, entry);
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
        if (answer.ready)
            insertInStartOrder(ready, entry);
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
    const released = new Released(limitOf(options.pacedLimit, DEFAULT_PACED_LIMIT));
    async function worker() {
        for (;;) {
            const changed = signal.next;
            const entry = ready.shift();
            if (entry) {
                await released.run((release) => deps.auditReady(entry.handle, release).then((r) => void (results[entry.index] = r), (err) => fail(entry.index, err)));
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
    await released.drain();
    return results;
}


/***/ }),

/***/ 3364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ keyTagFacts)
/* harmony export */ });
/* harmony import */ var _exemptions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2171);
/**
 * A key's own tags (docs/design.md §10), read from its user's IAM tags (the tags `ListUserTags` already returns
 * for the user-wide exemption, so no extra call):
 *
 * - **Description.** The IAM console stores the description typed when a key is made as a user tag whose
 *   key is the access key id (`AKIA…` = `used by the nightly export`). It is shown with the finding; it is
 *   never a justification by itself (anyone who may tag the user writes it, and the console asks for it).
 * - **Per-key exemption.** A tag `EXEMPTION-TAG:ACCESS-KEY-ID` (`access-key-justification:AKIA…`) exempts
 *   that key only, with the same `expires=YYYY-MM-DD` rule as the user-wide tag (evaluate/exemptions.ts).
 *
 * Tag keys are matched regardless of case, as IAM does (it keeps one of `Foo` and `foo`, never both).
 * Pure.
 */

/** IAM's limit for a tag value; a longer value did not come from IAM and is cut there. */
const MAX_TAG_VALUE = 256;
/** The tag whose key is `key` regardless of case, trimmed and cut at IAM's limit; null when absent or blank. */
function keyTag(tags, key) {
    const value = ((0,_exemptions_js__WEBPACK_IMPORTED_MODULE_0__/* .tagValue */ .EZ)(tags, key) ?? '').slice(0, MAX_TAG_VALUE);
    return value === '' ? null : value;
}
/** A key's description and its own exemption, from its user's tags. */
function keyTagFacts(opts) {
    const id = opts.accessKeyId.trim();
    if (id === '')
        return { description: null, keyExemption: null };
    const description = keyTag(opts.tags, id);
    const exemptionTag = opts.exemptionTag.trim();
    const value = exemptionTag === '' ? null : keyTag(opts.tags, `${exemptionTag}:${id}`);
    return {
        description,
        keyExemption: value === null
            ? null
            : { justification: value, expired: (0,_exemptions_js__WEBPACK_IMPORTED_MODULE_0__/* .exemptionLapsed */ .Fr)((0,_exemptions_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJustification */ .cm)(value).expires, opts.asOf) },
    };
}


/***/ })

};
