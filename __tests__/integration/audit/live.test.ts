import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mapWithConcurrency } from '../../../src/collect/pool.js';
import { runLiveAudit } from '../../../src/audit/live.js';
import { REFRESH_MARGIN_MS } from '../../../src/credentials/session.js';
import { SignInError } from '../../../src/credentials/sign-in-error.js';
import { accessDenied } from '../../helpers/aws-proxy.js';
import { describeWithMoto, motoCredentials, resetMoto, seedAccount } from '../../helpers/moto.js';
import {
  liveConfig,
  recordingDeps,
  setAwsEnv,
  type RecordingDeps,
  liveStack,
} from '../../helpers/live-env.js';
import { noteText } from '../../../src/notes.js';

const AUDIT_ACCOUNT = '111111111111';
const ROLE = `arn:aws:iam::${AUDIT_ACCOUNT}:role/gha-iam-audit`;
const MEMBER_ROLE = 'audit/IamAudit';

describe('mapWithConcurrency', () => {
  const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('keeps the order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const items = Array.from({ length: 17 }, (_, i) => i);
    const out = await mapWithConcurrency(items, 3, async (item, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick((item * 7) % 5);
      inFlight--;
      return `${item}:${index}`;
    });
    expect(out).toEqual(items.map((i) => `${i}:${i}`));
    expect(peak).toBe(3);
  });

  it('handles empty input and limits beyond the item count or below 1', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 10, async (x) => x * 2)).toEqual([2, 4]);
    expect(await mapWithConcurrency([1, 2], 0, async (x) => x * 2)).toEqual([2, 4]);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    const err = await mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (x) => {
      started.push(x);
      await tick(1);
      if (x === 1) throw new Error('boom');
      return x;
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('boom');
    expect(started.length).toBeLessThan(6);
  });
});

