/**
 * The OCSF output (DESIGN §12, src/report/ocsf.ts), validated against OCSF 1.6's definition of the
 * Compliance Finding class (2003) with the cloud profile, written down as a JSON Schema in
 * fixtures/ocsf-1.6-compliance-finding.schema.json: every required attribute, the types of the others,
 * and each attribute OCSF recommends either written or said here why it does not apply.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { OCSF_VERSION, ocsfFileText, type OcsfComplianceFinding } from '../../../src/report/ocsf.js';
import { writeReportFiles } from '../../../src/publish/files.js';
import { VERSION } from '../../../src/version.js';
import type { AuditResult } from '../../../src/model.js';
import {
  GENERATED_AT,
  makeAccount,
  makeFinding,
  makeResult,
  makeStaleFinding,
} from '../../helpers/results.js';
import { ocsfFindings } from '../../helpers/reports.js';

const SCHEMA = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'fixtures', 'ocsf-1.6-compliance-finding.schema.json'),
    'utf8',
  ),
) as Record<string, unknown> & { definitions: Record<string, Record<string, unknown>> };
const validate = new Ajv.default({ strict: false, allErrors: true }).compile(SCHEMA);

function schemaErrors(record: unknown): string[] {
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const live = makeFinding({ firstSeenAt: '2025-05-01T00:00:00Z' });
const stale = makeStaleFinding(120, { userName: 'bob', userArn: 'arn:aws:iam::123456789012:user/ops/bob' });
const offline = makeFinding({
  userName: 'carol',
  accessKeyId: null,
  keyCreatedAt: null,
  setupGapSeconds: null,
  location: 'aws/123456789012/iam/user/carol/key-created-unknown-slot2',
  keySlot: 2,
});
const expired = makeFinding({ userName: 'dave', exemptionExpired: true, justification: 'old' });
const exempted = makeFinding({ userName: 'erin', exempted: true, justification: 'CI key' });
const gov = makeFinding({
  accountId: '111122223333',
  userArn: 'arn:aws-us-gov:iam::111122223333:user/frank',
});

const result: AuditResult = makeResult({
  accounts: [makeAccount(), makeAccount({ accountId: '111122223333', alias: null })],
  findings: [live, stale, offline, expired, exempted, gov],
});
const records = ocsfFindings(result);

/** Recommended attributes this output leaves out, and why (anything else recommended must be written). */
const NOT_APPLICABLE: Record<string, string> = {
  '/confidence_id': 'a rule is a fact, not a guess: no confidence to give',
  '/observables': 'the resources carry the ARNs and ids; no observables are derived',
  '/status_code': 'the finding has no status code of its own',
  '/status_detail': 'the status is the finding workflow state only',
  '/metadata/log_name': 'not a log: written once per run to a file',
  '/metadata/log_provider': 'not a log: written once per run to a file',
  '/metadata/original_time': 'the time is this run, not an original event',
  '/metadata/tenant_uid': 'no tenant: cloud.account.uid names the account',
  '/resources/hostname': 'IAM users and access keys have no host name',
  '/resources/ip': 'IAM users and access keys have no IP address',
  '/resources/owner': "the user is the key's owner; the user itself has none",
  '/cloud/account/name': 'the account alias, where the account has one',
};

/** Every recommended attribute (per the schema's `x-recommended`) missing from `value` at `path`. */
function missingRecommended(value: unknown, schema: Record<string, unknown>, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => missingRecommended(v, schema, path));
  if (value === null || typeof value !== 'object') return [];
  const resolved =
    typeof schema.$ref === 'string' ? SCHEMA.definitions[schema.$ref.split('/').pop()!]! : schema;
  const props = (resolved.properties ?? {}) as Record<string, Record<string, unknown>>;
  const out = ((resolved['x-recommended'] ?? []) as string[])
    .filter((name) => !(name in (value as object)))
    .map((name) => `${path}/${name}`);
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const sub = props[name];
    if (!sub) continue;
    const target = sub.type === 'array' && sub.items ? (sub.items as Record<string, unknown>) : sub;
    out.push(...missingRecommended(child, target, `${path}/${name}`));
  }
  return out;
}

