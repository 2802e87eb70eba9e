/**
 * evaluate/intent.ts, pure: who made a key (`by`, `self`, `sameSessionAsUserCreation`, `via`) from its
 * CloudTrail `CreateAccessKey` event and the user's creation events; the lookup windows; the one-line
 * description in note parts. Events are untrusted text: malformed or hostile ones give
 * `unknownReason: 'unreadable event'` or stay data, never a crash.
 */
import { describe, expect, it } from '@jest/globals';
import {
  CLOUDTRAIL_HISTORY_MS,
  UNKNOWN_REASONS,
  createsUserBy,
  describeKeyCreation,
  isSelfCreated,
  keyCreationFromEvents,
  keyEventWindow,
  unknownKeyCreation,
  userEventsWindow,
  type KeyCreation,
} from '../../../src/evaluate/intent.js';
import { noteText, type Note } from '../../../src/notes.js';
import { codeSpan, escapeMarkdown } from '../../../src/report/markdown.js';
import { codeSpans, withoutCodeSpans } from '../../helpers/code-spans.js';
import {
  BOTO3_AGENT,
  CLI_AGENT,
  JS_SDK_AGENT,
  NOW,
  TERRAFORM_AGENT,
  assumedRole,
  assumedRoleSdk,
  cli,
  cloudFormation,
  consoleAdmin,
  createAccessKey,
  createLoginProfile,
  createUser,
  iamUser,
  iso,
  selfMade,
  terraform,
  type Case,
} from '../../fixtures/cloudtrail-events.js';
import type { TrailRecord } from '../../helpers/cloudtrail-server.js';

const json = (r: unknown) => JSON.stringify(r);

/** The case's key event and (optionally) every other event as the user's. */
function derive(c: Case, withUserEvents = true): KeyCreation {
  const key = c.events.find((e) => e.eventName === 'CreateAccessKey')!;
  return keyCreationFromEvents({
    accessKeyId: c.accessKeyId,
    userName: c.userName,
    keyEvent: json(key),
    userEvents: withUserEvents ? c.events.filter((e) => e !== key).map(json) : null,
  });
}

const keyEventOf = (c: Case) => c.events.find((e) => e.eventName === 'CreateAccessKey')!;

/** A key event of `c` with some fields replaced. */
function keyEventWith(c: Case, change: (r: TrailRecord) => Record<string, unknown>): string {
  return json(change(structuredClone(keyEventOf(c))));
}

const known = (c: Case, kc: Partial<KeyCreation>): KeyCreation => {
  const key = keyEventOf(c);
  return {
    by: null,
    self: false,
    sameSessionAsUserCreation: null,
    via: null,
    eventTime: key.eventTime,
    eventId: key.eventID,
    unknownReason: null,
    ...kc,
  };
};

/** The note rendered as the job summary renders notes: text escaped, code as code spans. */
const markdown = (n: Note) =>
  n.parts.map((p) => ('text' in p ? escapeMarkdown(p.text) : codeSpan(p.code))).join('');

