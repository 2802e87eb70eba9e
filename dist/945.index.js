export const id = 945;
export const ids = [945];
export const modules = {

/***/ 1945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanIac: () => (/* binding */ scanIac)
});

// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(1535);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/evaluate/exemptions.ts
var exemptions = __webpack_require__(2171);
;// CONCATENATED MODULE: ./src/iac/exemption.ts
/**
 * Justified exceptions written in the code (docs/design.md §1's exemptions, at the source): a comment
 * `# iam-initial-access-key-audit: ignore reason="…" expires=YYYY-MM-DD` on the resource (HCL or YAML),
 * or the user's justification tag (`access-key-justification` by default) in the template or the
 * configuration, whose value may end with `expires=YYYY-MM-DD` as the live tag's does. The expiry is kept
 * as written: whether it has passed is decided where the as-of date is known (`applyExemptions` treats
 * a date that is not a real one as passed). Pure.
 */

const MARKER = /iam-initial-access-key-audit:\s*ignore\b(.*)$/ims;
const REASON = /\breason\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const EXPIRES = /\bexpires\s*=\s*([\w-]+)/i;
/**
 * The exemption in a comment's text: null when the comment is not one, `{ error }` when it is one
 * without a reason (an ignore must say why).
 */
function parseIgnoreComment(text) {
    const m = MARKER.exec(text);
    if (!m)
        return null;
    const rest = m[1] ?? '';
    const reason = REASON.exec(rest)?.[1]?.replace(/\\(.)/g, '$1').trim() ?? '';
    if (reason === '')
        return { error: 'has no reason="…"' };
    const expires = EXPIRES.exec(rest.replace(REASON, ''))?.[1] ?? null;
    return { justification: reason, expires };
}
/** The exemption of a justification tag's value, or null when it is empty. */
function exemptionFromTag(value) {
    const { text, expires } = (0,exemptions/* parseJustification */.cm)(value);
    return text === '' && expires === null ? null : { justification: text, expires };
}
/** The value of `tag` in a tag map (keys matched regardless of case, as IAM treats them), or null. */
function tagValue(tags, tag) {
    const wanted = tag.toLowerCase();
    for (const [k, v] of tags)
        if (k.toLowerCase() === wanted && typeof v === 'string')
            return v;
    return null;
}

