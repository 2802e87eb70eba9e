/**
 * Metadata of the one rule this tool checks, shared by the SARIF log, the job summary and the issue
 * bodies, and the exact commands that fix a finding. Pure data and pure functions.
 */
import type { Finding } from '../model.js';
import { oneLine } from '../report/markdown.js';

export const RULE_ID = 'iam-initial-access-key';
/** PascalCase name, as SARIF's `reportingDescriptor.name` convention asks. */
export const RULE_NAME = 'UnusedAccessKeyCreatedAtUserSetup';
export const TOOL_NAME = 'iam-initial-access-key-audit';
/** Where to read about the tool's subject; change to the project's home page once it has one. */
export const TOOL_INFORMATION_URI =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html';
export const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
/** GitHub code scanning reads this string (not a number): 7.0–8.9 is "high". */
export const SECURITY_SEVERITY = '7.5';
export const PRECISION = 'high';
export const TAGS: readonly string[] = ['security', 'CIS', 'aws', 'iam'];
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

export const SHORT_DESCRIPTION =
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

export const HELP_MARKDOWN = [
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

/** Quote one argument for POSIX sh; control characters (newlines included) become spaces. */
export function shellQuote(s: string): string {
  const clean = oneLine(s);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(clean)) return clean;
  return `'${clean.replace(/'/g, `'\\''`)}'`;
}

/**
 * The JMESPath `--query` of `aws iam list-access-keys` that prints the id of the key created in the
 * second of `keyCreatedAt` (ISO 8601). The AWS CLI renders `CreateDate` as `2026-01-02T03:04:05+00:00`
 * (v2's default `cli_timestamp_format`) or as sent, `2026-01-02T03:04:05Z` (v1): matching the second's
 * prefix selects the key under both.
 */
export function keyIdQuery(keyCreatedAt: string): string {
  const t = Date.parse(keyCreatedAt);
  const second = Number.isNaN(t) ? oneLine(keyCreatedAt) : new Date(t).toISOString().slice(0, 19);
  return `AccessKeyMetadata[?starts_with(CreateDate, '${second.replace(/'/g, '')}')].AccessKeyId`;
}

/**
 * The commands that fix one finding, as lines of a POSIX sh script (comment lines start with `#`):
 * deactivate first (reversible), then delete. Without a key id (offline audits), the key is selected by
 * its creation time (`list-access-keys --query`), so the block can be pasted as it is.
 */
export function fixCommands(f: Finding): string[] {
  const user = shellQuote(f.userName);
  const lines: string[] = [];
  let key: string;
  if (f.accessKeyId) {
    key = shellQuote(f.accessKeyId);
  } else if (f.keyCreatedAt === null) {
    // Nothing in the report tells the key apart (no id, no creation time): list the keys and have the
    // reader set KEY_ID; until it is set, the two commands refuse to run (`${KEY_ID:?...}`).
    key = '"${KEY_ID:?set KEY_ID to the AccessKeyId of the key to remove}"';
    lines.push(
      `# the report has no creation time for this key (slot ${f.keySlot}) and no key id (offline): list the`,
      `# user's keys, set KEY_ID to the right AccessKeyId (a live audit names it), then run the rest`,
      `aws iam list-access-keys --user-name ${user} --output table`,
      `KEY_ID=''`,
    );
  } else {
    key = '"$KEY_ID"';
    lines.push(
      `# key id not in the report (offline): the key created ${oneLine(f.keyCreatedAt)} (slot ${f.keySlot})`,
      `KEY_ID=$(aws iam list-access-keys --user-name ${user} --query "${keyIdQuery(f.keyCreatedAt)}" --output text)`,
    );
  }
  lines.push(
    `aws iam update-access-key --user-name ${user} --access-key-id ${key} --status Inactive`,
    `aws iam delete-access-key --user-name ${user} --access-key-id ${key}`,
  );
  return lines;
}

/** `0 s`, `45 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h`: two units at most. Negative: absolute value. */
export function formatDuration(seconds: number): string {
  let s = Math.round(Math.abs(seconds));
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(s / size);
    if (n > 0) {
      parts.push(`${n} ${name}`);
      s -= n * size;
    } else if (parts.length > 0) {
      break; // adjacent units only: `3 d`, not `3 d 5 min`
    }
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

/** The key's creation time for a reader: `2024-05-01 10:00:00 UTC`, or `unknown`. */
export function keyCreatedText(f: Pick<Finding, 'keyCreatedAt'>): string {
  return f.keyCreatedAt === null ? 'unknown' : formatUtc(f.keyCreatedAt);
}

/** The setup gap for a reader: `12 s`, or `unknown` when the key's creation time is. */
export function setupGapText(f: Pick<Finding, 'setupGapSeconds'>): string {
  return f.setupGapSeconds === null ? 'unknown' : formatDuration(f.setupGapSeconds);
}

/** `2024-05-01 10:00:00 UTC`; anything that is not a date is returned as is. */
export function formatUtc(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2024-05-01`; anything that is not a date is returned as is. */
export function formatDay(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (floored), or null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.floor((b - a) / 86_400_000);
}

/** `created at user setup (12 s after the user)` or, under `scope: any`, `created 3 d after the user`. */
export function describeCreation(f: Finding, setupWindowSeconds: number): string {
  if (f.setupGapSeconds === null) return 'created at an unknown time (the report has no date for it)';
  // setupGapSeconds is the distance from the user's creation (a key cannot predate its user)
  const gap = formatDuration(f.setupGapSeconds);
  if (f.setupGapSeconds <= setupWindowSeconds) return `created at user setup (${gap} after the user)`;
  return `created ${gap} after the user`;
}

/** `never used` or `last used 2024-01-02 (s3, us-east-1), 200 days before 2024-07-20`. */
export function describeUse(f: Finding, asOf: string): string {
  if (f.reason === 'never-used' || !f.keyLastUsedAt) return 'never used';
  const where = [f.keyLastUsedService, f.keyLastUsedRegion].filter((x): x is string => !!x);
  const days = daysBetween(f.keyLastUsedAt, asOf);
  return (
    `last used ${formatDay(f.keyLastUsedAt)}` +
    (where.length > 0 ? ` (${where.join(', ')})` : '') +
    (days !== null ? `, ${days} days before ${formatDay(asOf)}` : '')
  );
}
