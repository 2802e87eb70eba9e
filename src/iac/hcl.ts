/**
 * Reading Terraform's HCL: the Lezer grammar of `codemirror-lang-hcl` parses a file, and this module
 * turns its syntax tree into a small typed tree of blocks, attributes and expressions with 1-based
 * lines. Nothing is evaluated here (see hcl-eval.ts).
 *
 * The grammar (like tree-sitter-hcl, whose node names it shares) keeps operators in source order
 * without HCL's precedence, hangs `.attr` / `[index]` after an operand as siblings rather than
 * children, and nests `a ? b : c ? d : e` to the left. So an expression's nodes are read back as a flat
 * list of operands, postfixes and operators, and parsed again with HCL's precedence (the language
 * specification's table): unary `!` `-`; `*` `/` `%`; `+` `-`; `>` `>=` `<` `<=`; `==` `!=`; `&&`; `||`;
 * then `? :`, right to left.
 */
import { hclLanguage } from 'codemirror-lang-hcl';

type SyntaxTree = ReturnType<typeof hclLanguage.parser.parse>;
type SyntaxNode = SyntaxTree['topNode'];

export type Expr =
  | { k: 'lit'; v: null | boolean | number | string }
  /** A template: literal text and interpolated expressions; `directive` when it has `%{ }` parts. */
  | { k: 'tpl'; parts: Array<string | Expr>; directive: boolean }
  | { k: 'name'; name: string }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; key: Expr }
  | { k: 'splat'; obj: Expr }
  | { k: 'call'; name: string; args: Expr[]; expand: boolean }
  | { k: 'tuple'; items: Expr[] }
  | { k: 'object'; items: Array<{ key: Expr; value: Expr }> }
  | {
      k: 'for';
      keyVar: string | null;
      valVar: string;
      coll: Expr;
      keyExpr: Expr | null;
      valExpr: Expr;
      cond: Expr | null;
      group: boolean;
    }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr }
  | { k: 'unary'; op: string; x: Expr }
  | { k: 'binary'; op: string; l: Expr; r: Expr }
  /** What this reader does not model; evaluates to unknown. */
  | { k: 'unknown' };

export interface HclAttr {
  name: string;
  expr: Expr;
  line: number;
}

interface HclBody {
  attrs: Map<string, HclAttr>;
  blocks: HclBlock[];
}

export interface HclBlock extends HclBody {
  type: string;
  labels: string[];
  file: HclFile;
  /** 1-based lines of the block's first and last characters. */
  line: number;
  endLine: number;
}

interface HclComment {
  text: string;
  line: number;
  endLine: number;
}

export interface HclFile {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  body: HclBody;
  comments: HclComment[];
  /** Line of the first syntax error, or null. */
  errorLine: number | null;
}

