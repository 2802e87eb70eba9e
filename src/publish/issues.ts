/**
 * One GitHub issue per violating (account, user), kept in sync with the findings (DESIGN §5).
 *
 * The issues are found by the fixed label and the hidden marker in their body, listed with the REST
 * paginator (never the search API, never by title, never by the configurable labels). What to do is
 * decided by a pure planner ({@link planIssueSync}); {@link syncIssues} lists, plans and executes.
 * Only accounts audited successfully in this run can have their issues closed.
 */
import { errorMessage, httpStatus } from '../errors.js';
import type { AuditResult, Finding, IssueSyncOutcome, Scope, TouchedIssue } from '../model.js';
import { oneLine } from '../report/markdown.js';
import {
  closingComment,
  deactivationComment,
  mergeFirstListed,
  parseFirstListed,
  parseMarker,
  renderIssue,
  sameIssueBody,
  userKey,
  type IssueGroup,
} from '../report/issue-body.js';
import { RATE_LIMIT_RETRIES, type GitHubLog } from './github-settings.js';
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
}

export type IssueAction =
  | {
      kind: 'create';
      accountId: string;
      userName: string;
      title: string;
      body: string;
      labels: string[];
    }
  | { kind: 'update'; number: number; accountId: string; userName: string; title: string; body: string }
  | { kind: 'reopen'; number: number; accountId: string; userName: string; title: string; body: string }
  | {
      kind: 'close';
      number: number;
      accountId: string;
      userName: string;
      reason: 'fixed' | 'exempted' | 'duplicate' | 'deactivated';
      comment: string;
    }
  | { kind: 'comment'; number: number; accountId: string; userName: string; comment: string }
  | { kind: 'skip'; accountId: string; userName: string };

export interface PlanOptions {
  extraLabels: readonly string[];
  maxIssues: number;
  runUrl: string | null;
  /**
   * ISO time of this run: record in each body when the issue first listed each key (kept from the open
   * issue, `now` for a key listed for the first time; a reopened issue starts afresh). Absent: bodies
   * carry no first-listed line (as before issue 12).
   */
  recordFirstListedAt?: string;
}

/** The earlier of two ISO times (either may be missing). */
function earlierIso(a: string | null | undefined, b: string | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

interface UserState {
  group: IssueGroup;
  /** Findings that are not exempted: the user violates. */
  violating: Finding[];
  /** Keys of the user this run set Inactive (remediate: deactivate): the issue says so. */
  deactivated: Finding[];
  justification: string | null;
}

/**
 * The user name of a marker's {@link userKey}, for log lines about a user no longer in the findings:
 * the last segment of its ARN (`arn:aws:iam::1:user/path/jdoe` -> `jdoe`), else the key itself.
 */
function userNameOfKey(key: string): string {
  const m = /^arn:[^:]*:iam::[^:]*:user\/(?:.*\/)?([^/]+)$/.exec(key);
  return m ? (m[1] as string) : key;
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
    state.group.findings.push(f);
    if (!f.exempted) state.violating.push(f);
    else if (state.justification === null && f.justification) state.justification = f.justification;
  }
  for (const f of result.remediation?.deactivated ?? []) stateOf(f)?.deactivated.push(f);
  return users;
}

/**
 * What to do to make the issues match the result. Pure.
 * - a violating user with an open issue: update it when its title or body changed;
 *   with only closed issues: reopen the newest; with none: open one (at most `maxIssues`, the rest
 *   are `skip`s);
 * - an open issue of a user without a violation now (fixed or exempted): comment and close it, but
 *   only when the user's account is `ok` in this result. Issues of failed accounts, and of accounts
 *   this run did not audit (excluded, other shards), are left alone.
 */
