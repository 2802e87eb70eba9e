export const id = 496;
export const ids = [496];
export const modules = {

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


/***/ }),

/***/ 5496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deactivateDueKeys: () => (/* binding */ deactivateDueKeys),
/* harmony export */   findInactive: () => (/* binding */ findInactive)
/* harmony export */ });
/* unused harmony export Denied */
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6764);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4462);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _collect_pool_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6990);
/* harmony import */ var _credentials_aws_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4054);
/* harmony import */ var _evaluate_rules_iam_initial_access_key_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2380);
/* harmony import */ var _evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3697);
/* harmony import */ var _evaluate_exemptions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2171);
/* harmony import */ var _evaluate_intent_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9377);
/* harmony import */ var _evaluate_key_tags_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3364);
/**
 * Acting on due keys (docs/design.md §8), the only code that writes to IAM. For each account with keys to act
 * on (planRemediation's `toAct`), the remediation role is assumed from the audit session; right before
 * acting, each key is checked again with that session:
 *   ListAccessKeys        same key id, same CreateDate (to the second), still Active;
 *   GetAccessKeyLastUsed  still unnecessary per the rule (the rule's own test), and not used since the audit;
 *   ListUserTags          not exempted since the audit (an exemption tag added during a long run counts,
 *                         the user's or the key's own);
 * then, under `deactivate` only, `UpdateAccessKey Status=Inactive`. Never a delete. When the answer to
 * the update is lost (a 5xx after AWS applied it), the key is read again: Inactive means it was done.
 *
 * Under `plan` the same read-only check runs (so a broken remediation role shows up before the first
 * `deactivate` run) and nothing is changed. A denied or missing role, or a denied IAM call, is a warning
 * naming the role and the account; that account's remaining keys are skipped, other accounts go on.
 * Every key handed in comes back with a status and a reason.
 */











