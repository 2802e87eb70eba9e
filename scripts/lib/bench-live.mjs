// The live part of `npm run bench` (DESIGN §1 call counts, §7 Scale): the bundled action (dist/index.js,
// run as the runner runs it) audits moto accounts through the tests' call-counting proxy
// (__tests__/helpers/aws-proxy.ts), which adds latency to every AWS call and makes report generation take
// a few polls. Compared with the naive audit (ListUsers, then every user's keys, key last use and login
// profile) through the same proxy, with the same latency and the same number of calls in flight.
//
// Everything listens on 127.0.0.1 only. moto is started here (with its users created in its own process:
// scripts/lib/moto-seeded.py) and stopped by its pid at the end, also on error.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { importTs } from './load-ts.mjs';

const HOST = '127.0.0.1';
const REGION = 'us-east-1';
const ROLE_NAME = 'IamAudit';
const TESTING = { accessKeyId: 'testing', secretAccessKey: 'testing' };
/** The action's defaults: accounts at once (`concurrency`) and flagged users confirmed at once per account. */
const CONCURRENCY = 8;
const ENRICH_CONCURRENCY = 4;
/** The action's report poll sleeps after the 1st and 2nd STARTED answer (1 s, then doubling). */
const POLL_SLEEPS_MS = [1000, 2000];

const ids = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);
const fmtS = (ms) => `${(ms / 1000).toFixed(1)} s`;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function probe(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function pythonWithMoto() {
  const python = process.env.BENCH_PYTHON ?? 'python3';
  const r = spawnSync(python, ['-c', 'import moto.server, moto.iam.models'], { stdio: 'ignore' });
  return r.status === 0 ? python : null;
}

/** moto_server on a free loopback port, with the accounts of `spec` created before it serves. */
async function startSeededMoto(python, root, work, spec) {
  const specFile = join(work, 'moto-seed.json');
  writeFileSync(specFile, JSON.stringify(spec));
  const port = await freePort();
  const started = Date.now();
  const child = spawn(
    python,
    [join(root, 'scripts', 'lib', 'moto-seeded.py'), specFile, HOST, String(port)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid, 'SIGTERM');
    if (!(await waitExit(child, 5000))) {
      process.kill(child.pid, 'SIGKILL');
      await waitExit(child, 5000);
    }
  };
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c) => {
    if (stderr.length < 20_000) stderr += c;
  });
  const endpoint = `http://${HOST}:${port}`;
  const deadline = Date.now() + 180_000;
  try {
    while (Date.now() < deadline && child.exitCode === null) {
      const line = /^SEEDED (.*)$/m.exec(stdout)?.[1];
      if (line && (await probe(`${endpoint}/moto-api/`))) {
        // The first request loads moto's services (~0.5 s): not part of any measurement.
        await fetch(`${endpoint}/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${REGION}/iam/aws4_request, SignedHeaders=host, Signature=0`,
          },
          body: 'Action=ListAccountAliases&Version=2010-05-08',
        }).then((r) => r.text());
        return { endpoint, pid: child.pid, seeded: JSON.parse(line), readyMs: Date.now() - started, stop };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  await stop();
  throw new Error(`moto did not start (seeding + server):\n${stderr.slice(-4000)}`);
}

/** Runs dist/index.js as the runner does (INPUT_* variables), with the rss probe; AWS calls go to `endpoint`. */
function runAction(root, work, name, inputs, endpoint) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    RUNNER_TEMP: dir,
    BENCH_RSS_FILE: join(dir, 'rss.txt'),
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    INPUT_SUMMARY: 'true',
    'INPUT_FAIL-ON': 'never',
    'INPUT_JSON-FILE': join(dir, 'report.json'),
    'INPUT_SARIF-FILE': join(dir, 'report.sarif'),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['--import', join(root, 'scripts', 'lib', 'rss-probe.mjs'), join(root, 'dist', 'index.js')],
      { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`the action (${name}) exited ${code}:\n${out.slice(-4000)}`));
        return;
      }
      resolve({
        wallMs,
        rssMb: Number(readFileSync(env.BENCH_RSS_FILE, 'utf8')) / 1024,
        report: JSON.parse(readFileSync(env['INPUT_JSON-FILE'], 'utf8')),
      });
    });
  });
}

/** Wraps the proxy's forwarding to measure how long moto had at least one call in progress. */
function instrumentBusy(proxy) {
  const forward = proxy.forward.bind(proxy);
  let inFlight = 0;
  let since = 0;
  let busyMs = 0;
  proxy.forward = async (...args) => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await forward(...args);
    } finally {
      if (--inFlight === 0) busyMs += performance.now() - since;
    }
  };
  return {
    reset: () => {
      busyMs = 0;
      since = performance.now();
    },
    get busyMs() {
      return busyMs + (inFlight > 0 ? performance.now() - since : 0);
    },
  };
}

