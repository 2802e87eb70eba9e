/**
 * The job summary (docs/design.md §4), rendered from the summary model: verdict first, then the accounts, the
 * findings, the exemptions, the fix, the failures, and what else the reader must know. Pure; every
 * untrusted string is escaped. It fits GitHub's limit per step: when too big, each block gets what is
 * left, most important first.
 */
import type { AuditResult, Finding } from '../model.js';
import { SINK_DEFINITIONS, type SinkKey } from '../inputs/sinks.js';
import { noteText, type Note, type NotePart } from '../notes.js';
import { keyCreationNote, plural, shellQuote } from './format.js';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  markdownTable,
  markdownTableLine,
  noteMarkdown,
  oneLine,
  truncate,
} from './markdown.js';
import { SARIF_MAX_RESULTS } from './sarif.js';
import { SINK_VIEWS, type MarkdownTools, type SinkOutcomes, type SinkResults } from './sinks.js';
import {
  MAX_FIX_BLOCKS,
  MAX_MESSAGE,
  buildSummaryModel,
  interruptionText,
  shortError,
  type AccountRow,
  type FindingRow,
  type FixSection,
  type Interruption,
  type Repository,
  type SummaryFiles,
  type SummaryModel,
} from './summary-model.js';

/** GitHub accepts 1 MiB of summary per step; stay a little below. */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** Keys whose fix commands are shown open; the rest (up to MAX_FIX_BLOCKS) are in a collapsed `<details>`. */
export const OPEN_FIX_BLOCKS = 10;
/** Issues listed as links at most (the issues sink's block, report/sinks.ts). */

const MAX_NAME = 128;

/** The report files, and each sink's outcome by its key (`issues`, `securityHub`; null or absent: did not run). */
export interface SummaryOptions extends SummaryFiles, SinkResults {
  maxBytes?: number;
  /**
   * The repository the workflow runs in (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`): links its code
   * scanning alerts of this tool. Null or absent: no link.
   */
  repository?: Repository | null;
}

/** A URL safe to put in a Markdown link destination: http(s), no spaces, brackets or quotes. */
function linkable(url: string): boolean {
  return /^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url);
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// Budgeted blocks: each renders as much as fits in `budget` bytes, ending with a pointer when cut.

/**
 * A list whose items may be made when first asked for (a table of 10,000 findings is cut long before its
 * end). An array is one.
 */
interface Items {
  readonly length: number;
  at(i: number): string | undefined;
}

/**
 * `head` lines, then as many `items` as fit, then `more(n)` when `n` items were left out (and `c.cut`
 * set). The whole text is joined only when it fits; items are made only as far as the budget reaches.
 */
function fit(
  c: Ctx,
  head: readonly string[],
  items: Items,
  budget: number,
  more: (n: number) => string,
): string {
  const item = (i: number) => items.at(i) as string;
  if (items.length === 0) return '';
  let used = bytes(head.join('\n'));
  // The whole text: `head`, every item, a newline between each (and after `head`, when there is one).
  let whole = used + (head.length > 0 ? items.length : items.length - 1);
  for (let i = 0; i < items.length && whole <= budget; i++) whole += bytes(item(i));
  if (whole <= budget) {
    const all: string[] = [...head];
    for (let i = 0; i < items.length; i++) all.push(item(i));
    return all.join('\n');
  }
  c.cut = true;
  const out = [...head];
  let i = 0;
  for (; i < items.length; i++) {
    const size = bytes(item(i));
    const tail = bytes(`\n${more(items.length - i - 1)}`);
    if (used + 1 + size + tail > budget) break;
    out.push(item(i));
    used += 1 + size;
  }
  out.push(more(items.length - i));
  const text = out.join('\n');
  if (bytes(text) <= budget) return text;
  const pointer = more(items.length);
  return bytes(pointer) <= budget ? pointer : '';
}

