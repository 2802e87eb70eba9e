/**
 * One run, shared by the action (main.ts) and the terminal (cli.ts): inputs -> Config -> audit ->
 * publish -> summary. The shells differ only in their Shell: where the inputs come from, where the log
 * and the summary go, and what they do with the end of the run (outputs and a failed step, or an exit
 * code).
 *
 * Every run is bounded (the whole-run limit of timeouts.ts) and stops on SIGTERM or SIGINT (a cancelled
 * workflow, a runner shutting down, Ctrl-C). A stopped run leaves no half-written file and writes nothing
 * more; its summary shows the accounts finished so far under a banner saying what stopped it.
 */
import { publishIac, type IacOutcome } from './publish/iac.js';
import type { IacRun } from './model.js';
import type { AccountAudit, AuditResult, Config } from './model.js';
import type { AuditSession } from './credentials/session.js';
import type { RawInputs } from './inputs/config.js';
import { parseConfig } from './inputs/config.js';
import { expandGlob } from './inputs/glob.js';
import { checkOutputFiles } from './inputs/output-files.js';
import { reportFilesOf, type ReportFiles } from './inputs/report-files.js';
import { assembleResult, runAudit } from './audit/audit.js';
import { removePartialFiles } from './publish/files.js';
import { githubClientSettings, type GitHubClientSettings } from './publish/github-settings.js';
import { publish, type GithubContext, type PublishOutcome } from './publish/publish.js';
import { sinkOutcomesOf } from './publish/sinks.js';
import type { SinkResults } from './report/sinks.js';
import type { Interruption } from './report/summary-model.js';
import { SYSTEM_CLOCK, type Clock } from './clock.js';
import type { Log } from './log.js';
import { timeoutsFromEnv, TIMEOUT_ENV, type Timeouts } from './timeouts.js';

/** Why a run stopped before it finished. */
export interface Stop {
  reason: 'cancelled' | 'timed out';
  detail: string;
}

