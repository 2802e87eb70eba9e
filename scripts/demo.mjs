// npm run demo: audits the example credential report (examples/credential-report.csv, a small company's
// account, downloaded on 1 November 2026) the two ways a person meets this tool, and prints what they read:
// - the bundled action (dist/index.js), run as the Actions runner runs it: writes the job summary
//   (Markdown), the SARIF and the JSON report into demo-output/;
// - the CLI (bin/), which prints the terminal rendering of the same audit.
// The contractor `tom.becker` is exempted with `exempt-users`, as a workflow would do it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'demo-output');
mkdirSync(out, { recursive: true });
const report = join(root, 'examples', 'credential-report.csv');
const asOf = '2026-11-01T00:00:00Z'; // the day the report was downloaded: "unused" is measured from then
const exemptUsers = 'tom.becker';
const files = {
  summary: join(out, 'summary.md'),
  sarif: join(out, 'iam-initial-access-keys.sarif'),
  json: join(out, 'iam-initial-access-keys.json'),
  outputs: join(out, 'github-output.txt'),
};

// 1. The action, as the runner runs it: inputs in INPUT_* variables, summary and outputs in files.
for (const f of [files.outputs, files.summary]) writeFileSync(f, '');
const action = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
  env: {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: files.outputs,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: out,
    'INPUT_CREDENTIAL-REPORT': report,
    'INPUT_AS-OF': asOf,
    'INPUT_EXEMPT-USERS': exemptUsers,
    'INPUT_SARIF-FILE': files.sarif,
    'INPUT_JSON-FILE': files.json,
    'INPUT_FAIL-ON': 'never',
  },
  encoding: 'utf8',
});
if (action.status !== 0) {
  process.stderr.write(action.stdout + action.stderr);
  process.exit(action.status ?? 1);
}

// 2. The CLI on the same report: what a person reads in a terminal (the files it writes are the same).
const cli = spawnSync(
  process.execPath,
  [
    join(root, 'bin', 'iam-initial-access-key-audit.mjs'),
    '--as-of',
    asOf,
    '--exempt-users',
    exemptUsers,
    '--sarif-file',
    files.sarif,
    '--json-file',
    files.json,
    report,
  ],
  { encoding: 'utf8' },
);
const show = (p) => relative(process.cwd(), p) || p;
console.log(
  `$ npx iam-initial-access-key-audit --as-of ${asOf} --exempt-users ${exemptUsers} ${show(report)}`,
);
console.log('');
process.stdout.write(cli.stdout);
// the CLI exits 1 on findings: expected here
if (cli.status !== 0 && cli.status !== 1) {
  process.stderr.write(cli.stderr);
  process.exit(cli.status ?? 1);
}

console.log('');
console.log('Written by the action (open the summary in a Markdown viewer to see it as GitHub shows it):');
console.log(`  Markdown job summary  ${show(files.summary)}`);
console.log(`  SARIF (code scanning) ${show(files.sarif)}`);
console.log(`  JSON report           ${show(files.json)}`);
console.log(`  step outputs          ${show(files.outputs)}`);
const outputs = readFileSync(files.outputs, 'utf8');
for (const [, name, , value] of outputs.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) {
  console.log(`    ${name.padEnd(17)} ${value}`);
}
