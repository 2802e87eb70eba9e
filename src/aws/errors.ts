/**
 * Turns an error from an AWS call into the one-line `error` and the actionable `hint` of a failed
 * account (docs/design.md §4: "an account that failed shows its error and what permission or trust setting it
 * needs"). Inputs are what the SDK gives: the error's `name`, `$metadata.httpStatusCode`, its message
 * and, for network failures, its `code`.
 */

import { AuditError, errorMessage } from '../errors.js';
import { MEMBER_ROLE_ACTIONS, accountOperationOfStep } from './operations.js';

/** Thrown by the credential report poll when AWS never reports the report COMPLETE in time. */
export class ReportTimeoutError extends AuditError {
  constructor(readonly waitedMs: number) {
    super('ReportTimeoutError', `credential report still generating after ${Math.round(waitedMs / 1000)}s`, {
      step: 'GenerateCredentialReport',
    });
  }
}

/**
 * Thrown when `GenerateCredentialReport` keeps answering COMPLETE but `GetCredentialReport` keeps
 * answering that there is no report (ReportNotPresent, ReportExpired): not a report "still generating".
 */
export class ReportNeverPresentError extends AuditError {
  constructor(
    readonly answer: string,
    readonly times: number,
    readonly waitedMs: number,
  ) {
    super(
      'ReportNeverPresentError',
      `GenerateCredentialReport answered COMPLETE, but GetCredentialReport answered ${answer} ` +
        `${times} time${times === 1 ? '' : 's'} over ${Math.round(waitedMs / 1000)}s`,
      { step: 'GetCredentialReport' },
    );
  }
}

/** Thrown when `GetCredentialReport` returns more than the action reads (MAX_REPORT_BYTES). */
export class ReportTooLargeError extends AuditError {
  constructor(message: string) {
    super('ReportTooLargeError', message, { step: 'GetCredentialReport' });
  }
}

/** `GetCredentialReport` answered with a `ReportFormat` other than `text/csv`. */
export class ReportFormatError extends AuditError {
  constructor(readonly format: string) {
    super('ReportFormatError', `unexpected credential report format ${format} (expected text/csv)`, {
      step: 'GetCredentialReport',
    });
  }
}

/** `GenerateCredentialReport`: "no more capacity to launch new report generation tasks". */
export const REPORT_CAPACITY: ReadonlySet<string> = new Set(['LimitExceeded', 'LimitExceededException']);

/** Thrown when the credential report belongs to another account than the one audited. */
export class AccountMismatchError extends AuditError {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super('AccountMismatchError', `the credential report is of account ${actual}, not ${expected}`, {
      step: 'GetCredentialReport',
    });
  }
}

/**
 * An error of one named step (API operation) of an account's audit; `describeAwsError` unwraps it. Its
 * code is the original error's AWS name.
 */
export class StepError extends AuditError {
  declare readonly step: string;

  constructor(
    step: string,
    readonly original: unknown,
  ) {
    super('StepError', `${step}: ${errorMessage(original)}`, { step, code: awsErrorName(original) });
  }
}

/** Runs `fn`, tagging a rejection with the step it happened in (unless an inner step already did). */
export async function atStep<T>(step: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof StepError ? err : new StepError(step, err);
  }
}

/** The SDK error behind a `StepError` (or the error itself). */
function originalError(err: unknown): unknown {
  return err instanceof StepError ? err.original : err;
}

// ---------------------------------------------------------------------------------------------------
// The one classifier of AWS errors: every module asks it (sign-in, accounts, key facts, Security Hub,
// remediation, the account errors below), so a family of error names is written down once.

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AccessDeniedForDependencyException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
]);
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
]);
/** `AssumeRoleWithWebIdentity`: the OIDC token itself was refused (issuer, audience, expiry). */
const INVALID_IDENTITY_TOKEN = new Set(['InvalidIdentityToken', 'InvalidIdentityTokenException']);
/** IAM's answer for a user or key that does not exist (any more). */
const NO_SUCH_ENTITY = new Set(['NoSuchEntity', 'NoSuchEntityException']);
/** Node's and undici's codes of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'EPROTO',
  'UND_ERR_SOCKET',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
/** Errors of `GetCredentialReport` that mean "no usable report yet": a new `GenerateCredentialReport` fixes them. */
export const REPORT_NOT_READY: ReadonlySet<string> = new Set([
  'ReportInProgress',
  'ReportInProgressException',
  'ReportNotPresent',
  'ReportNotPresentException',
  'ReportExpired',
  'ReportExpiredException',
  'CredentialReportNotPresentException',
  'CredentialReportNotReadyException',
  'CredentialReportExpiredException',
]);

