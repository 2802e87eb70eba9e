export const id = 967;
export const ids = [967];
export const modules = {

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Co: () => (/* binding */ ReportTimeoutError),
/* harmony export */   I0: () => (/* binding */ isNoSuchEntity),
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   Qs: () => (/* binding */ ReportFormatError),
/* harmony export */   Ul: () => (/* binding */ ReportTooLargeError),
/* harmony export */   W8: () => (/* binding */ REPORT_CAPACITY),
/* harmony export */   YW: () => (/* binding */ AccountMismatchError),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   a0: () => (/* binding */ networkErrorCode),
/* harmony export */   cY: () => (/* binding */ atStep),
/* harmony export */   pW: () => (/* binding */ REPORT_NOT_READY),
/* harmony export */   r_: () => (/* binding */ isExpiredToken),
/* harmony export */   u3: () => (/* binding */ classifyAwsError),
/* harmony export */   w7: () => (/* binding */ isAccessDenied),
/* harmony export */   wN: () => (/* binding */ ReportNeverPresentError),
/* harmony export */   zg: () => (/* binding */ StepError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _operations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5499);
/**
 * Turns an error from an AWS call into the one-line `error` and the actionable `hint` of a failed
 * account (docs/design.md §4: "an account that failed shows its error and what permission or trust setting it
 * needs"). Inputs are what the SDK gives: the error's `name`, `$metadata.httpStatusCode`, its message
 * and, for network failures, its `code`.
 */


/** Thrown by the credential report poll when AWS never reports the report COMPLETE in time. */
class ReportTimeoutError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    waitedMs;
    constructor(waitedMs) {
        super('ReportTimeoutError', `credential report still generating after ${Math.round(waitedMs / 1000)}s`, {
            step: 'GenerateCredentialReport',
        });
        this.waitedMs = waitedMs;
    }
}
/**
 * Thrown when `GenerateCredentialReport` keeps answering COMPLETE but `GetCredentialReport` keeps
 * answering that there is no report (ReportNotPresent, ReportExpired): not a report "still generating".
 */
class ReportNeverPresentError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    answer;
    times;
    waitedMs;
    constructor(answer, times, waitedMs) {
        super('ReportNeverPresentError', `GenerateCredentialReport answered COMPLETE, but GetCredentialReport answered ${answer} ` +
            `${times} time${times === 1 ? '' : 's'} over ${Math.round(waitedMs / 1000)}s`, { step: 'GetCredentialReport' });
        this.answer = answer;
        this.times = times;
        this.waitedMs = waitedMs;
    }
}
/** Thrown when `GetCredentialReport` returns more than the action reads (MAX_REPORT_BYTES). */
class ReportTooLargeError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    constructor(message) {
        super('ReportTooLargeError', message, { step: 'GetCredentialReport' });
    }
}
/** `GetCredentialReport` answered with a `ReportFormat` other than `text/csv`. */
class ReportFormatError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    format;
    constructor(format) {
        super('ReportFormatError', `unexpected credential report format ${format} (expected text/csv)`, {
            step: 'GetCredentialReport',
        });
        this.format = format;
    }
}
/** `GenerateCredentialReport`: "no more capacity to launch new report generation tasks". */
const REPORT_CAPACITY = new Set(['LimitExceeded', 'LimitExceededException']);
/** Thrown when the credential report belongs to another account than the one audited. */
class AccountMismatchError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    expected;
    actual;
    constructor(expected, actual) {
        super('AccountMismatchError', `the credential report is of account ${actual}, not ${expected}`, {
            step: 'GetCredentialReport',
        });
        this.expected = expected;
        this.actual = actual;
    }
}
/**
 * An error of one named step (API operation) of an account's audit; `describeAwsError` unwraps it. Its
 * code is the original error's AWS name.
 */
