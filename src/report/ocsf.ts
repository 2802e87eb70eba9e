/**
 * OCSF 1.6 Compliance Findings for security data lakes (docs/design.md §12, docs/ocsf.md): one finding of class
 * 2003 (category Findings, activity Create) per failing key of the run, exempted keys and keys their users
 * made (docs/design.md §10) left out (a key
 * deactivated by this run is no longer a failing finding). Pure: a function of the audit result. The
 * version is the one AWS Security Hub takes; its identity (`finding_info.uid`) is the finding's identity
 * (src/evaluate/identity.ts), so a key is the same OCSF finding from run to run, as it is one code
 * scanning alert and one Security Hub finding.
 *
 * Times are OCSF `timestamp_t`: epoch milliseconds. IAM is a global service: `cloud.region` and the
 * resources' `region` are the partition's IAM region (us-east-1, us-gov-west-1, cn-north-1), where AWS
 * itself records IAM's events.
 */
import type { AuditResult, Finding } from '../model.js';
import { TOOL_NAME, type Rule } from '../evaluate/rule.js';
import { ruleOf } from '../evaluate/rules/index.js';
import { findingIdentity } from '../evaluate/identity.js';
import { isFailing, type KeyCreation } from '../evaluate/intent.js';
import { findingSentence } from './format.js';
import { jsonText } from './json-text.js';
import { VERSION } from '../version.js';

/** The OCSF schema version written: the one AWS Security Hub supports. */
export const OCSF_VERSION = '1.6.0';
const VENDOR = 'iam-initial-access-key-audit contributors';

const CLASS_UID = 2003;
const CATEGORY_UID = 2;
/** `activity_id` 1: a finding was created (each run reports the findings it sees). */
const ACTIVITY_CREATE = 1;

/** OCSF `severity_id` and its caption, by a rule's severity. */
const SEVERITY: Readonly<Record<Rule['severity'], { id: number; caption: string }>> = {
  informational: { id: 1, caption: 'Informational' },
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

/** Where AWS records IAM's events in each partition. */
const IAM_REGION: Readonly<Record<string, string>> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
};

interface OcsfUser {
  type_id: number;
  type: string;
  name: string;
  uid: string;
  has_mfa: boolean;
}

interface OcsfResource {
  type: string;
  uid: string;
  name: string;
  cloud_partition: string;
  region: string;
  role_id: number;
  role: string;
  created_time?: number;
  owner?: OcsfUser;
  data: Record<string, string | number | boolean | null>;
}

/** One OCSF 1.6 Compliance Finding (class 2003), as written. */
export interface OcsfComplianceFinding {
  activity_id: number;
  activity_name: string;
  category_uid: number;
  category_name: string;
  class_uid: number;
  class_name: string;
  type_uid: number;
  type_name: string;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  time: number;
  timezone_offset: number;
  message: string;
  metadata: {
    version: string;
    profiles: string[];
    product: { name: string; uid: string; vendor_name: string; version: string };
  };
  /** Who made the key and its console description (live runs only). */
  unmapped?: { keyCreation: KeyCreation; keyDescription: string | null };
  finding_info: {
    uid: string;
    title: string;
    desc: string;
    first_seen_time?: number;
    last_seen_time: number;
    analytic: { uid: string; name: string; type_id: number; type: string };
  };
  compliance: {
    control: string;
    desc: string;
    standards: string[];
    requirements: string[];
    checks: {
      uid: string;
      name: string;
      standards: string[];
      version: string;
      status_id: number;
      status: string;
    }[];
    status_id: number;
    status: string;
  };
  remediation: { desc: string; references: string[] };
  resources: OcsfResource[];
  cloud: {
    provider: string;
    region: string;
    account: { uid: string; type_id: number; type: string; name?: string };
  };
}

