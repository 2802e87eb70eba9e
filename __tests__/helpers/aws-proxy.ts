/**
 * A small HTTP proxy in front of moto (or any AWS endpoint emulator) for tests and the benchmark:
 *
 * - counts calls per account and operation: the operation is the `Action` form field (query APIs: IAM,
 *   STS), the `X-Amz-Target` header (JSON APIs: Organizations), the `/operation/X` path (RPCv2) or the
 *   method and path of the REST operations listed in `REST_OPERATIONS` (Security Hub);
 *   the account comes from the access key id in the SigV4 `Authorization` header, mapped to accounts
 *   as the proxy learns them from `AssumeRole*` and `CreateAccessKey` answers (unknown keys: the
 *   default account, as moto does);
 * - injects faults by rule: a canned response (e.g. AccessDenied in AWS's real format, rendered for the
 *   request's protocol), a connection reset, a delay, a rewrite of moto's answer, a truncated body;
 * - adds latency to every call (`latencyMs`), for benchmarks;
 * - times every call (`startedMs`/`endedMs`, `performance.now()`), and can route calls to several
 *   emulators by call (`route`, e.g. by account: several moto processes behind one endpoint);
 * - answers CloudTrail's calls itself (SigV4 service `cloudtrail`: moto has no `LookupEvents`) with an
 *   empty page of events, outside the call log and the fault rules: every live audit behind the proxy
 *   can look up who made its flagged keys (finding nothing) without changing what the proxy counts. A
 *   test about those lookups points `AWS_ENDPOINT_URL_CLOUDTRAIL` at helpers/cloudtrail-server.ts, whose
 *   `accountOf` can be this proxy's `accountOf`.
 *
 * It also accepts absolute-form requests, so it can stand in as the `HTTP_PROXY` of a plain-http endpoint.
 *
 * Point the SDK at it with `AWS_ENDPOINT_URL` (`setEndpointEnv(proxy.endpoint)`, restored after).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

const DEFAULT_ACCOUNT = '123456789012';

export interface ProxyCall {
  /** 1-based order of arrival. */
  seq: number;
  account: string;
  /** The SigV4 signing name: `iam`, `sts`, `organizations`, … (empty when unsigned). */
  service: string;
  /** The API operation, e.g. `GetCredentialReport`, `AssumeRole`, `ListAccounts`. */
  action: string;
  /** The access key id that signed the request (empty when unsigned). */
  accessKeyId: string;
  /** Form fields of query-API requests (`UserName`, `AccessKeyId`, `RoleArn`, …). */
  params: Record<string, string>;
  /** The status sent back; 0 for a reset connection. */
  status: number;
  /** Which kind of fault answered, or null when moto did (unaltered). */
  fault: FaultKind | null;
  /** `performance.now()` when the request had arrived (body read), and when its answer was sent. */
  startedMs: number;
  endedMs: number;
}

type FaultKind = 'response' | 'error' | 'reset' | 'delay' | 'rewrite' | 'truncate' | 'lost';

interface FaultMatch {
  action?: string | string[];
  account?: string;
  service?: string;
  /** Every listed form field must have exactly this value. */
  params?: Record<string, string>;
  /** Any other condition on the call. */
  when?: (call: Readonly<ProxyCall>) => boolean;
}

/** An AWS error rendered in the protocol of the request (query XML or JSON `__type`). */
interface AwsErrorSpec {
  code: string;
  message: string;
  /** Default 400. */
  status?: number;
  /** Query-API `<Type>`; default `Sender` (4xx) / `Receiver` (5xx). */
  type?: 'Sender' | 'Receiver';
}

export type FaultResponse =
  | { status: number; body: string; headers?: Record<string, string> }
  | { error: AwsErrorSpec }
  | 'reset'
  | { delayMs: number }
  | { rewrite: (body: string, call: Readonly<ProxyCall>) => string }
  /** Sends only the first `truncateAt` bytes of moto's answer: with a matching Content-Length (the
   *  client sees malformed XML), or with `keepLength` the full length and then a closed connection. */
  | { truncateAt: number; keepLength?: boolean }
  /** Forwards the call (moto does it), then answers this error instead: a lost answer. */
  | { afterForward: AwsErrorSpec };

