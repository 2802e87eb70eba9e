/**
 * The publishing edge, after the audit: read GitHub's history -> remediation -> keep failed accounts'
 * alerts -> write every report format -> the sinks (sinks.ts: issues, then Security Hub) -> outputs and
 * verdict. One GitHub client per run, made here. Both shells (the action and the CLI) run `runAudit()`
 * then `publish()` through run.ts; they only differ in where inputs come from and where the summary goes.
 */
import type { AuditResult, Config, Remediation } from '../model.js';
import type { AwsClientDeps } from '../credentials/aws-config.js';
import type { AuditSession } from '../credentials/session.js';
import type { OutputName } from '../inputs/definitions.js';
import { writeReportFiles } from './files.js';
import { buildOutputs, exitCodeFor, type HistoryCounts } from '../report/outputs.js';
import type { GitHubClientSettings } from './github-settings.js';
import type { GitHubClient } from './octokit.js';
import { carriedFromListing } from './code-scanning.js';
import {
  ISSUE_LABEL,
  describeIssueError,
  listComments,
  listIssues,
  listOwnIssues,
  type ExistingIssue,
  type RecognizedDeactivation,
} from './issues.js';
import { runSinks, type SinkOutcomesByKey } from './sinks.js';
import { listOpenAlerts, type AlertListing } from './history.js';
import { whoAmI } from './github-identity.js';
import {
  applyHistory,
  recordIdOf,
  resolvedByDeactivation,
  sameActor,
  type HistoryView,
} from '../evaluate/history.js';
import { parseMarker, userKey } from '../report/issue-body.js';
import type { GitHubActor, TrackedComment, TrackedIssue } from '../model.js';
import { applyRemediation, dueAtOf, planRemediation, withOutcomes } from '../evaluate/remediation.js';
import { findingIdentity, identityOf } from '../evaluate/identity.js';
import { TOOL_NAME } from '../evaluate/rule.js';
import { errorMessage } from '../errors.js';
import { oneLine } from '../report/markdown.js';
import type { Log } from '../log.js';
import { code, note, notePlain, type Note } from '../notes.js';

export interface GithubContext {
  token: string;
  owner: string;
  repo: string;
  runUrl: string | null;
  ref: string | null;
}

export interface PublishDeps {
  log: Log;
  github: GithubContext | null;
  /** How the GitHub client paces and waits (production: `githubClientSettings()`). */
  githubClient: GitHubClientSettings;
  /** Progress, for a run that is stopped early: the files are in place, written from this result. */
  onFilesWritten?(result: AuditResult): void;
  /** The live audit's session (from `AuditDeps.onSession`): each account's own credentials, for Security Hub. */
  session?: AuditSession | null;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
  /**
   * The SARIF goes to code scanning (the action; not the CLI): when an account failed and its open alerts
   * could not be listed, no SARIF is written, since uploading it would close those alerts as fixed.
   */
  uploadsSarif?: boolean;
  /**
   * Aborted when the run was stopped (cancelled, or past its bound): what is still running writes
   * nothing more (no deactivation, no report file, no sink), since the summary already says it did not.
   */
  stopped?: AbortSignal;
}

/**
 * What publishing did: the result as published, every sink's outcome by its key (`issues`, `securityHub`;
 * null when it did not run), the outputs and the verdict.
 */
export type PublishOutcome = SinkOutcomesByKey & {
  /** The audit result with the carried-forward alerts of failed accounts. */
  result: AuditResult;
  outputs: Record<OutputName, string>;
  exitCode: 0 | 1;
  verdict: string;
};

/** The run's one GitHub client and the repository it works for; null without a token and repository. */
export type RunGitHub = { context: GithubContext; octokit(): Promise<GitHubClient> } | null;

/** The run's one GitHub client, made (and Octokit loaded) when first needed: a run that needs none makes none. */
function gitHub(deps: PublishDeps): RunGitHub {
  const context = deps.github;
  if (!context) return null;
  let client: Promise<GitHubClient> | null = null;
  return {
    context,
    octokit() {
      client ??= import('./octokit.js').then(({ createOctokit }) =>
        createOctokit(context.token, { log: deps.log, settings: deps.githubClient }),
      );
      return client;
    },
  };
}

