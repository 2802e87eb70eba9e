/** The action's shell: inputs from the runner, the shared run (run.ts), then outputs, summary and the verdict. */
import { iacSummaryMarkdown } from './report/iac.js';
import * as core from '@actions/core';
import { InputError } from './model.js';
import { errorMessage } from './errors.js';
import { readActionInputs } from './inputs/action.js';
import { githubContextFromEnv } from './publish/publish.js';
import { interruptedBanner, renderSummary } from './report/summary-markdown.js';
import type { Repository } from './report/summary-model.js';
import { run as runPipeline, type RunEnd, type RunSummary, type StopSources } from './run.js';

/** The repository the workflow runs in, for the summary's code scanning link; null outside Actions. */
function repositoryFromEnv(env: NodeJS.ProcessEnv = process.env): Repository | null {
  const name = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) return null;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', name };
}

/** The job summary: the banner of a stopped run, then the summary of the newest result. */
async function writeJobSummary(s: RunSummary, repository: Repository | null): Promise<void> {
  const banner = s.interruption ? interruptedBanner(s.interruption) : '';
  if (s.result && s.files) {
    try {
      await core.summary
        .addRaw(banner + renderSummary(s.result, { ...s.files, ...s.sinks, repository }))
        .write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
  } else if (banner) {
    await core.summary
      .addRaw(banner)
      .write()
      .catch(() => undefined);
  }
}

/**
 * The action as the runner runs it; `stops`: where SIGTERM/SIGINT come from (the run thread's parent,
 * when it runs on the run thread; the process's own signals on the main thread).
 */
export async function run(opts: { stops?: StopSources } = {}): Promise<void> {
  core.debug(`The audit runs on ${opts.stops ? 'the run thread' : 'the main thread'}.`);
  const repository = repositoryFromEnv();
  const end = await runPipeline({
    readInputs: readActionInputs,
    log: { info: core.info, warning: core.warning, debug: core.debug },
    getIDToken: (audience) => core.getIDToken(audience),
    setSecret: (secret) => core.setSecret(secret),
    github: (token) => githubContextFromEnv(token),
    uploadsSarif: true,
    writeSummary: (s) => writeJobSummary(s, repository),
    writeIacSummary: (scanned, files) =>
      core.summary
        .addRaw(iacSummaryMarkdown(scanned, files))
        .write()
        .then(() => undefined)
        .catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`)),
    workspace: () => process.env.GITHUB_WORKSPACE || process.cwd(),
    ...(opts.stops ? { stops: opts.stops } : {}),
  });
  finish(end);
}

/** Outputs and the verdict; anything thrown fails the step. */
function finish(end: RunEnd): void {
  if (end.kind === 'done' || end.kind === 'iac') {
    const { outcome } = end;
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
    if (outcome.exitCode !== 0) core.setFailed(outcome.verdict);
    else core.info(outcome.verdict);
  } else if (end.kind === 'failed') {
    fail(end.error);
  } else {
    core.setFailed(`Audit ${end.stop.reason}: ${end.stop.detail}.`);
    // Requests still in flight would keep the process alive; everything worth keeping is written.
    process.exit(1);
  }
}

/** An input mistake fails the step as one line; anything else also with its stack in debug. */
function fail(error: unknown): void {
  if (error instanceof InputError) {
    core.setFailed(error.message);
    return;
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(errorMessage(error));
}
