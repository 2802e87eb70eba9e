/**
 * Plain data shared by every stage of the pipeline:
 * inputs -> credentials -> collect (facts) -> evaluate (decisions) -> report, joined per account by audit/.
 * Nothing here does I/O; every formatter is a pure function of these types.
 */
import type { KeyCreation } from './evaluate/intent.js';
import type { ReportFiles } from './inputs/report-files.js';
import type { SinkSettings } from './inputs/sinks.js';
import type { Note } from './notes.js';
import { AuditError } from './errors.js';
import type { IacFinding } from './iac/scan.js';

export type Scope = 'at-setup' | 'any';
export type FailOn = 'findings' | 'errors' | 'never';
export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** The settings that decide whether a key fails (docs/design.md §1). */
export interface RuleSettings {
  scope: Scope;
  setupWindowSeconds: number;
  /** 0 turns the stale test off: only never-used keys fail. */
  unusedDays: number;
  exemptionTag: string;
}

/** `remediate` (docs/design.md §8): `off`, `plan` (report what would be done, change nothing), `deactivate`. */
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

/**
 * Every input of action.yml (or CLI flag), validated and typed; the report paths by their keys, each
 * sink's settings (inputs/sinks.ts) by their names.
 */
export interface Config extends ReportFiles, SinkSettings {
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
  /** `iac`: paths or globs of infrastructure code, relative to the workspace; non-empty means an iac scan. */
  iac: string[];
  summary: boolean;
  failOn: FailOn;
  githubToken: string | null;
  /** Code scanning category (the SARIF run's `automationDetails.id`); null: none, upload-sarif derives it. */
  category: string | null;
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

/** A data row of a report that could not be read (e.g. an unquoted comma): skipped, with a warning. */
export interface UnreadableRow {
  /** 1-based line of the row in the CSV. */
  line: number;
  /** Why, in one line (names the user, as code, when it can be told). */
  detail: Note;
}

export interface ParsedReport {
  /** From the ARNs; null when the report has no user rows. */
  accountId: string | null;
  users: ReportUser[];
  /** Rows skipped so that they hide nothing else; each one is a warning of the account. */
  unreadable: UnreadableRow[];
}

export type Reason = 'never-used' | 'unused';

/** One failing (or exempted) access key. The JSON report's `findings[]` entry, exactly. */
export interface Finding {
  /** The rule that found it (src/evaluate/rules/); with `location`, its identity (src/evaluate/identity.ts). */
  ruleId: string;
  accountId: string;
  userName: string;
  userArn: string;
  keySlot: 1 | 2;
  /** Credential reports lack it; filled by live enrichment. */
  accessKeyId: string | null;
  reason: Reason;
  userCreatedAt: string;
  /**
   * The key's creation time; null when the report has none (`access_key_N_last_rotated` is `N/A` on an
   * active key — only a finding under `scope: any`) and no live key was matched to the slot.
   */
  keyCreatedAt: string | null;
  /** Seconds between the user's creation and the key's (absolute: a key cannot predate its user); null with `keyCreatedAt`. */
  setupGapSeconds: number | null;
  keyLastUsedAt: string | null;
  keyLastUsedService: string | null;
  keyLastUsedRegion: string | null;
  passwordLastUsedAt: string | null;
  mfaActive: boolean;
  exempted: boolean;
  justification: string | null;
  exemptionExpired: boolean;
  /**
   * SARIF artifact path, `aws/ACCOUNT/iam/user/PATH/NAME/key-created-YYYYMMDDTHHMMSSZ[-slotN]`, or
   * `.../key-created-unknown-slotN` when the report has no creation time for the key.
   */
  location: string;
  /**
   * When this key was first reported (docs/design.md §8): the earliest open code scanning alert at `location` or
   * the time its user's issue first listed it; null when unknown. Set by publish (absent: not read yet;
   * the JSON writes null).
   */
  firstSeenAt?: string | null;
  /** This run's remediation of the key; null (or absent) when `remediate` is off. */
  remediation?: Remediation | null;
  /**
   * Who made the key, from its CloudTrail `CreateAccessKey` event (docs/design.md §10). Set by live audits (with
   * `unknownReason` when it could not be told); absent offline (the JSON writes `unknownReason: "offline"`).
   */
  keyCreation?: KeyCreation;
  /** The IAM console's description of the key (its user's tag keyed by the key id); null: none. Live only. */
  keyDescription?: string | null;
  /**
   * The user made the key themself (docs/design.md §10), under `scope: at-setup`: not a key provisioned at user
   * setup, so listed but not failing (see `isFailing`). Absent or false otherwise.
   */
  selfCreated?: boolean;
}

/** Where an account's credential report came from: AWS (live), or a downloaded file (offline). */
export type ReportSource = { kind: 'aws' } | { kind: 'file'; path: string };

/** What every account result has, audited or failed. */
interface AccountResultBase {
  /** The 12-digit id; `unknown` (see `accountIdKnown`) for a report file that names none. */
  accountId: string;
  /** False when a report file had no user row and no account id in its name: `accountId` is `unknown`. */
  accountIdKnown: boolean;
  alias: string | null;
  usersScanned: number;
  reportGeneratedAt: string | null;
  source: ReportSource;
  /** Keys the report flagged that the live API shows deleted, deactivated or used since. */
  resolvedSinceReport: number;
  /** The time `unused-days` was measured from for this account. */
  asOf: string;
}

/** An account (or report file) that was audited. */
export interface AccountOk extends AccountResultBase {
  status: 'ok';
  error: null;
  hint: null;
  errorCode: null;
  errorStep: null;
}

/** An account (or report file) that could not be audited: no findings, and why. */
export interface AccountFailed extends AccountResultBase {
  status: 'error';
  /** What went wrong, in one line. */
  error: string;
  /** What permission or trust setting to fix, when known. */
  hint: string | null;
  /** The error in a word, for tables: `AccessDenied`, `ThrottlingException`, `ReportError`. */
  errorCode: string;
  /** The API operation that failed (`AssumeRole`, `GetCredentialReport`); null when not tied to one. */
  errorStep: string | null;
}

/** One audited account; the JSON report's `accounts[]` entry (with `source` as text, see report/json.ts). */
export type AccountResult = AccountOk | AccountFailed;

/** An open code scanning alert of an account that failed this run, written again so it stays open. */
export interface CarriedAlert {
  /** The alert's rule; absent: the first rule's (src/evaluate/rules/index.ts). */
  ruleId?: string;
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
  /** docs/design.md §4's offline caveat (tags and key ids were not checked), shown under the verdict; null live. */
  caveat: Note | null;
  /** Things the reader must know, e.g. accounts left out by `exclude-accounts`. */
  notes: Note[];
  /** What GitHub's history says changed (docs/design.md §8); absent until publish has read it. */
  history?: RunHistory;
  /** What `remediate` planned or did (docs/design.md §8); absent when it is off. */
  remediation?: RunRemediation;
}

/** An `iac` run (docs/design.md §11): the scan of infrastructure code, with its exemptions decided as of `asOf`. */
export interface IacRun {
  generatedAt: string;
  /** The day exemptions' `expires=` dates are measured at (the as-of input, else now). */
  asOf: string;
  /** The `iac` input's paths and globs, relative to `root`. */
  patterns: string[];
  filesScanned: number;
  /** Failing findings (an expired exemption fails again), sorted by file and line. */
  findings: IacFinding[];
  /** Findings with an exemption in force: left out of SARIF's results, counted. */
  exempted: IacFinding[];
  /** Failing findings whose exemption has expired. */
  exemptionsExpired: number;
  /** What could not be read or followed, one sentence each. */
  notes: string[];
}

/** What changed since earlier runs, from GitHub's history (docs/design.md §8). */
interface RunHistory {
  /** False when neither the alerts nor the issues could be read: ages, new and resolved are unknown. */
  available: boolean;
  /** Non-exempted findings no alert or issue knew; null when unavailable. */
  newFindings: number | null;
  /** Open alerts of this tool under accounts audited this run whose key is no longer a finding; null when the alerts could not be listed. */
  resolvedFindings: number | null;
  /** Why (a part of) the history was not available, one sentence each. */
  notes: Note[];
  /** Evidence the history did not count, and why (issues or records not written by this tool, edits). */
  ignored?: Note[];
}

/** The run's remediation (docs/design.md §8). */
interface RunRemediation {
  mode: 'plan' | 'deactivate';
  /** Due keys, those over the cap included: the `keys-due` output. */
  keysDue: number;
  /** Keys this run set Inactive: no longer in `findings` (not SARIF results, not counted), listed here. */
  deactivated: Finding[];
  /** Under `plan`: the keys that would be deactivated (they passed the live check). */
  planned: Finding[];
  /** A denied or missing remediation role, per account. */
  warnings: Note[];
}

/** One open code scanning alert of this tool, as the history needs it (docs/design.md §8). */
export interface OpenAlert {
  /** The alert's rule (`rule.id`); absent: the first rule's (src/evaluate/rules/index.ts). */
  ruleId?: string;
  /** The alert's file location: the finding's `location`. */
  location: string;
  /** ISO 8601: when code scanning first reported it. */
  createdAt: string;
  message: string;
}

/** A GitHub account as issues and comments name their author. */
export interface GitHubActor {
  login: string;
  /** The numeric id (stable across renames); null when unknown. */
  id: number | null;
}

/** A comment on one of this tool's issues, as the history needs it. */
export interface TrackedComment {
  id: number;
  author: GitHubActor | null;
  /** ISO 8601, set by GitHub when posted: nobody can back-date it. */
  createdAt: string;
  /** ISO 8601; later than `createdAt` when the comment was edited. */
  updatedAt: string;
  body: string;
}

/** One of this tool's issues (its label and a marker), with its comments when they were read. */
export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  author: GitHubActor | null;
  createdAt: string;
  /** When it was last closed; null while open. */
  closedAt: string | null;
  /** The marker in its body (display: a person with write access can edit it). */
  marker: { accountId: string; userKey: string } | null;
  /** Null when not read (closed issues of users who are not reported now). */
  comments: TrackedComment[] | null;
}

