/**
 * DESIGN §4: an account that failed this run must not close its code scanning alerts. This lists the
 * open alerts of our tool and keeps those whose location is under a failed account, so the SARIF
 * writer can report them again (same path, same fingerprint) marked `carriedForward`.
 */
import { errorMessage, httpStatus } from '../errors.js';
import type { CarriedAlert } from '../model.js';
import { oneLine } from '../report/markdown.js';
import type { GitHubClient, GitHubLog } from './octokit.js';

export interface FetchCarriedAlertsOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  toolName: string;
  failedAccountIds: string[];
  /** The ref the SARIF is uploaded for (`refs/heads/main`); default: the default branch. */
  ref?: string;
  log: GitHubLog;
}

/** `aws/123456789012/...` -> `123456789012` when that account is one of `accounts`. */
function accountOf(path: string, accounts: ReadonlySet<string>): string | null {
  const m = /^aws\/([^/]+)\//.exec(path);
  return m && accounts.has(m[1] as string) ? (m[1] as string) : null;
}

export async function fetchCarriedAlerts(
  opts: FetchCarriedAlertsOptions,
): Promise<{ alerts: CarriedAlert[]; warning: string | null }> {
  const { octokit, owner, repo, toolName, log } = opts;
  const failed = new Set(opts.failedAccountIds);
  if (failed.size === 0) return { alerts: [], warning: null };
  try {
    const items = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, {
      owner,
      repo,
      tool_name: toolName,
      state: 'open',
      per_page: 100,
      ...(opts.ref ? { ref: opts.ref } : {}),
    });
    const byLocation = new Map<string, CarriedAlert>();
    for (const alert of items) {
      const instance = alert.most_recent_instance;
      const path = instance?.location?.path;
      if (!path) continue;
      const accountId = accountOf(path, failed);
      if (!accountId || byLocation.has(path)) continue;
      byLocation.set(path, { accountId, location: path, message: instance.message?.text ?? '' });
    }
    const alerts = [...byLocation.values()].sort((a, b) =>
      a.location < b.location ? -1 : a.location > b.location ? 1 : 0,
    );
    log.info(
      `Carrying forward ${alerts.length} open code scanning alert(s) of ${failed.size} failed account(s).`,
    );
    return { alerts, warning: null };
  } catch (e) {
    // Any error, not only HTTP ones: the SARIF, JSON and summary must not be lost because of GitHub.
    const status = httpStatus(e);
    if (status === null) {
      log.info(
        `Unexpected error while listing code scanning alerts: ${oneLine(e instanceof Error ? (e.stack ?? e.message) : String(e))}`,
      );
    }
    const accounts = [...failed].sort().join(', ');
    const why =
      status === null
        ? 'an unexpected error'
        : status === 403
          ? 'the workflow token lacks `security-events: read` (add `permissions: security-events: read`, or `write`, which upload-sarif needs anyway)'
          : status === 404
            ? 'code scanning is not enabled or has no analysis of this tool yet'
            : 'the GitHub API failed';
    const message = oneLine(errorMessage(e));
    const detail = status === null ? message : `HTTP ${status}: ${message}`;
    return {
      alerts: [],
      warning:
        `Could not list the open code scanning alerts (${detail}): ${why}. ` +
        `The alerts of the failed account(s) ${accounts} will show as fixed until their next successful run.`,
    };
  }
}
