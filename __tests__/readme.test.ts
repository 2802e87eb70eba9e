/**
 * The README's input and output tables are generated from action.yml, so they cannot drift.
 * `UPDATE_README=1 npm test -- __tests__/readme.test.ts` rewrites them.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers/run-dist.js';
import { AWS_OPERATIONS, MEMBER_ROLE_ACTIONS } from '../src/aws/operations.js';

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

describe('least-privilege policies in the README and the CloudFormation templates', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const want = [...MEMBER_ROLE_ACTIONS].sort();
  type Statement = { Action: string | string[] };

  const readmeActions = (): string[] =>
    [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => JSON.parse(m[1]!) as { Statement: Statement[] })
      .flatMap((p) => p.Statement)
      .flatMap((st) => [st.Action].flat());

  /** Every Action of a template: its policies and, with `trust`, its roles' trust policies. */
  function templateActions(file: string, trust = false): string[] {
    const template = parse(readFileSync(join(ROOT, 'examples', 'cloudformation', file), 'utf8')) as {
      Resources: Record<
        string,
        {
          Properties: {
            AssumeRolePolicyDocument?: { Statement: Statement[] };
            Policies?: Array<{ PolicyDocument: { Statement: Statement[] } }>;
          };
        }
      >;
    };
    return Object.values(template.Resources)
      .flatMap((r) => [
        ...(r.Properties.Policies ?? []).map((p) => p.PolicyDocument),
        ...(trust && r.Properties.AssumeRolePolicyDocument ? [r.Properties.AssumeRolePolicyDocument] : []),
      ])
      .flatMap((d) => d.Statement)
      .flatMap((st) => [st.Action].flat());
  }

  it('grant exactly the IAM actions the audit calls', () => {
    const iamActions = readmeActions().filter((a) => a.startsWith('iam:'));
    expect([...new Set(iamActions)].sort()).toEqual(want);

    for (const file of ['audit-role.yaml', 'member-role.yaml']) {
      const actions = templateActions(file).filter((a) => a.startsWith('iam:'));
      expect(actions.sort()).toEqual(want);
    }
  });

  it('name every action the operations table says a policy must grant, and no other', () => {
    const granted = AWS_OPERATIONS.filter((o) => o.granted)
      .map((o) => o.iamAction)
      .sort();
    expect([...new Set(readmeActions())].sort()).toEqual(granted);
    const templates = ['audit-role.yaml', 'member-role.yaml'].flatMap((f) => templateActions(f, true));
    expect([...new Set(templates)].sort()).toEqual(granted);
  });

  it('trust GitHub OIDC in both the classic and the immutable sub form', () => {
    expect(readme).toMatch(/"repo:octo-org\/security-audits:ref:refs\/heads\/main"/);
    expect(readme).toMatch(/"repo:octo-org@\d+\/security-audits@\d+:environment:aws-audit"/);
    const cfn = readFileSync(join(ROOT, 'examples', 'cloudformation', 'audit-role.yaml'), 'utf8');
    expect(cfn).toContain(
      'repo:${GitHubOwner}@${GitHubOwnerId}/${GitHubRepo}@${GitHubRepoId}:ref:refs/heads/main',
    );
  });
});
