/**
 * Terraform configurations (HCL): reads the module directories of the scanned `.tf` files and the
 * modules they call, expands each root configuration (terraform-model.ts), and reports the users that
 * get both a login profile and an access key in it, with the line to fix.
 *
 * A directory is a root configuration unless another directory read calls it as a local module (then
 * its findings come through its callers, with the arguments they pass). Users, profiles and keys are
 * linked by the user's address carried in its name (`aws_iam_user.x.name`, through templates,
 * `each.value`, variables and module outputs) or by a literal equal to the user's name.
 */
import type { IacFinding, IacLocation } from './types.js';
import { exemptionFromTag, parseIgnoreComment, tagValue, type IacExemption } from './exemption.js';
import { errorMessage } from '../errors.js';
import { joinRel, type ScanFiles } from './files.js';
import { parseHcl, type HclBlock, type HclFile } from './hcl.js';
import {
  asString,
  Evaluator,
  isUnknown,
  plain,
  truthy,
  MAX_STEPS,
  UNKNOWN,
  type Unknown,
  type Value,
} from './hcl-eval.js';
import { iamUserSource, INPUTS } from './iam-user-module.js';
import {
  ALWAYS,
  both,
  condText,
  Expander,
  MAX_TOTAL_INSTANCES,
  moduleDir,
  ModuleInstance,
  type Cond,
  type InitModule,
  type TfModuleDir,
} from './terraform-model.js';

const USER = 'aws_iam_user';
const PROFILE = 'aws_iam_user_login_profile';
const KEY = 'aws_iam_access_key';

export interface TerraformOptions {
  /** tfvars files (root-relative) applied to every root configuration, after the auto-loaded ones. */
  tfvars: string[];
  exemptionTag: string;
}

/** Where an address of a root configuration is written, and the exemption written there. */
interface Located extends IacLocation {
  exemption: IacExemption | null;
}

export interface TerraformRoot {
  dir: string;
  findings: IacFinding[];
  /** Resource and module addresses (with and without instance keys) -> where they are written. */
  index: Map<string, Located>;
}

/**
 * The `.tf` files worth parsing: those with IAM users or keys, variables, locals, outputs or module
 * calls. The others (buckets, instances, policies: most of a repository) cannot make or link a finding;
 * skipping them halves the scan of a large repository (npm run bench:iac). The cost: a count that
 * depends on such a resource (`length(aws_instance.x)`) reads as "when enabled" instead of decided.
 */
