/** The action's shell: inputs from the runner, the pipeline, then summary, outputs and the verdict. */
import * as core from '@actions/core';
import type { AuditResult, IssueSyncOutcome } from './model.js';
import { InputError } from './model.js';
import { readActionInputs } from './inputs/action.js';
import { parseConfig } from './inputs/config.js';
import { expandGlob } from './inputs/glob.js';
import { githubContextFromEnv, runPipeline } from './pipeline.js';
import { renderSummary } from './report/summary.js';

/** The repository the workflow runs in, for the summary's code scanning link; null outside Actions. */
function repositoryFromEnv(env: NodeJS.ProcessEnv = process.env): { serverUrl: string; name: string } | null {
  const name = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) return null;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', name };
}

export async function run(): Promise<void> {
  const repository = repositoryFromEnv();
  let result: AuditResult | null = null;
  let issues: IssueSyncOutcome | null = null;
  let writeSummary = true;
  let files = { sarifFile: '', jsonFile: '' };
  try {
    const config = parseConfig(readActionInputs(), { expandGlob });
    writeSummary = config.summary;
    files = { sarifFile: config.sarifFile, jsonFile: config.jsonFile };
    if (config.githubToken) core.setSecret(config.githubToken);
    const outcome = await runPipeline(config, {
      getIDToken: (audience) => core.getIDToken(audience),
      setSecret: (secret) => core.setSecret(secret),
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log: { info: core.info, warning: core.warning, debug: core.debug },
      github: githubContextFromEnv(config.githubToken),
      onResult: (r) => {
        result = r;
      },
    });
    issues = outcome.issues;
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    if (outcome.exitCode !== 0) core.setFailed(outcome.verdict);
    else core.info(outcome.verdict);
  } catch (error) {
    fail(error);
  } finally {
    if (result && writeSummary) {
      try {
        await core.summary.addRaw(renderSummary(result, { ...files, issues, repository })).write();
      } catch (error) {
        core.warning(`Could not write the job summary: ${message(error)}`);
      }
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything thrown fails the step: an input mistake as one line, anything else with its stack in debug. */
function fail(error: unknown): void {
  if (error instanceof InputError) {
    core.setFailed(error.message);
    return;
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(message(error));
}