function second(ms) {
    return Math.floor(ms / 1000);
}
function detail(err) {
    return `${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLineMessage */ .Wg)(err)}`.slice(0, 500);
}
/** Denied at this step: the account's remaining keys are skipped with this reason (the message). */
class Denied extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuditError */ .M_ {
    constructor(step, reason) {
        super('Denied', reason, { step });
    }
}
/** The live re-check of one key with the remediation session. Throws Denied on a denial. */
async function recheck(iam, f, opts, roleArn) {
    const call = async (action, fn) => {
        try {
            return await fn();
        }
        catch (err) {
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNoSuchEntity */ .I0)(err))
                return null;
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(err))
                throw new Denied(action, `${roleArn} is denied iam:${action} (${detail(err)})`);
            throw err;
        }
    };
    const listed = await call('ListAccessKeys', () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .ListAccessKeysCommand */ .Qxm({ UserName: f.userName })));
    if (listed === null)
        return { ok: false, reason: 'the user was deleted since the audit' };
    const key = (listed.AccessKeyMetadata ?? []).find((k) => k.AccessKeyId === f.accessKeyId);
    if (!key)
        return { ok: false, reason: 'the key was deleted since the audit' };
    if (!key.CreateDate ||
        f.keyCreatedAt === null ||
        second(key.CreateDate.getTime()) !== second(Date.parse(f.keyCreatedAt))) {
        return { ok: false, reason: 'the key is not the one audited (its CreateDate differs)' };
    }
    if (key.Status !== 'Active')
        return { ok: false, reason: 'the key is no longer Active' };
    const lastUsed = await call('GetAccessKeyLastUsed', () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .GetAccessKeyLastUsedCommand */ .qRl({ AccessKeyId: f.accessKeyId ?? '' })));
    if (lastUsed === null)
        return { ok: false, reason: 'the key was deleted since the audit' };
    const usedAt = lastUsed.AccessKeyLastUsed?.LastUsedDate?.getTime() ?? null;
    const recorded = f.keyLastUsedAt === null ? null : Date.parse(f.keyLastUsedAt);
    if (usedAt !== null && (recorded === null || second(usedAt) > second(recorded))) {
        return { ok: false, reason: 'the key was used since the audit' };
    }
    const reason = (0,_evaluate_rules_iam_initial_access_key_js__WEBPACK_IMPORTED_MODULE_3__/* .unnecessaryReason */ .bP)(usedAt, Date.parse(opts.asOf), opts.unusedDays);
    if (reason === null || !opts.reasons.includes(reason)) {
        return { ok: false, reason: 'the key is no longer unused per the rule' };
    }
    const tagged = await call('ListUserTags', () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .ListUserTagsCommand */ .K8S({ UserName: f.userName })));
    if (tagged === null)
        return { ok: false, reason: 'the user was deleted since the audit' };
    const tags = Object.fromEntries((tagged.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    const asOf = Date.parse(opts.asOf);
    // the key's own exemption tag (docs/design.md §10) counts as much as the user's
    const id = f.accessKeyId ?? '';
    const { keyExemption } = (0,_evaluate_key_tags_js__WEBPACK_IMPORTED_MODULE_7__/* .keyTagFacts */ .f)({ tags, exemptionTag: opts.exemptionTag, accessKeyId: id, asOf });
    const [now] = (0,_evaluate_exemptions_js__WEBPACK_IMPORTED_MODULE_5__/* .applyExemptions */ .rY)([f], {
        exemptUsers: [],
        tags: new Map([[f.userArn, tags]]),
        exemptionTag: opts.exemptionTag,
        asOf,
        ...(keyExemption ? { keyExemptions: new Map([[id, keyExemption]]) } : {}),
    });
    if (now?.exempted) {
        const what = keyExemption && !keyExemption.expired ? 'the key' : 'the user';
        return { ok: false, reason: `${what} was exempted since the audit (exemption tag)` };
    }
    return { ok: true };
}
/** After a lost answer to UpdateAccessKey: is the key Inactive now (so the update was applied)? */
async function inactiveNow(iam, f) {
    try {
        const listed = await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .ListAccessKeysCommand */ .Qxm({ UserName: f.userName }));
        return (listed.AccessKeyMetadata ?? []).some((k) => k.AccessKeyId === f.accessKeyId && k.Status === 'Inactive');
    }
    catch {
        return false;
    }
}
async function actInAccount(accountId, keys, opts, out) {
    const { roleArn, credentials } = opts.assume(accountId);
    const skipRest = (from, reason) => {
        for (const f of keys.slice(from))
            out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), { status: 'skipped', reason });
    };
    const warn = (what, n) => {
        const message = (0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .note */ .N4) `Remediation in account ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(accountId)}: ${what}; ${n} due key(s) there stay Active. The remediation role ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(opts.roleName)} (${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)(roleArn)}) must trust the audit role and allow ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)('iam:ListAccessKeys')}, ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)('iam:GetAccessKeyLastUsed')}, ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)('iam:ListUserTags')} and ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .code */ .aY)('iam:UpdateAccessKey')} (see docs/remediation.md).`;
        out.warnings.push(message);
        opts.log.warning((0,_notes_js__WEBPACK_IMPORTED_MODULE_9__/* .notePlain */ .n4)(message));
    };
    try {
        await credentials();
    }
    catch (err) {
        warn(`could not assume ${roleArn} (${detail(err)})`, keys.length);
        skipRest(0, `the remediation role ${roleArn} could not be assumed`);
        return;
    }
    const iam = new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .IAMClient */ .h8v((0,_credentials_aws_config_js__WEBPACK_IMPORTED_MODULE_2__/* .awsClientConfig */ .rw)({ region: opts.region, credentials, ...opts.aws }));
    try {
        for (const [i, f] of keys.entries()) {
            try {
                const check = await recheck(iam, f, opts, roleArn);
                if (!check.ok) {
                    out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), { status: 'skipped', reason: check.reason });
                    opts.log.info(`Not deactivating ${f.accessKeyId} of ${f.userName} in ${accountId}: ${check.reason}.`);
                    continue;
                }
                if (opts.mode === 'plan') {
                    out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), {
                        status: 'planned',
                        reason: 'would be set Inactive (remediate: plan changes nothing)',
                    });
                    continue;
                }
                try {
                    await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .UpdateAccessKeyCommand */ .SF3({
                        UserName: f.userName,
                        AccessKeyId: f.accessKeyId ?? '',
                        Status: 'Inactive',
                    }));
                }
                catch (err) {
                    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(err))
                        throw new Denied('UpdateAccessKey', `${roleArn} is denied iam:UpdateAccessKey (${detail(err)})`);
                    // The answer may be lost after AWS applied it: what the key is now says what happened.
                    if (!(await inactiveNow(iam, f)))
                        throw err;
                    opts.log.warning(`UpdateAccessKey for ${f.accessKeyId} of ${f.userName} in ${accountId} failed (${detail(err)}), but the key is Inactive now: recorded as deactivated.`);
                }
                out.deactivated++;
                out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), { status: 'deactivated', reason: 'set Inactive by this run' });
                opts.log.info(`Deactivated access key ${f.accessKeyId} of ${f.userName} in account ${accountId}.`);
            }
            catch (err) {
                if (err instanceof Denied) {
                    warn(err.message, keys.length - i);
                    skipRest(i, err.message);
                    return;
                }
                const reason = `the live check or the update failed (${detail(err)})`;
                out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), { status: 'skipped', reason });
                opts.log.warning(`Remediation in account ${accountId}: ${f.accessKeyId} of ${f.userName}: ${reason}.`);
            }
        }
    }
    finally {
        iam.destroy();
    }
}
/** Re-checks (and under `deactivate` deactivates) the planned keys; see the module comment. Never throws. */
async function deactivateDueKeys(opts) {
    const out = { byLocation: new Map(), deactivated: 0, warnings: [] };
    const byAccount = new Map();
    for (const f of opts.keys) {
        if (f.accessKeyId === null || !(0,_evaluate_intent_js__WEBPACK_IMPORTED_MODULE_6__/* .isFailing */ .DI)(f)) {
            // planRemediation never hands these in; refuse them here as well
            out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), { status: 'skipped', reason: 'not eligible for remediation' });
            continue;
        }
        const list = byAccount.get(f.accountId) ?? [];
        list.push(f);
        byAccount.set(f.accountId, list);
    }
    await (0,_collect_pool_js__WEBPACK_IMPORTED_MODULE_10__/* .mapWithConcurrency */ .WS)([...byAccount], opts.concurrency, async ([accountId, keys]) => {
        try {
            await actInAccount(accountId, keys, opts, out);
        }
        catch (err) {
            // Nothing above should throw; if it does, the account's unreported keys are skipped, not lost.
            for (const f of keys) {
                if (!out.byLocation.has((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f))) {
                    out.byLocation.set((0,_evaluate_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .findingIdentity */ .AZ)(f), {
                        status: 'skipped',
                        reason: `unexpected error (${detail(err)})`,
                    });
                }
            }
        }
    });
    return out;
}
/**
 * Which of these keys are Inactive now (docs/design.md §8): due keys that left the findings with no record
 * of a deactivation, most likely this tool's own whose answer was lost (a 5xx, a stopped run). One
 * `ListAccessKeys` per user, with the account's audit credentials (read-only). Never throws: a key that
 * cannot be looked up is left out.
 */
