/**
 * The one place an Octokit client is made: `@actions/github`'s client with the throttling and retry
 * plugins, pointed at `GITHUB_API_URL` (GitHub Enterprise Server, local test servers).
 * Nothing happens at import time; publish.ts imports it only for a run that talks to GitHub (the settings
 * every client gets are in github-settings.ts, which loads none of Octokit).
 */
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { RATE_LIMIT_RETRIES, type GitHubClientSettings } from './github-settings.js';
import type { Log } from '../log.js';

/** A primary rate limit that resets later than this is not waited for (the run would just hang). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;

export interface CreateOctokitOptions {
  log: Log;
  /** Default: `GITHUB_API_URL`, read when the client is made, else `https://api.github.com`. */
  baseUrl?: string;
  settings: GitHubClientSettings;
}

/**
 * `fetch` with a deadline for the whole response, body included: a response that stalls fails with a
 * `TimeoutError`, which Octokit turns into a 500-like RequestError that the retry plugin retries.
 */
function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const res = await base(input, { ...init, signal });
      const body = [101, 204, 205, 304].includes(res.status) ? null : await res.arrayBuffer();
      const copy = new Response(body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
      Object.defineProperty(copy, 'url', { value: res.url });
      return copy;
    } catch (err) {
      if (deadline.aborted) {
        throw new Error(`no complete answer from the GitHub API within ${timeoutMs / 1000} s`, {
          cause: err,
        });
      }
      throw err;
    }
  };
}

/** The API root: `GITHUB_API_URL` (set by the runner, also on GHES) or github.com. */
function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['GITHUB_API_URL']?.trim();
  return (url ? url : 'https://api.github.com').replace(/\/+$/, '');
}

function describe(options: { method?: string; url?: string }): string {
  return `${options.method ?? 'GET'} ${options.url ?? ''}`.trim();
}

export function createOctokit(token: string, opts: CreateOctokitOptions) {
  const { log, settings } = opts;
  // @actions/github reads GITHUB_API_URL once, when it is first imported; reading it again here means
  // a value set later (a test's local server) is honoured too. In the action both are the same.
  const baseUrl = opts.baseUrl ?? apiBaseUrl();
  const throttle: ThrottlingOptions = {
    onRateLimit: (retryAfter, options, _octokit, retryCount) => {
      const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      log.warning(
        `GitHub API rate limit reached for ${describe(options)}; ` +
          (again
            ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`
            : `giving up (it resets in ${retryAfter} s).`),
      );
      return again;
    },
    onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
      const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      log.warning(
        `GitHub API secondary rate limit reached for ${describe(options)}; ` +
          (again
            ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`
            : `giving up after ${retryCount} retries.`),
      );
      return again;
    },
  };
  throttle.retryAfterBaseValue = settings.retryAfterBaseMs;
  if (settings.pacing !== 'github') {
    throttle.write = settings.pacing.write;
    throttle.notifications = settings.pacing.notifications;
  }

  return getOctokit(
    token,
    {
      baseUrl,
      // Replaces (shallowly) @actions/github's request defaults, so its proxy-aware fetch is wrapped, not lost.
      request: {
        ...actionsDefaults.request,
        fetch: fetchWithTimeout(
          settings.requestTimeoutMs,
          (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? fetch,
        ),
      },
      throttle,
      retry: {
        retries: RATE_LIMIT_RETRIES,
        retryAfterBaseValue: settings.retryAfterBaseMs,
      },
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string) => log.warning(message),
        error: (message: string) => log.warning(message),
      },
    },
    throttling,
    retry,
  );
}

export type GitHubClient = ReturnType<typeof createOctokit>;