export function planIssueSync(
  existing: readonly ExistingIssue[],
  result: AuditResult,
  opts: PlanOptions,
): IssueAction[] {
  const okAccounts = new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId));
  const users = usersOf(result);
  const { scope, exemptionTag } = result.settings;
  const renderOpts = { exemptionTag, runUrl: opts.runUrl, scope };
  const commentOpts = { at: result.generatedAt, runUrl: opts.runUrl, exemptionTag };

  const byKey = new Map<string, ExistingIssue[]>();
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    if (!issue.labels.includes(ISSUE_LABEL)) continue;
    const marker = parseMarker(issue.body);
    if (!marker) continue;
    const key = keyOf(marker.accountId, marker.userKey);
    const list = byKey.get(key) ?? [];
    list.push(issue);
    byKey.set(key, list);
  }

  const actions: IssueAction[] = [];
  let created = 0;
  for (const [key, user] of users) {
    if (user.violating.length === 0) continue;
    const { accountId, userName } = user.group;
    const issues = byKey.get(key) ?? [];
    const open = issues.find((i) => i.state === 'open');
    const closed = issues.filter((i) => i.state === 'closed').at(-1);
    const firstListed =
      opts.recordFirstListedAt === undefined
        ? undefined
        : mergeFirstListed(
            parseFirstListed(open?.body),
            user.violating.map((f) => f.location),
            opts.recordFirstListedAt,
          );
    // The body shows when each key was first reported: this issue's own record counts (so a key listed
    // for the first time reads the same tonight and tomorrow, and the body does not change).
    const findings = firstListed
      ? user.violating.map((f) => ({
          ...f,
          firstSeenAt: earlierIso(f.firstSeenAt, firstListed.get(f.location)),
        }))
      : user.violating;
    const { title, body } = renderIssue(
      { ...user.group, findings },
      firstListed ? { ...renderOpts, firstListed } : renderOpts,
    );
    // Two open issues for one user (a lost response once made a second): keep the oldest.
    if (okAccounts.has(accountId)) {
      for (const dup of issues.filter((i) => i.state === 'open' && i !== open)) {
        actions.push({
          kind: 'close',
          number: dup.number,
          accountId,
          userName,
          reason: 'duplicate',
          comment: `Duplicate of #${open!.number}, which tracks this user. Closing this one.`,
        });
      }
    }
    if (open) {
      if (open.title !== title || !sameIssueBody(open.body, body)) {
        actions.push({ kind: 'update', number: open.number, accountId, userName, title, body });
      }
      if (user.deactivated.length > 0) {
        const comment = deactivationComment(user.group, user.deactivated, { ...commentOpts, closing: false });
        actions.push({ kind: 'comment', number: open.number, accountId, userName, comment });
      }
    } else if (closed) {
      actions.push({ kind: 'reopen', number: closed.number, accountId, userName, title, body });
    } else if (created < opts.maxIssues) {
      created++;
      actions.push({
        kind: 'create',
        accountId,
        userName,
        title,
        body,
        labels: issueLabels(opts.extraLabels),
      });
    } else {
      actions.push({ kind: 'skip', accountId, userName });
    }
  }

  actions.push(...closeActions(byKey, users, okAccounts, { scope, commentOpts }));
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
  /** See {@link PlanOptions.recordFirstListedAt}. */
  recordFirstListedAt?: string;
  /** The issues as already listed this run (for the history): not listed again. */
  existing?: ExistingIssue[];
  log: GitHubLog;
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
): Promise<ExistingIssue[]> {
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'all',
    labels: ISSUE_LABEL,
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
    }));
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
  log: GitHubLog,
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
      const made = again.find((i) => {
        const m = parseMarker(i.body);
        return m !== null && keyOf(m.accountId, m.userKey) === keyOf(marker.accountId, marker.userKey);
      });
      if (made) return { number: made.number, html_url: made.url ?? '' };
      log.info(`Creating the issue failed (HTTP ${e.status}) and it does not exist; trying again.`);
    }
  }
}

