/**
 * A local CloudTrail for tests: moto does not implement `LookupEvents`, so this server speaks its real
 * protocol, AWS JSON 1.1 (`POST /`, `X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`
 * or the SDK's `CloudTrail_20131101.LookupEvents`, `Content-Type: application/x-amz-json-1.1`), on
 * 127.0.0.1 with a free port. Point the SDK at it with
 * `AWS_ENDPOINT_URL_CLOUDTRAIL` (the SDK's own setting).
 *
 * What it does as CloudTrail does:
 * - holds events per account (the account comes from the SigV4 access key id, `accountOf`), newest
 *   first, each with the `Resources` CloudTrail indexes for an IAM call (the key id of `CreateAccessKey`,
 *   the user of any call naming one) and the envelope fields (`Username`, `AccessKeyId`, …);
 * - `LookupAttributes`: at most one (more: `InvalidLookupAttributesException`), on the keys CloudTrail
 *   knows; `StartTime`/`EndTime` in epoch seconds (inclusive; start after end: `InvalidTimeRangeException`);
 *   `MaxResults` 1 to 50 (default 50); `NextToken` valid only for the same query (else
 *   `InvalidNextTokenException`); `pageLimit` makes pages shorter than asked, as CloudTrail's can be;
 * - a rate limit per account (`ratePerSecond`, default 2, CloudTrail's): a call that would be the
 *   (N+1)-th accepted within one second of the server's clock is answered `ThrottlingException`;
 * - errors as `{"__type": "...", "message": "..."}` with the status codes of CloudTrail's model
 *   (ThrottlingException 429, AccessDeniedException 403, the Invalid… ones 400);
 * - a log of every call with the clock's time, and faults injected by rule (`fail`).
 *
 * The clock is injectable (`clock`), so a test can run the server and the client's rate limiter on one
 * fake clock.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';

/**
 * `X-Amz-Target` of LookupEvents, in both forms CloudTrail takes: the one of its API reference and of
 * botocore (the service's legacy target prefix), and the Smithy one, `SERVICE_SHAPE.Operation`, that
 * the AWS SDK for JavaScript v3 sends since its clients are schema-based.
 */
const LOOKUP_EVENTS_TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents';
export const LOOKUP_EVENTS_SMITHY_TARGET = 'CloudTrail_20131101.LookupEvents';
const TARGETS = new Set([LOOKUP_EVENTS_TARGET, LOOKUP_EVENTS_SMITHY_TARGET]);
const JSON_11 = 'application/x-amz-json-1.1';
const DEFAULT_ACCOUNT = '123456789012';
const ATTRIBUTE_KEYS = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);

/** One CloudTrail record, as CloudTrail writes it (the `CloudTrailEvent` string is its JSON). */
export type TrailRecord = Record<string, unknown> & {
  eventID: string;
  eventName: string;
  eventTime: string;
  eventSource: string;
  userIdentity: Record<string, unknown>;
};

export interface TrailResource {
  ResourceType: string;
  ResourceName: string;
}

export interface LookupCall {
  /** 1-based order of arrival. */
  seq: number;
  /** The server clock when the call arrived, ms. */
  at: number;
  account: string;
  /** The access key id of the SigV4 signature, and the region of its credential scope. */
  accessKeyId: string;
  region: string;
  target: string;
  attributes: Array<{ AttributeKey?: string; AttributeValue?: string }>;
  /** Epoch ms (the request carries seconds). */
  startTime: number | null;
  endTime: number | null;
  maxResults: number | null;
  nextToken: string | null;
  status: number;
  /** The `__type` of an error answer; null for events. */
  error: string | null;
  /** Events in the answer. */
  returned: number;
  /** The answer had a NextToken (more pages). */
  more: boolean;
}

interface AwsError {
  type: string;
  message: string;
  status: number;
}

export interface FaultRule {
  /** Which calls it answers (default: every call). */
  when?: (call: Readonly<LookupCall>) => boolean;
  /** How many calls it answers; default every matching one. */
  times?: number;
  /** The error it answers with, e.g. `throttlingError()`; or a raw body (a malformed answer). */
  respond: AwsError | { status: number; body: string };
}

