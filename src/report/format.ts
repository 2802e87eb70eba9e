/**
 * How a finding is worded in every report: durations, times, the key's use and creation, and the exact
 * shell commands that fix it. Pure functions.
 */
import type { Finding } from '../model.js';
import { describeKeyCreation } from '../evaluate/intent.js';
import { code, note, type Note } from '../notes.js';
import { oneLine, truncate } from './markdown.js';

/** `1 user`, `2 users`: the count with the noun in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

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
function daysBetween(from: string, to: string): number | null {
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

/**
 * A finding as one plain sentence, the description of its Security Hub and OCSF findings: `IAM user alice
 * (ARN) signs in to the console and has an active access key AKIA… (slot 1), created at user setup (…),
 * never used. <the rule's short description>`.
 */
export function findingSentence(
  f: Finding,
  ctx: { setupWindowSeconds: number; asOf: string; shortDescription: string },
): string {
  const key = f.accessKeyId
    ? `access key ${f.accessKeyId} (slot ${f.keySlot})`
    : `access key in slot ${f.keySlot}`;
  const expired = f.exemptionExpired ? ' Its exemption has expired.' : '';
  return (
    `IAM user ${f.userName} (${f.userArn}) signs in to the console and has an active ${key}, ` +
    `${describeCreation(f, ctx.setupWindowSeconds)}` +
    `${f.keyCreatedAt === null ? '' : ` on ${f.keyCreatedAt}`}, ${describeUse(f, ctx.asOf)}.` +
    `${expired} ${ctx.shortDescription}`
  );
}

/**
 * How long a key has been reported (docs/design.md §8) and, when remediation applies, its due date:
 * `reported for 12 days · deactivation due 2026-12-15`, `new`; null when the history is unknown.
 */
export function reportedText(f: Finding, asOf: string, historyKnown: boolean): string | null {
  const parts: string[] = [];
  if (f.firstSeenAt) {
    const days = daysBetween(f.firstSeenAt, asOf);
    parts.push(
      days === null
        ? `reported since ${formatDay(f.firstSeenAt)}`
        : `reported for ${days} ${days === 1 ? 'day' : 'days'}`,
    );
  } else if (historyKnown) {
    parts.push('new');
  }
  const r = f.remediation;
  if (r && r.dueAt && r.status !== 'deactivated') parts.push(`deactivation due ${formatDay(r.dueAt)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** IAM's limit for a tag value: a key description is at most this long. */
const MAX_DESCRIPTION = 256;

/**
 * Who made the key and its console description, in one line (docs/design.md §10): "made by
 * `assumed-role/Admin/bob` in the console, in the same session as the user · description: `nightly
 * export`". The actor and the description are code parts (written by whoever made the call or tagged the
 * user). Null when nothing was looked up (offline).
 */
export function keyCreationNote(f: Pick<Finding, 'keyCreation' | 'keyDescription'>): Note | null {
  if (f.keyCreation === undefined) return null;
  const made = describeKeyCreation(f.keyCreation);
  const d = f.keyDescription;
  return d ? note`${made} · description: ${code(truncate(d, MAX_DESCRIPTION))}` : made;
}

/** The command that makes a key this run deactivated Active again. */
export function restoreCommand(f: Pick<Finding, 'userName' | 'accessKeyId'>): string {
  return `aws iam update-access-key --user-name ${shellQuote(f.userName)} --access-key-id ${shellQuote(f.accessKeyId ?? 'KEY_ID')} --status Active`;
}