/** Offsets -> 1-based lines. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function child(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted template's literal text as HCL reads it: `\n`, `\"`, `\uXXXX`, `$${` and `%%{`. */
function unescapeQuoted(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt"\\])/g, (_, e: string) =>
      e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

class Reader {
  private readonly lines: Lines;
  constructor(
    private readonly text: string,
    private readonly file: HclFile,
  ) {
    this.lines = new Lines(text);
  }

  private src(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  body(node: SyntaxNode | null): HclBody {
    const out: HclBody = { attrs: new Map(), blocks: [] };
    if (!node) return out;
    for (const c of children(node)) {
      if (c.name === 'Attribute') {
        const id = child(c, 'Identifier');
        const e = child(c, 'Expression');
        if (id) {
          const name = this.src(id);
          out.attrs.set(name, { name, expr: e ? this.expr(e) : { k: 'unknown' }, line: this.line(c) });
        }
      } else if (c.name === 'Block') {
        out.blocks.push(this.block(c));
      }
    }
    return out;
  }

  private line(n: SyntaxNode): number {
    return this.lines.line(n.from);
  }

  private block(node: SyntaxNode): HclBlock {
    const type = child(node, 'BlockType');
    const labels = node.getChildren('BlockLabel').map((l) => {
      const lit = child(l, 'StringLit');
      return lit ? this.stringLit(lit) : this.src(l);
    });
    return {
      type: type ? this.src(type) : '',
      labels,
      file: this.file,
      line: this.line(node),
      endLine: this.lines.line(Math.max(node.from, node.to - 1)),
      ...this.body(child(node, 'Body')),
    };
  }

  private stringLit(node: SyntaxNode): string {
    const lit = child(node, 'TemplateLiteral');
    return lit ? unescapeQuoted(this.src(lit)) : '';
  }

  expr(node: SyntaxNode): Expr {
    const tokens: Token[] = [];
    this.flatten(node, tokens);
    return new Precedence(tokens).parse();
  }

  /** Operands (with their postfixes), operators and `?` `:` of an expression, in source order. */
  private flatten(node: SyntaxNode, out: Token[]): void {
    const list = children(node);
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as SyntaxNode;
      switch (c.name) {
        case 'Expression':
        case 'Operation':
        case 'BinaryOperation':
        case 'UnaryOperation':
        case 'Conditional':
          this.flatten(c, out);
          break;
        case '(': {
          // a parenthesised expression: one operand
          const inner = list[i + 1];
          if (inner?.name === 'Expression') {
            out.push({ t: 'operand', e: this.expr(inner) });
            i += list[i + 2]?.name === ')' ? 2 : 1;
          }
          break;
        }
        case 'ArithOp':
        case 'LogicOp':
        case 'CompareOp':
          out.push({ t: 'op', op: this.src(c) });
          break;
        case 'ControlOp':
          out.push({ t: 'op', op: this.src(c).trim() });
          break;
        case 'GetAttr':
        case 'Index':
        case 'Splat':
          out.push({ t: 'postfix', node: c, reader: this });
          break;
        default:
          if (c.type.isError) out.push({ t: 'operand', e: { k: 'unknown' } });
          else if (PRIMARIES.has(c.name)) out.push({ t: 'operand', e: this.primary(c) });
      }
    }
  }

  postfix(obj: Expr, node: SyntaxNode): Expr {
    if (node.name === 'GetAttr') {
      const id = child(node, 'Identifier');
      return id ? { k: 'attr', obj, name: this.src(id) } : { k: 'unknown' };
    }
    if (node.name === 'Index') {
      const inner = node.firstChild;
      if (inner?.name === 'LegacyIndex') {
        return { k: 'index', obj, key: { k: 'lit', v: Number(this.src(inner).slice(1)) } };
      }
      const e = inner ? child(inner, 'Expression') : null;
      return e ? { k: 'index', obj, key: this.expr(e) } : { k: 'unknown' };
    }
    return { k: 'splat', obj };
  }

  private primary(node: SyntaxNode): Expr {
    switch (node.name) {
      case 'LiteralValue':
        return this.literal(node.firstChild);
      case 'VariableExpr':
        return { k: 'name', name: this.src(node) };
      case 'TemplateExpr':
        return this.template(node.firstChild);
      case 'FunctionCall':
        return this.call(node);
      case 'CollectionValue':
        return this.collection(node.firstChild);
      case 'ForExpr':
        return this.forExpr(node.firstChild);
      default:
        return { k: 'unknown' };
    }
  }

  private literal(node: SyntaxNode | null): Expr {
    switch (node?.name) {
      case 'NumericLit':
        return { k: 'lit', v: Number(this.src(node)) };
      case 'BoolLit':
        return { k: 'lit', v: this.src(node) === 'true' };
      case 'NullLit':
        return { k: 'lit', v: null };
      case 'StringLit':
        return { k: 'lit', v: this.stringLit(node) };
      default:
        return { k: 'unknown' };
    }
  }

  private template(node: SyntaxNode | null): Expr {
    if (!node) return { k: 'unknown' };
    const heredoc = node.name === 'HeredocTemplate';
    const parts: Array<string | Expr> = [];
    let directive = false;
    for (const c of children(node)) {
      if (c.name === 'TemplateLiteral') {
        parts.push(heredoc ? this.src(c) : unescapeQuoted(this.src(c)));
      } else if (c.name === 'TemplateInterpolation') {
        const e = child(c, 'Expression');
        parts.push(e ? this.expr(e) : { k: 'unknown' });
      } else if (c.name === 'TemplateDirective') {
        directive = true;
      }
    }
    if (heredoc) heredocText(parts, this.src(child(node, 'HeredocStart') ?? node).startsWith('<<-'));
    return { k: 'tpl', parts, directive };
  }

  private call(node: SyntaxNode): Expr {
    const name = child(node, 'FunctionName');
    const ns = node.getChildren('FunctionNamespace').map((n) => this.src(n));
    const argsNode = child(node, 'FunctionArguments');
    const args = argsNode ? argsNode.getChildren('Expression').map((e) => this.expr(e)) : [];
    const expand = argsNode ? child(argsNode, 'Ellipsis') !== null : false;
    return { k: 'call', name: ns.join('') + (name ? this.src(name) : ''), args, expand };
  }

  private collection(node: SyntaxNode | null): Expr {
    if (node?.name === 'Tuple')
      return { k: 'tuple', items: node.getChildren('Expression').map((e) => this.expr(e)) };
    if (node?.name !== 'Object') return { k: 'unknown' };
    const items: Array<{ key: Expr; value: Expr }> = [];
    for (const elem of node.getChildren('ObjectElem')) {
      const keyNode = child(elem, 'ObjectKey');
      const value = child(elem, 'Expression');
      if (!keyNode || !value) continue;
      items.push({ key: this.objectKey(keyNode), value: this.expr(value) });
    }
    return { k: 'object', items };
  }

  /** A bare identifier key is its name; a quoted or parenthesised key is an expression. */
  private objectKey(node: SyntaxNode): Expr {
    const e = child(node, 'Expression');
    if (!e) return { k: 'unknown' };
    const only = e.firstChild;
    if (only && !only.nextSibling && only.name === 'VariableExpr') return { k: 'lit', v: this.src(only) };
    return this.expr(e);
  }

  private forExpr(node: SyntaxNode | null): Expr {
    if (!node) return { k: 'unknown' };
    const intro = child(node, 'ForIntro');
    if (!intro) return { k: 'unknown' };
    const vars = intro.getChildren('Identifier').map((n) => this.src(n));
    const coll = child(intro, 'Expression');
    const exprs = node.getChildren('Expression').map((e) => this.expr(e));
    const condNode = child(node, 'ForCond');
    const condExpr = condNode ? child(condNode, 'Expression') : null;
    const object = node.name === 'ForObjectExpr';
    if (!coll || vars.length === 0 || exprs.length < (object ? 2 : 1)) return { k: 'unknown' };
    return {
      k: 'for',
      keyVar: vars.length > 1 ? (vars[0] as string) : null,
      valVar: vars[vars.length - 1] as string,
      coll: this.expr(coll),
      keyExpr: object ? (exprs[0] as Expr) : null,
      valExpr: exprs[object ? 1 : 0] as Expr,
      cond: condExpr ? this.expr(condExpr) : null,
      group: object && child(node, 'Ellipsis') !== null,
    };
  }
}

/**
 * A heredoc's text as HCL reads it: from the line after `<<EOT` to the newline before the closing
 * marker; `<<-` strips the smallest indentation of its lines. Changes `parts` in place.
 */
function heredocText(parts: Array<string | Expr>, flush: boolean): void {
  // the text with one placeholder per interpolation, so that lines can be measured and cut as text
  if (parts.some((p) => typeof p === 'string' && p.includes('\u0000'))) return;
  const exprs = parts.filter((p): p is Expr => typeof p !== 'string');
  let text = parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
  text = `${text.replace(/^\r?\n/, '').replace(/[ \t]*$/, '')}\n`;
  if (flush) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const indent = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
    if (Number.isFinite(indent) && indent > 0)
      text = text.replace(new RegExp(`(^|\n)[ \t]{0,${indent}}`, 'g'), '$1');
  }
  parts.length = 0;
  text.split('\u0000').forEach((literal, i) => {
    if (i > 0) parts.push(exprs[i - 1] as Expr);
    if (literal !== '') parts.push(literal);
  });
}

