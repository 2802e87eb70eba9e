export const id = 382;
export const ids = [382];
export const modules = {

/***/ 2382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishToSecurityHub: () => (/* binding */ publishToSecurityHub)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-securityhub/dist-cjs/index.js
var dist_cjs = __webpack_require__(6200);
// EXTERNAL MODULE: ./src/credentials/aws-config.ts
var aws_config = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/operations.ts
var operations = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/collect/pool.ts
var pool = __webpack_require__(6990);
// EXTERNAL MODULE: ./src/evaluate/rule.ts
var rule = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/evaluate/rules/index.ts + 1 modules
var rules = __webpack_require__(8029);
// EXTERNAL MODULE: ./src/evaluate/identity.ts
var identity = __webpack_require__(3697);
// EXTERNAL MODULE: ./src/evaluate/intent.ts
var intent = __webpack_require__(9377);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/report/asff.ts







const ASFF_SCHEMA_VERSION = '2018-10-08';
/** The finding type of the rules, all CIS checks (namespace/category/classifier). */
const ASFF_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';
/** The generators of this tool's findings: one per rule, its id. */
const ASFF_GENERATOR_IDS = rules/* RULES */.y0.map((r) => r.id);
/** BatchImportFindings accepts at most this many findings per call. */
const ASFF_BATCH_SIZE = 100;
/** Security Hub rejects a finding larger than 240 KB. */
const ASFF_MAX_FINDING_BYTES = 240 * 1024;
const ASFF_LIMITS = {
    id: 512,
    generatorId: 512,
    title: 256,
    description: 1024,
    recommendationText: 512,
    types: 50,
    productFields: 50,
    productFieldKey: 128,
    productFieldValue: 2048,
    resources: 32,
    resourceId: 256,
    resourceRegion: 16,
    severityOriginal: 64,
    relatedRequirements: 32,
};
/** ProductFields keys this tool writes (besides the standard ProviderName/ProviderVersion). */
const FIELD_PREFIX = `${rule/* TOOL_NAME */.lH}/`;
const FIELD_LOCATION = `${FIELD_PREFIX}location`;
const FIELD_JUSTIFICATION = `${FIELD_PREFIX}justification`;
const FIELD_RESOLUTION = `${FIELD_PREFIX}resolution`;
/** `arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`: an account's own findings. */
function defaultProductArn(partition, region, accountId) {
    return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}
/**
 * The finding Id of rule `ruleId`'s finding on the key at `location` (default: the first rule's): the
 * SARIF fingerprint's hash of the finding's identity, under rule and account.
 */
function asffId(accountId, location, ruleId = rules/* RULES */.y0[0].id) {
    const hash = (0,sarif/* locationFingerprint */.y$)((0,identity/* identityOf */.cu)(ruleId, location)).replace(/:\d+$/, '');
    return `${ruleId}/${accountId}/${hash}`;
}
/** The ASFF severity label of a rule's failing finding. */
function severityLabel(rule) {
    return rule.severity.toUpperCase();
}
/** At most `max` code points, one line, with `…` when cut; undefined when blank. */
function fitText(s, max) {
    if (s === null || s === undefined)
        return undefined;
    const line = (0,markdown/* oneLine */.TN)(s);
    if (line.trim() === '')
        return undefined;
    const chars = [...line];
    return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
/** At most `max` code points, otherwise exactly as given (ProductFields values are data); undefined when blank. */
function fitValue(s, max) {
    if (s === null || s === undefined || s.trim() === '')
        return undefined;
    const chars = [...s];
    return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
/** ProductFields within the limits: blank values left out, keys and values cut, at most 50 pairs. */
function fitProductFields(fields) {
    const out = {};
    let n = 0;
    for (const [k, v] of Object.entries(fields)) {
        const key = fitValue(k, ASFF_LIMITS.productFieldKey);
        const value = fitValue(v, ASFF_LIMITS.productFieldValue);
        if (key === undefined || value === undefined || key in out)
            continue;
        if (n++ >= ASFF_LIMITS.productFields)
            break;
        out[key] = value;
    }
    return out;
}
/** `/staff/` from `arn:aws:iam::111122223333:user/staff/bob`. */
function userPath(arn) {
    const m = /:user(\/.*\/)[^/]+$/.exec(arn);
    return m?.[1] ?? '/';
}
function resources(f, ctx) {
    const keyId = f.accessKeyId ?? `${f.userArn}/access-key-${f.keySlot}`;
    return [
        {
            Type: 'AwsIamAccessKey',
            Id: fitValue(keyId, ASFF_LIMITS.resourceId),
            Partition: ctx.partition,
            Region: ctx.region,
            Details: {
                AwsIamAccessKey: {
                    PrincipalName: f.userName,
                    PrincipalType: 'IAMUser',
                    AccountId: f.accountId,
                    Status: 'Active',
                    ...(f.keyCreatedAt !== null ? { CreatedAt: f.keyCreatedAt } : {}),
                    ...(f.accessKeyId ? { AccessKeyId: f.accessKeyId } : {}),
                },
            },
        },
        {
            Type: 'AwsIamUser',
            Id: fitValue(f.userArn, ASFF_LIMITS.resourceId),
            Partition: ctx.partition,
            Region: ctx.region,
            Details: {
                AwsIamUser: { UserName: f.userName, Path: userPath(f.userArn), CreateDate: f.userCreatedAt },
            },
        },
    ];
}
/** `CIS AWS Foundations Benchmark v3.0.0/1.11`, as Security Hub names CIS requirements. */
function relatedRequirements(rule) {
    return rule.cis
        .slice(0, ASFF_LIMITS.relatedRequirements)
        .map((m) => `CIS AWS Foundations Benchmark ${m.version}/${m.control}`);
}
function evidence(f, ctx) {
    const s = (v) => (v === null ? null : String(v));
    return {
        ProviderName: rule/* TOOL_NAME */.lH,
        ProviderVersion: ctx.toolVersion,
        [FIELD_LOCATION]: f.location,
        [`${FIELD_PREFIX}userName`]: f.userName,
        [`${FIELD_PREFIX}userArn`]: f.userArn,
        [`${FIELD_PREFIX}accountAlias`]: ctx.alias ?? null,
        [`${FIELD_PREFIX}keySlot`]: s(f.keySlot),
        [`${FIELD_PREFIX}accessKeyId`]: f.accessKeyId,
        [`${FIELD_PREFIX}reason`]: f.reason,
        [`${FIELD_PREFIX}userCreatedAt`]: f.userCreatedAt,
        [`${FIELD_PREFIX}keyCreatedAt`]: f.keyCreatedAt,
        [`${FIELD_PREFIX}setupGapSeconds`]: s(f.setupGapSeconds),
        [`${FIELD_PREFIX}keyLastUsedAt`]: f.keyLastUsedAt,
        [`${FIELD_PREFIX}keyLastUsedService`]: f.keyLastUsedService,
        [`${FIELD_PREFIX}keyLastUsedRegion`]: f.keyLastUsedRegion,
        [`${FIELD_PREFIX}passwordLastUsedAt`]: f.passwordLastUsedAt,
        [`${FIELD_PREFIX}mfaActive`]: s(f.mfaActive),
        [`${FIELD_PREFIX}exemptionExpired`]: s(f.exemptionExpired),
        // who made the key (docs/design.md §10): `by` is written by whoever made the call (capped at 200 characters)
        [`${FIELD_PREFIX}keyCreation.by`]: f.keyCreation?.by ?? null,
        [`${FIELD_PREFIX}keyCreation.via`]: f.keyCreation?.via ?? null,
        [`${FIELD_PREFIX}keyCreation.self`]: s(f.keyCreation?.self ?? null),
    };
}
function description(f, ctx) {
    return (0,format/* findingSentence */.dj)(f, { ...ctx, shortDescription: (0,rules/* ruleOf */.Y)(f).shortDescription });
}
/** The earlier of two ISO times (either may be absent or unreadable). */
function earliest(a, b) {
    const ta = a === undefined ? NaN : Date.parse(a);
    const tb = b === undefined ? NaN : Date.parse(b);
    if (Number.isNaN(ta))
        return Number.isNaN(tb) ? undefined : b;
    if (Number.isNaN(tb))
        return a;
    return ta <= tb ? a : b;
}
/** The first time a finding was observed, when the audit knows it (a field issue 12 adds). */
function firstSeenAt(f) {
    const v = f.firstSeenAt;
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
/**
 * The ACTIVE / FAILED record of a failing key. `existing` is the account's earlier finding with the same
 * Id, if any: its CreatedAt and FirstObservedAt are kept, so a re-import only moves UpdatedAt and
 * LastObservedAt (and whatever evidence changed).
 */
function activeFinding(f, ctx, existing) {
    const rule = (0,rules/* ruleOf */.Y)(f);
    return {
        ...baseRecord(f, ctx, existing),
        Severity: { Label: severityLabel(rule), Original: rule.securitySeverity },
        FindingProviderFields: {
            Severity: { Label: severityLabel(rule), Original: rule.securitySeverity },
            Types: [ASFF_TYPE],
        },
        Compliance: { Status: 'FAILED', RelatedRequirements: relatedRequirements(rule) },
        RecordState: 'ACTIVE',
    };
}
/**
 * The ARCHIVED / PASSED record of a key that is exempted now, with the justification in ProductFields
 * (resolution `exempted`), or that its user made themself (resolution `self-created`, docs/design.md §10).
 */
function exemptedFinding(f, ctx, existing) {
    const rule = (0,rules/* ruleOf */.Y)(f);
    const base = baseRecord(f, ctx, existing);
    return {
        ...base,
        Severity: { Label: 'INFORMATIONAL', Original: rule.securitySeverity },
        FindingProviderFields: {
            Severity: { Label: 'INFORMATIONAL', Original: rule.securitySeverity },
            Types: [ASFF_TYPE],
        },
        ProductFields: fitProductFields({
            ...base.ProductFields,
            [FIELD_RESOLUTION]: f.selfCreated === true ? 'self-created' : 'exempted',
            [FIELD_JUSTIFICATION]: f.justification,
        }),
        Compliance: { Status: 'PASSED', RelatedRequirements: relatedRequirements(rule) },
        RecordState: 'ARCHIVED',
    };
}
function baseRecord(f, ctx, existing) {
    const sourceUrl = fitValue(ctx.sourceUrl, 2048);
    const rule = (0,rules/* ruleOf */.Y)(f);
    return {
        SchemaVersion: ASFF_SCHEMA_VERSION,
        Id: asffId(f.accountId, f.location, rule.id),
        ProductArn: defaultProductArn(ctx.partition, ctx.region, f.accountId),
        GeneratorId: rule.id,
        AwsAccountId: f.accountId,
        Types: [ASFF_TYPE],
        FirstObservedAt: earliest(firstSeenAt(f), existing?.FirstObservedAt) ?? ctx.now,
        LastObservedAt: ctx.now,
        CreatedAt: existing?.CreatedAt ?? ctx.now,
        UpdatedAt: ctx.now,
        Title: fitText(`IAM user ${f.userName} has ${rule.wording.findingTitle(f, ctx.setupWindowSeconds)}`, ASFF_LIMITS.title),
        Description: fitText(description(f, ctx), ASFF_LIMITS.description),
        Remediation: {
            Recommendation: {
                Text: fitText(rule.recommendation, ASFF_LIMITS.recommendationText),
                Url: rule.helpUri,
            },
        },
        ...(sourceUrl ? { SourceUrl: sourceUrl } : {}),
        ProductFields: fitProductFields(evidence(f, ctx)),
        Resources: resources(f, ctx),
    };
}
/** Fields of an earlier finding that a provider may send again (none Security Hub or users own). */
const RESENDABLE = [
    'SchemaVersion',
    'Id',
    'ProductArn',
    'GeneratorId',
    'AwsAccountId',
    'Types',
    'FirstObservedAt',
    'LastObservedAt',
    'CreatedAt',
    'Title',
    'Description',
    'Remediation',
    'SourceUrl',
    'Resources',
];
/**
 * The ARCHIVED / PASSED record of an earlier ACTIVE finding whose key is no longer a finding (deleted,
 * deactivated, used again, or its user no longer signs in). Built from the earlier finding itself: the
 * key is gone from the audit, so nothing else describes it. Fields Security Hub or its users own
 * (Workflow, Note, UserDefinedFields, `aws/…` ProductFields, …) are not sent back.
 */
function resolvedFinding(existing, now) {
    // Its generator is its rule (Security Hub's listing keeps only this tool's generators).
    const rule = (0,rules/* ruleById */.BD)(existing.GeneratorId ?? '') ?? rules/* RULES */.y0[0];
    const out = {};
    for (const k of RESENDABLE)
        if (existing[k] !== undefined)
            out[k] = existing[k];
    const own = {};
    for (const [k, v] of Object.entries(existing.ProductFields ?? {}))
        if (!k.startsWith('aws/'))
            own[k] = v;
    return {
        ...out,
        SchemaVersion: existing.SchemaVersion ?? ASFF_SCHEMA_VERSION,
        Id: existing.Id,
        ProductArn: existing.ProductArn,
        GeneratorId: existing.GeneratorId,
        AwsAccountId: existing.AwsAccountId,
        CreatedAt: existing.CreatedAt ?? now,
        UpdatedAt: now,
        Title: existing.Title,
        Description: existing.Description,
        Resources: existing.Resources,
        Severity: { Label: 'INFORMATIONAL', Original: rule.securitySeverity },
        FindingProviderFields: {
            Severity: { Label: 'INFORMATIONAL', Original: rule.securitySeverity },
            Types: [ASFF_TYPE],
        },
        ProductFields: fitProductFields({ ...own, [FIELD_RESOLUTION]: 'resolved' }),
        Compliance: { Status: 'PASSED', RelatedRequirements: relatedRequirements(rule) },
        RecordState: 'ARCHIVED',
    };
}
/** The size Security Hub measures: the record's JSON, in bytes. */
function asffBytes(finding) {
    return Buffer.byteLength(JSON.stringify(finding), 'utf8');
}
/** `items` in consecutive slices of at most `size` (BatchImportFindings: 100). */
function batches(items, size = ASFF_BATCH_SIZE) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/**
 * Decides one account's import (pure): every failing key of the account as ACTIVE (keeping the first-seen
 * times of its earlier finding); every earlier ACTIVE finding whose key is no longer failing as ARCHIVED —
 * with the justification when the key is exempted now. Exempted keys without an earlier ACTIVE finding
 * are not imported at all (there is nothing to close).
 */
function planAccountImport(opts) {
    const { accountId, ctx } = opts;
    const earlier = new Map();
    // A key keeps its finding whatever its location says now (a renamed user, a deleted twin key): by key id.
    const byKeyId = new Map();
    for (const e of opts.existing) {
        if (!e.Id)
            continue;
        earlier.set(e.Id, e);
        const keyId = e.Resources?.[0]?.Details?.AwsIamAccessKey?.AccessKeyId;
        if (keyId)
            byKeyId.set(keyId, e);
    }
    const active = [];
    const archived = [];
    const seen = new Set();
    const computed = new Set(opts.findings.map((f) => asffId(f.accountId, f.location, f.ruleId)));
    let updates = 0;
    for (const f of opts.findings) {
        if (f.accountId !== accountId)
            continue;
        let id = asffId(f.accountId, f.location, f.ruleId);
        let prior = earlier.get(id);
        const moved = !prior && f.accessKeyId ? byKeyId.get(f.accessKeyId) : undefined;
        if (moved?.Id && !computed.has(moved.Id) && !seen.has(moved.Id)) {
            id = moved.Id;
            prior = moved;
        }
        if (seen.has(id))
            continue;
        seen.add(id);
        const keep = (r) => (r.Id === id ? r : { ...r, Id: id });
        if ((0,intent/* isFailing */.DI)(f)) {
            active.push(keep(activeFinding(f, ctx, prior)));
            if (prior)
                updates++;
        }
        else if (prior) {
            archived.push(keep(exemptedFinding(f, ctx, prior)));
        }
    }
    for (const [id, e] of earlier)
        if (!seen.has(id))
            archived.push(resolvedFinding(e, ctx.now));
    return { active, archived, updates };
}

// EXTERNAL MODULE: ./src/notes.ts
var notes = __webpack_require__(4462);
;// CONCATENATED MODULE: ./src/publish/security-hub.ts
/**
 * AWS Security Hub (docs/design.md §9), the I/O edge: for each account audited successfully this run, with that
 * account's own credentials (BatchImportFindings only takes an account's findings from the account
 * itself, under its default product ARN):
 *
 * 1. read the account's ACTIVE findings of this tool's rules (GetFindings filtered by product ARN, generator
 *    ids (one per rule) and record state, every page; filtered again here, as emulators ignore filters);
 * 2. import every failing key as ACTIVE / FAILED and every earlier ACTIVE finding whose key is no longer
 *    failing (resolved, or exempted: with its justification) as ARCHIVED / PASSED, 100 per call.
 *
 * Repeat runs: a still-failing key is imported again every run, keeping its CreatedAt and
 * FirstObservedAt from the earlier finding, so only UpdatedAt and LastObservedAt move (and evidence that
 * changed, e.g. a new last use). That is how Security Hub learns the problem is still observed; skipping
 * unchanged findings would leave LastObservedAt at the first run and make a live problem look stale. An
 * archived finding is not ACTIVE any more, so it is archived once and then left alone; a key is one
 * finding Id for ever, so no run duplicates it.
 *
 * Nothing here throws: a missing permission, Security Hub not enabled, or findings Security Hub rejects
 * are warnings naming the account and what to fix; other accounts and every other report go on.
 */








const GET_FINDINGS = (0,operations/* operation */.MQ)('GetFindings').iamAction;
const BATCH_IMPORT = (0,operations/* operation */.MQ)('BatchImportFindings').iamAction;
/** The warning for a failed Security Hub call: what failed, and what to fix. */
function describeSecurityHubError(err, ctx) {
    const { name, kind } = (0,errors/* classifyAwsError */.u3)(err);
    const what = `${name}: ${(0,src_errors/* oneLineMessage */.Wg)(err)}`;
    const prefix = `Security Hub, account ${ctx.accountId} (${ctx.region})`;
    if (name === 'InvalidAccessException') {
        return (0,notes/* note */.N4) `${prefix}: Security Hub is not enabled there (${what}). Enable it in that account and region, or set ${(0,notes/* code */.aY)('security-hub-region')} to the region where it is; nothing was imported for this account.`;
    }
    if (kind === 'access-denied') {
        return (0,notes/* note */.N4) `${prefix}: ${ctx.who} may not call ${ctx.action} (${what}). Grant ${operations/* SECURITY_HUB_ACTIONS */.tl.join(' and ')} (the README's optional Security Hub statement); nothing was imported for this account.`;
    }
    return (0,notes/* note */.N4) `${prefix}: ${ctx.action.replace('securityhub:', '')} failed (${what}); nothing more was imported for this account.`;
}
/** Whether an earlier finding is one of ours in this account: product, a rule's generator, state, Id prefix. */
function isOurs(f, productArn, accountId) {
    return (f.ProductArn === productArn &&
        typeof f.GeneratorId === 'string' &&
        ASFF_GENERATOR_IDS.includes(f.GeneratorId) &&
        f.AwsAccountId === accountId &&
        f.RecordState === 'ACTIVE' &&
        typeof f.Id === 'string' &&
        f.Id.startsWith(`${f.GeneratorId}/${accountId}/`));
}
/** The account's ACTIVE findings of this tool's rules, every page. */
async function activeFindings(client, productArn, accountId) {
    const eq = (Value) => [{ Value, Comparison: 'EQUALS' }];
    const Filters = {
        ProductArn: eq(productArn),
        GeneratorId: ASFF_GENERATOR_IDS.map((Value) => ({ Value, Comparison: 'EQUALS' })),
        RecordState: eq('ACTIVE'),
        AwsAccountId: eq(accountId),
    };
    const out = [];
    const seen = new Set();
    for await (const page of (0,dist_cjs/* paginateGetFindings */.UGI)({ client, pageSize: 100 }, { Filters, MaxResults: 100 })) {
        for (const f of page.Findings ?? []) {
            if (!isOurs(f, productArn, accountId) || seen.has(f.Id))
                continue;
            seen.add(f.Id);
            out.push(f);
        }
    }
    return out;
}
async function publishAccount(accountId, opts, ctx) {
    const outcome = { imported: 0, archived: 0, warnings: [] };
    const who = opts.roleArnFor?.(accountId) ?? `the credentials used for account ${accountId}`;
    const credentials = opts.credentialsFor(accountId);
    const client = opts.client?.(accountId, credentials) ??
        new dist_cjs/* SecurityHubClient */.xku((0,aws_config/* awsClientConfig */.rw)({ region: opts.region, credentials, ...opts.aws }));
    const productArn = defaultProductArn(opts.partition, opts.region, accountId);
    try {
        let existing;
        try {
            existing = await activeFindings(client, productArn, accountId);
        }
        catch (err) {
            // Without the earlier findings an import would reset their first-seen times and leave resolved
            // keys ACTIVE: better to import nothing and say why.
            outcome.warnings.push(describeSecurityHubError(err, {
                accountId,
                region: opts.region,
                action: GET_FINDINGS,
                who,
            }));
            return outcome;
        }
        const plan = planAccountImport({ accountId, findings: opts.result.findings, existing, ctx });
        const records = [];
        for (const r of [...plan.active, ...plan.archived]) {
            const bytes = asffBytes(r);
            if (bytes > ASFF_MAX_FINDING_BYTES) {
                outcome.warnings.push((0,notes/* note */.N4) `Security Hub, account ${accountId} (${opts.region}): finding ${String(r.Id)} is ${bytes} bytes, over Security Hub's ${ASFF_MAX_FINDING_BYTES}; it was not imported.`);
                continue;
            }
            records.push(r);
        }
        for (const batch of batches(records, ASFF_BATCH_SIZE)) {
            let response;
            try {
                response = await client.send(new dist_cjs/* BatchImportFindingsCommand */.blM({ Findings: batch }));
            }
            catch (err) {
                outcome.warnings.push(describeSecurityHubError(err, {
                    accountId,
                    region: opts.region,
                    action: BATCH_IMPORT,
                    who,
                }));
                return outcome;
            }
            const failed = response.FailedFindings ?? [];
            const failedIds = new Set(failed.map((f) => f.Id));
            for (const r of batch) {
                if (failedIds.has(r.Id))
                    continue;
                if (r.RecordState === 'ARCHIVED')
                    outcome.archived++;
                else
                    outcome.imported++;
            }
            if (failed.length > 0) {
                const shown = failed
                    .slice(0, 3)
                    .map((f) => `${f.Id}: ${f.ErrorCode ?? 'error'} ${(0,src_errors/* oneLineMessage */.Wg)(f.ErrorMessage ?? '')}`.trim());
                outcome.warnings.push((0,notes/* note */.N4) `Security Hub, account ${accountId} (${opts.region}): BatchImportFindings rejected ${failed.length} of ${batch.length} findings (${shown.join('; ')}${failed.length > 3 ? '; …' : ''}).`);
            }
        }
        opts.log.info(`Security Hub, account ${accountId} (${opts.region}): ${outcome.imported} active finding(s) imported ` +
            `(${plan.updates} already there), ${outcome.archived} archived.`);
        return outcome;
    }
    finally {
        if (!opts.client)
            client.destroy();
    }
}
/**
 * Imports the run's findings into the Security Hub of every account audited successfully. Never
 * throws; every warning is also logged.
 */
async function publishToSecurityHub(opts) {
    const { result } = opts;
    const accounts = result.accounts.filter((a) => a.status === 'ok');
    const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
    const outcomes = await (0,pool/* mapWithConcurrency */.WS)(accounts, opts.concurrency, async (a) => {
        const ctx = {
            partition: opts.partition,
            region: opts.region,
            now: result.generatedAt,
            asOf: result.asOf,
            setupWindowSeconds: result.settings.setupWindowSeconds,
            toolVersion: opts.toolVersion,
            alias: aliases.get(a.accountId) ?? null,
            sourceUrl: opts.sourceUrl ?? null,
        };
        try {
            return await publishAccount(a.accountId, opts, ctx);
        }
        catch (err) {
            // publishAccount catches the AWS calls; anything else (a bug) still stays a warning.
            return {
                imported: 0,
                archived: 0,
                warnings: [
                    (0,notes/* note */.N4) `Security Hub, account ${a.accountId} (${opts.region}): ${(0,errors/* awsErrorName */.ZH)(err)}: ${(0,src_errors/* oneLineMessage */.Wg)(err)}`,
                ],
            };
        }
    });
    const total = { imported: 0, archived: 0, warnings: [] };
    for (const o of outcomes) {
        total.imported += o.imported;
        total.archived += o.archived;
        total.warnings.push(...o.warnings);
    }
    for (const w of total.warnings)
        opts.log.warning((0,notes/* noteText */.gA)(w));
    return total;
}


/***/ })

};