describeWithMoto('live audit of several accounts against moto', () => {
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

  async function seedMembers(ids: string[]): Promise<void> {
    for (const id of ids) {
      await seedAccount(stack.moto.endpoint, id, [
        { name: `violator-${id.slice(0, 1)}`, password: true, keys: 1 },
        {
          name: 'exempted',
          password: true,
          keys: 1,
          tags: { 'access-key-justification': 'break-glass CLI' },
        },
        { name: 'service', keys: 1 },
        { name: 'console-only', password: true },
      ]);
    }
  }

  it('chains into each account, isolates one whose role is denied, and bounds concurrency', async () => {
    const members = ['222222222222', '333333333333', '444444444444', '555555555555', '666666666666'];
    const denied = '444444444444';
    await seedMembers(members);
    const deniedRole = `arn:aws:iam::${denied}:role/${MEMBER_ROLE}`;
    const fault = stack.aws.fault({
      match: { action: 'AssumeRole', params: { RoleArn: deniedRole } },
      respond: accessDenied('sts:AssumeRole', {
        principal: `arn:aws:sts::${AUDIT_ACCOUNT}:assumed-role/gha-iam-audit/iam-initial-access-key-audit`,
        resource: deniedRole,
      }),
    });
    stack.aws.latencyMs = 20;
    stack.aws.resetCalls();

    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: [...members].reverse().join(','),
      'account-role-name': MEMBER_ROLE,
      concurrency: '2',
    });
    const { audits, notes } = await runLiveAudit(config, deps);
    stack.aws.latencyMs = 0;

    expect(notes).toEqual([]);
    expect(audits.map((a) => a.account.accountId)).toEqual(members);
    expect(fault.hits).toBe(1);

    const bad = audits.find((a) => a.account.accountId === denied)!;
    expect(bad.account.status).toBe('error');
    expect(bad.account.error).toContain('AccessDenied');
    expect(bad.account.hint).toContain(deniedRole);
    expect(bad.account.hint).toMatch(/trust policy/);
    expect(bad.findings).toEqual([]);

    for (const audit of audits.filter((a) => a.account.accountId !== denied)) {
      const id = audit.account.accountId;
      expect(audit.account).toMatchObject({ status: 'ok', usersScanned: 4, error: null });
      const failing = audit.findings.filter((f) => !f.exempted);
      expect(failing.map((f) => f.userName)).toEqual([`violator-${id.slice(0, 1)}`]);
      expect(failing[0]!.accountId).toBe(id);
      expect(audit.findings.filter((f) => f.exempted).map((f) => f.userName)).toEqual(['exempted']);
    }

    // one web-identity sign-in, one AssumeRole per member, nothing at all in the denied account
    expect(stack.aws.count('AssumeRoleWithWebIdentity')).toBe(1);
    const assumed = stack.aws.calls.filter((c) => c.action === 'AssumeRole').map((c) => c.params.RoleArn);
    expect([...assumed].sort()).toEqual(members.map((id) => `arn:aws:iam::${id}:role/${MEMBER_ROLE}`));
    expect(stack.aws.calls.filter((c) => c.account === denied)).toEqual([]);
    for (const id of members.filter((m) => m !== denied)) {
      expect(stack.aws.calls.filter((c) => c.account === id && c.service === 'iam').length).toBeGreaterThan(
        0,
      );
    }

    // concurrency: accounts audited at once, from the progress log (an account whose only work left is
    // CloudTrail's paced lookups gives its slot to the next: scheduler.ts)
    let inFlight = 0;
    let peak = 0;
    const released = new Set<string>();
    for (const line of deps.lines) {
      if (/^info: account \d{12}: auditing as /.test(line)) peak = Math.max(peak, ++inFlight);
      const lookups = /^debug: account (\d{12}): looking up who made/.exec(line);
      if (lookups) {
        released.add(lookups[1]!);
        inFlight--;
      }
      const done = /^info: \[\d+\/5\] account (\d{12}): /.exec(line);
      if (done && !released.has(done[1]!)) inFlight--;
    }
    expect(peak).toBe(2);
    expect(inFlight).toBe(0);

    // progress per account, never a credential
    expect(
      deps.lines.some((l) =>
        /^info: account 666666666666: 4 users, 1 findings, 1 exempted, 0 resolved since the report/.test(l),
      ),
    ).toBe(true);
    expect(deps.lines.some((l) => /^info: \[\d\/5\] account 666666666666: done$/.test(l))).toBe(true);
    expect(
      deps.lines.some((l) => l.startsWith(`warning: account ${denied}:`) && l.includes('AccessDenied')),
    ).toBe(true);
    expect(deps.lines).toContain('warning: 1 of 5 accounts could not be audited.');
    const log = deps.lines.join('\n');
    expect(deps.secrets.length).toBeGreaterThan(12);
    for (const secret of deps.secrets) expect(log).not.toContain(secret);
  });

  it('audits an organization: the management account with the signed-in role, members by chaining', async () => {
    const management = await motoCredentials(stack.moto.endpoint, AUDIT_ACCOUNT);
    const org = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: stack.moto.endpoint,
      credentials: management,
    });
    const members: string[] = [];
    try {
      await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      for (const i of [1, 2]) {
        const out = await org.send(
          new CreateAccountCommand({ AccountName: `m${i}`, Email: `m${i}@example.com` }),
        );
        members.push(out.CreateAccountStatus!.AccountId!);
      }
    } finally {
      org.destroy();
    }
    await seedMembers([AUDIT_ACCOUNT, ...members]);
    stack.aws.resetCalls();

    const config = liveConfig({
      'role-to-assume': ROLE,
      organization: 'true',
      'account-role-name': MEMBER_ROLE,
    });
    const { audits } = await runLiveAudit(config, deps);
    expect(audits.map((a) => a.account.accountId)).toEqual([AUDIT_ACCOUNT, ...members].sort());
    expect(audits.every((a) => a.account.status === 'ok')).toBe(true);
    expect(stack.aws.count('AssumeRole')).toBe(2);
    expect(
      stack.aws.calls
        .filter((c) => c.action === 'AssumeRole')
        .map((c) => c.params.RoleArn)
        .sort(),
    ).toEqual(members.map((id) => `arn:aws:iam::${id}:role/${MEMBER_ROLE}`).sort());
    expect(stack.aws.count('ListAccounts', AUDIT_ACCOUNT)).toBe(1);
  });

  it('an account started early whose chained session runs out before its audit assumes its role again', async () => {
    const members = ['222222222222', '333333333333'];
    await seedMembers(members);
    // Each account's first AssumeRole answers a session already inside the refresh margin (as a session
    // started early and audited late is): the account's IAM client asks for credentials again, and the
    // session assumes the role again instead of signing with the old one.
    for (const id of members) {
      stack.aws.fault({
        match: { action: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${id}:role/${MEMBER_ROLE}` } },
        times: 1,
        respond: {
          rewrite: (body) =>
            body.replace(
              /<Expiration>[^<]*<\/Expiration>/,
              `<Expiration>${new Date(Date.now() + REFRESH_MARGIN_MS - 60_000).toISOString()}</Expiration>`,
            ),
        },
      });
    }
    stack.aws.resetCalls();
    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: members.join(','),
      'account-role-name': MEMBER_ROLE,
      concurrency: '1',
      'role-duration-seconds': '900',
    });
    const { audits } = await runLiveAudit(config, deps);
    expect(audits.map((a) => a.account.status)).toEqual(['ok', 'ok']);
    for (const id of members) {
      const assumed = stack.aws.calls.filter(
        (c) => c.action === 'AssumeRole' && c.params.RoleArn === `arn:aws:iam::${id}:role/${MEMBER_ROLE}`,
      );
      expect(assumed).toHaveLength(2);
      expect(assumed[0]!.params.DurationSeconds).toBe('900');
      // the call budget unchanged by the second session: moto answers STARTED, then COMPLETE; one read
      expect(stack.aws.count('GenerateCredentialReport', id)).toBe(2);
      expect(stack.aws.count('GetCredentialReport', id)).toBe(1);
    }
  });

  it('audits the shard only', async () => {
    const members = ['222222222222', '333333333333', '444444444444', '555555555555'];
    await seedMembers(members);
    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: members.join(' '),
      'account-role-name': MEMBER_ROLE,
      shard: '2/2',
    });
    const { audits, notes } = await runLiveAudit(config, deps);
    expect(audits.map((a) => a.account.accountId)).toEqual(['333333333333', '555555555555']);
    expect(notes.map(noteText).some((n) => n.startsWith('Shard 2/2: 2 of 4 accounts'))).toBe(true);
  });

  it('throws when signing in fails: nothing is audited', async () => {
    stack.aws.fault({
      match: { action: 'AssumeRoleWithWebIdentity' },
      respond: {
        error: {
          status: 403,
          code: 'AccessDenied',
          message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        },
      },
    });
    const config = liveConfig({
      'role-to-assume': ROLE,
      accounts: '222222222222',
      'account-role-name': MEMBER_ROLE,
    });
    const err = await runLiveAudit(config, deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect(stack.aws.calls.filter((c) => c.service === 'iam' || c.action === 'AssumeRole')).toEqual([]);
  });
});
