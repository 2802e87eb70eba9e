/**
 * Signing in (docs/design.md §6): GitHub OIDC -> AssumeRoleWithWebIdentity(role-to-assume), or the SDK's default
 * credential chain; then, per audited account, AssumeRole(arn:PARTITION:iam::ACCOUNT:role/account-role-name)
 * with those credentials. Every temporary credential is masked with `setSecret` the moment it arrives, and
 * every provider refreshes itself (a new OIDC token, a new role session) shortly before it expires.
 */
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Config, Partition } from '../model.js';
import { awsErrorName, classifyAwsError, isExpiredToken, networkErrorCode } from '../aws/errors.js';
import { errorMessage, oneLineMessage } from '../errors.js';
import type { Clock } from '../clock.js';
import type { Log } from '../log.js';
import { awsClientConfig, type AwsClientDeps } from './aws-config.js';
import { SignInError } from './sign-in-error.js';
import { decodeClaims, fetchIdToken, formatClaims, type GetIDToken, type OidcClaims } from './oidc.js';

/** Refresh a session this long before it expires (the SDK's own margin is the same 5 minutes). */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** AWS caps role-chained sessions at one hour, whatever the role's maximum session duration. */
export const CHAINED_SESSION_MAX_SECONDS = 3600;
const GITHUB_OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com';

export interface SessionDeps extends Pick<Clock, 'now'> {
  /** `core.getIDToken` in the action. */
  getIDToken: GetIDToken;
  /** `core.setSecret` in the action. */
  setSecret(secret: string): void;
  log: Log;
  /** Defaults to process.env; only the ID-token request variables are read from it. */
  env?: NodeJS.ProcessEnv;
  /** Settings of the STS clients (the SDK's retry backoff); default the SDK's own. */
  aws?: AwsClientDeps;
}

export interface AuditSession {
  callerAccountId: string;
  callerArn: string;
  /** The signed-in identity: the OIDC role session, or the ambient credentials. */
  baseCredentials: AwsCredentialIdentityProvider;
  /** Credentials acting in `accountId` (chained AssumeRole, or the base credentials for the signed-in account). */
  credentialsFor(accountId: string): AwsCredentialIdentityProvider;
  /** The role assumed into `accountId`, or null when the base credentials are used there. */
  roleArnFor(accountId: string): string | null;
  /**
   * Credentials of `roleName` in `accountId`, assumed with the base (audit) credentials, in the signed-in
   * account too: the remediation role (docs/design.md §8). Lazy: nothing is assumed until first used.
   */
  assumeRoleIn(
    accountId: string,
    roleName: string,
  ): { roleArn: string; credentials: AwsCredentialIdentityProvider };
}

/** How long to keep serving still-valid credentials after a failed refresh before trying again. */
export const REFRESH_RETRY_MS = 30 * 1000;

export interface Expiring {
  identity: AwsCredentialIdentity;
  expiresAt: number;
}

/**
 * A provider that caches credentials until `REFRESH_MARGIN_MS` before their expiry (by the injected
 * clock), shares one fetch among concurrent callers, and keeps serving the old credentials (with a
 * warning, retrying at most every `REFRESH_RETRY_MS`) if a refresh fails while they are still valid.
 */
/** A provider that can also be told its credentials are no longer good (AWS answered ExpiredToken). */
export type RefreshingProvider = AwsCredentialIdentityProvider & {
  /** Drops the cached credentials: the next call fetches new ones. */
  invalidate(): void;
};

