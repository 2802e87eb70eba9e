/**
 * GitHub Actions OIDC: fetching the ID token and showing what it claims (never the token itself).
 */
import { AuditError, oneLineMessage } from '../errors.js';

export type GetIDToken = (audience: string) => Promise<string>;

/** The claims a role's trust policy conditions on; `null` when the token lacks one. */
export interface OidcClaims {
  sub: string | null;
  /** Joined with `,` when the token carries several audiences. */
  aud: string | null;
  repository: string | null;
  repository_id: string | null;
  repository_owner_id: string | null;
  ref: string | null;
  environment: string | null;
}

const CLAIM_NAMES = [
  'sub',
  'aud',
  'repository',
  'repository_id',
  'repository_owner_id',
  'ref',
  'environment',
] as const satisfies readonly (keyof OidcClaims)[];

const ID_TOKEN_PERMISSION_HINT =
  'add `permissions: id-token: write` to the workflow or job (a job-level `permissions` block replaces the ' +
  "workflow's, so it must list `id-token: write` itself; pull requests from forks never get an ID token)";

/**
 * The error raised when the runner did not provide the ID-token request environment. What to do is part
 * of its one sentence (the missing variables mean the missing permission), so it has no separate hint.
 */
export class OidcUnavailableError extends AuditError {
  constructor(readonly missing: string[]) {
    super(
      'OidcUnavailableError',
      `role-to-assume needs a GitHub OIDC token, but ${missing.join(' and ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not set: ${ID_TOKEN_PERMISSION_HINT}.`,
      { step: 'getIDToken' },
    );
  }
}

/** Throws `OidcUnavailableError` unless the Actions ID-token request variables are set. */
function assertOidcAvailable(env: NodeJS.ProcessEnv = process.env): void {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) throw new OidcUnavailableError(missing);
}

/**
 * Gets an ID token for `audience` through the injected `getIDToken` (the action passes
 * `core.getIDToken`, which also masks the token). Errors never include the token.
 */
export async function fetchIdToken(
  audience: string,
  getIDToken: GetIDToken,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  assertOidcAvailable(env);
  let token: string;
  try {
    token = await getIDToken(audience);
  } catch (err) {
    throw new Error(`could not get a GitHub OIDC token for audience "${audience}": ${oneLineMessage(err)}`, {
      cause: err,
    });
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw new Error(`could not get a GitHub OIDC token for audience "${audience}": the response was empty`);
  }
  return token;
}

function claimString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    return parts.length > 0 ? parts.join(',') : null;
  }
  return null;
}

/**
 * Decodes the payload of a JWT without verifying it, keeping only the claims worth showing.
 * A token that does not decode yields all-null claims rather than an error (it is only for messages).
 */
export function decodeClaims(token: string): OidcClaims {
  const empty: OidcClaims = {
    sub: null,
    aud: null,
    repository: null,
    repository_id: null,
    repository_owner_id: null,
    ref: null,
    environment: null,
  };
  const payload = token.split('.')[1];
  if (!payload) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return empty;
  }
  if (typeof parsed !== 'object' || parsed === null) return empty;
  const record = parsed as Record<string, unknown>;
  const claims = { ...empty };
  for (const name of CLAIM_NAMES) claims[name] = claimString(record[name]);
  return claims;
}

/** One line per present claim, e.g. `sub: repo:octo/app:ref:refs/heads/main`. */
export function formatClaims(claims: OidcClaims): string {
  return CLAIM_NAMES.filter((name) => claims[name] !== null)
    .map((name) => `${name}: ${claims[name]}`)
    .join('\n');
}
