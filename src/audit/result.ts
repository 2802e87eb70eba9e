/**
 * The one place account results are made: an audited account (`okAccount`) or one that failed
 * (`failedAccount`: no users counted, nothing resolved, the error and its hint).
 */
import type { AccountFailed, AccountOk, ReportSource } from '../model.js';

/** The account id a report file is shown under when neither its rows nor its name give one. */
export const UNKNOWN_ACCOUNT_ID = 'unknown';

/** A live account's source. */
export const AWS_SOURCE: ReportSource = { kind: 'aws' };

/** A report file's source. */
export function fileSource(path: string): ReportSource {
  return { kind: 'file', path };
}

interface Identity {
  /** Null: not known (a report file without user rows or an id in its name). */
  accountId: string | null;
  source: ReportSource;
  asOf: string;
  alias?: string | null;
  reportGeneratedAt?: string | null;
}

function identity(id: Identity) {
  return {
    accountId: id.accountId ?? UNKNOWN_ACCOUNT_ID,
    accountIdKnown: id.accountId !== null,
    alias: id.alias ?? null,
    reportGeneratedAt: id.reportGeneratedAt ?? null,
    source: id.source,
    asOf: id.asOf,
  };
}

export function okAccount(id: Identity & { usersScanned: number; resolvedSinceReport: number }): AccountOk {
  return {
    ...identity(id),
    status: 'ok',
    error: null,
    hint: null,
    errorCode: null,
    errorStep: null,
    usersScanned: id.usersScanned,
    resolvedSinceReport: id.resolvedSinceReport,
  };
}

/** Why an account failed: the one-line error, its hint, its code in a word and the failed step. */
export interface AccountFailure {
  error: string;
  hint: string | null;
  /** `AccessDenied`, `ThrottlingException`, `no such file`… */
  code: string;
  /** The API operation that failed; null when not tied to one. */
  step: string | null;
}

export function failedAccount(id: Identity & AccountFailure): AccountFailed {
  return {
    ...identity(id),
    status: 'error',
    error: id.error,
    hint: id.hint,
    errorCode: id.code,
    errorStep: id.step,
    usersScanned: 0,
    resolvedSinceReport: 0,
  };
}
