/** The step outputs of docs/design.md §3 and the exit decision of `fail-on`: pure functions of the result. */
import type { AuditResult, FailOn } from '../model.js';
import { OUTPUTS, type OutputName } from '../inputs/definitions.js';
import { REPORT_FILES, type ReportFileInput, type ReportFiles } from '../inputs/report-files.js';
import type { Rule } from '../evaluate/rule.js';
import { RULES } from '../evaluate/rules/index.js';
import { isFailing } from '../evaluate/intent.js';
import { SINK_DEFINITIONS, type SinkOutputName } from '../inputs/sinks.js';
import { plural } from './format.js';
import { SINK_VIEWS, type SinkOutputInputs } from './sinks.js';

/**
 * Counts every report agrees on: failing keys (exemptions and keys their users made excluded), their
 * users, exemptions, accounts.
 */
export interface Counts {
  findings: number;
  violatingUsers: number;
  exempted: number;
  accountsAudited: number;
  accountsFailed: number;
}

export function countResult(result: AuditResult): Counts {
  const failing = result.findings.filter(isFailing);
  const failed = result.accounts.filter((a) => a.status === 'error').length;
  return {
    findings: failing.length,
    violatingUsers: new Set(failing.map((f) => `${f.accountId}\u0000${f.userArn}`)).size,
    exempted: result.findings.filter((f) => f.exempted).length,
    accountsAudited: result.accounts.length - failed,
    accountsFailed: failed,
  };
}

/** History and remediation counts (docs/design.md §8); null counts are unknown (no history) and output empty. */
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

/** Every sink's outputs (report/sinks.ts), from its outcome by its key; a sink that did not run says 0. */
function sinkOutputs(outcomes: SinkOutputInputs): Record<SinkOutputName, string> {
  // each view reads its own key's outcome: the table's type pairs them, a loop over the keys cannot
  const outputsOf = (key: keyof typeof SINK_VIEWS) =>
    SINK_VIEWS[key].outputs as (outcome: SinkOutputInputs[typeof key] | null) => Record<string, string>;
  return Object.assign({}, ...SINK_DEFINITIONS.map((s) => outputsOf(s.key)(outcomes[s.key] ?? null)));
}

/**
 * Exactly the outputs of action.yml, in its order, as the strings `core.setOutput` takes: the counts, the
 * report files written, each sink's outputs from its outcome (by sink key: `issues`, `securityHub`;
 * absent or null when it did not run), and the history.
 */
export function buildOutputs(
  result: AuditResult,
  opts: ReportFiles & SinkOutputInputs & { history?: HistoryCounts },
): Record<OutputName, string> {
  const h = opts.history ?? NO_HISTORY;
  const c = countResult(result);
  const values: Record<OutputName, string> = {
    findings: String(c.findings),
    'violating-users': String(c.violatingUsers),
    exempted: String(c.exempted),
    'accounts-audited': String(c.accountsAudited),
    'accounts-failed': String(c.accountsFailed),
    ...reportFileOutputs(opts),
    ...sinkOutputs(opts),
    'new-findings': h.newFindings === null ? '' : String(h.newFindings),
    'resolved-findings': h.resolvedFindings === null ? '' : String(h.resolvedFindings),
    'keys-due': String(h.keysDue),
    'keys-deactivated': String(h.keysDeactivated),
  };
  // in action.yml's order (the sinks' outputs are not all together there)
  return Object.fromEntries(OUTPUTS.map((o) => [o.name, values[o.name]])) as Record<OutputName, string>;
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
  for (const f of result.findings) if (isFailing(f)) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  return RULES.filter((r) => byRule.has(r.id)).map((rule) => ({ rule, n: byRule.get(rule.id) ?? 0 }));
}

/** `3 unused access keys`: the failing findings, counted per rule in its short words. */
function failingShort(result: AuditResult): string {
  return failingByRule(result)
    .map(({ rule, n }) => `${n} ${rule.wording.short(n)}`)
    .join(', ');
}
