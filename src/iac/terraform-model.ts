/**
 * A Terraform configuration as Terraform expands it, statically: a root module directory, the module
 * instances it calls (local directories, modules that `terraform init` downloaded, the iam-user module
 * from its known inputs), and their resource instances (`count` and `for_each` expanded with the values
 * the configuration decides). An instance whose existence depends on something unknown carries the
 * condition under which it exists. Pure: the directories are read before (terraform.ts).
 */
import type { HclAttr, HclBlock, HclFile } from './hcl.js';
import {
  Evaluator,
  UNKNOWN,
  asString,
  entries,
  isUnknown,
  negate,
  num,
  plain,
  unknown,
  type RefValue,
  type Scope,
  type Term,
  type Unknown,
  type Value,
} from './hcl-eval.js';
import { joinRel } from './files.js';
import {
  admitted,
  beforePgpSplit,
  byInputs,
  families,
  iamUserSource,
  type Family,
} from './iam-user-module.js';

/** Limits on what a configuration can make the scanner do. */
const MAX_MODULE_DEPTH = 10;
const MAX_INSTANCES = 1000;
export const MAX_TOTAL_INSTANCES = 100_000;

export interface TfModuleDir {
  /** Root-relative POSIX path; `.` for the root itself. */
  dir: string;
  files: HclFile[];
  variables: Map<string, HclBlock>;
  locals: Map<string, HclAttr>;
  outputs: Map<string, HclBlock>;
  /** Managed resources by `TYPE.NAME`. */
  resources: Map<string, HclBlock>;
  modules: Map<string, HclBlock>;
}

export function moduleDir(dir: string, files: HclFile[]): TfModuleDir {
  const m: TfModuleDir = {
    dir,
    files,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    modules: new Map(),
  };
  for (const f of files) {
    for (const b of f.body.blocks) {
      const [a, c] = b.labels;
      if (b.type === 'variable' && a !== undefined) m.variables.set(a, b);
      else if (b.type === 'output' && a !== undefined) m.outputs.set(a, b);
      else if (b.type === 'module' && a !== undefined) m.modules.set(a, b);
      else if (b.type === 'resource' && a !== undefined && c !== undefined) m.resources.set(`${a}.${c}`, b);
      else if (b.type === 'locals') for (const [k, v] of b.attrs) m.locals.set(k, v);
    }
  }
  return m;
}

/** When something exists: always (no terms), when all the terms hold, or undecidable. */
export interface Cond {
  terms: Term[];
  undecidable: boolean;
}

export const ALWAYS: Cond = { terms: [], undecidable: false };

export function both(a: Cond, b: Cond): Cond {
  if (b === ALWAYS) return a;
  if (a === ALWAYS) return b;
  const terms = [...a.terms];
  for (const t of b.terms) if (!terms.some((x) => x.pred === t.pred)) terms.push(t);
  return { terms, undecidable: a.undecidable || b.undecidable };
}

function given(cond: Cond, test: Unknown, holds: boolean): Cond {
  const u = holds ? test : negate(test);
  return both(
    cond,
    u.terms === null ? { terms: [], undecidable: true } : { terms: u.terms, undecidable: false },
  );
}

export function condText(c: Cond): string | null {
  if (c.undecidable) return 'when enabled';
  return c.terms.length === 0 ? null : `when ${c.terms.map((t) => t.pred).join(' and ')}`;
}

export interface Bindings {
  each?: { key: Value; value: Value };
  countIndex?: Value;
}

interface Instance {
  /** `''`, `[0]`, `["alice"]`; `''` too when the instances cannot be known. */
  suffix: string;
  key: number | string | undefined;
  bindings: Bindings;
  cond: Cond;
}

const UNDECIDABLE: Cond = { terms: [], undecidable: true };

/** The instances of a block with `count` / `for_each` (see the module comment). */
export class Expander {
  constructor(private readonly onCap: (what: string) => void) {}