/**
 * What GitHub remembers of earlier runs (docs/design.md §8). Each source is null when it could not be
 * read (no token, no permission, code scanning off, `create-issues` false); `notes` say why.
 */
export interface History {
  /** Open code scanning alerts of this tool. */
  alerts: OpenAlert[] | null;
  /** This tool's issues (label and marker) with the comments that were read. */
  issues: TrackedIssue[] | null;
  /** The identity this run writes as (the token's own); null when unknown: no issue or comment counts. */
  self: GitHubActor | null;
  notes: Note[];
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

/** Outcome of keeping GitHub issues in sync (docs/design.md §5). */
/** What the Security Hub import did (docs/design.md §9): counts of accepted findings, and every warning. */
export interface SecurityHubOutcome {
  /** ACTIVE findings Security Hub accepted (new and re-imported). */
  imported: number;
  /** Findings Security Hub accepted as ARCHIVED (resolved or exempted keys). */
  archived: number;
  warnings: Note[];
}

export interface IssueSyncOutcome {
  opened: number;
  updated: number;
  reopened: number;
  closed: number;
  skipped: number;
  /** Set when the sync could not run (e.g. missing `issues: write`). */
  error: string | null;
  /** Every issue the sync opened, updated, reopened or closed, in the order it did. */
  issues: TouchedIssue[];
}

/** One issue the sync changed, as the API answered (`html_url` is the page a person opens). */
export interface TouchedIssue {
  action: 'opened' | 'updated' | 'reopened' | 'closed';
  number: number;
  url: string;
  accountId: string;
  userName: string;
}

/** A mistake in the inputs or flags: shown once, without a stack trace, before any network call. */
export class InputError extends AuditError {
  constructor(
    /** The input (or flag) that is wrong. */
    readonly input: string,
    message: string,
  ) {
    super('InputError', message);
  }
}

/** One key as `ListAccessKeys` lists it (the SDK's AccessKeyMetadata has this shape). */
export interface ListedKey {
  AccessKeyId?: string;
  CreateDate?: Date;
  Status?: string;
}

/** A key's live last use (`GetAccessKeyLastUsed`); times are epoch ms, `N/A` and empty are null. */
export interface KeyLastUse {
  usedAt: number | null;
  service: string | null;
  region: string | null;
}

/** What auditing one account (or one offline report file) yields. Never thrown: errors are data. */
export interface AccountAudit {
  account: AccountResult;
  findings: Finding[];
  /** Warnings of this account (e.g. report rows that could not be read): added to the result's notes. */
  notes?: Note[];
}