/** Epoch ms of an ISO time, or undefined when it is absent or not a time. */
function epochMs(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** `aws`, `aws-us-gov`, `aws-cn`: the partition of a user ARN. */
function partitionOf(arn: string): string {
  const p = /^arn:([^:]+):/.exec(arn)?.[1];
  return p && p in IAM_REGION ? p : 'aws';
}

function description(f: Finding, rule: Rule, result: AuditResult): string {
  return findingSentence(f, {
    setupWindowSeconds: result.settings.setupWindowSeconds,
    asOf: result.asOf,
    shortDescription: rule.shortDescription,
  });
}

function resources(f: Finding, partition: string, region: string): OcsfResource[] {
  const keyCreated = epochMs(f.keyCreatedAt);
  const userCreated = epochMs(f.userCreatedAt);
  return [
    {
      type: 'AWS::IAM::AccessKey',
      // Offline runs have no key id: the slot of the user names the key, as in the ASFF resource.
      uid: f.accessKeyId ?? `${f.userArn}/access-key-${f.keySlot}`,
      name: f.accessKeyId ?? `access key in slot ${f.keySlot}`,
      cloud_partition: partition,
      region,
      role_id: 1,
      role: 'Target',
      ...(keyCreated === undefined ? {} : { created_time: keyCreated }),
      owner: { type_id: 1, type: 'User', name: f.userName, uid: f.userArn, has_mfa: f.mfaActive },
      data: {
        status: 'Active',
        slot: f.keySlot,
        reason: f.reason,
        setupGapSeconds: f.setupGapSeconds,
        lastUsedAt: f.keyLastUsedAt,
        lastUsedService: f.keyLastUsedService,
        lastUsedRegion: f.keyLastUsedRegion,
        exemptionExpired: f.exemptionExpired,
        location: f.location,
      },
    },
    {
      type: 'AWS::IAM::User',
      uid: f.userArn,
      name: f.userName,
      cloud_partition: partition,
      region,
      role_id: 4,
      role: 'Related',
      ...(userCreated === undefined ? {} : { created_time: userCreated }),
      data: { passwordEnabled: true, passwordLastUsedAt: f.passwordLastUsedAt, mfaActive: f.mfaActive },
    },
  ];
}

/** The OCSF Compliance Finding of one failing key. */
function ocsfFinding(
  f: Finding,
  result: AuditResult,
  aliases: ReadonlyMap<string, string | null>,
): OcsfComplianceFinding {
  const rule = ruleOf(f);
  const time = epochMs(result.generatedAt) ?? 0;
  const firstSeen = epochMs(f.firstSeenAt);
  const severity = SEVERITY[rule.severity];
  const partition = partitionOf(f.userArn);
  const region = IAM_REGION[partition] as string;
  const alias = aliases.get(f.accountId);
  const title = `IAM user ${f.userName} has ${rule.wording.findingTitle(f, result.settings.setupWindowSeconds)}`;
  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.caption,
    status_id: 1,
    status: 'New',
    time,
    timezone_offset: 0,
    message: title,
    metadata: {
      version: OCSF_VERSION,
      profiles: ['cloud'],
      product: { name: TOOL_NAME, uid: TOOL_NAME, vendor_name: VENDOR, version: VERSION },
    },
    finding_info: {
      uid: findingIdentity(f),
      title,
      desc: description(f, rule, result),
      ...(firstSeen === undefined ? {} : { first_seen_time: firstSeen }),
      last_seen_time: time,
      analytic: { uid: rule.id, name: rule.name, type_id: 1, type: 'Rule' },
    },
    compliance: {
      control: rule.id,
      desc: rule.fullDescription,
      standards: [...new Set(rule.cis.map((m) => `${m.benchmark} ${m.version}`))],
      requirements: rule.cis.map((m) => `CIS AWS Foundations Benchmark ${m.version}/${m.control}`),
      checks: rule.cis.map((m) => ({
        uid: m.control,
        name: rule.shortDescription,
        standards: [`${m.benchmark} ${m.version}`],
        version: m.version.replace(/^v/, ''),
        status_id: 3,
        status: 'Fail',
      })),
      status_id: 3,
      status: 'Fail',
    },
    remediation: { desc: rule.recommendation, references: [rule.helpUri] },
    resources: resources(f, partition, region),
    cloud: {
      provider: 'AWS',
      region,
      account: { uid: f.accountId, type_id: 10, type: 'AWS Account', ...(alias ? { name: alias } : {}) },
    },
    // Who made the key (docs/design.md §10): OCSF has no attribute for it, so it is `unmapped`; live only.
    ...(f.keyCreation === undefined
      ? {}
      : { unmapped: { keyCreation: { ...f.keyCreation }, keyDescription: f.keyDescription ?? null } }),
  };
}

/** The run's OCSF findings, made one at a time: every failing key, exempted keys left out. */
function* ocsfRecords(result: AuditResult): Generator<OcsfComplianceFinding> {
  const aliases = new Map(result.accounts.map((a) => [a.accountId, a.alias]));
  for (const f of result.findings) if (isFailing(f)) yield ocsfFinding(f, result, aliases);
}

/** The OCSF file's text (a JSON array), in chunks; its findings are made as they are written. */
export function ocsfFileText(result: AuditResult): Iterable<string> {
  const findings: OcsfComplianceFinding[] = [];
  return jsonText(findings, new Map([[findings, () => ocsfRecords(result)]]));
}