class StepError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ {
    original;
    constructor(step, original) {
        super('StepError', `${step}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(original)}`, { step, code: awsErrorName(original) });
        this.original = original;
    }
}
/** Runs `fn`, tagging a rejection with the step it happened in (unless an inner step already did). */
async function atStep(step, fn) {
    try {
        return await fn();
    }
    catch (err) {
        throw err instanceof StepError ? err : new StepError(step, err);
    }
}
/** The SDK error behind a `StepError` (or the error itself). */
function originalError(err) {
    return err instanceof StepError ? err.original : err;
}
// ---------------------------------------------------------------------------------------------------
// The one classifier of AWS errors: every module asks it (sign-in, accounts, key facts, Security Hub,
// remediation, the account errors below), so a family of error names is written down once.
const ACCESS_DENIED = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'AccessDeniedForDependencyException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'AuthorizationError',
]);
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'SlowDown',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const BAD_CREDENTIALS = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId',
    'IncompleteSignature',
    'MissingAuthenticationToken',
    'CredentialsProviderError',
]);
/** `AssumeRoleWithWebIdentity`: the OIDC token itself was refused (issuer, audience, expiry). */
const INVALID_IDENTITY_TOKEN = new Set(['InvalidIdentityToken', 'InvalidIdentityTokenException']);
/** IAM's answer for a user or key that does not exist (any more). */
const NO_SUCH_ENTITY = new Set(['NoSuchEntity', 'NoSuchEntityException']);
/** Node's and undici's codes of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ECONNABORTED',
    'EPROTO',
    'UND_ERR_SOCKET',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
/** Errors of `GetCredentialReport` that mean "no usable report yet": a new `GenerateCredentialReport` fixes them. */
const REPORT_NOT_READY = new Set([
    'ReportInProgress',
    'ReportInProgressException',
    'ReportNotPresent',
    'ReportNotPresentException',
    'ReportExpired',
    'ReportExpiredException',
    'CredentialReportNotPresentException',
    'CredentialReportNotReadyException',
    'CredentialReportExpiredException',
]);
/** The first network code in a message (`connect ECONNREFUSED 127.0.0.1:443`), if any. */
function networkCodeIn(message) {
    return [...message.matchAll(/\b(E[A-Z_]{3,})\b/g)].map((m) => m[1]).find((c) => NETWORK_CODES.has(c));
}
function kindOf(f) {
    const { name, status, message } = f;
    if (ACCESS_DENIED.has(name) || (status === 403 && !EXPIRED.has(name) && !BAD_CREDENTIALS.has(name))) {
        return 'access-denied';
    }
    if (THROTTLING.has(name) || status === 429 || /rate exceeded/i.test(message))
        return 'throttled';
    if (EXPIRED.has(name))
        return 'expired-token';
    if (BAD_CREDENTIALS.has(name))
        return 'bad-credentials';
    if (INVALID_IDENTITY_TOKEN.has(name))
        return 'invalid-identity-token';
    if (NO_SUCH_ENTITY.has(name))
        return 'no-such-entity';
    if (name === 'TimeoutError' || /exceeded the configured \d+ ms requestTimeout/.test(message))
        return 'timeout';
    if ((f.code !== undefined && NETWORK_CODES.has(f.code)) ||
        NETWORK_NAMES.has(name) ||
        /socket hang up|ECONNRESET|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|^(?:Error: )?aborted\b/.test(message)) {
        return 'network';
    }
    if (status !== undefined && status >= 500)
        return 'server-error';
    return 'other';
}
/** Classifies what an AWS call (or the SDK under it) threw; a `StepError` is classified by its original. */
function classifyAwsError(thrown) {
    const err = originalError(thrown);
    if (!(err instanceof Error || (typeof err === 'object' && err !== null))) {
        const f = {
            name: 'Error',
            message: String(err),
            status: undefined,
            attempts: undefined,
            code: undefined,
        };
        return { ...f, kind: kindOf(f) };
    }
    const e = err;
    let message = err instanceof Error ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err) : typeof e.message === 'string' ? e.message : String(err);
    // The SDK wraps thrown non-Error values (e.g. errors from another realm) and keeps only the text.
    message = message.replace(/^AWS SDK error wrapper for (?:Error: )?/, '');
    // The system code of the error or its cause, or one its message names; a network code first. (An
    // AuditError's `code` is its kind in a word, not a system code.)
    const cause = typeof e.cause === 'object' && e.cause !== null ? e.cause.code : undefined;
    const codes = [err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuditError */ .M_ ? undefined : e.code, cause, networkCodeIn(message)].filter((c) => typeof c === 'string');
    const code = codes.find((c) => NETWORK_CODES.has(c)) ?? codes[0];
    const rawName = typeof e.name === 'string' ? e.name : 'Error';
    // Unmodelled query-API errors keep AWS's code in `Code`; prefer it over the generic class name.
    const name = (rawName === 'Error' || rawName === 'ServiceException') && typeof e.Code === 'string' ? e.Code : rawName;
    const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
    const attempts = typeof e.$metadata?.attempts === 'number' ? e.$metadata.attempts : undefined;
    const f = { name, message, status, attempts, code };
    return { ...f, kind: kindOf(f) };
}
/** The AWS error name (`AccessDenied`, `NoSuchEntityException`, …), also for unmodelled errors. */
function awsErrorName(err) {
    return classifyAwsError(err).name;
}
/** True for a denial (AccessDenied and kin, or any 403 that is not about expired or bad credentials). */
function isAccessDenied(err) {
    return classifyAwsError(err).kind === 'access-denied';
}
/** True when the temporary credentials expired (ExpiredToken, RequestExpired, TokenRefreshRequired). */
function isExpiredToken(err) {
    return classifyAwsError(err).kind === 'expired-token';
}
/** True when IAM says the user or key does not exist (any more). */
function isNoSuchEntity(err) {
    return classifyAwsError(err).kind === 'no-such-entity';
}
/** The network code (`ECONNREFUSED`, …) of a connection that could not be made or was lost; null otherwise. */
function networkErrorCode(err) {
    const f = classifyAwsError(err);
    return f.code !== undefined && NETWORK_CODES.has(f.code) ? f.code : null;
}
/** The detail of an AWS error message: one line, without the SDK's trailing hints about `$response`, bounded. */
function errorDetail(message) {
    const line = message
        .replace(/\s*Deserialization error: to see the raw response.*$/s, ' (the response could not be read)')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}