export async function publish(
  audited: AuditResult,
  config: Config,
  deps: PublishDeps,
): Promise<PublishOutcome> {
  const github = gitHub(deps);
  // GitHub's history, read once: the open alerts of this tool (which also give the failed accounts'
  // alerts to carry forward) and, with create-issues, the issues (which the sync then reuses).
  const listing = github ? await listAlerts(github, deps) : null;
  const existingIssues = config.createIssues && github ? await readIssues(github, audited) : null;
  const { result: withHistory, view } = withRunHistory(audited, listing, existingIssues);
  for (const n of view.ignored) deps.log.warning(`Not counted as evidence: ${notePlain(n)}.`);
  deps.stopped?.throwIfAborted();
  const { result: remediated, recognized } = await remediateDueKeys(
    withHistory,
    config,
    deps,
    view,
    historyBlock(existingIssues),
    existingIssues !== null,
  );
  const { result, held: sarifHeld } = holdSarif(
    keepFailedAccountsAlerts(withDeactivatedResolved(remediated, listing), listing, deps),
    listing,
    deps,
  );

  // A file that cannot be written fails the run, but the issues and the other outputs still happen; its
  // output (`sarif-file`, ...) stays empty, so a later step guarded on it does not read a missing file.
  deps.stopped?.throwIfAborted();
  const files = await writeReportFiles(result, config, sarifHeld ? new Set(['sarifFile']) : undefined);
  const writeError = files.error?.message ?? null;
  if (writeError === null) deps.onFilesWritten?.(result);
  else deps.log.warning(writeError);

  deps.stopped?.throwIfAborted();
  const sinks = await runSinks({
    result,
    config,
    deps,
    github,
    history: { issues: existingIssues, view, recognized },
  });
  const outputs = buildOutputs(result, { ...files.written, ...sinks, history: historyCounts(result) });
  const { code, reason } = exitCodeFor(result, config.failOn);
  if (writeError !== null) {
    return { ...sinks, result, outputs, exitCode: 1, verdict: `${writeError}. ${reason}` };
  }
  return { ...sinks, result, outputs, exitCode: code, verdict: reason };
}

/**
 * docs/design.md §8: under `remediate: plan|deactivate`, decide which keys are due
 * (evaluate/remediation.ts), check each again live with the remediation role right before acting and,
 * under `deactivate`, set it Inactive (remediate/deactivate.ts). Also recognises due keys that left the
 * findings Inactive with no record (a lost answer), to record them. Never throws: a denied role is a
 * warning and that account's keys stay.
 */
async function remediateDueKeys(
  result: AuditResult,
  config: Config,
  deps: PublishDeps,
  view: HistoryView,
  block: string | null,
  issuesRead: boolean,
): Promise<{ result: AuditResult; recognized: RecognizedDeactivation[] }> {
  const settings = config.remediation;
  if (settings.mode === 'off' || result.mode !== 'live') return { result, recognized: [] };
  // A key is due only where its owner was told on its issue (and the deactivation can be recorded there).
  const told = (f: AuditResult['findings'][number]) => !issuesRead || view.listed.has(recordIdOf(f));
  const firstSeen = new Map(
    result.findings.map((f) => [findingIdentity(f), block || !told(f) ? null : (f.firstSeenAt ?? null)]),
  );
  const planned = planRemediation(result.findings, firstSeen, settings, result.asOf);
  const plan = {
    ...planned,
    byLocation: explainNotDue(planned.byLocation, view, {
      block,
      untold: new Set(result.findings.filter((f) => !told(f)).map(findingIdentity)),
      afterDays: settings.afterDays,
      at: result.generatedAt,
    }),
  };
  const session = deps.session ?? null;
  const warnings: Note[] = [];
  let outcomes: ReadonlyMap<string, Pick<Remediation, 'status' | 'reason'>> = new Map();
  if (plan.toAct.length > 0 && (session === null || settings.roleName === null)) {
    // Cannot happen in a live run (the session exists and the role is required), but never act blind.
    const why = 'no AWS session for the remediation role';
    warnings.push(note`Remediation: ${why}; ${plan.toAct.length} due key(s) stay Active.`);
    deps.log.warning(notePlain(warnings[0]!));
    outcomes = new Map(
      plan.toAct.map((f) => [findingIdentity(f), { status: 'skipped' as const, reason: why }]),
    );
  } else if (plan.toAct.length > 0 && session !== null && settings.roleName !== null) {
    const roleName = settings.roleName;
    // The IAM client loads only when keys are due (an offline run never loads the AWS SDK).
    const { deactivateDueKeys } = await import('../remediate/deactivate.js');
    const done = await deactivateDueKeys({
      keys: plan.toAct,
      mode: settings.mode,
      roleName,
      assume: (accountId) => session.assumeRoleIn(accountId, roleName),
      region: config.awsRegion,
      unusedDays: result.settings.unusedDays,
      asOf: result.asOf,
      reasons: settings.reasons,
      exemptionTag: result.settings.exemptionTag,
      concurrency: config.concurrency,
      log: deps.log,
      ...(deps.aws ? { aws: deps.aws } : {}),
    });
    warnings.push(...done.warnings);
    outcomes = done.byLocation;
  }
  const recognized = block ? [] : await recognizeLost(result, config, deps, view);
  for (const r of recognized) {
    const w = note`Access key ${code(r.accessKeyId)} of ${code(r.userName)} in account ${code(r.accountId)} was due and is Inactive now with no record of the change: recorded as this tool's deactivation (unconfirmed) on its issue, with the command to restore it.`;
    warnings.push(w);
    deps.log.warning(notePlain(w));
  }
  const remediations = withOutcomes(plan, outcomes);
  const applied = applyRemediation(result, settings.mode, plan, remediations, warnings);
  const n = applied.remediation?.deactivated.length ?? 0;
  deps.log.info(
    `Remediation (${settings.mode}): ${plan.dueCount} key(s) due, ${plan.toAct.length} checked again` +
      (settings.mode === 'deactivate' ? `, ${n} deactivated.` : ', nothing changed (plan).'),
  );
  return { result: applied, recognized };
}

