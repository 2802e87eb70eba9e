/**
 * Terminal entry: the same settings as the action (as flags), the same pipeline, the summary printed as text.
 * Live runs use the AWS SDK's default credential chain (profiles, SSO, environment).
 */
import { getIDToken, setSecret } from '@actions/core';
import { InputError } from './model.js';
import type { AuditSession } from './credentials/session.js';
import { SignInError } from './credentials/sign-in-error.js';
import { errorMessage } from './errors.js';
import { parseCliArgs } from './inputs/cli-args.js';
import { parseConfig } from './inputs/config.js';
import { expandGlob } from './inputs/glob.js';
import { checkOutputFiles } from './inputs/output-files.js';
import { runAudit } from './audit/audit.js';
import { reportFilesOf } from './inputs/report-files.js';
import { githubClientSettings } from './publish/github-settings.js';
import { githubContextFromEnv, publish } from './publish/publish.js';
import { renderTerminal } from './report/summary-terminal.js';
import { sleep } from './timeouts.js';
import type { Config } from './model.js';
import { publishIac } from './publish/iac.js';
import { iacMessage } from './report/iac.js';

/** Replaces the action's sign-in hint (configure-aws-credentials, `role-to-assume`) in a terminal. */
export const TERMINAL_SIGN_IN_HINT =
  "From a terminal the audit uses the AWS SDK's default credentials: set AWS_PROFILE (after `aws sso " +
  'login` for an SSO profile), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; `aws sts ' +
  'get-caller-identity` shows whether they work.';

/** The error as a terminal user reads it: without a sign-in hint that names the action's inputs. */
function terminalText(error: unknown, ambient: boolean): string {
  if (error instanceof SignInError && error.hint !== null && ambient) {
    const message = error.message.slice(0, error.message.length - error.hint.length - 1);
    return `${message}\n${TERMINAL_SIGN_IN_HINT}`;
  }
  return errorMessage(error);
}

/** DESIGN §11: the code under the current directory (or GITHUB_WORKSPACE); one line per finding. */
async function runIacCli(config: Config, env: NodeJS.ProcessEnv): Promise<number> {
  const { auditIac } = await import('./audit/iac.js');
  const run = await auditIac(config, { root: env.GITHUB_WORKSPACE || process.cwd(), now: new Date() });
  for (const n of run.notes) process.stderr.write(`warning: ${n}\n`);
  const outcome = await publishIac(run, config);
  if (config.summary)
    for (const f of run.findings) process.stdout.write(`${f.file}:${f.line}: ${iacMessage(f)}\n`);
  process.stderr.write(`${outcome.verdict}\n`);
  return outcome.exitCode;
}

/** Exit codes: 0 clean, 1 findings or account errors (per --fail-on), 2 bad usage or a failed run. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let ambient = false; // signing in with the ambient credentials, not --role-to-assume
  try {
    const parsed = parseCliArgs(argv, env);
    if (parsed.help) {
      process.stdout.write(parsed.text + '\n');
      return 0;
    }
    const config = parseConfig(parsed.raw, { expandGlob });
    checkOutputFiles(config);
    if (config.roleToAssume !== null && !env.ACTIONS_ID_TOKEN_REQUEST_URL) {
      throw new InputError(
        'role-to-assume',
        '--role-to-assume signs in with GitHub OIDC, which exists only inside GitHub Actions. From a ' +
          'terminal, sign in with your usual AWS credentials (AWS_PROFILE, SSO) and leave it out.',
      );
    }
    if (config.iac.length > 0) return await runIacCli(config, env);
    ambient = config.roleToAssume === null;
    const log = {
      info: (m: string) => process.stderr.write(m + '\n'),
      warning: (m: string) => process.stderr.write(`warning: ${m}\n`),
    };
    let session: AuditSession | null = null;
    const audited = await runAudit(config, {
      getIDToken: (audience) => getIDToken(audience),
      // inside a workflow step the runner masks what core.setSecret names; a terminal has nothing to mask
      setSecret: (secret) => (env.GITHUB_ACTIONS === 'true' ? setSecret(secret) : undefined),
      now: () => new Date(),
      sleep,
      log,
      onSession: (s) => {
        session = s;
      },
    });
    const outcome = await publish(audited, config, {
      log,
      github: githubContextFromEnv(config.githubToken, env),
      githubClient: githubClientSettings(),
      session,
    });
    if (config.summary) {
      process.stdout.write(
        renderTerminal(outcome.result, { ...reportFilesOf(config), securityHub: outcome.securityHub }) + '\n',
      );
    }
    process.stderr.write(`${outcome.verdict}\n`);
    return outcome.exitCode;
  } catch (error) {
    const text = terminalText(error, ambient);
    process.stderr.write(`error: ${text}\n`);
    if (!(error instanceof InputError) && error instanceof Error && env.DEBUG) {
      process.stderr.write(`${error.stack}\n`);
    }
    return 2;
  }
}