/** Account -> operation -> calls; AssumeRole (signed in the caller's account) counts for the target account. */
function callsByAccount(proxy, accounts) {
  const wanted = new Set(accounts);
  const out = new Map(accounts.map((a) => [a, {}]));
  for (const c of proxy.calls) {
    const target =
      c.action === 'AssumeRole' ? /^arn:[^:]+:iam::(\d{12}):/.exec(c.params.RoleArn ?? '')?.[1] : c.account;
    if (!target || !wanted.has(target)) continue;
    const ops = out.get(target);
    ops[c.action] = (ops[c.action] ?? 0) + 1;
  }
  return out;
}

/** The calls of one account's audit, from the operations table (src/aws/operations.ts). */
const { AWS_OPERATIONS } = await importTs('src/aws/operations.ts');
const OPS = AWS_OPERATIONS.filter((o) => o.scope === 'account' && o.role !== 'remediation').map(
  (o) => o.command,
);
function printCallTable(log, byAccount, accounts, flagged, polls) {
  const ops = [...new Set([...OPS, ...[...byAccount.values()].flatMap((o) => Object.keys(o))])];
  const rows = ops.map((op) => {
    const values = accounts.map((a) => byAccount.get(a)[op] ?? 0);
    const min = Math.min(...values);
    const max = Math.max(...values);
    return [op, min === max ? String(min) : `${min}–${max}`];
  });
  const totals = accounts.map((a) => Object.values(byAccount.get(a)).reduce((s, n) => s + n, 0));
  log('  API calls per account, by operation (all accounts):');
  const width = Math.max(...ops.map((o) => o.length));
  for (const [op, v] of rows) log(`    ${op.padEnd(width)}  ${v.padStart(6)}`);
  const [tmin, tmax] = [Math.min(...totals), Math.max(...totals)];
  log(`    ${'total'.padEnd(width)}  ${(tmin === tmax ? String(tmin) : `${tmin}–${tmax}`).padStart(6)}`);
  let ok = true;
  for (const a of accounts) {
    const ops = byAccount.get(a);
    const f = flagged.get(a);
    const core =
      (ops.GenerateCredentialReport ?? 0) -
      polls +
      (ops.GetCredentialReport ?? 0) +
      (ops.ListAccountAliases ?? 0) +
      (ops.ListAccessKeys ?? 0) +
      (ops.ListUserTags ?? 0) +
      (ops.GetAccessKeyLastUsed ?? 0);
    const other = Object.keys(ops).filter((op) => !OPS.includes(op));
    if (core !== 3 + 2 * f.users + f.keys || (ops.AssumeRole ?? 0) !== 1 || other.length > 0) ok = false;
  }
  const f0 = flagged.get(accounts[0]);
  log(
    `    formula: 3 + 2 × ${f0.users} flagged users + ${f0.keys} flagged keys = ${3 + 2 * f0.users + f0.keys}` +
      ` (+ ${polls} report polls + 1 AssumeRole = ${3 + 2 * f0.users + f0.keys + polls + 1}) — ` +
      (ok ? 'every account matches' : 'MISMATCH'),
  );
  return ok;
}