export function refreshingProvider(
  fetch: () => Promise<Expiring>,
  deps: Pick<Clock, 'now'> & { log: Log },
  describe: string,
): RefreshingProvider {
  let current: Expiring | null = null;
  let inFlight: Promise<AwsCredentialIdentity> | null = null;
  let retryAt = 0;
  const invalidate = (): void => {
    current = null;
    retryAt = 0;
  };
  const provider = async (): Promise<AwsCredentialIdentity> => {
    const now = deps.now().getTime();
    if (current && now < current.expiresAt - REFRESH_MARGIN_MS) return current.identity;
    if (current && now < retryAt && now < current.expiresAt) return current.identity;
    if (inFlight) return inFlight;
    const previous = current;
    inFlight = (async () => {
      try {
        current = await fetch();
        retryAt = 0;
        return current.identity;
      } catch (err) {
        if (previous && deps.now().getTime() < previous.expiresAt) {
          retryAt = deps.now().getTime() + REFRESH_RETRY_MS;
          const reason = err instanceof Error ? `${err.name}: ${errorMessage(err)}` : String(err);
          deps.log.warning(
            `Could not refresh ${describe} (${reason}); using the current session until it expires.`,
          );
          return previous.identity;
        }
        throw err;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };
  return Object.assign(provider, { invalidate });
}

function toExpiring(
  credentials: Credentials | undefined,
  durationSeconds: number,
  deps: Pick<Clock, 'now'> & Pick<SessionDeps, 'setSecret'>,
  accountId: string | undefined,
): Expiring {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
    throw new Error('STS returned no credentials');
  }
  // Mask first, before anything could print them.
  deps.setSecret(AccessKeyId);
  deps.setSecret(SecretAccessKey);
  deps.setSecret(SessionToken);
  const expiration = Expiration ?? new Date(deps.now().getTime() + durationSeconds * 1000);
  return {
    identity: {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
      expiration,
      ...(accountId ? { accountId } : {}),
    },
    expiresAt: expiration.getTime(),
  };
}

/** The account id in an IAM ARN (`arn:aws:iam::123456789012:role/x` -> `123456789012`), or undefined. */
function arnAccount(arn: string): string | undefined {
  return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

/** `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; the role name may carry a path (`audit/IamAudit`). */
export function memberRoleArn(partition: Partition, accountId: string, roleName: string): string {
  const name = roleName.replace(/^\/+|\/+$/g, '');
  return `arn:${partition}:iam::${accountId}:role/${name}`;
}

/** The STS endpoint the SDK calls: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`, or the regional one. */
function stsEndpoint(region: string): string {
  const env = process.env;
  return (
    (env.AWS_ENDPOINT_URL_STS ?? env.AWS_ENDPOINT_URL ?? '').trim() || `https://sts.${region}.amazonaws.com`
  );
}

/**
 * Sign-in failures that are no matter of credentials: the endpoint unreachable (named with its address)
 * or answering a server error (named with its status). Null for anything else.
 */
function unreachedOrServerError(err: unknown, region: string): { what: string; hint: string } | null {
  const found = networkErrorCode(err);
  const endpoint = stsEndpoint(region);
  if (found) {
    return {
      what: `the STS endpoint ${endpoint} could not be reached (${found})`,
      hint: 'This is a network problem, not one of credentials: check the runner’s network, `HTTPS_PROXY`/`NO_PROXY`, and any `AWS_ENDPOINT_URL*` setting.',
    };
  }
  const { status, name } = classifyAwsError(err);
  if (status !== undefined && status >= 500) {
    const body = /^(?:UnknownError|Unknown|Error|ServiceException)$/.test(name)
      ? ' with an empty or unreadable body'
      : ` (${name})`;
    return {
      what: `the STS endpoint ${endpoint} answered HTTP ${status}${body}, even after the SDK retries`,
      hint: 'This is a server error, not one of credentials: run the audit again later; if it persists, check any proxy or `AWS_ENDPOINT_URL*` setting in between.',
    };
  }
  return null;
}

/** The `sub` values the trust policy must match for this token, classic and immutable forms. */
export function subjectForms(claims: OidcClaims): string[] {
  const sub = claims.sub;
  if (!sub) return [];
  const m = /^repo:([^:]+):(.*)$/.exec(sub);
  if (!m) return [sub];
  const [, repoPart, rest] = m as unknown as [string, string, string];
  const forms = new Set<string>([sub]);
  const repository = claims.repository ?? repoPart.replace(/@\d+/g, '');
  const [owner, repo] = repository.split('/');
  if (owner && repo) {
    forms.add(`repo:${owner}/${repo}:${rest}`);
    if (claims.repository_owner_id && claims.repository_id) {
      forms.add(`repo:${owner}@${claims.repository_owner_id}/${repo}@${claims.repository_id}:${rest}`);
    }
  }
  return [...forms];
}

/** The message for a rejected AssumeRoleWithWebIdentity: what the token claims and what to trust. */
function webIdentityTrustHint(config: Config, roleArn: string, claims: OidcClaims): string {
  const roleAccount = arnAccount(roleArn) ?? 'ACCOUNT';
  const provider = `arn:${config.partition}:iam::${roleAccount}:oidc-provider/${GITHUB_OIDC_ISSUER_HOST}`;
  const subs = subjectForms(claims);
  const shown = formatClaims(claims);
  return [
    `The trust policy of ${roleArn} must allow sts:AssumeRoleWithWebIdentity for the federated principal ${provider}`,
    `(an IAM OIDC identity provider for https://${GITHUB_OIDC_ISSUER_HOST} must exist in account ${roleAccount}),`,
    `with the condition "${GITHUB_OIDC_ISSUER_HOST}:aud" = "${claims.aud ?? config.audience}" (the \`audience\` input)`,
    `and a "${GITHUB_OIDC_ISSUER_HOST}:sub" condition (StringLike) that matches this workflow's sub` +
      (subs.length > 0 ? `, e.g. ${subs.map((s) => `"${s}"`).join(' or ')}.` : '.'),
    'Cover both the classic form repo:OWNER/REPO:... and the immutable form repo:OWNER@ID/REPO@ID:... that GitHub',
    'uses for repositories created, renamed or transferred since 15 July 2026.',
    'The ID token presented these claims:',
    ...(shown ? shown.split('\n').map((line) => `  ${line}`) : ['  (the token could not be decoded)']),
  ].join('\n');
}

function webIdentityProvider(config: Config, roleArn: string, deps: SessionDeps): RefreshingProvider {
  // AssumeRoleWithWebIdentity is unsigned: this client never resolves credentials.
  const sts = new STSClient(awsClientConfig({ region: config.awsRegion, ...deps.aws }));
  const durationSeconds = config.roleDurationSeconds;
  let fetched = 0;
  const fetch = async (): Promise<Expiring> => {
    const token = await fetchIdToken(config.audience, deps.getIDToken, deps.env ?? process.env);
    deps.setSecret(token);
    let response;
    try {
      response = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: config.roleSessionName,
          WebIdentityToken: token,
          DurationSeconds: durationSeconds,
        }),
      );
    } catch (err) {
      const { name, kind } = classifyAwsError(err);
      const step = 'AssumeRoleWithWebIdentity';
      const reached = unreachedOrServerError(err, config.awsRegion);
      if (reached) {
        throw new SignInError(`${step} of role-to-assume ${roleArn} failed: ${reached.what}`, {
          code: name,
          step,
          hint: reached.hint,
          cause: err,
        });
      }
      const what = `AssumeRoleWithWebIdentity of role-to-assume ${roleArn} failed: ${name}: ${oneLineMessage(err)}`;
      const hint =
        kind === 'access-denied' || kind === 'invalid-identity-token'
          ? webIdentityTrustHint(config, roleArn, decodeClaims(token))
          : name === 'ValidationError' && /DurationSeconds|duration/i.test(oneLineMessage(err))
            ? `Lower \`role-duration-seconds\` (${durationSeconds}) to at most the role's maximum session duration, or raise that.`
            : null;
      throw new SignInError(what, { code: name, step, hint, cause: err });
    }
    fetched++;
    const expiring = toExpiring(response.Credentials, durationSeconds, deps, arnAccount(roleArn));
    if (fetched > 1) {
      deps.log.info(
        `Refreshed the OIDC session of ${roleArn} (valid until ${new Date(expiring.expiresAt).toISOString()}).`,
      );
    }
    return expiring;
  };
  return refreshingProvider(fetch, deps, `the OIDC session of ${roleArn}`);
}