/** Not-due keys say why: the history could not be trusted this run, or a person restored the key. */
function explainNotDue(
  byLocation: ReadonlyMap<string, Remediation>,
  view: HistoryView,
  opts: { block: string | null; untold: ReadonlySet<string>; afterDays: number; at: string },
): Map<string, Remediation> {
  const out = new Map(byLocation);
  for (const [location, r] of byLocation) {
    if (r.status !== 'not-due' || r.dueAt !== null) continue;
    const restoredAt = view.restored.get(location);
    if (restoredAt) {
      out.set(location, {
        status: 'not-due',
        dueAt: dueAtOf(opts.at, opts.afterDays),
        reason:
          `made Active again by a person after this tool deactivated it on ${restoredAt.slice(0, 10)}: ` +
          `a deliberate decision, so a new notice period of ${opts.afterDays} day(s) starts with this run`,
      });
    } else if (opts.block) {
      out.set(location, { ...r, reason: opts.block });
    } else if (opts.untold.has(location)) {
      out.set(location, {
        ...r,
        reason:
          "not yet recorded on its user's issue (a new issue, or one max-issues held back): a key is due only " +
          `remediate-after-days (${opts.afterDays}) after its owner's issue lists it, where its deactivation is recorded`,
      });
    }
  }
  return out;
}

/** Due keys of the records that left the findings Inactive with no record: a deactivation whose answer was lost. */
async function recognizeLost(
  result: AuditResult,
  config: Config,
  deps: PublishDeps,
  view: HistoryView,
): Promise<RecognizedDeactivation[]> {
  const session = deps.session ?? null;
  const asOf = Date.parse(result.asOf);
  const due = view.openElsewhere.filter((k) => {
    const at = dueAtOf(k.since, config.remediation.afterDays);
    return at !== null && Date.parse(at) <= asOf;
  });
  if (due.length === 0 || session === null) return [];
  const { findInactive } = await import('../remediate/deactivate.js');
  const inactive = await findInactive(
    due.map((k) => ({ accountId: k.accountId, userName: k.userName, accessKeyId: k.keyId })),
    {
      credentialsFor: (accountId) => session.credentialsFor(accountId),
      region: config.awsRegion,
      concurrency: config.concurrency,
      ...(deps.aws ? { aws: deps.aws } : {}),
    },
  );
  const byId = new Map(due.map((k) => [k.keyId, k]));
  return inactive.map((c) => {
    const k = byId.get(c.accessKeyId)!;
    return { ...c, ruleId: k.ruleId, location: k.location, issue: k.issue };
  });
}