  expand(block: HclBlock, ev: Evaluator, what: string): Instance[] {
    const count = block.attrs.get('count');
    const forEach = block.attrs.get('for_each');
    if (count) return this.merge(this.count(ev.eval(count.expr), ALWAYS, what));
    if (forEach) return this.merge(this.each(ev.eval(forEach.expr), ALWAYS, what));
    return [{ suffix: '', key: undefined, bindings: {}, cond: ALWAYS }];
  }

  /** An instance made on both sides of an unknown conditional exists whatever the test. */
  private merge(list: Array<Instance & { parent?: Cond }>): Instance[] {
    const out = new Map<string, Instance>();
    for (const i of list) {
      const seen = out.get(i.suffix);
      if (seen && i.suffix !== '') seen.cond = i.parent ?? ALWAYS;
      else if (!seen) out.set(i.suffix, i);
    }
    return [...out.values()];
  }

  private count(v: Value, cond: Cond, what: string): Array<Instance & { parent?: Cond }> {
    const n = num(v);
    if (n !== null && Number.isInteger(n) && n >= 0) {
      if (n > MAX_INSTANCES)
        this.onCap(`${what}: count ${n} expanded to its first ${MAX_INSTANCES} instances`);
      return Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => ({
        suffix: `[${i}]`,
        key: i,
        bindings: { countIndex: i },
        cond,
        parent: cond,
      }));
    }
    if (isUnknown(v) && v.branches) {
      const { test, then, else: other } = v.branches;
      return [
        ...this.count(then, given(cond, test, true), what),
        ...this.count(other, given(cond, test, false), what),
      ].map((i) => ({ ...i, parent: cond }));
    }
    return [{ suffix: '', key: undefined, bindings: { countIndex: UNKNOWN }, cond: both(cond, UNDECIDABLE) }];
  }

  private each(v: Value, cond: Cond, what: string): Array<Instance & { parent?: Cond }> {
    const p = plain(v);
    if (p instanceof Map || Array.isArray(p)) {
      const list: Array<[string, Value]> = [];
      for (const [k, value] of entries(p) ?? []) {
        const key = p instanceof Map ? (k as string) : asString(value);
        if (key === null) return [this.unknownEach(cond, UNKNOWN)];
        if (!list.some(([x]) => x === key)) list.push([key, value]);
      }
      if (list.length > MAX_INSTANCES)
        this.onCap(`${what}: for_each of ${list.length} expanded to its first ${MAX_INSTANCES}`);
      return list.slice(0, MAX_INSTANCES).map(([key, value]) => ({
        suffix: `[${JSON.stringify(key)}]`,
        key,
        bindings: { each: { key, value } },
        cond,
        parent: cond,
      }));
    }
    if (isUnknown(p) && p.branches) {
      const { test, then, else: other } = p.branches;
      return [
        ...this.each(then, given(cond, test, true), what),
        ...this.each(other, given(cond, test, false), what),
      ].map((i) => ({ ...i, parent: cond }));
    }
    return [this.unknownEach(cond, isUnknown(p) && p.of !== undefined ? p.of : UNKNOWN)];
  }

  private unknownEach(cond: Cond, value: Value): Instance {
    return {
      suffix: '',
      key: undefined,
      bindings: { each: { key: UNKNOWN, value } },
      cond: both(cond, UNDECIDABLE),
    };
  }
}

/** A call of the iam-user module, as far as the code tells its version. */
export interface IamUserCall {
  families: Family[];
  beforePgpSplit: boolean;
}

/** modules.json (written by `terraform init`): module key -> its directory, source and version. */
export interface InitModule {
  dir: string;
  source: string;
  version: string | null;
}

/** What one root configuration's instances share. */
export interface RootContext {
  dirs: ReadonlyMap<string, TfModuleDir>;
  initModules: ReadonlyMap<string, InitModule>;
  note(text: string): void;
  /** Resource and module instances, and evaluation steps, left for this configuration. */
  budget: { instances: number; steps: number };
  expander: Expander;
}

