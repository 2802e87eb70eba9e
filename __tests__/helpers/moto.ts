/**
 * moto_server for integration tests: start on a free loopback port, stop by pid; skip (or, with
 * CI=true, fail) suites when moto is not installed; seed accounts with users, passwords, keys and tags.
 *
 * moto is multi-account: credentials from moto's `sts:AssumeRole` into `arn:aws:iam::ACCOUNT:role/X`
 * act in ACCOUNT (moto does not check that the role exists or trusts the caller). The default account
 * of the plain `testing` credentials is 123456789012.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from '@jest/globals';
import {
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
  TagUserCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

export const MOTO_DEFAULT_ACCOUNT = '123456789012';
const MOTO_INSTALL_HINT = "pip install 'moto[server]'";
/** Credentials moto accepts; they act in the default account. */
export const TEST_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'testing', secretAccessKey: 'testing' };
export const TEST_REGION = 'us-east-1';

export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

let available: boolean | undefined;

/** The launcher that runs moto_server with IAM's clock adjustable. */
const CLOCK_LAUNCHER = path.join(import.meta.dirname, 'moto-clock.py');
/** Endpoint -> the file whose number of seconds IAM's clock runs behind (helpers/moto-clock.py). */
const CLOCK_FILES = new Map<string, string>();

/** The Python that has moto (moto_server's own): `MOTO_PYTHON`, else `python3`. */
function pythonOfMoto(): string {
  return process.env.MOTO_PYTHON ?? 'python3';
}

/**
 * Runs `fn` with moto's IAM clock `days` behind: users, login profiles and keys made meanwhile are that
 * old (moto has no time-travel endpoint; see helpers/moto-clock.py). The clock is real again after.
 */
async function withIamClockBehind<T>(endpoint: string, days: number, fn: () => Promise<T>): Promise<T> {
  const file = CLOCK_FILES.get(endpoint);
  if (!file) throw new Error(`no moto started by startMoto() at ${endpoint}`);
  writeFileSync(file, String(Math.round(days * 86_400)));
  try {
    return await fn();
  } finally {
    writeFileSync(file, '0');
  }
}

