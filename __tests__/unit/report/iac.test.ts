/** The iac run's reports (src/report/iac.ts) and exemption dates (src/audit/iac.ts), on made-up findings. */
import { describe, expect, it } from '@jest/globals';
import type { IacRun } from '../../../src/model.js';
import type { IacFinding } from '../../../src/iac/types.js';
import { join } from 'node:path';
import { auditIac, exemptionInForce } from '../../../src/audit/iac.js';
import { DEFAULT_EXEMPTION_TAG } from '../../../src/evaluate/rule.js';
import {
  iacExitCode,
  iacJson,
  iacMessage,
  iacOutputs,
  iacSarif,
  iacSummaryMarkdown,
} from '../../../src/report/iac.js';
import { schemaErrors } from '../../helpers/sarif-validate.js';
import { IAC_RULES, RULES, ruleById } from '../../../src/evaluate/rules/index.js';

function finding(over: Partial<IacFinding> = {}): IacFinding {
  return {
    address: 'aws_iam_access_key.alice',
    userName: 'alice',
    userAddress: 'aws_iam_user.alice',
    file: 'infra/users.tf',
    line: 12,
    loginProfile: { file: 'infra/users.tf', line: 7, address: 'aws_iam_user_login_profile.alice' },
    source: 'terraform',
    condition: null,
    note: null,
    exemption: null,
    ...over,
  };
}

function run(over: Partial<IacRun> = {}): IacRun {
  return {
    generatedAt: '2026-12-01T00:00:00.000Z',
    asOf: '2026-12-01T00:00:00.000Z',
    patterns: ['.'],
    filesScanned: 3,
    findings: [finding()],
    exempted: [],
    exemptionsExpired: 0,
    notes: [],
    ...over,
  };
}

describe('the iac rule', () => {
  it('is registered apart from the credential report rules, and never decides on a row', () => {
    expect(IAC_RULES.map((r) => r.id)).toEqual(['iam-initial-access-key-iac']);
    expect(RULES.map((r) => r.id)).not.toContain('iam-initial-access-key-iac');
    const rule = ruleById('iam-initial-access-key-iac')!;
    expect(rule.cis).toEqual(ruleById('iam-initial-access-key')!.cis);
    expect(rule.helpMarkdown).toContain("Drop the access key from the user's creation");
    expect(rule.helpMarkdown).toContain('IAM Identity Center');
  });
});

describe('exemptionInForce', () => {
  const at = Date.parse('2026-12-31T12:00:00Z');
  it.each([
    [null, false],
    [{ justification: 'x', expires: null }, true],
    [{ justification: 'x', expires: '2026-12-31' }, true],
    [{ justification: 'x', expires: '2026-12-30' }, false],
    [{ justification: 'x', expires: '2026-02-30' }, false],
  ])('%j at 2026-12-31: %s', (exemption, inForce) => {
    expect(exemptionInForce({ exemption }, at)).toBe(inForce);
  });
});

