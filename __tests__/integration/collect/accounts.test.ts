import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AccountListError, isActiveAccount, planAccounts } from '../../../src/collect/accounts.js';
import { selectShard, shardOf } from '../../../src/collect/shard.js';
import { signIn, type AuditSession } from '../../../src/credentials/session.js';
import { describeWithMoto, MOTO_DEFAULT_ACCOUNT, resetMoto, TEST_CREDENTIALS } from '../../helpers/moto.js';
import { liveConfig, recordingDeps, setAwsEnv, liveStack } from '../../helpers/live-env.js';
import { noteText } from '../../../src/notes.js';
import { errorMessage } from '../../../src/errors.js';

/** The account ids a run audits: `planAccounts` without its notes. */
const accountsOf = async (...args: Parameters<typeof planAccounts>) => (await planAccounts(...args)).accounts;

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('selectShard', () => {
  const ids = Array.from({ length: 200 }, (_, i) => String(100000000000 + i * 7919 * 1013).padStart(12, '0'));

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('splits 200 ids into %i disjoint, complete, balanced slices', (total) => {
    const slices = Array.from({ length: total }, (_, k) => selectShard(ids, { index: k + 1, total }));
    const all = slices.flat();
    expect(all).toHaveLength(ids.length);
    expect(new Set(all).size).toBe(ids.length);
    expect([...all].sort()).toEqual([...ids].sort());
    // ids are spread evenly enough for a matrix: no slice is far from 200 / N
    for (const slice of slices)
      expect(Math.abs(slice.length - 200 / total)).toBeLessThanOrEqual(200 / total / 2);
    // the order the list arrives in does not matter
    for (const seed of [1, 42, 4242]) {
      const again = Array.from({ length: total }, (_, k) =>
        selectShard(shuffled(ids, seed), { index: k + 1, total }),
      );
      expect(again).toEqual(slices);
    }
  });

  it('keeps every account in its shard when others join or leave the organization', () => {
    const before = Array.from({ length: 4 }, (_, k) => selectShard(ids, { index: k + 1, total: 4 }));
    const changed = [...ids.slice(7), '999999999999', '000000000004']; // 7 accounts left, 2 joined
    const after = Array.from({ length: 4 }, (_, k) => selectShard(changed, { index: k + 1, total: 4 }));
    for (let k = 0; k < 4; k++) {
      const stayed = before[k]!.filter((id) => changed.includes(id));
      expect(after[k]).toEqual(expect.arrayContaining(stayed));
    }
    expect(shardOf('999999999999', 4)).toBe(4); // 999999999999 mod 4 = 3
    expect(after[3]).toContain('999999999999');
  });

  it('puts each account in slice (id mod N) + 1, de-duplicated and sorted', () => {
    const list = [
      '300000000002',
      '100000000000',
      '200000000001',
      '100000000000',
      '400000000003',
      '500000000004',
    ];
    expect(selectShard(list, null)).toEqual([
      '100000000000',
      '200000000001',
      '300000000002',
      '400000000003',
      '500000000004',
    ]);
    expect(selectShard(list, { index: 1, total: 2 })).toEqual([
      '100000000000',
      '300000000002',
      '500000000004',
    ]);
    expect(selectShard(list, { index: 2, total: 2 })).toEqual(['200000000001', '400000000003']);
    expect(selectShard(list, { index: 3, total: 8 })).toEqual(['300000000002']);
    expect(selectShard(list, { index: 7, total: 8 })).toEqual([]);
  });

  it('rejects an impossible shard', () => {
    expect(() => selectShard(['100000000000'], { index: 0, total: 2 })).toThrow(RangeError);
    expect(() => selectShard(['100000000000'], { index: 3, total: 2 })).toThrow(RangeError);
  });
});

describe('isActiveAccount', () => {
  it('uses State, and the retired Status only when State is absent', () => {
    expect(isActiveAccount({ State: 'ACTIVE', Status: 'SUSPENDED' })).toBe(true);
    expect(isActiveAccount({ State: 'SUSPENDED', Status: 'ACTIVE' })).toBe(false);
    expect(isActiveAccount({ State: 'PENDING_CLOSURE' })).toBe(false);
    expect(isActiveAccount({ Status: 'ACTIVE' })).toBe(true);
    expect(isActiveAccount({ Status: 'PENDING_CLOSURE' })).toBe(false);
    expect(isActiveAccount({})).toBe(false);
  });
});

