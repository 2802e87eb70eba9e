/**
 * CloudFormation templates (YAML or JSON; SAM; CDK's synthesized `*.template.json`): an
 * `AWS::IAM::User` with a `LoginProfile` and an `AWS::IAM::AccessKey` whose `UserName` refers to it
 * (`Ref`, `!Sub '${User}'`, or a literal equal to its `UserName`). Both YAML and JSON are read with the
 * `yaml` package (JSON is YAML 1.2), with CloudFormation's short tags (`!Ref`, `!If`, …) as custom
 * tags and positions from its LineCounter. Pure: the text is given.
 */
import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Pair,
  type Tags,
  type YAMLMap,
} from 'yaml';
import type { IacFinding } from './types.js';
import { exemptionFromTag, parseIgnoreComment, tagValue, type IacExemption } from './exemption.js';

const FUNCTIONS = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'Ref',
  'Condition',
];

/** `!Sub x` is `{ "Fn::Sub": x }`, `!Ref x` is `{ Ref: x }`, `!GetAtt a.b` is `{ "Fn::GetAtt": [a, b] }`. */
const TAGS: Tags = FUNCTIONS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return [
    { tag: `!${name}`, resolve: (v: string) => ({ [key]: name === 'GetAtt' ? v.split('.') : v }) },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (s: { toJSON(): unknown }) => ({ [key]: s.toJSON() }),
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (m: { toJSON(): unknown }) => ({ [key]: m.toJSON() }),
    },
  ];
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function obj(v: unknown): Record<string, Json> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;
}

/** The pair of a mapping with a given key. */
function pairOf(map: unknown, key: string): Pair | null {
  if (!isMap(map)) return null;
  for (const p of map.items) if (isScalar(p.key) && String(p.key.value) === key) return p as Pair;
  return null;
}

interface Resource {
  id: string;
  type: string;
  props: Record<string, Json>;
  condition: string | null;
  line: number;
  /** Lines of the resource's text, and of the comment lines right above it. */
  fromLine: number;
  toLine: number;
}

interface Template {
  resources: Resource[];
  parameters: Record<string, Json>;
  doc: Document;
  lines: LineCounter;
}

/** Whether a parsed document is a template: a format version, or resources of `AWS::` types. */
function read(text: string, path: string, note: (t: string) => void): Template | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    customTags: TAGS,
    lineCounter: lines,
    uniqueKeys: false,
    logLevel: 'silent',
    prettyErrors: false,
  });
  const top = doc.contents;
  const resourcesPair = pairOf(top, 'Resources');
  if (!resourcesPair || !isMap(resourcesPair.value)) return null;
  const resources: Resource[] = [];
  const map = resourcesPair.value as YAMLMap;
  for (const p of map.items) {
    if (!isScalar(p.key)) continue;
    const value = obj((p.value as { toJS?: (d: Document) => unknown } | null)?.toJS?.(doc));
    const type = value?.Type;
    if (typeof type !== 'string') continue;
    const start = p.key.range?.[0] ?? 0;
    const end = (p.value as { range?: [number, number, number] } | null)?.range?.[1] ?? start;
    resources.push({
      id: String(p.key.value),
      type,
      props: obj(value?.Properties) ?? {},
      condition: typeof value?.Condition === 'string' ? value.Condition : null,
      line: lines.linePos(start).line,
      fromLine: lines.linePos(start).line,
      toLine: lines.linePos(Math.max(start, end - 1)).line,
    });
  }
  const isTemplate =
    pairOf(top, 'AWSTemplateFormatVersion') !== null || resources.some((r) => r.type.startsWith('AWS::'));
  if (!isTemplate) return null;
  if (doc.errors.length > 0) {
    const e = doc.errors[0] as { message: string; pos: [number, number] };
    note(
      `${path}:${lines.linePos(e.pos[0]).line}: not valid YAML/JSON (${e.message.split('\n')[0]}); read as far as it could be.`,
    );
  }
  const parameters =
    obj(obj((pairOf(top, 'Parameters')?.value as { toJS?: (d: Document) => unknown } | null)?.toJS?.(doc))) ??
    {};
  return { resources, parameters, doc, lines };
}

/** A string a template decides: a literal, a `Ref` to a parameter's default, a `Sub` of those. */
function literal(v: Json | undefined, params: Record<string, Json>): string | null {
  if (typeof v === 'string') return v;
  const o = obj(v);
  if (!o) return null;
  if (typeof o.Ref === 'string') {
    const d = obj(params[o.Ref])?.Default;
    return typeof d === 'string' ? d : null;
  }
  if (typeof o['Fn::Sub'] === 'string') {
    let ok = true;
    const out = o['Fn::Sub'].replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
      const d = obj(params[name])?.Default;
      if (typeof d !== 'string') ok = false;
      return typeof d === 'string' ? d : '';
    });
    return ok ? out : null;
  }
  return null;
}

/** The logical id an `AccessKey`'s `UserName` refers to (`Ref`, `!Sub '${Id}'`), or null. */
function refersTo(v: Json | undefined): string | null {
  const o = obj(v);
  if (!o) return null;
  if (typeof o.Ref === 'string') return o.Ref;
  const sub = o['Fn::Sub'];
  const m = typeof sub === 'string' ? /^\$\{([^}.!]+)\}$/.exec(sub) : null;
  return m ? (m[1] as string) : null;
}

