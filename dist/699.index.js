export const id = 699;
export const ids = [699];
export const modules = {

/***/ 4627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ recordIdOfKey),
/* harmony export */   CM: () => (/* binding */ sameActor),
/* harmony export */   D_: () => (/* binding */ userNameOfKey),
/* harmony export */   mi: () => (/* binding */ recordIdOf),
/* harmony export */   tV: () => (/* binding */ resolvedByDeactivation),
/* harmony export */   xu: () => (/* binding */ applyHistory)
/* harmony export */ });
/* unused harmony export alertKeyId */
/* harmony import */ var _issue_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6503);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1632);
/* harmony import */ var _intent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9377);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3697);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4462);





const ms = (iso) => (iso ? Date.parse(iso) : NaN);
function earliest(times) {
    let best = NaN;
    for (const t of times) {
        const v = ms(t);
        if (!Number.isNaN(v) && (Number.isNaN(best) || v < best))
            best = v;
    }
    return Number.isNaN(best) ? null : (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .toIsoSecond */ .VE)(best);
}
/** `aws/123456789012/...` -> `123456789012`. */
function accountOfLocation(location) {
    return /^aws\/(\d{12})\//.exec(location)?.[1] ?? null;
}
/** The key id an alert's message names (live runs write `has an active access key AKIA… (slot N)`). */
function alertKeyId(message) {
    return /\bhas an active access key ([A-Z0-9]{16,128}) \(slot [12]\)/.exec(message)?.[1] ?? null;
}
/** The user name of a user key (`arn:aws:iam::1:user/path/jdoe` -> `jdoe`). */
function userNameOfKey(key) {
    const m = /^arn:[^:]*:iam::[^:]*:user\/(?:.*\/)?([^/]+)$/.exec(key);
    return m ? m[1] : key;
}
function sameActor(a, b) {
    if (!a || !b)
        return false;
    if (a.id !== null && b.id !== null)
        return a.id === b.id;
    return a.login.toLowerCase() === b.login.toLowerCase();
}
/**
 * How records name a finding's key: its key id, else (offline, or an id that is not one) its location
 * ref; under its rule's identity (the bare id or ref, for the first rule).
 */
function recordIdOf(f) {
    const keyId = (0,_issue_records_js__WEBPACK_IMPORTED_MODULE_0__/* .recordKeyId */ .sW)(f.accessKeyId);
    return keyId ? (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(f.ruleId, keyId) : (0,_issue_records_js__WEBPACK_IMPORTED_MODULE_0__/* .recordRef */ .Ji)(f.ruleId, f.location);
}
/** Edited after posting (GitHub moves `updated_at`); a second of slack for GitHub's own rounding. */
function edited(c) {
    return ms(c.updatedAt) - ms(c.createdAt) > 1000;
}
/** Which issues and record comments count (see the module comment), and a line for each that does not. */
function trustOf(issues, self) {
    const trustedIssues = new Set();
    const records = new Map();
    const ignored = [];
    const foreignIssues = [];
    const foreignRecords = [];
    const editedRecords = [];
    const otherAccount = [];
    for (const issue of issues) {
        if (!issue.marker)
            continue;
        if (self !== null && !sameActor(issue.author, self)) {
            foreignIssues.push(issue.number);
            continue;
        }
        trustedIssues.add(issue.number);
        if (self === null)
            continue; // matched for the sync, but nothing in it counts as evidence
        const list = [];
        for (const c of issue.comments ?? []) {
            if (!(0,_issue_records_js__WEBPACK_IMPORTED_MODULE_0__/* .looksLikeRecord */ .bF)(c.body))
                continue;
            if (!sameActor(c.author, self)) {
                foreignRecords.push(issue.number);
                continue;
            }
            if (edited(c)) {
                editedRecords.push(issue.number);
                continue;
            }
            for (const r of (0,_issue_records_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRecords */ .Q4)(c.body)) {
                if (r.accountId !== issue.marker.accountId) {
                    otherAccount.push(issue.number);
                    continue;
                }
                list.push({ ...r, at: (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .toIsoSecond */ .VE)(ms(c.createdAt)), issue: issue.number });
            }
        }
        list.sort((a, b) => ms(a.at) - ms(b.at));
        records.set(issue.number, list);
    }
    const nums = (list) => (0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)([...new Set(list)].map((n) => `#${n}`).join(', '));
    if (foreignIssues.length > 0) {
        ignored.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `issue(s) ${nums(foreignIssues)} carry this tool's label and marker but were not opened by the identity this workflow writes as: ignored (not updated, not closed, no evidence)`);
    }
    if (foreignRecords.length > 0) {
        ignored.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `record comment(s) on issue(s) ${nums(foreignRecords)} were not written by this workflow's identity: ignored`);
    }
    if (editedRecords.length > 0) {
        ignored.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `record comment(s) on issue(s) ${nums(editedRecords)} were edited after they were posted: ignored`);
    }
    if (otherAccount.length > 0) {
        ignored.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `record(s) on issue(s) ${nums(otherAccount)} name another account than their issue: ignored`);
    }
    return { trustedIssues, records, ignored };
}
/** A record's key as {@link recordIdOf} names it: the key id (or the ref) under the rule its ref names. */
function recordIdOfKey(k) {
    return k.keyId ? (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)((0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .splitIdentity */ .Lt)(k.ref).ruleId, k.keyId) : k.ref;
}
/** Key id (or, offline, the location ref), per rule -> its stretch, walking every trusted record in time order. */
function stretches(records) {
    const all = [...records.values()].flat().sort((a, b) => ms(a.at) - ms(b.at));
    const out = new Map();
    const keysOfIssue = new Map();
    const get = (r, k) => {
        const id = recordIdOfKey(k);
        const { ruleId, resource } = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .splitIdentity */ .Lt)(k.ref);
        let s = out.get(id);
        if (!s) {
            s = {
                start: null,
                lastEnd: null,
                lastEndKind: null,
                location: null,
                ruleId,
                issue: r.issue,
                userKey: r.userKey,
                accountId: r.accountId,
                keyId: k.keyId,
            };
            out.set(id, s);
        }
        s.issue = r.issue;
        s.userKey = r.userKey;
        if (!resource.startsWith('sha256:'))
            s.location = resource;
        const set = keysOfIssue.get(r.issue) ?? new Set();
        set.add(id);
        keysOfIssue.set(r.issue, set);
        return s;
    };
    const end = (s, at, kind) => {
        s.start = null;
        s.lastEnd = at;
        s.lastEndKind = kind;
    };
    for (const r of all) {
        if (r.kind === 'closed') {
            if (r.reason === 'duplicate')
                continue;
            // A closed issue ends the open stretches of the keys it names (all of its keys when it names none);
            // a key this tool deactivated keeps that as its end (so a restore is recognised).
            const ids = r.keys.length > 0 ? r.keys.map(recordIdOfKey) : [...(keysOfIssue.get(r.issue) ?? [])];
            for (const id of ids) {
                const s = out.get(id);
                if (s && s.start !== null)
                    end(s, r.at, 'ended');
            }
            continue;
        }
        for (const k of r.keys) {
            const s = get(r, k);
            if (r.kind === 'seen' || r.kind === 'restored') {
                if (r.endedAt && (s.lastEnd === null || ms(r.endedAt) > ms(s.lastEnd)))
                    end(s, r.endedAt, 'ended');
                s.start ??= r.at;
            }
            else if (r.kind === 'deactivated') {
                end(s, r.at, 'deactivated');
            }
        }
    }
    return out;
}
/**
 * Sticky locations: a finding whose key was first reported elsewhere (by its rule) keeps that location.
 * Computed identity -> the location to keep.
 */
function relocate(findings, alerts, byKey) {
    const taken = new Set(findings.map(_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ));
    /** The oldest alert naming each key id, per rule (by the key id's identity under the alert's rule). */
    const alertOfKey = new Map();
    for (const a of alerts) {
        const id = alertKeyId(a.message);
        if (!id)
            continue;
        const key = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .alertIdentity */ .$q)({ ruleId: a.ruleId, location: id });
        const prev = alertOfKey.get(key);
        if (!prev || ms(a.createdAt) < ms(prev.createdAt))
            alertOfKey.set(key, a);
    }
    const out = new Map();
    for (const f of findings) {
        if (!f.accessKeyId)
            continue;
        const keyId = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(f.ruleId, f.accessKeyId);
        const alert = alertOfKey.get(keyId);
        const fromAlert = alert && accountOfLocation(alert.location) === f.accountId ? alert.location : null;
        const stretch = byKey.get(keyId);
        const fromRecord = stretch && stretch.accountId === f.accountId ? stretch.location : null;
        const target = fromAlert ?? fromRecord;
        if (!target || target === f.location || taken.has((0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(f.ruleId, target)))
            continue;
        taken.add((0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(f.ruleId, target));
        out.set((0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ)(f), target);
    }
    return out;
}
const byLocation = (a, b) => a.location < b.location ? -1 : a.location > b.location ? 1 : 0;
/** Alerts by their identity, in the order listed. */
function alertsByIdentity(alerts) {
    const out = new Map();
    for (const a of alerts) {
        const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .alertIdentity */ .$q)(a);
        const list = out.get(id);
        if (list)
            list.push(a);
        else
            out.set(id, [a]);
    }
    return out;
}
/** Each finding's first-seen time in its current stretch, and the keys a person restored (see the module comment). */
function firstSeenOf(findings, byKey, alerts) {
    const firstSeenAt = new Map();
    const restored = new Map();
    const alertsOf = alertsByIdentity(alerts);
    let tooEarly = 0;
    for (const f of findings) {
        const identity = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ)(f);
        const created = ms(f.keyCreatedAt);
        const s = byKey.get(recordIdOf(f));
        const usable = (t) => Number.isNaN(created) || Math.floor(ms(t) / 1000) >= Math.floor(created / 1000);
        if (s && s.start === null && s.lastEndKind === 'deactivated' && s.lastEnd) {
            // This tool set the key Inactive and it is Active again: a person's decision, a new notice period.
            restored.set(identity, s.lastEnd);
            firstSeenAt.set(identity, null);
            continue;
        }
        const times = [];
        if (s?.start) {
            if (usable(s.start))
                times.push(s.start);
            else
                tooEarly++;
        }
        for (const a of alertsOf.get(identity) ?? []) {
            const id = alertKeyId(a.message);
            if (id && f.accessKeyId && id !== f.accessKeyId)
                continue; // another key once made in that second
            if (s?.lastEnd && ms(a.createdAt) <= ms(s.lastEnd))
                continue; // reported before the last stretch ended
            if (usable(a.createdAt))
                times.push(a.createdAt);
            else
                tooEarly++;
        }
        firstSeenAt.set(identity, earliest(times));
    }
    return { firstSeenAt, restored, tooEarly };
}
/** Everything the run needs from the history (see {@link HistoryView}). */
function applyHistory(result, history) {
    const trust = trustOf(history.issues ?? [], history.self);
    const ignored = [...trust.ignored];
    const byKey = stretches(trust.records);
    const alerts = history.alerts ?? [];
    const relocated = relocate(result.findings, alerts, byKey);
    const findings = result.findings.map((f) => {
        const to = relocated.get((0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ)(f));
        return to ? { ...f, location: to } : f;
    });
    const { firstSeenAt, restored, tooEarly } = firstSeenOf(findings, byKey, alerts);
    if (tooEarly > 0) {
        ignored.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `${String(tooEarly)} first-seen time(s) earlier than the key's own creation (impossible): ignored`);
    }
    const findingIds = new Set(findings.map(recordIdOf));
    const okAccounts = new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId));
    const openElsewhere = [];
    const issueOfKey = new Map();
    const listed = new Set();
    for (const [id, s] of byKey) {
        if (s.start)
            listed.add(id);
        if (!s.keyId)
            continue;
        issueOfKey.set(s.keyId, s.issue);
        if (s.start && s.location && okAccounts.has(s.accountId) && !findingIds.has(id)) {
            // Reported since the earlier of its record and its open alert (of this stretch, of this key)
            const identity = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .identityOf */ .cu)(s.ruleId, s.location);
            const alertTimes = alerts
                .filter((a) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .alertIdentity */ .$q)(a) === identity && (alertKeyId(a.message) ?? s.keyId) === s.keyId)
                .filter((a) => s.lastEnd === null || ms(a.createdAt) > ms(s.lastEnd))
                .map((a) => a.createdAt);
            openElsewhere.push({
                ruleId: s.ruleId,
                accountId: s.accountId,
                keyId: s.keyId,
                userName: userNameOfKey(s.userKey),
                location: s.location,
                since: earliest([s.start, ...alertTimes]) ?? s.start,
                issue: s.issue,
            });
        }
    }
    const known = history.alerts !== null || (history.issues !== null && history.self !== null);
    const newFindings = known
        ? findings.filter((f) => {
            const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ)(f);
            return (0,_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailing */ .DI)(f) && firstSeenAt.get(id) === null && !restored.has(id);
        })
        : null;
    let resolvedFindings = null;
    if (history.alerts !== null) {
        const failing = new Set(findings.filter(_intent_js__WEBPACK_IMPORTED_MODULE_2__/* .isFailing */ .DI).map(_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ));
        const seen = new Set();
        resolvedFindings = [];
        for (const a of history.alerts) {
            const account = accountOfLocation(a.location);
            const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .alertIdentity */ .$q)(a);
            if (account === null || !okAccounts.has(account) || failing.has(id) || seen.has(id))
                continue;
            seen.add(id);
            resolvedFindings.push(a);
        }
        resolvedFindings.sort(byLocation);
    }
    const notes = [...history.notes];
    if (relocated.size > 0) {
        notes.push((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `${String(relocated.size)} key(s) keep the record they were first reported under (a renamed user, or a twin key deleted): same alert, issue and Security Hub finding`);
    }
    return {
        relocated,
        firstSeenAt,
        restored,
        openElsewhere: openElsewhere.sort(byLocation),
        issueOfKey,
        listed,
        trustedIssues: trust.trustedIssues,
        recordsByIssue: trust.records,
        newFindings,
        resolvedFindings,
        notes,
        ignored,
    };
}
/**
 * Open alerts whose key this run deactivated, one per identity: they were findings when
 * {@link applyHistory} counted, and are resolved now (their account was audited, or they would not be
 * findings).
 */
function resolvedByDeactivation(alerts, deactivated) {
    const alerted = new Set(alerts.map(_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .alertIdentity */ .$q));
    return new Set(deactivated.map(_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .findingIdentity */ .AZ).filter((id) => alerted.has(id))).size;
}


/***/ }),

/***/ 6503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ji: () => (/* binding */ recordRef),
/* harmony export */   Q4: () => (/* binding */ parseRecords),
/* harmony export */   bF: () => (/* binding */ looksLikeRecord),
/* harmony export */   lm: () => (/* binding */ withRecords),
/* harmony export */   sW: () => (/* binding */ recordKeyId)
/* harmony export */ });
/* unused harmony exports locationRef, renderRecord */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3697);
/**
 * The records this tool keeps in its own issue comments (docs/design.md §8): the only memory it writes.
 * Each record is one hidden line at the top of a comment the action posts; a comment may carry several
 * (a deactivation that also closes the issue). The line names the record's kind, the account and user of
 * the issue, and the keys it is about (location or a hash of an absurdly long one, and the key id when
 * known); the time of a record is NOT in it: it is the comment's `created_at`, which GitHub sets and
 * nobody can back-date. Whether a record counts (author, edits, account) is decided in
 * src/evaluate/evidence.ts; this module only writes and reads the line. Pure.
 */


const PREFIX = '<!-- iam-initial-access-key:record v=1';
const KINDS = ['seen', 'restored', 'deactivated', 'closed', 'moved'];
const REASONS = ['fixed', 'exempted', 'deactivated', 'duplicate'];
/** Longest location carried verbatim; longer ones (no real IAM path is) are hashed. */
const MAX_REF = 512;
const KEY_ID = /^[A-Z0-9]{16,128}$/;
const ISO_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** The key id as records carry it: an AWS access key id, else null (the key is then known by its location). */
function recordKeyId(id) {
    return id && KEY_ID.test(id) ? id : null;
}
/** A location as records carry it: itself, or `sha256:<hex>` when it is longer than any real one. */
function locationRef(location) {
    if (location.length <= MAX_REF)
        return location;
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(location, 'utf8').digest('hex')}`;
}
/**
 * A finding's key as records carry it: its location ref under its rule's identity (src/evaluate/identity.ts:
 * the ref alone for the first rule, `<ruleId>/<ref>` for the others).
 */
function recordRef(ruleId, location) {
    return (0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .identityOf */ .cu)(ruleId, locationRef(location));
}
/** The hidden line of one record. Every value is percent-encoded or checked: nothing can end the comment. */
function renderRecord(r) {
    const keys = r.keys.map((k) => `${encodeURIComponent(k.ref)}:${recordKeyId(k.keyId) ?? '-'}`).join(',');
    const extra = [
        r.reason ? ` reason=${r.reason}` : '',
        r.confirmed === false ? ' confirmed=no' : '',
        r.endedAt && ISO_SECOND.test(r.endedAt) ? ` ended=${r.endedAt}` : '',
    ].join('');
    return (`${PREFIX} kind=${r.kind} account=${encodeURIComponent(r.accountId)} ` +
        `user=${encodeURIComponent(r.userKey)} keys=${keys || '-'}${extra} -->`);
}
const LINE = new RegExp(`^${PREFIX.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&')} kind=(\\S+) account=(\\S+) user=(\\S+) keys=(\\S+)((?: [a-z]+=\\S+)*) -->\\s*$`);
function parseLine(line) {
    const m = LINE.exec(line);
    if (!m)
        return null;
    const kind = m[1];
    if (!KINDS.includes(kind))
        return null;
    try {
        const accountId = decodeURIComponent(m[2]);
        const userKey = decodeURIComponent(m[3]);
        const keys = [];
        if (m[4] !== '-') {
            for (const entry of m[4].split(',')) {
                const i = entry.lastIndexOf(':');
                if (i <= 0)
                    return null;
                const id = entry.slice(i + 1);
                if (id !== '-' && !KEY_ID.test(id))
                    return null;
                keys.push({ ref: decodeURIComponent(entry.slice(0, i)), keyId: id === '-' ? null : id });
            }
        }
        const record = { kind, accountId, userKey, keys };
        for (const pair of (m[5] ?? '').trim().split(' ').filter(Boolean)) {
            const [name, value = ''] = pair.split('=', 2);
            if (name === 'reason' && REASONS.includes(value))
                record.reason = value;
            else if (name === 'confirmed' && value === 'no')
                record.confirmed = false;
            else if (name === 'ended' && ISO_SECOND.test(value) && !Number.isNaN(Date.parse(value)))
                record.endedAt = value;
            else
                return null;
        }
        return accountId && userKey ? record : null;
    }
    catch {
        return null; // a broken escape: not a record
    }
}
/** The records at the top of a comment (its first lines, before anything else); empty when none. */
function parseRecords(body) {
    const out = [];
    if (!body)
        return out;
    for (const line of body.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        if (!line.startsWith(PREFIX))
            break;
        const r = parseLine(line);
        if (r)
            out.push(r);
    }
    return out;
}
/** True when a comment's first line looks like a record (valid or not): worth a word when it is not trusted. */
function looksLikeRecord(body) {
    return (body ?? '').replace(/^\uFEFF/, '').startsWith(PREFIX);
}
/** A comment body: the records' lines, then the text people read. */
function withRecords(records, text) {
    return [...records.map(renderRecord), text].join('\n');
}


/***/ }),

/***/ 3775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ BOOLEAN_INPUTS),
/* harmony export */   HA: () => (/* binding */ defaultOf),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* harmony import */ var _report_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5121);
/* harmony import */ var _sinks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9793);
/**
 * The single table of the action's inputs (docs/design.md §3), in order. action.yml, the CLI flags and the
 * help text all follow it; __tests__/unit/repo/action-yml.test.ts keeps action.yml in step with it. The report
 * files' inputs and outputs come from their own list (report-files.ts), the sinks' from theirs
 * (sinks.ts): the issues' where they have always been in action.yml, every later sink's at the end.
 */


const [ISSUES, ...LATER_SINKS] = _sinks_js__WEBPACK_IMPORTED_MODULE_1__/* .SINK_DEFINITIONS */ .BX;
const INPUTS = [
    {
        name: 'role-to-assume',
        description: 'ARN of the audit role to assume with GitHub OIDC (needs `id-token: write`), e.g. arn:aws:iam::111122223333:role/IamAudit. Absent: use the ambient AWS credentials (e.g. from aws-actions/configure-aws-credentials, or the environment).',
    },
    {
        name: 'audience',
        description: 'Audience of the GitHub OIDC token: one word of at most 255 visible ASCII characters (no whitespace, control or format characters), e.g. sts.amazonaws.com or a URL.',
        default: 'sts.amazonaws.com',
    },
    {
        name: 'aws-region',
        description: 'Region for the STS and Organizations endpoints. The partition follows it: cn-* is aws-cn, us-gov-* is aws-us-gov, any other is aws.',
        default: 'us-east-1',
    },
    {
        name: 'role-session-name',
        description: 'Session name of the assumed roles (2-64 characters of letters, digits and +=,.@_-).',
        default: 'iam-initial-access-key-audit',
    },
    {
        name: 'role-duration-seconds',
        description: 'Duration of the OIDC session, 900 to 43200 seconds. Chained per-account sessions are capped at 3600 by AWS.',
        default: '3600',
    },
    {
        name: 'accounts',
        description: 'Account ids (separated by commas, spaces or newlines) to audit by assuming `account-role-name` in each. Absent: the signed-in account only.',
    },
    {
        name: 'account-role-name',
        description: 'Role name, with an optional path (e.g. audit/IamAudit), assumed in each audited account. Required with `accounts` or `organization`.',
    },
    {
        name: 'organization',
        description: '`true`: audit every ACTIVE account of the AWS Organization. Needs the management account or a delegated administrator.',
        default: 'false',
    },
    {
        name: 'exclude-accounts',
        description: 'Account ids (separated by commas, spaces or newlines) to skip.',
    },
    {
        name: 'concurrency',
        description: 'Number of accounts audited at once, 1 to 64.',
        default: '8',
    },
    {
        name: 'shard',
        description: '`K/N`: audit only the K-th of N deterministic slices of the account list, for a matrix fan-out (e.g. 1/4). An account is in slice (account id mod N) + 1, so it stays in its shard when the organization changes.',
    },
    {
        name: 'scope',
        description: '`at-setup`: only keys created with the user (within `setup-window`) fail. `any`: every active, unused key of a console user fails.',
        default: 'at-setup',
    },
    {
        name: 'setup-window',
        description: 'Largest gap between user creation and key creation that still counts as "created at setup", with a unit: 90s, 10m, 2h, 1d.',
        default: '10m',
    },
    {
        name: 'unused-days',
        description: 'A key last used more than this many days (of 86,400 s) before `as-of` fails too. 0: only never-used keys fail.',
        default: '90',
    },
    {
        name: 'as-of',
        description: 'ISO 8601 time (e.g. 2026-01-31T00:00:00Z) that `unused-days` is measured from. Absent: the credential report generation time in live runs, the current time offline.',
    },
    {
        name: 'exemption-tag',
        description: 'IAM user tag whose non-empty value exempts the user (the justification); it may end with expires=YYYY-MM-DD.',
        default: 'access-key-justification',
    },
    {
        name: 'exempt-users',
        description: 'Globs on user name, PATH/NAME or ARN of users to exempt, separated by commas, spaces or newlines; write a comma that is part of a name as `\\,` (e.g. `ops\\,admin` is the user ops,admin). Names and paths match regardless of case, as IAM treats user names; the `arn:PARTITION:iam::ACCOUNT:user/` part of an ARN matches exactly.',
    },
    {
        name: 'credential-report',
        description: 'Path or glob (one per line) of downloaded credential report CSV files: audit offline, without AWS calls. Not with `role-to-assume`, `accounts` or `organization`.',
    },
    {
        name: 'iac',
        description: 'Paths or globs (one per line), relative to the workspace, of Terraform (`.tf`, plan JSON) and CloudFormation files: scan the code for console users given an access key at creation, without AWS calls. A `.tfvars` file named here sets variables (like `-var-file`). Not with `credential-report`, `role-to-assume`, `accounts` or `organization`.',
    },
    ..._report_files_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_FILES */ .JL.map((f) => ({
        name: f.name,
        description: f.description,
        ...('default' in f ? { default: f.default } : {}),
    })),
    {
        name: 'summary',
        description: 'Write the job summary.',
        default: 'true',
    },
    {
        name: 'fail-on',
        description: '`findings`: fail on findings or account errors; `errors`: fail only on account errors; `never`.',
        default: 'findings',
    },
    ...ISSUES.inputs,
    {
        name: 'github-token',
        description: 'Token for issues and code scanning alerts. The CLI reads the GITHUB_TOKEN environment variable instead.',
        default: '${{ github.token }}',
    },
    {
        name: 'category',
        description: 'Code scanning category of the SARIF run (its automationDetails.id is the category with a trailing /, plus K-of-N/ under `shard`). Set it when one job uploads more than one SARIF of this action. Empty: no automationDetails, so github/codeql-action/upload-sarif derives the category from the workflow, job and matrix values (or takes its own `category:` input). It is at most 255 ASCII letters, digits and - _ . / : (no spaces, control or format characters), e.g. /iam-audit:org-a.',
    },
    {
        name: 'remediate',
        description: '`off`; `plan`: report which keys are due for deactivation and change nothing; `deactivate`: set due keys Inactive (never deletes) through `remediation-role-name`. Live runs only.',
        default: 'off',
    },
    {
        name: 'remediation-role-name',
        description: 'Role name, with an optional path, assumed from the audit session in each account that has due keys (only iam:ListAccessKeys, iam:GetAccessKeyLastUsed, iam:UpdateAccessKey). Required with `remediate: plan` or `deactivate`; the audit role stays read-only.',
    },
    {
        name: 'remediate-after-days',
        description: 'Notice period, 1 to 3650 days: a key is due once it was first reported (earliest code scanning alert or issue) at least this many days before `as-of`. A key without earlier report is never due.',
        default: '14',
    },
    {
        name: 'remediate-reasons',
        description: 'Which findings may be deactivated: `never-used`, or `never-used, unused` to include keys unused for more than `unused-days`.',
        default: 'never-used',
    },
    {
        name: 'max-remediations',
        description: 'Most keys deactivated per run, 1 to 10000, oldest first reported first; the rest stay due for the next run.',
        default: '10',
    },
    ...LATER_SINKS.flatMap((s) => s.inputs),
];
/** Inputs whose value is `true` or `false` (bare flags on the command line). */
const BOOLEAN_INPUTS = new Set(INPUTS.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name));
/** The default of an input as written in action.yml, or undefined. */
function defaultOf(name) {
    const def = INPUTS.find((i) => i.name === name);
    return def?.default;
}
/** The action's outputs (docs/design.md §3), in order, as in action.yml. */
const OUTPUTS = [
    { name: 'findings', description: 'Number of failing access keys (exempted keys excluded).' },
    { name: 'violating-users', description: 'Number of users with at least one failing access key.' },
    { name: 'exempted', description: 'Number of keys that would fail but are exempted.' },
    { name: 'accounts-audited', description: 'Number of accounts audited successfully.' },
    { name: 'accounts-failed', description: 'Number of accounts that could not be audited.' },
    ..._report_files_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_FILES */ .JL.map((f) => ({ name: f.name, description: `Path of the ${f.label} report written.` })),
    ...ISSUES.outputs,
    {
        name: 'new-findings',
        description: 'Number of failing keys with no earlier code scanning alert or issue (empty when the history was not available).',
    },
    {
        name: 'resolved-findings',
        description: 'Number of open code scanning alerts of this tool, under accounts audited successfully, whose key is no longer a finding (empty when the alerts could not be listed).',
    },
    {
        name: 'keys-due',
        description: 'Number of keys due for deactivation (`remediate: plan` or `deactivate`), deactivated ones included.',
    },
    {
        name: 'keys-deactivated',
        description: 'Number of access keys this run set Inactive (`remediate: deactivate`).',
    },
    ...LATER_SINKS.flatMap((s) => s.outputs),
];


/***/ }),

/***/ 5121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ REPORT_FILES),
/* harmony export */   Vh: () => (/* binding */ reportFilesOf),
/* harmony export */   eG: () => (/* binding */ reportPath)
/* harmony export */ });
/**
 * The report files, one line each: the Config field that holds the path (`key`), the input that names
 * it and the output that echoes it (`name`, the same for both), how the summary names it (`label`), and
 * its action.yml default and description. The inputs, outputs, config, output-file checks, CLI flags and
 * summary all follow this list; publish/formats.ts registers a renderer under each `key` (a missing one
 * is a compile error). A new format is one renderer in report/ plus one line here and one there.
 *
 * An `optional` file has no default: it is written only when its input names a path (empty: not written,
 * its Config field absent and its output empty). The others are always written.
 */
