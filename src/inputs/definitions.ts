/**
 * The single table of the action's inputs (docs/design.md §3), in order. action.yml, the CLI flags and the
 * help text all follow it; __tests__/unit/repo/action-yml.test.ts keeps action.yml in step with it. The report
 * files' inputs and outputs come from their own list (report-files.ts), the sinks' from theirs
 * (sinks.ts): the issues' where they have always been in action.yml, every later sink's at the end.
 */
import { REPORT_FILES } from './report-files.js';
import { SINK_DEFINITIONS, type SinkInput, type SinkOutput } from './sinks.js';

const [ISSUES, ...LATER_SINKS] = SINK_DEFINITIONS;

export interface InputDefinition {
  readonly name: string;
  readonly description: string;
  /** As written in action.yml. The CLI uses the same defaults, except for `github-token`. */
  readonly default?: string;
}

export const INPUTS = [
  {
    name: 'role-to-assume',
    description:
      'ARN of the audit role to assume with GitHub OIDC (needs `id-token: write`), e.g. arn:aws:iam::111122223333:role/IamAudit. Absent: use the ambient AWS credentials (e.g. from aws-actions/configure-aws-credentials, or the environment).',
  },
  {
    name: 'audience',
    description:
      'Audience of the GitHub OIDC token: one word of at most 255 visible ASCII characters (no whitespace, control or format characters), e.g. sts.amazonaws.com or a URL.',
    default: 'sts.amazonaws.com',
  },
  {
    name: 'aws-region',
    description:
      'Region for the STS and Organizations endpoints. The partition follows it: cn-* is aws-cn, us-gov-* is aws-us-gov, any other is aws.',
    default: 'us-east-1',
  },
  {
    name: 'role-session-name',
    description: 'Session name of the assumed roles (2-64 characters of letters, digits and +=,.@_-).',
    default: 'iam-initial-access-key-audit',
  },
  {
    name: 'role-duration-seconds',
    description:
      'Duration of the OIDC session, 900 to 43200 seconds. Chained per-account sessions are capped at 3600 by AWS.',
    default: '3600',
  },
  {
    name: 'accounts',
    description:
      'Account ids (separated by commas, spaces or newlines) to audit by assuming `account-role-name` in each. Absent: the signed-in account only.',
  },
  {
    name: 'account-role-name',
    description:
      'Role name, with an optional path (e.g. audit/IamAudit), assumed in each audited account. Required with `accounts` or `organization`.',
  },
  {
    name: 'organization',
    description:
      '`true`: audit every ACTIVE account of the AWS Organization. Needs the management account or a delegated administrator.',
    default: 'false',
  },
  {
    name: 'exclude-accounts',
    description: 'Account ids (separated by commas, spaces or newlines) to skip.',
  },
  {
    name: 'concurrency',
    description: 'Number of accounts audited at once, 1 to 64.',
    default: '8',
  },
  {
    name: 'shard',
    description:
      '`K/N`: audit only the K-th of N deterministic slices of the account list, for a matrix fan-out (e.g. 1/4). An account is in slice (account id mod N) + 1, so it stays in its shard when the organization changes.',
  },
  {
    name: 'scope',
    description:
      '`at-setup`: only keys created with the user (within `setup-window`) fail. `any`: every active, unused key of a console user fails.',
    default: 'at-setup',
  },
  {
    name: 'setup-window',
    description:
      'Largest gap between user creation and key creation that still counts as "created at setup", with a unit: 90s, 10m, 2h, 1d.',
    default: '10m',
  },
  {
    name: 'unused-days',
    description:
      'A key last used more than this many days (of 86,400 s) before `as-of` fails too. 0: only never-used keys fail.',
    default: '90',
  },
  {
    name: 'as-of',
    description:
      'ISO 8601 time (e.g. 2026-01-31T00:00:00Z) that `unused-days` is measured from. Absent: the credential report generation time in live runs, the current time offline.',
  },
  {
    name: 'exemption-tag',
    description:
      'IAM user tag whose non-empty value exempts the user (the justification); it may end with expires=YYYY-MM-DD.',
    default: 'access-key-justification',
  },
  {
    name: 'exempt-users',
    description:
      'Globs on user name, PATH/NAME or ARN of users to exempt, separated by commas, spaces or newlines; write a comma that is part of a name as `\\,` (e.g. `ops\\,admin` is the user ops,admin). Names and paths match regardless of case, as IAM treats user names; the `arn:PARTITION:iam::ACCOUNT:user/` part of an ARN matches exactly.',
  },
  {
    name: 'credential-report',
    description:
      'Path or glob (one per line) of downloaded credential report CSV files: audit offline, without AWS calls. Not with `role-to-assume`, `accounts` or `organization`.',
  },
  {
    name: 'iac',
    description:
      'Paths or globs (one per line), relative to the workspace, of Terraform (`.tf`, plan JSON) and CloudFormation files: scan the code for console users given an access key at creation, without AWS calls. A `.tfvars` file named here sets variables (like `-var-file`). Not with `credential-report`, `role-to-assume`, `accounts` or `organization`.',
  },
  ...REPORT_FILES.map((f) => ({
    name: f.name,
    description: f.description,
    ...('default' in f ? { default: f.default } : {}),
  })),
  {
    name: 'summary',
    description: 'Write the job summary.',
    default: 'true',
  },
  {
    name: 'fail-on',
    description:
      '`findings`: fail on findings or account errors; `errors`: fail only on account errors; `never`.',
    default: 'findings',
  },
  ...ISSUES.inputs,
  {
    name: 'github-token',
    description:
      'Token for issues and code scanning alerts. The CLI reads the GITHUB_TOKEN environment variable instead.',
    default: '${{ github.token }}',
  },
  {
    name: 'category',
    description:
      'Code scanning category of the SARIF run (its automationDetails.id is the category with a trailing /, plus K-of-N/ under `shard`). Set it when one job uploads more than one SARIF of this action. Empty: no automationDetails, so github/codeql-action/upload-sarif derives the category from the workflow, job and matrix values (or takes its own `category:` input). It is at most 255 ASCII letters, digits and - _ . / : (no spaces, control or format characters), e.g. /iam-audit:org-a.',
  },
  {
    name: 'remediate',
    description:
      '`off`; `plan`: report which keys are due for deactivation and change nothing; `deactivate`: set due keys Inactive (never deletes) through `remediation-role-name`. Live runs only.',
    default: 'off',
  },
  {
    name: 'remediation-role-name',
    description:
      'Role name, with an optional path, assumed from the audit session in each account that has due keys (only iam:ListAccessKeys, iam:GetAccessKeyLastUsed, iam:UpdateAccessKey). Required with `remediate: plan` or `deactivate`; the audit role stays read-only.',
  },
  {
    name: 'remediate-after-days',
    description:
      'Notice period, 1 to 3650 days: a key is due once it was first reported (earliest code scanning alert or issue) at least this many days before `as-of`. A key without earlier report is never due.',
    default: '14',
  },
  {
    name: 'remediate-reasons',
    description:
      'Which findings may be deactivated: `never-used`, or `never-used, unused` to include keys unused for more than `unused-days`.',
    default: 'never-used',
  },
  {
    name: 'max-remediations',
    description:
      'Most keys deactivated per run, 1 to 10000, oldest first reported first; the rest stay due for the next run.',
    default: '10',
  },
  ...LATER_SINKS.flatMap<SinkInput>((s) => s.inputs),
] as const satisfies readonly InputDefinition[];