/** A table's lines: its header and separator, then one line per row, each made once, when first needed. */
interface TableLines {
  head: string[];
  rows: Items;
}

/**
 * A table, its lines made once per summary and only as far as needed (a cut summary fits the same lines
 * again, with less room).
 */
function table(
  c: Ctx,
  title: string,
  headers: string[],
  rows: { length: number; at(i: number): string[] },
  budget: number,
  more: (n: number) => string,
): string {
  let lines = c.tables.get(title);
  if (lines === undefined) {
    const made: string[] = [];
    lines = {
      head: markdownTable(headers, []).split('\n'),
      rows: {
        length: rows.length,
        at: (i) => (made[i] ??= markdownTableLine(headers, rows.at(i))),
      },
    };
    c.tables.set(title, lines);
  }
  if (lines.rows.length === 0) return '';
  return fit(c, [title, '', ...lines.head], lines.rows, budget, (n) => `\n${more(n)}`);
}

/** Rows of a table from a list, each made when first needed. */
function rowsOf<T>(
  list: readonly T[],
  row: (item: T) => string[],
): { length: number; at(i: number): string[] } {
  return { length: list.length, at: (i) => row(list[i] as T) };
}

// ---------------------------------------------------------------------------------------------------
// The blocks, in the order they are shown. Identifiers (user names, account ids, aliases) are inline
// code: inert, and they copy exactly.

/** What every block needs besides the model: the pointer written when a list is cut. */
interface Ctx {
  m: SummaryModel;
  json: string;
  cutRows(what: string): (n: number) => string;
  /** Each table's Markdown lines by title, made as far as needed. */
  tables: Map<string, TableLines>;
  /** Set by a block that had to leave something out to fit its budget. */
  cut: boolean;
}

const user = (f: Finding) => codeSpan(truncate(f.userName, MAX_NAME), { inTable: true });
const userText = (f: Finding) => codeSpan(truncate(f.userName, MAX_NAME));
const id = (s: string) => codeSpan(truncate(s, MAX_NAME), { inTable: true });
const idText = (s: string) => codeSpan(truncate(s, MAX_NAME));
const key = (f: Finding) =>
  f.accessKeyId ? `${codeSpan(f.accessKeyId, { inTable: true })} (slot ${f.keySlot})` : `slot ${f.keySlot}`;

function verdictBlock({ m }: Ctx): string {
  return [
    `### ${m.verdict}`,
    '',
    `As of ${escapeMarkdown(m.settings.asOf)}${m.settings.rest}`,
    ...(m.changes !== null ? ['', escapeMarkdown(m.changes)] : []),
    ...(m.caveat !== null ? ['', `> [!NOTE]\n> ${renderNote(m.caveat)}`] : []),
    ...(m.alertsUrl && linkable(m.alertsUrl)
      ? ['', `[Open code scanning alerts of this tool](${m.alertsUrl})`]
      : []),
  ].join('\n');
}

const ACCOUNT_HEADERS = [
  'Account',
  'Alias',
  'Users scanned',
  'Findings',
  'Exempted',
  'Resolved since report',
  'Report',
  'Status',
];

function accountRow(r: AccountRow): string[] {
  const a = r.account;
  const report = [
    r.reportFile !== null ? codeSpan(truncate(r.reportFile, 200), { inTable: true }) : null,
    r.reportAge,
  ].filter((x): x is string => x !== null);
  return [
    id(a.accountId),
    a.alias ? id(a.alias) : '—',
    String(a.usersScanned),
    String(r.findings),
    // exempt-users applies offline too, so the count means something there; nothing is
    // confirmed against the API offline, so nothing can be resolved since the report
    String(r.exempted),
    r.resolved,
    report.length > 0 ? report.join(' ') : '—',
    // what happened to the account; the Findings column speaks for its keys, the error has its own block
    a.status === 'ok' ? 'audited' : `❌ failed: ${escapeMarkdown(shortError(a))}`,
  ];
}

