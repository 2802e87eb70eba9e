/**
 * Acting on due keys (docs/design.md §8), the only code that writes to IAM. For each account with keys to act
 * on (planRemediation's `toAct`), the remediation role is assumed from the audit session; right before
 * acting, each key is checked again with that session:
 *   ListAccessKeys        same key id, same CreateDate (to the second), still Active;
 *   GetAccessKeyLastUsed  still unnecessary per the rule (the rule's own test), and not used since the audit;
 *   ListUserTags          not exempted since the audit (an exemption tag added during a long run counts,
 *                         the user's or the key's own);
 * then, under `deactivate` only, `UpdateAccessKey Status=Inactive`. Never a delete. When the answer to
 * the update is lost (a 5xx after AWS applied it), the key is read again: Inactive means it was done.
 *
 * Under `plan` the same read-only check runs (so a broken remediation role shows up before the first
 * `deactivate` run) and nothing is changed. A denied or missing role, or a denied IAM call, is a warning
 * naming the role and the account; that account's remaining keys are skipped, other accounts go on.
 * Every key handed in comes back with a status and a reason.
 */
import {
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Finding, Reason, RemediationStatus } from '../model.js';
import { code, note, notePlain, type Note } from '../notes.js';
import { awsErrorName, isAccessDenied, isNoSuchEntity } from '../aws/errors.js';
import { AuditError, oneLineMessage } from '../errors.js';
import type { Log } from '../log.js';
import { mapWithConcurrency } from '../collect/pool.js';
import { awsClientConfig, type AwsClientDeps } from '../credentials/aws-config.js';
import { unnecessaryReason } from '../evaluate/rules/iam-initial-access-key.js';
import { findingIdentity } from '../evaluate/identity.js';
import { applyExemptions } from '../evaluate/exemptions.js';
import { isFailing } from '../evaluate/intent.js';
import { keyTagFacts } from '../evaluate/key-tags.js';

export interface DeactivateOptions {
  /** The keys to act on, as planned (each with its key id). */
  keys: readonly Finding[];
  mode: 'plan' | 'deactivate';
  /** The remediation role name (with optional path), for messages. */
  roleName: string;
  /** The remediation session in an account: `session.assumeRoleIn(accountId, roleName)`. */
  assume(accountId: string): { roleArn: string; credentials: AwsCredentialIdentityProvider };
  region: string;
  /** The rule's settings and time, for the live "still unnecessary" test. */
  unusedDays: number;
  asOf: string;
  reasons: readonly Reason[];
  /** The exemption tag, read again right before acting. */
  exemptionTag: string;
  /** Accounts acted on at once; keys within an account go one by one. */
  concurrency: number;
  log: Log;
  /** Settings of the IAM client (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
}

interface KeyOutcome {
  status: Extract<RemediationStatus, 'planned' | 'deactivated' | 'skipped'>;
  reason: string | null;
}

export interface DeactivationResult {
  /** Finding identity (src/evaluate/identity.ts: the location, for the first rule) -> what happened, for every key handed in. */
  byLocation: Map<string, KeyOutcome>;
  deactivated: number;
  /** The warnings logged (denied role or call), one per account at most. */
  warnings: Note[];
}

function second(ms: number): number {
  return Math.floor(ms / 1000);
}

function detail(err: unknown): string {
  return `${awsErrorName(err)}: ${oneLineMessage(err)}`.slice(0, 500);
}

/** Denied at this step: the account's remaining keys are skipped with this reason (the message). */
export class Denied extends AuditError {
  constructor(step: string, reason: string) {
    super('Denied', reason, { step });
  }
}

type Check = { ok: true } | { ok: false; reason: string };