/** What an AWS error is, for whoever decides what to do about it; the first that applies, in this order. */
type AwsErrorKind =
  /** AccessDenied and kin, or any 403 that is not about expired or bad credentials. */
  | 'access-denied'
  /** Throttled even after the SDK's retries (a throttling name, HTTP 429, "Rate exceeded"). */
  | 'throttled'
  /** The temporary credentials expired (ExpiredToken, RequestExpired, TokenRefreshRequired). */
  | 'expired-token'
  /** The credentials were not accepted (unknown key, bad signature, none at all). */
  | 'bad-credentials'
  | 'invalid-identity-token'
  | 'no-such-entity'
  /** No answer within the request timeout, even after the SDK's retries. */
  | 'timeout'
  /** The endpoint could not be reached, or the connection was lost. */
  | 'network'
  /** HTTP 5xx even after the SDK's retries. */
  | 'server-error'
  | 'other';

/** What the classifier reads from an error: its AWS name, message, HTTP status, attempts and network code. */
export interface AwsErrorFacts {
  /** The AWS error name (`AccessDenied`, `NoSuchEntityException`, …), also for unmodelled errors. */
  name: string;
  message: string;
  status: number | undefined;
  attempts: number | undefined;
  /** The network error code (`ECONNREFUSED`) of a failed connection, or another system code. */
  code: string | undefined;
  kind: AwsErrorKind;
}

/** The first network code in a message (`connect ECONNREFUSED 127.0.0.1:443`), if any. */
function networkCodeIn(message: string): string | undefined {
  return [...message.matchAll(/\b(E[A-Z_]{3,})\b/g)].map((m) => m[1]!).find((c) => NETWORK_CODES.has(c));
}

function kindOf(f: Omit<AwsErrorFacts, 'kind'>): AwsErrorKind {
  const { name, status, message } = f;
  if (ACCESS_DENIED.has(name) || (status === 403 && !EXPIRED.has(name) && !BAD_CREDENTIALS.has(name))) {
    return 'access-denied';
  }
  if (THROTTLING.has(name) || status === 429 || /rate exceeded/i.test(message)) return 'throttled';
  if (EXPIRED.has(name)) return 'expired-token';
  if (BAD_CREDENTIALS.has(name)) return 'bad-credentials';
  if (INVALID_IDENTITY_TOKEN.has(name)) return 'invalid-identity-token';
  if (NO_SUCH_ENTITY.has(name)) return 'no-such-entity';
  if (name === 'TimeoutError' || /exceeded the configured \d+ ms requestTimeout/.test(message))
    return 'timeout';
  if (
    (f.code !== undefined && NETWORK_CODES.has(f.code)) ||
    NETWORK_NAMES.has(name) ||
    /socket hang up|ECONNRESET|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|^(?:Error: )?aborted\b/.test(message)
  ) {
    return 'network';
  }
  if (status !== undefined && status >= 500) return 'server-error';
  return 'other';
}

