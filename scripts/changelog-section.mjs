#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (without its heading), for the release notes:
//   node scripts/changelog-section.mjs 1.0.0            (.ci/run: the section exists and is not empty)
//   node scripts/changelog-section.mjs --release 1.0.0  (release.yml: and it is finished: dated, no
//                                                        <!-- comment --> left for the editor)
// Exits 1 with a message otherwise.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const release = args[0] === '--release';
const version = release ? args[1] : args[0];
if (!version) {
  console.error('usage: node scripts/changelog-section.mjs [--release] VERSION');
  process.exit(2);
}
const text = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
const lines = text.split(/\r?\n/);
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\]`).test(l));
if (start === -1) {
  console.error(`CHANGELOG.md has no "## [${version}]" section.`);
  process.exit(1);
}
let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
if (end === -1) end = lines.length;
// link reference definitions ([1.0.0]: https://...) at the end belong to the whole file
const section = lines
  .slice(start + 1, end)
  .filter((l) => !/^\[[^\]]+\]: /.test(l))
  .join('\n')
  .trim();
if (section === '') {
  console.error(`The "## [${version}]" section of CHANGELOG.md is empty.`);
  process.exit(1);
}
if (release && !/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}\s*$/.test(lines[start])) {
  console.error(`"${lines[start]}": give the release its date, "## [${version}] - YYYY-MM-DD".`);
  process.exit(1);
}
if (release && section.includes('<!--')) {
  console.error(`The "## [${version}]" section of CHANGELOG.md still has an editor's <!-- comment -->.`);
  process.exit(1);
}
process.stdout.write(section + '\n');
