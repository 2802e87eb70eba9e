/**
 * Terraform plans (`terraform show -json plan.out`): exact where the code can only guess, since
 * Terraform has already expanded modules, counts and variables. A user whose login profile and access
 * key both exist after the change, at least one of them made by it, is a finding. Keys and profiles are
 * linked to users by name (`change.after.user` == the user's `change.after.name`), or, when the name is
 * known only after apply, by the plan's `configuration` references. Pure: the parsed plan is given.
 */
import type { IacFinding, IacLocation } from './types.js';
import { exemptionFromTag, tagValue, type IacExemption } from './exemption.js';
import { iamUserSource } from './iam-user-module.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A parsed plan (see `isPlan`). */
export type PlanJson = Record<string, Json>;

function obj(v: unknown): Record<string, Json> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;
}

/** Whether parsed JSON is a plan: `format_version` and `resource_changes`. */
export function isPlan(v: unknown): v is PlanJson {
  const o = obj(v);
  return o !== null && typeof o.format_version === 'string' && Array.isArray(o.resource_changes);
}

/** Where an address of the plan is written in the code read, and its exemption; null when not read. */
export type Locator = (address: string) => (IacLocation & { exemption: IacExemption | null }) | null;

interface Change {
  address: string;
  configAddress: string;
  /** The configuration address of its module, with a trailing dot; '' in the root module. */
  configPrefix: string;
  moduleAddress: string;
  type: string;
  index: Json;
  after: Record<string, Json>;
  afterUnknown: Record<string, Json>;
  created: boolean;
}

/** `module.a["x"].module.b[0]` -> `module.a.module.b` (instance keys dropped). */
function withoutKeys(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}

const TYPES = new Set(['aws_iam_user', 'aws_iam_user_login_profile', 'aws_iam_access_key']);

function changes(plan: PlanJson): Change[] {
  const out: Change[] = [];
  for (const rc of (plan.resource_changes as Json[]).map(obj)) {
    const change = obj(rc?.change);
    const actions = Array.isArray(change?.actions) ? change.actions : [];
    const after = obj(change?.after);
    if (!rc || rc.mode !== 'managed' || typeof rc.type !== 'string' || !TYPES.has(rc.type) || !after)
      continue;
    if (typeof rc.address !== 'string' || (actions.length === 1 && actions[0] === 'delete')) continue;
    const moduleAddress = typeof rc.module_address === 'string' ? rc.module_address : '';
    const prefix = moduleAddress === '' ? '' : `${withoutKeys(moduleAddress)}.`;
    out.push({
      address: rc.address,
      configAddress: `${prefix}${rc.type}.${String(rc.name)}`,
      configPrefix: prefix,
      moduleAddress,
      type: rc.type,
      index: rc.index ?? null,
      after,
      afterUnknown: obj(change?.after_unknown) ?? {},
      created: actions.includes('create'),
    });
  }
  return out;
}

/** The plan's configuration: resources' `user` references and module calls' sources, by address. */
function configuration(plan: PlanJson): {
  refs: Map<string, string[]>;
  sources: Map<string, string>;
} {
  const refs = new Map<string, string[]>();
  const sources = new Map<string, string>();
  const walk = (module: Record<string, Json> | null, prefix: string, depth: number) => {
    if (!module || depth > 32) return;
    for (const r of Array.isArray(module.resources) ? module.resources.map(obj) : []) {
      const user = obj(obj(r?.expressions)?.user);
      if (typeof r?.address === 'string' && Array.isArray(user?.references)) {
        refs.set(
          `${prefix}${r.address}`,
          user.references.filter((x): x is string => typeof x === 'string'),
        );
      }
    }
    for (const [name, call] of Object.entries(obj(module.module_calls) ?? {})) {
      const c = obj(call);
      if (typeof c?.source === 'string') sources.set(`${prefix}module.${name}`, c.source);
      walk(obj(c?.module), `${prefix}module.${name}.`, depth + 1);
    }
  };
  walk(obj(obj(plan.configuration)?.root_module), '', 0);
  return { refs, sources };
}

function str(v: Json | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

function noteOf(user: Change | null, key: Change, profile: Change): string | null {
  if (user?.created || (!user && key.created && profile.created)) return null;
  if (key.created && profile.created)
    return 'gives an existing user both a console password and an access key';
  if (profile.created) return 'adds a console password to an existing user who keeps this access key';
  return 'adds an access key to an existing user who has a console password';
}

/** The findings of a plan. `path` is root-relative; `locate` finds addresses in the code read. */
export function scanPlan(
  plan: PlanJson,
  path: string,
  opts: { locate: Locator; exemptionTag: string },
): IacFinding[] {
  const all = changes(plan);
  const { refs, sources } = configuration(plan);
  const users = all.filter((c) => c.type === 'aws_iam_user');
  const byName = new Map<string, Change>();
  for (const u of users) {
    const n = str(u.after.name);
    if (n !== null && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), u);
  }
  /** The user a key or profile belongs to: by name, else by the configuration's reference. */
  const userOf = (c: Change): { key: string; user: Change | null; name: string | null } | null => {
    const name = str(c.after.user);
    if (name !== null) {
      const u = byName.get(name.toLowerCase());
      return { key: u ? u.address : `name:${name.toLowerCase()}`, user: u ?? null, name };
    }
    const ref = refs.get(c.configAddress)?.find((r) => r.startsWith('aws_iam_user.'));
    if (!ref) return null;
    const target = `${c.configPrefix}aws_iam_user.${ref.split('.')[1]}`;
    const candidates = users.filter((u) => u.configAddress === target && u.moduleAddress === c.moduleAddress);
    const u = candidates.find((x) => JSON.stringify(x.index) === JSON.stringify(c.index)) ?? candidates[0];
    return u ? { key: u.address, user: u, name: str(u.after.name) } : null;
  };
  const profiles = all
    .filter((c) => c.type === 'aws_iam_user_login_profile')
    .map((p) => ({ p, id: userOf(p) }));
  const at = (address: string): IacLocation & { exemption: IacExemption | null } =>
    opts.locate(address) ?? opts.locate(withoutKeys(address)) ?? { file: path, line: 1, exemption: null };
  const findings: IacFinding[] = [];
  for (const key of all) {
    if (key.type !== 'aws_iam_access_key' || str(key.after.status) === 'Inactive') continue;
    const id = userOf(key);
    const profile = id ? profiles.find((x) => x.id?.key === id.key)?.p : undefined;
    if (!id || !profile || !(key.created || profile.created)) continue;
    const keyAt = at(key.address);
    const userAt = id.user ? at(id.user.address) : null;
    const iamUserCall =
      key.moduleAddress !== '' && iamUserSource(sources.get(withoutKeys(key.moduleAddress)) ?? '') !== null;
    const tags = obj(id.user?.after.tags_all) ?? obj(id.user?.after.tags);
    const tagged = tags ? tagValue(new Map(Object.entries(tags)), opts.exemptionTag) : null;
    const { exemption: _, ...profileAt } = at(profile.address);
    findings.push({
      address: iamUserCall ? key.moduleAddress : key.address,
      userName: id.name ?? id.user?.address ?? id.key,
      userAddress: id.user?.address ?? id.key.replace(/^name:/, ''),
      file: keyAt.file,
      line: keyAt.line,
      loginProfile: { ...profileAt, address: profile.address },
      source: 'terraform-plan',
      condition: null,
      note: noteOf(id.user, key, profile),
      exemption: keyAt.exemption ?? userAt?.exemption ?? (tagged === null ? null : exemptionFromTag(tagged)),
    });
  }
  return findings;
}
