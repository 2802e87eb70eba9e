export const id = 496;
export const ids = [496];
export const modules = {

/***/ 5496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deactivateDueKeys: () => (/* binding */ deactivateDueKeys)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _notes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4462);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _collect_pool_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6990);
/* harmony import */ var _credentials_aws_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4054);
/* harmony import */ var _evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7852);
/**
 * Acting on due keys (DESIGN §8), the only code that writes to IAM. For each account with keys to act
 * on (planRemediation's `toAct`), the remediation role is assumed from the audit session; right before
 * acting, each key is checked again with that session:
 *   ListAccessKeys        same key id, same CreateDate (to the second), still Active;
 *   GetAccessKeyLastUsed  still unnecessary per the rule (the rule's own test), and not used since the audit;
 * then, under `deactivate` only, `UpdateAccessKey Status=Inactive`. Never a delete.
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
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
    return `${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err)}: ${message}`.slice(0, 500);
}
/** Denied at this step: the account's remaining keys are skipped with this reason. */
class Denied extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}
/** The live re-check of one key with the remediation session. Throws Denied on a denial. */
async function recheck(iam, f, opts, roleArn) {
    const call = async (action, fn) => {
        try {
            return await fn();
        }
        catch (err) {
            if (_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_SUCH_ENTITY */ .QU.has((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err)))
                return null;
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(err))
                throw new Denied(`${roleArn} is denied iam:${action} (${detail(err)})`);
            throw err;
        }
    };
    const listed = await call('ListAccessKeys', () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .ListAccessKeysCommand */ .Qxm({ UserName: f.userName })));
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
    const lastUsed = await call('GetAccessKeyLastUsed', () => iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .GetAccessKeyLastUsedCommand */ .qRl({ AccessKeyId: f.accessKeyId ?? '' })));
    if (lastUsed === null)
        return { ok: false, reason: 'the key was deleted since the audit' };
    const usedAt = lastUsed.AccessKeyLastUsed?.LastUsedDate?.getTime() ?? null;
    const recorded = f.keyLastUsedAt === null ? null : Date.parse(f.keyLastUsedAt);
    if (usedAt !== null && (recorded === null || second(usedAt) > second(recorded))) {
        return { ok: false, reason: 'the key was used since the audit' };
    }
    const reason = (0,_evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_3__/* .unnecessaryReason */ .bP)(usedAt, Date.parse(opts.asOf), opts.unusedDays);
    if (reason === null || !opts.reasons.includes(reason)) {
        return { ok: false, reason: 'the key is no longer unused per the rule' };
    }
    return { ok: true };
}
async function actInAccount(accountId, keys, opts, out) {
    const { roleArn, credentials } = opts.assume(accountId);
    const skipRest = (from, reason) => {
        for (const f of keys.slice(from))
            out.byLocation.set(f.location, { status: 'skipped', reason });
    };
    const warn = (what, n) => {
        const message = (0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .note */ .N4) `Remediation in account ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(accountId)}: ${what}; ${n} due key(s) there stay Active. The remediation role ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(opts.roleName)} (${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)(roleArn)}) must trust the audit role and allow ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)('iam:ListAccessKeys')}, ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)('iam:GetAccessKeyLastUsed')} and ${(0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .code */ .aY)('iam:UpdateAccessKey')} (see the README).`;
        out.warnings.push(message);
        opts.log.warning((0,_notes_js__WEBPACK_IMPORTED_MODULE_4__/* .notePlain */ .n4)(message));
    };
    try {
        await credentials();
    }
    catch (err) {
        warn(`could not assume ${roleArn} (${detail(err)})`, keys.length);
        skipRest(0, `the remediation role ${roleArn} could not be assumed`);
        return;
    }
    const iam = new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .IAMClient */ .h8v((0,_credentials_aws_config_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)({ region: opts.region, credentials, ...opts.aws }));
    try {
        for (const [i, f] of keys.entries()) {
            try {
                const check = await recheck(iam, f, opts, roleArn);
                if (!check.ok) {
                    out.byLocation.set(f.location, { status: 'skipped', reason: check.reason });
                    opts.log.info(`Not deactivating ${f.accessKeyId} of ${f.userName} in ${accountId}: ${check.reason}.`);
                    continue;
                }
                if (opts.mode === 'plan') {
                    out.byLocation.set(f.location, {
                        status: 'planned',
                        reason: 'would be set Inactive (remediate: plan changes nothing)',
                    });
                    continue;
                }
                try {
                    await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .UpdateAccessKeyCommand */ .SF3({
                        UserName: f.userName,
                        AccessKeyId: f.accessKeyId ?? '',
                        Status: 'Inactive',
                    }));
                }
                catch (err) {
                    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(err))
                        throw new Denied(`${roleArn} is denied iam:UpdateAccessKey (${detail(err)})`);
                    throw err;
                }
                out.deactivated++;
                out.byLocation.set(f.location, { status: 'deactivated', reason: 'set Inactive by this run' });
                opts.log.info(`Deactivated access key ${f.accessKeyId} of ${f.userName} in account ${accountId}.`);
            }
            catch (err) {
                if (err instanceof Denied) {
                    warn(err.reason, keys.length - i);
                    skipRest(i, err.reason);
                    return;
                }
                const reason = `the live check or the update failed (${detail(err)})`;
                out.byLocation.set(f.location, { status: 'skipped', reason });
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
        if (f.accessKeyId === null || f.exempted) {
            // planRemediation never hands these in; refuse them here as well
            out.byLocation.set(f.location, { status: 'skipped', reason: 'not eligible for remediation' });
            continue;
        }
        const list = byAccount.get(f.accountId) ?? [];
        list.push(f);
        byAccount.set(f.accountId, list);
    }
    await (0,_collect_pool_js__WEBPACK_IMPORTED_MODULE_5__/* .mapWithConcurrency */ .WS)([...byAccount], opts.concurrency, async ([accountId, keys]) => {
        try {
            await actInAccount(accountId, keys, opts, out);
        }
        catch (err) {
            // Nothing above should throw; if it does, the account's unreported keys are skipped, not lost.
            for (const f of keys) {
                if (!out.byLocation.has(f.location)) {
                    out.byLocation.set(f.location, { status: 'skipped', reason: `unexpected error (${detail(err)})` });
                }
            }
        }
    });
    return out;
}


/***/ })

};