;// CONCATENATED MODULE: ./src/iac/cloudformation.ts
/**
 * CloudFormation templates (YAML or JSON; SAM; CDK's synthesized `*.template.json`): an
 * `AWS::IAM::User` with a `LoginProfile` and an `AWS::IAM::AccessKey` whose `UserName` refers to it
 * (`Ref`, `!Sub '${User}'`, or a literal equal to its `UserName`). Both YAML and JSON are read with the
 * `yaml` package (JSON is YAML 1.2), with CloudFormation's short tags (`!Ref`, `!If`, …) as custom
 * tags and positions from its LineCounter. Pure: the text is given.
 */


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
const TAGS = FUNCTIONS.flatMap((name) => {
    const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    return [
        { tag: `!${name}`, resolve: (v) => ({ [key]: name === 'GetAtt' ? v.split('.') : v }) },
        {
            tag: `!${name}`,
            collection: 'seq',
            resolve: (s) => ({ [key]: s.toJSON() }),
        },
        {
            tag: `!${name}`,
            collection: 'map',
            resolve: (m) => ({ [key]: m.toJSON() }),
        },
    ];
});
function obj(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
}
/** The pair of a mapping with a given key. */
function pairOf(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return null;
    for (const p of map.items)
        if ((0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === key)
            return p;
    return null;
}
/** Whether a parsed document is a template: a format version, or resources of `AWS::` types. */
function read(text, path, note) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        customTags: TAGS,
        lineCounter: lines,
        uniqueKeys: false,
        logLevel: 'silent',
        prettyErrors: false,
    });
    const top = doc.contents;
    const resourcesPair = pairOf(top, 'Resources');
    if (!resourcesPair || !(0,dist/* isMap */.jh)(resourcesPair.value))
        return null;
    const resources = [];
    const map = resourcesPair.value;
    for (const p of map.items) {
        if (!(0,dist/* isScalar */.jn)(p.key))
            continue;
        const value = obj(p.value?.toJS?.(doc));
        const type = value?.Type;
        if (typeof type !== 'string')
            continue;
        const start = p.key.range?.[0] ?? 0;
        const end = p.value?.range?.[1] ?? start;
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
    const isTemplate = pairOf(top, 'AWSTemplateFormatVersion') !== null || resources.some((r) => r.type.startsWith('AWS::'));
    if (!isTemplate)
        return null;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        note(`${path}:${lines.linePos(e.pos[0]).line}: not valid YAML/JSON (${e.message.split('\n')[0]}); read as far as it could be.`);
    }
    const parameters = obj(obj(pairOf(top, 'Parameters')?.value?.toJS?.(doc))) ??
        {};
    return { resources, parameters, doc, lines };
}
/** A string a template decides: a literal, a `Ref` to a parameter's default, a `Sub` of those. */
function literal(v, params) {
    if (typeof v === 'string')
        return v;
    const o = obj(v);
    if (!o)
        return null;
    if (typeof o.Ref === 'string') {
        const d = obj(params[o.Ref])?.Default;
        return typeof d === 'string' ? d : null;
    }
    if (typeof o['Fn::Sub'] === 'string') {
        let ok = true;
        const out = o['Fn::Sub'].replace(/\$\{([^}!]+)\}/g, (_, name) => {
            const d = obj(params[name])?.Default;
            if (typeof d !== 'string')
                ok = false;
            return typeof d === 'string' ? d : '';
        });
        return ok ? out : null;
    }
    return null;
}
/** The logical id an `AccessKey`'s `UserName` refers to (`Ref`, `!Sub '${Id}'`), or null. */
function refersTo(v) {
    const o = obj(v);
    if (!o)
        return null;
    if (typeof o.Ref === 'string')
        return o.Ref;
    const sub = o['Fn::Sub'];
    const m = typeof sub === 'string' ? /^\$\{([^}.!]+)\}$/.exec(sub) : null;
    return m ? m[1] : null;
}
/** A login profile and the condition it is under (`!If [Cond, {...}, !Ref AWS::NoValue]`). */
function loginProfile(v) {
    if (v === undefined || v === null)
        return null;
    const o = obj(v);
    const fnIf = o?.['Fn::If'];
    if (Array.isArray(fnIf) && typeof fnIf[0] === 'string') {
        const noValue = (x) => obj(x)?.Ref === 'AWS::NoValue';
        if (noValue(fnIf[1]) && noValue(fnIf[2]))
            return null;
        if (noValue(fnIf[2]))
            return { condition: fnIf[0], holds: true };
        if (noValue(fnIf[1]))
            return { condition: fnIf[0], holds: false };
    }
    return o?.Ref === 'AWS::NoValue' ? null : { condition: null, holds: true };
}
function conditionText(parts) {
    const unique = parts.filter((p, i) => parts.findIndex((q) => q.name === p.name && q.holds === p.holds) === i);
    if (unique.length === 0)
        return null;
    const holding = unique.filter((p) => p.holds).map((p) => p.name);
    const not = unique.filter((p) => !p.holds).map((p) => p.name);
    const phrases = [];
    if (holding.length === 1)
        phrases.push(`the condition ${holding[0]} holds`);
    if (holding.length > 1)
        phrases.push(`the conditions ${holding.join(' and ')} hold`);
    for (const n of not)
        phrases.push(`the condition ${n} does not hold`);
    return `when ${phrases.join(' and ')}`;
}
/** Ignore comments on a resource: in its text, or the comment lines right above it (YAML only). */
function commentExemption(text, r, path, note) {
    const candidates = [];
    for (let l = r.fromLine - 1; l >= 1 && /^\s*#/.test(text[l - 1] ?? ''); l--)
        candidates.push(text[l - 1]);
    for (let l = r.fromLine; l <= r.toLine; l++) {
        const m = /(?:^|\s)#(.*)$/.exec(text[l - 1] ?? '');
        if (m)
            candidates.push(m[1]);
    }
    for (const c of candidates) {
        const e = parseIgnoreComment(c);
        if (e && 'error' in e)
            note(`${path}:${r.line}: the ignore comment ${e.error}; not an exemption.`);
        else if (e)
            return e;
    }
    return null;
}
function tagExemption(user, tag) {
    const tags = user.props.Tags;
    if (!Array.isArray(tags))
        return null;
    const map = new Map(tags.flatMap((t) => (obj(t) ? [[String(obj(t)?.Key), obj(t)?.Value]] : [])));
    const v = tagValue(map, tag);
    return v === null ? null : exemptionFromTag(v);
}
/**
 * The findings of a template, or null when the text is not a CloudFormation template. `path` is
 * root-relative; `note` collects what the reader must know (a template that is not valid YAML).
 */
function scanTemplate(text, path, opts) {
    const t = read(text, path, opts.note);
    if (!t)
        return null;
    const users = new Map(t.resources.filter((r) => r.type === 'AWS::IAM::User').map((r) => [r.id, r]));
    const byName = new Map();
    for (const u of users.values()) {
        const n = literal(u.props.UserName, t.parameters);
        if (n !== null && !byName.has(n.toLowerCase()))
            byName.set(n.toLowerCase(), u);
    }
    const lines = text.split(/\r?\n/);
    const yamlComments = !/^\s*[{[]/.test(text);
    const findings = [];
    for (const key of t.resources) {
        if (key.type !== 'AWS::IAM::AccessKey' || key.props.Status === 'Inactive')
            continue;
        const target = refersTo(key.props.UserName);
        const name = target === null ? literal(key.props.UserName, t.parameters) : null;
        const user = target !== null ? users.get(target) : name !== null ? byName.get(name.toLowerCase()) : undefined;
        const profile = user ? loginProfile(user.props.LoginProfile) : null;
        if (!user || !profile)
            continue;
        const profilePair = pairOf(pairOf(pairOf(t.doc.contents, 'Resources')?.value, user.id)?.value, 'Properties');
        const lp = pairOf(profilePair?.value, 'LoginProfile');
        const conds = [];
        if (key.condition)
            conds.push({ name: key.condition, holds: true });
        if (user.condition)
            conds.push({ name: user.condition, holds: true });
        if (profile.condition)
            conds.push({ name: profile.condition, holds: profile.holds });
        const note = opts.note;
        findings.push({
            address: `Resources.${key.id}`,
            userName: literal(user.props.UserName, t.parameters) ?? `Resources.${user.id}`,
            userAddress: `Resources.${user.id}`,
            file: path,
            line: key.line,
            loginProfile: {
                file: path,
                line: (0,dist/* isScalar */.jn)(lp?.key) ? t.lines.linePos(lp.key.range?.[0] ?? 0).line : user.line,
                address: `Resources.${user.id}.Properties.LoginProfile`,
            },
            source: 'cloudformation',
            condition: conditionText(conds),
            note: null,
            exemption: (yamlComments
                ? (commentExemption(lines, key, path, note) ?? commentExemption(lines, user, path, note))
                : null) ?? tagExemption(user, opts.exemptionTag),
        });
    }
    return findings;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./src/collect/pool.ts
var pool = __webpack_require__(6990);
;// CONCATENATED MODULE: ./src/iac/files.ts
/**
 * The files an iac scan reads, and nothing else. The code of a pull request is written by whoever
 * opens it, so every path is confined to the scan root: patterns are matched inside it, links are not
 * followed out of it (a file or folder whose real path is outside is skipped with a note), and files
 * larger than the cap are skipped with a note. Paths are reported relative to the root, with `/`.
 */





/** Files larger than this are not read (a note says so). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Terraform plans are bigger than sources: their own cap. */
const MAX_PLAN_BYTES = 64 * 1024 * 1024;
/** What a directory given as a pattern stands for. */
const SCANNED = '**/*.{tf,json,yaml,yml,template}';
const IGNORED = ['**/.git/**', '**/node_modules/**', '**/.terraform/**'];
/** An error's code (`ENOENT`), else its message: never the absolute path the message may contain. */
function reason(err) {
    const code = err?.code;
    return typeof code === 'string' ? code : (0,errors/* errorMessage */.gJ)(err);
}
function toPosix(path) {
    return external_node_path_.sep === '/' ? path : path.split(external_node_path_.sep).join('/');
}
class ScanFiles {
    root;
    notes = [];
    noted = new Set();
    constructor(root) {
        this.root = root;
    }
    static async open(root) {
        return new ScanFiles(await (0,promises_.realpath)(root));
    }
    note(text) {
        if (this.noted.has(text))
            return;
        this.noted.add(text);
        this.notes.push(text);
    }
    /** The root-relative POSIX path of a path, or null when it is outside the root. */
    inside(abs) {
        const rel = (0,external_node_path_.relative)(this.root, abs);
        if (rel === '')
            return '.';
        if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
            return null;
        return toPosix(rel);
    }
    /** The files the patterns name (a directory: its Terraform and template files, recursively), sorted. */
    async match(patterns) {
        const out = new Set();
        for (const pattern of patterns) {
            for (const f of await this.matchOne(pattern))
                out.add(f);
        }
        return [...out].sort();
    }
    async matchOne(pattern) {
        const abs = (0,external_node_path_.isAbsolute)(pattern) ? pattern : (0,external_node_path_.join)(this.root, pattern);
        const rel = this.inside(abs);
        const kind = rel === null
            ? null
            : await (0,promises_.stat)(abs).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => null);
        if (kind !== null && (await this.real(rel)) === null)
            return [];
        if (kind === 'file')
            return [rel];
        let globbed;
        if (kind === 'dir')
            globbed = rel === '.' ? SCANNED : `${(0,tinyglobby_dist/* escapePath */.ft)(rel)}/${SCANNED}`;
        else if (rel !== null)
            globbed = toPosix((0,external_node_path_.isAbsolute)(pattern) ? rel : pattern);
        else {
            this.note(`${pattern}: outside the scanned root; not read.`);
            return [];
        }
        const found = await (0,tinyglobby_dist/* glob */.TI)(globbed, {
            cwd: this.root,
            onlyFiles: true,
            dot: true,
            followSymbolicLinks: false,
            expandDirectories: false,
            ignore: IGNORED,
        });
        const inside = [];
        for (const f of found) {
            const r = this.inside((0,external_node_path_.join)(this.root, f));
            if (r === null)
                this.note(`${f}: outside the scanned root; not read.`);
            else
                inside.push(r);
        }
        if (found.length === 0 && kind === null)
            this.note(`${pattern}: matched no file.`);
        return inside;
    }
    /**
     * The real path of a root-relative path when it stays inside the root; null (with a note, unless
     * `quiet` and it does not exist) if not.
     */
    async real(rel, quiet = false) {
        let real;
        try {
            real = await (0,promises_.realpath)((0,external_node_path_.join)(this.root, rel));
        }
        catch (err) {
            if (!quiet)
                this.note(`${rel}: could not be read (${reason(err)}).`);
            return null;
        }
        if (this.inside(real) === null) {
            this.note(`${rel}: a link to outside the scanned root; not followed.`);
            return null;
        }
        return real;
    }
    /** The text of a root-relative file, or null (with a note) when it cannot or must not be read. */
    async read(rel, cap = MAX_FILE_BYTES) {
        const real = await this.real(rel);
        if (real === null)
            return null;
        try {
            const s = await (0,promises_.stat)(real);
            if (!s.isFile())
                return null;
            if (s.size > cap) {
                this.note(`${rel}: larger than ${Math.round(cap / 1024 / 1024)} MiB; not read.`);
                return null;
            }
            return await (0,promises_.readFile)(real, 'utf8');
        }
        catch (err) {
            this.note(`${rel}: could not be read (${reason(err)}).`);
            return null;
        }
    }
    /** The first bytes of a file (to tell a plan from other JSON before reading it whole). */
    async head(rel, bytes = 512) {
        const real = await this.real(rel);
        if (real === null)
            return '';
        try {
            const fh = await (0,promises_.open)(real, 'r');
            try {
                const buf = Buffer.alloc(bytes);
                const { bytesRead } = await fh.read(buf, 0, bytes, 0);
                return buf.subarray(0, bytesRead).toString('utf8');
            }
            finally {
                await fh.close();
            }
        }
        catch {
            return '';
        }
    }
    async size(rel) {
        const real = await this.real(rel);
        if (real === null)
            return 0;
        return (0,promises_.stat)(real).then((s) => s.size, () => 0);
    }
    /** Names of the files in a root-relative directory whose names end with `suffix`; [] if none. */
    async list(dir, suffix) {
        const real = await this.real(dir, true);
        if (real === null)
            return [];
        try {
            const entries = await (0,promises_.readdir)(real, { withFileTypes: true });
            return entries
                .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith(suffix))
                .map((e) => e.name)
                .sort();
        }
        catch {
            return [];
        }
    }
    /** Whether a root-relative path exists inside the root (links out of it do not count). */
    async exists(rel) {
        try {
            const real = await (0,promises_.realpath)((0,external_node_path_.join)(this.root, rel));
            return this.inside(real) !== null;
        }
        catch {
            return false;
        }
    }
    /** Reads many files, 32 at a time, in order. */
    readAll(paths, cap = MAX_FILE_BYTES) {
        return (0,pool/* mapWithConcurrency */.WS)(paths, 32, (p) => this.read(p, cap));
    }
}
/** `a/b` joined with `../c` as a root-relative POSIX path, or null when it leaves the root. */
function joinRel(dir, path) {
    const parts = dir === '.' || dir === '' ? [] : dir.split('/');
    for (const seg of path.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (parts.length === 0)
                return null;
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}

;// CONCATENATED MODULE: ./src/iac/iam-user-module.ts
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
const INPUTS = {
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
const REGISTRY = /^(?:(?:registry\.terraform\.io|registry\.opentofu\.org)\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-user\/?$/i;
const GIT = /^(?:git::)?(?:(?:https|ssh|git):\/\/)?(?:[\w.-]+@)?github\.com[/:]terraform-aws-modules\/terraform-aws-iam(?:\.git)?\/\/modules\/iam-user\/?(?:\?(.*))?$/i;
/** Whether `source` names the iam-user module; for a git source, its `ref` (null when none). */
function iamUserSource(source) {
    const s = source.trim();
    if (REGISTRY.test(s))
        return { ref: null };
    const m = GIT.exec(s);
    if (!m)
        return null;
    const ref = new URLSearchParams(m[1] ?? '').get('ref');
    return { ref };
}
function parseVersion(text) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
    if (!m)
        return null;
    const segments = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
    return { v: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], segments };
}
function cmp(a, b) {
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
function next(v) {
    return [v[0], v[1], v[2] + 1];
}
const ZERO = [0, 0, 0];
const INFINITY = [Infinity, 0, 0];
/**
 * The versions a constraint (`~> 5.0`, `>= 4, < 6`, `5.39.0`) or a git ref (`v5.39.0`) admits, as a
 * half-open interval; the whole line when it cannot be read (`!=` clauses are ignored).
 */
function admitted(constraint) {
    let lo = ZERO;
    let hi = INFINITY;
    for (const clause of (constraint ?? '').split(',')) {
        const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(clause);
        const parsed = m ? parseVersion(m[2]) : null;
        if (!m || !parsed)
            continue;
        const { v, segments } = parsed;
        let range;
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
        if (cmp(range[0], lo) > 0)
            lo = range[0];
        if (cmp(range[1], hi) < 0)
            hi = range[1];
    }
    return [lo, hi];
}
/** The families whose versions the interval reaches; both when it is empty or unreadable. */
function families([lo, hi]) {
    if (cmp(lo, hi) >= 0)
        return ['v5', 'v6'];
    const out = [];
    if (cmp(lo, [6, 0, 0]) < 0)
        out.push('v5');
    if (cmp(hi, [6, 0, 0]) > 0)
        out.push('v6');
    return out;
}
/** Whether versions before v0.2.0 (one key resource, `.this`) are the only ones admitted. */
function beforePgpSplit([, hi]) {
    return cmp(hi, [0, 2, 0]) <= 0;
}
/**
 * Narrows the admitted families by the inputs the call sets: Terraform rejects an argument the module
 * does not declare, so a call setting `create_iam_access_key` runs on a v5-line version. Returns the
 * families, and the names that no admitted family declares (to say so).
 */
function byInputs(admittedFamilies, args) {
    const uses = (f) => args.some((a) => toggles(f).includes(a) && !toggles(other(f)).includes(a));
    const fitting = admittedFamilies.filter((f) => !uses(other(f)));
    const chosen = fitting.length > 0 ? fitting : admittedFamilies;
    const foreign = args.filter((a) => chosen.every((f) => !toggles(f).includes(a)) && chosen.some((f) => toggles(other(f)).includes(a)));
    return { families: chosen, foreign };
}
function other(f) {
    return f === 'v5' ? 'v6' : 'v5';
}
function toggles(f) {
    const i = INPUTS[f];
    return [i.create, i.profile, i.key, i.status];
}

;// CONCATENATED MODULE: ./src/iac/plan.ts


function plan_obj(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
}
/** Whether parsed JSON is a plan: `format_version` and `resource_changes`. */
function isPlan(v) {
    const o = plan_obj(v);
    return o !== null && typeof o.format_version === 'string' && Array.isArray(o.resource_changes);
}
/** `module.a["x"].module.b[0]` -> `module.a.module.b` (instance keys dropped). */
function withoutKeys(address) {
    return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}
const TYPES = new Set(['aws_iam_user', 'aws_iam_user_login_profile', 'aws_iam_access_key']);
function changes(plan) {
    const out = [];
    for (const rc of plan.resource_changes.map(plan_obj)) {
        const change = plan_obj(rc?.change);
        const actions = Array.isArray(change?.actions) ? change.actions : [];
        const after = plan_obj(change?.after);
        if (!rc || rc.mode !== 'managed' || typeof rc.type !== 'string' || !TYPES.has(rc.type) || !after)
            continue;
        if (typeof rc.address !== 'string' || (actions.length === 1 && actions[0] === 'delete'))
            continue;
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
            afterUnknown: plan_obj(change?.after_unknown) ?? {},
            created: actions.includes('create'),
        });
    }
    return out;
}
/** The plan's configuration: resources' `user` references and module calls' sources, by address. */
function configuration(plan) {
    const refs = new Map();
    const sources = new Map();
    const walk = (module, prefix, depth) => {
        if (!module || depth > 32)
            return;
        for (const r of Array.isArray(module.resources) ? module.resources.map(plan_obj) : []) {
            const user = plan_obj(plan_obj(r?.expressions)?.user);
            if (typeof r?.address === 'string' && Array.isArray(user?.references)) {
                refs.set(`${prefix}${r.address}`, user.references.filter((x) => typeof x === 'string'));
            }
        }
        for (const [name, call] of Object.entries(plan_obj(module.module_calls) ?? {})) {
            const c = plan_obj(call);
            if (typeof c?.source === 'string')
                sources.set(`${prefix}module.${name}`, c.source);
            walk(plan_obj(c?.module), `${prefix}module.${name}.`, depth + 1);
        }
    };
    walk(plan_obj(plan_obj(plan.configuration)?.root_module), '', 0);
    return { refs, sources };
}
function str(v) {
    return typeof v === 'string' ? v : null;
}
function noteOf(user, key, profile) {
    if (user?.created || (!user && key.created && profile.created))
        return null;
    if (key.created && profile.created)
        return 'gives an existing user both a console password and an access key';
    if (profile.created)
        return 'adds a console password to an existing user who keeps this access key';
    return 'adds an access key to an existing user who has a console password';
}
/** The findings of a plan. `path` is root-relative; `locate` finds addresses in the code read. */
function scanPlan(plan, path, opts) {
    const all = changes(plan);
    const { refs, sources } = configuration(plan);
    const users = all.filter((c) => c.type === 'aws_iam_user');
    const byName = new Map();
    for (const u of users) {
        const n = str(u.after.name);
        if (n !== null && !byName.has(n.toLowerCase()))
            byName.set(n.toLowerCase(), u);
    }
    /** The user a key or profile belongs to: by name, else by the configuration's reference. */
    const userOf = (c) => {
        const name = str(c.after.user);
        if (name !== null) {
            const u = byName.get(name.toLowerCase());
            return { key: u ? u.address : `name:${name.toLowerCase()}`, user: u ?? null, name };
        }
        const ref = refs.get(c.configAddress)?.find((r) => r.startsWith('aws_iam_user.'));
        if (!ref)
            return null;
        const target = `${c.configPrefix}aws_iam_user.${ref.split('.')[1]}`;
        const candidates = users.filter((u) => u.configAddress === target && u.moduleAddress === c.moduleAddress);
        const u = candidates.find((x) => JSON.stringify(x.index) === JSON.stringify(c.index)) ?? candidates[0];
        return u ? { key: u.address, user: u, name: str(u.after.name) } : null;
    };
    const profiles = all
        .filter((c) => c.type === 'aws_iam_user_login_profile')
        .map((p) => ({ p, id: userOf(p) }));
    const at = (address) => opts.locate(address) ?? opts.locate(withoutKeys(address)) ?? { file: path, line: 1, exemption: null };
    const findings = [];
    for (const key of all) {
        if (key.type !== 'aws_iam_access_key' || str(key.after.status) === 'Inactive')
            continue;
        const id = userOf(key);
        const profile = id ? profiles.find((x) => x.id?.key === id.key)?.p : undefined;
        if (!id || !profile || !(key.created || profile.created))
            continue;
        const keyAt = at(key.address);
        const userAt = id.user ? at(id.user.address) : null;
        const iamUserCall = key.moduleAddress !== '' && iamUserSource(sources.get(withoutKeys(key.moduleAddress)) ?? '') !== null;
        const tags = plan_obj(id.user?.after.tags_all) ?? plan_obj(id.user?.after.tags);
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

// EXTERNAL MODULE: ./node_modules/codemirror-lang-hcl/dist/index.js + 10 modules
var codemirror_lang_hcl_dist = __webpack_require__(446);
;// CONCATENATED MODULE: ./src/iac/hcl.ts
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

/** Offsets -> 1-based lines. */
class Lines {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    line(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    }
}
function children(node) {
    const out = [];
    for (let c = node.firstChild; c; c = c.nextSibling)
        out.push(c);
    return out;
}
function child(node, name) {
    for (let c = node.firstChild; c; c = c.nextSibling)
        if (c.name === name)
            return c;
    return null;
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
/** A quoted template's literal text as HCL reads it: `\n`, `\"`, `\uXXXX`, `$${` and `%%{`. */
function unescapeQuoted(raw) {
    return raw
        .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt"\\])/g, (_, e) => e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e))
        .replace(/\$\$\{/g, '${')
        .replace(/%%\{/g, '%{');
}
class Reader {
    text;
    file;
    lines;
    constructor(text, file) {
        this.text = text;
        this.file = file;
        this.lines = new Lines(text);
    }
    src(n) {
        return this.text.slice(n.from, n.to);
    }
    body(node) {
        const out = { attrs: new Map(), blocks: [] };
        if (!node)
            return out;
        for (const c of children(node)) {
            if (c.name === 'Attribute') {
                const id = child(c, 'Identifier');
                const e = child(c, 'Expression');
                if (id) {
                    const name = this.src(id);
                    out.attrs.set(name, { name, expr: e ? this.expr(e) : { k: 'unknown' }, line: this.line(c) });
                }
            }
            else if (c.name === 'Block') {
                out.blocks.push(this.block(c));
            }
        }
        return out;
    }
    line(n) {
        return this.lines.line(n.from);
    }
    block(node) {
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
    stringLit(node) {
        const lit = child(node, 'TemplateLiteral');
        return lit ? unescapeQuoted(this.src(lit)) : '';
    }
    expr(node) {
        const tokens = [];
        this.flatten(node, tokens);
        return new Precedence(tokens).parse();
    }
    /** Operands (with their postfixes), operators and `?` `:` of an expression, in source order. */
    flatten(node, out) {
        const list = children(node);
        for (let i = 0; i < list.length; i++) {
            const c = list[i];
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
                    if (c.type.isError)
                        out.push({ t: 'operand', e: { k: 'unknown' } });
                    else if (PRIMARIES.has(c.name))
                        out.push({ t: 'operand', e: this.primary(c) });
            }
        }
    }
    postfix(obj, node) {
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
    primary(node) {
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
    literal(node) {
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
    template(node) {
        if (!node)
            return { k: 'unknown' };
        const heredoc = node.name === 'HeredocTemplate';
        const parts = [];
        let directive = false;
        for (const c of children(node)) {
            if (c.name === 'TemplateLiteral') {
                parts.push(heredoc ? this.src(c) : unescapeQuoted(this.src(c)));
            }
            else if (c.name === 'TemplateInterpolation') {
                const e = child(c, 'Expression');
                parts.push(e ? this.expr(e) : { k: 'unknown' });
            }
            else if (c.name === 'TemplateDirective') {
                directive = true;
            }
        }
        if (heredoc)
            heredocText(parts, this.src(child(node, 'HeredocStart') ?? node).startsWith('<<-'));
        return { k: 'tpl', parts, directive };
    }
    call(node) {
        const name = child(node, 'FunctionName');
        const ns = node.getChildren('FunctionNamespace').map((n) => this.src(n));
        const argsNode = child(node, 'FunctionArguments');
        const args = argsNode ? argsNode.getChildren('Expression').map((e) => this.expr(e)) : [];
        const expand = argsNode ? child(argsNode, 'Ellipsis') !== null : false;
        return { k: 'call', name: ns.join('') + (name ? this.src(name) : ''), args, expand };
    }
    collection(node) {
        if (node?.name === 'Tuple')
            return { k: 'tuple', items: node.getChildren('Expression').map((e) => this.expr(e)) };
        if (node?.name !== 'Object')
            return { k: 'unknown' };
        const items = [];
        for (const elem of node.getChildren('ObjectElem')) {
            const keyNode = child(elem, 'ObjectKey');
            const value = child(elem, 'Expression');
            if (!keyNode || !value)
                continue;
            items.push({ key: this.objectKey(keyNode), value: this.expr(value) });
        }
        return { k: 'object', items };
    }
    /** A bare identifier key is its name; a quoted or parenthesised key is an expression. */
    objectKey(node) {
        const e = child(node, 'Expression');
        if (!e)
            return { k: 'unknown' };
        const only = e.firstChild;
        if (only && !only.nextSibling && only.name === 'VariableExpr')
            return { k: 'lit', v: this.src(only) };
        return this.expr(e);
    }
    forExpr(node) {
        if (!node)
            return { k: 'unknown' };
        const intro = child(node, 'ForIntro');
        if (!intro)
            return { k: 'unknown' };
        const vars = intro.getChildren('Identifier').map((n) => this.src(n));
        const coll = child(intro, 'Expression');
        const exprs = node.getChildren('Expression').map((e) => this.expr(e));
        const condNode = child(node, 'ForCond');
        const condExpr = condNode ? child(condNode, 'Expression') : null;
        const object = node.name === 'ForObjectExpr';
        if (!coll || vars.length === 0 || exprs.length < (object ? 2 : 1))
            return { k: 'unknown' };
        return {
            k: 'for',
            keyVar: vars.length > 1 ? vars[0] : null,
            valVar: vars[vars.length - 1],
            coll: this.expr(coll),
            keyExpr: object ? exprs[0] : null,
            valExpr: exprs[object ? 1 : 0],
            cond: condExpr ? this.expr(condExpr) : null,
            group: object && child(node, 'Ellipsis') !== null,
        };
    }
}
/**
 * A heredoc's text as HCL reads it: from the line after `<<EOT` to the newline before the closing
 * marker; `<<-` strips the smallest indentation of its lines. Changes `parts` in place.
 */
function heredocText(parts, flush) {
    // the text with one placeholder per interpolation, so that lines can be measured and cut as text
    if (parts.some((p) => typeof p === 'string' && p.includes('\u0000')))
        return;
    const exprs = parts.filter((p) => typeof p !== 'string');
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
        if (i > 0)
            parts.push(exprs[i - 1]);
        if (literal !== '')
            parts.push(literal);
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
const BINARY = {
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
    tokens;
    i = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    parse() {
        const e = this.conditional();
        return this.i === this.tokens.length ? e : { k: 'unknown' };
    }
    peekOp() {
        const t = this.tokens[this.i];
        return t?.t === 'op' ? t.op : null;
    }
    conditional() {
        const test = this.binary(1);
        if (this.peekOp() !== '?')
            return test;
        this.i++;
        const then = this.conditional();
        if (this.peekOp() !== ':')
            return { k: 'unknown' };
        this.i++;
        return { k: 'cond', test, then, else: this.conditional() };
    }
    binary(min) {
        let left = this.unary();
        for (;;) {
            const op = this.peekOp();
            const prec = op === null ? undefined : BINARY[op];
            if (op === null || prec === undefined || prec < min)
                return left;
            this.i++;
            left = { k: 'binary', op, l: left, r: this.binary(prec + 1) };
        }
    }
    unary() {
        const op = this.peekOp();
        if (op === '!' || op === '-') {
            this.i++;
            return { k: 'unary', op, x: this.unary() };
        }
        const t = this.tokens[this.i];
        if (t?.t !== 'operand')
            return { k: 'unknown' };
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
function parseHcl(text, path) {
    const tree = codemirror_lang_hcl_dist/* hclLanguage */.E.parser.parse(text);
    const file = { path, body: { attrs: new Map(), blocks: [] }, comments: [], errorLine: null };
    const reader = new Reader(text, file);
    const lines = new Lines(text);
    const top = tree.topNode;
    tree.iterate({
        enter(n) {
            if (n.type.isError && file.errorLine === null)
                file.errorLine = lines.line(n.from);
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
function traversalText(e) {
    switch (e.k) {
        case 'name':
            return e.name;
        case 'attr': {
            const o = traversalText(e.obj);
            return o === null ? null : `${o}.${e.name}`;
        }
        case 'index': {
            const o = traversalText(e.obj);
            if (o === null)
                return null;
            if (e.key.k === 'lit')
                return `${o}[${JSON.stringify(e.key.v)}]`;
            const key = traversalText(e.key);
            return key === null ? null : `${o}[${key}]`;
        }
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./src/iac/hcl-eval.ts
const UNKNOWN = Object.freeze({ t: 'unknown', terms: null });
function unknown(terms) {
    return { t: 'unknown', terms };
}
function isUnknown(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'unknown';
}
function isUserName(v) {
    return (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'username');
}
function isRef(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.t === 'ref';
}
/** The plain value of a user's name (a name is a string wherever it is used as one). */
function plain(v) {
    return isUserName(v) ? plain(v.name) : v;
}
/** The value as a string when it is one (or a number / bool, which HCL converts), else null. */
function asString(v) {
    const p = plain(v);
    if (typeof p === 'string')
        return p;
    if (typeof p === 'number' || typeof p === 'boolean')
        return String(p);
    return null;
}
function negate(u) {
    if (u.terms?.length === 1) {
        const t = u.terms[0];
        return unknown([{ pred: t.neg, neg: t.pred }]);
    }
    return UNKNOWN;
}
function truthy(v) {
    const p = plain(v);
    if (typeof p === 'boolean')
        return p;
    if (p === 'true')
        return true;
    if (p === 'false')
        return false;
    return isUnknown(p) ? p : UNKNOWN;
}
function equal(a, b) {
    const x = plain(a);
    const y = plain(b);
    if (isUnknown(x) || isUnknown(y) || isRef(x) || isRef(y))
        return UNKNOWN;
    if (Array.isArray(x) && Array.isArray(y)) {
        if (x.length !== y.length)
            return false;
        return and(x.map((e, i) => equal(e, y[i])));
    }
    if (x instanceof Map && y instanceof Map) {
        if (x.size !== y.size)
            return false;
        return and([...x].map(([k, e]) => (y.has(k) ? equal(e, y.get(k)) : false)));
    }
    if (typeof x === 'object' || typeof y === 'object')
        return x === y;
    return x === y || (typeof x !== typeof y && String(x) === String(y) && x !== null && y !== null);
}
function and(values) {
    if (values.includes(false))
        return false;
    const unknowns = values.filter((v) => v !== true);
    if (unknowns.length === 0)
        return true;
    if (unknowns.some((u) => u.terms === null))
        return UNKNOWN;
    return unknown(unknowns.flatMap((u) => u.terms));
}
function or(a, b) {
    if (a === true || b === true)
        return true;
    if (a === false)
        return b;
    if (b === false)
        return a;
    return UNKNOWN;
}
function num(v) {
    const p = plain(v);
    if (typeof p === 'number')
        return p;
    if (typeof p === 'string' && p.trim() !== '' && Number.isFinite(Number(p)))
        return Number(p);
    return null;
}
const ARITH = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
    '%': (a, b) => a % b,
};
const COMPARE = {
    '<': (a, b) => a < b,
    '<=': (a, b) => a <= b,
    '>': (a, b) => a > b,
    '>=': (a, b) => a >= b,
};
/** Collections a `for` expression or a function can walk: [key, value] pairs, or null. */
function entries(v) {
    const p = plain(v);
    if (Array.isArray(p))
        return p.map((e, i) => [i, e]);
    if (p instanceof Map)
        return [...p].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return null;
}
/**
 * Limits on what code can make the evaluator do (the code of a pull request is anyone's): the largest
 * collection and string built, and the evaluation steps of one configuration. Beyond them the value is
 * unknown.
 */
const MAX_ELEMENTS = 10_000;
const MAX_STRING = 1024 * 1024;
const MAX_STEPS = 2_000_000;
class Evaluator {
    scope;
    budget;
    constructor(scope, budget = { steps: MAX_STEPS }) {
        this.scope = scope;
        this.budget = budget;
    }
    eval(e, locals = new Map()) {
        if (--this.budget.steps < 0)
            return UNKNOWN;
        switch (e.k) {
            case 'lit':
                return e.v;
            case 'tpl':
                return this.template(e.parts, e.directive, locals);
            case 'name':
                return locals.has(e.name) ? locals.get(e.name) : UNKNOWN;
            case 'attr':
                if (e.obj.k === 'name' && !locals.has(e.obj.name))
                    return this.scope.ref(e.obj.name, e.name);
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
    template(parts, directive, locals) {
        if (directive)
            return UNKNOWN;
        const only = parts.length === 1 ? parts[0] : undefined;
        // "${x}" is x itself, of any type (HCL's template unwrapping)
        if (only !== undefined && typeof only !== 'string')
            return this.eval(only, locals);
        let out = '';
        for (const p of parts) {
            if (typeof p === 'string') {
                out += p;
                continue;
            }
            const s = asString(this.eval(p, locals));
            if (s === null || out.length + s.length > MAX_STRING)
                return UNKNOWN;
            out += s;
        }
        return out;
    }
    object(items, locals) {
        const out = new Map();
        for (const { key, value } of items) {
            const k = asString(this.eval(key, locals));
            if (k === null)
                return UNKNOWN;
            out.set(k, this.eval(value, locals));
        }
        return out;
    }
    forExpr(e, locals) {
        const coll = this.eval(e.coll, locals);
        const list = entries(coll);
        if (list === null || list.length > MAX_ELEMENTS)
            return isUnknown(coll) ? coll : UNKNOWN;
        const tuple = [];
        const object = new Map();
        for (const [k, v] of list) {
            if (--this.budget.steps < 0)
                return UNKNOWN;
            const inner = new Map(locals);
            if (e.keyVar !== null)
                inner.set(e.keyVar, k);
            inner.set(e.valVar, v);
            if (e.cond) {
                const c = truthy(this.eval(e.cond, inner));
                if (c === false)
                    continue;
                if (c !== true)
                    return UNKNOWN;
            }
            const value = this.eval(e.valExpr, inner);
            if (e.keyExpr === null) {
                tuple.push(value);
                continue;
            }
            const key = asString(this.eval(e.keyExpr, inner));
            if (key === null)
                return UNKNOWN;
            if (e.group) {
                const group = object.get(key) ?? [];
                group.push(value);
                object.set(key, group);
            }
            else {
                object.set(key, value);
            }
        }
        return e.keyExpr === null ? tuple : object;
    }
    conditional(test, then, other, locals) {
        const t = truthy(this.eval(test, locals));
        if (t === true)
            return this.eval(then, locals);
        if (t === false)
            return this.eval(other, locals);
        const a = this.eval(then, locals);
        const b = this.eval(other, locals);
        if (equal(a, b) === true)
            return a;
        return { t: 'unknown', terms: null, branches: { test: t, then: a, else: b } };
    }
    unary(op, x) {
        if (op === '!') {
            const t = truthy(x);
            return typeof t === 'boolean' ? !t : negate(t);
        }
        const n = num(x);
        return n === null ? UNKNOWN : -n;
    }
    binary(op, l, r, locals) {
        if (op === '&&')
            return and([truthy(this.eval(l, locals)), truthy(this.eval(r, locals))]);
        if (op === '||')
            return or(truthy(this.eval(l, locals)), truthy(this.eval(r, locals)));
        const a = this.eval(l, locals);
        const b = this.eval(r, locals);
        if (op === '==' || op === '!=') {
            const eq = equal(a, b);
            if (typeof eq === 'boolean')
                return op === '==' ? eq : !eq;
            return this.comparisonTerm(op, l, r, a, b);
        }
        const x = num(a);
        const y = num(b);
        if (x === null || y === null)
            return UNKNOWN;
        const arith = ARITH[op];
        if (arith)
            return arith(x, y);
        const cmp = COMPARE[op];
        return cmp ? cmp(x, y) : UNKNOWN;
    }
    /** `var.env == "prod"` with `var.env` unknown: a readable term. */
    comparisonTerm(op, l, r, a, b) {
        const [side, lit] = isUnknown(a) && r.k === 'lit' ? [a, r] : isUnknown(b) && l.k === 'lit' ? [b, l] : [];
        const about = side?.terms?.length === 1 ? side.terms[0].pred.replace(/ is true$/, '') : null;
        if (!lit || about === null || about === (side?.terms?.[0]).pred)
            return UNKNOWN;
        const text = JSON.stringify(lit.v);
        const pred = `${about} == ${text}`;
        const neg = `${about} != ${text}`;
        return unknown([op === '==' ? { pred, neg } : { pred: neg, neg: pred }]);
    }
    call(name, argExprs, expand, locals) {
        let args = argExprs.map((a) => this.eval(a, locals));
        if (expand) {
            const last = entries(args.at(-1) ?? UNKNOWN);
            if (last === null)
                return UNKNOWN;
            args = [...args.slice(0, -1), ...last.map(([, v]) => v)];
        }
        if (name === 'try')
            return args.find((a) => !isUnknown(a)) ?? UNKNOWN;
        const fn = hcl_eval_FUNCTIONS[name];
        if (!fn)
            return UNKNOWN;
        // a function of unknown arguments is unknown, except those that pass a value through
        if (!PASS_UNKNOWN.has(name) && args.some((a) => isUnknown(plain(a))))
            return UNKNOWN;
        try {
            const r = bounded(fn([args[0] ?? null, args[1] ?? null, args[2] ?? null], args));
            this.budget.steps -= Array.isArray(r) ? r.length : r instanceof Map ? r.size : 0;
            return r;
        }
        catch {
            return UNKNOWN;
        }
    }
}
function getAttr(obj, name) {
    if (isRef(obj))
        return obj.get(name);
    if (obj instanceof Map)
        return obj.has(name) ? obj.get(name) : UNKNOWN;
    if (isUnknown(obj) && obj.of !== undefined)
        return getAttr(obj.of, name);
    return UNKNOWN;
}
function index(obj, key) {
    if (isUnknown(obj))
        return obj.of !== undefined ? obj.of : UNKNOWN;
    if (Array.isArray(obj)) {
        const i = num(key);
        return i !== null && Number.isInteger(i) && i >= 0 && i < obj.length ? obj[i] : UNKNOWN;
    }
    if (obj instanceof Map) {
        const k = asString(key);
        return k !== null && obj.has(k) ? obj.get(k) : UNKNOWN;
    }
    return UNKNOWN;
}
/** A function's result, or unknown when it is larger than the limits. */
function bounded(v) {
    if (typeof v === 'string' && v.length > MAX_STRING)
        return UNKNOWN;
    if (Array.isArray(v) && v.length > MAX_ELEMENTS)
        return UNKNOWN;
    return v;
}
function list(v) {
    const e = entries(v);
    if (e === null)
        throw new Error('not a collection');
    return e.map(([, x]) => x);
}
function hcl_eval_str(v) {
    const s = asString(v);
    if (s === null)
        throw new Error('not a string');
    return s;
}
function distinct(values) {
    if (values.length > MAX_ELEMENTS)
        throw new Error('too large');
    if (values.every((v) => typeof plain(v) !== 'object' || plain(v) === null)) {
        const seen = new Set();
        return values.filter((v) => !seen.has(plain(v)) && seen.add(plain(v)) !== undefined);
    }
    const out = [];
    for (const v of values)
        if (!out.some((o) => equal(o, v) === true))
            out.push(v);
    return out;
}
function flatten(values, out = []) {
    for (const v of values) {
        if (Array.isArray(v))
            flatten(v, out);
        else
            out.push(v);
        if (out.length > MAX_ELEMENTS)
            throw new Error('too large');
    }
    return out;
}
function sortedSet(values) {
    const d = distinct(values);
    return d.every((v) => typeof plain(v) === 'string')
        ? d.sort((a, b) => (plain(a) < plain(b) ? -1 : 1))
        : d;
}
function range(args) {
    const n = args.map((a) => num(a));
    if (n.some((x) => x === null))
        return UNKNOWN;
    const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], (n[2] ?? 1)];
    if (step === 0 || Math.abs((end - start) / step) > MAX_ELEMENTS)
        return UNKNOWN;
    const out = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step)
        out.push(i);
    return out;
}
const hcl_eval_FUNCTIONS = {
    length: ([x]) => {
        const p = plain(x);
        return typeof p === 'string' ? [...p].length : list(p).length;
    },
    toset: ([x]) => sortedSet(list(x)),
    tolist: ([x]) => list(x),
    tomap: ([x]) => (plain(x) instanceof Map ? x : UNKNOWN),
    tostring: ([x]) => (isUserName(x) ? x : hcl_eval_str(x)),
    tonumber: ([x]) => num(x) ?? UNKNOWN,
    tobool: ([x]) => truthy(x),
    sensitive: ([x]) => x,
    nonsensitive: ([x]) => x,
    keys: ([m]) => (m instanceof Map ? [...m.keys()].sort() : UNKNOWN),
    values: ([m]) => (m instanceof Map ? list(m) : UNKNOWN),
    concat: (_, all) => {
        const out = [];
        for (const a of all)
            for (const x of list(a))
                if (out.push(x) > MAX_ELEMENTS)
                    throw new Error('too large');
        return out;
    },
    merge: (_, all) => {
        const out = new Map();
        for (const a of all) {
            if (a === null)
                continue;
            if (!(a instanceof Map))
                return UNKNOWN;
            for (const [k, v] of a)
                out.set(k, v);
        }
        return out;
    },
    lookup: ([m, k, d], all) => {
        if (!(m instanceof Map))
            return UNKNOWN;
        const key = hcl_eval_str(k);
        return m.has(key) ? m.get(key) : all.length < 3 ? UNKNOWN : d;
    },
    contains: ([l, v]) => list(l).some((x) => equal(x, v) === true),
    coalesce: (_, all) => all.find((a) => plain(a) !== null && plain(a) !== '') ?? UNKNOWN,
    lower: ([s]) => hcl_eval_str(s).toLowerCase(),
    upper: ([s]) => hcl_eval_str(s).toUpperCase(),
    trimspace: ([s]) => hcl_eval_str(s).trim(),
    join: ([sep, l]) => list(l).map(hcl_eval_str).join(hcl_eval_str(sep)),
    split: ([sep, s]) => hcl_eval_str(s).split(hcl_eval_str(sep)),
    element: ([l, i]) => {
        const items = list(l);
        const n = num(i);
        return n === null || items.length === 0 ? UNKNOWN : items[n % items.length];
    },
    flatten: ([l]) => flatten(list(l)),
    distinct: ([l]) => distinct(list(l)),
    compact: ([l]) => list(l).filter((x) => plain(x) !== null && plain(x) !== ''),
    zipmap: ([k, v]) => {
        const ks = list(k).map(hcl_eval_str);
        const vs = list(v);
        return new Map(ks.map((key, i) => [key, vs[i] ?? null]));
    },
    range: (_, all) => range(all),
    one: ([l]) => {
        const items = list(l);
        return items.length === 0 ? null : items.length === 1 ? items[0] : UNKNOWN;
    },
    alltrue: ([l]) => and(list(l).map(truthy)),
    anytrue: ([l]) => list(l).reduce((acc, x) => or(acc, truthy(x)), false),
    sort: ([l]) => list(l).map(hcl_eval_str).sort(),
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

;// CONCATENATED MODULE: ./src/iac/terraform-model.ts



/** Limits on what a configuration can make the scanner do. */
const MAX_MODULE_DEPTH = 10;
const MAX_INSTANCES = 1000;
const MAX_TOTAL_INSTANCES = 100_000;
function moduleDir(dir, files) {
    const m = {
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
            if (b.type === 'variable' && a !== undefined)
                m.variables.set(a, b);
            else if (b.type === 'output' && a !== undefined)
                m.outputs.set(a, b);
            else if (b.type === 'module' && a !== undefined)
                m.modules.set(a, b);
            else if (b.type === 'resource' && a !== undefined && c !== undefined)
                m.resources.set(`${a}.${c}`, b);
            else if (b.type === 'locals')
                for (const [k, v] of b.attrs)
                    m.locals.set(k, v);
        }
    }
    return m;
}
const ALWAYS = { terms: [], undecidable: false };
function both(a, b) {
    if (b === ALWAYS)
        return a;
    if (a === ALWAYS)
        return b;
    const terms = [...a.terms];
    for (const t of b.terms)
        if (!terms.some((x) => x.pred === t.pred))
            terms.push(t);
    return { terms, undecidable: a.undecidable || b.undecidable };
}
function given(cond, test, holds) {
    const u = holds ? test : negate(test);
    return both(cond, u.terms === null ? { terms: [], undecidable: true } : { terms: u.terms, undecidable: false });
}
function condText(c) {
    if (c.undecidable)
        return 'when enabled';
    return c.terms.length === 0 ? null : `when ${c.terms.map((t) => t.pred).join(' and ')}`;
}
const UNDECIDABLE = { terms: [], undecidable: true };
/** The instances of a block with `count` / `for_each` (see the module comment). */
class Expander {
    onCap;
    constructor(onCap) {
        this.onCap = onCap;
    }
    expand(block, ev, what) {
        const count = block.attrs.get('count');
        const forEach = block.attrs.get('for_each');
        if (count)
            return this.merge(this.count(ev.eval(count.expr), ALWAYS, what));
        if (forEach)
            return this.merge(this.each(ev.eval(forEach.expr), ALWAYS, what));
        return [{ suffix: '', key: undefined, bindings: {}, cond: ALWAYS }];
    }
    /** An instance made on both sides of an unknown conditional exists whatever the test. */
    merge(list) {
        const out = new Map();
        for (const i of list) {
            const seen = out.get(i.suffix);
            if (seen && i.suffix !== '')
                seen.cond = i.parent ?? ALWAYS;
            else if (!seen)
                out.set(i.suffix, i);
        }
        return [...out.values()];
    }
    count(v, cond, what) {
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
    each(v, cond, what) {
        const p = plain(v);
        if (p instanceof Map || Array.isArray(p)) {
            const list = [];
            for (const [k, value] of entries(p) ?? []) {
                const key = p instanceof Map ? k : asString(value);
                if (key === null)
                    return [this.unknownEach(cond, UNKNOWN)];
                if (!list.some(([x]) => x === key))
                    list.push([key, value]);
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
    unknownEach(cond, value) {
        return {
            suffix: '',
            key: undefined,
            bindings: { each: { key: UNKNOWN, value } },
            cond: both(cond, UNDECIDABLE),
        };
    }
}
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
function rootTerm(name) {
    return unknown([{ pred: `var.${name} is true`, neg: `var.${name} is false` }]);
}
class ModuleInstance {
    ctx;
    /** `module.a["x"].module.b`; `''` for the root module. */
    address;
    /** The address without instance keys: `module.a.module.b`. */
    configAddress;
    /** Its `count` / `for_each` key; undefined when it has none or it cannot be known. */
    key;
    /** The directory read; null for a module read from its known inputs (iam-user). */
    dir;
    iamUser;
    /** The argument the caller sets for a variable, evaluated in the caller; undefined when not set. */
    input;
    parent;
    /** The `module` block in the parent that makes this instance. */
    call;
    /** When this instance exists. */
    cond;
    depth;
    /** Its key in modules.json: the call names from the root, joined with dots. */
    keyPath;
    prefix;
    configPrefix;
    vars = new Map();
    localValues = new Map();
    evaluating = new Set();
    resourceCache = new Map();
    childCache = new Map();
    empty;
    constructor(init) {
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
    variable(name) {
        if (this.vars.has(name))
            return this.vars.get(name);
        let v = this.input(name);
        if (v === undefined) {
            const def = this.dir?.variables.get(name)?.attrs.get('default');
            if (def)
                v = this.empty.eval(def.expr);
            else
                v = this.parent === null ? rootTerm(name) : UNKNOWN;
        }
        this.vars.set(name, v);
        return v;
    }
    local(name) {
        if (this.localValues.has(name))
            return this.localValues.get(name);
        const attr = this.dir?.locals.get(name);
        if (!attr || this.evaluating.has(name))
            return UNKNOWN;
        this.evaluating.add(name);
        const v = this.evaluator({}).eval(attr.expr);
        this.evaluating.delete(name);
        this.localValues.set(name, v);
        return v;
    }
    scope(b) {
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
    evaluator(b) {
        return new Evaluator(this.scope(b), this.ctx.budget);
    }
    /** The instances of a managed resource block of this module. */
    resources(key) {
        const cached = this.resourceCache.get(key);
        if (cached)
            return cached;
        const block = this.dir?.resources.get(key);
        const list = [];
        this.resourceCache.set(key, list);
        if (!block)
            return list;
        const [type] = block.labels;
        for (const i of this.ctx.expander.expand(block, this.evaluator({}), `${block.file.path}:${block.line}: ${this.prefix}${key}`)) {
            if (--this.ctx.budget.instances < 0)
                break;
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
    resourceValue(type, name) {
        const key = `${type}.${name}`;
        const block = this.dir?.resources.get(key);
        if (!block)
            return UNKNOWN;
        return collect(block, this.resources(key), resourceRef);
    }
    /** The instances of a module call of this module. */
    children(name) {
        const cached = this.childCache.get(name);
        if (cached)
            return cached;
        const list = [];
        this.childCache.set(name, list);
        const call = this.dir?.modules.get(name);
        if (!call)
            return list;
        const address = `${this.prefix}module.${name}`;
        if (this.depth + 1 > MAX_MODULE_DEPTH) {
            this.ctx.note(`${call.file.path}:${call.line}: ${address} is nested more than ${MAX_MODULE_DEPTH} modules deep; not followed.`);
            return list;
        }
        const target = this.resolve(call, address);
        if (target === null)
            return list;
        for (const i of this.ctx.expander.expand(call, this.evaluator({}), `${call.file.path}:${call.line}: ${address}`)) {
            if (--this.ctx.budget.instances < 0)
                break;
            const ev = this.evaluator(i.bindings);
            const input = (n) => {
                const a = MODULE_META.has(n) ? undefined : call.attrs.get(n);
                return a ? ev.eval(a.expr) : undefined;
            };
            list.push(new ModuleInstance({
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
            }));
        }
        return list;
    }
    /** Where a module call's code is: a directory read, the iam-user module, or null (not followed). */
    resolve(call, address) {
        const source = call.attrs.get('source');
        const text = source?.expr.k === 'lit' && typeof source.expr.v === 'string' ? source.expr.v : null;
        if (text === null || this.dir === null)
            return null;
        const keyPath = this.keyPath === '' ? call.labels[0] : `${this.keyPath}.${call.labels[0]}`;
        const init = this.ctx.initModules.get(keyPath);
        const iam = iamUserSource(init?.source ?? text);
        if (iam !== null) {
            const version = call.attrs.get('version');
            const constraint = init?.version ??
                iam.ref ??
                (version?.expr.k === 'lit' && typeof version.expr.v === 'string' ? version.expr.v : null);
            const range = admitted(constraint);
            const args = [...call.attrs.keys()].filter((n) => !MODULE_META.has(n));
            const { families: fams, foreign } = byInputs(families(range), args);
            for (const f of foreign) {
                this.ctx.note(`${call.file.path}:${call.line}: ${address} sets ${f}, which the iam-user module's ${fams.join('/')} line does not declare (Terraform rejects it).`);
            }
            return { dir: null, iamUser: { families: fams, beforePgpSplit: beforePgpSplit(range) } };
        }
        if (text.startsWith('./') || text.startsWith('../')) {
            const rel = joinRel(this.dir.dir, text);
            if (rel === null) {
                this.ctx.note(`${call.file.path}:${call.line}: ${address}'s source ${text} is outside the scanned root; not followed.`);
                return null;
            }
            const dir = this.ctx.dirs.get(rel);
            if (!dir)
                this.ctx.note(`${call.file.path}:${call.line}: ${address}'s source ${text} has no Terraform files; not followed.`);
            return dir ? { dir, iamUser: null } : null;
        }
        const dir = init ? this.ctx.dirs.get(init.dir) : undefined;
        return dir ? { dir, iamUser: null } : null;
    }
    moduleValue(name) {
        const call = this.dir?.modules.get(name);
        if (!call)
            return UNKNOWN;
        return collect(call, this.children(name), (m) => ({ t: 'ref', get: (out) => m.output(out) }));
    }
    /** An output of this module instance. */
    output(name) {
        if (this.iamUser)
            return this.iamUserOutput(name);
        const o = this.dir?.outputs.get(name)?.attrs.get('value');
        return o ? this.evaluator({}).eval(o.expr) : UNKNOWN;
    }
    iamUserOutput(name) {
        const fams = this.iamUser?.families ?? [];
        const isName = fams.some((f) => (f === 'v6' ? ['name'] : ['iam_user_name', 'this_iam_user_name']).includes(name));
        return isName
            ? { t: 'username', user: `${this.prefix}aws_iam_user.this[0]`, name: this.input('name') ?? UNKNOWN }
            : UNKNOWN;
    }
}
function resourceRef(r) {
    return {
        t: 'ref',
        get: (attr) => r.type === 'aws_iam_user' && (attr === 'name' || attr === 'id')
            ? { t: 'username', user: r.address, name: r.attr('name') }
            : r.block.attrs.has(attr)
                ? r.attr(attr)
                : UNKNOWN,
    };
}
/** A resource or module as a value: one instance, a list (count), a map (for_each), or unknown. */
function collect(block, list, ref) {
    if (block.attrs.has('count') || block.attrs.has('for_each')) {
        if (list.some((x) => x.key === undefined)) {
            const first = list[0];
            return first ? { t: 'unknown', terms: null, of: ref(first) } : UNKNOWN;
        }
        if (block.attrs.has('count')) {
            const arr = [];
            for (const x of list)
                arr[x.key] = ref(x);
            return Array.from(arr, (x) => x ?? UNKNOWN);
        }
        return new Map(list.map((x) => [x.key, ref(x)]));
    }
    const only = list[0];
    return only ? ref(only) : UNKNOWN;
}

;// CONCATENATED MODULE: ./src/iac/terraform.ts







const USER = 'aws_iam_user';
const PROFILE = 'aws_iam_user_login_profile';
const KEY = 'aws_iam_access_key';
/**
 * The `.tf` files worth parsing: those with IAM users or keys, variables, locals, outputs or module
 * calls. The others (buckets, instances, policies: most of a repository) cannot make or link a finding;
 * skipping them halves the scan of a large repository (npm run bench:iac). The cost: a count that
 * depends on such a resource (`length(aws_instance.x)`) reads as "when enabled" instead of decided.
 */
const MAY_MATTER = /\b(?:variable|output|module)\s+["\w]|\blocals\s*\{|aws_iam_(?:user|access_key)/;
/** Reads module directories once each, following local module sources and modules.json. */
class TerraformReader {
    files;
    dirs = new Map();
    inits = new Map();
    /** Directories called as local modules (or installed by `terraform init`) by a directory read. */
    called = new Set();
    /** `.tf` files read. */
    read = 0;
    constructor(files) {
        this.files = files;
    }
    dir(dir) {
        let p = this.dirs.get(dir);
        if (!p) {
            p = this.load(dir);
            this.dirs.set(dir, p);
        }
        return p;
    }
    async load(dir) {
        const names = await this.files.list(dir, '.tf');
        if (names.length === 0)
            return null;
        const paths = names.map((n) => (dir === '.' ? n : `${dir}/${n}`));
        const texts = await this.files.readAll(paths);
        const parsed = [];
        texts.forEach((text, i) => {
            if (text === null)
                return;
            this.read++;
            if (!MAY_MATTER.test(text))
                return;
            let f;
            try {
                f = parseHcl(text, paths[i]);
            }
            catch (err) {
                // e.g. nesting deeper than the stack: a note, never a crash
                this.files.note(`${paths[i]}: could not be parsed (${(0,errors/* errorMessage */.gJ)(err)}).`);
                return;
            }
            if (f.errorLine !== null)
                this.files.note(`${f.path}:${f.errorLine}: not valid HCL; read as far as it could be.`);
            parsed.push(f);
        });
        return moduleDir(dir, parsed);
    }
    /** modules.json of a root directory after `terraform init`: module key -> its directory. */
    init(dir) {
        let p = this.inits.get(dir);
        if (!p) {
            p = this.loadInit(dir);
            this.inits.set(dir, p);
        }
        return p;
    }
    async loadInit(dir) {
        const out = new Map();
        const path = joinRel(dir, '.terraform/modules/modules.json');
        if (!(await this.files.exists(path)))
            return out;
        const text = await this.files.read(path);
        let modules;
        try {
            modules = JSON.parse(text ?? '{}').Modules;
        }
        catch {
            this.files.note(`${path}: not valid JSON; module sources read from the code.`);
            return out;
        }
        for (const m of Array.isArray(modules) ? modules : []) {
            const { Key: key, Dir: d, Source: source, Version: version } = m;
            if (typeof key !== 'string' || key === '' || typeof d !== 'string')
                continue;
            const rel = joinRel(dir, d.replace(/\\/g, '/'));
            if (rel === null)
                continue;
            out.set(key, {
                dir: rel,
                source: typeof source === 'string' ? source : '',
                version: typeof version === 'string' ? version : null,
            });
        }
        return out;
    }
    /** Reads the directories and everything they call (local sources, modules.json), once each. */
    async walk(start) {
        const queue = [...start];
        const seen = new Set(queue);
        const visit = (d) => {
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
                    if (!iamUserSource(m.source))
                        this.calledDir(m.dir, visit);
            }
            for (const m of loaded) {
                for (const call of m?.modules.values() ?? []) {
                    const src = call.attrs.get('source')?.expr;
                    const text = src?.k === 'lit' && typeof src.v === 'string' ? src.v : '';
                    if (!text.startsWith('./') && !text.startsWith('../'))
                        continue;
                    const rel = joinRel(m.dir, text);
                    // a directory calling itself is still a configuration of its own
                    if (rel !== null && rel !== m.dir)
                        this.calledDir(rel, visit);
                }
            }
        }
    }
    calledDir(dir, visit) {
        this.called.add(dir);
        visit(dir);
    }
    async loaded() {
        const out = new Map();
        for (const [d, p] of this.dirs) {
            const m = await p;
            if (m)
                out.set(d, m);
        }
        return out;
    }
}
/** The root variables set by tfvars files: the auto-loaded ones of the directory, then `explicit`. */
async function tfvarsOf(files, dir, explicit) {
    const out = new Map();
    const auto = (await files.list(dir, '.tfvars')).filter((n) => n === 'terraform.tfvars' || n.endsWith('.auto.tfvars'));
    const autoJson = (await files.list(dir, '.tfvars.json')).filter((n) => n === 'terraform.tfvars.json' || n.endsWith('.auto.tfvars.json'));
    const ordered = [...auto, ...autoJson]
        .sort((a, b) => (a.startsWith('terraform.') ? -1 : b.startsWith('terraform.') ? 1 : a < b ? -1 : 1))
        .map((n) => (dir === '.' ? n : `${dir}/${n}`));
    const empty = new Evaluator({ ref: () => UNKNOWN });
    for (const path of [...ordered, ...explicit]) {
        const text = await files.read(path);
        if (text === null)
            continue;
        if (path.endsWith('.json')) {
            try {
                const obj = JSON.parse(text);
                if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
                    for (const [k, v] of Object.entries(obj))
                        out.set(k, fromJson(v));
                }
            }
            catch {
                files.note(`${path}: not valid JSON; its values are not used.`);
            }
            continue;
        }
        const f = parseHcl(text, path);
        if (f.errorLine !== null)
            files.note(`${path}:${f.errorLine}: not valid HCL; read as far as it could be.`);
        for (const [k, a] of f.body.attrs)
            out.set(k, empty.eval(a.expr));
    }
    return out;
}
function fromJson(v) {
    if (Array.isArray(v))
        return v.map(fromJson);
    if (v && typeof v === 'object')
        return new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}
const KINDS = { [USER]: 'user', [PROFILE]: 'profile', [KEY]: 'key' };
function items(m, out = []) {
    if (m.iamUser) {
        out.push(...iamUserItems(m));
        return out;
    }
    for (const [key, block] of m.dir?.resources ?? []) {
        const kind = KINDS[block.labels[0]];
        if (!kind)
            continue;
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
    for (const name of m.dir?.modules.keys() ?? [])
        for (const c of m.children(name))
            items(c, out);
    return out;
}
function toCond(b) {
    if (b === true)
        return ALWAYS;
    if (b === false)
        return null;
    return b.terms === null ? { terms: [], undecidable: true } : { terms: b.terms, undecidable: false };
}
/** The user, profile and key an iam-user module instance makes, from its inputs and version. */
function iamUserItems(m) {
    const call = m.iamUser;
    const flag = (name) => truthy(m.input(name) ?? true);
    const outcomes = call.families.map((f) => {
        const i = INPUTS[f];
        const create = toCond(flag(i.create));
        const made = (toggle) => {
            const c = toCond(flag(toggle));
            return create && c ? both(create, c) : null;
        };
        return { f, user: create, profile: made(i.profile), key: made(i.key) };
    });
    const first = outcomes[0];
    if (!first)
        return [];
    const agree = outcomes.every((o) => JSON.stringify(o.profile) === JSON.stringify(first.profile) &&
        JSON.stringify(o.key) === JSON.stringify(first.key));
    const fam = INPUTS[first.f];
    const pgp = plain(m.input('pgp_key') ?? null);
    const keyName = first.f === 'v6' || call.beforePgpSplit || (pgp !== null && pgp !== '' && !isUnknown(pgp))
        ? 'this'
        : 'this_no_pgp';
    const userAddress = `${m.prefix}${USER}.this[0]`;
    const made = [
        ['user', userAddress, first.user],
        ['profile', `${m.prefix}${PROFILE}.this[0]`, first.profile],
        ['key', `${m.prefix}${KEY}.${keyName}[0]`, first.key],
    ];
    const name = () => m.input('name') ?? UNKNOWN;
    return made.flatMap(([kind, address, cond]) => cond === null
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
        ]);
}
/** The `module` block of the root configuration that (through its modules) makes an instance. */
function rootCall(m) {
    let cur = m;
    while (cur.parent?.parent)
        cur = cur.parent;
    return cur.call;
}
function locate(item) {
    const call = rootCall(item.module);
    const at = call ?? item.block;
    return { file: at.file.path, line: at.line };
}
/** Comments on a block: inside it, or the comment lines right above it. */
function commentsOn(block) {
    const out = [];
    const sorted = [...block.file.comments].sort((a, b) => b.line - a.line);
    let above = block.line - 1;
    for (const c of sorted) {
        if (c.line >= block.line && c.line <= block.endLine)
            out.push(c.text);
        else if (c.endLine === above) {
            out.push(c.text);
            above = c.line - 1;
        }
    }
    return out;
}
class Exemptions {
    files;
    tag;
    constructor(files, tag) {
        this.files = files;
        this.tag = tag;
    }
    /** An ignore comment on the block, on the module calls that make it, in this order. */
    written(item) {
        if (!item)
            return null;
        const blocks = item.block ? [item.block] : [];
        for (let m = item.module; m?.call; m = m.parent)
            blocks.push(m.call);
        for (const b of blocks) {
            for (const text of commentsOn(b)) {
                const e = parseIgnoreComment(text);
                if (e && 'error' in e)
                    this.files.note(`${b.file.path}:${b.line}: the ignore comment ${e.error}; not an exemption.`);
                else if (e)
                    return e;
            }
        }
        return null;
    }
    tagged(user) {
        const tags = user ? plain(user.tags()) : null;
        if (!(tags instanceof Map))
            return null;
        const v = tagValue(new Map([...tags].map(([k, x]) => [k, asString(x)])), this.tag);
        return v === null ? null : exemptionFromTag(v);
    }
}
function linker(all) {
    const users = all.filter((i) => i.kind === 'user');
    const byAddress = new Map(users.map((u) => [u.address, u]));
    const byName = new Map();
    for (const u of users) {
        const n = asString(u.name());
        if (n !== null && !byName.has(n.toLowerCase()))
            byName.set(n.toLowerCase(), u);
    }
    return (v) => {
        if (typeof v === 'object' &&
            v !== null &&
            !Array.isArray(v) &&
            !(v instanceof Map) &&
            v.t === 'username') {
            return { key: v.user, user: byAddress.get(v.user) ?? null, name: asString(v.name) };
        }
        const n = asString(v);
        if (n === null)
            return null;
        const u = byName.get(n.toLowerCase());
        return u ? { key: u.address, user: u, name: n } : { key: `name:${n.toLowerCase()}`, user: null, name: n };
    };
}
/** The findings of one root configuration, and where its addresses are written. */
function evaluateRoot(root, files, exemptionTag) {
    const all = items(root);
    const link = linker(all);
    const ex = new Exemptions(files, exemptionTag);
    const index = new Map();
    for (const i of all) {
        const at = { ...locate(i), exemption: i.kind === 'profile' ? null : ex.written(i) };
        index.set(i.address, at);
        if (!index.has(i.configAddress))
            index.set(i.configAddress, at);
    }
    const profiles = all
        .filter((i) => i.kind === 'profile')
        .map((p) => ({ p, id: link(p.name()) }))
        .filter((x) => x.id !== null);
    const findings = [];
    for (const key of all) {
        if (key.kind !== 'key' || asString(key.status())?.toLowerCase() === 'inactive')
            continue;
        const id = link(key.name());
        const profile = id ? profiles.find((x) => x.id.key === id.key)?.p : undefined;
        if (!id || !profile)
            continue;
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
async function readRoot(files, reader, dir, opts) {
    const module = await reader.dir(dir);
    if (!module)
        return null;
    const dirs = await reader.loaded();
    const tfvars = await tfvarsOf(files, dir, opts.tfvars);
    const ctx = {
        dirs,
        initModules: await reader.init(dir),
        note: (t) => files.note(t),
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
    let result;
    try {
        result = evaluateRoot(root, files, opts.exemptionTag);
    }
    catch (err) {
        files.note(`${dir}: could not be evaluated (${(0,errors/* errorMessage */.gJ)(err)}).`);
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
async function scanTerraform(files, tfFiles, opts) {
    const dirs = [
        ...new Set(tfFiles.map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '.'))),
    ].sort();
    const reader = new TerraformReader(files);
    await reader.walk(dirs);
    const roots = [];
    for (const d of dirs) {
        if (reader.called.has(d))
            continue;
        const r = await readRoot(files, reader, d, opts);
        if (r)
            roots.push(r);
    }
    return { roots, reader };
}

;// CONCATENATED MODULE: ./src/iac/scan.ts
/**
 * The iac scan (docs/design.md §11, issue 23 "Stop it at the source"): Terraform (HCL and plan JSON) and
 * CloudFormation (YAML, JSON, SAM, CDK output) users that the same configuration gives both a console
 * login profile and an access key, located at the line that makes the key. Reads only files inside
 * `root` (see files.ts); never evaluates code, never calls the network; what it cannot read or follow
 * becomes a note, never an exception.
 */






const DEFAULT_TAG = 'access-key-justification';
/** Whether a JSON or YAML file's text may be a plan or a template (cheap, before parsing). */
function mayMatter(text) {
    return text.includes('AWS::') || (text.includes('"resource_changes"') && text.includes('"format_version"'));
}
/**
 * A JSON or YAML file's text. Over 5 MiB: a plan is read up to 64 MiB; a file that begins like a
 * template is skipped with a note; anything else (a package-lock.json) is skipped without one.
 */
async function readOther(files, path) {
    if ((await files.size(path)) <= MAX_FILE_BYTES)
        return files.read(path);
    const head = await files.head(path);
    if (path.endsWith('.json') && /^\s*\{\s*"format_version"/.test(head))
        return files.read(path, MAX_PLAN_BYTES);
    return /AWSTemplateFormatVersion|"Resources"|^Resources:|AWS::/m.test(head) ? files.read(path) : null;
}
function locator(root) {
    return (address) => root?.index.get(address) ?? null;
}
/**
 * The root configuration a plan was made from: the plan's own directory, read if not scanned; else
 * the one scanned root where every address of the plan's findings is written.
 */
async function planRoot(files, reader, roots, plan, path, opts) {
    const dir = (0,posix_.dirname)(path);
    const own = roots.find((r) => r.dir === dir);
    if (own)
        return own;
    if (await reader.dir(dir)) {
        await reader.walk([dir]);
        return readRoot(files, reader, dir, opts);
    }
    const fits = roots.filter((r) => {
        const found = scanPlan(plan, path, { locate: locator(r), exemptionTag: opts.exemptionTag });
        return found.length > 0 && found.every((f) => f.file !== path);
    });
    return fits.length === 1 ? fits[0] : null;
}
/** A pattern that names tfvars files (`prod.tfvars`, `env/*.tfvars.json`): values, not code to scan. */
function isTfvarsPattern(pattern) {
    return /\.tfvars(\.json)?$/i.test(pattern.trim());
}
/**
 * Scans the files `patterns` match. A pattern naming `.tfvars` / `.tfvars.json` files gives variable
 * values to every Terraform root configuration (after its auto-loaded ones, in the order given), like
 * `-var-file`; tfvars files found inside a scanned directory are not applied (only auto-loaded names are).
 */
async function scanIac(patterns, opts) {
    const files = await ScanFiles.open(opts.root);
    const exemptionTag = opts.exemptionTag ?? DEFAULT_TAG;
    const tfvars = await files.match([...(opts.tfvars ?? []), ...patterns.filter(isTfvarsPattern)]);
    const matched = await files.match(patterns.filter((p) => !isTfvarsPattern(p)));
    const tf = matched.filter((f) => f.endsWith('.tf'));
    const { roots, reader } = await scanTerraform(files, tf, { tfvars, exemptionTag });
    const findings = new Map(roots.map((r) => [r, r.findings]));
    let filesScanned = 0;
    for (const path of matched.filter((f) => /\.(json|ya?ml|template)$/i.test(f))) {
        const text = await readOther(files, path);
        if (text === null || !mayMatter(text))
            continue;
        if (path.endsWith('.json') && text.includes('"resource_changes"')) {
            let plan;
            try {
                plan = JSON.parse(text);
            }
            catch (err) {
                files.note(`${path}: not valid JSON (${(0,errors/* errorMessage */.gJ)(err)}); not read.`);
                continue;
            }
            if (isPlan(plan)) {
                filesScanned++;
                const root = await planRoot(files, reader, roots, plan, path, { tfvars, exemptionTag });
                // the plan is exact for its configuration: it replaces the reading of that configuration's code
                if (root)
                    findings.delete(root);
                findings.set(path, scanPlan(plan, path, { locate: locator(root), exemptionTag }));
                continue;
            }
        }
        let found;
        try {
            found = scanTemplate(text, path, { exemptionTag, note: (t) => files.note(t) });
        }
        catch (err) {
            files.note(`${path}: could not be read as a template (${(0,errors/* errorMessage */.gJ)(err)}).`);
            continue;
        }
        if (found === null)
            continue;
        filesScanned++;
        findings.set(path, found);
    }
    filesScanned += reader.read;
    const all = [...findings.values()].flat();
    all.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.address < b.address ? -1 : 1));
    return { findings: all, filesScanned, notes: files.notes };
}


/***/ })

};