/** Classifies what an AWS call (or the SDK under it) threw; a `StepError` is classified by its original. */
export function classifyAwsError(thrown: unknown): AwsErrorFacts {
  const err = originalError(thrown);
  if (!(err instanceof Error || (typeof err === 'object' && err !== null))) {
    const f = {
      name: 'Error',
      message: String(err),
      status: undefined,
      attempts: undefined,
      code: undefined,
    };
    return { ...f, kind: kindOf(f) };
  }
  const e = err as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    Code?: unknown;
    $metadata?: { httpStatusCode?: unknown; attempts?: unknown };
    cause?: unknown;
  };
  let message =
    err instanceof Error ? errorMessage(err) : typeof e.message === 'string' ? e.message : String(err);
  // The SDK wraps thrown non-Error values (e.g. errors from another realm) and keeps only the text.
  message = message.replace(/^AWS SDK error wrapper for (?:Error: )?/, '');
  // The system code of the error or its cause, or one its message names; a network code first. (An
  // AuditError's `code` is its kind in a word, not a system code.)
  const cause =
    typeof e.cause === 'object' && e.cause !== null ? (e.cause as { code?: unknown }).code : undefined;
  const codes = [err instanceof AuditError ? undefined : e.code, cause, networkCodeIn(message)].filter(
    (c): c is string => typeof c === 'string',
  );
  const code = codes.find((c) => NETWORK_CODES.has(c)) ?? codes[0];
  const rawName = typeof e.name === 'string' ? e.name : 'Error';
  // Unmodelled query-API errors keep AWS's code in `Code`; prefer it over the generic class name.
  const name =
    (rawName === 'Error' || rawName === 'ServiceException') && typeof e.Code === 'string' ? e.Code : rawName;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const attempts = typeof e.$metadata?.attempts === 'number' ? e.$metadata.attempts : undefined;
  const f = { name, message, status, attempts, code };
  return { ...f, kind: kindOf(f) };
}

/** The AWS error name (`AccessDenied`, `NoSuchEntityException`, …), also for unmodelled errors. */
export function awsErrorName(err: unknown): string {
  return classifyAwsError(err).name;
}

/** True for a denial (AccessDenied and kin, or any 403 that is not about expired or bad credentials). */
export function isAccessDenied(err: unknown): boolean {
  return classifyAwsError(err).kind === 'access-denied';
}

/** True when the temporary credentials expired (ExpiredToken, RequestExpired, TokenRefreshRequired). */
export function isExpiredToken(err: unknown): boolean {
  return classifyAwsError(err).kind === 'expired-token';
}

/** True when IAM says the user or key does not exist (any more). */
export function isNoSuchEntity(err: unknown): boolean {
  return classifyAwsError(err).kind === 'no-such-entity';
}

/** The network code (`ECONNREFUSED`, …) of a connection that could not be made or was lost; null otherwise. */
export function networkErrorCode(err: unknown): string | null {
  const f = classifyAwsError(err);
  return f.code !== undefined && NETWORK_CODES.has(f.code) ? f.code : null;
}

export interface AwsErrorContext {
  accountId: string;
  /** The API operation (`GetCredentialReport`, `AssumeRole`, …) or a stage name. */
  step: string;
  /** The role assumed into the account, when there is one. */
  roleArn?: string;
  /** Signed in with the ambient credentials (no `role-to-assume`): their expiry is not ours to extend. */
  ambient?: boolean;
}

export interface DescribedError {
  error: string;
  hint: string | null;
  /** The error's name, short: `AccessDenied`, `ThrottlingException`, `ReportTimeoutError`. */
  code: string;
  /** The step (API operation) it happened in, e.g. `AssumeRole`; null when not tied to one. */
  step: string | null;
}

