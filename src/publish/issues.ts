/**
 * One GitHub issue per violating (account, user), kept in sync with the findings (docs/design.md §5).
 *
 * The issues are found by the fixed label and the hidden marker in their body, listed with the REST
 * paginator (never the search API, never by title, never by the configurable labels). What to do is
 * decided by a pure planner ({@link planIssueSync}); {@link syncIssues} lists, plans and executes.
 * Only accounts audited successfully in this run can have their issues closed.
 */
import { errorMessage, httpStatus } from '../errors.js';
import type {
  AuditResult,
  Finding,
  GitHubActor,
  IssueSyncOutcome,
  TouchedIssue,
  TrackedComment,
} from '../model.js';
import { oneLine } from '../report/markdown.js';
import {
  MAX_ISSUE_BODY,
  closingComment,
  deactivationComment,
  movedComment,
  parseMarker,
  renderIssue,
  restoredComment,
  sameIssueBody,
  seenComment,
  unconfirmedDeactivationComment,
  userKey,
  type IssueGroup,
} from '../report/issue-body.js';
import {
  recordKeyId,
  recordRef,
  withRecords,
  type IssueRecord,
  type RecordKey,
} from '../evaluate/issue-records.js';
import {
  recordIdOf,
  recordIdOfKey,
  sameActor,
  userNameOfKey,
  type TimedRecord,
} from '../evaluate/history.js';
import { findingIdentity } from '../evaluate/identity.js';
import { RATE_LIMIT_RETRIES } from './github-settings.js';
import type { Log } from '../log.js';
import type { GitHubClient } from './octokit.js';

/** The label the action finds its issues by; people may remove the others, not this one. */
export const ISSUE_LABEL = 'iam-initial-access-key';
const ISSUE_LABEL_COLOR = 'd93f0b';
const ISSUE_LABEL_DESCRIPTION = 'Unused AWS IAM access key of a console user (kept in sync by a workflow)';
const EXTRA_LABEL_COLOR = 'ededed';

/** An issue of this repository carrying {@link ISSUE_LABEL}, as listed. */
export interface ExistingIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  labels: string[];
  /** The issue's page (`html_url`), where the listing gave it. */
  url?: string;
  /** Who opened it; null when the listing did not say. */
  author?: GitHubActor | null;
  createdAt?: string;
  closedAt?: string | null;
}

export type IssueAction =
  | {
      kind: 'create';
      accountId: string;
      userName: string;
      title: string;
      body: string;
      labels: string[];
      /** The record comment posted right after the issue exists (its first-seen evidence). */
      comment: string;
    }
  | { kind: 'update'; number: number; accountId: string; userName: string; title: string; body: string }
  | { kind: 'reopen'; number: number; accountId: string; userName: string; title: string; body: string }
  | {
      kind: 'close';
      number: number;
      accountId: string;
      userName: string;
      reason: 'fixed' | 'exempted' | 'duplicate' | 'deactivated';
      /** Posted before the issue is closed; null when an earlier run posted it and the close failed. */
      comment: string | null;
    }
  | { kind: 'comment'; number: number; accountId: string; userName: string; comment: string }
  | { kind: 'skip'; accountId: string; userName: string };

/** What the history knows of the issues (src/evaluate/history.ts), for the sync's decisions. */
export interface IssueHistory {
  /** Issues the sync may touch: opened by this run's identity (all, when it is unknown). */
  trustedIssues: ReadonlySet<number>;
  /** Trusted records per issue, oldest first. */
  recordsByIssue: ReadonlyMap<number, readonly TimedRecord[]>;
  /** Key id -> the trusted issue whose latest record names it. */
  issueOfKey: ReadonlyMap<string, number>;
  /** Final identity (src/evaluate/identity.ts) -> when this tool deactivated the key that is Active again now. */
  restored: ReadonlyMap<string, string>;
}

/** A deactivation recognised after its answer was lost (docs/design.md §8): recorded, never acted on again. */
export interface RecognizedDeactivation {
  /** The rule of the finding its records report. */
  ruleId: string;
  accountId: string;
  userName: string;
  accessKeyId: string;
  location: string;
  issue: number;
}

export interface PlanOptions {
  extraLabels: readonly string[];
  maxIssues: number;
  runUrl: string | null;
  /** ISO time of this run: shown as "first reported" for keys recorded for the first time now (default: the result's). */
  recordAt?: string;
  /** The history's view of the issues; absent: no issue was trusted or recorded before (first run). */
  history?: IssueHistory;
  /** The notice period when `remediate` is on (said in the first record comment); null when off. */
  afterDays?: number | null;
  /** Deactivations recognised this run, to record on their issues. */
  recognized?: readonly RecognizedDeactivation[];
}