/** The history and remediation counts of the outputs (docs/design.md §8). */
function historyCounts(result: AuditResult): HistoryCounts {
  return {
    newFindings: result.history?.newFindings ?? null,
    resolvedFindings: result.history?.resolvedFindings ?? null,
    keysDue: result.remediation?.keysDue ?? 0,
    keysDeactivated: result.remediation?.deactivated.length ?? 0,
  };
}

async function listAlerts(github: NonNullable<RunGitHub>, deps: PublishDeps): Promise<AlertListing> {
  return listOpenAlerts({
    octokit: await github.octokit(),
    owner: github.context.owner,
    repo: github.context.repo,
    toolName: TOOL_NAME,
    ref: github.context.ref ?? undefined,
    log: deps.log,
  });
}

/** This tool's issues with their record comments, read once for the history and the sync, or why not. */
export interface IssueListing {
  issues: ExistingIssue[] | null;
  /** The issues as the history reads them (with comments where they were read); null when not listed. */
  tracked: TrackedIssue[] | null;
  /** The identity this run writes as; null when unknown (then no issue or comment counts as evidence). */
  self: GitHubActor | null;
  /** False when the record comments could not be read. */
  recordsRead: boolean;
  notes: Note[];
  /** The sync's own wording of a listing failure. */
  error: string | null;
}

/**
 * This tool's issues, the identity this run writes as, and the comments of the issues that matter: the
 * open ones this identity opened, and the closed ones of users reported now (a key back after a fix or a
 * deactivation). Never throws.
 */
async function readIssues(github: NonNullable<RunGitHub>, audited: AuditResult): Promise<IssueListing> {
  const octokit = await github.octokit();
  const { owner, repo } = github.context;
  let issues: ExistingIssue[];
  try {
    issues = await listIssues(octokit, owner, repo);
  } catch (err) {
    // The sync then reports this error as its own, instead of waiting for a second failing listing.
    return {
      issues: null,
      tracked: null,
      self: null,
      recordsRead: false,
      notes: [note`the issues could not be listed (${oneLine(errorMessage(err))})`],
      error: describeIssueError(err),
    };
  }
  const notes: Note[] = [];
  const identity = await whoAmI(octokit);
  const self = identity.ok ? identity.self : null;
  if (self !== null) {
    // an issue of ours whose label someone removed is still ours: its records are not forgotten
    const unlabelled = await listOwnIssues(octokit, owner, repo, self, issues);
    if (unlabelled.length > 0) {
      notes.push(
        note`issue(s) ${code(unlabelled.map((i) => `#${i.number}`).join(', '))} lost the ${code(ISSUE_LABEL)} label; still this tool's (its author and marker say so)`,
      );
      issues = [...issues, ...unlabelled.map((i) => ({ ...i, labels: [...i.labels, ISSUE_LABEL] }))];
    }
  }
  if (!identity.ok) {
    notes.push(
      note`the identity this workflow writes as could not be read (GraphQL ${code('viewer')}: ${identity.detail}), so no issue or comment counts as evidence`,
    );
  }
  const reported = new Set(
    audited.findings.map((f) => `${f.accountId}\u0000${userKey(f.userArn, f.userName)}`),
  );
  const needed = issues.filter((i) => {
    const m = parseMarker(i.body);
    if (!m || self === null || !sameActor(i.author ?? null, self)) return false;
    return i.state === 'open' || reported.has(`${m.accountId}\u0000${m.userKey}`);
  });
  let comments = new Map<number, TrackedComment[]>();
  let recordsRead = self !== null;
  try {
    comments = await listComments(octokit, owner, repo, needed);
  } catch (err) {
    recordsRead = false;
    notes.push(note`the issues' record comments could not be read (${oneLine(errorMessage(err))})`);
  }
  const tracked: TrackedIssue[] = issues.map((i) => ({
    number: i.number,
    state: i.state,
    author: i.author ?? null,
    createdAt: i.createdAt ?? '',
    closedAt: i.closedAt ?? null,
    marker: parseMarker(i.body),
    comments: comments.get(i.number) ?? null,
  }));
  return { issues, tracked, self, recordsRead, notes, error: null };
}

/** Why no key can be due this run (the records that tell restores and notices apart are unreadable), or null. */
function historyBlock(issues: IssueListing | null): string | null {
  if (issues === null || (issues.recordsRead && issues.self !== null)) return null;
  return (
    "this tool's issue records could not be read this run (see the history notes): no key is due until " +
    'they can be, so that a key a person restored is never deactivated again blind'
  );
}

