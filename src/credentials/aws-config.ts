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
 * - Connections: every client of the process (of a run: the STS clients, each account's IAM client,
 *   Organizations, Security Hub) sends through ONE request handler and its keep-alive agents, so a
 *   connection opened for one account serves the next (on AWS, each new one is a TLS handshake). A
 *   client's `destroy()` leaves that pool open (other accounts are using it); idle pooled sockets are
 *   unreferenced by Node's agent and never keep the process alive. The pool is sized for the run by
 *   `sizeAwsPool` (the live audit: the report starts plus `concurrency` accounts' enrichment fan-out).
 */
import http from 'node:http';
import https from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ProxyAgent } from 'proxy-agent';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import { DEFAULT_TIMEOUTS, timeoutsFromEnv, type Timeouts } from '../timeouts.js';

/** Attempts per SDK call (first try included) before a throttling or transient error is surfaced. */
export const AWS_MAX_ATTEMPTS = DEFAULT_TIMEOUTS.awsMaxAttempts;

/**
 * Sockets per origin of the shared pool until the run sizes it (`sizeAwsPool`): the default
 * `concurrency` (8) accounts' enrichment (16 flagged users, two calls each) and 32 report starts.
 */
const DEFAULT_POOL_SOCKETS = 32 + 8 * 16 * 2;
let poolSockets = DEFAULT_POOL_SOCKETS;

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
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: poolSockets });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: poolSockets });
  if (!proxyConfigured(env)) return { httpAgent, httpsAgent, proxied: false };
  const agent = new ProxyAgent({ httpAgent, httpsAgent, keepAlive: true, maxSockets: poolSockets });
  return { httpAgent: agent, httpsAgent: agent, proxied: true };
}

/** The shared request handler: a client's `destroy()` must not close the connections other clients use. */
class SharedRequestHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    readonly agents: http.Agent[],
  ) {
    super(options);
  }
  override destroy(): void {}
}

/** One pool per (timeouts, proxy or not): in a run, exactly one. */
const pools = new Map<string, SharedRequestHandler>();

/**
 * The process's shared request handler for these timeouts (one keep-alive pool of connections). Proxy
 * variables are read when the pool is made; a `ProxyAgent` still resolves the proxy (and `NO_PROXY`) per
 * request.
 */
function sharedRequestHandler(t: Timeouts, env: NodeJS.ProcessEnv = process.env): NodeHttpHandler {
  const key = `${t.awsConnectMs}/${t.awsRequestMs}/${proxyConfigured(env)}`;
  let handler = pools.get(key);
  if (!handler) {
    const { httpAgent, httpsAgent } = awsAgents(env);
    handler = new SharedRequestHandler(
      {
        httpAgent,
        httpsAgent,
        // A request that outlives requestTimeout must fail (and be retried), not only log a warning:
        // without throwOnRequestTimeout, @smithy/node-http-handler 4.x just warns and waits for ever.
        connectionTimeout: t.awsConnectMs,
        requestTimeout: t.awsRequestMs,
        throwOnRequestTimeout: true,
        socketTimeout: t.awsRequestMs,
      },
      [...new Set([httpAgent, httpsAgent])],
    );
    pools.set(key, handler);
  }
  return handler;
}

/**
 * Sizes the shared pool (sockets per origin: all accounts' IAM calls go to one origin) for a run:
 * agents made before and after. Idle sockets beyond the calls in flight are not kept open by the size.
 */
export function sizeAwsPool(maxSockets: number): void {
  poolSockets = Math.max(1, Math.floor(maxSockets));
  for (const handler of pools.values())
    for (const agent of handler.agents) {
      agent.maxSockets = poolSockets;
      if (agent instanceof ProxyAgent) {
        agent.httpAgent.maxSockets = poolSockets;
        agent.httpsAgent.maxSockets = poolSockets;
      }
    }
}

/** The shared client configuration: `new IAMClient(awsClientConfig({ region, credentials }))`. */
export function awsClientConfig(
  opts: {
    region: string;
    credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity;
    timeouts?: Timeouts;
  } & AwsClientDeps,
): AwsClientConfig {
  const t = opts.timeouts ?? timeoutsFromEnv();
  return {
    region: opts.region,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    retryMode: 'adaptive',
    maxAttempts: t.awsMaxAttempts,
    ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy(t.awsMaxAttempts) } : {}),
    requestHandler: sharedRequestHandler(t),
  };
}
