/**
 * Live credential report (docs/design.md §6): `GenerateCredentialReport` until COMPLETE with bounded backoff,
 * then `GetCredentialReport`, parsed by the same streaming parser as the offline mode.
 *
 * Throttling and transient errors are retried by the SDK's own retry strategy (see aws-config.ts); the
 * only loop here is the poll for a report that AWS is still generating.
 */
import { Readable } from 'node:stream';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { ParsedReport } from '../model.js';
import {
  REPORT_CAPACITY,
  REPORT_NOT_READY,
  ReportFormatError,
  ReportNeverPresentError,
  ReportTimeoutError,
  ReportTooLargeError,
  StepError,
  atStep,
  awsErrorName,
} from '../aws/errors.js';
import { MAX_REPORT_BYTES, parseCredentialReport, tooLargeDetail } from './parse.js';
import { pollDelayMs } from './poll-schedule.js';
import { liftReportContent, type LiftedContent } from './report-content.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';

export interface CredentialReportDeps extends Clock {
  /** Longest time to wait for a report to be generated; default 5 minutes. */
  maxWaitMs?: number;
  /** Names the report in parse errors; default `aws`. */
  source?: string;
  /** The largest report read; default MAX_REPORT_BYTES (256 MiB). */
  maxReportBytes?: number;
  /** Debug log (`core.debug` in the action). */
  debug?: Log['debug'];
  /** The poll's jitter source, in [0, 1); default Math.random (see poll-schedule.ts). */
  random?(): number;
}

export interface FetchedCredentialReport {
  report: ParsedReport;
  generatedAt: Date;
}

const DEFAULT_REPORT_MAX_WAIT_MS = 5 * 60_000;

/** How long a live audit waits for an account's report, and the largest report it reads. */
export interface ReportLimits {
  maxWaitMs: number;
  maxReportBytes: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  maxWaitMs: DEFAULT_REPORT_MAX_WAIT_MS,
  maxReportBytes: MAX_REPORT_BYTES,
};

/** True for the errors of `GetCredentialReport` that a new `GenerateCredentialReport` fixes. */
export function isReportNotReady(err: unknown): boolean {
  return REPORT_NOT_READY.has(awsErrorName(err));
}

/** The poll's budget: the time elapsed on the injected clock (`deps.now`; `deps.sleep` moves it). */
class PollBudget {
  private readonly started: number;
  private attempt = 0;
  private delay: number;
  constructor(
    private readonly deps: CredentialReportDeps,
    private readonly maxWait = deps.maxWaitMs ?? DEFAULT_REPORT_MAX_WAIT_MS,
  ) {
    this.started = deps.now().getTime();
    this.delay = pollDelayMs(0, deps.random);
  }

  private waited(): number {
    return this.deps.now().getTime() - this.started;
  }

  /** The delay before the next poll (poll-schedule.ts: 1, 1, 2, 2, 3, 3, 4, 4, then 5 s, jittered), or
   *  throws when waiting it would exceed the budget. */
  next(step: string, onTimeout?: unknown): number {
    const waited = this.waited();
    const delay = this.delay;
    if (waited + delay > this.maxWait) throw new StepError(step, onTimeout ?? new ReportTimeoutError(waited));
    this.delay = pollDelayMs(++this.attempt, this.deps.random);
    return delay;
  }

  /** Sleeps the delay before the next poll, or throws when that would exceed the budget. */
  async wait(step: string, onTimeout?: unknown): Promise<void> {
    await this.deps.sleep(this.next(step, onTimeout));
  }
}

/** An answer about an account's report: ready, or ask again in `retryInMs` (from its poll budget). */
export type ReportAnswer = { ready: true } | { ready: false; retryInMs: number };

/**
 * One account's report generation with its one poll budget (started at construction, on the injected
 * clock). `ask()` is one `GenerateCredentialReport`; the caller sleeps `retryInMs` (the live audit's
 * scheduler does, for many accounts at once), then asks again.
 */
export class ReportGeneration {
  private readonly budget: PollBudget;
  constructor(
    private readonly iam: IAMClient,
    private readonly deps: CredentialReportDeps,
  ) {
    this.budget = new PollBudget(deps);
  }

