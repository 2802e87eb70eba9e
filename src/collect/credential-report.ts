/**
 * Live credential report (DESIGN §6): `GenerateCredentialReport` until COMPLETE with bounded backoff,
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
import { liftReportContent, type LiftedContent } from './report-content.js';

export interface CredentialReportDeps {
  sleep(ms: number): Promise<void>;
  now(): Date;
  /** Longest time to wait for a report to be generated; default 5 minutes. */
  maxWaitMs?: number;
  /** Names the report in parse errors; default `aws`. */
  source?: string;
  /** The largest report read; default MAX_REPORT_BYTES (256 MiB). */
  maxReportBytes?: number;
  /** Debug log (`core.debug` in the action). */
  debug?(message: string): void;
}

export interface FetchedCredentialReport {
  report: ParsedReport;
  generatedAt: Date;
}

export const DEFAULT_REPORT_MAX_WAIT_MS = 5 * 60_000;

/** How long a live audit waits for an account's report, and the largest report it reads. */
export interface ReportLimits {
  maxWaitMs: number;
  maxReportBytes: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  maxWaitMs: DEFAULT_REPORT_MAX_WAIT_MS,
  maxReportBytes: MAX_REPORT_BYTES,
};
const FIRST_POLL_MS = 1_000;
const MAX_POLL_MS = 16_000;

/** True for the errors of `GetCredentialReport` that a new `GenerateCredentialReport` fixes. */
export function isReportNotReady(err: unknown): boolean {
  return REPORT_NOT_READY.has(awsErrorName(err));
}

/** The poll's budget: the time elapsed on the injected clock (`deps.now`; `deps.sleep` moves it). */
class PollBudget {
  private readonly started: number;
  private delay = FIRST_POLL_MS;
  constructor(
    private readonly deps: CredentialReportDeps,
    private readonly maxWait = deps.maxWaitMs ?? DEFAULT_REPORT_MAX_WAIT_MS,
  ) {
    this.started = deps.now().getTime();
  }

  private waited(): number {
    return this.deps.now().getTime() - this.started;
  }

  /** Sleeps before the next poll (1 s, 2 s, 4 s, … capped), or throws when that would exceed the budget. */
  async wait(step: string, onTimeout?: unknown): Promise<void> {
    const waited = this.waited();
    if (waited + this.delay > this.maxWait)
      throw new StepError(step, onTimeout ?? new ReportTimeoutError(waited));
    await this.deps.sleep(this.delay);
    this.delay = Math.min(this.delay * 2, MAX_POLL_MS);
  }
}

/**
 * Generates (or reuses: AWS keeps a report for four hours) the account's credential report and waits
 * until it is COMPLETE: polls after 1 s, 2 s, 4 s, … (capped at 16 s), for at most `maxWaitMs` in total,
 * then fails with a `ReportTimeoutError` ("credential report still generating after Ns").
 */
async function generate(iam: IAMClient, budget: PollBudget): Promise<void> {
  for (;;) {
    let out;
    try {
      out = await iam.send(new GenerateCredentialReportCommand({}));
    } catch (err) {
      // "no more capacity to launch new report generation tasks" (many accounts at once): wait it out
      // within the same budget; if it persists, the account fails with this error (and its hint).
      if (!REPORT_CAPACITY.has(awsErrorName(err))) throw new StepError('GenerateCredentialReport', err);
      await budget.wait('GenerateCredentialReport', err);
      continue;
    }
    if (out.State === 'COMPLETE') return;
    await budget.wait('GenerateCredentialReport');
  }
}

/**
 * The account's credential report, parsed, with the time AWS generated it (`GeneratedTime`).
 * Calls: `GenerateCredentialReport` once plus one per poll, `GetCredentialReport` once (again only if
 * AWS answers that the report is not present or expired, after generating it again).
 */
export async function fetchCredentialReport(
  iam: IAMClient,
  deps: CredentialReportDeps,
): Promise<FetchedCredentialReport> {
  const budget = new PollBudget(deps);
  let notPresent = 0;
  for (;;) {
    await generate(iam, budget);
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
        await budget.wait('GetCredentialReport');
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