async function findInactive(candidates, opts) {
    const byUser = new Map();
    for (const c of candidates) {
        const k = `${c.accountId}\u0000${c.userName}`;
        byUser.set(k, [...(byUser.get(k) ?? []), c]);
    }
    const found = [];
    await (0,_collect_pool_js__WEBPACK_IMPORTED_MODULE_10__/* .mapWithConcurrency */ .WS)([...byUser.values()], opts.concurrency, async (keys) => {
        const first = keys[0];
        const credentials = opts.credentialsFor(first.accountId);
        if (!credentials)
            return;
        const iam = new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .IAMClient */ .h8v((0,_credentials_aws_config_js__WEBPACK_IMPORTED_MODULE_2__/* .awsClientConfig */ .rw)({ region: opts.region, credentials, ...opts.aws }));
        try {
            const listed = await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_8__/* .ListAccessKeysCommand */ .Qxm({ UserName: first.userName }));
            for (const k of keys) {
                const live = (listed.AccessKeyMetadata ?? []).find((m) => m.AccessKeyId === k.accessKeyId);
                if (live?.Status === 'Inactive')
                    found.push(k);
            }
        }
        catch {
            // renamed or deleted user, denied: nothing to record
        }
        finally {
            iam.destroy();
        }
    });
    return found.sort((a, b) => (a.accessKeyId < b.accessKeyId ? -1 : a.accessKeyId > b.accessKeyId ? 1 : 0));
}


/***/ })

};
