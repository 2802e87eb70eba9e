/**
 * What GitHub remembers of earlier runs (docs/design.md §8), read once per run at the edge:
 * - the open code scanning alerts of this tool (one paginated listing; `security-events: read`), which
 *   serve both the history (`created_at` per location) and the carried-forward alerts of failed
 *   accounts (src/publish/code-scanning.ts derives those from the same listing);
 * - the record comments the action keeps in its own issues (listed with the issues, src/publish/issues.ts).
 * A missing permission or code scanning being off makes a source unavailable, with a note; never an error.
 */
import type { OpenAlert } from '../model.js';
import { errorMessage, httpStatus } from '../errors.js';
import { oneLine } from '../report/markdown.js';
import type { Log } from '../log.js';
import type { GitHubClient } from './octokit.js';
import { code, note, type Note } from '../notes.js';

export interface ListOpenAlertsOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  toolName: string;
  /** The ref the SARIF is uploaded for (`refs/heads/main`); default: the default branch. */
  ref?: string;
  log: Log;
}

/** The open alerts of this tool, or (when they could not be listed) why not. */
export type AlertListing =
  | { ok: true; alerts: OpenAlert[] }
  | {
      ok: false;
      /** HTTP status, or null for an error that is not an HTTP one. */
      status: number | null;
      /** `HTTP 403: Resource not accessible by integration`, one line. */
      detail: string;
      /** What it means and what to add, one sentence part. */
      why: Note;
    };

/** Why listing failed, by status: the permission to add, or that code scanning is off. */
function alertListingWhy(status: number | null): Note {
  return status === null
    ? note`an unexpected error`
    : status === 403
      ? note`the workflow token lacks ${code('security-events: read')} (add ${code('permissions: security-events: read')}, or ${code('write')}, which upload-sarif needs anyway)`
      : status === 404
        ? note`code scanning is not enabled or has no analysis of this tool yet`
        : note`the GitHub API failed`;
}

/** Lists the open alerts of `toolName` once (paginated). Never throws. */
export async function listOpenAlerts(opts: ListOpenAlertsOptions): Promise<AlertListing> {
  const { octokit, owner, repo, toolName, log } = opts;
  try {
    const items = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, {
      owner,
      repo,
      tool_name: toolName,
      state: 'open',
      per_page: 100,
      ...(opts.ref ? { ref: opts.ref } : {}),
    });
    const alerts: OpenAlert[] = [];
    for (const alert of items) {
      const instance = alert.most_recent_instance;
      const path = instance?.location?.path;
      if (!path) continue;
      alerts.push({
        ...(alert.rule?.id ? { ruleId: alert.rule.id } : {}),
        location: path,
        createdAt: alert.created_at,
        message: instance.message?.text ?? '',
      });
    }
    return { ok: true, alerts };
  } catch (e) {
    // Any error, not only HTTP ones: the SARIF, JSON and summary must not be lost because of GitHub.
    const status = httpStatus(e);
    if (status === null) {
      log.info(
        `Unexpected error while listing code scanning alerts: ${oneLine(e instanceof Error ? (e.stack ?? e.message) : String(e))}`,
      );
    }
    const message = oneLine(errorMessage(e));
    return {
      ok: false,
      status,
      detail: status === null ? message : `HTTP ${status}: ${message}`,
      why: alertListingWhy(status),
    };
  }
}
