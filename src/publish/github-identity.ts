/**
 * The identity this run writes to GitHub as (docs/design.md §8): the token's own account, from GraphQL's
 * `viewer`, which answers for the workflow's `GITHUB_TOKEN` (`github-actions[bot]`), GitHub App
 * installation tokens (`<app>[bot]`) and personal tokens alike (REST `GET /user` refuses installation
 * tokens). Issues and record comments count as evidence only when this identity wrote them.
 */
import type { GitHubActor } from '../model.js';
import { errorMessage } from '../errors.js';
import { oneLine } from '../report/markdown.js';
import type { GitHubClient } from './octokit.js';

export type IdentityLookup = { ok: true; self: GitHubActor } | { ok: false; detail: string };

/** Never throws: an identity that cannot be read means no issue or comment counts as evidence. */
export async function whoAmI(octokit: GitHubClient): Promise<IdentityLookup> {
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } }>(
      'query { viewer { login databaseId } }',
    );
    const login = data.viewer?.login;
    const id = data.viewer?.databaseId;
    if (typeof login !== 'string' || login === '') return { ok: false, detail: 'no viewer in the answer' };
    return { ok: true, self: { login, id: typeof id === 'number' ? id : null } };
  } catch (e) {
    return { ok: false, detail: oneLine(errorMessage(e)).slice(0, 300) };
  }
}
