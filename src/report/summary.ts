/**
 * The job summary (Markdown) and its plain-text twin for the terminal (DESIGN §4): verdict first, then
 * the accounts, the findings, the exemptions, the fix, the failures, and what else the reader must
 * know. Pure functions of the audit result; every untrusted string is escaped.
 */
import type { AccountResult, AuditResult, Finding, IssueSyncOutcome } from '../model.js';
import {
  describeUse,
  fixCommands,
  formatDuration,
  formatUtc,
  keyCreatedText,
  setupGapText,
  shellQuote,
} from '../evaluate/rule.js';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  markdownTable,
  oneLine,
  truncate,
  visibleInvisibles,
} from './markdown.js';
import { countResult, plural, type Counts } from './outputs.js';
import { SARIF_MAX_RESULTS, sarifResultCounts } from './sarif.js';
import { TOOL_NAME } from '../evaluate/rule.js';

/** GitHub accepts 1 MiB of summary per step; stay a little below. */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** Keys with fix commands at most; the JSON report has every finding. */
export const MAX_FIX_BLOCKS = 50;
/** Keys whose fix commands are shown open; the rest (up to MAX_FIX_BLOCKS) are in a collapsed `<details>`. */
export const OPEN_FIX_BLOCKS = 10;
/** Issues listed as links at most; the rest are counted. */
export const MAX_ISSUE_LINKS = 20;

const MAX_NAME = 128;
const MAX_MESSAGE = 1_000;
const MAX_CELL_MESSAGE = 200;

export interface SummaryOptions {
  jsonFile: string;
  sarifFile: string;
  issues?: IssueSyncOutcome | null;
  maxBytes?: number;
  /**
   * The repository the workflow runs in (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`): links its code
   * scanning alerts of this tool. Null or absent: no link.
   */
  repository?: { serverUrl: string; name: string } | null;
}

/** The repository's open code scanning alerts of this tool, as GitHub's alert search writes it. */
export function codeScanningAlertsUrl(repository: { serverUrl: string; name: string }): string {
  const tool = /\s/.test(TOOL_NAME) ? `"${TOOL_NAME}"` : TOOL_NAME;
  const query = `tool:${tool} is:open`.split(' ').map(encodeURIComponent).join('+');
  return `${repository.serverUrl.replace(/\/+$/, '')}/${repository.name}/security/code-scanning?query=${query}`;
}

/** A URL safe to put in a Markdown link destination: http(s), no spaces, brackets or quotes. */
function linkable(url: string): boolean {
  return /^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url);
}

