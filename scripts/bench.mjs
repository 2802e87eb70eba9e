// npm run bench: what users wait for and what runners must hold, in one run (issue 13, docs/design.md §7).
// 1. Offline, at the sizes that exist (IAM allows at most 5,000 users an account; the scale is many
//    accounts): one 5,000-user credential report, and 200 reports of 2,000 users read as one glob (the
//    tests' generator), each through the bundled action (dist/index.js, run as the runner runs it) beside
//    csv-parse alone reading the same files in the same run (scripts/lib/csv-parse-alone.mjs): wall time,
//    CPU time, peak RSS and the ratio (target ≤ 2.0× csv-parse alone, < 160 MB). Runs interleaved, medians. No
//    network. A 200,000-user report (40 times what IAM allows) runs once as a robustness check only: it
//    must stay under the 256 MiB input cap and go through without a crash, its findings all counted.
//    BENCH_DIST: the bundle(s) to run, dist/ folders separated by `:` (default this repository's dist/);
//    with two or more (before/after a change), every case runs each in turn and the rows name the folder
//    that holds it. The live part always runs this repository's dist/.
// 2. Live on moto through the tests' counting proxy: scripts/lib/bench-live.mjs.
// 3. docs/bench.svg (a chart of these numbers) and a Markdown table for docs/performance.md (with
//    several bundles, the chart goes to .bench/bench.svg instead).
// Times come from process.hrtime / performance.now, CPU time and RSS from the process itself
// (scripts/lib/rss-probe.mjs). The machine is shared: figures are noisy (the CPU time less than the wall
// time); compare within one run.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
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

/** Runs `args` under node with the RSS probe; resolves with wall time, CPU time, peak RSS and stdout. */
function runNode(args, env) {
  const rssFile = join(work, 'rss.txt');
  const cpuFile = join(work, 'cpu.txt');
  writeFileSync(rssFile, '');
  writeFileSync(cpuFile, '');
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts', 'lib', 'rss-probe.mjs'), ...args],
      {
        env: { PATH: process.env.PATH, ...env, BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile },
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
      else
        resolveRun({
          wallMs,
          cpuMs: Number(readFileSync(cpuFile, 'utf8')) / 1000,
          rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
          out,
        });
    });
  });
}

function runAction(dist, report) {
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
  return runNode([join(dist, 'index.js')], env).then((r) => ({
    ...r,
    findings: Number(/findings<<(\S+)\n(\d+)/.exec(readFileSync(env.GITHUB_OUTPUT, 'utf8'))?.[2]),
  }));
}

