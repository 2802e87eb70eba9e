/**
 * A local stand-in for the GitHub Actions ID-token endpoint (what `core.getIDToken` calls):
 * `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=AUD` with `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`
 * answers `{"count": 1, "value": "<jwt>"}`. The JWT is HS256-signed with a throwaway local key and carries the
 * claims GitHub puts in real tokens. Wrong or missing bearer: 401. Listens on 127.0.0.1, port 0.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcServerOptions {
  /** Claims merged over the defaults (`repo:octo-org/octo-repo:ref:refs/heads/main`, …). */
  claims?: Record<string, unknown>;
  /** Lifetime of issued tokens in seconds (GitHub: about 5 minutes). */
  lifetimeSeconds?: number;
}

export interface OidcServer {
  /** What to put in ACTIONS_ID_TOKEN_REQUEST_URL (already has a `?api-version=` query, like the runner's). */
  requestUrl: string;
  /** What to put in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** Both variables, ready to assign to process.env. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** Every request received (including rejected ones). */
  readonly requests: number;
  /** Tokens issued, in order. */
  readonly issued: string[];
  /** Audience of each accepted request, in order (null when none was asked for). */
  readonly audiences: (string | null)[];
  /** Requests answered 401. */
  readonly rejected: number;
  stop(): Promise<void>;
}

const DEFAULT_CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
  repository: 'octo-org/octo-repo',
  repository_id: '123456789',
  repository_owner: 'octo-org',
  repository_owner_id: '987654',
  repository_visibility: 'private',
  ref: 'refs/heads/main',
  ref_type: 'branch',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: 'iam-audit',
  event_name: 'schedule',
  run_id: '4242424242',
  run_number: '7',
  run_attempt: '1',
  actor: 'octocat',
  actor_id: '583231',
  runner_environment: 'github-hosted',
} as const;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function sign(payload: Record<string, unknown>, key: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'local-test-key' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcServer> {
  const requestToken = `ghs_local_${randomBytes(16).toString('hex')}`;
  const key = randomBytes(32);
  const lifetime = options.lifetimeSeconds ?? 300;
  const issued: string[] = [];
  const audiences: (string | null)[] = [];
  let requests = 0;
  let rejected = 0;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/idtoken') {
      send(404, { message: 'Not Found' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      rejected++;
      send(401, { message: 'Bad credentials' });
      return;
    }
    const audience = url.searchParams.get('audience');
    const now = Math.floor(Date.now() / 1000);
    const token = sign(
      {
        jti: `${randomBytes(8).toString('hex')}-${issued.length + 1}`,
        ...DEFAULT_CLAIMS,
        ...options.claims,
        aud: audience ?? 'https://github.com/octo-org',
        nbf: now - 5,
        iat: now,
        exp: now + lifetime,
      },
      key,
    );
    issued.push(token);
    audiences.push(audience);
    send(200, { count: 1, value: token });
  };

  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const requestUrl = `http://127.0.0.1:${port}/idtoken?api-version=2.0`;

  return {
    requestUrl,
    requestToken,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    get requests() {
      return requests;
    },
    get rejected() {
      return rejected;
    },
    issued,
    audiences,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