const REPORT_FILES = [
    {
        key: 'sarifFile',
        name: 'sarif-file',
        label: 'SARIF',
        default: 'iam-initial-access-keys.sarif',
        description: 'Where to write the SARIF 2.1.0 report (for github/codeql-action/upload-sarif).',
    },
    {
        key: 'jsonFile',
        name: 'json-file',
        label: 'JSON',
        default: 'iam-initial-access-keys.json',
        description: 'Where to write the machine-readable JSON report.',
    },
    {
        key: 'ocsfFile',
        name: 'ocsf-file',
        label: 'OCSF',
        description: 'Where to write OCSF 1.6 Compliance Findings (class 2003), one per failing key, as a JSON array. Empty: not written.',
        optional: true,
    },
];
/** Just the report paths of a config (or of anything holding them). */
function reportFilesOf(from) {
    return Object.fromEntries(REPORT_FILES.flatMap((f) => (from[f.key] === undefined ? [] : [[f.key, from[f.key]]])));
}
/** The path a report file is written to, or null when it is not (an optional file without a path). */
function reportPath(files, key) {
    const path = files[key];
    return path === undefined || path === '' ? null : path;
}


/***/ }),

/***/ 9793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BX: () => (/* binding */ SINK_DEFINITIONS),
/* harmony export */   Mq: () => (/* binding */ SINK_INPUTS),
/* harmony export */   bM: () => (/* binding */ readSinkSettings)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(182);
/**
 * The destinations ("sinks") a run sends its result to besides the report files, as the inputs see them:
 * for each, the inputs that configure it, the outputs it sets, and how its settings are read into the
 * Config. The inputs, outputs, Config and CLI flags follow this list (like the report files'
 * report-files.ts); report/sinks.ts words each sink's outputs and summary block, and publish/sinks.ts
 * runs it, each with an entry for every key here (a missing one does not compile). A new destination is
 * one entry here, one there and one in publish/sinks.ts, and its lines in action.yml.
 */

const LABELS_EXPECTED = 'labels of 1 to 50 characters separated by commas or newlines, e.g. security';
/**
 * The sinks, in the order they run (issues first: Security Hub and later sinks see the issues' sync).
 * `placeholder` names the value in the CLI's help; `list` inputs may repeat their flag.
 */
const SINK_DEFINITIONS = [
    {
        key: 'issues',
        inputs: [
            {
                name: 'create-issues',
                description: 'Keep one GitHub issue per violating user in sync: open, update, reopen and close them (needs `issues: write`).',
                default: 'false',
            },
            {
                name: 'issue-labels',
                description: 'Extra labels (separated by commas or newlines) on new issues. The action finds its issues by its own label iam-initial-access-key, never by these.',
                default: 'security',
                placeholder: 'LABELS',
                list: true,
            },
            {
                name: 'max-issues',
                description: 'Most new issues opened per run; the rest are counted in the summary and the `issues-skipped` output.',
                default: '20',
                placeholder: 'N',
            },
        ],
        outputs: [
            { name: 'issues-opened', description: 'Number of issues opened or reopened by this run.' },
            {
                name: 'issues-updated',
                description: 'Number of open issues whose title or description this run updated (reopened issues count as opened).',
            },
            { name: 'issues-closed', description: 'Number of issues closed by this run.' },
            {
                name: 'issues-skipped',
                description: 'Number of new violators left without an issue because of `max-issues`.',
            },
        ],
    },
    {
        key: 'securityHub',
        inputs: [
            {
                name: 'security-hub',
                description: 'Import one AWS Security Hub finding (ASFF) per failing key into each account audited successfully, from that account, and archive the findings of keys that are fixed or exempted (needs securityhub:BatchImportFindings and securityhub:GetFindings there). Live runs only.',
                default: 'false',
            },
            {
                name: 'security-hub-region',
                description: 'Region of the Security Hub the findings are imported into. Absent: `aws-region`.',
                placeholder: 'REGION',
            },
        ],
        outputs: [
            {
                name: 'security-hub-imported',
                description: 'Number of active AWS Security Hub findings imported (new or updated) by this run.',
            },
            {
                name: 'security-hub-archived',
                description: 'Number of AWS Security Hub findings archived by this run (keys fixed or exempted).',
            },
        ],
    },
];
/** Each sink's settings from its inputs (and the context); throws InputError on the first mistake. */
const SETTINGS = {
    issues: (read) => {
        const createIssues = read.boolean('create-issues');
        const issueLabels = read.list('issue-labels');
        for (const l of issueLabels)
            if ([...l].length > 50)
                throw read.badItem('issue-labels', l, LABELS_EXPECTED);
        return { createIssues, issueLabels, maxIssues: read.integer('max-issues', 0, 100_000) };
    },
    securityHub: (read, ctx) => {
        const securityHub = read.boolean('security-hub');
        const region = read.region('security-hub-region');
        // the same partition as `aws-region`: the same credentials call it
        if (region !== undefined && ctx.partitionOf(region) !== ctx.partition) {
            throw read.bad('security-hub-region', region, `a region of the partition of aws-region "${ctx.awsRegion}" (${ctx.partition}): the same credentials import the findings`);
        }
        if (securityHub && ctx.offline) {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('security-hub', 'Input "security-hub" is true together with "credential-report": expected a live audit, since Security Hub findings are imported into each audited account with its credentials (an offline report has none); set security-hub to false or audit live.');
        }
        return { securityHub, securityHubRegion: region ?? ctx.awsRegion };
    },
};
/** Every sink's settings, in the order of the list; throws InputError on the first mistake. */
function readSinkSettings(read, ctx) {
    return Object.assign({}, ...SINK_DEFINITIONS.map((s) => SETTINGS[s.key](read, ctx)));
}
/** Every sink's inputs, in the order of the list (the CLI reads `placeholder` and `list` from them). */
const SINK_INPUTS = SINK_DEFINITIONS.flatMap((s) => s.inputs);


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** A mistake in the inputs or flags: shown once, without a stack trace, before any network call. */
class InputError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    input;
    constructor(
    /** The input (or flag) that is wrong. */
    input, message) {
        super('InputError', message);
        this.input = input;
    }
}


/***/ }),

/***/ 2889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lE: () => (/* binding */ removePartialFiles),
  Zf: () => (/* binding */ writeFileAtomic),
  t4: () => (/* binding */ writeReportFiles)
});

// UNUSED EXPORTS: ReportWriteError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/inputs/report-files.ts
var report_files = __webpack_require__(5121);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(643);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/evaluate/rule.ts
var evaluate_rule = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/evaluate/rules/index.ts + 1 modules
var rules = __webpack_require__(8029);
// EXTERNAL MODULE: ./src/evaluate/identity.ts
var identity = __webpack_require__(3697);
// EXTERNAL MODULE: ./src/evaluate/intent.ts
var intent = __webpack_require__(9377);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/json-text.ts
var json_text = __webpack_require__(4216);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/report/ocsf.ts







/** The OCSF schema version written: the one AWS Security Hub supports. */
const OCSF_VERSION = '1.6.0';
const VENDOR = 'iam-initial-access-key-audit contributors';
const CLASS_UID = 2003;
const CATEGORY_UID = 2;
/** `activity_id` 1: a finding was created (each run reports the findings it sees). */
const ACTIVITY_CREATE = 1;
/** OCSF `severity_id` and its caption, by a rule's severity. */
const SEVERITY = {
    informational: { id: 1, caption: 'Informational' },
    low: { id: 2, caption: 'Low' },
    medium: { id: 3, caption: 'Medium' },
    high: { id: 4, caption: 'High' },
    critical: { id: 5, caption: 'Critical' },
};
/** Where AWS records IAM's events in each partition. */
const IAM_REGION = {
    aws: 'us-east-1',
    'aws-us-gov': 'us-gov-west-1',
    'aws-cn': 'cn-north-1',
};
/** Epoch ms of an ISO time, or undefined when it is absent or not a time. */
function epochMs(iso) {
    if (!iso)
        return undefined;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? undefined : t;
}
/** `aws`, `aws-us-gov`, `aws-cn`: the partition of a user ARN. */
function partitionOf(arn) {
    const p = /^arn:([^:]+):/.exec(arn)?.[1];
    return p && p in IAM_REGION ? p : 'aws';
}
function description(f, rule, result) {
    return (0,format/* findingSentence */.dj)(f, {
        setupWindowSeconds: result.settings.setupWindowSeconds,
        asOf: result.asOf,
        shortDescription: rule.shortDescription,
    });
}
function resources(f, partition, region) {
    const keyCreated = epochMs(f.keyCreatedAt);
    const userCreated = epochMs(f.userCreatedAt);
    return [
        {
            type: 'AWS::IAM::AccessKey',
            // Offline runs have no key id: the slot of the user names the key, as in the ASFF resource.
            uid: f.accessKeyId ?? `${f.userArn}/access-key-${f.keySlot}`,
            name: f.accessKeyId ?? `access key in slot ${f.keySlot}`,
            cloud_partition: partition,
            region,
            role_id: 1,
            role: 'Target',
            ...(keyCreated === undefined ? {} : { created_time: keyCreated }),
            owner: { type_id: 1, type: 'User', name: f.userName, uid: f.userArn, has_mfa: f.mfaActive },
            data: {
                status: 'Active',
                slot: f.keySlot,
                reason: f.reason,
                setupGapSeconds: f.setupGapSeconds,
                lastUsedAt: f.keyLastUsedAt,
                lastUsedService: f.keyLastUsedService,
                lastUsedRegion: f.keyLastUsedRegion,
                exemptionExpired: f.exemptionExpired,
                location: f.location,
            },
        },
        {
            type: 'AWS::IAM::User',
            uid: f.userArn,
            name: f.userName,
            cloud_partition: partition,
            region,
            role_id: 4,
            role: 'Related',
            ...(userCreated === undefined ? {} : { created_time: userCreated }),
            data: { passwordEnabled: true, passwordLastUsedAt: f.passwordLastUsedAt, mfaActive: f.mfaActive },
        },
    ];
}
/** The OCSF Compliance Finding of one failing key. */
function ocsfFinding(f, result, aliases) {
    const rule = (0,rules/* ruleOf */.Y)(f);
    const time = epochMs(result.generatedAt) ?? 0;
    const firstSeen = epochMs(f.firstSeenAt);
    const severity = SEVERITY[rule.severity];
    const partition = partitionOf(f.userArn);
    const region = IAM_REGION[partition];
    const alias = aliases.get(f.accountId);
    const title = `IAM user ${f.userName} has ${rule.wording.findingTitle(f, result.settings.setupWindowSeconds)}`;
    return {
        activity_id: ACTIVITY_CREATE,
        activity_name: 'Create',
        category_uid: CATEGORY_UID,
        category_name: 'Findings',
        class_uid: CLASS_UID,
        class_name: 'Compliance Finding',
        type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
        type_name: 'Compliance Finding: Create',
        severity_id: severity.id,
        severity: severity.caption,
        status_id: 1,
        status: 'New',
        time,
        timezone_offset: 0,
        message: title,
        metadata: {
            version: OCSF_VERSION,
            profiles: ['cloud'],
            product: { name: evaluate_rule/* TOOL_NAME */.lH, uid: evaluate_rule/* TOOL_NAME */.lH, vendor_name: VENDOR, version: version/* VERSION */.x },
        },
        finding_info: {
            uid: (0,identity/* findingIdentity */.AZ)(f),
            title,
            desc: description(f, rule, result),
            ...(firstSeen === undefined ? {} : { first_seen_time: firstSeen }),
            last_seen_time: time,
            analytic: { uid: rule.id, name: rule.name, type_id: 1, type: 'Rule' },
        },
        compliance: {
            control: rule.id,
            desc: rule.fullDescription,
            standards: [...new Set(rule.cis.map((m) => `${m.benchmark} ${m.version}`))],
            requirements: rule.cis.map((m) => `CIS AWS Foundations Benchmark ${m.version}/${m.control}`),
            checks: rule.cis.map((m) => ({
                uid: m.control,
                name: rule.shortDescription,
                standards: [`${m.benchmark} ${m.version}`],
                version: m.version.replace(/^v/, ''),
                status_id: 3,
                status: 'Fail',
            })),
            status_id: 3,
            status: 'Fail',
        },
        remediation: { desc: rule.recommendation, references: [rule.helpUri] },
        resources: resources(f, partition, region),
        cloud: {
            provider: 'AWS',
            region,
            account: { uid: f.accountId, type_id: 10, type: 'AWS Account', ...(alias ? { name: alias } : {}) },
        },
        // Who made the key (docs/design.md §10): OCSF has no attribute for it, so it is `unmapped`; live only.
        ...(f.keyCreation === undefined
            ? {}
            : { unmapped: { keyCreation: { ...f.keyCreation }, keyDescription: f.keyDescription ?? null } }),
    };
}
/** The run's OCSF findings, made one at a time: every failing key, exempted keys left out. */
function* ocsfRecords(result) {
    const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
    for (const f of result.findings)
        if ((0,intent/* isFailing */.DI)(f))
            yield ocsfFinding(f, result, aliases);
}
/** The OCSF file's text (a JSON array), in chunks; its findings are made as they are written. */
function ocsfFileText(result) {
    const findings = [];
    return (0,json_text/* jsonText */.s)(findings, new Map([[findings, () => ocsfRecords(result)]]));
}

;// CONCATENATED MODULE: ./src/publish/formats.ts





const RENDERERS = {
    sarifFile: (r, c) => (0,sarif/* sarifFileText */.Xy)(r, { toolVersion: version/* VERSION */.x, category: c.category }),
    jsonFile: (r) => (0,json/* jsonFileText */.gQ)(r),
    ocsfFile: (r) => ocsfFileText(r),
};
/** Every format a run writes, in the order they are written (the list's: SARIF first). */
const REPORT_FORMATS = report_files/* REPORT_FILES */.JL.map((f) => ({
    ...f,
    render: RENDERERS[f.key],
}));

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/publish/files.ts







/** Temporary files being written right now: removed by `removePartialFiles` when the run is stopped. */
const inFlight = new Set();
/** A report file that could not be written: names the input and the path; its code is the system's (`EACCES`). */
class ReportWriteError extends errors/* AuditError */.M_ {
    input;
    path;
    constructor(input, path, cause) {
        const e = cause;
        const what = e?.code ? `${e.code}: ${e.message}` : String(cause?.message ?? cause);
        super('ReportWriteError', `Could not write ${input} "${path}": ${what}`, {
            ...(e?.code ? { code: e.code } : {}),
            cause,
        });
        this.input = input;
        this.path = path;
    }
}
/**
 * Writes `text` (one string, or its chunks: each is written as it comes, so the whole text is never
 * held) to `path` so that it is complete or absent: into a temporary file in the same folder (so the
 * rename stays on one file system), flushed to disk, then renamed over `path`. A run killed in the
 * middle leaves the previous file as it was.
 */
async function writeFileAtomic(path, text) {
    const dir = (0,external_node_path_.dirname)(path);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const temp = (0,external_node_path_.join)(dir, `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    inFlight.add(temp);
    try {
        const handle = await (0,promises_.open)(temp, 'wx', 0o644);
        try {
            // writeFile on a handle writes at its position, retrying short writes
            for (const chunk of typeof text === 'string' ? [text] : text)
                await handle.writeFile(chunk, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, path);
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        throw err;
    }
    finally {
        inFlight.delete(temp);
    }
}
/** Removes the temporary files of writes still under way (for a run that is being stopped). */
function removePartialFiles() {
    for (const temp of inFlight)
        (0,external_node_fs_.rmSync)(temp, { force: true });
    inFlight.clear();
}
/**
 * Writes every registered format, in their order: the SARIF log always, even with zero results (that is
 * what closes fixed alerts), then the JSON report, and so on (an optional one only when it has a path).
 * All are tried; the first failure is returned as a ReportWriteError naming its input and path, and a
 * file that failed (or was not written) is `''` in `written`.
 */
async function writeReportFiles(result, config, 
/** Formats not to write this run (the SARIF when uploading it would close a failed account's alerts). */
skip = new Set()) {
    let error = null;
    const written = {};
    for (const format of REPORT_FORMATS) {
        written[format.key] = '';
        if (skip.has(format.key))
            continue;
        const path = (0,report_files/* reportPath */.eG)(config, format.key);
        if (path === null)
            continue;
        try {
            await writeFileAtomic(path, format.render(result, { category: config.category ?? null }));
            written[format.key] = path;
        }
        catch (err) {
            error ??= new ReportWriteError(format.name, path, err);
        }
    }
    return { written, error };
}


/***/ }),

/***/ 5144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sd: () => (/* binding */ githubClientSettings),
/* harmony export */   se: () => (/* binding */ RATE_LIMIT_RETRIES)
/* harmony export */ });
/* unused harmony export unpaced */
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2779);

/** How often a request that hit a rate limit is tried again before the error is returned. */
const RATE_LIMIT_RETRIES = 3;
/**
 * A queue that does not wait: each request runs when it is made. For a GitHub API without secondary rate
 * limits (`IAM_AUDIT_GITHUB_PACING=off`: a GitHub Enterprise Server that has none, a local test server);
 * `retry-after` answers are still honoured.
 */
function unpaced() {
    const job = {
        schedule: (...args) => {
            const [first, ...rest] = args;
            if (typeof first === 'function')
                return Promise.resolve(first(...rest));
            const [fn, ...fnArgs] = rest;
            return Promise.resolve(fn(...fnArgs));
        },
    };
    const limiter = { key: () => job };
    return { write: limiter, notifications: limiter };
}
/**
 * The settings of a real run: GitHub's pacing (unless `IAM_AUDIT_GITHUB_PACING` is `off`), `retry-after`
 * in seconds, the request timeout of timeouts.ts.
 */
function githubClientSettings(timeouts = (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_0__/* .timeoutsFromEnv */ .I5)(), env = process.env) {
    const pacing = env.IAM_AUDIT_GITHUB_PACING?.trim().toLowerCase() === 'off' ? unpaced() : 'github';
    return { retryAfterBaseMs: 1000, requestTimeoutMs: timeouts.githubRequestMs, pacing };
}


/***/ }),

/***/ 5551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ listOwnIssues),
/* harmony export */   RH: () => (/* binding */ describeIssueError),
/* harmony export */   VO: () => (/* binding */ ISSUE_LABEL),
/* harmony export */   ce: () => (/* binding */ syncIssues),
/* harmony export */   fg: () => (/* binding */ listComments),
/* harmony export */   ts: () => (/* binding */ listIssues),
/* harmony export */   yd: () => (/* binding */ noIssueChanges)
/* harmony export */ });
/* unused harmony export planIssueSync */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8454);
/* harmony import */ var _evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6503);
/* harmony import */ var _evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4627);
/* harmony import */ var _evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3697);
/* harmony import */ var _github_settings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5144);
/**
 * One GitHub issue per violating (account, user), kept in sync with the findings (docs/design.md §5).
 *
 * The issues are found by the fixed label and the hidden marker in their body, listed with the REST
 * paginator (never the search API, never by title, never by the configurable labels). What to do is
 * decided by a pure planner ({@link planIssueSync}); {@link syncIssues} lists, plans and executes.
 * Only accounts audited successfully in this run can have their issues closed.
 */







/** The label the action finds its issues by; people may remove the others, not this one. */
const ISSUE_LABEL = 'iam-initial-access-key';
const ISSUE_LABEL_COLOR = 'd93f0b';
const ISSUE_LABEL_DESCRIPTION = 'Unused AWS IAM access key of a console user (kept in sync by a workflow)';
const EXTRA_LABEL_COLOR = 'ededed';
function keyOf(accountId, key) {
    return `${accountId}\u0000${key}`;
}
/** The labels of a new issue: the fixed one first, then the configured ones, without repeats. */
function issueLabels(extraLabels) {
    const seen = new Set();
    const out = [];
    for (const raw of [ISSUE_LABEL, ...extraLabels]) {
        const name = raw.trim();
        if (name && !seen.has(name.toLowerCase())) {
            seen.add(name.toLowerCase());
            out.push(name);
        }
    }
    return out;
}
/** The findings of accounts audited successfully, grouped per (account, user), in findings order. */
function usersOf(result) {
    const ok = new Map(result.accounts.filter((a) => a.status === 'ok').map((a) => [a.accountId, a]));
    const users = new Map();
    const stateOf = (f) => {
        const account = ok.get(f.accountId);
        if (!account)
            return null;
        const key = keyOf(f.accountId, (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .userKey */ .Xh)(f.userArn, f.userName));
        let state = users.get(key);
        if (!state) {
            state = {
                group: {
                    accountId: f.accountId,
                    alias: account.alias,
                    userName: f.userName,
                    userArn: f.userArn,
                    findings: [],
                },
                violating: [],
                selfCreated: [],
                deactivated: [],
                justification: null,
            };
            users.set(key, state);
        }
        return state;
    };
    for (const f of result.findings) {
        const state = stateOf(f);
        if (!state)
            continue;
        if (f.selfCreated === true) {
            state.selfCreated.push(f);
            continue;
        }
        state.group.findings.push(f);
        if (!f.exempted)
            state.violating.push(f);
        else if (state.justification === null && f.justification)
            state.justification = f.justification;
    }
    for (const f of result.remediation?.deactivated ?? [])
        stateOf(f)?.deactivated.push(f);
    return users;
}
function recordKeysOf(findings) {
    return findings.map((f) => ({ ref: (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .recordRef */ .Ji)(f.ruleId, f.location), keyId: (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .recordKeyId */ .sW)(f.accessKeyId) }));
}
/** Keys with an open reported stretch on this issue (its own records, in order). */
function listedOn(records) {
    const open = new Set();
    for (const r of records) {
        if (r.kind === 'seen' || r.kind === 'restored')
            for (const k of r.keys)
                open.add((0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .recordIdOfKey */ .BL)(k));
        else if (r.kind === 'deactivated')
            for (const k of r.keys)
                open.delete((0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .recordIdOfKey */ .BL)(k));
        else if (r.kind === 'closed' && r.reason !== 'duplicate') {
            if (r.keys.length === 0)
                open.clear();
            else
                for (const k of r.keys)
                    open.delete((0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .recordIdOfKey */ .BL)(k));
        }
    }
    return open;
}
/** The reason of the issue's last record when it is a `closed` one (its comment was posted; the close may not be). */
function pendingClose(records) {
    const last = records.at(-1);
    return last?.kind === 'closed' && last.keys.length === 0 ? (last.reason ?? null) : null;
}
/**
 * What to do to make the issues match the result. Pure.
 * - a violating user with an open issue: update it when its title or body changed, and record keys
 *   listed for the first time, restored or deactivated; with only closed issues: reopen the newest; with
 *   none: follow its keys (a renamed user keeps its issue), else open one (at most `maxIssues`);
 * - an open issue of a user without a violation now (fixed, exempted, deactivated): comment and close it,
 *   but only when the user's account is `ok` in this result.
 * Only issues the history trusts (opened by this run's identity) are touched; the others are ignored.
 */
function planIssueSync(existing, result, opts) {
    const history = opts.history ?? {
        trustedIssues: new Set(existing.map((i) => i.number)),
        recordsByIssue: new Map(),
        issueOfKey: new Map(),
        restored: new Map(),
    };
    const p = {
        result,
        opts,
        history,
        users: usersOf(result),
        okAccounts: new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId)),
        byKey: new Map(),
        byNumber: new Map(),
        claimed: new Set(),
        actions: [],
        created: 0,
    };
    for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
        if (!issue.labels.includes(ISSUE_LABEL) || !history.trustedIssues.has(issue.number))
            continue;
        const marker = (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(issue.body);
        if (!marker)
            continue;
        const key = keyOf(marker.accountId, marker.userKey);
        p.byKey.set(key, [...(p.byKey.get(key) ?? []), issue]);
        p.byNumber.set(issue.number, issue);
    }
    for (const [key, user] of p.users) {
        if (user.violating.length > 0)
            planViolatingUser(p, key, user);
    }
    planRecognized(p);
    p.actions.push(...closeActions(p));
    return p.actions;
}
/** The trusted issue of a renamed user: the one whose records name one of its keys, in the same account. */
function followKeys(p, user) {
    for (const f of user.violating) {
        const n = f.accessKeyId ? p.history.issueOfKey.get(f.accessKeyId) : undefined;
        const issue = n === undefined ? undefined : p.byNumber.get(n);
        if (issue && (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(issue.body)?.accountId === user.group.accountId && !p.claimed.has(issue.number))
            return issue;
    }
    return undefined;
}
/** The one record comment of this run for a violating user's issue (moved, first seen, restored, deactivated), or null. */
function recordComment(p, user, c) {
    const { result, opts, history } = p;
    const { marker, movedFrom, fresh, restored } = c;
    const { exemptionTag } = result.settings;
    const { userName } = user.group;
    const records_ = [];
    const texts = [];
    if (movedFrom !== null) {
        records_.push({ kind: 'moved', ...marker, keys: recordKeysOf(user.violating) });
        texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .movedComment */ .tY)(movedFrom, userName, user.violating));
    }
    if (fresh.length > 0) {
        const endedAt = c.closedAt ? c.closedAt.replace(/\.\d{3}Z$/, 'Z') : undefined;
        records_.push({ kind: 'seen', ...marker, keys: recordKeysOf(fresh), ...(endedAt ? { endedAt } : {}) });
        texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .seenComment */ .vi)(fresh, { reopened: c.reopened, afterDays: opts.afterDays ?? null }));
    }
    if (restored.length > 0) {
        records_.push({ kind: 'restored', ...marker, keys: recordKeysOf(restored) });
        texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .restoredComment */ .CQ)(restored, {
            deactivatedAt: history.restored,
            afterDays: opts.afterDays ?? 0,
            exemptionTag,
        }));
    }
    if (user.deactivated.length > 0) {
        records_.push({ kind: 'deactivated', ...marker, keys: recordKeysOf(user.deactivated) });
        texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .deactivationComment */ .hj)(user.group, user.deactivated, {
            at: result.generatedAt,
            runUrl: opts.runUrl,
            exemptionTag,
            closing: false,
        }));
    }
    return records_.length > 0 ? (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withRecords */ .lm)(records_, texts.join('\n\n---\n\n')) : null;
}
function planViolatingUser(p, key, user) {
    const { result, opts, history } = p;
    const { accountId, userName } = user.group;
    const { scope, exemptionTag } = result.settings;
    const issues = p.byKey.get(key) ?? [];
    let open = issues.find((i) => i.state === 'open');
    let closed = issues.filter((i) => i.state === 'closed').at(-1);
    let movedFrom = null;
    if (!open && !closed) {
        const followed = followKeys(p, user);
        if (followed) {
            movedFrom = (0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .userNameOfKey */ .D_)((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(followed.body)?.userKey ?? '');
            if (followed.state === 'open')
                open = followed;
            else
                closed = followed;
        }
    }
    const target = open ?? closed;
    if (target)
        p.claimed.add(target.number);
    const records = target ? (history.recordsByIssue.get(target.number) ?? []) : [];
    const listed = listedOn(records);
    const restored = user.violating.filter((f) => history.restored.has((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .findingIdentity */ .AZ)(f)));
    const fresh = user.violating.filter((f) => !history.restored.has((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .findingIdentity */ .AZ)(f)) && !listed.has((0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .recordIdOf */ .mi)(f)));
    // The body shows when each key was first reported: keys recorded now read as today.
    const findings = user.violating.map((f) => fresh.includes(f) || restored.includes(f)
        ? { ...f, firstSeenAt: f.firstSeenAt ?? opts.recordAt ?? result.generatedAt }
        : f);
    const { title, body } = (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .renderIssue */ .yi)({ ...user.group, findings }, { exemptionTag, runUrl: opts.runUrl, scope });
    const marker = { accountId, userKey: (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .userKey */ .Xh)(user.group.userArn, userName) };
    // Two open issues for one user (a lost response once made a second): keep the oldest.
    if (open && p.okAccounts.has(accountId)) {
        for (const dup of issues.filter((i) => i.state === 'open' && i !== open)) {
            p.claimed.add(dup.number);
            const comment = (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withRecords */ .lm)([{ kind: 'closed', ...marker, keys: [], reason: 'duplicate' }], `Duplicate of #${open.number}, which tracks this user. Closing this one.`);
            p.actions.push({
                kind: 'close',
                number: dup.number,
                accountId,
                userName,
                reason: 'duplicate',
                comment,
            });
        }
    }
    const comment = recordComment(p, user, {
        marker,
        movedFrom,
        fresh,
        restored,
        reopened: !open && !!closed,
        closedAt: !open ? (closed?.closedAt ?? null) : null,
    });
    if (open) {
        if (open.title !== title || !(0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .sameIssueBody */ .U2)(open.body, body)) {
            p.actions.push({ kind: 'update', number: open.number, accountId, userName, title, body });
        }
        if (comment)
            p.actions.push({ kind: 'comment', number: open.number, accountId, userName, comment });
    }
    else if (closed) {
        p.actions.push({ kind: 'reopen', number: closed.number, accountId, userName, title, body });
        if (comment)
            p.actions.push({ kind: 'comment', number: closed.number, accountId, userName, comment });
    }
    else if (p.created < opts.maxIssues) {
        p.created++;
        p.actions.push({
            kind: 'create',
            accountId,
            userName,
            title,
            body,
            labels: issueLabels(opts.extraLabels),
            comment: comment ?? (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withRecords */ .lm)([{ kind: 'seen', ...marker, keys: [] }], 'Recorded for the audit trail.'),
        });
    }
    else {
        p.actions.push({ kind: 'skip', accountId, userName });
    }
}
/** Record deactivations recognised after their answer was lost on the issues that list their keys. */
function planRecognized(p) {
    const byIssue = new Map();
    for (const r of p.opts.recognized ?? []) {
        if (!p.byNumber.has(r.issue))
            continue;
        byIssue.set(r.issue, [...(byIssue.get(r.issue) ?? []), r]);
    }
    for (const [n, keys] of byIssue) {
        const issue = p.byNumber.get(n);
        const marker = (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(issue.body);
        const user = p.users.get(keyOf(marker.accountId, marker.userKey));
        const closing = !user || user.violating.length === 0;
        if (closing && issue.state === 'open')
            continue; // the close below carries this record and text
        const comment = (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withRecords */ .lm)([
            {
                kind: 'deactivated',
                ...marker,
                keys: keys.map((k) => ({ ref: (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .recordRef */ .Ji)(k.ruleId, k.location), keyId: k.accessKeyId })),
                confirmed: false,
            },
        ], (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .unconfirmedDeactivationComment */ .b1)(keys, { exemptionTag: p.result.settings.exemptionTag, closing: false }));
        p.actions.push({
            kind: 'comment',
            number: n,
            accountId: marker.accountId,
            userName: keys[0].userName,
            comment,
        });
    }
}
/** Close the open issues of users audited this run who no longer violate: deactivated, exempted or fixed. */
function closeActions(p) {
    const { result, opts, history } = p;
    const { scope, exemptionTag } = result.settings;
    const commentOpts = { at: result.generatedAt, runUrl: opts.runUrl, exemptionTag };
    const actions = [];
    for (const [key, issues] of p.byKey) {
        const marker = issues[0] ? (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(issues[0].body) : null;
        if (!marker || !p.okAccounts.has(marker.accountId))
            continue;
        const user = p.users.get(key);
        if (user && user.violating.length > 0)
            continue;
        const recognized = (opts.recognized ?? []).filter((r) => issues.some((i) => i.number === r.issue));
        // Deactivated says so (restore, exempt); else an exempted user's justification, or the keys the user
        // made themself (closed like an exemption); else fixed.
        const selfCreated = user && user.group.findings.length === 0 ? user.selfCreated : [];
        const reason = (user && user.deactivated.length > 0) || recognized.length > 0
            ? 'deactivated'
            : user && (user.group.findings.length > 0 || selfCreated.length > 0)
                ? 'exempted'
                : 'fixed';
        const records = [];
        const texts = [];
        if (user && user.deactivated.length > 0) {
            records.push({ kind: 'deactivated', ...marker, keys: recordKeysOf(user.deactivated) });
            texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .deactivationComment */ .hj)(user.group, user.deactivated, { ...commentOpts, closing: true }));
        }
        else if (recognized.length > 0) {
            records.push({
                kind: 'deactivated',
                ...marker,
                keys: recognized.map((k) => ({ ref: (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .recordRef */ .Ji)(k.ruleId, k.location), keyId: k.accessKeyId })),
                confirmed: false,
            });
            texts.push((0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .unconfirmedDeactivationComment */ .b1)(recognized, { exemptionTag, closing: true }));
        }
        else {
            texts.push(selfCreated.length > 0 && reason === 'exempted'
                ? (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .closingComment */ .hY)('self-created', { scope, keys: selfCreated })
                : reason === 'exempted'
                    ? (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .closingComment */ .hY)('exempted', { scope, justification: user.justification })
                    : (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .closingComment */ .hY)('fixed', { scope }));
        }
        records.push({ kind: 'closed', ...marker, keys: [], reason });
        for (const issue of issues) {
            if (issue.state !== 'open' || p.claimed.has(issue.number))
                continue;
            // A closing comment an earlier run posted before its close failed is not posted twice.
            const posted = pendingClose(history.recordsByIssue.get(issue.number) ?? []) === reason;
            actions.push({
                kind: 'close',
                number: issue.number,
                accountId: marker.accountId,
                userName: user?.group.userName ?? (0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .userNameOfKey */ .D_)(marker.userKey),
                reason,
                comment: posted ? null : (0,_evaluate_issue_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withRecords */ .lm)(records, texts.join('\n\n---\n\n')),
            });
        }
    }
    return actions;
}
function isHttpError(e) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(e) !== null;
}
const PREFIX = 'GitHub issues could not be updated';
/** One line saying what went wrong and, for a permission problem, what to add. */
function describeIssueError(e) {
    if (!isHttpError(e))
        return `${PREFIX}: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e))}`;
    const message = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(e.message);
    if (/rate limit/i.test(message)) {
        return `${PREFIX}: GitHub's API rate limit was still exceeded after ${_github_settings_js__WEBPACK_IMPORTED_MODULE_6__/* .RATE_LIMIT_RETRIES */ .se} retries (HTTP ${e.status}: ${message}). The next run catches up.`;
    }
    if (e.status === 403 || e.status === 404 || e.status === 410) {
        const accepted = e.response?.headers?.['x-accepted-github-permissions'];
        return (`${PREFIX}: the workflow token lacks \`issues: write\` (add \`permissions: issues: write\` to the job), ` +
            `or issues are disabled in this repository (HTTP ${e.status}: ${message}` +
            (accepted ? `; the endpoint accepts ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(String(accepted))}` : '') +
            ').');
    }
    return `${PREFIX}: HTTP ${e.status}: ${message}`;
}
/** Every issue (open and closed) carrying {@link ISSUE_LABEL}, pull requests left out. */
async function listIssues(octokit, owner, repo, 
/** List the issues this login opened instead of those with the label (see {@link listOwnIssues}). */
creator) {
    const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'all',
        ...(creator ? { creator } : { labels: ISSUE_LABEL }),
        per_page: 100,
    });
    return items
        .filter((i) => !i.pull_request)
        .map((i) => ({
        number: i.number,
        state: i.state === 'closed' ? 'closed' : 'open',
        title: i.title,
        body: i.body ?? '',
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
        url: i.html_url,
        author: actorOf(i.user),
        createdAt: i.created_at,
        closedAt: i.closed_at ?? null,
    }));
}
/**
 * The issues this identity opened that carry a marker but lost the label (a person with triage may remove
 * it): still this tool's, so their records (a deactivation, a restore) are not forgotten. Empty when the
 * listing is refused; the labelled listing stays the primary one.
 */
