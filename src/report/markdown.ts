/**
 * Markdown helpers for untrusted strings (user names, tag values, error messages) in the job summary
 * and the GitHub issue bodies. Whatever goes in comes out as inert text: no HTML, no links, no
 * @mentions, no #references, no table breaks, one line.
 */

import type { Note } from '../notes.js';

/** Zero-width space: breaks `@mentions`, `#references` and autolinks without showing. */
const ZWSP = '\u200b';

/**
 * C0/C1 controls (newlines included), line/paragraph separators, and the bidirectional overrides and
 * isolates that can make text read differently from what it is ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that show as nothing (or only reorder text): soft hyphen, Arabic letter mark, Mongolian
 * vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and
 * invisible operators, and the BOM (zero-width no-break space).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Shows invisible characters of an identifier (user name, ARN, alias) as `\u200e`-style escapes, so
 * `alice` and `ali\u200ece` cannot look the same. Apply to the raw string, before escaping it or
 * putting it in a code span (for display only: SARIF, JSON and shell commands keep the exact name).
 */
export function visibleInvisibles(s: string): string {
  return s.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Control characters (newlines included) become spaces. */
export function oneLine(s: string): string {
  return s.replace(CONTROL, ' ');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * ASCII punctuation that Markdown (CommonMark + GFM, GitHub math) may give a meaning to in one line of
 * text; all are backslash-escapable. (`#` is handled with `@`.)
 */
const MD_SPECIAL = new Set('\\`*_{}[]()+-.!|~$'.split(''));

/**
 * Escape an untrusted string for Markdown text (paragraphs, list items, table cells):
 * - HTML is inert (`& < > " '` become entities);
 * - Markdown punctuation is backslash-escaped (no emphasis, links, images, headings, tables, math);
 * - `@` and `#` are followed by a zero-width space, so `@org/team` mentions nobody and `#12` links
 *   (and notifies) no issue; `://`, `www.` and `user@host` can never become an autolink;
 * - newlines and other control characters become spaces.
 */
export function escapeMarkdown(s: string): string {
  const text = oneLine(s)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
  let out = '';
  for (const ch of text) {
    const entity = ENTITIES[ch];
    if (entity !== undefined) out += entity;
    else if (ch === '@' || ch === '#') out += `${ch === '#' ? '\\#' : '@'}${ZWSP}`;
    else if (MD_SPECIAL.has(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * Inline code that shows `s` verbatim: the fence is longer than any backtick run inside, and padded
 * when `s` starts or ends with a backtick. One line. `inTable`: also escape `|`, which GFM would
 * otherwise read as a cell boundary even inside code (it renders as `|`).
 */
export function codeSpan(s: string, opts: { inTable?: boolean } = {}): string {
  // invisible and bidi characters are shown as \uXXXX, so two look-alike names never look the same
  let text = oneLine(visibleInvisibles(s));
  if (text === '') text = ' ';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  // GFM splits cells before parsing code spans; an odd number of backslashes keeps the pipe escaped.
  if (opts.inTable) text = text.replace(/(\\*)\|/g, (_m, b: string) => `${b}${b}\\|`);
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A note (src/notes.ts) in Markdown: text parts escaped, code parts as code spans (inert, copied
 * exactly); `inTable` for a table cell.
 */
export function noteMarkdown(n: Note, opts: { inTable?: boolean } = {}): string {
  return n.parts.map((p) => ('text' in p ? escapeMarkdown(p.text) : codeSpan(p.code, opts))).join('');
}

/** A fenced code block whose fence is longer than any backtick run in `lines`. */
export function codeBlock(lines: readonly string[], info = ''): string {
  const body = lines.map(oneLine);
  const longest = Math.max(2, ...body.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...body, fence].join('\n');
}

/**
 * At most `n` characters (UTF-16 code units, never splitting a surrogate pair), ending with `…` when
 * cut. Truncate raw text, then escape it (cutting escaped text could split an entity).
 */
export function truncate(s: string, n: number): string {
  if (s.length <= n) return s;
  if (n <= 0) return '';
  let cut = s.slice(0, n - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export type Align = 'left' | 'right' | 'center';

/**
 * A GFM table. Cells must already be safe Markdown (escape them with {@link escapeMarkdown} or
 * {@link codeSpan} with `inTable`); stray newlines become spaces so a cell cannot end the table.
 */
/** One row of a {@link markdownTable}: as many cells as `headers`, each on one line. */
export function markdownTableLine(
  headers: readonly string[],
  cells: readonly (string | undefined)[],
): string {
  const cell = (s: string | undefined) => (s ?? '').replace(/[\r\n]+/g, ' ').trim() || ' ';
  return `| ${headers.map((_, i) => cell(cells[i])).join(' | ')} |`;
}

export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const line = (cells: readonly (string | undefined)[]) => markdownTableLine(headers, cells);
  const sep = headers.map((_, i) => {
    const a = align[i];
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  return [line(headers), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}