interface UserState {
  group: IssueGroup;
  /** Findings that are not exempted: the user violates. */
  violating: Finding[];
  /** Keys the user made themself (docs/design.md §10): not listed on the issue; they close it like an exemption. */
  selfCreated: Finding[];
  /** Keys of the user this run set Inactive (remediate: deactivate): the issue says so. */
  deactivated: Finding[];
  justification: string | null;
}

function keyOf(accountId: string, key: string): string {
  return `${accountId}\u0000${key}`;
}

/** The labels of a new issue: the fixed one first, then the configured ones, without repeats. */
function issueLabels(extraLabels: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [ISSUE_LABEL, ...extraLabels]) {
    const name = raw.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** The findings of accounts audited successfully, grouped per (account, user), in findings order. */
function usersOf(result: AuditResult): Map<string, UserState> {
  const ok = new Map(result.accounts.filter((a) => a.status === 'ok').map((a) => [a.accountId, a]));
  const users = new Map<string, UserState>();
  const stateOf = (f: Finding): UserState | null => {
    const account = ok.get(f.accountId);
    if (!account) return null;
    const key = keyOf(f.accountId, userKey(f.userArn, f.userName));
    let state = users.get(key);
    if (!state) {
      state = {
        group: {
          accountId: f.accountId,
          alias: account.alias,
          userName: f.userName,
          userArn: f.userArn,
          findings: [],
        },
        violating: [],
        selfCreated: [],
        deactivated: [],
        justification: null,
      };
      users.set(key, state);
    }
    return state;
  };
  for (const f of result.findings) {
    const state = stateOf(f);
    if (!state) continue;
    if (f.selfCreated === true) {
      state.selfCreated.push(f);
      continue;
    }
    state.group.findings.push(f);
    if (!f.exempted) state.violating.push(f);
    else if (state.justification === null && f.justification) state.justification = f.justification;
  }
  for (const f of result.remediation?.deactivated ?? []) stateOf(f)?.deactivated.push(f);
  return users;
}

function recordKeysOf(findings: readonly Finding[]): RecordKey[] {
  return findings.map((f) => ({ ref: recordRef(f.ruleId, f.location), keyId: recordKeyId(f.accessKeyId) }));
}

/** Keys with an open reported stretch on this issue (its own records, in order). */
function listedOn(records: readonly TimedRecord[]): Set<string> {
  const open = new Set<string>();
  for (const r of records) {
    if (r.kind === 'seen' || r.kind === 'restored') for (const k of r.keys) open.add(recordIdOfKey(k));
    else if (r.kind === 'deactivated') for (const k of r.keys) open.delete(recordIdOfKey(k));
    else if (r.kind === 'closed' && r.reason !== 'duplicate') {
      if (r.keys.length === 0) open.clear();
      else for (const k of r.keys) open.delete(recordIdOfKey(k));
    }
  }
  return open;
}

/** The reason of the issue's last record when it is a `closed` one (its comment was posted; the close may not be). */
function pendingClose(records: readonly TimedRecord[]): string | null {
  const last = records.at(-1);
  return last?.kind === 'closed' && last.keys.length === 0 ? (last.reason ?? null) : null;
}

interface Planning {
  result: AuditResult;
  opts: PlanOptions;
  history: IssueHistory;
  users: Map<string, UserState>;
  okAccounts: Set<string>;
  byKey: Map<string, ExistingIssue[]>;
  byNumber: Map<number, ExistingIssue>;
  /** Issues that now track another user (a rename): not closed as fixed. */
  claimed: Set<number>;
  actions: IssueAction[];
  created: number;
}

/**
 * What to do to make the issues match the result. Pure.
 * - a violating user with an open issue: update it when its title or body changed, and record keys
 *   listed for the first time, restored or deactivated; with only closed issues: reopen the newest; with
 *   none: follow its keys (a renamed user keeps its issue), else open one (at most `maxIssues`);
 * - an open issue of a user without a violation now (fixed, exempted, deactivated): comment and close it,
 *   but only when the user's account is `ok` in this result.
 * Only issues the history trusts (opened by this run's identity) are touched; the others are ignored.
 */
export function planIssueSync(
  existing: readonly ExistingIssue[],
  result: AuditResult,
  opts: PlanOptions,
): IssueAction[] {
  const history: IssueHistory = opts.history ?? {
    trustedIssues: new Set(existing.map((i) => i.number)),
    recordsByIssue: new Map(),
    issueOfKey: new Map(),
    restored: new Map(),
  };
  const p: Planning = {
    result,
    opts,
    history,
    users: usersOf(result),
    okAccounts: new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId)),
    byKey: new Map(),
    byNumber: new Map(),
    claimed: new Set(),
    actions: [],
    created: 0,
  };
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    if (!issue.labels.includes(ISSUE_LABEL) || !history.trustedIssues.has(issue.number)) continue;
    const marker = parseMarker(issue.body);
    if (!marker) continue;
    const key = keyOf(marker.accountId, marker.userKey);
    p.byKey.set(key, [...(p.byKey.get(key) ?? []), issue]);
    p.byNumber.set(issue.number, issue);
  }
  for (const [key, user] of p.users) {
    if (user.violating.length > 0) planViolatingUser(p, key, user);
  }
  planRecognized(p);
  p.actions.push(...closeActions(p));
  return p.actions;
}

