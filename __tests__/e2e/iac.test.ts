/**
 * End to end, the `iac` run (DESIGN §11, issue 23): the committed bundle dist/index.js run as the
 * Actions runner runs it, with GITHUB_WORKSPACE a copy of the iac fixtures. Exactly these users are
 * reported, at these files and lines; the SARIF passes the Multitool's GitHub rules; `fail-on` decides
 * the exit; an iac run together with an AWS or GitHub input is an input error before any work.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, ROOT, assertDistFresh, runAction } from '../helpers/run-dist.js';
import { expectValidSarifFiles } from '../helpers/sarif-validate.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'iac');
let workspace: string;

beforeAll(() => {
  assertDistFresh();
  workspace = mkdtempSync(join(tmpdir(), 'iam-audit-iac-ws-'));
  for (const d of ['basic', 'exemptions', 'conditional'])
    cpSync(join(FIXTURES, 'terraform', d), join(workspace, d), { recursive: true });
  mkdirSync(join(workspace, 'cfn'));
  cpSync(join(FIXTURES, 'cloudformation', 'users.yaml'), join(workspace, 'cfn', 'users.yaml'));
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** `file:line user` of every failing finding, in the report's order. */
const FAILING = [
  'basic/main.tf:11 alice',
  'basic/main.tf:61 frank',
  'basic/main.tf:84 hank',
  'cfn/users.yaml:27 alice',
  'cfn/users.yaml:65 ops-admin',
  'cfn/users.yaml:77 Resources.DanUser',
  'cfn/users.yaml:92 eve',
  'conditional/main.tf:23 olga',
  'conditional/main.tf:37 pat',
  'conditional/main.tf:51 quinn',
  'exemptions/main.tf:38 lazy',
];

function iac(inputs: Record<string, string>) {
  return runAction({ inputs: { iac: '.', ...inputs }, env: { GITHUB_WORKSPACE: workspace } });
}