async function listOwnIssues(octokit, owner, repo, self, labelled) {
    const known = new Set(labelled.map((i) => i.number));
    try {
        const mine = await listIssues(octokit, owner, repo, self.login);
        return mine.filter((i) => !known.has(i.number) && (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(i.body) !== null && (0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .sameActor */ .CM)(i.author ?? null, self));
    }
    catch {
        return [];
    }
}
function actorOf(user) {
    return user?.login ? { login: user.login, id: typeof user.id === 'number' ? user.id : null } : null;
}
/** Above this many issues, one listing of the repository's comments is cheaper than one per issue. */
const PER_ISSUE_LISTINGS = 20;
/**
 * The comments of these issues, oldest first: one paginated listing per issue, or (for many issues) one of
 * the repository's comments since the oldest of them was opened. Throws what GitHub answers.
 */
async function listComments(octokit, owner, repo, issues) {
    const out = new Map(issues.map((i) => [i.number, []]));
    const toTracked = (c) => ({
        id: c.id,
        body: c.body ?? '',
        author: actorOf(c.user),
        createdAt: c.created_at,
        updatedAt: c.updated_at,
    });
    if (issues.length <= PER_ISSUE_LISTINGS) {
        for (const { number } of issues) {
            const items = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: number,
                per_page: 100,
            });
            out.set(number, items.map(toTracked));
        }
        return out;
    }
    const since = issues
        .map((i) => i.createdAt)
        .filter((t) => !!t)
        .sort()[0];
    const items = await octokit.paginate(octokit.rest.issues.listCommentsForRepo, {
        owner,
        repo,
        sort: 'created',
        direction: 'asc',
        per_page: 100,
        ...(since ? { since } : {}),
    });
    for (const c of items) {
        const n = Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
        out.get(n)?.push(toTracked(c));
    }
    return out;
}
/** Create the labels of new issues that the repository lacks (a concurrent run may win: 422 is fine). */
async function ensureLabels(octokit, owner, repo, labels) {
    for (const name of labels) {
        try {
            await octokit.rest.issues.getLabel({ owner, repo, name });
            continue;
        }
        catch (e) {
            if (!isHttpError(e) || e.status !== 404)
                throw e;
        }
        try {
            await octokit.rest.issues.createLabel({
                owner,
                repo,
                name,
                color: name === ISSUE_LABEL ? ISSUE_LABEL_COLOR : EXTRA_LABEL_COLOR,
                ...(name === ISSUE_LABEL ? { description: ISSUE_LABEL_DESCRIPTION } : {}),
            });
        }
        catch (e) {
            if (!(isHttpError(e) && e.status === 422 && /already_exists/.test(e.message)))
                throw e;
        }
    }
}
/** Attempts at creating one issue, each after checking that no earlier attempt created it. */
const CREATE_ATTEMPTS = 3;
/**
 * Creating an issue is not idempotent: a 5xx or a reset after GitHub created it, retried blindly, makes a
 * second one. So the retry plugin is off for this request, and after an ambiguous failure the issues are
 * listed again by label and the issue's marker looked for before trying again. Returns the number.
 */
async function createOnce(octokit, owner, repo, a, log, self) {
    const marker = (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(a.body);
    for (let attempt = 1;; attempt++) {
        try {
            const { data } = await octokit.rest.issues.create({
                owner,
                repo,
                title: a.title,
                body: a.body,
                labels: a.labels,
                request: { retries: 0 },
            });
            return data;
        }
        catch (e) {
            const ambiguous = isHttpError(e) && e.status >= 500;
            if (!ambiguous || attempt >= CREATE_ATTEMPTS || !marker)
                throw e;
            const again = await listIssues(octokit, owner, repo);
            // Only an issue this identity opened is the lost one (anyone can write a marker).
            const made = again.find((i) => {
                const m = (0,_report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(i.body);
                return (m !== null &&
                    keyOf(m.accountId, m.userKey) === keyOf(marker.accountId, marker.userKey) &&
                    (self === null || (0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .sameActor */ .CM)(i.author ?? null, self)));
            });
            if (made)
                return { number: made.number, html_url: made.url ?? '' };
            log.info(`Creating the issue failed (HTTP ${e.status}) and it does not exist; trying again.`);
        }
    }
}
function who(a) {
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(a.userName !== undefined ? `user ${a.userName} in account ${a.accountId}` : `account ${a.accountId}`);
}
/** Records one issue the sync changed, as the API answered. */
function touched(outcome, action, a, data) {
    outcome.issues.push({
        action,
        number: data.number,
        url: data.html_url,
        accountId: a.accountId,
        userName: a.userName,
    });
}
/** Attempts at posting one comment, each after checking that no earlier attempt posted it. */
const COMMENT_ATTEMPTS = 3;
/** A failure after which GitHub may or may not have done the write: a 5xx, or no answer at all. */
function ambiguous(e) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(e);
    return status === null ? !(e instanceof TypeError) : status >= 500;
}
/**
 * Posting a comment is not idempotent: a 502 after GitHub stored it, retried blindly (as the retry plugin
 * would), posts it twice. So the plugin is off for this request, and after an ambiguous failure the
 * issue's comments are read back and this exact text (by this identity) looked for before trying again.
 */
async function commentOnce(opts, issueNumber, body) {
    const { octokit, owner, repo, log } = opts;
    for (let attempt = 1;; attempt++) {
        try {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issueNumber,
                body,
                request: { retries: 0 },
            });
            return data;
        }
        catch (e) {
            if (!ambiguous(e) || attempt >= COMMENT_ATTEMPTS)
                throw e;
            const posted = (await listComments(octokit, owner, repo, [{ number: issueNumber }])).get(issueNumber) ?? [];
            const mine = posted.find((c) => c.body === body && (!opts.self || (0,_evaluate_history_js__WEBPACK_IMPORTED_MODULE_4__/* .sameActor */ .CM)(c.author, opts.self)));
            if (mine)
                return { html_url: '' };
            log.info(`Commenting on issue #${issueNumber} failed (${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e))}) and it is not there; trying again.`);
        }
    }
}
/** A body GitHub accepts whatever the input: the renderers keep under the limit; this is the last guard. */
function capped(body) {
    if (body.length < _report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ISSUE_BODY */ .cS)
        return body;
    const note = '\n\n(cut: the full text is in the JSON report)\n';
    return body.slice(0, _report_issue_body_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ISSUE_BODY */ .cS - note.length - 1) + note;
}
/** Carries out one planned action and counts it in `outcome`; throws what GitHub answers. */
async function applyAction(opts, a, outcome) {
    const { octokit, owner, repo, log } = opts;
    switch (a.kind) {
        case 'create': {
            const data = await createOnce(octokit, owner, repo, { ...a, body: capped(a.body) }, log, opts.self ?? null);
            outcome.opened++;
            touched(outcome, 'opened', a, data);
            log.info(`Opened issue #${data.number} for ${who(a)}.`);
            // The record of when its keys were first reported: the comment's own time, which nobody can back-date.
            await commentOnce(opts, data.number, capped(a.comment));
            break;
        }
        case 'update': {
            const { data } = await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: a.number,
                title: a.title,
                body: capped(a.body),
            });
            outcome.updated++;
            touched(outcome, 'updated', a, data);
            log.info(`Updated issue #${a.number} for ${who(a)}.`);
            break;
        }
        case 'reopen': {
            const { data } = await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: a.number,
                state: 'open',
                title: a.title,
                body: capped(a.body),
            });
            outcome.reopened++;
            touched(outcome, 'reopened', a, data);
            log.info(`Reopened issue #${a.number} for ${who(a)}.`);
            break;
        }
        case 'close': {
            // Comment first (exactly once), then close (idempotent, retried): a close that fails is done again by
            // the next run without a second comment; a close that succeeded always has its comment.
            if (a.comment !== null)
                await commentOnce(opts, a.number, capped(a.comment));
            const { data } = await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: a.number,
                state: 'closed',
                // an accepted exemption is not a fix
                state_reason: a.reason === 'fixed' || a.reason === 'deactivated' ? 'completed' : 'not_planned',
            });
            outcome.closed++;
            touched(outcome, 'closed', a, data);
            log.info(`Closed issue #${a.number} (${a.reason}) for ${who(a)}.`);
            break;
        }
        case 'comment': {
            const data = await commentOnce(opts, a.number, capped(a.comment));
            if (!outcome.issues.some((t) => t.number === a.number)) {
                outcome.updated++;
                touched(outcome, 'updated', a, { number: a.number, html_url: data.html_url });
            }
            log.info(`Commented on issue #${a.number} for ${who(a)} (a record for the audit trail).`);
            break;
        }
        case 'skip':
            break;
    }
}
/** An error that every further write would meet too: a missing permission, disabled issues, the rate limit. */
function stopsEverything(e) {
    if (!isHttpError(e))
        return false;
    return (e.status === 401 ||
        e.status === 403 ||
        e.status === 404 ||
        e.status === 410 ||
        /rate limit/i.test(e.message));
}
/** An outcome with nothing changed yet (a fresh object: the sync counts into it). */
function noIssueChanges(error = null) {
    return { opened: 0, updated: 0, reopened: 0, closed: 0, skipped: 0, error, issues: [] };
}
/**
 * Bring the issues in line with the result. Never throws: a missing permission, disabled issues, an
 * exhausted rate limit or any other error comes back in `error`, with what was done before it, so the
 * reports already written are never lost because of GitHub.
 */