/** The STS client signed with the audit session, and a way to sign in again when AWS says it expired. */
interface BaseSts {
  /** The current client and its generation (which sign-in it belongs to). */
  current(): { client: STSClient; generation: number };
  /** Signs in again (once per generation, shared by concurrent callers); null when that is impossible. */
  renew: ((generation: number, reason: string) => void) | null;
}

function chainedProvider(
  config: Config,
  roleArn: string,
  base: BaseSts,
  deps: SessionDeps,
): AwsCredentialIdentityProvider {
  const durationSeconds = Math.min(CHAINED_SESSION_MAX_SECONDS, config.roleDurationSeconds);
  const accountId = arnAccount(roleArn);
  const assume = async (retried: boolean): Promise<Expiring> => {
    const { client, generation } = base.current();
    try {
      // Errors keep the SDK's name (AccessDenied, …) so the per-account report can classify them.
      const response = await client.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: config.roleSessionName,
          DurationSeconds: durationSeconds,
        }),
      );
      return toExpiring(response.Credentials, durationSeconds, deps, accountId);
    } catch (err) {
      // The audit session expired under us (revoked, or a clock off): sign in again once and go on.
      if (retried || base.renew === null || !isExpiredToken(err)) throw err;
      base.renew(generation, `${awsErrorName(err)} while assuming ${roleArn}`);
      return assume(true);
    }
  };
  const fetch = (): Promise<Expiring> => assume(false);
  return refreshingProvider(fetch, deps, `the session of ${roleArn}`);
}

/**
 * Signs in and identifies the caller. Throws `SignInError` (with a hint) when that is impossible: then
 * nothing can be audited.
 */