export interface FaultHandle {
  readonly hits: number;
  remove(): void;
}

export interface CloudTrailServerOptions {
  /** The server's clock, ms (log times and the rate limit); default `Date.now`. */
  clock?: () => number;
  /** Calls accepted per account per second; default 2 (CloudTrail's). `Infinity`: no limit. */
  ratePerSecond?: number;
  /** At most this many events per page, whatever `MaxResults` asks; default 50. */
  pageLimit?: number;
  /** The account of an access key id; default 123456789012. */
  accountOf?: (accessKeyId: string) => string;
}

export const throttlingError = (): AwsError => ({
  type: 'ThrottlingException',
  message: 'Rate exceeded',
  status: 429,
});

export const accessDeniedError = (accessKeyId = 'ASIAEXAMPLE'): AwsError => ({
  type: 'AccessDeniedException',
  message:
    `User: arn:aws:sts::123456789012:assumed-role/iam-initial-access-key-audit-member/${accessKeyId} ` +
    'is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the ' +
    'cloudtrail:LookupEvents action',
  status: 403,
});

const invalid = (type: string, message: string): AwsError => ({ type, message, status: 400 });

/** The user a record's call named (request or response), for its `AWS::IAM::User` resource. */
function userOf(record: TrailRecord): string | null {
  const request = record.requestParameters as Record<string, unknown> | null | undefined;
  const response = record.responseElements as Record<string, Record<string, unknown> | undefined> | null;
  for (const v of [
    request?.userName,
    response?.accessKey?.userName,
    response?.user?.userName,
    response?.loginProfile?.userName,
  ]) {
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

/** The resources CloudTrail's event history indexes for an IAM call. */
function resourcesOf(record: TrailRecord): TrailResource[] {
  const out: TrailResource[] = [];
  const response = record.responseElements as Record<string, Record<string, unknown> | undefined> | null;
  const request = record.requestParameters as Record<string, unknown> | null | undefined;
  // the key a call made (CreateAccessKey) or acted on (UpdateAccessKey, DeleteAccessKey)
  const keyId = response?.accessKey?.accessKeyId ?? request?.accessKeyId;
  if (typeof keyId === 'string') out.push({ ResourceType: 'AWS::IAM::AccessKey', ResourceName: keyId });
  const user = userOf(record);
  if (user !== null) out.push({ ResourceType: 'AWS::IAM::User', ResourceName: user });
  const policy = request?.policyArn;
  if (typeof policy === 'string') out.push({ ResourceType: 'AWS::IAM::Policy', ResourceName: policy });
  return out;
}

/** `Username` of the envelope: the IAM user, the role session, `root`, or the service. */
function usernameOf(record: TrailRecord): string | undefined {
  const ui = record.userIdentity;
  if (typeof ui.userName === 'string' && ui.type === 'IAMUser') return ui.userName;
  if (ui.type === 'Root') return 'root';
  if (typeof ui.arn === 'string' && ui.type === 'AssumedRole') return ui.arn.split('/').pop();
  if (typeof ui.invokedBy === 'string') return ui.invokedBy;
  return undefined;
}

interface Stored {
  record: TrailRecord;
  json: string;
  time: number;
  resources: TrailResource[];
}

interface RuleState {
  rule: FaultRule;
  hits: number;
  removed: boolean;
}

export class CloudTrailServer {
  private server: http.Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly events = new Map<string, Stored[]>();
  private readonly accepted = new Map<string, number[]>();
  private readonly rules: RuleState[] = [];
  readonly calls: LookupCall[] = [];
  readonly clock: () => number;
  ratePerSecond: number;
  pageLimit: number;
  private readonly accountOf: (accessKeyId: string) => string;
  port = 0;

  constructor(opts: CloudTrailServerOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.ratePerSecond = opts.ratePerSecond ?? 2;
    this.pageLimit = opts.pageLimit ?? 50;
    this.accountOf = opts.accountOf ?? (() => DEFAULT_ACCOUNT);
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stores events of `account` (resources derived as CloudTrail does, unless given). */
  addEvents(
    account: string,
    records: readonly TrailRecord[],
    resources?: (r: TrailRecord) => TrailResource[],
  ): void {
    const list = this.events.get(account) ?? [];
    for (const record of records) {
      const time = Date.parse(record.eventTime);
      if (Number.isNaN(time)) throw new Error(`fixture event ${record.eventID} has no valid eventTime`);
      list.push({
        record,
        json: JSON.stringify(record),
        time,
        resources: (resources ?? resourcesOf)(record),
      });
    }
    // newest first, as LookupEvents answers; ties in a stable order
    list.sort((a, b) => b.time - a.time || a.record.eventID.localeCompare(b.record.eventID));
    this.events.set(account, list);
  }

  /** Answers matching calls with an error (or a raw body) instead of events. */
  fail(rule: FaultRule): FaultHandle {
    const state: RuleState = { rule, hits: 0, removed: false };
    this.rules.push(state);
    return {
      get hits() {
        return state.hits;
      },
      remove: () => {
        state.removed = true;
      },
    };
  }

  /** Calls whose answer was events (not an error). */
  get answered(): LookupCall[] {
    return this.calls.filter((c) => c.error === null);
  }

  async start(): Promise<{ endpoint: string }> {
    if (this.server) return { endpoint: this.endpoint };
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': JSON_11 });
          res.end(JSON.stringify({ __type: 'InternalFailure', message: String(err) }));
        } else res.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { endpoint: this.endpoint };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const auth = String(req.headers.authorization ?? '');
    const scope = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth);
    const accessKeyId = scope?.[1] ?? '';
    let input: Record<string, unknown>;
    try {
      input = (JSON.parse(body || '{}') as Record<string, unknown> | null) ?? {};
    } catch {
      input = {};
    }
    const seconds = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) : null);
    const call: LookupCall = {
      seq: this.calls.length + 1,
      at: this.clock(),
      account: this.accountOf(accessKeyId),
      accessKeyId,
      region: scope?.[2] ?? '',
      target: String(req.headers['x-amz-target'] ?? ''),
      attributes: Array.isArray(input.LookupAttributes)
        ? (input.LookupAttributes as LookupCall['attributes'])
        : [],
      startTime: seconds(input.StartTime),
      endTime: seconds(input.EndTime),
      maxResults: typeof input.MaxResults === 'number' ? input.MaxResults : null,
      nextToken: typeof input.NextToken === 'string' ? input.NextToken : null,
      status: 200,
      error: null,
      returned: 0,
      more: false,
    };
    this.calls.push(call);

    const send = (status: number, payload: string) => {
      call.status = status;
      res.writeHead(status, {
        'content-type': JSON_11,
        'x-amzn-requestid': randomUUID(),
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    };
    const fail = (e: AwsError) => {
      call.error = e.type;
      send(e.status, JSON.stringify({ __type: e.type, message: e.message }));
    };

    if (req.method !== 'POST' || (req.url ?? '/') !== '/') {
      return fail(invalid('UnknownOperationException', `${req.method} ${req.url} is not an operation`));
    }
    if (!TARGETS.has(call.target)) {
      return fail(invalid('UnknownOperationException', `unknown X-Amz-Target ${call.target}`));
    }
    if (!String(req.headers['content-type'] ?? '').startsWith(JSON_11)) {
      return fail(invalid('SerializationException', `Content-Type must be ${JSON_11}`));
    }
    const rule = this.rules.find(
      (r) =>
        !r.removed && (r.rule.times === undefined || r.hits < r.rule.times) && (r.rule.when?.(call) ?? true),
    );
    if (rule) {
      rule.hits++;
      const r = rule.rule.respond;
      if ('type' in r) return fail(r);
      call.error = `raw ${r.status}`;
      return send(r.status, r.body);
    }
    if (this.throttled(call)) return fail(throttlingError());
    const answer = this.lookUp(call);
    if ('type' in answer) return fail(answer);
    call.returned = answer.Events.length;
    call.more = answer.NextToken !== undefined;
    send(200, JSON.stringify(answer));
  }

  /** The per-account rate limit on the server's clock: at most N accepted calls in any second. */
  private throttled(call: LookupCall): boolean {
    if (!Number.isFinite(this.ratePerSecond)) return false;
    const times = (this.accepted.get(call.account) ?? []).filter((t) => t > call.at - 1000);
    if (times.length >= this.ratePerSecond) return true;
    times.push(call.at);
    this.accepted.set(call.account, times);
    return false;
  }

  private lookUp(call: LookupCall): AwsError | { Events: unknown[]; NextToken?: string } {
    if (call.attributes.length > 1) {
      return invalid(
        'InvalidLookupAttributesException',
        'You cannot specify more than one lookup attribute.',
      );
    }
    const attr = call.attributes[0];
    if (
      attr !== undefined &&
      (!ATTRIBUTE_KEYS.has(attr.AttributeKey ?? '') ||
        typeof attr.AttributeValue !== 'string' ||
        attr.AttributeValue.length < 1 ||
        attr.AttributeValue.length > 2000)
    ) {
      return invalid('InvalidLookupAttributesException', 'The lookup attribute is not valid.');
    }
    const max = call.maxResults ?? 50;
    if (!Number.isInteger(max) || max < 1 || max > 50) {
      return invalid('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
    }
    if (call.startTime !== null && call.endTime !== null && call.startTime > call.endTime) {
      return invalid('InvalidTimeRangeException', 'The start time is after the end time.');
    }
    const query = createHash('sha256')
      .update(JSON.stringify([call.account, call.attributes, call.startTime, call.endTime]))
      .digest('hex')
      .slice(0, 16);
    let offset = 0;
    if (call.nextToken !== null) {
      const m = /^([0-9a-f]{16})\.(\d+)$/.exec(Buffer.from(call.nextToken, 'base64url').toString('utf8'));
      if (!m || m[1] !== query) {
        return invalid(
          'InvalidNextTokenException',
          'Invalid token or token that was previously used with other parameters.',
        );
      }
      offset = Number(m[2]);
    }
    const matching = (this.events.get(call.account) ?? []).filter(
      (e) =>
        (call.startTime === null || e.time >= call.startTime) &&
        (call.endTime === null || e.time <= call.endTime) &&
        (attr === undefined || matches(e, attr.AttributeKey!, attr.AttributeValue!)),
    );
    const size = Math.min(max, this.pageLimit);
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? offset + size : null;
    return {
      Events: page.map((e) => ({
        EventId: e.record.eventID,
        EventName: e.record.eventName,
        ReadOnly: String(e.record.readOnly ?? false),
        AccessKeyId: e.record.userIdentity.accessKeyId,
        EventTime: e.time / 1000,
        EventSource: e.record.eventSource,
        Username: usernameOf(e.record),
        Resources: e.resources,
        CloudTrailEvent: e.json,
      })),
      ...(next === null ? {} : { NextToken: Buffer.from(`${query}.${next}`).toString('base64url') }),
    };
  }
}

function matches(e: Stored, key: string, value: string): boolean {
  const r = e.record;
  switch (key) {
    case 'EventId':
      return r.eventID === value;
    case 'EventName':
      return r.eventName === value;
    case 'ReadOnly':
      return String(r.readOnly ?? false) === value;
    case 'Username':
      return usernameOf(r) === value;
    case 'ResourceType':
      return e.resources.some((x) => x.ResourceType === value);
    case 'ResourceName':
      return e.resources.some((x) => x.ResourceName === value);
    case 'EventSource':
      return r.eventSource === value;
    case 'AccessKeyId':
      return r.userIdentity.accessKeyId === value;
    default:
      return false;
  }
}

/** Starts a server; stop it with `server.stop()` (in `afterAll`/`finally`). */
export async function startCloudTrail(opts: CloudTrailServerOptions = {}): Promise<CloudTrailServer> {
  const server = new CloudTrailServer(opts);
  await server.start();
  return server;
}
