/**
 * The rule this tool was made for (docs/design.md §1): a console user's active access key that was
 * created at user setup and is unnecessary (never used, or not used for `unused-days`). CIS AWS
 * Foundations 1.11 (v1.3.0 to v4.0.0), 1.10 (v5.0.0), 2.10 (v6.0.0), 1.21 (v1.2.0). Its identities are
 * the key's location alone, as they were before rules had ids (`bareIdentity`).
 */
import type { Finding, Reason } from '../../model.js';
import { DEFAULT_EXEMPTION_TAG, type CisMapping, type Rule } from '../rule.js';

const DAY_MS = 86_400_000;

const ID = 'iam-initial-access-key';
const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';

const CIS = 'CIS Amazon Web Services Foundations Benchmark' as const;

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

export const CIS_SUMMARY =
  'CIS AWS Foundations 1.21 (v1.2.0), 1.11 (v1.3.0–v4.0.0), 1.10 (v5.0.0), 2.10 (v6.0.0)';

const SHORT_DESCRIPTION =
  'Console users must not keep an access key that was created at user setup and is unused.';

const FULL_DESCRIPTION =
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

const HELP_TEXT = [
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

const RECOMMENDATION =
  'Deactivate the access key, confirm nothing breaks, then delete it; if it is needed, record why ' +
  `with the IAM user tag ${DEFAULT_EXEMPTION_TAG} (or the tag the exemption-tag input names).`;

/**
 * The rule's "unnecessary" test (docs/design.md §1) on a key's last use (epoch ms, null: never used), measured
 * at `asOf`: never used, or not used for more than `unusedDays` (0 turns the stale test off). Null: the
 * key is in use. The report's data, the live last use and remediation's last check all go through it.
 */
export function unnecessaryReason(lastUsed: number | null, asOf: number, unusedDays: number): Reason | null {
  if (lastUsed === null) return 'never-used';
  if (unusedDays > 0 && asOf - lastUsed > unusedDays * DAY_MS) return 'unused';
  return null;
}

function second(ms: number): number {
  return Math.floor(ms / 1000);
}

export const IAM_INITIAL_ACCESS_KEY: Rule = {
  id: ID,
  name: 'UnusedAccessKeyCreatedAtUserSetup',
  shortDescription: SHORT_DESCRIPTION,
  fullDescription: FULL_DESCRIPTION,
  helpText: HELP_TEXT,
  helpMarkdown: HELP_MARKDOWN,
  helpUri: HELP_URI,
  securitySeverity: '7.5',
  severity: 'high',
  precision: 'high',
  tags: ['security', 'CIS', 'aws', 'iam'],
  cis: CIS_MAPPINGS,
  cisSummary: CIS_SUMMARY,
  recommendation: RECOMMENDATION,
  bareIdentity: true,

  decide(user, key, { settings, asOf }) {
    if (!user.passwordEnabled || !key.active) return null;
    // An active key without `last_rotated` (N/A, seen in real reports): its creation time is unknown, so
    // it can never be shown to be made at setup; `scope: any` drops that test, so there it can fail.
    const gapMs = key.lastRotated === null ? null : Math.abs(key.lastRotated - user.userCreationTime);
    if (settings.scope === 'at-setup' && (gapMs === null || gapMs > settings.setupWindowSeconds * 1000))
      return null;
    return unnecessaryReason(key.lastUsedDate, asOf, settings.unusedDays);
  },

  confirm(finding, use, ctx) {
    if (use.usedAt === null) return finding.reason;
    const usedSecond = second(use.usedAt);
    const reportUsedSecond =
      finding.keyLastUsedAt === null ? null : second(Date.parse(finding.keyLastUsedAt));
    // Used since the report: after its generation and after the last use the report recorded.
    if (
      usedSecond > second(ctx.reportGeneratedAt) &&
      (reportUsedSecond === null || usedSecond > reportUsedSecond)
    )
      return null;
    // The same test as the decision, on the live date: a key used within `unused-days` is not
    // unnecessary (with unused-days 0 only never-used keys fail, so any use resolves it).
    return unnecessaryReason(use.usedAt, ctx.asOf, ctx.unusedDays);
  },

  wording: {
    subject(n, scope) {
      const keys = n === 1 ? 'access key' : 'access keys';
      return scope === 'at-setup' ? `${keys} created at user setup` : `${keys} of console users`;
    },
    state: 'unused',
    short: (n) => (n === 1 ? 'unused access key' : 'unused access keys'),
    violation: (scope) =>
      scope === 'any' ? 'an unused access key' : 'an unused access key created at user setup',
    findingTitle: (f: Finding, setupWindowSeconds: number) =>
      'an unused access key' +
      (f.setupGapSeconds !== null && f.setupGapSeconds <= setupWindowSeconds ? ' created at user setup' : ''),
    resolved: (scope) =>
      scope === 'any'
        ? 'an active access key left unused'
        : 'an active access key that was created at user setup and left unused',
  },
};
