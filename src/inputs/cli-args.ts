/**
 * The terminal's side of the inputs: `--name value` flags named exactly like the action's inputs.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../model.js';
import type { RawInputs } from './config.js';
import { BOOLEAN_INPUTS, INPUTS, type InputDefinition, type InputName } from './definitions.js';
import { REPORT_FILES } from './report-files.js';
import { SINK_INPUTS } from './sinks.js';
import { VERSION } from '../version.js';

export const CLI_NAME = 'iam-initial-access-key-audit';

/** `help: true`: print `text` and exit 0 (for --help and --version). */
export type CliArgs = { help: true; text: string } | { help: false; raw: RawInputs };

/** Inputs that take a list: a repeated flag adds to it. */
const LIST_INPUTS: ReadonlySet<InputName> = new Set<InputName>([
  'accounts',
  'exclude-accounts',
  'exempt-users',
  'credential-report',
  'iac',
  'remediate-reasons',
  ...SINK_INPUTS.filter((i) => 'list' in i && i.list).map((i) => i.name),
]);

/** What the value looks like, for the help text. */
const PLACEHOLDERS: Partial<Record<InputName, string>> = {
  'role-to-assume': 'ARN',
  audience: 'AUD',
  'aws-region': 'REGION',
  'role-session-name': 'NAME',
  'role-duration-seconds': 'SECONDS',
  accounts: 'IDS',
  'account-role-name': 'NAME',
  'exclude-accounts': 'IDS',
  concurrency: 'N',
  shard: 'K/N',
  scope: 'at-setup|any',
  'setup-window': 'DURATION',
  'unused-days': 'DAYS',
  'as-of': 'TIME',
  'exemption-tag': 'KEY',
  'exempt-users': 'GLOBS',
  'credential-report': 'FILE',
  iac: 'PATHS',
  'fail-on': 'findings|errors|never',
  'github-token': 'TOKEN',
  category: 'CATEGORY',
  remediate: 'off|plan|deactivate',
  'remediation-role-name': 'NAME',
  'remediate-after-days': 'DAYS',
  'remediate-reasons': 'REASONS',
  'max-remediations': 'N',
  ...Object.fromEntries(REPORT_FILES.map((f) => [f.name, 'FILE'])),
  ...Object.fromEntries(SINK_INPUTS.flatMap((i) => ('placeholder' in i ? [[i.name, i.placeholder]] : []))),
};

const NAMES: ReadonlySet<string> = new Set(INPUTS.map((i) => i.name));

function isInput(name: string): name is InputName {
  return NAMES.has(name);
}

function unknown(flag: string): InputError {
  return new InputError(
    flag.replace(/^-+/, ''),
    `Unknown option "${flag}": expected one of the options listed by --help.`,
  );
}

/**
 * Rewrites argv so that node:util parseArgs (with every input a string option) reads it:
 * `--name value` -> `--name=value` (so values such as `-1` reach validation instead of being taken
 * for flags), bare boolean flags -> `--name=true`, `--no-name` -> `--name=false`.
 */
function normalize(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      out.push('--help');
      continue;
    }
    if (arg === '-V' || arg === '--version') {
      out.push('--version');
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw unknown(arg);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) {
      if (!isInput(name)) throw unknown(`--${name}`);
      out.push(arg);
      continue;
    }
    if (!isInput(name)) {
      const negated = name.startsWith('no-') ? name.slice(3) : '';
      if (isInput(negated) && BOOLEAN_INPUTS.has(negated)) {
        out.push(`--${negated}=false`);
        continue;
      }
      throw unknown(arg);
    }
    const next = argv[i + 1];
    if (BOOLEAN_INPUTS.has(name)) {
      if (next !== undefined && /^(true|false)$/i.test(next)) {
        out.push(`--${name}=${next}`);
        i++;
      } else {
        out.push(`--${name}=true`);
      }
      continue;
    }
    if (next === undefined || (next.startsWith('--') && next.length > 2)) {
      throw new InputError(
        name,
        `Option "--${name}" needs a value: expected --${name} ${PLACEHOLDERS[name] ?? 'VALUE'} (see --help).`,
      );
    }
    out.push(`--${name}=${next}`);
    i++;
  }
  return out;
}

/** Parses the CLI arguments (without `node` and the script) into the same raw inputs as the action's. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    help: { type: 'boolean' },
    version: { type: 'boolean' },
  };
  for (const input of INPUTS) {
    options[input.name] = { type: 'string', multiple: true };
  }
  const { values, positionals } = parseArgs({
    args: normalize(argv),
    options,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) return { help: true, text: helpText() };
  if (values.version === true) return { help: true, text: VERSION };

  const raw: RawInputs = {};
  for (const input of INPUTS) {
    const given = values[input.name];
    if (!Array.isArray(given) || given.length === 0) continue;
    const strings = given.filter((g): g is string => typeof g === 'string');
    // A repeated list flag adds to the list; any other repeated flag: the last one wins.
    raw[input.name] = LIST_INPUTS.has(input.name) ? strings.join('\n') : strings[strings.length - 1];
  }
  if (positionals.length > 0) {
    raw['credential-report'] = [raw['credential-report'], ...positionals]
      .filter((p) => p !== undefined)
      .join('\n');
  }
  if (raw['github-token'] === undefined && env.GITHUB_TOKEN) raw['github-token'] = env.GITHUB_TOKEN;
  return { help: false, raw };
}

function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l);
}

/**
 * The options in the order a terminal user needs them: what to audit (reports, or accounts signed in
 * with the AWS SDK's credentials), what to write, the rule, then the rest; last the inputs that only
 * make sense inside GitHub Actions (the CLI refuses `--role-to-assume` outside it). Every input is in
 * exactly one group (__tests__/unit/inputs/cli-args.test.ts).
 */
