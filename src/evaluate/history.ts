/**
 * First seen, new, resolved, restored and moved keys (docs/design.md §8): pure functions of this run's
 * findings and what GitHub remembers. Only facts nobody can back-date or forge count as evidence:
 *
 * - the `created_at` of this tool's open code scanning alerts (set by GitHub at the upload that first
 *   reported the location); an alert older than the key itself, or older than the end of the key's last
 *   reported stretch (a deactivation, a closed issue), does not count;
 * - the `created_at` of record comments (src/evaluate/issue-records.ts) written by the identity this run
 *   writes as, never edited since, on an issue that identity opened, naming the issue's own account.
 *
 * Issue bodies, titles and labels are display: a person with triage can label any issue, anyone can
 * write a marker. What did not count is listed (`ignored`), because tampering is worth a line.
 *
 * A key's identity is its key id where known (live runs): its record keeps the location it was first
 * reported at (sticky), so a renamed user or a deleted twin key does not make a new alert, issue or
 * Security Hub finding of the same key. Each rule's finding of a key is its own (src/evaluate/identity.ts):
 * the maps here are keyed by finding identity, which is the location for the first rule.
 */
import type { AccountResult, Finding, GitHubActor, History, OpenAlert, TrackedIssue } from '../model.js';
import { looksLikeRecord, parseRecords, recordKeyId, recordRef, type IssueRecord } from './issue-records.js';
import { toIsoSecond } from './evaluate.js';
import { isFailing } from './intent.js';
import { alertIdentity, findingIdentity, identityOf, splitIdentity } from './identity.js';
import { code, note, type Note } from '../notes.js';

/** One trusted record with the time GitHub gave its comment. */
export interface TimedRecord extends IssueRecord {
  at: string;
  issue: number;
}

/** A key with an open reported stretch in the records but no finding now (was it deactivated unseen?). */
interface RecordedKey {
  /** The rule of the finding the records report. */
  ruleId: string;
  accountId: string;
  keyId: string;
  /** The user's name when last recorded (from the user key's ARN). */
  userName: string;
  location: string;
  /** When its current stretch started (first seen, or restored). */
  since: string;
  issue: number;
}

export interface HistoryView {
  /** Computed identity -> the location its key was first reported at (only where they differ). */
  relocated: ReadonlyMap<string, string>;
  /** Every finding's (final) identity -> when its key was first reported in its current stretch, or null. */
  firstSeenAt: ReadonlyMap<string, string | null>;
  /** Final identity -> when this tool deactivated the key, for keys a person made Active again since. */
  restored: ReadonlyMap<string, string>;
  /** Keys the records report (an open stretch) that are not findings now: candidates for a lost deactivation. */
  openElsewhere: RecordedKey[];
  /** Key id -> the trusted issue whose latest record names it (a renamed user keeps its issue). */
  issueOfKey: ReadonlyMap<string, number>;
  /** Keys (their {@link recordIdOf}) with an open reported stretch on a trusted issue: their owner was told there. */
  listed: ReadonlySet<string>;
  /** The issues opened by this run's identity (all, when the identity is unknown: matching only, no evidence). */
  trustedIssues: ReadonlySet<number>;
  /** Trusted records per issue, oldest first. */
  recordsByIssue: ReadonlyMap<number, TimedRecord[]>;
  /** Non-exempted findings nothing reported before; null when no history source could be read. */
  newFindings: Finding[] | null;
  /**
   * Open alerts of this tool under accounts audited successfully this run whose location is no longer a
   * (non-exempted) finding, one per location, sorted; null when the alerts could not be listed.
   */
  resolvedFindings: OpenAlert[] | null;
  notes: Note[];
  /** Evidence that did not count, and why. */
  ignored: Note[];
}

const ms = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : NaN);