/** `AccessDenied on AssumeRole`: the short status of a failed account, for tables. */
export function shortError(a: AccountResult): string {
  if (!a.errorCode) return truncate(oneLine(a.error ?? 'error'), MAX_CELL_MESSAGE);
  return oneLine(a.errorCode) + (a.errorStep ? ` on ${oneLine(a.errorStep)}` : '');
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `access key created at user setup` / `access keys of console users`, by scope. */
function keysNoun(result: AuditResult, n: number): string {
  const keys = n === 1 ? 'access key' : 'access keys';
  return result.settings.scope === 'at-setup' ? `${keys} created at user setup` : `${keys} of console users`;
}

/** The verdict without Markdown: `❌ 3 access keys created at user setup are unused — 2 users, …`. */
export function verdictText(result: AuditResult, c: Counts = countResult(result)): string {
  const total = result.accounts.length;
  if (c.findings > 0) {
    const accounts =
      c.accountsFailed > 0
        ? `${c.accountsFailed} of ${plural(total, 'account')} failed`
        : `${plural(total, 'account')} audited`;
    return (
      `❌ ${c.findings} ${keysNoun(result, c.findings)} ${c.findings === 1 ? 'is' : 'are'} unused — ` +
      `${plural(c.violatingUsers, 'user')}, ${accounts}`
    );
  }
  if (c.accountsFailed > 0) {
    if (c.accountsAudited === 0) return `❌ ${plural(total, 'account')} could not be audited`;
    return (
      `❌ ${c.accountsFailed} of ${plural(total, 'account')} could not be audited — ` +
      `no unused ${keysNoun(result, 2)} in the other ${c.accountsAudited}`
    );
  }
  if (total === 0) return '⚠️ No accounts were audited';
  const users = result.accounts.reduce((n, a) => n + a.usersScanned, 0);
  const exempted = c.exempted > 0 ? `, ${c.exempted} exempted` : '';
  return `✅ No unused ${keysNoun(result, 2)} — ${plural(total, 'account')}, ${plural(users, 'user')} scanned${exempted}`;
}

/** Built from numbers and enums only; `esc` is for the as-of time, in case it is not a date. */
function settingsText(result: AuditResult, esc: (s: string) => string = plain): string {
  const s = result.settings;
  const scope =
    s.scope === 'at-setup'
      ? `keys created within ${formatDuration(s.setupWindowSeconds)} of their user`
      : 'any key of a console user';
  const unused =
    s.unusedDays > 0 ? `never used or unused for over ${plural(s.unusedDays, 'day')}` : 'never used';
  const shard = result.shard ? `, shard ${result.shard.index} of ${result.shard.total}` : '';
  return `As of ${esc(formatUtc(result.asOf))} · ${scope} · ${unused} · ${result.mode} audit${shard}`;
}

/** DESIGN §4's offline caveat: shown right under the verdict, before anyone acts on a finding. */
export const OFFLINE_CAVEAT =
  'Offline audit of credential report files: IAM tags (so exemptions by tag) and access key ids are ' +
  'not checked, and keys fixed since the report was downloaded still show; `exempt-users` still applies. ' +
  'Run a live audit to confirm findings against the API.';

/** The audit's offline note (or DESIGN §4's caveat): shown under the verdict, not among the notes. */
function offlineCaveat(result: AuditResult): string | null {
  if (result.mode !== 'offline') return null;
  return result.notes.find((n) => /offline/i.test(n)) ?? OFFLINE_CAVEAT;
}

/** The notes, without the offline caveat (it has its own place, under the verdict). */
function allNotes(result: AuditResult): string[] {
  const caveat = offlineCaveat(result);
  return result.notes.filter((n) => n !== caveat);
}

/** A note may quote names in backticks: those become code spans, the rest is escaped text. */
function renderNote(s: string): string {
  return truncate(s, MAX_MESSAGE)
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)))
    .join('');
}

function perAccount(findings: readonly Finding[]): Map<string, { findings: number; exempted: number }> {
  const m = new Map<string, { findings: number; exempted: number }>();
  for (const f of findings) {
    const e = m.get(f.accountId) ?? { findings: 0, exempted: 0 };
    if (f.exempted) e.exempted++;
    else e.findings++;
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

// ---------------------------------------------------------------------------------------------------
// Budgeted blocks: each renders as much as fits in `budget` bytes, ending with a pointer when cut.

type Block = (budget: number) => string;

/** `head` lines, then as many `items` as fit, then `more(n)` when `n` items were left out. */
function fit(
  head: readonly string[],
  items: readonly string[],
  budget: number,
  more: (n: number) => string,
): string {
  if (items.length === 0) return '';
  const all = [...head, ...items].join('\n');
  if (bytes(all) <= budget) return all;
  const out = [...head];
  let used = bytes(head.join('\n'));
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i] as string;
    const tail = bytes(`\n${more(items.length - i - 1)}`);
    if (used + 1 + bytes(item) + tail > budget) break;
    out.push(item);
    used += 1 + bytes(item);
  }
  out.push(more(items.length - i));
  const text = out.join('\n');
  if (bytes(text) <= budget) return text;
  const pointer = more(items.length);
  return bytes(pointer) <= budget ? pointer : '';
}

function tableRows(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return markdownTable(headers, rows).split('\n');
}

function table(
  title: string,
  headers: string[],
  rows: string[][],
  budget: number,
  more: (n: number) => string,
): string {
  if (rows.length === 0) return '';
  const lines = tableRows(headers, rows);
  return fit([title, '', ...lines.slice(0, 2)], lines.slice(2), budget, (n) => `\n${more(n)}`);
}

