/** The step outputs of DESIGN §3 and the exit decision of `fail-on`: pure functions of the result. */
import type { AuditResult, FailOn, IssueSyncOutcome } from '../model.js';
import type { OutputName } from '../inputs/definitions.js';
import { REPORT_FILES, type ReportFileInput, type ReportFiles } from '../inputs/report-files.js';
import type { Rule } from '../evaluate/rule.js';
import { RULES } from '../evaluate/rules/index.js';

/** Counts every report agrees on: failing keys (exemptions excluded), their users, exemptions, accounts. */
export interface Counts {
  findings: number;
  violatingUsers: number;
  exempted: number;
  accountsAudited: number;
  accountsFailed: number;
}

export function countResult(result: AuditResult): Counts {
  const failing = result.findings.filter((f) => !f.exempted);
  const failed = result.accounts.filter((a) => a.status === 'error').length;
  return {
    findings: failing.length,
    violatingUsers: new Set(failing.map((f) => `${f.accountId}\u0000${f.userArn}`)).size,
    exempted: result.findings.length - failing.length,
    accountsAudited: result.accounts.length - failed,
    accountsFailed: failed,
  };
}

/** History and remediation counts (DESIGN §8); null counts are unknown (no history) and output empty. */
export interface HistoryCounts {
  newFindings: number | null;
  resolvedFindings: number | null;
  keysDue: number;
  keysDeactivated: number;
}

/** Until the pipeline reads GitHub's history: unknown history, nothing due. */
const NO_HISTORY: HistoryCounts = {
  newFindings: null,
  resolvedFindings: null,
  keysDue: 0,
  keysDeactivated: 0,
};

/** The report files' outputs (`sarif-file`, `json-file`, ...): the paths written, `''` for a file not written. */
function reportFileOutputs(files: ReportFiles): Record<ReportFileInput, string> {
  return Object.fromEntries(REPORT_FILES.map((f) => [f.name, files[f.key] ?? ''])) as Record<
    ReportFileInput,
    string
  >;
}

/** Exactly the outputs of action.yml, as the strings `core.setOutput` takes. */
export function buildOutputs(
  result: AuditResult,
  opts: ReportFiles & {
    issues: IssueSyncOutcome | null;
    history?: HistoryCounts;
    /** Counts of the Security Hub import; absent or null when it did not run (outputs are 0). */
    securityHub?: { imported: number; archived: number } | null;
  },
): Record<OutputName, string> {
  const h = opts.history ?? NO_HISTORY;
  const c = countResult(result);
  const i = opts.issues;
  return {
    findings: String(c.findings),
    'violating-users': String(c.violatingUsers),
    exempted: String(c.exempted),
    'accounts-audited': String(c.accountsAudited),
    'accounts-failed': String(c.accountsFailed),
    ...reportFileOutputs(opts),
    // A returning violation is news: reopened issues count as opened, not as updated.
    'issues-opened': String((i?.opened ?? 0) + (i?.reopened ?? 0)),
    'issues-updated': String(i?.updated ?? 0),
    'issues-closed': String(i?.closed ?? 0),
    'issues-skipped': String(i?.skipped ?? 0),
    'new-findings': h.newFindings === null ? '' : String(h.newFindings),
    'resolved-findings': h.resolvedFindings === null ? '' : String(h.resolvedFindings),
    'keys-due': String(h.keysDue),
    'keys-deactivated': String(h.keysDeactivated),
    'security-hub-imported': String(opts.securityHub?.imported ?? 0),
    'security-hub-archived': String(opts.securityHub?.archived ?? 0),
  };
}

/** `1 user`, `2 users`: the count with the noun in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Whether the step (or the CLI) fails, and a one-line reason saying why or why not:
 * `findings` fails on findings or account errors, `errors` only on account errors, `never` never.
 */
export function exitCodeFor(result: AuditResult, failOn: FailOn): { code: 0 | 1; reason: string } {
  const c = countResult(result);
  const found = `${failingShort(result)} of ${plural(c.violatingUsers, 'user')}`;
  const failed = `${plural(c.accountsFailed, 'account')} of ${result.accounts.length} could not be audited`;
  const problems = [c.findings > 0 ? found : null, c.accountsFailed > 0 ? failed : null].filter(
    (x): x is string => x !== null,
  );
  if (failOn === 'never') {
    return { code: 0, reason: `fail-on is never${problems.length > 0 ? `: ${problems.join('; ')}` : ''}` };
  }
  if (c.accountsFailed > 0) return { code: 1, reason: problems.join('; ') };
  // Nothing audited is no clean bill of health (everything excluded, an empty organization listing),
  // except for a shard of a matrix, whose slice may legitimately be empty.
  if (result.accounts.length === 0 && result.shard === null) {
    return {
      code: 1,
      reason: 'no account was audited: check `accounts`, `organization` and `exclude-accounts`',
    };
  }
  if (failOn === 'findings' && c.findings > 0) return { code: 1, reason: found };
  if (c.findings > 0) return { code: 0, reason: `${found} (fail-on is errors: not failing)` };
  const exempted = c.exempted > 0 ? `, ${c.exempted} exempted` : '';
  const none = RULES.map((r) => r.wording.short(2)).join(' or ');
  return { code: 0, reason: `no ${none} in ${plural(c.accountsAudited, 'account')}${exempted}` };
}

/** The failing findings (exemptions excluded) per rule that has any, in the registry's order. */
export function failingByRule(result: Pick<AuditResult, 'findings'>): { rule: Rule; n: number }[] {
  const byRule = new Map<string, number>();
  for (const f of result.findings) if (!f.exempted) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  return RULES.filter((r) => byRule.has(r.id)).map((rule) => ({ rule, n: byRule.get(rule.id) ?? 0 }));
}

/** `3 unused access keys`: the failing findings, counted per rule in its short words. */
function failingShort(result: AuditResult): string {
  return failingByRule(result)
    .map(({ rule, n }) => `${n} ${rule.wording.short(n)}`)
    .join(', ');
}
