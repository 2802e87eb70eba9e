/**
 * Metadata of the one rule this tool checks, shared by the SARIF log, the job summary and the issue
 * bodies. Pure data; how findings are worded and fixed is in report/format.ts.
 */

export const RULE_ID = 'iam-initial-access-key';
/** PascalCase name, as SARIF's `reportingDescriptor.name` convention asks. */
const RULE_NAME = 'UnusedAccessKeyCreatedAtUserSetup';
export const TOOL_NAME = 'iam-initial-access-key-audit';
/** Where to read about the tool's subject; change to the project's home page once it has one. */
export const TOOL_INFORMATION_URI =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html';
export const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
/** GitHub code scanning reads this string (not a number): 7.0–8.9 is "high". */
export const SECURITY_SEVERITY = '7.5';
const PRECISION = 'high';
const TAGS: readonly string[] = ['security', 'CIS', 'aws', 'iam'];
export const DEFAULT_EXEMPTION_TAG = 'access-key-justification';

export interface CisMapping {
  benchmark: 'CIS Amazon Web Services Foundations Benchmark';
  version: string;
  control: string;
}

const CIS = 'CIS Amazon Web Services Foundations Benchmark' as const;

/** The same recommendation under the numbers each benchmark version gives it. */
export const CIS_MAPPINGS: readonly CisMapping[] = [
  { benchmark: CIS, version: 'v1.2.0', control: '1.21' },
  { benchmark: CIS, version: 'v1.3.0', control: '1.11' },
  { benchmark: CIS, version: 'v1.4.0', control: '1.11' },
  { benchmark: CIS, version: 'v1.5.0', control: '1.11' },
  { benchmark: CIS, version: 'v2.0.0', control: '1.11' },
  { benchmark: CIS, version: 'v3.0.0', control: '1.11' },
  { benchmark: CIS, version: 'v4.0.0', control: '1.11' },
  { benchmark: CIS, version: 'v5.0.0', control: '1.10' },
  { benchmark: CIS, version: 'v6.0.0', control: '2.10' },
];

/** `CIS AWS Foundations 1.21 (v1.2.0), 1.11 (v1.3.0–v4.0.0), 1.10 (v5.0.0), 2.10 (v6.0.0)`. */
export const CIS_SUMMARY =
  'CIS AWS Foundations 1.21 (v1.2.0), 1.11 (v1.3.0–v4.0.0), 1.10 (v5.0.0), 2.10 (v6.0.0)';

const SHORT_DESCRIPTION =
  'Console users must not keep an access key that was created at user setup and is unused.';

export const FULL_DESCRIPTION =
  'An IAM user who signs in to the console has an active access key that was created together with the ' +
  'user (during initial setup) and has never been used, or not within the configured number of days. ' +
  `${CIS_SUMMARY}: do not set up access keys during initial user setup for all IAM users that have a ` +
  'console password.';

const WHY =
  'Access keys handed out "just in case" when a user is created are long-lived credentials that nobody ' +
  'needs: they are rarely rotated, easily forgotten in a laptop, a CI variable or a welcome e-mail, and ' +
  'they give whoever finds them the same API access as the user, without the password or MFA that ' +
  'protect the console. A key that has never been used (or not for months) can be removed without ' +
  'breaking anything; a user who really needs programmatic access should create a key when they need ' +
  'it (or, better, use short-lived credentials from IAM Identity Center or a role).';

const CONSOLE_STEPS = [
  'Open the IAM console, choose Users, and choose the user named in the alert.',
  'On the Security credentials tab, under Access keys, find the key (its creation date is in the alert).',
  'Choose Actions > Deactivate, confirm nothing breaks, then Actions > Delete.',
];

const CLI_DEACTIVATE = 'aws iam update-access-key --user-name USER --access-key-id KEY_ID --status Inactive';
const CLI_DELETE = 'aws iam delete-access-key --user-name USER --access-key-id KEY_ID';
const CLI_LIST = 'aws iam list-access-keys --user-name USER';
/** The value is double-quoted inside the shorthand: the AWS CLI would split it at its comma otherwise. */
const CLI_TAG =
  'aws iam tag-user --user-name USER --tags \'Key=access-key-justification,Value="CI deploy key, ticket SEC-42; expires=2026-12-31"\'';

export const HELP_TEXT = [
  `Why it matters: ${WHY}`,
  '',
  'How to fix (console):',
  ...CONSOLE_STEPS.map((s, i) => `  ${i + 1}. ${s}`),
  '',
  'How to fix (AWS CLI): find the key id (live audits show it in the alert), deactivate it, then delete it:',
  `  ${CLI_LIST}`,
  `  ${CLI_DEACTIVATE}`,
  `  ${CLI_DELETE}`,
  '',
  `Exceptions: if the key is needed, record why with the IAM user tag "${DEFAULT_EXEMPTION_TAG}" (or the ` +
    'tag set in the exemption-tag input). A non-empty value exempts the user: the key is listed as exempted ' +
    'with its justification and is no longer an alert. End the value with "expires=YYYY-MM-DD" so the ' +
    'exemption lapses after that day (UTC) and the key is reported again:',
  `  ${CLI_TAG}`,
  '',
  `Benchmarks: ${CIS_SUMMARY}.`,
  `Reference: ${HELP_URI}`,
].join('\n');

const HELP_MARKDOWN = [
  '## Why it matters',
  '',
  WHY,
  '',
  '## How to fix',
  '',
  '### In the console',
  '',
  ...CONSOLE_STEPS.map((s, i) => `${i + 1}. ${s}`),
  '',
  '### With the AWS CLI',
  '',
  'Find the key id (live audits show it in the alert), deactivate it first (reversible), then delete it:',
  '',
  '```sh',
  CLI_LIST,
  CLI_DEACTIVATE,
  CLI_DELETE,
  '```',
  '',
  '## Exceptions',
  '',
  `If the key is needed, record why with the IAM user tag \`${DEFAULT_EXEMPTION_TAG}\` (or the tag named by ` +
    'the `exemption-tag` input). A non-empty value exempts the user: the key is listed as exempted with ' +
    'its justification and is no longer an alert. End the value with `expires=YYYY-MM-DD` so the ' +
    'exemption lapses after that day (UTC) and the key is reported again:',
  '',
  '```sh',
  CLI_TAG,
  '```',
  '',
  '## Benchmarks',
  '',
  ...CIS_MAPPINGS.map((m) => `- ${m.benchmark} ${m.version}: recommendation ${m.control}`),
  '',
  `See [Managing access keys for IAM users](${HELP_URI}).`,
].join('\n');

/** Everything a formatter needs about the rule, in one object. */
export const RULE = {
  id: RULE_ID,
  name: RULE_NAME,
  shortDescription: SHORT_DESCRIPTION,
  fullDescription: FULL_DESCRIPTION,
  helpText: HELP_TEXT,
  helpMarkdown: HELP_MARKDOWN,
  helpUri: HELP_URI,
  securitySeverity: SECURITY_SEVERITY,
  precision: PRECISION,
  tags: TAGS,
  cis: CIS_MAPPINGS,
} as const;
