// The bare AWS SDK v3 baseline of the live bench's CPU-per-call figure (issue 24): the same AWS calls the
// action made, against the same endpoint, with nothing but the SDK: one STS client for the run (the
// sign-in and every AssumeRole), one IAM client per account with the SDK's default request handler
// (keep-alive), `concurrency` accounts at once, each account's calls in the order the action made them
// (read from PLAN.json, recorded at the proxy). No parsing, no rule, no reports: what any tool making
// these calls must spend. Run under scripts/lib/rss-probe.mjs, which records its CPU time.
//
// Usage: node --import rss-probe.mjs bare-sdk.mjs PLAN.json
// PLAN: { "concurrency": 16, "region": "us-east-1",
//         "accounts": [ { "roleArn": "arn:…" | null, "calls": [ { "action": "…", "params": {…} } ] } ] }
// AWS_ENDPOINT_URL and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY come from the environment.
import { readFileSync } from 'node:fs';
import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const COMMANDS = {
  GenerateCredentialReport: () => new GenerateCredentialReportCommand({}),
  GetCredentialReport: () => new GetCredentialReportCommand({}),
  ListAccountAliases: () => new ListAccountAliasesCommand({}),
  ListAccessKeys: (p) => new ListAccessKeysCommand({ UserName: p.UserName }),
  ListUserTags: (p) => new ListUserTagsCommand({ UserName: p.UserName }),
  GetAccessKeyLastUsed: (p) => new GetAccessKeyLastUsedCommand({ AccessKeyId: p.AccessKeyId }),
};
/** CloudTrail's LookupEvents, from its recorded JSON input (times as epoch seconds on the wire). */
function lookupEvents(p) {
  const input = JSON.parse(p.Input);
  for (const k of ['StartTime', 'EndTime'])
    if (typeof input[k] === 'number') input[k] = new Date(input[k] * 1000);
  return new LookupEventsCommand(input);
}

const sts = new STSClient({ region: plan.region });
let calls = 0;
await sts.send(new GetCallerIdentityCommand({}));
calls++;

async function account({ roleArn, calls: list }) {
  let credentials;
  if (roleArn) {
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bare-sdk' }));
    calls++;
    credentials = {
      accessKeyId: r.Credentials.AccessKeyId,
      secretAccessKey: r.Credentials.SecretAccessKey,
      sessionToken: r.Credentials.SessionToken,
    };
  }
  const iam = new IAMClient({ region: plan.region, ...(credentials ? { credentials } : {}) });
  let trail = null;
  try {
    for (const c of list) {
      if (c.action === 'LookupEvents') {
        trail ??= new CloudTrailClient({ region: plan.region, ...(credentials ? { credentials } : {}) });
        await trail.send(lookupEvents(c.params));
        calls++;
        continue;
      }
      const make = COMMANDS[c.action];
      if (!make) throw new Error(`bare-sdk: no command for ${c.action}`);
      const out = await iam.send(make(c.params));
      if (c.action === 'GetCredentialReport' && !(out.Content?.length > 0)) throw new Error('empty report');
      calls++;
    }
  } finally {
    iam.destroy();
    trail?.destroy();
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: Math.min(plan.concurrency, plan.accounts.length) }, async () => {
    while (next < plan.accounts.length) await account(plan.accounts[next++]);
  }),
);
sts.destroy();
console.log(JSON.stringify({ calls }));