// ---- 1. offline ---------------------------------------------------------------------------------------
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** The input cap (src/collect/parse.ts MAX_REPORT_BYTES): the robustness report must be read, not refused. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
const dists = (process.env.BENCH_DIST ?? join(root, 'dist')).split(delimiter).map((d) => resolve(d));
const buildName = (dist) => (dists.length > 1 ? basename(dirname(dist)) : 'the action');
const { countViolators } = await importTs('__tests__/helpers/report-gen.ts');
const RATIO = 0.05;
const CASES = [
  { label: '5,000 users', reports: 1, users: 5_000, repeat: REPEAT },
  { label: '200 × 2,000 users', reports: 200, users: 2_000, repeat: REPEAT },
  { label: '200,000 users (robustness)', reports: 1, users: 200_000, repeat: 1, robustness: true },
];
const offline = [];
console.log(
  `offline: credential reports through the bundled action, beside csv-parse alone (medians of ${REPEAT}, interleaved)`,
);
// BENCH_PART=offline or live runs one part only (the chart and table then show that part)
const part = process.env.BENCH_PART ?? 'all';
for (const c of part === 'live' ? [] : CASES) {
  const dir = join(work, `${c.reports}x${c.users}`);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < c.reports; i++) {
    const accountId = String(111122223333 + i);
    const file = join(dir, `credential-report-${accountId}.csv`);
    await writeReport(file, { accountId, users: c.users, violatorRatio: RATIO, seed: 7 + i });
    files.push(file);
  }
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  if (c.robustness && bytes >= MAX_REPORT_BYTES)
    throw new Error(`the ${c.label} report is ${bytes} bytes, over the input cap: not a robustness check`);
  const input = c.reports === 1 ? files[0] : join(dir, '*.csv');
  const expected = c.reports * countViolators(c.users, RATIO);
  const action = new Map(dists.map((d) => [d, []]));
  const parser = [];
  for (let i = 0; i < c.repeat; i++) {
    for (const dist of dists) {
      const r = await runAction(dist, input);
      if (r.findings !== expected)
        throw new Error(`${buildName(dist)}, ${c.label}: ${r.findings} findings, expected ${expected}`);
      action.get(dist).push(r);
    }
    parser.push(await runNode([join(root, 'scripts', 'lib', 'csv-parse-alone.mjs'), ...files], {}));
  }
  const parseMs = median(parser.map((r) => r.wallMs));
  const parseCpuMs = median(parser.map((r) => r.cpuMs));
  const parseMb = median(parser.map((r) => r.rssMb));
  console.log(
    `  ${c.label}, ${(bytes / 1024 / 1024).toFixed(1)} MB (${expected} findings): csv-parse alone ${(parseMs / 1000).toFixed(2)} s (CPU ${(parseCpuMs / 1000).toFixed(2)} s), ${parseMb.toFixed(0)} MB`,
  );
  for (const dist of dists) {
    const runs = action.get(dist);
    const row = {
      label: c.label,
      robustness: c.robustness === true,
      build: buildName(dist),
      actionMs: median(runs.map((r) => r.wallMs)),
      actionCpuMs: median(runs.map((r) => r.cpuMs)),
      actionMb: median(runs.map((r) => r.rssMb)),
      parseMs,
      parseCpuMs,
      parseMb,
    };
    offline.push(row);
    const target = row.robustness
      ? 'read whole, every finding counted'
      : `${(row.actionMs / row.parseMs).toFixed(2)} × the time (target ≤ 2.0), ${(row.actionCpuMs / row.parseCpuMs).toFixed(2)} × the CPU, ${row.actionMb < 160 ? 'under' : 'OVER'} 160 MB`;
    console.log(
      `    ${row.build}: ${(row.actionMs / 1000).toFixed(2)} s (CPU ${(row.actionCpuMs / 1000).toFixed(2)} s), ${row.actionMb.toFixed(0)} MB | ${target}` +
        (c.repeat > 1 ? ` | runs ${runs.map((r) => (r.wallMs / 1000).toFixed(2)).join(' ')} s` : ''),
    );
  }
}

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
const COLORS = ['#3367d6', '#e8710a', '#188038', '#a142f4'];
const realistic = offline.filter((r) => !r.robustness);
const panels = [
  barChart({
    x0: 0,
    title: 'Offline: reports at real sizes (wall time)',
    unit: 's',
    groups: [...new Set(realistic.map((r) => r.label))].map((label) => {
      const rows = realistic.filter((r) => r.label === label);
      return { label, values: [...rows.map((r) => r.actionMs / 1000), rows[0].parseMs / 1000] };
    }),
    series: [
      ...dists.map((d, i) => ({ name: buildName(d), color: COLORS[i % COLORS.length] })),
      { name: 'csv-parse alone', color: '#9aa0a6' },
    ],
  }),
];
if (live && live.sizes.length > 0)
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
const width = panels.length > 1 ? 880 : 440;
const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="230" viewBox="0 0 ${width} 230" font-family="sans-serif" font-size="12">` +
  `<rect width="100%" height="100%" fill="#fff"/>${panels.join('')}</svg>\n`;
const chart = dists.length > 1 ? join(work, 'bench.svg') : join(root, 'docs', 'bench.svg');
mkdirSync(dirname(chart), { recursive: true });
writeFileSync(chart, svg);

const s1 = (ms) => `${(ms / 1000).toFixed(1)} s`;
const lines = ['', 'Markdown for docs/performance.md:', ''];
const buildColumn = dists.length > 1 ? ' bundle |' : '';
lines.push(
  `| reports |${buildColumn} the action | csv-parse alone | ratio | CPU (action / csv-parse) | peak RSS (action / csv-parse) |`,
);
lines.push(`|---|${buildColumn ? '---|' : ''}---:|---:|---:|---:|---:|`);
for (const r of offline)
  lines.push(
    `| ${r.label} |${buildColumn ? ` ${r.build} |` : ''} ${(r.actionMs / 1000).toFixed(2)} s | ${(r.parseMs / 1000).toFixed(2)} s | ` +
      `${(r.actionMs / r.parseMs).toFixed(2)} × | ${(r.actionCpuMs / 1000).toFixed(2)} / ${(r.parseCpuMs / 1000).toFixed(2)} s | ` +
      `${r.actionMb.toFixed(0)} / ${r.parseMb.toFixed(0)} MB |`,
  );
if (live?.cpu?.bare) {
  lines.push('');
  lines.push(
    `| ${live.cpu.accounts} accounts × 60 users | CPU per AWS call (whole process) | × the bare SDK loop | CPU per call, 8 → ${live.cpu.accounts} accounts | × the bare SDK loop | connections per account | peak RSS |`,
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  const b = live.cpu.bare;
  lines.push(
    `| bare AWS SDK v3 loop | ${b.cpuPerCallMs.toFixed(2)} ms | 1.00 × | ${b.marginalMs.toFixed(2)} ms | 1.00 × | ${b.connectionsPerAccount.toFixed(2)} | ${b.rssMb.toFixed(0)} MB |`,
  );
  for (const r of live.cpu.rows)
    lines.push(
      `| ${r.name} | ${r.cpuPerCallMs.toFixed(2)} ms | ${r.ratio.toFixed(2)} × | ${r.marginalMs.toFixed(2)} ms | ${r.marginalRatio.toFixed(2)} × | ${r.connectionsPerAccount.toFixed(2)} | ${r.rssMb.toFixed(0)} MB |`,
    );
}
if (live?.multi?.rows.length > 0) {
  lines.push('');
  lines.push(
    `| accounts (${live.multi.motos} moto processes) | build | the action | overlapped bound | ratio | CPU | peak RSS |`,
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|');
  for (const r of live.multi.rows)
    lines.push(
      `| ${r.accounts} | ${r.build} | ${s1(r.wallMs)} | ${s1(r.overlappedMs)} | ${(r.wallMs / r.overlappedMs).toFixed(2)} × | ${s1(r.cpuMs)} | ${r.rssMb.toFixed(0)} MB |`,
    );
}
if (live && live.sizes.length > 0) {
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
if (live?.orgModel) {
  const m = (ms) => (ms < 120_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 60_000).toFixed(1)} min`);
  lines.push('');
  lines.push(
    `| model: accounts × 1,000 users, 50 ms a call | calls per account | network path | CPU on one core (${live.orgModel.cpuPerCallMs.toFixed(2)} ms a call) | the action, one thread | floor | per-user walk |`,
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of live.orgModel.rows)
    lines.push(
      `| ${r.accounts.toLocaleString('en')}, reports after ${r.readyMs / 1000} s | ${r.callsPerAccount} | ${m(r.networkMs)} | ${m(r.cpuMs)} | ${m(Math.max(r.networkMs, r.cpuMs))} | ${m(r.floorMs)} | ${m(r.walkMs)} |`,
    );
}
lines.push('', '![npm run bench](docs/bench.svg)');
console.log(lines.join('\n'));
console.log(`\nwrote ${chart}; the bench took ${s1(performance.now() - benchStarted)}`);
