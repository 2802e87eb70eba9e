/**
 * Which accounts a run audits (docs/design.md §3): the signed-in account by default, the `accounts` list, or every
 * ACTIVE account of the organization; minus `exclude-accounts`; then this run's `shard`.
 */
import { OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import type { Config } from '../model.js';
import { awsClientConfig, type AwsClientDeps } from '../credentials/aws-config.js';
import type { AuditSession } from '../credentials/session.js';
import { classifyAwsError } from '../aws/errors.js';
import { operation } from '../aws/operations.js';
import { AuditError, oneLineMessage, type ErrorFields } from '../errors.js';
import { code, note, type Note } from '../notes.js';
import { compareAccountIds, selectShard } from './shard.js';

/** `organizations:ListAccounts`, as the messages name it. */
const LIST_ACCOUNTS = operation('ListAccounts').iamAction;

/** The most accounts ListAccounts returns per page. */
const LIST_ACCOUNTS_PAGE_SIZE = 20;

export interface AccountPlan {
  /** The accounts this run audits, sorted numerically. */
  accounts: string[];
  /** Things the reader of the report should know about the selection. */
  notes: Note[];
}

/** Raised when the account list cannot be obtained; its `hint` says what to fix. */
export class AccountListError extends AuditError {
  constructor(message: string, fields: ErrorFields) {
    super('AccountListError', message, fields);
  }
}

/**
 * Whether an Organizations account is ACTIVE: by `State`, falling back to the retired `Status`
 * (September 2026) only when `State` is absent.
 */
export function isActiveAccount(account: Pick<Account, 'State' | 'Status'>): boolean {
  if (account.State !== undefined && account.State !== null) return account.State === 'ACTIVE';
  return account.Status === 'ACTIVE';
}

async function listActiveOrganizationAccounts(
  config: Config,
  session: AuditSession,
  aws: AwsClientDeps | undefined,
): Promise<{ active: string[]; inactive: number }> {
  const client = new OrganizationsClient(
    awsClientConfig({ region: config.awsRegion, credentials: session.baseCredentials, ...aws }),
  );
  const active: string[] = [];
  let inactive = 0;
  try {
    for await (const page of paginateListAccounts({ client, pageSize: LIST_ACCOUNTS_PAGE_SIZE }, {})) {
      for (const account of page.Accounts ?? []) {
        if (!account.Id) continue;
        if (isActiveAccount(account)) active.push(account.Id);
        else inactive++;
      }
    }
  } catch (err) {
    const { name, kind } = classifyAwsError(err);
    const what = `Could not list the organization's accounts (${LIST_ACCOUNTS} as ${session.callerArn}): ${name}: ${oneLineMessage(err)}`;
    let hint: string;
    if (name === 'AWSOrganizationsNotInUseException') {
      hint =
        `Account ${session.callerAccountId} is not in an organization. \`organization: true\` needs the ` +
        'management account or a delegated administrator of an organization; use `accounts` to list accounts instead.';
    } else if (kind === 'access-denied') {
      hint =
        `\`organization: true\` must run in the management account or a delegated administrator account ` +
        `(account ${session.callerAccountId} may be neither), and the signed-in role needs ${LIST_ACCOUNTS}; ` +
        'check service control policies too. Or list the accounts with `accounts`.';
    } else {
      hint =
        `${LIST_ACCOUNTS} must succeed from the management account or a delegated administrator; ` +
        'or list the accounts with `accounts`.';
    }
    throw new AccountListError(what, { code: name, step: 'ListAccounts', hint, cause: err });
  }
  return { active, inactive };
}

/** The accounts to audit, with notes on what was left out. Throws `AccountListError` when listing fails. */
export async function planAccounts(
  config: Config,
  session: AuditSession,
  aws?: AwsClientDeps,
): Promise<AccountPlan> {
  const notes: Note[] = [];
  let candidates: string[];
  if (config.organization) {
    const { active, inactive } = await listActiveOrganizationAccounts(config, session, aws);
    candidates = active;
    if (inactive > 0) {
      notes.push(
        note`${inactive} organization account${inactive === 1 ? ' is' : 's are'} not ACTIVE (suspended, closed or pending) and ${inactive === 1 ? 'was' : 'were'} not audited.`,
      );
    }
  } else if (config.accounts.length > 0) {
    candidates = config.accounts;
  } else {
    candidates = [session.callerAccountId];
  }

  const excluded = new Set(config.excludeAccounts);
  const kept = [...new Set(candidates)].filter((id) => !excluded.has(id));
  const skipped = candidates.length === 0 ? 0 : new Set(candidates).size - kept.length;
  if (skipped > 0) {
    notes.push(note`${skipped} account${skipped === 1 ? '' : 's'} skipped by ${code('exclude-accounts')}.`);
  }

  const accounts = selectShard(kept, config.shard);
  if (config.shard) {
    notes.push(
      note`Shard ${config.shard.index}/${config.shard.total}: ${accounts.length} of ${kept.length} account${kept.length === 1 ? '' : 's'} (the accounts whose id mod N is K − 1); the other shards audit the rest.`,
    );
  }
  return { accounts: accounts.sort(compareAccountIds), notes };
}