/** The live re-check of one key with the remediation session. Throws Denied on a denial. */
async function recheck(iam: IAMClient, f: Finding, opts: DeactivateOptions, roleArn: string): Promise<Check> {
  const call = async <T>(action: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (err) {
      if (isNoSuchEntity(err)) return null;
      if (isAccessDenied(err))
        throw new Denied(action, `${roleArn} is denied iam:${action} (${detail(err)})`);
      throw err;
    }
  };
  const listed = await call('ListAccessKeys', () =>
    iam.send(new ListAccessKeysCommand({ UserName: f.userName })),
  );
  if (listed === null) return { ok: false, reason: 'the user was deleted since the audit' };
  const key = (listed.AccessKeyMetadata ?? []).find((k) => k.AccessKeyId === f.accessKeyId);
  if (!key) return { ok: false, reason: 'the key was deleted since the audit' };
  if (
    !key.CreateDate ||
    f.keyCreatedAt === null ||
    second(key.CreateDate.getTime()) !== second(Date.parse(f.keyCreatedAt))
  ) {
    return { ok: false, reason: 'the key is not the one audited (its CreateDate differs)' };
  }
  if (key.Status !== 'Active') return { ok: false, reason: 'the key is no longer Active' };
  const lastUsed = await call('GetAccessKeyLastUsed', () =>
    iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: f.accessKeyId ?? '' })),
  );
  if (lastUsed === null) return { ok: false, reason: 'the key was deleted since the audit' };
  const usedAt = lastUsed.AccessKeyLastUsed?.LastUsedDate?.getTime() ?? null;
  const recorded = f.keyLastUsedAt === null ? null : Date.parse(f.keyLastUsedAt);
  if (usedAt !== null && (recorded === null || second(usedAt) > second(recorded))) {
    return { ok: false, reason: 'the key was used since the audit' };
  }
  const reason = unnecessaryReason(usedAt, Date.parse(opts.asOf), opts.unusedDays);
  if (reason === null || !opts.reasons.includes(reason)) {
    return { ok: false, reason: 'the key is no longer unused per the rule' };
  }
  const tagged = await call('ListUserTags', () =>
    iam.send(new ListUserTagsCommand({ UserName: f.userName })),
  );
  if (tagged === null) return { ok: false, reason: 'the user was deleted since the audit' };
  const tags = Object.fromEntries((tagged.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const asOf = Date.parse(opts.asOf);
  // the key's own exemption tag (docs/design.md §10) counts as much as the user's
  const id = f.accessKeyId ?? '';
  const { keyExemption } = keyTagFacts({ tags, exemptionTag: opts.exemptionTag, accessKeyId: id, asOf });
  const [now] = applyExemptions([f], {
    exemptUsers: [],
    tags: new Map([[f.userArn, tags]]),
    exemptionTag: opts.exemptionTag,
    asOf,
    ...(keyExemption ? { keyExemptions: new Map([[id, keyExemption]]) } : {}),
  });
  if (now?.exempted) {
    const what = keyExemption && !keyExemption.expired ? 'the key' : 'the user';
    return { ok: false, reason: `${what} was exempted since the audit (exemption tag)` };
  }
  return { ok: true };
}

/** After a lost answer to UpdateAccessKey: is the key Inactive now (so the update was applied)? */
async function inactiveNow(iam: IAMClient, f: Finding): Promise<boolean> {
  try {
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: f.userName }));
    return (listed.AccessKeyMetadata ?? []).some(
      (k) => k.AccessKeyId === f.accessKeyId && k.Status === 'Inactive',
    );
  } catch {
    return false;
  }
}

async function actInAccount(
  accountId: string,
  keys: readonly Finding[],
  opts: DeactivateOptions,
  out: DeactivationResult,
): Promise<void> {
  const { roleArn, credentials } = opts.assume(accountId);
  const skipRest = (from: number, reason: string) => {
    for (const f of keys.slice(from)) out.byLocation.set(findingIdentity(f), { status: 'skipped', reason });
  };
  const warn = (what: string, n: number) => {
    const message = note`Remediation in account ${code(accountId)}: ${what}; ${n} due key(s) there stay Active. The remediation role ${code(opts.roleName)} (${code(roleArn)}) must trust the audit role and allow ${code('iam:ListAccessKeys')}, ${code('iam:GetAccessKeyLastUsed')}, ${code('iam:ListUserTags')} and ${code('iam:UpdateAccessKey')} (see docs/remediation.md).`;
    out.warnings.push(message);
    opts.log.warning(notePlain(message));
  };
  try {
    await credentials();
  } catch (err) {
    warn(`could not assume ${roleArn} (${detail(err)})`, keys.length);
    skipRest(0, `the remediation role ${roleArn} could not be assumed`);
    return;
  }
  const iam = new IAMClient(awsClientConfig({ region: opts.region, credentials, ...opts.aws }));
  try {
    for (const [i, f] of keys.entries()) {
      try {
        const check = await recheck(iam, f, opts, roleArn);
        if (!check.ok) {
          out.byLocation.set(findingIdentity(f), { status: 'skipped', reason: check.reason });
          opts.log.info(
            `Not deactivating ${f.accessKeyId} of ${f.userName} in ${accountId}: ${check.reason}.`,
          );
          continue;
        }
        if (opts.mode === 'plan') {
          out.byLocation.set(findingIdentity(f), {
            status: 'planned',
            reason: 'would be set Inactive (remediate: plan changes nothing)',
          });
          continue;
        }
        try {
          await iam.send(
            new UpdateAccessKeyCommand({
              UserName: f.userName,
              AccessKeyId: f.accessKeyId ?? '',
              Status: 'Inactive',
            }),
          );
        } catch (err) {
          if (isAccessDenied(err))
            throw new Denied('UpdateAccessKey', `${roleArn} is denied iam:UpdateAccessKey (${detail(err)})`);
          // The answer may be lost after AWS applied it: what the key is now says what happened.
          if (!(await inactiveNow(iam, f))) throw err;
          opts.log.warning(
            `UpdateAccessKey for ${f.accessKeyId} of ${f.userName} in ${accountId} failed (${detail(err)}), but the key is Inactive now: recorded as deactivated.`,
          );
        }
        out.deactivated++;
        out.byLocation.set(findingIdentity(f), { status: 'deactivated', reason: 'set Inactive by this run' });
        opts.log.info(`Deactivated access key ${f.accessKeyId} of ${f.userName} in account ${accountId}.`);
      } catch (err) {
        if (err instanceof Denied) {
          warn(err.message, keys.length - i);
          skipRest(i, err.message);
          return;
        }
        const reason = `the live check or the update failed (${detail(err)})`;
        out.byLocation.set(findingIdentity(f), { status: 'skipped', reason });
        opts.log.warning(
          `Remediation in account ${accountId}: ${f.accessKeyId} of ${f.userName}: ${reason}.`,
        );
      }
    }
  } finally {
    iam.destroy();
  }
}