/** `is not authorized to perform: iam:GetCredentialReport` -> `iam:GetCredentialReport`. */
function actionFromMessage(message) {
    const m = /perform:\s*([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message);
    return m?.[1] ?? null;
}
/** The IAM action of a step of an account's audit (from the operations table), or the step if it is one. */
function actionForStep(step) {
    const known = (0,_operations_js__WEBPACK_IMPORTED_MODULE_1__/* .accountOperationOfStep */ .Ao)(step);
    if (known)
        return known.iamAction;
    return /^[a-z0-9-]+:[A-Za-z]+$/.test(step) ? step : null;
}
function isAssumeRole(step) {
    return /AssumeRole$/.test(step) && !/WithWebIdentity$/.test(step);
}
function roleText(ctx) {
    return ctx.roleArn ? `the role ${ctx.roleArn}` : `the credentials used for account ${ctx.accountId}`;
}
/** Describes an error of one account's audit for the summary, the JSON report and the log. */
function describeAwsError(err, ctx) {
    if (err instanceof StepError)
        return describeAwsError(err.original, { ...ctx, step: err.step });
    const code = errorDetail(classifyAwsError(err).name).slice(0, 64) || 'Error';
    return { ...describeText(err, ctx), code, step: ctx.step === 'audit' ? null : ctx.step };
}
function describeText(err, ctx) {
    const f = classifyAwsError(err);
    const where = `${ctx.step} in account ${ctx.accountId}`;
    const detail = errorDetail(f.message);
    const error = `${where} failed: ${f.name}${detail && detail !== f.name ? `: ${detail}` : ''}`;
    const d = { err, f, ctx, where, detail, error };
    return describeReport(d) ?? describeAccess(d) ?? describeTransport(d) ?? { error, hint: null };
}
/** The credential report's own failures: not generated in time, never served, too large, unreadable. */
function describeReport({ err, f, ctx, where, detail, error }) {
    if (err instanceof ReportTimeoutError || f.name === 'ReportTimeoutError') {
        return {
            error: `${where} failed: ${detail}`,
            hint: 'AWS did not finish generating the credential report in time (a report usually completes within a minute or two). Run the audit again later.',
        };
    }
    if (err instanceof ReportNeverPresentError || f.name === 'ReportNeverPresentError') {
        return {
            error: `${where} failed: ${detail}`,
            hint: 'IAM said the report was ready but never served it. Run the audit again later; if it persists, check that `AWS_ENDPOINT_URL_IAM`/`AWS_ENDPOINT_URL` (when set) point at IAM.',
        };
    }
    if (err instanceof ReportTooLargeError || f.name === 'ReportTooLargeError') {
        return {
            error: `${where} failed: ${detail}`,
            hint: 'The credential report AWS returned is larger than this action reads (see "Limits" in the README). Check that `AWS_ENDPOINT_URL*` points at IAM.',
        };
    }
    if (err instanceof ReportFormatError || f.name === 'ReportFormatError') {
        return {
            error: `${where} failed: ${detail}`,
            hint: 'AWS sent the credential report in a format this tool does not read. Check for a newer version of this action, and that no proxy or `AWS_ENDPOINT_URL*` setting answers for IAM.',
        };
    }
    if (REPORT_CAPACITY.has(f.name) && ctx.step === 'GenerateCredentialReport') {
        return {
            error,
            hint: 'AWS had no capacity to generate more credential reports for the whole wait (too many accounts at once). Lower `concurrency`, spread the accounts over a `shard` matrix, or run the audit again later.',
        };
    }
    if (err instanceof AccountMismatchError || f.name === 'AccountMismatchError') {
        return {
            error: `${where} failed: ${detail}`,
            hint: `Check that ${ctx.roleArn ? `the role ${ctx.roleArn}` : 'the credentials'} really belong to account ${ctx.accountId}.`,
        };
    }
    if (f.name === 'ReportError') {
        return {
            error: `${where} failed: the credential report could not be read: ${detail}`,
            hint: 'The report AWS sent was cut off or altered on the way. Run the audit again; if it persists, check any proxy or `AWS_ENDPOINT_URL*` setting in between.',
        };
    }
    return null;
}
/** Permissions and credentials: denied, throttled, expired, not accepted, STS region off, gone. */
function describeAccess({ f, ctx, where, error }) {
    if (f.kind === 'access-denied') {
        if (isAssumeRole(ctx.step)) {
            return {
                error,
                hint: `Check that ${ctx.roleArn ? `the role ${ctx.roleArn}` : 'the member-account role'} exists in account ${ctx.accountId}, ` +
                    'that its trust policy allows the audit role (the signed-in identity) to call sts:AssumeRole, ' +
                    'and that the audit role is allowed sts:AssumeRole on it.',
            };
        }
        const action = actionFromMessage(f.message) ?? actionForStep(ctx.step);
        const all = _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .MEMBER_ROLE_ACTIONS */ .U$.join(', ');
        return {
            error,
            hint: action
                ? `Allow ${action} to ${roleText(ctx)} (the member-account role needs ${all}); also check service control policies and permission boundaries.`
                : `Allow ${roleText(ctx)} the actions ${all}; also check service control policies and permission boundaries.`,
        };
    }
    if (f.kind === 'throttled') {
        const tries = f.attempts ? ` after ${f.attempts} attempts` : ' after the SDK retries';
        return {
            error: `${where} failed: AWS kept throttling the requests${tries} (${f.name})`,
            hint: 'Lower `concurrency`, spread the accounts over a `shard` matrix, or run the audit when other automation is quieter.',
        };
    }
    if (f.kind === 'expired-token' && ctx.ambient) {
        return {
            error,
            hint: 'The ambient AWS credentials expired during the run (e.g. an SSO session, or credentials an earlier step configured for a shorter time than the job runs): refresh them right before this step, or set `role-to-assume` to sign in with GitHub OIDC, which this action refreshes itself.',
        };
    }
    if (f.kind === 'expired-token') {
        return {
            error,
            hint: 'The temporary credentials expired during the run. Raise `role-duration-seconds` for the OIDC session (chained sessions last at most 1 hour), or split the run with `shard`.',
        };
    }
    if (f.kind === 'bad-credentials') {
        return {
            error,
            hint: 'The AWS credentials were not accepted. Check the configured credentials (or `role-to-assume`), and that the clock of the runner is right.',
        };
    }
    if (f.name === 'RegionDisabledException') {
        return {
            error,
            hint: 'STS is not activated in this region for the account: activate it in the IAM console (Account settings) or choose another `aws-region`.',
        };
    }
    if (f.kind === 'no-such-entity') {
        return { error, hint: null };
    }
    return null;
}
/** The way there and back: report not ready, no answer in time, network, server errors, garbled replies. */
function describeTransport({ f, where, detail, error }) {
    if (REPORT_NOT_READY.has(f.name)) {
        return {
            error,
            hint: 'The credential report was not available. Run the audit again; if it persists, check that iam:GenerateCredentialReport is allowed.',
        };
    }
    if (f.kind === 'timeout') {
        const tries = f.attempts ? `${f.attempts} attempts` : 'every attempt';
        return {
            error: `${where} failed: no answer in time (${tries} timed out)`,
            hint: 'AWS did not answer in time, even after the SDK retries. Run the audit again later; if it persists, check the runner’s network, `HTTPS_PROXY`/`NO_PROXY` and any `AWS_ENDPOINT_URL*` settings.',
        };
    }
    if (f.kind === 'network') {
        const what = f.code ?? (f.name === 'Error' ? '' : f.name);
        return {
            error: `${where} failed: network error: ${[what, detail].filter(Boolean).join(': ')}`,
            hint: 'Could not reach the AWS endpoint. Check the runner’s network access, `HTTPS_PROXY`/`NO_PROXY`, and any `AWS_ENDPOINT_URL*` settings.',
        };
    }
    if (f.kind === 'server-error') {
        return {
            error,
            hint: 'AWS answered with a server error even after the SDK retries. Run the audit again later.',
        };
    }
    if (/Deserialization error|Unexpected end|XML|parse/i.test(f.message) && f.status !== undefined) {
        return {
            error,
            hint: 'The AWS response could not be read (truncated or altered on the way?). Run the audit again; check any proxy in between.',
        };
    }
    return null;
}


/***/ }),

