// The live part of `npm run bench` (docs/design.md §1 call counts, §7 Scale): the bundled action (dist/index.js,
// run as the runner runs it) audits 8, 32 and 128 moto accounts through the tests' call-counting proxy
// (__tests__/helpers/aws-proxy.ts), which adds 20 ms to every AWS call and answers each account's
// GenerateCredentialReport with STARTED until 3 s after that account first asked (then moto's COMPLETE).
//
// Beside the action's wall time it prints two figures COMPUTED from the per-call times measured in the
// same run (medians per operation, at the proxy): the round-based path (each account holds one of the
// `concurrency` slots from AssumeRole until its last call, waiting for its own report inside the slot)
// and the overlapped bound (every report started first, 32 at once, then accounts audited `concurrency`
// at a time from the moment their report is ready). Also: calls per account (checked against the formula),
// how late each report was seen, peak RSS, moto's busy time (one Python process serving ~one call at a
// time: where it is the floor, the same run with several moto processes routed by account shows it), the
// per-user walk for comparison, one 1,000-user account (enrichment), and a 1,000-account model.
//
// Everything listens on 127.0.0.1 only. moto processes are started here (users created in their own
// process: scripts/lib/moto-seeded.py) and stopped by their pid at the end, also on error.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
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

/** A benched process's environment: the RSS/CPU probe's files and the SDK pointed at `endpoint` only. */
function probedAwsEnv(dir, endpoint) {
  return {
    PATH: process.env.PATH,
    BENCH_RSS_FILE: join(dir, 'rss.txt'),
    BENCH_CPU_FILE: join(dir, 'cpu.txt'),
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
  };
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

/**
 * Runs dist/index.js as the runner does (INPUT_* variables), with the rss probe (peak RSS, CPU time);
 * AWS calls go to `endpoint`. `dist`: another build's dist/ folder (a baseline), default this one's.
 */
function runAction(root, work, name, inputs, endpoint, dist = join(root, 'dist')) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const env = {
    ...probedAwsEnv(dir, endpoint),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    RUNNER_TEMP: dir,
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
      [
        // BENCH_NODE_ARGS: extra flags for the action's node (e.g. `--cpu-prof --cpu-prof-dir=DIR`)
        ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
        '--import',
        join(root, 'scripts', 'lib', 'rss-probe.mjs'),
        join(dist, 'index.js'),
      ],
      { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      writeFileSync(join(dir, 'log.txt'), out); // the step's log, to read after the bench
      if (code !== 0) {
        reject(new Error(`the action (${name}) exited ${code}:\n${out.slice(-4000)}`));
        return;
      }
      resolve({
        wallMs,
        cpuMs: Number(readFileSync(env.BENCH_CPU_FILE, 'utf8')) / 1000,
        rssMb: Number(readFileSync(env.BENCH_RSS_FILE, 'utf8')) / 1024,
        report: JSON.parse(readFileSync(env['INPUT_JSON-FILE'], 'utf8')),
      });
    });
  });
}

/**
 * The bare AWS SDK loop (scripts/lib/bare-sdk.mjs) replaying the calls the action made (`calls`, as the
 * proxy recorded them) against the same endpoint, `concurrency` accounts at once, under the rss probe.
 */
function runBareSdk(root, work, name, calls, concurrency, endpoint) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const accounts = new Map(); // target account -> { roleArn, calls }, in the order of their first call
  for (const c of [...calls].sort((a, b) => a.seq - b.seq)) {
    if (c.action === 'GetCallerIdentity') continue;
    const target = targetAccount(c);
    let a = accounts.get(target);
    if (!a) accounts.set(target, (a = { roleArn: null, calls: [] }));
    if (c.action === 'AssumeRole') a.roleArn = c.params.RoleArn;
    else a.calls.push({ action: c.action, params: c.params });
  }
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify({ concurrency, region: REGION, accounts: [...accounts.values()] }));
  const env = probedAwsEnv(dir, endpoint);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(root, 'scripts', 'lib', 'rss-probe.mjs'),
        join(root, 'scripts', 'lib', 'bare-sdk.mjs'),
        planFile,
      ],
      { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`the bare SDK loop exited ${code}:\n${out.slice(-4000)}`));
      else
        resolve({
          wallMs,
          cpuMs: Number(readFileSync(env.BENCH_CPU_FILE, 'utf8')) / 1000,
          rssMb: Number(readFileSync(env.BENCH_RSS_FILE, 'utf8')) / 1024,
          calls: JSON.parse(out.trim().split('\n').at(-1)).calls,
        });
    });
  });
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

// ---- measurement helpers ---------------------------------------------------------------------------

const ids = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtS = (ms) => `${(ms / 1000).toFixed(1)} s`;
const fmtMin = (ms) => (ms < 120_000 ? fmtS(ms) : `${(ms / 60_000).toFixed(1)} min`);
const range = (xs) => {
  const [a, b] = [Math.min(...xs), Math.max(...xs)];
  return a === b ? String(a) : `${a}–${b}`;
};