function accountsBlock(c: Ctx, budget: number): string {
  return table(
    c,
    '#### Accounts',
    ACCOUNT_HEADERS,
    rowsOf(c.m.accounts, accountRow),
    budget,
    c.cutRows('account'),
  );
}

function findingsBlock(c: Ctx, budget: number): string {
  return table(
    c,
    `#### ${c.m.findingsTitle}`,
    [
      'Account',
      'User',
      'Key',
      'Key created',
      'Setup gap',
      'Last used',
      'MFA',
      ...(c.m.showReported ? ['Reported'] : []),
      ...(c.m.showMadeBy ? ['Made by'] : []),
    ],
    rowsOf(c.m.failing, ({ finding: f, keyCreated, setupGap, use, reported, madeBy }) => [
      id(f.accountId),
      user(f) + (f.exemptionExpired ? ' ⚠️ exemption expired' : ''),
      key(f),
      keyCreated,
      setupGap,
      escapeMarkdown(use),
      f.mfaActive ? 'yes' : '**no**',
      ...(c.m.showReported ? [reported !== null ? escapeMarkdown(reported) : '—'] : []),
      ...(c.m.showMadeBy ? [madeBy !== null ? noteMarkdown(madeBy, { inTable: true }) : '—'] : []),
    ]),
    budget,
    c.cutRows('finding'),
  );
}

function deactivatedBlock(c: Ctx, budget: number): string {
  if (c.m.deactivated.length === 0) return '';
  return fit(
    c,
    [
      '#### Deactivated by this run',
      '',
      'Set Inactive (not deleted) after their notice period. To restore one, run its command; to keep a key, ' +
        'exempt its user with the exemption tag first.',
      '',
    ],
    c.m.deactivated.map(
      ({ finding: f, restore }) =>
        `- ${userText(f)} in ${idText(f.accountId)}, key ${codeSpan(f.accessKeyId ?? '')}: ${codeSpan(restore)}`,
    ),
    budget,
    c.cutRows('deactivated key'),
  );
}

function wouldDeactivateBlock(c: Ctx, budget: number): string {
  const keys = c.m.wouldDeactivate;
  if (keys === null || keys.length === 0) return '';
  return fit(
    c,
    [
      '#### Would be deactivated',
      '',
      '`remediate: plan`: these keys are due and passed the live check; `remediate: deactivate` would set them Inactive.',
      '',
    ],
    keys.map(
      (f) =>
        `- ${userText(f)} in ${idText(f.accountId)}, key ${codeSpan(f.accessKeyId ?? '')}` +
        (f.remediation?.dueAt ? ` (due since ${escapeMarkdown(f.remediation.dueAt.slice(0, 10))})` : ''),
    ),
    budget,
    c.cutRows('key to deactivate'),
  );
}

function expiredBlock(c: Ctx, budget: number): string {
  return fit(
    c,
    [
      '#### Expired exemptions',
      '',
      'These keys are findings again: their exemption ended. Renew it with a later `expires=` date, or remove the key.',
      '',
    ],
    c.m.expired.map(
      (f) =>
        `- ${userText(f)} in ${idText(f.accountId)}: ` +
        `${escapeMarkdown(truncate(f.justification ?? '', MAX_MESSAGE))}`,
    ),
    budget,
    c.cutRows('expired exemption'),
  );
}

function exemptedBlock(c: Ctx, budget: number): string {
  return table(
    c,
    '#### Exempted keys',
    ['Account', 'User', 'Key', 'Key created', 'Last used', 'Justification'],
    rowsOf(c.m.exempted, ({ finding: f, keyCreated, use }: FindingRow) => [
      id(f.accountId),
      user(f),
      key(f),
      keyCreated,
      escapeMarkdown(use),
      f.justification ? escapeMarkdown(truncate(f.justification, MAX_MESSAGE)) : '—',
    ]),
    budget,
    c.cutRows('exempted key'),
  );
}

