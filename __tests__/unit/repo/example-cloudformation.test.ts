/**
 * The CloudFormation templates of examples/cloudformation/, read as CloudFormation reads them (YAML with
 * its short tags `!Sub`, `!If`, … as well as the long `Fn::` form) and evaluated for given parameters by a
 * small evaluator of the intrinsic functions they use (Ref, Fn::Sub, Fn::If, Fn::Equals, Fn::Not,
 * Fn::And, Fn::Or, Condition, AWS::NoValue): the audit role's trust policy allows exactly the `sub`
 * claims it says, for the branch, for the environment only, with and without the immutable ids.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Tags } from 'yaml';
import { ROOT } from '../../helpers/run-dist.js';

/** CloudFormation's short tags: `!Sub x` is `{ "Fn::Sub": x }`, `!Ref x` is `{ Ref: x }`. */
const FUNCTIONS = ['And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAtt', 'GetAZs', 'If', 'ImportValue'];
const FUNCTIONS_TOO = ['Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Transform', 'Ref', 'Condition'];
function cloudFormationTags(): Tags {
  const key = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
  return [...FUNCTIONS, ...FUNCTIONS_TOO].flatMap((name) => [
    {
      tag: `!${name}`,
      resolve: (value: string) => ({ [key(name)]: name === 'GetAtt' ? value.split('.') : value }),
    },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (seq: { toJSON(): unknown }) => ({ [key(name)]: seq.toJSON() }),
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (map: { toJSON(): unknown }) => ({ [key(name)]: map.toJSON() }),
    },
  ]);
}

interface Template {
  Parameters: Record<string, { Default?: string; AllowedPattern?: string; MinLength?: number }>;
  Rules?: Record<string, { Assertions: Array<{ Assert: unknown; AssertDescription: string }> }>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;
}

function load(file: string): Template {
  const text = readFileSync(join(ROOT, 'examples', 'cloudformation', file), 'utf8');
  return parse(text, { customTags: cloudFormationTags(), strict: true }) as Template;
}

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Evaluates `node` as CloudFormation would for a stack with these parameter values (defaults filled in,
 * as CloudFormation does). Throws on an intrinsic function it does not know, so a template that starts
 * using one fails here rather than passing untested.
 */
