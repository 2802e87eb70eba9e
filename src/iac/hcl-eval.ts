/**
 * Evaluating HCL expressions statically, as far as the configuration itself decides them: literals,
 * variables (defaults and tfvars), locals, `count.index` / `each.*`, operators, conditionals, `for`
 * expressions and the common collection and string functions. Anything else (data sources, resource
 * attributes known only after apply, unknown functions) is *unknown*; an unknown boolean remembers
 * which variables it depends on (`var.create_key is true`) so that a finding can say when it holds.
 *
 * References to resources and modules are values too (`RefValue`), resolved lazily by the scope, and
 * an IAM user's `name` carries the user's address (`UserNameValue`): that is how a key's `user`
 * argument is linked to its user through modules, counts and templates. Pure: no I/O.
 */
import type { Expr } from './hcl.js';

/** A readable condition: its text when it holds, and when it does not. */
export interface Term {
  pred: string;
  neg: string;
}

export interface Unknown {
  t: 'unknown';
  /** The conjunction that makes this value true (for booleans); null when it cannot be told. */
  terms: Term[] | null;
  /** A conditional whose test is unknown: its two outcomes (count / for_each expand both). */
  branches?: { test: Unknown; then: Value; else: Value };
  /** A stand-in element, e.g. the one instance of a resource whose count is unknown. */
  of?: Value;
}

/** The name of an IAM user defined in the configuration, with the user's address. */
interface UserNameValue {
  t: 'username';
  user: string;
  name: Value;
}

/** A resource or module instance: its attributes / outputs, resolved on demand. */
export interface RefValue {
  t: 'ref';
  get(attr: string): Value;
}

export type Value =
  null | boolean | number | string | Value[] | Map<string, Value> | Unknown | UserNameValue | RefValue;

export interface Scope {
  /** `root.name` for every root that is not a `for` variable: `var.x`, `local.x`, `each.key`, … */
  ref(root: string, name: string): Value;
}

export const UNKNOWN: Unknown = Object.freeze({ t: 'unknown', terms: null }) as Unknown;

export function unknown(terms: Term[]): Unknown {
  return { t: 'unknown', terms };
}

export function isUnknown(v: Value): v is Unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'unknown';
}

function isUserName(v: Value): v is UserNameValue {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'username'
  );
}

function isRef(v: Value): v is RefValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'ref';
}

/** The plain value of a user's name (a name is a string wherever it is used as one). */
export function plain(v: Value): Value {
  return isUserName(v) ? plain(v.name) : v;
}

/** The value as a string when it is one (or a number / bool, which HCL converts), else null. */
export function asString(v: Value): string | null {
  const p = plain(v);
  if (typeof p === 'string') return p;
  if (typeof p === 'number' || typeof p === 'boolean') return String(p);
  return null;
}

export function negate(u: Unknown): Unknown {
  if (u.terms?.length === 1) {
    const t = u.terms[0] as Term;
    return unknown([{ pred: t.neg, neg: t.pred }]);
  }
  return UNKNOWN;
}

export function truthy(v: Value): boolean | Unknown {
  const p = plain(v);
  if (typeof p === 'boolean') return p;
  if (p === 'true') return true;
  if (p === 'false') return false;
  return isUnknown(p) ? p : UNKNOWN;
}

function equal(a: Value, b: Value): boolean | Unknown {
  const x = plain(a);
  const y = plain(b);
  if (isUnknown(x) || isUnknown(y) || isRef(x) || isRef(y)) return UNKNOWN;
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    return and(x.map((e, i) => equal(e, y[i] as Value)));
  }
  if (x instanceof Map && y instanceof Map) {
    if (x.size !== y.size) return false;
    return and([...x].map(([k, e]) => (y.has(k) ? equal(e, y.get(k) as Value) : false)));
  }
  if (typeof x === 'object' || typeof y === 'object') return x === y;
  return x === y || (typeof x !== typeof y && String(x) === String(y) && x !== null && y !== null);
}

function and(values: Array<boolean | Unknown>): boolean | Unknown {
  if (values.includes(false)) return false;
  const unknowns = values.filter((v): v is Unknown => v !== true);
  if (unknowns.length === 0) return true;
  if (unknowns.some((u) => u.terms === null)) return UNKNOWN;
  return unknown(unknowns.flatMap((u) => u.terms as Term[]));
}

function or(a: boolean | Unknown, b: boolean | Unknown): boolean | Unknown {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  return UNKNOWN;
}

export function num(v: Value): number | null {
  const p = plain(v);
  if (typeof p === 'number') return p;
  if (typeof p === 'string' && p.trim() !== '' && Number.isFinite(Number(p))) return Number(p);
  return null;
}

