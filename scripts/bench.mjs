// npm run bench: what users wait for and what runners must hold, in one run (issue 13, DESIGN §7).
// 1. Offline: 5k, 50k and 200k-user credential reports (the tests' generator) through the bundled action
//    (dist/index.js, run as the runner runs it), beside csv-parse alone streaming the same file in the same
//    run (scripts/lib/csv-parse-alone.mjs): wall time and peak RSS, the ratio (target ≤ 2.0× csv-parse
//    alone, < 160 MB) and the slope per 1,000 users. Runs interleaved, medians. No network.
// 2. Live on moto through the tests' counting proxy: scripts/lib/bench-live.mjs.
// 3. docs/bench.svg (a chart of these numbers) and a Markdown table for docs/performance.md.
// Times come from process.hrtime / performance.now, RSS from the process itself (scripts/lib/rss-probe.mjs).
// The machine is shared: figures are noisy; compare within one run.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { importTs } from './lib/load-ts.mjs';
import { median, runLiveBench } from './lib/bench-live.mjs';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.bench');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const benchStarted = performance.now();

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

/** Runs `args` under node with the RSS probe; resolves with wall time, peak RSS and stdout. */
function runNode(args, env) {
  const rssFile = join(work, 'rss.txt');
  writeFileSync(rssFile, '');
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts', 'lib', 'rss-probe.mjs'), ...args],
      {
        env: { PATH: process.env.PATH, ...env, BENCH_RSS_FILE: rssFile },
        cwd: work,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`));
      else resolveRun({ wallMs, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, out });
    });
  });
}

function runAction(report) {
  const env = {
    GITHUB_OUTPUT: join(work, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    RUNNER_TEMP: work,
    'INPUT_CREDENTIAL-REPORT': report,
    'INPUT_AS-OF': '2026-11-01T00:00:00Z',
    'INPUT_FAIL-ON': 'never',
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return runNode([join(root, 'dist', 'index.js')], env).then((r) => ({
    ...r,
    findings: Number(/findings<<(\S+)\n(\d+)/.exec(readFileSync(env.GITHUB_OUTPUT, 'utf8'))?.[2]),
  }));
}

// ---- 1. offline ---------------------------------------------------------------------------------------
const SIZES = [5_000, 50_000, 200_000];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const offline = [];
console.log(
  `offline: one credential report through the bundled action, beside csv-parse alone (medians of ${REPEAT}, interleaved)`,
);
// BENCH_PART=offline or live runs one part only (the chart and table then show that part)
const part = process.env.BENCH_PART ?? 'all';
for (const users of part === 'live' ? [] : SIZES) {
  const file = join(work, `credential-report-${users / 1000}k.csv`);
  await writeReport(file, { accountId: '111122223333', users, violatorRatio: 0.05, seed: 7 });
  const action = [];
  const parser = [];
  for (let i = 0; i < REPEAT; i++) {
    action.push(await runAction(file));
    parser.push(await runNode([join(root, 'scripts', 'lib', 'csv-parse-alone.mjs'), file], {}));
  }
  const row = {
    users,
    actionMs: median(action.map((r) => r.wallMs)),
    actionMb: median(action.map((r) => r.rssMb)),
    parseMs: median(parser.map((r) => r.wallMs)),
    parseMb: median(parser.map((r) => r.rssMb)),
    findings: action[0].findings,
  };
  offline.push(row);
  console.log(
    `  ${String(users / 1000).padStart(3)}k users (${row.findings} findings): action ${(row.actionMs / 1000).toFixed(2)} s, ` +
      `${row.actionMb.toFixed(0)} MB | csv-parse alone ${(row.parseMs / 1000).toFixed(2)} s, ${row.parseMb.toFixed(0)} MB | ` +
      `${(row.actionMs / row.parseMs).toFixed(2)} × the time (target ≤ 2.0), ${row.actionMb < 160 ? 'under' : 'OVER'} 160 MB`,
  );
}
const slope = (a, b, key) => (b[key] - a[key]) / ((b.users - a.users) / 1000);
const [s5, s50, s200] = offline;
if (s200)
  console.log(
    `  slope per 1,000 users: action ${slope(s5, s50, 'actionMs').toFixed(1)} ms (5k→50k), ${slope(s50, s200, 'actionMs').toFixed(1)} ms (50k→200k); ` +
      `${slope(s5, s50, 'actionMb').toFixed(2)} / ${slope(s50, s200, 'actionMb').toFixed(2)} MB`,
  );
if (s200)
  console.log(
    `                         csv-parse ${slope(s5, s50, 'parseMs').toFixed(1)} ms / ${slope(s50, s200, 'parseMs').toFixed(1)} ms; ` +
      `${slope(s5, s50, 'parseMb').toFixed(2)} / ${slope(s50, s200, 'parseMb').toFixed(2)} MB`,
  );

// ---- 2. live --------------------------------------------------------------------------------------------
const live = part === 'offline' ? null : await runLiveBench({ root, work });
if (live === null && part !== 'offline' && process.env.CI === 'true') process.exitCode = 1;

// ---- 3. chart and table ---------------------------------------------------------------------------------
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
function barChart({ x0, title, groups, series, unit }) {
  // groups: [{ label, values: [..] }], series: [{ name, color }]
  const w = 420;
  const h = 220;
  const top = 40;
  const plotH = 140;
  const max = Math.max(...groups.flatMap((g) => g.values)) * 1.1 || 1;
  const gw = (w - 60) / groups.length;
  const bw = (gw - 16) / series.length;
  let s = `<g transform="translate(${x0},0)"><text x="${w / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(title)}</text>`;
  s += `<line x1="40" y1="${top + plotH}" x2="${w - 10}" y2="${top + plotH}" stroke="#333"/>`;
  groups.forEach((g, gi) => {
    g.values.forEach((v, si) => {
      const bh = (v / max) * plotH;
      const x = 48 + gi * gw + si * bw;
      s += `<rect x="${x.toFixed(1)}" y="${(top + plotH - bh).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${series[si].color}"/>`;
      s += `<text x="${(x + bw / 2 - 1).toFixed(1)}" y="${(top + plotH - bh - 3).toFixed(1)}" text-anchor="middle" font-size="9">${v.toFixed(1)}</text>`;
    });
    s += `<text x="${(48 + gi * gw + (gw - 16) / 2).toFixed(1)}" y="${top + plotH + 14}" text-anchor="middle" font-size="11">${esc(g.label)}</text>`;
  });
  series.forEach((se, si) => {
    s += `<rect x="${40 + si * 125}" y="${h - 12}" width="10" height="10" fill="${se.color}"/><text x="${54 + si * 125}" y="${h - 3}" font-size="10">${esc(se.name)}</text>`;
  });
  s += `<text x="8" y="${top + 6}" font-size="10">${esc(unit)}</text></g>`;
  return s;
}
const panels = [
  barChart({
    x0: 0,
    title: 'Offline: one report (wall time)',
    unit: 's',
    groups: offline.map((r) => ({
      label: `${r.users / 1000}k users`,
      values: [r.actionMs / 1000, r.parseMs / 1000],
    })),
    series: [
      { name: 'the action', color: '#3367d6' },
      { name: 'csv-parse alone', color: '#9aa0a6' },
    ],
  }),
];
if (live)
  panels.push(
    barChart({
      x0: 440,
      title: `Live: reports ready after ${live.readyMs / 1000} s, ${live.latencyMs} ms/call`,
      unit: 's',
      groups: live.sizes.map((s) => ({
        label: `${s.accounts} accounts`,
        values: [s.wallMs / 1000, s.roundMs / 1000, s.overlappedMs / 1000],
      })),
      series: [
        { name: 'the action', color: '#3367d6' },
        { name: 'round-based path', color: '#e8710a' },
        { name: 'overlapped bound', color: '#188038' },
      ],
    }),
  );
const width = live ? 880 : 440;
const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="230" viewBox="0 0 ${width} 230" font-family="sans-serif" font-size="12">` +
  `<rect width="100%" height="100%" fill="#fff"/>${panels.join('')}</svg>\n`;
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'bench.svg'), svg);

const s1 = (ms) => `${(ms / 1000).toFixed(1)} s`;
const lines = ['', 'Markdown for docs/performance.md:', ''];
lines.push('| report | the action | csv-parse alone | ratio | peak RSS (action / csv-parse) |');
lines.push('|---|---:|---:|---:|---:|');
for (const r of offline)
  lines.push(
    `| ${r.users.toLocaleString('en')} users | ${(r.actionMs / 1000).toFixed(2)} s | ${(r.parseMs / 1000).toFixed(2)} s | ` +
      `${(r.actionMs / r.parseMs).toFixed(2)} × | ${r.actionMb.toFixed(0)} / ${r.parseMb.toFixed(0)} MB |`,
  );
if (live) {
  lines.push('');
  lines.push(
    '| accounts | the action | round-based path | overlapped bound | calls per account | report seen late by | peak RSS |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const s of live.sizes)
    lines.push(
      `| ${s.accounts} | ${s1(s.wallMs)} | ${s1(s.roundMs)} | ${s1(s.overlappedMs)} | ${s.callsPerAccount} | ${s1(s.overshootMs)} | ${s.rssMb.toFixed(0)} MB |`,
    );
  lines.push('');
  lines.push('| 1,000 accounts (model) | round-based | overlapped |');
  lines.push('|---|---:|---:|');
  for (const m of live.model)
    lines.push(
      `| report ${m.reportMs / 1000} s, ${m.callMs} ms per call | ${(m.todayMs / 60000).toFixed(1)} min | ${(m.overlappedMs / 60000).toFixed(1)} min |`,
    );
}
lines.push('', '![npm run bench](docs/bench.svg)');
console.log(lines.join('\n'));
console.log(`\nwrote docs/bench.svg; the bench took ${s1(performance.now() - benchStarted)}`);