describeWithMoto('account selection against moto', () => {
  const stack = liveStack({ pointSdk: false });
  let restoreEnv: () => void = () => undefined;
  let session: AuditSession;
  beforeEach(async () => {
    await resetMoto(stack.moto.endpoint);
    stack.aws.clearFaults();
    stack.aws.resetCalls();
    restoreEnv = setAwsEnv(stack.aws.endpoint);
    session = await signIn(liveConfig({}), recordingDeps());
  });
  afterEach(() => restoreEnv());

  /** An organization managed by moto's default account, with `n` member accounts. */
  async function createOrganization(n: number): Promise<string[]> {
    const org = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: stack.moto.endpoint,
      credentials: TEST_CREDENTIALS,
    });
    try {
      await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const out = await org.send(
          new CreateAccountCommand({ AccountName: `member-${i}`, Email: `m${i}@example.com` }),
        );
        ids.push(out.CreateAccountStatus!.AccountId!);
      }
      return [MOTO_DEFAULT_ACCOUNT, ...ids];
    } finally {
      org.destroy();
    }
  }

  it('audits the signed-in account by default', async () => {
    expect(await accountsOf(liveConfig({}), session)).toEqual([MOTO_DEFAULT_ACCOUNT]);
    expect(await accountsOf(liveConfig({ 'exclude-accounts': MOTO_DEFAULT_ACCOUNT }), session)).toEqual([]);
  });

  it('takes the accounts list, de-duplicated and sorted, minus exclude-accounts', async () => {
    const config = liveConfig({
      accounts: '333333333333, 222222222222\n444444444444 222222222222',
      'account-role-name': 'IamAudit',
      'exclude-accounts': '444444444444 999999999999',
    });
    const plan = await planAccounts(config, session);
    expect(plan.accounts).toEqual(['222222222222', '333333333333']);
    expect(plan.notes.map(noteText)).toEqual(['1 account skipped by `exclude-accounts`.']);
    expect(stack.aws.count('ListAccounts')).toBe(0);
  });

  it('lists the ACTIVE accounts of the organization with the paginator (stack.moto sends State and Status)', async () => {
    const ids = await createOrganization(24);
    const config = liveConfig({ organization: 'true', 'account-role-name': 'IamAudit' });
    const plan = await planAccounts(config, session);
    expect(plan.accounts).toEqual([...ids].sort());
    expect(plan.notes).toEqual([]);
    expect(stack.aws.count('ListAccounts')).toBeGreaterThan(1); // several pages

    // exclude + shard on top
    const sharded = await planAccounts(
      liveConfig({
        organization: 'true',
        'account-role-name': 'IamAudit',
        'exclude-accounts': MOTO_DEFAULT_ACCOUNT,
        shard: '2/3',
      }),
      session,
    );
    const kept = [...ids].filter((id) => id !== MOTO_DEFAULT_ACCOUNT).sort();
    const slice = kept.filter((id) => shardOf(id, 3) === 2);
    expect(sharded.accounts).toEqual(slice);
    expect(sharded.notes.map(noteText)).toContain('1 account skipped by `exclude-accounts`.');
    expect(
      sharded.notes.map(noteText).some((n) => n.startsWith(`Shard 2/3: ${slice.length} of 24 accounts`)),
    ).toBe(true);
  });

  it('decides by State, not by the retired Status', async () => {
    const ids = await createOrganization(3);
    const [, suspended, closing, legacy] = ids as [string, string, string, string];
    stack.aws.fault({
      match: { action: 'ListAccounts' },
      respond: {
        rewrite: (body) => {
          const page = JSON.parse(body) as { Accounts: Record<string, unknown>[] };
          for (const a of page.Accounts) {
            if (a.Id === suspended) Object.assign(a, { State: 'SUSPENDED', Status: 'ACTIVE' });
            if (a.Id === closing) Object.assign(a, { State: 'PENDING_CLOSURE', Status: 'ACTIVE' });
            if (a.Id === legacy) Object.assign(a, { State: 'ACTIVE', Status: 'SUSPENDED' });
          }
          return JSON.stringify(page);
        },
      },
    });
    const plan = await planAccounts(
      liveConfig({ organization: 'true', 'account-role-name': 'IamAudit' }),
      session,
    );
    expect(plan.accounts).toEqual([MOTO_DEFAULT_ACCOUNT, legacy].sort());
    expect(plan.notes.map(noteText)).toEqual([
      '2 organization accounts are not ACTIVE (suspended, closed or pending) and were not audited.',
    ]);
  });

  it('falls back to Status when State is absent', async () => {
    const ids = await createOrganization(2);
    const suspended = ids[1]!;
    stack.aws.fault({
      match: { action: 'ListAccounts' },
      respond: {
        rewrite: (body) => {
          const page = JSON.parse(body) as { Accounts: Record<string, unknown>[] };
          for (const a of page.Accounts) {
            delete a.State;
            if (a.Id === suspended) a.Status = 'SUSPENDED';
          }
          return JSON.stringify(page);
        },
      },
    });
    const plan = await planAccounts(
      liveConfig({ organization: 'true', 'account-role-name': 'IamAudit' }),
      session,
    );
    expect(plan.accounts).toEqual(ids.filter((id) => id !== suspended).sort());
  });

  it('explains an account that is not in an organization', async () => {
    // stack.moto lists nothing (rather than failing) without an organization: answer as AWS does
    stack.aws.fault({
      match: { action: 'ListAccounts' },
      respond: {
        error: {
          code: 'AWSOrganizationsNotInUseException',
          message: 'Your account is not a member of an organization.',
        },
      },
    });
    const err = await accountsOf(
      liveConfig({ organization: 'true', 'account-role-name': 'IamAudit' }),
      session,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountListError);
    expect(err).toMatchObject({ code: 'AWSOrganizationsNotInUseException', step: 'ListAccounts' });
    expect((err as AccountListError).message).not.toContain((err as AccountListError).hint!);
    const message = errorMessage(err);
    expect(message).toContain('organizations:ListAccounts');
    expect(message).toContain('AWSOrganizationsNotInUseException');
    expect(message).toContain('management account or a delegated administrator');
  });

  it('explains AccessDenied from Organizations', async () => {
    await createOrganization(1);
    stack.aws.fault({
      match: { action: 'ListAccounts' },
      respond: {
        error: {
          code: 'AccessDeniedException',
          message: 'You don’t have permissions to access this resource.',
        },
      },
    });
    const err = await accountsOf(
      liveConfig({ organization: 'true', 'account-role-name': 'IamAudit' }),
      session,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountListError);
    const message = errorMessage(err);
    expect(message).toContain('organizations:ListAccounts');
    expect(message).toContain('AccessDeniedException');
    expect(message).toContain('management account or a delegated administrator');
    expect(message).toContain(session.callerArn);
  });
});