function earliest(times: readonly (string | null | undefined)[]): string | null {
  let best = NaN;
  for (const t of times) {
    const v = ms(t);
    if (!Number.isNaN(v) && (Number.isNaN(best) || v < best)) best = v;
  }
  return Number.isNaN(best) ? null : toIsoSecond(best);
}

/** `aws/123456789012/...` -> `123456789012`. */
function accountOfLocation(location: string): string | null {
  return /^aws\/(\d{12})\//.exec(location)?.[1] ?? null;
}

/** The key id an alert's message names (live runs write `has an active access key AKIA… (slot N)`). */
export function alertKeyId(message: string): string | null {
  return /\bhas an active access key ([A-Z0-9]{16,128}) \(slot [12]\)/.exec(message)?.[1] ?? null;
}

/** The user name of a user key (`arn:aws:iam::1:user/path/jdoe` -> `jdoe`). */
export function userNameOfKey(key: string): string {
  const m = /^arn:[^:]*:iam::[^:]*:user\/(?:.*\/)?([^/]+)$/.exec(key);
  return m ? (m[1] as string) : key;
}

export function sameActor(a: GitHubActor | null, b: GitHubActor | null): boolean {
  if (!a || !b) return false;
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}

/**
 * How records name a finding's key: its key id, else (offline, or an id that is not one) its location
 * ref; under its rule's identity (the bare id or ref, for the first rule).
 */
export function recordIdOf(f: Pick<Finding, 'ruleId' | 'accessKeyId' | 'location'>): string {
  const keyId = recordKeyId(f.accessKeyId);
  return keyId ? identityOf(f.ruleId, keyId) : recordRef(f.ruleId, f.location);
}

/** Edited after posting (GitHub moves `updated_at`); a second of slack for GitHub's own rounding. */
function edited(c: { createdAt: string; updatedAt: string }): boolean {
  return ms(c.updatedAt) - ms(c.createdAt) > 1000;
}

interface Trust {
  trustedIssues: Set<number>;
  records: Map<number, TimedRecord[]>;
  ignored: Note[];
}

/** Which issues and record comments count (see the module comment), and a line for each that does not. */
function trustOf(issues: readonly TrackedIssue[], self: GitHubActor | null): Trust {
  const trustedIssues = new Set<number>();
  const records = new Map<number, TimedRecord[]>();
  const ignored: Note[] = [];
  const foreignIssues: number[] = [];
  const foreignRecords: number[] = [];
  const editedRecords: number[] = [];
  const otherAccount: number[] = [];
  for (const issue of issues) {
    if (!issue.marker) continue;
    if (self !== null && !sameActor(issue.author, self)) {
      foreignIssues.push(issue.number);
      continue;
    }
    trustedIssues.add(issue.number);
    if (self === null) continue; // matched for the sync, but nothing in it counts as evidence
    const list: TimedRecord[] = [];
    for (const c of issue.comments ?? []) {
      if (!looksLikeRecord(c.body)) continue;
      if (!sameActor(c.author, self)) {
        foreignRecords.push(issue.number);
        continue;
      }
      if (edited(c)) {
        editedRecords.push(issue.number);
        continue;
      }
      for (const r of parseRecords(c.body)) {
        if (r.accountId !== issue.marker.accountId) {
          otherAccount.push(issue.number);
          continue;
        }
        list.push({ ...r, at: toIsoSecond(ms(c.createdAt)), issue: issue.number });
      }
    }
    list.sort((a, b) => ms(a.at) - ms(b.at));
    records.set(issue.number, list);
  }
  const nums = (list: number[]) => code([...new Set(list)].map((n) => `#${n}`).join(', '));
  if (foreignIssues.length > 0) {
    ignored.push(
      note`issue(s) ${nums(foreignIssues)} carry this tool's label and marker but were not opened by the identity this workflow writes as: ignored (not updated, not closed, no evidence)`,
    );
  }
  if (foreignRecords.length > 0) {
    ignored.push(
      note`record comment(s) on issue(s) ${nums(foreignRecords)} were not written by this workflow's identity: ignored`,
    );
  }
  if (editedRecords.length > 0) {
    ignored.push(
      note`record comment(s) on issue(s) ${nums(editedRecords)} were edited after they were posted: ignored`,
    );
  }
  if (otherAccount.length > 0) {
    ignored.push(
      note`record(s) on issue(s) ${nums(otherAccount)} name another account than their issue: ignored`,
    );
  }
  return { trustedIssues, records, ignored };
}

