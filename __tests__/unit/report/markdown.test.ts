import { describe, expect, it } from '@jest/globals';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  markdownTable,
  oneLine,
  truncate,
  visibleInvisibles,
} from '../../../src/report/markdown.js';
import { HOSTILE } from '../../helpers/results.js';

const ZWSP = '\u200b';

/** What a renderer could still read as syntax after escaping: any unescaped special character. */
function unescapedSpecials(s: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\') {
      i++; // an escaped character
      continue;
    }
    if ('`*_[]()|<>~$!'.includes(ch)) found.push(ch);
  }
  return found;
}

describe('escapeMarkdown', () => {
  it('neutralises links and images', () => {
    const out = escapeMarkdown('[x](https://evil)');
    expect(out).toBe(`\\[x\\]\\(https:${ZWSP}//evil\\)`);
    expect(escapeMarkdown('![img](http://evil/x.png)')).toBe(`\\!\\[img\\]\\(http:${ZWSP}//evil/x\\.png\\)`);
  });

  it('turns HTML into inert text', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)>');
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
    expect(escapeMarkdown('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });

  it('cannot @mention, reference issues, or autolink', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWSP}org/team`);
    expect(escapeMarkdown('cc @alice')).not.toMatch(/@[a-z]/);
    expect(escapeMarkdown('see #12 and o/r#3')).toBe(`see \\#${ZWSP}12 and o/r\\#${ZWSP}3`);
    expect(escapeMarkdown('www.evil.com')).toBe(`www${ZWSP}\\.evil\\.com`);
    expect(escapeMarkdown('WWW.evil.com')).toBe(`WWW${ZWSP}\\.evil\\.com`);
    expect(escapeMarkdown('mail me@evil.com')).toContain(`@${ZWSP}evil`);
    expect(escapeMarkdown('ftp://x')).not.toContain('://');
  });

  it('keeps everything on one line and cannot break a table', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('line1\nline2\r\n## heading')).toBe(`line1 line2  \\#${ZWSP}\\#${ZWSP} heading`);
    expect(escapeMarkdown('a\u2028b\u0000c\u001b[31m')).toBe('a b c [31m'.replace('[', '\\['));
    expect(escapeMarkdown('\u202eevil')).toBe(' evil');
  });

  it('escapes emphasis, code, strikethrough, math and list markers', () => {
    expect(escapeMarkdown('*b* _i_ ~~d~~ $x$ `c`')).toBe('\\*b\\* \\_i\\_ \\~\\~d\\~\\~ \\$x\\$ \\`c\\`');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
  });

  it.each(HOSTILE)('leaves no unescaped syntax in %j', (s) => {
    const out = escapeMarkdown(s);
    expect(unescapedSpecials(out)).toEqual([]);
    expect(out).not.toMatch(/[\n\r]/);
    expect(out).not.toMatch(/@[^\u200b]/);
    expect(out).not.toMatch(/#[^\u200b]/);
    expect(out).not.toContain('://');
    expect(out).not.toMatch(/www\./i);
  });

  it('handles very long strings and astral characters', () => {
    const long = '🔑'.repeat(50_000) + '[x](https://evil)';
    const out = escapeMarkdown(long);
    expect(out.startsWith('🔑🔑')).toBe(true);
    expect(out).toContain('\\[x\\]');
  });
});

describe('codeSpan', () => {
  it('wraps plain text in single backticks', () => {
    expect(codeSpan('abc')).toBe('`abc`');
  });

  it('uses a fence longer than any backtick run inside, padded when needed', () => {
    expect(codeSpan('x`y``z')).toBe('```x`y``z```');
    expect(codeSpan('`a`')).toBe('`` `a` ``');
    expect(codeSpan('```js\nalert(1)\n```')).toBe('```` ```js alert(1) ``` ````');
  });

  it('stays on one line and is never empty', () => {
    expect(codeSpan('a\nb')).toBe('`a b`');
    expect(codeSpan('')).toBe('` `');
  });

  it('escapes pipes inside tables only', () => {
    expect(codeSpan('a|b')).toBe('`a|b`');
    expect(codeSpan('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(codeSpan('a\\|b', { inTable: true })).toBe('`a\\\\\\|b`');
  });
});

describe('codeBlock', () => {
  it('fences with more backticks than any run inside', () => {
    expect(codeBlock(['echo hi'], 'sh')).toBe('```sh\necho hi\n```');
    expect(codeBlock(['a ```` b'])).toBe('`````\na ```` b\n`````');
  });

  it('keeps each line on one line', () => {
    expect(codeBlock(['a\nb'])).toBe('```\na b\n```');
  });
});

describe('truncate', () => {
  it('keeps short strings', () => {
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('cuts with an ellipsis within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toHaveLength(4);
    expect(truncate('abc', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('a🔑🔑', 3);
    expect(out).toBe('a…');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});

describe('markdownTable', () => {
  it('renders a GFM table with alignment', () => {
    expect(markdownTable(['A', 'B'], [['1', '2']], ['left', 'right'])).toBe(
      '| A | B |\n| --- | ---: |\n| 1 | 2 |',
    );
  });

  it('keeps escaped hostile cells inside their cell and row', () => {
    const rows = HOSTILE.map((h) => [escapeMarkdown(h), 'x']);
    const lines = markdownTable(['Name', 'X'], rows).split('\n');
    expect(lines).toHaveLength(2 + HOSTILE.length);
    for (const line of lines.slice(2)) {
      // exactly three unescaped pipes: the borders and the one separator
      expect(line.replace(/\\./g, '').match(/\|/g)).toHaveLength(3);
    }
  });

  it('pads missing cells, fills empty ones and flattens stray newlines', () => {
    expect(markdownTable(['A', 'B'], [['a\nb']])).toBe('| A | B |\n| --- | --- |\n| a b |   |');
  });
});

describe('oneLine', () => {
  it('replaces control characters with spaces', () => {
    expect(oneLine('a\tb\nc\u0085d')).toBe('a b c d');
  });
});

describe('visibleInvisibles', () => {
  it('shows LRM/RLM, bidi marks and zero-width characters as \\uXXXX; leaves other text as is', () => {
    expect(visibleInvisibles('ali\u200ece')).toBe('ali\\u200ece');
    expect(visibleInvisibles('\u200f\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\u061c')).toBe(
      '\\u200f\\u200b\\u200c\\u200d\\u2060\\ufeff\\u202e\\u2066\\u061c',
    );
    expect(visibleInvisibles('bob.smith+ops@x,y=z_é')).toBe('bob.smith+ops@x,y=z_é');
  });
});