/** The trusted issue of a renamed user: the one whose records name one of its keys, in the same account. */
function followKeys(p: Planning, user: UserState): ExistingIssue | undefined {
  for (const f of user.violating) {
    const n = f.accessKeyId ? p.history.issueOfKey.get(f.accessKeyId) : undefined;
    const issue = n === undefined ? undefined : p.byNumber.get(n);
    if (issue && parseMarker(issue.body)?.accountId === user.group.accountId && !p.claimed.has(issue.number))
      return issue;
  }
  return undefined;
}

/** The one record comment of this run for a violating user's issue (moved, first seen, restored, deactivated), or null. */
function recordComment(
  p: Planning,
  user: UserState,
  c: {
    marker: { accountId: string; userKey: string };
    movedFrom: string | null;
    fresh: Finding[];
    restored: Finding[];
    reopened: boolean;
    closedAt: string | null;
  },
): string | null {
  const { result, opts, history } = p;
  const { marker, movedFrom, fresh, restored } = c;
  const { exemptionTag } = result.settings;
  const { userName } = user.group;
  const records_: IssueRecord[] = [];
  const texts: string[] = [];
  if (movedFrom !== null) {
    records_.push({ kind: 'moved', ...marker, keys: recordKeysOf(user.violating) });
    texts.push(movedComment(movedFrom, userName, user.violating));
  }
  if (fresh.length > 0) {
    const endedAt = c.closedAt ? c.closedAt.replace(/\.\d{3}Z$/, 'Z') : undefined;
    records_.push({ kind: 'seen', ...marker, keys: recordKeysOf(fresh), ...(endedAt ? { endedAt } : {}) });
    texts.push(seenComment(fresh, { reopened: c.reopened, afterDays: opts.afterDays ?? null }));
  }
  if (restored.length > 0) {
    records_.push({ kind: 'restored', ...marker, keys: recordKeysOf(restored) });
    texts.push(
      restoredComment(restored, {
        deactivatedAt: history.restored,
        afterDays: opts.afterDays ?? 0,
        exemptionTag,
      }),
    );
  }
  if (user.deactivated.length > 0) {
    records_.push({ kind: 'deactivated', ...marker, keys: recordKeysOf(user.deactivated) });
    texts.push(
      deactivationComment(user.group, user.deactivated, {
        at: result.generatedAt,
        runUrl: opts.runUrl,
        exemptionTag,
        closing: false,
      }),
    );
  }
  return records_.length > 0 ? withRecords(records_, texts.join('\n\n---\n\n')) : null;
}

