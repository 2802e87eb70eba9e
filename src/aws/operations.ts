/**
 * THE table of AWS operations the audit calls (docs/design.md §6). Everything that names an operation derives
 * from it: the least-privilege actions of each role (MEMBER_ROLE_ACTIONS, checked against the README
 * policies and the CloudFormation templates by __tests__/unit/repo/readme.test.ts), the hints of a denied call
 * (aws/errors.ts), the step names of an account's audit, and the tests' and the bench's lists of calls.
 *
 * The remediation role's operations come last (after the audit's own, which `operation()` finds first).
 *
 * Self-contained (no imports): `npm run bench` loads it from a plain Node script.
 */

/** Who must be allowed the action: the role in each audited account, the signed-in audit role, the
 * audit role of an organization run (management account or delegated administrator), or the optional
 * remediation role (`remediation-role-name`, docs/design.md §8) in each account with keys due. */
type OperationRole = 'member' | 'audit' | 'organization' | 'remediation';

export interface AwsOperation {
  /** The SDK command, without `Command` (`GetCredentialReport`); also the proxy's and the bench's name. */
  command: string;
  /** The IAM action a policy grants (`iam:GetCredentialReport`). */
  iamAction: string;
  /** The step name in errors (`GetCredentialReport in account … failed`). */
  step: string;
  role: OperationRole;
  /** `required`: the audit cannot run without it; `optional`: a feature that is off unless asked for. */
  need: 'required' | 'optional';
  /** False for calls no policy has to allow (GetCallerIdentity always answers). */
  granted: boolean;
  /** `run`: once per run, its failure stops the run; `account`: per audited account, fails that account. */
  scope: 'run' | 'account';
  /** What a denial of it means for the run. */
  denied: string;
}

