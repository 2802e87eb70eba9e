export const id = 942;
export const ids = [942];
export const modules = {

/***/ 8942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runLiveAudit: () => (/* binding */ runLiveAudit)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/credentials/aws-config.ts
var aws_config = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/credentials/sign-in-error.ts
var sign_in_error = __webpack_require__(8450);
;// CONCATENATED MODULE: ./src/credentials/oidc.ts
/**
 * GitHub Actions OIDC: fetching the ID token and showing what it claims (never the token itself).
 */

const CLAIM_NAMES = [
    'sub',
    'aud',
    'repository',
    'repository_id',
    'repository_owner_id',
    'ref',
    'environment',
];
const ID_TOKEN_PERMISSION_HINT = 'add `permissions: id-token: write` to the workflow or job (a job-level `permissions` block replaces the ' +
    "workflow's, so it must list `id-token: write` itself; pull requests from forks never get an ID token)";
/**
 * The error raised when the runner did not provide the ID-token request environment. What to do is part
 * of its one sentence (the missing variables mean the missing permission), so it has no separate hint.
 */
class OidcUnavailableError extends src_errors/* AuditError */.M_ {
    missing;
    constructor(missing) {
        super('OidcUnavailableError', `role-to-assume needs a GitHub OIDC token, but ${missing.join(' and ')} ` +
            `${missing.length === 1 ? 'is' : 'are'} not set: ${ID_TOKEN_PERMISSION_HINT}.`, { step: 'getIDToken' });
        this.missing = missing;
    }
}
/** Throws `OidcUnavailableError` unless the Actions ID-token request variables are set. */
function assertOidcAvailable(env = process.env) {
    const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((name) => !env[name]);
    if (missing.length > 0)
        throw new OidcUnavailableError(missing);
}
/**
 * Gets an ID token for `audience` through the injected `getIDToken` (the action passes
 * `core.getIDToken`, which also masks the token). Errors never include the token.
 */
async function fetchIdToken(audience, getIDToken, env = process.env) {
    assertOidcAvailable(env);
    let token;
    try {
        token = await getIDToken(audience);
    }
    catch (err) {
        throw new Error(`could not get a GitHub OIDC token for audience "${audience}": ${(0,src_errors/* oneLineMessage */.Wg)(err)}`, {
            cause: err,
        });
    }
    if (typeof token !== 'string' || token.length === 0) {
        throw new Error(`could not get a GitHub OIDC token for audience "${audience}": the response was empty`);
    }
    return token;
}
function claimString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value)) {
        const parts = value.filter((v) => typeof v === 'string' || typeof v === 'number');
        return parts.length > 0 ? parts.join(',') : null;
    }
    return null;
}
/**
 * Decodes the payload of a JWT without verifying it, keeping only the claims worth showing.
 * A token that does not decode yields all-null claims rather than an error (it is only for messages).
 */
function decodeClaims(token) {
    const empty = {
        sub: null,
        aud: null,
        repository: null,
        repository_id: null,
        repository_owner_id: null,
        ref: null,
        environment: null,
    };
    const payload = token.split('.')[1];
    if (!payload)
        return empty;
    let parsed;
    try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return empty;
    }
    if (typeof parsed !== 'object' || parsed === null)
        return empty;
    const record = parsed;
    const claims = { ...empty };
    for (const name of CLAIM_NAMES)
        claims[name] = claimString(record[name]);
    return claims;
}
/** One line per present claim, e.g. `sub: repo:octo/app:ref:refs/heads/main`. */
function formatClaims(claims) {
    return CLAIM_NAMES.filter((name) => claims[name] !== null)
        .map((name) => `${name}: ${claims[name]}`)
        .join('\n');
}

;// CONCATENATED MODULE: ./src/credentials/session.ts
/**
 * Signing in (docs/design.md §6): GitHub OIDC -> AssumeRoleWithWebIdentity(role-to-assume), or the SDK's default
 * credential chain; then, per audited account, AssumeRole(arn:PARTITION:iam::ACCOUNT:role/account-role-name)
 * with those credentials. Every temporary credential is masked with `setSecret` the moment it arrives, and
 * every provider refreshes itself (a new OIDC token, a new role session) shortly before it expires.
 */