/***/ 5499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ accountOperationOfStep),
/* harmony export */   MQ: () => (/* binding */ operation),
/* harmony export */   U$: () => (/* binding */ MEMBER_ROLE_ACTIONS),
/* harmony export */   tl: () => (/* binding */ SECURITY_HUB_ACTIONS)
/* harmony export */ });
/* unused harmony export AWS_OPERATIONS */
/**
 * THE table of AWS operations the audit calls (docs/design.md §6). Everything that names an operation derives
 * from it: the least-privilege actions of each role (MEMBER_ROLE_ACTIONS, checked against the README
 * policies and the CloudFormation templates by __tests__/unit/repo/readme.test.ts), the hints of a denied call
 * (aws/errors.ts), the step names of an account's audit, and the tests' and the bench's lists of calls.
 *
 * The remediation role's operations come last (after the audit's own, which `operation()` finds first).
 *
 * Self-contained (no imports): `npm run bench` loads it from a plain Node script.
 */
/** Every operation, in the order a run calls them; member-role ones in the order policies list them. */
const AWS_OPERATIONS = [
    {
        command: 'AssumeRoleWithWebIdentity',
        iamAction: 'sts:AssumeRoleWithWebIdentity',
        step: 'AssumeRoleWithWebIdentity',
        role: 'audit',
        need: 'required',
        scope: 'run',
        granted: true,
        denied: 'the trust policy of role-to-assume does not trust this workflow: nothing is audited',
    },
    {
        command: 'GetCallerIdentity',
        iamAction: 'sts:GetCallerIdentity',
        step: 'GetCallerIdentity',
        role: 'audit',
        need: 'required',
        scope: 'run',
        granted: false,
        denied: 'the credentials are not valid: nothing is audited',
    },
    {
        command: 'ListAccounts',
        iamAction: 'organizations:ListAccounts',
        step: 'ListAccounts',
        role: 'organization',
        need: 'required',
        scope: 'run',
        granted: true,
        denied: 'the organization cannot be listed (not the management or a delegated administrator account): nothing is audited',
    },
    {
        command: 'AssumeRole',
        iamAction: 'sts:AssumeRole',
        step: 'AssumeRole',
        role: 'audit',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: the member role is missing, or does not trust the audit role',
    },
    {
        command: 'GenerateCredentialReport',
        iamAction: 'iam:GenerateCredentialReport',
        step: 'GenerateCredentialReport',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: no credential report',
    },
    {
        command: 'GetCredentialReport',
        iamAction: 'iam:GetCredentialReport',
        step: 'GetCredentialReport',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: no credential report',
    },
    {
        command: 'ListAccessKeys',
        iamAction: 'iam:ListAccessKeys',
        step: 'ListAccessKeys',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: the flagged keys cannot be confirmed live',
    },
    {
        command: 'GetAccessKeyLastUsed',
        iamAction: 'iam:GetAccessKeyLastUsed',
        step: 'GetAccessKeyLastUsed',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: the live last use of the flagged keys is unknown',
    },
    {
        command: 'ListUserTags',
        iamAction: 'iam:ListUserTags',
        step: 'ListUserTags',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: exemption tags cannot be read',
    },
    {
        command: 'ListAccountAliases',
        iamAction: 'iam:ListAccountAliases',
        step: 'ListAccountAliases',
        role: 'member',
        need: 'required',
        scope: 'account',
        granted: true,
        denied: 'that account fails: its alias cannot be read',
    },
    // Evidence of intent (docs/design.md §10): each flagged key's `CreateAccessKey` event, read from CloudTrail's
    // event history in the partition's IAM region with each account's own credentials (the member role, or
    // the audit role for its own account), at most 2 calls/s per account (audit/key-creation.ts). A
    // denial is one note for the account: the keys stay findings, decided by the time test alone.
    {
        command: 'LookupEvents',
        iamAction: 'cloudtrail:LookupEvents',
        step: 'LookupEvents',
        role: 'member',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: 'a note: who made the flagged keys of that account is unknown; the time test alone decides',
    },
    // `security-hub` (docs/design.md §9), after the audit, with each account's own credentials (the member role,
    // or the audit role for its own account). A denial is a warning: the audit and the other reports stand.
    {
        command: 'GetFindings',
        iamAction: 'securityhub:GetFindings',
        step: 'GetFindings',
        role: 'member',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: "a warning: nothing is imported into that account's Security Hub",
    },
    {
        command: 'BatchImportFindings',
        iamAction: 'securityhub:BatchImportFindings',
        step: 'BatchImportFindings',
        role: 'member',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: "a warning: nothing more is imported into that account's Security Hub",
    },
    {
        command: 'ListAccessKeys',
        iamAction: 'iam:ListAccessKeys',
        step: 'ListAccessKeys',
        role: 'remediation',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: 'warning: the due keys of that account cannot be checked again, so none is deactivated',
    },
    {
        command: 'GetAccessKeyLastUsed',
        iamAction: 'iam:GetAccessKeyLastUsed',
        step: 'GetAccessKeyLastUsed',
        role: 'remediation',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: 'warning: the due keys of that account cannot be checked again, so none is deactivated',
    },
    {
        command: 'ListUserTags',
        iamAction: 'iam:ListUserTags',
        step: 'ListUserTags',
        role: 'remediation',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: 'warning: an exemption added since the audit cannot be seen, so no key of that account is deactivated',
    },
    {
        command: 'UpdateAccessKey',
        iamAction: 'iam:UpdateAccessKey',
        step: 'UpdateAccessKey',
        role: 'remediation',
        need: 'optional',
        scope: 'account',
        granted: true,
        denied: 'warning: the due keys of that account stay Active; its audit results are unchanged',
    },
];
/** The operation of an SDK command name. */
function operation(command) {
    return AWS_OPERATIONS.find((o) => o.command === command);
}
/** The per-account operation whose step name (or IAM action) is `step`, if any. */
function accountOperationOfStep(step) {
    return AWS_OPERATIONS.find((o) => o.scope === 'account' && (o.step === step || o.iamAction === step));
}
/** The IAM actions granted to `role` with that `need`, in table order. */
function actionsOf(role, need = 'required') {
    return AWS_OPERATIONS
        .filter((o) => o.role === role && o.need === need && o.granted)
        .map((o) => o.iamAction);
}
/** Every IAM action the member-account role needs (docs/design.md §6). */
const MEMBER_ROLE_ACTIONS = actionsOf('member');
/** The member-account role's extra actions for `security-hub` (docs/design.md §9): granted only when it is on. */
const SECURITY_HUB_ACTIONS = actionsOf('member', 'optional').filter((a) => a.startsWith('securityhub:'));