const ARITH: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};
const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** Collections a `for` expression or a function can walk: [key, value] pairs, or null. */
export function entries(v: Value): Array<[Value, Value]> | null {
  const p = plain(v);
  if (Array.isArray(p)) return p.map((e, i) => [i, e]);
  if (p instanceof Map) return [...p].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return null;
}

/**
 * Limits on what code can make the evaluator do (the code of a pull request is anyone's): the largest
 * collection and string built, and the evaluation steps of one configuration. Beyond them the value is
 * unknown.
 */
const MAX_ELEMENTS = 10_000;
const MAX_STRING = 1024 * 1024;
export const MAX_STEPS = 2_000_000;

/** Evaluation steps left, shared by the evaluators of one configuration. */
export interface Budget {
  steps: number;
}

export class Evaluator {
  constructor(
    private readonly scope: Scope,
    private readonly budget: Budget = { steps: MAX_STEPS },
  ) {}

  eval(e: Expr, locals: ReadonlyMap<string, Value> = new Map()): Value {
    if (--this.budget.steps < 0) return UNKNOWN;
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'tpl':
        return this.template(e.parts, e.directive, locals);
      case 'name':
        return locals.has(e.name) ? (locals.get(e.name) as Value) : UNKNOWN;
      case 'attr':
        if (e.obj.k === 'name' && !locals.has(e.obj.name)) return this.scope.ref(e.obj.name, e.name);
        return getAttr(this.eval(e.obj, locals), e.name);
      case 'index':
        return index(this.eval(e.obj, locals), this.eval(e.key, locals));
      case 'call':
        return this.call(e.name, e.args, e.expand, locals);
      case 'tuple':
        return e.items.map((i) => this.eval(i, locals));
      case 'object':
        return this.object(e.items, locals);
      case 'for':
        return this.forExpr(e, locals);
      case 'cond':
        return this.conditional(e.test, e.then, e.else, locals);
      case 'unary':
        return this.unary(e.op, this.eval(e.x, locals));
      case 'binary':
        return this.binary(e.op, e.l, e.r, locals);
      default:
        return UNKNOWN;
    }
  }

  private template(
    parts: Array<string | Expr>,
    directive: boolean,
    locals: ReadonlyMap<string, Value>,
  ): Value {
    if (directive) return UNKNOWN;
    const only = parts.length === 1 ? parts[0] : undefined;
    // "${x}" is x itself, of any type (HCL's template unwrapping)
    if (only !== undefined && typeof only !== 'string') return this.eval(only, locals);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const s = asString(this.eval(p, locals));
      if (s === null || out.length + s.length > MAX_STRING) return UNKNOWN;
      out += s;
    }
    return out;
  }

  private object(items: Array<{ key: Expr; value: Expr }>, locals: ReadonlyMap<string, Value>): Value {
    const out = new Map<string, Value>();
    for (const { key, value } of items) {
      const k = asString(this.eval(key, locals));
      if (k === null) return UNKNOWN;
      out.set(k, this.eval(value, locals));
    }
    return out;
  }

  private forExpr(e: Extract<Expr, { k: 'for' }>, locals: ReadonlyMap<string, Value>): Value {
    const coll = this.eval(e.coll, locals);
    const list = entries(coll);
    if (list === null || list.length > MAX_ELEMENTS) return isUnknown(coll) ? coll : UNKNOWN;
    const tuple: Value[] = [];
    const object = new Map<string, Value>();
    for (const [k, v] of list) {
      if (--this.budget.steps < 0) return UNKNOWN;
      const inner = new Map(locals);
      if (e.keyVar !== null) inner.set(e.keyVar, k);
      inner.set(e.valVar, v);
      if (e.cond) {
        const c = truthy(this.eval(e.cond, inner));
        if (c === false) continue;
        if (c !== true) return UNKNOWN;
      }
      const value = this.eval(e.valExpr, inner);
      if (e.keyExpr === null) {
        tuple.push(value);
        continue;
      }
      const key = asString(this.eval(e.keyExpr, inner));
      if (key === null) return UNKNOWN;
      if (e.group) {
        const group = (object.get(key) as Value[] | undefined) ?? [];
        group.push(value);
        object.set(key, group);
      } else {
        object.set(key, value);
      }
    }
    return e.keyExpr === null ? tuple : object;
  }

  private conditional(test: Expr, then: Expr, other: Expr, locals: ReadonlyMap<string, Value>): Value {
    const t = truthy(this.eval(test, locals));
    if (t === true) return this.eval(then, locals);
    if (t === false) return this.eval(other, locals);
    const a = this.eval(then, locals);
    const b = this.eval(other, locals);
    if (equal(a, b) === true) return a;
    return { t: 'unknown', terms: null, branches: { test: t, then: a, else: b } };
  }

  private unary(op: string, x: Value): Value {
    if (op === '!') {
      const t = truthy(x);
      return typeof t === 'boolean' ? !t : negate(t);
    }
    const n = num(x);
    return n === null ? UNKNOWN : -n;
  }

  private binary(op: string, l: Expr, r: Expr, locals: ReadonlyMap<string, Value>): Value {
    if (op === '&&') return and([truthy(this.eval(l, locals)), truthy(this.eval(r, locals))]);
    if (op === '||') return or(truthy(this.eval(l, locals)), truthy(this.eval(r, locals)));
    const a = this.eval(l, locals);
    const b = this.eval(r, locals);
    if (op === '==' || op === '!=') {
      const eq = equal(a, b);
      if (typeof eq === 'boolean') return op === '==' ? eq : !eq;
      return this.comparisonTerm(op, l, r, a, b);
    }
    const x = num(a);
    const y = num(b);
    if (x === null || y === null) return UNKNOWN;
    const arith = ARITH[op];
    if (arith) return arith(x, y);
    const cmp = COMPARE[op];
    return cmp ? cmp(x, y) : UNKNOWN;
  }

  /** `var.env == "prod"` with `var.env` unknown: a readable term. */
  private comparisonTerm(op: string, l: Expr, r: Expr, a: Value, b: Value): Value {
    const [side, lit] = isUnknown(a) && r.k === 'lit' ? [a, r] : isUnknown(b) && l.k === 'lit' ? [b, l] : [];
    const about = side?.terms?.length === 1 ? (side.terms[0] as Term).pred.replace(/ is true$/, '') : null;
    if (!lit || about === null || about === (side?.terms?.[0] as Term).pred) return UNKNOWN;
    const text = JSON.stringify(lit.v);
    const pred = `${about} == ${text}`;
    const neg = `${about} != ${text}`;
    return unknown([op === '==' ? { pred, neg } : { pred: neg, neg: pred }]);
  }

  private call(name: string, argExprs: Expr[], expand: boolean, locals: ReadonlyMap<string, Value>): Value {
    let args = argExprs.map((a) => this.eval(a, locals));
    if (expand) {
      const last = entries(args.at(-1) ?? UNKNOWN);
      if (last === null) return UNKNOWN;
      args = [...args.slice(0, -1), ...last.map(([, v]) => v)];
    }
    if (name === 'try') return args.find((a) => !isUnknown(a)) ?? UNKNOWN;
    const fn = FUNCTIONS[name];
    if (!fn) return UNKNOWN;
    // a function of unknown arguments is unknown, except those that pass a value through
    if (!PASS_UNKNOWN.has(name) && args.some((a) => isUnknown(plain(a)))) return UNKNOWN;
    try {
      const r = bounded(fn([args[0] ?? null, args[1] ?? null, args[2] ?? null], args));
      this.budget.steps -= Array.isArray(r) ? r.length : r instanceof Map ? r.size : 0;
      return r;
    } catch {
      return UNKNOWN;
    }
  }
}