export interface ResourceInstance {
  address: string;
  key: number | string | undefined;
  configAddress: string;
  type: string;
  block: HclBlock;
  module: ModuleInstance;
  bindings: Bindings;
  cond: Cond;
  attr(name: string): Value;
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function rootTerm(name: string): Unknown {
  return unknown([{ pred: `var.${name} is true`, neg: `var.${name} is false` }]);
}

/** How a module instance is made: see the fields of `ModuleInstance`. */
interface ModuleInit {
  ctx: RootContext;
  address: string;
  configAddress: string;
  key: number | string | undefined;
  dir: TfModuleDir | null;
  iamUser: IamUserCall | null;
  input: (name: string) => Value | undefined;
  parent: ModuleInstance | null;
  call: HclBlock | null;
  cond: Cond;
  depth: number;
  keyPath: string;
}

export class ModuleInstance {
  readonly ctx: RootContext;
  /** `module.a["x"].module.b`; `''` for the root module. */
  readonly address: string;
  /** The address without instance keys: `module.a.module.b`. */
  readonly configAddress: string;
  /** Its `count` / `for_each` key; undefined when it has none or it cannot be known. */
  readonly key: number | string | undefined;
  /** The directory read; null for a module read from its known inputs (iam-user). */
  readonly dir: TfModuleDir | null;
  readonly iamUser: IamUserCall | null;
  /** The argument the caller sets for a variable, evaluated in the caller; undefined when not set. */
  readonly input: (name: string) => Value | undefined;
  readonly parent: ModuleInstance | null;
  /** The `module` block in the parent that makes this instance. */
  readonly call: HclBlock | null;
  /** When this instance exists. */
  readonly cond: Cond;
  readonly depth: number;
  /** Its key in modules.json: the call names from the root, joined with dots. */
  readonly keyPath: string;
  readonly prefix: string;
  readonly configPrefix: string;
  private readonly vars = new Map<string, Value>();
  private readonly localValues = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly resourceCache = new Map<string, ResourceInstance[]>();
  private readonly childCache = new Map<string, ModuleInstance[]>();
  private readonly empty: Evaluator;

  constructor(init: ModuleInit) {
    this.ctx = init.ctx;
    this.address = init.address;
    this.configAddress = init.configAddress;
    this.key = init.key;
    this.dir = init.dir;
    this.iamUser = init.iamUser;
    this.input = init.input;
    this.parent = init.parent;
    this.call = init.call;
    this.cond = init.cond;
    this.depth = init.depth;
    this.keyPath = init.keyPath;
    this.prefix = this.address === '' ? '' : `${this.address}.`;
    this.configPrefix = this.configAddress === '' ? '' : `${this.configAddress}.`;
    this.empty = new Evaluator({ ref: () => UNKNOWN }, this.ctx.budget);
  }

  variable(name: string): Value {
    if (this.vars.has(name)) return this.vars.get(name) as Value;
    let v = this.input(name);
    if (v === undefined) {
      const def = this.dir?.variables.get(name)?.attrs.get('default');
      if (def) v = this.empty.eval(def.expr);
      else v = this.parent === null ? rootTerm(name) : UNKNOWN;
    }
    this.vars.set(name, v);
    return v;
  }

  private local(name: string): Value {
    if (this.localValues.has(name)) return this.localValues.get(name) as Value;
    const attr = this.dir?.locals.get(name);
    if (!attr || this.evaluating.has(name)) return UNKNOWN;
    this.evaluating.add(name);
    const v = this.evaluator({}).eval(attr.expr);
    this.evaluating.delete(name);
    this.localValues.set(name, v);
    return v;
  }