/***/ }),

/***/ 4054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bI: () => (/* binding */ sizeAwsPool),
/* harmony export */   rw: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* unused harmony exports proxyConfigured, awsAgents */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1279);
/* harmony import */ var proxy_agent__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7269);
/* harmony import */ var _timeouts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2779);
/**
 * The configuration every AWS SDK client of the action shares (IAM, STS, Organizations).
 *
 * - Retries: the SDK's adaptive retry strategy with a raised attempt count absorbs throttling; nothing
 *   else in the code retries SDK calls.
 * - Proxy: the SDK does not honour `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` by itself. When one of the
 *   proxy variables is set, the request handler's agents are a `ProxyAgent`, which resolves the proxy
 *   per request from those variables (so `NO_PROXY` hosts go direct); otherwise plain keep-alive agents.
 * - Timeouts: connecting and the whole request are bounded (timeouts.ts); a request that stalls throws a
 *   TimeoutError, which the retry strategy retries like any transient error.
 * - Endpoints: only the SDK's standard configuration (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_IAM`, …,
 *   or the shared config file) — there is deliberately no endpoint parameter here.
 * - Connections: without a proxy, every client of the process (of a run: the STS clients, each account's
 *   IAM client, Organizations, Security Hub) sends through ONE request handler and its keep-alive agents,
 *   so a connection opened for one account serves the next (on AWS, each new one is a TLS handshake). A
 *   client's `destroy()` leaves that pool open (other accounts are using it); idle pooled sockets are
 *   unreferenced by Node's agent and never keep the process alive. The pool is sized for the run by
 *   `sizeAwsPool` (the live audit: the report starts plus `concurrency` accounts' enrichment fan-out).
 *   Behind a proxy, each client has its own agents, as before.
 */





