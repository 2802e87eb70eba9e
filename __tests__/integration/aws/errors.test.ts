import { beforeAll, describe, expect, test } from '@jest/globals';
import { GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Config } from '../../../src/model.js';
import { awsClientConfig } from '../../../src/credentials/aws-config.js';
import {
  AccountMismatchError,
  ReportTimeoutError,
  StepError,
  atStep,
  awsErrorName,
  describeAwsError,
} from '../../../src/aws/errors.js';
import { MEMBER_ROLE_ACTIONS } from '../../../src/aws/operations.js';
import { DEFAULT_REPORT_LIMITS } from '../../../src/collect/credential-report.js';
import { accessDenied, setEndpointEnv, throttling, type AwsProxy } from '../../helpers/aws-proxy.js';
import { liveStack } from '../../helpers/live-env.js';
import {
  describeWithMoto,
  freePort,
  seedAccount,
  TEST_CREDENTIALS,
  TEST_REGION,
  type MotoServer,
} from '../../helpers/moto.js';
import { auditAccount } from '../../helpers/reports.js';

const ctx = { accountId: '111122223333', step: 'GetCredentialReport' };

/** Shaped like the SDK's service exceptions. */
function sdkError(name: string, message: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts: 1 },
    ...extra,
  });
}

describe('describeAwsError', () => {
  test.each([...MEMBER_ROLE_ACTIONS])('AccessDenied on %s names that action', (action) => {
    const step = action.slice('iam:'.length);
    const err = sdkError(
      'AccessDenied',
      `User: arn:aws:sts::111122223333:assumed-role/Audit/s is not authorized to perform: ${action} on resource: *`,
      403,
    );
    const d = describeAwsError(err, { ...ctx, step, roleArn: 'arn:aws:iam::111122223333:role/Audit' });
    expect(d.error).toBe(
      `${step} in account 111122223333 failed: AccessDenied: User: arn:aws:sts::111122223333:assumed-role/Audit/s is not authorized to perform: ${action} on resource: *`,
    );
    expect(d.hint).toContain(`Allow ${action} to the role arn:aws:iam::111122223333:role/Audit`);
  });

  test('says the error in a word and its step, for the accounts table', () => {
    const denied = sdkError('AccessDenied', 'User: x is not authorized to perform: sts:AssumeRole', 403);
    expect(describeAwsError(denied, { accountId: '111122223333', step: 'AssumeRole' })).toMatchObject({
      code: 'AccessDenied',
      step: 'AssumeRole',
    });
    // a StepError names the step it happened in; the whole-audit catch-all names none
    const wrapped = new StepError(
      'GetCredentialReport',
      sdkError('ThrottlingException', 'Rate exceeded', 400),
    );
    expect(describeAwsError(wrapped, { accountId: '111122223333', step: 'audit' })).toMatchObject({
      code: 'ThrottlingException',
      step: 'GetCredentialReport',
    });
    expect(
      describeAwsError(new ReportTimeoutError(300_000), { accountId: '1', step: 'audit' }),
    ).toMatchObject({
      code: 'ReportTimeoutError',
      step: null,
    });
  });

  test('AccessDeniedException without an action in the message: the step names it', () => {
    const d = describeAwsError(sdkError('AccessDeniedException', 'Access denied', 403), {
      ...ctx,
      step: 'ListAccessKeys',
    });
    expect(d.hint).toContain('Allow iam:ListAccessKeys to the credentials used for account 111122223333');
  });

  test('AccessDenied from sts:AssumeRole: the role must exist and trust the audit role', () => {
    const err = sdkError(
      'AccessDenied',
      'User: arn:aws:sts::999988887777:assumed-role/Oidc/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/Audit',
      403,
    );
    const d = describeAwsError(err, {
      ...ctx,
      step: 'AssumeRole',
      roleArn: 'arn:aws:iam::111122223333:role/Audit',
    });
    expect(d.error).toMatch(/^AssumeRole in account 111122223333 failed: AccessDenied: /);
    expect(d.hint).toContain('arn:aws:iam::111122223333:role/Audit exists in account 111122223333');
    expect(d.hint).toContain('trust policy');
  });

  test('throttling after retries, ExpiredToken, invalid credentials, server errors', () => {
    const t = describeAwsError(
      sdkError('Throttling', 'Rate exceeded', 400, { $metadata: { httpStatusCode: 400, attempts: 10 } }),
      ctx,
    );
    expect(t.error).toBe(
      'GetCredentialReport in account 111122223333 failed: AWS kept throttling the requests after 10 attempts (Throttling)',
    );
    expect(t.hint).toMatch(/concurrency/);
    expect(describeAwsError(sdkError('TooManyRequestsException', 'slow down', 429), ctx).hint).toMatch(
      /concurrency/,
    );
    expect(
      describeAwsError(
        sdkError('ExpiredToken', 'The security token included in the request is expired', 403),
        ctx,
      ).hint,
    ).toMatch(/expired/);
    expect(describeAwsError(sdkError('ExpiredTokenException', 'expired', 400), ctx).hint).toMatch(
      /role-duration-seconds/,
    );
    // ambient credentials (no role-to-assume): their lifetime is not role-duration-seconds
    const ambient = describeAwsError(sdkError('ExpiredToken', 'expired', 403), {
      ...ctx,
      ambient: true,
    }).hint;
    expect(ambient).toMatch(/ambient AWS credentials expired/);
    expect(ambient).not.toMatch(/role-duration-seconds/);
    expect(
      describeAwsError(
        sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
        ctx,
      ).hint,
    ).toMatch(/not accepted/);
    expect(describeAwsError(sdkError('ServiceFailure', 'internal', 500), ctx).hint).toMatch(/server error/);
  });

  test('report never completing, account mismatch, network errors, non-errors', () => {
    const timeout = describeAwsError(
      new StepError('GenerateCredentialReport', new ReportTimeoutError(300_000)),
      { ...ctx, step: 'audit' },
    );
    expect(timeout.error).toBe(
      'GenerateCredentialReport in account 111122223333 failed: credential report still generating after 300s',
    );
    expect(timeout.hint).toMatch(/Run the audit again later/);
    const mismatch = describeAwsError(new AccountMismatchError('111122223333', '444455556666'), ctx);
    expect(mismatch.error).toContain('the credential report is of account 444455556666, not 111122223333');
    const net = describeAwsError(
      Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), {
        code: 'ENOTFOUND',
        $metadata: { attempts: 10 },
      }),
      ctx,
    );
    expect(net.error).toBe(
      'GetCredentialReport in account 111122223333 failed: network error: ENOTFOUND: getaddrinfo ENOTFOUND iam.amazonaws.com',
    );
    expect(net.hint).toMatch(/HTTPS_PROXY/);
    expect(
      describeAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), ctx).hint,
    ).toMatch(/network/);
    expect(describeAwsError('boom', ctx)).toEqual({
      error: 'GetCredentialReport in account 111122223333 failed: Error: boom',
      hint: null,
      code: 'Error',
      step: 'GetCredentialReport',
    });
  });

  test('atStep tags the first failing step only; awsErrorName reads unmodelled codes', async () => {
    const err = await atStep('outer', () =>
      atStep('ListUserTags', () => Promise.reject(sdkError('AccessDenied', 'x', 403))),
    ).catch((e: unknown) => e);
    expect((err as StepError).step).toBe('ListUserTags');
    expect(awsErrorName(err)).toBe('AccessDenied');
    expect(awsErrorName(Object.assign(new Error('x'), { Code: 'ReportNotPresent' }))).toBe(
      'ReportNotPresent',
    );
  });
});