async function syncIssues(opts) {
    const { octokit, owner, repo, result, log } = opts;
    const outcome = noIssueChanges();
    const failed = [];
    try {
        const existing = opts.existing ?? (await listIssues(octokit, owner, repo));
        const actions = planIssueSync(existing, result, {
            extraLabels: opts.extraLabels,
            maxIssues: opts.maxIssues,
            runUrl: opts.runUrl,
            ...(opts.recordAt !== undefined ? { recordAt: opts.recordAt } : {}),
            ...(opts.history ? { history: opts.history } : {}),
            afterDays: opts.afterDays ?? null,
            ...(opts.recognized ? { recognized: opts.recognized } : {}),
        });
        outcome.skipped = actions.filter((a) => a.kind === 'skip').length;
        const firstCreate = actions.find((a) => a.kind === 'create');
        if (firstCreate && firstCreate.kind === 'create') {
            await ensureLabels(octokit, owner, repo, firstCreate.labels);
        }
        for (const a of actions) {
            try {
                await applyAction(opts, a, outcome);
            }
            catch (e) {
                // One issue GitHub refuses (a body it rejects, a 5xx) does not stop the others.
                if (stopsEverything(e))
                    throw e;
                if (!isHttpError(e)) {
                    log.info(`Unexpected error while keeping issues in sync: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
                }
                const what = a.kind === 'create' || a.kind === 'skip' ? a.kind : `${a.kind} #${a.number}`;
                failed.push(`${what} for ${who(a)}: ${describeIssueError(e).replace(`${PREFIX}: `, '')}`);
                log.warning(`Issue sync: ${failed.at(-1)}`);
            }
        }
        if (outcome.skipped > 0) {
            log.info(`${outcome.skipped} violating user(s) got no issue: max-issues (${opts.maxIssues}) new issues per run.`);
        }
        if (failed.length > 0) {
            outcome.error =
                `${PREFIX} for ${failed.length} action(s), the others were done: ${failed.slice(0, 3).join('; ')}` +
                    (failed.length > 3 ? `; and ${failed.length - 3} more (see the log)` : '') +
                    '. The next run tries again.';
        }
    }
    catch (e) {
        if (!isHttpError(e)) {
            log.info(`Unexpected error while keeping issues in sync: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
        }
        outcome.error = describeIssueError(e);
    }
    return outcome;
}


/***/ }),

/***/ 7322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ githubContextFromEnv),
  m: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./src/publish/files.ts + 2 modules
var publish_files = __webpack_require__(2889);
// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
// EXTERNAL MODULE: ./src/evaluate/identity.ts
var identity = __webpack_require__(3697);
;// CONCATENATED MODULE: ./src/publish/code-scanning.ts


/** `aws/123456789012/...` -> `123456789012` when that account is one of `accounts`. */
function accountOf(path, accounts) {
    const m = /^aws\/([^/]+)\//.exec(path);
    return m && accounts.has(m[1]) ? m[1] : null;
}
/** The open alerts under a failed account, one per identity (rule and location), sorted by location. Pure. */
function carriedAlerts(alerts, failedAccountIds) {
    const failed = new Set(failedAccountIds);
    const byIdentity = new Map();
    for (const alert of alerts) {
        const accountId = accountOf(alert.location, failed);
        const id = (0,identity/* alertIdentity */.$q)(alert);
        if (!accountId || byIdentity.has(id))
            continue;
        byIdentity.set(id, {
            ...(alert.ruleId !== undefined ? { ruleId: alert.ruleId } : {}),
            accountId,
            location: alert.location,
            message: alert.message,
        });
    }
    return [...byIdentity.values()].sort((a, b) => a.location < b.location ? -1 : a.location > b.location ? 1 : 0);
}
/** The carried alerts of `failedAccountIds` from a listing, or the warning when it failed. */
function carriedFromListing(listing, failedAccountIds, log) {
    if (failedAccountIds.length === 0)
        return { alerts: [], warning: null };
    if (!listing.ok) {
        const accounts = [...new Set(failedAccountIds)].sort().join(', ');
        return {
            alerts: [],
            warning: `Could not list the open code scanning alerts (${listing.detail}): ${(0,src_notes/* noteText */.gA)(listing.why)}. ` +
                `The alerts of the failed account(s) ${accounts} will show as fixed until their next successful run.`,
        };
    }
    const alerts = carriedAlerts(listing.alerts, failedAccountIds);
    log.info(`Carrying forward ${alerts.length} open code scanning alert(s) of ${new Set(failedAccountIds).size} failed account(s).`);
    return { alerts, warning: null };
}

// EXTERNAL MODULE: ./src/publish/issues.ts
var publish_issues = __webpack_require__(5551);
// EXTERNAL MODULE: ./src/publish/sinks.ts
var publish_sinks = __webpack_require__(3919);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/publish/history.ts



/** Why listing failed, by status: the permission to add, or that code scanning is off. */
function alertListingWhy(status) {
    return status === null
        ? (0,src_notes/* note */.N4) `an unexpected error`
        : status === 403
            ? (0,src_notes/* note */.N4) `the workflow token lacks ${(0,src_notes/* code */.aY)('security-events: read')} (add ${(0,src_notes/* code */.aY)('permissions: security-events: read')}, or ${(0,src_notes/* code */.aY)('write')}, which upload-sarif needs anyway)`
            : status === 404
                ? (0,src_notes/* note */.N4) `code scanning is not enabled or has no analysis of this tool yet`
                : (0,src_notes/* note */.N4) `the GitHub API failed`;
}
/** Lists the open alerts of `toolName` once (paginated). Never throws. */
async function listOpenAlerts(opts) {
    const { octokit, owner, repo, toolName, log } = opts;
    try {
        const items = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, {
            owner,
            repo,
            tool_name: toolName,
            state: 'open',
            per_page: 100,
            ...(opts.ref ? { ref: opts.ref } : {}),
        });
        const alerts = [];
        for (const alert of items) {
            const instance = alert.most_recent_instance;
            const path = instance?.location?.path;
            if (!path)
                continue;
            alerts.push({
                ...(alert.rule?.id ? { ruleId: alert.rule.id } : {}),
                location: path,
                createdAt: alert.created_at,
                message: instance.message?.text ?? '',
            });
        }
        return { ok: true, alerts };
    }
    catch (e) {
        // Any error, not only HTTP ones: the SARIF, JSON and summary must not be lost because of GitHub.
        const status = (0,errors/* httpStatus */.nG)(e);
        if (status === null) {
            log.info(`Unexpected error while listing code scanning alerts: ${(0,markdown/* oneLine */.TN)(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
        }
        const message = (0,markdown/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(e));
        return {
            ok: false,
            status,
            detail: status === null ? message : `HTTP ${status}: ${message}`,
            why: alertListingWhy(status),
        };
    }
}

;// CONCATENATED MODULE: ./src/publish/github-identity.ts


/** Never throws: an identity that cannot be read means no issue or comment counts as evidence. */
async function whoAmI(octokit) {
    try {
        const data = await octokit.graphql('query { viewer { login databaseId } }');
        const login = data.viewer?.login;
        const id = data.viewer?.databaseId;
        if (typeof login !== 'string' || login === '')
            return { ok: false, detail: 'no viewer in the answer' };
        return { ok: true, self: { login, id: typeof id === 'number' ? id : null } };
    }
    catch (e) {
        return { ok: false, detail: (0,markdown/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(e)).slice(0, 300) };
    }
}

// EXTERNAL MODULE: ./src/evaluate/history.ts
var evaluate_history = __webpack_require__(4627);
// EXTERNAL MODULE: ./src/report/issue-body.ts
var issue_body = __webpack_require__(8454);
// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
;// CONCATENATED MODULE: ./src/evaluate/remediation.ts


const DAY_MS = 86_400_000;
/** `firstSeenAt` + the notice period, or null when `firstSeenAt` is unknown. */
function dueAtOf(firstSeenAt, afterDays) {
    if (firstSeenAt === null)
        return null;
    const t = Date.parse(firstSeenAt);
    return Number.isNaN(t) ? null : (0,evaluate/* toIsoSecond */.VE)(t + afterDays * DAY_MS);
}
/** Decides every finding's remediation; see the module comment for the rules. */
function planRemediation(findings, firstSeenAt, settings, asOf) {
    const byLocation = new Map();
    if (settings.mode === 'off')
        return { byLocation, toAct: [], dueCount: 0 };
    const asOfMs = Date.parse(asOf);
    const due = [];
    for (const f of findings) {
        const id = (0,identity/* findingIdentity */.AZ)(f);
        const seen = firstSeenAt.get(id) ?? null;
        const dueAt = dueAtOf(seen, settings.afterDays);
        if (f.exempted) {
            byLocation.set(id, { status: 'skipped', dueAt: null, reason: 'the user is exempted' });
        }
        else if (f.selfCreated === true) {
            byLocation.set(id, {
                status: 'skipped',
                dueAt: null,
                reason: 'the user made this key themself',
            });
        }
        else if (!settings.reasons.includes(f.reason)) {
            byLocation.set(id, {
                status: 'skipped',
                dueAt: null,
                reason: `remediate-reasons (${settings.reasons.join(', ')}) does not include ${f.reason}`,
            });
        }
        else if (f.accessKeyId === null) {
            byLocation.set(id, { status: 'skipped', dueAt: null, reason: 'the access key id is unknown' });
        }
        else if (seen === null || dueAt === null) {
            byLocation.set(id, {
                status: 'not-due',
                dueAt: null,
                reason: 'not reported before this run (or the history was not available): a key is due only ' +
                    `remediate-after-days (${settings.afterDays}) after it was first reported`,
            });
        }
        else if (Date.parse(dueAt) > asOfMs) {
            byLocation.set(id, { status: 'not-due', dueAt, reason: null });
        }
        else {
            due.push({ finding: f, firstSeenMs: Date.parse(seen), dueAt });
        }
    }
    due.sort((a, b) => {
        const [x, y] = [(0,identity/* findingIdentity */.AZ)(a.finding), (0,identity/* findingIdentity */.AZ)(b.finding)];
        return a.firstSeenMs - b.firstSeenMs || (x < y ? -1 : x > y ? 1 : 0);
    });
    const toAct = [];
    for (const d of due) {
        if (toAct.length < settings.max) {
            toAct.push(d.finding);
            byLocation.set((0,identity/* findingIdentity */.AZ)(d.finding), { status: 'planned', dueAt: d.dueAt, reason: null });
        }
        else {
            byLocation.set((0,identity/* findingIdentity */.AZ)(d.finding), {
                status: 'skipped',
                dueAt: d.dueAt,
                reason: `max-remediations (${settings.max}) reached in this run; still due`,
            });
        }
    }
    return { byLocation, toAct, dueCount: due.length };
}
/** The plan with the outcomes of acting (or of the live check under `plan`) laid over it. */
function withOutcomes(plan, outcomes) {
    const out = new Map(plan.byLocation);
    for (const [id, o] of outcomes) {
        const before = out.get(id);
        if (before)
            out.set(id, { ...before, status: o.status, reason: o.reason });
    }
    return out;
}
/**
 * The result as this run's remediation leaves it (docs/design.md §8): every finding carries its remediation; a
 * key this run set Inactive is no longer a finding (not a SARIF result, not counted for `findings` or
 * `fail-on`) and is listed under `remediation.deactivated` instead; under `plan`, the keys that passed the
 * live check are `remediation.planned`.
 */
function applyRemediation(result, mode, plan, remediations, warnings) {
    const findings = [];
    const deactivated = [];
    const planned = [];
    for (const f of result.findings) {
        const remediation = remediations.get((0,identity/* findingIdentity */.AZ)(f)) ?? null;
        const withIt = { ...f, remediation };
        if (remediation?.status === 'deactivated')
            deactivated.push(withIt);
        else
            findings.push(withIt);
        if (mode === 'plan' && remediation?.status === 'planned')
            planned.push(withIt);
    }
    return {
        ...result,
        findings,
        notes: [...result.notes, ...warnings],
        remediation: { mode, keysDue: plan.dueCount, deactivated, planned, warnings: [...warnings] },
    };
}

// EXTERNAL MODULE: ./src/evaluate/rule.ts
var rule = __webpack_require__(5917);
;// CONCATENATED MODULE: ./src/publish/publish.ts















/** The run's one GitHub client, made (and Octokit loaded) when first needed: a run that needs none makes none. */
function gitHub(deps) {
    const context = deps.github;
    if (!context)
        return null;
    let client = null;
    return {
        context,
        octokit() {
            client ??= Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(198)]).then(__webpack_require__.bind(__webpack_require__, 9198)).then(({ createOctokit }) => createOctokit(context.token, { log: deps.log, settings: deps.githubClient }));
            return client;
        },
    };
}
async function publish(audited, config, deps) {
    const github = gitHub(deps);
    // GitHub's history, read once: the open alerts of this tool (which also give the failed accounts'
    // alerts to carry forward) and, with create-issues, the issues (which the sync then reuses).
    const listing = github ? await listAlerts(github, deps) : null;
    const existingIssues = config.createIssues && github ? await readIssues(github, audited) : null;
    const { result: withHistory, view } = withRunHistory(audited, listing, existingIssues);
    for (const n of view.ignored)
        deps.log.warning(`Not counted as evidence: ${(0,src_notes/* notePlain */.n4)(n)}.`);
    deps.stopped?.throwIfAborted();
    const { result: remediated, recognized } = await remediateDueKeys(withHistory, config, deps, view, historyBlock(existingIssues), existingIssues !== null);
    const { result, held: sarifHeld } = holdSarif(keepFailedAccountsAlerts(withDeactivatedResolved(remediated, listing), listing, deps), listing, deps);
    // A file that cannot be written fails the run, but the issues and the other outputs still happen; its
    // output (`sarif-file`, ...) stays empty, so a later step guarded on it does not read a missing file.
    deps.stopped?.throwIfAborted();
    const files = await (0,publish_files/* writeReportFiles */.t4)(result, config, sarifHeld ? new Set(['sarifFile']) : undefined);
    const writeError = files.error?.message ?? null;
    if (writeError === null)
        deps.onFilesWritten?.(result);
    else
        deps.log.warning(writeError);
    deps.stopped?.throwIfAborted();
    const sinks = await (0,publish_sinks/* runSinks */.yl)({
        result,
        config,
        deps,
        github,
        history: { issues: existingIssues, view, recognized },
    });
    const outputs = (0,report_outputs/* buildOutputs */.JZ)(result, { ...files.written, ...sinks, history: historyCounts(result) });
    const { code, reason } = (0,report_outputs/* exitCodeFor */.Rr)(result, config.failOn);
    if (writeError !== null) {
        return { ...sinks, result, outputs, exitCode: 1, verdict: `${writeError}. ${reason}` };
    }
    return { ...sinks, result, outputs, exitCode: code, verdict: reason };
}
/**
 * docs/design.md §8: under `remediate: plan|deactivate`, decide which keys are due
 * (evaluate/remediation.ts), check each again live with the remediation role right before acting and,
 * under `deactivate`, set it Inactive (remediate/deactivate.ts). Also recognises due keys that left the
 * findings Inactive with no record (a lost answer), to record them. Never throws: a denied role is a
 * warning and that account's keys stay.
 */
async function remediateDueKeys(result, config, deps, view, block, issuesRead) {
    const settings = config.remediation;
    if (settings.mode === 'off' || result.mode !== 'live')
        return { result, recognized: [] };
    // A key is due only where its owner was told on its issue (and the deactivation can be recorded there).
    const told = (f) => !issuesRead || view.listed.has((0,evaluate_history/* recordIdOf */.mi)(f));
    const firstSeen = new Map(result.findings.map((f) => [(0,identity/* findingIdentity */.AZ)(f), block || !told(f) ? null : (f.firstSeenAt ?? null)]));
    const planned = planRemediation(result.findings, firstSeen, settings, result.asOf);
    const plan = {
        ...planned,
        byLocation: explainNotDue(planned.byLocation, view, {
            block,
            untold: new Set(result.findings.filter((f) => !told(f)).map(identity/* findingIdentity */.AZ)),
            afterDays: settings.afterDays,
            at: result.generatedAt,
        }),
    };
    const session = deps.session ?? null;
    const warnings = [];
    let outcomes = new Map();
    if (plan.toAct.length > 0 && (session === null || settings.roleName === null)) {
        // Cannot happen in a live run (the session exists and the role is required), but never act blind.
        const why = 'no AWS session for the remediation role';
        warnings.push((0,src_notes/* note */.N4) `Remediation: ${why}; ${plan.toAct.length} due key(s) stay Active.`);
        deps.log.warning((0,src_notes/* notePlain */.n4)(warnings[0]));
        outcomes = new Map(plan.toAct.map((f) => [(0,identity/* findingIdentity */.AZ)(f), { status: 'skipped', reason: why }]));
    }
    else if (plan.toAct.length > 0 && session !== null && settings.roleName !== null) {
        const roleName = settings.roleName;
        // The IAM client loads only when keys are due (an offline run never loads the AWS SDK).
        const { deactivateDueKeys } = await Promise.all(/* import() */[__webpack_require__.e(729), __webpack_require__.e(764), __webpack_require__.e(967), __webpack_require__.e(496)]).then(__webpack_require__.bind(__webpack_require__, 5496));
        const done = await deactivateDueKeys({
            keys: plan.toAct,
            mode: settings.mode,
            roleName,
            assume: (accountId) => session.assumeRoleIn(accountId, roleName),
            region: config.awsRegion,
            unusedDays: result.settings.unusedDays,
            asOf: result.asOf,
            reasons: settings.reasons,
            exemptionTag: result.settings.exemptionTag,
            concurrency: config.concurrency,
            log: deps.log,
            ...(deps.aws ? { aws: deps.aws } : {}),
        });
        warnings.push(...done.warnings);
        outcomes = done.byLocation;
    }
    const recognized = block ? [] : await recognizeLost(result, config, deps, view);
    for (const r of recognized) {
        const w = (0,src_notes/* note */.N4) `Access key ${(0,src_notes/* code */.aY)(r.accessKeyId)} of ${(0,src_notes/* code */.aY)(r.userName)} in account ${(0,src_notes/* code */.aY)(r.accountId)} was due and is Inactive now with no record of the change: recorded as this tool's deactivation (unconfirmed) on its issue, with the command to restore it.`;
        warnings.push(w);
        deps.log.warning((0,src_notes/* notePlain */.n4)(w));
    }
    const remediations = withOutcomes(plan, outcomes);
    const applied = applyRemediation(result, settings.mode, plan, remediations, warnings);
    const n = applied.remediation?.deactivated.length ?? 0;
    deps.log.info(`Remediation (${settings.mode}): ${plan.dueCount} key(s) due, ${plan.toAct.length} checked again` +
        (settings.mode === 'deactivate' ? `, ${n} deactivated.` : ', nothing changed (plan).'));
    return { result: applied, recognized };
}
/** Not-due keys say why: the history could not be trusted this run, or a person restored the key. */
function explainNotDue(byLocation, view, opts) {
    const out = new Map(byLocation);
    for (const [location, r] of byLocation) {
        if (r.status !== 'not-due' || r.dueAt !== null)
            continue;
        const restoredAt = view.restored.get(location);
        if (restoredAt) {
            out.set(location, {
                status: 'not-due',
                dueAt: dueAtOf(opts.at, opts.afterDays),
                reason: `made Active again by a person after this tool deactivated it on ${restoredAt.slice(0, 10)}: ` +
                    `a deliberate decision, so a new notice period of ${opts.afterDays} day(s) starts with this run`,
            });
        }
        else if (opts.block) {
            out.set(location, { ...r, reason: opts.block });
        }
        else if (opts.untold.has(location)) {
            out.set(location, {
                ...r,
                reason: "not yet recorded on its user's issue (a new issue, or one max-issues held back): a key is due only " +
                    `remediate-after-days (${opts.afterDays}) after its owner's issue lists it, where its deactivation is recorded`,
            });
        }
    }
    return out;
}
/** Due keys of the records that left the findings Inactive with no record: a deactivation whose answer was lost. */
async function recognizeLost(result, config, deps, view) {
    const session = deps.session ?? null;
    const asOf = Date.parse(result.asOf);
    const due = view.openElsewhere.filter((k) => {
        const at = dueAtOf(k.since, config.remediation.afterDays);
        return at !== null && Date.parse(at) <= asOf;
    });
    if (due.length === 0 || session === null)
        return [];
    const { findInactive } = await Promise.all(/* import() */[__webpack_require__.e(729), __webpack_require__.e(764), __webpack_require__.e(967), __webpack_require__.e(496)]).then(__webpack_require__.bind(__webpack_require__, 5496));
    const inactive = await findInactive(due.map((k) => ({ accountId: k.accountId, userName: k.userName, accessKeyId: k.keyId })), {
        credentialsFor: (accountId) => session.credentialsFor(accountId),
        region: config.awsRegion,
        concurrency: config.concurrency,
        ...(deps.aws ? { aws: deps.aws } : {}),
    });
    const byId = new Map(due.map((k) => [k.keyId, k]));
    return inactive.map((c) => {
        const k = byId.get(c.accessKeyId);
        return { ...c, ruleId: k.ruleId, location: k.location, issue: k.issue };
    });
}
/** The history and remediation counts of the outputs (docs/design.md §8). */
function historyCounts(result) {
    return {
        newFindings: result.history?.newFindings ?? null,
        resolvedFindings: result.history?.resolvedFindings ?? null,
        keysDue: result.remediation?.keysDue ?? 0,
        keysDeactivated: result.remediation?.deactivated.length ?? 0,
    };
}
async function listAlerts(github, deps) {
    return listOpenAlerts({
        octokit: await github.octokit(),
        owner: github.context.owner,
        repo: github.context.repo,
        toolName: rule/* TOOL_NAME */.lH,
        ref: github.context.ref ?? undefined,
        log: deps.log,
    });
}
/**
 * This tool's issues, the identity this run writes as, and the comments of the issues that matter: the
 * open ones this identity opened, and the closed ones of users reported now (a key back after a fix or a
 * deactivation). Never throws.
 */
async function readIssues(github, audited) {
    const octokit = await github.octokit();
    const { owner, repo } = github.context;
    let issues;
    try {
        issues = await (0,publish_issues/* listIssues */.ts)(octokit, owner, repo);
    }
    catch (err) {
        // The sync then reports this error as its own, instead of waiting for a second failing listing.
        return {
            issues: null,
            tracked: null,
            self: null,
            recordsRead: false,
            notes: [(0,src_notes/* note */.N4) `the issues could not be listed (${(0,markdown/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(err))})`],
            error: (0,publish_issues/* describeIssueError */.RH)(err),
        };
    }
    const notes = [];
    const identity = await whoAmI(octokit);
    const self = identity.ok ? identity.self : null;
    if (self !== null) {
        // an issue of ours whose label someone removed is still ours: its records are not forgotten
        const unlabelled = await (0,publish_issues/* listOwnIssues */.Jz)(octokit, owner, repo, self, issues);
        if (unlabelled.length > 0) {
            notes.push((0,src_notes/* note */.N4) `issue(s) ${(0,src_notes/* code */.aY)(unlabelled.map((i) => `#${i.number}`).join(', '))} lost the ${(0,src_notes/* code */.aY)(publish_issues/* ISSUE_LABEL */.VO)} label; still this tool's (its author and marker say so)`);
            issues = [...issues, ...unlabelled.map((i) => ({ ...i, labels: [...i.labels, publish_issues/* ISSUE_LABEL */.VO] }))];
        }
    }
    if (!identity.ok) {
        notes.push((0,src_notes/* note */.N4) `the identity this workflow writes as could not be read (GraphQL ${(0,src_notes/* code */.aY)('viewer')}: ${identity.detail}), so no issue or comment counts as evidence`);
    }
    const reported = new Set(audited.findings.map((f) => `${f.accountId}\u0000${(0,issue_body/* userKey */.Xh)(f.userArn, f.userName)}`));
    const needed = issues.filter((i) => {
        const m = (0,issue_body/* parseMarker */.gY)(i.body);
        if (!m || self === null || !(0,evaluate_history/* sameActor */.CM)(i.author ?? null, self))
            return false;
        return i.state === 'open' || reported.has(`${m.accountId}\u0000${m.userKey}`);
    });
    let comments = new Map();
    let recordsRead = self !== null;
    try {
        comments = await (0,publish_issues/* listComments */.fg)(octokit, owner, repo, needed);
    }
    catch (err) {
        recordsRead = false;
        notes.push((0,src_notes/* note */.N4) `the issues' record comments could not be read (${(0,markdown/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(err))})`);
    }
    const tracked = issues.map((i) => ({
        number: i.number,
        state: i.state,
        author: i.author ?? null,
        createdAt: i.createdAt ?? '',
        closedAt: i.closedAt ?? null,
        marker: (0,issue_body/* parseMarker */.gY)(i.body),
        comments: comments.get(i.number) ?? null,
    }));
    return { issues, tracked, self, recordsRead, notes, error: null };
}
/** Why no key can be due this run (the records that tell restores and notices apart are unreadable), or null. */
function historyBlock(issues) {
    if (issues === null || (issues.recordsRead && issues.self !== null))
        return null;
    return ("this tool's issue records could not be read this run (see the history notes): no key is due until " +
        'they can be, so that a key a person restored is never deactivated again blind');
}
/** Each finding's record location and firstSeenAt, and what changed (docs/design.md §8), from what GitHub remembers. */
function withRunHistory(result, listing, issues) {
    const notes = [];
    if (listing === null)
        notes.push((0,src_notes/* note */.N4) `no GitHub token or repository`);
    else if (!listing.ok)
        notes.push((0,src_notes/* note */.N4) `the code scanning alerts could not be listed (${listing.detail}): ${listing.why}`);
    notes.push(...(issues?.notes ?? []));
    const view = (0,evaluate_history/* applyHistory */.xu)(result, {
        alerts: listing?.ok ? listing.alerts : null,
        issues: issues?.tracked ?? null,
        self: issues?.self ?? null,
        notes,
    });
    const available = view.newFindings !== null;
    return {
        view,
        result: {
            ...result,
            // Tampering is worth a line: what did not count as evidence, and why.
            notes: [...result.notes, ...view.ignored.map((n) => (0,src_notes/* note */.N4) `Not counted as evidence: ${n}.`)],
            findings: result.findings.map((f) => {
                const location = view.relocated.get((0,identity/* findingIdentity */.AZ)(f)) ?? f.location;
                return {
                    ...f,
                    location,
                    firstSeenAt: view.firstSeenAt.get((0,identity/* identityOf */.cu)(f.ruleId, location)) ?? null,
                    remediation: f.remediation ?? null,
                };
            }),
            history: {
                available,
                newFindings: view.newFindings?.length ?? null,
                resolvedFindings: view.resolvedFindings?.length ?? null,
                notes: view.notes,
                ignored: view.ignored,
            },
        },
    };
}
/**
 * When an account failed and the open alerts could not be listed, its alerts cannot be carried forward:
 * uploading this run's SARIF would close them as fixed. So the action writes no SARIF then (the example
 * workflows upload only a file that was written) and says why. The CLI, which uploads nothing, writes it.
 */
function holdSarif(result, listing, deps) {
    const failed = result.accounts.filter((a) => a.status === 'error');
    if (!deps.uploadsSarif || result.mode !== 'live' || failed.length === 0 || listing?.ok) {
        return { result, held: false };
    }
    const n = (0,src_notes/* note */.N4) `No SARIF was written: ${String(failed.length)} account(s) could not be audited and the open code scanning alerts could not be listed to carry theirs forward, so an upload would close them as fixed. The alerts stay as they are until a run that can list them (${(0,src_notes/* code */.aY)('security-events: read')}).`;
    deps.log.warning((0,src_notes/* notePlain */.n4)(n));
    return { result: { ...result, notes: [...result.notes, n] }, held: true };
}
/** A key this run set Inactive is no longer a finding: its open alert counts as resolved now. */
function withDeactivatedResolved(result, listing) {
    const history = result.history;
    const gone = result.remediation?.deactivated ?? [];
    if (gone.length === 0 || !history || history.resolvedFindings === null || !listing?.ok)
        return result;
    const resolved = history.resolvedFindings + (0,evaluate_history/* resolvedByDeactivation */.tV)(listing.alerts, gone);
    return { ...result, history: { ...history, resolvedFindings: resolved } };
}
/**
 * docs/design.md §4: an account that failed this run must not close its code scanning alerts, so its open alerts
 * are written again (from the run's one alert listing). Without GitHub access that is impossible; the
 * user is told what that means.
 */
function keepFailedAccountsAlerts(result, listing, deps) {
    const failed = result.accounts.filter((a) => a.status === 'error').map((a) => a.accountId);
    if (result.mode !== 'live' || failed.length === 0)
        return result;
    if (!listing) {
        deps.log.warning(`No GitHub token or repository: the open code scanning alerts of the ${failed.length} failed account(s) ` +
            'cannot be carried forward and will show as fixed until the next good run.');
        return result;
    }
    const { alerts, warning } = carriedFromListing(listing, failed, deps.log);
    if (warning)
        deps.log.warning(warning);
    return { ...result, carriedForward: alerts };
}
/** The repository and run this is working for, from the runner's environment. */
function githubContextFromEnv(token, env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!token || !owner || !repo)
        return null;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    return { token, owner, repo, runUrl, ref: env.GITHUB_REF ?? null };
}


/***/ }),

/***/ 3919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gG: () => (/* binding */ sinkOutcomesOf),
/* harmony export */   yl: () => (/* binding */ runSinks)
/* harmony export */ });
/* unused harmony export SINKS */
/* harmony import */ var _inputs_sinks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9793);
/* harmony import */ var _evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1632);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5551);




/** docs/design.md §5: one issue per violating user, kept in sync, with the issues publish() already listed. */
const issues = {
    enabled: ({ config }) => config.createIssues,
    async run({ result, config, deps, github, history }) {
        const listed = history.issues;
        const outcome = listed?.error
            ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .noIssueChanges */ .yd)(listed.error)
            : github === null
                ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .noIssueChanges */ .yd)('create-issues needs a GitHub token and repository (GITHUB_REPOSITORY); issues were not updated.')
                : await (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .syncIssues */ .ce)({
                    octokit: await github.octokit(),
                    owner: github.context.owner,
                    repo: github.context.repo,
                    result,
                    extraLabels: config.issueLabels,
                    maxIssues: config.maxIssues,
                    runUrl: github.context.runUrl,
                    recordAt: (0,_evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .toIsoSecond */ .VE)(Date.parse(result.generatedAt)),
                    history: history.view,
                    afterDays: config.remediation.mode === 'off' ? null : config.remediation.afterDays,
                    recognized: history.recognized,
                    self: listed?.self ?? null,
                    ...(listed?.issues ? { existing: listed.issues } : {}),
                    log: deps.log,
                });
        if (outcome.error)
            deps.log.warning(outcome.error);
        return outcome;
    },
};
/** docs/design.md §9: each account's findings into its own Security Hub, with the audit's session. */
const securityHub = {
    enabled: ({ config, result, deps }) => config.securityHub && result.mode === 'live' && (deps.session ?? null) !== null,
    async run({ result, config, deps, github }) {
        const session = deps.session;
        // The Security Hub client loads only when the import runs (an offline run never loads the AWS SDK).
        const { publishToSecurityHub } = await Promise.all(/* import() */[__webpack_require__.e(729), __webpack_require__.e(200), __webpack_require__.e(967), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 2382));
        return publishToSecurityHub({
            result,
            credentialsFor: (accountId) => session.credentialsFor(accountId),
            roleArnFor: (accountId) => session.roleArnFor(accountId) ?? session.callerArn,
            region: config.securityHubRegion,
            partition: config.partition,
            concurrency: config.concurrency,
            toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x,
            sourceUrl: github?.context.runUrl ?? null,
            log: deps.log,
            ...(deps.aws ? { aws: deps.aws } : {}),
        });
    },
};
/** Every sink, by its key (one for each key of inputs/sinks.ts, or this does not compile). */
const SINKS = { issues, securityHub };
/** Just the sinks' outcomes, by key, of something that holds them (a PublishOutcome). */
function sinkOutcomesOf(from) {
    return Object.fromEntries(_inputs_sinks_js__WEBPACK_IMPORTED_MODULE_0__/* .SINK_DEFINITIONS */ .BX.map((s) => [s.key, from[s.key]]));
}
/** Runs the enabled sinks one after the other, in the order of inputs/sinks.ts; their outcomes by key. */
async function runSinks(ctx) {
    const outcomes = {};
    for (const { key } of _inputs_sinks_js__WEBPACK_IMPORTED_MODULE_0__/* .SINK_DEFINITIONS */ .BX) {
        const sink = SINKS[key];
        outcomes[key] = sink.enabled(ctx) ? await sink.run(ctx) : null;
    }
    return outcomes;
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ describeCreation),
/* harmony export */   Hh: () => (/* binding */ setupGapText),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Od: () => (/* binding */ restoreCommand),
/* harmony export */   Yi: () => (/* binding */ fixCommands),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ay: () => (/* binding */ formatUtc),
/* harmony export */   b8: () => (/* binding */ keyCreatedText),
/* harmony export */   dj: () => (/* binding */ findingSentence),
/* harmony export */   im: () => (/* binding */ formatDay),
/* harmony export */   pt: () => (/* binding */ describeUse),
/* harmony export */   vR: () => (/* binding */ keyCreationNote),
/* harmony export */   vv: () => (/* binding */ reportedText)
/* harmony export */ });
/* unused harmony export keyIdQuery */
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9377);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4462);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);



/** `1 user`, `2 users`: the count with the noun in the right number. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** Quote one argument for POSIX sh; control characters (newlines included) become spaces. */
function shellQuote(s) {
    const clean = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(s);
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(clean))
        return clean;
    return `'${clean.replace(/'/g, `'\\''`)}'`;
}
/**
 * The JMESPath `--query` of `aws iam list-access-keys` that prints the id of the key created in the
 * second of `keyCreatedAt` (ISO 8601). The AWS CLI renders `CreateDate` as `2026-01-02T03:04:05+00:00`
 * (v2's default `cli_timestamp_format`) or as sent, `2026-01-02T03:04:05Z` (v1): matching the second's
 * prefix selects the key under both.
 */
function keyIdQuery(keyCreatedAt) {
    const t = Date.parse(keyCreatedAt);
    const second = Number.isNaN(t) ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(keyCreatedAt) : new Date(t).toISOString().slice(0, 19);
    return `AccessKeyMetadata[?starts_with(CreateDate, '${second.replace(/'/g, '')}')].AccessKeyId`;
}
/**
 * The commands that fix one finding, as lines of a POSIX sh script (comment lines start with `#`):
 * deactivate first (reversible), then delete. Without a key id (offline audits), the key is selected by
 * its creation time (`list-access-keys --query`), so the block can be pasted as it is.
 */
function fixCommands(f) {
    const user = shellQuote(f.userName);
    const lines = [];
    let key;
    if (f.accessKeyId) {
        key = shellQuote(f.accessKeyId);
    }
    else if (f.keyCreatedAt === null) {
        // Nothing in the report tells the key apart (no id, no creation time): list the keys and have the
        // reader set KEY_ID; until it is set, the two commands refuse to run (`${KEY_ID:?...}`).
        key = '"${KEY_ID:?set KEY_ID to the AccessKeyId of the key to remove}"';
        lines.push(`# the report has no creation time for this key (slot ${f.keySlot}) and no key id (offline): list the`, `# user's keys, set KEY_ID to the right AccessKeyId (a live audit names it), then run the rest`, `aws iam list-access-keys --user-name ${user} --output table`, `KEY_ID=''`);
    }
    else {
        key = '"$KEY_ID"';
        lines.push(`# key id not in the report (offline): the key created ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(f.keyCreatedAt)} (slot ${f.keySlot})`, `KEY_ID=$(aws iam list-access-keys --user-name ${user} --query "${keyIdQuery(f.keyCreatedAt)}" --output text)`);
    }
    lines.push(`aws iam update-access-key --user-name ${user} --access-key-id ${key} --status Inactive`, `aws iam delete-access-key --user-name ${user} --access-key-id ${key}`);
    return lines;
}
/** `0 s`, `45 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h`: two units at most. Negative: absolute value. */
function formatDuration(seconds) {
    let s = Math.round(Math.abs(seconds));
    const units = [
        ['d', 86_400],
        ['h', 3_600],
        ['min', 60],
        ['s', 1],
    ];
    const parts = [];
    for (const [name, size] of units) {
        const n = Math.floor(s / size);
        if (n > 0) {
            parts.push(`${n} ${name}`);
            s -= n * size;
        }
        else if (parts.length > 0) {
            break; // adjacent units only: `3 d`, not `3 d 5 min`
        }
        if (parts.length === 2)
            break;
    }
    return parts.length > 0 ? parts.join(' ') : '0 s';
}
/** The key's creation time for a reader: `2024-05-01 10:00:00 UTC`, or `unknown`. */
function keyCreatedText(f) {
    return f.keyCreatedAt === null ? 'unknown' : formatUtc(f.keyCreatedAt);
}
/** The setup gap for a reader: `12 s`, or `unknown` when the key's creation time is. */
function setupGapText(f) {
    return f.setupGapSeconds === null ? 'unknown' : formatDuration(f.setupGapSeconds);
}
/** `2024-05-01 10:00:00 UTC`; anything that is not a date is returned as is. */
function formatUtc(iso) {
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return iso;
    return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
/** `2024-05-01`; anything that is not a date is returned as is. */
function formatDay(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}
/** Whole days from `from` to `to` (floored), or null when either is not a date. */
function daysBetween(from, to) {
    const a = Date.parse(from);
    const b = Date.parse(to);
    if (Number.isNaN(a) || Number.isNaN(b))
        return null;
    return Math.floor((b - a) / 86_400_000);
}
/** `created at user setup (12 s after the user)` or, under `scope: any`, `created 3 d after the user`. */
function describeCreation(f, setupWindowSeconds) {
    if (f.setupGapSeconds === null)
        return 'created at an unknown time (the report has no date for it)';
    // setupGapSeconds is the distance from the user's creation (a key cannot predate its user)
    const gap = formatDuration(f.setupGapSeconds);
    if (f.setupGapSeconds <= setupWindowSeconds)
        return `created at user setup (${gap} after the user)`;
    return `created ${gap} after the user`;
}
/** `never used` or `last used 2024-01-02 (s3, us-east-1), 200 days before 2024-07-20`. */
function describeUse(f, asOf) {
    if (f.reason === 'never-used' || !f.keyLastUsedAt)
        return 'never used';
    const where = [f.keyLastUsedService, f.keyLastUsedRegion].filter((x) => !!x);
    const days = daysBetween(f.keyLastUsedAt, asOf);
    return (`last used ${formatDay(f.keyLastUsedAt)}` +
        (where.length > 0 ? ` (${where.join(', ')})` : '') +
        (days !== null ? `, ${days} days before ${formatDay(asOf)}` : ''));
}
/**
 * A finding as one plain sentence, the description of its Security Hub and OCSF findings: `IAM user alice
 * (ARN) signs in to the console and has an active access key AKIA… (slot 1), created at user setup (…),
 * never used. <the rule's short description>`.
 */
function findingSentence(f, ctx) {
    const key = f.accessKeyId
        ? `access key ${f.accessKeyId} (slot ${f.keySlot})`
        : `access key in slot ${f.keySlot}`;
    const expired = f.exemptionExpired ? ' Its exemption has expired.' : '';
    return (`IAM user ${f.userName} (${f.userArn}) signs in to the console and has an active ${key}, ` +
        `${describeCreation(f, ctx.setupWindowSeconds)}` +
        `${f.keyCreatedAt === null ? '' : ` on ${f.keyCreatedAt}`}, ${describeUse(f, ctx.asOf)}.` +
        `${expired} ${ctx.shortDescription}`);
}
/**
 * How long a key has been reported (docs/design.md §8) and, when remediation applies, its due date:
 * `reported for 12 days · deactivation due 2026-12-15`, `new`; null when the history is unknown.
 */
function reportedText(f, asOf, historyKnown) {
    const parts = [];
    if (f.firstSeenAt) {
        const days = daysBetween(f.firstSeenAt, asOf);
        parts.push(days === null
            ? `reported since ${formatDay(f.firstSeenAt)}`
            : `reported for ${days} ${days === 1 ? 'day' : 'days'}`);
    }
    else if (historyKnown) {
        parts.push('new');
    }
    const r = f.remediation;
    if (r && r.dueAt && r.status !== 'deactivated')
        parts.push(`deactivation due ${formatDay(r.dueAt)}`);
    return parts.length > 0 ? parts.join(' · ') : null;
}
/** IAM's limit for a tag value: a key description is at most this long. */
const MAX_DESCRIPTION = 256;
/**
 * Who made the key and its console description, in one line (docs/design.md §10): "made by
 * `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly
 * export`". The actor and the description are code parts (written by whoever made the call or tagged the
 * user). Null when nothing was looked up (offline).
 */
function keyCreationNote(f) {
    if (f.keyCreation === undefined)
        return null;
    const made = (0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_0__/* .describeKeyCreation */ .ws)(f.keyCreation);
    const d = f.keyDescription;
    return d ? (0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .note */ .N4) `${made} · description: ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(d, MAX_DESCRIPTION))}` : made;
}
/** The command that makes a key this run deactivated Active again. */
function restoreCommand(f) {
    return `aws iam update-access-key --user-name ${shellQuote(f.userName)} --access-key-id ${shellQuote(f.accessKeyId ?? 'KEY_ID')} --status Active`;
}


/***/ }),