/** One key's reported stretches, from the trusted records. */
interface Stretch {
  /** Start of the current stretch; null when it ended (or never started). */
  start: string | null;
  /** The last end (deactivation, closed issue, a reopened issue's earlier close); null when none. */
  lastEnd: string | null;
  lastEndKind: 'deactivated' | 'ended' | null;
  /** The latest location recorded for the key (a real location, not a hash). */
  location: string | null;
  ruleId: string;
  issue: number;
  userKey: string;
  accountId: string;
  keyId: string | null;
}

/** A record's key as {@link recordIdOf} names it: the key id (or the ref) under the rule its ref names. */
export function recordIdOfKey(k: { ref: string; keyId: string | null }): string {
  return k.keyId ? identityOf(splitIdentity(k.ref).ruleId, k.keyId) : k.ref;
}

/** Key id (or, offline, the location ref), per rule -> its stretch, walking every trusted record in time order. */
function stretches(records: ReadonlyMap<number, TimedRecord[]>): Map<string, Stretch> {
  const all = [...records.values()].flat().sort((a, b) => ms(a.at) - ms(b.at));
  const out = new Map<string, Stretch>();
  const keysOfIssue = new Map<number, Set<string>>();
  const get = (r: TimedRecord, k: { ref: string; keyId: string | null }): Stretch => {
    const id = recordIdOfKey(k);
    const { ruleId, resource } = splitIdentity(k.ref);
    let s = out.get(id);
    if (!s) {
      s = {
        start: null,
        lastEnd: null,
        lastEndKind: null,
        location: null,
        ruleId,
        issue: r.issue,
        userKey: r.userKey,
        accountId: r.accountId,
        keyId: k.keyId,
      };
      out.set(id, s);
    }
    s.issue = r.issue;
    s.userKey = r.userKey;
    if (!resource.startsWith('sha256:')) s.location = resource;
    const set = keysOfIssue.get(r.issue) ?? new Set<string>();
    set.add(id);
    keysOfIssue.set(r.issue, set);
    return s;
  };
  const end = (s: Stretch, at: string, kind: Stretch['lastEndKind']) => {
    s.start = null;
    s.lastEnd = at;
    s.lastEndKind = kind;
  };
  for (const r of all) {
    if (r.kind === 'closed') {
      if (r.reason === 'duplicate') continue;
      // A closed issue ends the open stretches of the keys it names (all of its keys when it names none);
      // a key this tool deactivated keeps that as its end (so a restore is recognised).
      const ids = r.keys.length > 0 ? r.keys.map(recordIdOfKey) : [...(keysOfIssue.get(r.issue) ?? [])];
      for (const id of ids) {
        const s = out.get(id);
        if (s && s.start !== null) end(s, r.at, 'ended');
      }
      continue;
    }
    for (const k of r.keys) {
      const s = get(r, k);
      if (r.kind === 'seen' || r.kind === 'restored') {
        if (r.endedAt && (s.lastEnd === null || ms(r.endedAt) > ms(s.lastEnd))) end(s, r.endedAt, 'ended');
        s.start ??= r.at;
      } else if (r.kind === 'deactivated') {
        end(s, r.at, 'deactivated');
      }
    }
  }
  return out;
}

/**
 * Sticky locations: a finding whose key was first reported elsewhere (by its rule) keeps that location.
 * Computed identity -> the location to keep.
 */
