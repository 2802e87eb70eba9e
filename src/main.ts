/** The action's shell: inputs from the runner, the pipeline, then summary, outputs and the verdict. */
import * as core from '@actions/core';
import type { AccountAudit, AuditResult, Config, IssueSyncOutcome, SecurityHubOutcome } from './model.js';
import type { AuditSession } from './credentials/session.js';
import { InputError } from './model.js';
import { errorMessage } from './errors.js';
import { readActionInputs } from './inputs/action.js';
import { parseConfig } from './inputs/config.js';
import { expandGlob } from './inputs/glob.js';
import { checkOutputFiles } from './inputs/output-files.js';
import { assembleResult, runAudit } from './audit/audit.js';
import { removePartialFiles } from './publish/files.js';
import { reportFilesOf, type ReportFiles } from './inputs/report-files.js';
import { githubClientSettings } from './publish/github-settings.js';
import { publishIac } from './publish/iac.js';
import { iacSummaryMarkdown } from './report/iac.js';
import { githubContextFromEnv, publish } from './publish/publish.js';
import { interruptedBanner, renderSummary } from './report/summary-markdown.js';
import { sleep, timeoutsFromEnv, TIMEOUT_ENV } from './timeouts.js';

interface Stop {
  reason: 'cancelled' | 'timed out';
  detail: string;
}

/**
 * Resolves when the run must stop: on SIGTERM/SIGINT (a cancelled workflow, a runner shutting down) or
 * when the whole-run bound passes. `dispose` removes the listeners and the timer.
 */
function stopSignal(runMs: number): { stopped: Promise<Stop>; dispose(): void } {
  let resolve!: (s: Stop) => void;
  const stopped = new Promise<Stop>((r) => (resolve = r));
  const onSignal = (signal: NodeJS.Signals) => resolve({ reason: 'cancelled', detail: `${signal} received` });
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const minutes = Math.round(runMs / 60_000);
  const timer = setTimeout(
    () =>
      resolve({
        reason: 'timed out',
        detail: `the run took longer than its limit of ${minutes >= 1 ? `${minutes} min` : `${runMs} ms`} (${TIMEOUT_ENV.runMs})`,
      }),
    runMs,
  );
  timer.unref();
  return {
    stopped,
    dispose() {
      clearTimeout(timer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}

/** The repository the workflow runs in, for the summary's code scanning link; null outside Actions. */
function repositoryFromEnv(env: NodeJS.ProcessEnv = process.env): { serverUrl: string; name: string } | null {
  const name = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) return null;
  return { serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', name };
}

/** What a run stopped before the audit ended has to show: the accounts finished so far. */
function partialResult(config: Config | null, finished: AccountAudit[]): AuditResult | null {
  // an iac run has no accounts: the banner alone says it was stopped
  if (!config || config.iac.length > 0) return null;
  return assembleResult({
    mode: config.credentialReports.length > 0 ? 'offline' : 'live',
    config,
    audits: finished,
    generatedAt: new Date(),
    notes: [],
  });
}

export async function run(): Promise<void> {
  const timeouts = timeoutsFromEnv();
  const guard = stopSignal(timeouts.runMs);
  const repository = repositoryFromEnv();
  /** The newest result: the audit's, then (once the files are written) the published one. */
  let result: AuditResult | null = null;
  let issues: IssueSyncOutcome | null = null;
  let securityHub: SecurityHubOutcome | null = null;
  let writeSummary = true;
  /** Set with the config: every result (and so every summary) comes after it. */
  let files: ReportFiles | null = null;
  let config: Config | null = null;
  let filesWritten = false;
  let planned: number | null = null;
  const finished: AccountAudit[] = [];
  const log = { info: core.info, warning: core.warning, debug: core.debug };

  const work = async (): Promise<void> => {
    try {
      config = parseConfig(readActionInputs(), { expandGlob });
      writeSummary = config.summary;
      checkOutputFiles(config);
      files = reportFilesOf(config);
      if (config.githubToken) core.setSecret(config.githubToken);
      if (config.iac.length > 0) return await runIac(config);
      let session: AuditSession | null = null;
      result = await runAudit(config, {
        getIDToken: (audience) => core.getIDToken(audience),
        setSecret: (secret) => core.setSecret(secret),
        now: () => new Date(),
        sleep,
        log,
        onPlan: (ids) => {
          planned = ids.length;
        },
        onAccount: (a) => finished.push(a),
        onSession: (s) => {
          session = s;
        },
      });
      const outcome = await publish(result, config, {
        log,
        github: githubContextFromEnv(config.githubToken),
        githubClient: githubClientSettings(timeouts),
        session,
        uploadsSarif: true,
        onFilesWritten: (written) => {
          filesWritten = true;
          result = written;
        },
      });
      result = outcome.result;
      issues = outcome.issues;
      securityHub = outcome.securityHub;
      for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
      if (outcome.exitCode !== 0) core.setFailed(outcome.verdict);
      else core.info(outcome.verdict);
    } catch (error) {
      fail(error);
    }
  };

  const stop = await Promise.race([work().then(() => null), guard.stopped]);
  guard.dispose();
  if (stop === null) {
    if (result && files && writeSummary) await summarize(result, files, '');
    return;
  }

  // Stopped early: no file is left half-written, the summary says how far the run got, the step fails.
  removePartialFiles();
  const partial = result ?? partialResult(config as Config | null, finished);
  const banner = interruptedBanner({
    reason: stop.reason,
    detail: stop.detail,
    finished: partial?.accounts.length ?? finished.length,
    planned,
    filesWritten,
  });
  if (writeSummary) {
    if (partial && files) await summarize(partial, files, banner);
    else
      await core.summary
        .addRaw(banner)
        .write()
        .catch(() => undefined);
  }
  core.setFailed(`Audit ${stop.reason}: ${stop.detail}.`);
  // Requests still in flight would keep the process alive; everything worth keeping is written.
  process.exit(1);

  async function summarize(r: AuditResult, reportFiles: ReportFiles, prefix: string): Promise<void> {
    try {
      await core.summary
        .addRaw(prefix + renderSummary(r, { ...reportFiles, issues, securityHub, repository }))
        .write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${errorMessage(error)}`);
    }
  }
}

/** DESIGN §11: the `iac` run reads the workspace's code; no AWS, no GitHub calls. */
async function runIac(config: Config): Promise<void> {
  // The scanner (with its HCL parser) is loaded only by an iac run.
  const { auditIac } = await import('./audit/iac.js');
  const run = await auditIac(config, {
    root: process.env.GITHUB_WORKSPACE || process.cwd(),
    now: new Date(),
  });
  for (const n of run.notes) core.warning(n);
  const outcome = await publishIac(run, config);
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  if (config.summary) {
    await core.summary
      .addRaw(iacSummaryMarkdown(run, outcome.written))
      .write()
      .catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
  }
  if (outcome.exitCode !== 0) core.setFailed(outcome.verdict);
  else core.info(outcome.verdict);
}

/** Anything thrown fails the step: an input mistake as one line, anything else with its stack in debug. */
function fail(error: unknown): void {
  if (error instanceof InputError) {
    core.setFailed(error.message);
    return;
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(errorMessage(error));
}