  scope(b: Bindings): Scope {
    return {
      ref: (root, name) => {
        switch (root) {
          case 'var':
            return this.variable(name);
          case 'local':
            return this.local(name);
          case 'each':
            return name === 'key'
              ? (b.each?.key ?? UNKNOWN)
              : name === 'value'
                ? (b.each?.value ?? UNKNOWN)
                : UNKNOWN;
          case 'count':
            return name === 'index' ? (b.countIndex ?? UNKNOWN) : UNKNOWN;
          case 'module':
            return this.moduleValue(name);
          default:
            return this.resourceValue(root, name);
        }
      },
    };
  }

  evaluator(b: Bindings): Evaluator {
    return new Evaluator(this.scope(b), this.ctx.budget);
  }

  /** The instances of a managed resource block of this module. */
  resources(key: string): ResourceInstance[] {
    const cached = this.resourceCache.get(key);
    if (cached) return cached;
    const block = this.dir?.resources.get(key);
    const list: ResourceInstance[] = [];
    this.resourceCache.set(key, list);
    if (!block) return list;
    const [type] = block.labels as [string, string];
    for (const i of this.ctx.expander.expand(
      block,
      this.evaluator({}),
      `${block.file.path}:${block.line}: ${this.prefix}${key}`,
    )) {
      if (--this.ctx.budget.instances < 0) break;
      const cond = both(this.cond, i.cond);
      list.push({
        address: `${this.prefix}${key}${i.suffix}`,
        key: i.key,
        configAddress: `${this.configPrefix}${key}`,
        type,
        block,
        module: this,
        bindings: i.bindings,
        cond,
        attr: (name) => {
          const a = block.attrs.get(name);
          return a ? this.evaluator(i.bindings).eval(a.expr) : null;
        },
      });
    }
    return list;
  }

  private resourceValue(type: string, name: string): Value {
    const key = `${type}.${name}`;
    const block = this.dir?.resources.get(key);
    if (!block) return UNKNOWN;
    return collect(block, this.resources(key), resourceRef);
  }

  /** The instances of a module call of this module. */
  children(name: string): ModuleInstance[] {
    const cached = this.childCache.get(name);
    if (cached) return cached;
    const list: ModuleInstance[] = [];
    this.childCache.set(name, list);
    const call = this.dir?.modules.get(name);
    if (!call) return list;
    const address = `${this.prefix}module.${name}`;
    if (this.depth + 1 > MAX_MODULE_DEPTH) {
      this.ctx.note(
        `${call.file.path}:${call.line}: ${address} is nested more than ${MAX_MODULE_DEPTH} modules deep; not followed.`,
      );
      return list;
    }
    const target = this.resolve(call, address);
    if (target === null) return list;
    for (const i of this.ctx.expander.expand(
      call,
      this.evaluator({}),
      `${call.file.path}:${call.line}: ${address}`,
    )) {
      if (--this.ctx.budget.instances < 0) break;
      const ev = this.evaluator(i.bindings);
      const input = (n: string) => {
        const a = MODULE_META.has(n) ? undefined : call.attrs.get(n);
        return a ? ev.eval(a.expr) : undefined;
      };
      list.push(
        new ModuleInstance({
          ctx: this.ctx,
          address: `${address}${i.suffix}`,
          configAddress: `${this.configPrefix}module.${name}`,
          key: i.key,
          dir: target.dir,
          iamUser: target.iamUser,
          input,
          parent: this,
          call,
          cond: both(this.cond, i.cond),
          depth: this.depth + 1,
          keyPath: this.keyPath === '' ? name : `${this.keyPath}.${name}`,
        }),
      );
    }
    return list;
  }