describeWithMoto('describeAwsError with real SDK errors (moto behind the fault proxy)', () => {
  const stack = liveStack();
  let moto: MotoServer;
  let proxy: AwsProxy;
  let creds: AwsCredentialIdentity;
  const accountId = '500000000001';

  beforeAll(async () => {
    moto = stack.moto;
    proxy = stack.aws;
    const seeded = await seedAccount(moto.endpoint, accountId, [{ name: 'alice', password: true, keys: 1 }]);
    creds = seeded.credentials;
    proxy.registerKey(creds.accessKeyId, accountId);
  });

  function config(): Config {
    return {
      roleToAssume: null,
      audience: 'sts.amazonaws.com',
      awsRegion: TEST_REGION,
      partition: 'aws',
      roleSessionName: 's',
      roleDurationSeconds: 3600,
      accounts: [],
      accountRoleName: null,
      organization: false,
      excludeAccounts: [],
      concurrency: 1,
      shard: null,
      rule: {
        scope: 'at-setup',
        setupWindowSeconds: 600,
        unusedDays: 90,
        exemptionTag: 'access-key-justification',
      },
      asOf: null,
      exemptUsers: [],
      credentialReports: [],
      iac: [],
      sarifFile: 's',
      jsonFile: 'j',
      summary: false,
      failOn: 'findings',
      createIssues: false,
      issueLabels: [],
      maxIssues: 20,
      githubToken: null,
      securityHub: false,
      securityHubRegion: TEST_REGION,
      category: null,
      remediation: { mode: 'off', roleName: null, afterDays: 14, reasons: ['never-used'], max: 10 },
    };
  }
  const deps = {
    sleep: async () => {},
    now: () => new Date(),
    log: { info: () => {}, warning: () => {} },
    reportLimits: DEFAULT_REPORT_LIMITS,
  };

  test.each([...MEMBER_ROLE_ACTIONS])(
    'AccessDenied on %s in an audit: the account error names it',
    async (action) => {
      const op = action.slice('iam:'.length);
      const fault = proxy.fault({ match: { action: op, account: accountId }, respond: accessDenied(action) });
      try {
        const r = await auditAccount({
          accountId,
          credentials: async () => creds,
          config: config(),
          deps,
          roleArn: `arn:aws:iam::${accountId}:role/Audit`,
        });
        expect(r.account.status).toBe('error');
        expect(r.account.error).toContain(`${op} in account ${accountId} failed: AccessDenied`);
        expect(r.account.hint).toContain(`Allow ${action} to the role arn:aws:iam::${accountId}:role/Audit`);
        expect(fault.hits).toBe(1);
      } finally {
        fault.remove();
      }
    },
  );

  test('AccessDenied from sts:AssumeRole (a role missing or not trusting the audit role)', async () => {
    const roleArn = 'arn:aws:iam::500000000002:role/Audit';
    const fault = proxy.fault({
      match: { action: 'AssumeRole', params: { RoleArn: roleArn } },
      respond: accessDenied('sts:AssumeRole', { resource: roleArn }),
    });
    const sts = new STSClient(awsClientConfig({ region: TEST_REGION, credentials: TEST_CREDENTIALS }));
    try {
      const err = await sts
        .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's' }))
        .catch((e: unknown) => e);
      const d = describeAwsError(err, { accountId: '500000000002', step: 'AssumeRole', roleArn });
      expect(d.error).toMatch(
        /^AssumeRole in account 500000000002 failed: AccessDenied: User: .* sts:AssumeRole on resource: arn:aws:iam::500000000002:role\/Audit/,
      );
      expect(d.hint).toContain('exists in account 500000000002');
      expect(d.hint).toContain('trust policy');
    } finally {
      fault.remove();
      sts.destroy();
    }
  });

  test('ExpiredToken, throttling beyond the retries, a truncated body, a refused connection', async () => {
    const iam = (maxAttempts?: number) =>
      new IAMClient({
        ...awsClientConfig({ region: TEST_REGION, credentials: creds }),
        ...(maxAttempts ? { maxAttempts } : {}),
      });
    const send = async (client: IAMClient) => {
      try {
        return await client.send(new GetCredentialReportCommand({})).catch((e: unknown) => e);
      } finally {
        client.destroy();
      }
    };
    const ectx = { accountId, step: 'GetCredentialReport' };

    let fault = proxy.fault({
      match: { action: 'GetCredentialReport' },
      respond: {
        error: {
          status: 403,
          code: 'ExpiredToken',
          message: 'The security token included in the request is expired',
        },
      },
    });
    const expired = describeAwsError(await send(iam()), ectx);
    fault.remove();
    expect(expired.error).toContain('ExpiredToken');
    expect(expired.hint).toMatch(/expired/);

    fault = proxy.fault({ match: { action: 'GetCredentialReport' }, respond: throttling() });
    const throttled = describeAwsError(await send(iam(2)), ectx);
    fault.remove();
    expect(throttled.error).toBe(
      `GetCredentialReport in account ${accountId} failed: AWS kept throttling the requests after 2 attempts (Throttling)`,
    );

    fault = proxy.fault({
      match: { action: 'GenerateCredentialReport' },
      times: 1,
      respond: { status: 200, body: '' },
    });
    fault.remove();
    fault = proxy.fault({ match: { action: 'GetCredentialReport' }, times: 1, respond: { truncateAt: 60 } });
    const truncated = await send(iam(1));
    fault.remove();
    const t = describeAwsError(truncated, ectx);
    expect(t.error).toMatch(/^GetCredentialReport in account 500000000001 failed: /);
    expect(t.error.length).toBeLessThan(600);
    expect(t.error).toContain('XML parse error');
    expect(t.hint).toMatch(/could not be read/);

    const port = await freePort();
    const restore = setEndpointEnv(`http://127.0.0.1:${port}`);
    try {
      const refused = describeAwsError(await send(iam(1)), ectx);
      expect(refused.error).toContain('network error: ECONNREFUSED');
      expect(refused.hint).toMatch(/HTTPS_PROXY/);
    } finally {
      restore();
    }
  });
});