export interface FaultRule {
  match: FaultMatch;
  /** How many matching calls the rule answers; default every one. */
  times?: number;
  respond: FaultResponse;
}

export interface FaultHandle {
  /** Calls this rule has answered. */
  readonly hits: number;
  readonly remaining: number;
  remove(): void;
}

export interface AwsProxyOptions {
  /** The emulator's base URL, e.g. moto's `http://127.0.0.1:PORT`. */
  target: string;
  /** Account of requests signed with keys the proxy has not learned; default moto's 123456789012. */
  defaultAccount?: string;
  /** Added before every forwarded call (a number or per call), for benchmarks. */
  latencyMs?: number | ((call: Readonly<ProxyCall>) => number);
  /** The emulator's base URL for this call, instead of `target` (undefined: `target`). */
  route?: (call: Readonly<ProxyCall>) => string | undefined;
}

interface RuleState {
  rule: FaultRule;
  hits: number;
  removed: boolean;
}

// unref: a delay still running when a test ends must not keep Jest alive
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/** A request signed for CloudTrail (SigV4 credential scope `KEY/DATE/REGION/cloudtrail/aws4_request`). */
const CLOUDTRAIL_SIGNED = /Credential=[^/,\s]+\/[^/]+\/[^/]+\/cloudtrail\/aws4_request/;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'proxy-connection',
]);

