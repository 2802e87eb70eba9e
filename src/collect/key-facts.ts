/**
 * Live facts of the keys a credential report flagged (docs/design.md §1): the report can be hours old, so the
 * audit checks each flagged key against the live API. Plain facts only; audit/account.ts joins them
 * with the decisions of evaluate/confirm.ts.
 *
 * Per flagged user: `ListAccessKeys` (key id, exact `CreateDate`, `Status`) and `ListUserTags` (for the
 * exemption tag; paginated only when truncated). Per key to confirm: `GetAccessKeyLastUsed`. Never a
 * walk over all users.
 */
import {
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { KeyLastUse, ListedKey } from '../model.js';
import { atStep, isNoSuchEntity } from '../aws/errors.js';
import { settleBoth } from './pool.js';

/** A flagged user's live keys and IAM tags. */
export interface UserKeyFacts {
  keys: ListedKey[];
  tags: Record<string, string>;
}

/** `N/A` and empty strings from the API are "unknown". */
function known(value: string | undefined): string | null {
  return value === undefined || value === '' || value === 'N/A' ? null : value;
}

async function listTags(iam: IAMClient, userName: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let marker: string | undefined;
  do {
    const out = await atStep('ListUserTags', () =>
      iam.send(new ListUserTagsCommand({ UserName: userName, Marker: marker })),
    );
    for (const t of out.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return tags;
}

async function listKeys(iam: IAMClient, userName: string): Promise<ListedKey[] | null> {
  try {
    const out = await atStep('ListAccessKeys', () =>
      iam.send(new ListAccessKeysCommand({ UserName: userName })),
    );
    // A user has at most two keys: one page always holds them.
    return out.AccessKeyMetadata ?? [];
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw err;
  }
}

/** A user's tags, or null when the user was deleted since the report. */
async function userTags(iam: IAMClient, userName: string): Promise<Record<string, string> | null> {
  try {
    return await listTags(iam, userName);
  } catch (err) {
    if (isNoSuchEntity(err)) return null;
    throw err;
  }
}

/** A user's keys and tags (both calls at once), or null when the user was deleted since the report. */
export async function userKeyFacts(iam: IAMClient, userName: string): Promise<UserKeyFacts | null> {
  const [keys, tags] = await settleBoth(listKeys(iam, userName), userTags(iam, userName));
  return keys === null || tags === null ? null : { keys, tags };
}

/** A key's live last use, or null when the key was deleted since it was listed. */
export async function keyLastUse(iam: IAMClient, accessKeyId: string): Promise<KeyLastUse | null> {
  let lastUsed;
  try {
    const out = await atStep('GetAccessKeyLastUsed', () =>
      iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId })),
    );
    lastUsed = out.AccessKeyLastUsed;
  } catch (err) {
    if (isNoSuchEntity(err)) return null; // deleted between the two calls
    throw err;
  }
  return {
    usedAt: lastUsed?.LastUsedDate?.getTime() ?? null,
    service: known(lastUsed?.ServiceName),
    region: known(lastUsed?.Region),
  };
}
