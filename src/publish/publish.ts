/**
 * The publishing edge, after the audit: keep failed accounts' alerts -> write every report format ->
 * sync issues -> Security Hub -> outputs and verdict. One GitHub client per run, made here. Both shells (the action and
 * the CLI) run `runAudit()` then `publish()`; they only differ in where inputs come from and where the
 * summary goes.
 */
import type { AuditResult, Config, IssueSyncOutcome, Remediation, SecurityHubOutcome } from '../model.js';
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
  listIssues,
  noIssueChanges,
  syncIssues,
  type ExistingIssue,
} from './issues.js';
import { issueFirstListed, listOpenAlerts, type AlertListing } from './history.js';
import { applyHistory, resolvedByDeactivation } from '../evaluate/history.js';
import { applyRemediation, planRemediation, withOutcomes } from '../evaluate/remediation.js';
import { toIsoSecond } from '../evaluate/evaluate.js';
import { TOOL_NAME } from '../evaluate/rule.js';
import { errorMessage } from '../errors.js';
import { oneLine } from '../report/markdown.js';
import { VERSION } from '../version.js';
import { note, notePlain, type Note } from '../notes.js';

export interface GithubContext {
  token: string;
  owner: string;
  repo: string;
  runUrl: string | null;
  ref: string | null;
}

export interface PublishDeps {
  log: { info(message: string): void; warning(message: string): void; debug?(message: string): void };
  github: GithubContext | null;
  /** How the GitHub client paces and waits (production: `githubClientSettings()`). */
  githubClient: GitHubClientSettings;
  /** Progress, for a run that is stopped early: the files are in place, written from this result. */
  onFilesWritten?(result: AuditResult): void;
  /** The live audit's session (from `AuditDeps.onSession`): each account's own credentials, for Security Hub. */
  session?: AuditSession | null;
  /** Settings of every AWS client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
}

export interface PublishOutcome {
  /** The audit result with the carried-forward alerts of failed accounts. */
  result: AuditResult;
  issues: IssueSyncOutcome | null;
  /** Null when `security-hub` is off or the run was not live. */
  securityHub: SecurityHubOutcome | null;
  outputs: Record<OutputName, string>;
  exitCode: 0 | 1;
  verdict: string;
}

type GitHub = { context: GithubContext; octokit(): Promise<GitHubClient> } | null;

/** The run's one GitHub client, made (and Octokit loaded) when first needed: a run that needs none makes none. */
function gitHub(deps: PublishDeps): GitHub {
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
  const existingIssues = config.createIssues && github ? await listIssuesOnce(github) : null;
  const withHistory = withRunHistory(audited, listing, existingIssues);
  const remediated = await remediateDueKeys(withHistory, config, deps);
  const result = keepFailedAccountsAlerts(withDeactivatedResolved(remediated, listing), listing, deps);

  // A file that cannot be written fails the run, but the issues and the other outputs still happen; its
  // output (`sarif-file`, ...) stays empty, so a later step guarded on it does not read a missing file.
  const files = await writeReportFiles(result, config);
  const writeError = files.error?.message ?? null;
  if (writeError === null) deps.onFilesWritten?.(result);
  else deps.log.warning(writeError);

  let issues: IssueSyncOutcome | null = null;
  if (config.createIssues) {
    issues = existingIssues?.error
      ? noIssueChanges(existingIssues.error)
      : await syncIssueTracker(result, config, github, deps, existingIssues?.issues ?? undefined);
    if (issues.error) deps.log.warning(issues.error);
  }
  const securityHub = await importIntoSecurityHub(result, config, github, deps);
  const outputs = buildOutputs(result, {
    ...files.written,
    issues,
    history: historyCounts(result),
    securityHub,
  });
  const { code, reason } = exitCodeFor(result, config.failOn);
  if (writeError !== null) {
    return { result, issues, securityHub, outputs, exitCode: 1, verdict: `${writeError}. ${reason}` };
  }
  return { result, issues, securityHub, outputs, exitCode: code, verdict: reason };
}

/**
 * DESIGN §8: under `remediate: plan|deactivate`, decide which keys are due (evaluate/remediation.ts), check
 * each again live with the remediation role right before acting and, under `deactivate`, set it Inactive
 * (remediate/deactivate.ts). Never throws: a denied role is a warning and that account's keys stay.
 */
async function remediateDueKeys(
  result: AuditResult,
  config: Config,
  deps: PublishDeps,
): Promise<AuditResult> {
  const settings = config.remediation;
  if (settings.mode === 'off' || result.mode !== 'live') return result;
  const firstSeen = new Map(result.findings.map((f) => [f.location, f.firstSeenAt ?? null]));
  const plan = planRemediation(result.findings, firstSeen, settings, result.asOf);
  const session = deps.session ?? null;
  const warnings: Note[] = [];
  let outcomes: ReadonlyMap<string, Pick<Remediation, 'status' | 'reason'>> = new Map();
  if (plan.toAct.length > 0 && (session === null || settings.roleName === null)) {
    // Cannot happen in a live run (the session exists and the role is required), but never act blind.
    const why = 'no AWS session for the remediation role';
    warnings.push(note`Remediation: ${why}; ${plan.toAct.length} due key(s) stay Active.`);
    deps.log.warning(notePlain(warnings[0]!));
    outcomes = new Map(plan.toAct.map((f) => [f.location, { status: 'skipped' as const, reason: why }]));
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
      concurrency: config.concurrency,
      log: deps.log,
      ...(deps.aws ? { aws: deps.aws } : {}),
    });
    warnings.push(...done.warnings);
    outcomes = done.byLocation;
  }
  const remediations = withOutcomes(plan, outcomes);
  const applied = applyRemediation(result, settings.mode, plan, remediations, warnings);
  const n = applied.remediation?.deactivated.length ?? 0;
  deps.log.info(
    `Remediation (${settings.mode}): ${plan.dueCount} key(s) due, ${plan.toAct.length} checked again` +
      (settings.mode === 'deactivate' ? `, ${n} deactivated.` : ', nothing changed (plan).'),
  );
  return applied;
}

