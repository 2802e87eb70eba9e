/**
 * The pipeline both shells (the action and the CLI) run:
 * audit -> keep failed accounts' alerts -> write SARIF + JSON -> sync issues -> outputs and verdict.
 * The shells only differ in where inputs come from and where the summary goes.
 */
import type { AuditResult, Config, IssueSyncOutcome } from './model.js';
import { runAudit, type AuditDeps } from './audit.js';
import { writeReportFiles } from './report/files.js';
import { buildOutputs, exitCodeFor } from './report/outputs.js';
import { createOctokit } from './github/octokit.js';
import { fetchCarriedAlerts } from './github/code-scanning.js';
import { syncIssues } from './github/issues.js';
import { TOOL_NAME } from './evaluate/rule.js';

export interface GithubContext {
  token: string;
  owner: string;
  repo: string;
  runUrl: string | null;
  ref: string | null;
}

export interface PipelineDeps extends AuditDeps {
  github: GithubContext | null;
  /** Called as soon as the audit result exists, so a later failure still leaves a summary. */
  onResult?(result: AuditResult): void;
}

export interface PipelineOutcome {
  result: AuditResult;
  issues: IssueSyncOutcome | null;
  outputs: Record<string, string>;
  exitCode: 0 | 1;
  verdict: string;
}

export async function runPipeline(config: Config, deps: PipelineDeps): Promise<PipelineOutcome> {
  if (config.remediation.mode !== 'off') {
    // Issue 12's core (src/evaluate/history.ts, src/evaluate/remediation.ts, src/remediate/deactivate.ts)
    // is not wired into this pipeline yet: say so instead of silently doing nothing.
    deps.log.warning(
      `remediate is ${config.remediation.mode}, but this build does not plan or deactivate keys yet: nothing was checked or changed.`,
    );
  }
  let result = await runAudit(config, deps);
  deps.onResult?.(result);
  result = await keepFailedAccountsAlerts(result, deps);
  deps.onResult?.(result);

  await writeReportFiles(result, config);

  let issues: IssueSyncOutcome | null = null;
  if (config.createIssues) {
    issues = await syncIssueTracker(result, config, deps);
    if (issues.error) deps.log.warning(issues.error);
  }
  const outputs = buildOutputs(result, { sarifFile: config.sarifFile, jsonFile: config.jsonFile, issues });
  const { code, reason } = exitCodeFor(result, config.failOn);
  return { result, issues, outputs, exitCode: code, verdict: reason };
}

/**
 * DESIGN §4: an account that failed this run must not close its code scanning alerts, so its open alerts
 * are written again. Without GitHub access that is impossible; the user is told what that means.
 */
async function keepFailedAccountsAlerts(result: AuditResult, deps: PipelineDeps): Promise<AuditResult> {
  const failed = result.accounts.filter((a) => a.status === 'error').map((a) => a.accountId);
  if (result.mode !== 'live' || failed.length === 0) return result;
  if (!deps.github) {
    deps.log.warning(
      `No GitHub token or repository: the open code scanning alerts of the ${failed.length} failed account(s) ` +
        'cannot be carried forward and will show as fixed until the next good run.',
    );
    return result;
  }
  const octokit = createOctokit(deps.github.token, { log: deps.log });
  const { alerts, warning } = await fetchCarriedAlerts({
    octokit,
    owner: deps.github.owner,
    repo: deps.github.repo,
    toolName: TOOL_NAME,
    failedAccountIds: failed,
    ref: deps.github.ref ?? undefined,
    log: deps.log,
  });
  if (warning) deps.log.warning(warning);
  return { ...result, carriedForward: alerts };
}

async function syncIssueTracker(
  result: AuditResult,
  config: Config,
  deps: PipelineDeps,
): Promise<IssueSyncOutcome> {
  if (!deps.github) {
    return {
      opened: 0,
      updated: 0,
      reopened: 0,
      closed: 0,
      skipped: 0,
      error:
        'create-issues needs a GitHub token and repository (GITHUB_REPOSITORY); issues were not updated.',
    };
  }
  const octokit = createOctokit(deps.github.token, { log: deps.log });
  return syncIssues({
    octokit,
    owner: deps.github.owner,
    repo: deps.github.repo,
    result,
    extraLabels: config.issueLabels,
    maxIssues: config.maxIssues,
    runUrl: deps.github.runUrl,
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