describe('iac reports', () => {
  it('SARIF: one result at the file and line, fingerprinted by the address, exempted ones counted', () => {
    const log = iacSarif(
      run({
        exempted: [
          finding({ address: 'aws_iam_access_key.bob', exemption: { justification: 'ok', expires: null } }),
        ],
      }),
      { toolVersion: '1.0.0', category: 'iac' },
    );
    expect(schemaErrors(log)).toEqual([]);
    const [result] = log.runs[0]!.results!;
    expect(result!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/users.tf' },
      region: { startLine: 12 },
    });
    const moved = iacSarif(run({ findings: [finding({ line: 40 })] }), { toolVersion: '1.0.0' });
    expect(moved.runs[0]!.results![0]!.partialFingerprints).toEqual(result!.partialFingerprints);
    expect(log.runs[0]!.properties).toEqual(expect.objectContaining({ findings: 1, exempted: 1 }));
    expect(log.runs[0]!.automationDetails).toEqual({ id: 'iac/' });
  });

  it('the message names the user, the login profile at file:line and the condition', () => {
    expect(iacMessage(finding({ condition: 'when var.create_key is true' }))).toBe(
      "IAM user 'alice' (aws_iam_user.alice) is given an access key (aws_iam_access_key.alice) together with its console login profile (aws_iam_user_login_profile.alice at infra/users.tf:7) when var.create_key is true. Drop the key from the user's creation; create one later, when needed.",
    );
  });

  it('JSON: iacFindings beside the schema-1 fields', () => {
    const json = JSON.parse(iacJson(run()));
    expect(json).toEqual(
      expect.objectContaining({ schemaVersion: 1, mode: 'iac', accounts: [], findings: [] }),
    );
    expect(json.iacFindings).toEqual([
      expect.objectContaining({ ruleId: 'iam-initial-access-key-iac', line: 12, exempted: false }),
    ]);
  });

  it('summary, outputs and fail-on', () => {
    const md = iacSummaryMarkdown(run(), { sarifFile: 'a.sarif', jsonFile: 'a.json' });
    expect(md).toContain('| `infra/users.tf:12` | alice | `aws_iam_access_key.alice` | always |');
    expect(iacOutputs(run(), { sarifFile: 'a.sarif', jsonFile: 'a.json' })).toEqual(
      expect.objectContaining({
        findings: '1',
        'violating-users': '1',
        exempted: '0',
        'sarif-file': 'a.sarif',
        'ocsf-file': '',
      }),
    );
    expect(iacExitCode(run(), 'findings').code).toBe(1);
    expect(iacExitCode(run(), 'errors').code).toBe(0);
    expect(iacExitCode(run(), 'never').code).toBe(0);
    expect(iacExitCode(run({ findings: [] }), 'findings')).toEqual({
      code: 0,
      reason: 'no console user is given an access key at creation in 3 files of code',
    });
    // the verdict counts users, and keys only where a user has more than one
    expect(iacExitCode(run(), 'findings').reason).toBe(
      '1 console user given an access key at creation in 3 files of code',
    );
    const twoKeys = run({
      findings: [finding(), finding({ address: 'aws_iam_access_key.alice2', line: 20 })],
    });
    expect(iacExitCode(twoKeys, 'never').reason).toContain('1 console user given 2 access keys at creation');
  });
});

describe('exempt-users in an iac run', () => {
  const root = join(import.meta.dirname, '..', '..', 'fixtures', 'iac', 'terraform');
  const now = new Date('2026-12-01T00:00:00Z');
  const audit = (exemptUsers: string[]) =>
    auditIac(
      { iac: ['basic'], asOf: null, rule: { exemptionTag: DEFAULT_EXEMPTION_TAG } as never, exemptUsers },
      { root, now },
    );

  it('exempts a user the code names, by name or glob regardless of case, and says which entry did', async () => {
    const before = await audit([]);
    expect(before.findings.map((f) => f.userName)).toEqual(['alice', 'frank', 'hank']);
    const after = await audit(['ALICE', 'h*']);
    expect(after.findings.map((f) => f.userName)).toEqual(['frank']);
    expect(after.exempted.map((f) => [f.userName, f.exemption?.justification])).toEqual([
      ['alice', 'exempt-users: "ALICE"'],
      ['hank', 'exempt-users: "h*"'],
    ]);
    expect(after.notes).toEqual(before.notes);
  });

  it('says that an entry naming an ARN cannot match code (no account there), and exempts nothing by it', async () => {
    const r = await audit(['arn:aws:iam::123456789012:user/alice']);
    expect(r.findings.map((f) => f.userName)).toEqual(['alice', 'frank', 'hank']);
    expect(r.notes.at(-1)).toMatch(
      /^exempt-users: an entry names an ARN, which infrastructure code does not have/,
    );
  });
});