/** Where a stop comes from: the process's signals and a timer for the whole-run bound (tests give their own). */
export interface StopSources {
  signals: {
    once(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
    off(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  };
  /** Calls `fire` once `ms` have passed, unless the returned function cancels it first. */
  timer(ms: number, fire: () => void): () => void;
}

const PROCESS_STOPS: StopSources = {
  signals: process,
  timer(ms, fire) {
    const timer = setTimeout(fire, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * Resolves when the run must stop: on SIGTERM/SIGINT or when the whole-run bound passes. `dispose`
 * removes the listeners and the timer.
 */
export function stopSignal(
  runMs: number,
  sources: StopSources = PROCESS_STOPS,
): { stopped: Promise<Stop>; dispose(): void } {
  let resolve!: (s: Stop) => void;
  const stopped = new Promise<Stop>((r) => (resolve = r));
  const onSignal = (signal: NodeJS.Signals) => resolve({ reason: 'cancelled', detail: `${signal} received` });
  sources.signals.once('SIGTERM', onSignal);
  sources.signals.once('SIGINT', onSignal);
  const minutes = Math.round(runMs / 60_000);
  const cancel = sources.timer(runMs, () =>
    resolve({
      reason: 'timed out',
      detail: `the run took longer than its limit of ${minutes >= 1 ? `${minutes} min` : `${runMs} ms`} (${TIMEOUT_ENV.runMs})`,
    }),
  );
  return {
    stopped,
    dispose() {
      cancel();
      sources.signals.off('SIGTERM', onSignal);
      sources.signals.off('SIGINT', onSignal);
    },
  };
}

/** What a shell's summary shows: the newest result (null when there is none), and how the run stopped. */
export interface RunSummary {
  result: AuditResult | null;
  /** The report files' paths; null when the run stopped before its inputs were read. */
  files: ReportFiles | null;
  /** Each sink's outcome by its key (none when publishing did not finish). */
  sinks: SinkResults;
  /** Set when the run was stopped before it finished. */
  interruption: Interruption | null;
}

/** What differs between the action and the terminal. */
export interface Shell {
  /** The raw inputs: the action's inputs, or the CLI's flags. */
  readInputs(): RawInputs;
  /** Checks only this shell makes, before any network call (throws InputError). */
  check?(config: Config): void;
  log: Log;
  getIDToken(audience: string): Promise<string>;
  setSecret(secret: string): void;
  /** The repository and run this works for, when there is a token: issues and code scanning alerts. */
  github(token: string | null): GithubContext | null;
  /** The SARIF goes to code scanning (the action; the CLI uploads nothing). */
  uploadsSarif: boolean;
  /** Writes the summary (when the `summary` input is on): the job summary, or the terminal's text. */
  writeSummary(summary: RunSummary): Promise<void>;
  /** Writes the summary of an `iac` run (docs/design.md §11): its findings and files. */
  writeIacSummary(run: IacRun, files: ReportFiles): Promise<void>;
  /** The repository's root for an `iac` run: `GITHUB_WORKSPACE`, else the current folder. */
  workspace(): string;
  /** Default timeoutsFromEnv(). */
  timeouts?: Timeouts;
  /** Default the real clock. */
  clock?: Clock;
  /** Default SIGTERM, SIGINT and a real timer. */
  stops?: StopSources;
  /** How the GitHub client paces and waits; default GitHub's own pacing and the timeouts'. */
  githubClient?: GitHubClientSettings;
}

/** How a run ended; `config` is null when the inputs were not read (or not valid). */
export type RunEnd =
  | { kind: 'done'; config: Config; outcome: PublishOutcome }
  /** An `iac` run: no accounts, its own outputs and verdict. */
  | { kind: 'iac'; config: Config; outcome: Pick<PublishOutcome, 'outputs' | 'exitCode' | 'verdict'> }
  | { kind: 'failed'; config: Config | null; error: unknown }
  | { kind: 'stopped'; config: Config | null; stop: Stop };

/** What the run knows so far: all that a summary of a stopped run can show. */
interface Progress {
  config: Config | null;
  files: ReportFiles | null;
  /** The newest result: the audit's, then (once the files are written) the published one. */
  result: AuditResult | null;
  outcome: PublishOutcome | null;
  filesWritten: boolean;
  planned: number | null;
  finished: AccountAudit[];
}

/** The pipeline: inputs -> Config -> audit -> publish, recording its progress; throws what fails it. */
async function pipeline(
  shell: Shell,
  p: Progress,
  ctx: { timeouts: Timeouts; clock: Clock; stopped: AbortSignal },
): Promise<PublishOutcome | IacOutcome> {
  const config = parseConfig(shell.readInputs(), { expandGlob });
  p.config = config;
  checkOutputFiles(config);
  shell.check?.(config);
  p.files = reportFilesOf(config);
  if (config.githubToken) shell.setSecret(config.githubToken);
  if (config.iac.length > 0) return iacPipeline(shell, config, ctx.clock);
  let session: AuditSession | null = null;
  p.result = await runAudit(config, {
    getIDToken: (audience) => shell.getIDToken(audience),
    setSecret: (secret) => shell.setSecret(secret),
    now: () => ctx.clock.now(),
    sleep: (ms, signal) => ctx.clock.sleep(ms, signal),
    log: shell.log,
    onPlan: (ids) => {
      p.planned = ids.length;
    },
    onAccount: (a) => p.finished.push(a),
    onSession: (s) => {
      session = s;
    },
  });
  p.outcome = await publish(p.result, config, {
    log: shell.log,
    github: shell.github(config.githubToken),
    githubClient: shell.githubClient ?? githubClientSettings(ctx.timeouts),
    session,
    uploadsSarif: shell.uploadsSarif,
    stopped: ctx.stopped,
    onFilesWritten: (written) => {
      p.filesWritten = true;
      p.result = written;
    },
  });
  p.result = p.outcome.result;
  return p.outcome;
}

/** An `iac` run (docs/design.md §11): the code in the workspace, no AWS, no GitHub history or issues. */
async function iacPipeline(shell: Shell, config: Config, clock: Clock): Promise<IacOutcome> {
  // The scanner (with its HCL parser) is loaded only by an iac run.
  const { auditIac } = await import('./audit/iac.js');
  const scanned = await auditIac(config, { root: shell.workspace(), now: clock.now() });
  for (const n of scanned.notes) shell.log.warning(n);
  const outcome = await publishIac(scanned, config);
  if (config.summary) await shell.writeIacSummary(scanned, outcome.written);
  return outcome;
}

/** What a run stopped before the audit ended has to show: the accounts finished so far. */
function partialResult(p: Progress, now: Date): AuditResult | null {
  // an iac run has no accounts: the banner alone says it was stopped
  if (!p.config || p.config.iac.length > 0) return null;
  return assembleResult({
    mode: p.config.credentialReports.length > 0 ? 'offline' : 'live',
    config: p.config,
    audits: p.finished,
    generatedAt: now,
    notes: [],
  });
}

/** Runs the pipeline for a shell, bounded and stoppable; never throws (a failure is the `failed` end). */
export async function run(shell: Shell): Promise<RunEnd> {
  const timeouts = shell.timeouts ?? timeoutsFromEnv();
  const clock = shell.clock ?? SYSTEM_CLOCK;
  const guard = stopSignal(timeouts.runMs, shell.stops);
  const stopped = new AbortController();
  const p: Progress = {
    config: null,
    files: null,
    result: null,
    outcome: null,
    filesWritten: false,
    planned: null,
    finished: [],
  };
  const work = pipeline(shell, p, { timeouts, clock, stopped: stopped.signal }).then(
    (outcome): RunEnd =>
      'written' in outcome
        ? { kind: 'iac', config: p.config as Config, outcome }
        : { kind: 'done', config: p.config as Config, outcome },
    (error: unknown): RunEnd => ({ kind: 'failed', config: p.config, error }),
  );
  const stop = await Promise.race([work, guard.stopped.then((s) => ({ kind: 'stop' as const, stop: s }))]);
  guard.dispose();
  // Until the inputs say otherwise (or could not be read), a summary is written.
  const writeSummary = p.config?.summary ?? true;
  const sinks: SinkResults = p.outcome ? sinkOutcomesOf(p.outcome) : {};
  if (stop.kind !== 'stop') {
    if (p.result && p.files && writeSummary) {
      await shell.writeSummary({ result: p.result, files: p.files, sinks, interruption: null });
    }
    return stop;
  }

  // Stopped early: whatever still runs writes nothing more, no file is left half-written, and the
  // summary says how far the run got.
  stopped.abort();
  removePartialFiles();
  const partial = p.result ?? partialResult(p, clock.now());
  const interruption: Interruption = {
    ...stop.stop,
    finished: partial?.accounts.length ?? p.finished.length,
    planned: p.planned,
    filesWritten: p.filesWritten,
  };
  if (writeSummary) {
    await shell.writeSummary({
      result: partial && p.files ? partial : null,
      files: p.files,
      sinks: {},
      interruption,
    });
  }
  return { kind: 'stopped', config: p.config, stop: stop.stop };
}