describe('keyCreationFromEvents: the six ways a key gets made', () => {
  it('an administrator’s console session that made the user and its password', () => {
    const c = consoleAdmin();
    expect(derive(c)).toEqual(
      known(c, { by: 'assumed-role/Admin/bob', via: 'console', sameSessionAsUserCreation: true }),
    );
    // the console signed the calls with two temporary key ids: one sign-in (sessionContext) all the same
    expect(new Set(c.events.map((e) => e.userIdentity.accessKeyId)).size).toBe(2);
  });

  it('Terraform (its user agent), one apply making the user, the login profile and the key', () => {
    const c = terraform();
    expect(derive(c)).toEqual(
      known(c, {
        by: 'assumed-role/terraform-deploy/GitHubActions',
        via: 'terraform',
        sameSessionAsUserCreation: true,
      }),
    );
  });

  it('CloudFormation (invokedBy, source and agent cloudformation.amazonaws.com)', () => {
    const c = cloudFormation();
    expect(derive(c)).toEqual(
      known(c, {
        by: 'assumed-role/cfn-exec/AWSCloudFormation',
        via: 'cloudformation',
        sameSessionAsUserCreation: true,
      }),
    );
  });

  it('the AWS CLI of an administrator; the password was set by a colleague: not one session', () => {
    const c = cli();
    expect(derive(c)).toEqual(
      known(c, { by: 'user/admin-frank', via: 'cli', sameSessionAsUserCreation: false }),
    );
  });

  it('the user themself (the call names no user): self, and no session question', () => {
    const c = selfMade();
    const kc = derive(c);
    expect(kc).toEqual(known(c, { by: 'user/ivan', self: true, via: 'sdk' }));
    expect(isSelfCreated(kc)).toBe(true);
  });

  it('an assumed role’s SDK session, for a user another session made: false', () => {
    const c = assumedRoleSdk();
    expect(derive(c)).toEqual(
      known(c, { by: 'assumed-role/Admin/bob', via: 'sdk', sameSessionAsUserCreation: false }),
    );
  });

  it('without the user’s events looked up, sameSessionAsUserCreation is null', () => {
    for (const c of [consoleAdmin(), terraform(), cli()]) {
      expect(derive(c, false).sameSessionAsUserCreation).toBeNull();
    }
  });

  it('eventTime is the event’s, to the second; eventId CloudTrail’s', () => {
    const c = terraform();
    const kc = derive(c);
    expect(kc.eventTime).toBe(iso(c.keyCreatedAt));
    expect(kc.eventId).toBe('5e2b1d63-2222-4b7f-8e1f-000000000002');
  });
});

describe('self', () => {
  const c = selfMade();
  const self = (change: (r: TrailRecord) => Record<string, unknown>, userName = c.userName) =>
    keyCreationFromEvents({ accessKeyId: c.accessKeyId, userName, keyEvent: keyEventWith(c, change) }).self;

  it('requestParameters null, or without userName: an IAM user making its own key', () => {
    expect(self((r) => ({ ...r, requestParameters: null }))).toBe(true);
    expect(self((r) => ({ ...r, requestParameters: {} }))).toBe(true);
  });

  it('an IAM user naming itself (IAM user names are unique regardless of case)', () => {
    expect(self((r) => ({ ...r, requestParameters: { userName: 'ivan' } }))).toBe(true);
    expect(
      self((r) => ({
        ...r,
        userIdentity: iamUser('IVAN', 'AKIAEXAMPLEIVAN00001'),
        requestParameters: { userName: 'ivan' },
      })),
    ).toBe(true);
  });

  it('not another user, nor a role session that happens to carry the user’s name', () => {
    expect(
      self((r) => ({
        ...r,
        userIdentity: iamUser('admin', 'AKIAEXAMPLEADMIN0001'),
        requestParameters: { userName: 'ivan' },
      })),
    ).toBe(false);
    expect(
      self((r) => ({
        ...r,
        userIdentity: assumedRole('AWSReservedSSO_Dev', 'ivan', 'ASIAEXAMPLESSO00001', NOW),
        requestParameters: { userName: 'ivan' },
      })),
    ).toBe(false);
  });
});