  /** Where a module call's code is: a directory read, the iam-user module, or null (not followed). */
  private resolve(
    call: HclBlock,
    address: string,
  ): { dir: TfModuleDir | null; iamUser: IamUserCall | null } | null {
    const source = call.attrs.get('source');
    const text = source?.expr.k === 'lit' && typeof source.expr.v === 'string' ? source.expr.v : null;
    if (text === null || this.dir === null) return null;
    const keyPath = this.keyPath === '' ? (call.labels[0] as string) : `${this.keyPath}.${call.labels[0]}`;
    const init = this.ctx.initModules.get(keyPath);
    const iam = iamUserSource(init?.source ?? text);
    if (iam !== null) {
      const version = call.attrs.get('version');
      const constraint =
        init?.version ??
        iam.ref ??
        (version?.expr.k === 'lit' && typeof version.expr.v === 'string' ? version.expr.v : null);
      const range = admitted(constraint);
      const args = [...call.attrs.keys()].filter((n) => !MODULE_META.has(n));
      const { families: fams, foreign } = byInputs(families(range), args);
      for (const f of foreign) {
        this.ctx.note(
          `${call.file.path}:${call.line}: ${address} sets ${f}, which the iam-user module's ${fams.join('/')} line does not declare (Terraform rejects it).`,
        );
      }
      return { dir: null, iamUser: { families: fams, beforePgpSplit: beforePgpSplit(range) } };
    }
    if (text.startsWith('./') || text.startsWith('../')) {
      const rel = joinRel(this.dir.dir, text);
      if (rel === null) {
        this.ctx.note(
          `${call.file.path}:${call.line}: ${address}'s source ${text} is outside the scanned root; not followed.`,
        );
        return null;
      }
      const dir = this.ctx.dirs.get(rel);
      if (!dir)
        this.ctx.note(
          `${call.file.path}:${call.line}: ${address}'s source ${text} has no Terraform files; not followed.`,
        );
      return dir ? { dir, iamUser: null } : null;
    }
    const dir = init ? this.ctx.dirs.get(init.dir) : undefined;
    return dir ? { dir, iamUser: null } : null;
  }

  private moduleValue(name: string): Value {
    const call = this.dir?.modules.get(name);
    if (!call) return UNKNOWN;
    return collect(call, this.children(name), (m) => ({ t: 'ref', get: (out) => m.output(out) }));
  }

  /** An output of this module instance. */
  output(name: string): Value {
    if (this.iamUser) return this.iamUserOutput(name);
    const o = this.dir?.outputs.get(name)?.attrs.get('value');
    return o ? this.evaluator({}).eval(o.expr) : UNKNOWN;
  }

  private iamUserOutput(name: string): Value {
    const fams = this.iamUser?.families ?? [];
    const isName = fams.some((f) =>
      (f === 'v6' ? ['name'] : ['iam_user_name', 'this_iam_user_name']).includes(name),
    );
    return isName
      ? { t: 'username', user: `${this.prefix}aws_iam_user.this[0]`, name: this.input('name') ?? UNKNOWN }
      : UNKNOWN;
  }
}

function resourceRef(r: ResourceInstance): RefValue {
  return {
    t: 'ref',
    get: (attr) =>
      r.type === 'aws_iam_user' && (attr === 'name' || attr === 'id')
        ? { t: 'username', user: r.address, name: r.attr('name') }
        : r.block.attrs.has(attr)
          ? r.attr(attr)
          : UNKNOWN,
  };
}

/** A resource or module as a value: one instance, a list (count), a map (for_each), or unknown. */
function collect<T extends { key: number | string | undefined }>(
  block: HclBlock,
  list: T[],
  ref: (x: T) => RefValue,
): Value {
  if (block.attrs.has('count') || block.attrs.has('for_each')) {
    if (list.some((x) => x.key === undefined)) {
      const first = list[0];
      return first ? ({ t: 'unknown', terms: null, of: ref(first) } as Unknown) : UNKNOWN;
    }
    if (block.attrs.has('count')) {
      const arr: Value[] = [];
      for (const x of list) arr[x.key as number] = ref(x);
      return Array.from(arr, (x) => x ?? UNKNOWN);
    }
    return new Map(list.map((x) => [x.key as string, ref(x)]));
  }
  const only = list[0];
  return only ? ref(only) : UNKNOWN;
}