/** Every operation, in the order a run calls them; member-role ones in the order policies list them. */
export const AWS_OPERATIONS = [
  {
    command: 'AssumeRoleWithWebIdentity',
    iamAction: 'sts:AssumeRoleWithWebIdentity',
    step: 'AssumeRoleWithWebIdentity',
    role: 'audit',
    need: 'required',
    scope: 'run',
    granted: true,
    denied: 'the trust policy of role-to-assume does not trust this workflow: nothing is audited',
  },
  {
    command: 'GetCallerIdentity',
    iamAction: 'sts:GetCallerIdentity',
    step: 'GetCallerIdentity',
    role: 'audit',
    need: 'required',
    scope: 'run',
    granted: false,
    denied: 'the credentials are not valid: nothing is audited',
  },
  {
    command: 'ListAccounts',
    iamAction: 'organizations:ListAccounts',
    step: 'ListAccounts',
    role: 'organization',
    need: 'required',
    scope: 'run',
    granted: true,
    denied:
      'the organization cannot be listed (not the management or a delegated administrator account): nothing is audited',
  },
  {
    command: 'AssumeRole',
    iamAction: 'sts:AssumeRole',
    step: 'AssumeRole',
    role: 'audit',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: the member role is missing, or does not trust the audit role',
  },
  {
    command: 'GenerateCredentialReport',
    iamAction: 'iam:GenerateCredentialReport',
    step: 'GenerateCredentialReport',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: no credential report',
  },
  {
    command: 'GetCredentialReport',
    iamAction: 'iam:GetCredentialReport',
    step: 'GetCredentialReport',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: no credential report',
  },
  {
    command: 'ListAccessKeys',
    iamAction: 'iam:ListAccessKeys',
    step: 'ListAccessKeys',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: the flagged keys cannot be confirmed live',
  },
  {
    command: 'GetAccessKeyLastUsed',
    iamAction: 'iam:GetAccessKeyLastUsed',
    step: 'GetAccessKeyLastUsed',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: the live last use of the flagged keys is unknown',
  },
  {
    command: 'ListUserTags',
    iamAction: 'iam:ListUserTags',
    step: 'ListUserTags',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: exemption tags cannot be read',
  },
  {
    command: 'ListAccountAliases',
    iamAction: 'iam:ListAccountAliases',
    step: 'ListAccountAliases',
    role: 'member',
    need: 'required',
    scope: 'account',
    granted: true,
    denied: 'that account fails: its alias cannot be read',
  },
  // Evidence of intent (docs/design.md §10): each flagged key's `CreateAccessKey` event, read from CloudTrail's
  // event history in the partition's IAM region with each account's own credentials (the member role, or
  // the audit role for its own account), at most 2 calls/s per account (audit/key-creation.ts). A
  // denial is one note for the account: the keys stay findings, decided by the time test alone.
  {
    command: 'LookupEvents',
    iamAction: 'cloudtrail:LookupEvents',
    step: 'LookupEvents',
    role: 'member',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: 'a note: who made the flagged keys of that account is unknown; the time test alone decides',
  },
  // `security-hub` (docs/design.md §9), after the audit, with each account's own credentials (the member role,
  // or the audit role for its own account). A denial is a warning: the audit and the other reports stand.
  {
    command: 'GetFindings',
    iamAction: 'securityhub:GetFindings',
    step: 'GetFindings',
    role: 'member',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: "a warning: nothing is imported into that account's Security Hub",
  },
  {
    command: 'BatchImportFindings',
    iamAction: 'securityhub:BatchImportFindings',
    step: 'BatchImportFindings',
    role: 'member',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: "a warning: nothing more is imported into that account's Security Hub",
  },
  {
    command: 'ListAccessKeys',
    iamAction: 'iam:ListAccessKeys',
    step: 'ListAccessKeys',
    role: 'remediation',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: 'warning: the due keys of that account cannot be checked again, so none is deactivated',
  },
  {
    command: 'GetAccessKeyLastUsed',
    iamAction: 'iam:GetAccessKeyLastUsed',
    step: 'GetAccessKeyLastUsed',
    role: 'remediation',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: 'warning: the due keys of that account cannot be checked again, so none is deactivated',
  },
  {
    command: 'ListUserTags',
    iamAction: 'iam:ListUserTags',
    step: 'ListUserTags',
    role: 'remediation',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied:
      'warning: an exemption added since the audit cannot be seen, so no key of that account is deactivated',
  },
  {
    command: 'UpdateAccessKey',
    iamAction: 'iam:UpdateAccessKey',
    step: 'UpdateAccessKey',
    role: 'remediation',
    need: 'optional',
    scope: 'account',
    granted: true,
    denied: 'warning: the due keys of that account stay Active; its audit results are unchanged',
  },
] as const satisfies readonly AwsOperation[];

export type OperationName = (typeof AWS_OPERATIONS)[number]['command'];

/** The operation of an SDK command name. */
export function operation(command: OperationName): AwsOperation {
  return AWS_OPERATIONS.find((o) => o.command === command) as AwsOperation;
}

/** The per-account operation whose step name (or IAM action) is `step`, if any. */
export function accountOperationOfStep(step: string): AwsOperation | undefined {
  return (AWS_OPERATIONS as readonly AwsOperation[]).find(
    (o) => o.scope === 'account' && (o.step === step || o.iamAction === step),
  );
}

/** The IAM actions granted to `role` with that `need`, in table order. */
function actionsOf(role: OperationRole, need: AwsOperation['need'] = 'required'): string[] {
  return (AWS_OPERATIONS as readonly AwsOperation[])
    .filter((o) => o.role === role && o.need === need && o.granted)
    .map((o) => o.iamAction);
}

/** Every IAM action the member-account role needs (docs/design.md §6). */
export const MEMBER_ROLE_ACTIONS: readonly string[] = actionsOf('member');

/** The member-account role's extra actions for `security-hub` (docs/design.md §9): granted only when it is on. */
export const SECURITY_HUB_ACTIONS: readonly string[] = actionsOf('member', 'optional').filter((a) =>
  a.startsWith('securityhub:'),
);
