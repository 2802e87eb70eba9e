/**
 * Terminal entry: the same settings as the action (as flags), the same run (run.ts), the summary printed
 * as text. Live runs use the AWS SDK's default credential chain (profiles, SSO, environment). Like the
 * action, a run is bounded (IAM_AUDIT_RUN_TIMEOUT_MS) and Ctrl-C (SIGINT) or SIGTERM stops it with the
 * summary of the accounts finished so far.
 */
import { iacMessage } from './report/iac.js';
import { getIDToken, setSecret } from '@actions/core';
import { InputError } from './model.js';
import { SignInError } from './credentials/sign-in-error.js';
import { errorMessage } from './errors.js';
import { parseCliArgs } from './inputs/cli-args.js';
import { githubContextFromEnv } from './publish/publish.js';
import { interruptedText, renderTerminal } from './report/summary-terminal.js';
import { run, type RunEnd, type RunSummary, type Shell } from './run.js';

/** Replaces the action's sign-in hint (configure-aws-credentials, `role-to-assume`) in a terminal. */
export const TERMINAL_SIGN_IN_HINT =
  "From a terminal the audit uses the AWS SDK's default credentials: set AWS_PROFILE (after `aws sso " +
  'login` for an SSO profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; `aws sts ' +
  'get-caller-identity` shows whether they work.';

/** The error as a terminal user reads it: without a sign-in hint that names the action's inputs. */
function terminalText(error: unknown, ambient: boolean): string {
  if (error instanceof SignInError && error.hint !== null && ambient) {
    return `${error.message}\n${TERMINAL_SIGN_IN_HINT}`;
  }
  return errorMessage(error);
}

/** Where the terminal's text goes and how the process ends; tests give their own, and parts of the run's Shell. */
export interface CliIo extends Partial<Pick<Shell, 'stops' | 'githubClient' | 'clock' | 'timeouts'>> {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ends the process: a stopped run may leave requests in flight that would keep it alive. */
  exit(code: number): void;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/** The terminal summary: the banner of a stopped run, then the summary of the newest result. */
function printSummary(s: RunSummary, io: CliIo): void {
  const banner = s.interruption ? interruptedText(s.interruption) : '';
  if (s.result && s.files) io.stdout(banner + renderTerminal(s.result, { ...s.files, ...s.sinks }) + '\n');
  else if (banner) io.stdout(banner);
}

/** Exit codes: 0 clean, 1 findings or account errors (per --fail-on), 2 bad usage or a failed (or stopped) run. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  given: Partial<CliIo> = {},
): Promise<number> {
  const io = { ...PROCESS_IO, ...given };
  let parsed;
  try {
    parsed = parseCliArgs(argv, env);
  } catch (error) {
    return failed(error, false, env, io);
  }
  if (parsed.help) {
    io.stdout(parsed.text + '\n');
    return 0;
  }
  const raw = parsed.raw;
  const log = {
    info: (m: string) => io.stderr(m + '\n'),
    warning: (m: string) => io.stderr(`warning: ${m}\n`),
  };
  const end = await run({
    readInputs: () => raw,
    check(config) {
      if (config.roleToAssume !== null && !env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        throw new InputError(
          'role-to-assume',
          '--role-to-assume signs in with GitHub OIDC, which exists only inside GitHub Actions. From a ' +
            'terminal, sign in with your usual AWS credentials (AWS_PROFILE, SSO) and leave it out.',
        );
      }
    },
    log,
    getIDToken: (audience) => getIDToken(audience),
    // inside a workflow step the runner masks what core.setSecret names; a terminal has nothing to mask
    setSecret: (secret) => (env.GITHUB_ACTIONS === 'true' ? setSecret(secret) : undefined),
    github: (token) => githubContextFromEnv(token, env),
    uploadsSarif: false,
    writeSummary: async (s) => printSummary(s, io),
    // docs/design.md §11: one line per finding, file:line first
    writeIacSummary: async (scanned) => {
      for (const f of scanned.findings) io.stdout(`${f.file}:${f.line}: ${iacMessage(f)}\n`);
    },
    workspace: () => env.GITHUB_WORKSPACE || process.cwd(),
    ...(io.stops ? { stops: io.stops } : {}),
    ...(io.githubClient ? { githubClient: io.githubClient } : {}),
    ...(io.clock ? { clock: io.clock } : {}),
    ...(io.timeouts ? { timeouts: io.timeouts } : {}),
  });
  return finish(end, env, io);
}

function finish(end: RunEnd, env: NodeJS.ProcessEnv, io: CliIo): number {
  if (end.kind === 'done' || end.kind === 'iac') {
    io.stderr(`${end.outcome.verdict}\n`);
    return end.outcome.exitCode;
  }
  // signing in with the ambient credentials, not --role-to-assume
  const ambient = end.config !== null && end.config.roleToAssume === null;
  if (end.kind === 'failed') return failed(end.error, ambient, env, io);
  io.stderr(`error: Audit ${end.stop.reason}: ${end.stop.detail}.\n`);
  // Requests still in flight would keep the process alive; everything worth keeping is written.
  io.exit(2);
  return 2;
}

function failed(error: unknown, ambient: boolean, env: NodeJS.ProcessEnv, io: CliIo): number {
  io.stderr(`error: ${terminalText(error, ambient)}\n`);
  if (!(error instanceof InputError) && error instanceof Error && env.DEBUG) io.stderr(`${error.stack}\n`);
  return 2;
}