const MAY_MATTER = /\b(?:variable|output|module)\s+["\w]|\blocals\s*\{|aws_iam_(?:user|access_key)/;

/** Reads module directories once each, following local module sources and modules.json. */
export class TerraformReader {
  private readonly dirs = new Map<string, Promise<TfModuleDir | null>>();
  private readonly inits = new Map<string, Promise<Map<string, InitModule>>>();
  /** Directories called as local modules (or installed by `terraform init`) by a directory read. */
  readonly called = new Set<string>();
  /** `.tf` files read. */
  read = 0;

  constructor(private readonly files: ScanFiles) {}

  dir(dir: string): Promise<TfModuleDir | null> {
    let p = this.dirs.get(dir);
    if (!p) {
      p = this.load(dir);
      this.dirs.set(dir, p);
    }
    return p;
  }

  private async load(dir: string): Promise<TfModuleDir | null> {
    const names = await this.files.list(dir, '.tf');
    if (names.length === 0) return null;
    const paths = names.map((n) => (dir === '.' ? n : `${dir}/${n}`));
    const texts = await this.files.readAll(paths);
    const parsed: HclFile[] = [];
    texts.forEach((text, i) => {
      if (text === null) return;
      this.read++;
      if (!MAY_MATTER.test(text)) return;
      let f: HclFile;
      try {
        f = parseHcl(text, paths[i] as string);
      } catch (err) {
        // e.g. nesting deeper than the stack: a note, never a crash
        this.files.note(`${paths[i]}: could not be parsed (${errorMessage(err)}).`);
        return;
      }
      if (f.errorLine !== null)
        this.files.note(`${f.path}:${f.errorLine}: not valid HCL; read as far as it could be.`);
      parsed.push(f);
    });
    return moduleDir(dir, parsed);
  }

  /** modules.json of a root directory after `terraform init`: module key -> its directory. */
  init(dir: string): Promise<Map<string, InitModule>> {
    let p = this.inits.get(dir);
    if (!p) {
      p = this.loadInit(dir);
      this.inits.set(dir, p);
    }
    return p;
  }

  private async loadInit(dir: string): Promise<Map<string, InitModule>> {
    const out = new Map<string, InitModule>();
    const path = joinRel(dir, '.terraform/modules/modules.json') as string;
    if (!(await this.files.exists(path))) return out;
    const text = await this.files.read(path);
    let modules: unknown;
    try {
      modules = (JSON.parse(text ?? '{}') as { Modules?: unknown }).Modules;
    } catch {
      this.files.note(`${path}: not valid JSON; module sources read from the code.`);
      return out;
    }
    for (const m of Array.isArray(modules) ? (modules as Array<Record<string, unknown>>) : []) {
      const { Key: key, Dir: d, Source: source, Version: version } = m;
      if (typeof key !== 'string' || key === '' || typeof d !== 'string') continue;
      const rel = joinRel(dir, d.replace(/\\/g, '/'));
      if (rel === null) continue;
      out.set(key, {
        dir: rel,
        source: typeof source === 'string' ? source : '',
        version: typeof version === 'string' ? version : null,
      });
    }
    return out;
  }

  /** Reads the directories and everything they call (local sources, modules.json), once each. */
  async walk(start: string[]): Promise<void> {
    const queue = [...start];
    const seen = new Set(queue);
    const visit = (d: string) => {
      if (!seen.has(d)) {
        seen.add(d);
        queue.push(d);
      }
    };
    while (queue.length > 0) {
      const batch = queue.splice(0, queue.length);
      const loaded = await Promise.all(batch.map((d) => this.dir(d)));
      for (const d of batch) {
        for (const m of (await this.init(d)).values())
          if (!iamUserSource(m.source)) this.calledDir(m.dir, visit);
      }
      for (const m of loaded) {
        for (const call of m?.modules.values() ?? []) {
          const src = call.attrs.get('source')?.expr;
          const text = src?.k === 'lit' && typeof src.v === 'string' ? src.v : '';
          if (!text.startsWith('./') && !text.startsWith('../')) continue;
          const rel = joinRel((m as TfModuleDir).dir, text);
          // a directory calling itself is still a configuration of its own
          if (rel !== null && rel !== (m as TfModuleDir).dir) this.calledDir(rel, visit);
        }
      }
    }
  }

  private calledDir(dir: string, visit: (d: string) => void): void {
    this.called.add(dir);
    visit(dir);
  }

  async loaded(): Promise<Map<string, TfModuleDir>> {
    const out = new Map<string, TfModuleDir>();
    for (const [d, p] of this.dirs) {
      const m = await p;
      if (m) out.set(d, m);
    }
    return out;
  }
}

/** The root variables set by tfvars files: the auto-loaded ones of the directory, then `explicit`. */
async function tfvarsOf(files: ScanFiles, dir: string, explicit: string[]): Promise<Map<string, Value>> {
  const out = new Map<string, Value>();
  const auto = (await files.list(dir, '.tfvars')).filter(
    (n) => n === 'terraform.tfvars' || n.endsWith('.auto.tfvars'),
  );
  const autoJson = (await files.list(dir, '.tfvars.json')).filter(
    (n) => n === 'terraform.tfvars.json' || n.endsWith('.auto.tfvars.json'),
  );
  const ordered = [...auto, ...autoJson]
    .sort((a, b) => (a.startsWith('terraform.') ? -1 : b.startsWith('terraform.') ? 1 : a < b ? -1 : 1))
    .map((n) => (dir === '.' ? n : `${dir}/${n}`));
  const empty = new Evaluator({ ref: () => UNKNOWN });
  for (const path of [...ordered, ...explicit]) {
    const text = await files.read(path);
    if (text === null) continue;
    if (path.endsWith('.json')) {
      try {
        const obj = JSON.parse(text) as unknown;
        if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
          for (const [k, v] of Object.entries(obj)) out.set(k, fromJson(v));
        }
      } catch {
        files.note(`${path}: not valid JSON; its values are not used.`);
      }
      continue;
    }
    const f = parseHcl(text, path);
    if (f.errorLine !== null)
      files.note(`${path}:${f.errorLine}: not valid HCL; read as far as it could be.`);
    for (const [k, a] of f.body.attrs) out.set(k, empty.eval(a.expr));
  }
  return out;
}