/***/ 2245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ iacJson),
/* harmony export */   BT: () => (/* binding */ iacMessage),
/* harmony export */   K5: () => (/* binding */ iacOutputs),
/* harmony export */   L1: () => (/* binding */ iacExitCode),
/* harmony export */   NS: () => (/* binding */ iacSummaryMarkdown),
/* harmony export */   r5: () => (/* binding */ iacSarif)
/* harmony export */ });
/* harmony import */ var _inputs_report_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5121);
/* harmony import */ var _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5917);
/* harmony import */ var _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8029);
/* harmony import */ var _evaluate_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3697);
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(643);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4285);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2011);







const RULE = _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_1__/* .IAC_RULES */ .or[0];
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** `infra/users.tf:12`. */
function at(l) {
    return `${l.file}:${l.line}`;
}
/** What one finding says: the user, the key, the login profile's place, the condition. */
function iacMessage(f) {
    const when = f.condition ? ` ${f.condition}` : '';
    const expired = f.exemption ? ` Its exemption (expires=${f.exemption.expires ?? ''}) has expired.` : '';
    return (`IAM user '${f.userName}'${f.userAddress === f.userName ? '' : ` (${f.userAddress})`} is given an access key (${f.address}) together with ` +
        `its console login profile (${f.loginProfile.address} at ${at(f.loginProfile)})${when}.${expired} ` +
        "Drop the key from the user's creation; create one later, when needed.");
}
function iacResult(f) {
    return {
        ruleId: RULE.id,
        ruleIndex: 0,
        level: 'error',
        kind: 'fail',
        message: { text: (0,_sarif_js__WEBPACK_IMPORTED_MODULE_3__/* .sarifText */ .BC)(iacMessage(f)) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: (0,_sarif_js__WEBPACK_IMPORTED_MODULE_3__/* .toArtifactUri */ .ot)(f.file) },
                    region: { startLine: f.line },
                },
            },
        ],
        // the resource address, not the line: moving the code keeps the alert
        partialFingerprints: { primaryLocationLineHash: (0,_sarif_js__WEBPACK_IMPORTED_MODULE_3__/* .locationFingerprint */ .y$)((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .identityOf */ .cu)(RULE.id, f.address)) },
        properties: { ...f, exempted: false },
    };
}
function iacSarif(run, opts) {
    const semver = /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {};
    const id = (0,_sarif_js__WEBPACK_IMPORTED_MODULE_3__/* .automationId */ .jY)({ shard: null }, opts.category ?? null);
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_6__/* .TOOL_NAME */ .lH,
                        version: opts.toolVersion,
                        ...semver,
                        informationUri: _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_6__/* .TOOL_INFORMATION_URI */ .Rn,
                        rules: [(0,_sarif_js__WEBPACK_IMPORTED_MODULE_3__/* .ruleDescriptor */ .u7)(RULE)],
                    },
                },
                invocations: [{ executionSuccessful: true, endTimeUtc: run.generatedAt }],
                results: run.findings.map(iacResult),
                columnKind: 'utf16CodeUnits',
                ...(id === null ? {} : { automationDetails: { id } }),
                properties: {
                    mode: 'iac',
                    asOf: run.asOf,
                    filesScanned: run.filesScanned,
                    findings: run.findings.length,
                    exempted: run.exempted.length,
                    exemptionsExpired: run.exemptionsExpired,
                },
            },
        ],
    };
}
/** The JSON report of an iac run: the schema's fields (no accounts, no key findings) plus `iacFindings`. */
function iacJson(run) {
    const all = [
        ...run.findings.map((f) => ({ ruleId: RULE.id, ...f, exempted: false })),
        ...run.exempted.map((f) => ({ ruleId: RULE.id, ...f, exempted: true })),
    ];
    const report = {
        schemaVersion: 1,
        mode: 'iac',
        generatedAt: run.generatedAt,
        asOf: run.asOf,
        iac: { patterns: run.patterns, filesScanned: run.filesScanned, notes: run.notes },
        accounts: [],
        findings: [],
        iacFindings: all,
    };
    return `${JSON.stringify(report, null, 2)}\n`;
}
/** `2 console users given an access key at creation in 3 files of code` (`… given 3 access keys …`), or the clean verdict. */
function iacVerdict(run) {
    const users = new Set(run.findings.map((f) => f.userAddress)).size;
    const exempted = run.exempted.length > 0 ? `, ${run.exempted.length} exempted` : '';
    const files = (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(run.filesScanned, 'file');
    if (run.findings.length === 0)
        return `no console user is given an access key at creation in ${files} of code${exempted}`;
    const keys = run.findings.length === users ? 'an access key' : (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(run.findings.length, 'access key');
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(users, 'console user')} given ${keys} at creation in ${files} of code${exempted}`;
}
/** `fail-on`: findings fail with `findings`; an iac run has no account errors. */
function iacExitCode(run, failOn) {
    const verdict = iacVerdict(run);
    if (failOn === 'findings' && run.findings.length > 0)
        return { code: 1, reason: verdict };
    if (run.findings.length > 0)
        return { code: 0, reason: `${verdict} (fail-on is ${failOn}: not failing)` };
    return { code: 0, reason: verdict };
}
/** The job summary of an iac run: the verdict, the table of findings, the exempted, the notes. */
function iacSummaryMarkdown(run, files) {
    const cell = (s) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(s, { inTable: true });
    const out = [`## IAM initial access keys in code`, '', `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(iacVerdict(run))}.**`, ''];
    if (run.findings.length > 0) {
        out.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .markdownTable */ .Qj)(['Where', 'User', 'Key', 'Condition'], run.findings.map((f) => [
            cell(at(f)),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.userName),
            cell(f.address),
            f.condition ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.condition) : 'always',
        ])), '', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(RULE.recommendation), '');
    }
    if (run.exempted.length > 0) {
        out.push('### Exempted', '');
        for (const f of run.exempted)
            out.push(`- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(at(f))} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.userName)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(f.exemption?.justification ?? '')}`);
        out.push('');
    }
    for (const n of run.notes)
        out.push(`> ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(n)}`, '');
    const written = _inputs_report_files_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_FILES */ .JL.flatMap((f) => files[f.key] ? [`${f.label}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(files[f.key])}`] : []);
    out.push(`Files: ${written.join(', ')}.`, '');
    return out.join('\n');
}
/** Exactly the outputs of action.yml: the counts of the scan, the files written, zero for the rest. */
function iacOutputs(run, written) {
    const files = Object.fromEntries(_inputs_report_files_js__WEBPACK_IMPORTED_MODULE_0__/* .REPORT_FILES */ .JL.map((f) => [f.name, written[f.key] ?? '']));
    return {
        findings: String(run.findings.length),
        'violating-users': String(new Set(run.findings.map((f) => f.userAddress)).size),
        exempted: String(run.exempted.length),
        'accounts-audited': '0',
        'accounts-failed': '0',
        ...files,
        'issues-opened': '0',
        'issues-updated': '0',
        'issues-closed': '0',
        'issues-skipped': '0',
        'new-findings': '',
        'resolved-findings': '',
        'keys-due': '0',
        'keys-deactivated': '0',
        'security-hub-imported': '0',
        'security-hub-archived': '0',
    };
}


/***/ }),

/***/ 8454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ restoredComment),
/* harmony export */   U2: () => (/* binding */ sameIssueBody),
/* harmony export */   Xh: () => (/* binding */ userKey),
/* harmony export */   b1: () => (/* binding */ unconfirmedDeactivationComment),
/* harmony export */   cS: () => (/* binding */ MAX_ISSUE_BODY),
/* harmony export */   gY: () => (/* binding */ parseMarker),
/* harmony export */   hY: () => (/* binding */ closingComment),
/* harmony export */   hj: () => (/* binding */ deactivationComment),
/* harmony export */   tY: () => (/* binding */ movedComment),
/* harmony export */   vi: () => (/* binding */ seenComment),
/* harmony export */   yi: () => (/* binding */ renderIssue)
/* harmony export */ });
/* unused harmony exports MAX_ISSUE_TITLE, renderMarker */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5917);
/* harmony import */ var _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8029);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2011);
/**
 * The text of the one GitHub issue kept per violating (account, user) (docs/design.md §5): title, body with
 * the hidden marker that finds it again, and the closing comments. Pure functions of the findings:
 * the same findings give the same text, so a second run changes nothing.
 *
 * Every untrusted string (user names, ARNs, aliases, tag values, regions, services) is escaped: it
 * cannot add Markdown or HTML, link anywhere, @mention anyone or reference an issue.
 */





/** GitHub rejects issue bodies longer than this (characters). */
const MAX_ISSUE_BODY = 65_536;
/** GitHub's limit for issue titles. */
const MAX_ISSUE_TITLE = 256;
const MARKER_PREFIX = '<!-- iam-initial-access-key:';
/** Longest user key kept verbatim in the marker; longer ones (never real ARNs) are hashed. */
const MAX_KEY = 2048;
/** A user name longer than this is no IAM name (limit 64): no command is shown for it. */
const MAX_COMMAND_NAME = 1024;
/** The line that names the run that last changed the body; ignored when bodies are compared. */
const RUN_LINE_PREFIX = '<sub>Last changed by ';
/** The identity of a user in the marker: its ARN, or `sha256:<hex>` of an ARN too long to carry. */
function userKey(userArn, userName = '') {
    const key = userArn || userName;
    if (key.length <= MAX_KEY)
        return key;
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key, 'utf8').digest('hex')}`;
}
/** The hidden first line of the body. Both values are percent-encoded: no name can end the comment. */
function renderMarker(accountId, key) {
    return `${MARKER_PREFIX} account=${encodeURIComponent(accountId)} user=${encodeURIComponent(key)} -->`;
}
/** {@link renderMarker}'s line, built from {@link MARKER_PREFIX} so the two cannot drift apart. */
const MARKER_PATTERN = new RegExp(`^${MARKER_PREFIX.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&')} account=(\\S+) user=(\\S+) -->\\s*$`);
/** The marker of a body this tool wrote (its first line), or null. */
function parseMarker(body) {
    if (!body)
        return null;
    const first = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const m = MARKER_PATTERN.exec(first);
    if (!m)
        return null;
    try {
        const accountId = decodeURIComponent(m[1]);
        const key = decodeURIComponent(m[2]);
        return accountId && key ? { accountId, userKey: key } : null;
    }
    catch {
        return null;
    }
}
/**
 * An identifier (user name, account id) in a title: inline code, which GitHub renders in titles too:
 * it mentions, links and references nothing, and copies (and searches) as the name itself.
 */
function titleCode(s, max) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(s), max));
}
/**
 * What the user has, in the words of the rules of its findings: `an unused access key created at user
 * setup`, or under `scope: any` (where a key may have been created any time) `an unused access key`.
 */
function violation(rules, scope) {
    return rules.map((r) => r.wording.violation(scope)).join(' and ');
}
function renderTitle(group, scope) {
    const title = `IAM user ${titleCode(group.userName, 100)} in account ${titleCode(group.accountId, 20)} ` +
        `has ${violation((0,_evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .rulesOf */ .fD)(group.findings), scope)}`;
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(title, MAX_ISSUE_TITLE);
}
/** Escaped Markdown of an untrusted value, cut to `max` characters first. */
function md(s, max = 256) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(s, max));
}
/** Inline code of an untrusted value (ids, ARNs), for a table cell. */
function code(s, max = 512) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(s, max), { inTable: true });
}
/** A formatted date or duration as is (digits, `-`, `:`, spaces, `UTC`); anything else escaped. */
function when(formatted) {
    return /^[0-9A-Za-z :-]{1,40}$/.test(formatted) ? formatted : md(formatted, 64);
}
function dash(s, f) {
    return s ? f(s) : '—';
}
/** The paragraph of a rule's help that says why it matters (the first line of its text help). */
function whyItMatters(rule) {
    const first = rule.helpText.split('\n', 1)[0] ?? '';
    const prefix = 'Why it matters: ';
    return first.startsWith(prefix) ? first.slice(prefix.length) : rule.fullDescription;
}
/** Who made the key and its description (docs/design.md §10), as a line under the key's; none offline. */
function madeByLines(f) {
    const made = (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .keyCreationNote */ .vR)(f);
    return made ? [`  - ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .noteMarkdown */ .y2)(made)}`] : [];
}
function describeFinding(f) {
    const use = f.reason === 'never-used' || !f.keyLastUsedAt
        ? 'has never been used'
        : `was last used on ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.keyLastUsedAt))}`;
    return (`- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.accessKeyId, 128))})` : ''}, ` +
        (f.setupGapSeconds === null
            ? `created at an unknown time (the report has no date for it), ${use}`
            : `created ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(f.setupGapSeconds)} after the user, ${use}`) +
        (f.exemptionExpired
            ? `; its exemption has expired (justification was: ${dash(f.justification, (j) => md(j, 1000))})`
            : '') +
        // Stable wording (a date, not an age), so the body does not change every night.
        (f.firstSeenAt ? `; first reported on ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.firstSeenAt))}` : '') +
        (f.remediation?.dueAt && f.remediation.status !== 'deactivated'
            ? `; **deactivation due ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.remediation.dueAt))}**`
            : ''));
}
function keyRow(f) {
    return [
        String(f.keySlot),
        dash(f.accessKeyId, (k) => code(k, 128)),
        when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .keyCreatedText */ .b8)(f)),
        when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .setupGapText */ .Hh)(f)),
        f.reason === 'never-used' || !f.keyLastUsedAt ? 'never' : when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.keyLastUsedAt)),
        dash(f.keyLastUsedRegion, (v) => md(v, 64)),
        dash(f.keyLastUsedService, (v) => md(v, 64)),
    ];
}
function fixBlock(findings) {
    const tooLong = findings.some((f) => f.userName.length > MAX_COMMAND_NAME);
    if (tooLong) {
        return ['The user name is too long to show a command for; see the JSON report for the exact values.'];
    }
    const lines = findings.flatMap((f) => (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .fixCommands */ .Yi)(f));
    return [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(lines, 'sh')];
}
function exemptionCommand(userName, tag) {
    const name = userName.length > MAX_COMMAND_NAME ? 'USER' : (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .ZL)(userName);
    return `aws iam tag-user --user-name ${name} --tags ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .ZL)(`Key=${tag},Value="reason; expires=YYYY-MM-DD"`)}`;
}
function safeRunUrl(url) {
    return url && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url) ? url : null;
}
function renderBody(group, opts, shown) {
    const { findings } = group;
    const first = findings[0];
    const accountIn = (inTable) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.accountId, 64), { inTable }) +
        (group.alias ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.alias, 64), { inTable })})` : '');
    const account = accountIn(false);
    const runUrl = safeRunUrl(opts.runUrl);
    const keys = findings.slice(0, shown);
    const rules = (0,_evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .rulesOf */ .fD)(findings);
    const lines = [
        renderMarker(group.accountId, userKey(group.userArn, group.userName)),
        '',
        `## IAM user ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.userName, 256))} has ${violation(rules, opts.scope)}`,
        '',
        `The IAM user ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.userName, 256))} in AWS account ${account} can sign in to the console with a ` +
            `password and has ${findings.length === 1 ? 'an active access key' : `${findings.length} active access keys`} ` +
            'that nobody seems to need:',
        '',
        ...keys.flatMap((f) => [describeFinding(f), ...madeByLines(f)]),
        ...(shown < findings.length ? [`- and ${findings.length - shown} more (see the JSON report)`] : []),
        '',
        '### Evidence',
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Field', 'Value'], [
            ['Account', accountIn(true)],
            ['User', code(group.userName, 256)],
            ['ARN', code(group.userArn)],
            ['User created', first ? when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatUtc */ .ay)(first.userCreatedAt)) : '—'],
            ['Password last used', dash(first?.passwordLastUsedAt ?? null, (v) => when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(v)))],
            ['MFA', first?.mfaActive ? 'active' : 'not active'],
        ]),
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Slot', 'Access key id', 'Key created', 'After the user', 'Last used', 'Region', 'Service'], keys.map(keyRow)),
        ...(shown < findings.length
            ? ['', `${shown} of ${findings.length} keys shown; the JSON report has all of them.`]
            : []),
        '',
        '### Why it matters',
        '',
        // the rules' own text: trusted
        ...rules.flatMap((rule) => [whyItMatters(rule), '', `This is ${rule.cisSummary}.`, '']).slice(0, -1),
        '',
        '### How to fix',
        '',
        'Deactivate the key first (reversible), check that nothing breaks, then delete it:',
        '',
        ...fixBlock(keys),
        '',
        `If the user needs programmatic access later, they can create a key when they need it (see ` +
            `${[...new Set(rules.map((r) => r.helpUri))].map((uri) => `[Managing access keys for IAM users](${uri})`).join(', ')}).`,
        '',
        '### If the key is needed',
        '',
        `Record why with the IAM user tag ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(opts.exemptionTag)}. The next run closes this issue, ` +
            'quoting the justification; after the optional `expires=` day (UTC) the key is reported again:',
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)([exemptionCommand(group.userName, opts.exemptionTag)], 'sh'),
        '',
        '---',
        '',
        `<sub>Kept in sync by ${_evaluate_rule_js__WEBPACK_IMPORTED_MODULE_4__/* .TOOL_NAME */ .lH}: updated when the evidence changes, closed when the key is gone or ` +
            'the user is exempted, reopened if the key is reported again. Keep the first line of this ' +
            'description (a hidden marker) and the `iam-initial-access-key` label.</sub>',
    ];
    if (runUrl)
        lines.push('', `${RUN_LINE_PREFIX}[this workflow run](${runUrl}).</sub>`);
    return lines.join('\n') + '\n';
}
/**
 * Title and body of the issue for one user. Deterministic; the body stays under
 * {@link MAX_ISSUE_BODY} characters (key rows are left out from the end when needed).
 */
function renderIssue(group, opts) {
    const title = renderTitle(group, opts.scope);
    const n = group.findings.length;
    let body = renderBody(group, opts, n);
    if (body.length > MAX_ISSUE_BODY && n > 0) {
        // the largest number of key rows that fits
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (renderBody(group, opts, mid).length <= MAX_ISSUE_BODY)
                lo = mid;
            else
                hi = mid - 1;
        }
        body = renderBody(group, opts, lo);
    }
    return { title, body };
}
/** Bodies equal but for line endings, trailing blanks and the line naming the last run. */
function sameIssueBody(a, b) {
    const norm = (s) => (s ?? '')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .filter((line) => !line.startsWith(RUN_LINE_PREFIX))
        .map((line) => line.trimEnd())
        .join('\n')
        .trim();
    return norm(a) === norm(b);
}
/** A self-created key's line of a closing comment: the key and who made it (docs/design.md §10). */
function selfCreatedLine(f) {
    const made = (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .keyCreationNote */ .vR)(f);
    return (`- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.accessKeyId, 128))})` : ''}` +
        (made ? `: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .noteMarkdown */ .y2)(made)}` : ''));
}
/**
 * The comment posted before an issue is closed; `scope` words the fix like the issue's title. `self-created`
 * (closed like an exemption, as not planned): the user made the keys themselves, so they are not keys
 * provisioned at user setup (docs/design.md §10); `keys` are those keys, each with who made it.
 */
function closingComment(reason, opts) {
    const { justification } = opts;
    if (reason === 'self-created') {
        const one = (opts.keys ?? []).length === 1;
        return [
            `CloudTrail shows that the user made ${one ? 'this key' : 'these keys'} themself, so ` +
                `${one ? 'it is not a key' : 'they are not keys'} provisioned at user setup:`,
            '',
            ...(opts.keys ?? []).map(selfCreatedLine),
            '',
            'Closing; the issue is reopened if a key of this user is reported again.',
        ].join('\n');
    }
    if (reason === 'fixed') {
        // The findings are gone: what the user no longer has, in the words of every rule.
        const key = _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES */ .y0.map((r) => r.wording.resolved(opts.scope)).join(' or ');
        return (`This user no longer has ${key} (the key was deleted, deactivated or used since). Closing; the ` +
            'issue is reopened if the key is reported again.');
    }
    const quoted = justification?.trim()
        ? `> ${md(justification.trim(), 2000)}`
        : '> (no justification recorded)';
    return [
        'This user is now exempted, with this justification:',
        '',
        quoted,
        '',
        'Closing; the issue is reopened if the exemption is removed or expires and the key is still unused.',
    ].join('\n');
}
/**
 * The comment posted on a user's issue when this run set keys of that user Inactive (docs/design.md §8): which
 * keys, when, by which run, how to restore each and how to exempt the user; `closing` when no other key of
 * the user still violates (the issue then closes).
 */
function deactivationComment(group, keys, opts) {
    const runUrl = safeRunUrl(opts.runUrl);
    const by = runUrl ? `[this workflow run](${runUrl})` : 'this workflow run';
    const keyText = (f) => `- the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.accessKeyId, 128))})` : ''}` +
        (f.firstSeenAt ? `, first reported on ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.firstSeenAt))}` : '') +
        (f.remediation?.dueAt ? `, due for deactivation since ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(f.remediation.dueAt))}` : '');
    const long = group.userName.length > MAX_COMMAND_NAME;
    return [
        `${by} set ${keys.length === 1 ? 'this access key' : `these ${keys.length} access keys`} of ` +
            `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.userName, 256))} in AWS account ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(group.accountId, 64))} ` +
            `**Inactive** on ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatUtc */ .ay)(opts.at))} (remediate: deactivate). Nothing was deleted.`,
        '',
        ...keys.map(keyText),
        '',
        'If something still needs a key, make it Active again:',
        '',
        long
            ? 'The user name is too long to show a command for; see the JSON report for the exact values.'
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(keys.map((f) => (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .restoreCommand */ .Od)(f)), 'sh'),
        '',
        `To keep a key on purpose, exempt the user first (tag ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(opts.exemptionTag)} with the ` +
            'justification, or list the user in `exempt-users`), or the next due run deactivates it again:',
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)([exemptionCommand(group.userName, opts.exemptionTag)], 'sh'),
        '',
        opts.closing
            ? 'No other key of this user violates the rule now: closing. The issue is reopened if a key is reported again.'
            : 'Other keys of this user still violate the rule: the issue stays open for them.',
    ].join('\n');
}
/** How a key is named in a record comment: its slot and id, as inline code. */
function keyName(f) {
    return `the access key in slot ${f.keySlot}${f.accessKeyId ? ` (${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.accessKeyId, 128))})` : ''}`;
}
/**
 * The comment that records, for the audit trail, when keys were first reported on this issue (its time is
 * the comment's own, set by GitHub): a key's notice period runs from here.
 */
function seenComment(keys, opts) {
    return [
        opts.reopened
            ? 'Reported again (the issue had been closed); recorded for the audit trail:'
            : 'First reported; recorded for the audit trail:',
        '',
        ...keys.map((f) => `- ${keyName(f)}`),
        ...(opts.afterDays === null
            ? []
            : [
                '',
                `With \`remediate: deactivate\`, a key still unused ${opts.afterDays} day(s) after this comment is set ` +
                    'Inactive (never deleted) unless the user is exempted.',
            ]),
    ].join('\n');
}
/** The comment that records that a person made keys Active again after this tool deactivated them. */
function restoredComment(keys, opts) {
    return [
        'Active again after this tool set it Inactive: taken as a deliberate decision. A new full notice ' +
            `period of ${opts.afterDays} day(s) starts with this comment:`,
        '',
        ...keys.map((f) => {
            const at = opts.deactivatedAt.get(f.location);
            return `- ${keyName(f)}${at ? `, deactivated on ${when((0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDay */ .im)(at))}` : ''}`;
        }),
        '',
        `To keep it for good, exempt the user (tag ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(opts.exemptionTag)} with the justification).`,
    ].join('\n');
}
/** The comment that records that a renamed user's keys stay tracked here (same key ids). */
function movedComment(from, to, keys) {
    return [
        `The user ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(from, 256))} is now ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(to, 256))} (the same access key): ` +
            'this issue follows the key, with its history.',
        '',
        ...keys.map((f) => `- ${keyName(f)}`),
    ].join('\n');
}
/**
 * The comment that records a deactivation whose answer was lost (a 5xx after AWS applied it, or a run
 * stopped while it was in flight): the key was due and is Inactive now, with no record of who did it.
 */