/** Re-checks (and under `deactivate` deactivates) the planned keys; see the module comment. Never throws. */
export async function deactivateDueKeys(opts: DeactivateOptions): Promise<DeactivationResult> {
  const out: DeactivationResult = { byLocation: new Map(), deactivated: 0, warnings: [] };
  const byAccount = new Map<string, Finding[]>();
  for (const f of opts.keys) {
    if (f.accessKeyId === null || !isFailing(f)) {
      // planRemediation never hands these in; refuse them here as well
      out.byLocation.set(findingIdentity(f), { status: 'skipped', reason: 'not eligible for remediation' });
      continue;
    }
    const list = byAccount.get(f.accountId) ?? [];
    list.push(f);
    byAccount.set(f.accountId, list);
  }
  await mapWithConcurrency([...byAccount], opts.concurrency, async ([accountId, keys]) => {
    try {
      await actInAccount(accountId, keys, opts, out);
    } catch (err) {
      // Nothing above should throw; if it does, the account's unreported keys are skipped, not lost.
      for (const f of keys) {
        if (!out.byLocation.has(findingIdentity(f))) {
          out.byLocation.set(findingIdentity(f), {
            status: 'skipped',
            reason: `unexpected error (${detail(err)})`,
          });
        }
      }
    }
  });
  return out;
}

/** A key the records say was reported (and due) that is no longer a finding, to look up. */
export interface LostCandidate {
  accountId: string;
  userName: string;
  accessKeyId: string;
}

/**
 * Which of these keys are Inactive now (docs/design.md §8): due keys that left the findings with no record
 * of a deactivation, most likely this tool's own whose answer was lost (a 5xx, a stopped run). One
 * `ListAccessKeys` per user, with the account's audit credentials (read-only). Never throws: a key that
 * cannot be looked up is left out.
 */
export async function findInactive(
  candidates: readonly LostCandidate[],
  opts: {
    credentialsFor(accountId: string): AwsCredentialIdentityProvider | null;
    region: string;
    concurrency: number;
    aws?: AwsClientDeps;
  },
): Promise<LostCandidate[]> {
  const byUser = new Map<string, LostCandidate[]>();
  for (const c of candidates) {
    const k = `${c.accountId}\u0000${c.userName}`;
    byUser.set(k, [...(byUser.get(k) ?? []), c]);
  }
  const found: LostCandidate[] = [];
  await mapWithConcurrency([...byUser.values()], opts.concurrency, async (keys) => {
    const first = keys[0]!;
    const credentials = opts.credentialsFor(first.accountId);
    if (!credentials) return;
    const iam = new IAMClient(awsClientConfig({ region: opts.region, credentials, ...opts.aws }));
    try {
      const listed = await iam.send(new ListAccessKeysCommand({ UserName: first.userName }));
      for (const k of keys) {
        const live = (listed.AccessKeyMetadata ?? []).find((m) => m.AccessKeyId === k.accessKeyId);
        if (live?.Status === 'Inactive') found.push(k);
      }
    } catch {
      // renamed or deleted user, denied: nothing to record
    } finally {
      iam.destroy();
    }
  });
  return found.sort((a, b) => (a.accessKeyId < b.accessKeyId ? -1 : a.accessKeyId > b.accessKeyId ? 1 : 0));
}
