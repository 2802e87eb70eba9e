import { expect, test } from '@jest/globals';
import { IAMClient } from '@aws-sdk/client-iam';
import { awsClientConfig } from '../../../src/credentials/aws-config.js';
import { fetchCredentialReport } from '../../../src/collect/credential-report.js';
import { StepError, describeAwsError } from '../../../src/aws/errors.js';
import {
  accessDenied,
  reportCapacityExceeded,
  reportInProgress,
  reportStarted,
  throttling,
} from '../../helpers/aws-proxy.js';
import { describeWithMoto, seedAccount, TEST_REGION } from '../../helpers/moto.js';
import { liveStack } from '../../helpers/live-env.js';

/** A fake clock that advances only by the injected sleeps: no real waiting. */
function fakeTime(start = Date.parse('2026-01-01T00:00:00Z')) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    deps: {
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      now: () => new Date(now),
      // the middle of the poll's jitter: the schedule's own steps
      random: () => 0.5,
    },
  };
}

/** The poll's sleeps (jitter at its middle) for a report that never completes within 60 s. */
const SIXTY_SECONDS_OF_POLLS = [
  1000,
  1000,
  2000,
  2000,
  3000,
  3000,
  4000,
  4000,
  ...Array<number>(8).fill(5000),
];

let nextAccount = 200000000001;
const newAccount = (): string => String(nextAccount++);