/** Each finding's record location and firstSeenAt, and what changed (docs/design.md §8), from what GitHub remembers. */
function withRunHistory(
  result: AuditResult,
  listing: AlertListing | null,
  issues: IssueListing | null,
): { result: AuditResult; view: HistoryView } {
  const notes: Note[] = [];
  if (listing === null) notes.push(note`no GitHub token or repository`);
  else if (!listing.ok)
    notes.push(note`the code scanning alerts could not be listed (${listing.detail}): ${listing.why}`);
  notes.push(...(issues?.notes ?? []));
  const view = applyHistory(result, {
    alerts: listing?.ok ? listing.alerts : null,
    issues: issues?.tracked ?? null,
    self: issues?.self ?? null,
    notes,
  });
  const available = view.newFindings !== null;
  return {
    view,
    result: {
      ...result,
      // Tampering is worth a line: what did not count as evidence, and why.
      notes: [...result.notes, ...view.ignored.map((n) => note`Not counted as evidence: ${n}.`)],
      findings: result.findings.map((f) => {
        const location = view.relocated.get(findingIdentity(f)) ?? f.location;
        return {
          ...f,
          location,
          firstSeenAt: view.firstSeenAt.get(identityOf(f.ruleId, location)) ?? null,
          remediation: f.remediation ?? null,
        };
      }),
      history: {
        available,
        newFindings: view.newFindings?.length ?? null,
        resolvedFindings: view.resolvedFindings?.length ?? null,
        notes: view.notes,
        ignored: view.ignored,
      },
    },
  };
}

/**
 * When an account failed and the open alerts could not be listed, its alerts cannot be carried forward:
 * uploading this run's SARIF would close them as fixed. So the action writes no SARIF then (the example
 * workflows upload only a file that was written) and says why. The CLI, which uploads nothing, writes it.
 */
function holdSarif(
  result: AuditResult,
  listing: AlertListing | null,
  deps: PublishDeps,
): { result: AuditResult; held: boolean } {
  const failed = result.accounts.filter((a) => a.status === 'error');
  if (!deps.uploadsSarif || result.mode !== 'live' || failed.length === 0 || listing?.ok) {
    return { result, held: false };
  }
  const n = note`No SARIF was written: ${String(failed.length)} account(s) could not be audited and the open code scanning alerts could not be listed to carry theirs forward, so an upload would close them as fixed. The alerts stay as they are until a run that can list them (${code('security-events: read')}).`;
  deps.log.warning(notePlain(n));
  return { result: { ...result, notes: [...result.notes, n] }, held: true };
}

/** A key this run set Inactive is no longer a finding: its open alert counts as resolved now. */
function withDeactivatedResolved(result: AuditResult, listing: AlertListing | null): AuditResult {
  const history = result.history;
  const gone = result.remediation?.deactivated ?? [];
  if (gone.length === 0 || !history || history.resolvedFindings === null || !listing?.ok) return result;
  const resolved = history.resolvedFindings + resolvedByDeactivation(listing.alerts, gone);
  return { ...result, history: { ...history, resolvedFindings: resolved } };
}

/**
 * docs/design.md §4: an account that failed this run must not close its code scanning alerts, so its open alerts
 * are written again (from the run's one alert listing). Without GitHub access that is impossible; the
 * user is told what that means.
 */
function keepFailedAccountsAlerts(
  result: AuditResult,
  listing: AlertListing | null,
  deps: PublishDeps,
): AuditResult {
  const failed = result.accounts.filter((a) => a.status === 'error').map((a) => a.accountId);
  if (result.mode !== 'live' || failed.length === 0) return result;
  if (!listing) {
    deps.log.warning(
      `No GitHub token or repository: the open code scanning alerts of the ${failed.length} failed account(s) ` +
        'cannot be carried forward and will show as fixed until the next good run.',
    );
    return result;
  }
  const { alerts, warning } = carriedFromListing(listing, failed, deps.log);
  if (warning) deps.log.warning(warning);
  return { ...result, carriedForward: alerts };
}

/** The repository and run this is working for, from the runner's environment. */
export function githubContextFromEnv(
  token: string | null,
  env: NodeJS.ProcessEnv = process.env,
): GithubContext | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) return null;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  return { token, owner, repo, runUrl, ref: env.GITHUB_REF ?? null };
}
