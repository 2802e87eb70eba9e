/**
 * The one model both summaries (the job summary's Markdown and the terminal's text) are rendered from:
 * built once from the audit result, pure, nothing escaped yet. Each section is a field, so a new
 * section is one field here and one block in each renderer.
 */
import type { AccountResult, AuditResult, Finding } from '../model.js';
import { TOOL_NAME, type Rule } from '../evaluate/rule.js';
import { RULES, rulesOf } from '../evaluate/rules/index.js';
import { isFailing } from '../evaluate/intent.js';
import {
  describeUse,
  fixCommands,
  formatDuration,
  formatUtc,
  keyCreatedText,
  keyCreationNote,
  plural,
  reportedText,
  restoreCommand,
  setupGapText,
} from './format.js';
import { REPORT_FILES, reportPath, type ReportFileKey, type ReportFiles } from '../inputs/report-files.js';
import { noteText, type Note } from '../notes.js';
import { oneLine, truncate } from './markdown.js';
import { countResult, failingByRule, type Counts } from './outputs.js';
import { sarifResultCounts } from './sarif.js';
import { SINK_DEFINITIONS } from '../inputs/sinks.js';
import type { SinkResults } from './sinks.js';

/** Keys with fix commands at most; the JSON report has every finding. */
export const MAX_FIX_BLOCKS = 50;
/** Longest message (note, error, justification) shown. */
export const MAX_MESSAGE = 1_000;
/** Longest message shown in a table cell. */
const MAX_CELL_MESSAGE = 200;

/** The repository the workflow runs in (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`). */
export interface Repository {
  serverUrl: string;
  name: string;
}

/** The report files the summary points to: every format's path, by its key. */
export type SummaryFiles = ReportFiles;

/** The file that has everything (every finding, every account): what a cut table points to. */
const FULL_REPORT = 'jsonFile' satisfies ReportFileKey;

/**
 * The report files as the summary lists them: the full report first, then the others in their order
 * (an optional one only when it is written).
 */
function listedFiles(files: ReportFiles): SummaryModel['files']['listed'] {
  const ordered = [...REPORT_FILES].sort(
    (a, b) => Number(b.key === FULL_REPORT) - Number(a.key === FULL_REPORT),
  );
  return ordered.flatMap((f) => {
    const path = reportPath(files, f.key);
    return path === null ? [] : [{ label: f.label, path }];
  });
}

export interface AccountRow {
  account: AccountResult;
  findings: number;
  exempted: number;
  /** Keys resolved since the report; `n/a` offline (nothing is confirmed against the API there). */
  resolved: string;
  /** The credential report file offline; null live. */
  reportFile: string | null;
  /** `2024-05-01 10:00:00 UTC (3 h old)`, when the report's time is known. */
  reportAge: string | null;
}

/** A finding with its times and use worded once. */
export interface FindingRow {
  finding: Finding;
  keyCreated: string;
  setupGap: string;
  use: string;
  /** `reported for 12 days · deactivation due 2026-12-15`, `new`; null without history. */
  reported: string | null;
  /** Who made the key and its description (docs/design.md §10); null offline (nothing was looked up). */
  madeBy: Note | null;
}

export interface FixSection {
  exemptionTag: string;
  /** Every failing key: `blocks.length + leftOut`. */
  total: number;
  /** The first MAX_FIX_BLOCKS failing keys, each with its commands. */
  blocks: { finding: Finding; commands: string[] }[];
  /** Failing keys whose commands are left out. */
  leftOut: number;
}

