/**
 * The pipeline both shells (the action and the CLI) run:
 * audit -> keep failed accounts' alerts -> write SARIF + JSON -> sync issues -> Security Hub -> outputs and verdict.
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
import type { AuditSession } from './credentials/session.js';
import { publishToSecurityHub, type SecurityHubOutcome } from './publish/security-hub.js';
import { VERSION } from './version.js';

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
  /** Null when `security-hub` is off or the run was not live. */
  securityHub: SecurityHubOutcome | null;
  outputs: Record<string, string>;
  exitCode: 0 | 1;
  verdict: string;
}

export async function runPipeline(config: Config, deps: PipelineDeps): Promise<PipelineOutcome> {
  let session: AuditSession | null = null;
  let result = await runAudit(config, {
    ...deps,
    onSession: (s) => {
      session = s;
      deps.onSession?.(s);
    },
  });
  deps.onResult?.(result);
  result = await keepFailedAccountsAlerts(result, deps);
  deps.onResult?.(result);

  await writeReportFiles(result, config);

  let issues: IssueSyncOutcome | null = null;
  if (config.createIssues) {
    issues = await syncIssueTracker(result, config, deps);
    if (issues.error) deps.log.warning(issues.error);
  }
  const securityHub = await importIntoSecurityHub(result, config, deps, session);
  const outputs = buildOutputs(result, {
    sarifFile: config.sarifFile,
    jsonFile: config.jsonFile,
    issues,
    securityHub,
  });
  const { code, reason } = exitCodeFor(result, config.failOn);
  return { result, issues, securityHub, outputs, exitCode: code, verdict: reason };
}

/** DESIGN §9: each account's findings into its own Security Hub, with the audit's session. Never throws. */
async function importIntoSecurityHub(
  result: AuditResult,
  config: Config,
  deps: PipelineDeps,
  session: AuditSession | null,
): Promise<SecurityHubOutcome | null> {
  if (!config.securityHub || result.mode !== 'live' || session === null) return null;
  const s: AuditSession = session;
  return publishToSecurityHub({
    result,
    credentialsFor: (accountId) => s.credentialsFor(accountId),
    roleArnFor: (accountId) => s.roleArnFor(accountId) ?? s.callerArn,
    region: config.securityHubRegion,
    partition: config.partition,
    concurrency: config.concurrency,
    toolVersion: VERSION,
    sourceUrl: deps.github?.runUrl ?? null,
    log: deps.log,
  });
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
