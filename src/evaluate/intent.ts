/**
 * Evidence of intent (docs/design.md §10), pure: from a key's CloudTrail `CreateAccessKey` event (the
 * `CloudTrailEvent` JSON string of a `LookupEvents` answer) and, when they were looked up, the user's
 * `CreateUser` / `CreateLoginProfile` events, who made the key (`by`), whether the user made it themself
 * (`self`), whether the session that made the user and its password made it too
 * (`sameSessionAsUserCreation`), and with what (`via`). Also the time windows audit/key-creation.ts
 * looks those events up in, so every decision about them is here.
 *
 * Every field of an event is untrusted text written by whoever made the call (the user agent is set by
 * the caller, a role session name by whoever assumed the role): it is read with bounded lengths, never
 * acted on (the user agent only classifies `via`), and `by` is a plain capped string that renderers show
 * as inline code. A malformed event gives `unknownReason: 'unreadable event'`, never an exception.
 */
import type { Finding, Scope } from '../model.js';
import { code, note, type Note } from '../notes.js';
import { parseIsoTime } from '../time.js';
import { toIsoSecond } from './evaluate.js';

/** How the key was made, from the event's user agent and who invoked the call. */
type KeyCreationVia = 'console' | 'cli' | 'terraform' | 'cloudformation' | 'sdk' | 'other';

/** Why who made a key is unknown; null in a `KeyCreation` whose event was read. */
export const UNKNOWN_REASONS = {
  olderThanCloudTrail: "older than CloudTrail's 90 days",
  lookupLimit: 'lookup limit reached',
  noPermission: 'no permission (cloudtrail:LookupEvents)',
  throttled: 'throttled',
  notFound: 'no CreateAccessKey event found',
  unreadable: 'unreadable event',
  lookupFailed: 'lookup failed',
  /** A live finding whose key id is unknown (no listed key matched its slot): nothing to look up. */
  noKeyId: 'access key id unknown',
  /** An offline run: a credential report file has no CloudTrail. */
  offline: 'offline',
} as const;

export type UnknownReason = (typeof UNKNOWN_REASONS)[keyof typeof UNKNOWN_REASONS];

/** The JSON report's `keyCreation` of a finding (docs/design.md §10). */
export interface KeyCreation {
  /** The actor: `assumed-role/Admin/bob`, `user/alice`, `root`, a service; untrusted, capped, one line. */
  by: string | null;
  /** The key's own user made it. */
  self: boolean | null;
  /** The session that made the key also made the user and its login profile; null: not looked up/found. */
  sameSessionAsUserCreation: boolean | null;
  via: KeyCreationVia | null;
  /** The event's time, ISO 8601 to the second. */
  eventTime: string | null;
  /** CloudTrail's event id (to find the event in the console). */
  eventId: string | null;
  unknownReason: UnknownReason | null;
}

/** CloudTrail's event history reaches back this far (`LookupEvents`: the last 90 days). */
export const CLOUDTRAIL_HISTORY_MS = 90 * 86_400_000;

/** A `LookupEvents` time range, epoch ms. */
export interface LookupWindow {
  startTime: number;
  endTime: number;
}

/** Around the key's creation: its event's time is within seconds of the key's `CreateDate`. */
const KEY_WINDOW_MS = 5 * 60_000;
/** Before the user's creation, and after the key's (a login profile can come after the key). */
const USER_WINDOW_BEFORE_MS = 5 * 60_000;
const USER_WINDOW_AFTER_MS = 30 * 60_000;
/** Without the user's creation time: how far back a session can have made the user (12 h sessions). */
const SESSION_LIFETIME_MS = 12 * 3_600_000;
/** Clock tolerance between IAM's CreateDate, STS's session creationDate and CloudTrail's eventTime. */
const SKEW_MS = 60_000;
/** A margin inside CloudTrail's 90 days, so a window never starts before what it still holds. */
const HISTORY_MARGIN_MS = 60_000;

/** Longer than any CloudTrail record (256 KB): not an event. */
const MAX_EVENT_CHARS = 512 * 1024;
/** `by`: IAM names are at most 64 characters, so `assumed-role/ROLE/SESSION` fits. */
const MAX_BY = 200;
const MAX_NAME = 128;
/** Only the start of a user agent is classified (a caller can send one of any length). */
const MAX_USER_AGENT = 1024;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const EVENT_ID = /^[A-Za-z0-9-]{1,128}$/;