describeWithMoto('fetchCredentialReport against moto', () => {
  const stack = liveStack();

  /** A seeded account whose calls the stack.aws attributes to it, and an IAM client for it. */
  async function account(opts: { generated?: boolean; sdkRetries?: boolean } = {}) {
    const accountId = newAccount();
    const seeded = await seedAccount(stack.moto.endpoint, accountId, [
      { name: 'alice', password: true, keys: 1 },
      { name: 'svc', keys: 1 },
    ]);
    stack.aws.registerKey(seeded.credentials.accessKeyId, accountId);
    const iam = new IAMClient({
      ...awsClientConfig({ region: TEST_REGION, credentials: seeded.credentials }),
      // the SDK retries LimitExceededException as throttling (with real sleeps): off, to see our wait
      ...(opts.sdkRetries === false ? { maxAttempts: 1 } : {}),
    });
    if (opts.generated) {
      // Generate once directly at moto, so the next GenerateCredentialReport answers COMPLETE.
      const direct = new IAMClient({
        region: TEST_REGION,
        endpoint: stack.moto.endpoint,
        credentials: seeded.credentials,
      });
      const { GenerateCredentialReportCommand } = await import('@aws-sdk/client-iam');
      await direct.send(new GenerateCredentialReportCommand({}));
      direct.destroy();
    }
    return { accountId, iam };
  }

  test('first report in an account: STARTED, one poll, then the parsed report and moto’s 2015 GeneratedTime', async () => {
    const { accountId, iam } = await account();
    const t = fakeTime();
    try {
      const { report, generatedAt } = await fetchCredentialReport(iam, t.deps);
      expect(generatedAt.toISOString()).toBe('2015-02-02T20:02:02.000Z');
      expect(report.accountId).toBe(accountId);
      expect(report.users.map((u) => u.user).sort()).toEqual(['alice', 'svc']);
      const alice = report.users.find((u) => u.user === 'alice');
      expect(alice?.passwordEnabled).toBe(true);
      expect(alice?.passwordLastUsed).toBeNull(); // moto: no_information
      expect(alice?.keys[0].active).toBe(true);
      expect(alice?.keys[0].lastUsedDate).toBeNull();
      expect(t.sleeps).toEqual([1000]);
      expect(stack.aws.counts(accountId)).toEqual({ GenerateCredentialReport: 2, GetCredentialReport: 1 });
    } finally {
      iam.destroy();
    }
  });

  // The same poll and budget whether IAM says the report is still generating or that it has no
  // capacity to start one: two waits of 1 s, then the report.
  test.each([
    ['a report still generating for 2 polls: polls after 1 s, 1 s, then fetched', reportStarted, true],
    [
      'GenerateCredentialReport out of capacity (LimitExceeded): waited out with the backoff, then fetched',
      reportCapacityExceeded,
      false,
    ],
  ] as const)('%s', async (_name, respond, sdkRetries) => {
    const { accountId, iam } = await account({
      generated: true,
      ...(sdkRetries ? {} : { sdkRetries: false }),
    });
    const fault = stack.aws.fault({
      match: { action: 'GenerateCredentialReport', account: accountId },
      times: 2,
      respond: respond(),
    });
    const t = fakeTime();
    try {
      const { report } = await fetchCredentialReport(iam, t.deps);
      expect(report.users).toHaveLength(2);
      expect(fault.hits).toBe(2);
      expect(t.sleeps).toEqual([1000, 1000]);
      expect(stack.aws.counts(accountId)).toEqual({ GenerateCredentialReport: 3, GetCredentialReport: 1 });
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('a report that never completes fails after the bounded wait with a clear error', async () => {
    const { accountId, iam } = await account({ generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GenerateCredentialReport', account: accountId },
      respond: reportStarted(),
    });
    const t = fakeTime();
    try {
      const err = await fetchCredentialReport(iam, { ...t.deps, maxWaitMs: 60_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StepError);
      expect(String((err as Error).message)).toContain('credential report still generating after 60s');
      // 1 + 1 + 2 + 2 + 3 + 3 + 4 + 4 = 20 s, then every 5 s up to 60 s; another 5 s would pass 60 s.
      expect(t.sleeps).toEqual(SIXTY_SECONDS_OF_POLLS);
      expect(stack.aws.counts(accountId)).toEqual({ GenerateCredentialReport: 17 });
      const d = describeAwsError(err, { accountId, step: 'audit' });
      expect(d.error).toContain(`GenerateCredentialReport in account ${accountId} failed`);
      expect(d.error).toContain('still generating after 60s');
      expect(d.hint).toMatch(/did not finish generating/);
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('LimitExceeded for the whole wait: the account fails with that error and a hint', async () => {
    const { accountId, iam } = await account({ generated: true, sdkRetries: false });
    const fault = stack.aws.fault({
      match: { action: 'GenerateCredentialReport', account: accountId },
      respond: reportCapacityExceeded(),
    });
    const t = fakeTime();
    try {
      const err = await fetchCredentialReport(iam, { ...t.deps, maxWaitMs: 60_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StepError);
      expect(t.sleeps).toEqual(SIXTY_SECONDS_OF_POLLS); // within the report's budget
      const d = describeAwsError(err, { accountId, step: 'audit' });
      expect(d.error).toMatch(
        new RegExp(
          `^GenerateCredentialReport in account ${accountId} failed: LimitExceeded.*no more capacity`,
        ),
      );
      expect(d.hint).toMatch(/no capacity to generate more credential reports.*Lower `concurrency`/);
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('a ReportFormat other than text/csv fails the account with a hint', async () => {
    const { accountId, iam } = await account({ generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: accountId },
      respond: {
        rewrite: (body) =>
          body.replace(/<ReportFormat>[^<]*<\/ReportFormat>/, '<ReportFormat>text/json</ReportFormat>'),
      },
    });
    try {
      const err = await fetchCredentialReport(iam, fakeTime().deps).catch((e: unknown) => e);
      expect(fault.hits).toBe(1);
      const d = describeAwsError(err, { accountId, step: 'audit' });
      expect(d.error).toBe(
        `GetCredentialReport in account ${accountId} failed: unexpected credential report format text/json (expected text/csv)`,
      );
      expect(d.hint).toMatch(/format this tool does not read/);
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('GetCredentialReport answering ReportInProgress: generate again, then fetch', async () => {
    const { accountId, iam } = await account({ generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: accountId },
      times: 1,
      respond: reportInProgress(),
    });
    const t = fakeTime();
    try {
      const { report } = await fetchCredentialReport(iam, t.deps);
      expect(report.users).toHaveLength(2);
      expect(stack.aws.counts(accountId)).toEqual({ GenerateCredentialReport: 2, GetCredentialReport: 2 });
      expect(t.sleeps).toEqual([1000]);
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('AccessDenied on GetCredentialReport: a StepError whose hint names iam:GetCredentialReport', async () => {
    const { accountId, iam } = await account({ generated: true });
    const fault = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: accountId },
      respond: accessDenied('iam:GetCredentialReport'),
    });
    try {
      const err = await fetchCredentialReport(iam, fakeTime().deps).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StepError);
      expect((err as StepError).step).toBe('GetCredentialReport');
      const d = describeAwsError(err, {
        accountId,
        step: 'audit',
        roleArn: `arn:aws:iam::${accountId}:role/Audit`,
      });
      expect(d.error).toMatch(
        /^GetCredentialReport in account \d+ failed: AccessDenied: User: .* iam:GetCredentialReport/,
      );
      expect(d.hint).toContain('Allow iam:GetCredentialReport');
      expect(d.hint).toContain(`arn:aws:iam::${accountId}:role/Audit`);
      expect(fault.hits).toBe(1); // AccessDenied is not retried
    } finally {
      fault.remove();
      iam.destroy();
    }
  });

  test('a throttling burst and a connection reset are absorbed by the SDK retries', async () => {
    const { accountId, iam } = await account({ generated: true });
    const throttle = stack.aws.fault({
      match: { action: 'GetCredentialReport', account: accountId },
      times: 2,
      respond: throttling(),
    });
    const reset = stack.aws.fault({
      match: { action: 'GenerateCredentialReport', account: accountId },
      times: 1,
      respond: 'reset',
    });
    const t = fakeTime();
    try {
      const { report } = await fetchCredentialReport(iam, t.deps);
      expect(report.users).toHaveLength(2);
      expect(throttle.hits).toBe(2);
      expect(reset.hits).toBe(1);
      expect(stack.aws.counts(accountId)).toEqual({ GenerateCredentialReport: 2, GetCredentialReport: 3 });
      expect(t.sleeps).toEqual([]); // the SDK's own backoff, no poll
    } finally {
      throttle.remove();
      reset.remove();
      iam.destroy();
    }
  });
});