function unconfirmedDeactivationComment(keys, opts) {
    const long = keys.some((k) => k.userName.length > MAX_COMMAND_NAME);
    return [
        'This key was due for deactivation and is **Inactive** now, with no record of the change: most likely ' +
            "this tool's own deactivation, whose answer was lost (unconfirmed). Nothing was deleted.",
        '',
        ...keys.map((k) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(k.accessKeyId, 128))} of ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(k.userName, 256))}`),
        '',
        'If something still needs it, make it Active again:',
        '',
        long
            ? 'The user name is too long to show a command for; see the JSON report for the exact values.'
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(keys.map((k) => `aws iam update-access-key --user-name ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .ZL)(k.userName)} --access-key-id ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .ZL)(k.accessKeyId)} --status Active`), 'sh'),
        '',
        `To keep it on purpose, exempt the user first (tag ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(opts.exemptionTag)}).`,
        '',
        opts.closing
            ? 'No other key of this user violates the rule now: closing.'
            : 'Other keys of this user still violate the rule: the issue stays open for them.',
    ].join('\n');
}


/***/ }),

/***/ 4216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ jsonText)
/* harmony export */ });
/**
 * `JSON.stringify(value, null, 2) + '\n'`, the same text, in chunks of about CHUNK_CHARS: the report
 * files are written as they are rendered, so a 25,000-result SARIF log is never one string (nor a second
 * copy of it with the newline, nor its UTF-8 buffer). Long arrays are written element by element, each
 * element by `JSON.stringify` itself; everything else is left to `JSON.stringify` whole. An array can
 * also stand for elements made only as they are written (`lazy`), so they are never held together.
 */
/** Arrays with more elements than this are written element by element. */
const LONG_ARRAY = 64;
/** The size the chunks are gathered to before they are handed on. */
const CHUNK_CHARS = 64 * 1024;
/** An array or a plain object that `JSON.stringify` would write as such (no `toJSON`). */
function isContainer(value) {
    if (value === null || typeof value !== 'object')
        return false;
    if (Array.isArray(value))
        return true;
    const proto = Object.getPrototypeOf(value);
    return ((proto === Object.prototype || proto === null) &&
        typeof value.toJSON !== 'function');
}
/** True when `value` holds (at any depth) an array to be written element by element. */
function holdsLongArray(value, lazy) {
    if (Array.isArray(value) && (value.length > LONG_ARRAY || lazy.has(value)))
        return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
        if (isContainer(child) && holdsLongArray(child, lazy))
            return true;
    }
    return false;
}
/** What `JSON.stringify` leaves out of an object (and writes as `null` in an array). */
function isSkipped(value) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
/** `value` as `JSON.stringify(value, null, 2)` writes it nested at `indent`. */
function nested(value, indent) {
    const text = JSON.stringify(value, null, 2);
    // JSON text has no raw line breaks inside strings: every `\n` is one of the indentation's.
    return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
function* pieces(value, indent, lazy) {
    if (!isContainer(value) || !holdsLongArray(value, lazy)) {
        yield nested(value, indent);
        return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
        const items = lazy.get(value)?.() ?? value;
        let first = true;
        for (const item of items) {
            yield `${first ? '[' : ','}\n${inner}`;
            first = false;
            if (isSkipped(item))
                yield 'null';
            else
                yield* pieces(item, inner, lazy);
        }
        yield first ? '[]' : `\n${indent}]`;
        return;
    }
    yield '{';
    let first = true;
    for (const [key, item] of Object.entries(value)) {
        if (isSkipped(item))
            continue;
        yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
        first = false;
        yield* pieces(item, inner, lazy);
    }
    yield first ? '}' : `\n${indent}}`;
}
/**
 * `JSON.stringify(value, null, 2) + '\n'` in chunks (their concatenation is exactly that text), with
 * each array of `lazy` (found by identity) written as the elements its function yields.
 */
function* jsonText(value, lazy = new Map()) {
    let chunk = '';
    for (const piece of pieces(value, '', lazy)) {
        chunk += piece;
        if (chunk.length >= CHUNK_CHARS) {
            yield chunk;
            chunk = '';
        }
    }
    yield `${chunk}\n`;
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eg: () => (/* binding */ jsonFinding),
/* harmony export */   gQ: () => (/* binding */ jsonFileText)
/* harmony export */ });
/* unused harmony export jsonAccount */
/* harmony import */ var _evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1632);
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9377);
/* harmony import */ var _json_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4216);



const JSON_SCHEMA_VERSION = 1;
/** Every field of the schema, in the order written (the return types below keep the lists complete). */
const ACCOUNT_FIELDS = [
    'accountId',
    'alias',
    'status',
    'error',
    'hint',
    'errorCode',
    'errorStep',
    'usersScanned',
    'reportGeneratedAt',
    'source',
    'resolvedSinceReport',
    'asOf',
];
const FINDING_FIELDS = [
    'ruleId',
    'accountId',
    'userName',
    'userArn',
    'keySlot',
    'accessKeyId',
    'reason',
    'userCreatedAt',
    'keyCreatedAt',
    'setupGapSeconds',
    'keyLastUsedAt',
    'keyLastUsedService',
    'keyLastUsedRegion',
    'passwordLastUsedAt',
    'mfaActive',
    'exempted',
    'justification',
    'exemptionExpired',
    'location',
];
const KEY_CREATION_FIELDS = [
    'by',
    'self',
    'sameSessionAsUserCreation',
    'via',
    'eventTime',
    'eventId',
    'unknownReason',
];
/** The run's history and remediation of a key (docs/design.md §8): null when unknown or off. */
function historyFields(f) {
    return { firstSeenAt: f.firstSeenAt ?? null, remediation: f.remediation ?? null };
}
/** Who made the key (docs/design.md §10): what the live audit found, or `unknownReason: "offline"`. */
function intentFields(f) {
    return {
        keyCreation: pick(f.keyCreation ?? (0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .unknownKeyCreation */ .TT)(_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .UNKNOWN_REASONS */ .rk.offline), KEY_CREATION_FIELDS),
        keyDescription: f.keyDescription ?? null,
        selfCreated: f.selfCreated ?? false,
    };
}
/** Copies exactly the listed fields, so nothing beyond the schema leaks into a file. */
function pick(value, keys) {
    const out = {};
    for (const k of keys)
        out[k] = value[k];
    return out;
}
function jsonAccount(a) {
    const source = a.source.kind === 'aws' ? 'aws' : a.source.path;
    return pick({ ...a, source }, ACCOUNT_FIELDS);
}
function jsonFinding(f) {
    return { ...pick(f, FINDING_FIELDS), ...historyFields(f), ...intentFields(f) };
}
/** The JSON file's text, in chunks; its findings are copied as they are written (report/json-text.ts). */
function jsonFileText(result) {
    const findings = [];
    const sorted = reportFindings(result);
    return (0,_json_text_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonText */ .s)({ ...jsonReportHead(result), findings }, new Map([[findings, () => copies(sorted)]]));
}
function* copies(findings) {
    for (const f of findings)
        yield jsonFinding(f);
}
/** Keys this run deactivated are no longer findings of the rule, but are listed with their status. */
function reportFindings(result) {
    return (0,_evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .sortFindings */ .Tc)([...result.findings, ...(result.remediation?.deactivated ?? [])]);
}
function jsonReportHead(result) {
    return {
        schemaVersion: JSON_SCHEMA_VERSION,
        generatedAt: result.generatedAt,
        asOf: result.asOf,
        settings: {
            scope: result.settings.scope,
            setupWindowSeconds: result.settings.setupWindowSeconds,
            unusedDays: result.settings.unusedDays,
            exemptionTag: result.settings.exemptionTag,
        },
        accounts: result.accounts.map(jsonAccount),
    };
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Jk: () => (/* binding */ visibleInvisibles),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   iX: () => (/* binding */ markdownTableLine),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   y2: () => (/* binding */ noteMarkdown)
/* harmony export */ });
/**
 * Markdown helpers for untrusted strings (user names, tag values, error messages) in the job summary
 * and the GitHub issue bodies. Whatever goes in comes out as inert text: no HTML, no links, no
 * @mentions, no #references, no table breaks, one line.
 */
/** Zero-width space: breaks `@mentions`, `#references` and autolinks without showing. */
const ZWSP = '\u200b';
/**
 * C0/C1 controls (newlines included), line/paragraph separators, and the bidirectional overrides and
 * isolates that can make text read differently from what it is ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * Characters that show as nothing (or only reorder text): soft hyphen, Arabic letter mark, Mongolian
 * vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and
 * invisible operators, and the BOM (zero-width no-break space).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/**
 * Shows invisible characters of an identifier (user name, ARN, alias) as `\u200e`-style escapes, so
 * `alice` and `ali\u200ece` cannot look the same. Apply to the raw string, before escaping it or
 * putting it in a code span (for display only: SARIF, JSON and shell commands keep the exact name).
 */
function visibleInvisibles(s) {
    return s.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Control characters (newlines included) become spaces. */
function oneLine(s) {
    return s.replace(CONTROL, ' ');
}
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/**
 * ASCII punctuation that Markdown (CommonMark + GFM, GitHub math) may give a meaning to in one line of
 * text; all are backslash-escapable. (`#` is handled with `@`.)
 */
const MD_SPECIAL = new Set('\\`*_{}[]()+-.!|~$'.split(''));
/**
 * Escape an untrusted string for Markdown text (paragraphs, list items, table cells):
 * - HTML is inert (`& < > " '` become entities);
 * - Markdown punctuation is backslash-escaped (no emphasis, links, images, headings, tables, math);
 * - `@` and `#` are followed by a zero-width space, so `@org/team` mentions nobody and `#12` links
 *   (and notifies) no issue; `://`, `www.` and `user@host` can never become an autolink;
 * - newlines and other control characters become spaces.
 */
function escapeMarkdown(s) {
    const text = oneLine(s)
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/www\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
    let out = '';
    for (const ch of text) {
        const entity = ENTITIES[ch];
        if (entity !== undefined)
            out += entity;
        else if (ch === '@' || ch === '#')
            out += `${ch === '#' ? '\\#' : '@'}${ZWSP}`;
        else if (MD_SPECIAL.has(ch))
            out += `\\${ch}`;
        else
            out += ch;
    }
    return out;
}
/**
 * Inline code that shows `s` verbatim: the fence is longer than any backtick run inside, and padded
 * when `s` starts or ends with a backtick. One line. `inTable`: also escape `|`, which GFM would
 * otherwise read as a cell boundary even inside code (it renders as `|`).
 */
function codeSpan(s, opts = {}) {
    // invisible and bidi characters are shown as \uXXXX, so two look-alike names never look the same
    let text = oneLine(visibleInvisibles(s));
    if (text === '')
        text = ' ';
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
    // GFM splits cells before parsing code spans; an odd number of backslashes keeps the pipe escaped.
    if (opts.inTable)
        text = text.replace(/(\\*)\|/g, (_m, b) => `${b}${b}\\|`);
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * A note (src/notes.ts) in Markdown: text parts escaped, code parts as code spans (inert, copied
 * exactly); `inTable` for a table cell.
 */
function noteMarkdown(n, opts = {}) {
    return n.parts.map((p) => ('text' in p ? escapeMarkdown(p.text) : codeSpan(p.code, opts))).join('');
}
/** A fenced code block whose fence is longer than any backtick run in `lines`. */
function codeBlock(lines, info = '') {
    const body = lines.map(oneLine);
    const longest = Math.max(2, ...body.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return [`${fence}${info}`, ...body, fence].join('\n');
}
/**
 * At most `n` characters (UTF-16 code units, never splitting a surrogate pair), ending with `…` when
 * cut. Truncate raw text, then escape it (cutting escaped text could split an entity).
 */
function truncate(s, n) {
    if (s.length <= n)
        return s;
    if (n <= 0)
        return '';
    let cut = s.slice(0, n - 1);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return `${cut}…`;
}
/**
 * A GFM table. Cells must already be safe Markdown (escape them with {@link escapeMarkdown} or
 * {@link codeSpan} with `inTable`); stray newlines become spaces so a cell cannot end the table.
 */
/** One row of a {@link markdownTable}: as many cells as `headers`, each on one line. */
function markdownTableLine(headers, cells) {
    const cell = (s) => (s ?? '').replace(/[\r\n]+/g, ' ').trim() || ' ';
    return `| ${headers.map((_, i) => cell(cells[i])).join(' | ')} |`;
}
function markdownTable(headers, rows, align = []) {
    const line = (cells) => markdownTableLine(headers, cells);
    const sep = headers.map((_, i) => {
        const a = align[i];
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    return [line(headers), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ buildOutputs),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   g7: () => (/* binding */ failingByRule),
/* harmony export */   hG: () => (/* binding */ countResult)
/* harmony export */ });
/* harmony import */ var _inputs_definitions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3775);
/* harmony import */ var _inputs_report_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5121);
/* harmony import */ var _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8029);
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9377);
/* harmony import */ var _inputs_sinks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9793);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2011);
/* harmony import */ var _sinks_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3146);







function countResult(result) {
    const failing = result.findings.filter(_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailing */ .DI);
    const failed = result.accounts.filter((a) => a.status === 'error').length;
    return {
        findings: failing.length,
        violatingUsers: new Set(failing.map((f) => `${f.accountId}\u0000${f.userArn}`)).size,
        exempted: result.findings.filter((f) => f.exempted).length,
        accountsAudited: result.accounts.length - failed,
        accountsFailed: failed,
    };
}
/** Until the pipeline reads GitHub's history: unknown history, nothing due. */
const NO_HISTORY = {
    newFindings: null,
    resolvedFindings: null,
    keysDue: 0,
    keysDeactivated: 0,
};
/** The report files' outputs (`sarif-file`, `json-file`, ...): the paths written, `''` for a file not written. */
function reportFileOutputs(files) {
    return Object.fromEntries(_inputs_report_files_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_FILES */ .JL.map((f) => [f.name, files[f.key] ?? '']));
}
/** Every sink's outputs (report/sinks.ts), from its outcome by its key; a sink that did not run says 0. */
function sinkOutputs(outcomes) {
    // each view reads its own key's outcome: the table's type pairs them, a loop over the keys cannot
    const outputsOf = (key) => _sinks_js__WEBPACK_IMPORTED_MODULE_6__/* .SINK_VIEWS */ .h[key].outputs;
    return Object.assign({}, ..._inputs_sinks_js__WEBPACK_IMPORTED_MODULE_4__/* .SINK_DEFINITIONS */ .BX.map((s) => outputsOf(s.key)(outcomes[s.key] ?? null)));
}
/**
 * Exactly the outputs of action.yml, in its order, as the strings `core.setOutput` takes: the counts, the
 * report files written, each sink's outputs from its outcome (by sink key: `issues`, `securityHub`;
 * absent or null when it did not run), and the history.
 */
function buildOutputs(result, opts) {
    const h = opts.history ?? NO_HISTORY;
    const c = countResult(result);
    const values = {
        findings: String(c.findings),
        'violating-users': String(c.violatingUsers),
        exempted: String(c.exempted),
        'accounts-audited': String(c.accountsAudited),
        'accounts-failed': String(c.accountsFailed),
        ...reportFileOutputs(opts),
        ...sinkOutputs(opts),
        'new-findings': h.newFindings === null ? '' : String(h.newFindings),
        'resolved-findings': h.resolvedFindings === null ? '' : String(h.resolvedFindings),
        'keys-due': String(h.keysDue),
        'keys-deactivated': String(h.keysDeactivated),
    };
    // in action.yml's order (the sinks' outputs are not all together there)
    return Object.fromEntries(_inputs_definitions_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUTS */ .py.map((o) => [o.name, values[o.name]]));
}
/**
 * Whether the step (or the CLI) fails, and a one-line reason saying why or why not:
 * `findings` fails on findings or account errors, `errors` only on account errors, `never` never.
 */
function exitCodeFor(result, failOn) {
    const c = countResult(result);
    const found = `${failingShort(result)} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(c.violatingUsers, 'user')}`;
    const failed = `${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(c.accountsFailed, 'account')} of ${result.accounts.length} could not be audited`;
    const problems = [c.findings > 0 ? found : null, c.accountsFailed > 0 ? failed : null].filter((x) => x !== null);
    if (failOn === 'never') {
        return { code: 0, reason: `fail-on is never${problems.length > 0 ? `: ${problems.join('; ')}` : ''}` };
    }
    if (c.accountsFailed > 0)
        return { code: 1, reason: problems.join('; ') };
    // Nothing audited is no clean bill of health (everything excluded, an empty organization listing),
    // except for a shard of a matrix, whose slice may legitimately be empty.
    if (result.accounts.length === 0 && result.shard === null) {
        return {
            code: 1,
            reason: 'no account was audited: check `accounts`, `organization` and `exclude-accounts`',
        };
    }
    if (failOn === 'findings' && c.findings > 0)
        return { code: 1, reason: found };
    if (c.findings > 0)
        return { code: 0, reason: `${found} (fail-on is errors: not failing)` };
    const exempted = c.exempted > 0 ? `, ${c.exempted} exempted` : '';
    const none = _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES */ .y0.map((r) => r.wording.short(2)).join(' or ');
    return { code: 0, reason: `no ${none} in ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(c.accountsAudited, 'account')}${exempted}` };
}
/** The failing findings (exemptions excluded) per rule that has any, in the registry's order. */
function failingByRule(result) {
    const byRule = new Map();
    for (const f of result.findings)
        if ((0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_3__/* .isFailing */ .DI)(f))
            byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    return _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES */ .y0.filter((r) => byRule.has(r.id)).map((rule) => ({ rule, n: byRule.get(rule.id) ?? 0 }));
}
/** `3 unused access keys`: the failing findings, counted per rule in its short words. */
function failingShort(result) {
    return failingByRule(result)
        .map(({ rule, n }) => `${n} ${rule.wording.short(n)}`)
        .join(', ');
}


/***/ }),

/***/ 643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ sarifText),
/* harmony export */   Xy: () => (/* binding */ sarifFileText),
/* harmony export */   jY: () => (/* binding */ automationId),
/* harmony export */   lL: () => (/* binding */ sarifResultCounts),
/* harmony export */   mH: () => (/* binding */ SARIF_MAX_RESULTS),
/* harmony export */   ot: () => (/* binding */ toArtifactUri),
/* harmony export */   u7: () => (/* binding */ ruleDescriptor),
/* harmony export */   y$: () => (/* binding */ locationFingerprint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9377);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2794);
/* harmony import */ var _json_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4216);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
/* harmony import */ var _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5917);
/* harmony import */ var _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8029);
/* harmony import */ var _evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3697);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2011);
/**
 * SARIF 2.1.0 for GitHub code scanning (docs/design.md §4): one run, every registered rule (always, even with zero
 * results: that is what closes fixed alerts), one result per failing key and rule, exempted keys left
 * out, alerts of failed accounts carried forward, account errors as tool execution notifications.
 */









/** GitHub rejects a run with more results than this. */
const SARIF_MAX_RESULTS = 25_000;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const NOTIFICATION_ACCOUNT_ERROR = 'account-error';
const NOTIFICATION_RESULTS_DROPPED = 'results-dropped';
/** Text of only the characters a URI path keeps as they are (no `%`: an escape must be checked). */
const URI_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
/**
 * Percent-encode what a URI path may not hold (spaces, `<`, `#`, `?`, non-ASCII, …) so the artifact
 * location is a valid relative reference; already valid paths (and `%XX` escapes) are unchanged, so
 * encoding an alert's path read back from GitHub gives the same URI again.
 */
function toArtifactUri(location) {
    // Every location this tool makes is already a valid path (evaluate.ts encodes it): kept as it is.
    const out = URI_CHARS.test(location) ? location : percentEncode(location);
    // A colon in the first segment would read as a scheme.
    const slash = out.indexOf('/');
    const first = slash < 0 ? out : out.slice(0, slash);
    return first.replace(/:/g, '%3A') + (slash < 0 ? '' : out.slice(slash));
}
function percentEncode(location) {
    let out = '';
    const bytes = Buffer.from(location, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        const c = String.fromCharCode(b);
        if (b < 0x80 &&
            (/[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(c) ||
                (c === '%' && /^[0-9A-Fa-f]{2}$/.test(bytes.subarray(i + 1, i + 3).toString('latin1'))))) {
            out += c;
        }
        else {
            out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
        }
    }
    return out;
}
/**
 * `primaryLocationLineHash` for a location: upload-sarif computes it from the file's line contents,
 * which it cannot read for a path outside the repository, so we hash the path itself, formatted like
 * GitHub's (`<16 hex>:<line>`). The same path always gives the same alert. A result's is the hash of its
 * finding's identity (src/evaluate/identity.ts), which is the path itself for the first rule.
 */
function locationFingerprint(path) {
    const hex = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(toArtifactUri(path), 'utf8').digest('hex').slice(0, 16);
    return `${hex}:1`;
}
/**
 * SARIF plain-text messages: one line without control or bidirectional override characters (as in
 * the summary and issues), and `[`/`]` escaped so text cannot form an embedded link.
 */
function sarifText(s) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(s).replace(/[[\]]/g, (m) => `\\${m}`);
}
/**
 * The run's `automationDetails.id` (docs/design.md §4), or null for none. Without a `category` the run has no
 * `automationDetails`: github/codeql-action/upload-sarif then derives the category from the workflow,
 * the job and the matrix values, and its own `category:` input applies (an id in the file would override
 * both, so two uploads in one repository would close each other's alerts). With one: the category with
 * a trailing `/`, plus `K-of-N/` under `shard`.
 */
function automationId(result, category) {
    if (!category)
        return null;
    const s = result.shard;
    return (category.endsWith('/') ? category : `${category}/`) + (s ? `${s.index}-of-${s.total}/` : '');
}
/**
 * A result's evidence: the JSON report's fields of the finding, less what SARIF says elsewhere; who made
 * the key (`keyCreation`, `keyDescription`, `selfCreated`) only where it was looked up (live runs).
 */
function findingEvidence(f) {
    const { exempted: _exempted, location: _location, ruleId: _ruleId, ...evidence } = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonFinding */ .eg)(f);
    if (f.keyCreation !== undefined)
        return evidence;
    const { keyCreation: _kc, keyDescription: _kd, selfCreated: _sc, ...offline } = evidence;
    return offline;
}
/** A rule's SARIF descriptor, from the registry (the account rules' and the iac rule's alike). */
function ruleDescriptor(rule) {
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: rule.shortDescription },
        fullDescription: { text: rule.fullDescription },
        help: { text: rule.helpText, markdown: rule.helpMarkdown },
        helpUri: rule.helpUri,
        defaultConfiguration: { level: 'error' },
        properties: {
            tags: [...rule.tags],
            precision: rule.precision,
            'security-severity': rule.securitySeverity,
            'problem.severity': 'error',
            cis: rule.cis.map((m) => ({ ...m })),
        },
    };
}
/** A result's `ruleId` and `ruleIndex` (its rule's place in `rules[]`, which is the registry's order). */
function ruleRef(rule) {
    return { ruleId: rule.id, ruleIndex: _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES */ .y0.indexOf(rule) };
}
function accountLabel(accountId, alias) {
    return alias ? `${accountId} (${alias})` : accountId;
}
function findingMessage(f, result, alias) {
    const key = f.accessKeyId
        ? `access key ${f.accessKeyId} (slot ${f.keySlot})`
        : `access key in slot ${f.keySlot}`;
    const expired = f.exemptionExpired ? ' Its exemption has expired.' : '';
    return sarifText(`IAM user '${f.userName}' in account ${accountLabel(f.accountId, alias)} has an active ${key}, ` +
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_6__/* .describeCreation */ .BS)(f, result.settings.setupWindowSeconds)}${f.keyCreatedAt === null ? '' : ` on ${f.keyCreatedAt}`}, ` +
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_6__/* .describeUse */ .pt)(f, result.asOf)}.${expired} Delete or deactivate it.`);
}
function physicalLocation(location) {
    return [
        {
            physicalLocation: {
                artifactLocation: { uri: toArtifactUri(location) },
                region: { startLine: 1 },
            },
        },
    ];
}
function findingResult(f, result, alias) {
    return {
        ...ruleRef((0,_evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .ruleOf */ .Y)(f)),
        level: 'error',
        kind: 'fail',
        message: { text: findingMessage(f, result, alias) },
        locations: physicalLocation(f.location),
        partialFingerprints: { primaryLocationLineHash: locationFingerprint((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .findingIdentity */ .AZ)(f)) },
        properties: { ...findingEvidence(f), accountAlias: alias, carriedForward: false },
    };
}
/**
 * An open alert of a failed account, written again. An alert of a rule no longer registered keeps its
 * `ruleId` without a `ruleIndex` (its rule is not in `rules[]`); an alert without a rule id is the first
 * rule's.
 */
function carriedResult(a) {
    const text = a.message.trim() || `Open alert of account ${a.accountId}, which could not be audited this run.`;
    const rule = (0,_evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .ruleById */ .BD)(a.ruleId ?? _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES */ .y0[0].id);
    return {
        ...(rule ? ruleRef(rule) : { ruleId: a.ruleId }),
        level: 'error',
        kind: 'fail',
        message: { text: sarifText(text) },
        locations: physicalLocation(a.location),
        partialFingerprints: { primaryLocationLineHash: locationFingerprint((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .alertIdentity */ .$q)(a)) },
        properties: { accountId: a.accountId, carriedForward: true },
    };
}
/**
 * The results GitHub will see, in order, made one at a time: findings (exempted left out), then
 * carried-forward alerts, the first SARIF_MAX_RESULTS of them.
 */
function* sarifResults(result) {
    const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
    let n = 0;
    for (const f of result.findings) {
        if (!(0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI)(f))
            continue; // exempted, or made by its user
        if (n++ >= SARIF_MAX_RESULTS)
            return;
        yield findingResult(f, result, aliases.get(f.accountId) ?? null);
    }
    for (const a of result.carriedForward) {
        if (n++ >= SARIF_MAX_RESULTS)
            return;
        yield carriedResult(a);
    }
}
/** How many results the SARIF log would hold before the cap, and how many the cap drops. */
function sarifResultCounts(result) {
    const total = result.findings.filter(_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI).length + result.carriedForward.length;
    return { total, dropped: Math.max(0, total - SARIF_MAX_RESULTS) };
}
/** The SARIF file's text, in chunks; its results are made as they are written (report/json-text.ts). */
function sarifFileText(result, opts) {
    const results = [];
    return (0,_json_text_js__WEBPACK_IMPORTED_MODULE_7__/* .jsonText */ .s)(sarifLog(result, opts, results), new Map([[results, () => sarifResults(result)]]));
}
/** The log around `results` (all of them, or the array that stands for them while it is written). */
function sarifLog(result, opts, results) {
    const { total: every, dropped } = sarifResultCounts(result);
    const notifications = [];
    for (const a of result.accounts) {
        if (a.status !== 'error')
            continue;
        const hint = a.hint ? ` ${a.hint}` : '';
        notifications.push({
            level: 'error',
            message: {
                text: sarifText(`Account ${accountLabel(a.accountId, a.alias)} could not be audited: ${a.error ?? 'unknown error'}.${hint}`),
            },
            properties: { kind: NOTIFICATION_ACCOUNT_ERROR, accountId: a.accountId },
        });
    }
    if (dropped > 0) {
        notifications.push({
            level: 'warning',
            message: {
                text: `${dropped} of ${every} results were dropped: GitHub accepts at most ` +
                    `${SARIF_MAX_RESULTS} per run. The JSON report lists every finding.`,
            },
            properties: { kind: NOTIFICATION_RESULTS_DROPPED, dropped },
        });
    }
    const failed = result.accounts.filter((a) => a.status === 'error').length;
    const invocation = {
        executionSuccessful: !(result.accounts.length > 0 && failed === result.accounts.length),
        endTimeUtc: result.generatedAt,
    };
    if (notifications.length > 0)
        invocation.toolExecutionNotifications = notifications;
    const run = {
        tool: {
            driver: {
                name: _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .lH,
                version: opts.toolVersion,
                semanticVersion: /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? opts.toolVersion : undefined,
                informationUri: _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_INFORMATION_URI */ .Rn,
                rules: _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES */ .y0.map(ruleDescriptor),
            },
        },
        invocations: [invocation],
        results,
        columnKind: 'utf16CodeUnits',
        properties: {
            mode: result.mode,
            asOf: result.asOf,
            scope: result.settings.scope,
            setupWindowSeconds: result.settings.setupWindowSeconds,
            unusedDays: result.settings.unusedDays,
            exemptionTag: result.settings.exemptionTag,
            findings: result.findings.filter(_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI).length,
            exempted: result.findings.filter((f) => f.exempted).length,
            exemptionsExpired: result.findings.filter((f) => (0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI)(f) && f.exemptionExpired).length,
            carriedForward: result.carriedForward.length,
            resultsDropped: dropped,
            accountsAudited: result.accounts.length - failed,
            accountsFailed: failed,
            resolvedSinceReport: result.accounts.reduce((n, a) => n + a.resolvedSinceReport, 0),
        },
    };
    if (run.tool.driver.semanticVersion === undefined)
        delete run.tool.driver.semanticVersion;
    const id = automationId(result, opts.category ?? null);
    if (id !== null)
        run.automationDetails = { id };
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}


/***/ }),

/***/ 3146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ SINK_VIEWS)
/* harmony export */ });
/* unused harmony export MAX_ISSUE_LINKS */
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4462);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);