function planViolatingUser(p: Planning, key: string, user: UserState): void {
  const { result, opts, history } = p;
  const { accountId, userName } = user.group;
  const { scope, exemptionTag } = result.settings;
  const issues = p.byKey.get(key) ?? [];
  let open = issues.find((i) => i.state === 'open');
  let closed = issues.filter((i) => i.state === 'closed').at(-1);
  let movedFrom: string | null = null;
  if (!open && !closed) {
    const followed = followKeys(p, user);
    if (followed) {
      movedFrom = userNameOfKey(parseMarker(followed.body)?.userKey ?? '');
      if (followed.state === 'open') open = followed;
      else closed = followed;
    }
  }
  const target = open ?? closed;
  if (target) p.claimed.add(target.number);
  const records = target ? (history.recordsByIssue.get(target.number) ?? []) : [];
  const listed = listedOn(records);
  const restored = user.violating.filter((f) => history.restored.has(findingIdentity(f)));
  const fresh = user.violating.filter(
    (f) => !history.restored.has(findingIdentity(f)) && !listed.has(recordIdOf(f)),
  );
  // The body shows when each key was first reported: keys recorded now read as today.
  const findings = user.violating.map((f) =>
    fresh.includes(f) || restored.includes(f)
      ? { ...f, firstSeenAt: f.firstSeenAt ?? opts.recordAt ?? result.generatedAt }
      : f,
  );
  const { title, body } = renderIssue(
    { ...user.group, findings },
    { exemptionTag, runUrl: opts.runUrl, scope },
  );
  const marker = { accountId, userKey: userKey(user.group.userArn, userName) };

  // Two open issues for one user (a lost response once made a second): keep the oldest.
  if (open && p.okAccounts.has(accountId)) {
    for (const dup of issues.filter((i) => i.state === 'open' && i !== open)) {
      p.claimed.add(dup.number);
      const comment = withRecords(
        [{ kind: 'closed', ...marker, keys: [], reason: 'duplicate' }],
        `Duplicate of #${open.number}, which tracks this user. Closing this one.`,
      );
      p.actions.push({
        kind: 'close',
        number: dup.number,
        accountId,
        userName,
        reason: 'duplicate',
        comment,
      });
    }
  }

  const comment = recordComment(p, user, {
    marker,
    movedFrom,
    fresh,
    restored,
    reopened: !open && !!closed,
    closedAt: !open ? (closed?.closedAt ?? null) : null,
  });

  if (open) {
    if (open.title !== title || !sameIssueBody(open.body, body)) {
      p.actions.push({ kind: 'update', number: open.number, accountId, userName, title, body });
    }
    if (comment) p.actions.push({ kind: 'comment', number: open.number, accountId, userName, comment });
  } else if (closed) {
    p.actions.push({ kind: 'reopen', number: closed.number, accountId, userName, title, body });
    if (comment) p.actions.push({ kind: 'comment', number: closed.number, accountId, userName, comment });
  } else if (p.created < opts.maxIssues) {
    p.created++;
    p.actions.push({
      kind: 'create',
      accountId,
      userName,
      title,
      body,
      labels: issueLabels(opts.extraLabels),
      comment:
        comment ?? withRecords([{ kind: 'seen', ...marker, keys: [] }], 'Recorded for the audit trail.'),
    });
  } else {
    p.actions.push({ kind: 'skip', accountId, userName });
  }
}

/** Record deactivations recognised after their answer was lost on the issues that list their keys. */
function planRecognized(p: Planning): void {
  const byIssue = new Map<number, RecognizedDeactivation[]>();
  for (const r of p.opts.recognized ?? []) {
    if (!p.byNumber.has(r.issue)) continue;
    byIssue.set(r.issue, [...(byIssue.get(r.issue) ?? []), r]);
  }
  for (const [n, keys] of byIssue) {
    const issue = p.byNumber.get(n)!;
    const marker = parseMarker(issue.body)!;
    const user = p.users.get(keyOf(marker.accountId, marker.userKey));
    const closing = !user || user.violating.length === 0;
    if (closing && issue.state === 'open') continue; // the close below carries this record and text
    const comment = withRecords(
      [
        {
          kind: 'deactivated',
          ...marker,
          keys: keys.map((k) => ({ ref: recordRef(k.ruleId, k.location), keyId: k.accessKeyId })),
          confirmed: false,
        },
      ],
      unconfirmedDeactivationComment(keys, { exemptionTag: p.result.settings.exemptionTag, closing: false }),
    );
    p.actions.push({
      kind: 'comment',
      number: n,
      accountId: marker.accountId,
      userName: keys[0]!.userName,
      comment,
    });
  }
}

