/**
 * The errors in one place (src/errors.ts, src/aws/errors.ts): every error class extends AuditError and
 * carries `code`, `step` and `hint` as fields (the hint never inside the message); one classifier of AWS
 * errors that every module asks, so a family of AWS error names is written down once.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { AuditError, errorMessage, oneLineMessage } from '../../src/errors.js';
import {
  AccountMismatchError,
  ReportFormatError,
  ReportNeverPresentError,
  ReportTimeoutError,
  ReportTooLargeError,
  StepError,
  classifyAwsError,
  isAccessDenied,
  isExpiredToken,
  isNoSuchEntity,
  networkErrorCode,
} from '../../src/aws/errors.js';
import { InputError } from '../../src/model.js';
import { SignInError } from '../../src/credentials/sign-in-error.js';
import { OidcUnavailableError } from '../../src/credentials/oidc.js';
import { AccountListError } from '../../src/collect/accounts.js';
import { ReportError } from '../../src/collect/parse.js';
import { FileRefused } from '../../src/collect/report-file.js';
import { ReportWriteError } from '../../src/publish/files.js';
import { Denied } from '../../src/remediate/deactivate.js';
import { publishToSecurityHub } from '../../src/publish/security-hub.js';
import { noteText } from '../../src/notes.js';
import { ROOT } from '../helpers/run-dist.js';
import { makeAccount, makeResult } from '../helpers/results.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Shaped like the SDK's service exceptions. */
function sdkError(name: string, status: number, message = `${name} happened`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: 3 } });
}

/** One instance of every error class of src/, as the code throws them. */
const INSTANCES: AuditError[] = [
  new InputError('unused-days', 'Input "unused-days" is "-1": expected a whole number from 0 to 36500.'),
  new SignInError('Could not sign in to AWS: ExpiredToken: expired', {
    code: 'ExpiredToken',
    step: 'GetCallerIdentity',
    hint: 'Refresh the credentials.',
  }),
  new OidcUnavailableError(['ACTIONS_ID_TOKEN_REQUEST_URL']),
  new ReportTimeoutError(300_000),
  new ReportNeverPresentError('ReportNotPresent', 3, 30_000),
  new ReportTooLargeError('the report is 300 MB'),
  new ReportFormatError('text/html'),
  new AccountMismatchError('111122223333', '444455556666'),
  new StepError('ListAccessKeys', sdkError('AccessDenied', 403)),
  new AccountListError('Could not list the organization accounts', {
    code: 'AccessDeniedException',
    step: 'ListAccounts',
    hint: 'Run it in the management account.',
  }),
  new ReportError('report.csv', 3, 'missing required column "arn"'),
  new FileRefused('report.csv: is a named pipe (FIFO), not a regular file', 'Check the path.'),
  new ReportWriteError('sarif-file', 'out.sarif', Object.assign(new Error('denied'), { code: 'EACCES' })),
  new Denied('UpdateAccessKey', 'arn:aws:iam::1:role/R is denied iam:UpdateAccessKey'),
];

describe('error classes', () => {
  it('every error class of src/ extends AuditError (directly or through another), and only AuditError extends Error', () => {
    const declared = sources(SRC).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bclass (\w+) extends (\w+)/g)].map((m) => ({
        file: relative(ROOT, path),
        name: m[1]!,
        base: m[2]!,
      })),
    );
    expect(declared.filter((c) => c.base === 'Error')).toEqual([
      { file: 'src/errors.ts', name: 'AuditError', base: 'Error' },
    ]);
    const errors = new Set(['AuditError']);
    for (let grew = true; grew;) {
      grew = false;
      for (const c of declared)
        if (errors.has(c.base) && !errors.has(c.name)) grew = errors.add(c.name) !== null;
    }
    // every class that extends anything is an error class, and each one is instantiated below
    expect(declared.filter((c) => !errors.has(c.name))).toEqual([]);
    expect(INSTANCES.map((e) => e.name).sort()).toEqual([...errors].filter((n) => n !== 'AuditError').sort());
  });

  it.each(INSTANCES.map((e) => [e.name, e] as const))(
    '%s keeps its name and carries code, step and hint as fields',
    (name, e) => {
      expect(e).toBeInstanceOf(AuditError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['code', 'step', 'hint']));
      expect(typeof e.code).toBe('string');
      expect(e.code.length).toBeGreaterThan(0);
      expect(e.step === null || typeof e.step === 'string').toBe(true);
      if (e.hint !== null) {
        // the hint is a field: never inside the message, shown on its own line after it
        expect(e.message).not.toContain(e.hint);
        expect(errorMessage(e)).toBe(`${e.message}\n${e.hint}`);
      } else {
        expect(errorMessage(e)).toBe(e.message);
      }
    },
  );

  it('fills the fields the callers branch on', () => {
    expect(new InputError('x', 'm')).toMatchObject({
      code: 'InputError',
      step: null,
      hint: null,
      input: 'x',
    });
    expect(new StepError('ListAccessKeys', sdkError('AccessDenied', 403))).toMatchObject({
      code: 'AccessDenied',
      step: 'ListAccessKeys',
    });
    expect(new ReportTimeoutError(1000)).toMatchObject({
      code: 'ReportTimeoutError',
      step: 'GenerateCredentialReport',
    });
    expect(new ReportWriteError('json-file', 'x.json', new Error('?'))).toMatchObject({
      code: 'ReportWriteError',
    });
    const cause = new Error('root');
    expect(new SignInError('m', { cause }).cause).toBe(cause);
  });

  it('one helper puts any message on one line', () => {
    expect(oneLineMessage(new Error('a\n  b\tc '))).toBe('a b c');
    expect(oneLineMessage('plain  text')).toBe('plain text');
    expect(oneLineMessage(new FileRefused('x', 'do y'))).toBe('x do y');
  });
});