function selfCreatedBlock(c: Ctx, budget: number): string {
  return fit(
    c,
    [
      '#### Keys their users made',
      '',
      'Not findings: CloudTrail shows that each user made the key themself, so it was not provisioned at user setup.',
      '',
    ],
    c.m.selfCreated.map(({ finding: f }) => {
      const made = keyCreationNote(f);
      const id = f.accessKeyId ? `key ${codeSpan(f.accessKeyId)}` : `slot ${f.keySlot}`;
      return `- ${userText(f)} in ${idText(f.accountId)}, ${id}${made ? `: ${renderNote(made)}` : ''}`;
    }),
    budget,
    c.cutRows('key made by its user'),
  );
}

function fixBlock(c: Ctx, budget: number): string {
  const fix = c.m.fix;
  if (!fix) return '';
  const head = [
    '#### How to fix',
    '',
    'Deactivate each key first (reversible), check that nothing breaks, then delete it. If a key is ' +
      `really needed, tag its user with ${codeSpan(fix.exemptionTag)} saying why ` +
      '(optionally ending with `expires=YYYY-MM-DD`) to exempt it.',
  ].join('\n');
  const render = (n: number): string => {
    const shown = fix.blocks.slice(0, n);
    const open = shown.slice(0, OPEN_FIX_BLOCKS);
    const folded = shown.slice(OPEN_FIX_BLOCKS);
    const parts = [head, fixCommandsMarkdown(open)];
    if (folded.length > 0) {
      parts.push(
        `<details><summary>Commands for ${plural(folded.length, 'more key')}</summary>\n\n` +
          `${fixCommandsMarkdown(folded)}\n\n</details>`,
      );
    }
    const left = fix.total - shown.length;
    if (left > 0)
      parts.push(`_Commands for ${plural(left, 'more key')} are left out: see the JSON report ${c.json}._`);
    return parts.join('\n\n');
  };
  // As many keys as fit the budget (rarely fewer than MAX_FIX_BLOCKS: the summary limit is 1 MiB).
  const most = Math.min(fix.blocks.length, MAX_FIX_BLOCKS);
  for (let n = most; n >= 0; n--) {
    const text = render(n);
    if (bytes(text) <= budget) {
      if (n < most) c.cut = true;
      return text;
    }
    if (n > 12) n = Math.max(12, Math.floor(n * 0.8)); // big cuts first, then key by key
  }
  c.cut = true;
  return '';
}

/**
 * The fix commands of some keys, in whichever is shorter: one `sh` block per key under its user's name,
 * or one script with a comment line per key (shorter once there are a few keys).
 */
function fixCommandsMarkdown(blocks: FixSection['blocks']): string {
  const perKey = blocks
    .map(
      ({ finding: f, commands }) =>
        `${userText(f)} in ${idText(f.accountId)}:\n\n${codeBlock(commands, 'sh')}`,
    )
    .join('\n\n');
  const script = codeBlock(
    blocks.flatMap(({ finding: f, commands }, i) => [
      ...(i > 0 ? [''] : []),
      `# ${shellQuote(f.userName)} in ${truncate(oneLine(f.accountId), MAX_NAME)}, slot ${f.keySlot}`,
      ...commands,
    ]),
    'sh',
  );
  return bytes(script) < bytes(perKey) ? script : perKey;
}

function failedBlock(c: Ctx, budget: number): string {
  return fit(
    c,
    ['#### Accounts that could not be audited', ''],
    c.m.failedAccounts.map(
      (a) =>
        `- ${idText(a.accountId)}${a.alias ? ` (${idText(a.alias)})` : ''}: ` +
        (a.errorCode ? `**${escapeMarkdown(shortError(a))}** — ` : '') +
        escapeMarkdown(truncate(a.error ?? 'unknown error', MAX_MESSAGE)) +
        (a.hint ? `\n  - To fix: ${escapeMarkdown(truncate(a.hint, MAX_MESSAGE))}` : ''),
    ),
    budget,
    c.cutRows('failed account'),
  );
}

