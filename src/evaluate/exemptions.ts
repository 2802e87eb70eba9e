/**
 * Exemptions (docs/design.md §1): the user's `exemption-tag` (with an optional `expires=YYYY-MM-DD`), a
 * key's own `EXEMPTION-TAG:ACCESS-KEY-ID` tag (docs/design.md §10, read by key-tags.ts) and the
 * `exempt-users` globs. An exempted key stays a `Finding` with `exempted: true` and its justification.
 */
import picomatch from 'picomatch';
import type { Finding } from '../model.js';
import { userPathAndName } from './evaluate.js';
import type { KeyExemption } from './key-tags.js';

export interface ExemptionOptions {
  /** Globs on user name, ARN, or `PATH/NAME` (the part of the ARN after `user/`); see `compile`. */
  exemptUsers: string[];
  /** User ARN -> its IAM tags; null when tags are unknown (offline). */
  tags: Map<string, Record<string, string>> | null;
  exemptionTag: string;
  /** Epoch ms the expiry dates are compared with. */
  asOf: number;
  /** Access key id -> the key's own exemption tag (`keyTagFacts`); absent: none (offline). */
  keyExemptions?: ReadonlyMap<string, KeyExemption>;
}

const EXPIRES = /(?:^|[\s;,])expires=(\S*)\s*$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Splits a justification tag value into its text and its `expires=YYYY-MM-DD` suffix (separated by
 * `;`, `,` or whitespace, or the whole value). `expires` is the text after `expires=` as written, even
 * when it is not a valid date (which `applyExemptions` then treats as already expired).
 */
export function parseJustification(value: string): { text: string; expires: string | null } {
  const trimmed = value.trim();
  const m = EXPIRES.exec(trimmed);
  if (!m) return { text: trimmed, expires: null };
  const text = trimmed
    .slice(0, m.index)
    .replace(/[\s;,]+$/, '')
    .trim();
  return { text, expires: m[1] ?? '' };
}

/** End of the given UTC day (exclusive), epoch ms; null when `YYYY-MM-DD` is not a real date. */
export function expiryEnd(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const start = Date.UTC(y, mo - 1, d);
  const check = new Date(start);
  if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Date.UTC(y, mo - 1, d + 1);
}

/**
 * Whether an exemption whose `expires=` is `expires` (null: none) has lapsed at `asOf` (epoch ms): after
 * its day (UTC), or at once when the date is not a real one. The one expiry rule of every exemption (the
 * user's tag, a key's own tag, an exemption written in infrastructure code).
 */
export function exemptionLapsed(expires: string | null, asOf: number): boolean {
  if (expires === null) return false;
  const end = expiryEnd(expires);
  return end === null || asOf >= end;
}

/** The value of `tagKey` (matched case-insensitively, as IAM treats tag keys as unique), trimmed. */
export function tagValue(tags: Record<string, string> | undefined, tagKey: string): string | null {
  if (!tags) return null;
  const wanted = tagKey.toLowerCase();
  for (const [k, v] of Object.entries(tags)) {
    if (k.toLowerCase() === wanted) return v.trim();
  }
  return null;
}

type Matcher = { glob: string; test: (f: Finding) => boolean };

const USER = ':user/';

/**
 * How an `exempt-users` glob matches a user (issue 19 §8.1):
 * - its name regardless of case: IAM user names are unique regardless of case (there cannot be an
 *   `ALICE` next to an `alice`), so `ALICE` can only mean alice;
 * - its `PATH/NAME` regardless of case, and so the part of an ARN after `:user/`: a glob cannot be cut
 *   reliably between path and name (`**`, braces), and the path names no other user (IAM paths are
 *   case-sensitive, so an account with both /ci/ and /CI/ would see a glob for one exempt the users of
 *   the other; the user is still one user);
 * - the ARN's `arn:PARTITION:iam::ACCOUNT:user/` exactly (case-sensitive, as written): the partition and
 *   account are what keeps a glob for one account from exempting another's user, and are never loosened.
 *   A glob without the literal `:user/` matches the whole ARN exactly, as before.
 * What matched before still matches (the exact test comes first). `windows: false`: `\` is the glob's
 * escape (e.g. `\,` for a comma in a name) on every runner, never a path separator.
 */
function compile(glob: string): Matcher {
  const opts = { dot: true, windows: false } as const;
  const exact = picomatch(glob, opts);
  const anyCase = picomatch(glob, { ...opts, nocase: true });
  const at = glob.indexOf(USER);
  const arnHead = at < 0 ? null : picomatch(glob.slice(0, at + USER.length), opts);
  const arnTail = at < 0 ? null : picomatch(glob.slice(at + USER.length), { ...opts, nocase: true });
  const arnMatches = (arn: string): boolean => {
    if (exact(arn)) return true;
    const i = arn.indexOf(USER);
    if (arnHead === null || arnTail === null || i < 0) return false;
    return arnHead(arn.slice(0, i + USER.length)) && arnTail(arn.slice(i + USER.length));
  };
  return {
    glob,
    test: (f) => anyCase(f.userName) || anyCase(userPathAndName(f.userArn)) || arnMatches(f.userArn),
  };
}

/**
 * An `exempt-users` matcher for a user known only by name (infrastructure code, docs/design.md §11: no
 * account, no ARN): each glob against the name regardless of case, as above. Globs that name an ARN
 * (`arn:…`) cannot match such a user and are returned apart, so the caller can say so.
 */
export function nameGlobs(globs: string[]): { match: (name: string) => string | null; arnGlobs: string[] } {
  const all = globs.map((g) => g.trim()).filter((g) => g !== '');
  const arnGlobs = all.filter((g) => g.startsWith('arn:'));
  const names = all
    .filter((g) => !g.startsWith('arn:'))
    .map((glob) => ({ glob, test: picomatch(glob, { dot: true, windows: false, nocase: true }) }));
  return { match: (name) => names.find((m) => m.test(name))?.glob ?? null, arnGlobs };
}

function compileAll(globs: string[]): Matcher[] {
  return globs
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map(compile);
}

function matchingGlob(matchers: Matcher[], f: Finding): string | null {
  return matchers.find((m) => m.test(f))?.glob ?? null;
}

/**
 * Marks findings exempted by a tag or an `exempt-users` glob. A valid tag wins over a glob (the user's tag
 * first, then the key's own); a glob wins over an expired tag (the workflow says so explicitly); an
 * expired tag alone gives `exempted: false, exemptionExpired: true` with the justification kept. Pure:
 * returns new objects.
 */
export function applyExemptions(findings: Finding[], opts: ExemptionOptions): Finding[] {
  const matchers = compileAll(opts.exemptUsers);
  return findings.map((f) => {
    const value = tagValue(opts.tags?.get(f.userArn), opts.exemptionTag);
    let expired = false;
    if (value) {
      expired = exemptionLapsed(parseJustification(value).expires, opts.asOf);
      if (!expired) return { ...f, exempted: true, justification: value, exemptionExpired: false };
    }
    const key = f.accessKeyId === null ? undefined : opts.keyExemptions?.get(f.accessKeyId);
    if (key && !key.expired) {
      return { ...f, exempted: true, justification: key.justification, exemptionExpired: false };
    }
    const glob = matchingGlob(matchers, f);
    if (glob !== null) {
      return { ...f, exempted: true, justification: `exempt-users: "${glob}"`, exemptionExpired: false };
    }
    if (expired) return { ...f, exempted: false, justification: value, exemptionExpired: true };
    if (key) return { ...f, exempted: false, justification: key.justification, exemptionExpired: true };
    return { ...f, exempted: false, justification: null, exemptionExpired: false };
  });
}
