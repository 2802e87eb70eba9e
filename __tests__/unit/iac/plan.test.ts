/**
 * The iac scan of Terraform plans (`terraform show -json`, issue 23): exact through modules, counts and
 * variables; located at the `.tf` line when the code is in the scanned tree, else at the plan; and in
 * agreement with the reading of the same code. Fixtures under __tests__/fixtures/iac/plan/ are written
 * for these tests in the format Terraform 1.9 writes.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanIac, type IacFinding } from '../../../src/iac/scan.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'iac');

function brief(f: IacFinding): string {
  return `${f.file}:${f.line} ${f.address} ${f.userName}`;
}

/** What a reading of the code and a plan must agree on. */
function identity(f: IacFinding) {
  const { address, userName, userAddress, file, line, loginProfile, condition, exemption } = f;
  return { address, userName, userAddress, file, line, loginProfile, condition, exemption };
}

const WITH_CODE = [
  'plan/with-code/main.tf:16 aws_iam_access_key.people[0] ann',
  'plan/with-code/main.tf:16 aws_iam_access_key.people[1] ben',
  'plan/with-code/main.tf:30 module.alice alice',
  'plan/with-code/main.tf:36 module.team.aws_iam_access_key.this["tom"] tom',
];

describe('Terraform plan JSON', () => {
  it('reports the users the change gives both, through counts, the iam-user module and local modules', async () => {
    const r = await scanIac(['plan/with-code/plan.json'], { root: ROOT });
    expect(r.findings.map(brief)).toEqual(WITH_CODE);
    expect(r.findings.every((f) => f.source === 'terraform-plan' && f.note === null)).toBe(true);
    expect(r.findings[2]).toMatchObject({
      userAddress: 'module.alice.aws_iam_user.this[0]',
      loginProfile: {
        file: 'plan/with-code/main.tf',
        line: 30,
        address: 'module.alice.aws_iam_user_login_profile.this[0]',
      },
    });
    expect(r.notes).toEqual([]);
  });

  it('agrees with the reading of the same code', async () => {
    const code = await scanIac(['plan/with-code/*.tf'], { root: ROOT });
    const plan = await scanIac(['plan/with-code/plan.json'], { root: ROOT });
    expect(code.findings.map(brief)).toEqual(WITH_CODE);
    expect(plan.findings.map(identity)).toEqual(code.findings.map(identity));
  });

  it('replaces the reading of its code when both are scanned: one finding per key, from the plan', async () => {
    const r = await scanIac(['plan/with-code'], { root: ROOT });
    expect(r.findings.map(brief)).toEqual(WITH_CODE);
    expect(r.findings.map((f) => f.source)).toEqual(Array(4).fill('terraform-plan'));
  });

  it('finds its code in another scanned directory, or points at the plan when the code is not scanned', async () => {
    const both = await scanIac(['plan/with-code/main.tf', 'plan/elsewhere/tfplan.json'], { root: ROOT });
    expect(both.findings.map(brief)).toEqual(WITH_CODE);
    const alone = await scanIac(['plan/elsewhere'], { root: ROOT });
    expect(alone.findings.map(brief)).toEqual([
      'plan/elsewhere/tfplan.json:1 aws_iam_access_key.people[0] ann',
      'plan/elsewhere/tfplan.json:1 aws_iam_access_key.people[1] ben',
      'plan/elsewhere/tfplan.json:1 module.alice alice',
      'plan/elsewhere/tfplan.json:1 module.team.aws_iam_access_key.this["tom"] tom',
    ]);
    expect(alone.findings[0]?.loginProfile).toEqual({
      file: 'plan/elsewhere/tfplan.json',
      line: 1,
      address: 'aws_iam_user_login_profile.people[0]',
    });
  });

  it('says what a change to existing users does, links by configuration references, reads tags', async () => {
    const r = await scanIac(['plan/existing'], { root: ROOT });
    expect(r.findings.map((f) => [f.address, f.userName, f.note])).toEqual([
      // a new user whose name is known only after apply: linked by the configuration's references
      ['aws_iam_access_key.gen', 'aws_iam_user.gen', null],
      [
        'aws_iam_access_key.olga',
        'olga',
        'adds a console password to an existing user who keeps this access key',
      ],
      // the key is replaced: a new key for a console user
      ['aws_iam_access_key.pia', 'pia', 'adds an access key to an existing user who has a console password'],
      ['aws_iam_access_key.tara', 'tara', null],
      ['aws_iam_access_key.uri', 'uri', 'gives an existing user both a console password and an access key'],
    ]);
    // rex (nothing new), sue (key deleted) and the data source are not findings
    expect(r.findings.find((f) => f.userName === 'tara')?.exemption).toEqual({
      justification: 'legacy FTP bridge',
      expires: '2027-03-01',
    });
    expect(r.findings.every((f) => f.file === 'plan/existing/plan.json' && f.line === 1)).toBe(true);
  });

  it('reads plans up to 64 MiB, notes one that is not JSON, ignores JSON that is not a plan', async () => {
    const root = mkdtempSync(join(tmpdir(), 'iac-plan-'));
    const plan = JSON.parse(readFileSync(join(ROOT, 'plan', 'elsewhere', 'tfplan.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    plan.variables = { padding: { value: 'x'.repeat(6 * 1024 * 1024) } };
    writeFileSync(join(root, 'big.json'), JSON.stringify(plan));
    writeFileSync(join(root, 'broken.json'), '{"format_version":"1.2","resource_changes":[');
    writeFileSync(join(root, 'other.json'), '{"resource_changes":[],"name":"not a plan"}');
    // a big lock file is not a template: skipped without a note; a big template gets one
    writeFileSync(
      join(root, 'package-lock.json'),
      `{"name":"x","packages":{"a":"${'x'.repeat(6 * 1024 * 1024)}"}}`,
    );
    writeFileSync(join(root, 'huge.template.json'), `{"Resources":{"A":"${'x'.repeat(6 * 1024 * 1024)}"}}`);
    const r = await scanIac(['.'], { root });
    expect(r.findings.map(brief)).toEqual([
      'big.json:1 aws_iam_access_key.people[0] ann',
      'big.json:1 aws_iam_access_key.people[1] ben',
      'big.json:1 module.alice alice',
      'big.json:1 module.team.aws_iam_access_key.this["tom"] tom',
    ]);
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toMatch(/^broken\.json: not valid JSON \(.+\); not read\.$/);
    expect(r.notes[1]).toBe('huge.template.json: larger than 5 MiB; not read.');
    expect(r.filesScanned).toBe(1);
  });
});
