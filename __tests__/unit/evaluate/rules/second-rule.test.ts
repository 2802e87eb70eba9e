/**
 * A second rule is a part: one module and one registration line (src/evaluate/rules/index.ts). Here a
 * small fake rule is registered, in this test only (the registry module is replaced; everything else
 * is the real code), and flags the same key as the original rule: the evaluation makes two findings,
 * SARIF lists two rules and points each result at its own, and the two findings have two identities
 * everywhere one is kept (SARIF fingerprint, Security Hub Id, OCSF uid, first-seen, issue records,
 * remediation), while the original rule's stay its location.
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Finding, ParsedReport, ReportUser } from '../../../../src/model.js';
import type { Rule } from '../../../../src/evaluate/rule.js';
import { ACCOUNT_ID, GENERATED_AT, makeAccount, makeResult } from '../../../helpers/results.js';
import { schemaErrors } from '../../../helpers/sarif-validate.js';

const FIRST = 'iam-initial-access-key';
const SECOND = 'unused-key-without-mfa';

/** The fake rule: a console user without MFA with an active key never used. */
const WITHOUT_MFA: Rule = {
  id: SECOND,
  name: 'UnusedAccessKeyOfUserWithoutMfa',
  shortDescription: 'Console users without MFA must not keep an unused access key.',
  fullDescription: 'A console user without MFA has an active access key that was never used.',
  helpText: 'Why it matters: a key is a way in that MFA does not guard.',
  helpMarkdown: '## Why it matters\n\nA key is a way in that MFA does not guard.',
  helpUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html',
  securitySeverity: '5.0',
  severity: 'medium',
  precision: 'medium',
  tags: ['security', 'aws', 'iam'],
  cis: [{ benchmark: 'CIS Amazon Web Services Foundations Benchmark', version: 'v6.0.0', control: '2.9' }],
  cisSummary: 'CIS AWS Foundations 2.9 (v6.0.0)',
  recommendation: 'Turn on MFA for the user, or delete the key.',
  decide: (user, key) =>
    user.passwordEnabled && !user.mfaActive && key.active && key.lastUsedDate === null ? 'never-used' : null,
  confirm: (finding, use) => (use.usedAt === null ? finding.reason : null),
  wording: {
    subject: (n) => (n === 1 ? 'access key of a user without MFA' : 'access keys of users without MFA'),
    state: 'unused',
    short: (n) => (n === 1 ? 'unused key without MFA' : 'unused keys without MFA'),
    violation: () => 'an unused access key and no MFA',
    findingTitle: () => 'an unused access key and no MFA',
    resolved: () => 'an unused access key without MFA',
  },
};

jest.unstable_mockModule('../../../../src/evaluate/rules/index.js', async () => {
  const { IAM_INITIAL_ACCESS_KEY } = await import('../../../../src/evaluate/rules/iam-initial-access-key.js');
  // The registry with one more line.
  const RULES: readonly Rule[] = [IAM_INITIAL_ACCESS_KEY, WITHOUT_MFA];
  const ruleById = (id: string) => RULES.find((r) => r.id === id);
  return {
    RULES,
    ruleById,
    ruleOf: (f: Pick<Finding, 'ruleId'>) => ruleById(f.ruleId)!,
    rulesOf: (findings: readonly Pick<Finding, 'ruleId'>[]) => {
      const found = RULES.filter((r) => findings.some((f) => f.ruleId === r.id));
      return found.length > 0 ? found : [...RULES];
    },
  };
});

const { keysToConfirm, confirmFinding } = await import('../../../../src/evaluate/confirm.js');
const { findingIdentity, identityOf } = await import('../../../../src/evaluate/identity.js');
const { locationFingerprint } = await import('../../../../src/report/sarif.js');
const { activeFinding, asffId } = await import('../../../../src/report/asff.js');
const { applyHistory, recordIdOf, recordIdOfKey } = await import('../../../../src/evaluate/history.js');
const { recordRef } = await import('../../../../src/evaluate/issue-records.js');
const { planRemediation } = await import('../../../../src/evaluate/remediation.js');
const { verdictText, buildSummaryModel } = await import('../../../../src/report/summary-model.js');
const { renderIssue } = await import('../../../../src/report/issue-body.js');
const { exitCodeFor } = await import('../../../../src/report/outputs.js');
// the report files read back from the text written (after the registry mock, like the imports above)
const { buildJsonReport, buildSarif, evaluateReport, ocsfFindings } =
  await import('../../../helpers/reports.js');

