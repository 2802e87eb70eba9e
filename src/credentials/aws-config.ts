/**
 * The configuration every AWS SDK client of the action shares (IAM, STS, Organizations).
 *
 * - Retries: the SDK's adaptive retry strategy with a raised attempt count absorbs throttling; nothing
 *   else in the code retries SDK calls.
 * - Proxy: the SDK does not honour `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` by itself. When one of the
 *   proxy variables is set, the request handler's agents are a `ProxyAgent`, which resolves the proxy
 *   per request from those variables (so `NO_PROXY` hosts go direct); otherwise plain keep-alive agents.
 * - Timeouts: connecting and the whole request are bounded (timeouts.ts); a request that stalls throws a
 *   TimeoutError, which the retry strategy retries like any transient error.
 * - Endpoints: only the SDK's standard configuration (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_IAM`, …,
 *   or the shared config file) — there is deliberately no endpoint parameter here.
 */
import http from 'node:http';
import https from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ProxyAgent } from 'proxy-agent';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import { timeoutsFromEnv, type Timeouts } from '../timeouts.js';

/** Sockets per agent: enough for the enrichment's bounded parallelism across concurrent accounts. */
const MAX_SOCKETS = 50;

export interface AwsClientConfig {
  region: string;
  /** Absent: the SDK's default credential chain. */
  credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity;
  retryMode: 'adaptive';
  maxAttempts: number;
  /** Set only with `AwsClientDeps.retryStrategy`; otherwise the SDK's adaptive strategy. */
  retryStrategy?: RetryStrategyV2;
  requestHandler: NodeHttpHandler;
}

/** What a caller may give every AWS client of a run besides region and credentials. */
export interface AwsClientDeps {
  /**
   * Builds each client's retry strategy for `maxAttempts` (a new one per client, as the SDK does).
   * Absent: the SDK's adaptive strategy (`retryMode: 'adaptive'`), with its own backoff.
   */
  retryStrategy?(maxAttempts: number): RetryStrategyV2;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** True when the environment names a proxy for outgoing requests. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARS.some((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Builds the agents for the request handler. With a proxy variable set, one `ProxyAgent` serves both
 * protocols; it reads `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` for every request and falls back to the given
 * direct agents for hosts that bypass the proxy.
 */
export function awsAgents(env: NodeJS.ProcessEnv = process.env): {
  httpAgent: http.Agent;
  httpsAgent: http.Agent;
  proxied: boolean;
} {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  if (!proxyConfigured(env)) return { httpAgent, httpsAgent, proxied: false };
  const agent = new ProxyAgent({ httpAgent, httpsAgent, keepAlive: true, maxSockets: MAX_SOCKETS });
  return { httpAgent: agent, httpsAgent: agent, proxied: true };
}

/** The shared client configuration: `new IAMClient(awsClientConfig({ region, credentials }))`. */
export function awsClientConfig(
  opts: {
    region: string;
    credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity;
    timeouts?: Timeouts;
  } & AwsClientDeps,
): AwsClientConfig {
  const { httpAgent, httpsAgent } = awsAgents();
  const t = opts.timeouts ?? timeoutsFromEnv();
  return {
    region: opts.region,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    retryMode: 'adaptive',
    maxAttempts: t.awsMaxAttempts,
    ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy(t.awsMaxAttempts) } : {}),
    requestHandler: new NodeHttpHandler({
      httpAgent,
      httpsAgent,
      // A request that outlives requestTimeout must fail (and be retried), not only log a warning:
      // without throwOnRequestTimeout, @smithy/node-http-handler 4.x just warns and waits for ever.
      connectionTimeout: t.awsConnectMs,
      requestTimeout: t.awsRequestMs,
      throwOnRequestTimeout: true,
      socketTimeout: t.awsRequestMs,
    }),
  };
}