export interface SummaryModel {
  counts: Counts;
  verdict: string;
  /** The settings line: `As of <asOf><rest>` (only the as-of time may be untrusted). */
  settings: { asOf: string; rest: string };
  /** docs/design.md §4's offline caveat (the result's), shown right under the verdict; null live. */
  caveat: Note | null;
  /** The repository's open code scanning alerts of this tool; null outside Actions. */
  alertsUrl: string | null;
  /** What changed since earlier runs (docs/design.md §8), or that the history was not available; null before publish. */
  changes: string | null;
  /** Whether the findings tables have a `Reported` column (some key has a first-seen time or a due date). */
  showReported: boolean;
  /** Whether the findings tables have a `Made by` column (live runs: who made each key, docs/design.md §10). */
  showMadeBy: boolean;
  /** Keys this run deactivated, each with the command that restores it. */
  deactivated: { finding: Finding; restore: string }[];
  /** Under `remediate: plan`: the keys a `deactivate` run would deactivate now; null under other modes. */
  wouldDeactivate: Finding[] | null;
  mode: AuditResult['mode'];
  accounts: AccountRow[];
  /** `Unused access keys created at user setup` / `Unused access keys of console users`. */
  findingsTitle: string;
  failing: FindingRow[];
  expired: Finding[];
  exempted: FindingRow[];
  /** Keys their users made themselves (docs/design.md §10, `scope: at-setup`): listed, not findings. */
  selfCreated: FindingRow[];
  fix: FixSection | null;
  failedAccounts: AccountResult[];
  carriedAlerts: number;
  sarif: { total: number; dropped: number };
  /** The result's notes, then the history's and the remediation's (the caveat has its own place). */
  notes: Note[];
  /** What each sink did, by its key (report/sinks.ts words it); null for a sink that did not run. */
  sinks: SinkResults;
  files: {
    /** The JSON report's path: where the cut tables and the left-out fix commands point. */
    full: string;
    /** Every report file, `JSON` first: `{ label: 'SARIF', path }`. */
    listed: { label: string; path: string }[];
  };
}

/** `unused access keys created at user setup`: what no rule found, in every rule's words. */
function noneFound(result: AuditResult): string {
  return RULES.map((r) => `${r.wording.state} ${r.wording.subject(2, result.settings.scope)}`).join(' or ');
}

/** `3 access keys created at user setup are unused`: the failing findings, counted per rule. */
function failingCounts(result: AuditResult): string {
  return failingByRule(result)
    .map(({ rule, n }) => {
      const scope = result.settings.scope;
      return `${n} ${rule.wording.subject(n, scope)} ${n === 1 ? 'is' : 'are'} ${rule.wording.state}`;
    })
    .join(', ');
}

/** `Unused access keys created at user setup`: the findings table's title, in the words of their rules. */
function findingsTitle(rules: readonly Rule[], result: AuditResult): string {
  return rules
    .map((r) => {
      const phrase = `${r.wording.state} ${r.wording.subject(2, result.settings.scope)}`;
      return phrase.charAt(0).toUpperCase() + phrase.slice(1);
    })
    .join(' · ');
}

/** The verdict without Markdown: `❌ 3 access keys created at user setup are unused — 2 users, …`. */
export function verdictText(result: AuditResult, c: Counts = countResult(result)): string {
  const total = result.accounts.length;
  if (c.findings > 0) {
    const accounts =
      c.accountsFailed > 0
        ? `${c.accountsFailed} of ${plural(total, 'account')} failed`
        : `${plural(total, 'account')} audited`;
    return `❌ ${failingCounts(result)} — ${plural(c.violatingUsers, 'user')}, ${accounts}`;
  }
  if (c.accountsFailed > 0) {
    if (c.accountsAudited === 0) return `❌ ${plural(total, 'account')} could not be audited`;
    return (
      `❌ ${c.accountsFailed} of ${plural(total, 'account')} could not be audited — ` +
      `no ${noneFound(result)} in the other ${c.accountsAudited}`
    );
  }
  if (total === 0) return '⚠️ No accounts were audited';
  const users = result.accounts.reduce((n, a) => n + a.usersScanned, 0);
  const exempted = c.exempted > 0 ? `, ${c.exempted} exempted` : '';
  return `✅ No ${noneFound(result)} — ${plural(total, 'account')}, ${plural(users, 'user')} scanned${exempted}`;
}

