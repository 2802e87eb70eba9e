/**
 * A local stand-in for the parts of the GitHub REST API the action uses, speaking the real protocol:
 * JSON bodies, `Link` pagination (`per_page`/`page`, rel="next"/"prev"/"first"/"last"), `x-ratelimit-*`
 * headers, GitHub's error bodies (422 `already_exists`, 403 `Resource not accessible by integration`
 * with `x-accepted-github-permissions`, secondary rate limits with `retry-after`).
 *
 * Endpoints (under `/repos/{owner}/{repo}`): `GET/POST /issues`, `GET/PATCH /issues/{n}`,
 * `GET/POST /issues/{n}/comments`, `PATCH /issues/comments/{id}`, `GET/POST /labels`, `GET /labels/{name}`,
 * `GET /code-scanning/alerts`; and `POST /graphql` for `viewer { login databaseId }` (the token's own
 * identity, which works for installation tokens too).
 * Every issue and comment has an author (`user`): the identity of the token that wrote it (by default
 * `github-actions[bot]`, as for the workflow's `GITHUB_TOKEN`; `identities` maps other tokens), or
 * whoever a test says wrote it. Comments keep `created_at` and `updated_at` (an edit moves the latter).
 * Issues, labels and alerts live in memory and are exposed to the test. Faults can be queued.
 * Listens on 127.0.0.1, port 0; point Octokit at it with `GITHUB_API_URL` = {@link GitHubServer.url}.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  githubClientSettings,
  unpaced,
  type GitHubClientSettings,
} from '../../src/publish/github-settings.js';

interface ServerLabel {
  name: string;
  color: string;
  description: string | null;
}

/** A GitHub account as the API shows it on issues and comments. */
export interface GhUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** The workflow token's identity on github.com. */
export const ACTIONS_BOT: GhUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

interface ServerComment {
  id: number;
  body: string;
  user: GhUser;
  created_at: string;
  updated_at: string;
}

interface ServerIssue {
  number: number;
  /** Who opened it. */
  user: GhUser;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  comments: ServerComment[];
  /** A pull request (the issues list returns those too). */
  pullRequest: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

interface ServerAlert {
  number: number;
  tool: string;
  state: 'open' | 'dismissed' | 'fixed';
  /** Ref the alert was found on; null matches any ref. */
  ref: string | null;
  path: string;
  message: string;
  /** When code scanning first reported it; default the time it was added. */
  created_at: string;
}

interface RecordedRequest {
  method: string;
  /** Path without the API prefix, e.g. `/repos/o/r/issues/3`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The status the server answered. */
  status: number;
}

type Fault =
  /** 403 "You have exceeded a secondary rate limit" with `retry-after`. */
  | { kind: 'secondary-rate-limit'; retryAfter?: number }
  /** 403 with `x-ratelimit-remaining: 0`, resetting in a second. */
  | { kind: 'rate-limit' }
  /** 5xx (default 502). */
  | { kind: 'server-error'; status?: number }
  /** 403 "Resource not accessible by integration" with `x-accepted-github-permissions`. */
  | { kind: 'forbidden'; permission?: string }
  /** 404 (e.g. code scanning off, or a token that cannot see the repository). */
  | { kind: 'not-found'; message?: string }
  /** 410 "Issues are disabled for this repo". */
  | { kind: 'gone' }
  /** Never answers (the connection stays open until the server stops). */
  | { kind: 'stall' }
  /** Does what the request asks, then answers 502 (default) or resets the connection: a lost response. */
  | { kind: 'lost-response'; status?: number; reset?: boolean };

interface FaultMatch {
  method?: string;
  /** Tested against the path without the API prefix. */
  path?: RegExp;
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
}

export interface GitHubServer {
  /** API root to put in `GITHUB_API_URL` (includes the prefix, e.g. `/api/v3`, when one was asked for). */
  url: string;
  owner: string;
  repo: string;
  issues: ServerIssue[];
  labels: Map<string, ServerLabel>;
  alerts: ServerAlert[];
  requests: RecordedRequest[];
  /** Requests that changed something (POST, PATCH, PUT, DELETE) and succeeded. */
  writes(): RecordedRequest[];
  addIssue(partial?: Partial<ServerIssue>): ServerIssue;
  /** A comment on issue `n`, by `user` (default the workflow token's identity) at `created_at` (default now). */
  addComment(
    n: number,
    comment: { body: string } & Partial<Omit<ServerComment, 'id' | 'body'>>,
  ): ServerComment;
  /** The comments' bodies of issue `n`, oldest first. */
  commentBodies(n: number): string[];
  addAlert(partial: Partial<ServerAlert> & { path: string }): ServerAlert;
  issue(n: number): ServerIssue | undefined;
  fail(fault: Fault, match?: FaultMatch): void;
  clearFaults(): void;
  /** Forget the recorded requests (keeps issues, labels and alerts). */
  clearRequests(): void;
  stop(): Promise<void>;
}

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** Path prefix of the API, like GHES's `/api/v3`. Default none (github.com). */
  prefix?: string;
  /** Token -> the identity it acts as; any other token acts as {@link ACTIONS_BOT}. */
  identities?: Record<string, GhUser>;
}