/** Issues listed as links at most; the rest are counted. */
const MAX_ISSUE_LINKS = 20;
/** Security Hub warnings listed at most; the rest are counted (every one is also in the log). */
const MAX_SECURITY_HUB_WARNINGS = 20;
const issues = {
    outputs: (i) => ({
        // A returning violation is news: reopened issues count as opened, not as updated.
        'issues-opened': String((i?.opened ?? 0) + (i?.reopened ?? 0)),
        'issues-updated': String(i?.updated ?? 0),
        'issues-closed': String(i?.closed ?? 0),
        'issues-skipped': String(i?.skipped ?? 0),
    }),
    markdown(i, md) {
        const lines = ['#### Issues', ''];
        lines.push(`Opened ${i.opened}, updated ${i.updated}, reopened ${i.reopened}, closed ${i.closed}.` +
            (i.skipped > 0 ? ` ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(i.skipped, 'issue')} not opened: \`max-issues\` reached.` : ''));
        const listed = i.issues.slice(0, MAX_ISSUE_LINKS);
        if (listed.length > 0) {
            lines.push('', ...listed.map((t) => {
                const ref = md.linkable(t.url) ? `[#${t.number}](${t.url})` : `issue ${t.number}`;
                return `- ${ref} ${t.action}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(t.userName, md.maxName))} in ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(t.accountId)}`;
            }));
            const rest = i.issues.length - listed.length;
            if (rest > 0)
                lines.push(`- _and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(rest, 'more issue')}_`);
        }
        if (i.error) {
            lines.push('', `⚠️ Issues could not be kept in sync: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(i.error, md.maxMessage))}`);
        }
        return lines.join('\n');
    },
    // the terminal's own run prints the sync's warnings as they happen
    terminal: () => null,
};
const securityHub = {
    outputs: (h) => ({
        'security-hub-imported': String(h?.imported ?? 0),
        'security-hub-archived': String(h?.archived ?? 0),
    }),
    markdown(h, md) {
        const lines = [
            '#### AWS Security Hub',
            '',
            `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(h.imported, 'active finding')} imported, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(h.archived, 'finding')} archived` +
                (h.warnings.length > 0 ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(h.warnings.length, 'warning')}.` : '.'),
        ];
        const listed = h.warnings.slice(0, MAX_SECURITY_HUB_WARNINGS);
        if (listed.length > 0) {
            lines.push('', ...listed.map((w) => `- ⚠️ ${md.note(w)}`));
            const rest = h.warnings.length - listed.length;
            if (rest > 0)
                lines.push(`- _and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(rest, 'more warning')} (see the log)_`);
        }
        return lines.join('\n');
    },
    terminal: (h, t) => ({
        title: 'AWS Security Hub',
        body: [
            `  ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(h.imported, 'active finding')} imported, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(h.archived, 'finding')} archived`,
            ...h.warnings.map((w) => `  warning: ${t.plain((0,_notes_js__WEBPACK_IMPORTED_MODULE_2__/* .notePlain */ .n4)(w), t.maxMessage)}`),
        ].join('\n'),
    }),
};
/** Every sink's views, by its key (one for each key of inputs/sinks.ts, or this does not compile). */
const SINK_VIEWS = { issues, securityHub };


/***/ }),

/***/ 6158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ shortError),
/* harmony export */   MG: () => (/* binding */ buildSummaryModel),
/* harmony export */   Oy: () => (/* binding */ MAX_FIX_BLOCKS),
/* harmony export */   h2: () => (/* binding */ MAX_MESSAGE),
/* harmony export */   xu: () => (/* binding */ interruptionText)
/* harmony export */ });
/* unused harmony exports verdictText, codeScanningAlertsUrl */
/* harmony import */ var _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5917);
/* harmony import */ var _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8029);
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9377);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2011);
/* harmony import */ var _inputs_report_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5121);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4462);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4285);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5468);
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(643);
/* harmony import */ var _inputs_sinks_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9793);










/** Keys with fix commands at most; the JSON report has every finding. */
const MAX_FIX_BLOCKS = 50;
/** Longest message (note, error, justification) shown. */
const MAX_MESSAGE = 1_000;
/** Longest message shown in a table cell. */
const MAX_CELL_MESSAGE = 200;
/** The file that has everything (every finding, every account): what a cut table points to. */
const FULL_REPORT = 'jsonFile';
/**
 * The report files as the summary lists them: the full report first, then the others in their order
 * (an optional one only when it is written).
 */
function listedFiles(files) {
    const ordered = [..._inputs_report_files_js__WEBPACK_IMPORTED_MODULE_3__/* .REPORT_FILES */ .JL].sort((a, b) => Number(b.key === FULL_REPORT) - Number(a.key === FULL_REPORT));
    return ordered.flatMap((f) => {
        const path = (0,_inputs_report_files_js__WEBPACK_IMPORTED_MODULE_3__/* .reportPath */ .eG)(files, f.key);
        return path === null ? [] : [{ label: f.label, path }];
    });
}
/** `unused access keys created at user setup`: what no rule found, in every rule's words. */
function noneFound(result) {
    return _evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.map((r) => `${r.wording.state} ${r.wording.subject(2, result.settings.scope)}`).join(' or ');
}
/** `3 access keys created at user setup are unused`: the failing findings, counted per rule. */
function failingCounts(result) {
    return (0,_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .failingByRule */ .g7)(result)
        .map(({ rule, n }) => {
        const scope = result.settings.scope;
        return `${n} ${rule.wording.subject(n, scope)} ${n === 1 ? 'is' : 'are'} ${rule.wording.state}`;
    })
        .join(', ');
}
/** `Unused access keys created at user setup`: the findings table's title, in the words of their rules. */
function findingsTitle(rules, result) {
    return rules
        .map((r) => {
        const phrase = `${r.wording.state} ${r.wording.subject(2, result.settings.scope)}`;
        return phrase.charAt(0).toUpperCase() + phrase.slice(1);
    })
        .join(' · ');
}
/** The verdict without Markdown: `❌ 3 access keys created at user setup are unused — 2 users, …`. */
function verdictText(result, c = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .countResult */ .hG)(result)) {
    const total = result.accounts.length;
    if (c.findings > 0) {
        const accounts = c.accountsFailed > 0
            ? `${c.accountsFailed} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'account')} failed`
            : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'account')} audited`;
        return `❌ ${failingCounts(result)} — ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(c.violatingUsers, 'user')}, ${accounts}`;
    }
    if (c.accountsFailed > 0) {
        if (c.accountsAudited === 0)
            return `❌ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'account')} could not be audited`;
        return (`❌ ${c.accountsFailed} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'account')} could not be audited — ` +
            `no ${noneFound(result)} in the other ${c.accountsAudited}`);
    }
    if (total === 0)
        return '⚠️ No accounts were audited';
    const users = result.accounts.reduce((n, a) => n + a.usersScanned, 0);
    const exempted = c.exempted > 0 ? `, ${c.exempted} exempted` : '';
    return `✅ No ${noneFound(result)} — ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(total, 'account')}, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(users, 'user')} scanned${exempted}`;
}
/** Built from numbers and enums only, but for the as-of time (in case it is not a date). */
function settingsLine(result) {
    const s = result.settings;
    const scope = s.scope === 'at-setup'
        ? `keys created within ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(s.setupWindowSeconds)} of their user`
        : 'any key of a console user';
    const unused = s.unusedDays > 0 ? `never used or unused for over ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.unusedDays, 'day')}` : 'never used';
    const shard = result.shard ? `, shard ${result.shard.index} of ${result.shard.total}` : '';
    return { asOf: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUtc */ .ay)(result.asOf), rest: ` · ${scope} · ${unused} · ${result.mode} audit${shard}` };
}
/** The repository's open code scanning alerts of this tool, as GitHub's alert search writes it. */
function codeScanningAlertsUrl(repository) {
    const tool = /\s/.test(_evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .lH) ? `"${_evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .lH}"` : _evaluate_rule_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .lH;
    const query = `tool:${tool} is:open`.split(' ').map(encodeURIComponent).join('+');
    return `${repository.serverUrl.replace(/\/+$/, '')}/${repository.name}/security/code-scanning?query=${query}`;
}
/**
 * What stopped the run, how far it got, and that the report files (SARIF, JSON) were left as they were:
 * the banner of both summaries.
 */
