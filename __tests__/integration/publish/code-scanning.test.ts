import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { carriedFromListing } from '../../../src/publish/code-scanning.js';
import { listOpenAlerts, type ListOpenAlertsOptions } from '../../../src/publish/history.js';
import { createOctokit } from '../../../src/publish/octokit.js';
import { locationFingerprint } from '../../../src/report/sarif.js';
import {
  fastTiming,
  pointGitHubApiAt,
  startGitHubServer,
  type GitHubServer,
} from '../../helpers/github-server.js';
import { makeAccount, makeFailedAccount, makeFinding, makeResult } from '../../helpers/results.js';
import { buildSarif } from '../../helpers/reports.js';

const TOOL = 'iam-initial-access-key-audit';
const FAILED = '210987654321';
const OK = '123456789012';

let server: GitHubServer;
let restoreApi: () => void = () => undefined;
let warnings: string[];
const log = { warning: (m: string) => warnings.push(m), info: () => undefined };

beforeEach(async () => {
  server = await startGitHubServer();
  restoreApi = pointGitHubApiAt(server.url);
  warnings = [];
});

afterEach(async () => {
  restoreApi();
  await server.stop();
});

/** What publish does: one listing of the open alerts, then the failed accounts' share of it. */
async function fetchCarriedAlerts(opts: ListOpenAlertsOptions & { failedAccountIds: string[] }) {
  if (opts.failedAccountIds.length === 0) return { alerts: [], warning: null }; // publish lists anyway, for the history
  const listing = await listOpenAlerts(opts);
  return carriedFromListing(listing, opts.failedAccountIds, opts.log);
}

function fetchFor(failedAccountIds: string[], ref?: string) {
  return fetchCarriedAlerts({
    octokit: createOctokit('ghs_local_test', { log, settings: fastTiming() }),
    owner: server.owner,
    repo: server.repo,
    toolName: TOOL,
    failedAccountIds,
    ...(ref ? { ref } : {}),
    log,
  });
}

describe('fetchCarriedAlerts', () => {
  it("returns the open alerts of this tool under a failed account, over several pages, and no one else's", async () => {
    for (let i = 0; i < 130; i++) {
      server.addAlert({
        path: `aws/${FAILED}/iam/user/u${String(i).padStart(3, '0')}/key-created-20240110T090012Z`,
        message: `alert ${i}`,
      });
    }
    server.addAlert({ path: `aws/${OK}/iam/user/alice/key-created-20240110T090012Z` });
    server.addAlert({ path: `aws/${FAILED}1/iam/user/prefix-trap/key-created-20240110T090012Z` });
    server.addAlert({ path: `aws/${FAILED}/iam/user/fixed/key-created-20240110T090012Z`, state: 'fixed' });
    server.addAlert({
      path: `aws/${FAILED}/iam/user/dismissed/key-created-20240110T090012Z`,
      state: 'dismissed',
    });
    server.addAlert({ path: `aws/${FAILED}/iam/user/other-tool/x`, tool: 'CodeQL' });

    const { alerts, warning } = await fetchFor([FAILED]);
    expect(warning).toBeNull();
    expect(alerts).toHaveLength(130);
    expect(alerts[0]).toEqual({
      ruleId: 'iam-initial-access-key',
      accountId: FAILED,
      location: `aws/${FAILED}/iam/user/u000/key-created-20240110T090012Z`,
      message: 'alert 0',
    });
    expect(alerts.map((a) => a.location)).toEqual([...alerts.map((a) => a.location)].sort());
    const lists = server.requests.filter((r) => r.path.endsWith('/code-scanning/alerts'));
    expect(lists.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(lists[0]?.query).toMatchObject({ tool_name: TOOL, state: 'open', per_page: '100' });
  });

  it('passes the ref on, and asks nothing when no account failed', async () => {
    server.addAlert({
      path: `aws/${FAILED}/iam/user/bob/key-created-20240110T090012Z`,
      ref: 'refs/heads/dev',
    });
    const onMain = await fetchFor([FAILED], 'refs/heads/main');
    expect(onMain.alerts).toEqual([]);
    const onDev = await fetchFor([FAILED], 'refs/heads/dev');
    expect(onDev.alerts).toHaveLength(1);
    expect(server.requests.at(-1)?.query.ref).toBe('refs/heads/dev');

    server.clearRequests();
    expect(await fetchFor([])).toEqual({ alerts: [], warning: null });
    expect(server.requests).toEqual([]);
  });

  it('warns (does not fail) without `security-events: read`', async () => {
    server.fail({ kind: 'forbidden', permission: 'security_events=read' }, { path: /code-scanning/ });
    const { alerts, warning } = await fetchFor([FAILED, '333333333333']);
    expect(alerts).toEqual([]);
    expect(warning).toMatch(/security-events: read/);
    expect(warning).toMatch(/333333333333, 210987654321|210987654321, 333333333333/);
    expect(warning).toMatch(/will show as fixed until their next successful run/);
  });

  it('warns when code scanning has no analysis yet (404)', async () => {
    server.fail({ kind: 'not-found', message: 'no analysis found' }, { path: /code-scanning/ });
    const { alerts, warning } = await fetchFor([FAILED]);
    expect(alerts).toEqual([]);
    expect(warning).toMatch(/HTTP 404.*not enabled or has no analysis/);
  });

  it('warns (does not throw) on an error that is not an HTTP one', async () => {
    const real = createOctokit('ghs_local_test', { log, settings: fastTiming() });
    const broken = {
      ...real,
      paginate: () => Promise.reject(new TypeError('fetch failed: getaddrinfo ENOTFOUND')),
    } as unknown as typeof real;
    const infos: string[] = [];
    const { alerts, warning } = await fetchCarriedAlerts({
      octokit: broken,
      owner: server.owner,
      repo: server.repo,
      toolName: TOOL,
      failedAccountIds: [FAILED],
      log: { ...log, info: (m: string) => infos.push(m) },
    });
    expect(alerts).toEqual([]);
    expect(warning).toBe(
      'Could not list the open code scanning alerts (fetch failed: getaddrinfo ENOTFOUND): an unexpected error. ' +
        `The alerts of the failed account(s) ${FAILED} will show as fixed until their next successful run.`,
    );
    expect(infos.join('\n')).toMatch(
      /Unexpected error while listing code scanning alerts: TypeError: fetch failed/,
    );
  });

  it('retries a 5xx', async () => {
    server.addAlert({ path: `aws/${FAILED}/iam/user/bob/key-created-20240110T090012Z` });
    server.fail({ kind: 'server-error' }, { path: /code-scanning/ });
    const { alerts, warning } = await fetchFor([FAILED]);
    expect(warning).toBeNull();
    expect(alerts).toHaveLength(1);
  });

  it('an alert of a failed account survives: written again with the same path and fingerprint', async () => {
    const path = `aws/${FAILED}/iam/user/ops/bob/key-created-20240110T090012Z`;
    server.addAlert({ path, message: 'bob has an unused key' });
    const { alerts } = await fetchFor([FAILED]);
    const result = makeResult({
      accounts: [makeAccount({ accountId: OK }), makeFailedAccount({ accountId: FAILED })],
      findings: [makeFinding({ accountId: OK })],
      carriedForward: alerts,
    });
    const results = buildSarif(result, { toolVersion: '0.0.0' }).runs[0]?.results ?? [];
    const carried = results.find((r) => r.properties?.['carriedForward'] === true);
    expect(carried?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(path);
    expect(carried?.partialFingerprints?.['primaryLocationLineHash']).toBe(locationFingerprint(path));
    expect(results).toHaveLength(2);
  });
});