/** The account a call acts for: AssumeRole (signed in the caller's account) counts for the role's account. */
function targetAccount(c) {
  return c.action === 'AssumeRole'
    ? /^arn:[^:]+:iam::(\d{12}):/.exec(c.params.RoleArn ?? '')?.[1]
    : c.account;
}

/** Wraps the proxy's forwarding to measure, per emulator, how long it had at least one call in progress. */
function instrumentBusy(proxy) {
  const forward = proxy.forward.bind(proxy);
  const per = new Map(); // target href -> { inFlight, since, busyMs }
  proxy.forward = async (req, body, target = proxy.target) => {
    const key = target.href;
    let s = per.get(key);
    if (!s) per.set(key, (s = { inFlight: 0, since: 0, busyMs: 0 }));
    if (s.inFlight++ === 0) s.since = performance.now();
    try {
      return await forward(req, body, target);
    } finally {
      if (--s.inFlight === 0) s.busyMs += performance.now() - s.since;
    }
  };
  return {
    reset: () => per.clear(),
    /** Busy milliseconds per emulator, largest first. */
    busy: () => [...per.values()].map((s) => s.busyMs).sort((a, b) => b - a),
  };
}

/**
 * Each account's report is STARTED until `readyMs` after that account's first GenerateCredentialReport
 * reached the proxy (then moto answers: COMPLETE, since it was asked already). Returns the rule's handle.
 */
function reportsReadyAfter(proxy, readyMs, reportStarted) {
  const first = new Map();
  return proxy.fault({
    match: {
      action: 'GenerateCredentialReport',
      when: (c) => {
        const now = performance.now();
        if (!first.has(c.account)) first.set(c.account, now);
        return now - first.get(c.account) < readyMs;
      },
    },
    respond: reportStarted(),
  });
}

/** Most calls of one operation in flight at once (from the proxy's timestamps). */
function maxInFlight(calls) {
  const ev = calls.flatMap((c) => [
    [c.startedMs, 1],
    [c.endedMs, -1],
  ]);
  ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (n += d));
  return max;
}

/**
 * List scheduling: `jobs` ({ release, duration, tail? }) taken in release order by the first free of
 * `slots` slots; a job's `tail` runs after it has left its slot. Returns when the last one ends.
 */
export function makespan(jobs, slots) {
  const free = Array.from({ length: slots }, () => 0);
  let end = 0;
  for (const j of [...jobs].sort((a, b) => a.release - b.release)) {
    let i = 0;
    for (let k = 1; k < free.length; k++) if (free[k] < free[i]) i = k;
    const start = Math.max(free[i], j.release);
    free[i] = start + j.duration;
    end = Math.max(end, free[i] + (j.tail ?? 0));
  }
  return end;
}

/** CloudTrail's pace (src/audit/key-creation.ts LOOKUPS_PER_SECOND, a burst of 1). */
const LOOKUPS_PER_SECOND = 2;

/** The flagged users and keys of each account, from the action's JSON report. */
function flaggedFrom(report) {
  const out = new Map();
  for (const a of report.accounts)
    out.set(a.accountId, { users: 0, keys: a.resolvedSinceReport, lookups: 0 });
  const users = new Set();
  for (const f of report.findings) {
    const e = out.get(f.accountId);
    e.keys += 1;
    // looked up in CloudTrail (the bench's proxy answers with no event)
    const kc = f.keyCreation;
    if (kc && (kc.eventId !== null || kc.unknownReason === 'no CreateAccessKey event found')) e.lookups += 1;
    if (!users.has(`${f.accountId}/${f.userArn}`)) {
      users.add(`${f.accountId}/${f.userArn}`);
      e.users += 1;
    }
  }
  return out;
}

/**
 * The two computed figures for one run, from the per-operation medians measured in it.
 * Per account: AssumeRole (A), GenerateCredentialReport (G), GetCredentialReport (R), enrichment
 * ceil(flagged / E) × (max(ListAccessKeys, ListUserTags) + GetAccessKeyLastUsed); ListAccountAliases runs
 * beside the report and is hidden by it; parsing a 200-row report is negligible here.
 * - round-based: every account holds a slot for A + (first G until the G that saw COMPLETE, measured
 *   median) + R + enrichment, `concurrency` slots.
 * - overlapped bound: reports started `startLimit` at a time (A + G each), each ready `readyMs` after its
 *   first G; from then one G to see it, R and the enrichment, `concurrency` slots.
 * Both end each account with its CloudTrail lookups at CloudTrail's pace (n lookups: (n - 1) / 2 s plus
 * n calls): held in the slot on the round-based path, after it in the bound (the action gives its slot
 * back for them since issue 24).
 */