function getAttr(obj: Value, name: string): Value {
  if (isRef(obj)) return obj.get(name);
  if (obj instanceof Map) return obj.has(name) ? (obj.get(name) as Value) : UNKNOWN;
  if (isUnknown(obj) && obj.of !== undefined) return getAttr(obj.of, name);
  return UNKNOWN;
}

function index(obj: Value, key: Value): Value {
  if (isUnknown(obj)) return obj.of !== undefined ? obj.of : UNKNOWN;
  if (Array.isArray(obj)) {
    const i = num(key);
    return i !== null && Number.isInteger(i) && i >= 0 && i < obj.length ? (obj[i] as Value) : UNKNOWN;
  }
  if (obj instanceof Map) {
    const k = asString(key);
    return k !== null && obj.has(k) ? (obj.get(k) as Value) : UNKNOWN;
  }
  return UNKNOWN;
}

/** A function's result, or unknown when it is larger than the limits. */
function bounded(v: Value): Value {
  if (typeof v === 'string' && v.length > MAX_STRING) return UNKNOWN;
  if (Array.isArray(v) && v.length > MAX_ELEMENTS) return UNKNOWN;
  return v;
}

function list(v: Value): Value[] {
  const e = entries(v);
  if (e === null) throw new Error('not a collection');
  return e.map(([, x]) => x);
}

function str(v: Value): string {
  const s = asString(v);
  if (s === null) throw new Error('not a string');
  return s;
}