describe('OCSF 1.6 Compliance Findings', () => {
  it('writes one finding per failing key: exempted keys left out, an expired exemption in', () => {
    expect(records.map((r) => r.finding_info.uid)).toEqual(
      [live, stale, offline, expired, gov].map((f) => f.location),
    );
  });

  it('is valid against the class 2003 definition (required attributes and types)', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(schemaErrors(r)).toEqual([]);
  });

  it('writes every recommended attribute that applies', () => {
    const missing = [...new Set(records.flatMap((r) => missingRecommended(r, SCHEMA, '')))].sort();
    expect(missing.filter((path) => !(path in NOT_APPLICABLE))).toEqual([]);
    // and every exception above is one this output has
    expect(missing).toEqual(Object.keys(NOT_APPLICABLE).sort());
  });

  it('the schema really checks: a record without its uid, class or cloud provider is invalid', () => {
    const r = records[0]!;
    const broken: unknown[] = [
      { ...r, finding_info: { ...r.finding_info, uid: undefined } },
      { ...r, class_uid: 2004 },
      { ...r, cloud: { region: 'us-east-1' } },
      { ...r, time: '2025-06-01T02:00:00Z' },
      { ...r, compliance: { ...r.compliance, status_id: 7 } },
      { ...r, unknown_attribute: 1 },
    ];
    for (const b of broken) expect(schemaErrors(JSON.parse(JSON.stringify(b)))).not.toEqual([]);
  });

  it('classifies it: Compliance Finding, Create, High, New; OCSF 1.6.0; this tool and version', () => {
    const r = records[0]!;
    expect(r).toMatchObject({
      class_uid: 2003,
      class_name: 'Compliance Finding',
      category_uid: 2,
      category_name: 'Findings',
      activity_id: 1,
      activity_name: 'Create',
      type_uid: 200301,
      severity_id: 4,
      severity: 'High',
      status_id: 1,
      status: 'New',
      time: Date.parse(GENERATED_AT),
      timezone_offset: 0,
    });
    expect(r.metadata).toEqual({
      version: '1.6.0',
      profiles: ['cloud'],
      product: {
        name: 'iam-initial-access-key-audit',
        uid: 'iam-initial-access-key-audit',
        vendor_name: 'iam-initial-access-key-audit contributors',
        version: VERSION,
      },
    });
    expect(OCSF_VERSION).toBe('1.6.0');
  });

  it('names the finding by its identity, first seen when known, and says what is wrong', () => {
    const [r, bob, carol] = records as [OcsfComplianceFinding, OcsfComplianceFinding, OcsfComplianceFinding];
    expect(r.finding_info).toMatchObject({
      uid: live.location,
      title: 'IAM user alice has an unused access key created at user setup',
      first_seen_time: Date.parse('2025-05-01T00:00:00Z'),
      last_seen_time: Date.parse(GENERATED_AT),
      analytic: { uid: 'iam-initial-access-key', name: 'UnusedAccessKeyCreatedAtUserSetup', type_id: 1 },
    });
    expect(r.finding_info.desc).toContain('access key AKIAIOSFODNN7EXAMPLE (slot 1)');
    expect(r.finding_info.desc).toContain('never used');
    expect(bob.finding_info.first_seen_time).toBeUndefined();
    expect(bob.finding_info.desc).toContain('last used');
    expect(carol.finding_info.desc).toContain('access key in slot 2');
    expect(r.message).toBe(r.finding_info.title);
  });

  it('maps the CIS recommendation: standards with their versions, the control, Fail', () => {
    const { compliance } = records[0]!;
    expect(compliance).toMatchObject({ control: 'iam-initial-access-key', status_id: 3, status: 'Fail' });
    expect(compliance.standards).toEqual(
      ['v1.2.0', 'v1.3.0', 'v1.4.0', 'v1.5.0', 'v2.0.0', 'v3.0.0', 'v4.0.0', 'v5.0.0', 'v6.0.0'].map(
        (v) => `CIS Amazon Web Services Foundations Benchmark ${v}`,
      ),
    );
    expect(compliance.requirements).toContain('CIS AWS Foundations Benchmark v6.0.0/2.10');
    expect(compliance.checks).toContainEqual({
      uid: '1.10',
      name: 'Console users must not keep an access key that was created at user setup and is unused.',
      standards: ['CIS Amazon Web Services Foundations Benchmark v5.0.0'],
      version: '5.0.0',
      status_id: 3,
      status: 'Fail',
    });
    expect(records[0]!.remediation.desc).toMatch(/^Deactivate the access key/);
    expect(records[0]!.remediation.references).toEqual([
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    ]);
  });

  it('names the key and its user with their ids and ARNs, in the account, partition and IAM region', () => {
    const [r, , carol, , frank] = records as OcsfComplianceFinding[];
    expect(r!.cloud).toEqual({
      provider: 'AWS',
      region: 'us-east-1',
      account: { uid: '123456789012', type_id: 10, type: 'AWS Account', name: 'prod' },
    });
    expect(r!.resources.map((x) => [x.type, x.uid, x.role])).toEqual([
      ['AWS::IAM::AccessKey', 'AKIAIOSFODNN7EXAMPLE', 'Target'],
      ['AWS::IAM::User', live.userArn, 'Related'],
    ]);
    expect(r!.resources[0]!.owner).toEqual({
      type_id: 1,
      type: 'User',
      name: 'alice',
      uid: live.userArn,
      has_mfa: false,
    });
    expect(r!.resources[0]!.created_time).toBe(Date.parse(live.keyCreatedAt!));
    expect(r!.resources[1]!.created_time).toBe(Date.parse(live.userCreatedAt));
    // offline: no key id, no creation time: the user's slot names the key
    expect(carol!.resources[0]).toMatchObject({ uid: `${offline.userArn}/access-key-2` });
    expect(carol!.resources[0]!.created_time).toBeUndefined();
    expect(frank!.cloud).toEqual({
      provider: 'AWS',
      region: 'us-gov-west-1',
      account: { uid: '111122223333', type_id: 10, type: 'AWS Account' },
    });
    expect(frank!.resources[0]!.cloud_partition).toBe('aws-us-gov');
  });

  it('leaves out the keys this run deactivated (no longer failing findings)', () => {
    const gone = { ...live, remediation: { status: 'deactivated' as const, dueAt: null, reason: null } };
    const r = makeResult({
      findings: [stale],
      remediation: { mode: 'deactivate', keysDue: 1, deactivated: [gone], planned: [], warnings: [] },
    });
    expect(ocsfFindings(r).map((x) => x.finding_info.uid)).toEqual([stale.location]);
  });

  it("the file is the findings as JSON (JSON.stringify's text), and an empty array when none fail", () => {
    expect([...ocsfFileText(result)].join('')).toBe(`${JSON.stringify(records, null, 2)}\n`);
    expect([...ocsfFileText(makeResult({ findings: [exempted] }))].join('')).toBe('[]\n');
  });
});

