/**
 * The CLI as people install it: `npm pack` of this repository, `npm install -g` of that tarball into a
 * temporary prefix (offline: the bundle has every runtime dependency inside, so the package has none),
 * then the installed command, found on PATH as a user's shell finds it, run on the example report.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { TERMINAL_SIGN_IN_HINT } from '../../src/cli.js';
import { CLI_NAME } from '../../src/inputs/cli-args.js';
import { ACTION_ENTRY, ROOT } from '../helpers/run-dist.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  bin: Record<string, string>;
};

let tmp = '';
let prefix = '';
let packed: { filename: string; files: { path: string }[] } = { filename: '', files: [] };

/** npm's own script: the `npm` on PATH (a symlink to npm-cli.js where npm is installed with Node). */
function npmCli(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const npm = join(dir, 'npm');
    if (existsSync(npm) && realpathSync(npm).endsWith('npm-cli.js')) return realpathSync(npm);
  }
  throw new Error('no npm (npm-cli.js) on PATH');
}

/** The environment without the npm_* variables that `npm test` sets (they would steer the inner npm). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && !k.startsWith('AWS_') && k !== 'GITHUB_ACTIONS') env[k] = v;
  }
  // the installed command's `#!/usr/bin/env node` finds the Node this suite runs on, then the prefix's bin
  env.PATH = [dirname(process.execPath), join(prefix, 'bin'), process.env.PATH ?? ''].join(delimiter);
  return { ...env, ...extra };
}

function run(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? cleanEnv(), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    }),
  );
}

const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];

beforeAll(async () => {
  if (!existsSync(ACTION_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'iam-audit-pack-'));
  prefix = join(tmp, 'prefix');
  const pack = await run('npm', ['pack', '--json', '--pack-destination', tmp, ...npmFlags], { cwd: ROOT });
  expect(pack.stderr).toBe('');
  expect(pack.code).toBe(0);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  const install = await run(
    'npm',
    ['install', '-g', '--offline', '--prefix', prefix, join(tmp, packed.filename), ...npmFlags],
    { cwd: tmp },
  );
  expect(install.stderr).toBe(''); // no EBADENGINE, no install-script or deprecation warning
  expect(install.code).toBe(0);
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('holds the bundle, the command, README, LICENSE and nothing of the sources or tests', () => {
    const paths = packed.files.map((f) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js']));
    expect(paths).toContain(pkg.bin[CLI_NAME]);
    const stray = paths.filter(
      (p) => !/^(dist|bin)\//.test(p) && !/^[A-Z]+\.md$|^LICENSE$|^package\.json$/.test(p),
    );
    expect(stray).toEqual([]);
  });

  // npm checks `engines` against the Node it runs on (process.version). Run as each LTS line engines
  // names, it installs without EBADENGINE; run as one it does not name, it warns, so the check is real.
  const installAs = (version: string) =>
    run(
      process.execPath,
      [
        '-e',
        `Object.defineProperty(process, 'version', { value: 'v${version}' }); require(process.argv[1]);`,
        npmCli(),
        'install',
        '-g',
        '--offline',
        '--prefix',
        join(tmp, `node-${version}`),
        join(tmp, packed.filename),
        ...npmFlags,
      ],
      { cwd: tmp },
    );

  it.each(['20.19.0', '22.14.0', '24.11.0'])('installs as Node %s without an engine warning', async (v) => {
    expect(await installAs(v)).toMatchObject({ code: 0, stderr: '' });
  });

  it('warns as Node 18, which engines does not name', async () => {
    expect(pkg.engines.node).toBe('20.x || 22.x || 24.x');
    const r = await installAs('18.20.0');
    expect(r.stderr).toMatch(/EBADENGINE[\s\S]*required: \{ node: '20\.x \|\| 22\.x \|\| 24\.x' \}/);
  });

  it('needs no install of dependencies: the packed package.json has none', () => {
    const installed = JSON.parse(
      readFileSync(join(prefix, 'lib', 'node_modules', CLI_NAME, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(installed.dependencies).toBeUndefined();
    expect(installed.private).toBeUndefined();
    expect(installed.version).toBe(pkg.version);
  });
});

describe('the installed command', () => {
  it('prints its version', async () => {
    const r = await run(CLI_NAME, ['--version'], { cwd: tmp });
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('audits a downloaded credential report, with no runtime warning on stderr', async () => {
    const report = join(ROOT, 'examples', 'credential-report.csv');
    const r = await run(CLI_NAME, [report, '--as-of', '2026-11-01T00:00:00Z'], { cwd: tmp });
    expect(r.code).toBe(1); // findings
    expect(r.stdout).toContain('access keys created at user setup are unused');
    expect(r.stderr).not.toMatch(/warning/i); // e.g. the AWS SDK's NodeVersionSupportWarning on Node 20
    const sarif = JSON.parse(readFileSync(join(tmp, 'iam-initial-access-keys.sarif'), 'utf8')) as {
      runs: { tool: { driver: { version: string } }; results: unknown[] }[];
    };
    expect(sarif.runs[0]!.tool.driver.version).toBe(pkg.version);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  describe('when AWS rejects the credentials', () => {
    let server: Server;
    let endpoint = '';
    beforeAll(async () => {
      // STS's answer to unknown access keys
      server = createServer((_req, res) => {
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end(
          '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
            '<Code>InvalidClientTokenId</Code><Message>The security token included in the request is ' +
            'invalid.</Message></Error><RequestId>1</RequestId></ErrorResponse>',
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("gives a terminal's sign-in hint, not the action's", async () => {
      const env = cleanEnv({
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
        AWS_MAX_ATTEMPTS: '1',
      });
      const r = await run(CLI_NAME, [], { cwd: tmp, env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Could not sign in to AWS: InvalidClientTokenId');
      expect(r.stderr).toContain(TERMINAL_SIGN_IN_HINT);
      expect(r.stderr).not.toContain('role-to-assume');
      expect(r.stderr).not.toContain('configure-aws-credentials');
    });
  });
});
