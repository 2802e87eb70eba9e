/**
 * The same recommendation at the source (docs/design.md §11, issue 23): infrastructure code (Terraform,
 * CloudFormation) that gives a console user (a login profile) an access key in the same configuration,
 * i.e. at creation. Found by the `iac` scan, never on a credential report's rows: `decide` and `confirm`
 * never fail anything. Its identities are `iam-initial-access-key-iac/<resource address>`.
 */
import { DEFAULT_EXEMPTION_TAG, type Rule } from '../rule.js';
import { CIS_MAPPINGS, CIS_SUMMARY } from './iam-initial-access-key.js';

const HELP_URI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const IGNORE =
  '# iam-initial-access-key-audit: ignore reason="CI deploy key, ticket SEC-42" expires=2026-12-31';

const WHY =
  'A user made with both a console password (login profile) and an access key gets a long-lived key ' +
  '"just in case", before anyone needs it: nobody rotates it, it ends up in a state file, a CI variable ' +
  "or a welcome e-mail, and it gives whoever finds it the user's API access without the password or MFA " +
  'that protect the console. Found in the code, it is stopped before it exists.';

const STEPS = [
  "Drop the access key from the user's creation (remove the aws_iam_access_key resource, the module's " +
    'create_iam_access_key, or the AWS::IAM::AccessKey).',
  'Create a key later, deliberately, when someone needs one (and only then).',
  'Machines get their own user without a console password, or better a role (OIDC from CI) or IAM ' +
    'Identity Center: short-lived credentials instead of keys.',
];

const EXCEPTIONS =
  `If the key is needed, say why where it is made: a comment on the resource (${IGNORE}) or the user's ` +
  `tag "${DEFAULT_EXEMPTION_TAG}" (or the tag the exemption-tag input names); "expires=YYYY-MM-DD" makes ` +
  'the exemption lapse after that day.';

const HELP_TEXT = [
  `Why it matters: ${WHY}`,
  '',
  'How to fix:',
  ...STEPS.map((s, i) => `  ${i + 1}. ${s}`),
  '',
  `Exceptions: ${EXCEPTIONS}`,
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
  ...STEPS.map((s, i) => `${i + 1}. ${s}`),
  '',
  '## Exceptions',
  '',
  `If the key is needed, say why where it is made: a comment on the resource, or the user's tag ` +
    `\`${DEFAULT_EXEMPTION_TAG}\` (or the tag the \`exemption-tag\` input names); \`expires=YYYY-MM-DD\` ` +
    'makes the exemption lapse after that day:',
  '',
  '```hcl',
  IGNORE,
  '```',
  '',
  '## Benchmarks',
  '',
  ...CIS_MAPPINGS.map((m) => `- ${m.benchmark} ${m.version}: recommendation ${m.control}`),
  '',
  `See [Managing access keys for IAM users](${HELP_URI}).`,
].join('\n');

export const IAM_INITIAL_ACCESS_KEY_IAC: Rule = {
  id: 'iam-initial-access-key-iac',
  name: 'AccessKeyProvisionedWithConsoleUserInIaC',
  shortDescription: 'Infrastructure code must not give a console user an access key at creation.',
  fullDescription:
    'Terraform or CloudFormation creates an IAM user with a console login profile and, in the same ' +
    `configuration, an access key for it. ${CIS_SUMMARY}: do not set up access keys during initial user ` +
    'setup for all IAM users that have a console password.',
  helpText: HELP_TEXT,
  helpMarkdown: HELP_MARKDOWN,
  helpUri: HELP_URI,
  securitySeverity: '7.5',
  severity: 'high',
  precision: 'high',
  tags: ['security', 'CIS', 'aws', 'iam', 'iac'],
  cis: CIS_MAPPINGS,
  cisSummary: CIS_SUMMARY,
  recommendation:
    "Drop the access key from the user's creation; create one later, deliberately, when needed; give " +
    'machines their own user without a console password, or better a role or IAM Identity Center.',

  // An iac-only rule: a credential report's row is never its finding, nor a live key.
  decide: () => null,
  confirm: () => null,

  wording: {
    subject: (n) =>
      n === 1 ? 'access key given to a console user in code' : 'access keys given to console users in code',
    state: 'provisioned at creation',
    short: (n) =>
      n === 1 ? 'access key provisioned with a console user' : 'access keys provisioned with console users',
    violation: () => 'an access key provisioned with its console login in code',
    findingTitle: () => 'an access key provisioned with a console user in code',
    resolved: () => 'an access key provisioned with its console login in code',
  },
};