export function pathsFor({ accounts, flagged, med, seenMs, readyMs, concurrency, startLimit, enrich }) {
  const paced = (a) => {
    const n = flagged.get(a)?.lookups ?? 0;
    // each call as long as any call here (the proxy answers CloudTrail itself, after the same latency)
    const call = Number.isFinite(med.LookupEvents) ? med.LookupEvents : med.ListAccountAliases;
    return n > 0 ? ((n - 1) * 1000) / LOOKUPS_PER_SECOND + n * call : 0;
  };
  const post = (a) => {
    const f = flagged.get(a)?.users ?? 0;
    return (
      med.GetCredentialReport +
      Math.ceil(f / enrich) * (Math.max(med.ListAccessKeys, med.ListUserTags) + med.GetAccessKeyLastUsed)
    );
  };
  const round = makespan(
    accounts.map((a) => ({ release: 0, duration: med.AssumeRole + seenMs + post(a) + paced(a) })),
    concurrency,
  );
  const startEach = med.AssumeRole + med.GenerateCredentialReport;
  const overlapped = makespan(
    accounts.map((a, i) => ({
      release: Math.floor(i / startLimit) * startEach + med.AssumeRole + readyMs,
      duration: med.GenerateCredentialReport + post(a),
      tail: paced(a),
    })),
    concurrency,
  );
  return { round, overlapped };
}

// ---- the benchmark -------------------------------------------------------------------------------

/**
 * Runs the live benchmark. Returns null when moto is missing (skipped with a message), the figures
 * otherwise; throws when a run fails or the calls per account differ from the formula.
 */