function carriedBlock({ m }: Ctx): string {
  const n = m.carriedAlerts;
  if (n === 0) return '';
  return (
    `**${plural(n, 'open code scanning alert')}** of accounts that could not be audited ` +
    `${n === 1 ? 'was' : 'were'} carried forward, so ${n === 1 ? 'it stays' : 'they stay'} open until the next good run.`
  );
}

function droppedBlock({ m, json }: Ctx): string {
  const { total, dropped } = m.sarif;
  if (dropped === 0) return '';
  return (
    `⚠️ The SARIF file holds the first ${SARIF_MAX_RESULTS.toLocaleString('en-US')} of ` +
    `${total.toLocaleString('en-US')} results (GitHub's limit per run); ${plural(dropped, 'result')} ` +
    `${dropped === 1 ? 'was' : 'were'} dropped. The JSON report ${json} lists every finding.`
  );
}

/** Quoted names are code spans, the rest is escaped text. */
/** The first `n` UTF-16 units of `s`, never ending inside a surrogate pair. */
function head(s: string, n: number): string {
  const cut = s.slice(0, Math.max(0, n));
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * The note's parts, cut to `max` characters of its one-line form (code counted with its backticks, so
 * what was short as a string stays whole), ending with `…` when cut.
 */
function cutNote(n: Note, max: number): readonly NotePart[] {
  if (noteText(n).length <= max) return n.parts;
  const out: NotePart[] = [];
  let left = max - 1; // room for the `…`
  for (const p of n.parts) {
    const size = 'text' in p ? p.text.length : p.code.length + 2;
    if (size <= left) {
      out.push(p);
      left -= size;
      continue;
    }
    if ('text' in p) out.push({ text: `${head(p.text, left)}…` });
    else out.push(...(left > 2 ? [{ code: head(p.code, left - 2) }] : []), { text: '…' });
    break;
  }
  return out;
}

/** A note in Markdown: text escaped, names as code spans (inert, copied exactly). */
function renderNote(n: Note): string {
  return cutNote(n, MAX_MESSAGE)
    .map((p) => ('text' in p ? escapeMarkdown(p.text) : codeSpan(p.code)))
    .join('');
}

function notesBlock(c: Ctx, budget: number): string {
  return fit(
    c,
    ['#### Notes', ''],
    c.m.notes.map((n) => `- ${renderNote(n)}`),
    budget,
    c.cutRows('note'),
  );
}

/** The Markdown tools a sink's block is written with (report/sinks.ts). */
const SINK_TOOLS: MarkdownTools = { note: renderNote, linkable, maxMessage: MAX_MESSAGE, maxName: MAX_NAME };

/** The block of one sink (report/sinks.ts words it); '' when it did not run. */
function sinkBlock<K extends SinkKey>(key: K): Block {
  return ({ m }) => {
    const outcome = m.sinks[key] as SinkOutcomes[K] | null | undefined;
    if (!outcome) return '';
    const markdown = SINK_VIEWS[key].markdown as (o: SinkOutcomes[K], md: MarkdownTools) => string;
    return markdown(outcome, SINK_TOOLS);
  };
}

function footerBlock({ m }: Ctx): string {
  const files = `Full report: ${m.files.listed.map((f) => `${f.label} ${codeSpan(f.path)}`).join(' · ')}`;
  if (m.mode !== 'offline') return files;
  return (
    `${files}. This offline run keeps them only if the workflow uploads them: add an ` +
    '`actions/upload-artifact` step with these paths (the README shows one), and ' +
    '`github/codeql-action/upload-sarif` for code scanning.'
  );
}

type Block = (c: Ctx, budget: number) => string;

