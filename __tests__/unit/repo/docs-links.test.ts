/**
 * Every relative link of the README, the other top-level pages and docs/ leads somewhere: the file or
 * folder exists in the repository, and a `#anchor` into a Markdown page names one of its headings, by
 * GitHub's rule (lowercase; drop punctuation but `-` and `_`; spaces to `-`; `-1`, `-2`, … for repeats).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ROOT } from '../../helpers/run-dist.js';

const PAGES = [
  ...readdirSync(ROOT).filter((f) => f.endsWith('.md')),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The lines outside fenced code blocks (``` or ~~~, closed by a fence of the same kind and length or more). */
function prose(text: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1];
    if (fence === null && open) fence = open;
    else if (fence !== null && close && close[0] === fence[0] && close.length >= fence.length) fence = null;
    else if (fence === null) out.push(line);
  }
  return out;
}

/** GitHub's anchor of a heading's text. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link in a heading: its text
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(text)) {
    const m = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  page: string;
  target: string;
}

function links(page: string): Link[] {
  const text = prose(readFileSync(join(ROOT, page), 'utf8'))
    .join('\n')
    .replace(/(`+)[\s\S]*?\1/g, ''); // inline code is not a link
  return [
    ...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
    ...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$/gm),
  ].map((m) => ({ page, target: m[1]! }));
}

/** What is wrong with a link, or null. */
function problem({ page, target }: Link): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null; // https:, mailto:
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
  const file = path === '' ? join(ROOT, page) : resolve(ROOT, dirname(page), path);
  const rel = relative(ROOT, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return 'leaves the repository';
  if (!existsSync(file)) return `${rel} does not exist`;
  if (anchor === null) return null;
  if (!file.endsWith('.md') || statSync(file).isDirectory())
    return `an anchor into ${rel}, not a Markdown page`;
  return anchorsOf(readFileSync(file, 'utf8')).has(anchor) ? null : `${rel} has no heading #${anchor}`;
}

describe('links between the pages', () => {
  it('reads the README and every page of docs/', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining(['README.md', 'docs/design.md', 'docs/inputs-and-outputs.md']),
    );
    expect(links('README.md').length).toBeGreaterThan(20);
  });

  it.each(PAGES)('%s: every relative link and #anchor resolves', (page) => {
    const bad = links(page)
      .map((l) => ({ target: l.target, problem: problem(l) }))
      .filter((l) => l.problem !== null);
    expect(bad).toEqual([]);
  });
});

describe("GitHub's heading anchors", () => {
  it.each([
    ['Getting started in three steps', 'getting-started-in-three-steps'],
    ['§8 Identity, history and remediation', '8-identity-history-and-remediation'],
    ['Code scanning (SARIF)', 'code-scanning-sarif'],
    ['1. Deploy the roles', '1-deploy-the-roles'],
    ['Threat model: who can write what', 'threat-model-who-can-write-what'],
    ['The `category` input', 'the-category-input'],
    ['Remediation: deactivate keys after notice (opt-in)', 'remediation-deactivate-keys-after-notice-opt-in'],
  ])('%s -> #%s', (heading, want) => {
    expect(slug(heading)).toBe(want);
  });

  it('numbers repeated headings, and ignores headings inside code blocks', () => {
    expect([...anchorsOf('# A\n## A\n### A')]).toEqual(['a', 'a-1', 'a-2']);
    expect([...anchorsOf('# A\n````text\n## B\n```sh\n# C\n```\n## D\n````\n## E')]).toEqual(['a', 'e']);
  });
});

describe('citations of the design', () => {
  /** Every file under `dir` (recursively) ending in one of `exts`. */
  function files(dir: string, exts: readonly string[]): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name), exts)
        : exts.some((x) => e.name.endsWith(x))
          ? [join(dir, e.name)]
          : [],
    );
  }

  it('every "docs/design.md §N" in src/ and examples/ names a section the document has', () => {
    const design = readFileSync(join(ROOT, 'docs', 'design.md'), 'utf8');
    const sections = new Set([...design.matchAll(/^## §(\d+) /gm)].map((m) => m[1]));
    const cited = new Map<string, string>();
    for (const file of [
      ...files(join(ROOT, 'src'), ['.ts']),
      ...files(join(ROOT, 'examples'), ['.yml', '.yaml']),
    ]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/docs\/design\.md §(\d+)/g)) {
        cited.set(`${relative(ROOT, file)} §${m[1]}`, m[1]!);
      }
      expect(readFileSync(file, 'utf8')).not.toMatch(/\bDESIGN §/); // the document a clone does not hold
    }
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter(([, n]) => !sections.has(n)).map(([where]) => where)).toEqual([]);
  });
});