function asList(v: string | string[] | undefined): string[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XMLNS: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** REST-JSON operations by signing name, `METHOD /path` (the path without its query). */
const REST_OPERATIONS: Record<string, Record<string, string>> = {
  securityhub: {
    'POST /findings': 'GetFindings',
    'POST /findings/import': 'BatchImportFindings',
    'POST /accounts': 'EnableSecurityHub',
    'GET /accounts': 'DescribeHub',
    'DELETE /accounts': 'DisableSecurityHub',
  },
};

export class AwsProxy {
  private server: http.Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly upstream = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly rules: RuleState[] = [];
  private readonly keys = new Map<string, string>();
  private readonly log: ProxyCall[] = [];
  private seq = 0;
  private accepted = 0;
  private readonly target: URL;
  readonly defaultAccount: string;
  latencyMs: number | ((call: Readonly<ProxyCall>) => number);
  route: ((call: Readonly<ProxyCall>) => string | undefined) | undefined;
  port = 0;

  constructor(opts: AwsProxyOptions) {
    this.target = new URL(opts.target);
    this.defaultAccount = opts.defaultAccount ?? DEFAULT_ACCOUNT;
    this.latencyMs = opts.latencyMs ?? 0;
    this.route = opts.route;
  }

  /** The account an access key acts in, as learned from AssumeRole* and CreateAccessKey answers. */
  accountOf(accessKeyId: string): string {
    return this.keys.get(accessKeyId) ?? this.defaultAccount;
  }

  /** `http://127.0.0.1:PORT` once started. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<{ endpoint: string; port: number }> {
    if (this.server) return { endpoint: this.endpoint, port: this.port };
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`aws-proxy: ${String(err)}`);
        } else res.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.accepted++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { endpoint: this.endpoint, port: this.port };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.upstream.destroy();
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    server.closeAllConnections();
    await closed;
  }

  /** Adds a fault rule; rules are tried in the order added, the first match with calls left answers. */
  fault(rule: FaultRule): FaultHandle {
    const state: RuleState = { rule, hits: 0, removed: false };
    this.rules.push(state);
    return {
      get hits() {
        return state.hits;
      },
      get remaining() {
        return rule.times === undefined ? Infinity : Math.max(0, rule.times - state.hits);
      },
      remove: () => {
        state.removed = true;
      },
    };
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  /**
   * Whether CloudTrail's `LookupEvents` (answered here with no events) is recorded among the calls, its
   * JSON input in `params.Input`: the bench's CPU-per-call comparison counts and replays it; the tests'
   * call counts are of IAM, STS and Organizations only.
   */
  recordCloudTrail = false;

  /** Every call received, in order. */
  get calls(): readonly ProxyCall[] {
    return this.log;
  }

  /** TCP connections accepted since the calls were last reset (a client's connection reuse shows here). */
  get connectionsOpened(): number {
    return this.accepted;
  }

  resetCalls(): void {
    this.log.length = 0;
    this.accepted = 0;
  }

  /** Calls received, optionally of one operation and/or one account. */
  count(action?: string, account?: string): number {
    return this.log.filter(
      (c) =>
        (action === undefined || c.action === action) && (account === undefined || c.account === account),
    ).length;
  }

  /** Operation -> calls, for one account or all. */
  counts(account?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.log)
      if (account === undefined || c.account === account) out[c.action] = (out[c.action] ?? 0) + 1;
    return out;
  }

  /** Account -> operation -> calls. */
  countsByAccount(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const c of this.log) {
      const a = (out[c.account] ??= {});
      a[c.action] = (a[c.action] ?? 0) + 1;
    }
    return out;
  }

  /** Declares which account an access key acts in. */
  registerKey(accessKeyId: string, accountId: string): void {
    this.keys.set(accessKeyId, accountId);
  }

  /** Sets `AWS_ENDPOINT_URL` to this proxy; returns a function restoring the previous value. */
  useAsEndpoint(): () => void {
    return setEndpointEnv(this.endpoint);
  }

  private describe(req: http.IncomingMessage, body: Buffer): ProxyCall {
    const auth = String(req.headers.authorization ?? '');
    const cred = /Credential=([^/,\s]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
    const accessKeyId = cred?.[1] ?? '';
    const service = cred?.[2] ?? '';
    const params: Record<string, string> = {};
    let action: string;
    const target = req.headers['x-amz-target'];
    const contentType = String(req.headers['content-type'] ?? '');
    if (typeof target === 'string' && target !== '') {
      action = target.slice(target.lastIndexOf('.') + 1);
    } else {
      const op = /\/operation\/([^/?]+)/.exec(req.url ?? '');
      if (op?.[1]) action = op[1];
      else {
        const query = new URL(req.url ?? '/', 'http://x').searchParams;
        const form = contentType.includes('x-www-form-urlencoded')
          ? new URLSearchParams(body.toString('utf8'))
          : null;
        for (const [k, v] of query) params[k] = v;
        if (form) for (const [k, v] of form) params[k] = v;
        const rest = REST_OPERATIONS[service]?.[`${req.method} ${originPath(req.url).split('?')[0]}`];
        action = params.Action ?? rest ?? '';
      }
    }
    return {
      seq: ++this.seq,
      account: this.keys.get(accessKeyId) ?? this.defaultAccount,
      service,
      action,
      accessKeyId,
      params,
      status: 0,
      fault: null,
      startedMs: performance.now(),
      endedMs: 0,
    };
  }

  private matchRule(call: ProxyCall): RuleState | null {
    for (const state of this.rules) {
      const { rule } = state;
      if (state.removed || (rule.times !== undefined && state.hits >= rule.times)) continue;
      const m = rule.match;
      const actions = asList(m.action);
      if (actions && !actions.includes(call.action)) continue;
      if (m.account !== undefined && m.account !== call.account) continue;
      if (m.service !== undefined && m.service !== call.service) continue;
      if (m.params && Object.entries(m.params).some(([k, v]) => call.params[k] !== v)) continue;
      if (m.when && !m.when(call)) continue;
      state.hits += 1;
      return state;
    }
    return null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (CLOUDTRAIL_SIGNED.test(String(req.headers.authorization ?? ''))) {
      if (this.recordCloudTrail) {
        const call = this.describe(req, body);
        call.params = { Input: body.toString('utf8') };
        call.status = 200;
        this.log.push(call);
        res.once('close', () => (call.endedMs = performance.now()));
      }
      // LookupEvents' answer when the account's event history holds nothing that matches
      const payload = Buffer.from(JSON.stringify({ Events: [] }), 'utf8');
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': randomUUID(),
        'content-length': String(payload.length),
      });
      res.end(payload);
      return;
    }
    const call = this.describe(req, body);
    this.log.push(call);
    res.once('close', () => (call.endedMs = performance.now()));

    const latency = typeof this.latencyMs === 'function' ? this.latencyMs(call) : this.latencyMs;
    if (latency > 0) await sleep(latency);

    const state = this.matchRule(call);
    const respond = state?.rule.respond;
    if (respond === 'reset') {
      call.fault = 'reset';
      req.socket.destroy();
      return;
    }
    if (respond && 'status' in respond) {
      call.fault = 'response';
      call.status = respond.status;
      const payload = Buffer.from(respond.body, 'utf8');
      res.writeHead(respond.status, {
        'content-type': 'text/xml',
        'x-amzn-requestid': randomUUID(),
        ...respond.headers,
        'content-length': String(payload.length),
      });
      res.end(payload);
      return;
    }
    if (respond && 'error' in respond) {
      call.fault = 'error';
      const { status, headers, body: payload } = renderError(respond.error, req, call);
      call.status = status;
      res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
      res.end(payload);
      return;
    }
    if (respond && 'delayMs' in respond) {
      call.fault = 'delay';
      await sleep(respond.delayMs);
    }

    const routed = this.route?.(call);
    const upstream = await this.forward(req, body, routed ? new URL(routed) : this.target);
    this.learnKeys(call, upstream.body);
    if (respond && 'afterForward' in respond) {
      call.fault = 'lost';
      const { status, headers, body: payload } = renderError(respond.afterForward, req, call);
      call.status = status;
      res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
      res.end(payload);
      return;
    }
    let out = upstream.body;
    if (respond && 'rewrite' in respond) {
      call.fault = 'rewrite';
      out = Buffer.from(respond.rewrite(out.toString('utf8'), call), 'utf8');
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(upstream.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
    }
    call.status = upstream.status;
    if (respond && 'truncateAt' in respond) {
      call.fault = 'truncate';
      const part = out.subarray(0, Math.max(0, Math.min(respond.truncateAt, out.length)));
      if (respond.keepLength) {
        res.writeHead(upstream.status, { ...headers, 'content-length': String(out.length) });
        res.write(part, () => res.destroy());
        return;
      }
      res.writeHead(upstream.status, { ...headers, 'content-length': String(part.length) });
      res.end(part);
      return;
    }
    res.writeHead(upstream.status, { ...headers, 'content-length': String(out.length) });
    res.end(out);
  }

  private forward(
    req: http.IncomingMessage,
    body: Buffer,
    target: URL = this.target,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
    }
    headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const up = http.request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: originPath(req.url),
          headers,
          agent: this.upstream,
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(parts) }),
          );
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  /** Learns the account of keys that AssumeRole* and CreateAccessKey hand out. */
  private learnKeys(call: ProxyCall, body: Buffer): void {
    if (/^AssumeRole/.test(call.action)) {
      const text = body.toString('utf8');
      const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(text)?.[1];
      const account = /<Arn>arn:[^:]+:sts::(\d{12}):/.exec(text)?.[1];
      if (key && account) this.keys.set(key, account);
    } else if (call.action === 'CreateAccessKey') {
      const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(body.toString('utf8'))?.[1];
      if (key) this.keys.set(key, call.account);
    }
  }
}