const PRIMARIES = new Set([
  'LiteralValue',
  'VariableExpr',
  'TemplateExpr',
  'FunctionCall',
  'CollectionValue',
  'ForExpr',
]);

type Token =
  { t: 'operand'; e: Expr } | { t: 'op'; op: string } | { t: 'postfix'; node: SyntaxNode; reader: Reader };

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** Precedence climbing over the flat token list (see the module comment). */
class Precedence {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.conditional();
    return this.i === this.tokens.length ? e : { k: 'unknown' };
  }

  private peekOp(): string | null {
    const t = this.tokens[this.i];
    return t?.t === 'op' ? t.op : null;
  }

  private conditional(): Expr {
    const test = this.binary(1);
    if (this.peekOp() !== '?') return test;
    this.i++;
    const then = this.conditional();
    if (this.peekOp() !== ':') return { k: 'unknown' };
    this.i++;
    return { k: 'cond', test, then, else: this.conditional() };
  }

  private binary(min: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      const prec = op === null ? undefined : BINARY[op];
      if (op === null || prec === undefined || prec < min) return left;
      this.i++;
      left = { k: 'binary', op, l: left, r: this.binary(prec + 1) };
    }
  }

  private unary(): Expr {
    const op = this.peekOp();
    if (op === '!' || op === '-') {
      this.i++;
      return { k: 'unary', op, x: this.unary() };
    }
    const t = this.tokens[this.i];
    if (t?.t !== 'operand') return { k: 'unknown' };
    this.i++;
    let e = t.e;
    for (let p = this.tokens[this.i]; p?.t === 'postfix'; p = this.tokens[this.i]) {
      e = p.reader.postfix(e, p.node);
      this.i++;
    }
    return e;
  }
}

