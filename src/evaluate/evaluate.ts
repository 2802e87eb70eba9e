/**
 * The rules (docs/design.md §1, src/evaluate/rules/) over a parsed credential report, as a pure function: each
 * registered rule decides on each key of each row; a failing key is one finding per rule, with the key's
 * evidence and location.
 */
import type { Finding, Reason, ReportKey, ReportUser, RuleSettings } from '../model.js';
import type { ReportKeyTimes } from './confirm.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { findingIdentity } from './identity.js';

const ROOT_USER = '<root_account>';

/** `2026-11-27T20:47:26Z`: ISO 8601 in UTC, to the second (milliseconds dropped, not rounded). */
export function toIsoSecond(ms: number): string {
  const floored = Math.floor(ms / 1000) * 1000;
  return new Date(floored).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `20261127T204726Z`: the compact form used in SARIF locations. */
function compactSecond(ms: number): string {
  return toIsoSecond(ms).replace(/[-:]/g, '');
}

/** Characters kept as they are in a location path; IAM names and paths only use `[\w+=,.@/-]`. */
const SAFE = /[A-Za-z0-9._~+=,@/-]/;
const ALL_SAFE = /^[A-Za-z0-9._~+=,@/-]*$/;

/**
 * Percent-encodes one path segment so the location is a valid relative URI reference. The result is one
 * flat string (parts joined, never `+=` per character): a finding keeps its location for the whole run,
 * and a string grown a character at a time is a chain of pieces that all stay alive with it.
 */
function encodeSegment(segment: string): string {
  if (/^\.+$/.test(segment)) return segment.replace(/\./g, '%2E'); // `.` / `..` would be resolved away
  if (ALL_SAFE.test(segment)) return segment; // every IAM name
  const parts: string[] = [];
  for (const ch of segment) {
    if (SAFE.test(ch)) parts.push(ch);
    else
      for (const byte of Buffer.from(ch, 'utf8'))
        parts.push(`%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return parts.join('');
}

/** The part of a user ARN after `user/`: the user's path (without the leading slash) and name. */
export function userPathAndName(userArn: string): string {
  const i = userArn.indexOf(':user/');
  return i >= 0 ? userArn.slice(i + ':user/'.length) : userArn;
}

export interface KeyLocationInput {
  accountId: string;
  userArn: string;
  /** The key's creation time (`access_key_N_last_rotated`), epoch ms; null when the report has `N/A`. */
  keyCreatedAt: number | null;
  slot: 1 | 2;
  /** True when both of the user's keys were created in the same second: adds `-slotN`. */
  sameSecond: boolean;
}

/**
 * The SARIF artifact path naming one key (docs/design.md §4):
 * `aws/ACCOUNT/iam/user/PATH/NAME/key-created-YYYYMMDDTHHMMSSZ[-slotN]`. A key without a creation time
 * is `.../key-created-unknown-slotN`: stable from run to run (the slot is all the report says of it),
 * and never equal to a dated location.
 */
export function keyLocation(k: KeyLocationInput): string {
  const userPart = userPathAndName(k.userArn)
    .split('/')
    .filter((s) => s !== '')
    .map(encodeSegment)
    .join('/');
  // joined into one flat string (see encodeSegment), not concatenated
  const parts = ['aws/', encodeSegment(k.accountId), '/iam/user/', userPart, '/key-created-'];
  if (k.keyCreatedAt === null) parts.push(`unknown-slot${k.slot}`);
  else parts.push(compactSecond(k.keyCreatedAt), k.sameSecond ? `-slot${k.slot}` : '');
  return parts.join('');
}

/** True when both keys of the user have a creation time and it is the same second. */
function keysShareSecond(user: Pick<ReportUser, 'keys'>): boolean {
  const [a, b] = user.keys;
  return (
    a.lastRotated !== null &&
    b.lastRotated !== null &&
    Math.floor(a.lastRotated / 1000) === Math.floor(b.lastRotated / 1000)
  );
}

/** A rule's place in the registry: findings of one key sort in this order. */
const RULE_RANK = new Map(RULES.map((r, i) => [r.id, i]));

function compareFindings(a: Finding, b: Finding): number {
  if (a.accountId !== b.accountId) return a.accountId < b.accountId ? -1 : 1;
  if (a.userArn !== b.userArn) return a.userArn < b.userArn ? -1 : 1;
  if (a.keySlot !== b.keySlot) return a.keySlot - b.keySlot;
  return a.ruleId === b.ruleId
    ? 0
    : (RULE_RANK.get(a.ruleId) ?? RULES.length) - (RULE_RANK.get(b.ruleId) ?? RULES.length);
}

/** Sorts findings by account, user ARN (code-unit order), slot and rule, in place; returns the array. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** The finding of `rule` on one key of a report row, with the key's evidence (exemptions not applied). */
function findingOf(
  rule: Rule,
  reason: Reason,
  accountId: string,
  user: ReportUser,
  key: ReportKey,
  sameSecond: boolean,
): Finding {
  // A key without `last_rotated` (N/A, seen in real reports) has no creation time, so no gap either.
  const gapMs = key.lastRotated === null ? null : Math.abs(key.lastRotated - user.userCreationTime);
  return {
    ruleId: rule.id,
    accountId,
    userName: user.user,
    userArn: user.arn,
    keySlot: key.slot,
    accessKeyId: null,
    reason,
    userCreatedAt: toIsoSecond(user.userCreationTime),
    keyCreatedAt: key.lastRotated === null ? null : toIsoSecond(key.lastRotated),
    setupGapSeconds: gapMs === null ? null : Math.round(gapMs / 1000),
    keyLastUsedAt: key.lastUsedDate === null ? null : toIsoSecond(key.lastUsedDate),
    keyLastUsedService: key.lastUsedService,
    keyLastUsedRegion: key.lastUsedRegion,
    passwordLastUsedAt: user.passwordLastUsed === null ? null : toIsoSecond(user.passwordLastUsed),
    mfaActive: user.mfaActive,
    exempted: false,
    justification: null,
    exemptionExpired: false,
    location: keyLocation({
      accountId,
      userArn: user.arn,
      keyCreatedAt: key.lastRotated,
      slot: key.slot,
      sameSecond,
    }),
  };
}

/**
 * The rules over a report's user rows as they are read (offline, so a report is never held whole):
 * `add` each row in report order, then `findings()`. Real reports can list a user twice, and the rows
 * need not agree: every row is evaluated, and each key is one finding per rule (one SARIF result) under
 * its identity, from the first row that shows it failing. A user is counted once.
 */
export class ReportEvaluation {
  /** User ARNs seen: the users scanned. */
  private readonly users = new Set<string>();
  /** Identities of the findings so far: each key once per rule. */
  private readonly identities = new Set<string>();
  private readonly found: Finding[] = [];
  private readonly undated = new Map<string, ReportKeyTimes>();

  constructor(
    private readonly settings: RuleSettings,
    /** Epoch ms: the time the `unused-days` test is measured from. */
    private readonly asOf: number,
  ) {}

  /** One user row of the report of `accountId`. */
  add(accountId: string, user: ReportUser): void {
    this.users.add(user.arn);
    if (user.user === ROOT_USER) return;
    const ctx = { settings: this.settings, asOf: this.asOf };
    let sameSecond: boolean | undefined;
    for (const key of user.keys) {
      for (const rule of RULES) {
        const reason = rule.decide(user, key, ctx);
        if (reason === null) continue;
        sameSecond ??= keysShareSecond(user);
        const f = findingOf(rule, reason, accountId, user, key, sameSecond);
        const id = findingIdentity(f);
        if (this.identities.has(id)) continue;
        this.identities.add(id);
        this.found.push(f);
        if (f.keyCreatedAt === null)
          this.undated.set(f.location, [user.keys[0].lastRotated, user.keys[1].lastRotated]);
      }
    }
  }

  /** Users of the report so far, each counted once however many rows list it. */
  get usersScanned(): number {
    return this.users.size;
  }

  /**
   * The report's `access_key_N_last_rotated` of both slots of the row each finding without a creation
   * time came from, by location: the live audit matches such a key to the one live key no other slot
   * of that row accounts for (evaluate/confirm.ts).
   */
  get undatedKeyTimes(): ReadonlyMap<string, ReportKeyTimes> {
    return this.undated;
  }

  /** Every failing key so far (exemptions not applied), sorted by account, user ARN, slot, rule. */
  findings(): Finding[] {
    return sortFindings([...this.found]);
  }
}