export const HELP_GROUPS: ReadonlyArray<{ title: string; inputs: readonly InputName[] }> = [
  {
    title: 'What to audit (no option: the account of your AWS credentials, e.g. AWS_PROFILE)',
    inputs: [
      'credential-report',
      'iac',
      'accounts',
      'organization',
      'account-role-name',
      'exclude-accounts',
      'aws-region',
      'role-session-name',
      'concurrency',
      'shard',
    ],
  },
  {
    title: 'Output',
    inputs: [...REPORT_FILES.map((f) => f.name), 'summary', 'fail-on', 'category'],
  },
  {
    title: 'Rule',
    inputs: ['scope', 'setup-window', 'unused-days', 'as-of', 'exemption-tag', 'exempt-users'],
  },
  {
    title: 'Remediation (live runs)',
    inputs: [
      'remediate',
      'remediation-role-name',
      'remediate-after-days',
      'remediate-reasons',
      'max-remediations',
    ],
  },
  {
    title: 'GitHub issues and AWS Security Hub',
    inputs: [
      'create-issues',
      'issue-labels',
      'max-issues',
      'github-token',
      'security-hub',
      'security-hub-region',
    ],
  },
  {
    title: 'Inside GitHub Actions only (GitHub OIDC sign-in; a terminal uses your AWS credentials instead)',
    inputs: ['role-to-assume', 'audience', 'role-duration-seconds'],
  },
];

/** Where the terminal differs from the action, its own words. */
const CLI_DESCRIPTIONS: Partial<Record<InputName, string>> = {
  'github-token':
    'Token for issues and code scanning alerts. Default: the GITHUB_TOKEN environment variable.',
  summary: 'Print the summary (--no-summary: only the files and the exit status). Default: true.',
  'role-to-assume':
    'ARN of the audit role to assume with GitHub OIDC, e.g. arn:aws:iam::111122223333:role/IamAudit: only in a workflow step (needs id-token: write); refused anywhere else.',
};

/** `--help`: generated from the inputs table, so it cannot drift from action.yml. */
function helpText(): string {
  const out: string[] = [
    `Usage: ${CLI_NAME} [options] [REPORT.csv ...]`,
    '',
    'Audits AWS IAM credential reports for console users whose access key was created at user setup and',
    'never (or no longer) used (CIS AWS Foundations 1.11). REPORT.csv files (or globs) are audited offline,',
    "without AWS calls; with none, the live account(s) are audited with the AWS SDK's default credentials",
    '(environment, profiles, SSO). Options have the names of the GitHub Action inputs.',
  ];
  const byName = new Map((INPUTS as readonly InputDefinition[]).map((i) => [i.name, i]));
  for (const group of HELP_GROUPS) {
    out.push('', `${group.title}:`);
    for (const name of group.inputs) {
      const input = byName.get(name)!;
      const flag = BOOLEAN_INPUTS.has(name)
        ? `--${name}[=true|false], --no-${name}`
        : `--${name} ${PLACEHOLDERS[name] ?? 'VALUE'}`;
      out.push(`  ${flag}`);
      const description =
        CLI_DESCRIPTIONS[name] ??
        (input.default !== undefined ? `${input.description} Default: ${input.default}.` : input.description);
      out.push(...wrap(description.replace(/`/g, ''), 6));
    }
  }
  out.push(
    '',
    'Other:',
    '  -h, --help',
    '      Show this help.',
    '  -V, --version',
    '      Print the version.',
    '',
    'Environment:',
    '  GITHUB_TOKEN   token for --create-issues (when --github-token is not given)',
    '  AWS_PROFILE, AWS_ENDPOINT_URL, HTTPS_PROXY, ...   as for the AWS SDK and CLI (the region is --aws-region)',
    '',
    'Exit status:',
    '  0  clean: nothing to fail on',
    '  1  findings or account errors, as selected by --fail-on (findings: either; errors: account errors',
    '     only; never: neither)',
    '  2  bad usage (an unknown option or an invalid value), or the audit could not start (e.g. AWS',
    '     sign-in or listing the organization failed)',
    '',
    'Examples:',
    '  # offline, on a credential report from the IAM console, or downloaded as below (once',
    '  # generate-credential-report answers COMPLETE), measured as of the day it was made',
    '  aws iam generate-credential-report',
    '  aws iam get-credential-report --query Content --output text | base64 -d > credential-report.csv',
    `  ${CLI_NAME} --as-of 2026-11-01T00:00:00Z credential-report.csv`,
    '',
    '  # live, the account of the current AWS profile (JSON report for other tools)',
    `  AWS_PROFILE=security-audit ${CLI_NAME} --json-file audit.json`,
    '',
    '  # every ACTIVE account of an organization, through a member role in each (signed in to the',
    '  # management account or a delegated administrator)',
    `  ${CLI_NAME} --organization --account-role-name iam-initial-access-key-audit-member`,
    '',
  );
  return out.join('\n');
}