export async function runLiveBench({ root, work, log = console.log }) {
  const python = pythonWithMoto();
  if (!python) {
    log(
      `\nlive benchmark skipped: moto not importable by ${process.env.BENCH_PYTHON ?? 'python3'} (pip install 'moto[server]')`,
    );
    return null;
  }
  const dist = join(root, 'dist', 'index.js');
  const newer = spawnSync('find', [join(root, 'src'), '-name', '*.ts', '-newer', dist], { encoding: 'utf8' });
  if (newer.stdout.trim()) log('warning: src/ is newer than dist/index.js: run `npm run build` first');

  const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
  const READY_MS = Number(process.env.BENCH_READY_MS ?? 3000);
  const CONCURRENCY = 8;
  const START_LIMIT = 32;
  const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
  const MOTOS = Number(process.env.BENCH_MOTOS ?? 2);
  const SIZES = [8, 32, 128];
  const ACCOUNTS = ids('31000000', Math.max(...SIZES)); // 200 users, 10 violators each
  const BIG = '320000000001'; // 1,000 users, 50 violators: the enrichment
  const spec = (list) => list.map((id, i) => ({ id, users: 200, violators: 10, seed: 300 + i }));
  const { startAwsProxy, reportStarted } = await importTs('__tests__/helpers/aws-proxy.ts');
  const { POLL_STEPS_MS, POLL_CAP_MS } = await importTs('src/collect/poll-schedule.ts');
  // the calls of one account's audit, from the operations table (src/aws/operations.ts)
  const { AWS_OPERATIONS } = await importTs('src/aws/operations.ts');
  const OPS = AWS_OPERATIONS.filter((o) => o.scope === 'account' && o.role !== 'remediation').map(
    (o) => o.command,
  );
  const asOf = new Date();
  const common = {
    'account-role-name': ROLE_NAME,
    concurrency: String(CONCURRENCY),
    'as-of': asOf.toISOString(), // moto's GeneratedTime is a fixed date in 2015
  };

  /** moto processes holding `groups` (one list of account specs each), behind one routing proxy. */
  async function withMotos(groups, fn) {
    const motos = [];
    let proxy;
    try {
      for (const g of await Promise.allSettled(
        groups.map((accounts, i) => {
          mkdirSync(join(work, `moto-${i}`), { recursive: true });
          return startSeededMoto(python, root, join(work, `moto-${i}`), { accounts });
        }),
      )) {
        if (g.status === 'fulfilled') motos.push(g.value);
        else throw g.reason;
      }
      const where = new Map();
      groups.forEach((g, i) => g.forEach((a) => where.set(a.id, motos[i].endpoint)));
      const users = groups.flat().reduce((s, a) => s + a.users, 0);
      log(
        `  (moto ×${motos.length}: ${users.toLocaleString('en')} users in ${groups.flat().length} accounts seeded in ` +
          `${Math.max(...motos.map((m) => m.seeded.seconds)).toFixed(1)} s in moto's own process)`,
      );
      proxy = await startAwsProxy(motos[0].endpoint, {
        latencyMs: LATENCY_MS,
        route: motos.length > 1 ? (c) => where.get(targetAccount(c)) : undefined,
      });
      return await fn({ proxy, busy: instrumentBusy(proxy) });
    } finally {
      await proxy?.stop();
      await Promise.all(motos.map((m) => m.stop()));
    }
  }

  /** One run of the action over `accounts`, with its measurements. */
  async function measure(proxy, busy, name, accounts, dist = join(root, 'dist')) {
    proxy.clearFaults();
    reportsReadyAfter(proxy, READY_MS, reportStarted);
    proxy.resetCalls();
    busy.reset();
    const r = await runAction(
      root,
      work,
      name,
      { ...common, accounts: accounts.join(',') },
      proxy.endpoint,
      dist,
    );
    proxy.clearFaults();
    const failed = r.report.accounts.filter((a) => a.status !== 'ok');
    if (failed.length > 0) throw new Error(`${name}: accounts failed: ${JSON.stringify(failed.slice(0, 3))}`);
    const wanted = new Set(accounts);
    const calls = proxy.calls.filter((c) => wanted.has(targetAccount(c)));
    const byAccount = new Map(accounts.map((a) => [a, []]));
    for (const c of calls) byAccount.get(targetAccount(c)).push(c);
    const flagged = flaggedFrom(r.report);
    // calls per account: 3 + 2 per flagged user + 1 per flagged key, plus polls and 1 AssumeRole
    let formulaOk = true;
    const totals = [];
    const polls = [];
    const seen = [];
    for (const a of accounts) {
      const cs = byAccount.get(a);
      const n = (op) => cs.filter((c) => c.action === op).length;
      const f = flagged.get(a);
      const p = n('GenerateCredentialReport') - 1;
      polls.push(p);
      totals.push(cs.length);
      const core = cs.length - p - n('AssumeRole');
      const other = cs.filter((c) => !OPS.includes(c.action));
      if (core !== 3 + 2 * f.users + f.keys || n('AssumeRole') !== 1 || other.length > 0) formulaOk = false;
      const gens = cs.filter((c) => c.action === 'GenerateCredentialReport').sort((x, y) => x.seq - y.seq);
      const complete = gens.find((c) => c.fault === null);
      if (gens[0] && complete) seen.push(complete.endedMs - gens[0].startedMs);
    }
    if (!formulaOk)
      throw new Error(`${name}: calls per account differ from 3 + 2 per flagged user + 1 per flagged key`);
    const med = {};
    for (const op of OPS)
      med[op] = median(calls.filter((c) => c.action === op).map((c) => c.endedMs - c.startedMs));
    const auditMs = Math.max(...calls.map((c) => c.endedMs)) - Math.min(...calls.map((c) => c.startedMs));
    // flagged users looked up at once within one account (ListAccessKeys calls in flight)
    const enrichInFlight = Math.max(
      0,
      ...accounts.map((a) => maxInFlight(byAccount.get(a).filter((c) => c.action === 'ListAccessKeys'))),
    );
    return {
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      auditMs,
      rssMb: r.rssMb,
      findings: r.report.findings.length,
      callsPerAccount: totals,
      polls,
      seenMs: median(seen),
      overshootMs: median(seen) - READY_MS,
      med,
      flagged,
      busyMs: busy.busy(),
      enrichInFlight,
      totalCalls: calls.length,
      // CloudTrail's LookupEvents, answered by the proxy outside its call log (from the JSON report)
      lookups: [...flagged.values()].reduce((n, f) => n + f.lookups, 0),
    };
  }

  const live = { latencyMs: LATENCY_MS, readyMs: READY_MS, concurrency: CONCURRENCY, sizes: [], multi: null };
  // BENCH_LIVE_BASELINE: other builds' dist/ folders (separated by `:`), run beside this one's where
  // marked (before/after); each named by the folder that holds its dist/
  const builds = [
    { name: 'the action', dist: join(root, 'dist') },
    ...(process.env.BENCH_LIVE_BASELINE ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => ({ name: basename(dirname(resolve(d))), dist: resolve(d) })),
  ];
  // BENCH_LIVE=cpu,sizes,multi (default all): the CPU-per-call section, the sizes on one moto process
  // (with the enrichment, the per-user walk and the model), 128 and 256 accounts on several
  const LIVE_PARTS = new Set((process.env.BENCH_LIVE ?? 'cpu,sizes,multi').split(','));

  // ---- CPU per AWS call and connections per account (issue 24), beside a bare AWS SDK loop -------------
  // 64 accounts of 60 users (5 flagged each), concurrency 16, 5 ms a call, reports ready at once. The
  // action's CPU time per AWS call beside a bare SDK v3 loop making the same calls (replayed from the
  // proxy's record) against the same endpoint; TCP connections the proxy accepted per account; peak RSS.
  // BENCH_LIVE_BASELINE: another build's dist/ folder, run the same way in the same run (before/after).
  const N = Number(process.env.BENCH_CPU_ACCOUNTS ?? 64);
  const cpuSection = { rows: [], bare: null, accounts: N };
  if (LIVE_PARTS.has('cpu')) {
    const CPU_CONCURRENCY = 16;
    const CPU_LATENCY_MS = 5;
    const cpuAccounts = ids('33000000', N);
    const specs = cpuAccounts.map((id, i) => ({ id, users: 60, violators: 5, seed: 500 + i }));
    await withMotos([specs], async ({ proxy }) => {
      proxy.latencyMs = CPU_LATENCY_MS;
      // the action looks up who made each flagged key (young keys here): those calls count and are replayed
      proxy.recordCloudTrail = true;
      // Each build at N accounts and at SMALL: the difference is the CPU of the calls between them, with
      // the start-up (loading the SDK, the bundle) cancelled out of both.
      const SMALL = 8;
      const runs = new Map(builds.map((b) => [b.name, []]));
      const bare = [];
      // Unmeasured: the accounts' first reports. Without it the first build measured finds every report
      // still to generate and makes one more call per account than the builds after it.
      await runAction(
        root,
        work,
        'cpu-warm-up',
        { ...common, concurrency: String(CPU_CONCURRENCY), accounts: cpuAccounts.join(',') },
        proxy.endpoint,
      );
      for (let rep = 0; rep < REPEAT; rep++) {
        const recorded = new Map();
        const one = new Map(builds.map((b) => [b.name, {}]));
        const bareOne = {};
        for (const n of [N, SMALL]) {
          for (const b of builds) {
            proxy.clearFaults();
            proxy.resetCalls();
            const r = await runAction(
              root,
              work,
              `cpu-${b.name.replace(/\W+/g, '-')}-${n}-${rep}`,
              {
                ...common,
                concurrency: String(CPU_CONCURRENCY),
                accounts: cpuAccounts.slice(0, n).join(','),
              },
              proxy.endpoint,
              b.dist,
            );
            const failed = r.report.accounts.filter((a) => a.status !== 'ok');
            if (failed.length > 0) throw new Error(`cpu ${b.name}: accounts failed: ${failed.length}`);
            one.get(b.name)[n] = { ...r, calls: proxy.calls.length, connections: proxy.connectionsOpened };
            if (!recorded.has(n)) recorded.set(n, [...proxy.calls]);
          }
          proxy.resetCalls();
          const calls = recorded.get(n);
          const br = await runBareSdk(
            root,
            work,
            `cpu-bare-${n}-${rep}`,
            calls,
            CPU_CONCURRENCY,
            proxy.endpoint,
          );
          if (proxy.calls.length !== calls.length)
            throw new Error(`the bare SDK loop made ${proxy.calls.length} calls, the action ${calls.length}`);
          bareOne[n] = { ...br, calls: proxy.calls.length, connections: proxy.connectionsOpened };
        }
        const marginal = (m) => (m[N].cpuMs - m[SMALL].cpuMs) / (m[N].calls - m[SMALL].calls);
        for (const b of builds)
          runs.get(b.name).push({ ...one.get(b.name)[N], marginalMs: marginal(one.get(b.name)) });
        bare.push({ ...bareOne[N], marginalMs: marginal(bareOne) });
      }
      const perCall = (rs) => median(rs.map((r) => r.cpuMs / r.calls));
      const marginalOf = (rs) => median(rs.map((r) => r.marginalMs));
      cpuSection.bare = {
        cpuPerCallMs: perCall(bare),
        marginalMs: marginalOf(bare),
        connectionsPerAccount: median(bare.map((r) => r.connections)) / N,
        rssMb: Math.max(...bare.map((r) => r.rssMb)),
      };
      log(
        `\ncpu per AWS call: ${N} accounts of 60 users (5 flagged), concurrency ${CPU_CONCURRENCY}, ${CPU_LATENCY_MS} ms a call, ` +
          `medians of ${REPEAT}: the whole process's CPU per call (start-up, parsing and reports included), and per call ` +
          `between ${SMALL} and ${N} accounts (start-up cancelled out)`,
      );
      log(
        `  bare AWS SDK v3 loop   ${cpuSection.bare.cpuPerCallMs.toFixed(2)} ms per call, ${cpuSection.bare.marginalMs.toFixed(2)} ms between ` +
          `(${bare[0].calls} calls, ${cpuSection.bare.connectionsPerAccount.toFixed(1)} connections per account, peak RSS ${cpuSection.bare.rssMb.toFixed(0)} MB)`,
      );
      for (const b of builds) {
        const rs = runs.get(b.name);
        const row = {
          name: b.name,
          cpuPerCallMs: perCall(rs),
          ratio: perCall(rs) / cpuSection.bare.cpuPerCallMs,
          marginalMs: marginalOf(rs),
          marginalRatio: marginalOf(rs) / cpuSection.bare.marginalMs,
          connectionsPerAccount: median(rs.map((r) => r.connections)) / N,
          rssMb: Math.max(...rs.map((r) => r.rssMb)),
          wallMs: median(rs.map((r) => r.wallMs)),
          calls: rs[0].calls,
        };
        cpuSection.rows.push(row);
        log(
          `  ${b.name.padEnd(22)} ${row.cpuPerCallMs.toFixed(2)} ms per call = ${row.ratio.toFixed(2)} × the bare loop, ` +
            `${row.marginalMs.toFixed(2)} ms between = ${row.marginalRatio.toFixed(2)} × (target ≤ 1.3, issue 24 measured 1.58); ` +
            `${row.connectionsPerAccount.toFixed(2)} connections per account (target ≤ 4, issue 24 measured 10); ` +
            `peak RSS ${row.rssMb.toFixed(0)} MB (target ≤ 120, issue 24 measured 140); ${fmtS(row.wallMs)} wall, ${row.calls} calls`,
        );
      }
    });
  }
  live.cpu = cpuSection;

  if (LIVE_PARTS.has('sizes')) {
    log(
      `\nlive: moto behind the tests' counting proxy, ${LATENCY_MS} ms added to every call, each report ready ` +
        `${READY_MS / 1000} s after it is first requested, concurrency ${CONCURRENCY}; accounts of 200 users (10 flagged)`,
    );
    await withMotos(
      [[...spec(ACCOUNTS), { id: BIG, users: 1000, violators: 50, seed: 9 }]],
      async ({ proxy, busy }) => {
        // ---- 8, 32, 128 accounts (interleaved repeats; medians) -----------------------------------------
        const runs = new Map(SIZES.map((n) => [n, []]));
        for (let rep = 0; rep < REPEAT; rep++)
          for (const n of SIZES) {
            if (n === 128 && rep > 0 && process.env.BENCH_REPEAT_128 !== 'all') continue;
            runs.get(n).push(await measure(proxy, busy, `live-${n}-${rep}`, ACCOUNTS.slice(0, n)));
          }
        for (const n of SIZES) {
          const rs = runs.get(n);
          const accounts = ACCOUNTS.slice(0, n);
          const paths = rs.map((r) =>
            pathsFor({
              accounts,
              flagged: r.flagged,
              med: r.med,
              seenMs: r.seenMs,
              readyMs: READY_MS,
              concurrency: CONCURRENCY,
              startLimit: START_LIMIT,
              enrich: r.enrichInFlight,
            }),
          );
          const s = {
            accounts: n,
            runs: rs.length,
            wallMs: median(rs.map((r) => r.wallMs)),
            auditMs: median(rs.map((r) => r.auditMs)),
            roundMs: median(paths.map((p) => p.round)),
            overlappedMs: median(paths.map((p) => p.overlapped)),
            rssMb: Math.max(...rs.map((r) => r.rssMb)),
            callsPerAccount: range(rs.flatMap((r) => r.callsPerAccount)),
            polls: range(rs.flatMap((r) => r.polls)),
            overshootMs: median(rs.map((r) => r.overshootMs)),
            busyMs: median(rs.map((r) => r.busyMs[0] ?? 0)),
            med: rs.at(-1).med,
            enrichInFlight: Math.max(...rs.map((r) => r.enrichInFlight)),
            totalCalls: rs.at(-1).totalCalls,
          };
          live.sizes.push(s);
          log(`\n  ${n} accounts (${rs.length === 1 ? '1 run' : `median of ${rs.length} runs`}):`);
          log(
            `    the action       ${fmtS(s.wallMs)} wall (whole process); its AWS calls span ${fmtS(s.auditMs)}`,
          );
          log(
            `    round-based      ${fmtS(s.roundMs)}   (each account waits for its report in one of ${CONCURRENCY} slots)`,
          );
          log(
            `    overlapped bound ${fmtS(s.overlappedMs)}   (reports started ${START_LIMIT} at a time, audited as they are ready)`,
          );
          log(
            `    ratio            ${(s.auditMs / s.roundMs).toFixed(2)} × round-based, ${(s.auditMs / s.overlappedMs).toFixed(2)} × overlapped (AWS-call span)`,
          );
          log(
            `    calls/account    ${s.callsPerAccount} (= 3 + 2 × 10 flagged users + 10 keys + 1 AssumeRole + ${s.polls} polls: every account matches)`,
          );
          log(`    report seen      ${fmtS(s.overshootMs)} after it was ready (median)`);
          log(
            `    moto busy        ${fmtS(s.busyMs)} (one Python process, ${s.totalCalls} calls)   peak RSS ${s.rssMb.toFixed(0)} MB`,
          );
          log(
            `    per call (median at the proxy, ${LATENCY_MS} ms injected): AssumeRole ${s.med.AssumeRole.toFixed(0)} ms, ` +
              `GenerateCredentialReport ${s.med.GenerateCredentialReport.toFixed(0)} ms, GetCredentialReport ${s.med.GetCredentialReport.toFixed(0)} ms, ` +
              `ListAccessKeys ${s.med.ListAccessKeys.toFixed(0)} ms; flagged users looked up at once: ${s.enrichInFlight}`,
          );
        }

        // ---- one account of 1,000 users, 50 flagged: the enrichment ------------------------------------
        const big = [];
        for (let rep = 0; rep < REPEAT; rep++) {
          const r = await measure(proxy, busy, `live-big-${rep}`, [BIG]);
          const cs = proxy.calls.filter((c) =>
            ['ListAccessKeys', 'ListUserTags', 'GetAccessKeyLastUsed'].includes(c.action),
          );
          big.push({
            ...r,
            enrichMs: Math.max(...cs.map((c) => c.endedMs)) - Math.min(...cs.map((c) => c.startedMs)),
          });
        }
        live.big = {
          wallMs: median(big.map((r) => r.wallMs)),
          enrichMs: median(big.map((r) => r.enrichMs)),
          inFlight: big[0].enrichInFlight,
          calls: big[0].totalCalls,
        };
        log(
          `\n  1 account × 1,000 users, 50 flagged (median of ${big.length}): enrichment (150 calls) ${fmtS(live.big.enrichMs)} with ` +
            `${live.big.inFlight} flagged users looked up at once; the action ${fmtS(live.big.wallMs)} wall`,
        );

        // ---- the per-user walk -------------------------------------------------------------------------
        const sample = ACCOUNTS.slice(0, SIZES[0]);
        const inFlight = CONCURRENCY * 4; // the action's most IAM calls in flight before issue 13: 8 accounts × 4 users
        proxy.resetCalls();
        const t0 = performance.now();
        const naive = await naiveAudit(
          proxy.endpoint,
          sample,
          CONCURRENCY,
          inFlight / CONCURRENCY,
          asOf.getTime(),
        );
        const naiveMs = performance.now() - t0;
        const naiveCalls = proxy.calls.length;
        const eight = live.sizes[0];
        for (const a of sample)
          if (naive.get(a) !== 10)
            throw new Error(`the per-user walk found ${naive.get(a)} violators in ${a}, not 10`);
        const at128 = (naiveMs * ACCOUNTS.length) / sample.length;
        live.naive = { accounts: sample.length, ms: naiveMs, calls: naiveCalls, at128Ms: at128 };
        log(
          `\n  per-user walk (ListUsers, then per user ListAccessKeys + GetLoginProfile, GetAccessKeyLastUsed per key), ${inFlight} calls in flight:`,
        );
        log(
          `    ${sample.length} accounts       ${fmtS(naiveMs)} (${naiveCalls} calls, same violators) = ${(naiveMs / eight.wallMs).toFixed(1)} × the action's ${fmtS(eight.wallMs)}`,
        );
        const last = live.sizes.at(-1);
        log(
          `    128 accounts     ~${fmtS(at128)} (linear in accounts at the measured rate) = ${(at128 / last.wallMs).toFixed(1)} × the action's ${fmtS(last.wallMs)}` +
            ` (target ≥ 10 ×; the walk does not wait for reports, so small accounts narrow the gap)`,
        );
      },
    );
  }

  // ---- several moto processes: 128 and 256 accounts, the action on the runner's cores ----------------------
  // Accounts routed by account to MOTOS moto processes (one Python process serves about one call at a
  // time: with one, it is the floor from 128 accounts). The overlapped bound is computed from this run's
  // per-call times, as above. Targets (issue 24): 256 accounts within 1.3 × the overlapped bound; peak
  // RSS at 128 accounts ≤ 200 MB and flat from 128 to 256.
  if (MOTOS > 1 && LIVE_PARTS.has('multi')) {
    const MULTI = ids('31000000', 256);
    const groups = Array.from({ length: MOTOS }, (_, k) => spec(MULTI).filter((_, i) => i % MOTOS === k));
    live.multi = { motos: MOTOS, rows: [] };
    await withMotos(groups, async ({ proxy, busy }) => {
      log(`\n  over ${MOTOS} moto processes (routed by account through the proxy), one run each:`);
      for (const n of [128, 256])
        for (const b of builds) {
          const accounts = MULTI.slice(0, n);
          const r = await measure(
            proxy,
            busy,
            `live-${n}-x${MOTOS}-${b.name.replace(/\W+/g, '-')}`,
            accounts,
            b.dist,
          );
          const paths = pathsFor({
            accounts,
            flagged: r.flagged,
            med: r.med,
            seenMs: r.seenMs,
            readyMs: READY_MS,
            concurrency: CONCURRENCY,
            startLimit: START_LIMIT,
            enrich: r.enrichInFlight,
          });
          const row = {
            accounts: n,
            build: b.name,
            ...r,
            overlappedMs: paths.overlapped,
            roundMs: paths.round,
          };
          live.multi.rows.push(row);
          log(
            `    ${String(n).padStart(3)} accounts, ${b.name.padEnd(10)} ${fmtS(r.wallMs)} wall (AWS calls span ${fmtS(r.auditMs)}), ` +
              `overlapped bound ${fmtS(paths.overlapped)}: ${(r.wallMs / paths.overlapped).toFixed(2)} × (calls span ${(r.auditMs / paths.overlapped).toFixed(2)} ×; target ≤ 1.3 at 256); ` +
              `CPU ${fmtS(r.cpuMs)}; peak RSS ${r.rssMb.toFixed(0)} MB (target ≤ 200, flat 128 → 256); ` +
              `moto busy ${r.busyMs.map(fmtS).join(' / ')}; calls/account ${range(r.callsPerAccount)}`,
          );
        }
    });
  }

  // ---- the 1,000-account model ---------------------------------------------------------------------
  const OLD_STEPS = [1000, 2000, 4000, 8000, 16000];
  const seenAt = (readyMs, steps, cap, callMs) => {
    let t = callMs; // the first GenerateCredentialReport
    let polls = 0;
    while (t < readyMs) {
      t += (steps[polls] ?? cap) + callMs;
      polls++;
    }
    return { t, polls };
  };
  const flagged = 10; // as measured here: 200 users, 10 flagged with one key each
  const model = [];
  for (const reportMs of [5000, 60000])
    for (const callMs of [50, 100]) {
      const accounts = Array.from({ length: 1000 }, (_, i) => String(i));
      const fl = new Map(accounts.map((a) => [a, { users: flagged }]));
      const med = {
        AssumeRole: callMs,
        GenerateCredentialReport: callMs,
        GetCredentialReport: callMs,
        ListAccessKeys: callMs,
        ListUserTags: callMs,
        GetAccessKeyLastUsed: callMs,
      };
      const before = seenAt(reportMs, OLD_STEPS, 16000, callMs);
      const after = seenAt(reportMs, POLL_STEPS_MS, POLL_CAP_MS, callMs);
      const today = pathsFor({
        accounts,
        flagged: fl,
        med,
        seenMs: before.t,
        readyMs: reportMs,
        concurrency: 8,
        startLimit: 32,
        enrich: 4,
      });
      const next = pathsFor({
        accounts,
        flagged: fl,
        med,
        seenMs: after.t,
        readyMs: reportMs,
        concurrency: 8,
        startLimit: 32,
        enrich: 16,
      });
      model.push({
        reportMs,
        callMs,
        todayMs: today.round,
        overlappedMs: next.overlapped,
        pollsBefore: before.polls,
        pollsAfter: after.polls,
      });
    }
  live.model = model;
  log(
    '\n  model, 1,000 accounts, concurrency 8 (assumptions: every account like the ones above — 10 flagged users with one',
  );
  log(
    '  key each — every call the same latency, no throttling, AWS generates all reports at once, each taking the same time):',
  );
  for (const m of model)
    log(
      `    report ${String(m.reportMs / 1000).padStart(2)} s, ${m.callMs} ms/call: round-based (1/2/4/8/16 s polls, 4 users at once) ` +
        `${(m.todayMs / 60000).toFixed(1)} min; overlapped (32 starts at once, 16 users at once) ${(m.overlappedMs / 60000).toFixed(1)} min; ` +
        `polls per account ${m.pollsBefore} -> ${m.pollsAfter}`,
    );

  // ---- the organization model (issue 24): the network path, the CPU, the floor and the per-user walk ------
  // 1,000 and 5,000 accounts of 1,000 users, 5 % flagged (50 users, one key each), 50 ms a call, concurrency
  // 16, reports ready after 5 or 30 s. The CPU per call is this run's (the largest live run of the action:
  // marginal, start-up spread over thousands of calls); calls per account from the formula and the poll
  // schedule; the per-user walk's calls per user as measured above (ListAccessKeys + GetLoginProfile per
  // user, GetAccessKeyLastUsed per key), 32 calls in flight.
  const cpuSource = (() => {
    const big = live.multi?.rows.filter((r) => r.build === 'the action').at(-1);
    if (big)
      return {
        ms: big.cpuMs / (big.totalCalls + big.lookups),
        from: `${big.accounts} accounts over ${MOTOS} moto processes, ${big.lookups} CloudTrail lookups counted as calls`,
      };
    const c = live.cpu?.rows.find((r) => r.name === 'the action');
    return c ? { ms: c.cpuPerCallMs, from: 'the 64-account CPU section, start-up included' } : null;
  })();
  if (cpuSource) {
    const U = 1000;
    const F = 50;
    const L = 50;
    const C = 16;
    const walkPerUser = live.naive ? live.naive.calls / (live.naive.accounts * 200) : 2.5;
    const med = Object.fromEntries(
      [
        'AssumeRole',
        'GenerateCredentialReport',
        'GetCredentialReport',
        'ListAccessKeys',
        'ListUserTags',
        'GetAccessKeyLastUsed',
      ].map((op) => [op, L]),
    );
    live.orgModel = { cpuPerCallMs: cpuSource.ms, from: cpuSource.from, walkPerUser, rows: [] };
    log(
      `\n  model (issue 24): accounts of ${U.toLocaleString('en')} users, ${F} flagged (one key each), ${L} ms a call, concurrency ${C}; ` +
        `CPU ${cpuSource.ms.toFixed(2)} ms per call (${cpuSource.from}); the walk ${walkPerUser.toFixed(2)} calls per user, 32 in flight:`,
    );
    for (const N of [1000, 5000])
      for (const readyMs of [5000, 30000]) {
        const seen = seenAt(readyMs, POLL_STEPS_MS, POLL_CAP_MS, L);
        const callsPerAccount = 3 + 2 * F + F + 1 + seen.polls;
        const accounts = Array.from({ length: N }, (_, i) => String(i));
        const flagged = new Map(accounts.map((a) => [a, { users: F }]));
        const common = { med, seenMs: seen.t, readyMs, concurrency: C, startLimit: 32, enrich: 16 };
        const network = pathsFor({ accounts, flagged, ...common }).overlapped;
        const floor = pathsFor({ accounts: ['0'], flagged, ...common }).overlapped;
        const cpuMs = N * callsPerAccount * cpuSource.ms;
        const walkMs = (N * U * walkPerUser * L) / 32;
        const row = {
          accounts: N,
          readyMs,
          callsPerAccount,
          networkMs: network,
          cpuMs,
          floorMs: floor,
          walkMs,
        };
        live.orgModel.rows.push(row);
        log(
          `    ${N.toLocaleString('en')} accounts, reports after ${readyMs / 1000} s: ${callsPerAccount} calls per account; network path ${fmtMin(network)}, ` +
            `CPU on one core ${fmtMin(cpuMs)} -> one thread about ${fmtMin(Math.max(network, cpuMs))}, ` +
            `3 account threads (4 vCPUs, if they scale: not measured here) about ${fmtMin(Math.max(network, cpuMs / 3))}; ` +
            `floor ${fmtMin(floor)}; per-user walk ${fmtMin(walkMs)}`,
        );
      }
  }
  return live;
}
