/**
 * Scale (DESIGN §1 call counts, §7): the exact AWS calls per account of a live multi-account audit, counted
 * by the proxy in front of moto — constant in the number of users, plus 2 per flagged user and 1 per
 * flagged key, never a walk over the users — and `shard` splitting a 200-account organization into
 * disjoint, complete slices through the real account listing. `npm run bench` measures the times.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { planAccounts } from '../../../src/collect/accounts.js';
import { runLiveAudit } from '../../../src/audit/live.js';
import { shardOf } from '../../../src/collect/shard.js';
import { signIn } from '../../../src/credentials/session.js';
import { reportStarted } from '../../helpers/aws-proxy.js';
import {
  MOTO_DEFAULT_ACCOUNT,
  TEST_CREDENTIALS,
  describeWithMoto,
  resetMoto,
  seedMoto,
  seedAccount,
  type SeedUser,
} from '../../helpers/moto.js';
import {
  liveConfig,
  recordingDeps,
  setAwsEnv,
  type RecordingDeps,
  liveStack,
} from '../../helpers/live-env.js';
import { noteText } from '../../../src/notes.js';

/** The account ids a run audits: `planAccounts` without its notes. */
const accountsOf = async (...args: Parameters<typeof planAccounts>) => (await planAccounts(...args)).accounts;

const MEMBER_ROLE = 'IamAudit';
const ACCOUNTS = ['310000000001', '310000000002', '310000000003', '310000000004', '310000000005'];
const USERS_PER_ACCOUNT = 60;
const POLLS = 2;

/**
 * 60 users: `violators` console users with a never-used key made at setup (the first of them with both
 * key slots so), the rest compliant (console-only, service users with a key, no credentials).
 */
function accountUsers(violators: number): SeedUser[] {
  return Array.from({ length: USERS_PER_ACCOUNT }, (_, i): SeedUser => {
    const name = `user-${String(i).padStart(3, '0')}`;
    if (i < violators) return { name, password: true, keys: i === 0 ? 2 : 1 };
    if (i % 3 === 0) return { name, password: true };
    if (i % 3 === 1) return { name, keys: 1 };
    return { name };
  });
}