/** The path and query of a request target; absolute-form (as sent to a forward proxy) is reduced to it. */
function originPath(url: string | undefined): string {
  if (!url) return '/';
  if (!/^https?:\/\//i.test(url)) return url;
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

function renderError(
  spec: AwsErrorSpec,
  req: http.IncomingMessage,
  call: ProxyCall,
): { status: number; headers: Record<string, string>; body: Buffer } {
  const status = spec.status ?? 400;
  const requestId = randomUUID();
  const contentType = String(req.headers['content-type'] ?? '');
  if (req.headers['x-amz-target'] !== undefined || contentType.includes('json')) {
    return {
      status,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': requestId,
        'x-amzn-query-error': `${spec.code};${spec.type ?? (status >= 500 ? 'Receiver' : 'Sender')}`,
      },
      body: Buffer.from(JSON.stringify({ __type: spec.code, message: spec.message }), 'utf8'),
    };
  }
  const xmlns = XMLNS[call.service] ?? XMLNS.iam;
  const xml =
    `<ErrorResponse xmlns="${xmlns}">\n  <Error>\n    <Type>${spec.type ?? (status >= 500 ? 'Receiver' : 'Sender')}</Type>\n` +
    `    <Code>${xmlEscape(spec.code)}</Code>\n    <Message>${xmlEscape(spec.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: Buffer.from(xml, 'utf8'),
  };
}

/** Starts a proxy in front of `target`. */
export async function startAwsProxy(
  target: string,
  opts: Omit<AwsProxyOptions, 'target'> = {},
): Promise<AwsProxy> {
  const proxy = new AwsProxy({ ...opts, target });
  await proxy.start();
  return proxy;
}

/** Sets `AWS_ENDPOINT_URL`; returns a function restoring the previous value (or its absence). */
export function setEndpointEnv(url: string): () => void {
  const had = Object.prototype.hasOwnProperty.call(process.env, 'AWS_ENDPOINT_URL');
  const previous = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = url;
  return () => {
    if (had) process.env.AWS_ENDPOINT_URL = previous;
    else delete process.env.AWS_ENDPOINT_URL;
  };
}

// ---- canned faults -------------------------------------------------------------------------------

/** AccessDenied as IAM/STS send it (403), for `iam:GetCredentialReport`, `sts:AssumeRole`, …. */
export function accessDenied(
  action: string,
  opts: { principal?: string; resource?: string; code?: string } = {},
): FaultResponse {
  const principal =
    opts.principal ?? 'arn:aws:sts::123456789012:assumed-role/IamAudit/iam-initial-access-key-audit';
  const resource = opts.resource ?? '*';
  return {
    error: {
      status: 403,
      code: opts.code ?? 'AccessDenied',
      message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    },
  };
}

/** IAM's throttling answer: 400 `<Code>Throttling</Code>` "Rate exceeded". */
export function throttling(): FaultResponse {
  return { error: { status: 400, code: 'Throttling', message: 'Rate exceeded' } };
}

/** Turns moto's `GenerateCredentialReport` answer into `STARTED` (moto still registers the request). */
export function reportStarted(): FaultResponse {
  return {
    // moto's first answer for an account has a <Description> of its own: replace it, never add a second
    rewrite: (body) =>
      body
        .replace(/<Description>[^<]*<\/Description>/g, '')
        .replace(
          /<State>[^<]*<\/State>/,
          '<State>STARTED</State><Description>No report exists. Starting a new report generation task</Description>',
        ),
  };
}

/** `GenerateCredentialReport` out of capacity (IAM's 409 `LimitExceeded`), as in large organization runs. */
export function reportCapacityExceeded(): FaultResponse {
  return {
    error: {
      status: 409,
      code: 'LimitExceeded',
      message: 'There is no more capacity to launch new report generation tasks. Please try again later.',
    },
  };
}

/** `GetCredentialReport` answering that the report is still being generated (IAM's 410-style error). */
export function reportInProgress(): FaultResponse {
  return {
    error: {
      status: 404,
      code: 'ReportInProgress',
      message: 'Report generation in progress. Please wait and try again.',
    },
  };
}

/** Rewrites `GetAccessKeyLastUsed` to show a use at `at` (e.g. after the report was generated). */
export function lastUsedAt(at: Date, service = 's3', region = 'us-east-1'): FaultResponse {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    rewrite: (body) =>
      body.replace(
        /<AccessKeyLastUsed>[\s\S]*?<\/AccessKeyLastUsed>/,
        `<AccessKeyLastUsed><LastUsedDate>${iso}</LastUsedDate><ServiceName>${service}</ServiceName><Region>${region}</Region></AccessKeyLastUsed>`,
      ),
  };
}