/** A login profile and the condition it is under (`!If [Cond, {...}, !Ref AWS::NoValue]`). */
function loginProfile(v: Json | undefined): { condition: string | null; holds: boolean } | null {
  if (v === undefined || v === null) return null;
  const o = obj(v);
  const fnIf = o?.['Fn::If'];
  if (Array.isArray(fnIf) && typeof fnIf[0] === 'string') {
    const noValue = (x: Json | undefined) => obj(x)?.Ref === 'AWS::NoValue';
    if (noValue(fnIf[1]) && noValue(fnIf[2])) return null;
    if (noValue(fnIf[2])) return { condition: fnIf[0], holds: true };
    if (noValue(fnIf[1])) return { condition: fnIf[0], holds: false };
  }
  return o?.Ref === 'AWS::NoValue' ? null : { condition: null, holds: true };
}

function conditionText(parts: Array<{ name: string; holds: boolean }>): string | null {
  const unique = parts.filter(
    (p, i) => parts.findIndex((q) => q.name === p.name && q.holds === p.holds) === i,
  );
  if (unique.length === 0) return null;
  const holding = unique.filter((p) => p.holds).map((p) => p.name);
  const not = unique.filter((p) => !p.holds).map((p) => p.name);
  const phrases: string[] = [];
  if (holding.length === 1) phrases.push(`the condition ${holding[0]} holds`);
  if (holding.length > 1) phrases.push(`the conditions ${holding.join(' and ')} hold`);
  for (const n of not) phrases.push(`the condition ${n} does not hold`);
  return `when ${phrases.join(' and ')}`;
}

/** Ignore comments on a resource: in its text, or the comment lines right above it (YAML only). */
function commentExemption(
  text: string[],
  r: Resource,
  path: string,
  note: (t: string) => void,
): IacExemption | null {
  const candidates: string[] = [];
  for (let l = r.fromLine - 1; l >= 1 && /^\s*#/.test(text[l - 1] ?? ''); l--)
    candidates.push(text[l - 1] as string);
  for (let l = r.fromLine; l <= r.toLine; l++) {
    const m = /(?:^|\s)#(.*)$/.exec(text[l - 1] ?? '');
    if (m) candidates.push(m[1] as string);
  }
  for (const c of candidates) {
    const e = parseIgnoreComment(c);
    if (e && 'error' in e) note(`${path}:${r.line}: the ignore comment ${e.error}; not an exemption.`);
    else if (e) return e;
  }
  return null;
}

function tagExemption(user: Resource, tag: string): IacExemption | null {
  const tags = user.props.Tags;
  if (!Array.isArray(tags)) return null;
  const map = new Map(
    tags.flatMap((t) => (obj(t) ? [[String(obj(t)?.Key), obj(t)?.Value] as [string, unknown]] : [])),
  );
  const v = tagValue(map, tag);
  return v === null ? null : exemptionFromTag(v);
}

/**
 * The findings of a template, or null when the text is not a CloudFormation template. `path` is
 * root-relative; `note` collects what the reader must know (a template that is not valid YAML).
 */
export function scanTemplate(
  text: string,
  path: string,
  opts: { exemptionTag: string; note: (t: string) => void },
): IacFinding[] | null {
  const t = read(text, path, opts.note);
  if (!t) return null;
  const users = new Map(t.resources.filter((r) => r.type === 'AWS::IAM::User').map((r) => [r.id, r]));
  const byName = new Map<string, Resource>();
  for (const u of users.values()) {
    const n = literal(u.props.UserName, t.parameters);
    if (n !== null && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), u);
  }
  const lines = text.split(/\r?\n/);
  const yamlComments = !/^\s*[{[]/.test(text);
  const findings: IacFinding[] = [];
  for (const key of t.resources) {
    if (key.type !== 'AWS::IAM::AccessKey' || key.props.Status === 'Inactive') continue;
    const target = refersTo(key.props.UserName);
    const name = target === null ? literal(key.props.UserName, t.parameters) : null;
    const user =
      target !== null ? users.get(target) : name !== null ? byName.get(name.toLowerCase()) : undefined;
    const profile = user ? loginProfile(user.props.LoginProfile) : null;
    if (!user || !profile) continue;
    const profilePair = pairOf(
      pairOf(pairOf(t.doc.contents, 'Resources')?.value, user.id)?.value,
      'Properties',
    );
    const lp = pairOf(profilePair?.value, 'LoginProfile');
    const conds: Array<{ name: string; holds: boolean }> = [];
    if (key.condition) conds.push({ name: key.condition, holds: true });
    if (user.condition) conds.push({ name: user.condition, holds: true });
    if (profile.condition) conds.push({ name: profile.condition, holds: profile.holds });
    const note = opts.note;
    findings.push({
      address: `Resources.${key.id}`,
      userName: literal(user.props.UserName, t.parameters) ?? `Resources.${user.id}`,
      userAddress: `Resources.${user.id}`,
      file: path,
      line: key.line,
      loginProfile: {
        file: path,
        line: isScalar(lp?.key) ? t.lines.linePos(lp.key.range?.[0] ?? 0).line : user.line,
        address: `Resources.${user.id}.Properties.LoginProfile`,
      },
      source: 'cloudformation',
      condition: conditionText(conds),
      note: null,
      exemption:
        (yamlComments
          ? (commentExemption(lines, key, path, note) ?? commentExemption(lines, user, path, note))
          : null) ?? tagExemption(user, opts.exemptionTag),
    });
  }
  return findings;
}
