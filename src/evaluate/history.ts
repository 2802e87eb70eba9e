/**
 * First seen, new and resolved (DESIGN §8): pure functions of this run's findings and what GitHub
 * remembers (open code scanning alerts of this tool, the first-listed times kept in its issues).
 * No new storage: the history is whatever those two sources hold.
 */
import type { AccountResult, Finding, History, OpenAlert } from '../model.js';
import { toIsoSecond } from './evaluate.js';
import type { Note } from '../notes.js';

export interface HistoryView {
  /** Every finding's location -> the earliest time it was reported before, or null when never (or unknown). */
  firstSeenAt: ReadonlyMap<string, string | null>;
  /** Non-exempted findings neither an alert nor an issue knew; null when no history source could be read. */
  newFindings: Finding[] | null;
  /**
   * Open alerts of this tool under accounts audited successfully this run whose location is no longer a
   * (non-exempted) finding, one per location, sorted; null when the alerts could not be listed.
   */
  resolvedFindings: OpenAlert[] | null;
  /** Why a source was missing, for the summary ("the history was not available"). */
  notes: Note[];
}

function earlier(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : NaN;
  const tb = b ? Date.parse(b) : NaN;
  if (Number.isNaN(ta) && Number.isNaN(tb)) return null;
  if (Number.isNaN(tb) || ta <= tb) return toIsoSecond(ta);
  return toIsoSecond(tb);
}

/** Location -> the `created_at` of the earliest open alert there (several categories may share one). */
export function earliestAlertTimes(alerts: readonly OpenAlert[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of alerts) {
    const e = earlier(a.createdAt, out.get(a.location));
    if (e !== null) out.set(a.location, e);
  }
  return out;
}

/** `aws/123456789012/...` -> `123456789012`. */
function accountOfLocation(location: string): string | null {
  return /^aws\/(\d{12})\//.exec(location)?.[1] ?? null;
}

const byLocation = (a: { location: string }, b: { location: string }): number =>
  a.location < b.location ? -1 : a.location > b.location ? 1 : 0;

/** firstSeenAt, new findings and resolved alerts of one run (see {@link HistoryView}). */
export function applyHistory(
  result: { accounts: readonly AccountResult[]; findings: readonly Finding[] },
  history: History,
): HistoryView {
  const alertTimes = history.alerts ? earliestAlertTimes(history.alerts) : new Map<string, string>();
  const issueTimes = history.issueFirstListed ?? new Map<string, string>();
  const firstSeenAt = new Map<string, string | null>();
  for (const f of result.findings) {
    firstSeenAt.set(f.location, earlier(alertTimes.get(f.location), issueTimes.get(f.location)));
  }

  const known = history.alerts !== null || history.issueFirstListed !== null;
  const newFindings = known
    ? result.findings.filter((f) => !f.exempted && firstSeenAt.get(f.location) === null)
    : null;

  let resolvedFindings: OpenAlert[] | null = null;
  if (history.alerts !== null) {
    const ok = new Set(result.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId));
    const failing = new Set(result.findings.filter((f) => !f.exempted).map((f) => f.location));
    const seen = new Set<string>();
    resolvedFindings = [];
    for (const a of history.alerts) {
      const account = accountOfLocation(a.location);
      if (account === null || !ok.has(account) || failing.has(a.location) || seen.has(a.location)) continue;
      seen.add(a.location);
      resolvedFindings.push(a);
    }
    resolvedFindings.sort(byLocation);
  }
  return { firstSeenAt, newFindings, resolvedFindings, notes: [...history.notes] };
}

/**
 * Open alerts whose key this run deactivated, one per location: they were findings when
 * {@link applyHistory} counted, and are resolved now (their account was audited, or they would not be
 * findings).
 */
export function resolvedByDeactivation(
  alerts: readonly OpenAlert[],
  deactivated: readonly Pick<Finding, 'location'>[],
): number {
  const alerted = new Set(alerts.map((a) => a.location));
  return new Set(deactivated.map((f) => f.location).filter((l) => alerted.has(l))).size;
}
