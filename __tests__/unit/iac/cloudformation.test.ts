/**
 * The iac scan of CloudFormation templates (issue 23): YAML with the short tags, JSON in the long form,
 * SAM, and CDK's synthesized `cdk.out/*.template.json`. Which users of the fixtures under
 * __tests__/fixtures/iac/cloudformation/ (written for these tests) are reported, at which line, and
 * that nothing else is.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanIac, type IacFinding } from '../../../src/iac/scan.js';

const CFN = join(import.meta.dirname, '..', '..', 'fixtures', 'iac', 'cloudformation');

function brief(f: IacFinding): string {
  return `${f.file}:${f.line} ${f.address} ${f.userName}`;
}

describe('CloudFormation templates', () => {
  it('YAML: users with a LoginProfile and a key by Ref, !Sub or literal name; conditions; nothing else', async () => {
    const r = await scanIac(['users.yaml'], { root: CFN });
    expect(r.findings.map((f) => [brief(f), f.condition])).toEqual([
      ['users.yaml:27 Resources.AliceKey alice', null],
      // the literal is the default of the parameter the user's name refers to
      ['users.yaml:65 Resources.OpsKey ops-admin', null],
      // no UserName: CloudFormation makes one, so the user is known by its address
      ['users.yaml:77 Resources.DanKey Resources.DanUser', 'when the conditions WithKeys and IsProd hold'],
      ['users.yaml:92 Resources.EveKey eve', 'when the condition WithConsole holds'],
      ['users.yaml:120 Resources.GailKey gail', null],
    ]);
    expect(r.findings[0]).toEqual({
      address: 'Resources.AliceKey',
      userName: 'alice',
      userAddress: 'Resources.AliceUser',
      file: 'users.yaml',
      line: 27,
      loginProfile: { file: 'users.yaml', line: 23, address: 'Resources.AliceUser.Properties.LoginProfile' },
      source: 'cloudformation',
      condition: null,
      note: null,
      exemption: null,
    });
    expect(r.findings.at(-1)?.exemption).toEqual({
      justification: 'SES SMTP credentials for the legacy mailer',
      expires: '2027-06-30',
    });
    expect(r.filesScanned).toBe(1);
    expect(r.notes).toEqual([]);
  });

  it('CDK output (JSON, long form): positions, Fn::If on the LoginProfile, the justification tag', async () => {
    const r = await scanIac(['cdk.out'], { root: CFN });
    expect(r.findings.map((f) => [brief(f), f.condition, f.exemption])).toEqual([
      [
        'cdk.out/BackofficeStack.template.json:22 Resources.SupportUserKey5A7C9D2E support',
        null,
        { justification: 'ticketing integration needs a key until 2027', expires: '2027-01-15' },
      ],
      [
        'cdk.out/BackofficeStack.template.json:41 Resources.AuditorKey3C55E1F0 Resources.AuditorUserB41F0A77',
        'when the condition HasConsole holds',
        null,
      ],
    ]);
    expect(r.findings[0]?.loginProfile).toEqual({
      file: 'cdk.out/BackofficeStack.template.json',
      line: 6,
      address: 'Resources.SupportUser8E2F3B1C.Properties.LoginProfile',
    });
    // manifest.json is not a template
    expect(r.filesScanned).toBe(1);
  });

  it('SAM templates', async () => {
    const r = await scanIac(['sam'], { root: CFN });
    expect(r.findings.map(brief)).toEqual([
      'sam/template.yml:20 Resources.OperatorKey Resources.OperatorUser',
    ]);
  });

  it('leaves other YAML alone and notes a template that is not valid YAML', async () => {
    const r = await scanIac(['other'], { root: CFN });
    expect(r.filesScanned).toBe(1);
    expect(r.notes).toEqual([
      'other/broken.yaml:7: not valid YAML/JSON (Flow map in block collection must be sufficiently indented and end with a }); read as far as it could be.',
    ]);
    expect(r.findings.map(brief)).toEqual(['other/broken.yaml:7 Resources.BrokenKey Resources.BrokenUser']);
  });

  it('reads JSON indented with tabs, escapes, !Sub in the long form, and an ignore comment inside YAML', async () => {
    const root = mkdtempSync(join(tmpdir(), 'iac-cfn-'));
    writeFileSync(
      join(root, 'tabs.json'),
      '{\n\t"Resources": {\n\t\t"U": {"Type": "AWS::IAM::User", "Properties": {"UserName": "caf\\u00e9", "LoginProfile": {"Password": "x"}}},\n\t\t"K": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": {"Fn::Sub": "${U}"}}}\n\t}\n}\n',
    );
    writeFileSync(
      join(root, 'inside.yaml'),
      [
        'Resources:',
        '  U:',
        '    Type: AWS::IAM::User',
        '    Properties: {UserName: "<script>", LoginProfile: {Password: x}}',
        '  K:',
        '    Type: AWS::IAM::AccessKey',
        '    Properties:',
        '      UserName: "<script>" # iam-initial-access-key-audit: ignore reason="lab"',
        '  V:',
        '    Type: AWS::IAM::User',
        '    Properties:',
        '      Path: !Transform {Name: "AWS::Include", Parameters: {Location: x}}',
        '      LoginProfile: !If [NoConsole, !Ref AWS::NoValue, {Password: x}]',
        '  VK:',
        '    Type: AWS::IAM::AccessKey',
        '    Properties: {UserName: !Ref V}',
        '  W:',
        '    Type: AWS::IAM::User',
        '    Properties:',
        '      LoginProfile: !If [Never, !Ref AWS::NoValue, !Ref AWS::NoValue]',
        '  WK:',
        '    Type: AWS::IAM::AccessKey',
        '    Properties: {UserName: !Ref W}',
        '',
      ].join('\n'),
    );
    const r = await scanIac(['.'], { root });
    expect(r.findings.find((f) => f.address === 'Resources.VK')?.condition).toBe(
      'when the condition NoConsole does not hold',
    );
    expect(r.findings.map((f) => [brief(f), f.exemption])).toEqual([
      ['inside.yaml:5 Resources.K <script>', { justification: 'lab', expires: null }],
      ['inside.yaml:14 Resources.VK Resources.V', null],
      ['tabs.json:4 Resources.K café', null],
    ]);
  });
});
