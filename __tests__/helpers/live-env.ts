/**
 * Shared set-up for the live sign-in / accounts / run-live suites: a Config from raw inputs, an AWS
 * environment pointing the SDK at moto (loopback only; no IMDS, no shared files, no proxy), and
 * recording deps (setSecret calls, log lines, an adjustable clock).
 */
import type { Config } from '../../src/model.js';
import { parseConfig, type RawInputs } from '../../src/inputs/config.js';
import { afterAll, beforeAll } from '@jest/globals';
import { startAwsProxy, type AwsProxy } from './aws-proxy.js';
import { startMoto, type MotoServer } from './moto.js';
import { startOidcServer, type OidcServer } from './oidc-server.js';

export function liveConfig(raw: RawInputs, overrides: Partial<Config> = {}): Config {
  return { ...parseConfig(raw, { expandGlob: () => [] }), ...overrides };
}

const AWS_ENV_NAMES = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
];

/**
 * Points the SDK at `endpoint` with moto's `testing` credentials (unless `credentials: false`), and the
 * ID-token request variables at `oidc` when given. Returns a function restoring the previous values.
 */
export function setAwsEnv(
  endpoint: string,
  opts: { oidc?: OidcServer; credentials?: boolean; extra?: Record<string, string> } = {},
): () => void {
  const saved = new Map(AWS_ENV_NAMES.map((name) => [name, process.env[name]]));
  for (const name of AWS_ENV_NAMES) delete process.env[name];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    ...(opts.credentials === false ? {} : { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' }),
    ...(opts.oidc ? opts.oidc.env : {}),
    ...opts.extra,
  });
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export interface RecordingDeps {
  getIDToken(audience: string): Promise<string>;
  setSecret(secret: string): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
  log: { info(message: string): void; warning(message: string): void; debug(message: string): void };
  secrets: string[];
  lines: string[];
  /** Moves the injected clock; `null` follows the real one again. */
  setNow(date: Date | null): void;
}

/**
 * Deps recording what the code under test masks and logs. `getIDToken` calls the ID-token endpoint
 * the way `core.getIDToken` does (`&audience=`, bearer), without core's stdout commands.
 */
export function recordingDeps(): RecordingDeps {
  const secrets: string[] = [];
  const lines: string[] = [];
  let fixed: Date | null = null;
  return {
    async getIDToken(audience: string): Promise<string> {
      const url = `${process.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`;
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
      });
      if (!res.ok) throw new Error(`Failed to get ID Token. Error Code : ${res.status}`);
      const body = (await res.json()) as { value?: string };
      if (!body.value) throw new Error('Response json body do not have ID Token field');
      return body.value;
    },
    setSecret: (secret: string) => {
      secrets.push(secret);
    },
    now: () => fixed ?? new Date(),
    sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
    log: {
      info: (message: string) => {
        lines.push(`info: ${message}`);
      },
      warning: (message: string) => {
        lines.push(`warning: ${message}`);
      },
      debug: (message: string) => {
        lines.push(`debug: ${message}`);
      },
    },
    secrets,
    lines,
    setNow(date: Date | null) {
      fixed = date;
    },
  };
}

/** What `liveStack` starts for a describe block; the fields are set once its beforeAll has run. */
export interface LiveStack {
  moto: MotoServer;
  aws: AwsProxy;
  oidc: OidcServer;
}

/**
 * Registers the describe block's beforeAll/afterAll: moto on a free loopback port, the call-counting,
 * fault-injecting proxy in front of it, and (`oidc: true`) the Actions ID-token server. With
 * `pointSdk` (the default) the SDK is pointed at the proxy for the whole block; suites that set their
 * environment per test (`setAwsEnv`) pass `pointSdk: false`. Each server is stopped by its own handle.
 */
export function liveStack(opts: { oidc?: boolean; pointSdk?: boolean } = {}): LiveStack {
  const stack = {} as LiveStack;
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    const [moto, oidc] = await Promise.all([startMoto(), opts.oidc ? startOidcServer() : undefined]);
    stack.moto = moto;
    if (oidc) stack.oidc = oidc;
    stack.aws = await startAwsProxy(moto.endpoint);
    if (opts.pointSdk ?? true) restore = stack.aws.useAsEndpoint();
  });
  afterAll(async () => {
    restore?.();
    await stack.aws?.stop();
    await Promise.all([stack.moto?.stop(), stack.oidc?.stop()]);
  });
  return stack;
}
