/** The summary for a terminal (the CLI): the same model as the job summary, as plain columns of text. */
import type { AuditResult, Finding } from '../model.js';
import { SINK_DEFINITIONS, type SinkKey } from '../inputs/sinks.js';
import { notePlain } from '../notes.js';
import { keyCreationNote } from './format.js';
import { oneLine, truncate, visibleInvisibles } from './markdown.js';
import { plural } from './format.js';
import { SARIF_MAX_RESULTS } from './sarif.js';
import { SINK_VIEWS, type SinkOutcomes, type SinkResults, type TerminalTools } from './sinks.js';
import {
  MAX_MESSAGE,
  buildSummaryModel,
  interruptionText,
  shortError,
  type Interruption,
  type AccountRow,
  type FindingRow,
  type SummaryFiles,
  type SummaryModel,
} from './summary-model.js';

const MAX_NAME = 128;

/** Untrusted text for a terminal: one line, no control characters (no escape sequences). */
function plain(s: string, max = MAX_NAME): string {
  return truncate(oneLine(s), max);
}

/** An identifier (user name, alias) for a terminal: also its invisible characters shown. */
function plainId(s: string, max = MAX_NAME): string {
  return plain(visibleInvisibles(s), max);
}

function columns(headers: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

function key(f: Finding): string {
  return f.accessKeyId ? `${plain(f.accessKeyId)} (slot ${f.keySlot})` : `slot ${f.keySlot}`;
}

function accountRow(r: AccountRow): string[] {
  const a = r.account;
  return [
    plain(a.accountId),
    a.alias ? plainId(a.alias) : '-',
    String(a.usersScanned),
    String(r.findings),
    String(r.exempted),
    r.resolved,
    r.reportFile !== null ? plain(r.reportFile, 200) : (r.reportAge ?? '-'),
    // what happened to the account; the Findings column speaks for its keys
    a.status === 'ok' ? 'audited' : `failed: ${shortError(a)}`,
  ];
}

function failingRow(r: FindingRow): string[] {
  const f = r.finding;
  return [
    plain(f.accountId),
    plainId(f.userName) + (f.exemptionExpired ? ' (exemption expired)' : ''),
    key(f),
    r.keyCreated,
    r.setupGap,
    f.mfaActive ? 'yes' : 'no',
    plain(r.use, 200),
  ];
}

function withReported(m: SummaryModel, r: FindingRow, cells: string[]): string[] {
  const madeBy = m.showMadeBy ? [r.madeBy ? plain(notePlain(r.madeBy), MAX_MESSAGE) : '-'] : [];
  return [...(m.showReported ? [...cells, r.reported ?? '-'] : cells), ...madeBy];
}

function exemptedRow(r: FindingRow): string[] {
  const f = r.finding;
  return [
    plain(f.accountId),
    plainId(f.userName),
    key(f),
    r.keyCreated,
    plain(f.justification ?? '-', MAX_MESSAGE),
  ];
}

function selfCreatedLines(m: SummaryModel): string {
  return m.selfCreated
    .map(({ finding: f }) => {
      const made = keyCreationNote(f);
      return `  - ${plainId(f.userName)} in ${plain(f.accountId)}, key ${key(f)}${made ? `: ${plain(notePlain(made), MAX_MESSAGE)}` : ''}`;
    })
    .join('\n');
}

function fixLines(m: SummaryModel): string | null {
  if (!m.fix) return null;
  const lines = m.fix.blocks.flatMap(({ finding: f, commands }) => [
    `  # ${plainId(f.userName)} in ${plain(f.accountId)}`,
    ...commands.map((l) => `  ${l}`),
  ]);
  if (m.fix.leftOut > 0) {
    lines.push(`  # ... ${plural(m.fix.leftOut, 'more key')}: see ${plain(m.files.full, 500)}`);
  }
  return lines.join('\n');
}

function failedLines(m: SummaryModel): string {
  return m.failedAccounts
    .map(
      (a) =>
        `  ${plain(a.accountId)}${a.alias ? ` (${plainId(a.alias)})` : ''}: ${plain(a.error ?? 'unknown error', MAX_MESSAGE)}` +
        (a.hint ? `\n    to fix: ${plain(a.hint, MAX_MESSAGE)}` : ''),
    )
    .join('\n');
}

function noteLines(m: SummaryModel): string[] {
  const extra: string[] = [];
  if (m.carriedAlerts > 0) {
    extra.push(`${plural(m.carriedAlerts, 'open alert')} of failed accounts carried forward`);
  }
  if (m.sarif.dropped > 0) {
    extra.push(`SARIF holds the first ${SARIF_MAX_RESULTS} results; ${m.sarif.dropped} dropped`);
  }
  extra.push(...m.notes.map((n) => plain(notePlain(n), MAX_MESSAGE)));
  return extra;
}

/** The section of one sink (report/sinks.ts words it), or null: it did not run, or has no section. */
function sinkSection<K extends SinkKey>(m: SummaryModel, key: K): { title: string; body: string } | null {
  const outcome = m.sinks[key] as SinkOutcomes[K] | null | undefined;
  if (!outcome) return null;
  const terminal = SINK_VIEWS[key].terminal as (
    o: SinkOutcomes[K],
    t: TerminalTools,
  ) => { title: string; body: string } | null;
  return terminal(outcome, { plain, maxMessage: MAX_MESSAGE });
}

function renderTerminalModel(m: SummaryModel): string {
  const out: string[] = [m.verdict, `As of ${plain(m.settings.asOf)}${m.settings.rest}`];
  if (m.changes !== null) out.push(plain(m.changes, MAX_MESSAGE));
  if (m.caveat !== null) out.push('', `Note: ${plain(notePlain(m.caveat), MAX_MESSAGE)}`);
  const section = (title: string, body: string) => out.push('', title, body);
  const accountHeaders = [
    'ACCOUNT',
    'ALIAS',
    'USERS',
    'FINDINGS',
    'EXEMPTED',
    'RESOLVED',
    'REPORT',
    'STATUS',
  ];
  if (m.accounts.length > 0) section('Accounts', columns(accountHeaders, m.accounts.map(accountRow)));
  if (m.failing.length > 0) {
    const headers = ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'SETUP GAP', 'MFA', 'LAST USED'];
    if (m.showReported) headers.push('REPORTED');
    if (m.showMadeBy) headers.push('MADE BY');
    section(
      m.findingsTitle,
      columns(
        headers,
        m.failing.map((r) => withReported(m, r, failingRow(r))),
      ),
    );
  }
  if (m.deactivated.length > 0) {
    section(
      'Deactivated by this run (restore with the command)',
      m.deactivated
        .map(({ finding: f, restore }) => `  - ${plainId(f.userName)} in ${plain(f.accountId)}: ${restore}`)
        .join('\n'),
    );
  }
  if (m.wouldDeactivate && m.wouldDeactivate.length > 0) {
    section(
      'Would be deactivated (remediate: deactivate)',
      m.wouldDeactivate
        .map((f) => `  - ${plainId(f.userName)} in ${plain(f.accountId)}, key ${f.accessKeyId ?? ''}`)
        .join('\n'),
    );
  }
  if (m.exempted.length > 0) {
    const headers = ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'JUSTIFICATION'];
    section('Exempted keys', columns(headers, m.exempted.map(exemptedRow)));
  }
  if (m.selfCreated.length > 0) {
    section('Keys their users made (not findings: not made at user setup)', selfCreatedLines(m));
  }
  const fix = fixLines(m);
  if (fix !== null) section('How to fix (deactivate first, then delete)', fix);
  if (m.failedAccounts.length > 0) section('Accounts that could not be audited', failedLines(m));
  const notes = noteLines(m);
  if (notes.length > 0) section('Notes', notes.map((n) => `  - ${n}`).join('\n'));
  for (const s of SINK_DEFINITIONS) {
    const sink = sinkSection(m, s.key);
    if (sink !== null) section(sink.title, sink.body);
  }
  out.push('', `Full report: ${m.files.listed.map((f) => `${f.label} ${plain(f.path, 500)}`).join(', ')}`);
  return out.join('\n');
}

/** The terminal summary of `result`, with each sink's outcome by its key (null or absent when it did not run). */
export function renderTerminal(result: AuditResult, opts: SummaryFiles & SinkResults): string {
  return renderTerminalModel(buildSummaryModel(result, opts));
}

/** The banner of a run that was stopped before it finished, above its terminal summary. */
export function interruptedText(i: Interruption): string {
  const { heading, body } = interruptionText(i);
  return `⛔ ${plain(heading, MAX_MESSAGE)}\n${plain(body, MAX_MESSAGE)}\n\n`;
}