/** Close the open issues of users audited this run who no longer violate: deactivated, exempted or fixed. */
function closeActions(p: Planning): IssueAction[] {
  const { result, opts, history } = p;
  const { scope, exemptionTag } = result.settings;
  const commentOpts = { at: result.generatedAt, runUrl: opts.runUrl, exemptionTag };
  const actions: IssueAction[] = [];
  for (const [key, issues] of p.byKey) {
    const marker = issues[0] ? parseMarker(issues[0].body) : null;
    if (!marker || !p.okAccounts.has(marker.accountId)) continue;
    const user = p.users.get(key);
    if (user && user.violating.length > 0) continue;
    const recognized = (opts.recognized ?? []).filter((r) => issues.some((i) => i.number === r.issue));
    // Deactivated says so (restore, exempt); else an exempted user's justification, or the keys the user
    // made themself (closed like an exemption); else fixed.
    const selfCreated = user && user.group.findings.length === 0 ? user.selfCreated : [];
    const reason =
      (user && user.deactivated.length > 0) || recognized.length > 0
        ? 'deactivated'
        : user && (user.group.findings.length > 0 || selfCreated.length > 0)
          ? 'exempted'
          : 'fixed';
    const records: IssueRecord[] = [];
    const texts: string[] = [];
    if (user && user.deactivated.length > 0) {
      records.push({ kind: 'deactivated', ...marker, keys: recordKeysOf(user.deactivated) });
      texts.push(deactivationComment(user.group, user.deactivated, { ...commentOpts, closing: true }));
    } else if (recognized.length > 0) {
      records.push({
        kind: 'deactivated',
        ...marker,
        keys: recognized.map((k) => ({ ref: recordRef(k.ruleId, k.location), keyId: k.accessKeyId })),
        confirmed: false,
      });
      texts.push(unconfirmedDeactivationComment(recognized, { exemptionTag, closing: true }));
    } else {
      texts.push(
        selfCreated.length > 0 && reason === 'exempted'
          ? closingComment('self-created', { scope, keys: selfCreated })
          : reason === 'exempted'
            ? closingComment('exempted', { scope, justification: user!.justification })
            : closingComment('fixed', { scope }),
      );
    }
    records.push({ kind: 'closed', ...marker, keys: [], reason });
    for (const issue of issues) {
      if (issue.state !== 'open' || p.claimed.has(issue.number)) continue;
      // A closing comment an earlier run posted before its close failed is not posted twice.
      const posted = pendingClose(history.recordsByIssue.get(issue.number) ?? []) === reason;
      actions.push({
        kind: 'close',
        number: issue.number,
        accountId: marker.accountId,
        userName: user?.group.userName ?? userNameOfKey(marker.userKey),
        reason,
        comment: posted ? null : withRecords(records, texts.join('\n\n---\n\n')),
      });
    }
  }
  return actions;
}

export interface SyncIssuesOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  result: AuditResult;
  extraLabels: string[];
  maxIssues: number;
  runUrl: string | null;
  /** See {@link PlanOptions}. */
  recordAt?: string;
  history?: IssueHistory;
  afterDays?: number | null;
  recognized?: readonly RecognizedDeactivation[];
  /** The identity this run writes as: a comment whose answer was lost is looked for among its own. */
  self?: GitHubActor | null;
  /** The issues as already listed this run (for the history): not listed again. */
  existing?: ExistingIssue[];
  log: Log;
}

interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isHttpError(e: unknown): e is HttpError {
  return httpStatus(e) !== null;
}

const PREFIX = 'GitHub issues could not be updated';

/** One line saying what went wrong and, for a permission problem, what to add. */
export function describeIssueError(e: unknown): string {
  if (!isHttpError(e)) return `${PREFIX}: ${oneLine(errorMessage(e))}`;
  const message = oneLine(e.message);
  if (/rate limit/i.test(message)) {
    return `${PREFIX}: GitHub's API rate limit was still exceeded after ${RATE_LIMIT_RETRIES} retries (HTTP ${e.status}: ${message}). The next run catches up.`;
  }
  if (e.status === 403 || e.status === 404 || e.status === 410) {
    const accepted = e.response?.headers?.['x-accepted-github-permissions'];
    return (
      `${PREFIX}: the workflow token lacks \`issues: write\` (add \`permissions: issues: write\` to the job), ` +
      `or issues are disabled in this repository (HTTP ${e.status}: ${message}` +
      (accepted ? `; the endpoint accepts ${oneLine(String(accepted))}` : '') +
      ').'
    );
  }
  return `${PREFIX}: HTTP ${e.status}: ${message}`;
}

/** Every issue (open and closed) carrying {@link ISSUE_LABEL}, pull requests left out. */
export async function listIssues(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  /** List the issues this login opened instead of those with the label (see {@link listOwnIssues}). */
  creator?: string,
): Promise<ExistingIssue[]> {
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    ...(creator ? { creator } : { labels: ISSUE_LABEL }),
    per_page: 100,
  });
  return items
    .filter((i) => !i.pull_request)
    .map((i) => ({
      number: i.number,
      state: i.state === 'closed' ? 'closed' : 'open',
      title: i.title,
      body: i.body ?? '',
      labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      url: i.html_url,
      author: actorOf(i.user),
      createdAt: i.created_at,
      closedAt: i.closed_at ?? null,
    }));
}

