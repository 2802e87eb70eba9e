/**
 * What terraform-aws-modules' `iam-user` module (the most used way to make IAM users in Terraform)
 * creates, known without the network. In every version from v0.0.3 (its first) to v6.5 it makes a
 * login profile and an access key by default:
 * - v0.0.3 – v5.x: `create_user`, `create_iam_user_login_profile`, `create_iam_access_key` (all default
 *   true); the key is `aws_iam_access_key.this_no_pgp` when `pgp_key` is empty (from v0.2.0), else
 *   `.this`; its status is `iam_access_key_status` (from v5.9.0); the name output `iam_user_name`
 *   (`this_iam_user_name` before v1).
 * - v6.x: renamed `create`, `create_login_profile`, `create_access_key`; the key is always `.this`; its
 *   status is `access_key_status`; the name output `name`.
 * A version past v6 is read with v6's names. Pure.
 */

export type Family = 'v5' | 'v6';

export interface FamilyInputs {
  create: string;
  profile: string;
  key: string;
  status: string;
  nameOutputs: string[];
}

export const INPUTS: Record<Family, FamilyInputs> = {
  v5: {
    create: 'create_user',
    profile: 'create_iam_user_login_profile',
    key: 'create_iam_access_key',
    status: 'iam_access_key_status',
    nameOutputs: ['iam_user_name', 'this_iam_user_name'],
  },
  v6: {
    create: 'create',
    profile: 'create_login_profile',
    key: 'create_access_key',
    status: 'access_key_status',
    nameOutputs: ['name'],
  },
};

const REGISTRY =
  /^(?:(?:registry\.terraform\.io|registry\.opentofu\.org)\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-user\/?$/i;
const GIT =
  /^(?:git::)?(?:(?:https|ssh|git):\/\/)?(?:[\w.-]+@)?github\.com[/:]terraform-aws-modules\/terraform-aws-iam(?:\.git)?\/\/modules\/iam-user\/?(?:\?(.*))?$/i;

/** Whether `source` names the iam-user module; for a git source, its `ref` (null when none). */
export function iamUserSource(source: string): { ref: string | null } | null {
  const s = source.trim();
  if (REGISTRY.test(s)) return { ref: null };
  const m = GIT.exec(s);
  if (!m) return null;
  const ref = new URLSearchParams(m[1] ?? '').get('ref');
  return { ref };
}

type Version = [number, number, number];

function parseVersion(text: string): { v: Version; segments: number } | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  if (!m) return null;
  const segments = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { v: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], segments };
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function next(v: Version): Version {
  return [v[0], v[1], v[2] + 1];
}

const ZERO: Version = [0, 0, 0];
const INFINITY: Version = [Infinity, 0, 0];

/**
 * The versions a constraint (`~> 5.0`, `>= 4, < 6`, `5.39.0`) or a git ref (`v5.39.0`) admits, as a
 * half-open interval; the whole line when it cannot be read (`!=` clauses are ignored).
 */
export function admitted(constraint: string | null): [Version, Version] {
  let lo = ZERO;
  let hi = INFINITY;
  for (const clause of (constraint ?? '').split(',')) {
    const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(clause);
    const parsed = m ? parseVersion(m[2] as string) : null;
    if (!m || !parsed) continue;
    const { v, segments } = parsed;
    let range: [Version, Version];
    switch (m[1]) {
      case '>':
        range = [next(v), INFINITY];
        break;
      case '>=':
        range = [v, INFINITY];
        break;
      case '<':
        range = [ZERO, v];
        break;
      case '<=':
        range = [ZERO, next(v)];
        break;
      case '!=':
        continue;
      case '~>':
        range = [v, segments === 3 ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0]];
        break;
      default:
        range = [v, next(v)];
    }
    if (cmp(range[0], lo) > 0) lo = range[0];
    if (cmp(range[1], hi) < 0) hi = range[1];
  }
  return [lo, hi];
}

/** The families whose versions the interval reaches; both when it is empty or unreadable. */
export function families([lo, hi]: [Version, Version]): Family[] {
  if (cmp(lo, hi) >= 0) return ['v5', 'v6'];
  const out: Family[] = [];
  if (cmp(lo, [6, 0, 0]) < 0) out.push('v5');
  if (cmp(hi, [6, 0, 0]) > 0) out.push('v6');
  return out;
}

/** Whether versions before v0.2.0 (one key resource, `.this`) are the only ones admitted. */
export function beforePgpSplit([, hi]: [Version, Version]): boolean {
  return cmp(hi, [0, 2, 0]) <= 0;
}

/**
 * Narrows the admitted families by the inputs the call sets: Terraform rejects an argument the module
 * does not declare, so a call setting `create_iam_access_key` runs on a v5-line version. Returns the
 * families, and the names that no admitted family declares (to say so).
 */
export function byInputs(
  admittedFamilies: Family[],
  args: string[],
): { families: Family[]; foreign: string[] } {
  const uses = (f: Family) => args.some((a) => toggles(f).includes(a) && !toggles(other(f)).includes(a));
  const fitting = admittedFamilies.filter((f) => !uses(other(f)));
  const chosen = fitting.length > 0 ? fitting : admittedFamilies;
  const foreign = args.filter(
    (a) => chosen.every((f) => !toggles(f).includes(a)) && chosen.some((f) => toggles(other(f)).includes(a)),
  );
  return { families: chosen, foreign };
}

function other(f: Family): Family {
  return f === 'v5' ? 'v6' : 'v5';
}

function toggles(f: Family): string[] {
  const i = INPUTS[f];
  return [i.create, i.profile, i.key, i.status];
}