/** Refresh a session this long before it expires (the SDK's own margin is the same 5 minutes). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** AWS caps role-chained sessions at one hour, whatever the role's maximum session duration. */
const CHAINED_SESSION_MAX_SECONDS = 3600;
const GITHUB_OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com';
/** How long to keep serving still-valid credentials after a failed refresh before trying again. */
const REFRESH_RETRY_MS = 30 * 1000;
function refreshingProvider(fetch, deps, describe) {
    let current = null;
    let inFlight = null;
    let retryAt = 0;
    const invalidate = () => {
        current = null;
        retryAt = 0;
    };
    const provider = async () => {
        const now = deps.now().getTime();
        if (current && now < current.expiresAt - REFRESH_MARGIN_MS)
            return current.identity;
        if (current && now < retryAt && now < current.expiresAt)
            return current.identity;
        if (inFlight)
            return inFlight;
        const previous = current;
        inFlight = (async () => {
            try {
                current = await fetch();
                retryAt = 0;
                return current.identity;
            }
            catch (err) {
                if (previous && deps.now().getTime() < previous.expiresAt) {
                    retryAt = deps.now().getTime() + REFRESH_RETRY_MS;
                    const reason = err instanceof Error ? `${err.name}: ${(0,src_errors/* errorMessage */.gJ)(err)}` : String(err);
                    deps.log.warning(`Could not refresh ${describe} (${reason}); using the current session until it expires.`);
                    return previous.identity;
                }
                throw err;
            }
            finally {
                inFlight = null;
            }
        })();
        return inFlight;
    };
    return Object.assign(provider, { invalidate });
}
function toExpiring(credentials, durationSeconds, deps, accountId) {
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
    if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
        throw new Error('STS returned no credentials');
    }
    // Mask first, before anything could print them.
    deps.setSecret(AccessKeyId);
    deps.setSecret(SecretAccessKey);
    deps.setSecret(SessionToken);
    const expiration = Expiration ?? new Date(deps.now().getTime() + durationSeconds * 1000);
    return {
        identity: {
            accessKeyId: AccessKeyId,
            secretAccessKey: SecretAccessKey,
            sessionToken: SessionToken,
            expiration,
            ...(accountId ? { accountId } : {}),
        },
        expiresAt: expiration.getTime(),
    };
}
/** The account id in an IAM ARN (`arn:aws:iam::123456789012:role/x` -> `123456789012`), or undefined. */
function arnAccount(arn) {
    return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}
/** `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; the role name may carry a path (`audit/IamAudit`). */
function memberRoleArn(partition, accountId, roleName) {
    const name = roleName.replace(/^\/+|\/+$/g, '');
    return `arn:${partition}:iam::${accountId}:role/${name}`;
}
/** The STS endpoint the SDK calls: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, or the regional one. */
function stsEndpoint(region) {
    const env = process.env;
    return ((env.AWS_ENDPOINT_URL_STS ?? env.AWS_ENDPOINT_URL ?? '').trim() || `https://sts.${region}.amazonaws.com`);
}
/**
 * Sign-in failures that are no matter of credentials: the endpoint unreachable (named with its address)
 * or answering a server error (named with its status). Null for anything else.
 */
