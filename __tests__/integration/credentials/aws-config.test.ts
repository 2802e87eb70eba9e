import { afterEach, beforeAll, expect, jest, test } from '@jest/globals';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { ProxyAgent } from 'proxy-agent';
import {
  awsAgents,
  awsClientConfig,
  proxyConfigured,
  sizeAwsPool,
} from '../../../src/credentials/aws-config.js';
import { setEndpointEnv, type AwsProxy } from '../../helpers/aws-proxy.js';
import { liveStack } from '../../helpers/live-env.js';
import { describeWithMoto, TEST_CREDENTIALS, TEST_REGION, type MotoServer } from '../../helpers/moto.js';
import { DEFAULT_TIMEOUTS } from '../../../src/timeouts.js';

const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
];

function withEnv(vars: Record<string, string>): () => void {
  const saved = new Map(PROXY_VARS.map((k) => [k, process.env[k]]));
  for (const k of PROXY_VARS) delete process.env[k];
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

test('adaptive retries with raised attempts; credentials only when given', async () => {
  const restore = withEnv({});
  try {
    const c = awsClientConfig({ region: 'eu-west-1', credentials: TEST_CREDENTIALS });
    expect(c).toMatchObject({
      region: 'eu-west-1',
      retryMode: 'adaptive',
      maxAttempts: DEFAULT_TIMEOUTS.awsMaxAttempts,
    });
    expect(c.credentials).toBe(TEST_CREDENTIALS);
    expect(DEFAULT_TIMEOUTS.awsMaxAttempts).toBeGreaterThanOrEqual(5);
    expect('credentials' in awsClientConfig({ region: 'us-east-1' })).toBe(false);
    c.requestHandler.destroy();
  } finally {
    restore();
  }
});

test('plain agents without proxy variables; a ProxyAgent with one', () => {
  expect(proxyConfigured({})).toBe(false);
  expect(proxyConfigured({ HTTPS_PROXY: ' ' })).toBe(false);
  expect(proxyConfigured({ https_proxy: 'http://proxy:3128' })).toBe(true);
  const plain = awsAgents({});
  expect(plain.proxied).toBe(false);
  expect(plain.httpsAgent).not.toBeInstanceOf(ProxyAgent);
  const proxied = awsAgents({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '169.254.169.254' });
  expect(proxied.proxied).toBe(true);
  expect(proxied.httpsAgent).toBeInstanceOf(ProxyAgent);
  expect(proxied.httpAgent).toBe(proxied.httpsAgent);
  for (const a of [plain, proxied]) {
    a.httpAgent.destroy();
    a.httpsAgent.destroy();
  }
});

test('every client of a run sends through one keep-alive pool, which a client destroy() leaves open', async () => {
  const restore = withEnv({});
  try {
    const a = awsClientConfig({ region: 'us-east-1', credentials: TEST_CREDENTIALS });
    const b = awsClientConfig({ region: 'eu-west-1' });
    expect(b.requestHandler).toBe(a.requestHandler);
    type Agent = import('node:http').Agent;
    const cfg = (await (a.requestHandler as unknown as { configProvider: Promise<unknown> })
      .configProvider) as {
      httpAgentProvider(): Promise<Agent>;
      httpsAgent: Agent;
    };
    const httpAgent = await cfg.httpAgentProvider();
    const closed = jest.spyOn(cfg.httpsAgent, 'destroy');
    new IAMClient(a).destroy(); // one account's client finished: the others keep their connections
    expect(closed).not.toHaveBeenCalled();
    closed.mockRestore();
    expect((httpAgent as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect((cfg.httpsAgent as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    // Sized for the run: the report starts plus `concurrency` accounts' enrichment, on the agents in use.
    sizeAwsPool(32 + 16 * 16 * 2);
    expect(cfg.httpsAgent.maxSockets).toBe(544);
    expect(httpAgent.maxSockets).toBe(544);
  } finally {
    restore();
  }
});

test('behind a proxy, each client keeps its own agents, as before the shared pool', () => {
  const restore = withEnv({ HTTPS_PROXY: 'http://proxy:3128' });
  try {
    const a = awsClientConfig({ region: 'us-east-1' });
    const b = awsClientConfig({ region: 'us-east-1' });
    expect(b.requestHandler).not.toBe(a.requestHandler);
    a.requestHandler.destroy();
    b.requestHandler.destroy();
  } finally {
    restore();
  }
});

describeWithMoto(
  'awsClientConfig against moto: endpoints from AWS_ENDPOINT_URL, HTTP_PROXY / NO_PROXY honoured',
  () => {
    // The test proxy accepts absolute-form requests: here it plays the corporate forward proxy.
    const stack = liveStack({ pointSdk: false });
    let moto: MotoServer;
    let forward: AwsProxy;
    let restoreEnv: (() => void) | null = null;

    beforeAll(() => {
      moto = stack.moto;
      forward = stack.aws;
    });

    afterEach(() => {
      restoreEnv?.();
      restoreEnv = null;
      forward.resetCalls();
    });

    async function aliases(): Promise<void> {
      const iam = new IAMClient(awsClientConfig({ region: TEST_REGION, credentials: TEST_CREDENTIALS }));
      try {
        await iam.send(new ListAccountAliasesCommand({}));
      } finally {
        iam.destroy();
      }
    }

    test('HTTP_PROXY set: the calls go through the proxy', async () => {
      const restoreProxy = withEnv({ HTTP_PROXY: forward.endpoint });
      const restoreEndpoint = setEndpointEnv(moto.endpoint);
      restoreEnv = () => {
        restoreEndpoint();
        restoreProxy();
      };
      await aliases();
      expect(forward.counts()).toEqual({ ListAccountAliases: 1 });
    });

    test('NO_PROXY naming the endpoint host: the calls go direct', async () => {
      const restoreProxy = withEnv({ HTTP_PROXY: forward.endpoint, NO_PROXY: '127.0.0.1' });
      const restoreEndpoint = setEndpointEnv(moto.endpoint);
      restoreEnv = () => {
        restoreEndpoint();
        restoreProxy();
      };
      await aliases();
      expect(forward.counts()).toEqual({});
    });

    test('no proxy variable: direct, to the endpoint AWS_ENDPOINT_URL names', async () => {
      const restoreProxy = withEnv({});
      const restoreEndpoint = setEndpointEnv(forward.endpoint);
      restoreEnv = () => {
        restoreEndpoint();
        restoreProxy();
      };
      await aliases();
      expect(forward.counts()).toEqual({ ListAccountAliases: 1 });
    });
  },
);

test('every AWS request has a connection and a request timeout that throws (not only warns)', () => {
  const restore = withEnv({});
  try {
    const c = awsClientConfig({
      region: 'us-east-1',
      timeouts: { awsConnectMs: 1234, awsRequestMs: 5678, githubRequestMs: 1, runMs: 1, awsMaxAttempts: 3 },
    });
    const handler = c.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
    return handler.configProvider.then((cfg) => {
      expect(cfg).toMatchObject({
        connectionTimeout: 1234,
        requestTimeout: 5678,
        throwOnRequestTimeout: true,
        socketTimeout: 5678,
      });
      expect(c.maxAttempts).toBe(3);
      c.requestHandler.destroy();
    });
  } finally {
    restore();
  }
});