function evaluator(template: Template, given: Record<string, string>) {
  const params: Record<string, string> = {};
  for (const [name, p] of Object.entries(template.Parameters)) {
    const value = given[name] ?? p.Default;
    if (value === undefined) throw new Error(`parameter ${name} has no value and no default`);
    if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value)) {
      throw new Error(`parameter ${name}: ${JSON.stringify(value)} does not match ${p.AllowedPattern}`);
    }
    if (p.MinLength !== undefined && value.length < p.MinLength)
      throw new Error(`parameter ${name} is too short`);
    params[name] = value;
  }
  for (const name of Object.keys(given)) {
    if (!(name in template.Parameters)) throw new Error(`the template has no parameter ${name}`);
  }
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': '111122223333' };
  const ref = (name: string): string | typeof NO_VALUE => {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const value = params[name] ?? pseudo[name];
    if (value === undefined) throw new Error(`Ref to unknown ${name}`);
    return value;
  };
  const condition = (name: string): boolean => {
    const c = template.Conditions[name];
    if (c === undefined) throw new Error(`unknown condition ${name}`);
    return evaluate(c) as boolean;
  };

  function evaluate(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(evaluate).filter((v) => v !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const [fn, arg] = entries[0] ?? [];
    if (
      entries.length === 1 &&
      fn !== undefined &&
      (fn === 'Ref' || fn === 'Condition' || fn.startsWith('Fn::'))
    ) {
      switch (fn) {
        case 'Ref':
          return ref(arg as string);
        case 'Condition':
          return condition(arg as string);
        case 'Fn::Equals': {
          const [a, b] = (arg as unknown[]).map(evaluate);
          return a === b;
        }
        case 'Fn::Not':
          return !(evaluate((arg as unknown[])[0]) as boolean);
        case 'Fn::And':
          return (arg as unknown[]).every((c) => evaluate(c) === true);
        case 'Fn::Or':
          return (arg as unknown[]).some((c) => evaluate(c) === true);
        case 'Fn::If': {
          const [name, yes, no] = arg as [string, unknown, unknown];
          return evaluate(condition(name) ? yes : no);
        }
        case 'Fn::Sub': {
          const [text, vars] =
            typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
          return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) =>
            name in vars ? String(evaluate(vars[name])) : String(ref(name)),
          );
        }
        case 'Fn::GetAtt':
          return `<${(arg as string[]).join('.')}>`;
        default:
          throw new Error(`the evaluator does not know ${fn}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const value = evaluate(v);
      if (value !== NO_VALUE) out[k] = value;
    }
    return out;
  }

  return {
    evaluate,
    condition,
    /** The resources this stack creates (those whose Condition holds), evaluated. */
    resources(): Record<string, Record<string, unknown>> {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [name, r] of Object.entries(template.Resources)) {
        if (r.Condition === undefined || condition(r.Condition)) {
          out[name] = evaluate(r.Properties) as Record<string, unknown>;
        }
      }
      return out;
    },
    /** The descriptions of the template's Rules assertions that fail for these parameters. */
    failedRules(): string[] {
      return Object.values(template.Rules ?? {}).flatMap((rule) =>
        rule.Assertions.filter((a) => evaluate(a.Assert) !== true).map((a) => a.AssertDescription),
      );
    },
  };
}

interface TrustStatement {
  Effect: string;
  Principal: { Federated: string };
  Action: string;
  Condition: { StringEquals: Record<string, string>; StringLike: Record<string, string[]> };
}

const REPO = { GitHubOwner: 'octo-org', GitHubRepo: 'security-audits' };
const IDS = { OwnerId: '1234567', RepositoryId: '89012345' };

/** The audit role's trust policy for these parameters. */
function trust(given: Record<string, string>): TrustStatement[] {
  const stack = evaluator(load('audit-role.yaml'), { ...REPO, ...given });
  expect(stack.failedRules()).toEqual([]);
  const role = stack.resources().AuditRole as { AssumeRolePolicyDocument: { Statement: TrustStatement[] } };
  return role.AssumeRolePolicyDocument.Statement;
}
const subs = (given: Record<string, string>) =>
  trust(given).flatMap((s) => s.Condition.StringLike['token.actions.githubusercontent.com:sub'] ?? []);

describe('examples/cloudformation/audit-role.yaml', () => {
  it('parses as CloudFormation YAML, short tags understood too', () => {
    const template = load('audit-role.yaml');
    expect(Object.keys(template.Resources)).toEqual(['GitHubOidcProvider', 'AuditRole']);
    const short = parse('a: !If [C, !Sub "x-${P}", !Ref AWS::NoValue]\nb: !GetAtt R.Arn\n', {
      customTags: cloudFormationTags(),
    }) as unknown;
    expect(short).toEqual({
      a: { 'Fn::If': ['C', { 'Fn::Sub': 'x-${P}' }, { Ref: 'AWS::NoValue' }] },
      b: { 'Fn::GetAtt': ['R', 'Arn'] },
    });
  });

  it('by default trusts the main branch of the repository, name form only, for sts.amazonaws.com', () => {
    const [statement, ...others] = trust({});
    expect(others).toEqual([]);
    expect(statement).toEqual({
      Effect: 'Allow',
      Principal: {
        Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': ['repo:octo-org/security-audits:ref:refs/heads/main'],
        },
      },
    });
  });

  it('trusts another branch when asked', () => {
    expect(subs({ Branch: 'release' })).toEqual(['repo:octo-org/security-audits:ref:refs/heads/release']);
  });

  it('with the ids, trusts the branch in the name and the immutable form', () => {
    expect(subs({ ...IDS })).toEqual([
      'repo:octo-org/security-audits:ref:refs/heads/main',
      'repo:octo-org@1234567/security-audits@89012345:ref:refs/heads/main',
    ]);
  });

  it('environment-only: only jobs in the environment, never the branch form', () => {
    const only = subs({ Environment: 'aws-audit' });
    expect(only).toEqual(['repo:octo-org/security-audits:environment:aws-audit']);
    expect(only.join()).not.toContain('ref:refs/heads');
    // the Branch parameter has no say then
    expect(subs({ Environment: 'aws-audit', Branch: 'release' })).toEqual(only);
  });

  it('environment-only with the ids: the environment in both forms, still no branch', () => {
    expect(subs({ Environment: 'aws-audit', ...IDS })).toEqual([
      'repo:octo-org/security-audits:environment:aws-audit',
      'repo:octo-org@1234567/security-audits@89012345:environment:aws-audit',
    ]);
  });

  it('refuses one id without the other, and ids that are not numbers', () => {
    const template = load('audit-role.yaml');
    expect(evaluator(template, { ...REPO, OwnerId: '1234567' }).failedRules()).toEqual([
      expect.stringContaining('OwnerId and RepositoryId go together'),
    ]);
    expect(evaluator(template, { ...REPO, RepositoryId: '89012345' }).failedRules()).toHaveLength(1);
    expect(() => evaluator(template, { ...REPO, OwnerId: 'octo-org', RepositoryId: '1' })).toThrow(
      /OwnerId.*does not match/,
    );
    expect(() => evaluator(template, { ...REPO, Branch: '' })).toThrow(/Branch is too short/);
  });

  it('explains the immutable form and when the ids are needed', () => {
    const text = readFileSync(join(ROOT, 'examples', 'cloudformation', 'audit-role.yaml'), 'utf8');
    expect(text).toContain('repo:OWNER@OWNER_ID/REPO@REPO_ID:...');
    expect(text).toMatch(/created, renamed or\s+#\s+transferred since 15 July 2026/);
    expect(text).toContain("gh api repos/OWNER/REPO --jq '.owner.id, .id'");
  });

  it('creates the OIDC provider and the Security Hub statement only when asked', () => {
    const names = (given: Record<string, string>) =>
      Object.keys(evaluator(load('audit-role.yaml'), { ...REPO, ...given }).resources());
    expect(names({})).toEqual(['GitHubOidcProvider', 'AuditRole']);
    expect(names({ CreateOidcProvider: 'false' })).toEqual(['AuditRole']);
    const sids = (given: Record<string, string>) => {
      const role = evaluator(load('audit-role.yaml'), { ...REPO, ...given }).resources().AuditRole as {
        Policies: Array<{ PolicyDocument: { Statement: Array<{ Sid: string }> } }>;
      };
      return role.Policies.flatMap((p) => p.PolicyDocument.Statement.map((s) => s.Sid));
    };
    expect(sids({})).not.toContain('ImportSecurityHubFindings');
    expect(sids({ SecurityHub: 'true' })).toContain('ImportSecurityHubFindings');
  });
});

describe('examples/cloudformation/member-role.yaml', () => {
  const text = readFileSync(join(ROOT, 'examples', 'cloudformation', 'member-role.yaml'), 'utf8');
  const template = load('member-role.yaml');

  it('needs only AuditRoleArn, so one StackSet parameter serves every account', () => {
    const required = Object.entries(template.Parameters)
      .filter(([, p]) => p.Default === undefined)
      .map(([name]) => name);
    expect(required).toEqual(['AuditRoleArn']);
    const arn = 'arn:aws:iam::111122223333:role/iam-initial-access-key-audit';
    const resources = evaluator(template, { AuditRoleArn: arn }).resources();
    expect(Object.keys(resources)).toEqual(['MemberRole']);
    expect(resources.MemberRole).toMatchObject({
      RoleName: 'iam-initial-access-key-audit-member',
      AssumeRolePolicyDocument: { Statement: [{ Principal: { AWS: arn }, Action: 'sts:AssumeRole' }] },
    });
    const both = evaluator(template, { AuditRoleArn: arn, CreateRemediationRole: 'true' }).resources();
    expect(Object.keys(both)).toEqual(['MemberRole', 'RemediationRole']);
    // nothing in it depends on the region: one stack instance per account (IAM names are global)
    expect(text).not.toMatch(/AWS::Region/);
  });

  it('gives the StackSet commands: service-managed, automatic deployment, named IAM, one region', () => {
    const commands = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^#\s?/, ''))
      .join('\n')
      .replace(/ \\\n\s*/g, ' ');
    const createSet = /aws cloudformation create-stack-set .*/.exec(commands)?.[0] ?? '';
    expect(createSet).toContain('--stack-set-name iam-initial-access-key-audit-member');
    expect(createSet).toContain('--template-body file://examples/cloudformation/member-role.yaml');
    expect(createSet).toContain('--parameters ParameterKey=AuditRoleArn,ParameterValue=arn:aws:iam::');
    expect(createSet).toContain('--capabilities CAPABILITY_NAMED_IAM');
    expect(createSet).toContain('--permission-model SERVICE_MANAGED');
    expect(createSet).toContain('--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false');
    const instances = /aws cloudformation create-stack-instances .*/.exec(commands)?.[0] ?? '';
    expect(instances).toContain('--stack-set-name iam-initial-access-key-audit-member');
    expect(instances).toMatch(/--deployment-targets OrganizationalUnitIds=\S+/);
    expect(instances).toMatch(/--regions [a-z]{2}-[a-z]+-\d( |$)/); // exactly one region
  });
});
