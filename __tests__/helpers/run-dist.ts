/**
 * Runs a bundled entry point in a child process exactly as the Actions runner does: inputs as
 * `INPUT_<NAME>` variables (name upper-cased, dashes kept), outputs and summary through the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP set.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { staleBuildMessage } from '../../scripts/build-inputs.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ACTION_ENTRY = join(ROOT, 'dist', 'index.js');
export const CLI_ENTRY = join(ROOT, 'bin', 'iam-initial-access-key-audit.mjs');

/**
 * Throws, saying what to run, when the bundle of the tree at `root` is missing or was built from other
 * inputs than the tree holds now: compared by content (dist/build-inputs.json, written by `npm run
 * build`), never by modification times, which a fresh clone sets in whatever order git writes files.
 */
export function checkDistFresh(root: string): void {
  const entries = [
    join(root, 'dist', 'index.js'),
    join(root, 'bin', 'iam-initial-access-key-audit.mjs'),
  ].filter((f) => !existsSync(f));
  if (entries.length > 0) {
    throw new Error(
      `dist/ is missing (${entries.join(', ')}): run \`npm run build\` first (CI builds it before the tests)`,
    );
  }
  const stale = staleBuildMessage(root);
  if (stale) throw new Error(`${stale}. The end-to-end tests run dist/ and would otherwise test old code.`);
}

/** For the end-to-end suites (they run dist/, as the runner does): {@link checkDistFresh} of this tree. */
export function assertDistFresh(): void {
  checkDistFresh(ROOT);
}

/**
 * The AWS part of a step's environment for a child process: every AWS call to `endpoint` (the test
 * proxy), no instance metadata, no shared credentials or config files of the machine.
 */
export function stepAwsEnv(endpoint: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
  cleanup(): void;
}

/** Parses the runner's `name<<DELIMITER\nvalue\nDELIMITER` file format. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const [, name, delimiter] = m;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

/** The environment the runner gives a step, minus anything of the parent that could leak in. */
function baseEnv(dir: string): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'SYSTEMROOT'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {
    ...env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_REPOSITORY: 'octo-org/security-audits',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    // the local GitHub API has no secondary rate limits: no 3 s between content-creating requests
    IAM_AUDIT_GITHUB_PACING: 'off',
  };
}

export async function runAction(opts: {
  inputs: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  entry?: string;
  args?: string[];
  timeoutMs?: number;
  /** Sends `signal` to the step once its stdout matches `when` (a cancelled workflow). */
  signalWhen?: { when: RegExp; signal: NodeJS.Signals };
}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'iam-audit-e2e-'));
  const env = baseEnv(dir);
  for (const [name, value] of Object.entries(opts.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, opts.env ?? {});
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  const child = spawn(process.execPath, [opts.entry ?? ACTION_ENTRY, ...(opts.args ?? [])], {
    cwd: dir,
    env,
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (opts.signalWhen && !signalled && opts.signalWhen.when.test(stdout)) {
      signalled = true;
      child.kill(opts.signalWhen.signal);
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