function relocate(
  findings: readonly Finding[],
  alerts: readonly OpenAlert[],
  byKey: ReadonlyMap<string, Stretch>,
): Map<string, string> {
  const taken = new Set(findings.map(findingIdentity));
  /** The oldest alert naming each key id, per rule (by the key id's identity under the alert's rule). */
  const alertOfKey = new Map<string, OpenAlert>();
  for (const a of alerts) {
    const id = alertKeyId(a.message);
    if (!id) continue;
    const key = alertIdentity({ ruleId: a.ruleId, location: id });
    const prev = alertOfKey.get(key);
    if (!prev || ms(a.createdAt) < ms(prev.createdAt)) alertOfKey.set(key, a);
  }
  const out = new Map<string, string>();
  for (const f of findings) {
    if (!f.accessKeyId) continue;
    const keyId = identityOf(f.ruleId, f.accessKeyId);
    const alert = alertOfKey.get(keyId);
    const fromAlert = alert && accountOfLocation(alert.location) === f.accountId ? alert.location : null;
    const stretch = byKey.get(keyId);
    const fromRecord = stretch && stretch.accountId === f.accountId ? stretch.location : null;
    const target = fromAlert ?? fromRecord;
    if (!target || target === f.location || taken.has(identityOf(f.ruleId, target))) continue;
    taken.add(identityOf(f.ruleId, target));
    out.set(findingIdentity(f), target);
  }
  return out;
}

const byLocation = (a: { location: string }, b: { location: string }): number =>
  a.location < b.location ? -1 : a.location > b.location ? 1 : 0;

/** Alerts by their identity, in the order listed. */
function alertsByIdentity(alerts: readonly OpenAlert[]): Map<string, OpenAlert[]> {
  const out = new Map<string, OpenAlert[]>();
  for (const a of alerts) {
    const id = alertIdentity(a);
    const list = out.get(id);
    if (list) list.push(a);
    else out.set(id, [a]);
  }
  return out;
}

/** Each finding's first-seen time in its current stretch, and the keys a person restored (see the module comment). */
function firstSeenOf(
  findings: readonly Finding[],
  byKey: ReadonlyMap<string, Stretch>,
  alerts: readonly OpenAlert[],
): { firstSeenAt: Map<string, string | null>; restored: Map<string, string>; tooEarly: number } {
  const firstSeenAt = new Map<string, string | null>();
  const restored = new Map<string, string>();
  const alertsOf = alertsByIdentity(alerts);
  let tooEarly = 0;
  for (const f of findings) {
    const identity = findingIdentity(f);
    const created = ms(f.keyCreatedAt);
    const s = byKey.get(recordIdOf(f));
    const usable = (t: string) =>
      Number.isNaN(created) || Math.floor(ms(t) / 1000) >= Math.floor(created / 1000);
    if (s && s.start === null && s.lastEndKind === 'deactivated' && s.lastEnd) {
      // This tool set the key Inactive and it is Active again: a person's decision, a new notice period.
      restored.set(identity, s.lastEnd);
      firstSeenAt.set(identity, null);
      continue;
    }
    const times: string[] = [];
    if (s?.start) {
      if (usable(s.start)) times.push(s.start);
      else tooEarly++;
    }
    for (const a of alertsOf.get(identity) ?? []) {
      const id = alertKeyId(a.message);
      if (id && f.accessKeyId && id !== f.accessKeyId) continue; // another key once made in that second
      if (s?.lastEnd && ms(a.createdAt) <= ms(s.lastEnd)) continue; // reported before the last stretch ended
      if (usable(a.createdAt)) times.push(a.createdAt);
      else tooEarly++;
    }
    firstSeenAt.set(identity, earliest(times));
  }
  return { firstSeenAt, restored, tooEarly };
}