function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** A user, login profile or access key instance: a resource, or one the iam-user module makes. */
interface IamItem {
  kind: 'user' | 'profile' | 'key';
  address: string;
  configAddress: string;
  module: ModuleInstance;
  /** The resource block; null when the iam-user module makes it (its call is then the place). */
  block: HclBlock | null;
  cond: Cond;
  /** A user's `name`; a profile's or key's `user`. */
  name(): Value;
  status(): Value;
  tags(): Value;
}

const KINDS: Record<string, IamItem['kind']> = { [USER]: 'user', [PROFILE]: 'profile', [KEY]: 'key' };

function items(m: ModuleInstance, out: IamItem[] = []): IamItem[] {
  if (m.iamUser) {
    out.push(...iamUserItems(m));
    return out;
  }
  for (const [key, block] of m.dir?.resources ?? []) {
    const kind = KINDS[block.labels[0] as string];
    if (!kind) continue;
    for (const r of m.resources(key)) {
      out.push({
        kind,
        address: r.address,
        configAddress: r.configAddress,
        module: m,
        block,
        cond: r.cond,
        name: () => r.attr(kind === 'user' ? 'name' : 'user'),
        status: () => r.attr('status'),
        tags: () => r.attr('tags'),
      });
    }
  }
  for (const name of m.dir?.modules.keys() ?? []) for (const c of m.children(name)) items(c, out);
  return out;
}

function toCond(b: boolean | Unknown): Cond | null {
  if (b === true) return ALWAYS;
  if (b === false) return null;
  return b.terms === null ? { terms: [], undecidable: true } : { terms: b.terms, undecidable: false };
}

/** The user, profile and key an iam-user module instance makes, from its inputs and version. */
function iamUserItems(m: ModuleInstance): IamItem[] {
  const call = m.iamUser as NonNullable<ModuleInstance['iamUser']>;
  const flag = (name: string) => truthy(m.input(name) ?? true);
  const outcomes = call.families.map((f) => {
    const i = INPUTS[f];
    const create = toCond(flag(i.create));
    const made = (toggle: string) => {
      const c = toCond(flag(toggle));
      return create && c ? both(create, c) : null;
    };
    return { f, user: create, profile: made(i.profile), key: made(i.key) };
  });
  const first = outcomes[0];
  if (!first) return [];
  const agree = outcomes.every(
    (o) =>
      JSON.stringify(o.profile) === JSON.stringify(first.profile) &&
      JSON.stringify(o.key) === JSON.stringify(first.key),
  );
  const fam = INPUTS[first.f];
  const pgp = plain(m.input('pgp_key') ?? null);
  const keyName =
    first.f === 'v6' || call.beforePgpSplit || (pgp !== null && pgp !== '' && !isUnknown(pgp))
      ? 'this'
      : 'this_no_pgp';
  const userAddress = `${m.prefix}${USER}.this[0]`;
  const made: Array<[IamItem['kind'], string, Cond | null]> = [
    ['user', userAddress, first.user],
    ['profile', `${m.prefix}${PROFILE}.this[0]`, first.profile],
    ['key', `${m.prefix}${KEY}.${keyName}[0]`, first.key],
  ];
  const name = () => m.input('name') ?? UNKNOWN;
  return made.flatMap(([kind, address, cond]) =>
    cond === null
      ? []
      : [
          {
            kind,
            address,
            configAddress: address.replace(m.address, m.configAddress).replace(/\[0\]$/, ''),
            module: m,
            block: null,
            cond: both(m.cond, agree ? cond : { terms: [], undecidable: true }),
            name: kind === 'user' ? name : () => ({ t: 'username', user: userAddress, name: name() }),
            status: () => m.input(fam.status) ?? null,
            tags: () => m.input('tags') ?? null,
          },
        ],
  );
}

