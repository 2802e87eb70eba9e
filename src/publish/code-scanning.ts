/**
 * docs/design.md §4: an account that failed this run must not close its code scanning alerts. From the one
 * listing of this tool's open alerts (src/publish/history.ts), this keeps those whose location is under
 * a failed account, so the SARIF writer can report them again (same path, same fingerprint) marked
 * `carriedForward`.
 */
import type { CarriedAlert, OpenAlert } from '../model.js';
import type { AlertListing } from './history.js';
import { noteText } from '../notes.js';
import { alertIdentity } from '../evaluate/identity.js';
import type { Log } from '../log.js';

/** `aws/123456789012/...` -> `123456789012` when that account is one of `accounts`. */
function accountOf(path: string, accounts: ReadonlySet<string>): string | null {
  const m = /^aws\/([^/]+)\//.exec(path);
  return m && accounts.has(m[1] as string) ? (m[1] as string) : null;
}

/** The open alerts under a failed account, one per identity (rule and location), sorted by location. Pure. */
function carriedAlerts(alerts: readonly OpenAlert[], failedAccountIds: readonly string[]): CarriedAlert[] {
  const failed = new Set(failedAccountIds);
  const byIdentity = new Map<string, CarriedAlert>();
  for (const alert of alerts) {
    const accountId = accountOf(alert.location, failed);
    const id = alertIdentity(alert);
    if (!accountId || byIdentity.has(id)) continue;
    byIdentity.set(id, {
      ...(alert.ruleId !== undefined ? { ruleId: alert.ruleId } : {}),
      accountId,
      location: alert.location,
      message: alert.message,
    });
  }
  return [...byIdentity.values()].sort((a, b) =>
    a.location < b.location ? -1 : a.location > b.location ? 1 : 0,
  );
}

/** The carried alerts of `failedAccountIds` from a listing, or the warning when it failed. */
export function carriedFromListing(
  listing: AlertListing,
  failedAccountIds: readonly string[],
  log: Pick<Log, 'info'>,
): { alerts: CarriedAlert[]; warning: string | null } {
  if (failedAccountIds.length === 0) return { alerts: [], warning: null };
  if (!listing.ok) {
    const accounts = [...new Set(failedAccountIds)].sort().join(', ');
    return {
      alerts: [],
      warning:
        `Could not list the open code scanning alerts (${listing.detail}): ${noteText(listing.why)}. ` +
        `The alerts of the failed account(s) ${accounts} will show as fixed until their next successful run.`,
    };
  }
  const alerts = carriedAlerts(listing.alerts, failedAccountIds);
  log.info(
    `Carrying forward ${alerts.length} open code scanning alert(s) of ${new Set(failedAccountIds).size} failed account(s).`,
  );
  return { alerts, warning: null };
}
