/**
 * Every wait of a run has a bound, and the bounds add up to one the run as a whole explains:
 *
 * - an AWS call: connecting at most `awsConnectMs`, the whole request at most `awsRequestMs` (then a
 *   TimeoutError that the SDK's retry strategy retries, up to AWS_MAX_ATTEMPTS), the socket idle at most
 *   `awsRequestMs` too;
 * - a GitHub API call: at most `githubRequestMs` (then retried by the retry plugin, then a warning);
 * - the whole run: at most `runMs`, after which the run stops, writes the summary of the accounts finished
 *   so far with a "timed out" verdict and fails.
 *
 * Production uses the defaults. The values can be lowered (never in a workflow that needs them: they are
 * for tests and for debugging a hang) with the environment variables below, in milliseconds (and a
 * count of attempts).
 */

export interface Timeouts {
  awsConnectMs: number;
  awsRequestMs: number;
  githubRequestMs: number;
  runMs: number;
  /** Attempts per AWS call (first try included); default AWS_MAX_ATTEMPTS. */
  awsMaxAttempts: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  awsConnectMs: 10_000,
  awsRequestMs: 60_000,
  githubRequestMs: 30_000,
  // 5 h 30 min: below GitHub's 6-hour job limit, so the run ends itself (with a summary) before the
  // runner kills it, and far above any real run (300 accounts take seconds; one account's worst case is
  // the 5-minute report poll plus 10 attempts of 60 s per call).
  runMs: 5.5 * 3_600_000,
  awsMaxAttempts: 10,
};

export const TIMEOUT_ENV: Record<keyof Timeouts, string> = {
  awsConnectMs: 'IAM_AUDIT_AWS_CONNECT_TIMEOUT_MS',
  awsRequestMs: 'IAM_AUDIT_AWS_REQUEST_TIMEOUT_MS',
  githubRequestMs: 'IAM_AUDIT_GITHUB_REQUEST_TIMEOUT_MS',
  runMs: 'IAM_AUDIT_RUN_TIMEOUT_MS',
  awsMaxAttempts: 'IAM_AUDIT_AWS_MAX_ATTEMPTS',
};

/** The defaults, with any of the `IAM_AUDIT_*_TIMEOUT_MS` variables that hold a positive whole number. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): Timeouts {
  const out = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(TIMEOUT_ENV) as (keyof Timeouts)[]) {
    const v = env[TIMEOUT_ENV[key]]?.trim();
    if (v && /^\d+$/.test(v) && Number(v) > 0) out[key] = Number(v);
  }
  return out;
}