/** The `module` block of the root configuration that (through its modules) makes an instance. */
function rootCall(m: ModuleInstance): HclBlock | null {
  let cur = m;
  while (cur.parent?.parent) cur = cur.parent;
  return cur.call;
}

function locate(item: IamItem): IacLocation {
  const call = rootCall(item.module);
  const at = call ?? (item.block as HclBlock);
  return { file: at.file.path, line: at.line };
}

/** Comments on a block: inside it, or the comment lines right above it. */
function commentsOn(block: HclBlock): string[] {
  const out: string[] = [];
  const sorted = [...block.file.comments].sort((a, b) => b.line - a.line);
  let above = block.line - 1;
  for (const c of sorted) {
    if (c.line >= block.line && c.line <= block.endLine) out.push(c.text);
    else if (c.endLine === above) {
      out.push(c.text);
      above = c.line - 1;
    }
  }
  return out;
}

class Exemptions {
  constructor(
    private readonly files: ScanFiles,
    private readonly tag: string,
  ) {}

  /** An ignore comment on the block, on the module calls that make it, in this order. */
  written(item: IamItem | null): IacExemption | null {
    if (!item) return null;
    const blocks: HclBlock[] = item.block ? [item.block] : [];
    for (let m: ModuleInstance | null = item.module; m?.call; m = m.parent) blocks.push(m.call);
    for (const b of blocks) {
      for (const text of commentsOn(b)) {
        const e = parseIgnoreComment(text);
        if (e && 'error' in e)
          this.files.note(`${b.file.path}:${b.line}: the ignore comment ${e.error}; not an exemption.`);
        else if (e) return e;
      }
    }
    return null;
  }

  tagged(user: IamItem | null): IacExemption | null {
    const tags = user ? plain(user.tags()) : null;
    if (!(tags instanceof Map)) return null;
    const v = tagValue(new Map([...tags].map(([k, x]) => [k, asString(x)])), this.tag);
    return v === null ? null : exemptionFromTag(v);
  }
}

interface Identity {
  key: string;
  user: IamItem | null;
  name: string | null;
}

function linker(all: IamItem[]): (v: Value) => Identity | null {
  const users = all.filter((i) => i.kind === 'user');
  const byAddress = new Map(users.map((u) => [u.address, u]));
  const byName = new Map<string, IamItem>();
  for (const u of users) {
    const n = asString(u.name());
    if (n !== null && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), u);
  }
  return (v) => {
    if (
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      !(v instanceof Map) &&
      v.t === 'username'
    ) {
      return { key: v.user, user: byAddress.get(v.user) ?? null, name: asString(v.name) };
    }
    const n = asString(v);
    if (n === null) return null;
    const u = byName.get(n.toLowerCase());
    return u ? { key: u.address, user: u, name: n } : { key: `name:${n.toLowerCase()}`, user: null, name: n };
  };
}

