#!/usr/bin/env node
// Every action that a workflow here uses from another repository is pinned to a full commit SHA with its
// version as a comment (`uses: owner/repo/path@<40 hex> # vX.Y.Z`), and one action is at one SHA in all
// of them: Dependabot updates .github/workflows/, and this check fails until examples/workflows/ (which
// users copy) has the same pins. Local actions (./) and this action (OWNER/iam-initial-access-key-audit,
// which users pin themselves) are exempt.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['.github/workflows', 'examples/workflows'];
const files = dirs.flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);
const problems = [];
const seen = new Map(); // action -> { ref, version, where }
for (const file of files) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(line);
    if (!m) return;
    const where = `${file}:${i + 1}`;
    const uses = m[2];
    const comment = (m[3] ?? '').trim();
    if (uses.startsWith('./') || uses.startsWith('docker://')) return;
    const at = uses.lastIndexOf('@');
    const action = uses.slice(0, at);
    const ref = uses.slice(at + 1);
    if (/^OWNER\/iam-initial-access-key-audit$/.test(action)) return;
    if (at === -1 || !/^[0-9a-f]{40}$/.test(ref)) {
      problems.push(`${where}: ${uses} is not pinned to a full commit SHA`);
      return;
    }
    if (!/^v\d+\.\d+\.\d+$/.test(comment)) {
      problems.push(`${where}: ${uses} needs its version as a comment, e.g. "# v1.2.3"`);
      return;
    }
    const repo = action.split('/').slice(0, 2).join('/'); // codeql-action/init and /analyze: one repo
    const before = seen.get(repo);
    if (!before) seen.set(repo, { ref, version: comment, where });
    else if (before.ref !== ref || before.version !== comment) {
      problems.push(
        `${where}: ${repo} at ${ref} (${comment}), but ${before.where} has ${before.ref} (${before.version})`,
      );
    }
  });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${files.length} workflows: ${seen.size} actions, each pinned to one commit SHA`);
