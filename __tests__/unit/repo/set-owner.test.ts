/**
 * scripts/set-owner.mjs on a copy of the repository's files: afterwards no `OWNER` placeholder is left
 * but the two documented ones for the reader's own repository, and a second run changes nothing.
 */
import { afterEach, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../helpers/run-dist.js';

const FILES = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  '.github/CODEOWNERS',
  '.github/workflows/release.yml',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'examples', 'workflows')).map((f) => `examples/workflows/${f}`),
];
let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setOwner(root: string, ...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'set-owner.mjs'), '--root', root, ...args], {
    encoding: 'utf8',
  });
}

it('replaces every OWNER placeholder of the repository, CODEOWNERS included, once', () => {
  dir = mkdtempSync(join(tmpdir(), 'set-owner-'));
  for (const f of FILES) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dir, f));
  }
  setOwner(dir, 'octo-org/iam-key-audit', '@octo-org/security');
  const left = FILES.flatMap((f) =>
    readFileSync(join(dir!, f), 'utf8')
      .split('\n')
      .filter((l) => /\bOWNER\b/.test(l))
      .map((l) => `${f}: ${l.trim()}`),
  );
  // left: the reader's own repository in the README, and CONTRIBUTING's words about the script
  const documented =
    /repo:OWNER@ID\/REPO@ID|repos\/OWNER\/REPO|set-owner\.mjs OWNER\/REPO|`OWNER` placeholder/;
  expect(left.filter((l) => !documented.test(l))).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { repository: { url: string } };
  expect(pkg.repository.url).toBe('git+https://github.com/octo-org/iam-key-audit.git');
  expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('uses: octo-org/iam-key-audit@v1');
  expect(readFileSync(join(dir, 'docs', 'cli.md'), 'utf8')).toContain(
    'npx --yes github:octo-org/iam-key-audit ',
  );
  expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toMatch(/^\* @octo-org\/security$/m);
  expect(setOwner(dir, 'octo-org/iam-key-audit')).toContain('Nothing to replace');
});

it('refuses a malformed repository name', () => {
  expect(() => setOwner(ROOT, 'not a repo')).toThrow(/usage: node scripts\/set-owner\.mjs OWNER\/REPO/);
});
