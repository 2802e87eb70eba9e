/**
 * AWS Security Finding Format (ASFF, SchemaVersion 2018-10-08) for AWS Security Hub (docs/design.md §9): one
 * finding per failing key, with the default product ARN of the account that imports it. Pure: every
 * function here maps data (the audit's findings, the account's earlier Security Hub findings, the run
 * time) to ASFF records; the I/O is in src/publish/security-hub.ts.
 *
 * Identity: the finding `Id` is built from the same hash of the finding's identity (its rule and the key's
 * location, src/evaluate/identity.ts) as the SARIF `primaryLocationLineHash` (`locationFingerprint`), so
 * one key is one Security Hub finding per rule across runs, just as it is one code scanning alert. Each
 * rule is its own generator (`GeneratorId` is the rule id).
 *
 * Limits (AWS Security Hub API reference, `AwsSecurityFinding`): Id and GeneratorId 1-512 characters,
 * Title 1-256, Description 1-1024, Remediation.Recommendation.Text 1-512, Types at most 50,
 * ProductFields at most 50 pairs (key 128, value 2048 characters), Resources 1-32 (Resource.Id 1-256,
 * Resource.Region 1-16), Severity.Original 1-64, Compliance.RelatedRequirements at most 32; 240 KB per
 * finding; BatchImportFindings takes at most 100 findings per call. Text fields must hold a
 * non-blank character (pattern `.*\S.*`): blank values are left out.
 *
 * ProductFields: this tool writes at most 23 pairs, each key under `iam-initial-access-key-audit/`
 * (under 50 characters): the finding's evidence, and, when the live audit knows who made the key
 * (docs/design.md §10), `keyCreation.by` (the actor, at most 200 characters, written by whoever made the call:
 * data, never acted on), `keyCreation.via` and `keyCreation.self` (`true`/`false`). Unknown values are
 * left out.
 */
import type { AwsSecurityFinding, Resource } from '@aws-sdk/client-securityhub';
import type { Finding, Partition } from '../model.js';
import { TOOL_NAME, type Rule } from '../evaluate/rule.js';
import { RULES, ruleById, ruleOf } from '../evaluate/rules/index.js';
import { identityOf } from '../evaluate/identity.js';
import { isFailing } from '../evaluate/intent.js';
import { findingSentence } from './format.js';
import { oneLine } from './markdown.js';
import { locationFingerprint } from './sarif.js';

const ASFF_SCHEMA_VERSION = '2018-10-08';
/** The finding type of the rules, all CIS checks (namespace/category/classifier). */
export const ASFF_TYPE =
  'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';
/** The generators of this tool's findings: one per rule, its id. */
export const ASFF_GENERATOR_IDS: readonly string[] = RULES.map((r) => r.id);
/** BatchImportFindings accepts at most this many findings per call. */
export const ASFF_BATCH_SIZE = 100;
/** Security Hub rejects a finding larger than 240 KB. */
export const ASFF_MAX_FINDING_BYTES = 240 * 1024;

export const ASFF_LIMITS = {
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
} as const;

/** ProductFields keys this tool writes (besides the standard ProviderName/ProviderVersion). */
const FIELD_PREFIX = `${TOOL_NAME}/`;
const FIELD_LOCATION = `${FIELD_PREFIX}location`;
const FIELD_JUSTIFICATION = `${FIELD_PREFIX}justification`;
const FIELD_RESOLUTION = `${FIELD_PREFIX}resolution`;

/** What a finding's ASFF record needs besides the finding itself. */
export interface AsffContext {
  partition: Partition;
  /** The Security Hub region the findings are imported into. */
  region: string;
  /** This run's time: UpdatedAt and LastObservedAt. */
  now: string;
  /** The report's `asOf`, to phrase "last used … days before …". */
  asOf: string;
  /** The `setup-window` in seconds, to phrase "created at user setup". */
  setupWindowSeconds: number;
  toolVersion: string;
  /** The account alias, for ProductFields. */
  alias?: string | null;
  /** The workflow run, as SourceUrl. */
  sourceUrl?: string | null;
}

/** The earlier Security Hub finding of the same key, whose first-seen times a re-import keeps. */
export type ExistingTimes = Partial<Pick<AwsSecurityFinding, 'CreatedAt' | 'FirstObservedAt'>>;