/** Who made a call, as much of the event's `userIdentity` as this module reads. */
interface Actor {
  type: string;
  by: string;
  /** The IAM user's own name (`IAMUser`). */
  userName: string | null;
  arn: string | null;
  accessKeyId: string | null;
  /** Console credentials (`sessionContext.sessionCredentialFromConsole`). */
  console: boolean;
  /** `sessionContext.attributes.creationDate` of temporary credentials, epoch ms. */
  sessionCreatedAt: number | null;
}

/** One CloudTrail record of an IAM call, read defensively. */
interface TrailCall {
  eventId: string;
  eventName: string;
  eventTime: number;
  errorCode: string | null;
  actor: Actor;
  /** `requestParameters.userName`; null when the call named no user (an IAM user acting on itself). */
  requestUserName: string | null;
  /** The user the call acted on: the response's user name, else the request's, else the caller itself. */
  subjectUserName: string | null;
  /** `responseElements.accessKey.accessKeyId` of a `CreateAccessKey`; null when not recorded. */
  createdKeyId: string | null;
  via: KeyCreationVia;
}

type Json = Record<string, unknown>;

function object(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

/** A string field, one line, cut at `max`; null when absent, not a string, or blank. */
function text(v: unknown, max = MAX_NAME): string | null {
  if (typeof v !== 'string') return null;
  const line = v
    .slice(0, max * 4)
    .replace(CONTROL, ' ')
    .trim();
  if (line === '') return null;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** `sessionContext.attributes.creationDate`: `2026-11-20T09:58:02Z`, or the older `20131102T010628Z`. */
function sessionTime(v: unknown): number | null {
  const s = text(v, 40);
  if (s === null) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (compact)
    return parseIsoTime(
      `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z`,
    );
  return parseIsoTime(s);
}

/** The resource part of an ARN (`assumed-role/Admin/bob` of `arn:aws:sts::1:assumed-role/Admin/bob`). */
function arnResource(arn: string | null): string | null {
  if (arn === null || !arn.startsWith('arn:')) return null;
  const parts = arn.split(':');
  return parts.length >= 6 ? parts.slice(5).join(':') || null : null;
}

function actorName(type: string, ui: Json, userName: string | null, arn: string | null): string {
  switch (type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return userName !== null ? `user/${userName}` : (arnResource(arn) ?? 'user');
    case 'AWSService':
      return text(ui.invokedBy) ?? 'AWS service';
    case 'AWSAccount': {
      const account = text(ui.accountId, 12);
      return account === null ? 'another account' : `account/${account}`;
    }
    default:
      return arnResource(arn) ?? type;
  }
}

/** `sessionCredentialFromConsole: "true"`: a top-level field of the record (also read in sessionContext). */
function fromConsole(v: unknown): boolean {
  return v === true || v === 'true';
}

function readActor(ev: Json, ui: Json): Actor | null {
  const type = text(ui.type, 64);
  if (type === null) return null;
  const ctx = object(ui.sessionContext);
  const userName = type === 'IAMUser' ? text(ui.userName) : null;
  const arn = text(ui.arn, 2048);
  const by = actorName(type, ui, userName, arn);
  return {
    type,
    by: by.length > MAX_BY ? `${by.slice(0, MAX_BY - 1)}…` : by,
    userName,
    arn,
    accessKeyId: text(ui.accessKeyId, 128),
    console: fromConsole(ev.sessionCredentialFromConsole) || fromConsole(ctx?.sessionCredentialFromConsole),
    sessionCreatedAt: sessionTime(object(ctx?.attributes)?.creationDate),
  };
}

const CLOUDFORMATION = 'cloudformation.amazonaws.com';
const CONSOLE_AGENTS =
  /^(?:AWS Internal|signin\.amazonaws\.com|console\.amazonaws\.com|console\.aws\.amazon\.com|Mozilla\/)/i;
const SDK_AGENTS = /(?:^|[\s(])(?:aws-sdk-[a-z0-9-]+|boto3|botocore|aws-powershell|awspowershell)\//i;

/**
 * `via`, from what the event says. CloudFormation first (its `invokedBy` is set by AWS), then the client
 * named by the user agent (set by the caller: it only ever picks a label here), then console credentials.
 */
function classifyVia(ev: Json, ui: Json, console: boolean): KeyCreationVia {
  const agent = typeof ev.userAgent === 'string' ? ev.userAgent.slice(0, MAX_USER_AGENT) : '';
  const from = (v: unknown) => typeof v === 'string' && v.slice(0, 64).toLowerCase() === CLOUDFORMATION;
  if (from(ui.invokedBy) || from(ev.sourceIPAddress) || agent.toLowerCase().startsWith(CLOUDFORMATION)) {
    return 'cloudformation';
  }
  if (/terraform/i.test(agent)) return 'terraform';
  if (/^aws-cli\//i.test(agent)) return 'cli';
  if (console || CONSOLE_AGENTS.test(agent)) return 'console';
  if (SDK_AGENTS.test(` ${agent}`)) return 'sdk';
  return 'other';
}

/** The user a call acted on, from its response (CreateUser, CreateLoginProfile, CreateAccessKey). */
function responseUserName(response: Json | null): string | null {
  for (const k of ['user', 'loginProfile', 'accessKey']) {
    const name = text(object(response?.[k])?.userName);
    if (name !== null) return name;
  }
  return null;
}

/** One IAM event read from its CloudTrail JSON; null when it is not a readable IAM event. */
function readTrailCall(json: string): TrailCall | null {
  if (typeof json !== 'string' || json.length > MAX_EVENT_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const ev = object(parsed);
  const ui = object(ev?.userIdentity);
  if (ev === null || ui === null || ev.eventSource !== 'iam.amazonaws.com') return null;
  const eventId = typeof ev.eventID === 'string' && EVENT_ID.test(ev.eventID) ? ev.eventID : null;
  const eventName = text(ev.eventName, 64);
  const eventTime = typeof ev.eventTime === 'string' ? parseIsoTime(ev.eventTime.slice(0, 64)) : null;
  const actor = readActor(ev, ui);
  if (eventId === null || eventName === null || eventTime === null || actor === null) return null;
  const request = object(ev.requestParameters);
  const response = object(ev.responseElements);
  const requestUserName = text(request?.userName);
  return {
    eventId,
    eventName,
    eventTime,
    errorCode:
      ev.errorCode === undefined || ev.errorCode === null ? null : (text(ev.errorCode, 64) ?? 'error'),
    actor,
    requestUserName,
    subjectUserName: responseUserName(response) ?? requestUserName ?? actor.userName,
    createdKeyId: text(object(response?.accessKey)?.accessKeyId, 128),
    via: classifyVia(ev, ui, actor.console),
  };
}

/** IAM user names are unique regardless of case. */
function sameName(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/**
 * Two calls of one session: the same principal, and the same access key (a long-term key, or one set of
 * temporary credentials), or, for console sessions, the same sign-in (`sessionContext` creation time).
 */
function sameSession(a: Actor, b: Actor): boolean {
  if (a.arn === null || a.arn !== b.arn) return false;
  if (a.accessKeyId !== null && a.accessKeyId === b.accessKeyId) return true;
  return a.console && b.console && a.sessionCreatedAt !== null && a.sessionCreatedAt === b.sessionCreatedAt;
}

/** Whether an event is the successful `CreateAccessKey` of this key (of this user). */
function createsKey(call: TrailCall, accessKeyId: string, userName: string): boolean {
  if (call.eventName !== 'CreateAccessKey' || call.errorCode !== null) return false;
  // Found by the key id as ResourceName; when the response was recorded, it must name this key.
  if (call.createdKeyId !== null && call.createdKeyId !== accessKeyId) return false;
  return call.subjectUserName === null || sameName(call.subjectUserName, userName);
}

/** The user made the key: the call named no user (an IAM user's own key), or the caller is that user. */
function isSelf(call: TrailCall, userName: string): boolean {
  return (
    call.requestUserName === null ||
    (call.actor.type === 'IAMUser' && sameName(call.actor.userName, userName))
  );
}

/**
 * The user's `CreateUser` (the latest at or before the key) and `CreateLoginProfile` (after it) made in
 * the key's session: true when both were, false when either was made in another, null when not found.
 */
function sameSessionAsUser(key: TrailCall, userName: string, events: readonly string[]): boolean | null {
  const mine = events
    .map(readTrailCall)
    .filter(
      (e): e is TrailCall => e !== null && e.errorCode === null && sameName(e.subjectUserName, userName),
    );
  const created = mine
    .filter((e) => e.eventName === 'CreateUser' && e.eventTime <= key.eventTime + SKEW_MS)
    .sort((a, b) => b.eventTime - a.eventTime)[0];
  if (created === undefined) return null;
  if (!sameSession(created.actor, key.actor)) return false;
  const profiles = mine.filter(
    (e) => e.eventName === 'CreateLoginProfile' && e.eventTime >= created.eventTime,
  );
  if (profiles.some((p) => sameSession(p.actor, key.actor))) return true;
  return profiles.length > 0 ? false : null;
}

/** A key whose maker is unknown, and why. */
export function unknownKeyCreation(reason: UnknownReason): KeyCreation {
  return {
    by: null,
    self: null,
    sameSessionAsUserCreation: null,
    via: null,
    eventTime: null,
    eventId: null,
    unknownReason: reason,
  };
}

export interface KeyCreationInput {
  accessKeyId: string;
  /** The key's user. */
  userName: string;
  /** The `CloudTrailEvent` JSON of the key's `CreateAccessKey` event. */
  keyEvent: string;
  /** `CloudTrailEvent`s of the user's `CreateUser` / `CreateLoginProfile` lookup (others are ignored);
   *  null when they were not looked up. */
  userEvents?: readonly string[] | null;
}

/** Who made a key, from its `CreateAccessKey` event (and the user's creation events, when looked up). */
export function keyCreationFromEvents(input: KeyCreationInput): KeyCreation {
  const call = readTrailCall(input.keyEvent);
  if (call === null) return unknownKeyCreation(UNKNOWN_REASONS.unreadable);
  if (!createsKey(call, input.accessKeyId, input.userName))
    return unknownKeyCreation(UNKNOWN_REASONS.notFound);
  const self = isSelf(call, input.userName);
  const events = input.userEvents ?? null;
  return {
    by: call.actor.by,
    self,
    sameSessionAsUserCreation:
      self || events === null ? null : sameSessionAsUser(call, input.userName, events),
    via: call.via,
    eventTime: toIsoSecond(call.eventTime),
    eventId: call.eventId,
    unknownReason: null,
  };
}

/** Where to look up a key's `CreateAccessKey` event; null when CloudTrail no longer holds it. */
export function keyEventWindow(keyCreatedAt: number, now: number): LookupWindow | null {
  const oldest = now - CLOUDTRAIL_HISTORY_MS + HISTORY_MARGIN_MS;
  if (!Number.isFinite(keyCreatedAt) || keyCreatedAt < oldest || keyCreatedAt > now + SKEW_MS) return null;
  return {
    startTime: Math.max(oldest, keyCreatedAt - KEY_WINDOW_MS),
    endTime: Math.min(now, keyCreatedAt + KEY_WINDOW_MS),
  };
}

export interface UserEventsOptions {
  accessKeyId: string;
  userName: string;
  /** The user's `CreateDate`, epoch ms; null when unknown (then the key's session bounds the search). */
  userCreatedAt: number | null;
  now: number;
}

/**
 * Where to look up the user's `CreateUser` / `CreateLoginProfile` events, or null when the key event's
 * session cannot have made them, or they cannot be compared or found: the key is the user's own, the
 * session has no key id (and is not a console sign-in), its temporary credentials were issued after the
 * user existed, or the user is older than CloudTrail's 90 days.
 */
export function userEventsWindow(keyEvent: string, opts: UserEventsOptions): LookupWindow | null {
  const call = readTrailCall(keyEvent);
  if (call === null || !createsKey(call, opts.accessKeyId, opts.userName) || isSelf(call, opts.userName)) {
    return null;
  }
  const { actor } = call;
  const comparable =
    actor.arn !== null && (actor.accessKeyId !== null || (actor.console && actor.sessionCreatedAt !== null));
  if (!comparable) return null;
  const oldest = opts.now - CLOUDTRAIL_HISTORY_MS + HISTORY_MARGIN_MS;
  const user = opts.userCreatedAt;
  if (user !== null) {
    if (!Number.isFinite(user) || user < oldest || user > call.eventTime + SKEW_MS) return null;
    if (actor.sessionCreatedAt !== null && user < actor.sessionCreatedAt - SKEW_MS) return null;
  }
  const from = user ?? actor.sessionCreatedAt ?? call.eventTime - SESSION_LIFETIME_MS;
  return {
    startTime: Math.max(oldest, from - USER_WINDOW_BEFORE_MS),
    endTime: Math.min(opts.now, call.eventTime + USER_WINDOW_AFTER_MS),
  };
}

/** The names of the events `userEventsWindow`'s lookup keeps (the rest of the user's events are noise). */
export const USER_CREATION_EVENTS: ReadonlySet<string> = new Set(['CreateUser', 'CreateLoginProfile']);

/**
 * Whether an event is a successful `CreateUser` of `userName` at or before `keyEventTime` (ISO): the one
 * `sameSessionAsUserCreation` compares with. CloudTrail answers newest first, so once it is seen, every
 * later event of the user has been too, and the lookup can stop.
 */
export function createsUserBy(json: string, userName: string, keyEventTime: string): boolean {
  const call = readTrailCall(json);
  const keyTime = parseIsoTime(keyEventTime);
  return (
    call !== null &&
    keyTime !== null &&
    call.eventName === 'CreateUser' &&
    call.errorCode === null &&
    sameName(call.subjectUserName, userName) &&
    call.eventTime <= keyTime + SKEW_MS
  );
}

/** The user made the key themself (so it was not made at setup by whoever made the user). */
export function isSelfCreated(kc: KeyCreation): boolean {
  return kc.unknownReason === null && kc.self === true;
}

/**
 * Whether a finding counts: not exempted, and not a key its user made themself (`selfCreated`, only ever
 * set under `scope: at-setup`). The others are listed (JSON, summary) but are no result, no count, no
 * issue, no remediation, and archived in Security Hub: a self-created key goes wherever an exempted one
 * goes, labelled as what it is.
 */
export function isFailing(f: Pick<Finding, 'exempted' | 'selfCreated'>): boolean {
  return !f.exempted && f.selfCreated !== true;
}

export interface KeyCreationFacts {
  /** Per access key id: who made it (every flagged key with an id that was looked up). */
  keyCreations: ReadonlyMap<string, KeyCreation>;
  /** Per access key id: its console description (`keyTagFacts`), when it has one. */
  descriptions: ReadonlyMap<string, string | null>;
  scope: Scope;
}

/**
 * The evidence of intent on each finding of a live audit (docs/design.md §10): who made its key (`keyCreation`;
 * unknown without a key id), its description, and whether it is `selfCreated`: under `scope: at-setup`, a
 * key its user made themself is not a key provisioned at user setup, so it is listed but not failing (and
 * carries no exemption: there is nothing to exempt). Under `scope: any` it stays a finding. Without
 * evidence the time test alone has decided. Pure.
 */
export function withKeyCreations(findings: readonly Finding[], facts: KeyCreationFacts): Finding[] {
  return findings.map((f) => {
    const id = f.accessKeyId;
    const keyCreation =
      id === null
        ? unknownKeyCreation(UNKNOWN_REASONS.noKeyId)
        : (facts.keyCreations.get(id) ?? unknownKeyCreation(UNKNOWN_REASONS.lookupFailed));
    const keyDescription = id === null ? null : (facts.descriptions.get(id) ?? null);
    if (facts.scope === 'at-setup' && isSelfCreated(keyCreation)) {
      const cleared = { exempted: false, justification: null, exemptionExpired: false };
      return { ...f, ...cleared, keyCreation, keyDescription, selfCreated: true };
    }
    return { ...f, keyCreation, keyDescription, selfCreated: false };
  });
}

const VIA_TEXT: Record<KeyCreationVia, string> = {
  console: ' in the console',
  cli: ' with the AWS CLI',
  terraform: ' with Terraform',
  cloudformation: ' through CloudFormation',
  sdk: ' with an AWS SDK',
  other: '',
};

/**
 * One line saying who made the key, in parts: text, and the actor as code (untrusted: rendered as inline
 * code, never as Markdown). E.g. "made by `assumed-role/Admin/bob` in the console, in the same session as
 * the user".
 */
export function describeKeyCreation(kc: KeyCreation): Note {
  if (kc.unknownReason !== null || kc.by === null) {
    return note`who made the key is unknown: ${kc.unknownReason ?? UNKNOWN_REASONS.notFound}`;
  }
  const how = kc.via === null ? '' : VIA_TEXT[kc.via];
  if (kc.self === true) return note`made by the user themself (${code(kc.by)})${how}`;
  const session =
    kc.sameSessionAsUserCreation === true
      ? ', in the same session as the user'
      : kc.sameSessionAsUserCreation === false
        ? ', not in the session that made the user'
        : '';
  return note`made by ${code(kc.by)}${how}${session}`;
}
