/**
 * Typed builders for report fixtures: a plausible default for every field, overridden per test.
 * Shared by the report, issue and pipeline tests.
 */
import type { AccountResult, AuditResult, CarriedAlert, Finding, IssueSyncOutcome } from '../../src/model.js';

export const ACCOUNT_ID = '123456789012';
export const AS_OF = '2025-06-01T00:00:00.000Z';
export const GENERATED_AT = '2025-06-01T02:00:00.000Z';

/** `2024-01-02T03:04:05Z` -> `20240102T030405Z`. */
function compactTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** DESIGN §4 location: `aws/ACCOUNT/iam/user/PATH/NAME/key-created-YYYYMMDDTHHMMSSZ`. */
export function locationFor(accountId: string, userArn: string, keyCreatedAt: string, slot?: 1 | 2): string {
  const resource = userArn.split(':user/')[1] ?? userArn;
  return `aws/${accountId}/iam/user/${resource}/key-created-${compactTime(keyCreatedAt)}${slot ? `-slot${slot}` : ''}`;
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  const accountId = overrides.accountId ?? ACCOUNT_ID;
  const userName = overrides.userName ?? 'alice';
  const userArn = overrides.userArn ?? `arn:aws:iam::${accountId}:user/${userName}`;
  const keyCreatedAt = overrides.keyCreatedAt ?? '2024-01-10T09:00:12.000Z';
  const base: Finding = {
    ruleId: 'iam-initial-access-key',
    accountId,
    userName,
    userArn,
    keySlot: 1,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    reason: 'never-used',
    userCreatedAt: '2024-01-10T09:00:00.000Z',
    keyCreatedAt,
    setupGapSeconds: 12,
    keyLastUsedAt: null,
    keyLastUsedService: null,
    keyLastUsedRegion: null,
    passwordLastUsedAt: '2025-05-30T08:00:00.000Z',
    mfaActive: false,
    exempted: false,
    justification: null,
    exemptionExpired: false,
    location: locationFor(accountId, userArn, keyCreatedAt),
  };
  return { ...base, ...overrides };
}

/** A finding whose key was last used `daysAgo` days before {@link AS_OF}. */
export function makeStaleFinding(daysAgo: number, overrides: Partial<Finding> = {}): Finding {
  return makeFinding({
    reason: 'unused',
    keyLastUsedAt: new Date(Date.parse(AS_OF) - daysAgo * 86_400_000).toISOString(),
    keyLastUsedService: 's3',
    keyLastUsedRegion: 'us-east-1',
    ...overrides,
  });
}

/** Overrides of an account result; `source` as the JSON prints it (`aws`, or a report file's path). */
export type AccountOverrides = Partial<
  Omit<AccountResult, 'source' | 'status' | 'error' | 'usersScanned' | 'resolvedSinceReport'>
> & {
  source?: string;
  status?: AccountResult['status'];
  error?: string | null;
  usersScanned?: number;
  resolvedSinceReport?: number;
};

export function makeAccount(overrides: AccountOverrides = {}): AccountResult {
  const { source = 'aws', ...rest } = overrides;
  return {
    accountId: ACCOUNT_ID,
    accountIdKnown: true,
    alias: 'prod',
    status: 'ok',
    error: null,
    hint: null,
    errorCode: null,
    errorStep: null,
    usersScanned: 10,
    reportGeneratedAt: '2025-06-01T00:00:00.000Z',
    source: source === 'aws' ? { kind: 'aws' } : { kind: 'file', path: source },
    resolvedSinceReport: 0,
    asOf: AS_OF,
    ...rest,
  } as AccountResult;
}

export function makeFailedAccount(overrides: AccountOverrides = {}): AccountResult {
  return makeAccount({
    accountId: '210987654321',
    alias: null,
    status: 'error',
    error: 'AccessDenied: not authorized to perform sts:AssumeRole',
    hint: 'Trust the audit role in arn:aws:iam::210987654321:role/IamAudit.',
    errorCode: 'AccessDenied',
    errorStep: 'AssumeRole',
    usersScanned: 0,
    reportGeneratedAt: null,
    ...overrides,
  });
}

export function makeCarried(overrides: Partial<CarriedAlert> = {}): CarriedAlert {
  const accountId = overrides.accountId ?? '210987654321';
  return {
    accountId,
    location: `aws/${accountId}/iam/user/bob/key-created-20240110T090012Z`,
    message: `IAM user 'bob' in account ${accountId} has an active access key created at user setup, never used.`,
    ...overrides,
  };
}

export function makeResult(overrides: Partial<AuditResult> = {}): AuditResult {
  return {
    mode: 'live',
    generatedAt: GENERATED_AT,
    asOf: AS_OF,
    settings: {
      scope: 'at-setup',
      setupWindowSeconds: 600,
      unusedDays: 90,
      exemptionTag: 'access-key-justification',
    },
    shard: null,
    accounts: [makeAccount()],
    findings: [],
    carriedForward: [],
    caveat: null,
    notes: [],
    ...overrides,
  };
}

export function makeIssues(overrides: Partial<IssueSyncOutcome> = {}): IssueSyncOutcome {
  return { opened: 0, updated: 0, reopened: 0, closed: 0, skipped: 0, error: null, issues: [], ...overrides };
}

/** User names and messages that try to break out of whatever they are rendered in. */
export const HOSTILE = [
  '[x](https://evil)',
  '<img src=x onerror=alert(1)>',
  '@org/team',
  'a|b|c',
  'line1\nline2\r\n## heading',
  '```js\nalert(1)\n```',
  'x`y``z',
  'www.evil.com and http://evil.com',
  'see #1 and owner/repo#2',
  '![img](http://evil/x.png)',
  '\u202eevil\u202c \u0007\u001b[31mred',
  '*bold* _it_ ~~del~~ $x$',
] as const;