/**
 * The issues this identity opened that carry a marker but lost the label (a person with triage may remove
 * it): still this tool's, so their records (a deactivation, a restore) are not forgotten. Empty when the
 * listing is refused; the labelled listing stays the primary one.
 */
export async function listOwnIssues(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  self: GitHubActor,
  labelled: readonly ExistingIssue[],
): Promise<ExistingIssue[]> {
  const known = new Set(labelled.map((i) => i.number));
  try {
    const mine = await listIssues(octokit, owner, repo, self.login);
    return mine.filter(
      (i) => !known.has(i.number) && parseMarker(i.body) !== null && sameActor(i.author ?? null, self),
    );
  } catch {
    return [];
  }
}

function actorOf(user: { login?: string; id?: number } | null | undefined): GitHubActor | null {
  return user?.login ? { login: user.login, id: typeof user.id === 'number' ? user.id : null } : null;
}

/** Above this many issues, one listing of the repository's comments is cheaper than one per issue. */
const PER_ISSUE_LISTINGS = 20;

/**
 * The comments of these issues, oldest first: one paginated listing per issue, or (for many issues) one of
 * the repository's comments since the oldest of them was opened. Throws what GitHub answers.
 */
export async function listComments(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  issues: readonly Pick<ExistingIssue, 'number' | 'createdAt'>[],
): Promise<Map<number, TrackedComment[]>> {
  const out = new Map<number, TrackedComment[]>(issues.map((i) => [i.number, []]));
  const toTracked = (c: {
    id: number;
    body?: string;
    user?: { login?: string; id?: number } | null;
    created_at: string;
    updated_at: string;
  }): TrackedComment => ({
    id: c.id,
    body: c.body ?? '',
    author: actorOf(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  });
  if (issues.length <= PER_ISSUE_LISTINGS) {
    for (const { number } of issues) {
      const items = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: number,
        per_page: 100,
      });
      out.set(number, items.map(toTracked));
    }
    return out;
  }
  const since = issues
    .map((i) => i.createdAt)
    .filter((t): t is string => !!t)
    .sort()[0];
  const items = await octokit.paginate(octokit.rest.issues.listCommentsForRepo, {
    owner,
    repo,
    sort: 'created',
    direction: 'asc',
    per_page: 100,
    ...(since ? { since } : {}),
  });
  for (const c of items) {
    const n = Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
    out.get(n)?.push(toTracked(c));
  }
  return out;
}

/** Create the labels of new issues that the repository lacks (a concurrent run may win: 422 is fine). */
async function ensureLabels(octokit: GitHubClient, owner: string, repo: string, labels: readonly string[]) {
  for (const name of labels) {
    try {
      await octokit.rest.issues.getLabel({ owner, repo, name });
      continue;
    } catch (e) {
      if (!isHttpError(e) || e.status !== 404) throw e;
    }
    try {
      await octokit.rest.issues.createLabel({
        owner,
        repo,
        name,
        color: name === ISSUE_LABEL ? ISSUE_LABEL_COLOR : EXTRA_LABEL_COLOR,
        ...(name === ISSUE_LABEL ? { description: ISSUE_LABEL_DESCRIPTION } : {}),
      });
    } catch (e) {
      if (!(isHttpError(e) && e.status === 422 && /already_exists/.test(e.message))) throw e;
    }
  }
}

/** Attempts at creating one issue, each after checking that no earlier attempt created it. */
const CREATE_ATTEMPTS = 3;

/**
 * Creating an issue is not idempotent: a 5xx or a reset after GitHub created it, retried blindly, makes a
 * second one. So the retry plugin is off for this request, and after an ambiguous failure the issues are
 * listed again by label and the issue's marker looked for before trying again. Returns the number.
 */