describe('the AWS error classifier', () => {
  it.each([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'AuthorizationError',
  ])('%s is a denial', (name) => {
    expect(classifyAwsError(sdkError(name, 400)).kind).toBe('access-denied');
    expect(isAccessDenied(new StepError('GetCredentialReport', sdkError(name, 400)))).toBe(true);
  });

  it('any other 403 is a denial too, unless it is about expired or bad credentials', () => {
    expect(isAccessDenied(sdkError('Forbidden', 403))).toBe(true);
    expect(isAccessDenied(sdkError('ExpiredToken', 403))).toBe(false);
    expect(isAccessDenied(sdkError('InvalidClientTokenId', 403))).toBe(false);
  });

  it.each(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired'])(
    '%s is an expired token (for sign-in, role chaining and the account errors alike)',
    (name) => {
      expect(classifyAwsError(sdkError(name, 400)).kind).toBe('expired-token');
      expect(isExpiredToken(sdkError(name, 403))).toBe(true);
    },
  );

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ECONNABORTED',
    'EPROTO',
    'UND_ERR_SOCKET',
  ])('%s is a network error, on the error, on its cause or in its message', (code) => {
    expect(networkErrorCode(Object.assign(new Error('x'), { code }))).toBe(code);
    expect(networkErrorCode(Object.assign(new Error('fetch failed'), { cause: { code } }))).toBe(code);
    expect(classifyAwsError(Object.assign(new Error('x'), { code })).kind).toBe('network');
    if (code.startsWith('E')) expect(networkErrorCode(new Error(`connect ${code} 127.0.0.1:443`))).toBe(code);
  });

  it('tells the other kinds apart', () => {
    expect(classifyAwsError(sdkError('ThrottlingException', 400)).kind).toBe('throttled');
    expect(classifyAwsError(sdkError('Whatever', 429)).kind).toBe('throttled');
    expect(classifyAwsError(sdkError('InvalidClientTokenId', 403)).kind).toBe('bad-credentials');
    expect(classifyAwsError(sdkError('InvalidIdentityTokenException', 400)).kind).toBe(
      'invalid-identity-token',
    );
    expect(isNoSuchEntity(new StepError('ListAccessKeys', sdkError('NoSuchEntity', 404)))).toBe(true);
    expect(classifyAwsError(sdkError('TimeoutError', 0)).kind).toBe('timeout');
    expect(classifyAwsError(sdkError('InternalFailure', 500)).kind).toBe('server-error');
    expect(classifyAwsError(sdkError('ValidationError', 400)).kind).toBe('other');
    expect(classifyAwsError('a string').kind).toBe('other');
    // an AuditError's code is its kind in a word, not a network code
    expect(networkErrorCode(new ReportTimeoutError(1))).toBeNull();
  });

  it('is the only place that names the AWS error families: no other module spells them', () => {
    const names = [
      'AccessDenied',
      'AccessDeniedException',
      'UnauthorizedOperation',
      'ExpiredToken',
      'ExpiredTokenException',
      'RequestExpired',
      'TokenRefreshRequired',
      'InvalidIdentityToken',
      'NoSuchEntity',
      'ThrottlingException',
      'ECONNREFUSED',
      'ENOTFOUND',
      'ECONNRESET',
      'ETIMEDOUT',
    ];
    const spelled = sources(SRC)
      .filter((path) => relative(SRC, path) !== join('aws', 'errors.ts'))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        return names.filter((n) => text.includes(`'${n}'`)).map((n) => `${relative(ROOT, path)}: '${n}'`);
      });
    expect(spelled).toEqual([]);
  });

  it('Security Hub takes a denial of any kind for one (it used to know only three names)', async () => {
    const client = new SecurityHubClient({ region: 'us-east-1' });
    client.send = (async () => {
      throw sdkError('UnauthorizedAccess', 401);
    }) as unknown as SecurityHubClient['send'];
    const warnings: string[] = [];
    const outcome = await publishToSecurityHub({
      result: makeResult({ accounts: [makeAccount()] }),
      credentialsFor: () => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      region: 'us-east-1',
      partition: 'aws',
      concurrency: 1,
      toolVersion: '1.0.0',
      log: { info: () => undefined, warning: (m) => warnings.push(m) },
      client: () => client,
    });
    expect(outcome.warnings.map(noteText)).toEqual([
      expect.stringContaining(
        'may not call securityhub:GetFindings (UnauthorizedAccess: UnauthorizedAccess happened)',
      ),
    ]);
    expect(warnings).toHaveLength(1);
  });
});