/** Flagged users and keys per account, from the action's JSON report (confirmed + resolved since). */
function flaggedFrom(report) {
  const out = new Map();
  for (const a of report.accounts)
    out.set(a.accountId, { users: 0, keys: a.resolvedSinceReport, ok: a.status });
  const users = new Set();
  for (const f of report.findings) {
    const e = out.get(f.accountId);
    e.keys += 1;
    const key = `${f.accountId}/${f.userArn}`;
    if (!users.has(key)) {
      users.add(key);
      e.users += 1;
    }
  }
  return out;
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The naive audit: per account AssumeRole, ListUsers (pages of 1,000), then per user ListAccessKeys and
 * GetLoginProfile, and GetAccessKeyLastUsed per key. Same rule (at-setup, 10 min, never used or > 90 days).
 */
async function naiveAudit(endpoint, accounts, accountsAtOnce, usersAtOnce, asOf) {
  const handler = () =>
    new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }) });
  const violators = new Map();
  await mapLimit(accounts, accountsAtOnce, async (accountId) => {
    const sts = new STSClient({ region: REGION, endpoint, credentials: TESTING, requestHandler: handler() });
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${ROLE_NAME}`,
        RoleSessionName: 'naive',
      }),
    );
    sts.destroy();
    const c = assumed.Credentials;
    const iam = new IAMClient({
      region: REGION,
      endpoint,
      maxAttempts: 10,
      requestHandler: handler(),
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
      },
    });
    const users = [];
    for await (const page of paginateListUsers({ client: iam, pageSize: 1000 }, {}))
      users.push(...(page.Users ?? []));
    let count = 0;
    await mapLimit(users, usersAtOnce, async (u) => {
      const [keys, profile] = await Promise.all([
        iam.send(new ListAccessKeysCommand({ UserName: u.UserName })),
        iam
          .send(new GetLoginProfileCommand({ UserName: u.UserName }))
          .catch((err) =>
            err.name === 'NoSuchEntity' || err.name === 'NoSuchEntityException' ? null : Promise.reject(err),
          ),
      ]);
      const metas = keys.AccessKeyMetadata ?? [];
      const lastUsed = await Promise.all(
        metas.map((k) => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId }))),
      );
      if (!profile) return;
      metas.forEach((k, i) => {
        const used = lastUsed[i].AccessKeyLastUsed?.LastUsedDate;
        const atSetup = Math.abs(k.CreateDate.getTime() - u.CreateDate.getTime()) <= 600_000;
        const unused = used === undefined || asOf - used.getTime() > 90 * 86_400_000;
        if (k.Status === 'Active' && atSetup && unused) count++;
      });
    });
    iam.destroy();
    violators.set(accountId, count);
  });
  return violators;
}

/**
 * Runs the live benchmark. Returns false when moto is missing (skipped with a message), true otherwise;
 * throws when a run fails or the calls per account differ from the formula.
 */
export async function runLiveBench({ root, work, log = console.log }) {
  const python = pythonWithMoto();
  if (!python) {
    log(
      `\nlive benchmark skipped: moto not importable by ${process.env.BENCH_PYTHON ?? 'python3'} (pip install 'moto[server]')`,
    );
    return false;
  }
  const dist = join(root, 'dist', 'index.js');
  const newest = (dir) => {
    const r = spawnSync('find', [dir, '-name', '*.ts', '-newer', dist], { encoding: 'utf8' });
    return r.stdout.trim();
  };
  if (newest(join(root, 'src'))) log('warning: src/ is newer than dist/index.js: run `npm run build` first');

  const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
  const MAIN = ids('21000000', 20); // 20 accounts x 1,000 users, 5% violators
  const MANY = ids('22000000', 200); // 200 small accounts
  const BIG = '230000000001'; // one account with 50,000 users
  const naiveCount = Math.min(MAIN.length, Number(process.env.BENCH_NAIVE_ACCOUNTS ?? 2));
  const specs = {
    main: MAIN.map((id, i) => ({ id, users: 1000, violators: 50, seed: 100 + i, alias: `bench-${i + 1}` })),
    many: MANY.map((id, i) => ({ id, users: 10, violators: 1, seed: 1000 + i })),
    big: [{ id: BIG, users: 50_000, violators: 250, seed: 7 }],
  };
  const { startAwsProxy, reportStarted } = await importTs('__tests__/helpers/aws-proxy.ts');
  const asOf = new Date();
  const common = {
    'account-role-name': ROLE_NAME,
    concurrency: String(CONCURRENCY),
    'as-of': asOf.toISOString(), // moto's GeneratedTime is a fixed date in 2015
  };
  const POLLS = POLL_SLEEPS_MS.length;
  const sleeps = POLL_SLEEPS_MS.reduce((s, n) => s + n, 0);

  /** A fresh moto holding only `accounts` (moto's cost per call grows with its accounts), behind the proxy. */
  async function withMoto(accounts, fn) {
    const moto = await startSeededMoto(python, root, work, { accounts });
    let proxy;
    try {
      const users = accounts.reduce((s, a) => s + a.users, 0);
      log(
        `  (seeded ${users.toLocaleString('en')} users in ${accounts.length} account${accounts.length === 1 ? '' : 's'} in ` +
          `${moto.seeded.seconds.toFixed(1)} s, in moto's process; moto ready after ${fmtS(moto.readyMs)})`,
      );
      proxy = await startAwsProxy(moto.endpoint, { latencyMs: LATENCY_MS });
      return await fn({ moto, proxy, busy: instrumentBusy(proxy) });
    } finally {
      await proxy?.stop();
      await moto.stop();
    }
  }

  log(`\nlive, through the call-counting proxy in front of moto, ${LATENCY_MS} ms added to every AWS call`);
  log(
    "(users are created in moto's own process: over HTTP moto creates ~150 users/s here, 20,000 would take minutes):",
  );
  await withMoto(specs.main, async ({ moto, proxy, busy }) => {
    // ---- 1. 20 accounts x 1,000 users ----------------------------------------------------------------
    for (const account of MAIN)
      proxy.fault({
        match: { action: 'GenerateCredentialReport', account },
        times: POLLS,
        respond: reportStarted(),
      });
    proxy.resetCalls();
    busy.reset();
    const main = await runAction(
      root,
      work,
      'live-20',
      { ...common, accounts: MAIN.join(',') },
      proxy.endpoint,
    );
    const mainBusy = busy.busyMs;
    const mainCalls = proxy.calls.length;
    proxy.clearFaults();
    const flagged = flaggedFrom(main.report);
    const failed = main.report.accounts.filter((a) => a.status !== 'ok');
    if (failed.length > 0) throw new Error(`accounts failed: ${JSON.stringify(failed)}`);
    const byAccount = callsByAccount(proxy, MAIN);
    log(
      `\n  ${MAIN.length} accounts × 1,000 users, 5% violators, concurrency ${CONCURRENCY}, report STARTED ${POLLS}× per account:`,
    );
    const countsOk = printCallTable(log, byAccount, MAIN, flagged, POLLS);
    if (!countsOk)
      throw new Error('the calls per account differ from 3 + 2 per flagged user + 1 per flagged key');
    const findings = main.report.findings.length;
    // Critical path: per account AssumeRole + GenerateCredentialReport (1 + polls) + GetCredentialReport at
    // the injected latency, plus the action's poll sleeps; accounts spread over the concurrency.
    const chainCalls = 1 + (1 + POLLS) + 1;
    const perAccount = chainCalls * LATENCY_MS + sleeps;
    const critical = (MAIN.length * perAccount) / CONCURRENCY;
    const waves = Math.ceil(MAIN.length / CONCURRENCY) * perAccount;
    log(
      `  findings         ${findings} keys in ${MAIN.length} accounts (${MAIN.length * 1000} users scanned)`,
    );
    log(
      `  wall time        ${fmtS(main.wallMs)}   (the whole action process: start, sign-in, ${mainCalls} calls, SARIF/JSON/summary)`,
    );
    log(
      `  critical path    ${fmtS(critical)}   = ${MAIN.length} accounts × (${chainCalls} calls × ${LATENCY_MS} ms + ${fmtS(sleeps)} poll sleeps) / ${CONCURRENCY}` +
        `   (in whole waves of ${CONCURRENCY}: ${fmtS(waves)})`,
    );
    const floor = Math.max(critical, mainBusy);
    log(
      `  ratio            ${(main.wallMs / critical).toFixed(2)} × critical path   (target ≤ 1.5; ${(main.wallMs / waves).toFixed(2)} × the wave figure)`,
    );
    log(
      `  moto busy        ${fmtS(mainBusy)}   (moto had a call in progress: one Python process serving ~1 call at a time, ~${(mainBusy / mainCalls).toFixed(1)} ms each)`,
    );
    log(
      `  floor            ${fmtS(floor)}   = max(critical path, moto busy): wall time is ${(main.wallMs / floor).toFixed(2)} × the floor`,
    );
    log(`  peak RSS         ${main.rssMb.toFixed(0)} MB`);

    // ---- 2. the naive walk ---------------------------------------------------------------------------
    const sample = MAIN.slice(0, naiveCount);
    const budget = CONCURRENCY * ENRICH_CONCURRENCY; // the action's most calls in flight: 8 accounts x 4 users
    const accountsAtOnce = Math.min(CONCURRENCY, sample.length);
    const usersAtOnce = Math.floor(budget / accountsAtOnce);
    proxy.resetCalls();
    const t0 = performance.now();
    const naive = await naiveAudit(proxy.endpoint, sample, accountsAtOnce, usersAtOnce, asOf.getTime());
    const naiveMs = performance.now() - t0;
    const naiveCalls = proxy.calls.length;
    for (const a of sample) {
      const want = main.report.findings.filter((f) => f.accountId === a).length;
      if (naive.get(a) !== want)
        throw new Error(`naive walk found ${naive.get(a)} violators in ${a}, the action ${want}`);
    }
    const perUser = naiveCalls / sample.length; // every MAIN account has the same shape (1,000 users)
    const naiveAll = MAIN.reduce((s, a) => {
      const seeded = moto.seeded.accounts[a];
      return s + 1 + 1 + 2 * seeded.users + seeded.keys; // AssumeRole + ListUsers + 2 per user + 1 per key
    }, 0);
    const naiveEstimate = (naiveMs * naiveAll) / naiveCalls;
    log(
      `\n  naive walk (ListUsers, then per user ListAccessKeys + GetLoginProfile, GetAccessKeyLastUsed per key),`,
    );
    log(
      `  same proxy and latency, same ${budget} calls in flight (${accountsAtOnce} accounts × ${usersAtOnce} users):`,
    );
    log(
      `    measured       ${fmtS(naiveMs)} for ${sample.length} of the ${MAIN.length} accounts (${naiveCalls} calls, ~${perUser.toFixed(0)} per account; same violators as the action)`,
    );
    log(
      `    all ${MAIN.length}         ~${fmtS(naiveEstimate)} (${naiveAll.toLocaleString('en')} calls at the measured rate;` +
        ` BENCH_NAIVE_ACCOUNTS=${MAIN.length} walks them all)`,
    );
    log(
      `    speed-up       ${(naiveEstimate / main.wallMs).toFixed(1)} × (target ≥ 10), ${(naiveAll / mainCalls).toFixed(1)} × fewer calls`,
    );
  });

  // ---- 3. 200 accounts in one run --------------------------------------------------------------------
  await withMoto(specs.many, async ({ proxy, busy }) => {
    proxy.resetCalls();
    busy.reset();
    const many = await runAction(
      root,
      work,
      'live-200',
      { ...common, accounts: MANY.join(',') },
      proxy.endpoint,
    );
    const manyOk = many.report.accounts.filter((a) => a.status === 'ok').length;
    // moto answers a fresh account's first GenerateCredentialReport with STARTED: one poll (1 s) each.
    const manyPolls = Math.max(
      ...[...callsByAccount(proxy, MANY).values()].map((o) => (o.GenerateCredentialReport ?? 1) - 1),
    );
    const manySleeps = POLL_SLEEPS_MS.slice(0, manyPolls).reduce((s, n) => s + n, 0);
    const manyCritical = (MANY.length * ((3 + manyPolls) * LATENCY_MS + manySleeps)) / CONCURRENCY;
    log(
      `\n  ${MANY.length} accounts × 10 users (1 violator each), concurrency ${CONCURRENCY}, report STARTED ${manyPolls}× (moto's own first answer):`,
    );
    log(
      `    accounts ok    ${manyOk}/${MANY.length}, findings ${many.report.findings.length}, ${proxy.calls.length} calls`,
    );
    log(
      `    wall time      ${fmtS(many.wallMs)}   (critical path ${fmtS(manyCritical)} = 200 × (${3 + manyPolls} calls × ${LATENCY_MS} ms + ${fmtS(manySleeps)}) / ${CONCURRENCY}:` +
        ` ${(many.wallMs / manyCritical).toFixed(2)} ×; moto busy ${fmtS(busy.busyMs)})`,
    );
    log(`    peak RSS       ${many.rssMb.toFixed(0)} MB`);
    if (manyOk !== MANY.length) throw new Error('not every one of the 200 accounts was audited');
  });

  // ---- 4. one account with 50,000 users ----------------------------------------------------------------
  await withMoto(specs.big, async ({ moto, proxy, busy }) => {
    proxy.fault({
      match: { action: 'GenerateCredentialReport', account: BIG },
      times: POLLS,
      respond: reportStarted(),
    });
    proxy.resetCalls();
    busy.reset();
    const big = await runAction(root, work, 'live-50k', { ...common, accounts: BIG }, proxy.endpoint);
    proxy.clearFaults();
    const bigAccount = big.report.accounts[0];
    const bigCalls = callsByAccount(proxy, [BIG]).get(BIG);
    log(
      `\n  1 account × 50,000 users (moto's own report, ${moto.seeded.accounts[BIG].violators} violators), report STARTED ${POLLS}×:`,
    );
    log(
      `    users scanned  ${bigAccount.usersScanned.toLocaleString('en')}, findings ${big.report.findings.length}, ` +
        `${Object.values(bigCalls).reduce((s, n) => s + n, 0)} calls (GetCredentialReport ${bigCalls.GetCredentialReport})`,
    );
    log(
      `    wall time      ${fmtS(big.wallMs)}   (moto busy ${fmtS(busy.busyMs)}, poll sleeps ${fmtS(sleeps)})`,
    );
    log(`    peak RSS       ${big.rssMb.toFixed(0)} MB`);
    if (bigAccount.status !== 'ok' || bigAccount.usersScanned !== 50_000)
      throw new Error('the 50,000-user account failed');
  });
  return true;
}
