/**
 * The HCL reader and static evaluator of the iac scan (src/iac/hcl.ts, hcl-eval.ts), construct by
 * construct: precedence and associativity read back from the grammar's flat operator lists, templates
 * and escapes, collections, `for` expressions, the functions, and what stays unknown (and how an
 * unknown boolean says what it depends on).
 */
import { describe, expect, it } from '@jest/globals';
import { parseHcl, traversalText, type Expr } from '../../../src/iac/hcl.js';
import { Evaluator, isUnknown, type Value } from '../../../src/iac/hcl-eval.js';

const VARS: Record<string, Value> = {
  yes: true,
  no: false,
  n: 3,
  s: 'prod',
  list: ['b', 'a', 'b'],
  map: new Map<string, Value>([
    ['k', 'v'],
    ['j', 'w'],
  ]),
  user: { t: 'username', user: 'aws_iam_user.u', name: 'uma' },
};

/** `var.X` from VARS; a missing one is unknown and says so, as a root variable without a value. */
const scope = {
  ref(root: string, name: string): Value {
    if (root === 'var' && name in VARS) return VARS[name] as Value;
    if (root === 'var')
      return { t: 'unknown', terms: [{ pred: `var.${name} is true`, neg: `var.${name} is false` }] };
    return { t: 'unknown', terms: null };
  },
};

function expr(text: string): Expr {
  const attr = parseHcl(`x = ${text}\n`, 't.tf').body.attrs.get('x');
  if (!attr) throw new Error(`no expression in ${text}`);
  return attr.expr;
}

/** Plain JS for assertions: maps as objects, unknowns as `?` (with their condition), names as text. */
function js(v: Value): unknown {
  if (Array.isArray(v)) return v.map(js);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, js(x)]));
  if (v !== null && typeof v === 'object') {
    if (v.t === 'unknown') return v.terms ? `? ${v.terms.map((t) => t.pred).join(' and ')}` : '?';
    if (v.t === 'username') return js(v.name);
    return 'ref';
  }
  return v;
}

function ev(text: string): unknown {
  return js(new Evaluator(scope).eval(expr(text)));
}

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['7 % 4 / 2', 1.5],
    ['-var.n + 1', -2],
    ['1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4', false],
    ['!var.yes || var.n == 3', true],
    ['var.s == "prod" ? "p" : var.s == "dev" ? "d" : "x"', 'p'],
    ['var.no ? 1 : var.yes ? 2 : 3', 2],
    ['"3" == 3', true],
    ['[1, "a"] == [1, "a"]', true],
    ['[1] != [1, 2]', true],
    ['{a = 1} == {a = 1}', true],
    ['{a = 1} == {b = 1}', false],
    ['null == null', true],
    ['"a" + 1', '?'],
  ])('%s', (text, want) => {
    expect(ev(text)).toEqual(want);
  });

  it('keeps what an unknown depends on through !, && and comparisons with a literal', () => {
    expect(ev('var.create')).toBe('? var.create is true');
    expect(ev('!var.create')).toBe('? var.create is false');
    expect(ev('var.a && var.b')).toBe('? var.a is true and var.b is true');
    expect(ev('var.a && var.no')).toBe(false);
    expect(ev('var.a || var.yes')).toBe(true);
    expect(ev('var.a || var.b')).toBe('?');
    expect(ev('var.env == "prod"')).toBe('? var.env == "prod"');
    expect(ev('"prod" != var.env')).toBe('? var.env != "prod"');
    expect(ev('var.a == var.b')).toBe('?');
    expect(ev('var.a ? 1 : 1')).toBe(1);
    expect(ev('!(var.a && var.b)')).toBe('?');
    expect(ev('-var.a')).toBe('?');
  });

  it('keeps both outcomes of an unknown conditional', () => {
    const v = new Evaluator(scope).eval(expr('var.create ? 2 : 0'));
    expect(
      isUnknown(v) && v.branches ? [js(v.branches.test), v.branches.then, v.branches.else] : null,
    ).toEqual(['? var.create is true', 2, 0]);
  });
});