describe('the ocsf-file output is opt-in', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iam-audit-ocsf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not written without a path; written (atomically, like the others) with one', async () => {
    const files = { sarifFile: join(dir, 'a.sarif'), jsonFile: join(dir, 'a.json') };
    const without = await writeReportFiles(result, files);
    expect(without.error).toBeNull();
    expect(without.written).toEqual({ ...files, ocsfFile: '' });
    expect(existsSync(join(dir, 'a.ocsf.json'))).toBe(false);

    const ocsfFile = join(dir, 'out', 'a.ocsf.json');
    const withIt = await writeReportFiles(result, { ...files, ocsfFile });
    expect(withIt.written.ocsfFile).toBe(ocsfFile);
    expect(JSON.parse(readFileSync(ocsfFile, 'utf8'))).toEqual(records);
  });
});

describe('OCSF: who made the key (docs/design.md §10)', () => {
  const keyCreation = {
    by: 'assumed-role/Admin/bob',
    self: false,
    sameSessionAsUserCreation: true,
    via: 'console' as const,
    eventTime: '2025-05-01T00:00:02Z',
    eventId: 'e-1',
    unknownReason: null,
  };
  const made = makeFinding({ userName: 'gina', keyCreation, keyDescription: 'nightly export' });
  const selfMade = makeFinding({
    userName: 'hal',
    keyCreation: { ...keyCreation, by: 'user/hal', self: true, sameSessionAsUserCreation: false },
    selfCreated: true,
  });
  const out = ocsfFindings(makeResult({ accounts: [makeAccount()], findings: [made, selfMade, offline] }));

  it('carries the evidence of a live finding in unmapped, leaves a key its user made out, adds nothing offline', () => {
    expect(out.map((r) => r.finding_info.uid)).toEqual([made.location, offline.location]);
    expect(out[0]!.unmapped).toEqual({ keyCreation, keyDescription: 'nightly export' });
    expect(out[1]).not.toHaveProperty('unmapped');
    for (const r of out) expect(schemaErrors(r)).toEqual([]);
  });
});