/**
 * Sockets per origin of the shared pool until the run sizes it (`sizeAwsPool`): the default
 * `concurrency` (8) accounts' enrichment (16 flagged users, two calls each) and 32 report starts.
 */
const DEFAULT_POOL_SOCKETS = 32 + 8 * 16 * 2;
let poolSockets = DEFAULT_POOL_SOCKETS;
/** Sockets per agent of a client's own agents (behind a proxy, as before the shared pool). */
const CLIENT_SOCKETS = 50;
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
/** True when the environment names a proxy for outgoing requests. */
function proxyConfigured(env = process.env) {
    return PROXY_VARS.some((name) => (env[name] ?? '').trim() !== '');
}
/**
 * Builds the agents for the request handler. With a proxy variable set, one `ProxyAgent` serves both
 * protocols; it reads `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` for every request and falls back to the given
 * direct agents for hosts that bypass the proxy.
 */
function awsAgents(env = process.env, maxSockets = CLIENT_SOCKETS) {
    const httpAgent = new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: true, maxSockets });
    const httpsAgent = new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true, maxSockets });
    if (!proxyConfigured(env))
        return { httpAgent, httpsAgent, proxied: false };
    const agent = new proxy_agent__WEBPACK_IMPORTED_MODULE_2__/* .ProxyAgent */ .k({ httpAgent, httpsAgent, keepAlive: true, maxSockets });
    return { httpAgent: agent, httpsAgent: agent, proxied: true };
}
/** The request handler over `agents`, with the run's timeouts. */
function requestHandler(t, agents) {
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__.NodeHttpHandler({
        httpAgent: agents.httpAgent,
        httpsAgent: agents.httpsAgent,
        // A request that outlives requestTimeout must fail (and be retried), not only log a warning:
        // without throwOnRequestTimeout, @smithy/node-http-handler 4.x just warns and waits for ever.
        connectionTimeout: t.awsConnectMs,
        requestTimeout: t.awsRequestMs,
        throwOnRequestTimeout: true,
        socketTimeout: t.awsRequestMs,
    });
}
/** One pool per timeouts: in a run, exactly one. */
const pools = new Map();
/** The process's shared request handler for these timeouts: one keep-alive pool of direct connections. */
function sharedRequestHandler(t) {
    const key = `${t.awsConnectMs}/${t.awsRequestMs}`;
    let pool = pools.get(key);
    if (!pool) {
        const agents = awsAgents({}, poolSockets);
        const handler = requestHandler(t, agents);
        // A client's destroy() (each account's, when it is done) must not close the connections the run's
        // other clients are using.
        handler.destroy = () => undefined;
        pool = { handler, agents: [agents.httpAgent, agents.httpsAgent] };
        pools.set(key, pool);
    }
    return pool.handler;
}
/**
 * Sizes the shared pool (sockets per origin: all accounts' IAM calls go to one origin) for a run:
 * agents made before and after. Idle sockets beyond the calls in flight are not kept open by the size.
 */
function sizeAwsPool(maxSockets) {
    poolSockets = Math.max(1, Math.floor(maxSockets));
    for (const pool of pools.values())
        for (const agent of pool.agents)
            agent.maxSockets = poolSockets;
}
/** The shared client configuration: `new IAMClient(awsClientConfig({ region, credentials }))`. */
function awsClientConfig(opts) {
    const t = opts.timeouts ?? (0,_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timeoutsFromEnv */ .I5)();
    return {
        region: opts.region,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
        retryMode: 'adaptive',
        maxAttempts: t.awsMaxAttempts,
        ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy(t.awsMaxAttempts) } : {}),
        // Behind a proxy, each client keeps its own agents, exactly as before the shared pool: a ProxyAgent
        // that reuses a kept-alive socket skips the proxy's own request rewriting (a plain-HTTP endpoint would
        // then get an origin-form request at the proxy), and the proxy decides per request anyway.
        requestHandler: proxyConfigured() ? requestHandler(t, awsAgents()) : sharedRequestHandler(t),
    };
}


/***/ })

};