export function renderSummary(result: AuditResult, opts: SummaryOptions): string {
  const maxBytes = opts.maxBytes ?? SUMMARY_MAX_BYTES;
  const c = countResult(result);
  const json = codeSpan(opts.jsonFile);
  const cutRows = (what: string) => (n: number) =>
    `_${plural(n, `more ${what}`)} cut to fit GitHub's summary limit: see the JSON report ${json}._`;
  const counts = perAccount(result.findings);
  const failing = result.findings.filter((f) => !f.exempted);
  const exempted = result.findings.filter((f) => f.exempted);
  const expired = failing.filter((f) => f.exemptionExpired);
  const failedAccounts = result.accounts.filter((a) => a.status === 'error');
  // Identifiers (user names, account ids, aliases) are inline code: inert, and they copy exactly.
  const user = (f: Finding) => codeSpan(truncate(f.userName, MAX_NAME), { inTable: true });
  const userText = (f: Finding) => codeSpan(truncate(f.userName, MAX_NAME));
  const id = (s: string) => codeSpan(truncate(s, MAX_NAME), { inTable: true });
  const idText = (s: string) => codeSpan(truncate(s, MAX_NAME));
  const key = (f: Finding) =>
    f.accessKeyId ? `${codeSpan(f.accessKeyId, { inTable: true })} (slot ${f.keySlot})` : `slot ${f.keySlot}`;

  const blocks: { name: string; priority: number; render: Block }[] = [];
  const add = (name: string, priority: number, render: Block) => blocks.push({ name, priority, render });

  const alertsUrl = opts.repository ? codeScanningAlertsUrl(opts.repository) : null;
  const caveat = offlineCaveat(result);
  add('verdict', 0, () =>
    [
      `### ${verdictText(result, c)}`,
      '',
      settingsText(result, escapeMarkdown),
      ...(caveat !== null ? ['', `> [!NOTE]\n> ${renderNote(caveat)}`] : []),
      ...(alertsUrl && linkable(alertsUrl)
        ? ['', `[Open code scanning alerts of this tool](${alertsUrl})`]
        : []),
    ].join('\n'),
  );

  add('accounts', 6, (budget) =>
    table(
      '#### Accounts',
      [
        'Account',
        'Alias',
        'Users scanned',
        'Findings',
        'Exempted',
        'Resolved since report',
        'Report',
        'Status',
      ],
      result.accounts.map((a) => {
        const n = counts.get(a.accountId) ?? { findings: 0, exempted: 0 };
        const report = [
          a.source.kind === 'file' ? codeSpan(truncate(a.source.path, 200), { inTable: true }) : null,
          reportAge(a, result.generatedAt),
        ].filter((x): x is string => x !== null);
        return [
          id(a.accountId),
          a.alias ? id(a.alias) : '—',
          String(a.usersScanned),
          String(n.findings),
          // exempt-users applies offline too, so the count means something there; nothing is
          // confirmed against the API offline, so nothing can be resolved since the report
          String(n.exempted),
          result.mode === 'offline' ? 'n/a' : String(a.resolvedSinceReport),
          report.length > 0 ? report.join(' ') : '—',
          a.status === 'ok' ? '✅ ok' : `❌ ${escapeMarkdown(shortError(a))}`,
        ];
      }),
      budget,
      cutRows('account'),
    ),
  );

  add('findings', 7, (budget) =>
    table(
      `#### Unused ${keysNoun(result, 2)}`,
      ['Account', 'User', 'Key', 'Key created', 'Setup gap', 'Last used', 'MFA'],
      failing.map((f) => [
        id(f.accountId),
        user(f) + (f.exemptionExpired ? ' ⚠️ exemption expired' : ''),
        key(f),
        keyCreatedText(f),
        setupGapText(f),
        escapeMarkdown(describeUse(f, result.asOf)),
        f.mfaActive ? 'yes' : '**no**',
      ]),
      budget,
      cutRows('finding'),
    ),
  );

  add('expired', 5, (budget) =>
    fit(
      [
        '#### Expired exemptions',
        '',
        'These keys are findings again: their exemption ended. Renew it with a later `expires=` date, or remove the key.',
        '',
      ],
      expired.map(
        (f) =>
          `- ${userText(f)} in ${idText(f.accountId)}: ` +
          `${escapeMarkdown(truncate(f.justification ?? '', MAX_MESSAGE))}`,
      ),
      budget,
      cutRows('expired exemption'),
    ),
  );

  add('exempted', 8, (budget) =>
    table(
      '#### Exempted keys',
      ['Account', 'User', 'Key', 'Key created', 'Last used', 'Justification'],
      exempted.map((f) => [
        id(f.accountId),
        user(f),
        key(f),
        keyCreatedText(f),
        escapeMarkdown(describeUse(f, result.asOf)),
        f.justification ? escapeMarkdown(truncate(f.justification, MAX_MESSAGE)) : '—',
      ]),
      budget,
      cutRows('exempted key'),
    ),
  );

  add('fix', 9, (budget) => {
    if (failing.length === 0) return '';
    const head = [
      '#### How to fix',
      '',
      'Deactivate each key first (reversible), check that nothing breaks, then delete it. If a key is ' +
        `really needed, tag its user with ${codeSpan(result.settings.exemptionTag)} saying why ` +
        '(optionally ending with `expires=YYYY-MM-DD`) to exempt it.',
    ].join('\n');
    const render = (n: number): string => {
      const shown = failing.slice(0, n);
      const open = shown.slice(0, OPEN_FIX_BLOCKS);
      const folded = shown.slice(OPEN_FIX_BLOCKS);
      const parts = [head, fixCommandsMarkdown(open, userText, idText)];
      if (folded.length > 0) {
        parts.push(
          `<details><summary>Commands for ${plural(folded.length, 'more key')}</summary>\n\n` +
            `${fixCommandsMarkdown(folded, userText, idText)}\n\n</details>`,
        );
      }
      const left = failing.length - shown.length;
      if (left > 0)
        parts.push(`_Commands for ${plural(left, 'more key')} are left out: see the JSON report ${json}._`);
      return parts.join('\n\n');
    };
    // As many keys as fit the budget (rarely fewer than MAX_FIX_BLOCKS: the summary limit is 1 MiB).
    for (let n = Math.min(failing.length, MAX_FIX_BLOCKS); n >= 0; n--) {
      const text = render(n);
      if (bytes(text) <= budget) return text;
      if (n > 12) n = Math.max(12, Math.floor(n * 0.8)); // big cuts first, then key by key
    }
    return '';
  });

  add('failed', 2, (budget) =>
    fit(
      ['#### Accounts that could not be audited', ''],
      failedAccounts.map(
        (a) =>
          `- ${idText(a.accountId)}${a.alias ? ` (${idText(a.alias)})` : ''}: ` +
          (a.errorCode ? `**${escapeMarkdown(shortError(a))}** — ` : '') +
          escapeMarkdown(truncate(a.error ?? 'unknown error', MAX_MESSAGE)) +
          (a.hint ? `\n  - To fix: ${escapeMarkdown(truncate(a.hint, MAX_MESSAGE))}` : ''),
      ),
      budget,
      cutRows('failed account'),
    ),
  );

  add('carried', 3, () => {
    const n = result.carriedForward.length;
    if (n === 0) return '';
    return (
      `**${plural(n, 'open code scanning alert')}** of accounts that could not be audited ` +
      `${n === 1 ? 'was' : 'were'} carried forward, so ${n === 1 ? 'it stays' : 'they stay'} open until the next good run.`
    );
  });

  add('dropped', 3, () => {
    const { total, dropped } = sarifResultCounts(result);
    if (dropped === 0) return '';
    return (
      `⚠️ The SARIF file holds the first ${SARIF_MAX_RESULTS.toLocaleString('en-US')} of ` +
      `${total.toLocaleString('en-US')} results (GitHub's limit per run); ${plural(dropped, 'result')} ` +
      `${dropped === 1 ? 'was' : 'were'} dropped. The JSON report ${json} lists every finding.`
    );
  });

  add('notes', 4, (budget) =>
    fit(
      ['#### Notes', ''],
      allNotes(result).map((n) => `- ${renderNote(n)}`),
      budget,
      cutRows('note'),
    ),
  );

  add('issues', 1, () => (opts.issues ? issuesText(opts.issues) : ''));

  add('footer', 1, () =>
    result.mode === 'offline'
      ? `Full report: JSON ${json} · SARIF ${codeSpan(opts.sarifFile)}. This offline run keeps them only ` +
        'if the workflow uploads them: add an `actions/upload-artifact` step with these paths (the README ' +
        'shows one), and `github/codeql-action/upload-sarif` for code scanning.'
      : `Full report: JSON ${json} · SARIF ${codeSpan(opts.sarifFile)}`,
  );

  const join = (parts: string[]) => parts.filter((p) => p !== '').join('\n\n') + '\n';

  const full = join(blocks.map((b) => b.render(Infinity)));
  if (bytes(full) <= maxBytes) return full;

  // Too big: give each block, most important first, what is left after reserving room for the rest.
  const cutNotice =
    "> [!WARNING]\n> This summary was cut to fit GitHub's limit of 1 MiB per step; " +
    `the JSON report ${json} has everything.`;
  const rendered = new Map<string, string>();
  let remaining = maxBytes - bytes(cutNotice) - 2 - 2 * blocks.length - 1;
  const byPriority = [...blocks].sort((a, b) => a.priority - b.priority);
  byPriority.forEach((b, i) => {
    const reserve = 400 * (byPriority.length - i - 1);
    const text = b.render(Math.max(0, remaining - reserve));
    const size = bytes(text);
    if (size <= remaining) {
      rendered.set(b.name, text);
      remaining -= size;
    }
  });
  const parts = blocks.map((b) => rendered.get(b.name) ?? '');
  parts.splice(1, 0, cutNotice);
  const out = join(parts);
  // The verdict alone is small; only an absurdly low maxBytes gets here.
  return bytes(out) <= maxBytes ? out : truncateBytes(out, maxBytes);
}

