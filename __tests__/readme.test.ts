/**
 * The README's input and output tables are generated from action.yml, so they cannot drift.
 * `UPDATE_README=1 npm test -- __tests__/readme.test.ts` rewrites them.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers/run-dist.js';
import {
  AWS_OPERATIONS,
  MEMBER_ROLE_ACTIONS,
  REMEDIATION_ROLE_ACTIONS,
  SECURITY_HUB_ACTIONS,
} from '../src/aws/operations.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

function tables(action: ActionYml): Record<string, string> {
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.default === undefined ? '—' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`,
  );
  return {
    inputs: ['| input | default | meaning |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | meaning |', '|---|---|', ...outputs].join('\n'),
  };
}

describe('README', () => {
  const readmePath = join(ROOT, 'README.md');
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

  it.each(['inputs', 'outputs'])('has the %s table of action.yml', (name) => {
    let readme = readFileSync(readmePath, 'utf8');
    const start = `<!-- ${name}:start -->\n`;
    const end = `\n<!-- ${name}:end -->`;
    const want = tables(action)[name]!;
    const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
    if (process.env.UPDATE_README) {
      readme = readme.replace(re, () => `${start}${want}${end}`);
      writeFileSync(readmePath, readme);
    }
    expect(readme).toContain(`${start}${want}${end}`);
  });

  it('gives the set-up and test commands CI runs', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});

interface Statement {
  Sid?: string;
  Action: string | string[];
}

/** A statement with whether it is optional: the Security Hub one (README Sid, CloudFormation Fn::If). */
interface Granted {
  action: string;
  optional: boolean;
}

function granted(statements: Array<Statement | { 'Fn::If': [string, Statement, unknown] }>): Granted[] {
  return statements.flatMap((st) => {
    const optional = 'Fn::If' in st;
    const s = 'Fn::If' in st ? st['Fn::If'][1] : st;
    return [s.Action]
      .flat()
      .map((action) => ({ action, optional: optional || s.Sid === 'ImportSecurityHubFindings' }));
  });
}

/** Required IAM actions and optional Security Hub ones, each exactly as the code calls them. */
function expectSplit(actions: Granted[]): void {
  const of = (prefix: string, optional: boolean) =>
    [
      ...new Set(
        actions.filter((a) => a.action.startsWith(prefix) && a.optional === optional).map((a) => a.action),
      ),
    ].sort();
  expect(of('iam:', false)).toEqual([...MEMBER_ROLE_ACTIONS].sort());
  expect(of('iam:', true)).toEqual([]);
  expect(of('securityhub:', true)).toEqual([...SECURITY_HUB_ACTIONS].sort());
  expect(of('securityhub:', false)).toEqual([]);
}