describe('by', () => {
  const c = cli();
  const by = (identity: Record<string, unknown>) =>
    keyCreationFromEvents({
      accessKeyId: c.accessKeyId,
      userName: c.userName,
      keyEvent: keyEventWith(c, (r) => ({ ...r, userIdentity: identity })),
    }).by;

  it.each([
    [{ type: 'Root', arn: 'arn:aws:iam::111122223333:root', accessKeyId: 'ASIAROOT' }, 'root'],
    [{ type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/ops/admin' }, 'user/ops/admin'],
    [{ type: 'FederatedUser', arn: 'arn:aws:sts::111122223333:federated-user/bob' }, 'federated-user/bob'],
    [{ type: 'AWSService', invokedBy: 'servicecatalog.amazonaws.com' }, 'servicecatalog.amazonaws.com'],
    [{ type: 'AWSAccount', accountId: '444455556666', principalId: 'AIDAEXAMPLE' }, 'account/444455556666'],
    [{ type: 'IdentityCenterUser', accountId: '111122223333' }, 'IdentityCenterUser'],
  ])('%j -> %s', (identity, want) => {
    expect(by(identity)).toBe(want);
  });

  it('an assumed role: its role and session name, from the ARN (no path, no account)', () => {
    expect(by(assumedRole('Admin', 'bob@example.com', 'ASIAEXAMPLE', NOW))).toBe(
      'assumed-role/Admin/bob@example.com',
    );
  });
});

describe('via', () => {
  const c = cli();
  const via = (fields: Record<string, unknown>, identity: Record<string, unknown> = {}) =>
    keyCreationFromEvents({
      accessKeyId: c.accessKeyId,
      userName: c.userName,
      keyEvent: keyEventWith(c, (r) => ({
        ...r,
        ...fields,
        userIdentity: { ...r.userIdentity, ...identity },
      })),
    }).via;

  it.each([
    [{ userAgent: 'AWS Internal' }, 'console'],
    [{ userAgent: 'signin.amazonaws.com' }, 'console'],
    [{ userAgent: 'console.amazonaws.com' }, 'console'],
    [
      { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36' },
      'console',
    ],
    [{ userAgent: 'python-requests/2.32', sessionCredentialFromConsole: 'true' }, 'console'],
    [{ userAgent: CLI_AGENT }, 'cli'],
    [{ userAgent: `${CLI_AGENT} exec-env/CloudShell`, sessionCredentialFromConsole: 'true' }, 'cli'],
    [{ userAgent: TERRAFORM_AGENT }, 'terraform'],
    [{ userAgent: 'OpenTofu/1.8.5 terraform-provider-aws/5.80.0 aws-sdk-go-v2/1.32.5' }, 'terraform'],
    [{ userAgent: 'cloudformation.amazonaws.com' }, 'cloudformation'],
    [{ sourceIPAddress: 'cloudformation.amazonaws.com', userAgent: 'x' }, 'cloudformation'],
    [{ userAgent: BOTO3_AGENT }, 'sdk'],
    [{ userAgent: 'Botocore/1.35.66 ua/2.0 os/linux' }, 'sdk'],
    [{ userAgent: JS_SDK_AGENT }, 'sdk'],
    [{ userAgent: 'aws-sdk-java/2.29.20 Linux/6.8 OpenJDK_64-Bit_Server_VM/21' }, 'sdk'],
    [{ userAgent: 'my-app/1.0 (aws-sdk-go-v2/1.32.5)' }, 'sdk'],
    [{ userAgent: 'python-requests/2.32' }, 'other'],
    [{ userAgent: '' }, 'other'],
    [{ userAgent: 42 }, 'other'],
  ])('%j -> %s', (fields, want) => {
    expect(via(fields)).toBe(want);
  });

  it('CloudFormation by invokedBy, whatever the agent says', () => {
    expect(via({ userAgent: CLI_AGENT }, { invokedBy: 'cloudformation.amazonaws.com' })).toBe(
      'cloudformation',
    );
  });

  it('console credentials by the sessionContext flag too', () => {
    expect(via({ userAgent: 'x' }, { sessionContext: { sessionCredentialFromConsole: 'true' } })).toBe(
      'console',
    );
  });
});

describe('sameSessionAsUserCreation', () => {
  const c = consoleAdmin();
  const [user, profile, key] = c.events as [TrailRecord, TrailRecord, TrailRecord];
  const same = (userEvents: unknown[]) =>
    keyCreationFromEvents({
      accessKeyId: c.accessKeyId,
      userName: c.userName,
      keyEvent: json(key),
      userEvents: userEvents.map((e) => (typeof e === 'string' ? e : json(e))),
    }).sameSessionAsUserCreation;
  const otherSignIn = (r: TrailRecord, minutes: number): TrailRecord => ({
    ...r,
    userIdentity: assumedRole(
      'Admin',
      'bob',
      'ASIAEXAMPLECONSOLE09',
      Date.parse(r.eventTime) - minutes * 60_000,
    ),
  });

  it('null when the user’s CreateUser, or its CreateLoginProfile, is not among them', () => {
    expect(same([])).toBeNull();
    expect(same([profile])).toBeNull();
    expect(same([user])).toBeNull();
  });

  it('false when another session made the user, or the only login profile', () => {
    expect(same([otherSignIn(user, 5), profile])).toBe(false);
    expect(same([user, otherSignIn(profile, 1)])).toBe(false);
  });

  it('the same role and session name signed in again is another session', () => {
    // same ARN, another sign-in time and key id
    expect(same([otherSignIn(user, 90), profile])).toBe(false);
  });

  it('true when one of several login profiles (a password reset later) was made in the session', () => {
    const reset = otherSignIn({ ...profile, eventTime: iso(Date.parse(profile.eventTime) + 600_000) }, 1);
    expect(same([user, reset, profile])).toBe(true);
  });

  it('ignores failed calls, other users’ events, unreadable events and events after the key', () => {
    const failed = {
      ...otherSignIn(user, 5),
      errorCode: 'EntityAlreadyExists',
      eventTime: iso(Date.parse(user.eventTime) + 1000),
    };
    const otherUser = createUser('carl', {
      identity: assumedRole('Admin', 'eve', 'ASIAEXAMPLEEVE000001', NOW),
      time: Date.parse(user.eventTime) + 2000,
      userAgent: 'AWS Internal',
      id: 'b0000000-0000-4000-8000-000000000001',
    });
    const later = { ...otherSignIn(user, 5), eventTime: iso(Date.parse(key.eventTime) + 3_600_000) };
    expect(
      same([
        user,
        profile,
        failed,
        otherUser,
        later,
        'not json',
        '[]',
        '{"eventSource":"iam.amazonaws.com"}',
      ]),
    ).toBe(true);
  });

  it('a user deleted and made again under the same name: the latest CreateUser before the key counts', () => {
    const earlier = otherSignIn({ ...user, eventTime: iso(Date.parse(user.eventTime) - 86_400_000) }, 5);
    expect(same([earlier, user, profile])).toBe(true);
    expect(
      same([user, { ...otherSignIn(user, 5), eventTime: iso(Date.parse(user.eventTime) + 1000) }, profile]),
    ).toBe(false);
  });

  it('a long-term key is one session: the same access key id and principal', () => {
    const o = (s: number, id: string) => ({
      identity: iamUser('admin-frank', 'AKIAIOSFODNN7FRANKAD'),
      time: NOW - 86_400_000 + s * 1000,
      userAgent: CLI_AGENT,
      id,
    });
    const events = [
      createUser('oscar', o(0, 'c0000000-0000-4000-8000-000000000001')),
      createLoginProfile('oscar', o(5, 'c0000000-0000-4000-8000-000000000002')),
    ];
    const keyEvent = createAccessKey(
      'oscar',
      'AKIAEXAMPLEOSCAR0001',
      o(10, 'c0000000-0000-4000-8000-000000000003'),
    );
    const kc = keyCreationFromEvents({
      accessKeyId: 'AKIAEXAMPLEOSCAR0001',
      userName: 'oscar',
      keyEvent: json(keyEvent),
      userEvents: events.map(json),
    });
    expect(kc.sameSessionAsUserCreation).toBe(true);
  });
});

describe('createsUserBy: where the user lookup may stop', () => {
  const c = consoleAdmin();
  const [user, profile, key] = c.events as [TrailRecord, TrailRecord, TrailRecord];

  it('a successful CreateUser of the user, at or before the key’s event', () => {
    expect(createsUserBy(json(user), 'carol', key.eventTime)).toBe(true);
    expect(createsUserBy(json(user), 'CAROL', key.eventTime)).toBe(true);
  });

  it('not another event, user or outcome, nor a CreateUser after the key, nor garbage', () => {
    expect(createsUserBy(json(profile), 'carol', key.eventTime)).toBe(false);
    expect(createsUserBy(json(user), 'carl', key.eventTime)).toBe(false);
    expect(createsUserBy(json({ ...user, errorCode: 'EntityAlreadyExists' }), 'carol', key.eventTime)).toBe(
      false,
    );
    expect(createsUserBy(json(user), 'carol', iso(Date.parse(user.eventTime) - 3_600_000))).toBe(false);
    expect(createsUserBy('{', 'carol', key.eventTime)).toBe(false);
    expect(createsUserBy(json(user), 'carol', 'yesterday')).toBe(false);
  });
});

describe('the lookup windows', () => {
  it('keyEventWindow: five minutes either side of the key, within CloudTrail’s 90 days', () => {
    const created = NOW - 10 * 86_400_000;
    expect(keyEventWindow(created, NOW)).toEqual({
      startTime: created - 300_000,
      endTime: created + 300_000,
    });
    // a key made a minute ago: the window ends now
    expect(keyEventWindow(NOW - 60_000, NOW)).toEqual({ startTime: NOW - 360_000, endTime: NOW });
    // near the 90 days: the window starts inside them
    const old = NOW - CLOUDTRAIL_HISTORY_MS + 120_000;
    expect(keyEventWindow(old, NOW)?.startTime).toBe(NOW - CLOUDTRAIL_HISTORY_MS + 60_000);
  });

  it('keyEventWindow: null when CloudTrail no longer holds the event, or the time is not one', () => {
    expect(keyEventWindow(NOW - CLOUDTRAIL_HISTORY_MS, NOW)).toBeNull();
    expect(keyEventWindow(NOW - 91 * 86_400_000, NOW)).toBeNull();
    expect(keyEventWindow(NOW + 3_600_000, NOW)).toBeNull();
    expect(keyEventWindow(Number.NaN, NOW)).toBeNull();
  });

  const window = (c: Case, userCreatedAt: number | null = c.userCreatedAt, keyEvent = json(keyEventOf(c))) =>
    userEventsWindow(keyEvent, { accessKeyId: c.accessKeyId, userName: c.userName, userCreatedAt, now: NOW });

  it('userEventsWindow: from before the user’s creation to half an hour after the key', () => {
    const c = consoleAdmin();
    const keyTime = Date.parse(keyEventOf(c).eventTime);
    expect(window(c)).toEqual({ startTime: c.userCreatedAt - 300_000, endTime: keyTime + 1_800_000 });
  });

  it('userEventsWindow without the user’s creation time: from the session’s start (or 12 hours back)', () => {
    const c = consoleAdmin();
    const keyTime = Date.parse(keyEventOf(c).eventTime);
    const signIn = Date.parse(
      (keyEventOf(c).userIdentity.sessionContext as { attributes: { creationDate: string } }).attributes
        .creationDate,
    );
    expect(window(c, null)).toEqual({ startTime: signIn - 300_000, endTime: keyTime + 1_800_000 });
    const t = cli();
    const cliKeyTime = Date.parse(keyEventOf(t).eventTime);
    expect(window(t, null)).toEqual({
      startTime: cliKeyTime - 12 * 3_600_000 - 300_000,
      endTime: cliKeyTime + 1_800_000,
    });
  });

  it('userEventsWindow: null when the key’s session cannot have made the user, or it cannot be told', () => {
    // the user's own key
    expect(window(selfMade())).toBeNull();
    // bob's session started after the user existed
    expect(window(assumedRoleSdk(+7))).toBeNull();
    // no access key id and not a console sign-in: nothing to compare sessions by
    const c = cli();
    expect(
      window(
        c,
        c.userCreatedAt,
        keyEventWith(c, (r) => ({ ...r, userIdentity: { ...r.userIdentity, accessKeyId: '' } })),
      ),
    ).toBeNull();
    // a user older than CloudTrail's 90 days
    expect(window(c, NOW - 100 * 86_400_000)).toBeNull();
    // not this key's event
    expect(
      userEventsWindow(json(keyEventOf(c)), {
        accessKeyId: 'AKIAOTHER',
        userName: c.userName,
        userCreatedAt: null,
        now: NOW,
      }),
    ).toBeNull();
  });

  it('userEventsWindow: a later bob session makes no lookup, so sameSessionAsUserCreation stays null', () => {
    const c = assumedRoleSdk(+7);
    expect(window(c)).toBeNull();
    expect(derive(c, false).sameSessionAsUserCreation).toBeNull();
  });
});

describe('malformed and hostile events', () => {
  const c = cli();
  const read = (keyEvent: string, userName = c.userName) =>
    keyCreationFromEvents({ accessKeyId: c.accessKeyId, userName, keyEvent });

  it.each([
    ['not JSON', '{"eventName": "CreateAccessKey",'],
    ['an array', '[]'],
    ['null', 'null'],
    ['no userIdentity', keyEventWith(c, (r) => ({ ...r, userIdentity: undefined }))],
    ['userIdentity a string', keyEventWith(c, (r) => ({ ...r, userIdentity: 'root' }))],
    ['no identity type', keyEventWith(c, (r) => ({ ...r, userIdentity: { arn: 'arn:aws:iam::1:user/x' } }))],
    ['another service', keyEventWith(c, (r) => ({ ...r, eventSource: 'sts.amazonaws.com' }))],
    ['a bad time', keyEventWith(c, (r) => ({ ...r, eventTime: '2026-02-30T00:00:00Z' }))],
    ['a time that is a number', keyEventWith(c, (r) => ({ ...r, eventTime: 1 }))],
    ['an event id with markup', keyEventWith(c, (r) => ({ ...r, eventID: '<img src=x>' }))],
    ['an event id of 10,000 characters', keyEventWith(c, (r) => ({ ...r, eventID: 'a'.repeat(10_000) }))],
    ['a 1 MB user agent', keyEventWith(c, (r) => ({ ...r, userAgent: 'Terraform '.repeat(100_000) }))],
  ])('%s: unreadable event', (_name, keyEvent) => {
    expect(read(keyEvent)).toEqual(unknownKeyCreation(UNKNOWN_REASONS.unreadable));
  });

  it('an event of another key, another user, or a failed call is not this key’s creation', () => {
    const notFound = unknownKeyCreation(UNKNOWN_REASONS.notFound);
    const other = keyEventWith(c, (r) => ({
      ...r,
      responseElements: { accessKey: { accessKeyId: 'AKIAOTHERKEY00000001', userName: 'grace' } },
    }));
    expect(read(other)).toEqual(notFound);
    expect(read(json(keyEventOf(c)), 'someone-else')).toEqual(notFound);
    expect(read(keyEventWith(c, (r) => ({ ...r, errorCode: 'LimitExceeded' })))).toEqual(notFound);
    expect(read(keyEventWith(c, (r) => ({ ...r, eventName: 'UpdateAccessKey' })))).toEqual(notFound);
  });

  it('a response without the key (CloudTrail left it out): found by the key id, so it counts', () => {
    const kc = read(keyEventWith(c, (r) => ({ ...r, responseElements: null })));
    expect(kc.by).toBe('user/admin-frank');
    expect(kc.unknownReason).toBeNull();
  });

  it('a long user agent: only its start is classified, quickly', () => {
    const agent = `${'x'.repeat(2000)} Terraform/1.9.8`;
    const started = performance.now();
    expect(read(keyEventWith(c, (r) => ({ ...r, userAgent: agent }))).via).toBe('other');
    expect(
      read(keyEventWith(c, (r) => ({ ...r, userAgent: `${CLI_AGENT}${'y'.repeat(200_000)}` }))).via,
    ).toBe('cli');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a role session name with newlines, `-->`, backticks and @mentions stays data: one line, capped', () => {
    const session = 'bob\n@octocat --> `rm -rf` <!-- #1 [x](https://evil.example)\u2028next';
    const hostile = keyEventWith(c, (r) => ({
      ...r,
      userIdentity: assumedRole('Admin', session, 'ASIAEXAMPLEHOSTILE01', NOW - 86_400_000),
      userAgent: '@octocat\n--> Terraform',
    }));
    const kc = read(hostile);
    expect(kc.by).toBe('assumed-role/Admin/bob @octocat --> `rm -rf` <!-- #1 [x](https://evil.example) next');
    // the user agent only picked the label
    expect(kc.via).toBe('terraform');
    const line = markdown(describeKeyCreation(kc));
    expect(line).not.toContain('\n');
    // what is left outside code spans mentions, links and comments nothing
    expect(withoutCodeSpans(line)).not.toMatch(/@octocat|-->|<!--|https?:/);
    expect(codeSpans(line)).toEqual([kc.by]);
  });

  it('an actor of any length is cut to 200 characters', () => {
    const kc = read(
      keyEventWith(c, (r) => ({
        ...r,
        userIdentity: assumedRole('Admin', 's'.repeat(50_000), 'ASIAX', NOW),
      })),
    );
    expect(kc.by).toHaveLength(200);
    expect(kc.by?.endsWith('…')).toBe(true);
  });

  it('__proto__ and constructor keys are plain data', () => {
    const keyEvent = json(keyEventOf(c)).replace(
      '"userIdentity":{',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"userIdentity":{"__proto__":{"type":"Root"},',
    );
    expect(read(keyEvent).by).toBe('user/admin-frank');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('describeKeyCreation and isSelfCreated', () => {
  it.each([
    [consoleAdmin, 'made by `assumed-role/Admin/bob` in the console, in the same session as the user', false],
    [
      terraform,
      'made by `assumed-role/terraform-deploy/GitHubActions` with Terraform, in the same session as the user',
      false,
    ],
    [
      cloudFormation,
      'made by `assumed-role/cfn-exec/AWSCloudFormation` through CloudFormation, in the same session as the user',
      false,
    ],
    [cli, 'made by `user/admin-frank` with the AWS CLI, not in the session that made the user', false],
    [selfMade, 'made by the user themself (`user/ivan`) with an AWS SDK', true],
    [
      assumedRoleSdk,
      'made by `assumed-role/Admin/bob` with an AWS SDK, not in the session that made the user',
      false,
    ],
  ])('%p', (make, line, self) => {
    const kc = derive(make());
    expect(noteText(describeKeyCreation(kc))).toBe(line);
    expect(isSelfCreated(kc)).toBe(self);
  });

  it('the actor is the only code part; the rest is fixed text', () => {
    const parts = describeKeyCreation(derive(consoleAdmin())).parts;
    expect(parts).toEqual([
      { text: 'made by ' },
      { code: 'assumed-role/Admin/bob' },
      { text: ' in the console, in the same session as the user' },
    ]);
  });

  it('unknown: the reason, and never self', () => {
    for (const reason of Object.values(UNKNOWN_REASONS)) {
      const kc = unknownKeyCreation(reason);
      expect(noteText(describeKeyCreation(kc))).toBe(`who made the key is unknown: ${reason}`);
      expect(isSelfCreated(kc)).toBe(false);
    }
  });

  it('no via and no session: just who', () => {
    const kc: KeyCreation = { ...derive(cli(), false), via: 'other' };
    expect(noteText(describeKeyCreation(kc))).toBe('made by `user/admin-frank`');
  });
});