async function createOnce(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  a: Extract<IssueAction, { kind: 'create' }>,
  log: Log,
  self: GitHubActor | null,
): Promise<{ number: number; html_url: string }> {
  const marker = parseMarker(a.body);
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title: a.title,
        body: a.body,
        labels: a.labels,
        request: { retries: 0 },
      });
      return data;
    } catch (e) {
      const ambiguous = isHttpError(e) && e.status >= 500;
      if (!ambiguous || attempt >= CREATE_ATTEMPTS || !marker) throw e;
      const again = await listIssues(octokit, owner, repo);
      // Only an issue this identity opened is the lost one (anyone can write a marker).
      const made = again.find((i) => {
        const m = parseMarker(i.body);
        return (
          m !== null &&
          keyOf(m.accountId, m.userKey) === keyOf(marker.accountId, marker.userKey) &&
          (self === null || sameActor(i.author ?? null, self))
        );
      });
      if (made) return { number: made.number, html_url: made.url ?? '' };
      log.info(`Creating the issue failed (HTTP ${e.status}) and it does not exist; trying again.`);
    }
  }
}

function who(a: { accountId: string; userName?: string }): string {
  return oneLine(
    a.userName !== undefined ? `user ${a.userName} in account ${a.accountId}` : `account ${a.accountId}`,
  );
}

/** Records one issue the sync changed, as the API answered. */
function touched(
  outcome: IssueSyncOutcome,
  action: TouchedIssue['action'],
  a: { accountId: string; userName: string },
  data: { number: number; html_url: string },
): void {
  outcome.issues.push({
    action,
    number: data.number,
    url: data.html_url,
    accountId: a.accountId,
    userName: a.userName,
  });
}

/** Attempts at posting one comment, each after checking that no earlier attempt posted it. */
const COMMENT_ATTEMPTS = 3;

/** A failure after which GitHub may or may not have done the write: a 5xx, or no answer at all. */
function ambiguous(e: unknown): boolean {
  const status = httpStatus(e);
  return status === null ? !(e instanceof TypeError) : status >= 500;
}

/**
 * Posting a comment is not idempotent: a 502 after GitHub stored it, retried blindly (as the retry plugin
 * would), posts it twice. So the plugin is off for this request, and after an ambiguous failure the
 * issue's comments are read back and this exact text (by this identity) looked for before trying again.
 */
async function commentOnce(
  opts: SyncIssuesOptions,
  issueNumber: number,
  body: string,
): Promise<{ html_url: string }> {
  const { octokit, owner, repo, log } = opts;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
        request: { retries: 0 },
      });
      return data;
    } catch (e) {
      if (!ambiguous(e) || attempt >= COMMENT_ATTEMPTS) throw e;
      const posted =
        (await listComments(octokit, owner, repo, [{ number: issueNumber }])).get(issueNumber) ?? [];
      const mine = posted.find((c) => c.body === body && (!opts.self || sameActor(c.author, opts.self)));
      if (mine) return { html_url: '' };
      log.info(
        `Commenting on issue #${issueNumber} failed (${oneLine(errorMessage(e))}) and it is not there; trying again.`,
      );
    }
  }
}

/** A body GitHub accepts whatever the input: the renderers keep under the limit; this is the last guard. */
function capped(body: string): string {
  if (body.length < MAX_ISSUE_BODY) return body;
  const note = '\n\n(cut: the full text is in the JSON report)\n';
  return body.slice(0, MAX_ISSUE_BODY - note.length - 1) + note;
}

/** Carries out one planned action and counts it in `outcome`; throws what GitHub answers. */
async function applyAction(
  opts: SyncIssuesOptions,
  a: IssueAction,
  outcome: IssueSyncOutcome,
): Promise<void> {
  const { octokit, owner, repo, log } = opts;
  switch (a.kind) {
    case 'create': {
      const data = await createOnce(
        octokit,
        owner,
        repo,
        { ...a, body: capped(a.body) },
        log,
        opts.self ?? null,
      );
      outcome.opened++;
      touched(outcome, 'opened', a, data);
      log.info(`Opened issue #${data.number} for ${who(a)}.`);
      // The record of when its keys were first reported: the comment's own time, which nobody can back-date.
      await commentOnce(opts, data.number, capped(a.comment));
      break;
    }
    case 'update': {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: a.number,
        title: a.title,
        body: capped(a.body),
      });
      outcome.updated++;
      touched(outcome, 'updated', a, data);
      log.info(`Updated issue #${a.number} for ${who(a)}.`);
      break;
    }
    case 'reopen': {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: a.number,
        state: 'open',
        title: a.title,
        body: capped(a.body),
      });
      outcome.reopened++;
      touched(outcome, 'reopened', a, data);
      log.info(`Reopened issue #${a.number} for ${who(a)}.`);
      break;
    }
    case 'close': {
      // Comment first (exactly once), then close (idempotent, retried): a close that fails is done again by
      // the next run without a second comment; a close that succeeded always has its comment.
      if (a.comment !== null) await commentOnce(opts, a.number, capped(a.comment));
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: a.number,
        state: 'closed',
        // an accepted exemption is not a fix
        state_reason: a.reason === 'fixed' || a.reason === 'deactivated' ? 'completed' : 'not_planned',
      });
      outcome.closed++;
      touched(outcome, 'closed', a, data);
      log.info(`Closed issue #${a.number} (${a.reason}) for ${who(a)}.`);
      break;
    }
    case 'comment': {
      const data = await commentOnce(opts, a.number, capped(a.comment));
      if (!outcome.issues.some((t) => t.number === a.number)) {
        outcome.updated++;
        touched(outcome, 'updated', a, { number: a.number, html_url: data.html_url });
      }
      log.info(`Commented on issue #${a.number} for ${who(a)} (a record for the audit trail).`);
      break;
    }
    case 'skip':
      break;
  }
}