/** The detail of an AWS error message: one line, without the SDK's trailing hints about `$response`, bounded. */
function errorDetail(message: string): string {
  const line = message
    .replace(/\s*Deserialization error: to see the raw response.*$/s, ' (the response could not be read)')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

/** `is not authorized to perform: iam:GetCredentialReport` -> `iam:GetCredentialReport`. */
function actionFromMessage(message: string): string | null {
  const m = /perform:\s*([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message);
  return m?.[1] ?? null;
}

/** The IAM action of a step of an account's audit (from the operations table), or the step if it is one. */
function actionForStep(step: string): string | null {
  const known = accountOperationOfStep(step);
  if (known) return known.iamAction;
  return /^[a-z0-9-]+:[A-Za-z]+$/.test(step) ? step : null;
}

function isAssumeRole(step: string): boolean {
  return /AssumeRole$/.test(step) && !/WithWebIdentity$/.test(step);
}

function roleText(ctx: AwsErrorContext): string {
  return ctx.roleArn ? `the role ${ctx.roleArn}` : `the credentials used for account ${ctx.accountId}`;
}

/** Describes an error of one account's audit for the summary, the JSON report and the log. */
export function describeAwsError(err: unknown, ctx: AwsErrorContext): DescribedError {
  if (err instanceof StepError) return describeAwsError(err.original, { ...ctx, step: err.step });
  const code = errorDetail(classifyAwsError(err).name).slice(0, 64) || 'Error';
  return { ...describeText(err, ctx), code, step: ctx.step === 'audit' ? null : ctx.step };
}

type DescribedText = Omit<DescribedError, 'code' | 'step'>;

/** What each of the describers below is given: the error's facts and the texts they build on. */
interface Described {
  err: unknown;
  f: AwsErrorFacts;
  ctx: AwsErrorContext;
  where: string;
  detail: string;
  error: string;
}

function describeText(err: unknown, ctx: AwsErrorContext): DescribedText {
  const f = classifyAwsError(err);
  const where = `${ctx.step} in account ${ctx.accountId}`;
  const detail = errorDetail(f.message);
  const error = `${where} failed: ${f.name}${detail && detail !== f.name ? `: ${detail}` : ''}`;
  const d: Described = { err, f, ctx, where, detail, error };
  return describeReport(d) ?? describeAccess(d) ?? describeTransport(d) ?? { error, hint: null };
}

/** The credential report's own failures: not generated in time, never served, too large, unreadable. */
function describeReport({ err, f, ctx, where, detail, error }: Described): DescribedText | null {
  if (err instanceof ReportTimeoutError || f.name === 'ReportTimeoutError') {
    return {
      error: `${where} failed: ${detail}`,
      hint: 'AWS did not finish generating the credential report in time (a report usually completes within a minute or two). Run the audit again later.',
    };
  }
  if (err instanceof ReportNeverPresentError || f.name === 'ReportNeverPresentError') {
    return {
      error: `${where} failed: ${detail}`,
      hint: 'IAM said the report was ready but never served it. Run the audit again later; if it persists, check that `AWS_ENDPOINT_URL_IAM`/`AWS_ENDPOINT_URL` (when set) point at IAM.',
    };
  }
  if (err instanceof ReportTooLargeError || f.name === 'ReportTooLargeError') {
    return {
      error: `${where} failed: ${detail}`,
      hint: 'The credential report AWS returned is larger than this action reads (see "Limits" in the README). Check that `AWS_ENDPOINT_URL*` points at IAM.',
    };
  }
  if (err instanceof ReportFormatError || f.name === 'ReportFormatError') {
    return {
      error: `${where} failed: ${detail}`,
      hint: 'AWS sent the credential report in a format this tool does not read. Check for a newer version of this action, and that no proxy or `AWS_ENDPOINT_URL*` setting answers for IAM.',
    };
  }
  if (REPORT_CAPACITY.has(f.name) && ctx.step === 'GenerateCredentialReport') {
    return {
      error,
      hint: 'AWS had no capacity to generate more credential reports for the whole wait (too many accounts at once). Lower `concurrency`, spread the accounts over a `shard` matrix, or run the audit again later.',
    };
  }
  if (err instanceof AccountMismatchError || f.name === 'AccountMismatchError') {
    return {
      error: `${where} failed: ${detail}`,
      hint: `Check that ${ctx.roleArn ? `the role ${ctx.roleArn}` : 'the credentials'} really belong to account ${ctx.accountId}.`,
    };
  }
  if (f.name === 'ReportError') {
    return {
      error: `${where} failed: the credential report could not be read: ${detail}`,
      hint: 'The report AWS sent was cut off or altered on the way. Run the audit again; if it persists, check any proxy or `AWS_ENDPOINT_URL*` setting in between.',
    };
  }
  return null;
}

/** Permissions and credentials: denied, throttled, expired, not accepted, STS region off, gone. */
function describeAccess({ f, ctx, where, error }: Described): DescribedText | null {
  if (f.kind === 'access-denied') {
    if (isAssumeRole(ctx.step)) {
      return {
        error,
        hint:
          `Check that ${ctx.roleArn ? `the role ${ctx.roleArn}` : 'the member-account role'} exists in account ${ctx.accountId}, ` +
          'that its trust policy allows the audit role (the signed-in identity) to call sts:AssumeRole, ' +
          'and that the audit role is allowed sts:AssumeRole on it.',
      };
    }
    const action = actionFromMessage(f.message) ?? actionForStep(ctx.step);
    const all = MEMBER_ROLE_ACTIONS.join(', ');
    return {
      error,
      hint: action
        ? `Allow ${action} to ${roleText(ctx)} (the member-account role needs ${all}); also check service control policies and permission boundaries.`
        : `Allow ${roleText(ctx)} the actions ${all}; also check service control policies and permission boundaries.`,
    };
  }
  if (f.kind === 'throttled') {
    const tries = f.attempts ? ` after ${f.attempts} attempts` : ' after the SDK retries';
    return {
      error: `${where} failed: AWS kept throttling the requests${tries} (${f.name})`,
      hint: 'Lower `concurrency`, spread the accounts over a `shard` matrix, or run the audit when other automation is quieter.',
    };
  }
  if (f.kind === 'expired-token' && ctx.ambient) {
    return {
      error,
      hint: 'The ambient AWS credentials expired during the run (e.g. an SSO session, or credentials an earlier step configured for a shorter time than the job runs): refresh them right before this step, or set `role-to-assume` to sign in with GitHub OIDC, which this action refreshes itself.',
    };
  }
  if (f.kind === 'expired-token') {
    return {
      error,
      hint: 'The temporary credentials expired during the run. Raise `role-duration-seconds` for the OIDC session (chained sessions last at most 1 hour), or split the run with `shard`.',
    };
  }
  if (f.kind === 'bad-credentials') {
    return {
      error,
      hint: 'The AWS credentials were not accepted. Check the configured credentials (or `role-to-assume`), and that the clock of the runner is right.',
    };
  }
  if (f.name === 'RegionDisabledException') {
    return {
      error,
      hint: 'STS is not activated in this region for the account: activate it in the IAM console (Account settings) or choose another `aws-region`.',
    };
  }
  if (f.kind === 'no-such-entity') {
    return { error, hint: null };
  }
  return null;
}

/** The way there and back: report not ready, no answer in time, network, server errors, garbled replies. */
function describeTransport({ f, where, detail, error }: Described): DescribedText | null {
  if (REPORT_NOT_READY.has(f.name)) {
    return {
      error,
      hint: 'The credential report was not available. Run the audit again; if it persists, check that iam:GenerateCredentialReport is allowed.',
    };
  }
  if (f.kind === 'timeout') {
    const tries = f.attempts ? `${f.attempts} attempts` : 'every attempt';
    return {
      error: `${where} failed: no answer in time (${tries} timed out)`,
      hint: 'AWS did not answer in time, even after the SDK retries. Run the audit again later; if it persists, check the runner’s network, `HTTPS_PROXY`/`NO_PROXY` and any `AWS_ENDPOINT_URL*` settings.',
    };
  }
  if (f.kind === 'network') {
    const what = f.code ?? (f.name === 'Error' ? '' : f.name);
    return {
      error: `${where} failed: network error: ${[what, detail].filter(Boolean).join(': ')}`,
      hint: 'Could not reach the AWS endpoint. Check the runner’s network access, `HTTPS_PROXY`/`NO_PROXY`, and any `AWS_ENDPOINT_URL*` settings.',
    };
  }
  if (f.kind === 'server-error') {
    return {
      error,
      hint: 'AWS answered with a server error even after the SDK retries. Run the audit again later.',
    };
  }
  if (/Deserialization error|Unexpected end|XML|parse/i.test(f.message) && f.status !== undefined) {
    return {
      error,
      hint: 'The AWS response could not be read (truncated or altered on the way?). Run the audit again; check any proxy in between.',
    };
  }
  return null;
}