  /** One `GenerateCredentialReport`; throws a StepError on failure, or when the budget is spent. */
  async ask(): Promise<ReportAnswer> {
    let out;
    try {
      out = await this.iam.send(new GenerateCredentialReportCommand({}));
    } catch (err) {
      // "no more capacity to launch new report generation tasks" (many accounts at once): wait it out
      // within the same budget; if it persists, the account fails with this error (and its hint).
      if (!REPORT_CAPACITY.has(awsErrorName(err))) throw new StepError('GenerateCredentialReport', err);
      return { ready: false, retryInMs: this.budget.next('GenerateCredentialReport', err) };
    }
    if (out.State === 'COMPLETE') return { ready: true };
    return { ready: false, retryInMs: this.budget.next('GenerateCredentialReport') };
  }

  /** Asks until COMPLETE, sleeping between polls. */
  async untilComplete(): Promise<void> {
    for (;;) {
      const answer = await this.ask();
      if (answer.ready) return;
      await this.deps.sleep(answer.retryInMs);
    }
  }

  /** Sleeps before generating again (the report vanished after COMPLETE), within the same budget. */
  wait(step: string): Promise<void> {
    return this.budget.wait(step);
  }
}

/**
 * The account's credential report, parsed, with the time AWS generated it (`GeneratedTime`).
 * Calls: `GenerateCredentialReport` once plus one per poll, `GetCredentialReport` once (again only if
 * AWS answers that the report is not present or expired, after generating it again). `started`: the
 * account's generation whose last answer was COMPLETE (the live audit's scheduler polled it), so the
 * first `GetCredentialReport` follows at once.
 */
export async function fetchCredentialReport(
  iam: IAMClient,
  deps: CredentialReportDeps,
  started?: ReportGeneration,
): Promise<FetchedCredentialReport> {
  const generation = started ?? new ReportGeneration(iam, deps);
  let ready = started !== undefined;
  let notPresent = 0;
  for (;;) {
    if (!ready) await generation.untilComplete();
    ready = false;
    let out;
    const lifted: LiftedContent = { content: null };
    const command = new GetCredentialReportCommand({});
    const maxBytes = deps.maxReportBytes ?? MAX_REPORT_BYTES;
    command.middlewareStack.add(liftReportContent(lifted, maxBytes), {
      step: 'deserialize',
      priority: 'low',
      name: 'liftCredentialReportContent',
    });
    try {
      out = await iam.send(command);
    } catch (err) {
      if (!isReportNotReady(err)) throw new StepError('GetCredentialReport', err);
      // The report expired or vanished between the two calls: generate it again, within the same budget.
      const answer = awsErrorName(err);
      notPresent = /InProgress|NotReady/.test(answer) ? 0 : notPresent + 1;
      try {
        await generation.wait('GetCredentialReport');
      } catch (timeout) {
        // COMPLETE, then "no report", until the budget ran out: not a report "still generating"
        if (notPresent === 0) throw timeout;
        const waited = timeout instanceof StepError && timeout.original instanceof ReportTimeoutError;
        throw new StepError(
          'GetCredentialReport',
          new ReportNeverPresentError(answer, notPresent, waited ? timeout.original.waitedMs : 0),
        );
      }
      continue;
    }
    if (out.ReportFormat !== undefined && out.ReportFormat !== 'text/csv') {
      throw new StepError('GetCredentialReport', new ReportFormatError(out.ReportFormat));
    }
    const content = out.Content ?? new Uint8Array();
    // Bytes, never one string of the whole report: the parser streams the rows.
    if (lifted.content === null) {
      deps.debug?.(
        'GetCredentialReport: the raw response had no <Content> element to lift (SDK response shape changed?); ' +
          "reading the SDK's parsed Content instead, which costs more memory for large reports.",
      );
    }
    const bytes = lifted.content ?? Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (bytes.length > maxBytes) {
      throw new StepError(
        'GetCredentialReport',
        new ReportTooLargeError(tooLargeDetail(bytes.length, maxBytes)),
      );
    }
    const report = await atStep('GetCredentialReport', () =>
      parseCredentialReport(Readable.from([bytes]), deps.source ?? 'aws'),
    );
    return { report, generatedAt: out.GeneratedTime ?? deps.now() };
  }
}