describeWithMoto('scale: calls per account and shards', () => {
  const stack = liveStack({ pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  let deps: RecordingDeps;
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    restoreEnv = setAwsEnv(stack.aws.endpoint);
    deps = recordingDeps();
  });
  afterEach(() => restoreEnv());

  it('makes 3 + 2 per flagged user + 1 per flagged key calls per account (+ polls, + AssumeRole)', async () => {
    // account i has i + 1 violators; the first violator has two keys, both flagged
    const violators = new Map(ACCOUNTS.map((id, i) => [id, i + 1]));
    const seeded = await Promise.all(
      ACCOUNTS.map((id) => seedAccount(stack.moto.endpoint, id, accountUsers(violators.get(id)!))),
    );
    // A report exists already (straight at stack.moto, not counted): its GenerateCredentialReport answers are then
    // COMPLETE, which the proxy turns into STARTED for the first POLLS calls.
    await Promise.all(
      seeded.map(async ({ credentials }) => {
        const iam = new IAMClient({ region: 'us-east-1', endpoint: stack.moto.endpoint, credentials });
        try {
          await iam.send(new GenerateCredentialReportCommand({}));
        } finally {
          iam.destroy();
        }
      }),
    );
    for (const account of ACCOUNTS) {
      stack.aws.fault({
        match: { action: 'GenerateCredentialReport', account },
        times: POLLS,
        respond: reportStarted(),
      });
    }
    // AWS sends CreateDate in whole seconds; stack.moto adds microseconds, which the SDK rounds to milliseconds
    // (a key made at .9995 s would look a second younger than its report row). Serve it as AWS does.
    stack.aws.fault({
      match: { action: 'ListAccessKeys' },
      respond: { rewrite: (body) => body.replace(/(<CreateDate>[^<.]+)\.\d+Z</g, '$1Z<') },
    });
    stack.aws.resetCalls();

    const config = liveConfig({
      accounts: ACCOUNTS.join(','),
      'account-role-name': MEMBER_ROLE,
      concurrency: '2',
      'as-of': '2030-01-01T00:00:00Z',
    });
    const { audits } = await runLiveAudit(config, deps);

    expect(audits.map((a) => a.account.accountId)).toEqual(ACCOUNTS);
    // The sign-in and the role chaining, signed in the caller's (moto's default) account.
    expect(stack.aws.counts(MOTO_DEFAULT_ACCOUNT)).toEqual({
      GetCallerIdentity: 1,
      AssumeRole: ACCOUNTS.length,
    });
    for (const audit of audits) {
      expect(audit.account.error).toBeNull();
      const id = audit.account.accountId;
      const flaggedUsers = violators.get(id)!;
      const flaggedKeys = flaggedUsers + 1;
      expect(audit.account).toMatchObject({
        status: 'ok',
        usersScanned: USERS_PER_ACCOUNT,
        resolvedSinceReport: 0,
      });
      expect(audit.findings).toHaveLength(flaggedKeys);
      expect(audit.findings.every((f) => f.accessKeyId !== null && !f.exempted)).toBe(true);

      const assumed = stack.aws.calls.filter(
        (c) => c.action === 'AssumeRole' && c.params.RoleArn === `arn:aws:iam::${id}:role/${MEMBER_ROLE}`,
      );
      expect(assumed).toHaveLength(1);
      const counts = stack.aws.counts(id);
      expect(counts).toEqual({
        GenerateCredentialReport: 1 + POLLS,
        GetCredentialReport: 1,
        ListAccountAliases: 1,
        ListAccessKeys: flaggedUsers,
        ListUserTags: flaggedUsers,
        GetAccessKeyLastUsed: flaggedKeys,
      });
      const total = Object.values(counts).reduce((s, n) => s + n, 0);
      expect(total - POLLS).toBe(3 + 2 * flaggedUsers + flaggedKeys);
    }
    // One keep-alive pool for the whole run: accounts reuse each other's connections (on AWS, each new
    // connection is a TLS handshake) instead of every account's client opening its own.
    expect(stack.aws.connectionsOpened / ACCOUNTS.length).toBeLessThanOrEqual(4);
    // Every account's report was started before any account was audited (concurrency 2, 5 accounts):
    // the early start is each account's first GenerateCredentialReport, not an extra call.
    const firstRead = Math.min(
      ...stack.aws.calls.filter((c) => c.action === 'GetCredentialReport').map((c) => c.seq),
    );
    for (const id of ACCOUNTS) {
      const started = stack.aws.calls.find(
        (c) => c.account === id && c.action === 'GenerateCredentialReport',
      );
      expect(started!.seq).toBeLessThan(firstRead);
    }
    // never a walk over the users
    expect(stack.aws.calls.some((c) => ['ListUsers', 'GetLoginProfile', 'GetUser'].includes(c.action))).toBe(
      false,
    );
  });

  it('splits a 200-account organization into disjoint, complete, balanced shards', async () => {
    const org = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: stack.moto.endpoint,
      credentials: TEST_CREDENTIALS,
    });
    const ids = [MOTO_DEFAULT_ACCOUNT];
    // moto makes account ids up at random: seeded, they (and so the slices' sizes) are the same every run.
    await seedMoto(stack.moto.endpoint, 20_260_101);
    try {
      await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      for (let i = 0; i < 199; i++) {
        const out = await org.send(
          new CreateAccountCommand({ AccountName: `member-${i}`, Email: `m${i}@example.com` }),
        );
        ids.push(out.CreateAccountStatus!.AccountId!);
      }
    } finally {
      org.destroy();
    }
    expect(new Set(ids).size).toBe(200);
    const session = await signIn(liveConfig({}), deps);
    const raw = { organization: 'true', 'account-role-name': MEMBER_ROLE };
    const all = await accountsOf(liveConfig(raw), session);
    expect([...all].sort()).toEqual([...ids].sort());

    for (const total of [3, 8]) {
      const slices: string[][] = [];
      for (let index = 1; index <= total; index++) {
        const plan = await planAccounts(liveConfig({ ...raw, shard: `${index}/${total}` }), session);
        expect(plan.notes.map(noteText)).toEqual([
          `Shard ${index}/${total}: ${plan.accounts.length} of 200 accounts (the accounts whose id mod N is K − 1); the other shards audit the rest.`,
        ]);
        slices.push(plan.accounts);
      }
      const union = slices.flat();
      expect(union).toHaveLength(200); // disjoint …
      expect(new Set(union).size).toBe(200);
      expect([...union].sort()).toEqual([...all].sort()); // … and complete
      for (const slice of slices)
        expect(Math.abs(slice.length - 200 / total)).toBeLessThanOrEqual(200 / total / 2);
      // the same slices whatever order ListAccounts returned: each is the accounts with id mod N = K - 1
      slices.forEach((slice, k) =>
        expect([...slice].sort()).toEqual(all.filter((id) => shardOf(id, total) === k + 1).sort()),
      );
    }
  });
});
