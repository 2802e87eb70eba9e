#!/usr/bin/env node
// Once, when the repository is created (see CONTRIBUTING.md): replaces the `OWNER` placeholder of the
// repository's own links and examples with its real owner/name, and CODEOWNERS' `@OWNER` with the
// maintainers:
//   node scripts/set-owner.mjs octo-org/iam-initial-access-key-audit @octo-org/iam-audit-maintainers
// The documented forms `repo:OWNER@ID/REPO@ID` and `repos/OWNER/REPO` (placeholders for the reader's
// own repository) are left alone. The release workflow refuses to release while package.json does not
// name the repository it runs in.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args.splice(rootAt, 2)[1]) : resolve(import.meta.dirname, '..');
const [repository, ...owners] = args;
if (
  !repository ||
  !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository) ||
  owners.some((o) => !/^@[\w./-]+$/.test(o))
) {
  console.error('usage: node scripts/set-owner.mjs OWNER/REPO [@CODEOWNER ...]');
  process.exit(2);
}
const codeOwners = owners.length > 0 ? owners.join(' ') : `@${repository.split('/')[0]}`;

const files = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  '.github/workflows/release.yml',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(join(root, 'examples', 'workflows')).map((f) => `examples/workflows/${f}`),
];
let changed = 0;
for (const file of files) {
  const path = join(root, file);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    continue;
  }
  const next = text.replace(/\bOWNER\/iam-initial-access-key-audit\b/g, repository);
  if (next !== text) {
    writeFileSync(path, next);
    changed++;
    console.log(`${file}: ${repository}`);
  }
}
const co = join(root, '.github', 'CODEOWNERS');
const text = readFileSync(co, 'utf8');
const next = text
  .split('\n')
  .filter((line) => !/^# .*Replace @OWNER|^# \(e\.g\. @octo-org/.test(line))
  .join('\n')
  .replace(/@OWNER\b/g, codeOwners);
if (next !== text) {
  writeFileSync(co, next);
  changed++;
  console.log(`.github/CODEOWNERS: ${codeOwners}`);
}
console.log(changed > 0 ? `${changed} file(s) updated.` : 'Nothing to replace: already set.');