/** Close the open issues of users audited this run who no longer violate: deactivated, exempted or fixed. */
function closeActions(
  byKey: ReadonlyMap<string, ExistingIssue[]>,
  users: ReadonlyMap<string, UserState>,
  okAccounts: ReadonlySet<string>,
  opts: { scope: Scope; commentOpts: { at: string; runUrl: string | null; exemptionTag: string } },
): IssueAction[] {
  const { scope, commentOpts } = opts;
  const actions: IssueAction[] = [];
  for (const [key, issues] of byKey) {
    const marker = issues[0] ? parseMarker(issues[0].body) : null;
    const accountId = marker?.accountId;
    if (!marker || !accountId || !okAccounts.has(accountId)) continue;
    const user = users.get(key);
    if (user && user.violating.length > 0) continue;
    // Deactivated by this run says so (restore, exempt); else an exempted user's justification; else fixed.
    const reason =
      user && user.deactivated.length > 0
        ? 'deactivated'
        : user && user.group.findings.length > 0
          ? 'exempted'
          : 'fixed';
    const comment =
      reason === 'deactivated'
        ? deactivationComment(user!.group, user!.deactivated, { ...commentOpts, closing: true })
        : reason === 'exempted'
          ? closingComment('exempted', { scope, justification: user!.justification })
          : closingComment('fixed', { scope });
    for (const issue of issues) {
      if (issue.state !== 'open') continue;
      actions.push({
        kind: 'close',
        number: issue.number,
        accountId,
        userName: user?.group.userName ?? userNameOfKey(marker.userKey),
        reason,
        comment,
      });
    }
  }
  return actions;
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

/** Carries out one planned action and counts it in `outcome`; throws what GitHub answers. */
async function applyAction(
  opts: SyncIssuesOptions,
  a: IssueAction,
  outcome: IssueSyncOutcome,
): Promise<void> {
  const { octokit, owner, repo, log } = opts;
  switch (a.kind) {
    case 'create': {
      const data = await createOnce(octokit, owner, repo, a, log);
      outcome.opened++;
      touched(outcome, 'opened', a, data);
      log.info(`Opened issue #${data.number} for ${who(a)}.`);
      break;
    }
    case 'update': {
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: a.number,
        title: a.title,
        body: a.body,
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
        body: a.body,
      });
      outcome.reopened++;
      touched(outcome, 'reopened', a, data);
      log.info(`Reopened issue #${a.number} for ${who(a)}.`);
      break;
    }
    case 'close': {
      // Close first, then comment: if the close fails, the next run tries again without a second
      // comment; one comment per state change.
      const { data } = await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: a.number,
        state: 'closed',
        // an accepted exemption is not a fix
        state_reason: a.reason === 'fixed' || a.reason === 'deactivated' ? 'completed' : 'not_planned',
      });
      await octokit.rest.issues.createComment({ owner, repo, issue_number: a.number, body: a.comment });
      outcome.closed++;
      touched(outcome, 'closed', a, data);
      log.info(`Closed issue #${a.number} (${a.reason}) for ${who(a)}.`);
      break;
    }
    case 'comment': {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: a.number,
        body: a.comment,
      });
      if (!outcome.issues.some((t) => t.number === a.number)) {
        outcome.updated++;
        touched(outcome, 'updated', a, { number: a.number, html_url: data.html_url });
      }
      log.info(`Commented on issue #${a.number}: key(s) of ${who(a)} deactivated by this run.`);
      break;
    }
    case 'skip':
      break;
  }
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
  try {
    const existing = opts.existing ?? (await listIssues(octokit, owner, repo));
    const actions = planIssueSync(existing, result, {
      extraLabels: opts.extraLabels,
      maxIssues: opts.maxIssues,
      runUrl: opts.runUrl,
      ...(opts.recordFirstListedAt !== undefined ? { recordFirstListedAt: opts.recordFirstListedAt } : {}),
    });
    outcome.skipped = actions.filter((a) => a.kind === 'skip').length;
    const firstCreate = actions.find((a) => a.kind === 'create');
    if (firstCreate && firstCreate.kind === 'create') {
      await ensureLabels(octokit, owner, repo, firstCreate.labels);
    }
    for (const a of actions) await applyAction(opts, a, outcome);
    if (outcome.skipped > 0) {
      log.info(
        `${outcome.skipped} violating user(s) got no issue: max-issues (${opts.maxIssues}) new issues per run.`,
      );
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
