import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import {
  CHAINED_SESSION_MAX_SECONDS,
  memberRoleArn,
  REFRESH_MARGIN_MS,
  REFRESH_RETRY_MS,
  refreshingProvider,
  signIn,
  subjectForms,
} from '../../../src/credentials/session.js';
import { SignInError } from '../../../src/credentials/sign-in-error.js';
import { decodeClaims } from '../../../src/credentials/oidc.js';
import { errorMessage } from '../../../src/errors.js';
import { describeWithMoto, MOTO_DEFAULT_ACCOUNT, resetMoto } from '../../helpers/moto.js';
import {
  liveConfig,
  recordingDeps,
  setAwsEnv,
  type RecordingDeps,
  liveStack,
} from '../../helpers/live-env.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;

async function whoAmI(
  endpoint: string,
  credentials: AwsCredentialIdentityProvider,
): Promise<{ account: string; arn: string }> {
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials });
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { account: out.Account!, arn: out.Arn! };
  } finally {
    sts.destroy();
  }
}

function secretsOf(c: AwsCredentialIdentity): string[] {
  return [c.accessKeyId, c.secretAccessKey, c.sessionToken!];
}

describeWithMoto('sign-in against moto', () => {
  const stack = liveStack({ oidc: true, pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  let deps: RecordingDeps;
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    restoreEnv = setAwsEnv(stack.aws.endpoint, { oidc: stack.oidc });
    deps = recordingDeps();
  });
  afterEach(() => restoreEnv());

  it('assumes role-to-assume with the OIDC token and masks every returned secret', async () => {
    const requests = stack.oidc.requests;
    const config = liveConfig({ 'role-to-assume': ROLE, 'role-duration-seconds': '900' });
    const session = await signIn(config, deps);

    expect(session.callerAccountId).toBe(AUDIT_ACCOUNT);
    expect(session.callerArn).toBe(
      `arn:aws:sts::${AUDIT_ACCOUNT}:assumed-role/gha-iam-audit/iam-initial-access-key-audit`,
    );
    expect(stack.oidc.requests - requests).toBe(1);
    expect(stack.oidc.audiences.at(-1)).toBe('sts.amazonaws.com');

    const creds = await session.baseCredentials();
    for (const secret of [...secretsOf(creds), stack.oidc.issued.at(-1)!])
      expect(deps.secrets).toContain(secret);
    // Masked before anything was logged, and never logged.
    const everything = deps.lines.join('\n');
    for (const secret of deps.secrets) expect(everything).not.toContain(secret);
    // DurationSeconds = role-duration-seconds
    const lifetime = creds.expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(880_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);
    // no accounts/organization: every account is audited with the signed-in session
    expect(session.credentialsFor(AUDIT_ACCOUNT)).toBe(session.baseCredentials);
    expect(session.roleArnFor(AUDIT_ACCOUNT)).toBeNull();
  });

  it('re-fetches the OIDC token and re-assumes shortly before the session expires', async () => {
    const config = liveConfig({ 'role-to-assume': ROLE, 'role-duration-seconds': '3600' });
    const session = await signIn(config, deps);
    const first = await session.baseCredentials();
    const expiresAt = first.expiration!.getTime();
    const requests = stack.oidc.requests;

    deps.setNow(new Date(expiresAt - REFRESH_MARGIN_MS - 60_000));
    expect(await session.baseCredentials()).toBe(first);
    expect(stack.oidc.requests).toBe(requests);

    deps.setNow(new Date(expiresAt - REFRESH_MARGIN_MS + 60_000));
    const concurrent = await Promise.all([1, 2, 3, 4].map(() => session.baseCredentials()));
    expect(stack.oidc.requests).toBe(requests + 1); // one refresh shared by concurrent callers
    const second = concurrent[0]!;
    expect(concurrent.every((c) => c === second)).toBe(true);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    for (const secret of secretsOf(second)) expect(deps.secrets).toContain(secret);
    expect((await whoAmI(stack.moto.endpoint, session.baseCredentials)).account).toBe(AUDIT_ACCOUNT);
    expect(deps.lines.some((l) => l.includes('Refreshed the OIDC session'))).toBe(true);
  });

  it('without the ID-token request env says to add id-token: write', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const err = await signIn(liveConfig({ 'role-to-assume': ROLE }), deps).catch((e: unknown) => e);
    expect((err as Error).message).toContain('permissions: id-token: write');
  });

  it('chains AssumeRole into member accounts (role path, 1 h cap, refresh, masking)', async () => {
    const config = liveConfig({
      'role-to-assume': ROLE,
      'role-duration-seconds': '7200',
      accounts: `222222222222 333333333333 ${AUDIT_ACCOUNT}`,
      'account-role-name': 'audit/IamAudit',
    });
    const session = await signIn(config, deps);
    expect(session.roleArnFor('222222222222')).toBe('arn:aws:iam::222222222222:role/audit/IamAudit');
    // the signed-in account is audited with the signed-in role itself
    expect(session.roleArnFor(AUDIT_ACCOUNT)).toBeNull();
    expect(session.credentialsFor(AUDIT_ACCOUNT)).toBe(session.baseCredentials);

    const base = await session.baseCredentials();
    expect(base.expiration!.getTime() - Date.now()).toBeGreaterThan(7000_000);

    const provider = session.credentialsFor('222222222222');
    expect(session.credentialsFor('222222222222')).toBe(provider);
    const creds = await provider();
    for (const secret of secretsOf(creds)) expect(deps.secrets).toContain(secret);
    const lifetime = creds.expiration!.getTime() - Date.now();
    expect(lifetime).toBeLessThanOrEqual(CHAINED_SESSION_MAX_SECONDS * 1000);
    expect(lifetime).toBeGreaterThan(CHAINED_SESSION_MAX_SECONDS * 1000 - 30_000);

    const me = await whoAmI(stack.moto.endpoint, provider);
    expect(me.account).toBe('222222222222');
    expect(me.arn).toBe('arn:aws:sts::222222222222:assumed-role/IamAudit/iam-initial-access-key-audit');
    expect((await whoAmI(stack.moto.endpoint, session.credentialsFor('333333333333'))).account).toBe(
      '333333333333',
    );

    // re-assumed before the chained session expires; the OIDC session (2 h) is still good
    const oidcRequests = stack.oidc.requests;
    deps.setNow(new Date(creds.expiration!.getTime() - REFRESH_MARGIN_MS + 1000));
    const renewed = await provider();
    expect(renewed.accessKeyId).not.toBe(creds.accessKeyId);
    expect(deps.secrets).toContain(renewed.secretAccessKey);
    expect(stack.oidc.requests).toBe(oidcRequests);
  });

  it('ExpiredToken of the audit session while chaining: signs in again once and goes on', async () => {
    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: '222222222222 333333333333 444444444444',
      'account-role-name': 'IamAudit',
    });
    const session = await signIn(config, deps);
    const oidcRequests = stack.oidc.requests;
    const expired = {
      error: {
        status: 403,
        code: 'ExpiredToken',
        message: 'The security token included in the request is expired',
      },
    };
    // every account's first AssumeRole finds the audit session expired (e.g. revoked): one sign-in
    const fault = stack.aws.fault({ match: { action: 'AssumeRole' }, times: 3, respond: expired });
    try {
      const ids = ['222222222222', '333333333333', '444444444444'];
      const who = await Promise.all(ids.map((id) => whoAmI(stack.moto.endpoint, session.credentialsFor(id))));
      expect(who.map((w) => w.account)).toEqual(ids);
      expect(stack.oidc.requests - oidcRequests).toBe(1); // signed in again once, not per account
      expect(deps.lines.filter((l) => l.includes('signing in again')).length).toBe(1);
    } finally {
      fault.remove();
    }
    // a session that stays expired after signing in again fails that account (once, not in a loop)
    const stays = stack.aws.fault({ match: { action: 'AssumeRole' }, respond: expired });
    try {
      const again = await signIn({ ...config, accounts: ['555555555555'] }, deps);
      const err = await again
        .credentialsFor('555555555555')()
        .catch((e: unknown) => e);
      expect((err as Error).name).toMatch(/ExpiredToken/);
      expect(stack.aws.count('AssumeRole', AUDIT_ACCOUNT)).toBeGreaterThanOrEqual(2);
    } finally {
      stays.remove();
    }
  });

  it('builds member role ARNs in the configured partition', async () => {
    expect(memberRoleArn('aws-us-gov', '222222222222', '/audit/IamAudit/')).toBe(
      'arn:aws-us-gov:iam::222222222222:role/audit/IamAudit',
    );
    expect(memberRoleArn('aws-cn', '222222222222', 'IamAudit')).toBe(
      'arn:aws-cn:iam::222222222222:role/IamAudit',
    );
    const config = liveConfig(
      { accounts: '222222222222', 'account-role-name': 'IamAudit' },
      { partition: 'aws-cn' },
    );
    const session = await signIn(config, deps);
    expect(session.roleArnFor('222222222222')).toBe('arn:aws-cn:iam::222222222222:role/IamAudit');
  });

  it('uses the default credential chain without role-to-assume', async () => {
    const requests = stack.oidc.requests;
    const session = await signIn(liveConfig({}), deps);
    expect(session.callerAccountId).toBe(MOTO_DEFAULT_ACCOUNT);
    expect(stack.oidc.requests).toBe(requests);
    expect((await session.baseCredentials()).accessKeyId).toBe('testing');
    expect(session.credentialsFor(MOTO_DEFAULT_ACCOUNT)).toBe(session.baseCredentials);

    const chained = await signIn(
      liveConfig({ accounts: '444444444444', 'account-role-name': 'IamAudit' }),
      deps,
    );
    expect((await whoAmI(stack.moto.endpoint, chained.credentialsFor('444444444444'))).account).toBe(
      '444444444444',
    );
  });

  it('fails sign-in with a hint when the default chain finds no credentials', async () => {
    restoreEnv();
    restoreEnv = setAwsEnv(stack.aws.endpoint, { credentials: false });
    const err = await signIn(liveConfig({}), deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    // the hint is a field, shown on its own line after the message
    expect(err).toMatchObject({ code: 'CredentialsProviderError', step: 'GetCallerIdentity' });
    expect((err as SignInError).message).toMatch(/^Could not sign in to AWS: [^\n]*$/);
    expect((err as SignInError).hint).toContain('role-to-assume');
    expect(errorMessage(err)).toBe(`${(err as SignInError).message}\n${(err as SignInError).hint}`);
  });
  it('an HTTP 500 with an empty body names the status, not "configure credentials"', async () => {
    restoreEnv();
    restoreEnv = setAwsEnv(stack.aws.endpoint, { extra: { IAM_AUDIT_AWS_MAX_ATTEMPTS: '1' } });
    stack.aws.fault({ match: { action: 'GetCallerIdentity' }, respond: { status: 500, body: '' } });
    const err = await signIn(liveConfig({}), deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    const message = errorMessage(err);
    expect(message).toContain(
      `Could not sign in to AWS: the STS endpoint ${stack.aws.endpoint} answered HTTP 500 with an empty or unreadable body`,
    );
    expect(message).toContain('not one of credentials');
    expect(message).not.toMatch(/configure them|configure-aws-credentials/);
  });

  it('ECONNREFUSED names the endpoint, not "configure credentials"', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    restoreEnv();
    const endpoint = `http://127.0.0.1:${port}`;
    restoreEnv = setAwsEnv(endpoint, { extra: { IAM_AUDIT_AWS_MAX_ATTEMPTS: '1' } });
    const err = await signIn(liveConfig({}), deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    const message = errorMessage(err);
    expect(message).toContain(`the STS endpoint ${endpoint} could not be reached (ECONNREFUSED)`);
    expect(message).toContain('network problem');
    expect(message).not.toMatch(/configure them/);
  });

  it('ExpiredToken of the ambient credentials says to refresh them, not to raise role-duration-seconds', async () => {
    stack.aws.fault({
      match: { action: 'GetCallerIdentity' },
      respond: {
        error: {
          status: 403,
          code: 'ExpiredToken',
          message: 'The security token included in the request is expired',
        },
      },
    });
    const err = await signIn(liveConfig({}), deps).catch((e: unknown) => e);
    const message = errorMessage(err);
    expect(message).toMatch(/^Could not sign in to AWS: ExpiredToken: /);
    expect(message).toContain('The ambient AWS credentials have expired');
    expect(message).not.toContain('role-duration-seconds');
  });

  it('on AccessDenied from STS shows the claims to trust and the role, never the token', async () => {
    const denied = stack.aws.fault({
      match: { action: 'AssumeRoleWithWebIdentity' },
      respond: {
        error: {
          status: 403,
          code: 'AccessDenied',
          message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        },
      },
    });
    const err = await signIn(liveConfig({ 'role-to-assume': ROLE }), deps).catch((e: unknown) => e);
    expect(denied.hits).toBe(1);
    expect(err).toBeInstanceOf(SignInError);
    const message = errorMessage(err);
    expect(message).toContain(`AssumeRoleWithWebIdentity of role-to-assume ${ROLE} failed: AccessDenied`);
    expect(message).toContain(
      `arn:aws:iam::${AUDIT_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
    );
    expect(message).toContain('"token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"');
    expect(message).toContain('sub: repo:octo-org/octo-repo:ref:refs/heads/main');
    expect(message).toContain('aud: sts.amazonaws.com');
    expect(message).toContain('"repo:octo-org@987654/octo-repo@123456789:ref:refs/heads/main"');
    expect(message).toContain('repo:OWNER@ID/REPO@ID:...');
    const token = stack.oidc.issued.at(-1)!;
    for (const part of token.split('.').filter((p) => p.length > 8)) expect(message).not.toContain(part);
    expect(deps.lines.join('\n')).not.toContain(token);
    expect(deps.secrets).toContain(token);
  });

  it('sends RoleSessionName and DurationSeconds as configured (1 h cap on chained sessions)', async () => {
    const config = liveConfig({
      'role-to-assume': ROLE,
      'role-session-name': 'nightly-audit',
      'role-duration-seconds': '7200',
      accounts: '222222222222',
      'account-role-name': 'audit/IamAudit',
    });
    const session = await signIn(config, deps);
    await session.credentialsFor('222222222222')();
    const web = stack.aws.calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity');
    expect(web).toHaveLength(1);
    expect(web[0]!.params).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'nightly-audit',
      DurationSeconds: '7200',
    });
    expect(web[0]!.accessKeyId).toBe(''); // unsigned
    const chained = stack.aws.calls.filter((c) => c.action === 'AssumeRole');
    expect(chained).toHaveLength(1);
    expect(chained[0]!.params).toMatchObject({
      RoleArn: 'arn:aws:iam::222222222222:role/audit/IamAudit',
      RoleSessionName: 'nightly-audit',
      DurationSeconds: '3600',
    });
    expect(chained[0]!.account).toBe(AUDIT_ACCOUNT); // signed with the OIDC session
  });

  it('sends AWS calls through HTTP_PROXY, except for NO_PROXY hosts', async () => {
    const forward = await startForwardProxy();
    try {
      restoreEnv();
      restoreEnv = setAwsEnv(stack.aws.endpoint, { oidc: stack.oidc, extra: { HTTP_PROXY: forward.url } });
      const session = await signIn(liveConfig({ 'role-to-assume': ROLE }), deps);
      expect(session.callerAccountId).toBe(AUDIT_ACCOUNT);
      expect(forward.requests).toBeGreaterThanOrEqual(2); // AssumeRoleWithWebIdentity, GetCallerIdentity
      expect(forward.targets.every((t) => t.startsWith(`${stack.aws.endpoint}/`))).toBe(true);

      restoreEnv();
      restoreEnv = setAwsEnv(stack.aws.endpoint, {
        oidc: stack.oidc,
        extra: { HTTP_PROXY: forward.url, NO_PROXY: '127.0.0.1' },
      });
      const before = forward.requests;
      await signIn(liveConfig({ 'role-to-assume': ROLE }), deps);
      expect(forward.requests).toBe(before);
    } finally {
      await forward.stop();
    }
  });
});

/** A minimal forward proxy (absolute-URI HTTP requests and CONNECT) on 127.0.0.1 that counts requests. */
async function startForwardProxy(): Promise<{
  url: string;
  requests: number;
  targets: string[];
  stop(): Promise<void>;
}> {
  const targets: string[] = [];
  const server = http.createServer((req, res) => {
    targets.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    targets.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return targets.length;
    },
    targets,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

it('derives the classic and immutable sub forms from the claims', () => {
  const claims = {
    ...decodeClaims(''),
    sub: 'repo:octo-org/octo-repo:environment:prod',
    repository: 'octo-org/octo-repo',
    repository_id: '123',
    repository_owner_id: '456',
  };
  expect(subjectForms(claims)).toEqual([
    'repo:octo-org/octo-repo:environment:prod',
    'repo:octo-org@456/octo-repo@123:environment:prod',
  ]);
  expect(subjectForms({ ...claims, sub: 'repo:octo-org@456/octo-repo@123:ref:refs/heads/main' })).toEqual([
    'repo:octo-org@456/octo-repo@123:ref:refs/heads/main',
    'repo:octo-org/octo-repo:ref:refs/heads/main',
  ]);
});

it('keeps valid credentials when a refresh fails, retrying at most every REFRESH_RETRY_MS', async () => {
  let now = 0;
  let calls = 0;
  let fail = false;
  const warnings: string[] = [];
  const provider = refreshingProvider(
    async () => {
      calls++;
      if (fail) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      return { identity: { accessKeyId: `K${calls}`, secretAccessKey: 's' }, expiresAt: now + 3600_000 };
    },
    { now: () => new Date(now), log: { info: () => undefined, warning: (m) => warnings.push(m) } },
    'the test session',
  );
  expect((await provider()).accessKeyId).toBe('K1');
  fail = true;
  now = 3600_000 - REFRESH_MARGIN_MS + 1;
  expect((await provider()).accessKeyId).toBe('K1');
  expect(warnings).toEqual([
    'Could not refresh the test session (Throttling: Rate exceeded); using the current session until it expires.',
  ]);
  expect((await provider()).accessKeyId).toBe('K1');
  expect(calls).toBe(2); // no retry within REFRESH_RETRY_MS
  now += REFRESH_RETRY_MS;
  fail = false;
  expect((await provider()).accessKeyId).toBe('K3');
  fail = true;
  now = 2 * 3600_000; // K3 expired too: the error surfaces
  await expect(provider()).rejects.toThrow('Rate exceeded');
});
