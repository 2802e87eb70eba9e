/**
 * Notes: what the reader of a summary must know besides the findings (a report row that could not be
 * read, accounts left out, a history or Security Hub that was not available). A note is typed at its
 * producer, in parts: text, and names quoted as code (paths, input names, ids), so that no renderer has
 * to guess which is which. The Markdown summary shows code parts as code spans, the terminal as they
 * are, a log line in backticks.
 *
 *   note`Account ${code(accountId)}: ${code(path)} line ${line} could not be read: ${detail}.`
 *
 * Literal text and plain values (`detail` above, untrusted or not) are text; `code(...)` values are code.
 */

export type NotePart = { readonly text: string } | { readonly code: string };

export interface Note {
  /** Never empty text parts; two text parts are never next to each other. */
  readonly parts: readonly NotePart[];
}

/** A name quoted in a note: shown as code, copied exactly. */
export function code(value: string): NotePart {
  return { code: value };
}

type NoteValue = string | number | NotePart | Note;

function partsOf(value: NoteValue): readonly NotePart[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ text: String(value) }];
  return 'parts' in value ? value.parts : [value];
}

/** Text and code parts, adjacent text joined and empty text dropped. */
function normalized(parts: readonly NotePart[]): NotePart[] {
  const out: NotePart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if ('text' in p) {
      if (p.text === '') continue;
      if (last && 'text' in last) out[out.length - 1] = { text: last.text + p.text };
      else out.push(p);
    } else {
      out.push(p);
    }
  }
  return out;
}

/** A note from a template: see the module comment. A Note value is spliced in with its parts. */
export function note(strings: TemplateStringsArray, ...values: NoteValue[]): Note {
  const parts: NotePart[] = [];
  strings.forEach((s, i) => {
    parts.push({ text: s });
    if (i < values.length) parts.push(...partsOf(values[i] as NoteValue));
  });
  return { parts: normalized(parts) };
}

/** One line for a log or a test: code parts in backticks, as the notes read when they were strings. */
export function noteText(n: Note): string {
  return n.parts.map((p) => ('text' in p ? p.text : `\`${p.code}\``)).join('');
}

/** The note as plain text: code parts as they are (a terminal has no code style). */
export function notePlain(n: Note): string {
  return n.parts.map((p) => ('text' in p ? p.text : p.code)).join('');
}