/** Built from numbers and enums only, but for the as-of time (in case it is not a date). */
function settingsLine(result: AuditResult): SummaryModel['settings'] {
  const s = result.settings;
  const scope =
    s.scope === 'at-setup'
      ? `keys created within ${formatDuration(s.setupWindowSeconds)} of their user`
      : 'any key of a console user';
  const unused =
    s.unusedDays > 0 ? `never used or unused for over ${plural(s.unusedDays, 'day')}` : 'never used';
  const shard = result.shard ? `, shard ${result.shard.index} of ${result.shard.total}` : '';
  return { asOf: formatUtc(result.asOf), rest: ` · ${scope} · ${unused} · ${result.mode} audit${shard}` };
}

/** The repository's open code scanning alerts of this tool, as GitHub's alert search writes it. */
export function codeScanningAlertsUrl(repository: Repository): string {
  const tool = /\s/.test(TOOL_NAME) ? `"${TOOL_NAME}"` : TOOL_NAME;
  const query = `tool:${tool} is:open`.split(' ').map(encodeURIComponent).join('+');
  return `${repository.serverUrl.replace(/\/+$/, '')}/${repository.name}/security/code-scanning?query=${query}`;
}

/** How a run that was stopped before it finished got there (SIGTERM or SIGINT, or the whole-run bound). */
export interface Interruption {
  reason: 'cancelled' | 'timed out';
  detail: string;
  /** Accounts finished before it stopped, of `planned` (null when the accounts were not known yet). */
  finished: number;
  planned: number | null;
  filesWritten: boolean;
}

/**
 * What stopped the run, how far it got, and that the report files (SARIF, JSON) were left as they were:
 * the banner of both summaries.
 */
export function interruptionText(i: Interruption): { heading: string; body: string } {
  const progress =
    i.planned === null
      ? `${plural(i.finished, 'account')} finished before it stopped`
      : `${i.finished} of ${plural(i.planned, 'account')} finished before it stopped`;
  // The files every run writes (an optional one is not known here).
  const labels = REPORT_FILES.filter((f) => !('optional' in f)).map((f) => f.label);
  const names = `The ${labels.slice(0, -1).join(', ')}${labels.length > 1 ? ' and ' : ''}${labels.at(-1) ?? ''} files`;
  const files = i.filesWritten
    ? `${names} were written before it stopped.`
    : `${names} were not written (any previous ones are unchanged), so no code scanning alert closes.`;
  return {
    heading: `Audit ${i.reason}: ${i.detail}`,
    body: `${progress}; the results below are incomplete. ${files}`,
  };
}

/** `AccessDenied on AssumeRole`: the short status of a failed account, for tables. */
export function shortError(a: AccountResult): string {
  if (!a.errorCode) return truncate(oneLine(a.error ?? 'error'), MAX_CELL_MESSAGE);
  return oneLine(a.errorCode) + (a.errorStep ? ` on ${oneLine(a.errorStep)}` : '');
}

function perAccount(findings: readonly Finding[]): Map<string, { findings: number; exempted: number }> {
  const m = new Map<string, { findings: number; exempted: number }>();
  for (const f of findings) {
    const e = m.get(f.accountId) ?? { findings: 0, exempted: 0 };
    if (f.exempted) e.exempted++;
    else if (isFailing(f)) e.findings++;
    m.set(f.accountId, e);
  }
  return m;
}

function reportAge(a: AccountResult, generatedAt: string): string | null {
  if (!a.reportGeneratedAt) return null;
  const age = (Date.parse(generatedAt) - Date.parse(a.reportGeneratedAt)) / 1000;
  return Number.isNaN(age)
    ? formatUtc(a.reportGeneratedAt)
    : `${formatUtc(a.reportGeneratedAt)} (${formatDuration(age)} old)`;
}