export async function signIn(config: Config, deps: SessionDeps): Promise<AuditSession> {
  // One client, signed with the base credentials, for GetCallerIdentity and every chained AssumeRole.
  let sts: STSClient;
  let baseCredentials: AwsCredentialIdentityProvider;
  let renew: BaseSts['renew'] = null;
  let generation = 0;
  if (config.roleToAssume) {
    const oidc = webIdentityProvider(config, config.roleToAssume, deps);
    baseCredentials = oidc;
    // Fail here, with the trust-policy hint, rather than inside the first account.
    await baseCredentials();
    const newClient = () =>
      new STSClient(awsClientConfig({ region: config.awsRegion, credentials: baseCredentials, ...deps.aws }));
    sts = newClient();
    // A new client too: the SDK caches resolved credentials per client until shortly before they expire.
    renew = (seen, reason) => {
      if (seen !== generation) return; // another account already signed in again
      generation++;
      deps.log.warning(`The audit session expired (${reason}): signing in again with a new OIDC token.`);
      oidc.invalidate();
      sts = newClient();
    };
  } else {
    // The SDK's default credential chain (env, shared config/SSO, web identity file, container, IMDS),
    // as the client resolves it without explicit credentials.
    sts = new STSClient(awsClientConfig({ region: config.awsRegion, ...deps.aws }));
    baseCredentials = sts.config.credentials;
  }
  let callerAccountId: string;
  let callerArn: string;
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account || !identity.Arn) throw new Error('GetCallerIdentity returned no account');
    callerAccountId = identity.Account;
    callerArn = identity.Arn;
  } catch (err) {
    if (err instanceof SignInError) throw err;
    const { name, kind } = classifyAwsError(err);
    const fields = { code: name, step: 'GetCallerIdentity', cause: err };
    const reached = unreachedOrServerError(err, config.awsRegion);
    if (reached) {
      throw new SignInError(`Could not sign in to AWS: ${reached.what}`, { ...fields, hint: reached.hint });
    }
    const hint =
      kind === 'expired-token'
        ? config.roleToAssume
          ? 'The session of `role-to-assume` expired at once: check the runner’s clock.'
          : 'The ambient AWS credentials have expired (e.g. an SSO session, or credentials an earlier step ' +
            'configured for a shorter time than the job runs): refresh them (`aws sso login`, or run ' +
            'aws-actions/configure-aws-credentials right before this step), or set `role-to-assume` to sign in ' +
            'with GitHub OIDC, which this action refreshes itself.'
        : config.roleToAssume
          ? null
          : 'Without `role-to-assume` the audit uses the ambient AWS credentials (environment, shared config or SSO ' +
            'profile, instance or container role): configure them (e.g. with aws-actions/configure-aws-credentials), ' +
            'or set `role-to-assume` to sign in with GitHub OIDC.';
    throw new SignInError(`Could not sign in to AWS: ${name}: ${oneLineMessage(err)}`, { ...fields, hint });
  }
  deps.log.info(`Signed in to AWS account ${callerAccountId} as ${callerArn}.`);

  const chaining = (config.accounts.length > 0 || config.organization) && config.accountRoleName !== null;
  const roleName = config.accountRoleName;
  const chained = new Map<string, AwsCredentialIdentityProvider>();
  const roleArnFor = (accountId: string): string | null =>
    chaining && roleName !== null && accountId !== callerAccountId
      ? memberRoleArn(config.partition, accountId, roleName)
      : null;

  const second = new Map<string, AwsCredentialIdentityProvider>();
  return {
    callerAccountId,
    callerArn,
    baseCredentials,
    roleArnFor,
    assumeRoleIn(accountId: string, otherRole: string) {
      const roleArn = memberRoleArn(config.partition, accountId, otherRole);
      let credentials = second.get(roleArn);
      if (!credentials) {
        credentials = chainedProvider(
          config,
          roleArn,
          { current: () => ({ client: sts, generation }), renew },
          deps,
        );
        second.set(roleArn, credentials);
      }
      return { roleArn, credentials };
    },
    credentialsFor(accountId: string): AwsCredentialIdentityProvider {
      const roleArn = roleArnFor(accountId);
      // The signed-in account is audited with the signed-in identity itself (docs/design.md §6).
      if (roleArn === null) return baseCredentials;
      let provider = chained.get(accountId);
      if (!provider) {
        provider = chainedProvider(
          config,
          roleArn,
          { current: () => ({ client: sts, generation }), renew },
          deps,
        );
        chained.set(accountId, provider);
      }
      return provider;
    },
  };
}
