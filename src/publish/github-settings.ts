/**
 * How every GitHub client of a run paces and waits, and its log: what the shells and the tests set up
 * without loading Octokit (octokit.ts makes the client, and is loaded only when one is needed).
 */
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { timeoutsFromEnv, type Timeouts } from '../timeouts.js';

/** How often a request that hit a rate limit is tried again before the error is returned. */
export const RATE_LIMIT_RETRIES = 3;

type Limiter = NonNullable<ThrottlingOptions['write']>;

/**
 * How the client paces and waits: an explicit dependency of every client. Production builds it with
 * `githubClientSettings()` (GitHub's own pacing advice); tests pass their own, so that none really sleeps.
 */
export interface GitHubClientSettings {
  /** Milliseconds waited per second of `retry-after` (and per retry step for 5xx): 1000 in production. */
  retryAfterBaseMs: number;
  /** Longest wait for one response, body included (`IAM_AUDIT_GITHUB_REQUEST_TIMEOUT_MS`). */
  requestTimeoutMs: number;
  /**
   * The queues writes and content-creating requests wait in: `'github'` is the throttling plugin's own
   * (one second between writes, three between content-creating requests, shared by the process).
   */
  pacing: 'github' | { write: Limiter; notifications: Limiter };
}

/**
 * A queue that does not wait: each request runs when it is made. For a GitHub API without secondary rate
 * limits (`IAM_AUDIT_GITHUB_PACING=off`: a GitHub Enterprise Server that has none, a local test server);
 * `retry-after` answers are still honoured.
 */
export function unpaced(): { write: Limiter; notifications: Limiter } {
  const job = {
    schedule: (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (typeof first === 'function') return Promise.resolve(first(...rest));
      const [fn, ...fnArgs] = rest as [(...a: unknown[]) => unknown, ...unknown[]];
      return Promise.resolve(fn(...fnArgs));
    },
  };
  const limiter = { key: () => job } as unknown as Limiter;
  return { write: limiter, notifications: limiter };
}

/**
 * The settings of a real run: GitHub's pacing (unless `IAM_AUDIT_GITHUB_PACING` is `off`), `retry-after`
 * in seconds, the request timeout of timeouts.ts.
 */
export function githubClientSettings(
  timeouts: Timeouts = timeoutsFromEnv(),
  env: NodeJS.ProcessEnv = process.env,
): GitHubClientSettings {
  const pacing = env.IAM_AUDIT_GITHUB_PACING?.trim().toLowerCase() === 'off' ? unpaced() : 'github';
  return { retryAfterBaseMs: 1000, requestTimeoutMs: timeouts.githubRequestMs, pacing };
}