function unreachedOrServerError(err, region) {
    const found = (0,errors/* networkErrorCode */.a0)(err);
    const endpoint = stsEndpoint(region);
    if (found) {
        return {
            what: `the STS endpoint ${endpoint} could not be reached (${found})`,
            hint: 'This is a network problem, not one of credentials: check the runner’s network, `HTTPS_PROXY`/`NO_PROXY`, and any `AWS_ENDPOINT_URL*` setting.',
        };
    }
    const { status, name } = (0,errors/* classifyAwsError */.u3)(err);
    if (status !== undefined && status >= 500) {
        const body = /^(?:UnknownError|Unknown|Error|ServiceException)$/.test(name)
            ? ' with an empty or unreadable body'
            : ` (${name})`;
        return {
            what: `the STS endpoint ${endpoint} answered HTTP ${status}${body}, even after the SDK retries`,
            hint: 'This is a server error, not one of credentials: run the audit again later; if it persists, check any proxy or `AWS_ENDPOINT_URL*` setting in between.',
        };
    }
    return null;
}
/** The `sub` values the trust policy must match for this token, classic and immutable forms. */
function subjectForms(claims) {
    const sub = claims.sub;
    if (!sub)
        return [];
    const m = /^repo:([^:]+):(.*)$/.exec(sub);
    if (!m)
        return [sub];
    const [, repoPart, rest] = m;
    const forms = new Set([sub]);
    const repository = claims.repository ?? repoPart.replace(/@\d+/g, '');
    const [owner, repo] = repository.split('/');
    if (owner && repo) {
        forms.add(`repo:${owner}/${repo}:${rest}`);
        if (claims.repository_owner_id && claims.repository_id) {
            forms.add(`repo:${owner}@${claims.repository_owner_id}/${repo}@${claims.repository_id}:${rest}`);
        }
    }
    return [...forms];
}
/** The message for a rejected AssumeRoleWithWebIdentity: what the token claims and what to trust. */
function webIdentityTrustHint(config, roleArn, claims) {
    const roleAccount = arnAccount(roleArn) ?? 'ACCOUNT';
    const provider = `arn:${config.partition}:iam::${roleAccount}:oidc-provider/${GITHUB_OIDC_ISSUER_HOST}`;
    const subs = subjectForms(claims);
    const shown = formatClaims(claims);
    return [
        `The trust policy of ${roleArn} must allow sts:AssumeRoleWithWebIdentity for the federated principal ${provider}`,
        `(an IAM OIDC identity provider for https://${GITHUB_OIDC_ISSUER_HOST} must exist in account ${roleAccount}),`,
        `with the condition "${GITHUB_OIDC_ISSUER_HOST}:aud" = "${claims.aud ?? config.audience}" (the \`audience\` input)`,
        `and a "${GITHUB_OIDC_ISSUER_HOST}:sub" condition (StringLike) that matches this workflow's sub` +
            (subs.length > 0 ? `, e.g. ${subs.map((s) => `"${s}"`).join(' or ')}.` : '.'),
        'Cover both the classic form repo:OWNER/REPO:... and the immutable form repo:OWNER@ID/REPO@ID:... that GitHub',
        'uses for repositories created, renamed or transferred since 15 July 2026.',
        'The ID token presented these claims:',
        ...(shown ? shown.split('\n').map((line) => `  ${line}`) : ['  (the token could not be decoded)']),
    ].join('\n');
}
function webIdentityProvider(config, roleArn, deps) {
    // AssumeRoleWithWebIdentity is unsigned: this client never resolves credentials.
    const sts = new dist_cjs/* STSClient */.iM((0,aws_config/* awsClientConfig */.rw)({ region: config.awsRegion, ...deps.aws }));
    const durationSeconds = config.roleDurationSeconds;
    let fetched = 0;
    const fetch = async () => {
        const token = await fetchIdToken(config.audience, deps.getIDToken, deps.env ?? process.env);
        deps.setSecret(token);
        let response;
        try {
            response = await sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                RoleArn: roleArn,
                RoleSessionName: config.roleSessionName,
                WebIdentityToken: token,
                DurationSeconds: durationSeconds,
            }));
        }
        catch (err) {
            const { name, kind } = (0,errors/* classifyAwsError */.u3)(err);
            const step = 'AssumeRoleWithWebIdentity';
            const reached = unreachedOrServerError(err, config.awsRegion);
            if (reached) {
                throw new sign_in_error/* SignInError */.J(`${step} of role-to-assume ${roleArn} failed: ${reached.what}`, {
                    code: name,
                    step,
                    hint: reached.hint,
                    cause: err,
                });
            }
            const what = `AssumeRoleWithWebIdentity of role-to-assume ${roleArn} failed: ${name}: ${(0,src_errors/* oneLineMessage */.Wg)(err)}`;
            const hint = kind === 'access-denied' || kind === 'invalid-identity-token'
                ? webIdentityTrustHint(config, roleArn, decodeClaims(token))
                : name === 'ValidationError' && /DurationSeconds|duration/i.test((0,src_errors/* oneLineMessage */.Wg)(err))
                    ? `Lower \`role-duration-seconds\` (${durationSeconds}) to at most the role's maximum session duration, or raise that.`
                    : null;
            throw new sign_in_error/* SignInError */.J(what, { code: name, step, hint, cause: err });
        }
        fetched++;
        const expiring = toExpiring(response.Credentials, durationSeconds, deps, arnAccount(roleArn));
        if (fetched > 1) {
            deps.log.info(`Refreshed the OIDC session of ${roleArn} (valid until ${new Date(expiring.expiresAt).toISOString()}).`);
        }
        return expiring;
    };
    return refreshingProvider(fetch, deps, `the OIDC session of ${roleArn}`);
}
function chainedProvider(config, roleArn, base, deps) {
    const durationSeconds = Math.min(CHAINED_SESSION_MAX_SECONDS, config.roleDurationSeconds);
    const accountId = arnAccount(roleArn);
    const assume = async (retried) => {
        const { client, generation } = base.current();
        try {
            // Errors keep the SDK's name (AccessDenied, …) so the per-account report can classify them.
            const response = await client.send(new dist_cjs/* AssumeRoleCommand */.QL({
                RoleArn: roleArn,
                RoleSessionName: config.roleSessionName,
                DurationSeconds: durationSeconds,
            }));
            return toExpiring(response.Credentials, durationSeconds, deps, accountId);
        }
        catch (err) {
            // The audit session expired under us (revoked, or a clock off): sign in again once and go on.
            if (retried || base.renew === null || !(0,errors/* isExpiredToken */.r_)(err))
                throw err;
            base.renew(generation, `${(0,errors/* awsErrorName */.ZH)(err)} while assuming ${roleArn}`);
            return assume(true);
        }
    };
    const fetch = () => assume(false);
    return refreshingProvider(fetch, deps, `the session of ${roleArn}`);
}
/**
 * Signs in and identifies the caller. Throws `SignInError` (with a hint) when that is impossible: then
 * nothing can be audited.
 */
