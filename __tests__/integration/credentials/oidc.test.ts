import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import {
  decodeClaims,
  fetchIdToken,
  formatClaims,
  OidcUnavailableError,
} from '../../../src/credentials/oidc.js';
import { startOidcServer, type OidcServer } from '../../helpers/oidc-server.js';

const ENV_NAMES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const;

/** Runs `fn` with process.stdout captured (where @actions/core writes its workflow commands). */
async function captureStdout<T>(
  fn: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; output: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    return { value: await fn(), output: chunks.join('') };
  } catch (error) {
    return { error, output: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('GitHub OIDC token', () => {
  let server: OidcServer;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    server = await startOidcServer({ claims: { environment: 'production' } });
    for (const name of ENV_NAMES) saved[name] = process.env[name];
  });
  afterEach(() => {
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  afterAll(async () => {
    await server.stop();
  });

  it('fetches a token with the real core.getIDToken and decodes its claims', async () => {
    Object.assign(process.env, server.env);
    process.env.RUNNER_DEBUG = '1';
    const before = server.requests;
    const {
      value: token,
      error,
      output,
    } = await captureStdout(() => fetchIdToken('sts.amazonaws.com', core.getIDToken));
    delete process.env.RUNNER_DEBUG;
    expect(error).toBeUndefined();
    expect(typeof token).toBe('string');
    expect(server.requests - before).toBe(1);
    expect(server.audiences.at(-1)).toBe('sts.amazonaws.com');
    expect(token).toBe(server.issued.at(-1));

    // the token reaches stdout only inside the runner's add-mask command, which the runner never prints
    const lines = output.split(/\r?\n/);
    const withToken = lines.filter((line) => line.includes(token!));
    expect(withToken).toEqual([`::add-mask::${token}`]);
    expect(output).not.toContain(server.requestToken);

    const claims = decodeClaims(token!);
    expect(claims).toEqual({
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
      repository: 'octo-org/octo-repo',
      repository_id: '123456789',
      repository_owner_id: '987654',
      ref: 'refs/heads/main',
      environment: 'production',
    });
    const shown = formatClaims(claims);
    expect(shown).toContain('sub: repo:octo-org/octo-repo:ref:refs/heads/main');
    expect(shown).toContain('aud: sts.amazonaws.com');
    expect(shown).not.toContain(token!.split('.')[1]!);
  });

  it('reports a rejected request without leaking the request token', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = server.requestUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-the-right-one';
    const rejectedBefore = server.rejected;
    const { error, output } = await captureStdout(() => fetchIdToken('sts.amazonaws.com', core.getIDToken));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /could not get a GitHub OIDC token for audience "sts\.amazonaws\.com"/,
    );
    expect((error as Error).message).toContain('401');
    expect(server.rejected - rejectedBefore).toBe(1);
    expect(output).not.toContain(server.requestToken);
  });

  it.each([
    [[], 'are not set'],
    [['ACTIONS_ID_TOKEN_REQUEST_URL'], 'ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set'],
    [['ACTIONS_ID_TOKEN_REQUEST_TOKEN'], 'ACTIONS_ID_TOKEN_REQUEST_URL is not set'],
  ] as const)('without the request env (set: %j) says to add id-token: write', async (present, text) => {
    for (const name of ENV_NAMES) delete process.env[name];
    for (const name of present) process.env[name] = server.env[name];
    const getIDToken = jest.fn(core.getIDToken);
    const before = server.requests;
    const err = await fetchIdToken('sts.amazonaws.com', getIDToken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OidcUnavailableError);
    expect((err as Error).message).toContain('permissions: id-token: write');
    expect((err as Error).message).toContain(text);
    expect(getIDToken).not.toHaveBeenCalled();
    expect(server.requests).toBe(before);
  });
});

describe('decodeClaims', () => {
  const jwt = (payload: unknown): string =>
    `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

  it('joins several audiences and stringifies numeric ids', () => {
    const claims = decodeClaims(
      jwt({ sub: 'repo:o/r:environment:prod', aud: ['a', 'b'], repository_id: 42 }),
    );
    expect(claims.aud).toBe('a,b');
    expect(claims.repository_id).toBe('42');
    expect(claims.environment).toBeNull();
    expect(formatClaims(claims)).toBe('sub: repo:o/r:environment:prod\naud: a,b\nrepository_id: 42');
  });

  it('decodes the immutable sub form', () => {
    const sub = 'repo:octo-org@987654/octo-repo@123456789:ref:refs/heads/main';
    expect(decodeClaims(jwt({ sub })).sub).toBe(sub);
  });

  it.each(['', 'not-a-jwt', 'a.%%%.c', `x.${Buffer.from('"str"').toString('base64url')}.y`])(
    'yields null claims for %j',
    (token) => {
      expect(Object.values(decodeClaims(token)).every((v) => v === null)).toBe(true);
    },
  );
});