/** The history and remediation counts of the outputs (DESIGN §8). */
function historyCounts(result: AuditResult): HistoryCounts {
  return {
    newFindings: result.history?.newFindings ?? null,
    resolvedFindings: result.history?.resolvedFindings ?? null,
    keysDue: result.remediation?.keysDue ?? 0,
    keysDeactivated: result.remediation?.deactivated.length ?? 0,
  };
}

/** DESIGN §9: each account's findings into its own Security Hub, with the audit's session. Never throws. */
async function importIntoSecurityHub(
  result: AuditResult,
  config: Config,
  github: GitHub,
  deps: PublishDeps,
): Promise<SecurityHubOutcome | null> {
  const session = deps.session ?? null;
  if (!config.securityHub || result.mode !== 'live' || session === null) return null;
  const { publishToSecurityHub } = await import('./security-hub.js');
  return publishToSecurityHub({
    result,
    credentialsFor: (accountId) => session.credentialsFor(accountId),
    roleArnFor: (accountId) => session.roleArnFor(accountId) ?? session.callerArn,
    region: config.securityHubRegion,
    partition: config.partition,
    concurrency: config.concurrency,
    toolVersion: VERSION,
    sourceUrl: github?.context.runUrl ?? null,
    log: deps.log,
    ...(deps.aws ? { aws: deps.aws } : {}),
  });
}

async function listAlerts(github: NonNullable<GitHub>, deps: PublishDeps): Promise<AlertListing> {
  return listOpenAlerts({
    octokit: await github.octokit(),
    owner: github.context.owner,
    repo: github.context.repo,
    toolName: TOOL_NAME,
    ref: github.context.ref ?? undefined,
    log: deps.log,
  });
}

/** This tool's issues, listed once, or why not (`error`: the sync's own wording of it). */
interface IssueListing {
  issues: ExistingIssue[] | null;
  note: Note | null;
  error: string | null;
}

/** This tool's issues, listed once for the history and the sync. */
async function listIssuesOnce(github: NonNullable<GitHub>): Promise<IssueListing> {
  try {
    const issues = await listIssues(await github.octokit(), github.context.owner, github.context.repo);
    return { issues, note: null, error: null };
  } catch (err) {
    // The sync then reports this error as its own, instead of waiting for a second failing listing.
    return {
      issues: null,
      note: note`the issues could not be listed (${oneLine(errorMessage(err))})`,
      error: describeIssueError(err),
    };
  }
}

/** Each finding's firstSeenAt, and what changed (DESIGN §8), from what GitHub remembers. */
function withRunHistory(
  result: AuditResult,
  listing: AlertListing | null,
  issues: IssueListing | null,
): AuditResult {
  const notes: Note[] = [];
  if (listing === null) notes.push(note`no GitHub token or repository`);
  else if (!listing.ok)
    notes.push(note`the code scanning alerts could not be listed (${listing.detail}): ${listing.why}`);
  if (issues?.note) notes.push(issues.note);
  const view = applyHistory(result, {
    alerts: listing?.ok ? listing.alerts : null,
    issueFirstListed: issues?.issues ? issueFirstListed(issues.issues, ISSUE_LABEL) : null,
    notes,
  });
  const available = view.newFindings !== null;
  return {
    ...result,
    findings: result.findings.map((f) => ({
      ...f,
      firstSeenAt: view.firstSeenAt.get(f.location) ?? null,
      remediation: f.remediation ?? null,
    })),
    history: {
      available,
      newFindings: view.newFindings?.length ?? null,
      resolvedFindings: view.resolvedFindings?.length ?? null,
      notes: view.notes,
    },
  };
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
 * DESIGN §4: an account that failed this run must not close its code scanning alerts, so its open alerts
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

async function syncIssueTracker(
  result: AuditResult,
  config: Config,
  github: GitHub,
  deps: PublishDeps,
  existing: ExistingIssue[] | undefined,
): Promise<IssueSyncOutcome> {
  if (!github) {
    return noIssueChanges(
      'create-issues needs a GitHub token and repository (GITHUB_REPOSITORY); issues were not updated.',
    );
  }
  return syncIssues({
    octokit: await github.octokit(),
    owner: github.context.owner,
    repo: github.context.repo,
    result,
    extraLabels: config.issueLabels,
    maxIssues: config.maxIssues,
    runUrl: github.context.runUrl,
    recordFirstListedAt: toIsoSecond(Date.parse(result.generatedAt)),
    ...(existing ? { existing } : {}),
    log: deps.log,
  });
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
