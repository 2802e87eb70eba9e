/**
 * The ASFF records (src/report/asff.ts) against the AWS SDK's own Security Hub schema (every member name
 * and kind, recursively, and the members it marks required), the required top-level attributes of the
 * ASFF reference, its field limits and timestamp formats, and the identity rules: one Id per key, the
 * same identity as the SARIF fingerprint, first-seen times kept on re-import.
 */
import { describe, expect, it } from '@jest/globals';
import { AwsSecurityFinding$, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { NormalizedSchema } from '@smithy/core/schema';
import type { Finding } from '../../../src/model.js';
import {
  ASFF_LIMITS,
  ASFF_MAX_FINDING_BYTES,
  ASFF_TYPE,
  activeFinding,
  asffBytes,
  asffId,
  batches,
  defaultProductArn,
  exemptedFinding,
  planAccountImport,
  resolvedFinding,
  type AsffContext,
} from '../../../src/report/asff.js';
import { locationFingerprint } from '../../../src/report/sarif.js';
import { ACCOUNT_ID, AS_OF, GENERATED_AT, locationFor, makeFinding } from '../../helpers/results.js';

const CTX: AsffContext = {
  partition: 'aws',
  region: 'eu-west-1',
  now: GENERATED_AT,
  asOf: AS_OF,
  setupWindowSeconds: 600,
  toolVersion: '0.1.0',
  alias: 'prod',
  sourceUrl: 'https://github.com/octo-org/security-audits/actions/runs/4242',
};

/** The required top-level attributes of the ASFF reference ("Required top-level ASFF attributes"). */
const ASFF_REQUIRED = [
  'AwsAccountId',
  'CreatedAt',
  'Description',
  'GeneratorId',
  'Id',
  'ProductArn',
  'Resources',
  'SchemaVersion',
  'Severity',
  'Title',
  'Types',
  'UpdatedAt',
] as const;

/** Security Hub's timestamp formats (API reference, "Timestamps"), with up to 9 fraction digits. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)$/;

type Schema = ReturnType<typeof NormalizedSchema.of>;

/**
 * Everything in `value` that the SDK's schema of `schema` does not allow: unknown members, values of
 * the wrong kind, missing required members. Paths like `Resources[0].Details.AwsIamUser.Path`.
 */
function schemaProblems(value: unknown, schema: Schema, path = ''): string[] {
  const at = path || '(root)';
  if (value === undefined || value === null) return [];
  if (schema.isStructSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
    const members = new Map([...schema.structIterator()]);
    const raw = schema.getSchema() as unknown as unknown[];
    const required = ((raw[4] as string[]) ?? []).slice(0, (raw[6] as number | undefined) ?? 0);
    const out: string[] = [];
    for (const name of required) {
      if ((value as Record<string, unknown>)[name] === undefined) out.push(`${path}.${name}: required`);
    }
    for (const [k, v] of Object.entries(value)) {
      const member = members.get(k);
      if (!member) out.push(`${path}.${k}: not a member of ${schema.getName()}`);
      else out.push(...schemaProblems(v, member, `${path}.${k}`));
    }
    return out;
  }
  if (schema.isListSchema()) {
    if (!Array.isArray(value)) return [`${at}: expected a list`];
    return value.flatMap((v, i) => schemaProblems(v, schema.getValueSchema(), `${path}[${i}]`));
  }
  if (schema.isMapSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected a map`];
    return Object.entries(value).flatMap(([k, v]) =>
      schemaProblems(v, schema.getValueSchema(), `${path}[${JSON.stringify(k)}]`),
    );
  }
  if (schema.isStringSchema()) return typeof value === 'string' ? [] : [`${at}: expected a string`];
  if (schema.isBooleanSchema()) return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
  if (schema.isNumericSchema()) return typeof value === 'number' ? [] : [`${at}: expected a number`];
  return [];
}

const SCHEMA = NormalizedSchema.of(AwsSecurityFinding$);

/** Every string in the record, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

const len = (s: string | undefined) => [...(s ?? '')].length;

/** The limits of the ASFF reference that a record can reach. */
function expectWithinLimits(r: AwsSecurityFinding): void {
  expect(len(r.Id)).toBeLessThanOrEqual(ASFF_LIMITS.id);
  expect(len(r.GeneratorId)).toBeLessThanOrEqual(ASFF_LIMITS.generatorId);
  expect(len(r.Title)).toBeLessThanOrEqual(ASFF_LIMITS.title);
  expect(len(r.Description)).toBeLessThanOrEqual(ASFF_LIMITS.description);
  expect(len(r.Remediation?.Recommendation?.Text)).toBeLessThanOrEqual(ASFF_LIMITS.recommendationText);
  expect(r.Types!.length).toBeLessThanOrEqual(ASFF_LIMITS.types);
  expect(r.AwsAccountId).toMatch(/^\d{12}$/);
  const fields = Object.entries(r.ProductFields ?? {});
  expect(fields.length).toBeLessThanOrEqual(ASFF_LIMITS.productFields);
  for (const [k, v] of fields) {
    expect(len(k)).toBeLessThanOrEqual(ASFF_LIMITS.productFieldKey);
    expect(len(v)).toBeLessThanOrEqual(ASFF_LIMITS.productFieldValue);
  }
  expect(r.Resources!.length).toBeGreaterThanOrEqual(1);
  expect(r.Resources!.length).toBeLessThanOrEqual(ASFF_LIMITS.resources);
  for (const res of r.Resources!) {
    expect(len(res.Id)).toBeLessThanOrEqual(ASFF_LIMITS.resourceId);
    expect(len(res.Region)).toBeLessThanOrEqual(ASFF_LIMITS.resourceRegion);
  }
  expect(len(r.Severity?.Original)).toBeLessThanOrEqual(ASFF_LIMITS.severityOriginal);
  expect((r.Compliance?.RelatedRequirements ?? []).length).toBeLessThanOrEqual(
    ASFF_LIMITS.relatedRequirements,
  );
  for (const t of [r.CreatedAt, r.UpdatedAt, r.FirstObservedAt, r.LastObservedAt])
    expect(t).toMatch(TIMESTAMP);
  // pattern .*\S.* on every string: nothing blank
  for (const [path, s] of strings(r)) expect([path, /\S/.test(s)]).toEqual([path, true]);
  expect(asffBytes(r)).toBeLessThanOrEqual(ASFF_MAX_FINDING_BYTES);
}

describe('ASFF record of a failing key', () => {
  const f = makeFinding();
  const r = activeFinding(f, CTX);

  it('matches the SDK schema of AwsSecurityFinding, recursively, with its required members', () => {
    expect(schemaProblems(r, SCHEMA)).toEqual([]);
    // the checker itself catches a misspelt member and a missing required one
    expect(schemaProblems({ ...r, Titel: 'x', Id: undefined }, SCHEMA)).toEqual([
      '.Id: required',
      '.Titel: not a member of AwsSecurityFinding',
    ]);
  });

  it('has every required top-level attribute of the ASFF reference', () => {
    for (const name of ASFF_REQUIRED) expect([name, r[name] !== undefined]).toEqual([name, true]);
  });

  it('is a FAILED, ACTIVE CIS finding of the account, from its default product', () => {
    expect(r).toMatchObject({
      SchemaVersion: '2018-10-08',
      ProductArn: `arn:aws:securityhub:eu-west-1:${ACCOUNT_ID}:product/${ACCOUNT_ID}/default`,
      GeneratorId: 'iam-initial-access-key',
      AwsAccountId: ACCOUNT_ID,
      Types: [ASFF_TYPE],
      Severity: { Label: 'HIGH' },
      FindingProviderFields: { Severity: { Label: 'HIGH' }, Types: [ASFF_TYPE] },
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      Title: 'IAM user alice has an unused access key created at user setup',
      Remediation: { Recommendation: { Url: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//) } },
      SourceUrl: CTX.sourceUrl,
      CreatedAt: GENERATED_AT,
      UpdatedAt: GENERATED_AT,
      FirstObservedAt: GENERATED_AT,
      LastObservedAt: GENERATED_AT,
    });
    expect(r.Compliance?.RelatedRequirements).toContain('CIS AWS Foundations Benchmark v3.0.0/1.11');
    expect(r.Description).toContain('AKIAIOSFODNN7EXAMPLE');
    expect(r.Description).toContain('never used');
    expect(r.ProductFields).toMatchObject({
      ProviderName: 'iam-initial-access-key-audit',
      ProviderVersion: '0.1.0',
      'iam-initial-access-key-audit/location': f.location,
      'iam-initial-access-key-audit/userArn': f.userArn,
      'iam-initial-access-key-audit/reason': 'never-used',
      'iam-initial-access-key-audit/accountAlias': 'prod',
    });
    expectWithinLimits(r);
  });

  it('names the access key (with its details) and the user as resources', () => {
    expect(r.Resources).toEqual([
      {
        Type: 'AwsIamAccessKey',
        Id: 'AKIAIOSFODNN7EXAMPLE',
        Partition: 'aws',
        Region: 'eu-west-1',
        Details: {
          AwsIamAccessKey: {
            PrincipalName: 'alice',
            PrincipalType: 'IAMUser',
            AccountId: ACCOUNT_ID,
            Status: 'Active',
            CreatedAt: f.keyCreatedAt,
            AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          },
        },
      },
      {
        Type: 'AwsIamUser',
        Id: f.userArn,
        Partition: 'aws',
        Region: 'eu-west-1',
        Details: { AwsIamUser: { UserName: 'alice', Path: '/', CreateDate: f.userCreatedAt } },
      },
    ]);
    const noKeyId = activeFinding(makeFinding({ accessKeyId: null, keySlot: 2 }), CTX);
    expect(noKeyId.Resources?.[0]?.Id).toBe(`${f.userArn}/access-key-2`);
    expect(noKeyId.Resources?.[0]?.Details?.AwsIamAccessKey).not.toHaveProperty('AccessKeyId');
  });

  it('has an Id from the key location: the SARIF fingerprint identity, stable, one per key', () => {
    const hash = locationFingerprint(f.location).split(':')[0];
    expect(r.Id).toBe(`iam-initial-access-key/${ACCOUNT_ID}/${hash}`);
    expect(activeFinding(makeFinding({ keyLastUsedAt: '2025-01-01T00:00:00Z' }), CTX).Id).toBe(r.Id);
    const other = makeFinding({ keyCreatedAt: '2024-02-01T00:00:00.000Z' });
    expect(asffId(other.accountId, other.location)).not.toBe(r.Id);
    expect(asffId('210987654321', locationFor('210987654321', f.userArn, f.keyCreatedAt!))).not.toBe(r.Id);
  });

  it('keeps CreatedAt and FirstObservedAt of the earlier finding; only UpdatedAt and LastObservedAt move', () => {
    const again = activeFinding(f, CTX, {
      CreatedAt: '2025-05-01T02:00:00.000Z',
      FirstObservedAt: '2025-05-01T02:00:00.000Z',
    });
    expect(again).toMatchObject({
      CreatedAt: '2025-05-01T02:00:00.000Z',
      FirstObservedAt: '2025-05-01T02:00:00.000Z',
      UpdatedAt: GENERATED_AT,
      LastObservedAt: GENERATED_AT,
    });
  });

  it("takes FirstObservedAt from the finding's firstSeenAt where the audit knows it", () => {
    const seen = { ...f, firstSeenAt: '2025-03-03T03:03:03.000Z' } as Finding;
    expect(activeFinding(seen, CTX).FirstObservedAt).toBe('2025-03-03T03:03:03.000Z');
    // the earlier of the two when Security Hub saw it before the history did
    expect(activeFinding(seen, CTX, { FirstObservedAt: '2025-02-01T00:00:00.000Z' }).FirstObservedAt).toBe(
      '2025-02-01T00:00:00.000Z',
    );
  });

  it('keeps hostile and huge strings within the limits, as data', () => {
    const name = `eve\n<img src=x>\u202e${'x'.repeat(40)}`;
    const path = `/${'p'.repeat(250)}/${'q'.repeat(250)}/`;
    const userArn = `arn:aws:iam::${ACCOUNT_ID}:user${path}${name}`;
    const hostile = makeFinding({ userName: name, userArn, keyLastUsedService: 's'.repeat(5000) });
    const h = activeFinding(hostile, { ...CTX, alias: 'a'.repeat(3000), sourceUrl: null });
    expect(schemaProblems(h, SCHEMA)).toEqual([]);
    expectWithinLimits(h);
    expect(h.Title).not.toMatch(/[\n\u202e]/);
    expect(h.Resources?.[1]?.Details?.AwsIamUser?.Path).toBe(path);
    // ProductFields keep the exact value where it fits
    expect(h.ProductFields?.['iam-initial-access-key-audit/userName']).toBe(name);
    expect(h).not.toHaveProperty('SourceUrl');
  });
});

describe('archived records', () => {
  it('archives an exempted key as PASSED, with its justification', () => {
    const f = makeFinding({ exempted: true, justification: 'break-glass CLI, ticket SEC-42' });
    const r = exemptedFinding(f, CTX, { CreatedAt: '2025-05-01T00:00:00.000Z' });
    expect(schemaProblems(r, SCHEMA)).toEqual([]);
    expectWithinLimits(r);
    expect(r).toMatchObject({
      Id: activeFinding(f, CTX).Id,
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      CreatedAt: '2025-05-01T00:00:00.000Z',
      UpdatedAt: GENERATED_AT,
      ProductFields: { 'iam-initial-access-key-audit/justification': 'break-glass CLI, ticket SEC-42' },
    });
  });

  it("archives a resolved key from Security Hub's own copy, without the fields Security Hub or users own", () => {
    const earlier: AwsSecurityFinding = {
      ...activeFinding(makeFinding(), { ...CTX, now: '2025-05-01T00:00:00.000Z' }),
      ProductName: 'Default',
      CompanyName: 'Personal',
      Region: 'eu-west-1',
      Workflow: { Status: 'NOTIFIED' },
      WorkflowState: 'NEW',
      Note: { Text: 'on it', UpdatedBy: 'sec', UpdatedAt: '2025-05-02T00:00:00.000Z' },
      UserDefinedFields: { team: 'platform' },
      ProcessedAt: '2025-05-01T00:00:01.000Z',
    };
    earlier.ProductFields = { ...earlier.ProductFields, 'aws/securityhub/FindingId': 'arn:x' };
    const r = resolvedFinding(earlier, GENERATED_AT);
    expect(schemaProblems(r, SCHEMA)).toEqual([]);
    expectWithinLimits(r);
    expect(r).toMatchObject({
      Id: earlier.Id,
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      CreatedAt: '2025-05-01T00:00:00.000Z',
      UpdatedAt: GENERATED_AT,
      Resources: earlier.Resources,
    });
    for (const k of ['Workflow', 'WorkflowState', 'Note', 'UserDefinedFields', 'ProcessedAt', 'ProductName'])
      expect(r).not.toHaveProperty(k);
    expect(Object.keys(r.ProductFields ?? {}).some((k) => k.startsWith('aws/'))).toBe(false);
  });
});

describe('planAccountImport', () => {
  const failing = makeFinding({ userName: 'alice' });
  const exempt = makeFinding({
    userName: 'erin',
    exempted: true,
    justification: 'on-call',
    location: locationFor(ACCOUNT_ID, `arn:aws:iam::${ACCOUNT_ID}:user/erin`, '2024-01-10T09:00:12.000Z'),
  });
  const gone = makeFinding({
    userName: 'bob',
    location: locationFor(ACCOUNT_ID, `arn:aws:iam::${ACCOUNT_ID}:user/bob`, '2024-01-10T09:00:12.000Z'),
  });
  const earlierCtx = { ...CTX, now: '2025-05-01T00:00:00.000Z' };

  it('imports failing keys, archives resolved and exempted ones, and skips never-imported exemptions', () => {
    const existing = [
      activeFinding(failing, earlierCtx),
      activeFinding(exempt, earlierCtx),
      activeFinding(gone, earlierCtx),
    ];
    const plan = planAccountImport({
      accountId: ACCOUNT_ID,
      findings: [failing, exempt],
      existing,
      ctx: CTX,
    });
    expect(plan.active.map((r) => r.Id)).toEqual([existing[0]!.Id]);
    expect(plan.active[0]).toMatchObject({ CreatedAt: '2025-05-01T00:00:00.000Z', UpdatedAt: GENERATED_AT });
    expect(plan.updates).toBe(1);
    expect(
      plan.archived.map((r) => [r.Id, r.ProductFields?.['iam-initial-access-key-audit/resolution']]),
    ).toEqual([
      [existing[1]!.Id, 'exempted'],
      [existing[2]!.Id, 'resolved'],
    ]);

    const fresh = planAccountImport({
      accountId: ACCOUNT_ID,
      findings: [failing, exempt],
      existing: [],
      ctx: CTX,
    });
    expect(fresh.active).toHaveLength(1);
    expect(fresh.archived).toEqual([]);
    expect(fresh.updates).toBe(0);
  });

  it('a key whose location changed (renamed user, deleted twin) keeps its finding: updated, not archived as PASSED', () => {
    const before = makeFinding({ userName: 'frank', accessKeyId: 'AKIAFRANK00000000001' });
    const renamed = makeFinding({
      userName: 'frankie',
      accessKeyId: 'AKIAFRANK00000000001',
      location: locationFor(
        ACCOUNT_ID,
        `arn:aws:iam::${ACCOUNT_ID}:user/frankie`,
        '2024-01-10T09:00:12.000Z',
      ),
    });
    const existing = [activeFinding(before, earlierCtx)];
    const plan = planAccountImport({ accountId: ACCOUNT_ID, findings: [renamed], existing, ctx: CTX });
    expect(plan.active.map((r) => r.Id)).toEqual([existing[0]!.Id]);
    expect(plan.active[0]?.Resources?.[0]?.Details?.AwsIamAccessKey?.PrincipalName).toBe('frankie');
    expect(plan.archived).toEqual([]);
    expect(plan.updates).toBe(1);
  });

  it("leaves other accounts' findings out", () => {
    const other = makeFinding({ accountId: '210987654321' });
    const plan = planAccountImport({ accountId: ACCOUNT_ID, findings: [other], existing: [], ctx: CTX });
    expect(plan.active).toEqual([]);
  });
});

describe('batches', () => {
  it('cuts 201 findings into 100, 100 and 1', () => {
    const items = Array.from({ length: 201 }, (_, i) => i);
    expect(batches(items).map((b) => b.length)).toEqual([100, 100, 1]);
    expect(batches([])).toEqual([]);
  });

  it('defaultProductArn follows the partition and region', () => {
    expect(defaultProductArn('aws-us-gov', 'us-gov-west-1', ACCOUNT_ID)).toBe(
      `arn:aws-us-gov:securityhub:us-gov-west-1:${ACCOUNT_ID}:product/${ACCOUNT_ID}/default`,
    );
  });
});
