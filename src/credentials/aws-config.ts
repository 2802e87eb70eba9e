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
 * - Connections: without a proxy, every client of the process (of a run: the STS clients, each account's
 *   IAM client, Organizations, Security Hub) sends through ONE request handler and its keep-alive agents,
 *   so a connection opened for one account serves the next (on AWS, each new one is a TLS handshake). A
 *   client's `destroy()` leaves that pool open (other accounts are using it); idle pooled sockets are
 *   unreferenced by Node's agent and never keep the process alive. The pool is sized for the run by
 *   `sizeAwsPool` (the live audit: the report starts plus `concurrency` accounts' enrichment fan-out).
 *   Behind a proxy, each client has its own agents, as before.
 */
import http from 'node:http';
import https from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ProxyAgent } from 'proxy-agent';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import { timeoutsFromEnv, type Timeouts } from '../timeouts.js';

/**
 * Sockets per origin of the shared pool until the run sizes it (`sizeAwsPool`): the default
 * `concurrency` (8) accounts' enrichment (16 flagged users, two calls each) and 32 report starts.
 */
const DEFAULT_POOL_SOCKETS = 32 + 8 * 16 * 2;
let poolSockets = DEFAULT_POOL_SOCKETS;

/** Sockets per agent of a client's own agents (behind a proxy, as before the shared pool). */
const CLIENT_SOCKETS = 50;

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
export function awsAgents(
  env: NodeJS.ProcessEnv = process.env,
  maxSockets: number = CLIENT_SOCKETS,
): {
  httpAgent: http.Agent;
  httpsAgent: http.Agent;
  proxied: boolean;
} {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  if (!proxyConfigured(env)) return { httpAgent, httpsAgent, proxied: false };
  const agent = new ProxyAgent({ httpAgent, httpsAgent, keepAlive: true, maxSockets });
  return { httpAgent: agent, httpsAgent: agent, proxied: true };
}

/** The request handler over `agents`, with the run's timeouts. */
function requestHandler(
  t: Timeouts,
  agents: { httpAgent: http.Agent; httpsAgent: http.Agent },
): NodeHttpHandler {
  return new NodeHttpHandler({
    httpAgent: agents.httpAgent,
    httpsAgent: agents.httpsAgent,
    // A request that outlives requestTimeout must fail (and be retried), not only log a warning:
    // without throwOnRequestTimeout, @smithy/node-http-handler 4.x just warns and waits for ever.
    connectionTimeout: t.awsConnectMs,
    requestTimeout: t.awsRequestMs,
    throwOnRequestTimeout: true,
    socketTimeout: t.awsRequestMs,
  });
}

/** A shared request handler and the agents it holds. */
interface Pool {
  handler: NodeHttpHandler;
  agents: http.Agent[];
}

/** One pool per timeouts: in a run, exactly one. */
const pools = new Map<string, Pool>();

/** The process's shared request handler for these timeouts: one keep-alive pool of direct connections. */
function sharedRequestHandler(t: Timeouts): NodeHttpHandler {
  const key = `${t.awsConnectMs}/${t.awsRequestMs}`;
  let pool = pools.get(key);
  if (!pool) {
    const agents = awsAgents({}, poolSockets);
    const handler = requestHandler(t, agents);
    // A client's destroy() (each account's, when it is done) must not close the connections the run's
    // other clients are using.
    handler.destroy = () => undefined;
    pool = { handler, agents: [agents.httpAgent, agents.httpsAgent] };
    pools.set(key, pool);
  }
  return pool.handler;
}

/**
 * Sizes the shared pool (sockets per origin: all accounts' IAM calls go to one origin) for a run:
 * agents made before and after. Idle sockets beyond the calls in flight are not kept open by the size.
 */
export function sizeAwsPool(maxSockets: number): void {
  poolSockets = Math.max(1, Math.floor(maxSockets));
  for (const pool of pools.values()) for (const agent of pool.agents) agent.maxSockets = poolSockets;
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
    // Behind a proxy, each client keeps its own agents, exactly as before the shared pool: a ProxyAgent
    // that reuses a kept-alive socket skips the proxy's own request rewriting (a plain-HTTP endpoint would
    // then get an origin-form request at the proxy), and the proxy decides per request anyway.
    requestHandler: proxyConfigured() ? requestHandler(t, awsAgents()) : sharedRequestHandler(t),
  };
}
