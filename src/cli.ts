/**
 * Terminal entry: the same settings as the action (as flags), the same pipeline, the summary printed as text.
 * Live runs use the AWS SDK's default credential chain (profiles, SSO, environment).
 */
import { getIDToken, setSecret } from '@actions/core';
import { InputError } from './model.js';
import { errorMessage } from './errors.js';
import { parseCliArgs } from './inputs/cli-args.js';
import { parseConfig } from './inputs/config.js';
import { expandGlob } from './inputs/glob.js';
import { checkOutputFiles } from './inputs/output-files.js';
import { runAudit } from './audit/audit.js';
import { reportFiles } from './publish/formats.js';
import { githubClientSettings } from './publish/octokit.js';
import { githubContextFromEnv, publish } from './publish/publish.js';
import { renderTerminal } from './report/summary-terminal.js';

/** Exit codes: 0 clean, 1 findings or account errors (per --fail-on), 2 bad usage or a failed run. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
    const log = {
      info: (m: string) => process.stderr.write(m + '\n'),
      warning: (m: string) => process.stderr.write(`warning: ${m}\n`),
    };
    const audited = await runAudit(config, {
      getIDToken: (audience) => getIDToken(audience),
      // inside a workflow step the runner masks what core.setSecret names; a terminal has nothing to mask
      setSecret: (secret) => (env.GITHUB_ACTIONS === 'true' ? setSecret(secret) : undefined),
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log,
    });
    const outcome = await publish(audited, config, {
      log,
      github: githubContextFromEnv(config.githubToken, env),
      githubClient: githubClientSettings(),
    });
    if (config.summary) {
      process.stdout.write(renderTerminal(outcome.result, reportFiles(config)) + '\n');
    }
    process.stderr.write(`${outcome.verdict}\n`);
    return outcome.exitCode;
  } catch (error) {
    const text = errorMessage(error);
    process.stderr.write(`error: ${text}\n`);
    if (!(error instanceof InputError) && error instanceof Error && env.DEBUG) {
      process.stderr.write(`${error.stack}\n`);
    }
    return 2;
  }
}
