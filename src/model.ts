/**
 * Plain data shared by every stage of the pipeline:
 * inputs -> credentials -> accounts -> collect -> evaluate -> enrich -> report.
 * Nothing here does I/O; every formatter is a pure function of these types.
 */

export type Scope = 'at-setup' | 'any';
export type FailOn = 'findings' | 'errors' | 'never';
export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** The settings that decide whether a key fails (DESIGN §1). */
export interface RuleSettings {
  scope: Scope;
  setupWindowSeconds: number;
  /** 0 turns the stale test off: only never-used keys fail. */
  unusedDays: number;
  exemptionTag: string;
}

/** `remediate` (DESIGN §8): `off`, `plan` (report what would be done, change nothing), `deactivate`. */
export type RemediateMode = 'off' | 'plan' | 'deactivate';

/** The remediation inputs, validated. */
export interface RemediationSettings {
  mode: RemediateMode;
  /** Role name with optional path assumed in each account with due keys; set whenever mode is not off. */
  roleName: string | null;
  /** Notice period: a key is due once first seen at least this many days (of 86,400 s) before as-of. */
  afterDays: number;
  /** Reasons a due key may be deactivated for, in the order given; never empty. */
  reasons: Reason[];
  /** Keys deactivated per run at most, oldest first seen first. */
  max: number;
}

export interface Shard {
  /** 1-based */
  index: number;
  total: number;
}

/** Every input of action.yml (or CLI flag), validated and typed. */
export interface Config {
  roleToAssume: string | null;
  audience: string;
  awsRegion: string;
  partition: Partition;
  roleSessionName: string;
  roleDurationSeconds: number;
  /** Explicit account ids; empty when the input is absent. */
  accounts: string[];
  /** Role name with optional path, e.g. `audit/IamAudit`. */
  accountRoleName: string | null;
  organization: boolean;
  excludeAccounts: string[];
  concurrency: number;
  shard: Shard | null;
  rule: RuleSettings;
  /** Absent: the report's GeneratedTime (live) or the current time (offline). */
  asOf: Date | null;
  exemptUsers: string[];
  /** Resolved, sorted CSV paths; non-empty means offline mode. */
  credentialReports: string[];
  sarifFile: string;
  jsonFile: string;
  summary: boolean;
  failOn: FailOn;
  createIssues: boolean;
  issueLabels: string[];
  maxIssues: number;
  githubToken: string | null;
  remediation: RemediationSettings;
}

/** One key slot of a credential report row. Times are epoch milliseconds. */
export interface ReportKey {
  slot: 1 | 2;
  active: boolean;
  lastRotated: number | null;
  lastUsedDate: number | null;
  lastUsedRegion: string | null;
  lastUsedService: string | null;
}

/** One IAM user row of a credential report (the `<root_account>` row is never one). */
export interface ReportUser {
  /** 1-based line number of the row in the CSV, for error messages. */
  line: number;
  user: string;
  arn: string;
  userCreationTime: number;
  passwordEnabled: boolean;
  passwordLastUsed: number | null;
  mfaActive: boolean;
  keys: readonly [ReportKey, ReportKey];
}

export interface ParsedReport {
  /** From the ARNs; null when the report has no user rows. */
  accountId: string | null;
  users: ReportUser[];
}

export type Reason = 'never-used' | 'unused';

/** One failing (or exempted) access key. The JSON report's `findings[]` entry, exactly. */
export interface Finding {
  accountId: string;
  userName: string;
  userArn: string;
  keySlot: 1 | 2;
  /** Credential reports lack it; filled by live enrichment. */
  accessKeyId: string | null;
  reason: Reason;
  userCreatedAt: string;
  keyCreatedAt: string;
  /** Seconds between the user's creation and the key's (absolute: a key cannot predate its user). */
  setupGapSeconds: number;
  keyLastUsedAt: string | null;
  keyLastUsedService: string | null;
  keyLastUsedRegion: string | null;
  passwordLastUsedAt: string | null;
  mfaActive: boolean;
  exempted: boolean;
  justification: string | null;
  exemptionExpired: boolean;
  /** SARIF artifact path, `aws/ACCOUNT/iam/user/PATH/NAME/key-created-YYYYMMDDTHHMMSSZ[-slotN]`. */
  location: string;
}

/** The JSON report's `accounts[]` entry. */
export interface AccountResult {
  accountId: string;
  alias: string | null;
  status: 'ok' | 'error';
  /** What went wrong, in one line. */
  error: string | null;
  /** What permission or trust setting to fix, when known. */
  hint: string | null;
  usersScanned: number;
  reportGeneratedAt: string | null;
  /** `aws` for live runs, the CSV path offline. */
  source: string;
  /** Keys the report flagged that the live API shows deleted, deactivated or used since. */
  resolvedSinceReport: number;
  /** The time `unused-days` was measured from for this account. */
  asOf: string;
}

/** An open code scanning alert of an account that failed this run, written again so it stays open. */
export interface CarriedAlert {
  accountId: string;
  location: string;
  message: string;
}

export interface AuditResult {
  mode: 'offline' | 'live';
  generatedAt: string;
  /** The as-of input, or (absent) the run time offline / the newest report time live. */
  asOf: string;
  settings: RuleSettings;
  shard: Shard | null;
  accounts: AccountResult[];
  /** Failing and exempted keys, sorted by account, user ARN, slot. */
  findings: Finding[];
  carriedForward: CarriedAlert[];
  /** Things the reader must know, e.g. that tags are unavailable offline. */
  notes: string[];
}

/** One open code scanning alert of this tool, as the history needs it (DESIGN §8). */
export interface OpenAlert {
  /** The alert's file location: the finding's `location`. */
  location: string;
  /** ISO 8601: when code scanning first reported it. */
  createdAt: string;
  message: string;
}

/**
 * What GitHub remembers of earlier runs. Each source is null when it could not be read (no token, no
 * permission, code scanning off, `create-issues` false); `notes` say why, for the summary.
 */
export interface History {
  /** Open code scanning alerts of this tool. */
  alerts: OpenAlert[] | null;
  /** Location -> ISO time an open issue of this tool first listed that key. */
  issueFirstListed: ReadonlyMap<string, string> | null;
  notes: string[];
}

/** A finding's remediation state: the JSON report's `remediation` (null when `remediate` is off). */
export type RemediationStatus = 'planned' | 'deactivated' | 'not-due' | 'skipped';

export interface Remediation {
  status: RemediationStatus;
  /** ISO: `firstSeenAt` + `remediate-after-days`; null when `firstSeenAt` is unknown or it never applies. */
  dueAt: string | null;
  /** Why it is not (yet) acted on, or what was done; null for a plain not-due key. */
  reason: string | null;
}

/** Outcome of keeping GitHub issues in sync (DESIGN §5). */
export interface IssueSyncOutcome {
  opened: number;
  updated: number;
  reopened: number;
  closed: number;
  skipped: number;
  /** Set when the sync could not run (e.g. missing `issues: write`). */
  error: string | null;
}

/** A mistake in the inputs or flags: shown once, without a stack trace, before any network call. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** What auditing one account (or one offline report file) yields. Never thrown: errors are data. */
export interface AccountAudit {
  account: AccountResult;
  findings: Finding[];
}