describe('templates, literals and traversals', () => {
  it.each([
    ['"a\\n\\"b\\" \\u00e9 $${x} %%{y}"', 'a\n"b" é ${x} %{y}'],
    ['"${var.s}-${var.n}-${var.yes}"', 'prod-3-true'],
    ['"${var.missing}-x"', '?'],
    ['"%{ if var.yes }y%{ endif }"', '?'],
    ['1.5e3', 1500],
    ['null', null],
    ['var.list.1', 'a'],
    ['var.list[0]', 'b'],
    ['var.list["0"]', 'b'],
    ['var.list[9]', '?'],
    ['var.map.k', 'v'],
    ['var.map["j"]', 'w'],
    ['var.map[1]', '?'],
    ['var.list[*]', '?'],
    ['local.x', '?'],
    ['unknownfn(1)', '?'],
    ['foo', '?'],
    ['"${var.user}"', 'uma'],
    ['"x-${var.user}"', 'x-uma'],
  ])('%s', (text, want) => {
    expect(ev(text)).toEqual(want);
  });

  it('reads a heredoc and keeps a single interpolation of a name as the name, with its user', () => {
    expect(ev('<<EOT\nline ${var.s}\nEOT')).toBe('line prod\n');
    expect(ev('<<-EOT\n    a ${var.s}\n      b\n    EOT')).toBe('a prod\n  b\n');
    expect(ev('<<-EOT\n  ${var.s}\n  EOT')).toBe('prod\n');
    const v = new Evaluator(scope).eval(expr('"${var.user}"'));
    expect(v).toEqual(VARS.user);
  });

  it('writes traversals back as source', () => {
    expect(traversalText(expr('aws_iam_user.u[0].name'))).toBe('aws_iam_user.u[0].name');
    expect(traversalText(expr('aws_iam_user.u[each.key]'))).toBe('aws_iam_user.u[each.key]');
    expect(traversalText(expr('aws_iam_user.u[var.a + 1]'))).toBeNull();
    expect(traversalText(expr('f(x).y'))).toBeNull();
  });

  it('reads blocks with identifier labels, one-line blocks and nested blocks', () => {
    const f = parseHcl('resource aws_iam_user u { name = "u" }\nlocals {\n  a = 1\n}\n', 'b.tf');
    expect(f.body.blocks.map((b) => [b.type, b.labels, b.line, b.endLine])).toEqual([
      ['resource', ['aws_iam_user', 'u'], 1, 1],
      ['locals', [], 2, 4],
    ]);
    expect(f.errorLine).toBeNull();
  });
});

describe('collections, for expressions and functions', () => {
  it.each([
    ['[for s in var.list : upper(s)]', ['B', 'A', 'B']],
    ['[for i, s in var.list : "${i}${s}" if s == "b"]', ['0b', '2b']],
    ['{for k, v in var.map : v => k}', { v: 'k', w: 'j' }],
    ['{for s in var.list : s => s...}', { b: ['b', 'b'], a: ['a'] }],
    ['[for s in var.unknown : s]', '? var.unknown is true'],
    ['[for s in var.list : s if var.c]', '?'],
    ['{for s in var.list : var.q => s}', '?'],
    ['{ "a-b" = 1, (var.s) = 2, c : 3 }', { 'a-b': 1, prod: 2, c: 3 }],
    ['{ (var.q) = 1 }', '?'],
    ['length(var.list)', 3],
    ['length("héllo")', 5],
    ['toset(var.list)', ['a', 'b']],
    ['tolist(toset(["x"]))', ['x']],
    ['tomap(var.map)', { k: 'v', j: 'w' }],
    ['tomap(1)', '?'],
    ['tostring(3)', '3'],
    ['tonumber("4")', 4],
    ['tobool("true")', true],
    ['sensitive(var.s)', 'prod'],
    ['nonsensitive(var.s)', 'prod'],
    ['keys(var.map)', ['j', 'k']],
    ['values(var.map)', ['w', 'v']],
    ['concat(["a"], ["b"], [])', ['a', 'b']],
    ['merge(var.map, {k = "z"}, null)', { k: 'z', j: 'w' }],
    ['merge(var.map, 1)', '?'],
    ['lookup(var.map, "k", "d")', 'v'],
    ['lookup(var.map, "q", "d")', 'd'],
    ['lookup(var.map, "q")', '?'],
    ['lookup(1, "q")', '?'],
    ['contains(var.list, "a")', true],
    ['coalesce(null, "", "x")', 'x'],
    ['lower("AB")', 'ab'],
    ['trimspace(" a ")', 'a'],
    ['join("-", var.list)', 'b-a-b'],
    ['split(",", "a,b")', ['a', 'b']],
    ['element(var.list, 4)', 'a'],
    ['element([], 0)', '?'],
    ['flatten([["a"], ["b", ["c"]]])', ['a', 'b', 'c']],
    ['distinct(var.list)', ['b', 'a']],
    ['compact(["a", "", null])', ['a']],
    ['zipmap(["a", "b"], [1])', { a: 1, b: null }],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 3)', [1, 4]],
    ['range(3, 0, -1)', [3, 2, 1]],
    ['range(0, 1, 0)', '?'],
    ['range(100000)', '?'],
    ['range("x")', '?'],
    ['one([])', null],
    ['one(["a"])', 'a'],
    ['one(["a", "b"])', '?'],
    ['alltrue([true, var.yes])', true],
    ['anytrue([false, var.no])', false],
    ['sort(["b", "a"])', ['a', 'b']],
    ['try(var.missing, "fallback")', 'fallback'],
    ['try(var.missing)', '?'],
    ['length(var.missing)', '?'],
    ['length(1)', '?'],
    ['concat(var.list...)', '?'],
    ['max(var.list...)', '?'],
    ['concat([["a"], ["b"]]...)', ['a', 'b']],
    ['provider::aws::arn_parse("x")', '?'],
  ])('%s', (text, want) => {
    expect(ev(text)).toEqual(want);
  });
});