function interruptionText(i) {
    const progress = i.planned === null
        ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(i.finished, 'account')} finished before it stopped`
        : `${i.finished} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(i.planned, 'account')} finished before it stopped`;
    // The files every run writes (an optional one is not known here).
    const labels = _inputs_report_files_js__WEBPACK_IMPORTED_MODULE_3__/* .REPORT_FILES */ .JL.filter((f) => !('optional' in f)).map((f) => f.label);
    const names = `The ${labels.slice(0, -1).join(', ')}${labels.length > 1 ? ' and ' : ''}${labels.at(-1) ?? ''} files`;
    const files = i.filesWritten
        ? `${names} were written before it stopped.`
        : `${names} were not written (any previous ones are unchanged), so no code scanning alert closes.`;
    return {
        heading: `Audit ${i.reason}: ${i.detail}`,
        body: `${progress}; the results below are incomplete. ${files}`,
    };
}
/** `AccessDenied on AssumeRole`: the short status of a failed account, for tables. */
function shortError(a) {
    if (!a.errorCode)
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(a.error ?? 'error'), MAX_CELL_MESSAGE);
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(a.errorCode) + (a.errorStep ? ` on ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(a.errorStep)}` : '');
}
function perAccount(findings) {
    const m = new Map();
    for (const f of findings) {
        const e = m.get(f.accountId) ?? { findings: 0, exempted: 0 };
        if (f.exempted)
            e.exempted++;
        else if ((0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI)(f))
            e.findings++;
        m.set(f.accountId, e);
    }
    return m;
}
function reportAge(a, generatedAt) {
    if (!a.reportGeneratedAt)
        return null;
    const age = (Date.parse(generatedAt) - Date.parse(a.reportGeneratedAt)) / 1000;
    return Number.isNaN(age)
        ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUtc */ .ay)(a.reportGeneratedAt)
        : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUtc */ .ay)(a.reportGeneratedAt)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(age)} old)`;
}
function findingRow(f, asOf, historyKnown) {
    return {
        finding: f,
        keyCreated: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .keyCreatedText */ .b8)(f),
        setupGap: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .setupGapText */ .Hh)(f),
        use: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .describeUse */ .pt)(f, asOf),
        reported: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .reportedText */ .vv)(f, asOf, historyKnown),
        madeBy: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .keyCreationNote */ .vR)(f),
    };
}
/** `Since earlier runs: 2 new, 1 resolved.`, or why the history was not available. */
function changesText(result) {
    const h = result.history;
    if (!h)
        return null;
    if (!h.available) {
        return (`History not available (${h.notes.map(_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .noteText */ .gA).join('; ')}): how long keys were reported, ` +
            'and which are new or resolved, is unknown.');
    }
    const resolved = h.resolvedFindings === null ? 'resolved unknown' : `${h.resolvedFindings} resolved`;
    const deactivated = result.remediation?.deactivated.length ?? 0;
    return (`Since earlier runs: ${h.newFindings ?? 0} new, ${resolved}` +
        (deactivated > 0 ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(deactivated, 'key')} deactivated by this run` : '') +
        '.');
}
function buildSummaryModel(result, opts) {
    const counts = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .countResult */ .hG)(result);
    const byAccount = perAccount(result.findings);
    const failing = result.findings.filter(_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailing */ .DI);
    const shown = failing.slice(0, MAX_FIX_BLOCKS);
    const historyKnown = result.history?.available ?? false;
    const row = (f) => findingRow(f, result.asOf, historyKnown);
    const failingRows = failing.map(row);
    const exemptedRows = result.findings.filter((f) => f.exempted).map(row);
    const rem = result.remediation;
    return {
        counts,
        verdict: verdictText(result, counts),
        settings: settingsLine(result),
        caveat: result.caveat,
        alertsUrl: opts.repository ? codeScanningAlertsUrl(opts.repository) : null,
        changes: changesText(result),
        showReported: [...failingRows, ...exemptedRows].some((r) => r.reported !== null),
        showMadeBy: failingRows.some((r) => r.madeBy !== null),
        deactivated: (rem?.deactivated ?? []).map((f) => ({ finding: f, restore: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .restoreCommand */ .Od)(f) })),
        wouldDeactivate: rem?.mode === 'plan' ? rem.planned : null,
        mode: result.mode,
        accounts: result.accounts.map((a) => ({
            account: a,
            ...(byAccount.get(a.accountId) ?? { findings: 0, exempted: 0 }),
            resolved: result.mode === 'offline' ? 'n/a' : String(a.resolvedSinceReport),
            reportFile: a.source.kind === 'file' ? a.source.path : null,
            reportAge: reportAge(a, result.generatedAt),
        })),
        findingsTitle: findingsTitle((0,_evaluate_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .rulesOf */ .fD)(failing), result),
        failing: failingRows,
        expired: failing.filter((f) => f.exemptionExpired),
        exempted: exemptedRows,
        selfCreated: result.findings.filter((f) => f.selfCreated === true).map(row),
        fix: failing.length === 0
            ? null
            : {
                exemptionTag: result.settings.exemptionTag,
                total: failing.length,
                blocks: shown.map((f) => ({ finding: f, commands: (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fixCommands */ .Yi)(f) })),
                leftOut: failing.length - shown.length,
            },
        failedAccounts: result.accounts.filter((a) => a.status === 'error'),
        carriedAlerts: result.carriedForward.length,
        sarif: (0,_sarif_js__WEBPACK_IMPORTED_MODULE_6__/* .sarifResultCounts */ .lL)(result),
        notes: [
            ...result.notes,
            ...(result.history?.available ? result.history.notes : []),
            ...(rem?.warnings ?? []),
        ],
        sinks: Object.fromEntries(_inputs_sinks_js__WEBPACK_IMPORTED_MODULE_7__/* .SINK_DEFINITIONS */ .BX.map((s) => [s.key, opts[s.key] ?? null])),
        files: { full: opts[FULL_REPORT], listed: listedFiles(opts) },
    };
}


/***/ }),

/***/ 1454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: stopSignal

// EXTERNAL MODULE: ./src/inputs/report-files.ts
var report_files = __webpack_require__(5121);
// EXTERNAL MODULE: ./src/report/iac.ts
var iac = __webpack_require__(2245);
// EXTERNAL MODULE: ./src/report/json-text.ts
var json_text = __webpack_require__(4216);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/publish/files.ts + 2 modules
var publish_files = __webpack_require__(2889);
;// CONCATENATED MODULE: ./src/publish/iac.ts





async function publishIac(run, config) {
    const files = (0,report_files/* reportFilesOf */.Vh)(config);
    const sarif = (0,iac/* iacSarif */.r5)(run, { toolVersion: version/* VERSION */.x, category: config.category });
    await (0,publish_files/* writeFileAtomic */.Zf)(files.sarifFile, (0,json_text/* jsonText */.s)(sarif, new Map()));
    await (0,publish_files/* writeFileAtomic */.Zf)(files.jsonFile, (0,iac/* iacJson */.AC)(run));
    const written = { sarifFile: files.sarifFile, jsonFile: files.jsonFile };
    const { code, reason } = (0,iac/* iacExitCode */.L1)(run, config.failOn);
    return { written, outputs: (0,iac/* iacOutputs */.K5)(run, written), exitCode: code, verdict: reason };
}

// EXTERNAL MODULE: ./src/inputs/lines.ts
var lines = __webpack_require__(5010);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/inputs/definitions.ts
var definitions = __webpack_require__(3775);
// EXTERNAL MODULE: ./src/inputs/sinks.ts
var inputs_sinks = __webpack_require__(9793);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
;// CONCATENATED MODULE: ./src/inputs/config.ts
/**
 * Inputs (action inputs or CLI flags, as strings) -> one validated, typed Config. Pure: the only
 * outside access is `deps.expandGlob` for `credential-report`. Every mistake is an InputError that
 * names the input, quotes the bad value and says what was expected.
 */







/**
 * How far `as-of` may be from the current time when `remediate` is on (AWS's own request skew): a future
 * as-of would make every key look due and unused, a past one would hide recent use.
 */
const AS_OF_SKEW_MS = 5 * 60_000;
const MAX_QUOTED = 80;
/** Characters a reader cannot see or that reorder the line: controls, format (bidi, zero-width), separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/**
 * The value as JSON, cut to about 80 characters so a pasted blob does not flood the log; invisible
 * characters (a bidi override, a zero-width space) are written as `\uXXXX`, so the message shows them
 * and cannot be reordered by them.
 */
function quote(value) {
    const cut = [...value].length > MAX_QUOTED ? `${[...value].slice(0, MAX_QUOTED).join('')}…` : value;
    return JSON.stringify(cut).replace(INVISIBLE, (ch) => 
    // each UTF-16 unit, as JSON writes a character beyond the BMP
    ch
        .split('')
        .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join(''));
}
function bad(name, value, expected) {
    return new model/* InputError */.d(name, `Input "${name}" is ${quote(value)}: expected ${expected}.`);
}
function badItem(name, item, expected) {
    return new model/* InputError */.d(name, `Input "${name}" contains ${quote(item)}: expected ${expected}.`);
}
/** Items separated by commas or newlines, trimmed, empty ones dropped. */
function splitList(text) {
    return text
        .split(/[,\r\n]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * `exempt-users`: entries separated by commas, whitespace or newlines (whitespace is new, and safe: no IAM
 * name or ARN has any, so a space can only separate), except a comma escaped as `\,`. IAM allows `,` in user
 * names and paths: `ops\,admin` is the one user ops,admin, `ops,admin` the two users ops and admin. The
 * escape stays in the glob, where it is picomatch's own escape of a literal comma (so it also works inside
 * braces: `{ops\,admin,bob}`). An escape rather than "only newlines separate once there are several
 * lines": that rule would silently turn an existing `alice, bob` line into one glob that exempts nobody.
 */
function splitGlobList(text) {
    const globs = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const ch = text[i];
        if (ch === '\\') {
            i++; // an escaped character never separates
            continue;
        }
        if (ch === undefined || ch === ',' || /\s/.test(ch)) {
            if (i > start)
                globs.push(text.slice(start, i));
            start = i + 1;
        }
    }
    return globs;
}
/** The partition of a region: cn-* -> aws-cn, us-gov-* -> aws-us-gov, anything else -> aws. */
function partitionForRegion(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
const DURATION_EXPECTED = 'a duration with a unit (s, m, h or d), e.g. 90s, 10m, 2h, 1d';
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 };
/** 100 years: far beyond any sensible window, well inside safe integers. */
const MAX_DURATION_SECONDS = 36_500 * 86_400;
/**
 * `90s`, `10m`, `2h`, `1d` -> seconds. Throws an Error whose message is the expected form (a bare
 * number is refused, with the hint to say `600s`).
 */
function parseDuration(text) {
    const t = text.trim();
    const m = /^(\d+)(s|m|h|d)$/.exec(t);
    if (!m) {
        if (/^\d+$/.test(t))
            throw new Error(`${DURATION_EXPECTED}; a bare number has no unit: say ${t}s`);
        throw new Error(DURATION_EXPECTED);
    }
    const seconds = Number(m[1]) * UNIT_SECONDS[m[2]];
    if (seconds > MAX_DURATION_SECONDS)
        throw new Error(`${DURATION_EXPECTED}, of at most 36500d`);
    return seconds;
}
// IAM names: letters, digits and +=,.@_-
const IAM_NAME = '[\\w+=,.@-]';
const ROLE_ARN = new RegExp(`^arn:([a-z-]+):iam::(\\d{12}):role/((?:${IAM_NAME}+/)*${IAM_NAME}{1,64})$`);
const ROLE_ARN_EXPECTED = 'an IAM role ARN, arn:PARTITION:iam::ACCOUNT_ID:role/[PATH/]NAME, e.g. arn:aws:iam::111122223333:role/IamAudit';
const ROLE_NAME = new RegExp(`^(?:${IAM_NAME}+/)*${IAM_NAME}{1,64}$`);
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNTS_EXPECTED = '12-digit AWS account ids separated by commas, spaces or newlines, e.g. 111122223333, 444455556666';
// IAM tag keys: letters, digits, spaces and _ . : / = + - @ (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html)
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
function reader(raw) {
    const given = (name) => {
        const v = raw[name]?.trim();
        return v === undefined || v === '' ? undefined : v;
    };
    return {
        given,
        value(name) {
            const v = given(name) ?? (0,definitions/* defaultOf */.HA)(name);
            // Every input read with value() has a default; a missing one is a bug in this file.
            if (v === undefined)
                throw new Error(`input ${name} has no default`);
            return v;
        },
    };
}
function integer(r, name, min, max) {
    const v = r.value(name);
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) {
        throw bad(name, v, `a whole number from ${min} to ${max}`);
    }
    return n;
}
function config_boolean(r, name) {
    const v = r.value(name);
    const lower = v.toLowerCase();
    if (lower === 'true')
        return true;
    if (lower === 'false')
        return false;
    throw bad(name, v, 'true or false');
}
function oneOf(r, name, allowed) {
    const v = r.value(name);
    const found = allowed.find((a) => a === v.toLowerCase());
    if (found === undefined)
        throw bad(name, v, `one of ${allowed.join(', ')}`);
    return found;
}
function accountList(r, name) {
    const v = r.given(name);
    if (v === undefined)
        return [];
    const ids = v.split(/[\s,]+/).filter((s) => s !== '');
    if (ids.length === 0)
        throw bad(name, v, ACCOUNTS_EXPECTED);
    for (const id of ids) {
        if (!ACCOUNT_ID.test(id))
            throw badItem(name, id, ACCOUNTS_EXPECTED);
    }
    return [...new Set(ids)];
}
const REGION_EXPECTED = 'an AWS region code, e.g. us-east-1, eu-west-2, us-gov-west-1';
function region(r) {
    const v = r.value('aws-region');
    if (!REGION.test(v))
        throw bad('aws-region', v, REGION_EXPECTED);
    return v;
}
/** The readers a sink's settings are read with (inputs/sinks.ts), worded like every other input's. */
function settingsReader(r) {
    return {
        given: (name) => r.given(name),
        boolean: (name) => config_boolean(r, name),
        integer: (name, min, max) => integer(r, name, min, max),
        list: (name) => [...new Set(splitList(r.value(name)))],
        region(name) {
            const v = r.given(name);
            if (v !== undefined && !REGION.test(v))
                throw bad(name, v, REGION_EXPECTED);
            return v;
        },
        bad,
        badItem,
    };
}
function roleToAssume(r, partition, awsRegion) {
    const v = r.given('role-to-assume');
    if (v === undefined)
        return null;
    const m = ROLE_ARN.exec(v);
    if (!m || v.length > 2048)
        throw bad('role-to-assume', v, ROLE_ARN_EXPECTED);
    if (m[1] !== partition) {
        throw new model/* InputError */.d('role-to-assume', `Input "role-to-assume" is ${quote(v)}: its partition "${m[1]}" does not match aws-region "${awsRegion}"; ` +
            `expected an ARN of partition ${partition}, arn:${partition}:iam::ACCOUNT_ID:role/NAME (or set aws-region).`);
    }
    return v;
}
function roleSessionName(r) {
    const v = r.value('role-session-name');
    if (!/^[\w+=,.@-]{2,64}$/.test(v)) {
        throw bad('role-session-name', v, '2 to 64 characters of letters, digits and +=,.@_- (no spaces)');
    }
    return v;
}
function iamRoleName(r, name, example) {
    let v = r.given(name);
    if (v === undefined)
        return null;
    const raw = v;
    if (v.startsWith('/'))
        v = v.slice(1);
    if (!ROLE_NAME.test(v) || v.length > 576) {
        throw bad(name, raw, `an IAM role name with an optional path, of letters, digits and +=,.@_- (no spaces), e.g. ${example}`);
    }
    return v;
}
function accountRoleName(r) {
    return iamRoleName(r, 'account-role-name', 'IamAudit or audit/IamAudit');
}
const REASONS = ['never-used', 'unused'];
const REASONS_EXPECTED = 'never-used, or never-used, unused (separated by commas or newlines)';
function remediateReasons(r) {
    const v = r.value('remediate-reasons');
    const items = [...new Set(splitList(v).map((s) => s.toLowerCase()))];
    if (items.length === 0)
        throw bad('remediate-reasons', v, REASONS_EXPECTED);
    for (const item of items) {
        if (!REASONS.includes(item))
            throw badItem('remediate-reasons', item, REASONS_EXPECTED);
    }
    return items;
}
/** docs/design.md §8. Checked after `credential-report`: remediation needs live key ids. */
function remediation(r, ctx) {
    const { offline } = ctx;
    const mode = oneOf(r, 'remediate', ['off', 'plan', 'deactivate']);
    const role = iamRoleName(r, 'remediation-role-name', 'IamKeyRemediation or security/IamKeyRemediation');
    const afterDays = integer(r, 'remediate-after-days', 1, 3650);
    const reasons = remediateReasons(r);
    const max = integer(r, 'max-remediations', 1, 10_000);
    if (mode !== 'off' && offline) {
        throw new model/* InputError */.d('remediate', `Input "remediate" is "${mode}" together with "credential-report": expected remediate: off for an offline audit (a downloaded report has no access key ids, and nothing can be checked or changed without AWS).`);
    }
    if (mode !== 'off' && role === null) {
        throw new model/* InputError */.d('remediation-role-name', `Input "remediation-role-name" is missing: expected the role name (with optional path) to assume in each account with due keys, e.g. IamKeyRemediation; it is required with "remediate: ${mode}".`);
    }
    if (mode !== 'off' && ctx.asOf !== null && Math.abs(ctx.asOf.getTime() - ctx.now) > AS_OF_SKEW_MS) {
        throw new model/* InputError */.d('as-of', `Input "as-of" is ${quote(r.value('as-of'))}, ${ctx.asOf.getTime() > ctx.now ? 'in the future' : 'in the past'}: expected a time within 5 minutes of now (${new Date(ctx.now).toISOString()}), or no as-of, with "remediate: ${mode}" (an as-of away from now would make keys look due and unused that are not).`);
    }
    if (mode === 'deactivate' && !ctx.createIssues) {
        throw new model/* InputError */.d('create-issues', 'Input "create-issues" is false with "remediate: deactivate": expected create-issues: true, because the issues are where the action tells the key\'s owner before acting and records each deactivation and each restore (a key a person made Active again gets a new notice period only if that is recorded).');
    }
    return { mode, roleName: role, afterDays, reasons, max };
}
function shard(r) {
    const v = r.given('shard');
    if (v === undefined)
        return null;
    const expected = 'K/N with whole numbers 1 <= K <= N <= 256, e.g. 1/4 for the first of four shards';
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
    if (!m)
        throw bad('shard', v, expected);
    const index = Number(m[1]);
    const total = Number(m[2]);
    if (!(index >= 1 && index <= total && total <= 256))
        throw bad('shard', v, expected);
    return { index, total };
}
function setupWindow(r) {
    const v = r.value('setup-window');
    try {
        return parseDuration(v);
    }
    catch (e) {
        throw bad('setup-window', v, e.message);
    }
}
const AS_OF_EXPECTED = 'an ISO 8601 date-time with Z or an offset, e.g. 2026-01-31T00:00:00Z or 2026-01-31T09:30:00+02:00 (or a date, 2026-01-31, for midnight UTC)';
function asOf(r) {
    const v = r.given('as-of');
    if (v === undefined)
        return null;
    const d = (0,time/* parseIsoDateTime */.G)(v);
    if (!d)
        throw bad('as-of', v, AS_OF_EXPECTED);
    return d;
}
function exemptionTag(r) {
    const v = r.value('exemption-tag');
    if (!TAG_KEY.test(v) || v.toLowerCase().startsWith('aws:')) {
        throw bad('exemption-tag', v, 'an IAM tag key: 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with aws:');
    }
    return v;
}
const EXEMPT_USERS_EXPECTED = 'globs on user name or ARN separated by commas, spaces or newlines (\\, for a comma in a name), e.g. svc-*, arn:aws:iam::*:user/ci/*, ops\\,admin';
function exemptUsers(r) {
    const v = r.given('exempt-users');
    if (v === undefined)
        return [];
    const globs = [...new Set(splitGlobList(v))];
    for (const g of globs) {
        try {
            picomatch_default().makeRe(g, { strictBrackets: true, windows: false });
        }
        catch (e) {
            throw badItem('exempt-users', g, `${EXEMPT_USERS_EXPECTED} (${e.message})`);
        }
    }
    return globs;
}
function credentialReports(r, raw, deps) {
    const v = r.given('credential-report');
    const rawValue = raw['credential-report'];
    if (v === undefined && rawValue !== undefined && rawValue !== '') {
        // blank lines only: an expression that evaluated to nothing must not turn into a live audit
        throw new model/* InputError */.d('credential-report', `Input "credential-report" is ${quote(rawValue)}, only blank: expected the path or glob of credential report CSV files (one per line), e.g. reports/*.csv; leave the input out for a live audit.`);
    }
    if (v === undefined)
        return [];
    const patterns = (0,lines/* inputLines */.K)(v);
    const files = new Set();
    for (const p of patterns) {
        const found = deps.expandGlob(p);
        if (found.length === 0) {
            throw new model/* InputError */.d('credential-report', `Input "credential-report" is ${quote(p)}: no file matches it; expected the path or glob of credential report CSV files (one per line), e.g. reports/*.csv.`);
        }
        for (const f of found)
            files.add(f);
    }
    return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
function filePath(r, name) {
    const v = r.value(name);
    if (v.endsWith('/') || v.endsWith('\\') || v.includes('\0')) {
        throw bad(name, v, 'a file path, e.g. reports/iam.json');
    }
    return v;
}
/**
 * Every report file's path, in the list's order; two files may not share a path. An optional file
 * without a path is left out (not written).
 */
function reportFiles(r) {
    const files = {};
    const seen = [];
    for (const f of report_files/* REPORT_FILES */.JL) {
        if ('optional' in f && r.given(f.name) === undefined)
            continue;
        const path = filePath(r, f.name);
        const same = seen.find((s) => s.path === path);
        if (same)
            throw bad(f.name, path, `a path different from ${same.name}`);
        seen.push({ name: f.name, path });
        files[f.key] = path;
    }
    return files;
}
/**
 * A code scanning category: GitHub publishes no character rule (upload-sarif appends `/` and uses it as
 * the run's automationDetails.id; the categories it derives itself are `WORKFLOW-PATH:JOB/KEY:VALUE/`), so
 * this is the safe set those are made of: ASCII letters, digits and `- _ . / :`. No spaces, and no control
 * or format character (a bidi override or zero-width space would show one category as another in the
 * code scanning UI). 255 at most: the id also gets a trailing `/` and, under `shard`, `K-of-N/`.
 */
const CATEGORY = /^[A-Za-z0-9_./:-]{1,255}$/;
const CATEGORY_EXPECTED = 'one line of at most 255 ASCII letters, digits and - _ . / : (no spaces, control or format characters), e.g. /iam-audit:org-a';
function category(r) {
    const v = r.given('category');
    if (v === undefined)
        return null;
    if (!CATEGORY.test(v))
        throw bad('category', v, CATEGORY_EXPECTED);
    return v;
}
/**
 * The OIDC audience (the token's `aud`, matched against the IAM OIDC provider's client ids, which AWS
 * allows up to 255 characters): one word of visible ASCII, `sts.amazonaws.com` or a URL-like value. No
 * whitespace, control or format character: it goes into the token request and the trust policy as is.
 */
const AUDIENCE = /^[\x21-\x7e]{1,255}$/;
const AUDIENCE_EXPECTED = 'one word of at most 255 visible ASCII characters (no whitespace, control or format characters), e.g. sts.amazonaws.com or https://github.com/octo-org';
function audience(r) {
    const v = r.value('audience');
    if (!AUDIENCE.test(v))
        throw bad('audience', v, AUDIENCE_EXPECTED);
    return v;
}
/** Offline reports exclude a live audit's inputs and a shard: throws for the first one set. */
function offlineConflicts(r, live) {
    const { roleArn, accounts, organization } = live;
    const conflicting = [
        roleArn !== null ? 'role-to-assume' : null,
        accounts.length > 0 ? 'accounts' : null,
        organization ? 'organization' : null,
    ].filter((x) => x !== null);
    if (live.shard !== null) {
        throw new model/* InputError */.d('shard', `Input "shard" is ${quote(r.value('shard'))} together with "credential-report": expected no shard for offline reports (every matrix job would audit and upload the same findings); audit the reports in one job.`);
    }
    if (conflicting.length > 0) {
        throw new model/* InputError */.d('credential-report', `Input "credential-report" is set together with ${conflicting.map((c) => `"${c}"`).join(' and ')}: expected either downloaded reports (offline, no AWS calls) or a live audit, not both.`);
    }
}
/**
 * The inputs an iac scan (docs/design.md §11) cannot take, each with its value that means "not used" (null: any
 * value conflicts): it reads code, never AWS or GitHub's issues.
 */
const IAC_CONFLICTS = [
    ['credential-report', null],
    ['role-to-assume', null],
    ['accounts', null],
    ['organization', 'false'],
    ['create-issues', 'false'],
    ['remediate', 'off'],
    ['security-hub', 'false'],
    // the OCSF file describes AWS accounts' keys (docs/design.md §12): code has none
    ['ocsf-file', null],
];
/** `iac`: the paths or globs of infrastructure code; checked first, so a conflict stops before any work. */
function iacPatterns(r) {
    const v = r.given('iac');
    if (v === undefined)
        return [];
    const patterns = [...new Set(splitList(v))];
    if (patterns.length === 0) {
        throw new model/* InputError */.d('iac', `Input "iac" is ${quote(v)}, only blank: expected paths or globs of Terraform or CloudFormation files (one per line), e.g. . or infra/**/*.tf; leave the input out to audit AWS.`);
    }
    for (const [name, off] of IAC_CONFLICTS) {
        const given = r.given(name);
        if (given === undefined || given.toLowerCase() === off)
            continue;
        throw new model/* InputError */.d('iac', `Input "iac" is set together with "${name}": expected either a scan of infrastructure code (no AWS calls, no issues, no Security Hub, no remediation, no OCSF file) or an audit of AWS, not both; leave "${name}" out of the iac run.`);
    }
    return patterns;
}
/** Validates every input and returns the Config; throws InputError on the first mistake. */
function parseConfig(raw, deps) {
    const r = reader(raw);
    const iac = iacPatterns(r);
    const awsRegion = region(r);
    const partition = partitionForRegion(awsRegion);
    const roleArn = roleToAssume(r, partition, awsRegion);
    const oidcAudience = audience(r);
    const sessionName = roleSessionName(r);
    const durationSeconds = integer(r, 'role-duration-seconds', 900, 43_200);
    const accounts = accountList(r, 'accounts');
    const roleName = accountRoleName(r);
    const organization = config_boolean(r, 'organization');
    const excludeAccounts = accountList(r, 'exclude-accounts');
    if (accounts.length > 0 && organization) {
        throw new model/* InputError */.d('accounts', 'Input "accounts" is set together with "organization: true": expected one of them, either a list of account ids or the whole organization.');
    }
    if ((accounts.length > 0 || organization) && roleName === null) {
        throw new model/* InputError */.d('account-role-name', `Input "account-role-name" is missing: expected the role name (with optional path) to assume in each account, e.g. IamAudit or audit/IamAudit; it is required with ${organization ? '"organization: true"' : '"accounts"'}.`);
    }
    if (roleName !== null && accounts.length === 0 && !organization) {
        throw new model/* InputError */.d('account-role-name', `Input "account-role-name" is ${quote(roleName)} without "accounts" or "organization: true": expected it only with one of them (it names the role to assume in each listed account); leave it out to audit the signed-in account.`);
    }
    const concurrency = integer(r, 'concurrency', 1, 64);
    const shardValue = shard(r);
    const scope = oneOf(r, 'scope', ['at-setup', 'any']);
    const setupWindowSeconds = setupWindow(r);
    const unusedDays = integer(r, 'unused-days', 0, 36_500);
    const asOfValue = asOf(r);
    const tag = exemptionTag(r);
    const exempt = exemptUsers(r);
    const reports = credentialReports(r, raw, deps);
    if (reports.length > 0)
        offlineConflicts(r, { roleArn, accounts, organization, shard: shardValue });
    const files = reportFiles(r);
    const summary = config_boolean(r, 'summary');
    const failOn = oneOf(r, 'fail-on', ['findings', 'errors', 'never']);
    const sinks = (0,inputs_sinks/* readSinkSettings */.bM)(settingsReader(r), {
        awsRegion,
        partition,
        partitionOf: partitionForRegion,
        offline: reports.length > 0,
    });
    // No default here: the action's default `${{ github.token }}` arrives already expanded.
    const githubToken = r.given('github-token') ?? null;
    if (sinks.createIssues && githubToken === null) {
        throw new model/* InputError */.d('github-token', 'Input "github-token" is empty: expected a token with `issues: write` because "create-issues" is true (the CLI reads GITHUB_TOKEN).');
    }
    const remediationSettings = remediation(r, {
        offline: reports.length > 0,
        createIssues: sinks.createIssues,
        asOf: asOfValue,
        now: (deps.now ?? Date.now)(),
    });
    return {
        roleToAssume: roleArn,
        audience: oidcAudience,
        awsRegion,
        partition,
        roleSessionName: sessionName,
        roleDurationSeconds: durationSeconds,
        accounts,
        accountRoleName: roleName,
        organization,
        excludeAccounts,
        concurrency,
        shard: shardValue,
        rule: { scope, setupWindowSeconds, unusedDays, exemptionTag: tag },
        asOf: asOfValue,
        exemptUsers: exempt,
        credentialReports: reports,
        iac,
        ...files,
        summary,
        failOn,
        ...sinks,
        githubToken,
        category: category(r),
        remediation: remediationSettings,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/inputs/glob.ts
/**
 * The filesystem side of `credential-report`: a path or glob -> the files it names.
 */



function kind(path) {
    try {
        const st = (0,external_node_fs_.statSync)(path);
        return st.isDirectory() ? 'dir' : 'file';
    }
    catch {
        return null;
    }
}
/**
 * Files matching `pattern`, sorted. A path that exists is returned as is, even when it contains
 * glob characters (`reports/[prod].csv`); a directory stands for the `*.csv` files in it. Paths come
 * back relative when the pattern is relative, absolute when it is absolute.
 */
function expandGlob(pattern) {
    const k = kind(pattern);
    if (k === 'file')
        return [pattern];
    if (k === 'dir') {
        return (0,dist/* globSync */.AZ)('*.csv', { cwd: pattern, onlyFiles: true, absolute: (0,external_node_path_.isAbsolute)(pattern) })
            .map((f) => ((0,external_node_path_.isAbsolute)(f) ? f : `${pattern.replace(/[\\/]+$/, '')}/${f}`))
            .sort();
    }
    // tinyglobby wants forward slashes; on Windows a backslash is a separator, not an escape.
    const glob = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
    return (0,dist/* globSync */.AZ)(glob, {
        onlyFiles: true,
        absolute: (0,external_node_path_.isAbsolute)(pattern),
        expandDirectories: false,
        dot: false,
    }).sort();
}

;// CONCATENATED MODULE: ./src/file-kind.ts
/** What a path that is not a regular file is, in words: `a named pipe (FIFO)`, `a device`, `a socket`. */
function specialFileKind(st) {
    return st.isFIFO()
        ? 'a named pipe (FIFO)'
        : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : st.isSocket()
                ? 'a socket'
                : 'not a regular file';
}

;// CONCATENATED MODULE: ./src/inputs/output-files.ts
/**
 * The report files (`sarif-file`, `json-file`, ...) are checked before any AWS call: a run that would end
 * unable to write its results (or writing them over something else) fails at once with one input error
 * naming the input.
 */





function statOrNull(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch {
        return null;
    }
}
/** The file's identity: device and inode when it exists, else its absolute path with the folders resolved. */
function identity(path, cwd) {
    const abs = (0,external_node_path_.resolve)(cwd, path);
    const st = statOrNull(abs);
    if (st)
        return `inode:${st.dev}:${st.ino}`;
    let dir = (0,external_node_path_.dirname)(abs);
    try {
        dir = (0,external_node_fs_.realpathSync)(dir);
    }
    catch {
        // a folder that does not exist yet: the path as written
    }
    return `path:${(0,external_node_path_.resolve)(dir, abs.slice((0,external_node_path_.dirname)(abs).length + 1))}`;
}
function output_files_bad(input, value, problem) {
    return new model/* InputError */.d(input, `Input "${input}" is ${JSON.stringify(value)}: ${problem}; expected the path of a regular file in a writable folder (not under /proc, /sys or /dev), e.g. reports/iam.json.`);
}
/** What an existing path that is not a regular file is, in words. */
function notRegular(st) {
    if (st.isDirectory())
        return 'it is a directory';
    const kind = specialFileKind(st);
    return kind === 'not a regular file' ? 'it is not a regular file' : `it is ${kind}, not a regular file`;
}
/**
 * Linux's pseudo file systems (statfs f_type, from linux/magic.h): their "files" are the kernel's
 * interfaces, not storage. Writing a report there could block, spin, fail late (after the whole audit,
 * and its AWS calls), or change the system (a new folder under cgroup is a new cgroup).
 */
const PSEUDO_FILE_SYSTEMS = new Map([
    [0x9fa0, 'proc'],
    [0x62656572, 'sysfs'],
    [0x1cd1, 'devpts'],
    [0x27e0eb, 'cgroup'],
    [0x63677270, 'cgroup2'],
    [0x64626720, 'debugfs'],
    [0x74726163, 'tracefs'],
    [0x73636673, 'securityfs'],
    [0xcafe4a11, 'bpf'],
    [0x62656570, 'configfs'],
    [0x6165676c, 'pstore'],
    [0xde5e81e4, 'efivarfs'],
    [0x19800202, 'mqueue'],
    [0x65735543, 'fusectl'],
    [0x42494e4d, 'binfmt_misc'],
    [0x6e736673, 'nsfs'],
    [0xf97cff8c, 'selinuxfs'],
    [0x43415d53, 'smackfs'],
    [0x958458f6, 'hugetlbfs'],
    [0x7655821, 'resctrl'],
]);
/**
 * The special file system `path` (an existing path) is on, or null. Linux only: elsewhere f_type means
 * other things, and an existing device or pipe is already refused by its own stat. /dev is devtmpfs,
 * which statfs cannot tell from a tmpfs: it is named by its path (/dev/shm, a tmpfs for files, is fine).
 */
function specialFileSystem(path) {
    if (process.platform !== 'linux')
        return null;
    let real;
    let type;
    try {
        real = (0,external_node_fs_.realpathSync)(path);
        type = (0,external_node_fs_.statfsSync)(real).type >>> 0;
    }
    catch {
        return null; // unreadable: the writability test below says so
    }
    const pseudo = PSEUDO_FILE_SYSTEMS.get(type);
    if (pseudo !== undefined)
        return pseudo;
    if ((real === '/dev' || real.startsWith('/dev/')) && !/^\/dev\/shm(\/|$)/.test(real))
        return 'devtmpfs';
    return null;
}
/** Throws an InputError for the first output path that cannot (or must not) be written. */
function checkOutputFiles(config, opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const env = opts.env ?? process.env;
    const others = new Map();
    for (const report of config.credentialReports)
        others.set(identity(report, cwd), `the credential report ${report}`);
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
        const v = env[name];
        if (v)
            others.set(identity(v, cwd), `the runner's $${name} file`);
    }
    for (const { name: input, key } of report_files/* REPORT_FILES */.JL) {
        const value = (0,report_files/* reportPath */.eG)(config, key);
        if (value === null)
            continue; // an optional file that is not written
        const abs = (0,external_node_path_.resolve)(cwd, value);
        const st = statOrNull(abs);
        if (st && !st.isFile())
            throw output_files_bad(input, value, notRegular(st));
        const id = identity(value, cwd);
        const clash = others.get(id);
        if (clash)
            throw output_files_bad(input, value, `it is ${clash}`);
        others.set(id, `the same file as "${input}"`);
        // the nearest existing folder must be a writable folder, of an ordinary file system
        let dir = (0,external_node_path_.dirname)(abs);
        let dst = statOrNull(dir);
        while (!dst && (0,external_node_path_.dirname)(dir) !== dir) {
            dir = (0,external_node_path_.dirname)(dir);
            dst = statOrNull(dir);
        }
        const special = specialFileSystem(st ? abs : dir);
        if (special !== null)
            throw output_files_bad(input, value, `it is on a special file system (${special})`);
        if (dst && !dst.isDirectory())
            throw output_files_bad(input, value, `${dir} is a file, not a folder`);
        try {
            (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
            if (st)
                (0,external_node_fs_.accessSync)(abs, external_node_fs_.constants.W_OK);
        }
        catch {
            throw output_files_bad(input, value, `the folder ${dir} is not writable`);
        }
    }
}

// EXTERNAL MODULE: ./src/collect/pool.ts
var pool = __webpack_require__(6990);
// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/collect/parse.ts
var parse = __webpack_require__(7833);
;// CONCATENATED MODULE: ./src/collect/report-file.ts
/**
 * Reading a downloaded credential report file (offline mode): refuse what is no regular file or too
 * large, stream-parse it row by row, and say what went wrong in the words of a file. Facts only:
 * audit/offline.ts decides, row by row.
 */






/** A report file's problem found before opening it: not a regular file, or too large. */
class FileRefused extends errors/* AuditError */.M_ {
    constructor(message, hint) {
        super('FileRefused', message, { code: 'not a regular file', hint });
    }
}
/**
 * Refuses, before opening, what is not a regular file (a FIFO or a device would block or never end)
 * and a file over the size cap (it would be held row by row, but is no credential report).
 */
async function checkFile(path, maxBytes) {
    const st = await (0,promises_.stat)(path);
    if (st.isDirectory())
        return; // the read names it (EISDIR)
    if (!st.isFile()) {
        const kind = specialFileKind(st);
        throw new FileRefused(`${path}: is ${kind}, not a regular file: the credential report must be a file`, 'Check the credential-report path; download the report to a file first.');
    }
    if (st.size > maxBytes) {
        throw new FileRefused(`${path}: ${(0,parse/* tooLargeDetail */.X7)(st.size, maxBytes)}`, 'Check the credential-report path.');
    }
}
const REDOWNLOAD_HINT = 'Download the report again (IAM console > Credential report > Download, or `aws iam get-credential-report --query Content --output text | base64 -d > report.csv`)';
/** A 12-digit number in the file name (e.g. `123456789012-credential-report.csv`), else null. */
function accountIdFromFileName(path) {
    const m = /(?<!\d)(\d{12})(?!\d)/.exec((0,external_node_path_.basename)(path));
    return m ? m[1] : null;
}
/** A report file's error: the one-line message, its hint, and its code in a word (`no such file`). */
function describeFileError(path, err) {
    if (err instanceof parse/* ReportError */.$g) {
        return { error: err.message, hint: REDOWNLOAD_HINT, code: 'not a valid credential report' };
    }
    if (err instanceof FileRefused)
        return { error: err.message, hint: err.hint ?? '', code: err.code };
    const e = err;
    const what = (0,errors/* errorMessage */.gJ)(err);
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
async function readReportFile(path, onUser, maxReportBytes = parse/* MAX_REPORT_BYTES */.WA) {
    await checkFile(path, maxReportBytes);
    return (0,parse/* readCredentialReport */.GH)((0,external_node_fs_.createReadStream)(path), path, onUser);
}

// EXTERNAL MODULE: ./src/evaluate/exemptions.ts
var exemptions = __webpack_require__(2171);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
// EXTERNAL MODULE: ./src/audit/result.ts
var result = __webpack_require__(7974);
;// CONCATENATED MODULE: ./src/audit/offline.ts





/** One warning per report row that could not be read, naming the report and its line. */
function unreadableNotes(report, source, accountId) {
    const who = accountId ? `Account ${accountId}: ` : '';
    return report.unreadable.map((u) => (0,src_notes/* note */.N4) `${who}${(0,src_notes/* code */.aY)(source)} line ${u.line} could not be read: ${u.detail}.`);
}
/**
 * Audits one credential report file. Never throws: an unreadable or malformed file becomes an account
 * with `status: 'error'` and the message naming the file, line and column.
 */
async function auditReportFile(path, opts) {
    const asOfMs = opts.asOf.getTime();
    const known = { source: (0,result/* fileSource */.IO)(path), asOf: (0,evaluate/* toIsoSecond */.VE)(asOfMs) };
    const evaluation = new evaluate/* ReportEvaluation */.nz(opts.rule, asOfMs);
    let report;
    try {
        report = await readReportFile(path, (user, accountId) => evaluation.add(accountId, user), opts.maxReportBytes);
    }
    catch (err) {
        const account = (0,result/* failedAccount */.b4)({
            ...known,
            accountId: accountIdFromFileName(path),
            ...describeFileError(path, err),
            step: null,
        });
        return { account, findings: [] };
    }
    const accountId = report.accountId ?? accountIdFromFileName(path);
    const findings = (0,exemptions/* applyExemptions */.rY)(evaluation.findings(), {
        exemptUsers: opts.exemptUsers,
        tags: null,
        exemptionTag: opts.rule.exemptionTag,
        asOf: asOfMs,
    });
    return {
        account: (0,result/* okAccount */.SB)({
            ...known,
            accountId,
            usersScanned: evaluation.usersScanned,
            resolvedSinceReport: 0,
        }),
        findings,
        notes: unreadableNotes(report, path, accountId ?? result/* UNKNOWN_ACCOUNT_ID */.j8),
    };
}

;// CONCATENATED MODULE: ./src/audit/audit.ts




/** docs/design.md §4's offline caveat, the one text of it: every offline result has it, the summary shows it first. */
const OFFLINE_CAVEAT = (0,src_notes/* note */.N4) `Offline audit of a downloaded credential report: IAM tags (so ${(0,src_notes/* code */.aY)('exemption-tag')} exemptions) and access key ids are not in the report and were not checked; ${(0,src_notes/* code */.aY)('exempt-users')} still applies. Run with AWS access for both.`;
/** Offline report files audited at once: parsing is CPU-bound, so more would only hold more in memory. */
const OFFLINE_CONCURRENCY = 2;
/** Audits every target (report files offline, accounts live). Account failures are data, never thrown. */
async function runAudit(config, deps) {
    const generatedAt = deps.now();
    if (config.credentialReports.length > 0) {
        const asOf = config.asOf ?? generatedAt;
        const all = await (0,pool/* mapWithConcurrency */.WS)(config.credentialReports, OFFLINE_CONCURRENCY, (path) => auditReportFile(path, { rule: config.rule, asOf, exemptUsers: config.exemptUsers }));
        const { audits, notes } = onePerAccount(all);
        for (const a of audits)
            for (const n of a.notes ?? [])
                deps.log.warning((0,src_notes/* noteText */.gA)(n));
        return assembleResult({ mode: 'offline', config, audits, generatedAt, notes });
    }
    // The AWS SDK is loaded only by a run that calls AWS (an offline run starts without it).
    const { runLiveAudit } = await Promise.all(/* import() */[__webpack_require__.e(729), __webpack_require__.e(764), __webpack_require__.e(11), __webpack_require__.e(377), __webpack_require__.e(967), __webpack_require__.e(952), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 8942));
    const { audits, notes } = await runLiveAudit(config, deps);
    return assembleResult({ mode: 'live', config, audits, generatedAt, notes });
}
/** `audit(config, deps)`: the same function, by the name of its pipeline stage (audit, then publish). */
/**
 * A folder of downloads can hold several reports of one account (yesterday's and today's): counting
 * both would double every finding. The last in name order is audited (AWS names its downloads by
 * time), the others are left out with a note.
 */
function onePerAccount(audits) {
    const last = new Map();
    for (const a of audits)
        if (a.account.status === 'ok')
            last.set(a.account.accountId, a);
    const notes = [];
    const kept = audits.filter((a) => {
        const newer = last.get(a.account.accountId);
        if (a.account.status !== 'ok' || newer === a || newer === undefined)
            return true;
        notes.push((0,src_notes/* note */.N4) `Account ${a.account.accountId}: ${(0,src_notes/* code */.aY)(sourceText(a.account))} was left out; ${(0,src_notes/* code */.aY)(sourceText(newer.account))} is another report of the same account (of several, the last in name order is audited).`);
        return false;
    });
    return { audits: kept, notes };
}
/** A report file's path (or `aws`), as the notes name it. */
function sourceText(account) {
    return account.source.kind === 'file' ? account.source.path : 'aws';
}
/** Pure: the per-account audits of one run, as the single result every report is made from. */
function assembleResult(opts) {
    const { config, audits } = opts;
    const accounts = audits.map((a) => a.account);
    const findings = (0,evaluate/* sortFindings */.Tc)(audits.flatMap((a) => a.findings));
    const okTimes = accounts.filter((a) => a.status === 'ok').map((a) => a.asOf);
    const asOf = config.asOf?.toISOString() ??
        (opts.mode === 'live' && okTimes.length > 0 ? okTimes.sort().at(-1) : opts.generatedAt.toISOString());
    return {
        mode: opts.mode,
        generatedAt: opts.generatedAt.toISOString(),
        asOf,
        settings: config.rule,
        shard: config.shard,
        accounts,
        findings,
        carriedForward: opts.carriedForward ?? [],
        caveat: opts.mode === 'offline' ? OFFLINE_CAVEAT : null,
        notes: [...opts.notes, ...audits.flatMap((a) => a.notes ?? [])],
    };
}

// EXTERNAL MODULE: ./src/publish/github-settings.ts
var github_settings = __webpack_require__(5144);
// EXTERNAL MODULE: ./src/publish/publish.ts + 4 modules
var publish = __webpack_require__(7322);
// EXTERNAL MODULE: ./src/publish/sinks.ts
var publish_sinks = __webpack_require__(3919);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/timeouts.ts
var src_timeouts = __webpack_require__(2779);
;// CONCATENATED MODULE: ./src/run.ts
/**
 * One run, shared by the action (main.ts) and the terminal (cli.ts): inputs -> Config -> audit ->
 * publish -> summary. The shells differ only in their Shell: where the inputs come from, where the log
 * and the summary go, and what they do with the end of the run (outputs and a failed step, or an exit
 * code).
 *
 * Every run is bounded (the whole-run limit of timeouts.ts) and stops on SIGTERM or SIGINT (a cancelled
 * workflow, a runner shutting down, Ctrl-C). A stopped run leaves no half-written file and writes nothing
 * more; its summary shows the accounts finished so far under a banner saying what stopped it.
 */












const PROCESS_STOPS = {
    signals: process,
    timer(ms, fire) {
        const timer = setTimeout(fire, ms);
        timer.unref();
        return () => clearTimeout(timer);
    },
};
/**
 * Resolves when the run must stop: on SIGTERM/SIGINT or when the whole-run bound passes. `dispose`
 * removes the listeners and the timer.
 */
function stopSignal(runMs, sources = PROCESS_STOPS) {
    let resolve;
    const stopped = new Promise((r) => (resolve = r));
    const onSignal = (signal) => resolve({ reason: 'cancelled', detail: `${signal} received` });
    sources.signals.once('SIGTERM', onSignal);
    sources.signals.once('SIGINT', onSignal);
    const minutes = Math.round(runMs / 60_000);
    const cancel = sources.timer(runMs, () => resolve({
        reason: 'timed out',
        detail: `the run took longer than its limit of ${minutes >= 1 ? `${minutes} min` : `${runMs} ms`} (${src_timeouts/* TIMEOUT_ENV */.gH.runMs})`,
    }));
    return {
        stopped,
        dispose() {
            cancel();
            sources.signals.off('SIGTERM', onSignal);
            sources.signals.off('SIGINT', onSignal);
        },
    };
}
/** The pipeline: inputs -> Config -> audit -> publish, recording its progress; throws what fails it. */
async function pipeline(shell, p, ctx) {
    const config = parseConfig(shell.readInputs(), { expandGlob: expandGlob });
    p.config = config;
    checkOutputFiles(config);
    shell.check?.(config);
    p.files = (0,report_files/* reportFilesOf */.Vh)(config);
    if (config.githubToken)
        shell.setSecret(config.githubToken);
    if (config.iac.length > 0)
        return iacPipeline(shell, config, ctx.clock);
    let session = null;
    p.result = await runAudit(config, {
        getIDToken: (audience) => shell.getIDToken(audience),
        setSecret: (secret) => shell.setSecret(secret),
        now: () => ctx.clock.now(),
        sleep: (ms, signal) => ctx.clock.sleep(ms, signal),
        log: shell.log,
        onPlan: (ids) => {
            p.planned = ids.length;
        },
        onAccount: (a) => p.finished.push(a),
        onSession: (s) => {
            session = s;
        },
    });
    p.outcome = await (0,publish/* publish */.m)(p.result, config, {
        log: shell.log,
        github: shell.github(config.githubToken),
        githubClient: shell.githubClient ?? (0,github_settings/* githubClientSettings */.sd)(ctx.timeouts),
        session,
        uploadsSarif: shell.uploadsSarif,
        stopped: ctx.stopped,
        onFilesWritten: (written) => {
            p.filesWritten = true;
            p.result = written;
        },
    });
    p.result = p.outcome.result;
    return p.outcome;
}
/** An `iac` run (docs/design.md §11): the code in the workspace, no AWS, no GitHub history or issues. */
async function iacPipeline(shell, config, clock) {
    // The scanner (with its HCL parser) is loaded only by an iac run.
    const { auditIac } = await __webpack_require__.e(/* import() */ 852).then(__webpack_require__.bind(__webpack_require__, 7852));
    const scanned = await auditIac(config, { root: shell.workspace(), now: clock.now() });
    for (const n of scanned.notes)
        shell.log.warning(n);
    const outcome = await publishIac(scanned, config);
    if (config.summary)
        await shell.writeIacSummary(scanned, outcome.written);
    return outcome;
}
/** What a run stopped before the audit ended has to show: the accounts finished so far. */
function partialResult(p, now) {
    // an iac run has no accounts: the banner alone says it was stopped
    if (!p.config || p.config.iac.length > 0)
        return null;
    return assembleResult({
        mode: p.config.credentialReports.length > 0 ? 'offline' : 'live',
        config: p.config,
        audits: p.finished,
        generatedAt: now,
        notes: [],
    });
}
/** Runs the pipeline for a shell, bounded and stoppable; never throws (a failure is the `failed` end). */
async function run(shell) {
    const timeouts = shell.timeouts ?? (0,src_timeouts/* timeoutsFromEnv */.I5)();
    const clock = shell.clock ?? src_clock/* SYSTEM_CLOCK */.V;
    const guard = stopSignal(timeouts.runMs, shell.stops);
    const stopped = new AbortController();
    const p = {
        config: null,
        files: null,
        result: null,
        outcome: null,
        filesWritten: false,
        planned: null,
        finished: [],
    };
    const work = pipeline(shell, p, { timeouts, clock, stopped: stopped.signal }).then((outcome) => 'written' in outcome
        ? { kind: 'iac', config: p.config, outcome }
        : { kind: 'done', config: p.config, outcome }, (error) => ({ kind: 'failed', config: p.config, error }));
    const stop = await Promise.race([work, guard.stopped.then((s) => ({ kind: 'stop', stop: s }))]);
    guard.dispose();
    // Until the inputs say otherwise (or could not be read), a summary is written.
    const writeSummary = p.config?.summary ?? true;
    const sinks = p.outcome ? (0,publish_sinks/* sinkOutcomesOf */.gG)(p.outcome) : {};
    if (stop.kind !== 'stop') {
        if (p.result && p.files && writeSummary) {
            await shell.writeSummary({ result: p.result, files: p.files, sinks, interruption: null });
        }
        return stop;
    }
    // Stopped early: whatever still runs writes nothing more, no file is left half-written, and the
    // summary says how far the run got.
    stopped.abort();
    (0,publish_files/* removePartialFiles */.lE)();
    const partial = p.result ?? partialResult(p, clock.now());
    const interruption = {
        ...stop.stop,
        finished: partial?.accounts.length ?? p.finished.length,
        planned: p.planned,
        filesWritten: p.filesWritten,
    };
    if (writeSummary) {
        await shell.writeSummary({
            result: partial && p.files ? partial : null,
            files: p.files,
            sinks: {},
            interruption,
        });
    }
    return { kind: 'stopped', config: p.config, stop: stop.stop };
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Reported as the SARIF tool version; __tests__/unit/version.test.ts keeps it equal to package.json's. */
const VERSION = '1.0.0';


/***/ })

};
