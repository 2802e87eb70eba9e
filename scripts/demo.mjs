// npm run demo: runs the bundled action (dist/index.js) as the Actions runner would, on the example
// credential report in examples/, then prints the job summary and the outputs. Files land in demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'demo-output');
mkdirSync(out, { recursive: true });
const env = {
  PATH: process.env.PATH,
  GITHUB_OUTPUT: join(out, 'github-output.txt'),
  GITHUB_STEP_SUMMARY: join(out, 'summary.md'),
  RUNNER_TEMP: out,
  'INPUT_CREDENTIAL-REPORT': join(root, 'examples', 'credential-report.csv'),
  // the example report was downloaded on 1 November 2026: measure "unused" from then
  'INPUT_AS-OF': '2026-11-01T00:00:00Z',
  'INPUT_SARIF-FILE': join(out, 'iam-initial-access-keys.sarif'),
  'INPUT_JSON-FILE': join(out, 'iam-initial-access-keys.json'),
  'INPUT_FAIL-ON': 'never',
};
for (const f of [env.GITHUB_OUTPUT, env.GITHUB_STEP_SUMMARY]) writeFileSync(f, '');
const run = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], { env, encoding: 'utf8' });
process.stderr.write(run.stderr);
console.log(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'));
console.log('--- outputs (GITHUB_OUTPUT)');
const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
for (const [, name, , value] of outputs.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) {
  console.log(`${name.padEnd(17)} ${value}`);
}
console.log(`--- files written to ${out}/`);
process.exit(run.status ?? 1);