/**
 * Timing for tests: `retry-after` seconds become milliseconds and the throttling plugin's write and
 * notification queues (one and three seconds apart on GitHub) do not wait.
 */
export function fastTiming(): GitHubClientSettings {
  return { ...githubClientSettings(), retryAfterBaseMs: 5, pacing: unpaced() };
}

/** Points Octokit's default API root (`GITHUB_API_URL`) at `url`; returns the function that restores it. */
export function pointGitHubApiAt(url: string): () => void {
  const saved = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = url;
  return () => {
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
  };
}

const DOCS = 'https://docs.github.com/rest';

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(Symbol.for('invalid-json'));
      }
    });
  });
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function error(status: number, message: string, extra: Record<string, unknown> = {}, headers = {}) {
  return new HttpAnswer(
    status,
    { message, documentation_url: DOCS, status: String(status), ...extra },
    headers,
  );
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'octo-repo';
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const issues: ServerIssue[] = [];
  const labels = new Map<string, ServerLabel>();
  const alerts: ServerAlert[] = [];
  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; match: FaultMatch; left: number }[] = [];
  let remaining = 5000;
  let base = '';
  let nextComment = 9001;
  const identityOf = (req: IncomingMessage): GhUser => {
    const token = /^(?:token|bearer)\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    return options.identities?.[token] ?? ACTIONS_BOT;
  };
  const commentJson = (issue: ServerIssue, c: ServerComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `http://127.0.0.1/${owner}/${repo}/issues/${issue.number}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${owner}/${repo}/issues/${issue.number}`,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  });

  const labelJson = (l: ServerLabel) => ({
    id: 1000 + [...labels.keys()].indexOf(l.name.toLowerCase()),
    node_id: `LA_${l.name}`,
    url: `${base}/repos/${owner}/${repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: false,
    description: l.description,
  });
  const labelOf = (name: string): ServerLabel => {
    const found = labels.get(name.toLowerCase());
    if (found) return found;
    // GitHub creates a label that an issue is given but the repository lacks (for writers).
    const created = { name, color: 'ededed', description: null };
    labels.set(name.toLowerCase(), created);
    return created;
  };
  const issueJson = (i: ServerIssue) => ({
    id: 500000 + i.number,
    node_id: `I_${i.number}`,
    url: `${base}/repos/${owner}/${repo}/issues/${i.number}`,
    html_url: `http://127.0.0.1/${owner}/${repo}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state_reason,
    title: i.title,
    body: i.body,
    user: i.user,
    labels: i.labels.map((n) => labelJson(labelOf(n))),
    assignees: [],
    locked: false,
    comments: i.comments.length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    author_association: 'NONE',
    ...(i.pullRequest ? { pull_request: { url: `${base}/repos/${owner}/${repo}/pulls/${i.number}` } } : {}),
  });
  const alertJson = (a: ServerAlert) => ({
    number: a.number,
    created_at: a.created_at,
    url: `${base}/repos/${owner}/${repo}/code-scanning/alerts/${a.number}`,
    html_url: `http://127.0.0.1/${owner}/${repo}/security/code-scanning/${a.number}`,
    state: a.state,
    rule: { id: 'iam-initial-access-key', severity: 'error', security_severity_level: 'high' },
    tool: { name: a.tool, guid: null, version: '0.1.0' },
    most_recent_instance: {
      ref: a.ref ?? 'refs/heads/main',
      analysis_key: '.github/workflows/audit.yml:audit',
      category: 'iam-initial-access-keys/',
      state: a.state,
      commit_sha: '0123456789abcdef0123456789abcdef01234567',
      message: { text: a.message },
      location: { path: a.path, start_line: 1, end_line: 1, start_column: 1, end_column: 1 },
      classifications: [],
    },
  });

  /** One page of `items` and its Link header, like GitHub (per_page default 30, at most 100). */
  const page = (url: URL, items: unknown[]): HttpAnswer => {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNo > 1) links.push(link(pageNo - 1, 'prev'));
    if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
    if (pageNo > 1) links.push(link(1, 'first'));
    return new HttpAnswer(200, slice, links.length > 0 ? { link: links.join(', ') } : {});
  };

  const faultFor = (method: string, path: string): HttpAnswer | Fault | null => {
    const rule = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.match.method || f.match.method.toUpperCase() === method) &&
        (!f.match.path || f.match.path.test(path)),
    );
    if (!rule) return null;
    rule.left--;
    const f = rule.fault;
    switch (f.kind) {
      case 'secondary-rate-limit':
        return error(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
            'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000.',
          {},
          { 'retry-after': String(f.retryAfter ?? 1) },
        );
      case 'rate-limit':
        return error(
          403,
          'API rate limit exceeded for installation ID 1.',
          {},
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
          },
        );
      case 'server-error':
        return error(f.status ?? 502, 'Server Error');
      case 'forbidden':
        return error(
          403,
          'Resource not accessible by integration',
          {},
          { 'x-accepted-github-permissions': f.permission ?? 'issues=write' },
        );
      case 'not-found':
        return error(404, f.message ?? 'Not Found');
      case 'gone':
        return error(410, 'Issues are disabled for this repo');
      case 'stall':
      case 'lost-response':
        return f;
    }
  };

  const route = async (
    method: string,
    path: string,
    url: URL,
    body: unknown,
    who: GhUser,
  ): Promise<HttpAnswer> => {
    if (body === Symbol.for('invalid-json')) return error(400, 'Problems parsing JSON');
    const input = (body ?? {}) as Record<string, unknown>;
    if (method === 'POST' && (path === '/graphql' || (prefix.endsWith('/v3') && path === '/../graphql'))) {
      const query = typeof input.query === 'string' ? input.query : '';
      if (/\bviewer\s*\{/.test(query)) {
        return new HttpAnswer(200, { data: { viewer: { login: who.login, databaseId: who.id } } });
      }
      return new HttpAnswer(200, { errors: [{ message: 'This test server answers only `viewer`.' }] });
    }
    const repoPath = `/repos/${owner}/${repo}`;
    if (!path.startsWith(`${repoPath}/`)) return error(404, 'Not Found');
    const rest = path.slice(repoPath.length);
    let m: RegExpExecArray | null;

    if (rest === '/issues' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const wanted = (url.searchParams.get('labels') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const creator = url.searchParams.get('creator');
      const items = issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .filter((i) => !creator || i.user.login.toLowerCase() === creator.toLowerCase())
        .sort((a, b) => b.number - a.number)
        .map(issueJson);
      return page(url, items);
    }
    if (rest === '/issues' && method === 'POST') {
      if (typeof input.title !== 'string' || input.title === '') {
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
        });
      }
      if (typeof input.body === 'string' && input.body.length > 65536) {
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long' }],
        });
      }
      const issue = add({
        user: who,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : null,
        labels: Array.isArray(input.labels) ? input.labels.map((l) => labelOf(String(l)).name) : [],
      });
      return new HttpAnswer(201, issueJson(issue));
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = issues.find((i) => i.number === Number(m?.[1]));
      if (!issue) return error(404, 'Not Found');
      if (method === 'GET') return new HttpAnswer(200, issueJson(issue));
      if (method === 'PATCH') {
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string' || input.body === null) issue.body = input.body;
        if (Array.isArray(input.labels)) issue.labels = input.labels.map((l) => labelOf(String(l)).name);
        if (input.state === 'closed' && issue.state !== 'closed') {
          issue.state = 'closed';
          issue.closed_at = now();
          issue.state_reason = (input.state_reason as ServerIssue['state_reason']) ?? 'completed';
        } else if (input.state === 'open' && issue.state !== 'open') {
          issue.state = 'open';
          issue.closed_at = null;
          issue.state_reason = 'reopened';
        }
        issue.updated_at = now();
        return new HttpAnswer(200, issueJson(issue));
      }
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = issues.find((i) => i.number === Number(m?.[1]));
      if (!issue) return error(404, 'Not Found');
      if (method === 'POST') {
        if (typeof input.body !== 'string' || input.body === '') {
          return error(422, 'Validation Failed', {
            errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
          });
        }
        if (input.body.length > 65536) {
          return error(422, 'Validation Failed', {
            errors: [
              { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long' },
            ],
          });
        }
        const t = now();
        const c: ServerComment = {
          id: nextComment++,
          body: input.body,
          user: who,
          created_at: t,
          updated_at: t,
        };
        issue.comments.push(c);
        issue.updated_at = t;
        return new HttpAnswer(201, commentJson(issue, c));
      }
      if (method === 'GET') {
        const since = url.searchParams.get('since');
        const items = issue.comments
          .filter((c) => !since || Date.parse(c.updated_at) >= Date.parse(since))
          .map((c) => commentJson(issue, c));
        return page(url, items);
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      const issue = issues.find((i) => i.comments.some((c) => c.id === id));
      const c = issue?.comments.find((x) => x.id === id);
      if (!issue || !c) return error(404, 'Not Found');
      if (method === 'GET') return new HttpAnswer(200, commentJson(issue, c));
      if (method === 'PATCH' && typeof input.body === 'string') {
        c.body = input.body;
        c.updated_at = now();
        return new HttpAnswer(200, commentJson(issue, c));
      }
    }
    if (rest === '/labels' && method === 'GET') return page(url, [...labels.values()].map(labelJson));
    if (rest === '/labels' && method === 'POST') {
      const name = typeof input.name === 'string' ? input.name : '';
      if (!name) {
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'Label', code: 'missing_field', field: 'name' }],
        });
      }
      if (labels.has(name.toLowerCase())) {
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        });
      }
      const label = {
        name,
        color: typeof input.color === 'string' ? input.color : 'ededed',
        description: typeof input.description === 'string' ? input.description : null,
      };
      labels.set(name.toLowerCase(), label);
      return new HttpAnswer(201, labelJson(label));
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const label = labels.get(decodeURIComponent(m[1] as string).toLowerCase());
      return label ? new HttpAnswer(200, labelJson(label)) : error(404, 'Not Found');
    }
    if (rest === '/code-scanning/alerts' && method === 'GET') {
      const tool = url.searchParams.get('tool_name');
      const state = url.searchParams.get('state');
      const ref = url.searchParams.get('ref');
      const items = alerts
        .filter((a) => !tool || a.tool === tool)
        .filter((a) => !state || a.state === state)
        .filter((a) => !ref || a.ref === null || a.ref === ref)
        .sort((a, b) => b.number - a.number)
        .map(alertJson);
      return page(url, items);
    }
    return error(404, 'Not Found');
  };

  const add = (partial: Partial<ServerIssue> = {}): ServerIssue => {
    const number = partial.number ?? Math.max(0, ...issues.map((i) => i.number)) + 1;
    const t = now();
    const issue: ServerIssue = {
      user: ACTIONS_BOT,
      title: `Issue ${number}`,
      body: null,
      state: 'open',
      state_reason: null,
      labels: [],
      comments: [],
      pullRequest: false,
      created_at: t,
      updated_at: t,
      closed_at: null,
      ...partial,
      number,
    };
    for (const l of issue.labels) labelOf(l);
    issues.push(issue);
    return issue;
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', base);
    let path = url.pathname;
    const body = await readBody(req);
    const who = identityOf(req);
    let answer: HttpAnswer;
    if (
      prefix &&
      !path.startsWith(`${prefix}/`) &&
      !(prefix.endsWith('/v3') && path === `${prefix.slice(0, -3)}/graphql`)
    ) {
      answer = error(404, 'Not Found');
    } else {
      // GHES serves GraphQL at /api/graphql beside the REST root /api/v3
      path =
        prefix.endsWith('/v3') && path === `${prefix.slice(0, -3)}/graphql`
          ? '/../graphql'
          : path.slice(prefix.length);
      const fault = faultFor(method, path);
      if (fault && !(fault instanceof HttpAnswer)) {
        if (fault.kind === 'stall') {
          requests.push({ method, path, query: Object.fromEntries(url.searchParams), body, status: 0 });
          return; // never answered
        }
        if (fault.kind === 'lost-response') {
          const done = await route(method, path, url, body, who);
          requests.push({
            method,
            path,
            query: Object.fromEntries(url.searchParams),
            body,
            status: done.status,
          });
          if (fault.reset) {
            req.socket.destroy();
            return;
          }
          const lost = error(fault.status ?? 502, 'Server Error');
          res.writeHead(lost.status, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(lost.body));
          return;
        }
      }
      answer = (fault as HttpAnswer | null) ?? (await route(method, path, url, body, who));
    }
    requests.push({ method, path, query: Object.fromEntries(url.searchParams), body, status: answer.status });
    remaining = Math.max(0, remaining - 1);
    const json = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `LOCAL:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...answer.headers,
    });
    res.end(json);
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `test server bug: ${String(e)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}${prefix}`;

  let nextAlert = 1;
  return {
    url: base,
    owner,
    repo,
    issues,
    labels,
    alerts,
    requests,
    // a GraphQL query (`viewer`) reads, it writes nothing
    writes: () => requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql' && r.status < 400),
    addIssue: add,
    addComment: (n, comment) => {
      const issue = issues.find((i) => i.number === n);
      if (!issue) throw new Error(`no issue #${n}`);
      const t = comment.created_at ?? now();
      const c: ServerComment = {
        id: nextComment++,
        user: ACTIONS_BOT,
        created_at: t,
        updated_at: t,
        ...comment,
      };
      issue.comments.push(c);
      return c;
    },
    commentBodies: (n) => (issues.find((i) => i.number === n)?.comments ?? []).map((c) => c.body),
    addAlert: (partial) => {
      const alert: ServerAlert = {
        number: nextAlert++,
        tool: 'iam-initial-access-key-audit',
        state: 'open',
        ref: null,
        message: 'An access key created at user setup is unused.',
        created_at: now(),
        ...partial,
      };
      alerts.push(alert);
      return alert;
    },
    issue: (n) => issues.find((i) => i.number === n),
    fail: (fault, match = {}) => faults.push({ fault, match, left: match.times ?? 1 }),
    clearFaults: () => {
      faults.length = 0;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