/** The blocks in the order shown, each with its priority when the summary must be cut (0 first). */
const BLOCKS: readonly { name: string; priority: number; render: Block }[] = [
  { name: 'verdict', priority: 0, render: verdictBlock },
  { name: 'accounts', priority: 6, render: accountsBlock },
  { name: 'findings', priority: 7, render: findingsBlock },
  { name: 'deactivated', priority: 2, render: deactivatedBlock },
  { name: 'would-deactivate', priority: 3, render: wouldDeactivateBlock },
  { name: 'expired', priority: 5, render: expiredBlock },
  { name: 'exempted', priority: 8, render: exemptedBlock },
  { name: 'selfCreated', priority: 8, render: selfCreatedBlock },
  { name: 'fix', priority: 9, render: fixBlock },
  { name: 'failed', priority: 2, render: failedBlock },
  { name: 'carried', priority: 3, render: carriedBlock },
  { name: 'dropped', priority: 3, render: droppedBlock },
  { name: 'notes', priority: 4, render: notesBlock },
  // what each sink did: short, and worth keeping when the summary must be cut
  ...SINK_DEFINITIONS.map((s) => ({ name: s.key, priority: 1, render: sinkBlock(s.key) })),
  { name: 'footer', priority: 1, render: footerBlock },
];

function join(parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}

function renderSummaryModel(m: SummaryModel, maxBytes: number = SUMMARY_MAX_BYTES): string {
  const json = codeSpan(m.files.full);
  const c: Ctx = {
    m,
    json,
    cutRows: (what) => (n) =>
      `_${plural(n, `more ${what}`)} cut to fit GitHub's summary limit: see the JSON report ${json}._`,
    tables: new Map(),
    cut: false,
  };
  // Each block as a whole, unless it alone is over the limit (then the summary must be cut anyway).
  const whole = new Map<string, string>();
  for (const b of BLOCKS) {
    c.cut = false;
    const text = b.render(c, maxBytes);
    if (!c.cut) whole.set(b.name, text);
  }
  if (whole.size === BLOCKS.length) {
    const full = join([...whole.values()]);
    if (bytes(full) <= maxBytes) return full;
  }

  // Too big: give each block, most important first, what is left after reserving room for the rest.
  const cutNotice =
    "> [!WARNING]\n> This summary was cut to fit GitHub's limit of 1 MiB per step; " +
    `the JSON report ${json} has everything.`;
  const rendered = new Map<string, string>();
  let remaining = maxBytes - bytes(cutNotice) - 2 - 2 * BLOCKS.length - 1;
  const byPriority = [...BLOCKS].sort((a, b) => a.priority - b.priority);
  byPriority.forEach((b, i) => {
    const reserve = 400 * (byPriority.length - i - 1);
    const budget = Math.max(0, remaining - reserve);
    // a block that fits whole renders as it did whole: no need to render it again
    const all = whole.get(b.name);
    const text = all !== undefined && bytes(all) <= budget ? all : b.render(c, budget);
    const size = bytes(text);
    if (size <= remaining) {
      rendered.set(b.name, text);
      remaining -= size;
    }
  });
  const parts = BLOCKS.map((b) => rendered.get(b.name) ?? '');
  parts.splice(1, 0, cutNotice);
  const out = join(parts);
  // The verdict alone is small; only an absurdly low maxBytes gets here.
  return bytes(out) <= maxBytes ? out : truncateBytes(out, maxBytes);
}

export function renderSummary(result: AuditResult, opts: SummaryOptions): string {
  return renderSummaryModel(buildSummaryModel(result, opts), opts.maxBytes);
}

function truncateBytes(s: string, max: number): string {
  let out = s;
  while (bytes(out) > max)
    out = out.slice(0, Math.max(0, out.length - Math.ceil((bytes(out) - max) / 4) - 1));
  return out;
}

/** The banner of a run that was stopped before it finished, above its summary (see interruptionText). */
export function interruptedBanner(i: Interruption): string {
  const { heading, body } = interruptionText(i);
  return `### ⛔ ${heading}\n\n${body}\n\n`;
}