/** Parses one `.tf` or `.tfvars` file. Never throws on bad input: errors are marked, not fatal. */
export function parseHcl(text: string, path: string): HclFile {
  const tree = hclLanguage.parser.parse(text);
  const file: HclFile = { path, body: { attrs: new Map(), blocks: [] }, comments: [], errorLine: null };
  const reader = new Reader(text, file);
  const lines = new Lines(text);
  const top = tree.topNode;
  tree.iterate({
    enter(n) {
      if (n.type.isError && file.errorLine === null) file.errorLine = lines.line(n.from);
      if (n.name === 'Comment') {
        file.comments.push({
          text: text.slice(n.from, n.to),
          line: lines.line(n.from),
          endLine: lines.line(Math.max(n.from, n.to - 1)),
        });
        return false;
      }
      return undefined;
    },
  });
  file.body = reader.body(child(top, 'Body'));
  return file;
}

/** `var.x`, `aws_iam_user.u[0].name`: the source form of a traversal, or null for other expressions. */
export function traversalText(e: Expr): string | null {
  switch (e.k) {
    case 'name':
      return e.name;
    case 'attr': {
      const o = traversalText(e.obj);
      return o === null ? null : `${o}.${e.name}`;
    }
    case 'index': {
      const o = traversalText(e.obj);
      if (o === null) return null;
      if (e.key.k === 'lit') return `${o}[${JSON.stringify(e.key.v)}]`;
      const key = traversalText(e.key);
      return key === null ? null : `${o}[${key}]`;
    }
    default:
      return null;
  }
}