const AS_OF = Date.parse('2025-06-01T00:00:00Z');
const CREATED = Date.parse('2025-01-10T09:00:00Z');
const ARN = `arn:aws:iam::${ACCOUNT_ID}:user/alice`;
const LOCATION = `aws/${ACCOUNT_ID}/iam/user/alice/key-created-20250110T090012Z`;

const alice: ReportUser = {
  line: 2,
  user: 'alice',
  arn: ARN,
  userCreationTime: CREATED,
  passwordEnabled: true,
  passwordLastUsed: null,
  mfaActive: false,
  keys: [
    {
      slot: 1,
      active: true,
      lastRotated: CREATED + 12_000,
      lastUsedDate: null,
      lastUsedRegion: null,
      lastUsedService: null,
    },
    {
      slot: 2,
      active: false,
      lastRotated: null,
      lastUsedDate: null,
      lastUsedRegion: null,
      lastUsedService: null,
    },
  ],
};
const report: ParsedReport = { accountId: ACCOUNT_ID, users: [alice], unreadable: [] };
const SETTINGS = {
  scope: 'at-setup' as const,
  setupWindowSeconds: 600,
  unusedDays: 90,
  exemptionTag: 'access-key-justification',
};

let findings: Finding[] = [];
let live: Finding[] = [];

beforeAll(() => {
  findings = evaluateReport(report, SETTINGS, AS_OF);
  live = findings.map((f) => ({ ...f, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }));
});