/** True when `moto_server` is an executable on PATH. */
function motoAvailable(): boolean {
  if (available !== undefined) return available;
  available = (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(path.join(dir, 'moto_server'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return available;
}

/**
 * `describe` for suites that need moto_server. Without it: with `CI=true` the suite fails (a test that
 * throws saying how to install it); elsewhere the suite is skipped with a visible message.
 */
export function describeWithMoto(name: string, fn: () => void): void {
  if (motoAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('moto_server is installed', () => {
        throw new Error(`moto_server not found: ${MOTO_INSTALL_HINT}`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": moto_server not found on PATH. Install it with: ${MOTO_INSTALL_HINT}`);
  describe.skip(name, fn);
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function probe(url: string): Promise<boolean> {
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

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `moto_server -H 127.0.0.1 -p <free port>` and waits until it answers. */
export async function startMoto(opts: { timeoutMs?: number } = {}): Promise<MotoServer> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // moto_server's own main, with IAM's clock adjustable (helpers/moto-clock.py, `seedAccount`'s ageDays)
    const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'moto-clock-')), 'offset');
    writeFileSync(clockFile, '0');
    const child = spawn(pythonOfMoto(), [CLOCK_LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PYTHONUNBUFFERED: '1', MOTO_IAM_CLOCK_FILE: clockFile },
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    let spawnError: Error | null = null;
    child.on('error', (err) => {
      spawnError = err;
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    let up = false;
    while (Date.now() < deadline && !spawnError && child.exitCode === null) {
      if (await probe(`${endpoint}/moto-api/`)) {
        up = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (up && child.pid !== undefined) {
      const pid = child.pid;
      CLOCK_FILES.set(endpoint, clockFile);
      return {
        endpoint,
        port,
        pid,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          process.kill(pid, 'SIGTERM');
          if (!(await waitForExit(child, 5000))) {
            process.kill(pid, 'SIGKILL');
            await waitForExit(child, 5000);
          }
        },
      };
    }
    if (child.pid !== undefined && child.exitCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    }
    // The port may have been taken between the probe and the bind: try another one once or twice.
    if (attempt >= 3 || spawnError) {
      const why = spawnError ? String(spawnError) : `no answer within ${timeoutMs} ms`;
      throw new Error(`moto_server did not start (${why}); stderr:\n${stderr.slice(-4000)}`);
    }
  }
}

/** Clears every account's state in moto (`POST /moto-api/reset`). */
export async function resetMoto(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}

/**
 * Seeds moto's random generator (`POST /moto-api/seed?a=N`): the ids it makes up next (e.g. the account
 * ids of Organizations' CreateAccount) are then the same on every run.
 */
export async function seedMoto(endpoint: string, seed: number): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/seed?a=${seed}`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto seed failed: ${res.status}`);
}

/** Credentials acting in `accountId` at moto: the default ones, or moto's AssumeRole into the account. */
export async function motoCredentials(
  endpoint: string,
  accountId: string,
  roleName = 'OrganizationAccountAccessRole',
): Promise<AwsCredentialIdentity> {
  if (accountId === MOTO_DEFAULT_ACCOUNT) return TEST_CREDENTIALS;
  const sts = new STSClient({ region: TEST_REGION, endpoint, credentials: TEST_CREDENTIALS });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
        RoleSessionName: 'test-seed',
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('moto AssumeRole returned no credentials');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  } finally {
    sts.destroy();
  }
}

interface SeedKey {
  /** Default Active. */
  status?: 'Active' | 'Inactive';
  /** Make one call with the key, so moto records it as used (now). */
  use?: boolean;
}

export interface SeedUser {
  name: string;
  /** IAM path, e.g. `/automation/`; default `/`. */
  path?: string;
  /** Console access (a login profile). */
  password?: boolean;
  /** A number of plain active keys, or each key's settings. */
  keys?: number | SeedKey[];
  tags?: Record<string, string>;
}

interface SeededKey {
  accessKeyId: string;
  secretAccessKey: string;
  createDate: Date;
  status: 'Active' | 'Inactive';
}

interface SeededUser {
  name: string;
  arn: string;
  keys: SeededKey[];
}

export interface SeededAccount {
  accountId: string;
  credentials: AwsCredentialIdentity;
  users: Map<string, SeededUser>;
}

/** Creates users (login profiles, access keys, tags) in one moto account, straight at moto. */
export async function seedAccount(
  endpoint: string,
  accountId: string,
  users: SeedUser[],
  opts: { alias?: string; ageDays?: number } = {},
): Promise<SeededAccount> {
  if (opts.ageDays) {
    const { ageDays, ...rest } = opts;
    return withIamClockBehind(endpoint, ageDays, () => seedAccount(endpoint, accountId, users, rest));
  }
  const credentials = await motoCredentials(endpoint, accountId);
  const iam = new IAMClient({ region: TEST_REGION, endpoint, credentials });
  const seeded = new Map<string, SeededUser>();
  try {
    if (opts.alias) await iam.send(new CreateAccountAliasCommand({ AccountAlias: opts.alias }));
    for (const u of users) {
      const created = await iam.send(new CreateUserCommand({ UserName: u.name, Path: u.path }));
      const arn = created.User?.Arn ?? '';
      if (u.password) {
        await iam.send(new CreateLoginProfileCommand({ UserName: u.name, Password: 'Init1al-Passw0rd!' }));
      }
      if (u.tags && Object.keys(u.tags).length > 0) {
        await iam.send(
          new TagUserCommand({
            UserName: u.name,
            Tags: Object.entries(u.tags).map(([Key, Value]) => ({ Key, Value })),
          }),
        );
      }
      const specs: SeedKey[] =
        typeof u.keys === 'number' ? Array.from({ length: u.keys }, () => ({})) : (u.keys ?? []);
      const keys: SeededKey[] = [];
      for (const spec of specs) {
        const out = await iam.send(new CreateAccessKeyCommand({ UserName: u.name }));
        const k = out.AccessKey;
        if (!k?.AccessKeyId || !k.SecretAccessKey) throw new Error('moto CreateAccessKey returned no key');
        const status = spec.status ?? 'Active';
        if (status === 'Inactive') {
          await iam.send(
            new UpdateAccessKeyCommand({ UserName: u.name, AccessKeyId: k.AccessKeyId, Status: 'Inactive' }),
          );
        }
        if (spec.use)
          await useKey(endpoint, { accessKeyId: k.AccessKeyId, secretAccessKey: k.SecretAccessKey });
        keys.push({
          accessKeyId: k.AccessKeyId,
          secretAccessKey: k.SecretAccessKey,
          createDate: k.CreateDate ?? new Date(),
          status,
        });
      }
      seeded.set(u.name, { name: u.name, arn, keys });
    }
  } finally {
    iam.destroy();
  }
  return { accountId, credentials, users: seeded };
}

/** One call signed with the key: moto then reports it used (now, service sts). */
export async function useKey(endpoint: string, credentials: AwsCredentialIdentity): Promise<void> {
  const sts = new STSClient({ region: TEST_REGION, endpoint, credentials });
  try {
    await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
}

/**
 * `n` compliant users named `${prefix}-NN`, cycling through: console user without keys, service user
 * (key, no password), console user whose key has been used.
 */
export function compliantUsers(n: number, prefix = 'ok'): SeedUser[] {
  return Array.from({ length: n }, (_, i): SeedUser => {
    const name = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    if (i % 3 === 0) return { name, password: true };
    if (i % 3 === 1) return { name, keys: 1 };
    return { name, password: true, keys: [{ use: true }] };
  });
}
