/**
 * What a reader copies out of rendered Markdown: the code spans of one line, read as CommonMark (and GFM
 * tables) read them. A backtick run opens a span that the next run of the same length closes; the content
 * loses one leading and one trailing space when it has both (and is not all spaces). In a GFM table cell
 * `\|` inside a span renders as `|` (GFM splits the cells first).
 */
export function codeSpans(line: string, opts: { inTable?: boolean } = {}): string[] {
  const spans: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\' && !opts.inTable) {
      i += 2; // an escaped backtick opens nothing
      continue;
    }
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const fence = line.slice(i, j);
    // the closing run: exactly as long as the opening one
    let k = j;
    let close = -1;
    while (k < line.length) {
      if (line[k] !== '`') {
        k++;
        continue;
      }
      let e = k;
      while (line[e] === '`') e++;
      if (e - k === fence.length) {
        close = k;
        break;
      }
      k = e;
    }
    if (close < 0) {
      i = j; // no closing run: the backticks are literal
      continue;
    }
    let content = line.slice(j, close);
    if (/^ .* $/.test(content) && /[^ ]/.test(content)) content = content.slice(1, -1);
    if (opts.inTable) content = content.replace(/\\\|/g, '|');
    spans.push(content);
    i = close + fence.length;
  }
  return spans;
}

/** The line with its code spans replaced by ` CODE ` (what is left to render as Markdown). */
export function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, ' CODE ');
}