async function signIn(config, deps) {
    // One client, signed with the base credentials, for GetCallerIdentity and every chained AssumeRole.
    let sts;
    let baseCredentials;
    let renew = null;
    let generation = 0;
    if (config.roleToAssume) {
        const oidc = webIdentityProvider(config, config.roleToAssume, deps);
        baseCredentials = oidc;
        // Fail here, with the trust-policy hint, rather than inside the first account.
        await baseCredentials();
        const newClient = () => new dist_cjs/* STSClient */.iM((0,aws_config/* awsClientConfig */.rw)({ region: config.awsRegion, credentials: baseCredentials, ...deps.aws }));
        sts = newClient();
        // A new client too: the SDK caches resolved credentials per client until shortly before they expire.
        renew = (seen, reason) => {
            if (seen !== generation)
                return; // another account already signed in again
            generation++;
            deps.log.warning(`The audit session expired (${reason}): signing in again with a new OIDC token.`);
            oidc.invalidate();
            sts = newClient();
        };
    }
    else {
        // The SDK's default credential chain (env, shared config/SSO, web identity file, container, IMDS),
        // as the client resolves it without explicit credentials.
        sts = new dist_cjs/* STSClient */.iM((0,aws_config/* awsClientConfig */.rw)({ region: config.awsRegion, ...deps.aws }));
        baseCredentials = sts.config.credentials;
    }
    let callerAccountId;
    let callerArn;
    try {
        const identity = await sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({}));
        if (!identity.Account || !identity.Arn)
            throw new Error('GetCallerIdentity returned no account');
        callerAccountId = identity.Account;
        callerArn = identity.Arn;
    }
    catch (err) {
        if (err instanceof sign_in_error/* SignInError */.J)
            throw err;
        const { name, kind } = (0,errors/* classifyAwsError */.u3)(err);
        const fields = { code: name, step: 'GetCallerIdentity', cause: err };
        const reached = unreachedOrServerError(err, config.awsRegion);
        if (reached) {
            throw new sign_in_error/* SignInError */.J(`Could not sign in to AWS: ${reached.what}`, { ...fields, hint: reached.hint });
        }
        const hint = kind === 'expired-token'
            ? config.roleToAssume
                ? 'The session of `role-to-assume` expired at once: check the runner’s clock.'
                : 'The ambient AWS credentials have expired (e.g. an SSO session, or credentials an earlier step ' +
                    'configured for a shorter time than the job runs): refresh them (`aws sso login`, or run ' +
                    'aws-actions/configure-aws-credentials right before this step), or set `role-to-assume` to sign in ' +
                    'with GitHub OIDC, which this action refreshes itself.'
            : config.roleToAssume
                ? null
                : 'Without `role-to-assume` the audit uses the ambient AWS credentials (environment, shared config or SSO ' +
                    'profile, instance or container role): configure them (e.g. with aws-actions/configure-aws-credentials), ' +
                    'or set `role-to-assume` to sign in with GitHub OIDC.';
        throw new sign_in_error/* SignInError */.J(`Could not sign in to AWS: ${name}: ${(0,src_errors/* oneLineMessage */.Wg)(err)}`, { ...fields, hint });
    }
    deps.log.info(`Signed in to AWS account ${callerAccountId} as ${callerArn}.`);
    const chaining = (config.accounts.length > 0 || config.organization) && config.accountRoleName !== null;
    const roleName = config.accountRoleName;
    const chained = new Map();
    const roleArnFor = (accountId) => chaining && roleName !== null && accountId !== callerAccountId
        ? memberRoleArn(config.partition, accountId, roleName)
        : null;
    const second = new Map();
    return {
        callerAccountId,
        callerArn,
        baseCredentials,
        roleArnFor,
        assumeRoleIn(accountId, otherRole) {
            const roleArn = memberRoleArn(config.partition, accountId, otherRole);
            let credentials = second.get(roleArn);
            if (!credentials) {
                credentials = chainedProvider(config, roleArn, { current: () => ({ client: sts, generation }), renew }, deps);
                second.set(roleArn, credentials);
            }
            return { roleArn, credentials };
        },
        credentialsFor(accountId) {
            const roleArn = roleArnFor(accountId);
            // The signed-in account is audited with the signed-in identity itself (docs/design.md §6).
            if (roleArn === null)
                return baseCredentials;
            let provider = chained.get(accountId);
            if (!provider) {
                provider = chainedProvider(config, roleArn, { current: () => ({ client: sts, generation }), renew }, deps);
                chained.set(accountId, provider);
            }
            return provider;
        },
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-organizations/dist-cjs/index.js
var client_organizations_dist_cjs = __webpack_require__(2503);
// EXTERNAL MODULE: ./src/aws/operations.ts
var operations = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/notes.ts
var src_notes = __webpack_require__(4462);
;// CONCATENATED MODULE: ./src/collect/shard.ts
/** Orders account ids numerically (12-digit ids; a longer digit string is the larger number). */
function compareAccountIds(a, b) {
    if (a.length !== b.length)
        return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The K-th of N deterministic slices of an account list (docs/design.md §3 `shard`, §7).
 *
 * An account belongs to slice `(account id mod N) + 1`. The slices for K = 1..N are disjoint and cover
 * every id, whatever order the list arrived in (an Organizations listing may come back in any order),
 * and, unlike a split by position, an account stays in its slice when others join or leave the
 * organization: its code scanning alerts stay in the same shard's SARIF category and its issue stays
 * with the same shard. Account ids are random, so the slices come out about the same size. Anyone can
 * tell which shard audits an account. `null` (no shard) returns the whole list; both come sorted.
 */
function selectShard(ids, shard) {
    const sorted = [...new Set(ids)].sort(compareAccountIds);
    if (shard === null)
        return sorted;
    const { index, total } = shard;
    if (!Number.isInteger(total) || total < 1 || !Number.isInteger(index) || index < 1 || index > total) {
        throw new RangeError(`invalid shard ${index}/${total}: K must be an integer from 1 to N`);
    }
    return sorted.filter((id) => shardOf(id, total) === index);
}
/** The 1-based slice of N that audits an account: (account id mod N) + 1. */
function shardOf(accountId, total) {
    return Number(BigInt(accountId) % BigInt(total)) + 1;
}

;// CONCATENATED MODULE: ./src/collect/accounts.ts
/**
 * Which accounts a run audits (docs/design.md §3): the signed-in account by default, the `accounts` list, or every
 * ACTIVE account of the organization; minus `exclude-accounts`; then this run's `shard`.
 */







/** `organizations:ListAccounts`, as the messages name it. */
const LIST_ACCOUNTS = (0,operations/* operation */.MQ)('ListAccounts').iamAction;
/** The most accounts ListAccounts returns per page. */
const LIST_ACCOUNTS_PAGE_SIZE = 20;
/** Raised when the account list cannot be obtained; its `hint` says what to fix. */
class AccountListError extends src_errors/* AuditError */.M_ {
    constructor(message, fields) {
        super('AccountListError', message, fields);
    }
}
/**
 * Whether an Organizations account is ACTIVE: by `State`, falling back to the retired `Status`
 * (September 2026) only when `State` is absent.
 */
function isActiveAccount(account) {
    if (account.State !== undefined && account.State !== null)
        return account.State === 'ACTIVE';
    return account.Status === 'ACTIVE';
}
async function listActiveOrganizationAccounts(config, session, aws) {
    const client = new client_organizations_dist_cjs/* OrganizationsClient */.gnq((0,aws_config/* awsClientConfig */.rw)({ region: config.awsRegion, credentials: session.baseCredentials, ...aws }));
    const active = [];
    let inactive = 0;
    try {
        for await (const page of (0,client_organizations_dist_cjs/* paginateListAccounts */.A53)({ client, pageSize: LIST_ACCOUNTS_PAGE_SIZE }, {})) {
            for (const account of page.Accounts ?? []) {
                if (!account.Id)
                    continue;
                if (isActiveAccount(account))
                    active.push(account.Id);
                else
                    inactive++;
            }
        }
    }
    catch (err) {
        const { name, kind } = (0,errors/* classifyAwsError */.u3)(err);
        const what = `Could not list the organization's accounts (${LIST_ACCOUNTS} as ${session.callerArn}): ${name}: ${(0,src_errors/* oneLineMessage */.Wg)(err)}`;
        let hint;
        if (name === 'AWSOrganizationsNotInUseException') {
            hint =
                `Account ${session.callerAccountId} is not in an organization. \`organization: true\` needs the ` +
                    'management account or a delegated administrator of an organization; use `accounts` to list accounts instead.';
        }
        else if (kind === 'access-denied') {
            hint =
                `\`organization: true\` must run in the management account or a delegated administrator account ` +
                    `(account ${session.callerAccountId} may be neither), and the signed-in role needs ${LIST_ACCOUNTS}; ` +
                    'check service control policies too. Or list the accounts with `accounts`.';
        }
        else {
            hint =
                `${LIST_ACCOUNTS} must succeed from the management account or a delegated administrator; ` +
                    'or list the accounts with `accounts`.';
        }
        throw new AccountListError(what, { code: name, step: 'ListAccounts', hint, cause: err });
    }
    return { active, inactive };
}
/** The accounts to audit, with notes on what was left out. Throws `AccountListError` when listing fails. */
async function planAccounts(config, session, aws) {
    const notes = [];
    let candidates;
    if (config.organization) {
        const { active, inactive } = await listActiveOrganizationAccounts(config, session, aws);
        candidates = active;
        if (inactive > 0) {
            notes.push((0,src_notes/* note */.N4) `${inactive} organization account${inactive === 1 ? ' is' : 's are'} not ACTIVE (suspended, closed or pending) and ${inactive === 1 ? 'was' : 'were'} not audited.`);
        }
    }
    else if (config.accounts.length > 0) {
        candidates = config.accounts;
    }
    else {
        candidates = [session.callerAccountId];
    }
    const excluded = new Set(config.excludeAccounts);
    const kept = [...new Set(candidates)].filter((id) => !excluded.has(id));
    const skipped = candidates.length === 0 ? 0 : new Set(candidates).size - kept.length;
    if (skipped > 0) {
        notes.push((0,src_notes/* note */.N4) `${skipped} account${skipped === 1 ? '' : 's'} skipped by ${(0,src_notes/* code */.aY)('exclude-accounts')}.`);
    }
    const accounts = selectShard(kept, config.shard);
    if (config.shard) {
        notes.push((0,src_notes/* note */.N4) `Shard ${config.shard.index}/${config.shard.total}: ${accounts.length} of ${kept.length} account${kept.length === 1 ? '' : 's'} (the accounts whose id mod N is K − 1); the other shards audit the rest.`);
    }
    return { accounts: accounts.sort(compareAccountIds), notes };
}

// EXTERNAL MODULE: ./src/audit/accounts-here.ts + 7 modules
var accounts_here = __webpack_require__(5952);
// EXTERNAL MODULE: ./src/audit/scheduler.ts
var scheduler = __webpack_require__(5578);
// EXTERNAL MODULE: ./src/threads.ts + 1 modules
var src_threads = __webpack_require__(1982);
;// CONCATENATED MODULE: ./src/audit/live.ts






/** Account threads for the run (audit/threads.ts, loaded only when there could be more than one). */
async function threadCount(accounts, concurrency) {
    if (accounts < 2 || concurrency < 2)
        return 1;
    const { threadsFor } = await __webpack_require__.e(/* import() */ 949).then(__webpack_require__.bind(__webpack_require__, 330));
    return threadsFor(accounts, concurrency);
}
/** Runs the live audit. Throws only when nothing can be audited (sign-in or account listing failed). */
async function runLiveAudit(config, deps) {
    const concurrency = Math.max(1, Math.floor(config.concurrency));
    const startLimit = deps.startLimit ?? scheduler/* DEFAULT_START_LIMIT */.NU;
    const session = await signIn(config, deps);
    deps.onSession?.(session);
    const { accounts, notes } = await planAccounts(config, session, deps.aws);
    deps.onPlan?.(accounts);
    deps.log.info(`Auditing ${accounts.length} account${accounts.length === 1 ? '' : 's'}` +
        (accounts.length > 1 ? `, ${Math.min(concurrency, accounts.length)} at a time` : '') +
        (config.shard ? ` (shard ${config.shard.index}/${config.shard.total})` : '') +
        '.');
    if (accounts.length === 0) {
        notes.push((0,src_notes/* note */.N4) `No account was left to audit after ${(0,src_notes/* code */.aY)('exclude-accounts')} and ${(0,src_notes/* code */.aY)('shard')}.`);
        return { audits: [], notes };
    }
    // Every account's report is started early (`startLimit` at a time, wider), then the accounts whose report is
    // ready are audited `concurrency` at a time (scheduler.ts). LiveAccount logs each account's outcome
    // (users, findings, exempted); the [done/total] line is the progress.
    let done = 0;
    const finish = (accountId, audit) => {
        done++;
        deps.onAccount?.(audit);
        deps.log.info(`[${done}/${accounts.length}] account ${accountId}: ${audit.account.status === 'ok' ? 'done' : 'failed'}`);
        return audit;
    };
    const failure = (accountId, err, step) => (0,accounts_here/* accountFailure */.G)({
        accountId,
        err,
        step,
        config,
        roleArn: session.roleArnFor(accountId),
        log: deps.log,
        now: deps.now,
    });
    // Assume the member role first, so a missing or untrusting role is reported as such (with its ARN)
    // rather than as the failure of whichever IAM call happened to need credentials first.
    const assume = async (accountId) => {
        if (session.roleArnFor(accountId) === null)
            return null;
        try {
            await session.credentialsFor(accountId)();
            return null;
        }
        catch (err) {
            return failure(accountId, err, 'AssumeRole');
        }
    };
    // Many accounts: over the runner's cores (threads.ts), in the built action only (the threads are the bundle).
    const entry = (0,src_threads/* threadEntry */.Vf)();
    const threads = entry && !deps.aws && !deps.random ? await threadCount(accounts.length, concurrency) : 1;
    const audits = entry && threads > 1
        ? await (await __webpack_require__.e(/* import() */ 949).then(__webpack_require__.bind(__webpack_require__, 330))).auditOnThreads({
            accounts,
            threads,
            entry,
            limits: { concurrency, startLimit },
            task: {
                config,
                callerArn: session.callerArn,
                roleArns: Object.fromEntries(accounts.map((a) => [a, session.roleArnFor(a)])),
                debug: deps.log.debug !== undefined,
            },
            host: {
                assume,
                credentials: (accountId) => session.credentialsFor(accountId)(),
                log: deps.log,
                done: (accountId, audit) => void finish(accountId, audit),
            },
            failure: (accountId, err) => failure(accountId, err, 'audit'),
        })
        : await (0,accounts_here/* auditAccountsHere */.C)(accounts, { concurrency, startLimit }, {
            config,
            log: deps.log,
            now: deps.now,
            sleep: deps.sleep,
            callerArn: session.callerArn,
            roleArnFor: (accountId) => session.roleArnFor(accountId),
            credentialsFor: (accountId) => session.credentialsFor(accountId),
            assume,
            failure: (accountId, err) => failure(accountId, err, 'audit'),
            done: finish,
            ...(deps.aws ? { aws: deps.aws } : {}),
            ...(deps.random ? { random: deps.random } : {}),
        });
    const failed = audits.filter((a) => a.account.status === 'error').length;
    if (failed > 0) {
        deps.log.warning(`${failed} of ${audits.length} account${audits.length === 1 ? '' : 's'} could not be audited.`);
    }
    return { audits, notes };
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
