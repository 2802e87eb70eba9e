/**
 * The publishing edge, after the audit: keep failed accounts' alerts -> write every report format ->
 * sync issues -> outputs and verdict. One GitHub client per run, made here. Both shells (the action and
 * the CLI) run `runAudit()` then `publish()`; they only differ in where inputs come from and where the
 * summary goes.
 */
import type { AuditResult, Config, IssueSyncOutcome } from '../model.js';
import type { OutputName } from '../inputs/definitions.js';
import { ReportWriteError, writeReportFiles } from './files.js';
import { reportFiles } from './formats.js';
import { buildOutputs, exitCodeFor } from '../report/outputs.js';
import { createOctokit, type GitHubClient, type GitHubClientSettings } from './octokit.js';
import { fetchCarriedAlerts } from './code-scanning.js';
import { syncIssues } from './issues.js';
import { TOOL_NAME } from '../evaluate/rule.js';

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
}

export interface PublishOutcome {
  /** The audit result with the carried-forward alerts of failed accounts. */
  result: AuditResult;
  issues: IssueSyncOutcome | null;
  outputs: Record<OutputName, string>;
  exitCode: 0 | 1;
  verdict: string;
}

type GitHub = { context: GithubContext; readonly octokit: GitHubClient } | null;

/** The run's one GitHub client, made when first needed (a run that needs none makes none). */
function gitHub(deps: PublishDeps): GitHub {
  const context = deps.github;
  if (!context) return null;
  let client: GitHubClient | null = null;
  return {
    context,
    get octokit() {
      client ??= createOctokit(context.token, { log: deps.log, settings: deps.githubClient });
      return client;
    },
  };
}

export async function publish(
  audited: AuditResult,
  config: Config,
  deps: PublishDeps,
): Promise<PublishOutcome> {
  if (config.remediation.mode !== 'off') {
    // Issue 12's core (evaluate/history.ts, evaluate/remediation.ts, remediate/deactivate.ts) is not
    // wired into publish yet: say so instead of silently doing nothing.
    deps.log.warning(
      `remediate is ${config.remediation.mode}, but this build does not plan or deactivate keys yet: nothing was checked or changed.`,
    );
  }
  const github = gitHub(deps);
  const result = await keepFailedAccountsAlerts(audited, github, deps);

  // A file that cannot be written fails the run, but the issues and the other outputs still happen.
  let writeError: string | null = null;
  try {
    await writeReportFiles(result, config);
    deps.onFilesWritten?.(result);
  } catch (err) {
    if (!(err instanceof ReportWriteError)) throw err;
    writeError = err.message;
    deps.log.warning(writeError);
  }

  let issues: IssueSyncOutcome | null = null;
  if (config.createIssues) {
    issues = await syncIssueTracker(result, config, github, deps);
    if (issues.error) deps.log.warning(issues.error);
  }
  const outputs = buildOutputs(result, { ...reportFiles(config), issues });
  const { code, reason } = exitCodeFor(result, config.failOn);
  if (writeError !== null) {
    return { result, issues, outputs, exitCode: 1, verdict: `${writeError}. ${reason}` };
  }
  return { result, issues, outputs, exitCode: code, verdict: reason };
}

/**
 * DESIGN §4: an account that failed this run must not close its code scanning alerts, so its open alerts
 * are written again. Without GitHub access that is impossible; the user is told what that means.
 */
async function keepFailedAccountsAlerts(
  result: AuditResult,
  github: GitHub,
  deps: PublishDeps,
): Promise<AuditResult> {
  const failed = result.accounts.filter((a) => a.status === 'error').map((a) => a.accountId);
  if (result.mode !== 'live' || failed.length === 0) return result;
  if (!github) {
    deps.log.warning(
      `No GitHub token or repository: the open code scanning alerts of the ${failed.length} failed account(s) ` +
        'cannot be carried forward and will show as fixed until the next good run.',
    );
    return result;
  }
  const { alerts, warning } = await fetchCarriedAlerts({
    octokit: github.octokit,
    owner: github.context.owner,
    repo: github.context.repo,
    toolName: TOOL_NAME,
    failedAccountIds: failed,
    ref: github.context.ref ?? undefined,
    log: deps.log,
  });
  if (warning) deps.log.warning(warning);
  return { ...result, carriedForward: alerts };
}

async function syncIssueTracker(
  result: AuditResult,
  config: Config,
  github: GitHub,
  deps: PublishDeps,
): Promise<IssueSyncOutcome> {
  if (!github) {
    return {
      opened: 0,
      updated: 0,
      reopened: 0,
      closed: 0,
      skipped: 0,
      issues: [],
      error:
        'create-issues needs a GitHub token and repository (GITHUB_REPOSITORY); issues were not updated.',
    };
  }
  return syncIssues({
    octokit: github.octokit,
    owner: github.context.owner,
    repo: github.context.repo,
    result,
    extraLabels: config.issueLabels,
    maxIssues: config.maxIssues,
    runUrl: github.context.runUrl,
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