/** `arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`: an account's own findings. */
export function defaultProductArn(partition: Partition, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/**
 * The finding Id of rule `ruleId`'s finding on the key at `location` (default: the first rule's): the
 * SARIF fingerprint's hash of the finding's identity, under rule and account.
 */
export function asffId(accountId: string, location: string, ruleId = (RULES[0] as Rule).id): string {
  const hash = locationFingerprint(identityOf(ruleId, location)).replace(/:\d+$/, '');
  return `${ruleId}/${accountId}/${hash}`;
}

/** The ASFF severity label of a rule's failing finding. */
function severityLabel(rule: Rule): NonNullable<AwsSecurityFinding['Severity']>['Label'] {
  return rule.severity.toUpperCase() as NonNullable<AwsSecurityFinding['Severity']>['Label'];
}

/** At most `max` code points, one line, with `…` when cut; undefined when blank. */
function fitText(s: string | null | undefined, max: number): string | undefined {
  if (s === null || s === undefined) return undefined;
  const line = oneLine(s);
  if (line.trim() === '') return undefined;
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

/** At most `max` code points, otherwise exactly as given (ProductFields values are data); undefined when blank. */
function fitValue(s: string | null | undefined, max: number): string | undefined {
  if (s === null || s === undefined || s.trim() === '') return undefined;
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** ProductFields within the limits: blank values left out, keys and values cut, at most 50 pairs. */
function fitProductFields(fields: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(fields)) {
    const key = fitValue(k, ASFF_LIMITS.productFieldKey);
    const value = fitValue(v, ASFF_LIMITS.productFieldValue);
    if (key === undefined || value === undefined || key in out) continue;
    if (n++ >= ASFF_LIMITS.productFields) break;
    out[key] = value;
  }
  return out;
}

/** `/staff/` from `arn:aws:iam::111122223333:user/staff/bob`. */
function userPath(arn: string): string {
  const m = /:user(\/.*\/)[^/]+$/.exec(arn);
  return m?.[1] ?? '/';
}

function resources(f: Finding, ctx: AsffContext): Resource[] {
  const keyId = f.accessKeyId ?? `${f.userArn}/access-key-${f.keySlot}`;
  return [
    {
      Type: 'AwsIamAccessKey',
      Id: fitValue(keyId, ASFF_LIMITS.resourceId)!,
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
      Id: fitValue(f.userArn, ASFF_LIMITS.resourceId)!,
      Partition: ctx.partition,
      Region: ctx.region,
      Details: {
        AwsIamUser: { UserName: f.userName, Path: userPath(f.userArn), CreateDate: f.userCreatedAt },
      },
    },
  ];
}

/** `CIS AWS Foundations Benchmark v3.0.0/1.11`, as Security Hub names CIS requirements. */
function relatedRequirements(rule: Rule): string[] {
  return rule.cis
    .slice(0, ASFF_LIMITS.relatedRequirements)
    .map((m) => `CIS AWS Foundations Benchmark ${m.version}/${m.control}`);
}

function evidence(f: Finding, ctx: AsffContext): Record<string, string | null> {
  const s = (v: string | number | boolean | null) => (v === null ? null : String(v));
  return {
    ProviderName: TOOL_NAME,
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

function description(f: Finding, ctx: AsffContext): string {
  return findingSentence(f, { ...ctx, shortDescription: ruleOf(f).shortDescription });
}

/** The earlier of two ISO times (either may be absent or unreadable). */
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  const ta = a === undefined ? NaN : Date.parse(a);
  const tb = b === undefined ? NaN : Date.parse(b);
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? undefined : b;
  if (Number.isNaN(tb)) return a;
  return ta <= tb ? a : b;
}

/** The first time a finding was observed, when the audit knows it (a field issue 12 adds). */
function firstSeenAt(f: Finding): string | undefined {
  const v = (f as Finding & { firstSeenAt?: string | null }).firstSeenAt;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * The ACTIVE / FAILED record of a failing key. `existing` is the account's earlier finding with the same
 * Id, if any: its CreatedAt and FirstObservedAt are kept, so a re-import only moves UpdatedAt and
 * LastObservedAt (and whatever evidence changed).
 */
export function activeFinding(f: Finding, ctx: AsffContext, existing?: ExistingTimes): AwsSecurityFinding {
  const rule = ruleOf(f);
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
export function exemptedFinding(f: Finding, ctx: AsffContext, existing?: ExistingTimes): AwsSecurityFinding {
  const rule = ruleOf(f);
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

function baseRecord(
  f: Finding,
  ctx: AsffContext,
  existing?: ExistingTimes,
): AwsSecurityFinding & { ProductFields: Record<string, string> } {
  const sourceUrl = fitValue(ctx.sourceUrl, 2048);
  const rule = ruleOf(f);
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
    Title: fitText(
      `IAM user ${f.userName} has ${rule.wording.findingTitle(f, ctx.setupWindowSeconds)}`,
      ASFF_LIMITS.title,
    )!,
    Description: fitText(description(f, ctx), ASFF_LIMITS.description)!,
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
] as const satisfies readonly (keyof AwsSecurityFinding)[];

/**
 * The ARCHIVED / PASSED record of an earlier ACTIVE finding whose key is no longer a finding (deleted,
 * deactivated, used again, or its user no longer signs in). Built from the earlier finding itself: the
 * key is gone from the audit, so nothing else describes it. Fields Security Hub or its users own
 * (Workflow, Note, UserDefinedFields, `aws/…` ProductFields, …) are not sent back.
 */
export function resolvedFinding(existing: AwsSecurityFinding, now: string): AwsSecurityFinding {
  // Its generator is its rule (Security Hub's listing keeps only this tool's generators).
  const rule = ruleById(existing.GeneratorId ?? '') ?? (RULES[0] as Rule);
  const out: Record<string, unknown> = {};
  for (const k of RESENDABLE) if (existing[k] !== undefined) out[k] = existing[k];
  const own: Record<string, string> = {};
  for (const [k, v] of Object.entries(existing.ProductFields ?? {})) if (!k.startsWith('aws/')) own[k] = v;
  return {
    ...(out as Partial<AwsSecurityFinding>),
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
export function asffBytes(finding: AwsSecurityFinding): number {
  return Buffer.byteLength(JSON.stringify(finding), 'utf8');
}

/** `items` in consecutive slices of at most `size` (BatchImportFindings: 100). */
export function batches<T>(items: readonly T[], size = ASFF_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The findings of one account to import this run, and what they are. */
export interface AccountImportPlan {
  active: AwsSecurityFinding[];
  archived: AwsSecurityFinding[];
  /** Ids of `active` records that update an earlier finding (the rest are new). */
  updates: number;
}

/**
 * Decides one account's import (pure): every failing key of the account as ACTIVE (keeping the first-seen
 * times of its earlier finding); every earlier ACTIVE finding whose key is no longer failing as ARCHIVED —
 * with the justification when the key is exempted now. Exempted keys without an earlier ACTIVE finding
 * are not imported at all (there is nothing to close).
 */
export function planAccountImport(opts: {
  accountId: string;
  findings: readonly Finding[];
  existing: readonly AwsSecurityFinding[];
  ctx: AsffContext;
}): AccountImportPlan {
  const { accountId, ctx } = opts;
  const earlier = new Map<string, AwsSecurityFinding>();
  // A key keeps its finding whatever its location says now (a renamed user, a deleted twin key): by key id.
  const byKeyId = new Map<string, AwsSecurityFinding>();
  for (const e of opts.existing) {
    if (!e.Id) continue;
    earlier.set(e.Id, e);
    const keyId = e.Resources?.[0]?.Details?.AwsIamAccessKey?.AccessKeyId;
    if (keyId) byKeyId.set(keyId, e);
  }
  const active: AwsSecurityFinding[] = [];
  const archived: AwsSecurityFinding[] = [];
  const seen = new Set<string>();
  const computed = new Set(opts.findings.map((f) => asffId(f.accountId, f.location, f.ruleId)));
  let updates = 0;
  for (const f of opts.findings) {
    if (f.accountId !== accountId) continue;
    let id = asffId(f.accountId, f.location, f.ruleId);
    let prior = earlier.get(id);
    const moved = !prior && f.accessKeyId ? byKeyId.get(f.accessKeyId) : undefined;
    if (moved?.Id && !computed.has(moved.Id) && !seen.has(moved.Id)) {
      id = moved.Id;
      prior = moved;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const keep = <T extends AwsSecurityFinding>(r: T): T => (r.Id === id ? r : { ...r, Id: id });
    if (isFailing(f)) {
      active.push(keep(activeFinding(f, ctx, prior)));
      if (prior) updates++;
    } else if (prior) {
      archived.push(keep(exemptedFinding(f, ctx, prior)));
    }
  }
  for (const [id, e] of earlier) if (!seen.has(id)) archived.push(resolvedFinding(e, ctx.now));
  return { active, archived, updates };
}