function distinct(values: Value[]): Value[] {
  if (values.length > MAX_ELEMENTS) throw new Error('too large');
  if (values.every((v) => typeof plain(v) !== 'object' || plain(v) === null)) {
    const seen = new Set<unknown>();
    return values.filter((v) => !seen.has(plain(v)) && seen.add(plain(v)) !== undefined);
  }
  const out: Value[] = [];
  for (const v of values) if (!out.some((o) => equal(o, v) === true)) out.push(v);
  return out;
}

function flatten(values: Value[], out: Value[] = []): Value[] {
  for (const v of values) {
    if (Array.isArray(v)) flatten(v, out);
    else out.push(v);
    if (out.length > MAX_ELEMENTS) throw new Error('too large');
  }
  return out;
}

function sortedSet(values: Value[]): Value[] {
  const d = distinct(values);
  return d.every((v) => typeof plain(v) === 'string')
    ? d.sort((a, b) => ((plain(a) as string) < (plain(b) as string) ? -1 : 1))
    : d;
}

function range(args: Value[]): Value {
  const n = args.map((a) => num(a));
  if (n.some((x) => x === null)) return UNKNOWN;
  const [start, end, step] =
    n.length === 1 ? [0, n[0] as number, 1] : [n[0] as number, n[1] as number, (n[2] ?? 1) as number];
  if (step === 0 || Math.abs((end - start) / step) > MAX_ELEMENTS) return UNKNOWN;
  const out: number[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
  return out;
}

/** The first three arguments (null when not given), and all of them for the functions of any arity. */
type Args = [Value, Value, Value];

const FUNCTIONS: Record<string, (a: Args, all: Value[]) => Value> = {
  length: ([x]) => {
    const p = plain(x);
    return typeof p === 'string' ? [...p].length : list(p).length;
  },
  toset: ([x]) => sortedSet(list(x)),
  tolist: ([x]) => list(x),
  tomap: ([x]) => (plain(x) instanceof Map ? x : UNKNOWN),
  tostring: ([x]) => (isUserName(x) ? x : str(x)),
  tonumber: ([x]) => num(x) ?? UNKNOWN,
  tobool: ([x]) => truthy(x),
  sensitive: ([x]) => x,
  nonsensitive: ([x]) => x,
  keys: ([m]) => (m instanceof Map ? [...m.keys()].sort() : UNKNOWN),
  values: ([m]) => (m instanceof Map ? list(m) : UNKNOWN),
  concat: (_, all) => {
    const out: Value[] = [];
    for (const a of all)
      for (const x of list(a)) if (out.push(x) > MAX_ELEMENTS) throw new Error('too large');
    return out;
  },
  merge: (_, all) => {
    const out = new Map<string, Value>();
    for (const a of all) {
      if (a === null) continue;
      if (!(a instanceof Map)) return UNKNOWN;
      for (const [k, v] of a) out.set(k, v);
    }
    return out;
  },
  lookup: ([m, k, d], all) => {
    if (!(m instanceof Map)) return UNKNOWN;
    const key = str(k);
    return m.has(key) ? (m.get(key) as Value) : all.length < 3 ? UNKNOWN : d;
  },
  contains: ([l, v]) => list(l).some((x) => equal(x, v) === true),
  coalesce: (_, all) => all.find((a) => plain(a) !== null && plain(a) !== '') ?? UNKNOWN,
  lower: ([s]) => str(s).toLowerCase(),
  upper: ([s]) => str(s).toUpperCase(),
  trimspace: ([s]) => str(s).trim(),
  join: ([sep, l]) => list(l).map(str).join(str(sep)),
  split: ([sep, s]) => str(s).split(str(sep)),
  element: ([l, i]) => {
    const items = list(l);
    const n = num(i);
    return n === null || items.length === 0 ? UNKNOWN : (items[n % items.length] as Value);
  },
  flatten: ([l]) => flatten(list(l)),
  distinct: ([l]) => distinct(list(l)),
  compact: ([l]) => list(l).filter((x) => plain(x) !== null && plain(x) !== ''),
  zipmap: ([k, v]) => {
    const ks = list(k).map(str);
    const vs = list(v);
    return new Map(ks.map((key, i) => [key, vs[i] ?? null]));
  },
  range: (_, all) => range(all),
  one: ([l]) => {
    const items = list(l);
    return items.length === 0 ? null : items.length === 1 ? (items[0] as Value) : UNKNOWN;
  },
  alltrue: ([l]) => and(list(l).map(truthy)),
  anytrue: ([l]) => list(l).reduce<boolean | Unknown>((acc, x) => or(acc, truthy(x)), false),
  sort: ([l]) => list(l).map(str).sort(),
};
/** Functions that keep an unknown argument's meaning instead of making the result unknown. */
const PASS_UNKNOWN = new Set([
  'sensitive',
  'nonsensitive',
  'tobool',
  'coalesce',
  'alltrue',
  'anytrue',
  'tostring',
]);