function truncateBytes(s: string, max: number): string {
  let out = s;
  while (bytes(out) > max)
    out = out.slice(0, Math.max(0, out.length - Math.ceil((bytes(out) - max) / 4) - 1));
  return out;
}

/**
 * The fix commands of some keys, in whichever is shorter: one `sh` block per key under its user's name,
 * or one script with a comment line per key (shorter once there are a few keys).
 */
function fixCommandsMarkdown(
  findings: readonly Finding[],
  userText: (f: Finding) => string,
  idText: (s: string) => string,
): string {
  const perKey = findings
    .map((f) => `${userText(f)} in ${idText(f.accountId)}:\n\n${codeBlock(fixCommands(f), 'sh')}`)
    .join('\n\n');
  const script = codeBlock(
    findings.flatMap((f, i) => [
      ...(i > 0 ? [''] : []),
      `# ${shellQuote(f.userName)} in ${plain(f.accountId)}, slot ${f.keySlot}`,
      ...fixCommands(f),
    ]),
    'sh',
  );
  return bytes(script) < bytes(perKey) ? script : perKey;
}

function issuesText(i: IssueSyncOutcome): string {
  const lines = ['#### Issues', ''];
  lines.push(
    `Opened ${i.opened}, updated ${i.updated}, reopened ${i.reopened}, closed ${i.closed}.` +
      (i.skipped > 0 ? ` ${plural(i.skipped, 'issue')} not opened: \`max-issues\` reached.` : ''),
  );
  const listed = i.issues.slice(0, MAX_ISSUE_LINKS);
  if (listed.length > 0) {
    lines.push(
      '',
      ...listed.map((t) => {
        const ref = linkable(t.url) ? `[#${t.number}](${t.url})` : `issue ${t.number}`;
        return `- ${ref} ${t.action}: ${codeSpan(truncate(t.userName, MAX_NAME))} in ${codeSpan(t.accountId)}`;
      }),
    );
    const rest = i.issues.length - listed.length;
    if (rest > 0) lines.push(`- _and ${plural(rest, 'more issue')}_`);
  }
  if (i.error)
    lines.push('', `⚠️ Issues could not be kept in sync: ${escapeMarkdown(truncate(i.error, MAX_MESSAGE))}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Terminal

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

export function renderTerminal(result: AuditResult, opts: { jsonFile: string; sarifFile: string }): string {
  const c = countResult(result);
  const counts = perAccount(result.findings);
  const failing = result.findings.filter((f) => !f.exempted);
  const exempted = result.findings.filter((f) => f.exempted);
  const out: string[] = [verdictText(result, c), settingsText(result)];
  const caveat = offlineCaveat(result);
  if (caveat !== null) out.push('', `Note: ${plain(caveat.replace(/`/g, ''), MAX_MESSAGE)}`);
  const section = (title: string, body: string) => out.push('', title, body);
  const key = (f: Finding) =>
    f.accessKeyId ? `${plain(f.accessKeyId)} (slot ${f.keySlot})` : `slot ${f.keySlot}`;

  if (result.accounts.length > 0) {
    section(
      'Accounts',
      columns(
        ['ACCOUNT', 'ALIAS', 'USERS', 'FINDINGS', 'EXEMPTED', 'RESOLVED', 'REPORT', 'STATUS'],
        result.accounts.map((a) => {
          const n = counts.get(a.accountId) ?? { findings: 0, exempted: 0 };
          return [
            plain(a.accountId),
            a.alias ? plainId(a.alias) : '-',
            String(a.usersScanned),
            String(n.findings),
            String(n.exempted),
            result.mode === 'offline' ? 'n/a' : String(a.resolvedSinceReport),
            a.source.kind === 'file' ? plain(a.source.path, 200) : (reportAge(a, result.generatedAt) ?? '-'),
            a.status === 'ok' ? 'ok' : `FAILED: ${shortError(a)}`,
          ];
        }),
      ),
    );
  }
  if (failing.length > 0) {
    section(
      `Unused ${keysNoun(result, 2)}`,
      columns(
        ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'SETUP GAP', 'MFA', 'LAST USED'],
        failing.map((f) => [
          plain(f.accountId),
          plainId(f.userName) + (f.exemptionExpired ? ' (exemption expired)' : ''),
          key(f),
          keyCreatedText(f),
          setupGapText(f),
          f.mfaActive ? 'yes' : 'no',
          plain(describeUse(f, result.asOf), 200),
        ]),
      ),
    );
  }
  if (exempted.length > 0) {
    section(
      'Exempted keys',
      columns(
        ['ACCOUNT', 'USER', 'KEY', 'KEY CREATED', 'JUSTIFICATION'],
        exempted.map((f) => [
          plain(f.accountId),
          plainId(f.userName),
          key(f),
          keyCreatedText(f),
          plain(f.justification ?? '-', MAX_MESSAGE),
        ]),
      ),
    );
  }
  if (failing.length > 0) {
    const shown = failing.slice(0, MAX_FIX_BLOCKS);
    const lines = shown.flatMap((f) => [
      `  # ${plainId(f.userName)} in ${plain(f.accountId)}`,
      ...fixCommands(f).map((l) => `  ${l}`),
    ]);
    if (failing.length > shown.length) {
      lines.push(
        `  # ... ${plural(failing.length - shown.length, 'more key')}: see ${plain(opts.jsonFile, 500)}`,
      );
    }
    section('How to fix (deactivate first, then delete)', lines.join('\n'));
  }
  const failed = result.accounts.filter((a) => a.status === 'error');
  if (failed.length > 0) {
    section(
      'Accounts that could not be audited',
      failed
        .map(
          (a) =>
            `  ${plain(a.accountId)}${a.alias ? ` (${plainId(a.alias)})` : ''}: ${plain(a.error ?? 'unknown error', MAX_MESSAGE)}` +
            (a.hint ? `\n    to fix: ${plain(a.hint, MAX_MESSAGE)}` : ''),
        )
        .join('\n'),
    );
  }
  const extra: string[] = [];
  if (result.carriedForward.length > 0) {
    extra.push(`${plural(result.carriedForward.length, 'open alert')} of failed accounts carried forward`);
  }
  const { dropped } = sarifResultCounts(result);
  if (dropped > 0) extra.push(`SARIF holds the first ${SARIF_MAX_RESULTS} results; ${dropped} dropped`);
  extra.push(...allNotes(result).map((n) => plain(n, MAX_MESSAGE)));
  if (extra.length > 0) section('Notes', extra.map((n) => `  - ${n}`).join('\n'));
  out.push('', `Full report: JSON ${plain(opts.jsonFile, 500)}, SARIF ${plain(opts.sarifFile, 500)}`);
  return out.join('\n');
}

/**
 * The banner of a run that was stopped before it finished (SIGTERM, or the whole-run time limit): what
 * stopped it, how far it got, and that the SARIF and JSON files were left as they were.
 */
export function interruptedBanner(opts: {
  reason: 'cancelled' | 'timed out';
  detail: string;
  finished: number;
  planned: number | null;
  filesWritten: boolean;
}): string {
  const progress =
    opts.planned === null
      ? `${plural(opts.finished, 'account')} finished before it stopped`
      : `${opts.finished} of ${plural(opts.planned, 'account')} finished before it stopped`;
  const files = opts.filesWritten
    ? 'The SARIF and JSON files were written before it stopped.'
    : 'The SARIF and JSON files were not written (any previous ones are unchanged), so no code scanning alert closes.';
  return `### ⛔ Audit ${opts.reason}: ${opts.detail}\n\n${progress}; the results below are incomplete. ${files}\n\n`;
}