/** The findings of one root configuration, and where its addresses are written. */
function evaluateRoot(
  root: ModuleInstance,
  files: ScanFiles,
  exemptionTag: string,
): { findings: IacFinding[]; index: Map<string, Located> } {
  const all = items(root);
  const link = linker(all);
  const ex = new Exemptions(files, exemptionTag);
  const index = new Map<string, Located>();
  for (const i of all) {
    const at = { ...locate(i), exemption: i.kind === 'profile' ? null : ex.written(i) };
    index.set(i.address, at);
    if (!index.has(i.configAddress)) index.set(i.configAddress, at);
  }
  const profiles = all
    .filter((i) => i.kind === 'profile')
    .map((p) => ({ p, id: link(p.name()) }))
    .filter((x): x is { p: IamItem; id: Identity } => x.id !== null);
  const findings: IacFinding[] = [];
  for (const key of all) {
    if (key.kind !== 'key' || asString(key.status())?.toLowerCase() === 'inactive') continue;
    const id = link(key.name());
    const profile = id ? profiles.find((x) => x.id.key === id.key)?.p : undefined;
    if (!id || !profile) continue;
    const user = id.user;
    const cond = both(both(key.cond, profile.cond), user?.cond ?? ALWAYS);
    const keyAt = locate(key);
    const userName = id.name ?? (user ? asString(user.name()) : null);
    findings.push({
      address: key.block ? key.address : key.module.address,
      userName: userName ?? id.key,
      userAddress: user?.address ?? id.key.replace(/^name:/, ''),
      ...keyAt,
      loginProfile: { ...locate(profile), address: profile.address },
      source: 'terraform',
      condition: condText(cond),
      note: null,
      exemption: ex.written(key) ?? ex.written(user) ?? ex.tagged(user),
    });
  }
  return { findings, index };
}

/** Expands the configuration rooted at `dir`. */
export async function readRoot(
  files: ScanFiles,
  reader: TerraformReader,
  dir: string,
  opts: TerraformOptions,
): Promise<TerraformRoot | null> {
  const module = await reader.dir(dir);
  if (!module) return null;
  const dirs = await reader.loaded();
  const tfvars = await tfvarsOf(files, dir, opts.tfvars);
  const ctx = {
    dirs,
    initModules: await reader.init(dir),
    note: (t: string) => files.note(t),
    budget: { instances: MAX_TOTAL_INSTANCES, steps: MAX_STEPS },
    expander: new Expander((t) => files.note(`${t}.`)),
  };
  const root = new ModuleInstance({
    ctx,
    address: '',
    configAddress: '',
    key: undefined,
    dir: module,
    iamUser: null,
    input: (n) => tfvars.get(n),
    parent: null,
    call: null,
    cond: ALWAYS,
    depth: 0,
    keyPath: '',
  });
  let result: ReturnType<typeof evaluateRoot>;
  try {
    result = evaluateRoot(root, files, opts.exemptionTag);
  } catch (err) {
    files.note(`${dir}: could not be evaluated (${errorMessage(err)}).`);
    return { dir, findings: [], index: new Map() };
  }
  const { findings, index } = result;
  if (ctx.budget.instances < 0)
    files.note(`${dir}: more than ${MAX_TOTAL_INSTANCES} instances; the rest not expanded.`);
  if (ctx.budget.steps < 0)
    files.note(`${dir}: more than ${MAX_STEPS} evaluation steps; the rest read as unknown.`);
  return { dir, findings, index };
}

/** Every root configuration among the directories of the scanned `.tf` files. */
export async function scanTerraform(
  files: ScanFiles,
  tfFiles: string[],
  opts: TerraformOptions,
): Promise<{ roots: TerraformRoot[]; reader: TerraformReader }> {
  const dirs = [
    ...new Set(tfFiles.map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '.'))),
  ].sort();
  const reader = new TerraformReader(files);
  await reader.walk(dirs);
  const roots: TerraformRoot[] = [];
  for (const d of dirs) {
    if (reader.called.has(d)) continue;
    const r = await readRoot(files, reader, d, opts);
    if (r) roots.push(r);
  }
  return { roots, reader };
}