function findingRow(f: Finding, asOf: string, historyKnown: boolean): FindingRow {
  return {
    finding: f,
    keyCreated: keyCreatedText(f),
    setupGap: setupGapText(f),
    use: describeUse(f, asOf),
    reported: reportedText(f, asOf, historyKnown),
    madeBy: keyCreationNote(f),
  };
}

/** `Since earlier runs: 2 new, 1 resolved.`, or why the history was not available. */
function changesText(result: AuditResult): string | null {
  const h = result.history;
  if (!h) return null;
  if (!h.available) {
    return (
      `History not available (${h.notes.map(noteText).join('; ')}): how long keys were reported, ` +
      'and which are new or resolved, is unknown.'
    );
  }
  const resolved = h.resolvedFindings === null ? 'resolved unknown' : `${h.resolvedFindings} resolved`;
  const deactivated = result.remediation?.deactivated.length ?? 0;
  return (
    `Since earlier runs: ${h.newFindings ?? 0} new, ${resolved}` +
    (deactivated > 0 ? `, ${plural(deactivated, 'key')} deactivated by this run` : '') +
    '.'
  );
}

export function buildSummaryModel(
  result: AuditResult,
  opts: SummaryFiles & SinkResults & { repository?: Repository | null },
): SummaryModel {
  const counts = countResult(result);
  const byAccount = perAccount(result.findings);
  const failing = result.findings.filter(isFailing);
  const shown = failing.slice(0, MAX_FIX_BLOCKS);
  const historyKnown = result.history?.available ?? false;
  const row = (f: Finding) => findingRow(f, result.asOf, historyKnown);
  const failingRows = failing.map(row);
  const exemptedRows = result.findings.filter((f) => f.exempted).map(row);
  const rem = result.remediation;
  return {
    counts,
    verdict: verdictText(result, counts),
    settings: settingsLine(result),
    caveat: result.caveat,
    alertsUrl: opts.repository ? codeScanningAlertsUrl(opts.repository) : null,
    changes: changesText(result),
    showReported: [...failingRows, ...exemptedRows].some((r) => r.reported !== null),
    showMadeBy: failingRows.some((r) => r.madeBy !== null),
    deactivated: (rem?.deactivated ?? []).map((f) => ({ finding: f, restore: restoreCommand(f) })),
    wouldDeactivate: rem?.mode === 'plan' ? rem.planned : null,
    mode: result.mode,
    accounts: result.accounts.map((a) => ({
      account: a,
      ...(byAccount.get(a.accountId) ?? { findings: 0, exempted: 0 }),
      resolved: result.mode === 'offline' ? 'n/a' : String(a.resolvedSinceReport),
      reportFile: a.source.kind === 'file' ? a.source.path : null,
      reportAge: reportAge(a, result.generatedAt),
    })),
    findingsTitle: findingsTitle(rulesOf(failing), result),
    failing: failingRows,
    expired: failing.filter((f) => f.exemptionExpired),
    exempted: exemptedRows,
    selfCreated: result.findings.filter((f) => f.selfCreated === true).map(row),
    fix:
      failing.length === 0
        ? null
        : {
            exemptionTag: result.settings.exemptionTag,
            total: failing.length,
            blocks: shown.map((f) => ({ finding: f, commands: fixCommands(f) })),
            leftOut: failing.length - shown.length,
          },
    failedAccounts: result.accounts.filter((a) => a.status === 'error'),
    carriedAlerts: result.carriedForward.length,
    sarif: sarifResultCounts(result),
    notes: [
      ...result.notes,
      ...(result.history?.available ? result.history.notes : []),
      ...(rem?.warnings ?? []),
    ],
    sinks: Object.fromEntries(SINK_DEFINITIONS.map((s) => [s.key, opts[s.key] ?? null])),
    files: { full: opts[FULL_REPORT], listed: listedFiles(opts) },
  };
}