/** Everything the run needs from the history (see {@link HistoryView}). */
export function applyHistory(
  result: { accounts: readonly AccountResult[]; findings: readonly Finding[] },
  history: History,
): HistoryView {
  const trust = trustOf(history.issues ?? [], history.self);
  const ignored = [...trust.ignored];
  const byKey = stretches(trust.records);
  const alerts = history.alerts ?? [];
  const relocated = relocate(result.findings, alerts, byKey);
  const findings = result.findings.map((f) => {
    const to = relocated.get(findingIdentity(f));
    return to ? { ...f, location: to } : f;
  });

  const { firstSeenAt, restored, tooEarly } = firstSeenOf(findings, byKey, alerts);
  if (tooEarly > 0) {
    ignored.push(
      note`${String(tooEarly)} first-seen time(s) earlier than the key's own creation (impossible): ignored`,
    );
  }

  const findingIds = new Set(findings.map(recordIdOf));
  const okAccounts = new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId));
  const openElsewhere: RecordedKey[] = [];
  const issueOfKey = new Map<string, number>();
  const listed = new Set<string>();
  for (const [id, s] of byKey) {
    if (s.start) listed.add(id);
    if (!s.keyId) continue;
    issueOfKey.set(s.keyId, s.issue);
    if (s.start && s.location && okAccounts.has(s.accountId) && !findingIds.has(id)) {
      // Reported since the earlier of its record and its open alert (of this stretch, of this key)
      const identity = identityOf(s.ruleId, s.location);
      const alertTimes = alerts
        .filter((a) => alertIdentity(a) === identity && (alertKeyId(a.message) ?? s.keyId) === s.keyId)
        .filter((a) => s.lastEnd === null || ms(a.createdAt) > ms(s.lastEnd))
        .map((a) => a.createdAt);
      openElsewhere.push({
        ruleId: s.ruleId,
        accountId: s.accountId,
        keyId: s.keyId,
        userName: userNameOfKey(s.userKey),
        location: s.location,
        since: earliest([s.start, ...alertTimes]) ?? s.start,
        issue: s.issue,
      });
    }
  }

  const known = history.alerts !== null || (history.issues !== null && history.self !== null);
  const newFindings = known
    ? findings.filter((f) => {
        const id = findingIdentity(f);
        return isFailing(f) && firstSeenAt.get(id) === null && !restored.has(id);
      })
    : null;

  let resolvedFindings: OpenAlert[] | null = null;
  if (history.alerts !== null) {
    const failing = new Set(findings.filter(isFailing).map(findingIdentity));
    const seen = new Set<string>();
    resolvedFindings = [];
    for (const a of history.alerts) {
      const account = accountOfLocation(a.location);
      const id = alertIdentity(a);
      if (account === null || !okAccounts.has(account) || failing.has(id) || seen.has(id)) continue;
      seen.add(id);
      resolvedFindings.push(a);
    }
    resolvedFindings.sort(byLocation);
  }
  const notes = [...history.notes];
  if (relocated.size > 0) {
    notes.push(
      note`${String(relocated.size)} key(s) keep the record they were first reported under (a renamed user, or a twin key deleted): same alert, issue and Security Hub finding`,
    );
  }
  return {
    relocated,
    firstSeenAt,
    restored,
    openElsewhere: openElsewhere.sort(byLocation),
    issueOfKey,
    listed,
    trustedIssues: trust.trustedIssues,
    recordsByIssue: trust.records,
    newFindings,
    resolvedFindings,
    notes,
    ignored,
  };
}

/**
 * Open alerts whose key this run deactivated, one per identity: they were findings when
 * {@link applyHistory} counted, and are resolved now (their account was audited, or they would not be
 * findings).
 */
export function resolvedByDeactivation(
  alerts: readonly OpenAlert[],
  deactivated: readonly Pick<Finding, 'ruleId' | 'location'>[],
): number {
  const alerted = new Set(alerts.map(alertIdentity));
  return new Set(deactivated.map(findingIdentity).filter((id) => alerted.has(id))).size;
}