describe('dist/index.js with iac', () => {
  it('reports exactly the users given a key at creation, at their file and line, and fails the step', async () => {
    const run = await iac({ 'as-of': '2026-11-01T00:00:00Z' });
    try {
      expect(run.code).toBe(1);
      expect(run.outputs.findings).toBe('11');
      expect(run.outputs.exempted).toBe('4');
      expect(run.outputs['accounts-audited']).toBe('0');
      expect(run.outputs['sarif-file']).toBe('iam-initial-access-keys.sarif');
      const sarifPath = join(run.dir, 'iam-initial-access-keys.sarif');
      const [log] = expectValidSarifFiles([sarifPath], run.dir);
      const sarifRun = log!.runs[0]!;
      expect(sarifRun.tool.driver.rules?.map((r) => r.id)).toEqual(['iam-initial-access-key-iac']);
      const results = sarifRun.results ?? [];
      expect(
        results.map((r) => {
          const loc = r.locations![0]!.physicalLocation!;
          return `${loc.artifactLocation!.uri}:${loc.region!.startLine} ${(r.properties as { userName: string }).userName}`;
        }),
      ).toEqual(FAILING);
      for (const r of results) expect(r.ruleId).toBe('iam-initial-access-key-iac');
      expect(results[0]!.message.text).toContain('aws_iam_user_login_profile.alice at basic/main.tf:7');
      expect(results[7]!.message.text).toContain('when var.create_key is true');
      expect(sarifRun.properties).toEqual(
        expect.objectContaining({ mode: 'iac', findings: 11, exempted: 4, exemptionsExpired: 0 }),
      );

      const json = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.json'), 'utf8'));
      expect(json.schemaVersion).toBe(1);
      expect(json.findings).toEqual([]);
      expect(json.iacFindings.filter((f: { exempted: boolean }) => !f.exempted)).toHaveLength(11);
      expect(
        json.iacFindings
          .filter((f: { exempted: boolean }) => f.exempted)
          .map((f: { file: string; line: number }) => `${f.file}:${f.line}`),
      ).toEqual([
        'cfn/users.yaml:120',
        'exemptions/main.tf:11',
        'exemptions/main.tf:26',
        'exemptions/main.tf:43',
      ]);

      expect(run.summary).toContain('| `conditional/main.tf:23` | olga | `aws_iam_access_key.olga[0]` |');
      expect(run.summary).toContain('### Exempted');
    } finally {
      run.cleanup();
    }
  });

  it('keeps an alert across line moves: the fingerprint is the resource address', async () => {
    const hashes = async (): Promise<Map<string, string>> => {
      const run = await iac({ 'fail-on': 'never', 'as-of': '2026-11-01T00:00:00Z' });
      try {
        expect(run.code).toBe(0);
        const sarif = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.sarif'), 'utf8'));
        return new Map(
          sarif.runs[0].results.map(
            (r: {
              properties: { address: string; file: string };
              partialFingerprints: Record<string, string>;
            }) => [
              `${r.properties.file} ${r.properties.address}`,
              r.partialFingerprints.primaryLocationLineHash,
            ],
          ),
        );
      } finally {
        run.cleanup();
      }
    };
    const before = await hashes();
    const tf = join(workspace, 'basic', 'main.tf');
    const text = readFileSync(tf, 'utf8');
    writeFileSync(tf, `# moved\n\n\n${text}`);
    try {
      const after = await hashes();
      expect(after).toEqual(before);
      expect(new Set(before.values()).size).toBe(11);
    } finally {
      writeFileSync(tf, text);
    }
  });

  it('an expired exemption fails again; fail-on errors does not fail on findings', async () => {
    const run = await iac({ 'as-of': '2027-02-15T00:00:00Z', 'fail-on': 'errors' });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs.findings).toBe('13');
      expect(run.outputs.exempted).toBe('2');
      const sarif = JSON.parse(readFileSync(join(run.dir, 'iam-initial-access-keys.sarif'), 'utf8'));
      expect(sarif.runs[0].properties.exemptionsExpired).toBe(2);
    } finally {
      run.cleanup();
    }
  });

  it('passes on code without findings', async () => {
    const run = await iac({ iac: 'conditional/*.tfvars' });
    try {
      expect(run.code).toBe(0);
      expect(run.outputs.findings).toBe('0');
      expect(
        expectValidSarifFiles([join(run.dir, 'iam-initial-access-keys.sarif')], run.dir)[0]!.runs[0]!.results,
      ).toEqual([]);
    } finally {
      run.cleanup();
    }
  });

  it('the CLI: --iac, one line per finding, exit 1 on findings and 2 on a conflict', async () => {
    const run = await runAction({
      entry: CLI_ENTRY,
      inputs: {},
      args: ['--iac', '.', '--as-of', '2026-11-01T00:00:00Z'],
      env: { GITHUB_WORKSPACE: workspace },
    });
    try {
      expect(run.code).toBe(1);
      expect(
        run.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(': ')[0]),
      ).toEqual(FAILING.map((f) => f.split(' ')[0]));
      expect(existsSync(join(run.dir, 'iam-initial-access-keys.sarif'))).toBe(true);
    } finally {
      run.cleanup();
    }
    const conflict = await runAction({
      entry: CLI_ENTRY,
      inputs: {},
      args: ['--iac', '.', '--accounts', '111122223333'],
      env: { GITHUB_WORKSPACE: workspace },
    });
    try {
      expect(conflict.code).toBe(2);
      expect(conflict.stderr).toContain('Input "iac" is set together with "accounts"');
    } finally {
      conflict.cleanup();
    }
  });

  it.each([
    ['credential-report', 'reports/*.csv'],
    ['role-to-assume', 'arn:aws:iam::111122223333:role/Audit'],
    ['accounts', '111122223333'],
    ['organization', 'true'],
    ['create-issues', 'true'],
    ['remediate', 'plan'],
    ['security-hub', 'true'],
  ])('rejects iac together with %s before any work', async (name, value) => {
    const run = await iac({ [name]: value });
    try {
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`::error::Input "iac" is set together with "${name}"`);
      expect(existsSync(join(run.dir, 'iam-initial-access-keys.sarif'))).toBe(false);
      expect(run.outputs).toEqual({});
    } finally {
      run.cleanup();
    }
  });
});