describe('least-privilege policies in the README and the CloudFormation templates', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  type AnyStatement = Parameters<typeof granted>[0][number];
  const actionsOf = (statements: AnyStatement[]): string[] => granted(statements).map((g) => g.action);

  const readmeActions = (): string[] =>
    actionsOf(
      [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
        .map((m) => JSON.parse(m[1]!) as { Statement: Statement[] })
        .flatMap((p) => p.Statement),
    );

  /** Every Action of a template: its policies and, with `trust`, its roles' trust policies. */
  function templateActions(file: string, trust = false): string[] {
    const template = parse(readFileSync(join(ROOT, 'examples', 'cloudformation', file), 'utf8')) as {
      Resources: Record<
        string,
        {
          Properties: {
            AssumeRolePolicyDocument?: { Statement: AnyStatement[] };
            Policies?: Array<{ PolicyDocument: { Statement: AnyStatement[] } }>;
          };
        }
      >;
    };
    return actionsOf(
      Object.values(template.Resources)
        .flatMap((r) => [
          ...(r.Properties.Policies ?? []).map((p) => p.PolicyDocument),
          ...(trust && r.Properties.AssumeRolePolicyDocument ? [r.Properties.AssumeRolePolicyDocument] : []),
        ])
        .flatMap((d) => d.Statement),
    );
  }

  interface SidStatement extends Statement {
    Sid?: string;
    Resource?: unknown;
  }
  const remediation = [...REMEDIATION_ROLE_ACTIONS].sort();
  const iamActionsOf = (statements: SidStatement[]) =>
    [...new Set(statements.flatMap((st) => [st.Action].flat()).filter((a) => a.startsWith('iam:')))].sort();

  type Template = {
    Resources: Record<
      string,
      { Properties: { Policies?: Array<{ PolicyDocument: { Statement: SidStatement[] } }> } }
    >;
  };
  const templateOf = (file: string) =>
    parse(readFileSync(join(ROOT, 'examples', 'cloudformation', file), 'utf8')) as Template;
  const statementsOf = (t: Template, resource?: string) =>
    Object.entries(t.Resources)
      .filter(([name]) => resource === undefined || name === resource)
      .flatMap(([, r]) => r.Properties.Policies ?? [])
      .flatMap((p) => p.PolicyDocument.Statement);

  const readmeStatements = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => JSON.parse(m[1]!) as { Statement: SidStatement[] })
    .flatMap((p) => p.Statement);

  it('grant exactly the IAM actions the audit calls, and the Security Hub ones only as optional', () => {
    // the remediation role's statement is checked on its own below
    expectSplit(granted(readmeStatements.filter((st) => st.Sid !== 'DeactivateDueKeys')));

    for (const file of ['audit-role.yaml', 'member-role.yaml']) {
      const template = parse(readFileSync(join(ROOT, 'examples', 'cloudformation', file), 'utf8')) as {
        Parameters: Record<string, { Default?: string }>;
        Conditions: Record<string, unknown>;
        Resources: Record<
          string,
          {
            Properties: {
              Policies?: Array<{ PolicyDocument: { Statement: Parameters<typeof granted>[0] } }>;
            };
          }
        >;
      };
      const statements = Object.entries(template.Resources)
        .filter(([name]) => name !== 'RemediationRole')
        .flatMap(([, r]) => r.Properties.Policies ?? [])
        .flatMap((p) => p.PolicyDocument.Statement);
      expectSplit(granted(statements));
      // optional means off unless asked for
      expect(template.Parameters.SecurityHub?.Default).toBe('false');
      expect(template.Conditions.ImportToSecurityHub).toEqual({
        'Fn::Equals': [{ Ref: 'SecurityHub' }, 'true'],
      });
    }
  });

  it('give the remediation role only the four actions it calls, on users, and never a delete', () => {
    // the live re-check reads the keys, their last use and the user's tags (an exemption since the audit)
    expect(REMEDIATION_ROLE_ACTIONS).toEqual([
      'iam:ListAccessKeys',
      'iam:GetAccessKeyLastUsed',
      'iam:ListUserTags',
      'iam:UpdateAccessKey',
    ]);
    const readmeRemediation = readmeStatements.filter((st) => st.Sid === 'DeactivateDueKeys');
    expect(readmeRemediation).toHaveLength(1);
    expect(iamActionsOf(readmeRemediation)).toEqual(remediation);
    // in the order the operations table gives
    expect([readmeRemediation[0]!.Action].flat()).toEqual(REMEDIATION_ROLE_ACTIONS);
    expect(readmeRemediation[0]!.Resource).toBe('arn:aws:iam::*:user/*');
    const cfn = statementsOf(templateOf('member-role.yaml'), 'RemediationRole');
    expect(iamActionsOf(cfn)).toEqual(remediation);
    expect(cfn.flatMap((st) => [st.Action].flat())).toEqual(REMEDIATION_ROLE_ACTIONS);
    expect(cfn.map((st) => st.Resource)).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*' },
    ]);
    expect(
      readme + readFileSync(join(ROOT, 'examples', 'cloudformation', 'member-role.yaml'), 'utf8'),
    ).not.toMatch(/iam:Delete/);
  });

  it('let only the audit role assume the remediation role, and only when asked for', () => {
    const t = parse(readFileSync(join(ROOT, 'examples', 'cloudformation', 'member-role.yaml'), 'utf8')) as {
      Resources: {
        RemediationRole: { Condition: string; Properties: { AssumeRolePolicyDocument: unknown } };
      };
      Conditions: Record<string, unknown>;
    };
    expect(t.Resources.RemediationRole.Condition).toBe('MakeRemediationRole');
    expect(t.Conditions.MakeRemediationRole).toEqual({
      'Fn::Equals': [{ Ref: 'CreateRemediationRole' }, 'true'],
    });
    expect(t.Resources.RemediationRole.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: { Ref: 'AuditRoleArn' } }, Action: 'sts:AssumeRole' }],
    });
    const audit = statementsOf(templateOf('audit-role.yaml')).find(
      (st) => st.Sid === 'ChainIntoRemediationRoles',
    );
    expect(audit?.Resource).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:iam::*:role/${RemediationRoleName}',
    });
  });

  it('ships the plan-nightly, deactivate-weekly workflow', () => {
    const wf = readFileSync(join(ROOT, 'examples', 'workflows', 'remediate.yml'), 'utf8');
    const doc = parse(wf) as { on: { schedule: Array<{ cron: string }> } };
    expect(doc.on.schedule.map((x) => x.cron)).toEqual(['17 3 * * *', '47 4 * * 1']);
    expect(wf).toContain(
      "remediate: ${{ github.event.schedule == '47 4 * * 1' && 'deactivate' || inputs.remediate || 'plan' }}",
    );
  });

  it('name every action the operations table says a policy must grant, and no other', () => {
    const granted = [...new Set(AWS_OPERATIONS.filter((o) => o.granted).map((o) => o.iamAction))].sort();
    expect([...new Set(readmeActions())].sort()).toEqual(granted);
    const templates = ['audit-role.yaml', 'member-role.yaml'].flatMap((f) => templateActions(f, true));
    expect([...new Set(templates)].sort()).toEqual(granted);
  });

  it('trust GitHub OIDC in both the classic and the immutable sub form', () => {
    expect(readme).toMatch(/"repo:octo-org\/security-audits:ref:refs\/heads\/main"/);
    expect(readme).toMatch(/"repo:octo-org@\d+\/security-audits@\d+:environment:aws-audit"/);
    const cfn = readFileSync(join(ROOT, 'examples', 'cloudformation', 'audit-role.yaml'), 'utf8');
    // the template's forms for each parameter choice: __tests__/cloudformation.test.ts
    expect(cfn).toContain(
      'repo:${GitHubOwner}@${OwnerId}/${GitHubRepo}@${RepositoryId}:ref:refs/heads/${Branch}',
    );
    expect(cfn).toContain(
      'repo:${GitHubOwner}@${OwnerId}/${GitHubRepo}@${RepositoryId}:environment:${Environment}',
    );
  });
});