/** An error that every further write would meet too: a missing permission, disabled issues, the rate limit. */
function stopsEverything(e: unknown): boolean {
  if (!isHttpError(e)) return false;
  return (
    e.status === 401 ||
    e.status === 403 ||
    e.status === 404 ||
    e.status === 410 ||
    /rate limit/i.test(e.message)
  );
}

/** An outcome with nothing changed yet (a fresh object: the sync counts into it). */
export function noIssueChanges(error: string | null = null): IssueSyncOutcome {
  return { opened: 0, updated: 0, reopened: 0, closed: 0, skipped: 0, error, issues: [] };
}

/**
 * Bring the issues in line with the result. Never throws: a missing permission, disabled issues, an
 * exhausted rate limit or any other error comes back in `error`, with what was done before it, so the
 * reports already written are never lost because of GitHub.
 */
export async function syncIssues(opts: SyncIssuesOptions): Promise<IssueSyncOutcome> {
  const { octokit, owner, repo, result, log } = opts;
  const outcome = noIssueChanges();
  const failed: string[] = [];
  try {
    const existing = opts.existing ?? (await listIssues(octokit, owner, repo));
    const actions = planIssueSync(existing, result, {
      extraLabels: opts.extraLabels,
      maxIssues: opts.maxIssues,
      runUrl: opts.runUrl,
      ...(opts.recordAt !== undefined ? { recordAt: opts.recordAt } : {}),
      ...(opts.history ? { history: opts.history } : {}),
      afterDays: opts.afterDays ?? null,
      ...(opts.recognized ? { recognized: opts.recognized } : {}),
    });
    outcome.skipped = actions.filter((a) => a.kind === 'skip').length;
    const firstCreate = actions.find((a) => a.kind === 'create');
    if (firstCreate && firstCreate.kind === 'create') {
      await ensureLabels(octokit, owner, repo, firstCreate.labels);
    }
    for (const a of actions) {
      try {
        await applyAction(opts, a, outcome);
      } catch (e) {
        // One issue GitHub refuses (a body it rejects, a 5xx) does not stop the others.
        if (stopsEverything(e)) throw e;
        if (!isHttpError(e)) {
          log.info(
            `Unexpected error while keeping issues in sync: ${oneLine(e instanceof Error ? (e.stack ?? e.message) : String(e))}`,
          );
        }
        const what = a.kind === 'create' || a.kind === 'skip' ? a.kind : `${a.kind} #${a.number}`;
        failed.push(`${what} for ${who(a)}: ${describeIssueError(e).replace(`${PREFIX}: `, '')}`);
        log.warning(`Issue sync: ${failed.at(-1)!}`);
      }
    }
    if (outcome.skipped > 0) {
      log.info(
        `${outcome.skipped} violating user(s) got no issue: max-issues (${opts.maxIssues}) new issues per run.`,
      );
    }
    if (failed.length > 0) {
      outcome.error =
        `${PREFIX} for ${failed.length} action(s), the others were done: ${failed.slice(0, 3).join('; ')}` +
        (failed.length > 3 ? `; and ${failed.length - 3} more (see the log)` : '') +
        '. The next run tries again.';
    }
  } catch (e) {
    if (!isHttpError(e)) {
      log.info(
        `Unexpected error while keeping issues in sync: ${oneLine(e instanceof Error ? (e.stack ?? e.message) : String(e))}`,
      );
    }
    outcome.error = describeIssueError(e);
  }
  return outcome;
}