export type InputName = (typeof INPUTS)[number]['name'];

/** Inputs whose value is `true` or `false` (bare flags on the command line). */
export const BOOLEAN_INPUTS: ReadonlySet<InputName> = new Set(
  INPUTS.filter((i: InputDefinition) => i.default === 'true' || i.default === 'false').map((i) => i.name),
);

/** The default of an input as written in action.yml, or undefined. */
export function defaultOf(name: InputName): string | undefined {
  const def: InputDefinition | undefined = INPUTS.find((i) => i.name === name);
  return def?.default;
}

export interface OutputDefinition {
  readonly name: string;
  readonly description: string;
}

/** The action's outputs (docs/design.md §3), in order, as in action.yml. */
export const OUTPUTS = [
  { name: 'findings', description: 'Number of failing access keys (exempted keys excluded).' },
  { name: 'violating-users', description: 'Number of users with at least one failing access key.' },
  { name: 'exempted', description: 'Number of keys that would fail but are exempted.' },
  { name: 'accounts-audited', description: 'Number of accounts audited successfully.' },
  { name: 'accounts-failed', description: 'Number of accounts that could not be audited.' },
  ...REPORT_FILES.map((f) => ({ name: f.name, description: `Path of the ${f.label} report written.` })),
  ...ISSUES.outputs,
  {
    name: 'new-findings',
    description:
      'Number of failing keys with no earlier code scanning alert or issue (empty when the history was not available).',
  },
  {
    name: 'resolved-findings',
    description:
      'Number of open code scanning alerts of this tool, under accounts audited successfully, whose key is no longer a finding (empty when the alerts could not be listed).',
  },
  {
    name: 'keys-due',
    description:
      'Number of keys due for deactivation (`remediate: plan` or `deactivate`), deactivated ones included.',
  },
  {
    name: 'keys-deactivated',
    description: 'Number of access keys this run set Inactive (`remediate: deactivate`).',
  },
  ...LATER_SINKS.flatMap<SinkOutput>((s) => s.outputs),
] as const satisfies readonly OutputDefinition[];

export type OutputName = (typeof OUTPUTS)[number]['name'];
