// npm run bench: measures what users wait for and what runners must hold.
// 1. Offline: a 50,000-user credential report through the bundled action (dist/index.js, run as the runner
//    runs it): parse + evaluate + SARIF + JSON + summary. Prints wall time and peak RSS.
// Targets on a 2-core machine: under 2 s and under 200 MB. This part touches no network.
// 2. Live: 20 accounts x 1,000 users, 200 accounts, one 50,000-user account, audited by the bundled action
//    against moto through the tests' call-counting proxy with injected latency, and the naive walk for
//    comparison (scripts/lib/bench-live.mjs). Loopback only.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { importTs } from './lib/load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

async function writeReport(path, opts) {
  const out = createWriteStream(path);
  // the tests' generator: AWS's columns and values, user names with every character IAM allows
  const { generateReportLines } = await importTs('__tests__/helpers/report-gen.ts');
  for (const line of generateReportLines(opts)) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function runAction(inputs) {
  const env = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: join(work, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    RUNNER_TEMP: work,
    BENCH_RSS_FILE: join(work, 'rss.txt'),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['--import', join(root, 'scripts', 'lib', 'rss-probe.mjs'), join(root, 'dist', 'index.js')],
    { env, cwd: work, encoding: 'utf8' },
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rssMb = Number(readFileSync(env.BENCH_RSS_FILE, 'utf8')) / 1024;
  const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  const findings = /findings<<(\S+)\n(\d+)/.exec(outputs)?.[2];
  return { status: run.status, wallMs, rssMb, findings, stderr: run.stderr };
}

const USERS = 50_000;
const report = join(work, 'credential-report-50k.csv');
await writeReport(report, { accountId: '111122223333', users: USERS, violatorRatio: 0.05, seed: 7 });

const runs = [];
for (let i = 0; i < 3; i++) {
  const r = runAction({
    'credential-report': report,
    'as-of': '2026-11-01T00:00:00Z',
    'fail-on': 'never',
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`the action exited ${r.status}`);
  }
  runs.push(r);
}
const best = runs.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
const peak = Math.max(...runs.map((r) => r.rssMb));
console.log(
  `offline, ${USERS.toLocaleString('en')} users, 1 report (whole action process, best of ${runs.length}):`,
);
console.log(`  wall time  ${(best.wallMs / 1000).toFixed(2)} s   (target < 2 s)`);
console.log(`  peak RSS   ${peak.toFixed(0)} MB   (target < 200 MB)`);
console.log(`  findings   ${best.findings}`);

// 2. Live: the bundled action against moto through the call-counting proxy (scripts/lib/bench-live.mjs).
const { runLiveBench } = await import('./lib/bench-live.mjs');
if ((await runLiveBench({ root, work })) === false && process.env.CI === 'true') process.exitCode = 1;