describe('a second registered rule', () => {
  it('is evaluated on every key: the same key is one finding per rule, at one location', () => {
    expect(findings.map((f) => [f.ruleId, f.location])).toEqual([
      [FIRST, LOCATION],
      [SECOND, LOCATION],
    ]);
  });

  it('has its own identity: the original is the location, the second is prefixed with its id', () => {
    expect(findings.map(findingIdentity)).toEqual([LOCATION, `${SECOND}/${LOCATION}`]);
    expect(identityOf(SECOND, LOCATION)).not.toBe(identityOf(FIRST, LOCATION));
  });

  it('is confirmed live for each rule (one key, two findings)', () => {
    const matches = keysToConfirm(
      findings,
      [{ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', CreateDate: new Date(CREATED + 12_000), Status: 'Active' }],
      undefined,
    );
    expect(matches.map((m) => m.kind)).toEqual(['confirm', 'confirm']);
    const ctx = { reportGeneratedAt: AS_OF, asOf: AS_OF, unusedDays: 90 };
    const use = { usedAt: null, service: null, region: null };
    expect(findings.map((f) => confirmFinding(f, 'AKIAIOSFODNN7EXAMPLE', use, ctx)?.ruleId)).toEqual([
      FIRST,
      SECOND,
    ]);
  });

  it('SARIF: two rules, each result with its ruleId and ruleIndex and its own fingerprint; still valid', () => {
    const log = buildSarif(makeResult({ findings: live }), { toolVersion: '1.0.0' });
    const run = log.runs[0]!;
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual([FIRST, SECOND]);
    expect(run.tool.driver.rules?.[1]?.properties?.['security-severity']).toBe('5.0');
    const results = run.results ?? [];
    expect(results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      [FIRST, 0],
      [SECOND, 1],
    ]);
    const prints = results.map((r) => r.partialFingerprints?.primaryLocationLineHash);
    expect(prints[0]).toBe(locationFingerprint(LOCATION)); // the original's, as before
    expect(prints[1]).toBe(locationFingerprint(`${SECOND}/${LOCATION}`));
    expect(new Set(prints).size).toBe(2);
    // the same key: one location for code scanning, two alerts (rule and fingerprint differ)
    expect(results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual([
      LOCATION,
      LOCATION,
    ]);
    expect(schemaErrors(JSON.parse(JSON.stringify(log)))).toEqual([]);
  });

  it('Security Hub: one generator per rule, two Ids', () => {
    const ctx = {
      partition: 'aws' as const,
      region: 'us-east-1',
      now: GENERATED_AT,
      asOf: GENERATED_AT,
      setupWindowSeconds: 600,
      toolVersion: '1.0.0',
    };
    const records = live.map((f) => activeFinding(f, ctx));
    expect(records.map((r) => r.GeneratorId)).toEqual([FIRST, SECOND]);
    expect(records[0]!.Id).toBe(asffId(ACCOUNT_ID, LOCATION));
    expect(records[1]!.Id).toBe(asffId(ACCOUNT_ID, LOCATION, SECOND));
    expect(records[1]!.Id).toMatch(new RegExp(`^${SECOND}/${ACCOUNT_ID}/`));
    expect(records[0]!.Id).not.toBe(records[1]!.Id);
    expect(records.map((r) => r.Severity?.Label)).toEqual(['HIGH', 'MEDIUM']);
    expect(records[1]!.Title).toBe('IAM user alice has an unused access key and no MFA');
  });

  it('OCSF and JSON: two findings, each with its rule and identity', () => {
    const result = makeResult({ findings: live });
    expect(ocsfFindings(result).map((r) => [r.finding_info.uid, r.compliance.control, r.severity])).toEqual([
      [LOCATION, FIRST, 'High'],
      [`${SECOND}/${LOCATION}`, SECOND, 'Medium'],
    ]);
    expect(buildJsonReport(result).findings.map((f) => f.ruleId)).toEqual([FIRST, SECOND]);
  });

  it('history: each alert and record counts for its own rule only', () => {
    const history = applyHistory(
      { accounts: [makeAccount()], findings: live },
      {
        alerts: [
          { ruleId: FIRST, location: LOCATION, createdAt: '2025-02-01T00:00:00Z', message: '' },
          { ruleId: SECOND, location: LOCATION, createdAt: '2025-03-01T00:00:00Z', message: '' },
        ],
        issues: null,
        self: null,
        notes: [],
      },
    );
    expect(history.firstSeenAt.get(LOCATION)).toBe('2025-02-01T00:00:00Z');
    expect(history.firstSeenAt.get(`${SECOND}/${LOCATION}`)).toBe('2025-03-01T00:00:00Z');
    // only the original's finding fails: the second rule's open alert is resolved, the original's is not
    const one = applyHistory(
      { accounts: [makeAccount()], findings: [live[0]!] },
      {
        alerts: [
          { ruleId: FIRST, location: LOCATION, createdAt: '2025-02-01T00:00:00Z', message: '' },
          { ruleId: SECOND, location: LOCATION, createdAt: '2025-03-01T00:00:00Z', message: '' },
        ],
        issues: null,
        self: null,
        notes: [],
      },
    );
    expect(one.resolvedFindings?.map((a) => a.ruleId)).toEqual([SECOND]);
  });

  it('issue records and remediation keep the two apart', () => {
    const refs = live.map((f) => recordRef(f.ruleId, f.location));
    expect(refs).toEqual([LOCATION, `${SECOND}/${LOCATION}`]);
    const ids = live.map(recordIdOf);
    expect(ids).toEqual(['AKIAIOSFODNN7EXAMPLE', `${SECOND}/AKIAIOSFODNN7EXAMPLE`]);
    // a record written for each reads back as the same id
    expect(live.map((f, i) => recordIdOfKey({ ref: refs[i]!, keyId: f.accessKeyId }))).toEqual(ids);
    const plan = planRemediation(
      live,
      new Map(live.map((f) => [findingIdentity(f), '2025-01-01T00:00:00Z'])),
      { mode: 'plan', roleName: 'R', afterDays: 14, reasons: ['never-used'], max: 10 },
      '2025-06-01T00:00:00Z',
    );
    expect([...plan.byLocation.keys()]).toEqual([LOCATION, `${SECOND}/${LOCATION}`]);
  });

  it('the summary, the exit reason and the issue say both, in each rule’s words', () => {
    const result = makeResult({ findings: live });
    expect(verdictText(result)).toBe(
      '❌ 1 access key created at user setup is unused, 1 access key of a user without MFA is unused — ' +
        '1 user, 1 account audited',
    );
    expect(buildSummaryModel(result, { sarifFile: 's', jsonFile: 'j' }).findingsTitle).toBe(
      'Unused access keys created at user setup · Unused access keys of users without MFA',
    );
    expect(exitCodeFor(result, 'findings').reason).toBe(
      '1 unused access key, 1 unused key without MFA of 1 user',
    );
    const { title, body } = renderIssue(
      { accountId: ACCOUNT_ID, alias: null, userName: 'alice', userArn: ARN, findings: live },
      { exemptionTag: 'access-key-justification', runUrl: null, scope: 'at-setup' },
    );
    expect(title).toBe(
      'IAM user `alice` in account `123456789012` has an unused access key created at user setup and an unused access key and no MFA',
    );
    expect(body).toContain('This is CIS AWS Foundations 2.9 (v6.0.0).');
    expect(verdictText(makeResult({ findings: [] }))).toBe(
      '✅ No unused access keys created at user setup or unused access keys of users without MFA — 1 account, 10 users scanned',
    );
  });
});
